using System.Collections.Immutable;
using Sitrep.Core;
using Sitrep.Extraction.Assembly;
using Sitrep.Geo;

namespace Sitrep.Extraction;

/// <summary>
/// A sealed, thread-safe sequence of stages, built once by <see cref="PipelineBuilder"/> and reused across
/// articles. A stage that throws becomes a diagnostic on that article; the rest of the pipeline still runs.
/// </summary>
public sealed class ExtractionPipeline
{
    private readonly ImmutableArray<IStage> _stages;
    private readonly EventAssembler _assembler;

    internal ExtractionPipeline(ImmutableArray<IStage> stages, IPlaceLookup? places)
    {
        _stages = stages;
        _assembler = new EventAssembler(places);
    }

    public ImmutableArray<IStage> Stages => _stages;

    public static PipelineBuilder CreateBuilder() => new();

    /// <summary>The default pipeline: every stage, places from <paramref name="places"/> when given.</summary>
    public static ExtractionPipeline CreateDefault(IPlaceLookup? places = null) => CreateBuilder().UseAll(places).Build();

    /// <summary>Runs the stages over an article and returns its layers, for inspection and tests.</summary>
    public Document Annotate(Article article)
    {
        var doc = new Document(article);
        foreach (var stage in _stages)
        {
            ImmutableArray<Mention> found;
            try
            {
                found = stage.Run(doc);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                doc.Report(new Diagnostic("SX100", DiagnosticSeverity.Error, $"Stage '{stage.Name}' failed on this article ({e.GetType().Name}: {e.Message}); its findings are missing."));
                found = [];
            }

            doc.SetLayer(stage.Produces, found);
        }

        return doc;
    }

    /// <summary>Extracts events from one article. Never throws on text; problems become diagnostics.</summary>
    public Sitrep.Core.Extraction Extract(Article article)
    {
        var doc = Annotate(article);
        ImmutableArray<ExtractedEvent> events;
        ImmutableArray<PlaceRef> places;
        try
        {
            (events, places) = _assembler.Assemble(doc);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            doc.Report(new Diagnostic("SX101", DiagnosticSeverity.Error, $"Event assembly failed on this article ({e.GetType().Name}: {e.Message})."));
            events = [];
            places = [];
        }

        return new Sitrep.Core.Extraction(article) { Events = events, Places = places, Diagnostics = [.. doc.Diagnostics] };
    }
}
