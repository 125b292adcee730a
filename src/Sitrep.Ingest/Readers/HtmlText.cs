using System.Text;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace Sitrep.Ingest.Readers;

/// <summary>
/// Turns HTML into report text: one line per block (paragraph, heading, list item, quote), blank lines between,
/// whitespace collapsed, boilerplate (navigation, menus, share bars, cookie notices, related links) dropped.
/// Pure and thread-safe; never throws on markup.
/// </summary>
public static partial class HtmlText
{
    private static readonly string[] DropSelectors =
    [
        "script", "style", "noscript", "template", "svg", "canvas", "iframe", "object", "embed", "form", "button",
        "input", "select", "textarea", "nav", "footer", "aside", "figure", "picture", "video", "audio", "dialog",
        "[role=navigation]", "[role=banner]", "[role=contentinfo]", "[role=complementary]", "[role=search]",
        "[aria-hidden=true]", "[hidden]",
    ];

    private static readonly HashSet<string> BlockTags = new(StringComparer.OrdinalIgnoreCase)
    {
        "P", "H1", "H2", "H3", "H4", "H5", "H6", "LI", "BLOCKQUOTE", "PRE", "DD", "DT", "FIGCAPTION", "TD", "TH", "CAPTION",
    };

    private static readonly HashSet<string> ContainerTags = new(StringComparer.OrdinalIgnoreCase)
    {
        "DIV", "SECTION", "ARTICLE", "MAIN", "BODY", "HEADER", "UL", "OL", "DL", "TABLE", "TBODY", "THEAD", "TR", "SPAN", "CENTER", "FONT",
    };

    /// <summary>Class or id words that mark page furniture rather than the story.</summary>
    [GeneratedRegex(@"(^|[-_\s])(nav|navbar|navigation|menu|breadcrumbs?|share|sharing|social|related|recommended|more-stories|read-more|comments?|cookies?|consent|gdpr|subscribe|subscription|newsletter|promo|advert|advertisement|ads?|banner|sidebar|footer|masthead|paywall|popup|modal|widget|tags|byline-share|skip-link|visually-hidden|sr-only)([-_\s]|$)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 200)]
    private static partial Regex BoilerplateName();

    [GeneratedRegex(@"\s+", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 200)]
    private static partial Regex Whitespace();

    /// <summary>Text of an HTML fragment (a feed item's description, a JSON record's HTML body).</summary>
    public static string FromFragment(string html)
    {
        if (html.IndexOf('<', StringComparison.Ordinal) < 0 && html.IndexOf('&', StringComparison.Ordinal) < 0)
        {
            return html.Trim();
        }

        var parser = new HtmlParser();
        var doc = parser.ParseDocument("<!DOCTYPE html><html><body>" + html + "</body></html>");
        return doc.Body is null ? "" : FromElement(doc.Body, dropBoilerplate: false);
    }

    /// <summary>Removes page furniture from <paramref name="root"/> in place.</summary>
    public static void DropBoilerplate(IElement root)
    {
        foreach (var selector in DropSelectors)
        {
            foreach (var e in root.QuerySelectorAll(selector).ToArray())
            {
                e.Remove();
            }
        }

        foreach (var e in root.QuerySelectorAll("[class],[id]").ToArray())
        {
            if (e.TagName is "ARTICLE" or "MAIN" or "BODY" or "HTML")
            {
                continue;
            }

            var name = (e.GetAttribute("class") ?? "") + " " + (e.GetAttribute("id") ?? "");
            if (IsBoilerplateName(name))
            {
                e.Remove();
            }
        }
    }

    internal static bool IsBoilerplateName(string classAndId)
    {
        try
        {
            return BoilerplateName().IsMatch(classAndId);
        }
        catch (RegexMatchTimeoutException)
        {
            return false;
        }
    }

    /// <summary>Block-per-line text of an element; blank lines between blocks.</summary>
    public static string FromElement(IElement root, bool dropBoilerplate)
    {
        if (dropBoilerplate)
        {
            DropBoilerplate(root);
        }

        var blocks = new List<string>();
        var inline = new StringBuilder();
        Walk(root, blocks, inline);
        Flush(blocks, inline);
        return string.Join("\n\n", blocks);
    }

    private static void Walk(INode node, List<string> blocks, StringBuilder inline)
    {
        foreach (var child in node.ChildNodes)
        {
            switch (child)
            {
                case IText t:
                    inline.Append(t.Data);
                    break;
                case IElement e when e.TagName == "BR":
                    inline.Append('\n');
                    break;
                case IElement e when BlockTags.Contains(e.TagName):
                    Flush(blocks, inline);
                    var sub = new StringBuilder();
                    Walk(e, blocks, sub);
                    Flush(blocks, sub);
                    break;
                case IElement e when ContainerTags.Contains(e.TagName) && e.TagName is not ("SPAN" or "FONT"):
                    Flush(blocks, inline);
                    Walk(e, blocks, inline);
                    Flush(blocks, inline);
                    break;
                case IElement e:
                    Walk(e, blocks, inline);
                    break;
            }
        }
    }

    private static void Flush(List<string> blocks, StringBuilder inline)
    {
        if (inline.Length == 0)
        {
            return;
        }

        foreach (var line in inline.ToString().Split('\n'))
        {
            var text = Collapse(line);
            if (text.Length > 0)
            {
                blocks.Add(text);
            }
        }

        inline.Clear();
    }

    /// <summary>Whitespace runs (including non-breaking spaces) as one space, trimmed.</summary>
    public static string Collapse(string s)
    {
        try
        {
            return Whitespace().Replace(s.Replace('\u00A0', ' '), " ").Trim();
        }
        catch (RegexMatchTimeoutException)
        {
            return s.Trim();
        }
    }
}
