using System.Text.Json;

namespace Sitrep.Cli.Tests.Ledger;

/// <summary>
/// <c>--attack ID</c> on the attack listings reads an id as <c>sitrep show</c> does: an id an analyst's join retired
/// leads to the attack that took it over, and an id the store never gave is an error (exit 1), not an empty listing.
/// </summary>
public sealed class AttackFilterIdTests
{
    [Fact]
    public void A_retired_attack_id_lists_its_successor_and_an_unknown_one_is_an_error()
    {
        using var dir = new TempDir();
        var db = IngestedStores.Of(dir, Reports.Text(0), Reports.Text(1)); // two places, two days: two attacks

        var before = Ids(Cli.Run("attacks", "--db", db, "--format", "jsonl").Out);
        Assert.Equal(2, before.Count);
        Assert.Equal(0, Cli.Run("merge", "--join", before[0], before[1], "--db", db).Code);
        var kept = Assert.Single(Ids(Cli.Run("attacks", "--db", db, "--format", "jsonl").Out));
        var retired = before.Single(id => id != kept);

        // The retired id, as a bookmark or a link keeps it, leads to the attack that took it over, and says so.
        var listed = Cli.Run("attacks", "--attack", retired, "--db", db, "--format", "jsonl");
        Assert.Equal(0, listed.Code);
        Assert.Equal([kept], Ids(listed.Out));
        Assert.Contains($"{retired} was merged into {kept}", listed.Err, StringComparison.Ordinal);

        var exported = Cli.Run("export", "--format", "jsonl", "--attack", retired, "--db", db);
        Assert.Equal(0, exported.Code);
        Assert.Equal([kept], Ids(exported.Out));

        var stats = Cli.Run("stats", "--format", "json", "--attack", retired, "--db", db);
        Assert.Equal(0, stats.Code);
        Assert.NotEmpty(JsonDocument.Parse(stats.Out).RootElement.EnumerateArray());

        // An id the store never gave is an error that says so, for every listing, with nothing on standard output.
        var events = Cli.Run("events", "--attack", retired, "--db", db, "--format", "json");
        Assert.Equal(0, events.Code);
        Assert.Equal(2, JsonDocument.Parse(events.Out).RootElement.GetArrayLength());

        foreach (var args in new[] { new[] { "attacks" }, ["attacks", "--format", "csv"], ["export", "--format", "csv"], ["stats"], ["events"], ["events", "--format", "json"] })
        {
            var unknown = Cli.Run([.. args, "--attack", "A999", "--db", db]);
            Assert.Equal(1, unknown.Code);
            Assert.Contains("there is no attack A999", unknown.Err, StringComparison.Ordinal);
            Assert.Equal("", unknown.Out);
        }
    }

    private static List<string> Ids(string jsonl) =>
        [.. jsonl.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement.GetProperty("id").GetString()!)];
}
