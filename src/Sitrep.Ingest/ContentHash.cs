using System.Security.Cryptography;
using System.Text;

namespace Sitrep.Ingest;

/// <summary>
/// SHA-256 of a report's normalized text, as 64 lowercase hex digits. Two copies of a report that differ only
/// in line endings, spaces, blank-line runs or a byte-order mark hash the same; any change of words gives a new
/// hash (an edited report is a new version). Unicode normalization is deliberately not applied: it depends on the
/// globalization mode the process runs in, and a hash must not change with it.
/// </summary>
public static class ContentHash
{
    public static string Of(string text)
    {
        var normalized = Normalize(text);
        var bytes = Encoding.UTF8.GetBytes(normalized);
        return Convert.ToHexStringLower(SHA256.HashData(bytes));
    }

    /// <summary>
    /// CRLF and CR to LF; leading and trailing whitespace of each line dropped; tabs and runs of spaces inside a line
    /// kept as one space; three or more line breaks as two; leading and trailing blank lines dropped.
    /// </summary>
    public static string Normalize(string text)
    {
        if (text.Length > 0 && text[0] == '\uFEFF')
        {
            text = text[1..];
        }

        var sb = new StringBuilder(text.Length);
        var pendingBreaks = 0;
        var pendingSpace = false;
        var lineHasText = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c is '\r' or '\n')
            {
                if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                {
                    i++;
                }

                pendingSpace = false;
                lineHasText = false;
                pendingBreaks++;
                continue;
            }

            if (c is ' ' or '\t' or '\u00A0')
            {
                pendingSpace = lineHasText;
                continue;
            }

            if (pendingBreaks > 0)
            {
                if (sb.Length > 0)
                {
                    sb.Append('\n', Math.Min(pendingBreaks, 2));
                }

                pendingBreaks = 0;
            }
            else if (pendingSpace)
            {
                sb.Append(' ');
            }

            pendingSpace = false;
            lineHasText = true;
            sb.Append(c);
        }

        return sb.ToString();
    }
}
