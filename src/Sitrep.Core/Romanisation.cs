using System.Text;
using Sitrep.Core.Claimants;

namespace Sitrep.Core;

/// <summary>Cyrillic in Latin letters, for people's names (<see cref="ClaimantEnglish"/>) and the gazetteer's place names.</summary>
public static class Romanisation
{
    /// <summary>
    /// Cyrillic in Latin letters: Ukrainian by the national system of 2010 (Кіпер → Kiper, Синєгубов → Syniehubov),
    /// Russian by a BGN-like one (Богомаз → Bogomaz, Вячеслав → Vyacheslav). Letters only Ukrainian writes (і ї є ґ) or
    /// only Russian writes (ы э ё ъ) choose per word; otherwise <paramref name="language"/> does. Other characters stay.
    /// </summary>
    public static string Romanise(string text, string language) => Romanise(text, language, perWord: true);

    /// <summary>
    /// Ukrainian by the national system of 2010 (KMU 2010) whatever its letters: Ізмаїл → Izmail, Костянтинівка →
    /// Kostiantynivka, Згурівка → Zghurivka; є, ї, й, ю, я are ye, yi, y, yu, ya at the start of a word and ie, i, i, iu, ia
    /// elsewhere; the soft sign and the apostrophe are dropped; letters outside the Ukrainian alphabet are kept.
    /// </summary>
    public static string Ukrainian(string text) => Romanise(text, TextLanguage.Ukrainian, perWord: false);

    private static string Romanise(string text, string language, bool perWord)
    {
        var sb = new StringBuilder(text.Length + 8);
        var wordStart = 0;
        for (var i = 0; i <= text.Length; i++)
        {
            if (i == text.Length || !char.IsLetter(text[i]) && !ClaimantNames.IsApostrophe(text[i]))
            {
                if (i > wordStart)
                {
                    RomaniseWord(sb, text.AsSpan(wordStart, i - wordStart), language, perWord);
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

    private static void RomaniseWord(StringBuilder sb, ReadOnlySpan<char> word, string language, bool perWord)
    {
        var ukrainian = language == TextLanguage.Ukrainian;
        foreach (var c in perWord ? word : [])
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
        'я' => first ? "ya" : "ia", _ when ClaimantNames.IsApostrophe(c) => "",
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
