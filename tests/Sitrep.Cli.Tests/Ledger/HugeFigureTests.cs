using System.Globalization;
using System.Text.Json;
using Sitrep.Core;
using Sitrep.Ingest;
using Sitrep.Storage;

namespace Sitrep.Cli.Tests.Ledger;

/// <summary>Numbers too large to be counts, and sums past the int range: no crash, no wrap to a negative figure.</summary>
public sealed class HugeFigureTests
{
    private const string Report = """
        url: https://news.example.org/huge
        published: 2025-03-05
        ---
        Drones and missiles target Sumy overnight
        Russia launched 99999999999999999999 Shahed drones at Sumy overnight, the air force said, and air defences shot down 999,999,999 of them.
        Russia also fired 12 Kalibr missiles at the city; 10 were shot down.
        """;

    /// <summary>Every number in a JSON document, however deep.</summary>
    private static IEnumerable<decimal> Numbers(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.Number => [e.GetDecimal()],
        JsonValueKind.Array => e.EnumerateArray().SelectMany(Numbers),
        JsonValueKind.Object => e.EnumerateObject().Where(p => p.Name is not ("start" or "end")).SelectMany(p => Numbers(p.Value)),
        _ => [],
    };

    [Fact]
    public void A_number_over_the_ceiling_is_no_figure_in_extract_ingest_events_and_stats()
    {
        using var dir = new TempDir();
        var file = dir.Write("in/huge.txt", Report);
        var extract = Cli.Run("extract", file);
        Assert.Equal(0, extract.Code);
        var doc = JsonDocument.Parse(extract.Out).RootElement;
        var claims = doc[0].GetProperty("events").EnumerateArray().SelectMany(e => e.GetProperty("claims").EnumerateArray()).ToList();
        Assert.All(claims, c => Assert.InRange(c.GetProperty("value").GetInt64(), 0, Counts.Ceiling));
        Assert.Contains(claims, c => c.GetProperty("value").GetInt32() == 12);

        var db = dir.Path("l.db");
        Assert.Equal(0, Cli.Run("ingest", dir.Path("in"), "--db", db).Code);
        var stats = Cli.Run("stats", "--format", "json", "--db", db);
        Assert.Equal(0, stats.Code);
        Assert.All(Numbers(JsonDocument.Parse(stats.Out).RootElement), n => Assert.InRange(n, 0, Counts.Ceiling));
        var events = Cli.Run("events", "--format", "json", "--db", db);
        Assert.Equal(0, events.Code);
        Assert.All(Numbers(JsonDocument.Parse(events.Out).RootElement), n => Assert.InRange(n, 0, Counts.Ceiling));
        Assert.Contains("Kalibr", events.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Stored_figures_that_sum_past_the_int_range_stop_there_in_every_output()
    {
        using var dir = new TempDir();
        var db = dir.Path("old.db");
        await using (var store = await EventStore.OpenAsync(StoreLocation.Sqlite(db)))
        {
            // What a store written before the ceiling may hold: three drone models at 999,999,999 each in one event.
            var a = new Article("old", Reports.Text(3), "Drones target Odesa", "https://news.example.org/old", new DateOnly(2024, 5, 14), "Example Wire");
            var odesa = Reports.Odesa(a);
            var e = odesa.Events[0];
            var words = e.Weapons[0].Evidence;
            e = e with
            {
                Weapons =
                [
                    .. new[] { "Shahed-136", "Geran-2", "Lancet" }.Select(m => new WeaponUse(new WeaponRef(WeaponCategory.Drone, m), words)
                    {
                        Claims = [new FigureClaim(FigureKind.Launched, 999_999_999, Qualifier.Exact, words, new WeaponRef(WeaponCategory.Drone, m)) { Rule = "figures/launched" }],
                    }),
                ],
            };
            await store.SaveAsync([new ReportSubmission(a, ContentHash.Of(a.Text), "old.txt", odesa with { Events = [e] }, "test/1")]);
        }

        var max = int.MaxValue.ToString(CultureInfo.InvariantCulture);
        foreach (var args in new[]
        {
            new[] { "events" }, ["events", "--format", "csv"], ["events", "--format", "json"], ["attacks"], ["attacks", "--format", "json"],
            ["stats"], ["stats", "--format", "csv"], ["export", "--format", "acled"], ["export", "--format", "geojson"],
            ["brief", "--date", "2024-05-14"],
        })
        {
            var r = Cli.Run([.. args, "--db", db]);
            Assert.True(r.Code == 0, $"{string.Join(' ', args)}: {r.Code} {r.Err}");
            Assert.DoesNotContain("-1294967299", r.Out, StringComparison.Ordinal);
            Assert.DoesNotContain("-1,294,967,299", r.Out, StringComparison.Ordinal);
            Assert.DoesNotMatch(@"(?<![\w.-])-\d{4,}", r.Out);
        }

        Assert.Contains(max, Cli.Run("events", "--format", "csv", "--db", db).Out, StringComparison.Ordinal);
        Assert.Contains(max, Cli.Run("stats", "--format", "csv", "--db", db).Out, StringComparison.Ordinal);
    }
}
