using Sitrep.Core;
using Sitrep.Geo;

namespace Sitrep.Extraction;

/// <summary>
/// A sealed, thread-safe sequence of stages, built once and reused across articles.
/// (Placeholder until the stages land: returns no events.)
/// </summary>
public sealed class ExtractionPipeline
{
    /// <summary>The default pipeline: every stage, places from <paramref name="places"/> when given.</summary>
    public static ExtractionPipeline CreateDefault(IPlaceLookup? places = null) => new();

    /// <summary>Extracts events from one article. Never throws on text; problems become diagnostics.</summary>
    public Sitrep.Core.Extraction Extract(Article article) => new(article);
}
