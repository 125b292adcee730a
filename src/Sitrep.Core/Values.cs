using System.Collections.Immutable;

namespace Sitrep.Core;

/// <summary>The words in an article that support a fact: a span and the text it covers.</summary>
public readonly record struct Evidence(TextSpan Span, string Text);

/// <summary>Who says a figure: "the Ukrainian air force", "Governor Roman Starovoit".</summary>
/// <param name="Name">As written, trimmed.</param>
/// <param name="Side">Whose side the claimant speaks for.</param>
public sealed record Claimant(string Name, Side Side, TextSpan Span)
{
    /// <summary>The registry id of the claimant these words name ("ua.air_force"), or null when the registry has none.</summary>
    public string? Canonical { get; init; }

    /// <summary>The words name a person ("Governor X", "Гладков"), not a body ("the air force", "Минобороны России").</summary>
    public bool IsPerson { get; init; }
}

/// <summary>A weapon as named: category always, model when the text names one ("Shahed-136").</summary>
public readonly record struct WeaponRef(WeaponCategory Category, string? Model);

/// <summary>A resolved date: the day the event happened (morning day for a night), how precise, and the words.</summary>
public sealed record EventDate(DateOnly? Date, DatePrecision Precision, string Text, TextSpan Span)
{
    /// <summary>For a night, the evening day; for a week or month, the first day.</summary>
    public DateOnly? Start { get; init; }

    public static EventDate Unknown { get; } = new(null, DatePrecision.Unknown, "", default);
}

/// <summary>
/// A place as found in the text, and where the gazetteer puts it when it could.
/// A place the gazetteer cannot resolve keeps its text and a null precision.
/// </summary>
public sealed record PlaceRef(string Text, TextSpan Span)
{
    public string? Name { get; init; }
    public string? GazetteerId { get; init; }
    /// <summary>populated_place, admin1, admin2, country, facility, water, other.</summary>
    public string? Feature { get; init; }
    public string? Admin1 { get; init; }
    /// <summary>ISO 3166-1 alpha-2.</summary>
    public string? Country { get; init; }
    public double? Latitude { get; init; }
    public double? Longitude { get; init; }
    /// <summary>ACLED geo_precision: 1 town, 2 part of a region, 3 region.</summary>
    public int? GeoPrecision { get; init; }
    /// <summary>UCDP where_prec, 1–7.</summary>
    public int? WherePrecision { get; init; }
    /// <summary>Occupied territory coded to its de jure country (UN GA resolution 68/262).</summary>
    public bool Occupied { get; init; }
}

/// <summary>
/// What a claim is for its event's figure, as its own report tells it. Only a <see cref="Current"/> claim gives the
/// event's figure; the others are kept, each for its own reason.
/// </summary>
public enum ClaimRole
{
    /// <summary>The claim gives the event's figure (the largest of its kind when several do).</summary>
    Current,

    /// <summary>A later claim in the same report revises it ("the toll rose to 33").</summary>
    Superseded,

    /// <summary>
    /// An item of a stated total's breakdown ("29 missiles, among them 18 Kh-101, 7 Iskander-M and 4 Kinzhal"): the total
    /// is the family's figure and the part is never added to it; the part is still its model's figure, and not a revision.
    /// </summary>
    PartOfTotal,

    /// <summary>
    /// The attacking side's own figure for its strike ("Russian authorities claimed the strike killed 85") where the report
    /// also gives that figure from someone else: a contested claim about the same attack, not a revision.
    /// </summary>
    OtherSidesClaim,
}

/// <summary>
/// How a claim's role is kept where a claim is stored as "is current" and its rule: a role other than current or
/// superseded is a tag the extraction appends to the rule, so a store needs no column of its own for it.
/// </summary>
public static class ClaimRoles
{
    /// <summary>The rule tag of a <see cref="ClaimRole.PartOfTotal"/> claim.</summary>
    public const string PartOfTotalTag = "+part-of-total";

    /// <summary>The rule tag of an <see cref="ClaimRole.OtherSidesClaim"/> claim.</summary>
    public const string OtherSidesClaimTag = "+attacker-claim";

    /// <summary>The role of a stored claim, from its "is current" flag and its rule.</summary>
    public static ClaimRole FromStored(bool isCurrent, string rule) =>
        isCurrent ? ClaimRole.Current
        : rule.Contains(PartOfTotalTag, StringComparison.Ordinal) ? ClaimRole.PartOfTotal
        : rule.Contains(OtherSidesClaimTag, StringComparison.Ordinal) ? ClaimRole.OtherSidesClaim
        : ClaimRole.Superseded;

    /// <summary>The role as the JSON outputs write it: current, superseded, part_of_total, other_sides_claim.</summary>
    public static string ToContract(this ClaimRole role) => role switch
    {
        ClaimRole.Superseded => "superseded",
        ClaimRole.PartOfTotal => "part_of_total",
        ClaimRole.OtherSidesClaim => "other_sides_claim",
        _ => "current",
    };

    /// <summary>The role in words for people (text reports, <c>sitrep show</c>); empty for a current claim.</summary>
    public static string Describe(this ClaimRole role) => role switch
    {
        ClaimRole.Superseded => "revised later in the report",
        ClaimRole.PartOfTotal => "part of a stated total",
        ClaimRole.OtherSidesClaim => "the other side's claim, contested",
        _ => "",
    };
}

/// <summary>
/// One figure as one source states it: the value, its hedge, who says it, and the exact words.
/// Claims are never overwritten; a revision adds a claim and marks the earlier one <see cref="ClaimRole.Superseded"/>.
/// </summary>
public sealed record FigureClaim(
    FigureKind Kind,
    int Value,
    Qualifier Qualifier,
    Evidence Evidence,
    WeaponRef? Weapon = null,
    Claimant? Claimant = null)
{
    /// <summary>What the claim is for the event's figure; <see cref="ClaimRole.Current"/> unless a rule of its report says otherwise.</summary>
    public ClaimRole Role { get; init; }

    /// <summary>
    /// True when the claim gives the event's figure (<see cref="ClaimRole.Current"/>). Setting it false says a later claim
    /// of the report revises it (<see cref="ClaimRole.Superseded"/>); any other role is set through <see cref="Role"/>.
    /// </summary>
    public bool IsCurrent
    {
        get => Role == ClaimRole.Current;
        init => Role = value ? ClaimRole.Current : ClaimRole.Superseded;
    }

    /// <summary>The stage and rule that produced the figure, for tracing.</summary>
    public string Rule { get; init; } = "";

    /// <summary>False for a vague quantity ("dozens of drones"): never an event's figure, a sum or a reconciled value.</summary>
    public bool IsCount => Qualifier.IsCount();
}

/// <summary>A weapon used in an event and the figures for it.</summary>
public sealed record WeaponUse(WeaponRef Weapon, Evidence Evidence)
{
    public ImmutableArray<FigureClaim> Claims { get; init; } = [];

    public FigureClaim? Current(FigureKind kind) => Best(Claims, kind);

    /// <summary>The largest count of the kind among the entry's claims of <paramref name="role"/> (the first of equals).</summary>
    public FigureClaim? Largest(FigureKind kind, ClaimRole role) => Best(Claims, kind, role);

    internal static FigureClaim? Best(ImmutableArray<FigureClaim> claims, FigureKind kind, ClaimRole role = ClaimRole.Current)
    {
        FigureClaim? best = null;
        foreach (var c in claims)
        {
            if (c.Kind != kind || c.Role != role || !c.IsCount)
            {
                continue;
            }

            if (best is null || c.Value > best.Value)
            {
                best = c;
            }
        }

        return best;
    }
}

/// <summary>A problem the engine met reading or resolving an article; never fatal for the batch.</summary>
public sealed record Diagnostic(string Code, DiagnosticSeverity Severity, string Message, TextSpan? Span = null);
