using System.Collections.Immutable;
using Sitrep.Core;
using Sitrep.Extraction.Text;
using Sitrep.Geo;

namespace Sitrep.Extraction.Stages.Places;

/// <summary>
/// Finds place names by looking word sequences up in the gazetteer, longest first ("Nizhny Novgorod
/// region" before "Nizhny Novgorod"). A name must be capitalized, except the largest cities ("kyiv" in
/// translated text). Small places whose names could be ordinary words need a place cue before them
/// ("in", "near", "village of"). Marks reference points ("from Belarus", "west of Kyiv") and containers
/// ("Lozova in the Kharkiv region").
/// </summary>
public sealed class PlaceStage(IPlaceLookup? lookup) : IStage
{
    private static readonly FrozenWords RegionWords = FrozenWords.Of("region", "regions", "oblast", "oblasts", "province", "provinces", "krai", "kray", "republic", "district", "districts", "raion", "territory", "governorate");
    private static readonly FrozenWords SettlementWords = FrozenWords.Of("city", "town", "village", "settlement", "township", "hamlet", "port", "suburb");
    private static readonly FrozenWords PlaceCues = FrozenWords.Of("in", "near", "on", "at", "over", "outside", "of", "into", "toward", "towards", "around", "across", "targeting", "hit", "struck", "attacked", "shelled", "to", "above", "and", ",", "from", "between");
    private static readonly FrozenWords Directions = FrozenWords.Of("north", "south", "east", "west", "northwest", "northeast", "southwest", "southeast", "north-west", "north-east", "south-west", "south-east", "km", "kilometers", "kilometres", "miles");
    private static readonly FrozenWords NotPlaces = FrozenWords.Of(
        "the", "a", "an", "as", "at", "in", "on", "this", "that", "he", "she", "it", "we", "they", "his", "her", "its", "their", "our", "mr", "ms", "mrs", "more", "most", "many", "all",
        "president", "governor", "mayor", "minister", "ministry", "general", "head", "chief", "russian", "ukrainian", "russians", "ukrainians", "air", "force", "defence", "defense",
        "telegram", "reuters", "afp", "ap", "tass", "bbc", "cnn", "photo", "video", "source", "quote", "details", "background", "update", "updated", "context", "read", "also", "advertisement",
        "mir", "lenin", "lenina", "pobeda", "svoboda", "sputnik", "zarya", "mayak", "progress", "oktyabrsky", "sovetsky", "pervomaisky", "komsomolsky", "new", "black", "white", "red", "green",
        "victory", "peace", "march", "may", "june", "july", "august", "april", "sea", "river", "lake", "day", "night", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
        "and", "or", "but", "not", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "some", "about", "also", "after", "before", "during", "while", "when", "where",
        "kremlin", "nato", "un", "eu", "us", "uk", "u", "s", "is", "was", "be", "were", "has", "have", "had", "will", "would", "can", "could", "there", "here", "then", "now", "today", "yesterday");

    public string Name => "places";

    public ImmutableArray<string> Requires => [Layers.Sentences];

    public string Produces => Layers.Places;

    public ImmutableArray<Mention> Run(Document document)
    {
        if (lookup is null)
        {
            return [];
        }

        var tokens = document.Tokens;
        var text = document.Text;
        var found = new List<PlaceMention>();
        foreach (var sentence in document.Layer<SentenceMention>(Layers.Sentences))
        {
            for (var i = sentence.FirstToken; i < sentence.EndToken; i++)
            {
                var t = tokens[i];
                if (!t.IsWord || t.Lower.Length < 3 && t.Lower != "uk" || NotPlaces.Contains(t.Lower))
                {
                    continue;
                }

                if (!TryLongest(document, i, sentence.EndToken, out var end, out var candidates, out var key))
                {
                    continue;
                }

                var capitalized = t.IsCapitalized(text);
                var big = candidates.Any(c => c.Population >= 300_000 || c.Feature is PlaceFeature.Admin1 or PlaceFeature.Country);
                if (!capitalized && !(big && candidates.Any(c => c.Population >= 300_000 || c.Feature == PlaceFeature.Country)))
                {
                    continue;
                }

                var prev = i > sentence.FirstToken ? tokens[i - 1].Lower : "";
                var next = end < sentence.EndToken ? tokens[end].Lower : "";
                var regionFollows = RegionWords.Contains(next) || (next == "border" && end + 1 < sentence.EndToken && RegionWords.Contains(tokens[end + 1].Lower));
                var cue = PlaceCues.Contains(prev) || SettlementWords.Contains(prev) || regionFollows || (prev == "'" || prev == "\"");
                var significant = candidates.Any(c => c.Population >= 20_000 || c.Feature is PlaceFeature.Admin1 or PlaceFeature.Admin2 or PlaceFeature.Country or PlaceFeature.Facility);
                var atSentenceStart = i == sentence.FirstToken;
                if (!significant && !cue)
                {
                    continue;
                }

                if (atSentenceStart && !significant && !regionFollows)
                {
                    continue;
                }

                // Part of a person's name: "Roman Starovoit", "Governor Kursk"? A capitalized non-place word right after a person title.
                if (i > sentence.FirstToken && end < sentence.EndToken && tokens[end].IsWord && char.IsUpper(text[tokens[end].Start]) && !RegionWords.Contains(next) && !SettlementWords.Contains(next)
                    && !significant && tokens[i - 1].IsWord && char.IsUpper(text[tokens[i - 1].Start]))
                {
                    continue;
                }

                var spanEnd = end;
                var hint = candidates.All(c => c.Feature is PlaceFeature.Admin1 or PlaceFeature.Admin2) && key.Contains(' ', StringComparison.Ordinal) && RegionWords.Contains(tokens[end - 1].Lower)
                    ? PlaceHint.Region
                    : PlaceHint.Any;
                if (regionFollows)
                {
                    // "Kursk border region", "Oriol and Kursk regions": the region word belongs to the name.
                    spanEnd = next == "border" ? end + 2 : end + 1;
                    hint = PlaceHint.Region;
                    var regionKey = key + " region";
                    var regional = lookup.Find(regionKey);
                    if (!regional.IsDefaultOrEmpty)
                    {
                        candidates = regional;
                    }
                }
                else if (SettlementWords.Contains(prev) || (prev == "of" && i >= 2 && SettlementWords.Contains(tokens[i - 2].Lower)))
                {
                    hint = PlaceHint.Settlement;
                }

                var span = new TextSpan(t.Start, StripPossessive(document, tokens[spanEnd - 1]));
                var isReference = prev == "from" && !regionFollows
                    || (prev == "of" && i >= 2 && Directions.Contains(tokens[i - 2].Lower))
                    || (prev == "the" && i >= 3 && tokens[i - 2].Lower == "of" && Directions.Contains(tokens[i - 3].Lower))
                    || (Directions.Contains(prev) && prev is not ("km" or "kilometers" or "kilometres" or "miles"));
                found.Add(new PlaceMention(span, text[span.Start..span.End], i, spanEnd, hint, "gazetteer")
                {
                    Candidates = candidates,
                    IsReference = isReference,
                });
                i = spanEnd - 1;
            }
        }

        LinkContainers(document, found);
        return [.. found];
    }

    /// <summary>"Lozova in the Kharkiv region", "Gornal, located in the Kursk region": the region contains the place.</summary>
    private static void LinkContainers(Document doc, List<PlaceMention> found)
    {
        for (var k = 0; k + 1 < found.Count; k++)
        {
            var a = found[k];
            var b = found[k + 1];
            if (b.Hint != PlaceHint.Region || a.Hint == PlaceHint.Region || b.TokenIndex - a.EndToken > 5)
            {
                continue;
            }

            var between = Enumerable.Range(a.EndToken, b.TokenIndex - a.EndToken).Select(doc.Lower).ToList();
            if (between.Contains("in") || between.Contains("of") || (between.Count <= 2 && between.Contains(",")))
            {
                found[k] = a with { ContainerIndex = k + 1 };
            }
        }
    }

    private static int StripPossessive(Document doc, Token t) =>
        t.Lower.EndsWith("'s", StringComparison.Ordinal) ? t.End - 2 : t.End;

    private bool TryLongest(Document doc, int i, int limit, out int end, out ImmutableArray<GazetteerEntry> candidates, out string key)
    {
        var tokens = doc.Tokens;
        var max = Math.Min(lookup!.MaxWords, limit - i);
        Span<char> buffer = stackalloc char[128];
        for (var n = max; n >= 1; n--)
        {
            var len = 0;
            var ok = true;
            for (var k = 0; k < n && ok; k++)
            {
                var tk = tokens[i + k];
                if (!tk.IsWord)
                {
                    ok = false;
                    break;
                }

                var w = tk.Lower.AsSpan();
                if (k == n - 1 && w.EndsWith("'s"))
                {
                    w = w[..^2];
                }

                if (len + w.Length + 1 > buffer.Length)
                {
                    ok = false;
                    break;
                }

                if (k > 0)
                {
                    buffer[len++] = ' ';
                }

                w.CopyTo(buffer[len..]);
                len += w.Length;
            }

            if (!ok)
            {
                continue;
            }

            var folded = PlaceNames.Fold(buffer[..len]);
            var hits = lookup.Find(folded);
            if (!hits.IsDefaultOrEmpty)
            {
                end = i + n;
                candidates = hits;
                key = folded;
                return true;
            }
        }

        end = i;
        candidates = [];
        key = "";
        return false;
    }
}
