using System.Collections.Immutable;
using Sitrep.Core;

namespace Sitrep.Storage;

/// <summary>
/// One attack as the ledger keeps it: the per-report events of every report that tells it (its members), and its
/// figures reconciled from their claims. Ids are lasting: a re-merge keeps an attack's id for the attack that keeps
/// most of its members (see Sitrep.Merge.AttackIdentity); an id that no longer exists leads to its successor.
/// </summary>
public sealed record StoredAttack(
    long Id,
    DateOnly? Date,
    DatePrecision Precision,
    Side Attacker,
    Country Target,
    int Events,
    int Reports,
    int Sources,
    PlaceRef? Location,
    string Places,
    string Weapons,
    bool Contested,
    DateTimeOffset UpdatedAt)
{
    /// <summary>
    /// The member event whose words give <see cref="Location"/> (its text and span are in that event's report); null when
    /// the attack has no location, or for a location stored before schema 6 that no member's place matches.
    /// </summary>
    public LocationSource? LocationFrom { get; init; }

    /// <summary>Best launched summed over the attack's weapon families; null when no member gives a count.</summary>
    public int? Launched { get; init; }

    /// <summary>Best destroyed summed over the attack's weapon families.</summary>
    public int? Destroyed { get; init; }

    /// <summary>Best killed (see <see cref="StoredAttackFigure"/> for the range).</summary>
    public int? Killed { get; init; }

    /// <summary>Best injured.</summary>
    public int? Injured { get; init; }

    /// <summary>The reconciled figures: casualties first, then per family launched and destroyed, then per model.</summary>
    public ImmutableArray<StoredAttackFigure> Figures { get; init; } = [];

    /// <summary>Every member event, in report order, with why it is in the attack.</summary>
    public ImmutableArray<StoredMember> Members { get; init; } = [];

    /// <summary>The figure with this contract name ("killed", "drone.launched"), or null when no member gives it.</summary>
    public StoredAttackFigure? Figure(string name) => Figures.FirstOrDefault(f => f.Name == name);
}

/// <summary>The member event, and its report, whose words give an attack's location.</summary>
public sealed record LocationSource(long EventId, long ReportId);

/// <summary>
/// One reconciled figure of an attack: UCDP's best, low and high, ACLED's conservative value, whether the two sides'
/// claims differ, the rule that chose best, and every member claim with its standing.
/// </summary>
/// <param name="Name">The contract's name: "killed", "injured", "drone.launched", "missile.destroyed", or with a model "drone.launched:Shahed-136".</param>
public sealed record StoredAttackFigure(
    string Name,
    FigureKind Kind,
    WeaponFamily? Family,
    string? Model,
    int Best,
    int Low,
    int High,
    int Conservative,
    bool Contested,
    string Rule,
    string Reason,
    long? BestEventId)
{
    public ImmutableArray<StoredAttackClaim> Claims { get; init; } = [];

    /// <summary>True for a whole family's launched or destroyed (what totals add up), false for casualties and models.</summary>
    public bool IsFamilyFigure => Family is not null && Model is null;
}

/// <summary>
/// One member's claim for one figure, as the reconciliation judged it: who says it (as written and as the registry
/// knows it), the report's outlet and date, its rank, whether it stands, whether the member tells only part of the
/// attack, whether it is the claim behind best, and the words.
/// </summary>
public sealed record StoredAttackClaim(
    long EventId,
    long ReportId,
    int Value,
    Qualifier Qualifier,
    string? ClaimedBy,
    string? ClaimantId,
    Side ClaimantSide,
    string? Source,
    DateOnly? ReportDate,
    int Authority,
    string Standing,
    bool Partial,
    bool IsBest,
    bool IsSideClaim,
    Evidence Evidence);

/// <summary>
/// An event's membership of an attack: how it joined (seed, same day, assumed date, analyst join or split …), its
/// score and the features that decided it, and where to find it (its report's article id and its index among that
/// report's strike events, as <c>sitrep extract</c> numbers them).
/// </summary>
public sealed record StoredMember(
    long EventId,
    long ReportId,
    int Ordinal,
    string Kind,
    double Score,
    bool Partial,
    long? Decision,
    string Explain)
{
    public ImmutableArray<StoredFeature> Features { get; init; } = [];

    /// <summary>The report's article id (the file stem for a file read from disk).</summary>
    public string Article { get; init; } = "";

    /// <summary>The event's 0-based index among its report's strike events (the extraction output's <c>events</c> array).</summary>
    public int StrikeIndex { get; init; }

    public ReportRef? Report { get; init; }
}

/// <summary>One feature of a membership decision: its name, its value in the score, and a sentence.</summary>
public sealed record StoredFeature(string Name, double Value, string Reason);

/// <summary>An analyst's decision as stored.</summary>
public sealed record StoredDecision(long Id, string Kind, long EventId, long? OtherEventId, string? Note, string MadeBy, DateTimeOffset MadeAt);

/// <summary>What a merge (an ingest's windowed recompute, a decision, or a rebuild) changed.</summary>
public sealed record MergeSummary(int Attacks, int Events, int Created, int Kept, int Gone, TimeSpan Elapsed)
{
    /// <summary>Attacks the recompute found stored exactly as it computed them (not written again).</summary>
    public int Unchanged { get; init; }

    /// <summary>
    /// Attacks that only gained members, built from their stored state and the new members' claims and written in part
    /// (the new member rows, the figure rows that changed, the attack's row), instead of built and written whole.
    /// </summary>
    public int Extended { get; init; }
}

/// <summary>One day (null: the attacks without a date), attacker and weapon family of the attack ledger.</summary>
public sealed record AttackStat(DateOnly? Date, Side Attacker, Country Target, string Family, int Attacks, long Reports, long? Launched, long? Destroyed, long? Killed, long? Injured)
{
    /// <summary>Destroyed over launched, when both are known and launched is not zero.</summary>
    public double? InterceptionRate => Launched is > 0 && Destroyed is { } d ? (double)d / Launched.Value : null;
}

/// <summary>The stats rows of the attacks without a date (<see cref="AttackStat.Date"/> null) and how many attacks they count.</summary>
public sealed record UndatedAttackStats(IReadOnlyList<AttackStat> Rows, int Attacks);
