using Sitrep.Core;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using Sitrep.Storage;

namespace Sitrep.Benchmarks.Storage;

/// <summary>
/// Filtered <c>sitrep events</c> queries (first page, 50 rows) over a SQLite store of 1,000,000 events. The store
/// is built once (a few minutes) into the temp folder and reused. Target: each under 50 ms.
/// Run: <c>dotnet run -c Release --project bench/Sitrep.Benchmarks -- --filter '*EventQuery*'</c>.
/// </summary>
[SimpleJob(RunStrategy.Throughput, warmupCount: 2, iterationCount: 10)]
[MemoryDiagnoser]
public class EventQueryBenchmarks
{
    public const int Events = 1_000_000;

    private IEventStore _store = null!;

    public static string StorePath => PathFor(Events);

    /// <summary>Where the benchmark store of <paramref name="events"/> events is kept between runs.</summary>
    public static string PathFor(int events) => Path.Combine(Path.GetTempPath(), $"sitrep-bench-{events}-attacks.db");

    public static IEnumerable<object> Queries() =>
    [
        new NamedQuery("latest 50", new EventQuery { Limit = 50 }),
        new NamedQuery("March 2024, RU drones, >=20 launched", new EventQuery { Since = new(2024, 3, 1), Until = new(2024, 3, 31), Attacker = Side.Russia, Weapon = WeaponSelector.Parse("drone"), MinLaunched = 20, Limit = 50 }),
        new NamedQuery("place Kharkiv region", new EventQuery { Place = "Kharkiv region", Limit = 50 }),
        new NamedQuery("place Odesa since 2025", new EventQuery { Place = "Odesa", Since = new(2025, 1, 1), Limit = 50 }),
        new NamedQuery("model shahed, target UA", new EventQuery { Weapon = WeaponSelector.Parse("shahed"), Target = Country.Ukraine, Limit = 50 }),
        new NamedQuery("UA attacks, >=3 killed", new EventQuery { Attacker = Side.Ukraine, MinKilled = 3, Limit = 50 }),
        new NamedQuery("ballistic, >=100 launched", new EventQuery { Weapon = WeaponSelector.Parse("ballistic"), MinLaunched = 100, Limit = 50 }),
    ];

    [ParamsSource(nameof(Queries))]
    public NamedQuery Query { get; set; } = null!;

    [GlobalSetup]
    public async Task Setup()
    {
        var built = await LedgerCorpus.EnsureStoreAsync(StorePath, Events);
        if (built > TimeSpan.Zero)
        {
            Console.WriteLine($"// built a {Events:N0}-event store at {StorePath} in {built.TotalSeconds:0} s");
        }

        _store = await EventStore.OpenAsync(StoreLocation.Sqlite(StorePath));
    }

    [GlobalCleanup]
    public async Task Cleanup() => await _store.DisposeAsync();

    [Benchmark]
    public async Task<int> FilteredEvents() => (await _store.FindEventsAsync(Query.Query)).Count;
}

/// <summary>A query with a name for the benchmark table.</summary>
public sealed record NamedQuery(string Name, EventQuery Query)
{
    public override string ToString() => Name;
}
