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
        w.WriteString(Names.Article, a.Id);
        WriteDate(w, Names.Published, a.Published);

        w.WriteStringOrNull(Names.Title, a.Title);
        w.WriteStringOrNull(Names.Url, a.Url);
        w.WriteStartArray(Names.Events);
        WriteEvents(w, x.Events, EventKind.Strike);

        w.WriteEndArray();
        w.WriteStartArray(Names.Background);
        WriteEvents(w, x.Events, EventKind.Aggregate);

        w.WriteEndArray();
        w.WriteStartArray(Names.Places);
        foreach (var place in x.Places)
        {
            WritePlace(w, place);
        }

        w.WriteEndArray();
        w.WriteStartArray(Names.Diagnostics);
        foreach (var d in x.Diagnostics)
        {
            w.WriteStartObject();
            w.WriteString(Names.Code, d.Code);
            w.WriteString(Names.Severity, d.Severity.ToString().ToLowerInvariant());
            w.WriteString(Names.Message, d.Message);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void WriteEvents(Utf8JsonWriter w, System.Collections.Immutable.ImmutableArray<ExtractedEvent> events, EventKind kind)
    {
        foreach (var e in events)
        {
            if (e.Kind == kind)
            {
                WriteEvent(w, e);
            }
        }
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
        w.WriteString(Names.Kind, e.Kind == EventKind.Aggregate ? "aggregate" : "strike");
        WriteDate(w, Names.Date, e.Date.Date);

        w.WriteString(Names.DateText, e.Date.Text);
        w.WriteString(Names.DatePrecision, e.Date.Precision.ToContract());
        if (e.Date.Text.Length > 0)
        {
            WriteSpan(w, Names.DateSpan, e.Date.Span);
        }

        w.WriteString(Names.Attacker, e.Attacker.ToContract());
        w.WriteString(Names.TargetCountry, e.TargetCountry.ToContract());
        w.WriteStartArray(Names.Places);
        foreach (var p in e.Places)
        {
            WritePlace(w, p);
        }

        w.WriteEndArray();
        if (e.Location is { } loc)
        {
            w.WritePropertyName(Names.Location);
            WritePlace(w, loc);
        }

        WriteWeapons(w, e.Weapons);
        w.WriteNumberOrNull(Names.Killed, e.Killed?.Value);
        w.WriteNumberOrNull(Names.Injured, e.Injured?.Value);
        w.WriteStringOrNull(Names.ClaimedBy, e.Claimants.Length == 0 ? null : EventFigures.ClaimedBy(e));
        w.WriteStartArray(Names.Claimants);
        foreach (var c in e.Claimants)
        {
            WriteClaimant(w, c);
        }

        w.WriteEndArray();
        w.WriteStartArray(Names.Claims);
        foreach (var u in e.Weapons)
        {
            foreach (var c in u.Claims)
            {
                WriteClaim(w, c);
            }
        }

        foreach (var c in e.Casualties)
        {
            WriteClaim(w, c);
        }

        w.WriteEndArray();
        w.WriteStartArray(Names.Quotes);
        foreach (var q in e.Quotes)
        {
            w.WriteStringValue(q.Text);
        }

        w.WriteEndArray();
        w.WriteStartArray(Names.QuoteSpans);
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
        w.WriteStartArray(Names.Weapons);
        foreach (var u in weapons)
        {
            w.WriteStartObject();
            w.WriteString(Names.Category, u.Weapon.Category.ToContract());
            w.WriteStringOrNull(Names.Model, u.Weapon.Model);
            w.WriteNumberOrNull(Names.Launched, u.Current(FigureKind.Launched)?.Value);
            w.WriteNumberOrNull(Names.Destroyed, u.Current(FigureKind.Destroyed)?.Value);
            w.WriteNumberOrNull(Names.Suppressed, u.Current(FigureKind.Suppressed)?.Value);
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }

    private static void WriteClaim(Utf8JsonWriter w, FigureClaim c)
    {
        w.WriteStartObject();
        w.WriteString(Names.Figure, c.Kind.ToContract());
        w.WriteNumber(Names.Value, c.Value);
        w.WriteString(Names.Qualifier, c.Qualifier.ToContract());
        if (c.Weapon is { } wr)
        {
            w.WriteString(Names.Category, wr.Category.ToContract());
            w.WriteStringOrNull(Names.Model, wr.Model);
        }

        WriteClaimedBy(w, c.Claimant?.Name, c.Claimant?.Canonical, c.Claimant?.Side);
        w.WriteBoolean(Names.Current, c.IsCurrent);
        w.WriteString(Names.Role, c.Role.ToContract());
        w.WriteString(Names.Rule, c.Rule);
        WriteEvidence(w, c.Evidence);
        w.WriteEndObject();
    }

    /// <summary>
    /// Who says a claim, in every output that writes claims (an event's, an attack's): <c>claimed_by</c> as written,
    /// <c>claimant_id</c> as the registry knows it, <c>claimant_side</c>; each null when unknown.
    /// </summary>
    public static void WriteClaimedBy(Utf8JsonWriter w, string? writtenAs, string? id, Side? side)
    {
        w.WriteStringOrNull(Names.ClaimedBy, writtenAs);
        w.WriteStringOrNull(Names.ClaimantId, id);
        w.WriteStringOrNull(Names.ClaimantSide, side?.ToContract());
    }

    /// <summary>A claim's <c>evidence</c>: the half-open span over the report's text and the words it covers.</summary>
    public static void WriteEvidence(Utf8JsonWriter w, Evidence evidence)
    {
        w.WritePropertyName(Names.Evidence);
        w.WriteStartObject();
        w.WriteNumber(Names.Start, evidence.Span.Start);
        w.WriteNumber(Names.End, evidence.Span.End);
        w.WriteString(Names.Text, evidence.Text);
        w.WriteEndObject();
    }

    /// <summary>A claimant as written (<c>text</c>, <c>start</c>/<c>end</c>) and as the registry knows it (<c>id</c>, English <c>name</c>; null when unknown).</summary>
    private static void WriteClaimant(Utf8JsonWriter w, Claimant c)
    {
        w.WriteStartObject();
        w.WriteString(Names.Text, c.Name);
        w.WriteStringOrNull(Names.Id, c.Canonical);
        w.WriteStringOrNull(Names.Name, c.Canonical is { } id && ClaimantRegistry.Default.TryGet(id, out var entry) ? entry.Name : null);
        w.WriteString(Names.Side, c.Side.ToContract());
        w.WriteNumber(Names.Start, c.Span.Start);
        w.WriteNumber(Names.End, c.Span.End);
        w.WriteEndObject();
    }

    /// <summary>A place with its span, geography, ACLED geo_precision, UCDP where_prec and the occupied flag.</summary>
    public static void WritePlace(Utf8JsonWriter w, PlaceRef p)
    {
        w.WriteStartObject();
        w.WriteString(Names.Text, p.Text);
        w.WriteStringOrNull(Names.Name, p.Name);
        w.WriteNumber(Names.Start, p.Span.Start);
        w.WriteNumber(Names.End, p.Span.End);
        w.WriteStringOrNull(Names.GazetteerId, p.GazetteerId);
        w.WriteStringOrNull(Names.Feature, p.Feature);
        w.WriteStringOrNull(Names.Admin1, p.Admin1);
        w.WriteStringOrNull(Names.Country, p.Country);
        w.WriteNumberOrNull(Names.Lat, p.Latitude);
        w.WriteNumberOrNull(Names.Lon, p.Longitude);
        w.WriteNumberOrNull(Names.GeoPrecision, p.GeoPrecision);
        w.WriteNumberOrNull(Names.WherePrec, p.WherePrecision);
        w.WriteBoolean(Names.Occupied, p.Occupied);
        w.WriteEndObject();
    }

    /// <summary>A date as "yyyy-MM-dd", formatted straight into UTF-8; null when there is none.</summary>
    private static void WriteDate(Utf8JsonWriter w, JsonEncodedText name, DateOnly? date)
    {
        Span<byte> utf8 = stackalloc byte[16];
        if (date is { } d && d.TryFormat(utf8, out var written, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture))
        {
            w.WriteString(name, utf8[..written]);
        }
        else
        {
            w.WriteNull(name);
        }
    }

    private static void WriteSpan(Utf8JsonWriter w, JsonEncodedText name, Sitrep.Core.TextSpan span)
    {
        w.WriteStartArray(name);
        w.WriteNumberValue(span.Start);
        w.WriteNumberValue(span.End);
        w.WriteEndArray();
    }

    /// <summary>The contract's property names, encoded once: a writer copies their bytes instead of encoding a name per property.</summary>
    private static class Names
    {
        public static readonly JsonEncodedText Admin1 = JsonEncodedText.Encode("admin1");
        public static readonly JsonEncodedText Article = JsonEncodedText.Encode("article");
        public static readonly JsonEncodedText Attacker = JsonEncodedText.Encode("attacker");
        public static readonly JsonEncodedText Background = JsonEncodedText.Encode("background");
        public static readonly JsonEncodedText Category = JsonEncodedText.Encode("category");
        public static readonly JsonEncodedText ClaimantId = JsonEncodedText.Encode("claimant_id");
        public static readonly JsonEncodedText ClaimantSide = JsonEncodedText.Encode("claimant_side");
        public static readonly JsonEncodedText Claimants = JsonEncodedText.Encode("claimants");
        public static readonly JsonEncodedText ClaimedBy = JsonEncodedText.Encode("claimed_by");
        public static readonly JsonEncodedText Claims = JsonEncodedText.Encode("claims");
        public static readonly JsonEncodedText Code = JsonEncodedText.Encode("code");
        public static readonly JsonEncodedText Country = JsonEncodedText.Encode("country");
        public static readonly JsonEncodedText Current = JsonEncodedText.Encode("current");
        public static readonly JsonEncodedText Date = JsonEncodedText.Encode("date");
        public static readonly JsonEncodedText DatePrecision = JsonEncodedText.Encode("date_precision");
        public static readonly JsonEncodedText DateSpan = JsonEncodedText.Encode("date_span");
        public static readonly JsonEncodedText DateText = JsonEncodedText.Encode("date_text");
        public static readonly JsonEncodedText Destroyed = JsonEncodedText.Encode("destroyed");
        public static readonly JsonEncodedText Diagnostics = JsonEncodedText.Encode("diagnostics");
        public static readonly JsonEncodedText End = JsonEncodedText.Encode("end");
        public static readonly JsonEncodedText Events = JsonEncodedText.Encode("events");
        public static readonly JsonEncodedText Evidence = JsonEncodedText.Encode("evidence");
        public static readonly JsonEncodedText Feature = JsonEncodedText.Encode("feature");
        public static readonly JsonEncodedText Figure = JsonEncodedText.Encode("figure");
        public static readonly JsonEncodedText GazetteerId = JsonEncodedText.Encode("gazetteer_id");
        public static readonly JsonEncodedText GeoPrecision = JsonEncodedText.Encode("geo_precision");
        public static readonly JsonEncodedText Id = JsonEncodedText.Encode("id");
        public static readonly JsonEncodedText Injured = JsonEncodedText.Encode("injured");
        public static readonly JsonEncodedText Killed = JsonEncodedText.Encode("killed");
        public static readonly JsonEncodedText Kind = JsonEncodedText.Encode("kind");
        public static readonly JsonEncodedText Lat = JsonEncodedText.Encode("lat");
        public static readonly JsonEncodedText Launched = JsonEncodedText.Encode("launched");
        public static readonly JsonEncodedText Location = JsonEncodedText.Encode("location");
        public static readonly JsonEncodedText Lon = JsonEncodedText.Encode("lon");
        public static readonly JsonEncodedText Message = JsonEncodedText.Encode("message");
        public static readonly JsonEncodedText Model = JsonEncodedText.Encode("model");
        public static readonly JsonEncodedText Name = JsonEncodedText.Encode("name");
        public static readonly JsonEncodedText Occupied = JsonEncodedText.Encode("occupied");
        public static readonly JsonEncodedText Places = JsonEncodedText.Encode("places");
        public static readonly JsonEncodedText Published = JsonEncodedText.Encode("published");
        public static readonly JsonEncodedText Qualifier = JsonEncodedText.Encode("qualifier");
        public static readonly JsonEncodedText QuoteSpans = JsonEncodedText.Encode("quote_spans");
        public static readonly JsonEncodedText Quotes = JsonEncodedText.Encode("quotes");
        public static readonly JsonEncodedText Role = JsonEncodedText.Encode("role");
        public static readonly JsonEncodedText Rule = JsonEncodedText.Encode("rule");
        public static readonly JsonEncodedText Severity = JsonEncodedText.Encode("severity");
        public static readonly JsonEncodedText Side = JsonEncodedText.Encode("side");
        public static readonly JsonEncodedText Start = JsonEncodedText.Encode("start");
        public static readonly JsonEncodedText Suppressed = JsonEncodedText.Encode("suppressed");
        public static readonly JsonEncodedText TargetCountry = JsonEncodedText.Encode("target_country");
        public static readonly JsonEncodedText Text = JsonEncodedText.Encode("text");
        public static readonly JsonEncodedText Title = JsonEncodedText.Encode("title");
        public static readonly JsonEncodedText Url = JsonEncodedText.Encode("url");
        public static readonly JsonEncodedText Value = JsonEncodedText.Encode("value");
        public static readonly JsonEncodedText Weapons = JsonEncodedText.Encode("weapons");
        public static readonly JsonEncodedText WherePrec = JsonEncodedText.Encode("where_prec");
    }
}
