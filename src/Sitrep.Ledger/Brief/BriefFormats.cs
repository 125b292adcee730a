using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Sitrep.Extraction.Output;
using Sitrep.Ledger.Filters;
using Sitrep.Ledger.Formats;

namespace Sitrep.Ledger.Brief;

/// <summary>
/// The formats of a brief, behind the formatter interface every record format uses: <c>md</c> (Markdown, footnotes
/// with outlet, URL and the quoted words), <c>html</c> (a whole page, no script, citations that jump to the report's
/// words highlighted and link to the outlet's page with a text fragment that highlights them there too) and
/// <c>json</c> (the document as data: sections, sentences with their values and citations, citations with their words).
/// A brief is one record: <see cref="IRecordFormatter{T}.WriteStart"/> and <see cref="IRecordFormatter{T}.WriteEnd"/> write nothing.
/// Every format writes only what the document holds, so the same document gives the same bytes.
/// </summary>
public static class BriefFormats
{
    public static readonly FormatterSet<BriefDocument> All = new(new Markdown(), new Html(), new JsonDocument());

    /// <summary>Writes <paramref name="brief"/> in <paramref name="format"/> as a string.</summary>
    public static string Render(BriefDocument brief, string format)
    {
        if (!All.TryGet(format, out var f))
        {
            throw new ArgumentException($"'{format}' is not a brief format; use {string.Join(", ", All.Names)}.", nameof(format));
        }

        using var w = new StringWriter(CultureInfo.InvariantCulture) { NewLine = "\n" };
        f.Write(brief, 0, w);
        return w.ToString();
    }

    private abstract class Single : IRecordFormatter<BriefDocument>
    {
        public abstract string Name { get; }

        public abstract string MediaType { get; }

        public void WriteStart(TextWriter output)
        {
        }

        public abstract void Write(BriefDocument record, long index, TextWriter output);

        public void WriteEnd(TextWriter output, long count)
        {
        }
    }

    // ---- Markdown ----

    private sealed class Markdown : Single
    {
        public override string Name => "md";

        public override string MediaType => "text/markdown; charset=utf-8";

        public override void Write(BriefDocument b, long index, TextWriter o)
        {
            o.Write("# " + Md(b.Title) + "\n");
            string[] groups = [];
            foreach (var section in b.Sections)
            {
                if (section.Heading.Length > 0)
                {
                    o.Write("\n## " + Md(section.Heading) + "\n");
                }

                groups = [];
                var bullets = section.Key is "key_figures" or "background";
                foreach (var p in section.Paragraphs)
                {
                    for (var level = 0; level < p.Groups.Length; level++)
                    {
                        if (level >= groups.Length || groups[level] != p.Groups[level])
                        {
                            o.Write("\n" + new string('#', 3 + level) + " " + Md(p.Groups[level]) + "\n");
                            groups = [.. p.Groups.Take(level + 1)];
                        }
                    }

                    if (p.Heading is { } heading)
                    {
                        o.Write(p.AttackId is null ? "\n**" + Md(heading) + "**\n" : "\n" + new string('#', 3 + p.Groups.Length) + " " + Md(heading) + "\n");
                    }

                    o.Write("\n");
                    if (bullets)
                    {
                        foreach (var s in p.Sentences)
                        {
                            o.Write("- " + Sentence(s) + "\n");
                        }
                    }
                    else
                    {
                        o.Write(string.Join(" ", p.Sentences.Select(Sentence)) + "\n");
                    }
                }
            }

            if (b.Citations.Length > 0)
            {
                o.Write("\n");
                foreach (var c in b.Citations)
                {
                    o.Write($"[^{N(c.Number)}]: {Md(c.Source ?? "")}{(c.Title is { } title ? ", “" + Md(title) + "”" : "")}{(c.Published is { } d ? ", " + Cells.Date(d) : "")}{(c.Url is { } url ? ", <" + Autolink(url) + ">" : "")}: “{Md(c.Quote)}”{(c.ClaimedBy is { } who ? " (" + Md(who) + ")" : "")}\n");
                }
            }
        }

        /// <summary>A URL as a Markdown autolink holds it: the characters that would end the link (angle brackets, spaces) percent-encoded.</summary>
        private static string Autolink(string url) =>
            url.Replace("<", "%3C", StringComparison.Ordinal).Replace(">", "%3E", StringComparison.Ordinal).Replace(" ", "%20", StringComparison.Ordinal)
                .Replace("\n", "", StringComparison.Ordinal).Replace("\r", "", StringComparison.Ordinal);

        private static string Sentence(BriefSentence s) => Md(s.Text) + string.Concat(s.Citations.Select(n => $"[^{N(n)}]"));

        /// <summary>Text with Markdown's active characters escaped, so report words show as written.</summary>
        private static string Md(string s)
        {
            var sb = new StringBuilder(s.Length + 8);
            foreach (var c in s)
            {
                if (c is '\\' or '`' or '*' or '_' or '[' or ']' or '<' or '>' or '|' or '#' or '~')
                {
                    sb.Append('\\');
                }

                sb.Append(c is '\n' or '\r' ? ' ' : c);
            }

            return sb.ToString();
        }
    }

    // ---- HTML ----

    /// <summary>
    /// A whole HTML page with one inline stylesheet (<see cref="Stylesheet"/>) and no script, no inline style attribute
    /// and nothing from another origin, so a host can serve it as it is under a strict Content-Security-Policy by
    /// adding <see cref="StyleHash"/> to its <c>style-src</c>.
    /// </summary>
    private sealed class Html : Single
    {
        public override string Name => "html";

        public override string MediaType => "text/html; charset=utf-8";

        public override void Write(BriefDocument b, long index, TextWriter o)
        {
            o.Write($"<!doctype html>\n<html lang=\"{H(b.Language)}\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
            o.Write($"<meta name=\"sitrep-brief-window\" content=\"{H(b.Window.Key)}\">\n<title>{H(b.Title)}</title>\n<style>{Stylesheet}</style>\n</head>\n<body>\n<main class=\"brief\">\n");
            o.Write($"<h1>{H(b.Title)}</h1>\n");
            string[] groups = [];
            foreach (var section in b.Sections)
            {
                o.Write($"<section class=\"{H(section.Key.Replace('_', '-'))}\">\n");
                if (section.Heading.Length > 0)
                {
                    o.Write($"<h2>{H(section.Heading)}</h2>\n");
                }

                groups = [];
                var bullets = section.Key is "key_figures" or "background";
                foreach (var p in section.Paragraphs)
                {
                    for (var level = 0; level < p.Groups.Length; level++)
                    {
                        if (level >= groups.Length || groups[level] != p.Groups[level])
                        {
                            o.Write($"<h{3 + level}>{H(p.Groups[level])}</h{3 + level}>\n");
                            groups = [.. p.Groups.Take(level + 1)];
                        }
                    }

                    var id = p.AttackId is { } a ? $" id=\"{AttackIds.Format(a)}\"" : "";
                    o.Write(p.AttackId is null ? "<div class=\"block\">\n" : $"<article class=\"attack\"{id}>\n");
                    if (p.Heading is { } heading)
                    {
                        var level = p.AttackId is null ? 3 : Math.Min(6, 3 + p.Groups.Length);
                        o.Write($"<h{level}>{H(heading)}</h{level}>\n");
                    }

                    if (bullets)
                    {
                        o.Write("<ul>\n");
                        foreach (var s in p.Sentences)
                        {
                            o.Write("<li>" + Sentence(s) + "</li>\n");
                        }

                        o.Write("</ul>\n");
                    }
                    else
                    {
                        o.Write("<p>" + string.Join(" ", p.Sentences.Select(Sentence)) + "</p>\n");
                    }

                    o.Write(p.AttackId is null ? "</div>\n" : "</article>\n");
                }

                o.Write("</section>\n");
            }

            if (b.Citations.Length > 0)
            {
                o.Write($"<section class=\"sources\">\n<h2>{H(b.SourcesHeading)}</h2>\n<ol>\n");
                foreach (var c in b.Citations)
                {
                    o.Write($"<li id=\"c{N(c.Number)}\"><p class=\"meta\"><span class=\"outlet\">{H(c.Source ?? "")}</span>");
                    if (c.Url is { } url && IsWebUrl(url))
                    {
                        o.Write($", <a href=\"{H(TextFragment(url, c.Quote))}\" rel=\"noopener noreferrer\">{H(c.Title ?? url)}</a>");
                    }
                    else if (c.Title is { } title)
                    {
                        o.Write($", {H(title)}");
                    }

                    o.Write($"{(c.Published is { } d ? ", <time datetime=\"" + Cells.Date(d) + "\">" + Cells.Date(d) + "</time>" : "")}");
                    o.Write($"{(c.ClaimedBy is { } who ? " <span class=\"claimant\">" + H(who) + "</span>" : "")}</p>\n");
                    o.Write($"<blockquote data-report=\"{N(c.ReportId)}\" data-start=\"{N(c.Span.Start)}\" data-end=\"{N(c.Span.End)}\">{H(c.Before)}<mark>{H(c.Quote)}</mark>{H(c.After)}</blockquote></li>\n");
                }

                o.Write("</ol>\n</section>\n");
            }

            o.Write("</main>\n</body>\n</html>\n");
        }

        private static string Sentence(BriefSentence s)
        {
            var sb = new StringBuilder("<span class=\"s\">");
            var at = 0;
            foreach (var v in s.Values.OrderBy(v => v.Start))
            {
                if (v.Start < at)
                {
                    continue;
                }

                sb.Append(H(s.Text[at..v.Start]));
                var text = H(s.Text[v.Start..v.End]);
                sb.Append(v.Kind switch
                {
                    BriefValueKind.Figure or BriefValueKind.Rate or BriefValueKind.Count => $"<span class=\"v {v.Kind.ToString().ToLowerInvariant()}\">{text}</span>",
                    BriefValueKind.Quote when v.Citation is { } n => $"<a class=\"quote\" href=\"#c{N(n)}\">{text}</a>",
                    _ => text,
                });
                at = v.End;
            }

            sb.Append(H(s.Text[at..])).Append("</span>");
            foreach (var n in s.Citations)
            {
                sb.Append($"<sup class=\"cite\"><a href=\"#c{N(n)}\">{N(n)}</a></sup>");
            }

            return sb.ToString();
        }

        private static bool IsWebUrl(string url) => Uri.TryCreate(url, UriKind.Absolute, out var u) && (u.Scheme == Uri.UriSchemeHttps || u.Scheme == Uri.UriSchemeHttp);
    }

    /// <summary>The brief page's stylesheet (the page's only style: no style attributes).</summary>
    public const string Stylesheet =
        "body{margin:0;background:#f6f5f1;color:#1d1d1b;font:16px/1.55 Georgia,'Times New Roman',serif}" +
        ".brief{max-width:46rem;margin:0 auto;padding:1.5rem 1.25rem 4rem;background:#fff;min-height:100vh}" +
        "h1{font:700 1.6rem/1.25 system-ui,sans-serif;margin:.5rem 0 1rem}" +
        "h2{font:700 1.1rem/1.3 system-ui,sans-serif;margin:2rem 0 .6rem;padding-bottom:.25rem;border-bottom:2px solid #1d1d1b;text-transform:uppercase;letter-spacing:.04em}" +
        "h3,h4,h5,h6{font:700 1rem/1.3 system-ui,sans-serif;margin:1.2rem 0 .4rem}h4{color:#444}h5,h6{font-size:.95rem;color:#6b3d00}" +
        ".header p{margin:.2rem 0;color:#444;font-size:.95rem}" +
        "ul{padding-left:1.2rem;margin:.3rem 0}li{margin:.2rem 0}" +
        ".attack{margin:0 0 1rem}.attack p{margin:.2rem 0}" +
        ".v{font-weight:700;font-family:system-ui,sans-serif}.rate{color:#1b5e20}" +
        "a{color:#0b4f8a}a.quote{color:inherit;text-decoration:underline dotted}" +
        "sup.cite{font:600 .68rem system-ui,sans-serif;margin-left:.05rem}sup.cite a{text-decoration:none;padding:0 .12rem}" +
        ".sources ol{font-size:.86rem;padding-left:2.2rem}.sources li{margin:.45rem 0;padding:.2rem .4rem;border-radius:4px;scroll-margin-top:2rem}" +
        ".sources li:target{background:#fff3c4;outline:2px solid #e0a800}" +
        ".meta{margin:0;color:#444}.outlet{font-weight:700}.claimant{color:#6b3d00}.claimant::before{content:'— '}" +
        "blockquote{margin:.2rem 0 0;padding:.1rem .5rem;border-left:3px solid #ccc;color:#333}" +
        "mark{background:#ffe89a;padding:0 .1rem}li:target mark{background:#ffc400}" +
        "@media print{body{background:#fff}.brief{max-width:none}a{color:inherit}}";

    /// <summary>The CSP source of <see cref="Stylesheet"/> (<c>'sha256-…'</c>): what a host adds to <c>style-src</c> to serve the page as it is.</summary>
    public static string StyleHash { get; } = "'sha256-" + Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(Stylesheet))) + "'";

    /// <summary>A link to <paramref name="url"/> that asks the browser to scroll to and highlight <paramref name="quote"/> (a text fragment).</summary>
    public static string TextFragment(string url, string quote)
    {
        var words = Uri.EscapeDataString(quote).Replace("-", "%2D", StringComparison.Ordinal);
        var hash = url.IndexOf('#', StringComparison.Ordinal);
        return (hash < 0 ? url + "#" : url) + ":~:text=" + words;
    }

    private static string H(string s)
    {
        var sb = new StringBuilder(s.Length + 16);
        foreach (var c in s)
        {
            sb.Append(c switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                '"' => "&quot;",
                '\'' => "&#39;",
                _ => c.ToString(),
            });
        }

        return sb.ToString();
    }

    private static string N(long n) => n.ToString(CultureInfo.InvariantCulture);

    // ---- JSON ----

    private sealed class JsonDocument : Single
    {
        public override string Name => "json";

        public override string MediaType => "application/json";

        public override void Write(BriefDocument record, long index, TextWriter output)
        {
            using var buffer = new MemoryStream();
            using (var w = new Utf8JsonWriter(buffer, ExtractionJson.Pretty))
            {
                BriefJson.Write(w, record);
            }

            output.Write(Encoding.UTF8.GetString(buffer.ToArray()));
            output.Write('\n');
        }
    }
}
