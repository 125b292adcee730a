using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using Sitrep.Core;

namespace Sitrep.Ingest.Readers;

/// <summary>
/// Reads reports from JSON and JSON Lines. A record is a JSON object with these fields (first name found wins;
/// names are matched case-insensitively):
/// <list type="table">
/// <item><term>text, body, content, article, description</term><description>the report text (required; HTML is turned into text)</description></item>
/// <item><term>title, headline</term><description>the headline; put on the first line when the text does not start with it</description></item>
/// <item><term>url, link, canonical_url</term><description>where it was published</description></item>
/// <item><term>published, date, published_at, publishedAt, pubDate, datePublished, seendate</term><description>YYYY-MM-DD or an ISO timestamp</description></item>
/// <item><term>source, publisher, outlet, domain</term><description>who published it</description></item>
/// <item><term>language, lang</term><description>ISO 639-1 code</description></item>
/// <item><term>id</term><description>the report's own id (otherwise the file name and record number)</description></item>
/// </list>
/// A JSON file holds one record, an array of records, or an object with an <c>articles</c>, <c>items</c>,
/// <c>reports</c> or <c>data</c> array. JSON Lines holds one record per line. Bad records are reported and
/// skipped; the others are read.
/// </summary>
public static class JsonReportReader
{
    private static readonly string[] TextFields = ["text", "body", "content", "article", "description"];
    private static readonly string[] TitleFields = ["title", "headline"];
    private static readonly string[] UrlFields = ["url", "link", "canonical_url", "canonicalUrl"];
    private static readonly string[] PublishedFields = ["published", "date", "published_at", "publishedAt", "pubDate", "datePublished", "seendate"];
    private static readonly string[] SourceFields = ["source", "publisher", "outlet", "domain"];
    private static readonly string[] LanguageFields = ["language", "lang"];
    private static readonly string[] ArrayFields = ["articles", "items", "reports", "data"];

    private static readonly JsonDocumentOptions Options = new()
    {
        AllowTrailingCommas = true,
        CommentHandling = JsonCommentHandling.Skip,
        MaxDepth = 64,
    };

    /// <summary>Why text handed over as a string (not read from a file, which is checked UTF-8) cannot be parsed: a lone surrogate.</summary>
    private const string NotUnicode = "it holds text that is not valid Unicode (half of a surrogate pair)";

    /// <summary>Reads a JSON document: one record, an array of records, or an object wrapping an array.</summary>
    public static ReadResult ParseJson(string source, string id, string json)
    {
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(json, Options);
        }
        catch (JsonException e)
        {
            return ReadResult.Fail(source, ErrorCatalogue.Malformed(source, "JSON", Describe(e)));
        }
        catch (ArgumentException)
        {
            return ReadResult.Fail(source, ErrorCatalogue.Malformed(source, "JSON", NotUnicode));
        }

        using (doc)
        {
            try
            {
                return Records(source, id, doc);
            }
            catch (InvalidOperationException)
            {
                // The text of a name or value is an escaped half of a surrogate pair ("\ud800"): no string holds it.
                return ReadResult.Fail(source, ErrorCatalogue.Malformed(source, "JSON", NotUnicode));
            }
        }
    }

    private static ReadResult Records(string source, string id, JsonDocument doc)
    {
        {
            var root = doc.RootElement;
            if (root.ValueKind == JsonValueKind.Object)
            {
                foreach (var name in ArrayFields)
                {
                    if (TryGet(root, name, out var arr) && arr.ValueKind == JsonValueKind.Array && Find(root, TextFields) is null)
                    {
                        root = arr;
                        break;
                    }
                }
            }

            var problems = new RecordProblems(source);
            if (root.ValueKind == JsonValueKind.Array)
            {
                var n = 0;
                foreach (var item in root.EnumerateArray())
                {
                    n++;
                    try
                    {
                        AddRecord(problems, source, $"{id}#{n}", $"record {n}", item);
                    }
                    catch (InvalidOperationException)
                    {
                        // An escaped half of a surrogate pair ("\ud800") costs that record, never the file's others.
                        problems.Fail(ErrorCatalogue.Malformed(source, "JSON", $"record {n}: {NotUnicode}"));
                    }
                }

                return problems.ToResult();
            }

            if (root.ValueKind != JsonValueKind.Object)
            {
                return ReadResult.Fail(source, ErrorCatalogue.Malformed(source, "JSON", $"the top level is a {root.ValueKind.ToString().ToLowerInvariant()}, not an object or an array of objects"));
            }

            AddRecord(problems, source, id, "the record", root);
            return problems.ToResult();
        }
    }

    /// <summary>Reads JSON Lines: one record per non-blank line.</summary>
    public static ReadResult ParseJsonLines(string source, string id, string content)
    {
        var problems = new RecordProblems(source);
        var lineNo = 0;
        foreach (var raw in content.Split('\n'))
        {
            lineNo++;
            var line = raw.Trim();
            if (line.Length == 0)
            {
                continue;
            }

            try
            {
                using var doc = JsonDocument.Parse(line, Options);
                AddRecord(problems, source, $"{id}#{lineNo}", $"line {lineNo}", doc.RootElement);
            }
            catch (JsonException e)
            {
                problems.Fail(ErrorCatalogue.Malformed(source, "JSON Lines", $"line {lineNo}: {Describe(e)}"));
            }
            catch (Exception e) when (e is ArgumentException or InvalidOperationException)
            {
                // One line's bad text (a lone surrogate, raw or escaped) costs that line, never the file's other records.
                problems.Fail(ErrorCatalogue.Malformed(source, "JSON Lines", $"line {lineNo}: {NotUnicode}"));
            }
        }

        if (problems.Total == 0)
        {
            return ReadResult.Fail(source, ErrorCatalogue.Empty(source));
        }

        return problems.ToResult();
    }

    /// <summary>
    /// <see cref="Add"/>, with a string the JSON escapes into bad UTF-16 ("\ud800" alone, which JSON's grammar allows)
    /// costing that record only.
    /// </summary>
    private static void AddRecord(RecordProblems problems, string source, string defaultId, string record, JsonElement e)
    {
        try
        {
            Add(problems, source, defaultId, record, e);
        }
        catch (InvalidOperationException)
        {
            problems.Fail(ErrorCatalogue.Malformed(source, "JSON", $"{record} has a string escaping half of a surrogate pair (such as \\ud800 alone)"));
        }
    }

    private static void Add(RecordProblems problems, string source, string defaultId, string record, JsonElement e)
    {
        if (e.ValueKind != JsonValueKind.Object)
        {
            problems.Fail(ErrorCatalogue.Malformed(source, "JSON", $"{record} is a {e.ValueKind.ToString().ToLowerInvariant()}, not an object"));
            return;
        }

        var rawText = Find(e, TextFields);
        string? text = null;
        if (rawText is not null && !HtmlText.TryFromFragment(rawText, out text))
        {
            problems.Fail(ErrorCatalogue.TooDeep(source, record, HtmlText.MaxNesting));
            return;
        }

        if (string.IsNullOrWhiteSpace(text))
        {
            problems.Fail(ErrorCatalogue.MissingText(source, record));
            return;
        }

        DateOnly? published = null;
        var publishedRaw = Find(e, PublishedFields);
        if (publishedRaw is not null && publishedRaw.Length > 0 && !publishedRaw.Equals("unknown", StringComparison.OrdinalIgnoreCase))
        {
            if (!TryParsePublished(publishedRaw, out var d))
            {
                problems.Fail(ErrorCatalogue.BadField(source, record, "published", publishedRaw, "a date (YYYY-MM-DD or an ISO timestamp)"));
                return;
            }

            published = d;
        }

        var title = Find(e, TitleFields) is { } t ? HtmlText.Collapse(t) : null;
        if (title is { Length: 0 })
        {
            title = null;
        }

        text = text.Trim();
        if (title is not null && !text.StartsWith(title, StringComparison.Ordinal))
        {
            text = title + "\n\n" + text;
        }

        var meta = ImmutableDictionary.CreateBuilder<string, string>(StringComparer.OrdinalIgnoreCase);
        meta["format"] = "json";
        foreach (var p in e.EnumerateObject())
        {
            if (p.Value.ValueKind is JsonValueKind.String or JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False
                && !TextFields.Contains(p.Name, StringComparer.OrdinalIgnoreCase))
            {
                var v = p.Value.ValueKind == JsonValueKind.String ? p.Value.GetString()! : p.Value.GetRawText();
                meta[p.Name] = v.Length > 500 ? v[..500] : v;
            }
        }

        var article = new Article(
            Find(e, ["id"]) ?? defaultId,
            text,
            Title: title ?? FirstLine(text),
            Url: Find(e, UrlFields),
            Published: published,
            Source: Find(e, SourceFields),
            Language: Find(e, LanguageFields))
        {
            Metadata = meta.ToImmutable(),
        };
        problems.Add(article);
    }

    /// <summary>YYYY-MM-DD, an ISO timestamp, or GDELT's compact <c>yyyyMMddTHHmmssZ</c> / <c>yyyyMMddHHmmss</c>.</summary>
    private static bool TryParsePublished(string s, out DateOnly date)
    {
        s = s.Trim();
        if (s.Length >= 8 && s.AsSpan(0, 8).ContainsAnyExceptInRange('0', '9') is false
            && DateOnly.TryParseExact(s.AsSpan(0, 8), "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date))
        {
            return true;
        }

        return TextReportReader.TryParseDate(s, out date) || FeedReader.TryParseFeedDate(s, out date);
    }

    private static string? Find(JsonElement e, string[] names)
    {
        foreach (var name in names)
        {
            if (TryGet(e, name, out var v))
            {
                switch (v.ValueKind)
                {
                    case JsonValueKind.String:
                        var s = v.GetString();
                        if (!string.IsNullOrWhiteSpace(s))
                        {
                            return s.Trim();
                        }

                        break;
                    case JsonValueKind.Number:
                        return v.GetRawText();
                    case JsonValueKind.Object when TryGet(v, "name", out var n) && n.ValueKind == JsonValueKind.String:
                        return n.GetString();
                }
            }
        }

        return null;
    }

    private static bool TryGet(JsonElement e, string name, out JsonElement value)
    {
        if (e.ValueKind == JsonValueKind.Object)
        {
            foreach (var p in e.EnumerateObject())
            {
                if (string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase))
                {
                    value = p.Value;
                    return true;
                }
            }
        }

        value = default;
        return false;
    }

    private static string Describe(JsonException e) =>
        e.LineNumber is { } line ? $"{FirstSentence(e.Message)} (line {line + 1}, byte {e.BytePositionInLine + 1})" : FirstSentence(e.Message);

    /// <summary>A System.Text.Json error message without its position suffixes (the reader says where itself).</summary>
    internal static string FirstSentence(string message)
    {
        foreach (var marker in (string[])[" LineNumber:", " Path:"])
        {
            var cut = message.IndexOf(marker, StringComparison.Ordinal);
            if (cut > 0)
            {
                message = message[..cut];
            }
        }

        return message.TrimEnd('.', ' ', '|');
    }

    private static string? FirstLine(string text)
    {
        var nl = text.IndexOf('\n', StringComparison.Ordinal);
        var line = (nl < 0 ? text : text[..nl]).Trim();
        return line.Length == 0 ? null : line.Length > 300 ? line[..300] : line;
    }
}
