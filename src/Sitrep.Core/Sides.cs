using System.Diagnostics.CodeAnalysis;

namespace Sitrep.Core;

/// <summary>
/// A party to the war, as attacker or as the side a claimant speaks for. Contract codes: RU, UA, BY, other,
/// unknown. <see cref="Unknown"/> is the default: the text neither names nor clearly implies the side.
/// </summary>
public enum Side
{
    Unknown,
    Russia,
    Ukraine,
    Belarus,
    Other,
}

/// <summary>
/// The country an attack hits, as the extraction contract names it: UA, RU, BY or other. Occupied Ukrainian
/// territory is <see cref="Ukraine"/> (UN GA resolution 68/262); a place's own country is its ISO code.
/// </summary>
public enum Country
{
    Other,
    Ukraine,
    Russia,
    Belarus,
}

/// <summary>The weapon families the scorers and the ledger count by: categories folded (rockets count as artillery).</summary>
public enum WeaponFamily
{
    Drone,
    Missile,
    Bomb,
    Artillery,
    Other,
}

/// <summary>Contract codes of sides, countries and families, and parsers that say when a name is unknown.</summary>
public static class Parties
{
    public static string ToContract(this Side s) => s switch
    {
        Side.Russia => "RU",
        Side.Ukraine => "UA",
        Side.Belarus => "BY",
        Side.Other => "other",
        _ => "unknown",
    };

    public static string ToContract(this Country c) => c switch
    {
        Country.Ukraine => "UA",
        Country.Russia => "RU",
        Country.Belarus => "BY",
        _ => "other",
    };

    public static string ToContract(this WeaponFamily f) => f switch
    {
        WeaponFamily.Drone => "drone",
        WeaponFamily.Missile => "missile",
        WeaponFamily.Bomb => "bomb",
        WeaponFamily.Artillery => "artillery",
        _ => "other",
    };

    /// <summary>The country's name in English: "Ukraine", "Russia", "Belarus"; empty for <see cref="Country.Other"/>.</summary>
    public static string Name(this Country c) => c switch
    {
        Country.Ukraine => "Ukraine",
        Country.Russia => "Russia",
        Country.Belarus => "Belarus",
        _ => "",
    };

    /// <summary>The country a side's forces attack from: the side's own state; null for unknown and other.</summary>
    public static Country? Home(this Side s) => s switch
    {
        Side.Russia => Country.Russia,
        Side.Ukraine => Country.Ukraine,
        Side.Belarus => Country.Belarus,
        _ => null,
    };

    /// <summary>The side whose state a country is.</summary>
    public static Side SideOf(this Country c) => c switch
    {
        Country.Russia => Side.Russia,
        Country.Ukraine => Side.Ukraine,
        Country.Belarus => Side.Belarus,
        _ => Side.Other,
    };

    /// <summary>The other belligerent: Russia for Ukraine, Ukraine for Russia or Belarus; null otherwise.</summary>
    public static Side? Opponent(this Side s) => s switch
    {
        Side.Russia or Side.Belarus => Side.Ukraine,
        Side.Ukraine => Side.Russia,
        _ => null,
    };

    /// <summary>
    /// A side from its code or name, any case: RU, russia, rus, russian; UA, ukraine, ukr, ukrainian; BY, belarus;
    /// other; unknown. False for anything else.
    /// </summary>
    public static bool TryParseSide(string? text, out Side side)
    {
        side = (text ?? "").Trim().ToLowerInvariant() switch
        {
            "ru" or "rus" or "russia" or "russian" or "russian federation" => Side.Russia,
            "ua" or "ukr" or "ukraine" or "ukrainian" => Side.Ukraine,
            "by" or "blr" or "belarus" or "belarusian" => Side.Belarus,
            "other" => Side.Other,
            "unknown" => Side.Unknown,
            _ => (Side)(-1),
        };
        return Enum.IsDefined(side);
    }

    /// <summary>A target country from its code or name: UA, ukraine; RU, russia; BY, belarus; other. False for anything else.</summary>
    public static bool TryParseCountry(string? text, out Country country)
    {
        country = (text ?? "").Trim().ToLowerInvariant() switch
        {
            "ua" or "ukr" or "ukraine" => Country.Ukraine,
            "ru" or "rus" or "russia" or "russian federation" => Country.Russia,
            "by" or "blr" or "belarus" => Country.Belarus,
            "other" => Country.Other,
            _ => (Country)(-1),
        };
        return Enum.IsDefined(country);
    }

    /// <summary>The target country a place's ISO 3166-1 code stands for; <see cref="Country.Other"/> for any other code.</summary>
    public static Country CountryOfIso(string? iso) => iso switch
    {
        "UA" => Country.Ukraine,
        "RU" => Country.Russia,
        "BY" => Country.Belarus,
        _ => Country.Other,
    };

    /// <summary>A family from its contract name (drone, missile, bomb, artillery, other). False for anything else.</summary>
    public static bool TryParseFamily(string? text, out WeaponFamily family)
    {
        family = (text ?? "").Trim().ToLowerInvariant() switch
        {
            "drone" or "drones" => WeaponFamily.Drone,
            "missile" or "missiles" => WeaponFamily.Missile,
            "bomb" or "bombs" => WeaponFamily.Bomb,
            "artillery" => WeaponFamily.Artillery,
            "other" => WeaponFamily.Other,
            _ => (WeaponFamily)(-1),
        };
        return Enum.IsDefined(family);
    }

    /// <summary>The side named by its contract code; throws <see cref="FormatException"/> naming the bad value.</summary>
    public static Side ParseSide(string text) =>
        TryParseSide(text, out var s) ? s : throw new FormatException($"'{text}' is not a side: write RU, UA, BY, other or unknown.");

    /// <summary>The country named by its contract code; throws <see cref="FormatException"/> naming the bad value.</summary>
    public static Country ParseCountry(string text) =>
        TryParseCountry(text, out var c) ? c : throw new FormatException($"'{text}' is not a target country: write UA, RU, BY or other.");

    [SuppressMessage("Style", "IDE0072", Justification = "Every category is named.")]
    public static WeaponFamily FamilyOf(WeaponCategory c) => c switch
    {
        WeaponCategory.Drone => WeaponFamily.Drone,
        WeaponCategory.CruiseMissile or WeaponCategory.BallisticMissile or WeaponCategory.Missile => WeaponFamily.Missile,
        WeaponCategory.GuidedBomb => WeaponFamily.Bomb,
        WeaponCategory.Artillery or WeaponCategory.Rocket => WeaponFamily.Artillery,
        _ => WeaponFamily.Other,
    };
}
