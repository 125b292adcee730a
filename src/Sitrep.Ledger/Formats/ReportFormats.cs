using System.Collections.Immutable;
using System.Text.Json;
using Sitrep.Core;
using Sitrep.Extraction.Output;
using Sitrep.Storage;

namespace Sitrep.Ledger.Formats;

/// <summary>
/// One span of a report's text that the ledger read something from: half-open <c>[Start, End)</c> over the report's
/// text, what was read there (<see cref="Kind"/>: date, place, weapon, claim, claimant, quote), the event it belongs to,
/// and a label for people ("launched 40", "Odesa").
/// </summary>
public sealed record ReportSpan(int Start, int End, string Kind, long EventId, string Label);

/// <summary>A stored report whole: its text and metadata, every version at its URL, its events and every span they were read from.</summary>
public sealed record ReportView(StoredReport Report, ImmutableArray<StoredReport> Versions, ImmutableArray<StoredEvent> Events)
{
    /// <summary>Every span the report's events were read from, in text order (spans outside the text left out).</summary>
    public ImmutableArray<ReportSpan> Spans { get; } = ReportFormats.SpansOf(Events, Report.Article.Text.Length);
}

/// <summary>The JSON of a report with its versions, events and spans (what an API answers for one report).</summary>
public static class ReportFormats
{
    /// <summary>Every span <paramref name="events"/> were read from: dates, places, weapons, claims with their claimants, quotes.</summary>
    public static ImmutableArray<ReportSpan> SpansOf(IEnumerable<StoredEvent> events, int textLength)
    {
        var spans = new List<ReportSpan>();
        void Add(TextSpan s, string kind, long id, string label)
        {
            if (s.Start >= 0 && s.End > s.Start && s.End <= textLength)
            {
                spans.Add(new ReportSpan(s.Start, s.End, kind, id, label));
            }
        }

        foreach (var se in events)
        {
            var e = se.Event;
            if (e.Date.Text.Length > 0)
            {
                Add(e.Date.Span, "date", se.Id, e.Date.Date is { } d ? Cells.Date(d) : e.Date.Text);
            }

            foreach (var p in e.Places)
            {
                Add(p.Span, "place", se.Id, p.Name ?? p.Text);
            }

            foreach (var w in e.Weapons)
            {
                Add(w.Evidence.Span, "weapon", se.Id, w.Weapon.Model ?? w.Weapon.Category.ToContract());
            }

            foreach (var c in e.Weapons.SelectMany(w => w.Claims).Concat(e.Casualties))
            {
                Add(c.Evidence.Span, "claim", se.Id, $"{c.Kind.ToContract()} {c.Qualifier.Hedged(c.Value)}");
            }

            foreach (var c in e.Claimants)
            {
                Add(c.Span, "claimant", se.Id, c.Name);
            }

            foreach (var q in e.Quotes)
            {
                Add(q.Span, "quote", se.Id, "quote");
            }
        }

        return [.. spans.OrderBy(s => s.Start).ThenByDescending(s => s.End).ThenBy(s => s.Kind, StringComparer.Ordinal).ThenBy(s => s.EventId)];
    }

    public static void WriteJson(Utf8JsonWriter w, ReportView view)
    {
        var r = view.Report;
        var a = r.Article;
        w.WriteStartObject();
        w.WriteNumber("id", r.Id);
        w.WriteNumber("version", r.Version);
        w.WriteString("article", a.Id);
        w.WriteStringOrNull("title", a.Title);
        w.WriteStringOrNull("url", a.Url);
        w.WriteStringOrNull("published", a.Published is { } p ? Cells.Date(p) : null);
        w.WriteStringOrNull("source", a.Source ?? Cells.Host(a.Url));
        w.WriteStringOrNull("language", a.Language);
        w.WriteString("origin", r.Origin);
        w.WriteString("content_hash", r.ContentHash);
        w.WriteString("ingested_at", r.IngestedAt.ToUniversalTime().ToString("O", System.Globalization.CultureInfo.InvariantCulture));
        w.WriteString("status", r.Status.ToString().ToLowerInvariant());
        w.WriteStringOrNull("extractor", r.Extractor);
        w.WriteStringOrNull("extracted_at", r.ExtractedAt?.ToUniversalTime().ToString("O", System.Globalization.CultureInfo.InvariantCulture));
        w.WriteStartObject("metadata");
        foreach (var (k, v) in a.Metadata.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            w.WriteString(k, v);
        }

        w.WriteEndObject();
        w.WriteString("text", a.Text);
        w.WriteStartArray("versions");
        foreach (var v in view.Versions)
        {
            w.WriteStartObject();
            w.WriteNumber("id", v.Id);
            w.WriteNumber("version", v.Version);
            w.WriteString("ingested_at", v.IngestedAt.ToUniversalTime().ToString("O", System.Globalization.CultureInfo.InvariantCulture));
            w.WriteString("content_hash", v.ContentHash);
            w.WriteNumber("events", v.EventCount);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteStartArray("diagnostics");
        foreach (var d in r.Diagnostics)
        {
            w.WriteStartObject();
            w.WriteString("code", d.Code);
            w.WriteString("severity", d.Severity.ToString().ToLowerInvariant());
            w.WriteString("message", d.Message);
            w.WriteNumberOrNull("start", d.Span?.Start);
            w.WriteNumberOrNull("end", d.Span?.End);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteStartArray("events");
        foreach (var e in view.Events)
        {
            EventFormats.WriteJson(w, e);
        }

        w.WriteEndArray();
        w.WriteStartArray("spans");
        foreach (var s in view.Spans)
        {
            w.WriteStartObject();
            w.WriteNumber("start", s.Start);
            w.WriteNumber("end", s.End);
            w.WriteString("kind", s.Kind);
            w.WriteNumber("event_id", s.EventId);
            w.WriteString("label", s.Label);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }
}
