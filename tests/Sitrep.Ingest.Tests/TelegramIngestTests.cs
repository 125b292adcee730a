using Sitrep.Core;
using Sitrep.Ingest.Readers;
using Sitrep.Storage;

namespace Sitrep.Ingest.Tests;

/// <summary>A Telegram export through the ingest loop into a real SQLite store: parts, counts, and edits as versions.</summary>
public class TelegramIngestTests
{
    private static async Task<IngestSummary> IngestAsync(string db, string export, TelegramChannels? channels = null)
    {
        await using var store = await EventStore.OpenAsync(StoreLocation.Sqlite(db));
        var runner = new IngestRunner(store, a => new Extraction(a), null, new IngestOptions { Parallelism = 2, Telegram = channels });
        return await runner.RunAsync([.. ReportInputs.Expand([export])]);
    }

    [Fact]
    public async Task An_export_is_stored_one_report_per_message_and_the_summary_counts_its_messages()
    {
        var export = TelegramExports.ToFile(TelegramExports.Generated(2500));
        var db = Path.Combine(Path.GetDirectoryName(export)!, "sitrep.db");
        var s = await IngestAsync(db, export, TelegramChannels.Every("made_up_monitor"));
        Assert.True(s.Complete, string.Join("; ", s.Failures));
        Assert.Equal(2250, s.New);
        Assert.Equal(new TelegramTally(2500, 2250, 250, 0, 0), s.Telegram);

        await using var store = await EventStore.OpenAsync(StoreLocation.Sqlite(db));
        Assert.Equal(2250, (await store.FindKnownAsync([.. Enumerable.Range(1, 2500).Where(i => i % 10 != 0)
            .Select(i => ReportKey.Of(new Article("x", "", Url: $"https://t.me/made_up_monitor/{i}"), ContentHash.Of($"Post {i}: {i % 50} drones were shot down over the region overnight.")))])).Count);

        // The same export again adds nothing.
        var again = await IngestAsync(db, export, TelegramChannels.Every("made_up_monitor"));
        Assert.Equal(0, again.New + again.NewVersions);
        Assert.Equal(2250, again.Known);
    }

    [Fact]
    public async Task A_message_edited_since_the_last_export_is_a_new_version_at_its_url()
    {
        var first = TelegramExports.ToFile(TelegramExports.Channel);
        var db = Path.Combine(Path.GetDirectoryName(first)!, "sitrep.db");
        Assert.Equal(4, (await IngestAsync(db, first)).New);

        var edited = TelegramExports.ToFile(TelegramExports.Channel.Replace("поранено трьох людей", "поранено чотирьох людей", StringComparison.Ordinal));
        var s = await IngestAsync(db, edited);
        Assert.Equal(1, s.NewVersions);
        Assert.Equal(0, s.New);
        Assert.Equal(3, s.Known);
    }

    [Fact]
    public async Task Bad_messages_are_one_failure_of_the_export_and_the_rest_is_stored()
    {
        var json = TelegramExports.Generated(600).Replace("\"id\": 55, \"type\": \"message\"", "\"id\": \"fifty-five\", \"type\": \"message\"", StringComparison.Ordinal);
        var export = TelegramExports.ToFile(json);
        var s = await IngestAsync(Path.Combine(Path.GetDirectoryName(export)!, "sitrep.db"), export);
        Assert.Equal(539, s.New);
        Assert.Equal(new TelegramTally(600, 539, 60, 0, 1), s.Telegram);
        var failure = Assert.Single(s.Failures);
        Assert.Equal("SR015", failure.Error.Code);
        Assert.Equal(1, s.InputsRead);
    }
}
