using System.Text.Json;
using Sitrep.Core;
using Sitrep.Ingest;
using Sitrep.Storage;

namespace Sitrep.Cli.Tests.Ledger;

/// <summary>Only a table stops at a page by default, and says so; json, csv and geojson write every row unless --limit says.</summary>
public sealed class ListingLimitTests
{
    private const int Count = 60;

    private static async Task<string> StoreOfSixtyNightsAsync(TempDir dir)
    {
        var db = dir.Path("sixty.db");
        await using var store = await EventStore.OpenAsync(StoreLocation.Sqlite(db));
        var batch = new List<ReportSubmission>();
        for (var i = 0; i < Count; i++)
        {
            var day = new DateOnly(2024, 1, 1).AddDays(i * 3);
            var a = new Article($"r{i}", Reports.Text(i), $"Drones target Odesa ({i})", $"https://news.example.org/sixty/{i}", day, "Example Wire");
            var x = Reports.Odesa(a);
            var e = x.Events[0] with { Date = new EventDate(day, DatePrecision.Night, "overnight", new TextSpan(0, 9)) };
            batch.Add(new ReportSubmission(a, ContentHash.Of(a.Text), $"r{i}.txt", x with { Events = [e] }, "test/1"));
        }

        await store.SaveAsync(batch);
        return db;
    }

    [Fact]
    public async Task Json_csv_and_geojson_write_every_row_and_a_table_says_when_it_stops()
    {
        using var dir = new TempDir();
        var db = await StoreOfSixtyNightsAsync(dir);

        Assert.Equal(Count, JsonDocument.Parse(Cli.Run("events", "--format", "json", "--db", db).Out).RootElement.GetArrayLength());
        Assert.Equal(Count + 1, Cli.Run("events", "--format", "csv", "--db", db).Out.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.Equal(Count, JsonDocument.Parse(Cli.Run("events", "--format", "geojson", "--db", db).Out).RootElement.GetProperty("features").GetArrayLength());
        Assert.Equal(Count, JsonDocument.Parse(Cli.Run("attacks", "--format", "json", "--db", db).Out).RootElement.GetArrayLength());
        Assert.Equal(7, JsonDocument.Parse(Cli.Run("events", "--format", "json", "--limit", "7", "--db", db).Out).RootElement.GetArrayLength());

        foreach (var command in new[] { "events", "attacks" })
        {
            var table = Cli.Run(command, "--db", db).Out;
            var more = $"{char.ToUpperInvariant(command[0])}{command[1..]} 1-50 shown, more match: --limit N, --offset 50 (next page) or --all.";
            Assert.Contains(more, table, StringComparison.Ordinal);
            Assert.True(more.Length <= 80, more);
            Assert.All(table.Split('\n'), l => Assert.True(l.Length <= 120, l));
            Assert.DoesNotContain("more match", Cli.Run(command, "--limit", $"{Count}", "--db", db).Out, StringComparison.Ordinal);
            Assert.DoesNotContain("more match", Cli.Run(command, "--offset", "50", "--db", db).Out, StringComparison.Ordinal);
        }
    }

    public static TheoryData<string, string> OrderedListings() => new()
    {
        { "events", "json" }, { "events", "jsonl" }, { "events", "csv" }, { "events", "geojson" },
        { "attacks", "json" }, { "attacks", "jsonl" }, { "attacks", "csv" }, { "attacks", "geojson" },
    };

    [Theory]
    [MemberData(nameof(OrderedListings))]
    public async Task Every_format_follows_the_sort_order_and_offset_the_table_does(string command, string format)
    {
        using var dir = new TempDir();
        var db = await StoreOfSixtyNightsAsync(dir);
        string[][] orders = [[], ["--oldest-first"], ["--sort", "launched", "--order", "asc", "--offset", "5"], ["--order", "asc", "--offset", "52"], ["--sort", "killed", "--limit", "9"]];
        foreach (var order in orders)
        {
            var table = Cli.Run([command, "--db", db, .. order, .. order.Contains("--limit") ? Array.Empty<string>() : ["--all"]]);
            Assert.Equal(0, table.Code);
            // A row: its id, then its date (a footer's second word is not one).
            var expected = table.Out.Split('\n').Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries)).Where(w => w.Length > 1 && w[1].StartsWith("20", StringComparison.Ordinal))
                .Select(w => w[0]).ToList();
            Assert.NotEmpty(expected);

            var written = Cli.Run([command, "--db", db, "--format", format, .. order]);
            Assert.True(written.Code == 0, written.Err);
            Assert.Equal(expected, Ids(written.Out, format));
        }
    }

    /// <summary>The ids a machine format writes, in its order (events' ids as numbers, attacks' as A12).</summary>
    private static List<string> Ids(string output, string format)
    {
        static string Id(JsonElement e) => e.GetProperty("id") is { ValueKind: JsonValueKind.Number } n ? n.GetInt64().ToString(System.Globalization.CultureInfo.InvariantCulture) : e.GetProperty("id").GetString()!;
        return format switch
        {
            "json" => [.. JsonDocument.Parse(output).RootElement.EnumerateArray().Select(Id)],
            "jsonl" => [.. output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => Id(JsonDocument.Parse(l).RootElement))],
            "geojson" => [.. JsonDocument.Parse(output).RootElement.GetProperty("features").EnumerateArray().Select(Id)],
            _ => [.. output.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(l => l.Split(',')[0])],
        };
    }
}
