using System.Globalization;
using BenchmarkDotNet.Attributes;
using Sitrep.Benchmarks.Corpus;
using Sitrep.Core;
using Sitrep.Extraction;

namespace Sitrep.Benchmarks.Extraction;

/// <summary>
/// Single-threaded extraction over the project's corpora: <c>wire</c> (<see cref="WireCorpus"/>, the realistic one, the
/// headline figure) and <c>generated</c> (<see cref="CorpusWriter"/>, shorter and plainer). One operation is one report
/// (<see cref="BenchmarkAttribute.OperationsPerInvoke"/> = corpus size), so BenchmarkDotNet's mean is time per report;
/// the Reports/s and Words/s columns (<see cref="ThroughputConfig"/>) turn that into throughput.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(ThroughputConfig))]
public class ExtractionBenchmarks
{
    public const int CorpusSize = 1000;

    private Article[] _articles = [];
    private long _words;
    private ExtractionPipeline _pipeline = null!;

    [Params("wire", "generated")]
    public string Corpus { get; set; } = "wire";

    internal static IReadOnlyList<CorpusReport> Reports(string corpus) =>
        corpus == "wire" ? WireCorpus.Generate(CorpusSize) : CorpusWriter.Generate(CorpusSize);

    [GlobalSetup]
    public void Setup()
    {
        var reports = Reports(Corpus);
        _articles = reports.Select(r => r.ToArticle()).ToArray();
        _words = reports.Sum(r => (long)r.WordCount);
        _pipeline = ExtractionPipeline.CreateDefault(BenchPlaces.Load(Console.Out));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"// corpus: {_articles.Length} reports, {_words} words ({(double)_words / _articles.Length:F0} words/report)"));
    }

    [Benchmark(OperationsPerInvoke = CorpusSize, Description = "Extract (per report)")]
    public int ExtractCorpus()
    {
        var events = 0;
        foreach (var article in _articles)
        {
            events += _pipeline.Extract(article).Events.Length;
        }

        return events;
    }
}
