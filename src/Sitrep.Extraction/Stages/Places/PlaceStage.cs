using System.Collections.Frozen;
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
    /// <summary>
    /// The folded names of the places a lowercase word may name (a city of 300,000 or more or a country, called
    /// exactly that: see <see cref="Run"/>), from the gazetteer's entries; null for another lookup. A lowercase word
    /// outside it cannot be a place, so it is not looked up: most words of running text are lowercase.
    /// </summary>
    private readonly FrozenSet<string>? lowercaseNames = lookup is Gazetteer gazetteer
        ? gazetteer.Entries.Where(MayBeLowercase).Select(e => PlaceNames.Fold(e.Name)).ToFrozenSet(StringComparer.Ordinal)
        : null;

    private static readonly FrozenWords RegionWords = FrozenWords.Of(
        "region", "regions", "oblast", "oblasts", "province", "provinces", "krai", "kray", "republic", "district", "districts", "raion", "territory", "governorate",
        "область", "області", "областю", "обл", "области", "областью", "район", "районі", "району", "районом", "районе", "района", "громада", "громаді", "громади",
        "край", "краю", "краї", "республика", "республике", "республики", "областях", "областей", "областями", "районах", "районів");
    private static readonly FrozenWords SettlementWords = FrozenWords.Of("city", "town", "village", "settlement", "township", "hamlet", "port", "suburb");
    private static readonly FrozenWords PlaceCues = FrozenWords.Of(
        "in", "near", "on", "at", "over", "outside", "of", "into", "toward", "towards", "around", "across", "targeting", "hit", "struck", "attacked", "shelled", "to", "above", "and", ",", "from", "between",
        "в", "у", "на", "під", "біля", "поблизу", "над", "по", "до", "під", "під", "и", "і", "та", "под", "возле", "около", "близ", "над", "по");
    private static readonly FrozenWords PlaceFollowers = FrozenWords.Of(
        "mayor", "governor", "regional", "military", "administration", "city", "council", "airport", "airbase", "airfield", "air", "refinery", "port", "oil", "thermal", "power",
        "hydroelectric", "nuclear", "plant", "station", "railway", "district", "raion", "oblast", "region", "province", "krai", "republic", "metro", "bridge", "dam", "reservoir",
        "police", "emergency", "state", "defense", "defence", "national", "university", "hospital", "theatre", "theater", "square", "street", "avenue", "center", "centre",
        "head", "authorities", "officials", "strait", "bay", "harbor", "harbour", "fleet", "kremlin", "tpp", "chp", "hpp", "npp", "mall");

    private static readonly FrozenWords Directions = FrozenWords.Of("north", "south", "east", "west", "northwest", "northeast", "southwest", "southeast", "north-west", "north-east", "south-west", "south-east", "km", "kilometers", "kilometres", "miles");
    private static readonly FrozenWords NotPlaces = FrozenWords.Of(
        "the", "a", "an", "as", "at", "in", "on", "this", "that", "he", "she", "it", "we", "they", "his", "her", "its", "their", "our", "mr", "ms", "mrs", "more", "most", "many", "all",
        "president", "governor", "mayor", "minister", "ministry", "general", "head", "chief", "russian", "ukrainian", "russians", "ukrainians", "air", "force", "defence", "defense",
        "telegram", "reuters", "afp", "ap", "tass", "bbc", "cnn", "photo", "video", "source", "quote", "details", "background", "update", "updated", "context", "read", "also", "advertisement",
        "mir", "lenin", "lenina", "pobeda", "svoboda", "sputnik", "zarya", "mayak", "progress", "oktyabrsky", "sovetsky", "pervomaisky", "komsomolsky", "new", "black", "white", "red", "green",
        "victory", "peace", "march", "may", "june", "july", "august", "april", "sea", "river", "lake", "day", "night", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
        "and", "or", "but", "not", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "some", "about", "also", "after", "before", "during", "while", "when", "where",
        "kremlin", "nato", "un", "eu", "us", "uk", "u", "s", "pantsir", "панцирь", "панцир", "is", "was", "be", "were", "has", "have", "had", "will", "would", "can", "could", "there", "here", "then", "now", "today", "yesterday");

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
        var scratch = Scratch.ForThread(lookup, MemoizeWords);
        var marks = scratch.MarkTokens(document);
        foreach (var sentence in document.Layer<SentenceMention>(Layers.Sentences))
        {
            for (var i = sentence.FirstToken; i < sentence.EndToken; i++)
            {
                var t = tokens[i];
                if ((marks[i] & Mark.Word) == 0 || t.Lower.Length < 3 && t.Lower != "uk" || (marks[i] & Mark.NotPlace) != 0)
                {
                    continue;
                }

                if (!TryLongest(document, scratch, i, sentence.EndToken, out var end, out var candidates, out var key))
                {
                    continue;
                }

                var capitalized = t.IsCapitalized(text);
                if (!capitalized && !AnyLowercaseNamed(candidates, key))
                {
                    continue; // "kyiv" in translated text, but not "city" for the City of London
                }

                var prev = i > sentence.FirstToken ? tokens[i - 1].Lower : "";
                var next = end < sentence.EndToken ? tokens[end].Lower : "";
                var regionFollows = RegionWords.Contains(next) || (next == "border" && end + 1 < sentence.EndToken && RegionWords.Contains(tokens[end + 1].Lower));
                // A facility's words after the name ("the Burshtyn thermal power plant", "the Burshtyn TPP") cue a small town as "depot" does.
                var cue = PlaceCues.Contains(prev) || SettlementWords.Contains(prev) || regionFollows || (prev == "'" || prev == "\"") || FacilityWords.Contains(next)
                          || FacilityQualifiers.Contains(next) || FacilityHeads.Contains(next);
                var significant = AnySignificant(candidates);
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

                if (IsPersonName(document, sentence, i, end, candidates) || IsMetonym(document, sentence, i, end, candidates) || NotPlaceHeads.Contains(next)
                    || IsBuildingName(document, sentence, i, end))
                {
                    continue;
                }

                // "Брянскую и Курскую область": a list's adjectives share the noun though it is singular, each named alone.
                var listed = i >= sentence.FirstToken + 2 && tokens[i - 1].Lower is "и" or "і" or "та" or "й" && found.Count > 0 && found[^1].EndToken == i - 1
                    && TextLanguage.StartsCyrillic(t.Lower) && found[^1].Text.Length > 2 && t.Lower.EndsWith(found[^1].Text[^2..], StringComparison.OrdinalIgnoreCase);
                var spanEnd = listed && end - i == 2 && RegionWords.Contains(tokens[end - 1].Lower) ? end - 1 : end;
                var hint = AllRegions(candidates) && key.Contains(' ', StringComparison.Ordinal) && RegionWords.Contains(tokens[end - 1].Lower)
                    ? PlaceHint.Region
                    : PlaceHint.Any;
                if (next == "municipal" && end + 1 < sentence.EndToken && tokens[end + 1].Lower is "district" or "okrug" or "formation")
                {
                    // "Starodubsky municipal district"
                    spanEnd = end + 2;
                    hint = PlaceHint.Region;
                }
                else if (regionFollows)
                {
                    // "Kursk border region": the region word belongs to the name. "the Oryol and Kaluga regions":
                    // a plural belongs to every name of the list, so each is named alone, as a region.
                    var regionToken = next == "border" ? end + 1 : end;
                    spanEnd = IsPluralRegion(tokens[regionToken].Lower) || listed ? end : regionToken + 1;
                    hint = PlaceHint.Region;
                    var regional = FindRegion(lookup, key);
                    if (!regional.IsDefaultOrEmpty)
                    {
                        candidates = regional;
                    }
                }
                else if (SettlementWords.Contains(prev) || (prev == "of" && i >= 2 && SettlementWords.Contains(tokens[i - 2].Lower)))
                {
                    hint = PlaceHint.Settlement;
                }

                // "the region outside Kyiv", "the region around Kharkiv": the city's region, named from "region" on.
                var first = i;
                var aroundCity = !regionFollows && i >= sentence.FirstToken + 2 && RegionAroundWords.Contains(prev) && tokens[i - 2].Lower == "region" && !FindRegion(lookup, key).IsDefaultOrEmpty;
                if (aroundCity)
                {
                    candidates = FindRegion(lookup, key);
                    hint = PlaceHint.Region;
                    first = i - 2;
                }

                // "shot down over Kursk": the region named after the city (rule shot-down-over-region).
                var overRegions = !regionFollows && !aroundCity && hint == PlaceHint.Any && IsShotDownOver(document, sentence, i) ? RegionNamedAfter(candidates) : [];
                var overRegion = !overRegions.IsEmpty;
                if (overRegion)
                {
                    candidates = overRegions;
                    hint = PlaceHint.Region;
                }

                var facilityEnd = regionFollows || tokens[end - 1].Lower.EndsWith("'s", StringComparison.Ordinal) ? end : FacilityEnd(document, end, sentence.EndToken);
                if (facilityEnd > end)
                {
                    // "the Dnipro Hydroelectric Power Plant": the facility is the place hit, named as written.
                    spanEnd = facilityEnd;
                }

                var span = new TextSpan(tokens[first].Start, StripPossessive(document, tokens[spanEnd - 1]));
                var origin = (prev == "from" || IsCyrillicOrigin(document, sentence, i)) && !regionFollows;
                var heading = IsHeadingToward(document, sentence, i);
                var titleOf = IsTitleOf(document, sentence, i);
                var personsTitle = titleOf && IsPersonsTitle(document, sentence, i, spanEnd);
                var isReference = IsDateline(document, sentence, i, end) || IsOfficialsTitle(document, sentence, spanEnd) || IsOfficeOf(document, sentence, i) || IsTimeZone(document, sentence, spanEnd)
                    || origin || heading
                    || (prev == "of" && i >= 2 && Directions.Contains(tokens[i - 2].Lower))
                    || (prev == "the" && i >= 3 && tokens[i - 2].Lower == "of" && Directions.Contains(tokens[i - 3].Lower))
                    || (Directions.Contains(prev) && prev is not ("km" or "kilometers" or "kilometres" or "miles"))
                    || IsFromOrCapitalOf(document, sentence, i);
                found.Add(new PlaceMention(span, text[span.Start..span.End], first, spanEnd, hint, origin ? "gazetteer-origin" : heading ? "flight-direction" : personsTitle && !isReference ? "official-title-person" : titleOf && !isReference ? "official-title" : aroundCity ? "region-around-city" : overRegion ? "shot-down-over-region" : facilityEnd > end ? "gazetteer-facility" : "gazetteer")
                {
                    Candidates = candidates,
                    IsReference = isReference,
                });
                i = spanEnd - 1;
            }

            TownAdjectiveFacilities(document, sentence, found, marks);
            Unknown(document, sentence, found, marks);

            // "из районов Каспийского моря и Волгодонска", "в напрямку Дніпра та м. Кам'янське": every item of the list.
            var lists = OriginLists(document, sentence, scratch.OriginLists, marks);
            foreach (var (start, end) in lists)
            {
                for (var k = 0; k < found.Count; k++)
                {
                    if (found[k].TokenIndex >= start && found[k].EndToken <= end && !found[k].IsReference)
                    {
                        var toward = OriginRole(document.Lower(start - 3)) == "toward" || OriginRole(document.Lower(start - 2)) == "toward" || OriginRole(document.Lower(start - 1)) == "toward";
                        found[k] = found[k] with { IsReference = true, Rule = toward ? "flight-direction" : "gazetteer-origin" };
                    }
                }
            }

            // "Напрямки пусків – Брянськ, Курськ…": the air force's list of launch sites.
            if (IsLaunchSiteList(sentence, marks))
            {
                for (var k = 0; k < found.Count; k++)
                {
                    if (found[k].Span.Start >= sentence.Span.Start && found[k].Span.End <= sentence.Span.End)
                    {
                        found[k] = found[k] with { IsReference = true, Rule = "gazetteer-origin" };
                    }
                }
            }

            PersonsTitles(sentence, found);
        }

        found.Sort((a, b) => a.Span.Start.CompareTo(b.Span.Start));

        // "the Bryansk, Oryol and Kaluga regions": the plural makes every name of the list a region.
        for (var k = found.Count - 1; k > 0; k--)
        {
            var last = found[k];
            if (last.Hint != PlaceHint.Region || last.EndToken >= tokens.Count || !IsPluralRegion(tokens[last.EndToken].Lower))
            {
                continue;
            }

            for (var j = k - 1; j >= 0; j--)
            {
                if (!IsShortList(document, found[j].EndToken, found[j + 1].TokenIndex))
                {
                    break;
                }

                var regional = FindRegion(lookup, PlaceNames.Fold(found[j].Text));
                found[j] = found[j] with { Hint = PlaceHint.Region, Candidates = regional.IsDefaultOrEmpty ? found[j].Candidates : regional };
            }
        }

        RegionsOf(document, lookup, found);

        // "launched from the Kursk and Bryansk regions", "from Kursk, Oryol and Millerovo": a launch area passes to the
        // places coordinated with it, each in turn.
        for (var k = 1; k < found.Count; k++)
        {
            if (found[k - 1].IsReference && found[k - 1].Rule == "gazetteer-origin" && !found[k].IsReference && found[k].TokenIndex - found[k - 1].EndToken <= 2
                && AllCoordinators(document, found[k - 1].EndToken, found[k].TokenIndex))
            {
                found[k] = found[k] with { IsReference = true, Rule = "gazetteer-origin" };
            }
        }

        SamePlaces(document, found, marks);
        MarkCityDistricts(document, found);
        LinkContainers(document, found);
        return [.. found];
    }

    /// <summary>Whether a candidate a lowercase word may name (<see cref="MayBeLowercase"/>) is called exactly <paramref name="key"/>.</summary>
    private static bool AnyLowercaseNamed(ImmutableArray<GazetteerEntry> candidates, string key)
    {
        foreach (var c in candidates)
        {
            if (MayBeLowercase(c) && PlaceNames.Fold(c.Name) == key)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether a candidate is a town of 20,000 or more, a region, a district, a country or a facility: a name that needs no cue.</summary>
    private static bool AnySignificant(ImmutableArray<GazetteerEntry> candidates)
    {
        foreach (var c in candidates)
        {
            if (c.Population >= 20_000 || c.Feature is PlaceFeature.Admin1 or PlaceFeature.Admin2 or PlaceFeature.Country or PlaceFeature.Facility)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether every candidate is a region or a district (true for none).</summary>
    private static bool AllRegions(ImmutableArray<GazetteerEntry> candidates)
    {
        foreach (var c in candidates)
        {
            if (c.Feature is not (PlaceFeature.Admin1 or PlaceFeature.Admin2))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The entries of "<paramref name="key"/> region" (the folded key of a name), without making the string.</summary>
    private static ImmutableArray<GazetteerEntry> FindRegion(IPlaceLookup lookup, string key)
    {
        const string suffix = " region";
        if (key.Length > 256)
        {
            return lookup.Find(key + suffix);
        }

        Span<char> buffer = stackalloc char[key.Length + suffix.Length];
        key.CopyTo(buffer);
        suffix.CopyTo(buffer[key.Length..]);
        return lookup.Find(buffer);
    }

    /// <summary>The tokens from <paramref name="from"/> to <paramref name="to"/> are one or two of ",", "and", "or" (a list's joiners); throws for a negative range, as the lists' ranges always did.</summary>
    private static bool IsShortList(Document doc, int from, int to)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(to - from);
        if (to - from is 0 or > 2)
        {
            return false;
        }

        for (var x = from; x < to; x++)
        {
            if (doc.Lower(x) is not ("," or "and" or "or"))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The tokens from <paramref name="from"/> to <paramref name="to"/> (none or more) all coordinate ("and", ",", "the", "або"…); throws for a negative range.</summary>
    private static bool AllCoordinators(Document doc, int from, int to)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(to - from);
        for (var x = from; x < to; x++)
        {
            if (doc.Lower(x) is not ("and" or "," or "the" or "or" or "і" or "и" or "та" or "й" or "або" or "или"))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// Rule regions-of: "the regions of Lviv, Mykolaiv and Odesa", "the oblast of Kherson": a region word with
    /// "of" before a name makes it a region, and every name coordinated with it after it. A district word does not
    /// ("the districts of Kharkiv" are the city's).
    /// </summary>
    private static void RegionsOf(Document document, IPlaceLookup lookup, List<PlaceMention> found)
    {
        var tokens = document.Tokens;
        for (var k = 0; k < found.Count; k++)
        {
            var i = found[k].TokenIndex;
            if (found[k].Hint == PlaceHint.Region || i < 2 || tokens[i - 1].Lower != "of" || !RegionOfWords.Contains(tokens[i - 2].Lower))
            {
                continue;
            }

            for (var j = k; j < found.Count; j++)
            {
                if (j > k && !IsShortList(document, found[j - 1].EndToken, found[j].TokenIndex))
                {
                    break;
                }

                var regional = FindRegion(lookup, PlaceNames.Fold(found[j].Text));
                if (!regional.IsDefaultOrEmpty)
                {
                    found[j] = found[j] with { Hint = PlaceHint.Region, Candidates = regional };
                }
            }
        }
    }

    private static readonly IReadOnlyList<string[]> ShotDownOverRows = LexiconFile.Rows(
        "shot-down-over-words.tsv", r => r.Length == 2 && r[1] is "over" or "destroy", r => r[0]);
    private static readonly FrozenWords OverWords = FrozenWords.Of(ShotDownOverRows.Where(r => r[1] == "over").Select(r => r[0]));
    private static readonly WordTable<bool> DestroyWords = new(ShotDownOverRows.Where(r => r[1] == "destroy").Select(r => (r[0], true)));

    /// <summary>
    /// The name at <paramref name="i"/> follows "over" ("над") in a sentence that tells of weapons destroyed ("shot down
    /// a drone over Kursk", "над Курском сбили": <c>shot-down-over-words.tsv</c>).
    /// </summary>
    private static bool IsShotDownOver(Document doc, SentenceMention s, int i)
    {
        if (i <= s.FirstToken || !OverWords.Contains(doc.Tokens[i - 1].Lower))
        {
            return false;
        }

        for (var k = s.FirstToken; k < s.EndToken; k++)
        {
            if (DestroyWords.Contains(doc.Tokens[k].Lower))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Rule <c>shot-down-over-region</c>: the regions named after the towns among <paramref name="candidates"/> (Kursk Oblast
    /// for Kursk, Kharkiv Oblast for Харкова), each the town's own region; none for a city that is a region of its own
    /// (Kyiv, Moscow, Sevastopol: "over Kyiv" is the city). Empty when none.
    /// </summary>
    private ImmutableArray<GazetteerEntry> RegionNamedAfter(ImmutableArray<GazetteerEntry> candidates)
    {
        var regions = ImmutableArray.CreateBuilder<GazetteerEntry>();
        foreach (var c in candidates)
        {
            if (c.Feature != PlaceFeature.PopulatedPlace || c.Admin1 is null)
            {
                continue;
            }

            var name = PlaceNames.Fold(c.Name);
            if (lookup!.FindExact("city of " + name).Any(e => e.Feature == PlaceFeature.Admin1))
            {
                return [];
            }

            foreach (var r in lookup.Find(name + " region"))
            {
                if (r.Feature == PlaceFeature.Admin1 && r.Country == c.Country && r.Name == c.Admin1 && !regions.Contains(r))
                {
                    regions.Add(r);
                }
            }
        }

        return regions.ToImmutable();
    }

    private static readonly IReadOnlyList<string[]> BuildingRows = LexiconFile.Rows(
        "building-words.tsv", r => r.Length == 2 && r[1] is "abbreviation" or "quoted" or "after", r => r[0]);
    private static readonly FrozenWords BuildingAbbreviations = FrozenWords.Of(BuildingRows.Where(r => r[1] == "abbreviation").Select(r => r[0]));
    private static readonly FrozenWords BuildingNounsBeforeQuote = FrozenWords.Of(BuildingRows.Where(r => r[1] == "quoted").Select(r => r[0]));
    private static readonly string[][] BuildingHeadsAfter = [.. BuildingRows.Where(r => r[1] == "after").Select(r => r[0].Split(' '))];

    private static bool IsQuote(string w) => w is "«" or "»" or "\"" or "“" or "”" or "„" or "'" or "‘" or "’";

    /// <summary>
    /// Rule building-name: the words from <paramref name="i"/> to <paramref name="end"/> name a building or a complex,
    /// not a town (<c>building-words.tsv</c>): "ЖК «Сонячний»", "ТЦ Мирный", "готель «Дніпро»", "the Slavutych shopping
    /// centre in Kyiv", "the Dnipro hotel in Kyiv", "the \"Volga sky\" residential complex".
    /// </summary>
    private static bool IsBuildingName(Document doc, SentenceMention s, int i, int end)
    {
        var tokens = doc.Tokens;
        var k = i - 1;
        var quoted = k >= s.FirstToken && IsQuote(tokens[k].Lower);
        if (quoted)
        {
            k--;
        }

        if (k >= s.FirstToken && (BuildingAbbreviations.Contains(tokens[k].Lower) || (quoted && BuildingNounsBeforeQuote.Contains(tokens[k].Lower))))
        {
            return true;
        }

        // The name may run on over a word or two the gazetteer does not know ("the Volga Sky residential complex") and
        // its closing quote ("the \"Volga sky\" residential complex", where the quotes tell the name without a place after).
        for (var at = end; at <= end + 2 && at < s.EndToken; at++)
        {
            var closing = quoted && IsQuote(tokens[at].Lower);
            var from = closing ? at + 1 : at;
            foreach (var head in BuildingHeadsAfter)
            {
                var after = from + head.Length;
                if (after <= s.EndToken && (closing || (after < s.EndToken && tokens[after].Lower is "in" or "on" or "at"))
                    && HeadAt(tokens, from, head))
                {
                    return true;
                }
            }

            if (closing || !tokens[at].IsWord || !(quoted || char.IsUpper(doc.Text[tokens[at].Start])))
            {
                break; // a word of the name: capitalized, or anything inside quotes ("Volga sky")
            }
        }

        return false;
    }

    /// <summary>The words of <paramref name="head"/> (each also with an "s") are the tokens from <paramref name="from"/>.</summary>
    private static bool HeadAt(TokenList tokens, int from, string[] head)
    {
        for (var n = 0; n < head.Length; n++)
        {
            var t = tokens[from + n].Lower;
            var w = head[n];
            if (!(t == w || (t.Length == w.Length + 1 && t[^1] == 's' && t.StartsWith(w, StringComparison.Ordinal))))
            {
                return false;
            }
        }

        return true;
    }

    private static readonly FrozenWords RegionOfWords = FrozenWords.Of("region", "regions", "oblast", "oblasts", "province", "provinces");

    private static readonly FrozenWords NotPlaceHeads = FrozenWords.Of(LexiconFile.Rows("not-place-heads.tsv", r => r.Length == 1, r => r[0]).Select(r => r[0]));

    private static readonly FrozenWords SamePlaceNouns = FrozenWords.Of(LexiconFile.Rows("same-place-words.tsv").Select(r => r[0]));

    /// <summary>
    /// Rule <c>same-place</c>: "the same airbase", "the same village" names again the place hit told just before it (the
    /// nearest earlier place that is not a reference point or a country), with that place's candidates; its text is
    /// the words as written.
    /// </summary>
    private static void SamePlaces(Document document, List<PlaceMention> found, uint[] marks)
    {
        var tokens = document.Tokens;
        var added = false;
        for (var i = 1; i + 1 < tokens.Count; i++)
        {
            if ((marks[i] & Mark.Same) == 0 || tokens[i - 1].Lower != "the" || !SamePlaceNouns.Contains(tokens[i + 1].Lower))
            {
                continue;
            }

            var start = tokens[i - 1].Start;
            PlaceMention? before = null;
            foreach (var m in found)
            {
                if (m.Span.End <= start && !m.IsReference && !m.Candidates.IsDefaultOrEmpty && m.Candidates.Any(c => c.Feature != PlaceFeature.Country))
                {
                    before = m;
                }
            }

            if (before is null)
            {
                continue;
            }

            var span = new TextSpan(start, tokens[i + 1].End);
            found.Add(new PlaceMention(span, document.Text[span.Start..span.End], i - 1, i + 2, before.Hint, "same-place")
            {
                Candidates = [.. before.Candidates.Where(c => c.Feature != PlaceFeature.Country)],
            });
            added = true;
        }

        if (added)
        {
            found.Sort((a, b) => a.Span.Start.CompareTo(b.Span.Start));
        }
    }

    private static readonly FrozenWords Titles = FrozenWords.Of(
        "president", "governor", "gov", "mayor", "minister", "general", "gen", "spokesman", "spokeswoman", "spokesperson", "mr", "mrs", "ms", "dr", "commander", "chief",
        "generalissimo", "admiral", "colonel", "col", "lieutenant", "lt", "major", "maj", "captain", "capt", "sergeant", "prime", "secretary", "ambassador", "patriarch",
        "saint", "st", "emperor", "tsar", "prince", "princess", "king", "queen", "deputy", "head", "acting", "ombudsman", "senator", "sen", "rep", "judge", "prosecutor");

    private static readonly FrozenWords Capitals = FrozenWords.Of("kyiv", "kiev", "moscow", "minsk", "washington", "london", "paris", "berlin", "beijing", "brussels", "tehran", "pyongyang");

    private static readonly FrozenWords MetonymVerbs = FrozenWords.Of(
        "launched", "used", "uses", "unleashed", "deployed", "sent", "began", "started", "invaded", "fired", "struck", "retaliated", "responded", "says", "said", "claims", "claimed", "denied", "denies", "accused", "accuses",
        "rejects", "rejected", "wants", "wanted", "announced", "announces", "insists", "insisted", "hopes", "believes", "continues", "continued", "considers", "called", "calls",
        "warned", "warns", "responded", "demands", "condemned", "condemns", "denounced", "welcomed", "hailed", "criticised", "criticized", "demanded", "agreed", "refused", "vowed", "holds", "held", "seeks", "sought", "plans", "planned", "needs", "asked", "urged", "regime");

    private static readonly IReadOnlyList<string[]> SettlementRows = LexiconFile.Rows("settlement-words.tsv");
    private static readonly FrozenWords CyrillicSettlementWords = FrozenWords.Of(SettlementRows.Where(r => r[1] == "word").Select(r => r[0]));
    private static readonly FrozenWords CyrillicSettlementAbbreviations = FrozenWords.Of(SettlementRows.Where(r => r[1] == "abbreviation").Select(r => r[0]));

    /// <summary>The first token of the name a settlement word opens ("селі Лапаївка", "с. Лапаївка"), or -1.</summary>
    private static int AfterSettlementWord(Document doc, SentenceMention s, int i, uint[] marks)
    {
        var tokens = doc.Tokens;
        if ((marks[i] & Mark.CyrillicSettlementWord) != 0)
        {
            return i + 1 < s.EndToken && tokens[i + 1].Lower == "." ? i + 2 : i + 1; // "смт." too
        }

        return (marks[i] & Mark.CyrillicSettlementAbbreviation) != 0 && i + 2 < s.EndToken && tokens[i + 1].Lower == "." && doc.Text[tokens[i].Start] is not ('С' or 'Д' or 'П' or 'Г' or 'М')
            ? i + 2
            : -1;
    }

    private static readonly FrozenWords RegionAroundWords = FrozenWords.Of(LexiconFile.Rows("region-around-words.tsv").Select(r => r[0]));

    private static readonly IReadOnlyList<string[]> FacilityRows = LexiconFile.Rows("facility-words.tsv");
    private static readonly FrozenWords FacilityQualifiers = FrozenWords.Of(FacilityRows.Where(r => r[1] == "qualifier").Select(r => r[0]));
    private static readonly FrozenWords FacilityHeads = FrozenWords.Of(FacilityRows.Where(r => r[1] == "head").Select(r => r[0]));
    private static readonly FrozenWords FacilityHeadsAfterQualifier = FrozenWords.Of(FacilityRows.Where(r => r[1] == "head-after-qualifier").Select(r => r[0]));

    /// <summary>Where a facility's name that starts with a place name ends: after "Hydroelectric Power Plant" in "Dnipro Hydroelectric Power Plant"; <paramref name="end"/> when none follows.</summary>
    private static int FacilityEnd(Document doc, int end, int limit)
    {
        var k = end;
        while (k < limit && k < end + 3 && FacilityQualifiers.Contains(doc.Tokens[k].Lower))
        {
            k++;
        }

        if (k >= limit || !(FacilityHeads.Contains(StripS(doc.Tokens[k].Lower)) || (k > end && FacilityHeadsAfterQualifier.Contains(StripS(doc.Tokens[k].Lower)))))
        {
            return end;
        }

        k++;
        while (k < limit && k < end + 5 && FacilityHeads.Contains(StripS(doc.Tokens[k].Lower)))
        {
            k++; // "Dnipro HPP dam"
        }

        return k;
    }

    /// <summary>Whether a place's text names a power facility ("Kyiv HPP", "the Kursk nuclear power plant").</summary>
    public static bool IsFacilityName(string text) =>
        Text.Tokenizer.Tokenize(text).Any(t => FacilityHeads.Contains(StripS(t.Lower)) || FacilityHeadsAfterQualifier.Contains(StripS(t.Lower)));

    private static readonly FrozenWords FacilityWords = FrozenWords.Of(
        "refinery", "airfield", "airbase", "airport", "port", "depot", "plant", "substation", "terminal", "base", "arsenal", "shipyard", "bridge", "dam", "factory", "works");

    /// <summary>
    /// Names the gazetteer lacks but the text marks as places: "the village of Hornal", "the Pogar district".
    /// They stay in the output with their text and no coordinates.
    /// </summary>
    private static void Unknown(Document doc, SentenceMention s, List<PlaceMention> found, uint[] marks)
    {
        var tokens = doc.Tokens;
        var text = doc.Text;
        for (var i = s.FirstToken; i + 1 < s.EndToken; i++)
        {
            if ((marks[i] & (Mark.CyrillicSettlementWord | Mark.CyrillicSettlementAbbreviation | Mark.SettlementWord | Mark.Name)) == 0)
            {
                continue; // no cue below can begin at a word that is none of these
            }

            int start, end;
            PlaceHint hint;
            var isName = (marks[i] & Mark.Name) != 0;
            if (AfterSettlementWord(doc, s, i, marks) is var at && at > 0 && at < s.EndToken && (marks[at] & Mark.Name) != 0)
            {
                // "у селі Лапаївці", "деревней Обеста", "поселке Белая Березка", "с. Велика Писарівка"
                start = at;
                end = start + 1;
                // "селу Чаусы Погарского района": the name stops before a district's adjective.
                while (end < s.EndToken && end < start + 2 && (marks[end] & Mark.Name) != 0 && !AnyStartsAt(found, end)
                    && !(end + 1 < s.EndToken && RegionWords.Contains(tokens[end + 1].Lower)))
                {
                    end++;
                }

                hint = PlaceHint.Settlement;
            }
            else if ((marks[i] & Mark.SettlementWord) != 0 && tokens[i].Lower != "port" && tokens[i + 1].Lower == "of" && i + 2 < s.EndToken && (marks[i + 2] & Mark.Name) != 0)
            {
                start = i + 2;
                end = start + 1;
                while (end < s.EndToken && end < start + 3 && (marks[end] & Mark.Name) != 0)
                {
                    end++;
                }

                hint = PlaceHint.Settlement;
            }
            else if (isName && i + 2 < s.EndToken && tokens[i + 1].Lower == "municipal" && tokens[i + 2].Lower is "district" or "okrug" or "formation")
            {
                // "Starodubsky municipal district": a Russian district by its official name.
                start = i;
                end = i + 3;
                hint = PlaceHint.Region;
            }
            else if (isName && i > s.FirstToken && (tokens[i - 1].Lower == "the" || (tokens[i - 1].Lower is "and" or "," && AnyRegionEndsAt(found, i - 1)))
                     && RegionWords.Contains(StripS(tokens[i + 1].Lower)) && tokens[i + 1].Lower is not ("republic" or "territory"))
            {
                // "the Pogarsky district", and a district listed after one ("Pogarsky district and Sevsky district").
                start = i;
                end = i + 2;
                hint = PlaceHint.Region;
            }
            else
            {
                continue;
            }

            var span = new TextSpan(tokens[start].Start, StripPossessive(doc, tokens[end - 1]));
            if (AnyOverlaps(found, span))
            {
                continue;
            }

            found.Add(new PlaceMention(span, text[span.Start..span.End], start, end, hint, "cue-not-in-gazetteer"));
            i = end - 1;
        }
    }


    private static bool AnyStartsAt(List<PlaceMention> found, int token)
    {
        foreach (var f in found)
        {
            if (f.TokenIndex == token)
            {
                return true;
            }
        }

        return false;
    }

    private static bool AnyRegionEndsAt(List<PlaceMention> found, int token)
    {
        foreach (var f in found)
        {
            if (f.EndToken == token && f.Hint == PlaceHint.Region)
            {
                return true;
            }
        }

        return false;
    }

    private static bool AnyOverlaps(List<PlaceMention> found, TextSpan span)
    {
        foreach (var f in found)
        {
            if (f.Span.Overlaps(span))
            {
                return true;
            }
        }

        return false;
    }

    private static readonly IReadOnlyList<string[]> TownAdjectiveRows = LexiconFile.Rows(
        "town-adjective-facilities.tsv", r => r.Length == 3 && r[1] is "head" or "qualifier" or "adjective" && r[2] is "exact" or "-", r => r[0] + "\t" + r[1]);

    private static readonly System.Collections.Frozen.FrozenSet<(string Role, string Word)> TownAdjectiveExact =
        System.Collections.Frozen.FrozenSet.ToFrozenSet(TownAdjectiveRows.Where(r => r[2] == "exact").Select(r => (r[1], r[0])));

    private static readonly (string Role, string Start)[] TownAdjectiveStarts = [.. TownAdjectiveRows.Where(r => r[2] != "exact").Select(r => (r[1], r[0]))];

    private static bool IsTownAdjectiveWord(string word, string role)
    {
        if (word.Length == 0 || !TextLanguage.StartsCyrillic(word))
        {
            return false;
        }

        foreach (var (r, start) in TownAdjectiveStarts)
        {
            if (r == role && word.StartsWith(start, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return TownAdjectiveExact.Contains((role, word));
    }

    /// <summary>
    /// Rule <c>town-adjective-facility</c>: "Рязанський НПЗ", "Афипский нефтеперерабатывающий завод" — a capitalized
    /// adjective made from a town's name, then a facility's head (after up to two qualifiers): the facility, named as
    /// written, with the town's entries as its candidates.
    /// </summary>
    private void TownAdjectiveFacilities(Document doc, SentenceMention s, List<PlaceMention> found, uint[] marks)
    {
        var tokens = doc.Tokens;
        for (var i = s.FirstToken; i + 1 < s.EndToken; i++)
        {
            if ((marks[i] & (Mark.Word | Mark.Capitalized | Mark.Cyrillic)) != (Mark.Word | Mark.Capitalized | Mark.Cyrillic))
            {
                continue;
            }

            var end = i + 1;
            while (end < s.EndToken && end < i + 3 && IsTownAdjectiveWord(tokens[end].Lower, "qualifier"))
            {
                end++;
            }

            if (end >= s.EndToken || !IsTownAdjectiveWord(tokens[end].Lower, "head"))
            {
                continue;
            }

            var span = new TextSpan(tokens[i].Start, tokens[end].End);
            if (AnyOverlaps(found, span) || TownsOfAdjective(PlaceNames.Fold(tokens[i].Lower)) is not { IsEmpty: false } towns)
            {
                continue;
            }

            found.Add(new PlaceMention(span, doc.Text[span.Start..span.End], i, end + 1, PlaceHint.Settlement, "town-adjective-facility") { Candidates = towns });
            i = end;
        }
    }

    /// <summary>
    /// The towns a folded adjective is made from: "рязанський" → Рязань, "саратовский" → Саратов, "новошахтинский" →
    /// Новошахтинск, "ухтинский" → Ухта, and a town that is itself an adjective ("афипский"); a Ukrainian spelling
    /// also as Russian ("куйбишевський" → Куйбышев). Populated places only, every reading; empty when none.
    /// </summary>
    internal ImmutableArray<GazetteerEntry> TownsOfAdjective(string adjective)
    {
        var cut = -1;
        foreach (var suffix in (ReadOnlySpan<string>)["ськ", "цьк", "ск", "цк"])
        {
            var at = adjective.LastIndexOf(suffix, StringComparison.Ordinal);
            if (at >= 3 && IsTownAdjectiveWord(adjective[(at + suffix.Length)..], "adjective"))
            {
                cut = at;
                break;
            }
        }

        if (cut < 0)
        {
            return [];
        }

        var stem = adjective[..cut];
        var names = new List<string> { stem, stem + "ь", stem + "ськ", stem + "ск", stem + "а", stem + "о", stem + "е", stem + "ський", stem + "ский" };
        if (stem.EndsWith("ин", StringComparison.Ordinal))
        {
            names.Add(stem[..^2] + "а"); // Ухтинский: Ухта
            names.Add(stem[..^2] + "е"); // Туапсинский: Туапсе
        }

        // Ukrainian і and є are Russian и and е; Ukrainian и is Russian и or ы ("Новошахтинськ", "Куйбишев": Куйбышев).
        var russian = stem.Replace('і', 'и').Replace('є', 'е');
        foreach (var variant in new[] { russian, russian.Replace('и', 'ы') }.Distinct().Where(v => v != stem))
        {
            names.AddRange([variant, variant + "ь", variant + "ск", variant + "а", variant + "о", variant + "ский"]);
        }

        // Every reading, for the resolver to choose by the region named and the report's other places: "Куйбишевському"
        // is Куйбышев (Samara's old name) and also a Ukrainian village Куйбишеве.
        return [.. names.SelectMany(n => lookup!.Find(n)).Where(e => e.Feature == PlaceFeature.PopulatedPlace).Distinct()];
    }

    /// <summary>"Напрямки пусків", "направления атак": the sentence lists launch sites (the words marked once per document, <see cref="WordMarks"/>).</summary>
    private static bool IsLaunchSiteList(SentenceMention s, uint[] marks)
    {
        for (var k = s.FirstToken; k + 1 < s.EndToken; k++)
        {
            if ((marks[k] & Mark.LaunchHead) != 0 && (marks[k + 1] & Mark.LaunchNext) != 0)
            {
                return true;
            }
        }

        return false;
    }

    private static readonly IReadOnlyList<string[]> OriginRows = LexiconFile.Rows(
        "origin-words.tsv", r => r.Length == 2 && r[1] is "from" or "from-area" or "toward" or "area" or "direction" or "occupied" or "heading", r => r[0]);

    private static readonly System.Collections.Frozen.FrozenDictionary<string, string> OriginRoles =
        System.Collections.Frozen.FrozenDictionary.ToFrozenDictionary(OriginRows, r => r[0], r => r[1], StringComparer.Ordinal);

    /// <summary>Rules out most words before the dictionary is asked: <see cref="OriginRole"/> is asked of every token.</summary>
    private static readonly WordMask OriginMask = new(OriginRoles.Keys);

    private static string OriginRole(string word) => OriginMask.MayContain(word) ? OriginRoles.GetValueOrDefault(word, "") : "";

    /// <summary>"з напрямків Орла, Курська", "з окупованого Криму", "від Харкова": where the weapons came from.</summary>
    private static bool IsCyrillicOrigin(Document doc, SentenceMention s, int i)
    {
        var k = i - 1;
        if (k >= s.FirstToken && doc.Tokens[k].Lower is ":" or "–" or "—" or "-")
        {
            k--; // "з напрямків: Курськ, Орел"
        }

        for (var n = 0; n < 2 && k >= s.FirstToken && OriginRole(doc.Tokens[k].Lower) == "occupied"; n++)
        {
            k--; // "з тимчасово окупованого Криму"
        }

        var area = k >= s.FirstToken && OriginRole(doc.Tokens[k].Lower) is "area" or "direction";
        if (area)
        {
            k--;
        }

        var role = k >= s.FirstToken ? OriginRole(doc.Tokens[k].Lower) : "";
        return role == "from" && (area || TextLanguage.StartsCyrillic(doc.Tokens[i].Lower)) || role == "from-area" && area;
    }

    /// <summary>"drones headed toward the Kursk nuclear power plant", "a glide bomb heading towards Kharkiv": where weapons flew, not a place hit.</summary>
    private static bool IsHeadingToward(Document doc, SentenceMention s, int i)
    {
        var k = i - 1;
        if (k > s.FirstToken && doc.Tokens[k].Lower == "the")
        {
            k--;
        }

        return k - 1 >= s.FirstToken && OriginRole(doc.Tokens[k - 1].Lower) == "heading" && OriginRole(doc.Tokens[k].Lower) == "toward" && !TextLanguage.StartsCyrillic(doc.Tokens[k].Lower);
    }

    /// <summary>
    /// The token ranges (in <paramref name="lists"/>, which it clears first) of launch-area and flight-direction lists: after "з районів", "из районов", "з напрямків:",
    /// "в напрямку", every item up to the list's end ("из районов Каспийского моря и Волгодонска": both), whether or
    /// not the gazetteer knows the item before. An item is capitalized words (one lowercase word may end a
    /// two-word name: "моря"), a settlement abbreviation before it; items are joined by commas and conjunctions.
    /// </summary>
    private static List<(int Start, int End)> OriginLists(Document doc, SentenceMention s, List<(int Start, int End)> lists, uint[] marks)
    {
        var tokens = doc.Tokens;
        lists.Clear();
        for (var k = s.FirstToken; k + 1 < s.EndToken; k++)
        {
            if ((marks[k] & (Mark.From | Mark.FromArea | Mark.Toward)) == 0)
            {
                continue;
            }

            var toward = (marks[k] & Mark.Toward) != 0;
            var j = k + 1;
            while (j < s.EndToken && (marks[j] & Mark.Occupied) != 0)
            {
                j++;
            }

            if (j >= s.EndToken || !((marks[j] & Mark.Direction) != 0 || ((marks[j] & Mark.Area) != 0 && !toward)))
            {
                continue;
            }

            j++;
            if (j < s.EndToken && tokens[j].Lower is ":" or "–" or "—")
            {
                j++;
            }

            var start = j;
            var afterName = false;
            while (j < s.EndToken)
            {
                var t = tokens[j];
                var m = marks[j];
                var capitalized = (m & (Mark.Word | Mark.Capitalized)) == (Mark.Word | Mark.Capitalized);
                if (capitalized || ((m & Mark.Word) != 0 && afterName && (m & Mark.ListJoiner) == 0))
                {
                    afterName = capitalized;
                }
                else if ((m & (Mark.ListJoiner | Mark.CyrillicSettlementAbbreviation)) != 0 || t.Lower == ".")
                {
                    afterName = false;
                    if (t.Lower == "." && !(j > start && (marks[j - 1] & Mark.CyrillicSettlementAbbreviation) != 0))
                    {
                        break;
                    }
                }
                else
                {
                    break;
                }

                j++;
            }

            if (j > start)
            {
                lists.Add((start, j));
                k = j - 1;
            }
        }

        return lists;
    }

    /// <summary>"KYIV —", "MOSCOW (Sputnik)", "KURSK, May 30": where a report was filed, not a place hit.</summary>
    private static bool IsDateline(Document doc, SentenceMention s, int i, int end)
    {
        var tokens = doc.Tokens;
        if (i != s.FirstToken || end >= s.EndToken)
        {
            return false;
        }

        var t = tokens[i];
        var allCaps = t.End - t.Start > 2 && doc.Text.AsSpan(t.Start, t.End - t.Start).ContainsAnyInRange('A', 'Z') && !doc.Text.AsSpan(t.Start, t.End - t.Start).ContainsAnyInRange('a', 'z');
        if (allCaps && tokens[end].Lower is "-" or ":" or "(" or "," or "/")
        {
            return true;
        }

        // "Kyiv - At least 12 people …": written as a name, the dateline opens the report's text with a dash and a new
        // sentence's capital after it.
        return IsFirstSentence(doc, s) && tokens[end].Lower is "-" or "—" or "–" && end + 1 < s.EndToken && char.IsUpper(doc.Text[tokens[end + 1].Start]);
    }

    private static bool IsFirstSentence(Document doc, SentenceMention s)
    {
        var first = doc.Layer<SentenceMention>(Layers.Sentences);
        return !first.IsDefaultOrEmpty && first[0].FirstToken == s.FirstToken;
    }

    /// <summary>"the head of the Zaporizhzhia Regional Military Administration", "Odesa Oblast State Administration", "Moscow Mayor …".</summary>
    private static bool IsOfficialsTitle(Document doc, SentenceMention s, int after)
    {
        var tokens = doc.Tokens;
        for (var k = after; k < Math.Min(s.EndToken, after + 4); k++)
        {
            var w = tokens[k].Lower;
            if (w is "administration" or "council" or "ova" or "mayor" or "governor" or "government")
            {
                // "Moscow Mayor Sergei Sobyanin", "Kharkiv Regional Governor"; lowercase, a title right after the name
                // with the person's name after it ("Saratov governor Roman Busargin"), not "the Saratov governor said".
                var personFollows = k == after && k + 1 < s.EndToken && tokens[k + 1].IsWord && char.IsUpper(doc.Text[tokens[k + 1].Start]);
                return personFollows || char.IsUpper(doc.Text[tokens[after].Start]) || w is "administration" or "council";
            }

            if (!tokens[k].IsWord)
            {
                return false;
            }
        }

        return false;
    }

    /// <summary>"the head of the Military Administration of the Dnipro region": an institution named by its place.</summary>
    private static bool IsOfficeOf(Document doc, SentenceMention s, int i) =>
        IsOfBefore(doc, s, i - 1, static w => w is "administration" or "council" or "government");

    /// <summary>Token <paramref name="k"/> and those before it read "HEAD of [the]" (read backwards), with <paramref name="head"/> true of HEAD.</summary>
    private static bool IsOfBefore(Document doc, SentenceMention s, int k, Func<string, bool> head)
    {
        if (k >= s.FirstToken && doc.Tokens[k].Lower == "the")
        {
            k--;
        }

        return k - 1 >= s.FirstToken && doc.Tokens[k].Lower == "of" && head(doc.Tokens[k - 1].Lower);
    }

    private static readonly IReadOnlyList<string[]> TitleRows = LexiconFile.Rows("title-words.tsv", r => r.Length == 2 && r[1] is "of" or "before", r => r[0]);
    private static readonly FrozenWords TitlesOf = FrozenWords.Of(TitleRows.Where(r => r[1] == "of").Select(r => r[0]));
    private static readonly FrozenWords TitlesBefore = FrozenWords.Of(TitleRows.Where(r => r[1] == "before").Select(r => r[0]));

    /// <summary>
    /// "the governor of Kharkiv said", "the mayor of the city of Sumy", "губернатор Белгородской области", "мер Харкова": the place
    /// an official governs, named in the title (<c>title-words.tsv</c>; rule <c>official-title</c>). It still tells which attack
    /// the official speaks of (grouping, claimants), but it is a place hit only as the assembly's PlacesHit allows.
    /// </summary>
    private static bool IsTitleOf(Document doc, SentenceMention s, int i)
    {
        var tokens = doc.Tokens;
        if (i > s.FirstToken && TitlesBefore.Contains(tokens[i - 1].Lower))
        {
            return true;
        }

        var k = i - 1;
        if (k >= s.FirstToken + 2 && tokens[k].Lower == "of" && SettlementWords.Contains(tokens[k - 1].Lower))
        {
            k -= 2; // "the mayor of the city of Sumy"
        }

        return IsOfBefore(doc, s, k, static w => TitlesOf.Contains(w));
    }

    /// <summary>
    /// Rule <c>official-title-person</c>: a title in apposition to the official's name ("the governor of the Bryansk
    /// region, Pavel Orlov, wrote", "Pavel Orlov, the governor of the Bryansk region, said", "Губернатор Брянской области
    /// Павел Орлов сообщил", "мер Харкова Ігор Терехов"): the title names the person, so its place is a reference point,
    /// never a place hit. A title with no name beside it ("the governor of the Leningrad region stated") stays
    /// <c>official-title</c>, left to the assembly.
    /// </summary>
    private bool IsPersonsTitle(Document doc, SentenceMention s, int i, int spanEnd)
    {
        var tokens = doc.Tokens;

        // The title's first token: "губернатор" right before the place, or "HEAD of [the] [city of]" before it.
        var title = i - 1;
        if (!TitlesBefore.Contains(tokens[title].Lower))
        {
            if (title >= s.FirstToken + 2 && tokens[title].Lower == "of" && SettlementWords.Contains(tokens[title - 1].Lower))
            {
                title -= 2;
            }

            if (tokens[title].Lower == "the")
            {
                title--;
            }

            title -= 1; // past "of"
            if (title < s.FirstToken || !TitlesOf.Contains(tokens[title].Lower))
            {
                return false;
            }
        }

        // The name after the title: "…, Pavel Orlov", "… Павел Орлов".
        var after = spanEnd;
        if (after < s.EndToken && tokens[after].Lower == ",")
        {
            after++;
        }

        if (IsPersonsNameAt(doc, s, after))
        {
            return true;
        }

        // The name before it: "Pavel Orlov, the governor of …".
        var before = title - 1;
        if (before >= s.FirstToken && tokens[before].Lower == "the")
        {
            before--;
        }

        return before - 2 >= s.FirstToken && tokens[before].Lower == "," && IsPersonsNameAt(doc, s, before - 2);
    }

    /// <summary>
    /// A title that names a person (<see cref="IsPersonsTitle"/>) in a sentence that names a place hit besides it: the
    /// title's place is a reference point. Alone in its sentence ("Как сообщил губернатор Воронежской области Александр
    /// Гусев, повреждены два дома") it still tells which attack the official speaks of, as <c>official-title</c>.
    /// </summary>
    private static void PersonsTitles(SentenceMention sentence, List<PlaceMention> found)
    {
        for (var k = found.Count - 1; k >= 0 && found[k].Span.Start >= sentence.Span.Start; k--)
        {
            if (found[k].Rule != "official-title-person" || found[k].IsReference)
            {
                continue;
            }

            var hit = false;
            for (var j = found.Count - 1; j >= 0 && found[j].Span.Start >= sentence.Span.Start; j--)
            {
                hit |= j != k && !found[j].IsReference && found[j].Rule is not ("official-title" or "official-title-person");
            }

            found[k] = hit ? found[k] with { IsReference = true } : found[k] with { Rule = "official-title" };
        }
    }

    /// <summary>
    /// Two capitalized words from <paramref name="k"/>, no title or region word, the first naming no place that needs
    /// no cue (a first name may be a village's, a surname a town's: Orlov): a person's first name and surname.
    /// </summary>
    private bool IsPersonsNameAt(Document doc, SentenceMention s, int k)
    {
        var tokens = doc.Tokens;
        if (k < s.FirstToken || k + 1 >= s.EndToken)
        {
            return false;
        }

        for (var n = k; n < k + 2; n++)
        {
            var t = tokens[n];
            if (!t.IsWord || !t.IsCapitalized(doc.Text) || t.Lower.Length < 2 || RegionWords.Contains(t.Lower) || SettlementWords.Contains(t.Lower)
                || Titles.Contains(t.Lower) || TitlesBefore.Contains(t.Lower) || PlaceFollowers.Contains(t.Lower) || NotPlaces.Contains(t.Lower)
                || (n == k && AnySignificant(lookup!.Find(PlaceNames.Fold(t.Lower)))))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>"4:52 PM Kyiv time".</summary>
    private static bool IsTimeZone(Document doc, SentenceMention s, int after) => after < s.EndToken && doc.Tokens[after].Lower == "time";

    /// <summary>"Vladimir Putin", "President Volodymyr Zelensky", "Generalissimo Suvorov": a person, not a place.</summary>
    private bool IsPersonName(Document doc, SentenceMention s, int i, int end, ImmutableArray<GazetteerEntry> candidates)
    {
        var tokens = doc.Tokens;
        var text = doc.Text;
        if (end - i != 1 || candidates.Any(c => c.Feature == PlaceFeature.Country))
        {
            return false;
        }

        if (i > s.FirstToken && Titles.Contains(tokens[i - 1].Lower) && char.IsUpper(text[tokens[i - 1].Start]))
        {
            return true;
        }

        // "Kyiv's Holosiivskyi district": a possessive is no first name.
        var possessive = tokens[end - 1].Lower.EndsWith("'s", StringComparison.Ordinal) || tokens[end - 1].Lower.EndsWith("’s", StringComparison.Ordinal);
        var next = end < s.EndToken ? tokens[end] : default;
        if (end < s.EndToken && !possessive && next.IsWord && char.IsUpper(text[next.Start]) && !RegionWords.Contains(next.Lower) && !SettlementWords.Contains(next.Lower)
            && !PlaceFollowers.Contains(next.Lower) && lookup!.Find(PlaceNames.Fold(next.Lower)).IsDefaultOrEmpty)
        {
            return true;
        }

        // "Generalissimo Suvorov": a capitalized word before that is neither a place nor an adjective of one.
        if (i > s.FirstToken + 1 && tokens[i - 1].IsWord && char.IsUpper(text[tokens[i - 1].Start]))
        {
            var p = tokens[i - 1].Lower;
            var adjective = p.EndsWith("ian", StringComparison.Ordinal) || p.EndsWith("an", StringComparison.Ordinal) || p.EndsWith("'s", StringComparison.Ordinal) || p.EndsWith("ern", StringComparison.Ordinal) || p.EndsWith("ish", StringComparison.Ordinal);
            if (!adjective && lookup!.Find(PlaceNames.Fold(p)).IsDefaultOrEmpty && !candidates.Any(c => c.Population >= 100_000))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>"Moscow rejects peace talks", "Kyiv's Western supporters", "according to Kyiv": a government, not a place.</summary>
    private static bool IsMetonym(Document doc, SentenceMention s, int i, int end, ImmutableArray<GazetteerEntry> candidates)
    {
        var tokens = doc.Tokens;
        if (!Capitals.Contains(tokens[i].Lower.Replace("'s", "", StringComparison.Ordinal)) || end - i != 1)
        {
            return false;
        }

        if (tokens[end - 1].Lower.EndsWith("'s", StringComparison.Ordinal))
        {
            var n = end < s.EndToken ? tokens[end].Lower : "";

            // "Kyiv's Holosiivskyi district": a district of the city (city-districts.tsv), so the city; "Moscow's Ruzskiy
            // district" is the region's.
            var n2 = end + 1 < s.EndToken ? tokens[end + 1].Lower : "";
            if (n.Length > 0 && tokens[end].IsCapitalized(doc.Text) && RegionWords.Contains(n2)
                && CitiesOfDistrict(n).Contains(PlaceNames.Fold(StripS(tokens[i].Lower)), StringComparer.Ordinal))
            {
                return false;
            }

            return !(RegionWords.Contains(n) || n is "center" or "centre" or "suburbs" or "outskirts" or "districts" or "skies" or "streets" or "residents" or "mayor" or "metro" or "infrastructure" or "power" or "energy" or "buildings" or "neighbourhoods" or "neighborhoods" or "downtown");
        }

        var next = end < s.EndToken ? tokens[end].Lower : "";
        var prev = i > s.FirstToken ? tokens[i - 1].Lower : "";
        var next2 = end + 1 < s.EndToken ? tokens[end + 1].Lower : "";
        if (next is "will" or "would" or "could" or "can" or "may" or "might" or "must" or "should" && next2 != "be")
        {
            return true; // "Moscow will supply Belarus with missiles"
        }

        if (next is "is" or "was" or "has" or "had" or "have")
        {
            // "Moscow is prepared", "Kiev has denied" — but "Kyiv was hit", "Kyiv has faced attacks" are the place.
            return next2 is "prepared" or "ready" or "willing" or "trying" or "seeking" or "responsible" or "not" or "also" or "forced" or "expected" or "likely"
                or "committed" or "determined" or "said" or "denied" or "accused" or "responded" or "made" or "repeatedly" or "long" or "always" or "never" or "refused" or "rejected"
                or "insisted" or "vowed" or "warned" or "called" or "asked" or "demanded" or "claimed" or "blamed" or "threatened" or "promised" or "agreed" or "sought";
        }

        if (prev == "in" && next is "say" or "says" or "said" or "claim" or "claims" or "believe" or "believes")
        {
            return true; // "officials in Kyiv say"
        }

        return MetonymVerbs.Contains(next) || (prev == "to" && i >= 2 && tokens[i - 2].Lower == "according")
            || prev is "whether" or "blamed" or "accused" or "by" or "holds" or "held" or "blames" or "accuses" or "urged" or "urges" or "told" or "tells" or "warned" or "warns"
                or "asked" or "asks" or "prompting" or "forcing" or "forced" or "pressed" or "pressing" or "allowing" or "letting" or "helping" or "persuade" or "convince"
            || (next == "to" && next2.Length > 0 && !char.IsUpper(doc.Text[tokens[end + 1].Start]) && prev.EndsWith("ing", StringComparison.Ordinal));
    }

    /// <summary>
    /// "withdrew from the city of Severodonetsk", "fired from temporarily occupied Crimea": a place left or launched
    /// from, not hit; "the capital of the eastern Luhansk
    /// province": a place named to locate another.
    /// </summary>
    private static bool IsFromOrCapitalOf(Document doc, SentenceMention s, int i)
    {
        if (i <= s.FirstToken)
        {
            return false;
        }

        var k = i - 1;
        while (k > s.FirstToken && (doc.Tokens[k].Lower is "the" or "of" or "eastern" or "western" or "northern" or "southern" or "central" or "occupied" or "temporarily" or "annexed" or "russian-occupied" or "neighbouring" or "neighboring"
                                    || SettlementWords.Contains(doc.Tokens[k].Lower) || RegionWords.Contains(doc.Tokens[k].Lower)) && i - k < 6)
        {
            k--;
        }

        var w = doc.Tokens[k].Lower;
        return k < i - 1 && (w == "from" || (w == "capital" && doc.Lower(k + 1) == "of"));
    }

    private static readonly IReadOnlyList<string[]> CityDistrictRows = LexiconFile.Rows(
        "city-districts.tsv", r => r.Length >= 2 && (r[1] == "noun" ? r.Length == 2 : r[1] == "district" && r.Length == 3 && r[2].Length > 0), r => string.Join('\t', r));
    private static readonly FrozenWords DistrictNouns = FrozenWords.Of(CityDistrictRows.Where(r => r[1] == "noun").Select(r => r[0]));
    // Each stem also romanised ("приморськ" → "prymorsk"), for the districts of English text.
    private static readonly ILookup<string, string> DistrictCities = CityDistrictRows.Where(r => r[1] == "district")
        .SelectMany(r => new[] { (Stem: r[0], City: r[2]), (Stem: UkrainianRomanisation.Romanise(r[0]).ToLowerInvariant(), City: r[2]) })
        .Distinct().ToLookup(r => r.Stem, r => r.City, StringComparer.Ordinal);

    private static readonly FrozenDictionary<string, string[]>.AlternateLookup<ReadOnlySpan<char>> DistrictStems =
        DistrictCities.ToFrozenDictionary(g => g.Key, g => g.ToArray(), StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>The cities whose district the word names ("Подільському" → Kyiv): a listed stem and an ending of up to 3 letters.</summary>
    internal static IReadOnlyList<string> CitiesOfDistrict(string word)
    {
        for (var cut = word.Length - 1; cut >= Math.Max(3, word.Length - 3); cut--)
        {
            if (DistrictStems.TryGetValue(word.AsSpan(0, cut), out var cities))
            {
                return cities;
            }
        }

        return [];
    }

    /// <summary>
    /// "в Подільському районі", "в Дарницком районе": a city's district is not a place hit. When the report names the
    /// city, the district is a reference (the city's own mention is the place); when it does not, the district
    /// stands for its city, named as written (rule city-district). A stem several cities share needs its city named.
    /// </summary>
    private void MarkCityDistricts(Document doc, List<PlaceMention> found)
    {
        for (var k = 0; k < found.Count; k++)
        {
            var m = found[k];
            var nounAfter = m.EndToken < doc.Tokens.Count && DistrictNouns.Contains(doc.Lower(m.EndToken));
            var nounInside = m.EndToken - 1 > m.TokenIndex && DistrictNouns.Contains(doc.Lower(m.EndToken - 1));
            if (!nounAfter && !nounInside)
            {
                BareCityDistrict(doc, found, k);
                continue;
            }

            var cities = CitiesOfDistrict(doc.Lower(m.TokenIndex));
            if (cities.Count == 0)
            {
                continue;
            }

            ImmutableArray<GazetteerEntry> entries = [];
            var named = false;
            foreach (var city in cities)
            {
                var e = lookup!.Find(city).Where(x => x.Feature == PlaceFeature.PopulatedPlace).ToImmutableArray();
                if (e.IsEmpty)
                {
                    continue;
                }

                if (found.Any(o => !ReferenceEquals(o, m) && o.Rule != "city-district" && o.Candidates.Any(c => e.Any(x => x.Id == c.Id))))
                {
                    entries = e;
                    named = true;
                    break;
                }

                if (cities.Count == 1 && !m.Candidates.Any(c => c.Feature is PlaceFeature.Admin1 or PlaceFeature.Admin2))
                {
                    entries = e;
                }
            }

            if (entries.IsEmpty)
            {
                continue;
            }

            found[k] = m with { Candidates = entries, Hint = PlaceHint.Settlement, IsReference = m.IsReference || named, Rule = "city-district" };
        }
    }

    /// <summary>
    /// "in the", ", a town in the", ", located in", "of the": the words between a place and a region that put it inside
    /// the region (rule container-phrase): up to "in" or "of", only commas, articles, settlement words and words of
    /// place-links.tsv. A verb between ("Russia attacked the regions of Rivne") puts nothing inside.
    /// </summary>
    private static bool IsContainerPhrase(List<string> between)
    {
        var at = between.FindIndex(static w => w is "in" or "of");
        if (at < 0)
        {
            return false;
        }

        for (var x = 0; x < at; x++)
        {
            var w = between[x];
            if (!(w is "," or "a" or "the" || SettlementWords.Contains(w) || InsideWords.Contains(w)))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// Rule <c>city-district-bare</c>: a district's name without the word district ("four people were injured in
    /// Prymorskyi" after "missiles struck Odesa", "у Київському") in a report that names the district's city: the city
    /// is the place hit, the district a reference point. Only a name that is no town of its own that needs no cue
    /// (20,000 people or more) nor a region; a city not named leaves the name alone.
    /// </summary>
    private void BareCityDistrict(Document doc, List<PlaceMention> found, int k)
    {
        var m = found[k];
        if (m.IsReference || m.EndToken - m.TokenIndex != 1 || AnySignificant(m.Candidates))
        {
            return;
        }

        var cities = CitiesOfDistrict(doc.Lower(m.TokenIndex));
        foreach (var city in cities)
        {
            var e = lookup!.Find(city);
            if (found.Any(o => !ReferenceEquals(o, m) && !o.IsReference && o.Candidates.Any(c => c.Feature == PlaceFeature.PopulatedPlace && e.Any(x => x.Id == c.Id))))
            {
                found[k] = m with { IsReference = true, Rule = "city-district-bare" };
                return;
            }
        }
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
            if (IsContainerPhrase(between) || (between.Count <= 2 && between.Contains(","))
                || (between.Count is 1 or 2 && InsideWords.Contains(between[^1]) && (between.Count == 1 || between[0] == ",")))
            {
                found[k] = a with { ContainerIndex = k + 1 };
            }
            else if ((between.Count == 0 || (between.Count <= 3 && RegionWords.Contains(between[^1]) && between.All(x => x.Length > 1 && TextLanguage.StartsCyrillic(x))))
                && TextLanguage.StartsCyrillic(doc.Lower(b.TokenIndex)))
            {
                // "селу Чаусы Погарского района Брянской области": the regions after a name, in the genitive, hold it,
                // each the one before (rule genitive-container); the resolver walks the chain outwards.
                found[k] = a with { ContainerIndex = k + 1 };
                for (var c = k + 1; c + 1 < found.Count && found[c + 1].Hint == PlaceHint.Region && found[c + 1].TokenIndex == found[c].EndToken && found[c].ContainerIndex is null; c++)
                {
                    found[c] = found[c] with { ContainerIndex = c + 1 };
                }
            }
        }

        // "между деревней Обеста и селом Локоть Рыльского района": settlements coordinated before a container share it.
        for (var k = found.Count - 2; k >= 0; k--)
        {
            var a = found[k];
            var b = found[k + 1];
            if (a.ContainerIndex is not null || b.ContainerIndex is null || a.Hint == PlaceHint.Region || b.Hint == PlaceHint.Region || a.IsReference != b.IsReference
                || b.TokenIndex - a.EndToken is < 1 or > 3)
            {
                continue;
            }

            var between = Enumerable.Range(a.EndToken, b.TokenIndex - a.EndToken).Select(doc.Lower).ToList();
            if (between.Count(w => ListJoiners.Contains(w)) == 1 && between.All(w => ListJoiners.Contains(w) || CyrillicSettlementWords.Contains(w) || CyrillicSettlementAbbreviations.Contains(w) || w == "."))
            {
                found[k] = a with { ContainerIndex = b.ContainerIndex };
            }
        }

        // "the regional leader of Tatarstan, where Kazan is located": the region contains the town after it.
        for (var k = 0; k + 1 < found.Count; k++)
        {
            var region = found[k];
            var town = found[k + 1];
            if (town.TokenIndex - region.EndToken is < 2 or > 3 || town.ContainerIndex is not null)
            {
                continue;
            }

            var between = Enumerable.Range(region.EndToken, town.TokenIndex - region.EndToken).Select(doc.Lower).ToList();
            if (between[^1] == "where" && town.EndToken + 1 < doc.Tokens.Count && doc.Lower(town.EndToken) is "is" or "lies" && doc.Lower(town.EndToken + 1) is "located" or "situated")
            {
                found[k + 1] = town with { ContainerIndex = k };
            }
        }
    }

    private static readonly IReadOnlyList<string[]> PlaceLinkRows = LexiconFile.Rows("place-links.tsv", r => r.Length == 2 && r[1] is "joiner" or "in", r => r[0]);
    private static readonly FrozenWords ListJoiners = FrozenWords.Of(PlaceLinkRows.Where(r => r[1] == "joiner").Select(r => r[0]));
    private static readonly FrozenWords InsideWords = FrozenWords.Of(PlaceLinkRows.Where(r => r[1] == "in").Select(r => r[0]));

    private static bool MayBeLowercase(GazetteerEntry c) => c.Population >= 300_000 || c.Feature == PlaceFeature.Country;

    private static bool IsPluralRegion(string w) => w is "regions" or "oblasts" or "provinces" or "districts" or "krais" or "republics" or "областях" or "областей" or "областями" or "районах" or "районів";

    private static string StripS(string w) => w.EndsWith("'s", StringComparison.Ordinal) ? w[..^2] : w;

    private static ReadOnlySpan<char> StripS(ReadOnlySpan<char> w) => w.EndsWith("'s", StringComparison.Ordinal) ? w[..^2] : w;

    private static int StripPossessive(Document doc, Token t) =>
        t.Lower.EndsWith("'s", StringComparison.Ordinal) ? t.End - 2 : t.End;

    /// <summary>
    /// What the scans of a sentence ask of each token, found once per document (<see cref="Scratch.MarkTokens"/>): bits of
    /// a <c>uint</c>, the lexicons' answers kept per distinct word (<see cref="WordMarks"/>).
    /// </summary>
    internal static class Mark
    {
        public const uint Word = 1;
        public const uint Capitalized = 1 << 1;
        public const uint NotPlace = 1 << 2;
        public const uint NotAllDigits = 1 << 3;
        public const uint Name = 1 << 4;
        public const uint CyrillicSettlementWord = 1 << 5;
        public const uint CyrillicSettlementAbbreviation = 1 << 6;
        public const uint SettlementWord = 1 << 7;
        public const uint From = 1 << 8;
        public const uint FromArea = 1 << 9;
        public const uint Toward = 1 << 10;
        public const uint Area = 1 << 11;
        public const uint Direction = 1 << 12;
        public const uint Occupied = 1 << 13;
        public const uint Heading = 1 << 14;
        public const uint LaunchHead = 1 << 15;
        public const uint LaunchNext = 1 << 16;
        public const uint ListJoiner = 1 << 17;
        public const uint Same = 1 << 18;
        public const uint Cyrillic = 1 << 19;
    }

    /// <summary>
    /// The marks of a lowered word that depend on the word alone: the lexicons it is in (<see cref="NotPlaces"/>, the
    /// settlement words, its <see cref="OriginRole"/>, <see cref="ListJoiners"/>), the launch-list words, "same", a Cyrillic
    /// first letter, a letter that is not a digit.
    /// </summary>
    internal static uint WordMarks(string w)
    {
        var m = 0u;
        m |= NotPlaces.Contains(w) ? Mark.NotPlace : 0;
        m |= w.AsSpan().ContainsAnyExceptInRange('0', '9') ? Mark.NotAllDigits : 0;
        m |= CyrillicSettlementWords.Contains(w) ? Mark.CyrillicSettlementWord : 0;
        m |= CyrillicSettlementAbbreviations.Contains(w) ? Mark.CyrillicSettlementAbbreviation : 0;
        m |= SettlementWords.Contains(w) ? Mark.SettlementWord : 0;
        m |= OriginRole(w) switch
        {
            "from" => Mark.From,
            "from-area" => Mark.FromArea,
            "toward" => Mark.Toward,
            "area" => Mark.Area,
            "direction" => Mark.Direction,
            "occupied" => Mark.Occupied,
            "heading" => Mark.Heading,
            _ => 0,
        };
        m |= w.StartsWith("напрям", StringComparison.Ordinal) || w.StartsWith("направлени", StringComparison.Ordinal) ? Mark.LaunchHead : 0;
        m |= w.StartsWith("атак", StringComparison.Ordinal) || w.StartsWith("пуск", StringComparison.Ordinal) || w.StartsWith("запуск", StringComparison.Ordinal) ? Mark.LaunchNext : 0;
        m |= ListJoiners.Contains(w) ? Mark.ListJoiner : 0;
        m |= w == "same" ? Mark.Same : 0;
        m |= TextLanguage.StartsCyrillic(w) ? Mark.Cyrillic : 0;
        return m;
    }

    /// <summary>
    /// This thread's reusable state of the stage, fetched once per document (one thread-static read, not one per word):
    /// the memos of <see cref="Lookup"/> for one word (index 0 for capitalized words, 1 for lowercase ones), the folded
    /// keys of the non-ASCII names tried (each folded once), and the list <see cref="OriginLists"/> fills.
    /// </summary>
    private sealed class Scratch
    {
        [ThreadStatic]
        private static Scratch? t_current;

        private IPlaceLookup? owner;

        public WordMemo<(ImmutableArray<GazetteerEntry> Hits, string? Key)>[]? Memos { get; private set; }

        public WordCache Folds { get; } = new(make: PlaceNames.Fold);

        public List<(int Start, int End)> OriginLists { get; } = [];

        /// <summary>The chars of the key being looked up (a stack buffer would be zeroed for every word).</summary>
        public char[] Key { get; } = new char[128];

        /// <summary>The first word of the keys of several words tried from one token.</summary>
        public char[] FirstWord { get; } = new char[64];

        public bool Memoize { get; private set; }

        /// <summary>Each distinct word's <see cref="WordMarks"/>, kept for the thread (they depend on the word alone).</summary>
        private readonly WordMemo<uint> wordMarks = new();

        private uint[] marks = new uint[1024];

        /// <summary>
        /// The marks of every token of <paramref name="doc"/> (<see cref="Mark"/>): its word's, and whether it is a word,
        /// capitalized, and a name's word (a capitalized word, not a common word, not all digits). Valid until the next call.
        /// </summary>
        public uint[] MarkTokens(Document doc)
        {
            var tokens = doc.Tokens;
            var text = doc.Text;
            if (marks.Length < tokens.Count)
            {
                marks = new uint[Math.Max(tokens.Count, marks.Length * 2)];
            }

            for (var i = 0; i < tokens.Count; i++)
            {
                ref readonly var t = ref tokens[i];
                if (!wordMarks.TryGet(t.Lower, out var m))
                {
                    m = WordMarks(t.Lower);
                    wordMarks.Set(t.Lower, m);
                }

                m |= t.IsWord ? Mark.Word : 0;
                m |= char.IsUpper(text[t.Start]) ? Mark.Capitalized : 0;
                if ((m & (Mark.Word | Mark.Capitalized | Mark.NotPlace | Mark.NotAllDigits)) == (Mark.Word | Mark.Capitalized | Mark.NotAllDigits))
                {
                    m |= Mark.Name;
                }

                marks[i] = m;
            }

            return marks;
        }

        public static Scratch ForThread(IPlaceLookup lookup, bool memoize)
        {
            var s = t_current ??= new Scratch();
            if (!ReferenceEquals(s.owner, lookup))
            {
                // a memo answers for one lookup only
                s.owner = lookup;
                s.Memos = [new(), new()];
            }

            s.Memoize = memoize;
            return s;
        }
    }

    private bool TryLongest(Document doc, Scratch scratch, int i, int limit, out int end, out ImmutableArray<GazetteerEntry> candidates, out string key)
    {
        var tokens = doc.Tokens;
        var text = doc.Text;

        // Names run over capitalized words ("Nizhny Novgorod", "Kryvyi Rih") and may end in a region word;
        // a lowercase word is looked up alone ("kyiv" in translated text).
        var max = 1;
        var capitalized = char.IsUpper(text[tokens[i].Start]);
        if (capitalized)
        {
            while (max < lookup!.MaxWords && i + max < limit && tokens[i + max].IsWord
                   && (char.IsUpper(text[tokens[i + max].Start]) || (RegionWords.Contains(StripS(tokens[i + max].Lower.AsSpan())) && !IsPluralRegion(tokens[i + max].Lower)) || tokens[i + max].Lower is "on" or "na" or "nad" or "pod" or "upon"))
            {
                max++;
            }
        }

        Span<char> buffer = scratch.Key;

        // Names of several words begin with a word that begins some key of several words (exactly or by its skeleton):
        // the verdict on the first folded word is asked once for all the lengths tried (0 unknown, 1 may, -1 may not).
        var first = new FirstWord(scratch.FirstWord);
        for (var n = max; n >= 1; n--)
        {
            // A lowercase word must be a name exactly ("kyiv"); spelling variants would turn "being" into Beijing.
            var lowercase = max == 1 && !capitalized;
            ImmutableArray<GazetteerEntry> hits;
            string? found;
            if (n == 1 && scratch.Memoize)
            {
                // One word: what it names depends on its lowered string and its case alone, so it is asked once.
                var memo = scratch.Memos![lowercase ? 1 : 0];
                var word = tokens[i].Lower;
                if (!memo.TryGet(word, out var kept))
                {
                    kept = (Lookup(doc, scratch, i, 1, lowercase, buffer, ref first, out var k), k);
                    memo.Set(word, kept);
                }

                (hits, found) = kept;
            }
            else
            {
                hits = Lookup(doc, scratch, i, n, lowercase, buffer, ref first, out found);
            }

            if (found is not null)
            {
                end = i + n;
                candidates = hits;
                key = found;
                return true;
            }
        }

        end = i;
        candidates = [];
        key = "";
        return false;
    }

    /// <summary>
    /// The first word of the keys of several words tried from one token, and whether a gazetteer key of several words
    /// begins with it (<see cref="IPlaceLookup.MayBeginLongerName"/>): kept while the next key tried begins with the same word.
    /// </summary>
    private ref struct FirstWord(Span<char> storage)
    {
        public readonly Span<char> Storage = storage;
        public int Length = -1;
        public bool May;
    }

    /// <summary>Whether several words may be looked up from <paramref name="i"/>: only off for the tests that compare with looking every length up.</summary>
    internal bool PruneByFirstWord { get; init; } = true;

    /// <summary>Whether one word's lookups are memoized (<see cref="Scratch.Memos"/>); off only for the tests that compare the two.</summary>
    internal bool MemoizeWords { get; init; } = true;

    /// <summary>
    /// The entries the <paramref name="n"/> words from <paramref name="i"/> name, folded to one key (<paramref name="key"/>,
    /// null when they name nothing); a <paramref name="lowercase"/> word only by its exact name.
    /// </summary>
    private ImmutableArray<GazetteerEntry> Lookup(Document doc, Scratch scratch, int i, int n, bool lowercase, Span<char> buffer, ref FirstWord first, out string? key)
    {
        var tokens = doc.Tokens;
        key = null;
        var len = 0;
        var ascii = true;
        for (var k = 0; k < n; k++)
        {
            var w = tokens[i + k].Lower.AsSpan();
            if (k == n - 1 && w.EndsWith("'s"))
            {
                w = w[..^2];
            }

            if (len + w.Length + 1 > buffer.Length)
            {
                ascii = false;
                break;
            }

            if (k > 0)
            {
                buffer[len++] = ' ';
            }

            foreach (var c in w)
            {
                if (c == '\'')
                {
                    continue;
                }

                if (c == '-')
                {
                    buffer[len++] = ' ';
                }
                else if (c < 128)
                {
                    buffer[len++] = c;
                }
                else
                {
                    ascii = false;
                    buffer[len++] = c;
                }
            }
        }

        var folded = ascii ? buffer[..len] : scratch.Folds.Get(buffer[..len]).AsSpan();

        if (lowercase && lowercaseNames is not null && !lowercaseNames.GetAlternateLookup<ReadOnlySpan<char>>().Contains(folded))
        {
            return [];
        }

        if (n > 1 && PruneByFirstWord && !MayBeginLongerName(folded, ref first))
        {
            return [];
        }

        var hits = lowercase ? lookup!.FindExact(folded) : lookup!.Find(folded);
        if (hits.IsDefaultOrEmpty)
        {
            return hits;
        }

        key = folded.ToString();
        return hits;
    }

    /// <summary>
    /// False when no gazetteer key of several words begins with the first word of <paramref name="folded"/>, so that it
    /// names nothing; true when one may, or when it is one word. The verdict is kept in <paramref name="first"/> for
    /// the next key tried from the same token, when that begins with the same word.
    /// </summary>
    private bool MayBeginLongerName(ReadOnlySpan<char> folded, ref FirstWord first)
    {
        var space = folded.IndexOf(' ');
        if (space <= 0)
        {
            return true;
        }

        var word = folded[..space];
        if (first.Length == space && word.SequenceEqual(first.Storage[..space]))
        {
            return first.May;
        }

        var may = lookup!.MayBeginLongerName(word);
        if (space <= first.Storage.Length)
        {
            word.CopyTo(first.Storage);
            first.Length = space;
            first.May = may;
        }

        return may;
    }
}
