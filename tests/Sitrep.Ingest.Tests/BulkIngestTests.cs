using Sitrep.Core;
using Sitrep.Storage;

namespace Sitrep.Ingest.Tests;

/// <summary>The ingest loop's bulk load into an empty store (<see cref="IngestOptions.MergeOnceIntoEmptyStore"/>), on a real SQLite store.</summary>
public class BulkIngestTests
{
    private static string Folder(int files, string tag)
    {
        var dir = Directory.CreateTempSubdirectory("sitrep-bulk-").FullName;
        for (var i = 0; i < files; i++)
        {
            File.WriteAllText(Path.Combine(dir, $"{i:000}.txt"), $"url: https://bulk.example/{tag}/{i}\n---\nShelling hit a warehouse in district {i}, the governor said ({tag}).\n");
        }

        return dir;
    }

    private static async Task<IngestSummary> IngestAsync(string db, string folder, int bulkMin, CancellationToken ct = default)
    {
        await using var store = await EventStore.OpenAsync(StoreLocation.Sqlite(db), ct);
        var options = new IngestOptions { Parallelism = 2, MergeOnceIntoEmptyStore = true, BulkMinInputs = bulkMin, Extractor = "test/1" };
        return await new IngestRunner(store, a => new Extraction(a), null, options).RunAsync([.. ReportInputs.Expand([folder])], ct);
    }

    private static async Task<bool> NeedsRebuildAsync(string db)
    {
        await using var store = await EventStore.OpenAsync(StoreLocation.Sqlite(db));
        return await store.NeedsRebuildAsync();
    }

    [Fact]
    public async Task A_large_input_into_an_empty_store_is_merged_once_at_its_end_and_a_later_one_as_it_lands()
    {
        var first = Folder(40, "a");
        var db = Path.Combine(first, "sitrep.db");
        var s = await IngestAsync(db, first, bulkMin: 40);
        Assert.True(s.Complete);
        Assert.Equal(40, s.New);
        Assert.NotNull(s.MergedAtEnd);
        Assert.False(await NeedsRebuildAsync(db));

        // The store holds reports now: a second large input merges as it lands.
        var again = await IngestAsync(db, Folder(40, "b"), bulkMin: 40);
        Assert.Equal(40, again.New);
        Assert.Null(again.MergedAtEnd);
        Assert.False(await NeedsRebuildAsync(db));
    }

    [Fact]
    public async Task A_small_input_into_an_empty_store_merges_as_it_lands()
    {
        var folder = Folder(10, "c");
        var db = Path.Combine(folder, "sitrep.db");
        var s = await IngestAsync(db, folder, bulkMin: 11);
        Assert.Equal(10, s.New);
        Assert.Null(s.MergedAtEnd);
        Assert.False(await NeedsRebuildAsync(db));
    }

    [Fact]
    public async Task A_bulk_load_stopped_before_its_end_is_finished_by_the_next_run()
    {
        var folder = Folder(60, "d");
        var db = Path.Combine(folder, "sitrep.db");
        using var stop = new CancellationTokenSource();
        await using (var store = await EventStore.OpenAsync(StoreLocation.Sqlite(db)))
        {
            var options = new IngestOptions { Parallelism = 1, BatchSize = 1, MaxBatchDelay = TimeSpan.Zero, MergeOnceIntoEmptyStore = true, BulkMinInputs = 60, Extractor = "test/1" };
            var stored = 0;
            var runner = new IngestRunner(store, a =>
            {
                if (Interlocked.Increment(ref stored) == 20)
                {
                    stop.Cancel();
                }

                return new Extraction(a);
            }, null, options);
            var cut = await runner.RunAsync([.. ReportInputs.Expand([folder])], stop.Token);
            Assert.True(cut.Interrupted);
            Assert.Null(cut.MergedAtEnd);
        }

        Assert.True(await NeedsRebuildAsync(db)); // what was committed is there; its attacks are said to be not built

        // The same command again (too small now to start a bulk load) finishes the one cut short.
        var rest = await IngestAsync(db, folder, bulkMin: 1000);
        Assert.True(rest.Complete);
        Assert.NotNull(rest.MergedAtEnd);
        Assert.False(await NeedsRebuildAsync(db));
        await using var check = await EventStore.OpenAsync(StoreLocation.Sqlite(db));
        Assert.Equal(60, (await check.CountAsync()).Reports);
    }
}
