using System.Globalization;
using System.Text;
using System.Text.Json;
using Sitrep.Core;
using Sitrep.Extraction.Output;
using Sitrep.Ledger.Filters;
using Sitrep.Storage;

namespace Sitrep.Ledger.Formats;

/// <summary>
/// The output formats of stored events: json, jsonl (the one JSON shape of an event: the extraction contract's
/// fields, spans and claims with evidence, plus its id, the report and its attack), csv, geojson, and acled.
/// </summary>
public static class EventFormats
{
    public static readonly FormatterSet<StoredEvent> All = new(new JsonArray(), new JsonLines(), new CsvRows(), new GeoJson(), new AcledRows());

    /// <summary>One stored event as a JSON object: id, ordinal, report, attack, then the extraction's event properties.</summary>
    public static void WriteJson(Utf8JsonWriter w, StoredEvent s)
    {
        w.WriteStartObject();
        w.WriteNumber("id", s.Id);
        w.WriteNumber("ordinal", s.Ordinal);
        WriteReport(w, s.Report);
        if (s.AttackId is { } a)
        {
            w.WriteString("attack", AttackIds.Format(a));
        }
        else
        {
            w.WriteNull("attack");
        }

        ExtractionJson.WriteEventProperties(w, s.Event);
        w.WriteEndObject();
    }

    /// <summary>The report an event or claim came from, as a "report" object.</summary>
    public static void WriteReport(Utf8JsonWriter w, ReportRef r)
    {
        w.WritePropertyName("report");
        w.WriteStartObject();
        w.WriteNumber("id", r.Id);
        w.WriteNumber("version", r.Version);
        w.WriteStringOrNull("title", r.Title);
        w.WriteStringOrNull("url", r.Url);
        w.WriteStringOrNull("published", r.Published is { } p ? Cells.Date(p) : null);
        w.WriteStringOrNull("source", r.Source ?? Cells.Host(r.Url));
        w.WriteEndObject();
    }

    private sealed class JsonArray : JsonArrayFormatter<StoredEvent>
    {
        protected override void WriteObject(Utf8JsonWriter w, StoredEvent record) => WriteJson(w, record);
    }

    private sealed class JsonLines : JsonLinesFormatter<StoredEvent>
    {
        protected override void WriteObject(Utf8JsonWriter w, StoredEvent record) => WriteJson(w, record);
    }

    private sealed class CsvRows() : CsvFormatter<StoredEvent>("csv",
    [
        "id", "attack", "date", "date_precision", "kind", "attacker", "target_country", "places", "weapons", "launched", "destroyed",
        "killed", "injured", "claimed_by", "location", "admin1", "country", "latitude", "longitude", "report_id", "report_title",
        "report_url", "report_published",
    ])
    {
        public override IReadOnlyList<string> Row(StoredEvent s)
        {
            var e = s.Event;
            var f = EventFigures.Of(e);
            var loc = e.Location;
            return
            [
                Cells.Inv(s.Id), s.AttackId is { } a ? AttackIds.Format(a) : "", Cells.Date(e.Date.Date), e.Date.Precision.ToContract(), Cells.Kind(e.Kind),
                e.Attacker.ToContract(), e.TargetCountry.ToContract(), EventFigures.PlacesText(e), f.WeaponsText, Cells.Inv(f.Launched),
                Cells.Inv(f.Destroyed), Cells.Inv(f.Killed), Cells.Inv(f.Injured), EventFigures.ClaimedBy(e), Cells.PlaceName(loc),
                loc?.Admin1 ?? "", loc?.Country ?? "", Cells.Inv(loc?.Latitude), Cells.Inv(loc?.Longitude), Cells.Inv(s.Report.Id),
                s.Report.Title ?? "", s.Report.Url ?? "", Cells.Date(s.Report.Published),
            ];
        }
    }

    private sealed class GeoJson : GeoJsonFormatter<StoredEvent>
    {
        protected override void WriteFeature(Utf8JsonWriter w, StoredEvent s)
        {
            var e = s.Event;
            var f = EventFigures.Of(e);
            w.WriteStartObject();
            w.WriteString("type", "Feature");
            w.WriteNumber("id", s.Id);
            WritePoint(w, e.Location?.Latitude, e.Location?.Longitude);
            w.WritePropertyName("properties");
            w.WriteStartObject();
            w.WriteStringOrNull("attack", s.AttackId is { } a ? AttackIds.Format(a) : null);
            w.WriteStringOrNull("date", e.Date.Date is { } d ? Cells.Date(d) : null);
            w.WriteString("date_precision", e.Date.Precision.ToContract());
            w.WriteString("kind", Cells.Kind(e.Kind));
            w.WriteString("attacker", e.Attacker.ToContract());
            w.WriteString("target_country", e.TargetCountry.ToContract());
            w.WriteStringOrNull("location", e.Location is null ? null : Cells.PlaceName(e.Location));
            w.WriteNumberOrNull("geo_precision", Acled.GeoPrecision(e.Location));
            w.WriteString("places", EventFigures.PlacesText(e));
            w.WriteString("weapons", f.WeaponsText);
            w.WriteNumberOrNull("launched", f.Launched);
            w.WriteNumberOrNull("destroyed", f.Destroyed);
            w.WriteNumberOrNull("killed", f.Killed);
            w.WriteNumberOrNull("injured", f.Injured);
            w.WriteString("claimed_by", EventFigures.ClaimedBy(e));
            w.WriteNumber("report_id", s.Report.Id);
            w.WriteStringOrNull("report_url", s.Report.Url);
            w.WriteEndObject();
            w.WriteEndObject();
        }
    }

    /// <summary>ACLED's columns for one event (one report's account); attacks have their own ACLED rows.</summary>
    private sealed class AcledRows() : CsvFormatter<StoredEvent>("acled", Acled.Header)
    {
        public override IReadOnlyList<string> Row(StoredEvent s)
        {
            var e = s.Event;
            var f = EventFigures.Of(e);
            var date = e.Date.Date ?? s.Report.Published ?? s.Report.Ingested;
            return Acled.Row(new Acled.Record(
                $"SITREP-E{s.Id.ToString(CultureInfo.InvariantCulture)}", date, e.Date.Precision, e.Date.Date is null && date is not null,
                e.Attacker, e.TargetCountry, e.Location, f, EventFigures.PlacesText(e), e.Date.Text, EventFigures.ClaimedBy(e),
                s.Report.Source ?? Cells.Host(s.Report.Url) ?? "", f.Killed ?? 0, Cells.Inv(s.Id), s.Report.Url ?? ""));
        }
    }
}

/// <summary>
/// ACLED's 31 columns in ACLED's order (the 2023 codebook's "ACLED data columns at a glance"), then Sitrep's own
/// (injuries, launched, destroyed, weapons, its id, the report). How a Sitrep record fills each column, and which
/// are left empty because Sitrep does not code them, is the README's data dictionary ("ACLED rows"). A row always has
/// an <c>event_date</c>: a record the text does not date takes its report's publication date, or the day the store
/// took the report in when it has none, with <c>time_precision</c> 3.
/// </summary>
public static class Acled
{
    /// <summary>ACLED's own columns, in ACLED's order.</summary>
    public static readonly string[] Columns =
    [
        "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type", "sub_event_type", "actor1",
        "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2", "interaction", "civilian_targeting", "iso", "region",
        "country", "admin1", "admin2", "admin3", "location", "latitude", "longitude", "geo_precision", "source", "source_scale",
        "notes", "fatalities", "tags", "timestamp",
    ];

    /// <summary>
    /// The query an export of events in <paramref name="format"/> runs: ACLED codes events, not totals over a period, so
    /// an ACLED export leaves aggregates out unless the query asks for a kind.
    /// </summary>
    public static EventQuery EventQuery(EventQuery query, string format) =>
        format == "acled" && query.Kind is null ? query with { Kind = EventKind.Strike } : query;

    /// <summary>Sitrep's columns after ACLED's.</summary>
    public static readonly string[] SitrepColumns = ["injuries", "launched", "destroyed", "weapons", "sitrep_id", "report_url"];

    public static readonly string[] Header = [.. Columns, .. SitrepColumns];

    /// <summary>What one row says. <paramref name="Date"/> is the text's date, else the report's publication date (then <paramref name="DateFromReport"/>).</summary>
    public sealed record Record(
        string Id, DateOnly? Date, DatePrecision Precision, bool DateFromReport, Side Attacker, Country Target, PlaceRef? Location,
        EventFigures Figures, string Places, string DateText, string ClaimedBy, string Source, int Fatalities, string SitrepId, string Url)
    {
        /// <summary>Extra sentences for the notes (how many reports, whether a figure is contested).</summary>
        public string NotesTail { get; init; } = "";

        /// <summary>When the record last changed (ACLED's <c>timestamp</c>, Unix seconds); null leaves it empty.</summary>
        public DateTimeOffset? UpdatedAt { get; init; }
    }

    /// <summary>ACLED's actor name for a side's armed forces; empty for an attacker the reports do not name.</summary>
    public static string Actor(Side s) => s switch
    {
        Side.Russia => "Military Forces of Russia (2000-)",
        Side.Ukraine => "Military Forces of Ukraine (2019-)",
        Side.Belarus => "Military Forces of Belarus (1994-)",
        _ => "",
    };

    /// <summary>
    /// ACLED's inter code of the attacker: 1 (state forces) in its own country, 8 (external/other forces: a state's forces
    /// outside it, as ACLED codes Russia's in Ukraine) elsewhere; null when the attacker is unknown.
    /// </summary>
    public static int? Inter1(Side attacker, string? eventCountry)
    {
        var home = attacker switch { Side.Russia => "RU", Side.Ukraine => "UA", Side.Belarus => "BY", _ => null };
        return home is null ? null : home == eventCountry ? 1 : 8;
    }

    /// <summary>ISO 3166-1 numeric code, as ACLED's <c>iso</c>.</summary>
    public static int? IsoNumeric(string? alpha2) => alpha2 switch
    {
        "UA" => 804,
        "RU" => 643,
        "BY" => 112,
        "MD" => 498,
        "PL" => 616,
        "RO" => 642,
        _ => null,
    };

    /// <summary>ACLED's time precision: 1 a day (or a night, filed under its morning), 2 a week, 3 a month, unknown, or the publication date.</summary>
    public static int TimePrecision(DatePrecision p, bool fromReport) =>
        fromReport ? 3 : p switch { DatePrecision.Day or DatePrecision.Night => 1, DatePrecision.Week => 2, _ => 3 };

    /// <summary>ACLED's geo_precision: the gazetteer's, else 1 for a town or facility, 2 for a district, 3 for a region or wider.</summary>
    public static int? GeoPrecision(PlaceRef? p) =>
        p is null ? null : p.GeoPrecision ?? (p.Feature switch { "populated_place" or "facility" => 1, "admin2" => 2, _ => 3 });

    /// <summary>The event's country: the location's ISO alpha-2 code, else the target country's.</summary>
    private static string? CountryCode(Record r) => r.Location?.Country ?? r.Target switch
    {
        Country.Ukraine => "UA",
        Country.Russia => "RU",
        Country.Belarus => "BY",
        _ => null,
    };

    public static IReadOnlyList<string> Row(Record r)
    {
        var loc = r.Location;
        var f = r.Figures;
        var code = CountryCode(r);
        var country = code switch
        {
            "UA" => "Ukraine",
            "RU" => "Russia",
            "BY" => "Belarus",
            { } other => other,
            null => r.Target.Name(),
        };
        var inter1 = Inter1(r.Attacker, code);
        return
        [
            r.Id,
            Cells.Date(r.Date),
            r.Date is { } d ? d.Year.ToString(CultureInfo.InvariantCulture) : "",
            Cells.Inv(TimePrecision(r.Precision, r.DateFromReport)),
            "Political violence",
            "Explosions/Remote violence",
            f.PrimaryFamily is WeaponFamily.Drone or WeaponFamily.Bomb ? "Air/drone strike" : "Shelling/artillery/missile attack",
            Actor(r.Attacker),
            "", // assoc_actor_1
            Cells.Inv(inter1),
            "", // actor2: the reports' targets are not coded as actors
            "", // assoc_actor_2
            "", // inter2
            Cells.Inv(inter1 * 10), // interaction: the attacker's code with no second actor ("sole … action")
            "", // civilian_targeting: not coded
            Cells.Inv(IsoNumeric(code)),
            code is "UA" or "RU" or "BY" or "MD" or "PL" or "RO" ? "Europe" : "",
            country,
            loc?.Admin1 ?? "",
            loc?.Feature == "admin2" ? Cells.PlaceName(loc) : "",
            "", // admin3: the gazetteer has no third level
            Cells.PlaceName(loc),
            Cells.Inv(loc?.Latitude),
            Cells.Inv(loc?.Longitude),
            Cells.Inv(GeoPrecision(loc)),
            r.Source,
            "", // source_scale: not coded
            Notes(r),
            Cells.Inv(r.Fatalities),
            "", // tags: not coded
            r.UpdatedAt is { } at ? Cells.Inv(at.ToUnixTimeSeconds()) : "",
            Cells.Inv(f.Injured),
            Cells.Inv(f.Launched),
            Cells.Inv(f.Destroyed),
            f.WeaponsText,
            r.SitrepId,
            r.Url,
        ];
    }
    /// <summary>A summary in ACLED's style, built only from the extracted facts.</summary>
    private static string Notes(Record r)
    {
        var f = r.Figures;
        var sb = new StringBuilder();
        sb.Append(r.Date is { } d ? $"On {Cells.Date(d)}" : "On an unknown date");
        if (!string.IsNullOrEmpty(r.DateText))
        {
            sb.Append(" (").Append(r.DateText).Append(')');
        }

        sb.Append(", ").Append(r.Attacker switch { Side.Russia => "Russian forces", Side.Ukraine => "Ukrainian forces", _ => "unidentified forces" });
        sb.Append(f.WeaponsText.Length > 0 ? $" attacked with {f.WeaponsText}" : " attacked");
        if (r.Places.Length > 0)
        {
            sb.Append(" targeting ").Append(r.Places);
        }

        sb.Append('.');
        if (f.Launched is not null || f.Destroyed is not null)
        {
            sb.Append(CultureInfo.InvariantCulture, $" Launched: {Cells.Inv(f.Launched, "unknown")}; destroyed: {Cells.Inv(f.Destroyed, "unknown")}.");
        }

        if (f.Killed is not null || f.Injured is not null)
        {
            sb.Append(CultureInfo.InvariantCulture, $" Killed: {Cells.Inv(f.Killed, "unknown")}; injured: {Cells.Inv(f.Injured, "unknown")}.");
        }

        if (r.ClaimedBy.Length > 0)
        {
            sb.Append(" Claimed by ").Append(r.ClaimedBy).Append('.');
        }

        sb.Append(r.NotesTail);
        return sb.ToString();
    }
}
