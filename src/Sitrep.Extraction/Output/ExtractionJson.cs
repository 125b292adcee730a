using System.Text.Encodings.Web;
using System.Text.Json;
using Sitrep.Core;
using Sitrep.Core.Claimants;

namespace Sitrep.Extraction.Output;

/// <summary>
/// Writes an extraction in the contract of <c>eval/SCHEMA.md</c> — article, published, events, background —
/// plus, for every figure, its qualifier, claimant (as written, its registry id and side) and evidence (offsets into
/// the article text and the text there), every event's claimants (<c>claimants</c>: as written, registry id and
/// English name, side, offsets; <c>claimed_by</c> joins them with "; ", as written in English, by the registry's English
/// name and the person in Latin letters when written in Cyrillic), every place's span and
/// geography, the date's precision and words, and diagnostics.
/// </summary>
public static class ExtractionJson
{
    public static readonly JsonWriterOptions Compact = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, Indented = false };
    public static readonly JsonWriterOptions Pretty = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, Indented = true };

    public static void Write(Utf8JsonWriter w, Sitrep.Core.Extraction x)
    {
        var a = x.Article;
        w.WriteStartObject();
        w.WriteString("article", a.Id);
        if (a.Published is { } p)
        {
            w.WriteString("published", p.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        }
        else
        {
            w.WriteNull("published");
        }

        w.WriteStringOrNull("title", a.Title);
        w.WriteStringOrNull("url", a.Url);
        w.WriteStartArray("events");
        foreach (var e in x.Events.Where(e => e.Kind == EventKind.Strike))
        {
            WriteEvent(w, e);
        }

        w.WriteEndArray();
        w.WriteStartArray("background");
        foreach (var e in x.Events.Where(e => e.Kind == EventKind.Aggregate))
        {
            WriteEvent(w, e);
        }

        w.WriteEndArray();
        w.WriteStartArray("places");
        foreach (var place in x.Places)
        {
            WritePlace(w, place);
        }

        w.WriteEndArray();
        w.WriteStartArray("diagnostics");
        foreach (var d in x.Diagnostics)
        {
            w.WriteStartObject();
            w.WriteString("code", d.Code);
            w.WriteString("severity", d.Severity.ToString().ToLowerInvariant());
            w.WriteString("message", d.Message);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    public static void WriteEvent(Utf8JsonWriter w, ExtractedEvent e)
    {
        w.WriteStartObject();
        WriteEventProperties(w, e);
        w.WriteEndObject();
    }

    /// <summary>
    /// An event's properties inside an object the caller has started: the one JSON shape of an event, which the
    /// ledger's outputs extend with ids and the report.
    /// </summary>
    public static void WriteEventProperties(Utf8JsonWriter w, ExtractedEvent e)
    {
        w.WriteString("kind", e.Kind == EventKind.Aggregate ? "aggregate" : "strike");
        if (e.Date.Date is { } d)
        {
            w.WriteString("date", d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        }
        else
        {
            w.WriteNull("date");
        }

        w.WriteString("date_text", e.Date.Text);
        w.WriteString("date_precision", e.Date.Precision.ToContract());
        if (e.Date.Text.Length > 0)
        {
            WriteSpan(w, "date_span", e.Date.Span);
        }

        w.WriteString("attacker", e.Attacker.ToContract());
        w.WriteString("target_country", e.TargetCountry.ToContract());
        w.WriteStartArray("places");
        foreach (var p in e.Places)
        {
            WritePlace(w, p);
        }

        w.WriteEndArray();
        if (e.Location is { } loc)
        {
            w.WritePropertyName("location");
            WritePlace(w, loc);
        }

        WriteWeapons(w, e.Weapons);
        w.WriteNumberOrNull("killed", e.Killed?.Value);
        w.WriteNumberOrNull("injured", e.Injured?.Value);
        w.WriteStringOrNull("claimed_by", e.Claimants.Length == 0 ? null : EventFigures.ClaimedBy(e));
        w.WriteStartArray("claimants");
        foreach (var c in e.Claimants)
        {
            WriteClaimant(w, c);
        }

        w.WriteEndArray();
        w.WriteStartArray("claims");
        foreach (var c in e.Weapons.SelectMany(u => u.Claims).Concat(e.Casualties))
        {
            WriteClaim(w, c);
        }

        w.WriteEndArray();
        w.WriteStartArray("quotes");
        foreach (var q in e.Quotes)
        {
            w.WriteStringValue(q.Text);
        }

        w.WriteEndArray();
        w.WriteStartArray("quote_spans");
        foreach (var q in e.Quotes)
        {
            w.WriteStartArray();
            w.WriteNumberValue(q.Span.Start);
            w.WriteNumberValue(q.Span.End);
            w.WriteEndArray();
        }

        w.WriteEndArray();
    }

    /// <summary>The contract's <c>weapons</c> array: category, model and the current launched/destroyed/suppressed figures.</summary>
    public static void WriteWeapons(Utf8JsonWriter w, IEnumerable<WeaponUse> weapons)
    {
        w.WriteStartArray("weapons");
        foreach (var u in weapons)
        {
            w.WriteStartObject();
            w.WriteString("category", u.Weapon.Category.ToContract());
            w.WriteStringOrNull("model", u.Weapon.Model);
            w.WriteNumberOrNull("launched", u.Current(FigureKind.Launched)?.Value);
            w.WriteNumberOrNull("destroyed", u.Current(FigureKind.Destroyed)?.Value);
            w.WriteNumberOrNull("suppressed", u.Current(FigureKind.Suppressed)?.Value);
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }

    private static void WriteClaim(Utf8JsonWriter w, FigureClaim c)
    {
        w.WriteStartObject();
        w.WriteString("figure", c.Kind.ToContract());
        w.WriteNumber("value", c.Value);
        w.WriteString("qualifier", c.Qualifier.ToContract());
        if (c.Weapon is { } wr)
        {
            w.WriteString("category", wr.Category.ToContract());
            w.WriteStringOrNull("model", wr.Model);
        }

        WriteClaimedBy(w, c.Claimant?.Name, c.Claimant?.Canonical, c.Claimant?.Side);
        w.WriteBoolean("current", c.IsCurrent);
        w.WriteString("role", c.Role.ToContract());
        w.WriteString("rule", c.Rule);
        WriteEvidence(w, c.Evidence);
        w.WriteEndObject();
    }

    /// <summary>
    /// Who says a claim, in every output that writes claims (an event's, an attack's): <c>claimed_by</c> as written,
    /// <c>claimant_id</c> as the registry knows it, <c>claimant_side</c>; each null when unknown.
    /// </summary>
    public static void WriteClaimedBy(Utf8JsonWriter w, string? writtenAs, string? id, Side? side)
    {
        w.WriteStringOrNull("claimed_by", writtenAs);
        w.WriteStringOrNull("claimant_id", id);
        w.WriteStringOrNull("claimant_side", side?.ToContract());
    }

    /// <summary>A claim's <c>evidence</c>: the half-open span over the report's text and the words it covers.</summary>
    public static void WriteEvidence(Utf8JsonWriter w, Evidence evidence)
    {
        w.WritePropertyName("evidence");
        w.WriteStartObject();
        w.WriteNumber("start", evidence.Span.Start);
        w.WriteNumber("end", evidence.Span.End);
        w.WriteString("text", evidence.Text);
        w.WriteEndObject();
    }

    /// <summary>A claimant as written (<c>text</c>, <c>start</c>/<c>end</c>) and as the registry knows it (<c>id</c>, English <c>name</c>; null when unknown).</summary>
    private static void WriteClaimant(Utf8JsonWriter w, Claimant c)
    {
        w.WriteStartObject();
        w.WriteString("text", c.Name);
        w.WriteStringOrNull("id", c.Canonical);
        w.WriteStringOrNull("name", c.Canonical is { } id && ClaimantRegistry.Default.TryGet(id, out var entry) ? entry.Name : null);
        w.WriteString("side", c.Side.ToContract());
        w.WriteNumber("start", c.Span.Start);
        w.WriteNumber("end", c.Span.End);
        w.WriteEndObject();
    }

    /// <summary>A place with its span, geography, ACLED geo_precision, UCDP where_prec and the occupied flag.</summary>
    public static void WritePlace(Utf8JsonWriter w, PlaceRef p)
    {
        w.WriteStartObject();
        w.WriteString("text", p.Text);
        w.WriteStringOrNull("name", p.Name);
        w.WriteNumber("start", p.Span.Start);
        w.WriteNumber("end", p.Span.End);
        w.WriteStringOrNull("gazetteer_id", p.GazetteerId);
        w.WriteStringOrNull("feature", p.Feature);
        w.WriteStringOrNull("admin1", p.Admin1);
        w.WriteStringOrNull("country", p.Country);
        w.WriteNumberOrNull("lat", p.Latitude);
        w.WriteNumberOrNull("lon", p.Longitude);
        w.WriteNumberOrNull("geo_precision", p.GeoPrecision);
        w.WriteNumberOrNull("where_prec", p.WherePrecision);
        w.WriteBoolean("occupied", p.Occupied);
        w.WriteEndObject();
    }

    private static void WriteSpan(Utf8JsonWriter w, string name, Sitrep.Core.TextSpan span)
    {
        w.WriteStartArray(name);
        w.WriteNumberValue(span.Start);
        w.WriteNumberValue(span.End);
        w.WriteEndArray();
    }
}
