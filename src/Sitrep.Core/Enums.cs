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
        _ => "exact",
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

    /// <summary>The category named by its contract name ("cruise_missile"); <see cref="WeaponCategory.Other"/> for anything else.</summary>
    public static WeaponCategory ParseCategory(string name) => name switch
    {
        "drone" => WeaponCategory.Drone,
        "cruise_missile" => WeaponCategory.CruiseMissile,
        "ballistic_missile" => WeaponCategory.BallisticMissile,
        "missile" => WeaponCategory.Missile,
        "guided_bomb" => WeaponCategory.GuidedBomb,
        "artillery" => WeaponCategory.Artillery,
        "rocket" => WeaponCategory.Rocket,
        _ => WeaponCategory.Other,
    };

    /// <summary>The qualifier named by its contract name ("at_least"); <see cref="Qualifier.Exact"/> for anything else.</summary>
    public static Qualifier ParseQualifier(string name) => name switch
    {
        "at_least" => Qualifier.AtLeast,
        "more_than" => Qualifier.MoreThan,
        "about" => Qualifier.About,
        "up_to" => Qualifier.UpTo,
        "less_than" => Qualifier.LessThan,
        _ => Qualifier.Exact,
    };

    /// <summary>The figure kind named by its contract name ("destroyed"); <see cref="FigureKind.Injured"/> for anything else.</summary>
    public static FigureKind ParseFigure(string name) => name switch
    {
        "launched" => FigureKind.Launched,
        "destroyed" => FigureKind.Destroyed,
        "suppressed" => FigureKind.Suppressed,
        "killed" => FigureKind.Killed,
        _ => FigureKind.Injured,
    };

    /// <summary>The date precision named by its contract name ("night"); <see cref="DatePrecision.Unknown"/> for anything else.</summary>
    public static DatePrecision ParsePrecision(string name) => name switch
    {
        "day" => DatePrecision.Day,
        "night" => DatePrecision.Night,
        "week" => DatePrecision.Week,
        "month" => DatePrecision.Month,
        "year" => DatePrecision.Year,
        _ => DatePrecision.Unknown,
    };

    /// <summary>The scoring family of a category: drone, missile, bomb, artillery or other.</summary>
    public static string Family(this WeaponCategory c) => c switch
    {
        WeaponCategory.Drone => "drone",
        WeaponCategory.CruiseMissile or WeaponCategory.BallisticMissile or WeaponCategory.Missile => "missile",
        WeaponCategory.GuidedBomb => "bomb",
        WeaponCategory.Artillery or WeaponCategory.Rocket => "artillery",
        _ => "other",
    };
}
