using Sitrep.Ingest;
using Sitrep.Storage;

namespace Sitrep.Ledger.Tests.Brief;

/// <summary>A SQLite store filled from <see cref="BriefReports"/> through the ledger's extractor (with the gazetteer), shared by a test class.</summary>
public sealed class BriefStore : IAsyncLifetime
{
    private static readonly Lazy<LedgerExtractor> Extractor = new(LedgerExtractor.CreateDefault);

    private readonly string _dir = Path.Combine(Path.GetTempPath(), $"sitrep-brief-tests-{Guid.NewGuid():N}");

    public IEventStore Store { get; private set; } = null!;

    public string Path_ => Path.Combine(_dir, "brief.db");

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_dir);
        Store = await EventStore.OpenAsync(StoreLocation.Sqlite(Path_));
        await AddAsync(BriefReports.Night);
    }

    /// <summary>Reads, extracts and stores reports, as <c>sitrep ingest</c> does.</summary>
    public Task AddAsync(params (string Name, string Text)[] reports) => AddAsync(Store, reports);

    public static async Task AddAsync(IEventStore store, params (string Name, string Text)[] reports)
    {
        var extractor = Extractor.Value;
        var batch = new List<ReportSubmission>();
        foreach (var (name, text) in reports)
        {
            var read = ReportReader.Parse(name, name, text);
            Assert.True(read.Ok, read.Error?.ToString());
            batch.AddRange(read.Articles.Select(a => new ReportSubmission(a, ContentHash.Of(a.Text), name, extractor.Extract(a), extractor.Name)));
        }

        await store.SaveAsync(batch);
    }

    public async Task DisposeAsync()
    {
        await Store.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
    }
}
