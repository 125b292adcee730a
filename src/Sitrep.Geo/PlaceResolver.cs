using System.Collections.Immutable;
using Sitrep.Core;

namespace Sitrep.Geo;

/// <summary>
/// What the text said a place is. Same members, in the same order, as the extraction engine's PlaceHint,
/// so one casts to the other.
/// </summary>
public enum PlaceQueryHint
{
    /// <summary>Nothing said: "Kharkiv".</summary>
    Any,

    /// <summary>The text said region, oblast, province, krai, republic or district: "Kharkiv region".</summary>
    Region,

    /// <summary>The text said city, town, village or settlement: "the village of Lozova".</summary>
    Settlement,
}

/// <summary>
/// One place mention of a report, as the resolver takes it: the words, where they are, the gazetteer
/// entries they may mean (best first, as <see cref="IPlaceLookup.Find"/> returns them; empty or default to
/// have the resolver look the text up itself), what the text said the place is, and the index in the same
/// list of a mention that contains this one ("Lozova in the Kharkiv region": Lozova's container is the
/// region's index). Immutable.
/// </summary>
public sealed record PlaceQuery(
    string Text,
    TextSpan Span,
    ImmutableArray<GazetteerEntry> Candidates,
    PlaceQueryHint Hint = PlaceQueryHint.Any,
    int? ContainerIndex = null);

/// <summary>
/// Resolves the place mentions of one report to gazetteer entries, choosing between namesakes by, in order:
/// what the text said the place is (region or settlement); the container the text puts it in; the event's
/// target country; the report's other places (same region, or near); and population last. Returns one
/// <see cref="PlaceRef"/> per mention, in order; a mention with no candidate keeps its text and null
/// precision and is never dropped. Stateless apart from the gazetteer, thread-safe.
/// </summary>
public sealed class PlaceResolver
{
    private static readonly string[] RegionSuffixes = [" region", " oblast", " province", " krai", " kray", " territory", " district", " raion", " rayon", " municipal district", " republic"];
    private static readonly string[] SettlementPrefixes = ["city of ", "town of ", "village of ", "settlement of ", "the "];
    private static readonly string[] SettlementSuffixes = [" city", " town", " village"];

    /// <summary>
    /// A namesake outside the container the text names stays the reading from this population on: a city that
    /// large is more likely what the text means than a misread container ("Kharkiv, Kyiv region and Odesa").
    /// </summary>
    private const int MaxProxiedNamesake = 100_000;

    private static readonly List<GazetteerEntry> NoContainers = [];

    private readonly Gazetteer? gazetteer;
    private readonly IPlaceLookup? lookup;

    /// <summary>A resolver that can look mentions up itself and find a place's region.</summary>
    public PlaceResolver(IPlaceLookup lookup)
    {
        ArgumentNullException.ThrowIfNull(lookup);
        this.lookup = lookup;
        gazetteer = lookup as Gazetteer;
    }

    /// <summary>
    /// Resolves every mention. <paramref name="targetCountry"/> is the event's target country ("UA", "RU",
    /// "BY") or null when unknown.
    /// </summary>
    public ImmutableArray<PlaceRef> Resolve(IReadOnlyList<PlaceQuery> mentions, string? targetCountry)
    {
        ArgumentNullException.ThrowIfNull(mentions);
        var candidates = new ImmutableArray<GazetteerEntry>[mentions.Count];
        for (var i = 0; i < mentions.Count; i++)
        {
            candidates[i] = Candidates(mentions[i]);
        }

        // Pass 1: places with one reading (after the hint) anchor the others.
        var chosen = new GazetteerEntry?[mentions.Count];
        var proxy = new bool[mentions.Count];
        var within = new bool[mentions.Count];
        for (var i = 0; i < mentions.Count; i++)
        {
            var filtered = ByHint(candidates[i], mentions[i].Hint, out _);
            if (filtered.Length == 1 && mentions[i].ContainerIndex is null)
            {
                chosen[i] = filtered[0];
            }
        }

        var anchors = chosen.Where(c => c is not null).Select(c => c!).ToList();

        // Pass 2: containers first (a container is resolved before what it contains), then the rest.
        var state = new int[mentions.Count];
        for (var i = 0; i < mentions.Count; i++)
        {
            Choose(i);
        }

        var result = ImmutableArray.CreateBuilder<PlaceRef>(mentions.Count);
        for (var i = 0; i < mentions.Count; i++)
        {
            var m = mentions[i];
            result.Add(chosen[i] is not { } e ? new PlaceRef(m.Text, m.Span)
                : within[i] ? WithinRef(m.Text, m.Span, e, m.Hint)
                : ToPlaceRef(m.Text, m.Span, e, proxy[i]));
        }

        return result.MoveToImmutable();

        void Choose(int i)
        {
            if (state[i] == 2)
            {
                return;
            }

            if (state[i] == 1)
            {
                return; // a cycle of containers: resolve without the container
            }

            state[i] = 1;
            var m = mentions[i];
            // The containers the text puts the place in, innermost first: "Чаусы Погарского района Брянской
            // области" names the district, and the district the oblast. Unresolved links are skipped.
            var chain = m.ContainerIndex is null ? NoContainers : new List<GazetteerEntry>();
            var hops = 0;
            for (var c = m.ContainerIndex; c is int k && k >= 0 && k < mentions.Count && k != i && hops < mentions.Count; c = mentions[k].ContainerIndex, hops++)
            {
                Choose(k);
                if (chosen[k] is { } e)
                {
                    chain.Add(e);
                }
            }

            // The innermost container that holds a candidate decides between namesakes; with none, the widest.
            var container = chain.Count == 0 ? null : chain.Find(e => candidates[i].Any(x => Contains(e, x))) ?? chain[^1];
            var hint = m.Hint == PlaceQueryHint.Any && EndsWithSettlementWord(m.Text) ? PlaceQueryHint.Settlement : m.Hint;
            var pick = Pick(candidates[i], hint, container, targetCountry, anchors, out var isProxy, m.Text);
            if (pick is null && m.Hint == PlaceQueryHint.Region && container is null)
            {
                // "Lozova district" with no district in the data: the town stands for the area around it.
                pick = Pick(candidates[i], PlaceQueryHint.Any, null, targetCountry, anchors, out _);
                isProxy = pick is not null;
            }

            if (chain.Count > 0 && chain[0].Feature is PlaceFeature.Admin1 or PlaceFeature.Admin2
                && (pick is null || (!chain.Any(e => Contains(e, pick)) && pick.Population < MaxProxiedNamesake)))
            {
                // Rule container-proxy: the text puts the place in a district or region and the data has no place
                // of that name there (a village it lacks, or only a namesake elsewhere): the container stands for it.
                pick = chain[0];
                within[i] = true;
            }

            chosen[i] = pick;
            proxy[i] = isProxy;
            state[i] = 2;
        }
    }

    /// <summary>Resolves one name with no other context ("Brussels", "Kharkiv region").</summary>
    public PlaceRef Resolve(string text, PlaceQueryHint hint = PlaceQueryHint.Any, string? targetCountry = null) =>
        Resolve([new PlaceQuery(text, new TextSpan(0, text.Length), [], hint)], targetCountry)[0];

    /// <summary>
    /// The most precise resolved place: lowest UCDP where_prec (a town before its district, region or
    /// country), the first of equals; null when none is resolved.
    /// </summary>
    public static PlaceRef? BestLocation(IEnumerable<PlaceRef> places)
    {
        ArgumentNullException.ThrowIfNull(places);
        PlaceRef? best = null;
        foreach (var p in places)
        {
            if (p.WherePrecision is not int w || p.Latitude is null || p.Longitude is null)
            {
                continue;
            }

            if (best is null || w < best.WherePrecision)
            {
                best = p;
            }
        }

        return best;
    }

    /// <summary>
    /// The contract's place for a gazetteer entry. Precision: a town or facility is ACLED 1 / UCDP 1; a
    /// district 2 / 3; a region 3 / 4; a country 3 / 6. <paramref name="proxy"/> marks a town standing for the
    /// area around it ("the Lozova district" with no district in the data): ACLED 2, UCDP 2.
    /// </summary>
    public static PlaceRef ToPlaceRef(string text, TextSpan span, GazetteerEntry entry, bool proxy = false)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var (geo, where) = entry.Feature switch
        {
            PlaceFeature.PopulatedPlace or PlaceFeature.Facility => proxy ? (2, 2) : (1, 1),
            PlaceFeature.Admin2 => (2, 3),
            PlaceFeature.Admin1 => (3, 4),
            PlaceFeature.Country => (3, 6),
            PlaceFeature.Water => (3, 7),
            _ => (2, 2),
        };
        return new PlaceRef(text, span)
        {
            Name = entry.Name,
            GazetteerId = entry.GeoNamesId ?? entry.Id,
            Feature = entry.FeatureName,
            Admin1 = entry.Admin1,
            Country = entry.Country,
            Latitude = entry.Latitude,
            Longitude = entry.Longitude,
            GeoPrecision = geo,
            WherePrecision = where,
            Occupied = entry.Occupied,
        };
    }

    /// <summary>
    /// A place the data lacks, known only to lie in <paramref name="container"/> (rule container-proxy): its own text,
    /// no name or gazetteer id of its own (it is not the container), the container's country, region and point, and
    /// the container's precision (a district: ACLED 2 / UCDP 3; a region: 3 / 4).
    /// </summary>
    public static PlaceRef WithinRef(string text, TextSpan span, GazetteerEntry container, PlaceQueryHint hint)
    {
        ArgumentNullException.ThrowIfNull(container);
        var (geo, where) = container.Feature == PlaceFeature.Admin2 ? (2, 3) : (3, 4);
        return ToPlaceRef(text, span, container) with
        {
            Name = null,
            GazetteerId = null,
            Feature = hint == PlaceQueryHint.Region ? "admin2" : "populated_place",
            GeoPrecision = geo,
            WherePrecision = where,
        };
    }

    private ImmutableArray<GazetteerEntry> Candidates(PlaceQuery m)
    {
        if (!m.Candidates.IsDefaultOrEmpty || lookup is null)
        {
            return m.Candidates.IsDefault ? [] : m.Candidates;
        }

        var folded = PlaceNames.Fold(m.Text);
        var hits = lookup.Find(folded);
        if (!hits.IsEmpty)
        {
            return hits;
        }

        foreach (var prefix in SettlementPrefixes)
        {
            if (folded.StartsWith(prefix, StringComparison.Ordinal))
            {
                hits = lookup.Find(folded.AsSpan(prefix.Length));
                if (!hits.IsEmpty)
                {
                    return hits;
                }
            }
        }

        foreach (var suffix in RegionSuffixes.Concat(SettlementSuffixes))
        {
            if (folded.EndsWith(suffix, StringComparison.Ordinal))
            {
                return lookup.Find(folded.AsSpan(0, folded.Length - suffix.Length));
            }
        }

        return [];
    }

    private static bool EndsWithSettlementWord(string text)
    {
        foreach (var suffix in SettlementSuffixes)
        {
            if (text.EndsWith(suffix, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    private static ImmutableArray<GazetteerEntry> ByHint(ImmutableArray<GazetteerEntry> candidates, PlaceQueryHint hint, out bool matched)
    {
        matched = true;
        if (hint == PlaceQueryHint.Any || candidates.IsDefaultOrEmpty)
        {
            return candidates.IsDefault ? [] : candidates;
        }

        var filtered = Where(candidates, hint, static (e, hint) => hint == PlaceQueryHint.Region
            ? e.Feature is PlaceFeature.Admin1 or PlaceFeature.Admin2 or PlaceFeature.Country
            : e.Feature is PlaceFeature.PopulatedPlace or PlaceFeature.Facility);
        matched = !filtered.IsEmpty;
        return matched ? filtered : (hint == PlaceQueryHint.Region ? [] : candidates);
    }

    /// <summary>The candidates inside <paramref name="container"/>, in order; <paramref name="candidates"/> itself when all are.</summary>
    private static ImmutableArray<GazetteerEntry> Inside(ImmutableArray<GazetteerEntry> candidates, GazetteerEntry container) =>
        Where(candidates, container, static (e, container) => Contains(container, e));

    /// <summary>
    /// The candidates that <paramref name="fits"/>, in order: <paramref name="candidates"/> itself when all do, empty when
    /// none does (no LINQ and no copy on the resolver's path, where most candidates all fit).
    /// </summary>
    private static ImmutableArray<GazetteerEntry> Where<TState>(ImmutableArray<GazetteerEntry> candidates, TState state, Func<GazetteerEntry, TState, bool> fits)
    {
        var kept = 0;
        foreach (var e in candidates)
        {
            kept += fits(e, state) ? 1 : 0;
        }

        if (kept == candidates.Length || kept == 0)
        {
            return kept == 0 ? [] : candidates;
        }

        var result = ImmutableArray.CreateBuilder<GazetteerEntry>(kept);
        foreach (var e in candidates)
        {
            if (fits(e, state))
            {
                result.Add(e);
            }
        }

        return result.MoveToImmutable();
    }

    /// <summary>
    /// Each gazetteer name's romanisation skeleton (<see cref="PlaceNames.Skeleton(string)"/> of its fold), made once: the
    /// resolver compares it with every mention it may be. A skeleton, so that "Kostyantynivka" in the text is called
    /// exactly the entry named "Kostiantynivka" (the national romanisation of the same letters).
    /// </summary>
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<string, string> NameSkeletons = new();

    private static string NameSkeleton(string name) => NameSkeletons.GetValue(name, static n => PlaceNames.Skeleton(PlaceNames.Fold(n)));

    private static GazetteerEntry? Pick(
        ImmutableArray<GazetteerEntry> all,
        PlaceQueryHint hint,
        GazetteerEntry? container,
        string? targetCountry,
        List<GazetteerEntry> anchors,
        out bool proxy,
        string? text = null)
    {
        proxy = false;
        var candidates = ByHint(all, hint, out _);
        if (candidates.IsEmpty)
        {
            return null;
        }

        if (container is not null)
        {
            var inside = Inside(candidates, container);
            if (!inside.IsEmpty)
            {
                candidates = inside;
            }
        }

        if (candidates.Length == 1 && candidates[0].Population >= 0)
        {
            return candidates[0]; // the one reading, whatever its score (finite with a population: the scores below are)
        }

        var folded = text is null ? null : PlaceNames.Skeleton(PlaceNames.Fold(text));
        GazetteerEntry? best = null;
        var bestScore = double.MinValue;
        for (var k = 0; k < candidates.Length; k++)
        {
            var e = candidates[k];
            var score = 0.0;

            // The gazetteer's order: today's names before former ones, then population.
            score -= k * 0.01;

            if (hint == PlaceQueryHint.Any)
            {
                // "Kharkiv" alone is the city; the region has its own words.
                score += e.Feature switch
                {
                    PlaceFeature.Country => 40,
                    PlaceFeature.PopulatedPlace => 30,
                    PlaceFeature.Admin1 => 25,
                    PlaceFeature.Facility => 20,
                    _ => 0,
                };
            }

            if (targetCountry is not null && e.Country == targetCountry)
            {
                score += 200;
            }
            else if (e.Country is "UA" or "RU" or "BY" or "MD")
            {
                score += 20; // reports are about this war: its countries before namesakes elsewhere
            }

            foreach (var a in anchors)
            {
                if (ReferenceEquals(a, e) || (a.Latitude.Equals(e.Latitude) && a == e)) // equal entries have equal latitudes: the cheap test first
                {
                    if (a.Feature is PlaceFeature.PopulatedPlace or PlaceFeature.Facility)
                    {
                        score += 150; // the report names this very town elsewhere without doubt ("the city of Belgorod")
                        break;
                    }

                    continue; // "the Belgorod region" elsewhere does not make a bare "Belgorod" the region
                }

                if (e.Feature == PlaceFeature.Admin1 && a.Feature is PlaceFeature.PopulatedPlace or PlaceFeature.Facility && a.Admin1 == e.Name)
                {
                    continue; // nor does a town make its namesake mention the region around it
                }

                if (a.Admin1 is not null && a.Admin1 == e.Admin1 && a.Country == e.Country)
                {
                    score += 100;
                    break;
                }

                if (a.Feature is PlaceFeature.PopulatedPlace or PlaceFeature.Facility && Within(a, e, 100))
                {
                    score += 60;
                    break;
                }
            }

            // The place called exactly what the text says ("Bilhorod-Dnistrovskyi") before one that also
            // answers to it (Belgorod, whose Ukrainian name is Bilhorod).
            if (folded is not null && NameSkeleton(e.Name) is var name && folded.StartsWith(name, StringComparison.Ordinal) && folded.Length - name.Length <= 9)
            {
                score += 15;
            }

            score += 10 * Math.Log10(e.Population + 1.0);
            if (score > bestScore)
            {
                best = e;
                bestScore = score;
            }
        }

        return best;
    }

    /// <summary>True when <paramref name="place"/> lies in <paramref name="container"/> (a country, region or district, or within 30 km of a town).</summary>
    private static bool Contains(GazetteerEntry container, GazetteerEntry place) => container.Feature switch
    {
        PlaceFeature.Country => place.Country == container.Country,
        PlaceFeature.Admin1 => place.Country == container.Country && place.Admin1 == container.Name,
        PlaceFeature.Admin2 => place.Country == container.Country && (place.Admin2 == container.Name || (place.Admin2 is null && place.Admin1 == container.Admin1)),
        _ => Within(container, place, 30),
    };

    /// <summary>
    /// True when two places are less than <paramref name="km"/> apart (<see cref="Km"/>). Places further apart in
    /// latitude alone (a degree is 111 km; the great-circle distance is never less) are answered without the
    /// trigonometry, with a margin far above rounding: most pairs a report names are hundreds of kilometres apart.
    /// </summary>
    private static bool Within(GazetteerEntry a, GazetteerEntry b, double km) =>
        Math.Abs(a.Latitude - b.Latitude) * (Math.PI / 180 * 6371) <= km + 1 && Km(a.Latitude, a.Longitude, b.Latitude, b.Longitude) < km;

    /// <summary>Great-circle distance in kilometres.</summary>
    public static double Km(double lat1, double lon1, double lat2, double lon2)
    {
        var p1 = lat1 * Math.PI / 180;
        var p2 = lat2 * Math.PI / 180;
        var dp = p2 - p1;
        var dl = (lon2 - lon1) * Math.PI / 180;
        var h = (Math.Sin(dp / 2) * Math.Sin(dp / 2)) + (Math.Cos(p1) * Math.Cos(p2) * Math.Sin(dl / 2) * Math.Sin(dl / 2));
        return 2 * 6371 * Math.Asin(Math.Sqrt(Math.Min(1, h)));
    }
}
