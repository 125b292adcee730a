using System.Collections.Immutable;

namespace Sitrep.Core;

/// <summary>
/// What a weapon filter asks for: a set of categories (a category "cruise_missile", a family "missile", a common
/// word "uav", "kab", "shelling") or, when the words name none, a model or the start of one ("shahed" matches
/// Shahed-131 and Shahed-136). Exactly one of <see cref="Categories"/> and <see cref="ModelPrefix"/> is set.
/// </summary>
public sealed record WeaponSelector
{
    private WeaponSelector(ImmutableArray<WeaponCategory> categories, string? modelPrefix, string text)
    {
        Categories = categories;
        ModelPrefix = modelPrefix;
        Text = text;
    }

    /// <summary>The categories asked for; empty when the selector is a model.</summary>
    public ImmutableArray<WeaponCategory> Categories { get; }

    /// <summary>The model or model start asked for, as written; null when the selector names categories.</summary>
    public string? ModelPrefix { get; }

    /// <summary>The words the selector was parsed from.</summary>
    public string Text { get; }

    /// <summary>The family words a selector reads, as help and errors list them.</summary>
    public const string FamilyWords = "drone, missile, cruise_missile, ballistic_missile, bomb, artillery, rocket, other";

    /// <summary>A selector from a filter's words; false (with the reason) for empty words.</summary>
    public static bool TryParse(string? text, out WeaponSelector selector, out string error)
    {
        selector = null!;
        error = "";
        var t = (text ?? "").Trim();
        if (t.Length == 0)
        {
            error = $"name a weapon: {FamilyWords}, or a model (\"shahed\", \"Kh-101\").";
            return false;
        }

        ImmutableArray<WeaponCategory> categories = t.ToLowerInvariant().Replace(' ', '_').Replace('-', '_') switch
        {
            "drone" or "drones" or "uav" or "uavs" => [WeaponCategory.Drone],
            "cruise_missile" or "cruise" or "cruise_missiles" => [WeaponCategory.CruiseMissile],
            "ballistic_missile" or "ballistic" or "ballistic_missiles" => [WeaponCategory.BallisticMissile],
            "missile" or "missiles" => [WeaponCategory.CruiseMissile, WeaponCategory.BallisticMissile, WeaponCategory.Missile],
            "guided_bomb" or "guided_bombs" or "bomb" or "bombs" or "kab" => [WeaponCategory.GuidedBomb],
            "artillery" or "shelling" => [WeaponCategory.Artillery, WeaponCategory.Rocket],
            "rocket" or "rockets" or "mlrs" => [WeaponCategory.Rocket],
            "other" => [WeaponCategory.Other],
            _ => [],
        };
        selector = new WeaponSelector(categories, categories.IsEmpty ? t : null, t);
        return true;
    }

    /// <summary>
    /// The selector for one weapon a lexicon named from <paramref name="text"/> (an alias: "geran-2" → Shahed-136,
    /// "unmanned aerial vehicle" → drone, "ракети" → missile): its model when it has one, else its category read as
    /// the category's own word reads ("ракети" as "missile": every kind of missile; "артилерія" as "artillery").
    /// </summary>
    public static WeaponSelector Of(WeaponRef weapon, string text)
    {
        if (weapon.Model is { } model)
        {
            return new WeaponSelector([], model, text);
        }

        return TryParse(weapon.Category.ToContract(), out var word, out _) && !word.Categories.IsEmpty
            ? new WeaponSelector(word.Categories, null, text)
            : new WeaponSelector([weapon.Category], null, text);
    }

    /// <summary>A selector from a filter's words; throws <see cref="FormatException"/> for empty words.</summary>
    public static WeaponSelector Parse(string text) => TryParse(text, out var s, out var error) ? s : throw new FormatException(error);

    public override string ToString() => Text;
}
