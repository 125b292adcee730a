using System.Collections.Immutable;
using System.Text.Json;
using Sitrep.Cli;
using Sitrep.Cli.Commands;
using Sitrep.Core;
using Sitrep.Ledger.Compare;
using Sitrep.Storage;

namespace Sitrep.Cli.Tests.Ledger;

/// <summary><c>sitrep compare</c> in-process, with attacks given in code through the command's seam.</summary>
public sealed class CompareCommandTests : IDisposable
{
    private const string Header =
        "time_start,time_end,model,launch_place,target,target_main,launched,destroyed,not_reach_goal,still_attacking,border_crossing,"
        + "is_shahed,num_hit_location,num_fall_fragment_location,carrier,turbojet,turbojet_destroyed,affected region,destroyed_details,"
        + "launched_details,launch_place_details,source";

    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    private static string Row(string start, string end, string model, string launched, string destroyed) =>
        $"{start},{end},{(model.Contains(',', StringComparison.Ordinal) ? $"\"{model}\"" : model)},\"Kursk oblast, Bryansk oblast\",Ukraine,,{launched},{destroyed},0.0,,{{}},,,,,,,,,,,kpszsu/posts/test";

    private string WriteReference(params string[] rows) => _dir.Write("reference.csv", Header + "\n" + string.Join("\n", rows) + "\n");

    private string Sample() => WriteReference(
        Row("2026-03-01 18:00", "2026-03-02 08:30", "Shahed-136/131", "236.0", "215.0"),
        Row("2026-03-01 18:00", "2026-03-02 08:30", "X-101/X-555 and Kalibr", "12.0", "10.0"),
        Row("2026-03-02 18:00", "2026-03-03 08:30", "Shahed-136/131", "100.0", "90.0"),
        Row("2026-03-03", "2026-03-03", "Unknown UAV", "8.0", "8.0"),
        Row("2026-03-03 18:00", "2026-03-04 08:30", "Iskander-M/KN-23", "4.0", "0.0"),
        Row("2026-03-03 18:00", "2026-03-04 08:30", "Zubr-9 Reconnaissance Glider Mk II", "3.0", "3.0"),
        Row("2026-05-01 18:00", "2026-05-02 08:30", "Shahed-136/131", "500.0", "450.0")); // outside the ledger's nights

    private static LedgerAttackFigures Attack(long id, string date, WeaponFamily family, int? launched, int? destroyed) =>
        new(id, DateOnly.ParseExact(date, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), Side.Russia, Country.Ukraine,
            [new AttackFamilyFigures(family, launched, destroyed)]);

    private static readonly ImmutableArray<LedgerAttackFigures> Attacks =
    [
        Attack(101, "2026-03-02", WeaponFamily.Drone, 200, 180),
        .. Enumerable.Range(1, 11).Select(i => Attack(200 + i, "2026-03-02", WeaponFamily.Missile, 1, null)), // many ids in one row: 11 of 12
        Attack(301, "2026-03-03", WeaponFamily.Drone, 108, 98),
        Attack(401, "2026-03-04", WeaponFamily.Missile, 4, 0),
    ];

    /// <summary>Runs the command as Program.Run does (usage errors are exit 2), with the attacks given.</summary>
    private static Cli.Result Run(IAttackNights attacks, params string[] args)
    {
        var o = new StringWriter();
        var e = new StringWriter();
        var console = new CliConsole(o, e, interactive: false);
        int code;
        try
        {
            code = new CompareCommand(_ => attacks) is var command ? command.Run(CommandLine.Parse(command, args), console) : 0;
        }
        catch (UsageException ex)
        {
            e.WriteLine(ex.Message);
            code = 2;
        }

        return new Cli.Result(code, o.ToString(), e.ToString());
    }

    private static Cli.Result Run(params string[] args) => Run(new InMemoryAttackNights(Attacks), args);

    [Fact]
    public void The_table_lists_every_night_and_family_and_fits_80_columns()
    {
        var r = Run("--reference", Sample());
        Assert.Equal(0, r.Code);
        Assert.Equal("", r.Err);
        var lines = r.Out.Split('\n');
        Assert.All(lines, l => Assert.True(l.Length <= 80, $"{l.Length} columns: {l}"));
        Assert.StartsWith("NIGHT", lines[0], StringComparison.Ordinal);
        Assert.Contains(lines, l => l.StartsWith("2026-03-02  drone", StringComparison.Ordinal) && l.Contains("200/180", StringComparison.Ordinal)
            && l.Contains("236/215", StringComparison.Ordinal) && l.Contains("mismatch", StringComparison.Ordinal) && l.EndsWith("A101", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("2026-03-02  missile", StringComparison.Ordinal) && l.Contains("11/?", StringComparison.Ordinal)
            && l.Contains("within 10%", StringComparison.Ordinal) && l.Contains("A201 A202", StringComparison.Ordinal) && l.EndsWith("…", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("2026-03-03  drone", StringComparison.Ordinal) && l.Contains("exact", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.StartsWith("2026-05-02", StringComparison.Ordinal));
        var text = string.Join(" ", lines.Select(l => l.Trim())); // the summary is wrapped
        Assert.Contains("Nights 2026-03-02 to 2026-03-04 (3; from the ledger's first night to the ledger's last night).", text, StringComparison.Ordinal);
        Assert.Contains("Mismatches (1):", text, StringComparison.Ordinal);
        Assert.Contains("Zubr-9 Reconnaissance Glider Mk II: 1,", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Reference_only_nights_are_counted_and_listed_only_with_all()
    {
        // The ledger has no missiles on the night to 3 March: that row is the reference's alone.
        var reference = WriteReference(
            Row("2026-03-01 18:00", "2026-03-02 08:30", "Shahed-136/131", "236.0", "215.0"),
            Row("2026-03-02 18:00", "2026-03-03 08:30", "Kalibr", "6.0", "5.0"));
        bool Listed(string output) => output.Split('\n').Any(l => l.StartsWith("2026-03-03  missile", StringComparison.Ordinal));

        var table = Run("--reference", reference);
        Assert.Equal(0, table.Code);
        Assert.False(Listed(table.Out));
        Assert.Contains("1 reference-only rows (night and family) not listed; --all lists them.", table.Out, StringComparison.Ordinal);

        var all = Run("--reference", reference, "--all");
        Assert.Equal(0, all.Code);
        Assert.True(Listed(all.Out), all.Out);
        Assert.DoesNotContain("not listed", all.Out, StringComparison.Ordinal);

        var json = Run("--reference", reference, "--format", "json");
        Assert.Contains("\"2026-03-03\"", json.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Json_is_one_object_with_nights_and_a_summary()
    {
        var r = Run("--reference", Sample(), "--format", "json");
        Assert.Equal(0, r.Code);
        using var doc = JsonDocument.Parse(r.Out);
        var root = doc.RootElement;
        Assert.Equal(["reference", "span", "nights", "summary"], root.EnumerateObject().Select(p => p.Name));
        var nights = root.GetProperty("nights").EnumerateArray().ToList();
        Assert.Equal(4, nights.Count);
        Assert.Equal(
            ["2026-03-02 drone mismatch", "2026-03-02 missile within_10pct", "2026-03-03 drone exact", "2026-03-04 missile exact"],
            nights.Select(n => $"{n.GetProperty("night").GetString()} {n.GetProperty("family").GetString()} {n.GetProperty("agreement").GetString()}"));
        Assert.Equal(11, nights[1].GetProperty("attacks").GetArrayLength());
        var s = root.GetProperty("summary");
        Assert.Equal(4, s.GetProperty("compared").GetInt32());
        Assert.Equal(0.5, s.GetProperty("exact").GetProperty("share").GetDouble());
        Assert.Equal("A101", s.GetProperty("mismatches")[0].GetProperty("attacks")[0].GetString());
    }

    [Fact]
    public void Since_and_until_set_the_nights_compared()
    {
        var r = Run("--reference", Sample(), "--since", "2026-03-03", "--until", "2026-05-02", "--format", "json");
        Assert.Equal(0, r.Code);
        using var doc = JsonDocument.Parse(r.Out);
        var span = doc.RootElement.GetProperty("span");
        Assert.Equal(("2026-03-03", "given", 61), (span.GetProperty("since").GetString(), span.GetProperty("until_from").GetString(), span.GetProperty("nights").GetInt32()));
        var nights = doc.RootElement.GetProperty("nights").EnumerateArray().Select(n => n.GetProperty("night").GetString()).ToList();
        Assert.Equal(["2026-03-03", "2026-03-04", "2026-05-02"], nights);
    }

    [Fact]
    public void Bad_rows_are_warned_about_and_the_rest_compared()
    {
        var path = WriteReference(
            Row("2026-03-01 18:00", "2026-03-02 08:30", "Shahed-136/131", "236.0", "215.0"),
            Row("2026-03-01 18:00", "someday", "Kalibr", "6.0", "6.0"));
        var r = Run("--reference", path);
        Assert.Equal(0, r.Code);
        Assert.Contains("SR105", r.Err, StringComparison.Ordinal);
        Assert.Contains("1 of 2 rows", r.Err, StringComparison.Ordinal);
        Assert.Contains("line 3: time_end 'someday' is not a date", r.Err, StringComparison.Ordinal);
        Assert.Contains("mismatch", r.Out, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("missing.csv", "SR101")]
    [InlineData("notes.json", "SR103")]
    [InlineData("columns.csv", "SR104")]
    public void A_reference_that_cannot_be_read_is_exit_1(string file, string code)
    {
        var path = file switch
        {
            "missing.csv" => _dir.Path(file),
            "notes.json" => _dir.Write(file, "{\"nights\": []}"),
            _ => _dir.Write(file, "night,drones\n2026-03-02,80\n"),
        };
        var r = Run("--reference", path);
        Assert.Equal(1, r.Code);
        Assert.Equal("", r.Out);
        Assert.StartsWith($"sitrep compare: {code}: ", r.Err, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--format", "csv")]
    [InlineData("--since", "March 3")]
    [InlineData("--since", "2026-03-04", "--until", "2026-03-02")]
    [InlineData("--sinse", "2026-03-04")]
    [InlineData("extra.csv")]
    public void Usage_mistakes_are_exit_2(params string[] extra)
    {
        var r = Run(["--reference", Sample(), .. extra]);
        Assert.Equal(2, r.Code);
        Assert.Equal("", r.Out);
    }

    [Fact]
    public void A_store_error_is_exit_3()
    {
        var r = Run(new FailingAttackNights(), "--reference", Sample());
        Assert.Equal(3, r.Code);
        Assert.Contains("sitrep compare: ST005: ", r.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void The_registered_command_reads_db_and_says_store_errors_and_usage()
    {
        Assert.Contains("compare", Cli.Run("--help").Out, StringComparison.Ordinal);
        var help = Cli.Run("compare", "--help");
        Assert.Equal(0, help.Code);
        Assert.Contains("time_end", help.Out, StringComparison.Ordinal);
        Assert.Contains("within 10%", help.Out, StringComparison.Ordinal);

        var usage = Cli.Run("compare");
        Assert.Equal(2, usage.Code);
        Assert.Contains("--reference FILE is required", usage.Err, StringComparison.Ordinal);

        var badDb = Cli.Run("compare", "--reference", Sample(), "--db", "/proc/sitrep-no-such-folder/store.db"); // a store that cannot be opened
        Assert.Equal(3, badDb.Code);
        Assert.Contains("sitrep compare: ST", badDb.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_ledger_nights_the_table_says_what_to_do()
    {
        var r = Run(new InMemoryAttackNights([]), "--reference", Sample());
        Assert.Equal(0, r.Code);
        Assert.Contains("Give --since and --until", r.Out, StringComparison.Ordinal);
    }

    private sealed class FailingAttackNights : IAttackNights
    {
        public Task<IReadOnlyList<LedgerAttackFigures>> ReadAsync(DateOnly? since, DateOnly? until, CancellationToken cancellationToken = default) =>
            throw new StoreException("ST005", "Cannot use the PostgreSQL store: the server is down.");
    }
}
