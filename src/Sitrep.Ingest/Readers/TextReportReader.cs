using System.Collections.Immutable;
using System.Globalization;
using Sitrep.Core;

namespace Sitrep.Ingest.Readers;

/// <summary>
/// Reads a plain-text report with an optional header: <c>key: value</c> lines up to a line that is exactly
/// <c>---</c>. <c>published</c> is <c>YYYY-MM-DD</c> or <c>unknown</c>. Without a header the whole text is the body.
/// The body's first non-empty line is taken as the headline.
/// </summary>
public static class TextReportReader
{
    public static ReadResult Parse(string source, string id, string content)
    {
        content = content.Replace("\r\n", "\n", StringComparison.Ordinal);
        if (content.Length > 0 && content[0] == '\uFEFF')
        {
            content = content[1..];
        }

        var meta = ImmutableDictionary.CreateBuilder<string, string>(StringComparer.OrdinalIgnoreCase);
        var body = content;
        var headerEnd = FindHeaderEnd(content);
        if (headerEnd >= 0)
        {
            foreach (var line in content[..headerEnd].Split('\n'))
            {
                if (line.Length == 0)
                {
                    continue;
                }

                var colon = line.IndexOf(':', StringComparison.Ordinal);
                meta[line[..colon].Trim()] = line[(colon + 1)..].Trim();
            }

            var after = content.IndexOf('\n', headerEnd);
            body = after < 0 ? "" : content[(after + 1)..];
        }

        if (string.IsNullOrWhiteSpace(body))
        {
            return ReadResult.Fail(source, headerEnd >= 0 ? ErrorCatalogue.NoText(source) : ErrorCatalogue.Empty(source));
        }

        DateOnly? published = null;
        if (meta.TryGetValue("published", out var p) && !string.Equals(p, "unknown", StringComparison.OrdinalIgnoreCase) && p.Length > 0)
        {
            if (!TryParseDate(p, out var d))
            {
                return ReadResult.Fail(source, ErrorCatalogue.BadHeader(source, $"published '{p}' is not YYYY-MM-DD or 'unknown'"));
            }

            published = d;
        }

        var title = FirstLine(body);
        var article = new Article(
            id,
            body,
            Title: meta.TryGetValue("title", out var t) ? t : title,
            Url: meta.GetValueOrDefault("url"),
            Published: published,
            Source: meta.GetValueOrDefault("source"),
            Language: meta.GetValueOrDefault("language"))
        {
            Metadata = meta.ToImmutable(),
        };
        return ReadResult.Success(source, article);
    }

    /// <summary>Parses YYYY-MM-DD, also accepting a full ISO timestamp (its date part).</summary>
    public static bool TryParseDate(string s, out DateOnly date)
    {
        s = s.Trim();
        if (s.Length >= 10 && DateOnly.TryParseExact(s.AsSpan(0, 10), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date))
        {
            return true;
        }

        if (DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out var dto))
        {
            date = DateOnly.FromDateTime(dto.Date);
            return true;
        }

        date = default;
        return false;
    }

    /// <summary>Offset of the <c>---</c> line when every line before it is <c>key: value</c>; otherwise -1.</summary>
    private static int FindHeaderEnd(string content)
    {
        var pos = 0;
        var lines = 0;
        while (pos < content.Length && lines < 64)
        {
            var nl = content.IndexOf('\n', pos);
            var end = nl < 0 ? content.Length : nl;
            var line = content.AsSpan(pos, end - pos).TrimEnd();
            if (line.SequenceEqual("---"))
            {
                return lines > 0 ? pos : -1;
            }

            var colon = line.IndexOf(':');
            if (line.Length == 0 || colon <= 0 || colon > 40 || line[..colon].ContainsAny(' ', '\t'))
            {
                return -1;
            }

            lines++;
            if (nl < 0)
            {
                break;
            }

            pos = nl + 1;
        }

        return -1;
    }

    private static string? FirstLine(string body)
    {
        foreach (var line in body.Split('\n'))
        {
            var t = line.Trim();
            if (t.Length > 0)
            {
                return t.Length > 300 ? t[..300] : t;
            }
        }

        return null;
    }
}
