namespace Sitrep.Core;

/// <summary>How a figure is hedged in the text: "at least 16" is <see cref="AtLeast"/> 16.</summary>
public enum Qualifier
{
    Exact,
    AtLeast,
    MoreThan,
    About,
    UpTo,
    LessThan,
    /// <summary>"dozens of drones", "several missiles": a quantity that is not a number; its value is 0 and it never counts.</summary>
    Vague,
}

/// <summary>What a figure counts.</summary>
public enum FigureKind
{
    Launched,
    Destroyed,
    /// <summary>Lost to electronic warfare or "did not reach their targets": not destroyed.</summary>
    Suppressed,
    Killed,
    Injured,
}

/// <summary>Weapon category as in the extraction contract.</summary>
public enum WeaponCategory
{
    Drone,
    CruiseMissile,
    BallisticMissile,
    Missile,
    GuidedBomb,
    Artillery,
    Rocket,
    Other,
}

/// <summary>How precisely an event's date is known.</summary>
public enum DatePrecision
{
    Day,
    /// <summary>A night spanning two days; the event date is the morning day.</summary>
    Night,
    Week,
    Month,
    Year,
    Unknown,
}

/// <summary>An event is one attack, or a total across many (<see cref="Aggregate"/>).</summary>
public enum EventKind
{
    Strike,
    Aggregate,
}

public enum DiagnosticSeverity
{
    Info,
    Warning,
    Error,
}

public static class ContractNames
{
    public static string ToContract(this WeaponCategory c) => c switch
    {
        WeaponCategory.Drone => "drone",
        WeaponCategory.CruiseMissile => "cruise_missile",
        WeaponCategory.BallisticMissile => "ballistic_missile",
        WeaponCategory.Missile => "missile",
        WeaponCategory.GuidedBomb => "guided_bomb",
        WeaponCategory.Artillery => "artillery",
        WeaponCategory.Rocket => "rocket",
        _ => "other",
    };

    public static string ToContract(this Qualifier q) => q switch
    {
        Qualifier.Exact => "exact",
        Qualifier.AtLeast => "at_least",
        Qualifier.MoreThan => "more_than",
        Qualifier.About => "about",
        Qualifier.UpTo => "up_to",
        Qualifier.LessThan => "less_than",
        Qualifier.Vague => "vague",
        _ => "exact",
    };

    /// <summary>False for <see cref="Qualifier.Vague"/>: such a claim is kept with its evidence but is never a count.</summary>
    public static bool IsCount(this Qualifier q) => q != Qualifier.Vague;

    /// <summary>A figure as people read it: "16", "at least 16", "up to 16"; a vague claim is "vague", never its stored 0.</summary>
    public static string Hedged(this Qualifier q, long value) => q switch
    {
        Qualifier.Vague => "vague",
        Qualifier.Exact => value.ToString(System.Globalization.CultureInfo.InvariantCulture),
        _ => q.ToContract().Replace('_', ' ') + " " + value.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    public static string ToContract(this DatePrecision p) => p switch
    {
        DatePrecision.Day => "day",
        DatePrecision.Night => "night",
        DatePrecision.Week => "week",
        DatePrecision.Month => "month",
        DatePrecision.Year => "year",
        _ => "unknown",
    };

    public static string ToContract(this FigureKind k) => k switch
    {
        FigureKind.Launched => "launched",
        FigureKind.Destroyed => "destroyed",
        FigureKind.Suppressed => "suppressed",
        FigureKind.Killed => "killed",
        FigureKind.Injured => "injured",
        _ => "other",
    };

    /// <summary>The category named by its contract name ("cruise_missile"); false for any other name.</summary>
    public static bool TryParseCategory(string? name, out WeaponCategory category) => TryParse(name, Categories, out category);

    /// <summary>The qualifier named by its contract name ("at_least"); false for any other name.</summary>
    public static bool TryParseQualifier(string? name, out Qualifier qualifier) => TryParse(name, Qualifiers, out qualifier);

    /// <summary>The figure kind named by its contract name ("destroyed"); false for any other name.</summary>
    public static bool TryParseFigure(string? name, out FigureKind kind) => TryParse(name, Figures, out kind);

    /// <summary>The date precision named by its contract name ("night"); false for any other name.</summary>
    public static bool TryParsePrecision(string? name, out DatePrecision precision) => TryParse(name, Precisions, out precision);

    /// <summary>The category named by its contract name; throws <see cref="FormatException"/> naming the bad value and the good ones.</summary>
    public static WeaponCategory ParseCategory(string name) => Parse<WeaponCategory>(name, Categories, "weapon category");

    public static Qualifier ParseQualifier(string name) => Parse<Qualifier>(name, Qualifiers, "qualifier");

    public static FigureKind ParseFigure(string name) => Parse<FigureKind>(name, Figures, "figure");

    public static DatePrecision ParsePrecision(string name) => Parse<DatePrecision>(name, Precisions, "date precision");

    // The names are looked up among the (few) values of each enum, whose values run from 0 up without gaps: no
    // dictionary of them built at start, and no generic code over the enums (LINQ, Enum.GetValues) that ReadyToRun
    // leaves to the JIT on every command that reads a stored date precision or weapon.
    private static readonly string[] Categories = Names((int)WeaponCategory.Other, i => ((WeaponCategory)i).ToContract());
    private static readonly string[] Qualifiers = Names((int)Qualifier.Vague, i => ((Qualifier)i).ToContract());
    private static readonly string[] Figures = Names((int)FigureKind.Injured, i => ((FigureKind)i).ToContract());
    private static readonly string[] Precisions = Names((int)DatePrecision.Unknown, i => ((DatePrecision)i).ToContract());

    /// <summary>The contract names of the values 0 to <paramref name="last"/>, in value order.</summary>
    private static string[] Names(int last, Func<int, string> name)
    {
        var names = new string[last + 1];
        for (var i = 0; i <= last; i++)
        {
            names[i] = name(i);
        }

        return names;
    }

    private static bool TryParse<T>(string? name, string[] names, out T value)
        where T : struct, Enum
    {
        var i = name is null ? -1 : Array.IndexOf(names, name);
        value = i < 0 ? default : (T)(object)i;
        return i >= 0;
    }

    private static T Parse<T>(string name, string[] names, string what)
        where T : struct, Enum =>
        TryParse(name, names, out T v) ? v : throw new FormatException($"'{name}' is not a {what}: write one of {string.Join(", ", names)}.");

    /// <summary>The scoring family of a category: drone, missile, bomb, artillery or other.</summary>
    public static WeaponFamily Family(this WeaponCategory c) => Parties.FamilyOf(c);
}
