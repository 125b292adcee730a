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
/// where there is one ("gn:703448"), otherwise a project id ("ua-admin1:kharkiv", "sup:gornal").
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
    bool Occupied = false);

/// <summary>
/// Finds gazetteer entries by a place name. Keys are folded with <see cref="PlaceNames.Fold"/>:
/// lowercase, no diacritics, apostrophes dropped, hyphens and runs of spaces as one space.
/// Thread-safe; loaded once and shared.
/// </summary>
public interface IPlaceLookup
{
    /// <summary>The most words any key has ("nizhny novgorod region" is 3).</summary>
    int MaxWords { get; }

    /// <summary>The entries a folded name may mean, most populous first; empty when unknown.</summary>
    ImmutableArray<GazetteerEntry> Find(ReadOnlySpan<char> foldedName);
}
