using System.Text;

namespace Sitrep.Geo;

/// <summary>
/// Ukraine's national romanisation (Cabinet of Ministers resolution No. 55 of 27 January 2010, "KMU 2010"), the
/// spelling of Ukraine's own maps, passports and road signs: Київ → Kyiv, Ізмаїл → Izmail, Костянтинівка →
/// Kostiantynivka, Запоріжжя → Zaporizhzhia, Згурівка → Zghurivka. The gazetteer names its Ukrainian places so.
/// </summary>
public static class UkrainianRomanisation
{
    /// <summary>The letters of the Ukrainian alphabet that Russian lacks: a name with one is Ukrainian, not Russian.</summary>
    private const string UkrainianOnly = "ієїґ";

    /// <summary>Lowercase letters of the Ukrainian alphabet.</summary>
    private const string Alphabet = "абвгґдеєжзиіїйклмнопрстуфхцчшщьюя";

    /// <summary>
    /// The KMU 2010 romanisation of a Ukrainian name: є, ї, й, ю, я are ye, yi, y, yu, ya at the start of a word and
    /// ie, i, i, iu, ia elsewhere; зг is zgh (not zh); the soft sign and the apostrophe are dropped; a capital
    /// letter's romanisation is capitalised (Щ → Shch). Letters outside the Ukrainian alphabet are kept.
    /// </summary>
    public static string Romanise(string name)
    {
        var sb = new StringBuilder(name.Length * 2);
        for (var i = 0; i < name.Length; i++)
        {
            var ch = name[i];
            var lower = char.ToLowerInvariant(ch);
            var initial = i == 0 || !char.IsLetter(name[i - 1]) && !PlaceNames.IsApostrophe(name[i - 1]);
            var latin = lower switch
            {
                'а' => "a",
                'б' => "b",
                'в' => "v",
                'г' => i > 0 && char.ToLowerInvariant(name[i - 1]) == 'з' ? "gh" : "h",
                'ґ' => "g",
                'д' => "d",
                'е' => "e",
                'є' => initial ? "ye" : "ie",
                'ж' => "zh",
                'з' => "z",
                'и' => "y",
                'і' => "i",
                'ї' => initial ? "yi" : "i",
                'й' => initial ? "y" : "i",
                'к' => "k",
                'л' => "l",
                'м' => "m",
                'н' => "n",
                'о' => "o",
                'п' => "p",
                'р' => "r",
                'с' => "s",
                'т' => "t",
                'у' => "u",
                'ф' => "f",
                'х' => "kh",
                'ц' => "ts",
                'ч' => "ch",
                'ш' => "sh",
                'щ' => "shch",
                'ь' => "",
                'ю' => initial ? "yu" : "iu",
                'я' => initial ? "ya" : "ia",
                _ when PlaceNames.IsApostrophe(ch) => "",
                _ => null,
            };
            if (latin is null)
            {
                sb.Append(ch);
            }
            else if (latin.Length > 0 && ch != lower)
            {
                sb.Append(char.ToUpperInvariant(latin[0])).Append(latin.AsSpan(1));
            }
            else
            {
                sb.Append(latin);
            }
        }

        return sb.ToString();
    }

    /// <summary>
    /// Whether a Cyrillic name is written in Ukrainian: only letters of the Ukrainian alphabet (no ы, э, ъ, ё of
    /// Russian, no ў of Belarusian), at least one letter Russian lacks (і, ї, є, ґ, or the apostrophe inside a word), and not all capitals.
    /// </summary>
    public static bool IsUkrainian(string name)
    {
        var any = false;
        var lowercase = false;
        for (var i = 0; i < name.Length; i++)
        {
            var ch = name[i];
            if (!char.IsLetter(ch))
            {
                if (!(ch is ' ' or '-' || PlaceNames.IsApostrophe(ch)))
                {
                    return false;
                }

                // The apostrophe inside a word (Кам'янське) is Ukrainian; Russian writes ъ.
                any |= PlaceNames.IsApostrophe(ch) && i > 0 && i + 1 < name.Length && char.IsLetter(name[i - 1]) && char.IsLetter(name[i + 1]);
                continue;
            }

            var lower = char.ToLowerInvariant(ch);
            if (!Alphabet.Contains(lower, StringComparison.Ordinal))
            {
                return false;
            }

            lowercase |= ch == lower;
            any |= UkrainianOnly.Contains(lower, StringComparison.Ordinal);
        }

        return any && lowercase;
    }
}
