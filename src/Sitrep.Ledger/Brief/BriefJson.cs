using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using Sitrep.Core;
using Sitrep.Extraction.Output;
using Sitrep.Ledger.Filters;
using Sitrep.Ledger.Formats;

namespace Sitrep.Ledger.Brief;

/// <summary>
/// A brief as JSON (<c>sitrep-brief/1</c>): the window, the cutoff, the attacks told, the sections with their
/// paragraphs and sentences (each sentence's text, kind, citations and values — every number with where it comes
/// from), and the citations (report, outlet, URL, span, the quoted words and the words around them). Reading it back
/// gives the same document, so a newsroom rendering its own pages has everything the Markdown and HTML show.
/// </summary>
public static class BriefJson
{
    public const string FormatName = "sitrep-brief/1";

    public static void Write(Utf8JsonWriter w, BriefDocument b)
    {
        w.WriteStartObject();
        w.WriteString("format", FormatName);
        w.WriteString("language", b.Language);
        w.WriteString("title", b.Title);
        w.WritePropertyName("window");
        w.WriteStartObject();
        w.WriteString("kind", b.Window.Kind.ToString().ToLowerInvariant());
        w.WriteString("key", b.Window.Key);
        w.WriteString("first", Cells.Date(b.Window.First));
        w.WriteString("last", Cells.Date(b.Window.Last));
        if (b.Window.Kind == BriefWindowKind.Night)
        {
            w.WriteString("starts", string.Create(CultureInfo.InvariantCulture, $"{Cells.Date(b.Window.First)}T{BriefWindow.NightStartHour:00}:00"));
            w.WriteString("ends", string.Create(CultureInfo.InvariantCulture, $"{Cells.Date(b.Window.Last)}T{BriefWindow.NightEndHour:00}:00"));
            w.WriteString("time_zone", "Europe/Kyiv");
        }
        else if (b.Window is { Since: { } since, Until: { } until })
        {
            w.WriteString("starts", BriefBound.Iso(since));
            w.WriteString("ends", BriefBound.Iso(until));
        }

        w.WriteEndObject();
        if (b.Cutoff is { } cut)
        {
            w.WritePropertyName("cutoff");
            w.WriteStartObject();
            w.WriteNumber("report_id", cut.ReportId);
            w.WriteString("stored_at", cut.StoredAt.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture));
            w.WriteStringOrNull("published", cut.Published is { } p ? Cells.Date(p) : null);
            w.WriteStringOrNull("source", cut.Source);
            w.WriteEndObject();
        }
        else
        {
            w.WriteNull("cutoff");
        }

        w.WriteStartArray("attacks");
        foreach (var a in b.Attacks)
        {
            w.WriteStringValue(AttackIds.Format(a));
        }

        w.WriteEndArray();
        w.WriteStartArray("sections");
        foreach (var s in b.Sections)
        {
            w.WriteStartObject();
            w.WriteString("key", s.Key);
            w.WriteString("heading", s.Heading);
            w.WriteStartArray("paragraphs");
            foreach (var p in s.Paragraphs)
            {
                w.WriteStartObject();
                w.WriteStringOrNull("heading", p.Heading);
                w.WriteStringOrNull("attack", p.AttackId is { } id ? AttackIds.Format(id) : null);
                w.WriteStringArray("groups", p.Groups);
                w.WriteStartArray("sentences");
                foreach (var sentence in p.Sentences)
                {
                    WriteSentence(w, sentence);
                }

                w.WriteEndArray();
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteString("sources_heading", b.SourcesHeading);
        w.WriteStartArray("citations");
        foreach (var c in b.Citations)
        {
            w.WriteStartObject();
            w.WriteNumber("number", c.Number);
            w.WriteNumber("report_id", c.ReportId);
            w.WriteStringOrNull("source", c.Source);
            w.WriteStringOrNull("title", c.Title);
            w.WriteStringOrNull("url", c.Url);
            w.WriteStringOrNull("published", c.Published is { } p ? Cells.Date(p) : null);
            w.WriteStringOrNull("claimed_by", c.ClaimedBy);
            w.WriteStringOrNull("claimant_id", c.ClaimantId);
            ExtractionJson.WriteEvidence(w, new Evidence(c.Span, c.Quote));
            w.WriteString("before", c.Before);
            w.WriteString("after", c.After);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void WriteSentence(Utf8JsonWriter w, BriefSentence s)
    {
        w.WriteStartObject();
        w.WriteString("kind", s.Kind);
        w.WriteString("text", s.Text);
        w.WriteStartArray("citations");
        foreach (var n in s.Citations)
        {
            w.WriteNumberValue(n);
        }

        w.WriteEndArray();
        w.WriteStartArray("values");
        foreach (var v in s.Values)
        {
            w.WriteStartObject();
            w.WriteString("kind", v.Kind.ToString().ToLowerInvariant());
            w.WriteNumber("start", v.Start);
            w.WriteNumber("end", v.End);
            w.WriteString("text", s.TextOf(v));
            if (v.Number is { } n)
            {
                w.WriteNumber("value", n);
                w.WriteString("derivation", v.Derivation);
            }

            if (!v.Claims.IsEmpty)
            {
                w.WriteStartArray("claims");
                foreach (var c in v.Claims)
                {
                    w.WriteStartObject();
                    w.WriteNumber("citation", c.Citation);
                    w.WriteNumber("event_id", c.EventId);
                    w.WriteStringOrNull("attack", c.AttackId is { } a ? AttackIds.Format(a) : null);
                    w.WriteString("figure", c.Figure);
                    w.WriteNumber("value", c.Value);
                    w.WriteEndObject();
                }

                w.WriteEndArray();
            }

            w.WriteNumberOrNull("numerator", v.Numerator);
            w.WriteNumberOrNull("denominator", v.Denominator);
            if (!v.Items.IsEmpty)
            {
                w.WriteStringArray("items", v.Items);
            }

            if (v.Iso is { } iso)
            {
                w.WriteString("iso", iso);
            }

            if (v.Citation is { } citation)
            {
                w.WriteNumber("citation", citation);
            }

            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    /// <summary>Reads a brief written by <see cref="Write"/>; throws <see cref="JsonException"/> for anything else.</summary>
    public static BriefDocument Read(string json)
    {
        using var doc = System.Text.Json.JsonDocument.Parse(json);
        var root = doc.RootElement;
        if (root.GetProperty("format").GetString() != FormatName)
        {
            throw new JsonException($"Not a {FormatName} document.");
        }

        var win = root.GetProperty("window");
        var kind = Enum.Parse<BriefWindowKind>(win.GetProperty("kind").GetString()!, ignoreCase: true);
        var window = kind == BriefWindowKind.Period
            ? BriefWindow.Period(Time(win.GetProperty("starts")), Time(win.GetProperty("ends")))
            : new BriefWindow(kind, Day(win.GetProperty("first"))!.Value, Day(win.GetProperty("last"))!.Value);
        BriefCutoff? cutoff = null;
        if (root.GetProperty("cutoff") is { ValueKind: JsonValueKind.Object } c)
        {
            cutoff = new BriefCutoff(c.GetProperty("report_id").GetInt64(), DateTimeOffset.Parse(c.GetProperty("stored_at").GetString()!, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal),
                Day(c.GetProperty("published")), Str(c.GetProperty("source")));
        }

        var sections = root.GetProperty("sections").EnumerateArray().Select(s => new BriefSection(
            s.GetProperty("key").GetString()!,
            s.GetProperty("heading").GetString()!,
            [.. s.GetProperty("paragraphs").EnumerateArray().Select(p => new BriefParagraph([.. p.GetProperty("sentences").EnumerateArray().Select(ReadSentence)])
            {
                Heading = Str(p.GetProperty("heading")),
                AttackId = Str(p.GetProperty("attack")) is { } a && AttackIds.TryParse(a, out var id) ? id : null,
                Groups = [.. p.GetProperty("groups").EnumerateArray().Select(g => g.GetString()!)],
            })])).ToImmutableArray();
        var citations = root.GetProperty("citations").EnumerateArray().Select(x =>
        {
            var ev = x.GetProperty("evidence");
            return new BriefCitation(x.GetProperty("number").GetInt32(), x.GetProperty("report_id").GetInt64(), Str(x.GetProperty("source")), Str(x.GetProperty("url")),
                Str(x.GetProperty("title")), Day(x.GetProperty("published")), new TextSpan(ev.GetProperty("start").GetInt32(), ev.GetProperty("end").GetInt32()), ev.GetProperty("text").GetString()!)
            {
                ClaimedBy = Str(x.GetProperty("claimed_by")),
                ClaimantId = Str(x.GetProperty("claimant_id")),
                Before = x.GetProperty("before").GetString()!,
                After = x.GetProperty("after").GetString()!,
            };
        }).ToImmutableArray();
        var attacks = root.GetProperty("attacks").EnumerateArray().Select(a => AttackIds.TryParse(a.GetString(), out var id) ? id : throw new JsonException($"'{a}' is not an attack id.")).ToImmutableArray();
        return new BriefDocument(root.GetProperty("language").GetString()!, window, root.GetProperty("title").GetString()!, cutoff, sections, citations, attacks)
        {
            SourcesHeading = root.GetProperty("sources_heading").GetString()!,
        };
    }

    private static BriefSentence ReadSentence(JsonElement s) => new(
        s.GetProperty("kind").GetString()!,
        s.GetProperty("text").GetString()!,
        [.. s.GetProperty("values").EnumerateArray().Select(v => new BriefValue(Enum.Parse<BriefValueKind>(v.GetProperty("kind").GetString()!, ignoreCase: true), v.GetProperty("start").GetInt32(), v.GetProperty("end").GetInt32())
        {
            Number = v.TryGetProperty("value", out var n) ? n.GetInt32() : null,
            Derivation = v.TryGetProperty("derivation", out var d) ? d.GetString()! : "",
            Claims = v.TryGetProperty("claims", out var cs)
                ? [.. cs.EnumerateArray().Select(c => new BriefClaimRef(c.GetProperty("citation").GetInt32(), c.GetProperty("event_id").GetInt64(),
                    Str(c.GetProperty("attack")) is { } a && AttackIds.TryParse(a, out var id) ? id : null, c.GetProperty("figure").GetString()!, c.GetProperty("value").GetInt32()))]
                : [],
            Numerator = v.GetProperty("numerator") is { ValueKind: JsonValueKind.Number } num ? num.GetInt32() : null,
            Denominator = v.GetProperty("denominator") is { ValueKind: JsonValueKind.Number } den ? den.GetInt32() : null,
            Items = v.TryGetProperty("items", out var items) ? [.. items.EnumerateArray().Select(i => i.GetString()!)] : [],
            Iso = v.TryGetProperty("iso", out var iso) ? iso.GetString() : null,
            Citation = v.TryGetProperty("citation", out var cit) ? cit.GetInt32() : null,
        })],
        [.. s.GetProperty("citations").EnumerateArray().Select(c => c.GetInt32())]);

    private static string? Str(JsonElement e) => e.ValueKind == JsonValueKind.Null ? null : e.GetString();

    private static DateTimeOffset Time(JsonElement e) =>
        BriefBound.TryParse(e.GetString() ?? "", out var b, out var why) && b.Time is { } t ? t : throw new JsonException($"window: {why}");

    private static DateOnly? Day(JsonElement e) => e.ValueKind == JsonValueKind.Null ? null : DateOnly.ParseExact(e.GetString()!, "yyyy-MM-dd", CultureInfo.InvariantCulture);
}
