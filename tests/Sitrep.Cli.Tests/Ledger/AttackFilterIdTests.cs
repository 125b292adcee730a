using System.Text.Json;
using Sitrep.Core;
using Sitrep.Ingest;
using Sitrep.Storage;

namespace Sitrep.Cli.Tests.Ledger;

/// <summary>
/// <c>--attack ID</c> on the attack listings reads an id as <c>sitrep show</c> does: an id an analyst's join retired
/// leads to the attack that took it over, and an id the store never gave is an error (exit 1), not an empty listing.
/// </summary>
public sealed class AttackFilterIdTests
{
    [Fact]
    public async Task A_retired_attack_id_lists_its_successor_and_an_unknown_one_is_an_error()
    {
        using var dir = new TempDir();
        var db = dir.Path("ledger.db");
        await using (var store = await EventStore.OpenAsync(StoreLocation.Sqlite(db)))
        {
            var a = new Article("odesa", Reports.Text(0), "Drones target Odesa", "https://news.example.org/odesa", new DateOnly(2024, 5, 14), "Example Wire");
            var b = new Article("kherson", "Shelling hit Kherson on Wednesday.", "Shelling hit Kherson", null, new DateOnly(2024, 5, 15));
            var kherson = new ExtractedEvent
            {
                Date = new EventDate(new DateOnly(2024, 5, 15), DatePrecision.Day, "on Wednesday", new TextSpan(0, 3)),
                Attacker = Side.Russia,
                TargetCountry = Country.Ukraine,
                Places = [new PlaceRef("Kherson", new TextSpan(0, 7))],
                Weapons = [new WeaponUse(new WeaponRef(WeaponCategory.Artillery, null), new Evidence(new TextSpan(0, 8), "Shelling"))],
            };
            await store.SaveAsync(
            [
                new ReportSubmission(a, ContentHash.Of(a.Text), "odesa.txt", Reports.Odesa(a), "test/1"),
                new ReportSubmission(b, ContentHash.Of(b.Text), "kherson.txt", new Sitrep.Core.Extraction(b) { Events = [kherson] }, "test/1"),
            ]);
        }

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
        foreach (var args in new[] { new[] { "attacks" }, ["attacks", "--format", "csv"], ["export", "--format", "csv"], ["stats"] })
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
