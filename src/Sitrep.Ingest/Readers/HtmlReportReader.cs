using System.Collections.Immutable;
using System.Text.Json;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Sitrep.Core;

namespace Sitrep.Ingest.Readers;

/// <summary>
/// Reads a saved article page: the story's text without navigation and boilerplate, the title, the publication
/// date (from meta tags, JSON-LD or a <c>time</c> element) and the canonical URL. The article text starts with
/// the headline on its own line, like a plain-text report. Never throws on markup.
/// </summary>
public static class HtmlReportReader
{
    private static readonly string[] PublishedMeta =
    [
        "meta[property='article:published_time']", "meta[name='article:published_time']",
        "meta[itemprop='datePublished']", "meta[name='pubdate']", "meta[name='publishdate']", "meta[name='publish-date']",
        "meta[name='date']", "meta[name='dc.date.issued']", "meta[name='DC.date.issued']", "meta[name='dcterms.date']",
        "meta[name='dc.date']", "meta[name='DC.date']", "meta[name='parsely-pub-date']", "meta[name='sailthru.date']",
        "meta[property='og:published_time']",
    ];

    public static ReadResult Parse(string source, string id, string html)
    {
        if (HtmlText.NestingDepth(html) > HtmlText.MaxNesting)
        {
            return ReadResult.Fail(source, ErrorCatalogue.TooDeep(source, null, HtmlText.MaxNesting));
        }

        IHtmlDocument doc;
        try
        {
            doc = new HtmlParser().ParseDocument(html);
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException or FormatException)
        {
            return ReadResult.Fail(source, ErrorCatalogue.Malformed(source, "HTML", e.Message));
        }

        using (doc)
        {
            var meta = ImmutableDictionary.CreateBuilder<string, string>(StringComparer.OrdinalIgnoreCase);
            meta["format"] = "html";

            var canonical = Attr(doc, "link[rel='canonical']", "href") ?? Attr(doc, "meta[property='og:url']", "content");
            var ogTitle = Attr(doc, "meta[property='og:title']", "content") ?? Attr(doc, "meta[name='twitter:title']", "content");
            var siteName = Attr(doc, "meta[property='og:site_name']", "content") ?? Attr(doc, "meta[name='publisher']", "content");
            var language = doc.DocumentElement?.GetAttribute("lang");
            var (publishedRaw, published) = FindPublished(doc);

            var root = FindArticleRoot(doc);
            var h1 = root?.QuerySelector("h1")?.TextContent ?? doc.QuerySelector("h1")?.TextContent;
            var title = Clean(ogTitle) ?? Clean(h1) ?? Clean(doc.Title);

            var body = root is null ? "" : HtmlText.FromElement(root, dropBoilerplate: true);
            if (string.IsNullOrWhiteSpace(body))
            {
                return ReadResult.Fail(source, ErrorCatalogue.NoArticle(source, "HTML"));
            }

            var text = body;
            if (title is not null && !body.StartsWith(title, StringComparison.Ordinal))
            {
                text = title + "\n\n" + body;
            }

            if (canonical is not null)
            {
                meta["url"] = canonical;
            }

            if (publishedRaw is not null)
            {
                meta["published"] = publishedRaw;
            }

            if (title is not null)
            {
                meta["title"] = title;
            }

            if (siteName is not null)
            {
                meta["source"] = siteName;
            }

            var article = new Article(
                id,
                text,
                Title: title,
                Url: canonical,
                Published: published,
                Source: Clean(siteName),
                Language: string.IsNullOrWhiteSpace(language) ? null : language.Trim())
            {
                Metadata = meta.ToImmutable(),
            };
            return ReadResult.Success(source, article);
        }
    }

    /// <summary>
    /// The element that holds the story: the <c>article</c> with the most paragraph text, else the element marked
    /// <c>articleBody</c>, else <c>main</c>, else the parent of the most paragraph text, else <c>body</c>.
    /// </summary>
    private static IElement? FindArticleRoot(IHtmlDocument doc)
    {
        var articles = doc.QuerySelectorAll("article");
        if (articles.Length > 0)
        {
            return articles.MaxBy(ParagraphChars);
        }

        var marked = doc.QuerySelector("[itemprop='articleBody']") ?? doc.QuerySelector("main") ?? doc.QuerySelector("[role='main']");
        if (marked is not null)
        {
            return marked;
        }

        var densest = doc.QuerySelectorAll("p")
            .Select(p => p.ParentElement)
            .OfType<IElement>()
            .GroupBy(e => e)
            .Select(g => (Element: g.Key, Chars: g.Key.Children.Where(c => c.TagName == "P").Sum(c => c.TextContent.Length)))
            .OrderByDescending(x => x.Chars)
            .FirstOrDefault();
        return densest.Element is not null && densest.Chars > 200 ? densest.Element : doc.Body;
    }

    private static int ParagraphChars(IElement e) => e.QuerySelectorAll("p").Sum(p => p.TextContent.Length);

    private static (string? Raw, DateOnly? Date) FindPublished(IHtmlDocument doc)
    {
        foreach (var selector in PublishedMeta)
        {
            var v = Attr(doc, selector, "content");
            if (v is not null && TextReportReader.TryParseDate(v, out var d))
            {
                return (v, d);
            }
        }

        foreach (var script in doc.QuerySelectorAll("script[type='application/ld+json']"))
        {
            var v = JsonLdDatePublished(script.TextContent);
            if (v is not null && TextReportReader.TryParseDate(v, out var d))
            {
                return (v, d);
            }
        }

        foreach (var time in doc.QuerySelectorAll("article time[datetime], time[itemprop='datePublished'], time[pubdate], time[datetime]"))
        {
            var v = time.GetAttribute("datetime");
            if (v is not null && TextReportReader.TryParseDate(v, out var d))
            {
                return (v, d);
            }
        }

        return (null, null);
    }

    private static string? JsonLdDatePublished(string json)
    {
        try
        {
            using var ld = JsonDocument.Parse(json, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip, MaxDepth = 32 });
            return FindProperty(ld.RootElement, "datePublished", 0);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            return null;
        }
    }

    private static string? FindProperty(JsonElement e, string name, int depth)
    {
        if (depth > 8)
        {
            return null;
        }

        switch (e.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var p in e.EnumerateObject())
                {
                    if (p.NameEquals(name) && p.Value.ValueKind == JsonValueKind.String)
                    {
                        return p.Value.GetString();
                    }
                }

                foreach (var p in e.EnumerateObject())
                {
                    if (FindProperty(p.Value, name, depth + 1) is { } found)
                    {
                        return found;
                    }
                }

                break;
            case JsonValueKind.Array:
                foreach (var item in e.EnumerateArray())
                {
                    if (FindProperty(item, name, depth + 1) is { } found)
                    {
                        return found;
                    }
                }

                break;
        }

        return null;
    }

    private static string? Attr(IParentNode doc, string selector, string attribute)
    {
        var v = doc.QuerySelector(selector)?.GetAttribute(attribute);
        return string.IsNullOrWhiteSpace(v) ? null : v.Trim();
    }

    private static string? Clean(string? s)
    {
        if (s is null)
        {
            return null;
        }

        var c = HtmlText.Collapse(s);
        return c.Length == 0 ? null : c;
    }
}
