using BenchmarkDotNet.Attributes;
using Sitrep.Core;
using Sitrep.Geo;

namespace Sitrep.Benchmarks.Geo;

/// <summary>
/// The gazetteer's costs: loading data/gazetteer.bin (target under 300 ms), name look-ups (target at least
/// 1,000,000 a second, none allocating), and resolving one report's places. Needs the compiled gazetteer
/// (./setup.sh). Run: dotnet run -c Release --project bench/Sitrep.Benchmarks -- --filter '*GeoBenchmarks*'
/// </summary>
[MemoryDiagnoser]
public class GeoBenchmarks
{
    // Names as reports write them, folded: exact names, spelling variants that need the skeleton, region
    // phrases, Cyrillic case forms, possessives, and words that are not places (misses cost the most).
    private static readonly string[] Names =
    [
        "kyiv", "kharkiv", "odesa", "zaporizhzhia", "dnipro", "kherson", "mykolaiv", "sumy", "lviv", "poltava",
        "kharkiv region", "dnipropetrovsk oblast", "kursk region", "belgorod", "bryansk region", "oryol region",
        "zaporozhye", "avdiyivka", "kharkov", "nikolaev", "khmelnytsky", "zaporizhia", "kyivs", "kharkivs",
        "києві", "харкові", "брянской области", "дніпропетровської області",
        "the", "drones", "overnight", "according", "ministry", "destroyed", "missiles", "regional", "governor", "said",
    ];

    private string path = "";
    private Gazetteer gazetteer = null!;
    private PlaceResolver resolver = null!;
    private PlaceQuery[] report = [];

    [GlobalSetup]
    public void Setup()
    {
        path = Gazetteer.FindDefaultPath() ?? throw new InvalidOperationException("No data/gazetteer.bin: run ./setup.sh first.");
        gazetteer = Gazetteer.Load(path);
        resolver = new PlaceResolver(gazetteer);
        // "Russian drones struck Lozova in the Kharkiv region and Pavlohrad; debris fell in Dnipro."
        report =
        [
            Query("Lozova", PlaceQueryHint.Any, 1),
            Query("Kharkiv region", PlaceQueryHint.Region, null),
            Query("Pavlohrad", PlaceQueryHint.Any, null),
            Query("Dnipro", PlaceQueryHint.Any, null),
            Query("Ukraine", PlaceQueryHint.Any, null),
        ];
    }

    private PlaceQuery Query(string text, PlaceQueryHint hint, int? container) =>
        new(text, new TextSpan(0, text.Length), gazetteer.FindName(text), hint, container);

    [Benchmark(Description = "load data/gazetteer.bin")]
    public int Load() => Gazetteer.Load(path).KeyCount;

    [Benchmark(Description = "Find (per name)", OperationsPerInvoke = 38)]
    public int Find()
    {
        var found = 0;
        foreach (var name in Names)
        {
            found += gazetteer.Find(name).Length;
        }

        return found;
    }

    [Benchmark(Description = "Fold + Find (per name)", OperationsPerInvoke = 38)]
    public int FoldAndFind()
    {
        var found = 0;
        foreach (var name in Names)
        {
            found += gazetteer.Find(PlaceNames.Fold(name)).Length;
        }

        return found;
    }

    [Benchmark(Description = "Resolve a report of 5 places")]
    public int Resolve() => resolver.Resolve(report, "UA").Length;
}
