using Sitrep.Core;
using Sitrep.Extraction;
using Sitrep.Geo;

namespace Sitrep.Ledger;

/// <summary>
/// The extractor every host uses: the default pipeline with the gazetteer when it loads, and the name under which
/// the ledger records what extracted a report ("sitrep-extraction/0.1.0"). Thread-safe; build it once per process.
/// </summary>
public sealed class LedgerExtractor
{
    private readonly ExtractionPipeline _pipeline;

    private LedgerExtractor(ExtractionPipeline pipeline, string name, string? gazetteerProblem)
    {
        _pipeline = pipeline;
        Name = name;
        GazetteerProblem = gazetteerProblem;
    }

    /// <summary>The extractor's name and version as the ledger records it; says "(no gazetteer)" when places are not resolved.</summary>
    public string Name { get; }

    /// <summary>Why the gazetteer could not be loaded (places are then kept as text without a point), or null.</summary>
    public string? GazetteerProblem { get; }

    /// <summary>The version of the extraction engine: the assembly version of Sitrep.Extraction.</summary>
    public static string Version { get; } = typeof(ExtractionPipeline).Assembly.GetName().Version?.ToString(3) ?? "0";

    /// <summary>The default pipeline over the default gazetteer (data/gazetteer.bin); without places when it cannot be loaded.</summary>
    public static LedgerExtractor CreateDefault()
    {
        IPlaceLookup? places = null;
        string? problem = null;
        try
        {
            places = Gazetteer.LoadDefault();
        }
        catch (GazetteerException e)
        {
            problem = e.Message;
        }

        return Create(places, problem);
    }

    /// <summary>The default pipeline over <paramref name="places"/> (null: no gazetteer).</summary>
    public static LedgerExtractor Create(IPlaceLookup? places, string? gazetteerProblem = null) => new(
        ExtractionPipeline.CreateDefault(places),
        $"sitrep-extraction/{Version}{(places is null ? " (no gazetteer)" : "")}",
        places is null ? gazetteerProblem ?? "no gazetteer was given" : null);

    public Sitrep.Core.Extraction Extract(Article article) => _pipeline.Extract(article);

    /// <summary>Extracts one article, adding each step's time and allocations to <paramref name="profile"/> (from <see cref="CreateProfile"/>) when given.</summary>
    public Sitrep.Core.Extraction Extract(Article article, StageProfile? profile) => _pipeline.Extract(article, profile);

    /// <summary>An empty profile of this extractor's steps (tokenizing, each stage, assembly).</summary>
    public StageProfile CreateProfile() => _pipeline.CreateProfile();

    /// <summary>Extracts many articles on up to <paramref name="parallelism"/> threads, results in input order.</summary>
    public IReadOnlyList<Sitrep.Core.Extraction> ExtractAll(IReadOnlyList<Article> articles, int parallelism) =>
        articles.Count <= 1 || parallelism <= 1
            ? [.. articles.Select(Extract)]
            : articles.AsParallel().AsOrdered().WithDegreeOfParallelism(parallelism).Select(Extract).ToList();
}
