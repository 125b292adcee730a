using System.Collections.Immutable;
using Sitrep.Core;

namespace Sitrep.Merge;

/// <summary>
/// What an attack figure counts: killed or injured (no family), or launched or destroyed of a weapon family,
/// optionally of one model ("Shahed-136", as the reports spell it). Ordered: casualties first, then by family,
/// kind and model.
/// </summary>
public readonly record struct FigureKey(FigureKind Kind, WeaponFamily? Family = null, string? Model = null) : IComparable<FigureKey>
{
    public static FigureKey Killed { get; } = new(FigureKind.Killed);

    public static FigureKey Injured { get; } = new(FigureKind.Injured);

    public static FigureKey Launched(WeaponFamily family, string? model = null) => new(FigureKind.Launched, family, model);

    public static FigureKey Destroyed(WeaponFamily family, string? model = null) => new(FigureKind.Destroyed, family, model);

    /// <summary>True for launched/destroyed of a whole family (the figures the contract scores), false for casualties and models.</summary>
    public bool IsFamilyFigure => Family is not null && Model is null;

    /// <summary>
    /// The contract's figure name: "killed", "injured", "drone.launched", "missile.destroyed"; a model figure adds the
    /// model: "drone.launched:Shahed-136" (the contract does not score those).
    /// </summary>
    public string ToContract()
    {
        if (Family is not { } f)
        {
            return Kind.ToContract();
        }

        var name = f.ToContract() + "." + Kind.ToContract();
        return Model is null ? name : name + ":" + Model;
    }

    public int CompareTo(FigureKey other)
    {
        var a = Family is null ? -1 : (int)Family.Value;
        var b = other.Family is null ? -1 : (int)other.Family.Value;
        if (a != b)
        {
            return a.CompareTo(b);
        }

        if (Kind != other.Kind)
        {
            // By value, as Enum.CompareTo orders them, without boxing both (this runs in every sorted figure lookup).
            return ((int)Kind).CompareTo((int)other.Kind);
        }

        return string.CompareOrdinal(Model, other.Model);
    }

    public static bool operator <(FigureKey left, FigureKey right) => left.CompareTo(right) < 0;

    public static bool operator >(FigureKey left, FigureKey right) => left.CompareTo(right) > 0;

    public static bool operator <=(FigureKey left, FigureKey right) => left.CompareTo(right) <= 0;

    public static bool operator >=(FigureKey left, FigureKey right) => left.CompareTo(right) >= 0;

    public override string ToString() => ToContract();
}

/// <summary>Why a claim does not stand, when it does not.</summary>
public enum ClaimStanding
{
    /// <summary>The claim stands.</summary>
    Stands,

    /// <summary>A later claim in the same report revised it ("the toll rose to 33").</summary>
    RevisedInReport,

    /// <summary>A later report of the same claimant gives another figure: the later one supersedes it.</summary>
    SupersededByClaimant,

    /// <summary>The attacking side's own figure for its strike, beside another's in the same report: contested, not counted.</summary>
    ContestedInReport,
}

/// <summary>
/// One statement of a figure by one member event, with its provenance: the event, its report and outlet, the report's
/// date, the value, the hedge, who says it (as written and as the claimant registry knows it) and the words. For a
/// family figure it is one claim of the family's only weapon entry, or the sum of the family's entries (a model
/// breakdown of a stated total not added); <see cref="Parts"/> holds the claims it is made of, each with its evidence.
/// A casualty statement is one claim. Claims are never changed by the merge: standing, rank and partiality are
/// judgements recorded beside them.
/// </summary>
public sealed record AttackClaim(EventKey Event, int Value, Qualifier Qualifier, ImmutableArray<FigureClaim> Parts)
{
    /// <summary>The report's outlet.</summary>
    public string? Source { get; init; }

    /// <summary>The day the report speaks from (<see cref="MergeReport.ReportDate"/>); orders claims for "latest" rules.</summary>
    public DateOnly? ReportDate { get; init; }

    /// <summary>The report's <see cref="MergeReport.Identity"/>: with <see cref="ReportDate"/>, orders claims whatever order their reports arrived in.</summary>
    public string? ReportIdentity { get; init; }

    /// <summary>Who says it, as written: the claim's own claimant, else the event's only claimant when none of the event's figures names its own; null when the report does not say.</summary>
    public Claimant? Claimant { get; init; }

    /// <summary>The claimant as the registry knows it, when it does.</summary>
    public ClaimantEntry? Registered { get; init; }

    /// <summary>The side the claimant speaks for: the registry's, else the text's; <see cref="Side.Unknown"/> when unattributed.</summary>
    public Side ClaimantSide { get; init; } = Side.Unknown;

    /// <summary>The claim's rank for this figure (0 most authoritative); see <see cref="AttackFigure"/>.</summary>
    public int Authority { get; init; }

    /// <summary>True when the member tells only part of the attack; see <see cref="AttackMember.IsPartial"/>.</summary>
    public bool IsPartial { get; init; }

    public ClaimStanding Standing { get; init; } = ClaimStanding.Stands;

    /// <summary>The words of the claim (of its first part when several are summed).</summary>
    public Evidence Evidence => Parts.IsDefaultOrEmpty ? default : Parts[0].Evidence;
}

/// <summary>
/// One reconciled figure of an attack (UCDP's best/low/high, ACLED's conservative value), computed from its
/// members' claims by one rule and never by overwriting them. Figures: launched and destroyed per weapon family and per
/// model, killed, injured.
/// <para><b>Claims.</b> Each member event states a figure once per claimant: every claim of a weapon entry speaks for
/// its own claimant; when several entries of one family give the figure, their sum is one statement (a model breakdown
/// of a stated total is not added to it); each casualty claim is one statement. A claim with no claimant of its own is
/// credited to the event's only claimant when none of the event's figures names one. Claims revised within their
/// report ("the toll rose to 33") and claims of partial members (a city's own account of a wider wave) are kept but
/// left out of best, low, high and conservative while a whole account exists. A later report's claim by the same
/// registered claimant supersedes its earlier ones.</para>
/// <para><b>Authority</b> (lower ranks first): 0 the target's national air-defence authority (Ukraine's air force for
/// attacks on Ukraine, Russia's defence ministry for attacks on Russia); 1 the target side's other military commands; 2
/// its head of state or government; 3 the regional or city authority of a place the attack hit; 4 the target side's
/// other officials (without a registry entry: any claimant the text places on the target side); 5 unattributed
/// figures — the outlet relaying an official count — and claimants neither the registry nor the text places on a side;
/// a government speaking as a whole ("Ukrainian officials said"); 6 outlets speaking for themselves and third parties;
/// 7 the attacker's side.</para>
/// <para><b>Best</b>, launched and destroyed: set aside hedged figures that a more precise figure of the attack fits
/// ("more than 60" when 63 is given, "about 90" when 88 is, "more than 100" when "at least 127" is); take the most authoritative rank present; within it, the claims of
/// the latest report date (a claimant's later figure supersedes its earlier one); when those reports disagree, the value
/// most reports carry; then the larger.</para>
/// <para><b>Best</b>, killed and injured: the highest standing toll of ranks 0–5 (officials, emergency services and
/// unattributed relayed tolls; outlets speaking for themselves and the attacker's side only when nobody else gives a
/// toll), because tolls rise as rubble is cleared — unless the toll's own claimant later revises it down, which makes
/// the later figure the standing one.</para>
/// <para><b>Low</b> and <b>high</b>: the smallest and largest member figure (an event's family figure summed over its
/// weapon entries, or its largest current casualty claim) over whole members, widened to hold best and conservative.
/// <b>Conservative</b> (ACLED): the smallest member figure whose claim still stands. <b>Contested</b>: both
/// belligerents' sides give the figure and their best values (by the same rule, each side's claims alone) differ —
/// Russia's "all 30 intercepted" against Ukraine's "18 downed, 12 hit"; both are kept in <see cref="SideClaims"/>.</para>
/// Invariants: <c>Low &lt;= Conservative &lt;= High</c>, <c>Low &lt;= Best &lt;= High</c>; <see cref="BestClaim"/> is one of
/// <see cref="Claims"/> and its value is <see cref="Best"/>.
/// </summary>
public sealed record AttackFigure(FigureKey Key, int Best, int Low, int High, int Conservative, AttackClaim BestClaim)
{
    /// <summary>
    /// The rule that chose best, as a stable name: "authority" (one figure at the best rank), "authority.latest" (its
    /// latest of several days), "authority.most-reports" (the value most of the latest day's reports carry),
    /// "authority.largest" (the largest of one report's figures), "toll.highest-official", "toll.highest" (no official toll).
    /// </summary>
    public string BestRule { get; init; } = "";

    /// <summary>The rule in a sentence for people: "the national air-defence authority: its latest figure".</summary>
    public string BestReason { get; init; } = "";

    /// <summary>True when both belligerents give the figure and their best values differ.</summary>
    public bool Contested { get; init; }

    /// <summary>Each belligerent side's best claim when both give the figure (whether or not they differ), target side first.</summary>
    public ImmutableArray<AttackClaim> SideClaims { get; init; } = [];

    /// <summary>Every member claim for the key, ordered by event then value: standing or not, partial or whole.</summary>
    public ImmutableArray<AttackClaim> Claims { get; init; } = [];
}
