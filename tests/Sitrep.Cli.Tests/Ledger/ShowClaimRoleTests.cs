using System.Text.Json;

namespace Sitrep.Cli.Tests.Ledger;

/// <summary><c>sitrep show</c> says what each claim is for its event: a part of a stated total is not a revision.</summary>
public class ShowClaimRoleTests
{
    [Fact]
    public void A_breakdown_of_a_stated_total_is_shown_as_its_part_not_as_revised()
    {
        using var dir = new TempDir();
        dir.Write("in/wave.txt", """
            url: https://news.example.org/wave
            published: 2025-03-04
            ---
            Missile wave on Ukraine
            Russia launched 21 missiles at Ukraine overnight, the air force said on Tuesday. The attack involved 13 Kh-101 cruise missiles, five Iskander-M ballistic missiles and three Kinzhal missiles.
            """);
        var db = dir.Path("ledger.db");
        Assert.Equal(0, Cli.Run("ingest", dir.Path("in"), "--db", db).Code);
        var ev = Assert.Single(JsonDocument.Parse(Cli.Run("events", "--db", db, "--format", "json").Out).RootElement.EnumerateArray());
        var id = ev.GetProperty("id").GetInt64().ToString(System.Globalization.CultureInfo.InvariantCulture);

        var show = Cli.Run("show", id, "--db", db);
        Assert.Equal(0, show.Code);
        Assert.Contains("[part of a stated total]", show.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("revised later in the report", show.Out, StringComparison.Ordinal);
        var roles = ev.GetProperty("claims").EnumerateArray().Select(c => (c.GetProperty("value").GetInt32(), c.GetProperty("role").GetString())).ToList();
        Assert.Contains((21, "current"), roles);
        Assert.Contains((13, "part_of_total"), roles);
    }
}
