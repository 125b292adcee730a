using System.Globalization;
using System.Collections.Immutable;
using System.Data.Common;
using System.Runtime.CompilerServices;
using System.Text;
using Sitrep.Core;
using Sitrep.Merge;

namespace Sitrep.Storage;

/// <summary>
/// What SQLite and PostgreSQL share: the schema's shape, every query, and turning rows back into events. The
/// backends differ in how they write (prepared statements vs COPY), how they claim pending work, and a few SQL
/// spellings (<see cref="InList"/>, <see cref="OrderBy"/>). Every value goes in as a parameter.
/// </summary>
internal abstract partial class SqlEventStore(StoreLocation location) : IEventStore
{
    /// <summary>Events loaded per round trip when streaming.</summary>
    protected const int PageSize = 500;

    public StoreLocation Location { get; } = location;

    protected abstract Task<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken);

    /// <summary>SQL that is true when <paramref name="column"/> is one of the values in parameter <paramref name="parameter"/>.</summary>
    protected abstract string InList(string column, string parameter);

    /// <summary>The parameter value for <see cref="InList"/>.</summary>
    protected abstract object ListValue<T>(IReadOnlyCollection<T> values);

    protected abstract string OrderBy(bool ascending);

    public abstract Task<IReadOnlyList<Admission>> SaveAsync(IReadOnlyList<ReportSubmission> batch, CancellationToken cancellationToken = default);

    public abstract Task<int> ProcessPendingAsync(int max, string worker, string extractor, Func<IReadOnlyList<Article>, IReadOnlyList<Extraction>> extract, CancellationToken cancellationToken = default);

    public virtual ValueTask DisposeAsync() => DisposeVersionAsync();

    protected const string ReportColumns =
        "id, url_key, content_hash, version, url, title, published, source, language, article_id, origin, metadata, body, ingested_at, status, extractor, extracted_by, extracted_at, event_count";

    protected static StoredReport ReadReport(DbDataReader r)
    {
        var article = new Article(r.Str(9), r.Str(12), r.NStr(5), r.NStr(4), r.NDate(6), r.NStr(7), r.NStr(8))
        {
            Metadata = Names.Metadata(r.NStr(11)),
        };
        return new StoredReport(
            r.Long(0), article, r.Str(2), r.Int(3), r.Str(10), r.Time(13), Names.Status(r.Str(14)), r.NStr(15), r.NStr(16), r.NTime(17), r.Int(18));
    }

    public async Task<IReadOnlySet<ReportKey>> FindKnownAsync(IReadOnlyCollection<ReportKey> keys, CancellationToken cancellationToken = default)
    {
        var known = new HashSet<ReportKey>();
        if (keys.Count == 0)
        {
            return known;
        }

        var wanted = keys.ToHashSet();
        var conn = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (conn.ConfigureAwait(false))
        {
            foreach (var chunk in wanted.Select(k => k.ContentHash).Distinct(StringComparer.Ordinal).Chunk(1000))
            {
                await using var cmd = Db.Command(conn, $"SELECT url_key, content_hash FROM reports WHERE {InList("content_hash", "@h")}");
                cmd.Add("@h", ListValue(chunk));
                await using var r = await cmd.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                while (await r.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    var key = new ReportKey(r.GetString(0), r.GetString(1));
                    if (wanted.Contains(key))
                    {
                        known.Add(key);
                    }
                }
            }
        }

        return known;
    }

    public async Task<int> RequeueAllAsync(CancellationToken cancellationToken = default)
    {
        var conn = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (conn.ConfigureAwait(false))
        {
            await using var cmd = Db.Command(conn, "UPDATE reports SET status = 'pending' WHERE status <> 'pending'");
            return await cmd.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// The events stored for these reports: their ids by (report, ordinal) — a report extracted again keeps the ids of
    /// the events at the ordinals it had, so bookmarks, links and attack memberships keep pointing at them — and the
    /// anchors of its strike events, whose attacks the merge step must recompute.
    /// </summary>
    protected async Task<(Dictionary<(long Report, int Ordinal), long> Ids, List<AnchoredKey> Anchors)> StoredEventsOfAsync(DbConnection conn, DbTransaction tx, IReadOnlyCollection<long> reportIds, CancellationToken cancellationToken)
    {
        var ids = new Dictionary<(long, int), long>();
        var anchors = new List<AnchoredKey>();
        await using var cmd = Db.Command(conn, $"SELECT report_id, ordinal, id, kind, anchor FROM events WHERE {InList("report_id", "@ids")}", tx);
        cmd.Add("@ids", ListValue(reportIds));
        await using var r = await cmd.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await r.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            ids[(r.Long(0), r.Int(1))] = r.Long(2);
            if (r.Str(3) == "strike")
            {
                anchors.Add(new AnchoredKey(new EventKey(r.Long(0), r.Int(1)), r.NDate(4)));
            }
        }

        return (ids, anchors);
    }

    /// <summary>
    /// Removes what earlier runs extracted from these reports (a requeued report is redone whole). Attack memberships
    /// stay: the events keep their ids, and the merge step that follows recomputes the attacks they are in (keeping
    /// their ids, and dropping memberships of events that are gone).
    /// </summary>
    protected async Task DeleteExtractionsAsync(DbConnection conn, DbTransaction tx, IReadOnlyCollection<long> reportIds, CancellationToken cancellationToken)
    {
        foreach (var table in (string[])["figures", "places", "claimants", "quotes", "weapons", "events", "diagnostics"])
        {
            await using var cmd = Db.Command(conn, $"DELETE FROM {table} WHERE {InList("report_id", "@ids")}", tx);
            cmd.Add("@ids", ListValue(reportIds));
            await cmd.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    public async Task<long> CountPendingAsync(CancellationToken cancellationToken = default)
    {
        var conn = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (conn.ConfigureAwait(false))
        {
            await using var cmd = Db.Command(conn, "SELECT COUNT(*) FROM reports WHERE status = 'pending'");
            return Convert.ToInt64(await cmd.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture);
        }
    }

    public async Task<StoreCounts> CountAsync(CancellationToken cancellationToken = default)
    {
        var conn = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (conn.ConfigureAwait(false))
        {
            await using var cmd = Db.Command(conn, CountsSql);
            await using var r = await cmd.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            await r.ReadAsync(cancellationToken).ConfigureAwait(false);
            return new StoreCounts(r.Long(0), r.Long(1), r.Long(2), r.Long(3), r.Long(4), r.Long(5), r.Long(6));
        }
    }

    public async Task<StoredReport?> GetReportAsync(long id, CancellationToken cancellationToken = default)
    {
        var conn = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (conn.ConfigureAwait(false))
        {
            StoredReport? report;
            await using (var cmd = Db.Command(conn, $"SELECT {ReportColumns} FROM reports WHERE id = @id"))
            {
                cmd.Add("@id", id);
                await using var r = await cmd.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                report = await r.ReadAsync(cancellationToken).ConfigureAwait(false) ? ReadReport(r) : null;
            }

            if (report is null)
            {
                return null;
            }

            var diags = ImmutableArray.CreateBuilder<Diagnostic>();
            await using (var cmd = Db.Command(conn, "SELECT code, severity, message, span_start, span_end FROM diagnostics WHERE report_id = @id ORDER BY ordinal"))
            {
                cmd.Add("@id", id);
                await using var r = await cmd.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                while (await r.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    var start = r.NInt(3);
                    diags.Add(new Diagnostic(r.Str(0), Names.Severity(r.Str(1)), r.Str(2), start is null ? null : new TextSpan(start.Value, r.NInt(4) ?? start.Value)));
                }
            }

            return report with { Diagnostics = diags.ToImmutable() };
        }
    }

    public async Task<IReadOnlyList<StoredReport>> GetReportVersionsAsync(string url, CancellationToken cancellationToken = default)
    {
        var list = new List<StoredReport>();
        var conn = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (conn.ConfigureAwait(false))
        {
            await using var cmd = Db.Command(conn, $"SELECT {ReportColumns} FROM reports WHERE url_key = @u ORDER BY version, id");
            cmd.Add("@u", StoreKeys.Url(url));
            await using var r = await cmd.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await r.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                list.Add(ReadReport(r));
            }
        }

        return list;
    }

    public async Task<IReadOnlyList<ExtractionRun>> GetRunsAsync(CancellationToken cancellationToken = default)
    {
        var list = new List<ExtractionRun>();
        var conn = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (conn.ConfigureAwait(false))
        {
            await using var cmd = Db.Command(conn, "SELECT id, report_id, worker, extractor, events, at FROM extraction_runs ORDER BY id");
            await using var r = await cmd.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await r.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                list.Add(new ExtractionRun(r.Long(0), r.Long(1), r.Str(2), r.Str(3), r.Int(4), r.Time(5)));
            }
        }

        return list;
    }

    /// <summary>Below this many matching place or weapon rows, a filter is answered from their index; above, while walking events.</summary>
    private const int SelectiveRows = 2000;

    /// <summary>How to apply the place and model filters: whether each matches few enough rows to gather them first.</summary>
    protected readonly record struct FilterPlan(bool PlaceIsRare, bool ModelIsRare);

    /// <summary>
    /// Counts (up to <see cref="SelectiveRows"/>, from the indexes) the place and weapon rows the filters match. A rare
    /// value is best answered by gathering its events from the index; a common one by walking events in date order
    /// and checking each, which finds a page of matches after a few hundred rows.
    /// </summary>
    protected async Task<FilterPlan> PlanAsync(DbConnection conn, EventQuery q, CancellationToken ct)
    {
        var placeRare = true;
        var modelRare = true;
        if (StoreKeys.Place(q.Place) is { } place)
        {
            await using var cmd = Db.Command(conn, """
                SELECT (SELECT COUNT(*) FROM (SELECT 1 FROM places WHERE text_key = @place LIMIT @cap) a)
                     + (SELECT COUNT(*) FROM (SELECT 1 FROM places WHERE name_key = @place LIMIT @cap) b)
                     + (SELECT COUNT(*) FROM (SELECT 1 FROM places WHERE admin1_key = @place LIMIT @cap) c)
                """);
            cmd.Add("@place", place);
            cmd.Add("@cap", SelectiveRows);
            placeRare = Convert.ToInt64(await cmd.ExecuteScalarAsync(ct).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture) < SelectiveRows;
        }

        if (q.Weapon?.ModelPrefix is { } prefix)
        {
            var key = StoreKeys.Model(prefix) ?? "";
            await using var cmd = Db.Command(conn, "SELECT COUNT(*) FROM (SELECT 1 FROM weapons WHERE model_key >= @model AND model_key < @modelEnd LIMIT @cap) a");
            cmd.Add("@model", key);
            cmd.Add("@modelEnd", key + "\uffff");
            cmd.Add("@cap", SelectiveRows);
            modelRare = Convert.ToInt64(await cmd.ExecuteScalarAsync(ct).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture) < SelectiveRows;
        }

        return new FilterPlan(placeRare, modelRare);
    }

    /// <summary>The WHERE clause of a query over <c>events e</c>, with its parameters added to <paramref name="cmd"/>.</summary>
    protected static string Where(EventQuery q, DbCommand cmd, FilterPlan plan = default) => Filter(q, cmd, plan, attacks: false);

    /// <summary>The WHERE clause of a query over <c>attacks a</c>: the same filters, read on attacks and their members.</summary>
    protected static string AttackWhere(EventQuery q, DbCommand cmd, FilterPlan plan) => Filter(q, cmd, plan, attacks: true);

    /// <summary>
    /// The one translation of a filter into SQL, over events (<c>e</c>) or attacks (<c>a</c>): the columns they share
    /// (date, attacker, target_country, launched, killed, categories) are read the same; places and weapon models are
    /// an event's own rows, or its members' for an attack.
    /// </summary>
    private static string Filter(EventQuery q, DbCommand cmd, FilterPlan plan, bool attacks)
    {
        var t = attacks ? "a" : "e";
        var sql = new StringBuilder("WHERE 1 = 1");
        if (q.Since is { } since)
        {
            sql.Append(CultureInfo.InvariantCulture, $" AND {t}.date >= @since");
            cmd.Add("@since", since);
        }

        if (q.Until is { } until)
        {
            sql.Append(CultureInfo.InvariantCulture, $" AND {t}.date <= @until");
            cmd.Add("@until", until);
        }

        if (q.Attacker is { } attacker)
        {
            sql.Append(CultureInfo.InvariantCulture, $" AND {t}.attacker = @attacker");
            cmd.Add("@attacker", attacker.ToContract());
        }

        if (q.Target is { } target)
        {
            sql.Append(CultureInfo.InvariantCulture, $" AND {t}.target_country = @target");
            cmd.Add("@target", target.ToContract());
        }

        if (q.Kind is { } kind)
        {
            // Attacks are strikes: aggregates are never merged.
            sql.Append(attacks ? (kind == EventKind.Aggregate ? " AND 1 = 0" : "") : " AND e.kind = @kind");
            if (!attacks)
            {
                cmd.Add("@kind", kind == EventKind.Aggregate ? "aggregate" : "strike");
            }
        }

        if (q.MinLaunched is { } minLaunched)
        {
            sql.Append(CultureInfo.InvariantCulture, $" AND {t}.launched >= @minLaunched");
            cmd.Add("@minLaunched", minLaunched);
        }

        if (q.MinKilled is { } minKilled)
        {
            sql.Append(CultureInfo.InvariantCulture, $" AND {t}.killed >= @minKilled");
            cmd.Add("@minKilled", minKilled);
        }

        if (q.ReportId is { } reportId)
        {
            sql.Append(attacks ? " AND a.id IN (SELECT m.attack_id FROM attack_members m WHERE m.report_id = @reportId)" : " AND e.report_id = @reportId");
            cmd.Add("@reportId", reportId);
        }

        if (q.AttackId is { } attackId)
        {
            sql.Append(attacks ? " AND a.id = @attackId" : " AND e.id IN (SELECT m.event_id FROM attack_members m WHERE m.attack_id = @attackId)");
            cmd.Add("@attackId", attackId);
        }

        // A rare value is gathered from its index (ids IN …); a common one is checked while walking rows by date (EXISTS …).
        string Rows(string table, string alias) => attacks ? $"{table} {alias} JOIN attack_members m ON m.event_id = {alias}.event_id" : $"{table} {alias}";
        string Key(string alias) => attacks ? "m.attack_id" : $"{alias}.event_id";
        string Link(string alias) => attacks ? "m.attack_id = a.id" : $"{alias}.event_id = e.id";
        if (q.Weapon is { } weapon)
        {
            if (weapon.ModelPrefix is null)
            {
                sql.Append(CultureInfo.InvariantCulture, $" AND ({t}.categories & @mask) <> 0");
                cmd.Add("@mask", weapon.Categories.Aggregate(0, (m, c) => m | RowSet.CategoryBit(c)));
            }
            else
            {
                // A model, or the start of one: "shahed" finds Shahed-131 and Shahed-136. Range keeps the index usable.
                const string range = "w.model_key >= @model AND w.model_key < @modelEnd";
                sql.Append(plan.ModelIsRare
                    ? $" AND {t}.id IN (SELECT {Key("w")} FROM {Rows("weapons", "w")} WHERE {range})"
                    : $" AND EXISTS (SELECT 1 FROM {Rows("weapons", "w")} WHERE {Link("w")} AND {range})");
                var key = StoreKeys.Model(weapon.ModelPrefix) ?? "";
                cmd.Add("@model", key);
                cmd.Add("@modelEnd", key + "\uffff");
            }
        }

        if (attacks && StoreKeys.Place(q.Place) is { } attackPlace)
        {
            // Attacks carry their members' place keys (attack_places): one probe per attack.
            sql.Append(plan.PlaceIsRare
                ? " AND a.id IN (SELECT ap.attack_id FROM attack_places ap WHERE ap.place_key = @place)"
                : " AND EXISTS (SELECT 1 FROM attack_places ap WHERE ap.attack_id = a.id AND ap.place_key = @place)");
            cmd.Add("@place", attackPlace);
        }
        else if (StoreKeys.Place(q.Place) is { } place)
        {
            var from = Rows("places", "p");
            sql.Append(plan.PlaceIsRare
                ? $" AND {t}.id IN (SELECT {Key("p")} FROM {from} WHERE p.text_key = @place"
                    + $" UNION SELECT {Key("p")} FROM {from} WHERE p.name_key = @place"
                    + $" UNION SELECT {Key("p")} FROM {from} WHERE p.admin1_key = @place)"
                : $" AND EXISTS (SELECT 1 FROM {from} WHERE {Link("p")} AND (p.text_key = @place OR p.name_key = @place OR p.admin1_key = @place))");
            cmd.Add("@place", place);
        }

        return sql.ToString();
    }

    public async Task<IReadOnlyList<EventSummary>> FindEventsAsync(EventQuery query, CancellationToken cancellationToken = default)
    {
        var list = new List<EventSummary>();
        var conn = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (conn.ConfigureAwait(false))
        {
            var plan = await PlanAsync(conn, query, cancellationToken).ConfigureAwait(false);
            await using var cmd = conn.CreateCommand();
            var where = Where(query, cmd, plan);
            var (orderBy, keyset) = Listing(query, "e", cmd);
            var limit = Paging(query, cmd);

            cmd.CommandText = $"""
                SELECT e.id, e.report_id, e.kind, e.date, e.date_precision, e.attacker, e.target_country, e.weapons_text, e.places_text,
                       e.launched, e.destroyed, e.killed, e.injured, e.claimed_by, e.location_name, e.latitude, e.longitude, r.title, r.url
                FROM events e JOIN reports r ON r.id = e.report_id
                {where}{keyset}
                {orderBy}{limit}
                """;
            await using var r = await cmd.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await r.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                list.Add(new EventSummary(
                    r.Long(0), r.Long(1), r.Str(2) == "aggregate" ? EventKind.Aggregate : EventKind.Strike, r.NDate(3), Names.Precision(r.Str(4)),
                    Names.Side(r.Str(5)), Names.Country(r.Str(6)), r.Str(7), r.Str(8), r.NInt(9), r.NInt(10), r.NInt(11), r.NInt(12), r.NStr(13), r.NStr(14),
                    r.NDouble(15), r.NDouble(16), r.NStr(17), r.NStr(18)));
            }
        }

        return list;
    }

    public async Task<StoredEvent?> GetEventAsync(long id, CancellationToken cancellationToken = default)
    {
        var conn = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (conn.ConfigureAwait(false))
        {
            var events = await LoadEventsAsync(conn, [id], cancellationToken).ConfigureAwait(false);
            return events.Count == 0 ? null : events[0];
        }
    }

    public async Task<IReadOnlyList<StoredEvent>> GetEventsAsync(IReadOnlyList<long> ids, CancellationToken cancellationToken = default)
    {
        var result = new List<StoredEvent>(ids.Count);
        var conn = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (conn.ConfigureAwait(false))
        {
            foreach (var chunk in ids.Chunk(PageSize))
            {
                result.AddRange(await LoadEventsAsync(conn, chunk, cancellationToken).ConfigureAwait(false));
            }
        }

        return result;
    }

    public async IAsyncEnumerable<StoredEvent> StreamEventsAsync(EventQuery query, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var conn = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (conn.ConfigureAwait(false))
        {
            // Keyset pages in id order: constant cost per page however deep the export goes.
            long after = 0;
            var remaining = query.Limit ?? int.MaxValue;
            var plan = await PlanAsync(conn, query, cancellationToken).ConfigureAwait(false);
            while (remaining > 0)
            {
                var ids = new List<long>(PageSize);
                await using (var cmd = conn.CreateCommand())
                {
                    var where = Where(query, cmd, plan);
                    cmd.CommandText = $"SELECT e.id FROM events e {where} AND e.id > @after ORDER BY e.id LIMIT @page";
                    cmd.Add("@after", after);
                    cmd.Add("@page", Math.Min(PageSize, remaining));
                    await using var r = await cmd.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                    while (await r.ReadAsync(cancellationToken).ConfigureAwait(false))
                    {
                        ids.Add(r.Long(0));
                    }
                }

                if (ids.Count == 0)
                {
                    yield break;
                }

                foreach (var e in await LoadEventsAsync(conn, ids, cancellationToken).ConfigureAwait(false))
                {
                    yield return e;
                }

                after = ids[^1];
                remaining -= ids.Count;
            }
        }
    }

    /// <summary>Rebuilds whole events (claims, places, claimants, quotes) for <paramref name="ids"/>, in that order.</summary>
    protected async Task<IReadOnlyList<StoredEvent>> LoadEventsAsync(DbConnection conn, IReadOnlyList<long> ids, CancellationToken ct, DbTransaction? tx = null, ReadParts? parts = null)
    {
        DbCommand Cmd(string sql) => Db.Command(conn, sql, tx);
        var detail = parts?.EventClaimDetail ?? true;
        var idList = ListValue(ids);
        var heads = new Dictionary<long, (int Ordinal, ReportRef Report, ExtractedEvent Event, long? Attack)>();
        await using (var cmd = Cmd($"""
            SELECT e.id, e.ordinal, e.kind, e.date, e.date_start, e.date_precision, e.date_text, e.date_span_start, e.date_span_end,
                   e.attacker, e.target_country, r.id, r.title, r.url, r.published, r.source, r.origin, r.version, m.attack_id, r.ingested_at
            FROM events e JOIN reports r ON r.id = e.report_id LEFT JOIN attack_members m ON m.event_id = e.id WHERE {InList("e.id", "@ids")}
            """))
        {
            cmd.Add("@ids", idList);
            await using var r = await cmd.ExecuteReaderAsync(ct).ConfigureAwait(false);
            while (await r.ReadAsync(ct).ConfigureAwait(false))
            {
                var ev = StoredEventRows.Head(r.Str(2), r.NDate(3), r.NDate(4), r.Str(5), r.Str(6), r.Int(7), r.Int(8), r.Str(9), r.Str(10));
                var report = new ReportRef(r.Long(11), r.NStr(12), r.NStr(13), r.NDate(14), r.NStr(15), r.Str(16), r.Int(17)) { Ingested = DateOnly.FromDateTime(r.Time(19).UtcDateTime) };
                heads[r.Long(0)] = (r.Int(1), report, ev, r.NLong(18));
            }
        }

        var weapons = new Dictionary<long, List<(long Id, WeaponUse Use)>>();
        await using (var cmd = Cmd($"SELECT id, event_id, category, model, evidence_start, evidence_end, evidence_text FROM weapons WHERE {InList("event_id", "@ids")} ORDER BY event_id, ordinal"))
        {
            cmd.Add("@ids", idList);
            await using var r = await cmd.ExecuteReaderAsync(ct).ConfigureAwait(false);
            while (await r.ReadAsync(ct).ConfigureAwait(false))
            {
                Bucket(weapons, r.Long(1)).Add((r.Long(0), StoredEventRows.Use(r.Str(2), r.NStr(3), r.Int(4), r.Int(5), r.Str(6))));
            }
        }

        var weaponClaims = new Dictionary<long, ImmutableArray<FigureClaim>.Builder>();
        var casualties = new Dictionary<long, List<FigureClaim>>();
        // Without claim detail, the words, claimant and rule columns are not read (NULL in their place).
        await using (var cmd = Cmd(detail ? $"""
            SELECT event_id, weapon_id, kind, value, qualifier, claimant_name, claimant_side, claimant_start, claimant_end,
                   evidence_start, evidence_end, evidence_text, is_current, weapon_category, weapon_model, rule, claimant_id, claimant_person
            FROM figures WHERE {InList("event_id", "@ids")} ORDER BY event_id, ordinal
            """ : $"""
            SELECT event_id, weapon_id, kind, value, qualifier, NULL, NULL, NULL, NULL,
                   evidence_start, evidence_end, NULL, is_current, weapon_category, weapon_model, NULL, NULL, NULL
            FROM figures WHERE {InList("event_id", "@ids")} ORDER BY event_id, ordinal
            """))
        {
            cmd.Add("@ids", idList);
            await using var r = await cmd.ExecuteReaderAsync(ct).ConfigureAwait(false);
            while (await r.ReadAsync(ct).ConfigureAwait(false))
            {
                var claimantName = r.NStr(5);
                var claim = StoredEventRows.Claim(r.Str(2), r.Int(3), r.Str(4), r.Int(9), r.Int(10), r.Str(11), r.NStr(13), r.NStr(14),
                    claimantName, claimantName is null ? null : r.Str(6), r.NInt(7), r.NInt(8), r.Bool(12), r.Str(15),
                    claimantName is null ? null : r.NStr(16), claimantName is not null && r.Bool(17));
                if (r.NLong(1) is { } weaponId)
                {
                    if (!weaponClaims.TryGetValue(weaponId, out var b))
                    {
                        weaponClaims[weaponId] = b = ImmutableArray.CreateBuilder<FigureClaim>();
                    }

                    b.Add(claim);
                }
                else
                {
                    Bucket(casualties, r.Long(0)).Add(claim);
                }
            }
        }

        var places = new Dictionary<long, List<PlaceRef>>();
        var locations = new Dictionary<long, PlaceRef>();
        await using (var cmd = Cmd($"""
            SELECT event_id, text, span_start, span_end, name, gazetteer_id, feature, admin1, country, latitude, longitude,
                   geo_precision, where_precision, occupied, is_target, is_location
            FROM places WHERE {InList("event_id", "@ids")} ORDER BY event_id, ordinal
            """))
        {
            cmd.Add("@ids", idList);
            await using var r = await cmd.ExecuteReaderAsync(ct).ConfigureAwait(false);
            while (await r.ReadAsync(ct).ConfigureAwait(false))
            {
                var place = StoredEventRows.Place(r.Str(1), r.Int(2), r.Int(3), r.NStr(4), r.NStr(5), r.NStr(6), r.NStr(7), r.NStr(8),
                    r.NDouble(9), r.NDouble(10), r.NInt(11), r.NInt(12), r.Bool(13));
                var eventId = r.Long(0);
                if (r.Bool(14))
                {
                    Bucket(places, eventId).Add(place);
                }

                if (r.Bool(15))
                {
                    locations[eventId] = place;
                }
            }
        }

        var claimants = new Dictionary<long, List<Claimant>>();
        if (detail)
        {
            await using var cmd = Cmd($"SELECT event_id, name, side, span_start, span_end, canonical, is_person FROM claimants WHERE {InList("event_id", "@ids")} ORDER BY event_id, ordinal");
            cmd.Add("@ids", idList);
            await using var r = await cmd.ExecuteReaderAsync(ct).ConfigureAwait(false);
            while (await r.ReadAsync(ct).ConfigureAwait(false))
            {
                Bucket(claimants, r.Long(0)).Add(StoredEventRows.Claimant(r.Str(1), r.Str(2), r.Int(3), r.Int(4), r.NStr(5), r.Bool(6)));
            }
        }

        var quotes = new Dictionary<long, List<Evidence>>();
        await using (var cmd = Cmd($"SELECT event_id, span_start, span_end, text FROM quotes WHERE {InList("event_id", "@ids")} ORDER BY event_id, ordinal"))
        {
            cmd.Add("@ids", idList);
            await using var r = await cmd.ExecuteReaderAsync(ct).ConfigureAwait(false);
            while (await r.ReadAsync(ct).ConfigureAwait(false))
            {
                Bucket(quotes, r.Long(0)).Add(StoredEventRows.Quote(r.Int(1), r.Int(2), r.Str(3)));
            }
        }

        var result = new List<StoredEvent>(ids.Count);
        foreach (var id in ids)
        {
            if (!heads.TryGetValue(id, out var head))
            {
                continue;
            }

            var ev = StoredEventRows.Complete(head.Event, weapons.GetValueOrDefault(id), weaponClaims, casualties.GetValueOrDefault(id), places.GetValueOrDefault(id),
                locations.GetValueOrDefault(id), claimants.GetValueOrDefault(id), quotes.GetValueOrDefault(id));
            result.Add(new StoredEvent(id, head.Ordinal, head.Report, ev) { AttackId = head.Attack });
        }

        return result;
    }

    private static List<T> Bucket<TKey, T>(Dictionary<TKey, List<T>> d, TKey key)
        where TKey : notnull => StoredEventRows.Bucket(d, key);

    /// <summary>A report with an extraction is done; without one it waits for a worker.</summary>
    protected static string StatusOf(Extraction? extraction) => extraction is null ? "pending" : "done";

    /// <summary>
    /// Runs the extractor over claimed reports. An extractor that throws (it should not) fails the whole claim's
    /// reports with a diagnostic rather than the worker: one bad report must not stop a queue.
    /// </summary>
    protected static IReadOnlyList<Extraction> SafeExtract(Func<IReadOnlyList<Article>, IReadOnlyList<Extraction>> extract, IReadOnlyList<Article> articles)
    {
        try
        {
            var result = extract(articles);
            if (result.Count != articles.Count)
            {
                throw new InvalidOperationException($"The extractor returned {result.Count} results for {articles.Count} reports.");
            }

            return result;
        }
#pragma warning disable CA1031 // Any extractor failure is recorded on the reports, never fatal to the worker.
        catch (Exception e)
#pragma warning restore CA1031
        {
            return [.. articles.Select(a => new Extraction(a)
            {
                Diagnostics = [new Diagnostic("ST100", DiagnosticSeverity.Error, $"Extraction failed: {e.GetType().Name}: {e.Message}")],
            })];
        }
    }

    protected static string StatusAfter(Extraction extraction) =>
        extraction.Events.IsEmpty && extraction.Diagnostics.Any(d => d.Code == "ST100") ? "failed" : "done";
}
