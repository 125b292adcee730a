using Sitrep.Extraction.Output;
using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Sitrep.Core;
using Sitrep.Storage;

namespace Sitrep.Cli.Commands;

/// <summary>The figures of an event as its listings show them: best current claims, launched and destroyed summed over weapons.</summary>
internal sealed record EventFacts(int? Launched, int? Destroyed, int? Killed, int? Injured, string Weapons, string Places, string ClaimedBy, PlaceRef? Location, string PrimaryFamily)
{
    public static EventFacts Of(ExtractedEvent e)
    {
        int? launched = null, destroyed = null;
        string primary = "none";
        var most = -1;
        var weapons = new List<string>();
        foreach (var w in e.Weapons)
        {
            var l = w.Current(FigureKind.Launched)?.Value;
            var d = w.Current(FigureKind.Destroyed)?.Value;
            launched = l is null ? launched : (launched ?? 0) + l;
            destroyed = d is null ? destroyed : (destroyed ?? 0) + d;
            if ((l ?? 0) > most)
            {
                most = l ?? 0;
                primary = w.Weapon.Category.Family().ToContract();
            }

            var name = w.Weapon.Model is null ? w.Weapon.Category.ToContract() : $"{w.Weapon.Model} ({w.Weapon.Category.ToContract()})";
            weapons.Add(l is null && d is null ? name : $"{name} {Num(l)}/{Num(d)}");
        }

        var places = e.Places.Select(p => p.Name ?? p.Text).Distinct(StringComparer.OrdinalIgnoreCase);
        var claimants = e.Claimants.Select(c => c.Name).Distinct(StringComparer.OrdinalIgnoreCase);
        var location = e.Location ?? e.Places.FirstOrDefault(p => p.Latitude is not null);
        return new EventFacts(launched, destroyed, e.Killed?.Value, e.Injured?.Value, string.Join("; ", weapons), string.Join("; ", places), string.Join("; ", claimants), location, primary);
    }

    private static string Num(int? v) => v?.ToString(CultureInfo.InvariantCulture) ?? "?";
}

/// <summary>
/// Writes events as JSON (the extraction contract's fields plus ids, the report and every figure claim),
/// CSV, GeoJSON and the ACLED-style table. Everything streams: one event at a time.
/// </summary>
internal static class EventOutput
{
    private static readonly JsonWriterOptions Compact = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, Indented = false };

    public static readonly string[] CsvHeader =
    [
        "id", "date", "date_precision", "kind", "attacker", "target_country", "places", "weapons", "launched", "destroyed", "killed",
        "injured", "claimed_by", "location", "admin1", "country", "latitude", "longitude", "report_id", "report_title", "report_url",
        "report_published",
    ];

    public static string[] CsvRow(StoredEvent s)
    {
        var e = s.Event;
        var f = EventFacts.Of(e);
        return
        [
            Inv(s.Id), Date(e.Date.Date), e.Date.Precision.ToContract(), Kind(e.Kind), e.Attacker.ToContract(), e.TargetCountry.ToContract(), f.Places, f.Weapons,
            Inv(f.Launched), Inv(f.Destroyed), Inv(f.Killed), Inv(f.Injured), f.ClaimedBy, f.Location is null ? "" : f.Location.Name ?? f.Location.Text,
            f.Location?.Admin1 ?? "", f.Location?.Country ?? "", Inv(f.Location?.Latitude), Inv(f.Location?.Longitude), Inv(s.Report.Id),
            s.Report.Title ?? "", s.Report.Url ?? "", Date(s.Report.Published),
        ];
    }

    /// <summary>ACLED's column names, then Sitrep's own (counts, weapons, the event and report it came from).</summary>
    public static readonly string[] AcledHeader =
    [
        "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type", "sub_event_type", "actor1", "country",
        "admin1", "location", "latitude", "longitude", "geo_precision", "source", "notes", "fatalities",
        "injuries", "launched", "destroyed", "weapons", "sitrep_event_id", "report_url",
    ];

    public static string[] AcledRow(StoredEvent s)
    {
        var e = s.Event;
        var f = EventFacts.Of(e);
        var date = e.Date.Date ?? s.Report.Published;
        var loc = f.Location;
        var country = CountryName(loc?.Country ?? (e.TargetCountry == Country.Other ? null : e.TargetCountry.ToContract()));
        return
        [
            $"SITREP{s.Id.ToString(CultureInfo.InvariantCulture)}",
            Date(date),
            date is { } d ? d.Year.ToString(CultureInfo.InvariantCulture) : "",
            TimePrecision(e.Date, dateFromReport: e.Date.Date is null && date is not null),
            "Political violence",
            "Explosions/Remote violence",
            f.PrimaryFamily is "drone" or "bomb" ? "Air/drone strike" : "Shelling/artillery/missile attack",
            Actor(e.Attacker),
            country,
            loc?.Admin1 ?? "",
            loc is null ? "" : loc.Name ?? loc.Text,
            Inv(loc?.Latitude),
            Inv(loc?.Longitude),
            loc is null ? "" : Inv(loc.GeoPrecision ?? GeoPrecision(loc.Feature)),
            s.Report.Source ?? Host(s.Report.Url) ?? "",
            Notes(e, f),
            Inv(f.Killed ?? 0),
            Inv(f.Injured),
            Inv(f.Launched),
            Inv(f.Destroyed),
            f.Weapons,
            Inv(s.Id),
            s.Report.Url ?? "",
        ];
    }

    private static string TimePrecision(EventDate date, bool dateFromReport) => dateFromReport ? "3" : date.Precision switch
    {
        DatePrecision.Day or DatePrecision.Night => "1",
        DatePrecision.Week => "2",
        _ => "3",
    };

    private static string Actor(Side side) => side switch
    {
        Side.Russia => "Military Forces of Russia (2000-)",
        Side.Ukraine => "Military Forces of Ukraine (2019-)",
        _ => "Unidentified Armed Group",
    };

    private static string CountryName(string? code) => code switch
    {
        "UA" => "Ukraine",
        "RU" => "Russia",
        "BY" => "Belarus",
        null => "",
        _ => code,
    };

    private static int GeoPrecision(string? feature) => feature switch
    {
        "populated_place" or "facility" => 1,
        "admin2" => 2,
        _ => 3,
    };

    private static string? Host(string? url) => Uri.TryCreate(url, UriKind.Absolute, out var u) ? u.Host : null;

    /// <summary>A one-sentence summary in ACLED's style, built only from the extracted facts.</summary>
    private static string Notes(ExtractedEvent e, EventFacts f)
    {
        var sb = new StringBuilder();
        sb.Append(e.Date.Date is { } d ? $"On {d:yyyy-MM-dd}" : "On an unknown date");
        if (!string.IsNullOrEmpty(e.Date.Text))
        {
            sb.Append(" (").Append(e.Date.Text).Append(')');
        }

        sb.Append(", ").Append(e.Attacker switch { Side.Russia => "Russian forces", Side.Ukraine => "Ukrainian forces", _ => "unidentified forces" });
        sb.Append(f.Weapons.Length > 0 ? $" attacked with {f.Weapons}" : " attacked");
        if (f.Places.Length > 0)
        {
            sb.Append(" targeting ").Append(f.Places);
        }

        sb.Append('.');
        if (f.Launched is not null || f.Destroyed is not null)
        {
            sb.Append(CultureInfo.InvariantCulture, $" Launched: {Inv(f.Launched, "unknown")}; destroyed: {Inv(f.Destroyed, "unknown")}.");
        }

        if (f.Killed is not null || f.Injured is not null)
        {
            sb.Append(CultureInfo.InvariantCulture, $" Killed: {Inv(f.Killed, "unknown")}; injured: {Inv(f.Injured, "unknown")}.");
        }

        if (f.ClaimedBy.Length > 0)
        {
            sb.Append(" Claimed by ").Append(f.ClaimedBy).Append('.');
        }

        return sb.ToString();
    }

    public static void WriteCsvLine(TextWriter w, IEnumerable<string> cells)
    {
        var first = true;
        foreach (var c in cells)
        {
            if (!first)
            {
                w.Write(',');
            }

            first = false;
            if (c.AsSpan().IndexOfAny(",\"\r\n") >= 0)
            {
                w.Write('"');
                w.Write(c.Replace("\"", "\"\"", StringComparison.Ordinal));
                w.Write('"');
            }
            else
            {
                w.Write(c);
            }
        }

        w.Write("\r\n");
    }

    /// <summary>One event as a JSON object on one line.</summary>
    public static string Json(StoredEvent s)
    {
        var buffer = new ArrayBufferWriter<byte>(2048);
        using (var w = new Utf8JsonWriter(buffer, Compact))
        {
            WriteJson(w, s);
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    public static void WriteJson(Utf8JsonWriter w, StoredEvent s)
    {
        var e = s.Event;
        var f = EventFacts.Of(e);
        w.WriteStartObject();
        w.WriteNumber("id", s.Id);
        w.WritePropertyName("report");
        w.WriteStartObject();
        w.WriteNumber("id", s.Report.Id);
        w.WriteString("title", s.Report.Title);
        w.WriteString("url", s.Report.Url);
        w.WriteString("published", s.Report.Published?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        w.WriteString("source", s.Report.Source);
        w.WriteNumber("version", s.Report.Version);
        w.WriteEndObject();
        w.WriteString("kind", Kind(e.Kind));
        w.WriteString("date", e.Date.Date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        w.WriteString("date_precision", e.Date.Precision.ToContract());
        w.WriteString("date_text", e.Date.Text);
        w.WriteString("attacker", e.Attacker.ToContract());
        w.WriteString("target_country", e.TargetCountry.ToContract());
        w.WriteStartArray("places");
        foreach (var p in e.Places)
        {
            WritePlace(w, p);
        }

        w.WriteEndArray();
        w.WritePropertyName("location");
        if (f.Location is null)
        {
            w.WriteNullValue();
        }
        else
        {
            WritePlace(w, f.Location);
        }

        ExtractionJson.WriteWeapons(w, e.Weapons);
        w.WriteNumberOrNull("killed", f.Killed);
        w.WriteNumberOrNull("injured", f.Injured);
        w.WriteString("claimed_by", f.ClaimedBy.Length == 0 ? null : f.ClaimedBy);
        w.WriteStartArray("figures");
        foreach (var (claim, weapon) in e.Weapons.SelectMany(u => u.Claims.Select(c => (c, (WeaponRef?)u.Weapon))).Concat(e.Casualties.Select(c => (c, (WeaponRef?)null))))
        {
            w.WriteStartObject();
            w.WriteString("kind", claim.Kind.ToContract());
            w.WriteNumber("value", claim.Value);
            w.WriteString("qualifier", claim.Qualifier.ToContract());
            w.WriteString("weapon", (claim.Weapon ?? weapon) is { } wr ? wr.Model ?? wr.Category.ToContract() : null);
            w.WriteString("claimant", claim.Claimant?.Name);
            w.WriteString("claimant_side", claim.Claimant?.Side.ToContract());
            w.WriteString("evidence", claim.Evidence.Text);
            w.WriteNumber("start", claim.Evidence.Span.Start);
            w.WriteNumber("end", claim.Evidence.Span.End);
            w.WriteBoolean("current", claim.IsCurrent);
            w.WriteString("rule", claim.Rule);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteStartArray("quotes");
        foreach (var q in e.Quotes)
        {
            w.WriteStringValue(q.Text);
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void WritePlace(Utf8JsonWriter w, PlaceRef p)
    {
        w.WriteStartObject();
        w.WriteString("text", p.Text);
        w.WriteString("name", p.Name);
        w.WriteString("feature", p.Feature);
        w.WriteString("country", p.Country);
        w.WriteString("admin1", p.Admin1);
        w.WriteNumberOrNull("lat", p.Latitude);
        w.WriteNumberOrNull("lon", p.Longitude);
        w.WriteString("gazetteer_id", p.GazetteerId);
        w.WriteEndObject();
    }

    /// <summary>One GeoJSON Feature: a Point at the event's location, or a null geometry when it has none.</summary>
    public static string GeoJsonFeature(StoredEvent s)
    {
        var e = s.Event;
        var f = EventFacts.Of(e);
        var buffer = new ArrayBufferWriter<byte>(1024);
        using (var w = new Utf8JsonWriter(buffer, Compact))
        {
            w.WriteStartObject();
            w.WriteString("type", "Feature");
            w.WriteNumber("id", s.Id);
            w.WritePropertyName("geometry");
            if (f.Location is { Latitude: { } lat, Longitude: { } lon })
            {
                w.WriteStartObject();
                w.WriteString("type", "Point");
                w.WriteStartArray("coordinates");
                w.WriteNumberValue(lon);
                w.WriteNumberValue(lat);
                w.WriteEndArray();
                w.WriteEndObject();
            }
            else
            {
                w.WriteNullValue();
            }

            w.WritePropertyName("properties");
            w.WriteStartObject();
            w.WriteString("date", e.Date.Date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            w.WriteString("kind", Kind(e.Kind));
            w.WriteString("attacker", e.Attacker.ToContract());
            w.WriteString("target_country", e.TargetCountry.ToContract());
            w.WriteString("location", f.Location is null ? null : f.Location.Name ?? f.Location.Text);
            w.WriteString("places", f.Places);
            w.WriteString("weapons", f.Weapons);
            w.WriteNumberOrNull("launched", f.Launched);
            w.WriteNumberOrNull("destroyed", f.Destroyed);
            w.WriteNumberOrNull("killed", f.Killed);
            w.WriteNumberOrNull("injured", f.Injured);
            w.WriteString("claimed_by", f.ClaimedBy);
            w.WriteNumber("report_id", s.Report.Id);
            w.WriteString("report_url", s.Report.Url);
            w.WriteEndObject();
            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }



    public static string Kind(EventKind k) => k == EventKind.Aggregate ? "aggregate" : "strike";

    public static string Date(DateOnly? d) => d?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";

    public static string Inv(long? v) => v?.ToString(CultureInfo.InvariantCulture) ?? "";

    public static string Inv(int? v, string none = "") => v?.ToString(CultureInfo.InvariantCulture) ?? none;

    public static string Inv(double? v) => v?.ToString("0.######", CultureInfo.InvariantCulture) ?? "";
}
