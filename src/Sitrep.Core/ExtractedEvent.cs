using System.Collections.Immutable;

namespace Sitrep.Core;

/// <summary>
/// One attack (or, when <see cref="Kind"/> is <see cref="EventKind.Aggregate"/>, a total across many)
/// as one article tells it. Figures are claims; the event's numbers derive from them.
/// </summary>
public sealed record ExtractedEvent
{
    public EventKind Kind { get; init; } = EventKind.Strike;
    public EventDate Date { get; init; } = EventDate.Unknown;
    public Side Attacker { get; init; } = Side.Unknown;
    public Country TargetCountry { get; init; } = Country.Other;
    public ImmutableArray<PlaceRef> Places { get; init; } = [];
    public ImmutableArray<WeaponUse> Weapons { get; init; } = [];
    /// <summary>Killed and injured figures; weapon figures live on <see cref="Weapons"/>.</summary>
    public ImmutableArray<FigureClaim> Casualties { get; init; } = [];
    public ImmutableArray<Claimant> Claimants { get; init; } = [];
    /// <summary>The sentences the event was assembled from.</summary>
    public ImmutableArray<Evidence> Quotes { get; init; } = [];
    /// <summary>The best single location for maps: the most precise place hit.</summary>
    public PlaceRef? Location { get; init; }

    public FigureClaim? Killed => WeaponUse.Best(Casualties, FigureKind.Killed);

    public FigureClaim? Injured => WeaponUse.Best(Casualties, FigureKind.Injured);
}

/// <summary>Everything the engine extracted from one article.</summary>
public sealed record Extraction(Article Article)
{
    public ImmutableArray<ExtractedEvent> Events { get; init; } = [];

    /// <summary>Every place the article names, hit or not, resolved: the article's index of places.</summary>
    public ImmutableArray<PlaceRef> Places { get; init; } = [];
    public ImmutableArray<Diagnostic> Diagnostics { get; init; } = [];
}
