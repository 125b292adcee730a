using System.Globalization;
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

    public static bool IsApostrophe(char ch) => ch is '\'' or '’' or 'ʼ' or '‘' or '`' or 'ʹ' or '´';

    private static void AppendFolded(StringBuilder sb, char ch)
    {
        if (ch < 128)
        {
            sb.Append(char.ToLowerInvariant(ch));
            return;
        }

        switch (ch)
        {
            case 'ё' or 'Ё':
                sb.Append('е');
                return;
            case 'й' or 'Й':
                sb.Append('й');
                return;
            case 'ß':
                sb.Append("ss");
                return;
        }

        var decomposed = ch.ToString().Normalize(NormalizationForm.FormD);
        foreach (var d in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(d) != UnicodeCategory.NonSpacingMark)
            {
                sb.Append(char.ToLowerInvariant(d));
            }
        }
    }
}
