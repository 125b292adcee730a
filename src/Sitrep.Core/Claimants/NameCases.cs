using System.Collections.Frozen;

namespace Sitrep.Core.Claimants;

/// <summary>
/// The nominative of a Ukrainian or Russian person's name written in another case: "за словами Олега Синєгубова" →
/// "Олег Синєгубов", "по словам Александра Хинштейна" → "Александр Хинштейн", "Юлії Свириденко" → "Юлія Свириденко",
/// "з Ольгою Стефанішиною" → "Ольга Стефанішина". The given name tells the case and the gender (its forms are derived
/// from the nominatives of given-names.tsv); the patronymic and the surname then lose that case's ending by the
/// declension of their type (-ов/-ін, -ський, -енко, -ець, a consonant; a woman's -а, -ська, or none to lose). A
/// surname alone is put back only when <c>known</c> (the registry) knows it and its ending is a man's oblique one, not
/// one a woman's nominative also has ("Захарова"). Words that are no Cyrillic name are kept. Pure functions.
/// </summary>
public static class NameCases
{
    /// <summary>The embedded file of given names.</summary>
    public const string GivenNamesFile = "given-names.tsv";

    private enum Case
    {
        Nominative,
        Genitive,
        Dative,
        Accusative,
        Instrumental,
        Locative,
    }

    /// <summary>Each form of a given name by its folded spelling: how many letters to drop and which to add for the nominative, its gender and case.</summary>
    private static readonly Lazy<FrozenDictionary<string, (int Drop, string Add, bool Female, Case Case)>> GivenForms =
        new(() => BuildForms(ClaimantRegistry.DefaultText(GivenNamesFile)));

    /// <summary>
    /// The nominative of the person's words (given name, patronymic, surname; or a surname alone). <paramref name="known"/>
    /// says whether a surname alone names someone the registry knows.
    /// </summary>
    public static string Nominative(string person, Func<string, bool>? known = null)
    {
        var words = person.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 0 || !words.All(w => TextLanguage.StartsCyrillic(w)))
        {
            return person;
        }

        if (words.Length == 1)
        {
            return known is not null && known(words[0]) ? LoneSurname(words[0]) : person;
        }

        if (!GivenForms.Value.TryGetValue(Key(words[0]), out var given) || given.Case == Case.Nominative)
        {
            return person;
        }

        var result = new string[words.Length];
        result[0] = words[0][..^given.Drop] + given.Add;
        for (var k = 1; k < words.Length; k++)
        {
            result[k] = k < words.Length - 1 && IsPatronymic(words[k]) ? Patronymic(words[k], given.Female)
                : given.Female ? FemaleSurname(words[k], given.Case) : MaleSurname(words[k], given.Case);
        }

        return string.Join(' ', result);
    }

    /// <summary>The forms of each given name of the file, by their folded spelling; a form that is some name's nominative stays one.</summary>
    private static FrozenDictionary<string, (int, string, bool, Case)> BuildForms(string text)
    {
        var forms = new Dictionary<string, (int, string, bool, Case)>(StringComparer.Ordinal);
        var nominatives = new List<(string Name, bool Female)>();
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.TrimEnd('\r');
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            var cols = line.Split('\t');
            if (cols.Length != 2 || cols[1] is not ("m" or "f") || cols[0].Length < 2)
            {
                throw new ClaimantRegistryException($"{GivenNamesFile}: '{line}' needs a lowercase name and m or f.");
            }

            nominatives.Add((cols[0], cols[1] == "f"));
        }

        foreach (var (name, female) in nominatives)
        {
            forms[Key(name)] = (0, "", female, Case.Nominative);
        }

        foreach (var (name, female) in nominatives)
        {
            foreach (var (form, c) in GivenNameForms(name, female))
            {
                // The form is the nominative's stem and an ending: drop the ending, add the nominative's.
                var shared = 0;
                while (shared < form.Length && shared < name.Length && form[shared] == name[shared])
                {
                    shared++;
                }

                forms.TryAdd(Key(form), (form.Length - shared, name[shared..], female, c));
            }
        }

        return forms.ToFrozenDictionary(StringComparer.Ordinal);
    }

    /// <summary>
    /// The oblique forms of a given name in both languages' declensions (a form one language never writes never
    /// appears in its texts): Олег → Олега, Олегу, Олегові, Олегом; Сергій → Сергія, Сергію, Сергієм; Сергей →
    /// Сергея, Сергеем; Микола → Миколи, Миколі, Миколу, Миколою; Юлія → Юлії, Юлию, Юлією, Юлией; Ольга → Ольги, Ольгу, Ольгою.
    /// </summary>
    private static IEnumerable<(string, Case)> GivenNameForms(string name, bool female)
    {
        var last = name[^1];
        var stem = name[..^1];
        if (last is 'а')
        {
            // Микола, Никита, Ольга, Ірина, Елена
            var gen = stem.Length > 0 && stem[^1] is 'г' or 'к' or 'х' or 'ж' or 'ш' or 'ч' or 'щ' ? "и" : "ы";
            return [(stem + "и", Case.Genitive), (stem + gen, Case.Genitive), (stem + "і", Case.Dative), (stem + "е", Case.Dative),
                (stem + "у", Case.Accusative), (stem + "ою", Case.Instrumental), (stem + "ой", Case.Instrumental), (stem + "ей", Case.Instrumental)];
        }

        if (last is 'я' && stem.EndsWith('і'))
        {
            // Юлія, Марія, Наталія
            return [(stem + "ї", Case.Genitive), (stem + "ю", Case.Accusative), (stem + "єю", Case.Instrumental)];
        }

        if (last is 'я' && stem.EndsWith('и'))
        {
            // Юлия, Мария
            return [(stem + "и", Case.Genitive), (stem + "ю", Case.Accusative), (stem + "ей", Case.Instrumental)];
        }

        if (last is 'я')
        {
            // Ілля, Илья, Наталья
            return [(stem + "і", Case.Genitive), (stem + "и", Case.Genitive), (stem + "е", Case.Dative), (stem + "ю", Case.Accusative),
                (stem + "ею", Case.Instrumental), (stem + "ей", Case.Instrumental)];
        }

        if (female)
        {
            return [];
        }

        if (last is 'й')
        {
            // Сергій, Юрій; Сергей, Юрий, Николай
            var soft = stem[^1] is 'і' ? "є" : "е";
            return [(stem + "я", Case.Genitive), (stem + "ю", Case.Dative), (stem + soft + "ві", Case.Dative), (stem + soft + "м", Case.Instrumental),
                (stem + "ем", Case.Instrumental), (stem + "е", Case.Locative), (stem + "и", Case.Locative)];
        }

        if (last is 'о')
        {
            // Петро, Дмитро, Павло
            return [(stem + "а", Case.Genitive), (stem + "у", Case.Dative), (stem + "ові", Case.Dative), (stem + "ом", Case.Instrumental)];
        }

        if (last is 'ь')
        {
            // Василь, Игорь
            return [(stem + "я", Case.Genitive), (stem + "ю", Case.Dative), (stem + "еві", Case.Dative), (stem + "ем", Case.Instrumental)];
        }

        if (name == "павел")
        {
            return [("павла", Case.Genitive), ("павлу", Case.Dative), ("павлом", Case.Instrumental)];
        }

        // A consonant: Олег, Іван, Олександр; Ігор, soft, as Ігоря
        return [(name + "а", Case.Genitive), (name + "я", Case.Genitive), (name + "у", Case.Dative), (name + "ові", Case.Dative),
            (name + "ю", Case.Dative), (name + "еві", Case.Dative), (name + "ом", Case.Instrumental), (name + "ем", Case.Instrumental)];
    }

    /// <summary>A man's surname in <paramref name="c"/> back in the nominative; unchanged when its ending is no case's.</summary>
    private static string MaleSurname(string word, Case c)
    {
        var w = word.ToLowerInvariant();
        return c switch
        {
            Case.Genitive or Case.Accusative =>
                w.EndsWith("ого", StringComparison.Ordinal) ? Replace(word, 3, "ий")
                : w.EndsWith("ця", StringComparison.Ordinal) ? Replace(word, 2, "ець")
                : w.EndsWith("я", StringComparison.Ordinal) ? Replace(word, 1, Consonant(w, 2) ? "ь" : "й")
                : w.EndsWith("а", StringComparison.Ordinal) ? HardStem(word, 1)
                : word,
            Case.Dative =>
                w.EndsWith("ому", StringComparison.Ordinal) ? Replace(word, 3, "ий")
                : w.EndsWith("ові", StringComparison.Ordinal) || w.EndsWith("еві", StringComparison.Ordinal) || w.EndsWith("єві", StringComparison.Ordinal) ? Soft(word, 3)
                : w.EndsWith("цю", StringComparison.Ordinal) ? Replace(word, 2, "ець")
                : w.EndsWith("ю", StringComparison.Ordinal) && Consonant(w, 2) ? Replace(word, 1, "ь")
                : w.EndsWith("у", StringComparison.Ordinal) ? HardStem(word, 1)
                : word,
            Case.Instrumental =>
                w.EndsWith("ким", StringComparison.Ordinal) ? Replace(word, 2, "ий")
                : w.EndsWith("ым", StringComparison.Ordinal) && w.Length > 4 && !OvIn(w, 2) ? Replace(word, 2, "ый")
                : w.EndsWith("им", StringComparison.Ordinal) || w.EndsWith("ым", StringComparison.Ordinal) ? OvIn(w, 2) ? word[..^2] : word
                : w.EndsWith("цем", StringComparison.Ordinal) ? Replace(word, 3, "ець")
                : w.EndsWith("ем", StringComparison.Ordinal) || w.EndsWith("єм", StringComparison.Ordinal) ? Soft(word, 2)
                : w.EndsWith("ом", StringComparison.Ordinal) ? HardStem(word, 2)
                : word,
            Case.Locative => w.EndsWith("ові", StringComparison.Ordinal) ? word[..^3] : word,
            _ => word,
        };
    }

    /// <summary>A woman's surname in <paramref name="c"/> back in the nominative: only adjectival and -ова/-ина surnames decline (Свириденко, Верещук do not).</summary>
    private static string FemaleSurname(string word, Case c)
    {
        var w = word.ToLowerInvariant();
        string[] endings = c switch
        {
            Case.Genitive => ["ої", "ой"],
            Case.Dative or Case.Locative => ["ій", "ой"],
            Case.Accusative => ["у", "ую"],
            Case.Instrumental => ["ою", "ой"],
            _ => [],
        };
        foreach (var e in endings)
        {
            if (!w.EndsWith(e, StringComparison.Ordinal) || w.Length <= e.Length + 2)
            {
                continue;
            }

            var stem = w[..^e.Length];
            // Russian adjectival surnames take -ая (Ковальская), all the others -а (Стефанішина, Иванова, Козицька).
            var nominative = e is "ой" or "ую" && (stem.EndsWith("ск", StringComparison.Ordinal) || stem.EndsWith("цк", StringComparison.Ordinal)) ? "ая" : "а";
            if (e == "у" && !(stem.EndsWith("ов", StringComparison.Ordinal) || stem.EndsWith("ев", StringComparison.Ordinal) || stem.EndsWith("єв", StringComparison.Ordinal)
                || stem.EndsWith("ин", StringComparison.Ordinal) || stem.EndsWith("ін", StringComparison.Ordinal) || stem.EndsWith("ськ", StringComparison.Ordinal) || stem.EndsWith("цьк", StringComparison.Ordinal)))
            {
                continue;
            }

            return Replace(word, e.Length, nominative);
        }

        return word;
    }

    /// <summary>A surname alone: a man's oblique ending that no woman's nominative has (Хинштейна, Лукашука, Гладковым, Кличка).</summary>
    private static string LoneSurname(string word)
    {
        var w = word.ToLowerInvariant();
        string[] feminine = ["ова", "ева", "єва", "ина", "іна", "ына", "їна", "ая", "ька", "ька", "ська", "цька"];
        if (w.EndsWith("а", StringComparison.Ordinal) && feminine.Any(f => w.EndsWith(f, StringComparison.Ordinal)))
        {
            return word;
        }

        foreach (var c in (ReadOnlySpan<Case>)[Case.Instrumental, Case.Genitive])
        {
            var n = MaleSurname(word, c);
            if (n != word)
            {
                return n;
            }
        }

        return word;
    }

    private static bool IsPatronymic(string word)
    {
        var w = word.ToLowerInvariant();
        return w.Contains("ович", StringComparison.Ordinal) || w.Contains("евич", StringComparison.Ordinal) || w.Contains("йович", StringComparison.Ordinal)
            || w.Contains("овн", StringComparison.Ordinal) || w.Contains("івн", StringComparison.Ordinal) || w.Contains("ївн", StringComparison.Ordinal) || w.Contains("евн", StringComparison.Ordinal);
    }

    /// <summary>Олеговича → Олегович, Владимировны → Владимировна.</summary>
    private static string Patronymic(string word, bool female)
    {
        var w = word.ToLowerInvariant();
        var at = female ? w.LastIndexOf("вн", StringComparison.Ordinal) : w.LastIndexOf("ич", StringComparison.Ordinal);
        return at < 0 ? word : word[..(at + 2)] + (female ? "а" : "");
    }

    /// <summary>Drops an ending after a hard stem: Хинштейна → Хинштейн; after two consonants the ending was -о's (Кличка → Кличко, Ткаченка → Ткаченко).</summary>
    private static string HardStem(string word, int ending)
    {
        var stem = word[..^ending];
        var s = stem.ToLowerInvariant();
        if (s.Length >= 3 && s[^1] == 'к' && Consonant(s, 2))
        {
            return stem + "о";
        }

        return s.Length > 0 && Consonant(s, 1) ? stem : word;
    }

    /// <summary>Drops an ending after a soft stem: Шмигалеві → Шмигаль, Гордієм → Гордій; Синєгубові → Синєгубов.</summary>
    private static string Soft(string word, int ending)
    {
        var stem = word[..^ending];
        var s = stem.ToLowerInvariant();
        if (s.EndsWith('і') || s.EndsWith('и') || s.EndsWith('е'))
        {
            return stem + "й";
        }

        return s.EndsWith('л') ? stem + "ь" : HardStem(word, ending);
    }

    /// <summary>The letters before the last <paramref name="ending"/> are -ов, -ев, -єв, -ін, -ин, -їн, -ын: a possessive surname.</summary>
    private static bool OvIn(string w, int ending)
    {
        var s = w[..^ending];
        return s.EndsWith("ов", StringComparison.Ordinal) || s.EndsWith("ев", StringComparison.Ordinal) || s.EndsWith("єв", StringComparison.Ordinal) || s.EndsWith("ёв", StringComparison.Ordinal)
            || s.EndsWith("ін", StringComparison.Ordinal) || s.EndsWith("ин", StringComparison.Ordinal) || s.EndsWith("їн", StringComparison.Ordinal) || s.EndsWith("ын", StringComparison.Ordinal);
    }

    /// <summary>The letter <paramref name="fromEnd"/> places from the end is a consonant (й is one; ь and an apostrophe are not).</summary>
    private static bool Consonant(string w, int fromEnd) =>
        w.Length >= fromEnd && !"аеєиіїоуюяыэёь'’ʼ".Contains(w[^fromEnd], StringComparison.Ordinal);

    private static string Replace(string word, int ending, string with) => word[..^ending] + with;

    /// <summary>The folded spelling a given name is looked up by: lowercase, no apostrophe, ё as е.</summary>
    private static string Key(string word) => ClaimantNames.Fold(word).Replace(" ", "", StringComparison.Ordinal);
}
