using Sitrep.Core;
using Sitrep.Extraction.Text;
using Sitrep.Geo;

namespace Sitrep.Extraction.Assembly;

/// <summary>Which of an event's places are places hit: a city's district is part of its city, not a place of its own.</summary>
public sealed partial class EventAssembler
{
    private static readonly FrozenWords DistrictWords = CueWords("district");
    private static readonly FrozenWords CityWords = CueWords("city-word");
    private static readonly FrozenWords DamagePlaceWords = CueWords("damage-place");

    /// <summary>
    /// Rule <c>damage-place</c>: the units right after the event's own that only say where the damage was ("The
    /// hardest-hit area was Rivne", "The incident occurred at a depot near Klintsy", "Найбільше постраждав Ірпінь"):
    /// no figure, toll, weapon, date or attack word of their own, a place that is not a reference point, and a word of
    /// <c>damage-place</c> in <c>assembly-cues.tsv</c>. Their places are the event's places hit.
    /// </summary>
    private static List<int> DamagePlaceUnits(Document doc, Draft d, Bucketed b)
    {
        List<int>? found = null;
        foreach (var u in d.Units)
        {
            for (var next = u + 1; next < b.Places.Length && !d.Units.Contains(next) && !(found?.Contains(next) ?? false) && IsDamagePlaceUnit(doc, next, b); next++)
            {
                (found ??= []).Add(next);
            }
        }

        return found ?? [];
    }

    private static bool IsDamagePlaceUnit(Document doc, int u, Bucketed b)
    {
        if (b.Figures[u].Count > 0 || b.Casualties[u].Count > 0 || b.Weapons[u].Count > 0 || b.Dates[u].Count > 0 || !b.Places[u].Any(p => !p.IsReference))
        {
            return false;
        }

        var s = doc.Layer<SentenceMention>(Layers.Sentences)[b.SentenceOf(b.Places[u][0])];
        if (HasAttackWord(doc, s))
        {
            return false; // an attack's own sentence, grouped by its own rules
        }

        for (var i = s.FirstToken; i < s.EndToken; i++)
        {
            if (DamagePlaceWords.Contains(doc.Tokens[i].Lower))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Rule <c>city-district</c>: a place named as a district of a city the event names ("the Kholodnohirskyi and
    /// Kyivskyi districts of Kharkiv", "the city's Dniprovskyi district", "Kharkiv's Saltivskyi district"), or a
    /// district of the Ukrainian city form ("the Shevchenkivskyi district", "the Industrialnyi district": an adjective
    /// in -kyi or -nyi, the way Ukraine's cities name their districts, where its raions are named after a town) in an
    /// event that names a Ukrainian city: the city is the place hit. A region's district ("the Pogarsky district of the
    /// Bryansk region", "the Nikopol district", "the Stryi district") stays.
    /// </summary>
    private static bool IsCityDistrict(Document doc, PlaceMention m, IReadOnlyCollection<PlaceRef> eventPlaces, Bucketed b)
    {
        var tokens = doc.Tokens;

        // The district word: the mention's last word, or after it past a list of other district names
        // ("Kholodnohirskyi and Kyivsky districts").
        var d = -1;
        if (DistrictWords.Contains(tokens[m.EndToken - 1].Lower))
        {
            d = m.EndToken - 1;
        }
        else
        {
            for (var k = m.EndToken; k < Math.Min(tokens.Count, m.EndToken + 5); k++)
            {
                if (DistrictWords.Contains(tokens[k].Lower))
                {
                    d = k;
                    break;
                }

                if (!(tokens[k].Lower is "and" or "," || (tokens[k].IsWord && char.IsUpper(doc.Text[tokens[k].Start]))))
                {
                    break;
                }
            }
        }

        if (d < 0)
        {
            return false;
        }

        // "… districts of Kharkiv": of a city.
        if (d + 1 < tokens.Count && tokens[d + 1].Lower == "of")
        {
            var of = b.AllPlaces.FirstOrDefault(p => p.TokenIndex == d + 2 || (p.TokenIndex == d + 3 && tokens[d + 2].Lower == "the"));
            if (of is not null && b.Resolved[of].Feature == "populated_place")
            {
                return true;
            }
        }

        // "the city's Dniprovskyi district", "Kharkiv's Saltivskyi district".
        var before = m.TokenIndex - 1;
        if (before >= 1 && tokens[before].Lower is "'s" or "’s" or "'" or "’")
        {
            before--;
        }

        if (before >= 0 && before < m.TokenIndex - 1 && (CityWords.Contains(tokens[before].Lower)
            || b.AllPlaces.Any(p => p.EndToken == before + 1 && b.Resolved[p].Feature == "populated_place")))
        {
            return true;
        }

        var name = tokens[m.TokenIndex].Lower;
        // The adjective's endings: Shevchenkivskyi, Zavodskyi, Industrialnyi (not a town's own name: "the Stryi district").
        var adjective = name.Length >= 7 && (name.EndsWith("kyi", StringComparison.Ordinal) || name.EndsWith("nyi", StringComparison.Ordinal));
        return adjective && eventPlaces.Any(p => p.Feature == "populated_place" && p.Country == "UA");
    }

    /// <summary>
    /// Rule region-as-city-name: a region written with its city's bare name ("the regions of Lviv and Volyn" where the
    /// event also names the city Lviv) is told as the city: both would be written "Lviv". A region written as a region
    /// ("Lviv and the Lviv region") stays beside its city.
    /// </summary>
    private static bool IsRegionWrittenAsCity(PlaceRef region, IReadOnlyCollection<PlaceRef> eventPlaces) =>
        region.Feature == "admin1" && region.Name is { } name
        && eventPlaces.Any(c => c.Feature == "populated_place" && c.Admin1 == name && PlaceNames.Fold(c.Text) == PlaceNames.Fold(region.Text));
}
