using System.Globalization;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using Sitrep.Benchmarks.Corpus;

namespace Sitrep.Benchmarks.Extraction;

/// <summary>Adds reports/s and words/s columns, derived from the mean time per report and the corpus's words per report.</summary>
public sealed class ThroughputConfig : ManualConfig
{
    public ThroughputConfig()
    {
        AddColumn(new ThroughputColumn("Reports/s", wordsPerReport: 1));
        AddColumn(new ThroughputColumn("Words/s", wordsPerReport: 0));
    }

    private static readonly Dictionary<string, double> Words = [];

    /// <summary>Mean words per report of the case's corpus (its <c>Corpus</c> parameter; the generated corpus when it has none).</summary>
    internal static double WordsPerReport(BenchmarkCase benchmarkCase)
    {
        var corpus = benchmarkCase.Parameters.Items.FirstOrDefault(p => p.Name == "Corpus")?.Value as string ?? "generated";
        lock (Words)
        {
            if (!Words.TryGetValue(corpus, out var words))
            {
                Words[corpus] = words = ExtractionBenchmarks.Reports(corpus).Average(r => (double)r.WordCount);
            }

            return words;
        }
    }
}

/// <summary>1e9 / (mean ns per report) × a factor: reports/s with factor 1, words/s with the case's words per report (factor 0).</summary>
internal sealed class ThroughputColumn(string name, double wordsPerReport) : IColumn
{
    public string Id => nameof(ThroughputColumn) + "." + name;

    public string ColumnName => name;

    public bool AlwaysShow => true;

    public ColumnCategory Category => ColumnCategory.Custom;

    public int PriorityInCategory => 0;

    public bool IsNumeric => true;

    public UnitType UnitType => UnitType.Dimensionless;

    public string Legend => name == "Reports/s" ? "Reports extracted per second, one thread" : "Words (whitespace-separated) extracted per second, one thread";

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
    {
        var stats = summary[benchmarkCase]?.ResultStatistics;
        return stats is null || stats.Mean <= 0
            ? "-"
            : (1e9 / stats.Mean * (wordsPerReport > 0 ? wordsPerReport : ThroughputConfig.WordsPerReport(benchmarkCase))).ToString("N0", CultureInfo.InvariantCulture);
    }

    public bool IsAvailable(Summary summary) => true;

    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;
}
