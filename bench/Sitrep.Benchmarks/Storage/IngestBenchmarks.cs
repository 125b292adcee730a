using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using Sitrep.Extraction;
using Sitrep.Geo;
using Sitrep.Ingest;
using Sitrep.Storage;

namespace Sitrep.Benchmarks.Storage;

/// <summary>
/// <c>sitrep ingest</c> of a folder of report files into a fresh SQLite store, through the real loop (walk,
/// read, hash, dedupe, extract on every core, batched writes). <c>StorePath</c> stands in a fixed extraction
/// (three events per report, every field filled) so the store path is measured alone; <c>EndToEnd</c> runs the
/// real extraction pipeline with the gazetteer. Reports per second = Reports / Mean.
/// Run: <c>dotnet run -c Release --project bench/Sitrep.Benchmarks -- --filter '*IngestBenchmarks*'</c>.
/// </summary>
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 5)]
public class IngestBenchmarks
{
    private string _dir = null!;
    private string _db = null!;
    private IReadOnlyList<InputItem> _items = null!;
    private ExtractionPipeline _pipeline = null!;

    [Params(5000)]
    public int Reports { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _dir = Path.Combine(Path.GetTempPath(), $"sitrep-bench-ingest-{Reports}");
        if (!Directory.Exists(_dir))
        {
            for (var i = 0; i < Reports; i++)
            {
                var sub = Path.Combine(_dir, (i / 1000).ToString("00", System.Globalization.CultureInfo.InvariantCulture));
                Directory.CreateDirectory(sub);
                File.WriteAllText(Path.Combine(sub, $"{i:000000}.txt"), LedgerCorpus.ReportFile(i));
            }
        }

        _items = ReportInputs.Expand([_dir]).ToList();
        IPlaceLookup? places = null;
        try
        {
            places = Gazetteer.LoadDefault();
        }
        catch (GazetteerException)
        {
        }

        _pipeline = ExtractionPipeline.CreateDefault(places);
    }

    [IterationSetup]
    public void NewStore()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _db = Path.Combine(Path.GetTempPath(), $"sitrep-bench-ingest-{Guid.NewGuid():N}.db");
    }

    [IterationCleanup]
    public void DropStore()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var f in new[] { _db, _db + "-wal", _db + "-shm" })
        {
            File.Delete(f);
        }
    }

    [Benchmark]
    public Task<IngestSummary> StorePath() => IngestAsync(a => LedgerCorpus.Extract(a, a.Text.Length, events: 3));

    [Benchmark]
    public Task<IngestSummary> EndToEnd() => IngestAsync(_pipeline.Extract);

    private async Task<IngestSummary> IngestAsync(Func<Sitrep.Core.Article, Sitrep.Core.Extraction> extract)
    {
        await using var store = await EventStore.OpenAsync(StoreLocation.Sqlite(_db));
        var summary = await new IngestRunner(store, extract, null, new IngestOptions { Extractor = "bench" }).RunAsync(_items);
        if (summary.New != Reports)
        {
            throw new InvalidOperationException($"stored {summary.New} of {Reports} reports");
        }

        return summary;
    }
}
