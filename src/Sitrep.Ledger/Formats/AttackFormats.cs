using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using Sitrep.Core;
using Sitrep.Extraction.Output;
using Sitrep.Ledger.Filters;
using Sitrep.Storage;

namespace Sitrep.Ledger.Formats;

/// <summary>
/// The output formats of attacks: json and jsonl (the contract of eval/SCHEMA.md "Attacks: the merged ledger" —
/// id, date, attacker, target_country, members named by article and event index, figures with best/low/high — plus
/// every figure's conservative value, contested flag, rule and claims, and every member's score and reasons), csv,
/// geojson, and acled (one row per attack).
/// </summary>
public static class AttackFormats
{
    public static readonly FormatterSet<StoredAttack> All = new(new JsonArray(), new JsonLines(), new CsvRows(), new GeoJson(), new AcledRows());

    /// <summary>The outlets of an attack's member reports, each once, in member order.</summary>
    public static ImmutableArray<string> Sources(StoredAttack a) =>
        [.. a.Members.Select(m => m.Report?.Source ?? Cells.Host(m.Report?.Url)).OfType<string>().Distinct(StringComparer.OrdinalIgnoreCase)];

    /// <summary>One attack as a JSON object. <paramref name="claims"/>: write every figure's claims (an item view) or not (a list).</summary>
    public static void WriteJson(Utf8JsonWriter w, StoredAttack a, bool claims = true)
    {
        w.WriteStartObject();
        WriteHead(w, a);
        w.WritePropertyName("figures");
        w.WriteStartObject();
        foreach (var f in a.Figures)
        {
            w.WritePropertyName(f.Name);
            w.WriteStartObject();
            w.WriteNumber("best", f.Best);
            w.WriteNumber("low", f.Low);
            w.WriteNumber("high", f.High);
            w.WriteNumber("conservative", f.Conservative);
            w.WriteBoolean("contested", f.Contested);
            w.WriteString("rule", f.Rule);
            w.WriteString("reason", f.Reason);
            if (claims)
            {
                w.WriteStartArray("claims");
                foreach (var c in f.Claims)
                {
                    WriteClaim(w, c);
                }

                w.WriteEndArray();
            }

            w.WriteEndObject();
        }

        w.WriteEndObject();
        w.WriteStringArray("sources", Sources(a));
        w.WriteStartArray("members");
        foreach (var m in a.Members)
        {
            w.WriteStartObject();
            w.WriteString("article", m.Article);
            w.WriteNumber("event", m.StrikeIndex);
            w.WriteNumber("event_id", m.EventId);
            w.WriteNumber("report_id", m.ReportId);
            w.WriteString("kind", m.Kind);
            w.WriteNumber("score", Math.Round(m.Score, 3));
            w.WriteBoolean("partial", m.Partial);
            w.WriteString("why", m.Explain);
            if (claims)
            {
                w.WriteStartArray("features");
                foreach (var f in m.Features)
                {
                    w.WriteStartObject();
                    w.WriteString("name", f.Name);
                    w.WriteNumber("value", f.Value);
                    w.WriteString("reason", f.Reason);
                    w.WriteEndObject();
                }

                w.WriteEndArray();
                if (m.Report is { } r)
                {
                    EventFormats.WriteReport(w, r);
                }
            }

            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    /// <summary>
    /// One attack in brief, as a listing row: the fields of <see cref="WriteJson"/> before <c>figures</c>, then the best launched
    /// and destroyed summed over its weapon families and the best killed and injured (no figures, claims or members: the
    /// attack's own view has them).
    /// </summary>
    public static void WriteSummaryJson(Utf8JsonWriter w, StoredAttack a)
    {
        w.WriteStartObject();
        WriteHead(w, a);
        w.WriteNumberOrNull("launched", a.Launched);
        w.WriteNumberOrNull("destroyed", a.Destroyed);
        w.WriteNumberOrNull("killed", a.Killed);
        w.WriteNumberOrNull("injured", a.Injured);
        w.WriteEndObject();
    }

    /// <summary>The fields every view of an attack starts with: id, date, sides, counts, places, weapons and location.</summary>
    private static void WriteHead(Utf8JsonWriter w, StoredAttack a)
    {
        w.WriteString("id", AttackIds.Format(a.Id));
        w.WriteStringOrNull("date", a.Date is { } d ? Cells.Date(d) : null);
        w.WriteString("date_precision", a.Precision.ToContract());
        w.WriteString("attacker", a.Attacker.ToContract());
        w.WriteString("target_country", a.Target.ToContract());
        w.WriteNumber("n_events", a.Events);
        w.WriteNumber("n_reports", a.Reports);
        w.WriteNumber("n_sources", a.Sources);
        w.WriteBoolean("contested", a.Contested);
        w.WriteString("places", a.Places);
        w.WriteString("weapons", a.Weapons);
        if (a.Location is { } loc)
        {
            w.WritePropertyName("location");
            ExtractionJson.WritePlace(w, loc);
        }
        else
        {
            w.WriteNull("location");
        }

        WriteLocationFrom(w, a);
    }

    /// <summary>
    /// <c>location_from</c>: the member whose words the location's text and span are (its event and report ids, and its
    /// article and event index when the attack's members are at hand); null when the attack has no location or the
    /// store does not know it.
    /// </summary>
    private static void WriteLocationFrom(Utf8JsonWriter w, StoredAttack a)
    {
        if (a.LocationFrom is not { } from)
        {
            w.WriteNull("location_from");
            return;
        }

        w.WriteStartObject("location_from");
        w.WriteNumber("event_id", from.EventId);
        w.WriteNumber("report_id", from.ReportId);
        if (a.Members.FirstOrDefault(m => m.EventId == from.EventId) is { } member)
        {
            w.WriteString("article", member.Article);
            w.WriteNumber("event", member.StrikeIndex);
        }

        w.WriteEndObject();
    }

    /// <summary>One claim behind an attack figure: value, hedge, claimant as written and canonical, report, standing, evidence span.</summary>
    public static void WriteClaim(Utf8JsonWriter w, StoredAttackClaim c)
    {
        w.WriteStartObject();
        w.WriteNumber("value", c.Value);
        w.WriteString("qualifier", c.Qualifier.ToContract());
        ExtractionJson.WriteClaimedBy(w, c.ClaimedBy, c.ClaimantId, c.ClaimantSide);
        w.WriteNumber("event_id", c.EventId);
        w.WriteNumber("report_id", c.ReportId);
        w.WriteStringOrNull("source", c.Source);
        w.WriteStringOrNull("report_date", c.ReportDate is { } d ? Cells.Date(d) : null);
        w.WriteNumber("authority", c.Authority);
        w.WriteString("standing", c.Standing);
        w.WriteBoolean("partial", c.Partial);
        w.WriteBoolean("best", c.IsBest);
        ExtractionJson.WriteEvidence(w, c.Evidence);
        w.WriteEndObject();
    }

    internal static void WriteStringArray(this Utf8JsonWriter w, string name, IEnumerable<string> values)
    {
        w.WriteStartArray(name);
        foreach (var v in values)
        {
            w.WriteStringValue(v);
        }

        w.WriteEndArray();
    }

    /// <summary>The best figure with this contract name, or null.</summary>
    public static int? Best(StoredAttack a, string name) => a.Figure(name)?.Best;

    /// <summary>Best launched and destroyed summed over the attack's families (model figures left out).</summary>
    public static (int? Launched, int? Destroyed) Totals(StoredAttack a) => (a.Launched, a.Destroyed);

    /// <summary>"3" for a figure all claims agree on, "3 (2–5)" for one they do not.</summary>
    public static string Range(StoredAttackFigure? f) => f is null ? ""
        : f.Low == f.High ? Cells.Inv(f.Best) : string.Create(CultureInfo.InvariantCulture, $"{f.Best} ({f.Low}–{f.High})");

    private sealed class JsonArray : JsonArrayFormatter<StoredAttack>
    {
        protected override void WriteObject(Utf8JsonWriter w, StoredAttack record) => WriteJson(w, record);
    }

    private sealed class JsonLines : JsonLinesFormatter<StoredAttack>
    {
        protected override void WriteObject(Utf8JsonWriter w, StoredAttack record) => WriteJson(w, record);
    }

    private sealed class CsvRows() : CsvFormatter<StoredAttack>("csv",
    [
        "id", "date", "date_precision", "attacker", "target_country", "n_events", "n_reports", "n_sources", "places", "weapons",
        "launched", "destroyed", "killed", "killed_low", "killed_high", "injured", "injured_low", "injured_high", "contested",
        "location", "admin1", "country", "latitude", "longitude", "sources",
    ])
    {
        public override IReadOnlyList<string> Row(StoredAttack a)
        {
            var (l, d) = Totals(a);
            var killed = a.Figure("killed");
            var injured = a.Figure("injured");
            var loc = a.Location;
            return
            [
                AttackIds.Format(a.Id), Cells.Date(a.Date), a.Precision.ToContract(), a.Attacker.ToContract(), a.Target.ToContract(),
                Cells.Inv(a.Events), Cells.Inv(a.Reports), Cells.Inv(a.Sources), a.Places, a.Weapons, Cells.Inv(l), Cells.Inv(d),
                Cells.Inv(killed?.Best), Cells.Inv(killed?.Low), Cells.Inv(killed?.High), Cells.Inv(injured?.Best), Cells.Inv(injured?.Low),
                Cells.Inv(injured?.High), a.Contested ? "true" : "false", Cells.PlaceName(loc), loc?.Admin1 ?? "", loc?.Country ?? "",
                Cells.Inv(loc?.Latitude), Cells.Inv(loc?.Longitude), string.Join("; ", Sources(a)),
            ];
        }
    }

    private sealed class GeoJson : GeoJsonFormatter<StoredAttack>
    {
        protected override void WriteFeature(Utf8JsonWriter w, StoredAttack a)
        {
            var (l, d) = Totals(a);
            w.WriteStartObject();
            w.WriteString("type", "Feature");
            w.WriteString("id", AttackIds.Format(a.Id));
            WritePoint(w, a.Location?.Latitude, a.Location?.Longitude);
            w.WritePropertyName("properties");
            w.WriteStartObject();
            w.WriteStringOrNull("date", a.Date is { } day ? Cells.Date(day) : null);
            w.WriteString("date_precision", a.Precision.ToContract());
            w.WriteString("attacker", a.Attacker.ToContract());
            w.WriteString("target_country", a.Target.ToContract());
            w.WriteStringOrNull("location", a.Location is null ? null : Cells.PlaceName(a.Location));
            w.WriteNumberOrNull("geo_precision", Acled.GeoPrecision(a.Location));
            w.WriteString("places", a.Places);
            w.WriteString("weapons", a.Weapons);
            w.WriteNumberOrNull("launched", l);
            w.WriteNumberOrNull("destroyed", d);
            w.WriteNumberOrNull("killed", a.Killed ?? Best(a, "killed"));
            w.WriteNumberOrNull("injured", a.Injured ?? Best(a, "injured"));
            w.WriteNumber("n_reports", a.Reports);
            w.WriteNumber("n_sources", a.Sources);
            w.WriteBoolean("contested", a.Contested);
            w.WriteEndObject();
            w.WriteEndObject();
        }
    }

    private static WeaponFamily? MainFamily(StoredAttack a, FigureKind kind) =>
        a.Figures.Where(f => f.IsFamilyFigure && f.Kind == kind).OrderByDescending(f => f.Best).FirstOrDefault()?.Family;

    /// <summary>ACLED's columns, one row per attack: fatalities the conservative killed, the sources and report count in source and notes.</summary>
    private sealed class AcledRows() : CsvFormatter<StoredAttack>("acled", Acled.Header)
    {
        public override IReadOnlyList<string> Row(StoredAttack a)
        {
            var (l, d) = Totals(a);
            var killed = a.Figure("killed");
            var injured = a.Figure("injured");
            // The main weapon family: the largest launched family figure; when no figure says how many were launched, the largest
            // destroyed one ("32 drones shot down" is a drone attack).
            var primary = MainFamily(a, FigureKind.Launched) ?? MainFamily(a, FigureKind.Destroyed);
            var figures = new EventFigures(l, d, null, killed?.Best, injured?.Best, primary, [], a.Weapons);
            var sources = Sources(a);
            var tail = string.Create(CultureInfo.InvariantCulture, $" Told by {a.Reports} report{(a.Reports == 1 ? "" : "s")} from {a.Sources} source{(a.Sources == 1 ? "" : "s")}.");
            if (killed is { } k && k.Low != k.High)
            {
                tail += string.Create(CultureInfo.InvariantCulture, $" Killed: reports give {k.Low} to {k.High}; best {k.Best}.");
            }

            if (a.Contested)
            {
                tail += " Figures contested between the sides: " + string.Join(", ", a.Figures.Where(f => f.Contested).Select(f => f.Name)) + ".";
            }

            // An attack no member's text dates is filed under its reports' day: the earliest publication date, else
            // (reports without one) the earliest day the store took one of them in.
            var date = a.Date ?? a.Members.Select(m => m.Report?.Published).Where(p => p is not null).Min()
                ?? a.Members.Select(m => m.Report?.Ingested).Where(p => p is not null).Min();
            return Acled.Row(new Acled.Record(
                $"SITREP-A{a.Id.ToString(CultureInfo.InvariantCulture)}", date, a.Precision, a.Date is null && date is not null, a.Attacker, a.Target,
                a.Location, figures, a.Places, "", "", string.Join("; ", sources), killed?.Conservative ?? 0, AttackIds.Format(a.Id),
                a.Members.FirstOrDefault()?.Report?.Url ?? "")
            { NotesTail = tail, UpdatedAt = a.UpdatedAt });
        }
    }
}
