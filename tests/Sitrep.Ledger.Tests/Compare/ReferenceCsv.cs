using System.Collections.Immutable;
using System.Text;
using Sitrep.Core;
using Sitrep.Ledger.Compare;

namespace Sitrep.Ledger.Tests.Compare;

/// <summary>
/// Reference tables the tests write themselves, in the shape of the air-force tally (the same 22 columns), with
/// rows made up for the tests; and ledger attacks given in code.
/// </summary>
internal static class ReferenceCsv
{
    public const string Header =
        "time_start,time_end,model,launch_place,target,target_main,launched,destroyed,not_reach_goal,still_attacking,border_crossing,"
        + "is_shahed,num_hit_location,num_fall_fragment_location,carrier,turbojet,turbojet_destroyed,affected region,destroyed_details,"
        + "launched_details,launch_place_details,source";

    /// <summary>One row: the window, the model and the figures as written; the other columns filled like the real shape.</summary>
    public static string Row(string start, string end, string model, string launched, string destroyed, string launchPlace = "Kursk oblast and Oryol oblast") =>
        string.Join(',',
        [
            Quote(start), Quote(end), Quote(model), Quote(launchPlace), "Ukraine", "", launched, destroyed, "0.0", "", "{}", "", "3.0", "",
            "", "", "", "", Quote("{'south': 4, 'east': NaN}"), "", "", "kpszsu/posts/test",
        ]);

    public static string Table(params string[] rows) => Header + "\n" + string.Join("\n", rows) + "\n";

    public static ReferenceReadResult Read(string csv) => ReferenceReader.Read(Encoding.UTF8.GetBytes(csv), "test.csv");

    public static ReferenceTable Reference(params string[] rows)
    {
        var r = Read(Table(rows));
        Assert.True(r.Ok, r.Error?.ToString());
        Assert.Empty(r.Table!.BadRows);
        return r.Table;
    }

    public static LedgerAttackFigures Attack(long id, string date, int? droneLaunched = null, int? droneDestroyed = null, int? missileLaunched = null,
        int? missileDestroyed = null, Side attacker = Side.Russia, Country target = Country.Ukraine)
    {
        var families = ImmutableArray.CreateBuilder<AttackFamilyFigures>();
        if (droneLaunched is not null || droneDestroyed is not null)
        {
            families.Add(new AttackFamilyFigures(WeaponFamily.Drone, droneLaunched, droneDestroyed));
        }

        if (missileLaunched is not null || missileDestroyed is not null)
        {
            families.Add(new AttackFamilyFigures(WeaponFamily.Missile, missileLaunched, missileDestroyed));
        }

        return new LedgerAttackFigures(id, DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture), attacker, target, families.ToImmutable());
    }

    private static string Quote(string field) =>
        field.AsSpan().IndexOfAny(",\"\n") >= 0 ? "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : field;
}
