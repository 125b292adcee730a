using System.Collections.Immutable;
using Sitrep.Extraction.Stages.Actors;
using Sitrep.Extraction.Stages.Casualties;
using Sitrep.Extraction.Stages.Dates;
using Sitrep.Extraction.Stages.Figures;
using Sitrep.Extraction.Stages.Numbers;
using Sitrep.Extraction.Stages.Places;
using Sitrep.Extraction.Stages.Sentences;
using Sitrep.Extraction.Stages.Weapons;
using Sitrep.Geo;

namespace Sitrep.Extraction;

/// <summary>
/// Assembles stages in order and checks that every stage's requirements are produced before it.
/// <see cref="Build"/> returns a sealed pipeline that is safe to reuse across threads.
/// </summary>
public sealed class PipelineBuilder
{
    private readonly List<IStage> _stages = [];
    private IPlaceLookup? _places;

    public PipelineBuilder Use(IStage stage)
    {
        _stages.Add(stage);
        return this;
    }

    public PipelineBuilder InsertBefore<T>(IStage stage)
        where T : IStage
    {
        var i = _stages.FindIndex(s => s is T);
        if (i < 0)
        {
            throw new InvalidOperationException($"No stage of type {typeof(T).Name} to insert before.");
        }

        _stages.Insert(i, stage);
        return this;
    }

    public PipelineBuilder UseSentences() => Use(new SentenceStage());

    public PipelineBuilder UseNumbers() => Use(new NumberStage());

    public PipelineBuilder UseDates() => Use(new DateStage());

    public PipelineBuilder UseWeapons() => Use(new WeaponStage());

    public PipelineBuilder UsePlaces(IPlaceLookup? places)
    {
        _places = places;
        return Use(new PlaceStage(places));
    }

    public PipelineBuilder UseCasualties() => Use(new CasualtyStage());

    public PipelineBuilder UseFigures() => Use(new FigureStage());

    /// <summary>Attacker cues and claimants; the places of <see cref="UsePlaces"/>, when it came first, tell a speaking city ("Kyiv says") from a claimant.</summary>
    public PipelineBuilder UseActors() => Use(new ActorStage(places: _places));

    /// <summary>Every standard stage, in order.</summary>
    public PipelineBuilder UseAll(IPlaceLookup? places) =>
        UseSentences().UseNumbers().UseDates().UseWeapons().UsePlaces(places).UseCasualties().UseFigures().UseActors();

    public ExtractionPipeline Build()
    {
        var produced = new HashSet<string>(StringComparer.Ordinal);
        foreach (var s in _stages)
        {
            foreach (var r in s.Requires)
            {
                if (!produced.Contains(r))
                {
                    throw new InvalidOperationException($"Stage '{s.Name}' needs layer '{r}', which no earlier stage produces.");
                }
            }

            if (!produced.Add(s.Produces))
            {
                throw new InvalidOperationException($"Layer '{s.Produces}' is produced twice (by '{s.Name}').");
            }
        }

        return new ExtractionPipeline([.. _stages], _places);
    }
}
