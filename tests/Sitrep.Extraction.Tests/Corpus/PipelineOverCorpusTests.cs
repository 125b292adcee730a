using Sitrep.Benchmarks.Corpus;
using Sitrep.Extraction.Tests.Properties;
using Sitrep.Geo;
using Xunit.Abstractions;

namespace Sitrep.Extraction.Tests.Corpus;

/// <summary>
/// The pipeline over 200 generated reports: it never throws, every span holds, it is thread-safe, and (printed,
/// not asserted) how much of the generated gold it recovers.
/// </summary>
public sealed class PipelineOverCorpusTests(ITestOutputHelper output)
{
    private const int Count = 200;
    private static readonly IReadOnlyList<CorpusReport> Reports = CorpusWriter.Generate(Count);
    private static readonly string? GazetteerPath = Gazetteer.FindDefaultPath();

    /// <summary>With the built gazetteer when there is one (./setup.sh builds it), so places are found too.</summary>
    private static readonly ExtractionPipeline Pipeline = ExtractionPipeline.CreateDefault(GazetteerPath is null ? null : Gazetteer.Load(GazetteerPath));

    [Fact]
    public void Never_throws_and_every_span_holds()
    {
        var failures = new List<string>();
        foreach (var r in Reports)
        {
            try
            {
                var problems = ExtractionInvariants.Violations(Pipeline.Extract(r.ToArticle()));
                failures.AddRange(problems.Select(p => $"{r.Id}: {p}"));
            }
            catch (Exception e)
            {
                failures.Add($"{r.Id}: threw {e.GetType().Name}: {e.Message}");
            }
        }

        Assert.True(failures.Count == 0, $"{failures.Count} problem(s):\n" + string.Join("\n", failures.Take(25)));
    }

    [Fact]
    public void Parallel_extraction_matches_sequential()
    {
        var articles = Reports.Select(r => r.ToArticle()).ToArray();
        var sequential = articles.Select(a => ExtractionInvariants.Fingerprint(Pipeline.Extract(a))).ToArray();
        var parallel = new string[articles.Length];
        Parallel.For(0, articles.Length, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i => parallel[i] = ExtractionInvariants.Fingerprint(Pipeline.Extract(articles[i])));
        Assert.Equal(sequential, parallel);
    }

    [Fact]
    public void Fact_recall_against_corpus_gold_is_reported()
    {
        var recall = new FactRecall();
        foreach (var r in Reports)
        {
            recall.Add(r.Gold, Pipeline.Extract(r.ToArticle()));
        }

        output.WriteLine($"fact recall over {Count} generated reports (bag view, strike events only; floors guard against regressions); gazetteer: {GazetteerPath ?? "none"}");
        foreach (var line in recall.Lines())
        {
            output.WriteLine(line);
        }

        Assert.All(FactRecall.Kinds, k => Assert.InRange(recall.Recall(k), 0.0, 1.0));

        // A regression guard, not a score to chase: the generated phrasing is the project's own.
        Assert.True(recall.Recall("count") >= 0.85, $"count recall {recall.Recall("count"):F3} fell below 0.85");
        Assert.True(recall.Recall("casualty") >= 0.85, $"casualty recall {recall.Recall("casualty"):F3} fell below 0.85");
        Assert.True(recall.Recall("date") >= 0.90, $"date recall {recall.Recall("date"):F3} fell below 0.90");
        Assert.True(recall.Recall("attacker") >= 0.90, $"attacker recall {recall.Recall("attacker"):F3} fell below 0.90");
        if (GazetteerPath is not null)
        {
            Assert.True(recall.Recall("place") >= 0.90, $"place recall {recall.Recall("place"):F3} fell below 0.90");
        }
    }
}
