using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Sitrep.Extraction.Output;
using Sitrep.Ingest;

namespace Sitrep.Ledger.Tests.Extraction;

/// <summary>
/// The hostile-input suite end to end, as <c>sitrep extract</c> runs it: reports this project writes for the purpose
/// (plain text with a header, HTML, JSON, JSON Lines, RSS), mutated on a fixed seed (NULs, escapes, lone surrogates,
/// deep markup, brackets, header lines, long runs, cuts and doubled ranges), are read, extracted and written as the
/// extraction JSON. Each file must be done within 10 s, never throw, give JSON that parses, and every span the JSON
/// gives (claims' evidence, places, claimants, date spans) must slice the article's text to the words it quotes.
/// CI runs 500 mutated reports and 200 mutated HTML/JSON/feed files; <c>SITREP_FUZZ=N</c> runs N of each and
/// <c>SITREP_FUZZ_SEED=S</c> another seed: <c>SITREP_FUZZ=5000 dotnet test tests/Sitrep.Ledger.Tests --filter ExtractionFuzz</c>.
/// </summary>
public sealed class ExtractionFuzzTests
{
    private static readonly TimeSpan PerFile = TimeSpan.FromSeconds(10);
    private static readonly LedgerExtractor Extractor = LedgerExtractor.CreateDefault();

    private static readonly string[] Reports =
    [
        "url: https://desk.example.net/kyiv-night\npublished: 2025-03-08\nsource: Desk Wire\n---\nDrones and missiles over Kyiv\n"
            + "Russia launched 64 Shahed drones and three Kh-101 missiles at Ukraine overnight, the air force said; 51 drones and all three missiles were shot down.\n"
            + "Debris fell on a house in the Obolon district of Kyiv, injuring two women, the city's military administration said.\n"
            + "In Kharkiv, a drone hit a warehouse on Saturday morning and one man was killed, the governor wrote.\n",
        "published: 2025-04-12\n---\nShelling of Kherson\nRussian artillery shelled Kherson on Friday, killing an 81-year-old man and wounding four people, "
            + "regional officials said. A day earlier, a guided bomb struck Zaporizhzhia.\n",
        "---\nУночі ворог атакував Одесу ударними БпЛА: збито 23 з 27, повідомили Повітряні сили. Поранено двох людей.\n",
    ];

    private static readonly (string Name, string Text)[] Files =
    [
        ("page.html", "<!doctype html><html><head><title>Sumy hit</title><meta property=\"article:published_time\" content=\"2025-02-02T05:00:00Z\"></head>"
            + "<body><article><h1>Sumy hit</h1><p>Two guided bombs hit Sumy on Sunday &amp; injured <b>five</b> people, the governor said.</p>"
            + "<p>Air defences downed 12 of 15 drones over the region.</p></article></body></html>"),
        ("batch.json", "{\"articles\": [{\"title\": \"Dnipro struck\", \"text\": \"A missile hit a depot in Dnipro on Tuesday; three workers were hurt.\", "
            + "\"url\": \"https://desk.example.net/dnipro\", \"published\": \"2025-01-14\"}, {\"headline\": \"Drones over Lviv\", "
            + "\"body\": \"Air defences shot down 9 of 11 drones over Lviv overnight.\", \"link\": \"https://desk.example.net/lviv\", \"date\": \"2025-01-15\"}]}"),
        ("lines.jsonl", "{\"text\": \"Shelling of Nikopol killed a woman on Wednesday, officials said.\", \"url\": \"https://desk.example.net/n\", \"published\": \"2025-01-15\"}\n"
            + "{\"text\": \"Russia launched 40 drones at Odesa overnight; 31 were downed.\", \"url\": \"https://desk.example.net/o\", \"published\": \"2025-01-16\"}\n"),
        ("feed.rss", "<?xml version=\"1.0\" encoding=\"utf-8\"?><rss version=\"2.0\"><channel><title>Desk</title>"
            + "<item><title>Chernihiv struck</title><link>https://desk.example.net/c</link><pubDate>Mon, 06 Jan 2025 07:00:00 GMT</pubDate>"
            + "<description><![CDATA[<p>Drones hit an energy site near Chernihiv overnight, injuring <i>two</i>.</p>]]></description></item></channel></rss>"),
    ];

    /// <summary>What mutations sow: characters and fragments that have broken readers and extractors.</summary>
    private static readonly string[] Fragments =
    [
        "\0", "\u001b[2J", "\u0007", "\uD800", "\uDFFF", "\uFEFF", "\r", "\r\n", "\n---\n", "published: 2024-02-30\n", "\t", "\u0085", "\u2028", "\u202E",
        "<", "</", "<div>", "<b><i><u>", "<script>", "<!--", "<![CDATA[", "]]>", "&", "&#0;", "&#x110000;", "&nosuch;", "{", "}", "[", "]", "\"", "\\",
        "\\u0000", "\\ud800", ",", ":", "999999999", "99999999999999999999", "1,000,000,000", "-3", "0", " drones", " missiles", " were shot down",
        " killed", " injured", " overnight", " on Monday", " Kyiv", " Odesa", " Kharkiv", "𝄞", "ї", "ё", "٣", "…", "—", "  ", ".",
    ];

    private static int Budget(int ci) =>
        int.TryParse(Environment.GetEnvironmentVariable("SITREP_FUZZ"), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : ci;

    private static int Seed(int salt) =>
        (int.TryParse(Environment.GetEnvironmentVariable("SITREP_FUZZ_SEED"), NumberStyles.None, CultureInfo.InvariantCulture, out var s) ? s : 20_261_202) ^ salt;

    /// <summary>One to eight edits: sow a fragment (once, a few times, or thousands), cut a range, double a range, stop short.</summary>
    private static string Mutate(string text, Random rnd)
    {
        for (int i = 0, edits = rnd.Next(1, 9); i < edits; i++)
        {
            var at = rnd.Next(text.Length + 1);
            var length = Math.Min(text.Length - at, rnd.Next(200));
            var kind = rnd.Next(11);
            text = kind switch
            {
                < 6 => text.Insert(at, string.Concat(Enumerable.Repeat(Fragments[rnd.Next(Fragments.Length)], rnd.Next(10) switch { < 7 => 1, < 9 => rnd.Next(2, 40), _ => rnd.Next(1000, 3000) }))),
                < 8 => text.Remove(at, length),
                < 10 => text.Insert(at, text.Substring(at, length)),
                _ => text[..at],
            };
        }

        return text;
    }

    /// <summary>Reads, extracts and writes one file as <c>sitrep extract</c> does; the checks of the class's summary.</summary>
    private static int Holds(string name, string text)
    {
        var clock = Stopwatch.StartNew();
        var read = ReportReader.Parse(name, "fuzz", text);
        if (read.Error is { } e)
        {
            Assert.Matches(@"^SR\d{3}$", e.Code);
        }

        foreach (var article in read.Articles)
        {
            var x = Extractor.Extract(article);
            var buffer = new MemoryStream();
            using (var w = new Utf8JsonWriter(buffer, ExtractionJson.Compact))
            {
                ExtractionJson.Write(w, x);
            }

            using var json = JsonDocument.Parse(buffer.ToArray());
            Spans(json.RootElement, AsWritten(article.Text), name);
        }

        Assert.True(clock.Elapsed < PerFile, $"{name}: took {clock.Elapsed} (a {text.Length}-char file)");
        return read.Articles.Length;
    }

    /// <summary>
    /// The text as UTF-8 output carries it: a lone surrogate (from a JSON record's "\\ud800") is written as U+FFFD, one
    /// UTF-16 unit for one, so offsets still hold.
    /// </summary>
    private static string AsWritten(string text)
    {
        var chars = text.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            if (char.IsHighSurrogate(chars[i]) && i + 1 < chars.Length && char.IsLowSurrogate(chars[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(chars[i]))
            {
                chars[i] = '\uFFFD';
            }
        }

        return new string(chars);
    }

    /// <summary>Every object that has start and end with text (or evidence) must slice the article to that text.</summary>
    private static void Spans(JsonElement e, string text, string name)
    {
        switch (e.ValueKind)
        {
            case JsonValueKind.Object:
                if (e.TryGetProperty("start", out var s) && e.TryGetProperty("end", out var end) && s.ValueKind == JsonValueKind.Number && end.ValueKind == JsonValueKind.Number)
                {
                    var (a, b) = (s.GetInt32(), end.GetInt32());
                    Assert.True(0 <= a && a <= b && b <= text.Length, $"{name}: span [{a}, {b}) outside a {text.Length}-char text");
                    if (e.TryGetProperty("text", out var quoted) && quoted.ValueKind == JsonValueKind.String)
                    {
                        Assert.True(text[a..b] == quoted.GetString(), $"{name}: span [{a}, {b}) slices '{text[a..b]}', not '{quoted.GetString()}'");
                    }
                }

                foreach (var p in e.EnumerateObject())
                {
                    Spans(p.Value, text, name);
                }

                break;
            case JsonValueKind.Array:
                foreach (var item in e.EnumerateArray())
                {
                    Spans(item, text, name);
                }

                break;
        }
    }

    [Fact]
    public void Mutated_reports_extract_to_valid_json_with_exact_spans_in_time()
    {
        var rnd = new Random(Seed(1));
        var read = 0;
        for (var i = 0; i < Budget(500); i++)
        {
            read += Holds($"report {i}.txt", Mutate(Reports[rnd.Next(Reports.Length)], rnd)) > 0 ? 1 : 0;
        }

        Assert.True(read > Budget(500) / 2, $"only {read} of {Budget(500)} mutated reports were read: the fuzz tested little");
    }

    [Fact]
    public void Mutated_html_json_and_feed_files_extract_to_valid_json_with_exact_spans_in_time()
    {
        var rnd = new Random(Seed(2));
        var read = 0;
        for (var i = 0; i < Budget(200); i++)
        {
            var (name, text) = Files[rnd.Next(Files.Length)];
            read += Holds($"{i}-{name}", Mutate(text, rnd)) > 0 ? 1 : 0;
        }

        Assert.True(read > Budget(200) / 4, $"only {read} of {Budget(200)} mutated files were read: the fuzz tested little");
    }

    [Fact]
    public void The_span_check_catches_a_span_that_slices_other_words()
    {
        using var json = JsonDocument.Parse("""{"claims": [{"evidence": {"start": 0, "end": 6, "text": "drones"}}]}""");
        Assert.ThrowsAny<Exception>(() => Spans(json.RootElement, "Russia launched drones", "self-test"));
        Spans(json.RootElement, "drones launched", "self-test");
        Assert.Equal("a\uFFFDb\U0001D11E", AsWritten("a\uD800b\U0001D11E"));
    }
}
