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

    /// <summary>
    /// Text of an HTML fragment (a feed item's description, a JSON record's HTML body); false when it
    /// nests deeper than <see cref="MaxNesting"/>.
    /// </summary>
    public static bool TryFromFragment(string html, out string text)
    {
        if (html.IndexOf('<', StringComparison.Ordinal) < 0 && html.IndexOf('&', StringComparison.Ordinal) < 0)
        {
            text = html.Trim();
            return true;
        }

        if (NestingDepth(html) > MaxNesting)
        {
            text = "";
            return false;
        }

        var parser = new HtmlParser();
        using var doc = parser.ParseDocument("<!DOCTYPE html><html><body>" + html + "</body></html>");
        text = doc.Body is null ? "" : FromElement(doc.Body, dropBoilerplate: false);
        return true;
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

    /// <summary>The walk over the tree, with its own stack (a page nested thousands deep never exhausts the thread's).</summary>
    private static void Walk(INode root, List<string> blocks, StringBuilder inline)
    {
        var stack = new Stack<(INode Node, int Next, StringBuilder Inline, bool FlushAfter)>();
        stack.Push((root, 0, inline, false));
        while (stack.Count > 0)
        {
            var (node, next, text, flushAfter) = stack.Pop();
            var children = node.ChildNodes;
            if (next >= children.Length)
            {
                if (flushAfter)
                {
                    Flush(blocks, text);
                }

                continue;
            }

            stack.Push((node, next + 1, text, flushAfter));
            switch (children[next])
            {
                case IText t:
                    text.Append(t.Data);
                    break;
                case IElement e when e.TagName == "BR":
                    text.Append('\n');
                    break;
                case IElement e when BlockTags.Contains(e.TagName):
                    Flush(blocks, text);
                    stack.Push((e, 0, new StringBuilder(), true));
                    break;
                case IElement e when ContainerTags.Contains(e.TagName) && e.TagName is not ("SPAN" or "FONT"):
                    Flush(blocks, text);
                    stack.Push((e, 0, text, true));
                    break;
                case IElement e:
                    stack.Push((e, 0, text, false));
                    break;
            }
        }
    }

    /// <summary>How deep a report's markup may nest its elements before it is refused unparsed (pages nest tens deep).</summary>
    public const int MaxNesting = 2_000;

    /// <summary>
    /// How deep the markup nests its elements, counted by one pass over its tags (void elements and those whose end tag
    /// may be left out do not count; the count stops past <paramref name="stopAt"/>): a page nested thousands deep is
    /// refused before the parser, whose tree building slows with depth, sees it.
    /// </summary>
    public static int NestingDepth(string html, int stopAt = MaxNesting)
    {
        var depth = 0;
        var max = 0;
        var i = html.IndexOf('<', StringComparison.Ordinal);
        while (i >= 0 && i < html.Length - 1)
        {
            var close = html[i + 1] == '/';
            var start = close ? i + 2 : i + 1;
            var end = start;
            while (end < html.Length && char.IsAsciiLetterOrDigit(html[end]))
            {
                end++;
            }

            if (end == start || !char.IsAsciiLetter(html[start]) || UncountedNames.Contains(html.AsSpan(start, end - start)))
            {
                i = html.IndexOf('<', i + 1); // a comment, a doctype, a '<' in text, or an element that does not nest
                continue;
            }

            var gt = html.IndexOf('>', end);
            if (gt < 0)
            {
                break; // no tag is closed after this one
            }

            if (!close && html[gt - 1] != '/' && ++depth > max && (max = depth) > stopAt)
            {
                return max;
            }

            if (close)
            {
                depth = Math.Max(0, depth - 1);
            }

            // The next tag is looked for after this one ends, so the scan stays linear however the tags are written.
            i = html.IndexOf('<', gt + 1);
        }

        return max;
    }

    private static readonly HashSet<string> Uncounted = new(StringComparer.OrdinalIgnoreCase)
    {
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr",
        "p", "li", "dt", "dd", "option", "optgroup", "tr", "td", "th", "thead", "tbody", "tfoot", "rt", "rp", "colgroup",
    };

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> UncountedNames = Uncounted.GetAlternateLookup<ReadOnlySpan<char>>();

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
