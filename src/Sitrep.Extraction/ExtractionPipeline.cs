using Sitrep.Core;

namespace Sitrep.Extraction;

/// <summary>Placeholder until the stages land.</summary>
public sealed class ExtractionPipeline
{
    public Sitrep.Core.Extraction Extract(Article article) => new(article);
}
