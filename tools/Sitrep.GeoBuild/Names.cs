using System.Globalization;
using Sitrep.Geo;

namespace Sitrep.GeoBuild;

/// <summary>Name helpers for the compiler: scripts, and the forms a name takes in Ukrainian and Russian text.</summary>
internal static class Names
{
    /// <summary>Region words after a region's name in English reporting.</summary>
    public static readonly string[] RegionWords = ["region", "oblast", "province", "krai", "kray", "territory", "area", "republic", "autonomous okrug", "okrug"];

    /// <summary>Latin letters only (with diacritics), spaces, hyphens, apostrophes and dots; at least one letter.</summary>
    public static bool IsLatin(string s) => IsScript(s, static c => c is (>= 'A' and <= 'Z') or (>= 'a' and <= 'z') or (>= '\u00C0' and <= '\u024F') or (>= '\u1E00' and <= '\u1EFF'));

    /// <summary>Cyrillic letters only, spaces, hyphens, apostrophes and dots; at least one letter.</summary>
    public static bool IsCyrillic(string s) => IsScript(s, static c => c is >= '\u0400' and <= '\u04FF');

    private static bool IsScript(string s, Func<char, bool> letter)
    {
        var any = false;
        foreach (var c in s)
        {
            if (char.IsLetter(c))
            {
                if (!letter(c))
                {
                    return false;
                }

                any = true;
            }
            else if (!(c is ' ' or '-' or '.' or '\'' or '’' or 'ʼ' or '(' or ')' || CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark))
            {
                return false;
            }
        }

        return any;
    }

    /// <summary>
    /// A GeoNames alternate name worth a key: Latin or Cyrillic, not a code ("HRK", "IEV"), and not an
    /// all-lowercase romanisation of an Asian script ("ji fu", "kheiyf").
    /// </summary>
    public static bool IsUsefulAlternate(string s)
    {
        if (s.Length < 3 || s.Any(char.IsDigit))
        {
            return false;
        }

        if (IsCyrillic(s))
        {
            return true;
        }

        if (!IsLatin(s))
        {
            return false;
        }

        if (s.Length <= 4 && s.All(c => !char.IsLetter(c) || char.IsUpper(c)))
        {
            return false;
        }

        return s.Any(char.IsUpper);
    }

    /// <summary>
    /// The case forms of a one-word Ukrainian or Russian place name ("Харків" → Харкова, Харкову, Харкові,
    /// Харковом; "Одеса" → Одеси, Одесі, Одесу, Одесою; "Лапаївка" → Лапаївці). Rules by the ending, not a
    /// full grammar: fleeting vowels (Орёл → Орла) are not produced. Input and output are folded.
    /// </summary>
    public static IEnumerable<string> Decline(string folded)
    {
        if (folded.Length < 4 || folded.Contains(' ', StringComparison.Ordinal))
        {
            yield break;
        }

        var last = folded[^1];
        var stem = folded[..^1];
        string[] endings;
        if (folded.EndsWith("ий", StringComparison.Ordinal) || folded.EndsWith("ый", StringComparison.Ordinal)
            || folded.EndsWith("ій", StringComparison.Ordinal) || folded.EndsWith("ой", StringComparison.Ordinal))
        {
            stem = folded[..^2];
            endings = ["ого", "ому", "им", "ім", "ом"];
            if (folded.EndsWith("ой", StringComparison.Ordinal) || folded.EndsWith("ий", StringComparison.Ordinal))
            {
                // A noun in -ой or -ий declines like one: Джанкой → Джанкоя, Джанкое; Стрий → Стрия, Стрию.
                foreach (var e in new[] { "я", "ю", "е", "ем", "і" })
                {
                    yield return folded[..^1] + e;
                }
            }
        }
        else if (folded.EndsWith("ая", StringComparison.Ordinal) || folded.EndsWith("яя", StringComparison.Ordinal))
        {
            // A feminine adjective (Russian): Ясиноватая → Ясиноватой, Ясиноватую.
            stem = folded[..^2];
            endings = ["ой", "ую", "ей", "юю"];
        }
        else if (last == 'а')
        {
            endings = ["и", "ы", "і", "е", "у", "ою", "ой", "ей"];
            if (folded.EndsWith("ова") || folded.EndsWith("ева") || folded.EndsWith("ська") || folded.EndsWith("цька") || folded.EndsWith("ата") || folded.EndsWith("ята"))
            {
                // An adjective's feminine (Ukrainian): Лозова → Лозовій, Лозової; Ясинувата → Ясинуватій.
                yield return stem + "ій";
                yield return stem + "ої";
            }

            if (stem.EndsWith('к'))
            {
                yield return stem[..^1] + "ці";
            }
        }
        else if (last == 'я')
        {
            endings = ["і", "и", "ю", "ею", "ей", "е"];
        }
        else if (last == 'ь')
        {
            endings = ["и", "і", "я", "ю", "е", "ем", "ю"];
            if (folded.EndsWith("інь", StringComparison.Ordinal))
            {
                // The і of a closed syllable opens to е: Ірпінь → Ірпеня, Ірпені.
                foreach (var e in new[] { "я", "ю", "і", "ем" })
                {
                    yield return folded[..^3] + "ен" + e;
                }
            }

            if (folded.EndsWith("ець", StringComparison.Ordinal))
            {
                // The fleeting е: Марганець → Марганця, Марганці.
                foreach (var e in new[] { "я", "ю", "і", "ем" })
                {
                    yield return folded[..^3] + "ц" + e;
                }
            }
        }
        else if (folded.EndsWith("ое", StringComparison.Ordinal) || folded.EndsWith("ее", StringComparison.Ordinal))
        {
            // A Russian neuter adjective: Раменское → Раменском, Раменского.
            stem = folded[..^2];
            endings = ["ого", "ому", "ым", "ом", "его", "ему", "им", "ем"];
        }
        else if (last is 'о' or 'е')
        {
            endings = ["а", "у", "ом", "і", "е", "я", "ю", "ем"];
            if (last == 'е' && !stem.EndsWith('ь'))
            {
                // Ukrainian neuter -е names ("Сніжне") decline like adjectives: Сніжного, Сніжному, Сніжному.
                endings = ["ого", "ому", "им", "ім", "а", "у", "і"];
            }
        }
        else if (last is 'и' or 'ы' or 'і')
        {
            // Plural names: Суми, Сумы, Черкаси, Чернівці.
            endings = ["ах", "ам", "ами", "ях"];
        }
        else if (char.IsLetter(last) && last != 'й')
        {
            stem = folded;
            endings = ["а", "у", "ом", "е", "і", "ові", "ем", "ою"];
            if (last is 'к' or 'г' or 'х')
            {
                // The Ukrainian locative softens к, г, х before і: Кременчук → Кременчуці.
                yield return Softened(folded) + "і";
            }

            if (folded.EndsWith("ец", StringComparison.Ordinal))
            {
                // The fleeting е: Марганец → Марганца, Марганце.
                foreach (var e in new[] { "а", "у", "е", "ом" })
                {
                    yield return folded[..^2] + "ц" + e;
                }
            }
            if (folded.EndsWith("ів", StringComparison.Ordinal))
            {
                // Ukrainian і in a closed last syllable becomes о or є when the syllable opens: Харків → Харкова, Київ → Києва.
                foreach (var alt in new[] { folded[..^2] + "ов", folded[..^2] + "ев", folded[..^2] + "єв" })
                {
                    foreach (var e in new[] { "а", "у", "ом", "і", "ові" })
                    {
                        yield return alt + e;
                    }
                }
            }
        }
        else
        {
            yield break;
        }

        foreach (var e in endings)
        {
            yield return stem + e;
        }
    }

    /// <summary>
    /// The case forms of a Ukrainian or Russian place name of two or three words, each word in the same case
    /// ("Нова Каховка" → Нової Каховки, Новій Каховці, Нову Каховку; "Кривий Ріг" → Кривого Рогу, Кривому Розі;
    /// "Старый Оскол" → Старом Осколе; "Горішні Плавні" → Горішніх Плавнів; "Ростов на Дону" → Ростове на Дону).
    /// A first word in -а before another word, and any word with an adjective's ending, declines as an adjective;
    /// the rest as nouns; the words after "на" or "над" stay as they are. In a compound of a noun and an adjective
    /// ("Белгород Днестровский") the first word may also stay ("Белгород-Днестровском"). Rules by the ending, as
    /// <see cref="Decline"/>. Input and output are folded.
    /// </summary>
    public static IEnumerable<string> DeclinePhrase(string folded)
    {
        var words = folded.Split(' ');
        if (words.Length is < 2 or > 3 || words.Any(w => w.Length < 2) || !words.All(w => w.All(c => c is >= 'а' and <= 'я' or 'і' or 'є' or 'ї' or 'ґ' or 'ё')))
        {
            yield break;
        }

        var fixedFrom = Array.FindIndex(words, w => w is "на" or "над" or "под" or "під");
        // A compound's first part that never declines: Усть-Луга → Усть-Луге.
        var fixedFirst = words[0] is "усть";
        var declined = fixedFrom < 0 ? words.Length : fixedFrom;
        if (declined == 0)
        {
            yield break;
        }

        var tail = fixedFrom < 0 ? "" : " " + string.Join(' ', words[fixedFrom..]);
        var seen = new HashSet<string>(StringComparer.Ordinal) { folded };
        // Ukrainian forms for a name with no letter only Russian has, Russian ones for a name with no letter only Ukrainian has.
        var languages = new List<bool>();
        if (!folded.Any(ch => ch is 'ы' or 'э' or 'ё'))
        {
            languages.Add(true);
        }

        if (!folded.Any(ch => ch is 'і' or 'ї' or 'є' or 'ґ'))
        {
            languages.Add(false);
        }

        foreach (var uk in languages)
        {
        var cases = new List<string>[declined][];
        for (var k = 0; k < declined; k++)
        {
            var adjective = LooksAdjective(words[k], final: k == declined - 1) || (uk && k == 0 && declined > 1 && words[k].EndsWith('а') && LooksAdjectiveStem(words[k]));
            // A Russian possessive before its noun: Сергиев Посад → Сергиевом Посаде, Сергиева Посада.
            var possessive = !uk && k == 0 && declined > 1 && (words[k].EndsWith("ов") || words[k].EndsWith("ев") || words[k].EndsWith("ин"));
            var w = words[k];
            cases[k] = k == 0 && fixedFirst ? Cases([w], [w], [w], [w], [w], [w])
                : possessive ? Cases([w], [w + "а"], [w + "у"], [w], [w + "ым"], [w + "ом"])
                : adjective ? AdjectiveCases(w, uk) : NounCases(w, uk);
        }

        for (var c = 0; c < CaseCount; c++)
        {
            IEnumerable<string> phrases = [""];
            for (var k = 0; k < declined; k++)
            {
                var forms = cases[k][c];
                var kk = k;
                phrases = phrases.SelectMany(prefix => forms.Select(f => kk == 0 ? f : prefix + " " + f));
            }

            foreach (var ph in phrases)
            {
                if (seen.Add(ph + tail))
                {
                    yield return ph + tail;
                }
            }

            // "Белгород-Днестровском": the first word of a noun-and-adjective compound left as it is.
            if (declined == 2 && !LooksAdjective(words[0], final: false) && LooksAdjective(words[1], final: true))
            {
                foreach (var f in cases[1][c])
                {
                    var ph = words[0] + " " + f + tail;
                    if (seen.Add(ph))
                    {
                        yield return ph;
                    }
                }
            }
        }
        }
    }

    private const int CaseCount = 6; // nominative, genitive, dative, accusative, instrumental, locative

    /// <summary>An adjective's ending; the Ukrainian plural's (Горішні, Великі) only before another word (Плавні is a noun).</summary>
    private static bool LooksAdjective(string w, bool final) =>
        w.Length >= 4 && (w.EndsWith("ий") || w.EndsWith("ій") || w.EndsWith("ый") || w.EndsWith("ой") || w.EndsWith("ая") || w.EndsWith("яя")
            || w.EndsWith("ое") || w.EndsWith("ее") || w.EndsWith("ые") || w.EndsWith("ие")
            || (!final && (w.EndsWith("ні") || w.EndsWith("кі") || w.EndsWith("ві"))));

    /// <summary>A word in -а whose stem ends as Ukrainian adjectives do (Нова, Біла, Велика, Стара, Мала, Зелена, Верхня).</summary>
    private static bool LooksAdjectiveStem(string w) => w.Length >= 4 && w[^2] is 'в' or 'л' or 'к' or 'р' or 'н' or 'т' or 'д' or 'с' or 'ж' or 'ч' or 'ш' or 'х';

    private static List<string>[] Cases(params string[][] forms) => [.. forms.Select(f => f.ToList())];

    private static List<string>[] AdjectiveCases(string w, bool uk)
    {
        string Stem(int n) => w[..^n];
        if (w.EndsWith("ий") || w.EndsWith("ый") || w.EndsWith("ой"))
        {
            var s = Stem(2);
            // Russian -ний is soft (Нижний → Нижнем, Нижнего).
            var soft = !uk && w.EndsWith("ний");
            return uk
                ? Cases([w], [s + "ого"], [s + "ому"], [w], [s + "им"], [s + "ому", s + "ім"])
                : Cases([w], [s + (soft ? "его" : "ого")], [s + (soft ? "ему" : "ому")], [w], [s + (w.EndsWith("ий") ? "им" : "ым")], [s + (soft ? "ем" : "ом")]);
        }

        if (w.EndsWith("ій"))
        {
            var s = Stem(2);
            return Cases([w], [s + "ього"], [s + "ьому"], [w], [s + "ім"], [s + "ьому", s + "ім"]);
        }

        if (w.EndsWith("ая") || w.EndsWith("яя"))
        {
            var s = Stem(2);
            var soft = w.EndsWith("яя");
            var o = soft ? "ей" : "ой";
            return Cases([w], [s + o], [s + o], [s + (soft ? "юю" : "ую")], [s + o, s + (soft ? "ею" : "ою")], [s + o]);
        }

        if (w.EndsWith("ое") || w.EndsWith("ее"))
        {
            var s = Stem(2);
            return Cases([w], [s + "ого"], [s + "ому"], [w], [s + (w.EndsWith("ое") ? "ым" : "им")], [s + "ом"]);
        }

        if (w.EndsWith("ые") || w.EndsWith("ие"))
        {
            var s = Stem(2);
            var y = w.EndsWith("ые") ? "ы" : "и";
            return Cases([w], [s + y + "х"], [s + y + "м"], [w], [s + y + "ми"], [s + y + "х"]);
        }

        if (w.EndsWith('і'))
        {
            // Ukrainian plural: Горішні → Горішніх, Великі → Великих.
            var s = Stem(1);
            var y = w.EndsWith("ні") ? "і" : "и";
            return Cases([w], [s + y + "х"], [s + y + "м"], [w], [s + y + "ми"], [s + y + "х"]);
        }

        if (w.EndsWith('е'))
        {
            var s = Stem(1);
            return Cases([w], [s + "ого"], [s + "ому"], [w], [s + "им"], [s + "ому", s + "ім"]);
        }

        // Ukrainian feminine in -а (Нова, Біла) or -я (Верхня).
        var st = Stem(1);
        return w.EndsWith('я')
            ? Cases([w], [st + "ьої"], [st + "ій"], [st + "ю"], [st + "ьою"], [st + "ій"])
            : Cases([w], [st + "ої"], [st + "ій"], [st + "у"], [st + "ою"], [st + "ій"]);
    }

    /// <summary>A stem with its last к, г or х softened as before the Ukrainian locative і: Кременчук → Кременчуц(і), Ріг → Роз(і).</summary>
    private static string Softened(string stem) =>
        stem.EndsWith('к') ? stem[..^1] + "ц" : stem.EndsWith('г') ? stem[..^1] + "з" : stem.EndsWith('х') ? stem[..^1] + "с" : stem;

    private static List<string>[] NounCases(string w, bool uk)
    {
        var last = w[^1];
        var s = w[..^1];
        if (last == 'а')
        {
            return uk
                ? Cases([w], [s + "и"], [Softened(s) + "і"], [s + "у"], [s + "ою"], [Softened(s) + "і"])
                : Cases([w], [s + (s[^1] is 'к' or 'г' or 'х' or 'ж' or 'ш' or 'ч' or 'щ' ? "и" : "ы")], [s + "е"], [s + "у"], [s + "ой"], [s + "е"]);
        }

        if (last == 'я')
        {
            return uk
                ? Cases([w], [s + "і"], [s + "і"], [s + "ю"], [s + "ею"], [s + "і"])
                : Cases([w], [s + "и"], [s + "е"], [s + "ю"], [s + "ей"], [s + "е"]);
        }

        if (last == 'ь')
        {
            var e = w.EndsWith("ець") ? w[..^3] + "ц" : s;
            return uk
                ? Cases([w], [e + "я", s + "і"], [e + "ю"], [w], [e + "ем"], [e + "і"])
                : Cases([w], [e + "я", s + "и"], [e + "ю"], [w], [e + "ем"], [e + "е", s + "и"]);
        }

        if (last is 'о' or 'е')
        {
            return Cases([w], [s + "а"], [s + "у"], [w], [s + "ом"], [s + (uk ? "і" : "е")]);
        }

        if (last is 'и' or 'ы' or 'і')
        {
            // Plural: Плавні → Плавнів, Луки → Луках.
            var soft = s.EndsWith('н') && last == 'і';
            return Cases([w], [s + (uk ? "ів" : "ов"), s], [s + (soft ? "ям" : "ам")], [w], [s + (soft ? "ями" : "ами")], [s + (soft ? "ях" : "ах")]);
        }

        if (last == 'й')
        {
            return Cases([w], [s + "я"], [s + "ю"], [w], [s + "ем"], [s + (uk ? "ї" : "е")]);
        }

        // A consonant: Оскол, Новгород, Ріг (the Ukrainian і of a closed last syllable opens to о: Рогу, Розі).
        var t = w;
        var i = w.LastIndexOf('і');
        if (uk && i > 0 && i >= w.Length - 3 && w[(i + 1)..].All(c => "аеиоуяюєіїыэ".IndexOf(c) < 0))
        {
            t = w[..i] + "о" + w[(i + 1)..];
        }

        return uk
            ? Cases([w], [t + "а", t + "у"], [t + "у", t + "ові"], [w], [t + "ом"], [Softened(t) + "і", t + "у"])
            : Cases([w], [t + "а"], [t + "у"], [w], [t + "ом"], [t + "е"]);
    }

    /// <summary>Feminine adjective forms (Ukrainian and Russian) of a stem ending in -ськ/-ск/-цьк/-цк, with "область" in its cases.</summary>
    public static IEnumerable<string> OblastForms(string stem)
    {
        string[] adjective = ["ая", "ой", "ую", "ою", "а", "ої", "ій", "у"];
        string[] nouns = ["", " область", " области", " областью", " областях", " області", " областю", " обл"];
        foreach (var a in adjective)
        {
            foreach (var n in nouns)
            {
                yield return stem + a + n;
            }
        }
    }

    /// <summary>Masculine adjective forms of a stem with "край" in its cases.</summary>
    public static IEnumerable<string> KraiForms(string stem)
    {
        string[] adjective = ["ий", "ого", "ому", "ом", "им", "ім"];
        string[] nouns = ["", " край", " края", " краю", " крае", " краем", " краї", " краєм"];
        foreach (var a in adjective)
        {
            foreach (var n in nouns)
            {
                yield return stem + a + n;
            }
        }
    }

    /// <summary>Masculine adjective forms of a stem with "район" in its cases ("Погарского района", "Золочівському районі").</summary>
    public static IEnumerable<string> RaionForms(string stem)
    {
        string[] adjective = ["ий", "ого", "ому", "ом", "им", "ім"];
        string[] nouns = [" район", " района", " районе", " району", " районі", " районом", " р н"];
        foreach (var a in adjective)
        {
            foreach (var n in nouns)
            {
                yield return stem + a + n;
            }
        }
    }

    /// <summary>"Харківськ" → "Харківщина", "Донецьк" → "Донеччина"; Latin "Kharkivsk" → "Kharkivshchyna"; null when the stem has no such form.</summary>
    public static string? Shchyna(string stem)
    {
        if (stem.EndsWith("цьк", StringComparison.Ordinal))
        {
            return stem[..^3] + "ччина";
        }

        if (stem.EndsWith("ськ", StringComparison.Ordinal))
        {
            return stem[..^3] + "щина";
        }

        if (stem.EndsWith("tsk", StringComparison.OrdinalIgnoreCase))
        {
            return stem[..^3] + "chchyna";
        }

        if (stem.EndsWith("sk", StringComparison.OrdinalIgnoreCase))
        {
            return stem[..^2] + "shchyna";
        }

        return null;
    }

    /// <summary>
    /// A guess at the Cyrillic spelling of a folded Latin name, by reversing Ukraine's national romanisation
    /// (<paramref name="ukrainian"/>) or the BGN/PCGN romanisation of Russian: "hirnyk" → "гірник",
    /// "belaya berezka" → "белая березка". For places the data names only in Latin, so that Ukrainian and
    /// Russian text can find them; soft signs are lost, which folding of the text mostly agrees with.
    /// </summary>
    public static string ToCyrillic(string folded, bool ukrainian) => ToCyrillic(folded, ukrainian, iotated: false);

    /// <summary>
    /// The Ukrainian spellings a Ukrainian place's Latin name may stand for, folded. Besides the national romanisation's
    /// reverse (<see cref="ToCyrillic(string, bool)"/>): the older romanisations' y before a vowel inside a word as є, ї,
    /// ю, я ("Izyum" → ізюм, "Lapayivka" → лапаївка); an apostrophe after a consonant as the soft sign ("Berdyans'k" →
    /// бердянськ; before a vowel it is the apostrophe the folding drops); and the soft sign Ukrainian writes at a
    /// word's end that no romanisation keeps, as a second spelling: -ськ, -цьк, -ець, -ль ("Nikopol" → нікопол and
    /// нікополь, "Marhanets" → марганець). Empty when the name has letters outside a-z.
    /// </summary>
    public static IEnumerable<string> UkrainianGuesses(string latin)
    {
        var parts = latin.Split(['\'', '’', 'ʼ', '‘', '`', 'ʹ', '´']);
        var folded = string.Join('\'', parts.Select(x => PlaceNames.Fold(x)));
        if (folded.Length == 0 || !folded.All(c => c is (>= 'a' and <= 'z') or ' ' or '\''))
        {
            yield break;
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var reading in new[] { ToCyrillic(folded, true, iotated: false), ToCyrillic(folded, true, iotated: true) })
        {
            foreach (var v in SoftEndings(reading))
            {
                if (seen.Add(v))
                {
                    yield return v;
                }
            }
        }
    }

    /// <summary>A spelling, then (when its last word ends so) the same with the soft sign Ukrainian writes there.</summary>
    private static IEnumerable<string> SoftEndings(string cyrillic)
    {
        yield return cyrillic;
        string[][] endings = [["цк", "цьк"], ["ск", "ськ"], ["ец", "ець"], ["л", "ль"]];
        foreach (var e in endings)
        {
            if (cyrillic.EndsWith(e[0], StringComparison.Ordinal) && !cyrillic.EndsWith("ь" + e[0], StringComparison.Ordinal))
            {
                yield return cyrillic[..^e[0].Length] + e[1];
                yield break;
            }
        }
    }

    private static string ToCyrillic(string folded, bool ukrainian, bool iotated)
    {
        var sb = new System.Text.StringBuilder(folded.Length);
        var i = 0;
        while (i < folded.Length)
        {
            var c = folded[i];
            var wordStart = i == 0 || folded[i - 1] == ' ';
            var prevVowel = i > 0 && IsVowel(folded[i - 1]);
            string rest = folded[i..];
            string? cyr = null;
            var take = 1;
            foreach (var (latin, cyrillic) in ukrainian ? UkrainianDigraphs : RussianDigraphs)
            {
                if (rest.StartsWith(latin, StringComparison.Ordinal))
                {
                    cyr = cyrillic;
                    take = latin.Length;
                    break;
                }
            }

            if (cyr is null)
            {
                var next = i + 1 < folded.Length ? folded[i + 1] : ' ';
                var afterNext = i + 2 < folded.Length ? folded[i + 2] : ' ';
                cyr = c switch
                {
                    // An apostrophe: after a consonant and before a consonant or a word's end, the soft sign; else nothing.
                    '\'' when i > 0 && !IsVowel(folded[i - 1]) && folded[i - 1] != ' ' && !IsVowel(next) => "ь",
                    '\'' => "",
                    // The older romanisations (iotated): ye, yi, yu, ya inside a word are є, ї, ю, я; "yi" ending a word is -ий.
                    'y' when ukrainian && iotated && !wordStart && next is 'e' or 'u' or 'a' => null,
                    'y' when ukrainian && iotated && !wordStart && next == 'i' && afterNext != ' ' => null,
                    // Ukrainian: word-initial ye/yi/yu/ya are є/ї/ю/я; y is и; i after a vowel before a consonant is ї (folded і), at a word's end й.
                    'y' when ukrainian && wordStart && next is 'e' or 'i' or 'u' or 'a' => null,
                    'y' when ukrainian => "и",
                    'i' when ukrainian && prevVowel && (next == ' ' || i + 1 == folded.Length) => "й",
                    'i' when ukrainian => "і",
                    // Russian: y after a vowel or at a word's end after i/y is й; otherwise ы.
                    'y' when prevVowel || (i + 1 == folded.Length || next == ' ') && i > 0 && folded[i - 1] is 'i' or 'y' => "й",
                    'y' => "ы",
                    'i' => "и",
                    'e' when !ukrainian && (wordStart || prevVowel) => "е",
                    _ => Single(c),
                };
                if (cyr is null)
                {
                    // Ukrainian word-initial y + vowel.
                    cyr = next switch { 'e' => "є", 'i' => "ї", 'u' => "ю", _ => "я" };
                    take = 2;
                }
            }

            sb.Append(cyr);
            i += take;
        }

        return sb.ToString();
    }

    private static readonly (string, string)[] UkrainianDigraphs =
        [("shch", "щ"), ("zgh", "зг"), ("zh", "ж"), ("kh", "х"), ("ts", "ц"), ("ch", "ч"), ("sh", "ш"), ("ia", "я"), ("iu", "ю"), ("ie", "є")];

    private static readonly (string, string)[] RussianDigraphs =
        [("shch", "щ"), ("zh", "ж"), ("kh", "х"), ("ts", "ц"), ("ch", "ч"), ("sh", "ш"), ("yu", "ю"), ("ya", "я"), ("ye", "е"), ("yo", "е"), ("iy", "ий"), ("yy", "ый")];

    private static bool IsVowel(char c) => c is 'a' or 'e' or 'i' or 'o' or 'u' or 'y';

    private static string Single(char c) => c switch
    {
        'a' => "а", 'b' => "б", 'v' => "в", 'w' => "в", 'h' => "г", 'g' => "г", 'd' => "д", 'e' => "е", 'z' => "з",
        'k' => "к", 'l' => "л", 'm' => "м", 'n' => "н", 'o' => "о", 'p' => "п", 'r' => "р", 's' => "с", 't' => "т",
        'u' => "у", 'f' => "ф", 'c' => "ц", 'j' => "й", 'x' => "кс", 'q' => "к",
        _ => c.ToString(),
    };

    /// <summary>Great-circle distance in km.</summary>
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
