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
    public Document Annotate(Article article) => Annotate(article, null);

    /// <summary>A profile with a row for tokenizing, one per stage and one for assembly, to pass to <see cref="Extract(Article, StageProfile?)"/>.</summary>
    public StageProfile CreateProfile() => new([StageProfile.Tokenize, .. _stages.Select(s => s.Name), StageProfile.Assembly]);

    private Document Annotate(Article article, StageProfile? profile)
    {
        var (t0, b0) = Mark(profile);
        var doc = new Document(article);
        profile?.Add(0, t0, b0);
        for (var i = 0; i < _stages.Length; i++)
        {
            var stage = _stages[i];
            (t0, b0) = Mark(profile);
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
            profile?.Add(i + 1, t0, b0);
        }

        return doc;
    }

    private static (long Ticks, long Bytes) Mark(StageProfile? profile) =>
        profile is null ? default : (System.Diagnostics.Stopwatch.GetTimestamp(), GC.GetAllocatedBytesForCurrentThread());

    /// <summary>Extracts events from one article. Never throws on text; problems become diagnostics.</summary>
    public Sitrep.Core.Extraction Extract(Article article) => Extract(article, null);

    /// <summary>Extracts events from one article, adding the time and allocations of each step to <paramref name="profile"/> when given.</summary>
    public Sitrep.Core.Extraction Extract(Article article, StageProfile? profile)
    {
        var doc = Annotate(article, profile);
        var (t0, b0) = Mark(profile);
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

        var extraction = new Sitrep.Core.Extraction(article) { Events = events, Places = places, Diagnostics = [.. doc.Diagnostics] };
        if (profile is not null)
        {
            profile.Add(_stages.Length + 1, t0, b0);
            profile.CountArticle();
        }

        return extraction;
    }
}
