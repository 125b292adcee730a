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

    /// <summary>Cyrillic in Latin letters (<see cref="Romanisation.Romanise"/>): Кіпер → Kiper, Богомаз → Bogomaz.</summary>
    public static string Romanise(string text, string language) => Romanisation.Romanise(text, language);

    private static bool IsNameWord(string w) =>
        w.Length > 1 && char.IsUpper(w[0]) && w.Skip(1).Any(char.IsLower) && TextLanguage.StartsCyrillic(w);
}
