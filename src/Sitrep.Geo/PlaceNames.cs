using System.Text;

namespace Sitrep.Geo;

/// <summary>Folding of place names to gazetteer keys. Pure functions, no allocation beyond the result.</summary>
public static class PlaceNames
{
    /// <summary>
    /// Lowercases, strips diacritics (ï → i, ё → е), drops apostrophes (’ ' ʼ), turns hyphens and
    /// whitespace runs into single spaces, and trims. "Dnipropetrovs'k" → "dnipropetrovsk".
    /// </summary>
    public static string Fold(ReadOnlySpan<char> text)
    {
        var sb = new StringBuilder(text.Length);
        var pendingSpace = false;
        foreach (var ch in text)
        {
            if (IsApostrophe(ch))
            {
                continue;
            }

            if (char.IsWhiteSpace(ch) || ch is '-' or '‐' or '‑' or '–' or '—' or '.' or ',')
            {
                pendingSpace = sb.Length > 0;
                continue;
            }

            if (pendingSpace)
            {
                sb.Append(' ');
                pendingSpace = false;
            }

            AppendFolded(sb, ch);
        }

        return sb.ToString();
    }

    /// <summary>The longest folded name <see cref="Skeleton"/> accepts; longer names have no skeleton.</summary>
    public const int MaxSkeletonInput = 120;

    /// <summary>
    /// Writes the romanisation skeleton of a folded Latin name into <paramref name="destination"/> and returns
    /// its length: a key that is the same for the usual Ukrainian and Russian transliterations of one name.
    /// kh, gh, g and h become h; zh, sh, ch, shch and ts/tz/c collapse to one sound each; y, j, i and ï become i,
    /// and an i before a vowel is dropped (ya/ia/a, ye/ie/e, yu/iu/u, -skyi/-sky/-skiy/-skij all agree); w
    /// becomes v; doubled letters become one (zhzh, ss). So "Zaporizhzhia", "Zaporizhia" and "Zaporizhzhya"
    /// share a skeleton, as do "Kyiv" and "Kyjiv", "Avdiivka" and "Avdiyivka", "Mykolaiv" and "Mykolayiv".
    /// Vowel changes between the languages (Kharkiv/Kharkov) are not bridged: those come from alternate names.
    /// Non-Latin letters are copied. Returns -1 when the destination is too small (it needs 2 × input + 1) or
    /// the input is longer than <see cref="MaxSkeletonInput"/>. Allocates nothing.
    /// </summary>
    public static int Skeleton(ReadOnlySpan<char> folded, Span<char> destination)
    {
        if (folded.Length > MaxSkeletonInput || destination.Length < folded.Length + 1)
        {
            return -1;
        }

        // Pass 1: digraphs to single placeholder letters (uppercase, which folded input never has).
        var n = 0;
        for (var i = 0; i < folded.Length; i++)
        {
            var c = folded[i];
            var next = i + 1 < folded.Length ? folded[i + 1] : '\0';
            char mapped;
            switch (c)
            {
                case 's' when next == 'h' && i + 3 < folded.Length && folded[i + 2] == 'c' && folded[i + 3] == 'h':
                    mapped = 'W'; // shch
                    i += 3;
                    break;
                case 's' when next == 'c' && i + 2 < folded.Length && folded[i + 2] == 'h':
                    mapped = 'W'; // sch
                    i += 2;
                    break;
                case 's' when next is 'h' or 'z':
                    mapped = 'S';
                    i++;
                    break;
                case 'z' when next == 'h':
                    mapped = 'Z';
                    i++;
                    break;
                case 't' when next == 'c' && i + 2 < folded.Length && folded[i + 2] == 'h':
                    mapped = 'Q'; // tch
                    i += 2;
                    break;
                case 'c' when next is 'h' or 'z':
                    mapped = 'Q';
                    i++;
                    break;
                case 't' when next is 's' or 'z':
                    mapped = 'C';
                    i++;
                    break;
                case 'c':
                    mapped = 'C';
                    break;
                case 'k' when next == 'h':
                    mapped = 'h';
                    i++;
                    break;
                case 'g' when next == 'h':
                    mapped = 'h';
                    i++;
                    break;
                case 'g':
                    mapped = 'h';
                    break;
                case 'y' or 'j':
                    mapped = 'i';
                    break;
                case 'w':
                    mapped = 'v';
                    break;
                default:
                    mapped = c;
                    break;
            }

            // Doubled letters become one ("zhzh", "ss", "ii").
            if (n > 0 && destination[n - 1] == mapped && mapped != ' ')
            {
                continue;
            }

            destination[n++] = mapped;
        }

        // Pass 2: an i before a vowel is a glide ("ia", "ye" -> "ie", "iu"): drop it, then collapse again.
        var m = 0;
        for (var i = 0; i < n; i++)
        {
            var c = destination[i];
            if (c == 'i' && i + 1 < n && destination[i + 1] is 'a' or 'e' or 'o' or 'u')
            {
                continue;
            }

            if (m > 0 && destination[m - 1] == c && c != ' ')
            {
                continue;
            }

            destination[m++] = c;
        }

        return m;
    }

    /// <summary>The skeleton as a string (see <see cref="Skeleton(ReadOnlySpan{char}, Span{char})"/>); the input itself when it has none.</summary>
    public static string Skeleton(string folded)
    {
        Span<char> buffer = stackalloc char[(MaxSkeletonInput * 2) + 2];
        var n = Skeleton(folded, buffer);
        return n < 0 ? folded : new string(buffer[..n]);
    }

    /// <summary>True when the text has a Cyrillic letter.</summary>
    public static bool HasCyrillic(ReadOnlySpan<char> text)
    {
        foreach (var ch in text)
        {
            if (ch is >= '\u0400' and <= '\u04FF')
            {
                return true;
            }
        }

        return false;
    }

    public static bool IsApostrophe(char ch) => ch is '\'' or '’' or 'ʼ' or '‘' or '`' or 'ʹ' or '´';

    // Base letters of U+00C0–U+024F, U+1E00–U+1EFF and U+0400–U+04FF ('\0': none), generated from Unicode's
    // canonical decompositions. Folding must not depend on ICU: the apps run with InvariantGlobalization,
    // where string.Normalize leaves non-ASCII letters as they are.
    private const string Latin = "aaaaaa\0ceeeeiiii\0nooooo\0\0uuuuy\0\0aaaaaa\0ceeeeiiii\0nooooo\0\0uuuuy\0yaaaaaaccccccccdd\0\0eeeeeeeeeegggggggghh\0\0iiiiiiiii\0\0\0jjkk\0llllll\0\0\0\0nnnnnn\0\0\0oooooo\0\0rrrrrrsssssssstttt\0\0uuuuuuuuuuuuwwyyyzzzzzz\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0oo\0\0\0\0\0\0\0\0\0\0\0\0\0uu\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0aaiioouuuuuuuuuu\0aaaa\0\0\0\0ggkkoooo\0\0j\0\0\0gg\0\0nnaa\0\0\0\0aaaaeeeeiiiioooorrrruuuusstt\0\0hh\0\0\0\0\0\0aaeeooooooooyy\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0";
    private const string LatinAdditional = "aabbbbbbccddddddddddeeeeeeeeeeffgghhhhhhhhhhiiiikkkkkkllllllllmmmmmmnnnnnnnnoooooooopppprrrrrrrrssssssssssttttttttuuuuuuuuuuvvvvwwwwwwwwwwxxxxyyzzzzzzhtwy\0\0\0\0\0\0aaaaaaaaaaaaaaaaaaaaaaaaeeeeeeeeeeeeeeeeiiiioooooooooooooooooooooooouuuuuuuuuuuuuuyyyyyyyy\0\0\0\0\0\0";
    private const string Cyrillic = "\u0435\u0435\0\u0433\0\0\0\u0456\0\0\0\0\u043a\u0438\u0443\0\0\0\0\0\0\0\0\0\0\u0439\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\u0439\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\u0435\u0435\0\u0433\0\0\0\u0456\0\0\0\0\u043a\u0438\u0443\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\u0475\u0475\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\u0436\u0436\0\0\0\0\0\0\0\0\0\0\0\0\0\u0430\u0430\u0430\u0430\0\0\u0435\u0435\0\0\u04d9\u04d9\u0436\u0436\u0437\u0437\0\0\u0438\u0438\u0438\u0438\u043e\u043e\0\0\u04e9\u04e9\u044d\u044d\u0443\u0443\u0443\u0443\u0443\u0443\u0447\u0447\0\0\u044b\u044b\0\0\0\0\0\0";

    private static void AppendFolded(StringBuilder sb, char ch)
    {
        if (ch < 128)
        {
            sb.Append(char.ToLowerInvariant(ch));
            return;
        }

        if (ch is >= '\u0300' and <= '\u036F')
        {
            return; // a combining mark of already decomposed text
        }

        switch (ch)
        {
            case 'Æ' or 'æ':
                sb.Append("ae");
                return;
            case 'Œ' or 'œ':
                sb.Append("oe");
                return;
            case 'ß':
                sb.Append("ss");
                return;
            case 'Þ' or 'þ':
                sb.Append("th");
                return;
            case 'Ĳ' or 'ĳ':
                sb.Append("ij");
                return;
            case 'Ø' or 'ø':
                sb.Append('o');
                return;
            case 'Đ' or 'đ' or 'Ð' or 'ð':
                sb.Append('d');
                return;
            case 'Ł' or 'ł':
                sb.Append('l');
                return;
            case 'Ħ' or 'ħ':
                sb.Append('h');
                return;
            case 'ı':
                sb.Append('i');
                return;
            case 'Ŧ' or 'ŧ':
                sb.Append('t');
                return;
        }

        var mapped = ch switch
        {
            >= '\u00C0' and <= '\u024F' => Latin[ch - '\u00C0'],
            >= '\u1E00' and <= '\u1EFF' => LatinAdditional[ch - '\u1E00'],
            >= '\u0400' and <= '\u04FF' => Cyrillic[ch - '\u0400'],
            _ => '\0',
        };
        sb.Append(mapped != '\0' ? mapped : char.ToLowerInvariant(ch));
    }
}
