using System.Collections.Immutable;
using System.Text;

namespace Sitrep.Core.Claimants;

/// <summary>
/// Folding of a claimant's words to the tokens the registry compares: lowercase, diacritics stripped (ï → i,
/// ё → е, ґ → г), apostrophes and quotes dropped ("Dnipropetrovs'k" → dnipropetrovsk), a possessive 's dropped
/// ("Ukraine's" → ukraine), and anything that is neither a letter nor a digit a separator (hyphens, dots,
/// commas). Pure functions; they do not depend on ICU (the apps run with InvariantGlobalization).
/// </summary>
public static class ClaimantNames
{
    /// <summary>The folded tokens of <paramref name="text"/>; with <paramref name="keepStems"/>, a '*' that ends a word stays on it.</summary>
    public static ImmutableArray<string> Tokens(ReadOnlySpan<char> text, bool keepStems = false)
    {
        var tokens = ImmutableArray.CreateBuilder<string>();
        var sb = new StringBuilder(16);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (IsApostrophe(c))
            {
                // A possessive 's (or the s' of a plural) ends the word: "Ukraine's" → ukraine.
                if (sb.Length > 0 && i + 1 < text.Length && text[i + 1] is 's' or 'S' && (i + 2 == text.Length || !char.IsLetterOrDigit(text[i + 2])))
                {
                    i++;
                }

                continue;
            }

            if (char.GetUnicodeCategory(c) == System.Globalization.UnicodeCategory.NonSpacingMark)
            {
                continue; // a combining mark of decomposed text ("й" as и + U+0306) stays inside its word
            }

            if (char.IsLetterOrDigit(c))
            {
                Append(sb, c);
                continue;
            }

            if (c == '*' && keepStems && sb.Length > 0)
            {
                sb.Append('*');
            }

            Flush(tokens, sb);
        }

        Flush(tokens, sb);
        return tokens.ToImmutable();
    }

    /// <summary>The folded tokens joined by single spaces: "the Governor of Russia's Kursk Region" → "the governor of russia kursk region".</summary>
    public static string Fold(ReadOnlySpan<char> text) => string.Join(' ', Tokens(text));

    public static bool IsApostrophe(char c) => c is '\'' or '’' or 'ʼ' or '‘' or '`' or '´' or 'ʹ';

    private static void Flush(ImmutableArray<string>.Builder tokens, StringBuilder sb)
    {
        if (sb.Length > 0)
        {
            tokens.Add(sb.ToString());
            sb.Clear();
        }
    }

    private static void Append(StringBuilder sb, char c)
    {
        if (c < 128)
        {
            sb.Append(char.ToLowerInvariant(c));
            return;
        }

        var lower = char.ToLowerInvariant(c);
        var folded = lower switch
        {
            'à' or 'á' or 'â' or 'ã' or 'ä' or 'å' or 'ā' or 'ă' or 'ą' => 'a',
            'ç' or 'ć' or 'č' or 'ĉ' => 'c',
            'ď' or 'đ' => 'd',
            'è' or 'é' or 'ê' or 'ë' or 'ē' or 'ė' or 'ę' or 'ě' => 'e',
            'ğ' or 'ģ' => 'g',
            'ì' or 'í' or 'î' or 'ï' or 'ī' or 'į' or 'ı' => 'i',
            'ķ' => 'k',
            'ł' or 'ľ' or 'ļ' => 'l',
            'ñ' or 'ń' or 'ň' or 'ņ' => 'n',
            'ò' or 'ó' or 'ô' or 'õ' or 'ö' or 'ø' or 'ō' or 'ő' => 'o',
            'ř' => 'r',
            'ś' or 'š' or 'ş' or 'ș' => 's',
            'ť' or 'ţ' or 'ț' => 't',
            'ù' or 'ú' or 'û' or 'ü' or 'ū' or 'ů' or 'ű' => 'u',
            'ý' or 'ÿ' => 'y',
            'ź' or 'ż' or 'ž' => 'z',
            'ё' => 'е',
            'ґ' => 'г',
            _ => lower,
        };

        sb.Append(folded);
    }
}
