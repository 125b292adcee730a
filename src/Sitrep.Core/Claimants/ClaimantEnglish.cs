using System.Text;

namespace Sitrep.Core.Claimants;

/// <summary>
/// A claimant named for a reader of the English ledger. Words written in Latin letters are kept as written; words in
/// Cyrillic that the registry resolves are named by the registry's English name, followed by the person they name in
/// Latin letters and in the nominative whatever case the sentence put it in ("голова Одеської ОВА Олег Кіпер", "за
/// словами голови Одеської ОВА Олега Кіпера" → "Odesa Regional Military Administration Oleh Kiper"; <see cref="NameCases"/>); words the
/// registry does not know are kept as written. Pure functions.
/// </summary>
public static class ClaimantEnglish
{
    /// <summary>How <paramref name="c"/> is named in English; the person's name is romanised in the language its words are written in (<see cref="TextLanguage.Detect"/>).</summary>
    public static string Name(Claimant c, ClaimantRegistry registry)
    {
        if (!TextLanguage.HasCyrillic(c.Name) || c.Canonical is not { } id || !registry.TryGet(id, out var entry))
        {
            return c.Name;
        }

        return PersonIn(c.Name, registry, c.IsPerson) is { Length: > 0 } person
            ? entry.Name + " " + AsTheRegistrySpells(Romanise(NameCases.Nominative(person, w => registry.Resolve(w) is not null), TextLanguage.Detect(c.Name)), entry)
            : entry.Name;
    }

    /// <summary>
    /// The surname of a romanised name as the entry's English alias spells it when the two differ in at most about a
    /// third of their letters (Klychko → Klitschko, Sinegubov → Syniehubov: the first such alias, the spelling the
    /// reports use); a surname no alias is near stays as romanised.
    /// </summary>
    public static string AsTheRegistrySpells(string romanised, ClaimantEntry entry)
    {
        var cut = romanised.LastIndexOf(' ') + 1;
        var surname = romanised[cut..];
        if (surname.Length < 4)
        {
            return romanised;
        }

        var folded = ClaimantNames.Fold(surname);
        string? best = null;
        foreach (var alias in entry.Aliases)
        {
            // The first near alias: aliases.tsv lists a person's usual English spelling before the variants.
            if (alias.Length >= 4 && !alias.Contains(' ') && !alias.Contains('*') && !TextLanguage.HasCyrillic(alias) && alias[0] == folded[0]
                && EditDistance.Between(folded, alias) * 20 <= 7 * Math.Max(folded.Length, alias.Length))
            {
                best = alias;
                break;
            }
        }

        return best is null ? romanised : romanised[..cut] + char.ToUpperInvariant(best[0]) + best[1..];
    }

    /// <summary>
    /// The person the words end with: up to three capitalized words (not abbreviations, titles or place names) after a
    /// title ("губернатор Курской области Александр Хинштейн" → "Александр Хинштейн"), or the words themselves when they
    /// are only such names and <paramref name="isPerson"/> says they name a person ("Гладков"); empty when the words name a body.
    /// </summary>
    public static string PersonIn(string words, ClaimantRegistry registry, bool isPerson)
    {
        var parts = words.Split([' ', ',', '(', ')', '«', '»', '"', '“', '”'], StringSplitOptions.RemoveEmptyEntries);
        var start = parts.Length;
        while (start > 0 && parts.Length - start < 3 && IsNameWord(parts[start - 1]) && !registry.IsTitleOrPlaceWord(parts[start - 1]))
        {
            start--;
        }

        if (start == parts.Length)
        {
            return "";
        }

        var titled = start == 0 ? isPerson : parts.Take(start).Any(registry.IsTitleOrPlaceWord);
        return titled ? string.Join(' ', parts.Skip(start)) : "";
    }

    /// <summary>
    /// Cyrillic in Latin letters: Ukrainian by the national system of 2010 (Кіпер → Kiper, Синєгубов → Syniehubov),
    /// Russian by a BGN-like one (Богомаз → Bogomaz, Вячеслав → Vyacheslav). Letters only Ukrainian writes (і ї є ґ) or
    /// only Russian writes (ы э ё ъ) choose per word; otherwise <paramref name="language"/> does. Other characters stay.
    /// </summary>
    public static string Romanise(string text, string language)
    {
        var sb = new StringBuilder(text.Length + 8);
        var wordStart = 0;
        for (var i = 0; i <= text.Length; i++)
        {
            if (i == text.Length || !char.IsLetter(text[i]) && !ClaimantNames.IsApostrophe(text[i]))
            {
                if (i > wordStart)
                {
                    RomaniseWord(sb, text.AsSpan(wordStart, i - wordStart), language);
                }

                if (i < text.Length)
                {
                    sb.Append(text[i]);
                }

                wordStart = i + 1;
            }
        }

        return sb.ToString();
    }

    private static bool IsNameWord(string w) =>
        w.Length > 1 && char.IsUpper(w[0]) && w.Skip(1).Any(char.IsLower) && TextLanguage.StartsCyrillic(w);

    private static void RomaniseWord(StringBuilder sb, ReadOnlySpan<char> word, string language)
    {
        var ukrainian = language == TextLanguage.Ukrainian;
        foreach (var c in word)
        {
            switch (char.ToLowerInvariant(c))
            {
                case 'і' or 'ї' or 'є' or 'ґ':
                    ukrainian = true;
                    goto done;
                case 'ы' or 'э' or 'ё' or 'ъ':
                    ukrainian = false;
                    goto done;
            }
        }

    done:
        for (var i = 0; i < word.Length; i++)
        {
            var c = word[i];
            var lower = char.ToLowerInvariant(c);
            var first = i == 0;
            var afterVowel = i > 0 && "аеєиіїоуюяыэё".Contains(char.ToLowerInvariant(word[i - 1]), StringComparison.Ordinal);
            var latin = ukrainian ? Ukrainian(lower, first) : Russian(lower, afterVowel);
            if (latin is null)
            {
                sb.Append(c);
                continue;
            }

            // "зг" is zgh in Ukrainian, so that it is not read as zh.
            if (ukrainian && lower == 'г' && i > 0 && char.ToLowerInvariant(word[i - 1]) == 'з')
            {
                latin = "gh";
            }

            if (latin.Length == 0)
            {
                continue;
            }

            sb.Append(char.IsUpper(c) ? char.ToUpperInvariant(latin[0]) + latin[1..] : latin);
        }
    }

    private static string? Ukrainian(char c, bool first) => c switch
    {
        'а' => "a", 'б' => "b", 'в' => "v", 'г' => "h", 'ґ' => "g", 'д' => "d", 'е' => "e", 'є' => first ? "ye" : "ie",
        'ж' => "zh", 'з' => "z", 'и' => "y", 'і' => "i", 'ї' => first ? "yi" : "i", 'й' => first ? "y" : "i", 'к' => "k",
        'л' => "l", 'м' => "m", 'н' => "n", 'о' => "o", 'п' => "p", 'р' => "r", 'с' => "s", 'т' => "t", 'у' => "u",
        'ф' => "f", 'х' => "kh", 'ц' => "ts", 'ч' => "ch", 'ш' => "sh", 'щ' => "shch", 'ь' => "", 'ю' => first ? "yu" : "iu",
        'я' => first ? "ya" : "ia", '\'' or '’' or 'ʼ' => "",
        _ => null,
    };

    private static string? Russian(char c, bool afterVowel) => c switch
    {
        'а' => "a", 'б' => "b", 'в' => "v", 'г' => "g", 'д' => "d", 'е' => "e", 'ё' => "yo", 'ж' => "zh", 'з' => "z",
        'и' => "i", 'й' => afterVowel ? "i" : "y", 'к' => "k", 'л' => "l", 'м' => "m", 'н' => "n", 'о' => "o", 'п' => "p",
        'р' => "r", 'с' => "s", 'т' => "t", 'у' => "u", 'ф' => "f", 'х' => "kh", 'ц' => "ts", 'ч' => "ch", 'ш' => "sh",
        'щ' => "shch", 'ъ' => "", 'ы' => "y", 'ь' => "", 'э' => "e", 'ю' => "yu", 'я' => "ya",
        _ => null,
    };
}
