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
/// One figure as one source states it: the value, its hedge, who says it, and the exact words.
/// Claims are never overwritten; a revision adds a claim and marks the earlier one not current.
/// </summary>
public sealed record FigureClaim(
    FigureKind Kind,
    int Value,
    Qualifier Qualifier,
    Evidence Evidence,
    WeaponRef? Weapon = null,
    Claimant? Claimant = null)
{
    /// <summary>False when a later claim in the same article revises this one ("the toll rose to 33").</summary>
    public bool IsCurrent { get; init; } = true;

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

    internal static FigureClaim? Best(ImmutableArray<FigureClaim> claims, FigureKind kind)
    {
        FigureClaim? best = null;
        foreach (var c in claims)
        {
            if (c.Kind != kind || !c.IsCurrent || !c.IsCount)
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
