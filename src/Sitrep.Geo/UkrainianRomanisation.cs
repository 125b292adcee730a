using Sitrep.Core;

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
    public static string Romanise(string name) => Romanisation.Ukrainian(name);

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
