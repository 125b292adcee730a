using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Sitrep.Core;

namespace Sitrep.Benchmarks.Corpus;

/// <summary>A weapon in a gold event, in the contract's shape: category, model (or null), and counts (null when the text gives none).</summary>
internal sealed record GoldWeapon(string Category, string? Model, int? Launched, int? Destroyed);

/// <summary>
/// One attack (or aggregate) as the generated text states it: the facts an extractor should find.
/// Same fields and meaning as a gold event in <c>../shared/eval/SCHEMA.md</c>.
/// </summary>
internal sealed record GoldEvent(
    DateOnly? Date,
    string DateText,
    string Attacker,
    string TargetCountry,
    IReadOnlyList<string> Places,
    IReadOnlyList<GoldWeapon> Weapons,
    int? Killed,
    int? Injured,
    string ClaimedBy,
    IReadOnlyList<string> Quotes);

/// <summary>
/// The expected extraction of one generated report: strike events and background aggregates; <paramref name="Construction"/>
/// tags a report of the constructions corpus with what it exercises (written only when set, so the other corpora's gold
/// is unchanged; the scorer ignores it).
/// </summary>
internal sealed record GoldReport(string Article, DateOnly? Published, IReadOnlyList<GoldEvent> Events, IReadOnlyList<GoldEvent> Background, string? Construction = null);

/// <summary>
/// One generated report: header fields, the body (headline line, then paragraphs, one per line) and its gold.
/// <see cref="Body"/> is exactly what <c>TextReportReader</c> reads after the <c>---</c> line.
/// </summary>
internal sealed record CorpusReport(string Id, string Url, DateOnly Published, string Body, GoldReport Gold, string? Language = null)
{
    /// <summary>The report as a file: header, <c>---</c>, body.</summary>
    public string FileText =>
        $"url: {Url}\npublished: {Published.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}\n{(Language is null ? "" : $"language: {Language}\n")}---\n{Body}\n";

    public string Headline => Body[..Math.Max(0, Body.IndexOf('\n', StringComparison.Ordinal))];

    /// <summary>Whitespace-separated words in the body.</summary>
    public int WordCount => CountWords(Body);

    /// <summary>The article as the ingest reader would build it from <see cref="FileText"/>.</summary>
    public Article ToArticle() => new(Id, Body, Title: Headline, Url: Url, Published: Published, Source: "sitrep-corpus", Language: Language);

    public static int CountWords(string text)
    {
        var words = 0;
        var inWord = false;
        foreach (var ch in text)
        {
            var ws = char.IsWhiteSpace(ch);
            if (!ws && !inWord)
            {
                words++;
            }

            inWord = !ws;
        }

        return words;
    }
}

/// <summary>Writes gold in the eval layout's JSON shape (one object per article).</summary>
internal static class GoldJson
{
    private static readonly JsonWriterOptions Options = new()
    {
        Indented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string Serialize(GoldReport gold)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, Options))
        {
            w.WriteStartObject();
            w.WriteString("article", gold.Article);
            if (gold.Construction is { } construction)
            {
                w.WriteString("construction", construction);
            }

            WriteDate(w, "published", gold.Published);
            w.WriteStartArray("events");
            foreach (var e in gold.Events)
            {
                WriteEvent(w, e);
            }

            w.WriteEndArray();
            w.WriteStartArray("background");
            foreach (var e in gold.Background)
            {
                WriteEvent(w, e);
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static void WriteEvent(Utf8JsonWriter w, GoldEvent e)
    {
        w.WriteStartObject();
        WriteDate(w, "date", e.Date);
        w.WriteString("date_text", e.DateText);
        w.WriteString("attacker", e.Attacker);
        w.WriteString("target_country", e.TargetCountry);
        w.WriteStartArray("places");
        foreach (var p in e.Places)
        {
            w.WriteStringValue(p);
        }

        w.WriteEndArray();
        w.WriteStartArray("weapons");
        foreach (var weapon in e.Weapons)
        {
            w.WriteStartObject();
            w.WriteString("category", weapon.Category);
            if (weapon.Model is null)
            {
                w.WriteNull("model");
            }
            else
            {
                w.WriteString("model", weapon.Model);
            }

            WriteCount(w, "launched", weapon.Launched);
            WriteCount(w, "destroyed", weapon.Destroyed);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        WriteCount(w, "killed", e.Killed);
        WriteCount(w, "injured", e.Injured);
        w.WriteString("claimed_by", e.ClaimedBy);
        w.WriteStartArray("quotes");
        foreach (var q in e.Quotes)
        {
            w.WriteStringValue(q);
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void WriteDate(Utf8JsonWriter w, string name, DateOnly? date)
    {
        if (date is { } d)
        {
            w.WriteString(name, d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        }
        else
        {
            w.WriteNull(name);
        }
    }

    private static void WriteCount(Utf8JsonWriter w, string name, int? value)
    {
        if (value is { } v)
        {
            w.WriteNumber(name, v);
        }
        else
        {
            w.WriteNull(name);
        }
    }
}
