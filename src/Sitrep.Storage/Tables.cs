using NpgsqlTypes;

namespace Sitrep.Storage;

/// <summary>How one kind of row maps to a table's columns; the SQLite and PostgreSQL writers both use it.</summary>
internal sealed record TableSpec<T>(string Name, (string Column, NpgsqlDbType Type)[] Columns, Func<T, object?[]> Values)
{
    public string ColumnList => string.Join(", ", Columns.Select(c => c.Column));
}

/// <summary>The child tables of an extraction, in the order they must be written (parents first).</summary>
internal static class Tables
{
    private const NpgsqlDbType Big = NpgsqlDbType.Bigint;
    private const NpgsqlDbType Int = NpgsqlDbType.Integer;
    private const NpgsqlDbType Txt = NpgsqlDbType.Text;
    private const NpgsqlDbType Dbl = NpgsqlDbType.Double;
    private const NpgsqlDbType Bool = NpgsqlDbType.Boolean;
    private const NpgsqlDbType Date = NpgsqlDbType.Date;
    private const NpgsqlDbType Time = NpgsqlDbType.TimestampTz;

    public static readonly TableSpec<EventRow> Events = new(
        "events",
        [
            ("id", Big), ("report_id", Big), ("ordinal", Int), ("kind", Txt), ("date", Date), ("date_start", Date), ("date_precision", Txt),
            ("date_text", Txt), ("date_span_start", Int), ("date_span_end", Int), ("attacker", Txt), ("target_country", Txt),
            ("launched", Int), ("destroyed", Int), ("suppressed", Int), ("killed", Int), ("injured", Int), ("categories", Int),
            ("primary_family", Txt), ("weapons_text", Txt), ("places_text", Txt), ("claimed_by", Txt), ("location_text", Txt),
            ("location_name", Txt), ("location_country", Txt), ("location_admin1", Txt), ("latitude", Dbl), ("longitude", Dbl),
            ("geo_precision", Int), ("anchor", Date), ("report_latest", Date),
        ],
        e =>
        [
            e.Id, e.ReportId, e.Ordinal, e.Kind, e.Date, e.DateStart, e.DatePrecision, e.DateText, e.DateSpanStart, e.DateSpanEnd,
            e.Attacker, e.TargetCountry, e.Launched, e.Destroyed, e.Suppressed, e.Killed, e.Injured, e.Categories, e.PrimaryFamily,
            e.WeaponsText, e.PlacesText, e.ClaimedBy, e.LocationText, e.LocationName, e.LocationCountry, e.LocationAdmin1,
            e.Latitude, e.Longitude, e.GeoPrecision, e.Anchor, e.ReportLatest,
        ]);

    public static readonly TableSpec<WeaponRow> Weapons = new(
        "weapons",
        [
            ("id", Big), ("event_id", Big), ("report_id", Big), ("ordinal", Int), ("category", Txt), ("family", Txt), ("model", Txt),
            ("model_key", Txt), ("evidence_start", Int), ("evidence_end", Int), ("evidence_text", Txt), ("launched", Int),
            ("destroyed", Int), ("suppressed", Int),
        ],
        w =>
        [
            w.Id, w.EventId, w.ReportId, w.Ordinal, w.Category, w.Family, w.Model, w.ModelKey, w.EvidenceStart, w.EvidenceEnd,
            w.EvidenceText, w.Launched, w.Destroyed, w.Suppressed,
        ]);

    public static readonly TableSpec<FigureRow> Figures = new(
        "figures",
        [
            ("event_id", Big), ("report_id", Big), ("weapon_id", Big), ("ordinal", Int), ("kind", Txt), ("value", Int), ("qualifier", Txt),
            ("claimant_name", Txt), ("claimant_side", Txt), ("claimant_start", Int), ("claimant_end", Int), ("evidence_start", Int),
            ("evidence_end", Int), ("evidence_text", Txt), ("is_current", Bool), ("weapon_category", Txt), ("weapon_model", Txt),
            ("rule", Txt), ("claimant_id", Txt), ("claimant_person", Bool),
        ],
        f =>
        [
            f.EventId, f.ReportId, f.WeaponId, f.Ordinal, f.Kind, f.Value, f.Qualifier, f.ClaimantName, f.ClaimantSide,
            f.ClaimantStart, f.ClaimantEnd, f.EvidenceStart, f.EvidenceEnd, f.EvidenceText, f.IsCurrent, f.WeaponCategory,
            f.WeaponModel, f.Rule, f.ClaimantId, f.ClaimantPerson,
        ]);

    public static readonly TableSpec<PlaceRow> Places = new(
        "places",
        [
            ("event_id", Big), ("report_id", Big), ("ordinal", Int), ("text", Txt), ("span_start", Int), ("span_end", Int), ("name", Txt),
            ("gazetteer_id", Txt), ("feature", Txt), ("admin1", Txt), ("country", Txt), ("latitude", Dbl), ("longitude", Dbl),
            ("geo_precision", Int), ("where_precision", Int), ("occupied", Bool), ("is_target", Bool), ("is_location", Bool),
            ("text_key", Txt), ("name_key", Txt), ("admin1_key", Txt),
        ],
        p =>
        [
            p.EventId, p.ReportId, p.Ordinal, p.Text, p.SpanStart, p.SpanEnd, p.Name, p.GazetteerId, p.Feature, p.Admin1, p.Country,
            p.Latitude, p.Longitude, p.GeoPrecision, p.WherePrecision, p.Occupied, p.IsTarget, p.IsLocation, p.TextKey, p.NameKey,
            p.Admin1Key,
        ]);

    public static readonly TableSpec<ClaimantRow> Claimants = new(
        "claimants",
        [
            ("event_id", Big), ("report_id", Big), ("ordinal", Int), ("name", Txt), ("side", Txt), ("span_start", Int), ("span_end", Int),
            ("canonical", Txt), ("is_person", Bool),
        ],
        c => [c.EventId, c.ReportId, c.Ordinal, c.Name, c.Side, c.SpanStart, c.SpanEnd, c.Canonical, c.IsPerson]);

    public static readonly TableSpec<QuoteRow> Quotes = new(
        "quotes",
        [("event_id", Big), ("report_id", Big), ("ordinal", Int), ("span_start", Int), ("span_end", Int), ("text", Txt)],
        q => [q.EventId, q.ReportId, q.Ordinal, q.SpanStart, q.SpanEnd, q.Text]);

    public static readonly TableSpec<DiagnosticRow> Diagnostics = new(
        "diagnostics",
        [("report_id", Big), ("ordinal", Int), ("code", Txt), ("severity", Txt), ("message", Txt), ("span_start", Int), ("span_end", Int)],
        d => [d.ReportId, d.Ordinal, d.Code, d.Severity, d.Message, d.SpanStart, d.SpanEnd]);

    public static readonly TableSpec<AttackRow> Attacks = new(
        "attacks",
        [
            ("id", Big), ("home", Date), ("date", Date), ("date_precision", Txt), ("attacker", Txt), ("target_country", Txt), ("events", Int),
            ("reports", Int), ("sources", Int), ("location_name", Txt), ("location_admin1", Txt), ("location_country", Txt), ("latitude", Dbl),
            ("longitude", Dbl), ("geo_precision", Int), ("places_text", Txt), ("weapons_text", Txt), ("categories", Int), ("primary_family", Txt),
            ("launched", Int), ("destroyed", Int), ("killed", Int), ("injured", Int), ("contested", Bool), ("updated_at", Time), ("digest", Txt),
            ("location_text", Txt), ("location_start", Int), ("location_end", Int), ("location_gazetteer_id", Txt), ("location_feature", Txt),
            ("location_where_precision", Int), ("location_occupied", Bool), ("location_event_id", Big), ("location_report_id", Big),
        ],
        a =>
        [
            a.Id, a.Home, a.Date, a.DatePrecision, a.Attacker, a.TargetCountry, a.Events, a.Reports, a.Sources, a.LocationName, a.LocationAdmin1,
            a.LocationCountry, a.Latitude, a.Longitude, a.GeoPrecision, a.PlacesText, a.WeaponsText, a.Categories, a.PrimaryFamily, a.Launched,
            a.Destroyed, a.Killed, a.Injured, a.Contested, a.UpdatedAt, a.Digest, a.LocationText, a.LocationStart, a.LocationEnd,
            a.LocationGazetteerId, a.LocationFeature, a.LocationWherePrecision, a.LocationOccupied, a.LocationEventId, a.LocationReportId,
        ]);

    public static readonly TableSpec<MemberRow> Members = new(
        "attack_members",
        [
            ("event_id", Big), ("attack_id", Big), ("report_id", Big), ("ordinal", Int), ("kind", Txt), ("score", Dbl), ("partial", Bool),
            ("decision", Big), ("features", Txt), ("explain", Txt),
        ],
        m => [m.EventId, m.AttackId, m.ReportId, m.Ordinal, m.Kind, m.Score, m.Partial, m.Decision, m.Features, m.Explain]);

    public static readonly TableSpec<AttackFigureRow> AttackFigures = new(
        "attack_figures",
        [
            ("attack_id", Big), ("ordinal", Int), ("figure", Txt), ("kind", Txt), ("family", Txt), ("model", Txt), ("best", Int), ("low", Int),
            ("high", Int), ("conservative", Int), ("contested", Bool), ("rule", Txt), ("reason", Txt), ("best_event_id", Big), ("claims", Txt),
        ],
        f =>
        [
            f.AttackId, f.Ordinal, f.Figure, f.Kind, f.Family, f.Model, f.Best, f.Low, f.High, f.Conservative, f.Contested, f.Rule, f.Reason,
            f.BestEventId, f.Claims,
        ]);

    /// <summary>
    /// Schema 4 of both stores: a covering index for attack stats, so counting attacks per day and family never reads the
    /// figures' claims.
    /// </summary>
    public const string AttackFigureTotalsIndex = "CREATE INDEX IF NOT EXISTS attack_figures_totals ON attack_figures(attack_id, family, model, kind, best);";

    /// <summary>
    /// The rows of <c>attack_places</c> for the attacks <paramref name="members"/> selects (a condition on
    /// <c>attack_members m</c>): every place key its members' places give, as written, as named and their region.
    /// The schema's upgrade fills the table with it, and every attack write.
    /// </summary>
    public static string AttackPlaceRows(string members) => $"""
        INSERT INTO attack_places (attack_id, place_key)
        SELECT m.attack_id, p.text_key FROM attack_members m JOIN places p ON p.event_id = m.event_id WHERE {members} AND p.text_key IS NOT NULL
        UNION SELECT m.attack_id, p.name_key FROM attack_members m JOIN places p ON p.event_id = m.event_id WHERE {members} AND p.name_key IS NOT NULL
        UNION SELECT m.attack_id, p.admin1_key FROM attack_members m JOIN places p ON p.event_id = m.event_id WHERE {members} AND p.admin1_key IS NOT NULL
        """;

    /// <summary>
    /// Schema 6 of both stores: the columns of an attack's map location that schema 2 left out (its words and span, its
    /// gazetteer entry, feature and precisions, and the member event and report whose words they are), added for
    /// <paramref name="types"/> (SQL type of text, integer, bigint and boolean) and filled for the attacks already
    /// stored as the merge fills them: the place of the attack's name and point that the first member, in the merge's
    /// order of reports (report date, unknown last; the report's text hash and URL key, compared as bytes with
    /// <paramref name="collate"/>; then report and event), names first.
    /// </summary>
    public static string AttackLocationColumns((string Text, string Int, string Big, string Bool) types, string collate) => $"""
        ALTER TABLE attacks ADD COLUMN location_text {types.Text};
        ALTER TABLE attacks ADD COLUMN location_start {types.Int};
        ALTER TABLE attacks ADD COLUMN location_end {types.Int};
        ALTER TABLE attacks ADD COLUMN location_gazetteer_id {types.Text};
        ALTER TABLE attacks ADD COLUMN location_feature {types.Text};
        ALTER TABLE attacks ADD COLUMN location_where_precision {types.Int};
        ALTER TABLE attacks ADD COLUMN location_occupied {types.Bool};
        ALTER TABLE attacks ADD COLUMN location_event_id {types.Big};
        ALTER TABLE attacks ADD COLUMN location_report_id {types.Big};
        UPDATE attacks SET (location_text, location_start, location_end, location_gazetteer_id, location_feature, location_where_precision,
                            location_occupied, location_event_id, location_report_id) = (
          SELECT p.text, p.span_start, p.span_end, p.gazetteer_id, p.feature, p.where_precision, p.occupied, p.event_id, p.report_id
          FROM attack_members m JOIN events e ON e.id = m.event_id JOIN reports r ON r.id = m.report_id JOIN places p ON p.event_id = m.event_id
          WHERE m.attack_id = attacks.id AND p.is_target AND COALESCE(p.name, p.text) = attacks.location_name
            AND p.latitude = attacks.latitude AND p.longitude = attacks.longitude
          ORDER BY COALESCE(r.published, e.report_latest) IS NULL, COALESCE(r.published, e.report_latest),
                   r.content_hash{collate}, r.url_key{collate}, m.report_id, m.ordinal, p.ordinal
          LIMIT 1)
        WHERE location_name IS NOT NULL;
        """;

    public static readonly TableSpec<AliasRow> Aliases = new(
        "attack_aliases",
        [("old_id", Big), ("attack_id", Big), ("at", Time)],
        a => [a.OldId, a.AttackId, a.At]);

    public static readonly TableSpec<RunRow> Runs = new(
        "extraction_runs",
        [("report_id", Big), ("worker", Txt), ("extractor", Txt), ("events", Int), ("at", Time)],
        r => [r.ReportId, r.Worker, r.Extractor, r.Events, r.At]);
}
