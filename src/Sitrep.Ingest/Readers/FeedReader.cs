using System.Collections.Immutable;
using System.Globalization;
using System.Xml;
using System.Xml.Linq;
using Sitrep.Core;

namespace Sitrep.Ingest.Readers;

/// <summary>
/// Reads RSS 2.0, RSS 1.0 (RDF) and Atom feeds. Each item becomes an article: its title on the first line,
/// then the text of its full content (<c>content:encoded</c>, Atom <c>content</c>) or else its description or
/// summary, HTML turned into text; an item with only a title is read as that title. The link is the URL,
/// <c>pubDate</c> / <c>dc:date</c> / <c>published</c> / <c>updated</c> the publication date, the feed's title
/// the source. Links are not followed. DTDs are ignored and external entities never resolved.
/// </summary>
public static class FeedReader
{
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";
    private static readonly XNamespace Content = "http://purl.org/rss/1.0/modules/content/";
    private static readonly XNamespace Dc = "http://purl.org/dc/elements/1.1/";
    private static readonly XNamespace Rss1 = "http://purl.org/rss/1.0/";

    public static ReadResult Parse(string source, string id, string xml)
    {
        XDocument doc;
        try
        {
            var settings = new XmlReaderSettings
            {
                DtdProcessing = DtdProcessing.Ignore,
                XmlResolver = null,
                MaxCharactersFromEntities = 1024,
                IgnoreComments = true,
            };
            using var reader = XmlReader.Create(new StringReader(xml.TrimStart('\uFEFF', ' ', '\t', '\r', '\n')), settings);
            doc = XDocument.Load(reader);
        }
        catch (XmlException e)
        {
            return ReadResult.Fail(source, ErrorCatalogue.Malformed(source, "XML", e.Message.TrimEnd('.')));
        }

        var root = doc.Root;
        if (root is null)
        {
            return ReadResult.Fail(source, ErrorCatalogue.Empty(source));
        }

        return root.Name.LocalName switch
        {
            "rss" => ReadItems(source, id, root.Element("channel"), root.Element("channel")?.Elements("item") ?? [], rss1: false),
            "RDF" => ReadItems(source, id, root.Element(Rss1 + "channel"), root.Elements(Rss1 + "item"), rss1: true),
            "feed" when root.Name.Namespace == Atom || root.Name.Namespace == XNamespace.None => ReadAtom(source, id, root),
            _ => ReadResult.Fail(source, ErrorCatalogue.NotAFeed(source, root.Name.LocalName)),
        };
    }

    private static ReadResult ReadItems(string source, string id, XElement? channel, IEnumerable<XElement> items, bool rss1)
    {
        XNamespace ns = rss1 ? Rss1 : XNamespace.None;
        var feedTitle = Value(channel?.Element(ns + "title"));
        var language = Value(channel?.Element(ns + "language")) ?? Value(channel?.Element(Dc + "language"));
        var problems = new RecordProblems(source);
        var n = 0;
        foreach (var item in items)
        {
            n++;
            var title = Value(item.Element(ns + "title"));
            var body = Value(item.Element(Content + "encoded")) ?? Value(item.Element(ns + "description"));
            var link = Value(item.Element(ns + "link")) ?? (item.Attribute(XName.Get("about", "http://www.w3.org/1999/02/22-rdf-syntax-ns#"))?.Value);
            var guid = Value(item.Element(ns + "guid"));
            if (link is null && guid is not null && guid.StartsWith("http", StringComparison.OrdinalIgnoreCase)
                && !string.Equals(item.Element(ns + "guid")?.Attribute("isPermaLink")?.Value, "false", StringComparison.OrdinalIgnoreCase))
            {
                link = guid;
            }

            var dateRaw = Value(item.Element(ns + "pubDate")) ?? Value(item.Element(Dc + "date"));
            var source2 = Value(item.Element(ns + "source")) ?? Value(item.Element(Dc + "publisher")) ?? feedTitle;
            Add(problems, source, $"{id}#{n}", $"item {n}", title, body, link, guid, dateRaw, source2, language);
        }

        return problems.ToResult();
    }

    private static ReadResult ReadAtom(string source, string id, XElement feed)
    {
        var ns = feed.Name.Namespace;
        var feedTitle = Value(feed.Element(ns + "title"));
        var language = feed.Attribute(XNamespace.Xml + "lang")?.Value;
        var problems = new RecordProblems(source);
        var n = 0;
        foreach (var entry in feed.Elements(ns + "entry"))
        {
            n++;
            var title = Value(entry.Element(ns + "title"));
            var body = AtomText(entry.Element(ns + "content")) ?? AtomText(entry.Element(ns + "summary"));
            var links = entry.Elements(ns + "link").ToList();
            var link = links.FirstOrDefault(l => (string?)l.Attribute("rel") is null or "alternate")?.Attribute("href")?.Value
                ?? links.FirstOrDefault()?.Attribute("href")?.Value;
            var dateRaw = Value(entry.Element(ns + "published")) ?? Value(entry.Element(ns + "updated"));
            var entrySource = Value(entry.Element(ns + "source")?.Element(ns + "title")) ?? feedTitle;
            Add(problems, source, $"{id}#{n}", $"entry {n}", title, body, link, Value(entry.Element(ns + "id")), dateRaw, entrySource, entry.Attribute(XNamespace.Xml + "lang")?.Value ?? language);
        }

        return problems.ToResult();
    }

    private static void Add(
        RecordProblems problems, string source, string defaultId, string record, string? title, string? body, string? link,
        string? guid, string? dateRaw, string? feedSource, string? language)
    {
        var text = "";
        if ((title is not null && !HtmlText.TryFromFragment(title, out title)) || (body is not null && !HtmlText.TryFromFragment(body, out text)))
        {
            problems.Fail(ErrorCatalogue.TooDeep(source, record, HtmlText.MaxNesting));
            return;
        }

        if (string.IsNullOrWhiteSpace(title))
        {
            title = null;
        }

        if (string.IsNullOrWhiteSpace(text))
        {
            if (title is null)
            {
                problems.Fail(ErrorCatalogue.MissingText(source, record));
                return;
            }

            text = title;
        }
        else if (title is not null && !text.StartsWith(title, StringComparison.Ordinal))
        {
            text = title + "\n\n" + text;
        }

        DateOnly? published = null;
        if (dateRaw is not null)
        {
            if (!TryParseFeedDate(dateRaw, out var d))
            {
                problems.Fail(ErrorCatalogue.BadField(source, record, "date", dateRaw, "an RFC 822 or ISO 8601 date"));
                return;
            }

            published = d;
        }

        var meta = ImmutableDictionary.CreateBuilder<string, string>(StringComparer.OrdinalIgnoreCase);
        meta["format"] = "feed";
        meta["feed"] = source;
        if (guid is not null)
        {
            meta["guid"] = guid;
        }

        if (dateRaw is not null)
        {
            meta["published"] = dateRaw;
        }

        if (link is not null)
        {
            meta["url"] = link;
        }

        problems.Add(new Article(guid ?? defaultId, text, title, link?.Trim(), published, feedSource, language)
        {
            Metadata = meta.ToImmutable(),
        });
    }

    private static string? AtomText(XElement? e)
    {
        if (e is null)
        {
            return null;
        }

        // type="xhtml" holds markup as child elements; html and text hold it as (escaped) text.
        var type = (string?)e.Attribute("type");
        var raw = type == "xhtml" ? string.Concat(e.Nodes().Select(n => n.ToString())) : e.Value;
        return string.IsNullOrWhiteSpace(raw) ? null : raw;
    }

    private static string? Value(XElement? e)
    {
        var v = e?.Value;
        return string.IsNullOrWhiteSpace(v) ? null : v.Trim();
    }

    private static readonly string[] Rfc822Formats =
    [
        "ddd, d MMM yyyy HH:mm:ss zzz", "ddd, d MMM yyyy HH:mm zzz", "d MMM yyyy HH:mm:ss zzz", "d MMM yyyy HH:mm zzz",
        "ddd, d MMM yy HH:mm:ss zzz", "ddd, d MMM yyyy HH:mm:ss", "ddd, d MMM yyyy",
    ];

    private static readonly Dictionary<string, string> ZoneNames = new(StringComparer.OrdinalIgnoreCase)
    {
        ["GMT"] = "+00:00", ["UT"] = "+00:00", ["UTC"] = "+00:00", ["Z"] = "+00:00",
        ["EST"] = "-05:00", ["EDT"] = "-04:00", ["CST"] = "-06:00", ["CDT"] = "-05:00",
        ["MST"] = "-07:00", ["MDT"] = "-06:00", ["PST"] = "-08:00", ["PDT"] = "-07:00",
        ["EET"] = "+02:00", ["EEST"] = "+03:00", ["MSK"] = "+03:00", ["CET"] = "+01:00", ["CEST"] = "+02:00", ["BST"] = "+01:00",
    };

    /// <summary>
    /// A feed date as the day it names in its own time zone: RFC 822 (<c>Tue, 3 Jun 2024 09:00:00 +0300</c>, named
    /// zones such as GMT or EST) or ISO 8601.
    /// </summary>
    public static bool TryParseFeedDate(string s, out DateOnly date)
    {
        s = s.Trim();
        var parts = s.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length >= 4)
        {
            var zone = parts[^1];
            if (ZoneNames.TryGetValue(zone, out var offset))
            {
                parts[^1] = offset;
            }
            else if (zone.Length == 5 && zone[0] is '+' or '-' && zone.AsSpan(1).ContainsAnyExceptInRange('0', '9') is false)
            {
                parts[^1] = zone[..3] + ":" + zone[3..];
            }

            var normalized = string.Join(' ', parts);
            if (DateTimeOffset.TryParseExact(normalized, Rfc822Formats, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces | DateTimeStyles.AssumeUniversal, out var dto))
            {
                date = DateOnly.FromDateTime(dto.DateTime);
                return true;
            }
        }

        return TextReportReader.TryParseDate(s, out date);
    }
}
