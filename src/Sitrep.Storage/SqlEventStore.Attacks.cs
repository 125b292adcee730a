using System.Collections.Immutable;
using System.Data.Common;
using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Text;
using Sitrep.Core;
using Sitrep.Merge;

namespace Sitrep.Storage;

/// <summary>
/// The attack ledger: merging stored events into attacks inside the transaction that stores them (a windowed recompute,
/// exact by the merge engine's locality), analysts' decisions, rebuilds, and the queries over attacks.
/// </summary>
internal abstract partial class SqlEventStore : IMergeWarmup, IBulkMerge
{
    /// <summary>Days per transaction when a rebuild walks the ledger.</summary>
    private const int RebuildBlockDays = 31;

    private static readonly Lazy<MergeEngine> DefaultEngine = new(() => new MergeEngine(ClaimantDirectory.Lookup));

    /// <summary>The merge engine (its claimant lookup ranks who says a figure).</summary>
    protected static MergeEngine Engine => DefaultEngine.Value;

    /// <summary>Writes rows of one table inside the transaction (SQLite: prepared INSERTs; PostgreSQL: binary COPY).</summary>
    protected abstract Task WriteTableAsync<T>(DbConnection conn, DbTransaction tx, TableSpec<T> table, List<T> rows, CancellationToken ct);

    /// <summary>Reserves <paramref name="count"/> new attack ids.</summary>
    protected abstract Task<Queue<long>> NewAttackIdsAsync(DbConnection conn, DbTransaction tx, int count, CancellationToken ct);

    /// <summary>
    /// Takes the lock that serializes merges between processes until the transaction ends (PostgreSQL: an advisory
    /// lock; SQLite's write lock already does it), so no two writers ever create one attack twice.
    /// </summary>
    protected abstract Task LockMergeAsync(DbConnection conn, DbTransaction tx, CancellationToken ct);

    /// <summary>True when the store holds events merged by no one yet (made before attacks existed): `sitrep merge --rebuild` fixes it.</summary>
    public async Task<bool> NeedsRebuildAsync(CancellationToken cancellationToken = default)
    {
        var conn = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (conn.ConfigureAwait(false))
        {
            return await NeedsRebuildAsync(conn, null, cancellationToken).ConfigureAwait(false);
        }
    }

    public async Task SuspendMergingAsync(CancellationToken cancellationToken = default)
    {
        var conn = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (conn.ConfigureAwait(false))
        {
            await using var del = Db.Command(conn, "DELETE FROM ledger_state WHERE key = 'attacks'");
            await del.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            await using var cmd = Db.Command(conn, "INSERT INTO ledger_state (key, value) VALUES ('attacks', 'rebuild')");
            await cmd.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private static async Task<bool> NeedsRebuildAsync(DbConnection conn, DbTransaction? tx, CancellationToken ct)
    {
        // 'rebuild': merging suspended (--no-merge, a store made before attacks); 'bulk': a bulk load's merge at its end (IBulkMerge).
        await using var cmd = Db.Command(conn, "SELECT COUNT(*) FROM ledger_state WHERE key = 'attacks' AND value IN ('rebuild', 'bulk')", tx);
        return Convert.ToInt64(await cmd.ExecuteScalarAsync(ct).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture) > 0;
    }

    /// <summary>
    /// Most events a bulk load keeps in memory for its final merge (about 8,000 wire reports' worth; a few KB each with
    /// their reports' merge views): the events of a larger load are read back from the store by that merge, a month of
    /// anchors at a time, and the rebuild's own window cache is emptied between months past the same size, so memory
    /// stays flat however many reports the load brings.
    /// </summary>
    internal int BulkCacheEvents { get; set; } = DefaultBulkCacheEvents;

    /// <summary>The default of <see cref="BulkCacheEvents"/>.</summary>
    internal const int DefaultBulkCacheEvents = 25_000;

    /// <summary>How many events the merge's window cache holds now (for tests of its bound).</summary>
    internal int CachedEventCount => _windowCache.Count;

    /// <summary>Strike events this bulk load's writes have offered to the cache so far.</summary>
    private long _bulkRemembered;

    /// <summary>Set while this process runs a bulk load (<see cref="TryBeginBulkMergeAsync"/>): its writes cache what they store for the merge at its end.</summary>
    private volatile bool _bulkLoad;

    public async Task<bool> TryBeginBulkMergeAsync(bool startIfEmpty, CancellationToken cancellationToken = default)
    {
        var conn = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (conn.ConfigureAwait(false))
        {
            // One write transaction under the merge lock, so a writer that starts meanwhile either came first (the store
            // is not empty) or sees the mark (and stores without merging too; the load's end merges its events as well).
            await using var tx = await conn.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            // (SQLite's transactions begin IMMEDIATE: the write lock is taken here; PostgreSQL takes the merge lock.)
            await LockMergeAsync(conn, tx, cancellationToken).ConfigureAwait(false);
            string? state;
            await using (var cmd = Db.Command(conn, "SELECT value FROM ledger_state WHERE key = 'attacks'", tx))
            {
                state = await cmd.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) as string;
            }

            var begin = state == "bulk";
            if (state is null && startIfEmpty)
            {
                await using var any = Db.Command(conn, "SELECT (SELECT COUNT(*) FROM (SELECT 1 FROM reports LIMIT 1) r) + (SELECT COUNT(*) FROM (SELECT 1 FROM merge_decisions LIMIT 1) d)", tx);
                if (Convert.ToInt64(await any.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture) == 0)
                {
                    await using var insert = Db.Command(conn, "INSERT INTO ledger_state (key, value) VALUES ('attacks', 'bulk')", tx);
                    await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                    begin = true;
                }
            }

            await tx.CommitAsync(cancellationToken).ConfigureAwait(false);
            _bulkLoad = begin;
            Interlocked.Exchange(ref _bulkRemembered, 0);
            return begin;
        }
    }

    public async Task<MergeSummary> FinishBulkMergeAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            return await RebuildAttacksAsync(null, cancellationToken, fillAnchors: false).ConfigureAwait(false);
        }
        finally
        {
            _bulkLoad = false;
        }
    }

    /// <summary>
    /// A write of a bulk load, which does not merge: puts the strike events it stored (and their reports' merge views)
    /// in the merge's caches under the stamps the store now holds, as a merged write does, so the merge at the load's
    /// end does not read back what the load wrote.
    /// </summary>
    private async Task RememberBulkAsync(DbConnection conn, DbTransaction tx, Written written, CancellationToken ct)
    {
        // Bounded: past BulkCacheEvents a load's writes cache nothing more (the merge at its end reads the rest from the
        // store, a month of anchors at a time), so a load of any size holds at most that many events for its merge.
        if (Interlocked.Add(ref _bulkRemembered, written.Rows.Anchors.Count) > BulkCacheEvents)
        {
            return;
        }

        var stamps = new Dictionary<long, string>(written.Reports.Count);
        foreach (var chunk in written.Reports.Keys.Chunk(PageSize))
        {
            await using var cmd = Db.Command(conn, $"SELECT id, extracted_at FROM reports WHERE {InList("id", "@ids")}", tx);
            cmd.Add("@ids", ListValue(chunk));
            await using var r = await cmd.ExecuteReaderAsync(ct).ConfigureAwait(false);
            while (await r.ReadAsync(ct).ConfigureAwait(false))
            {
                stamps[r.Long(0)] = Stamp(r, 1);
            }
        }

        Remember(written, stamps);
    }

    /// <summary>
    /// The merge step of a write: after <paramref name="changed"/> events were stored (new ones with their anchors,
    /// replaced ones with their old anchors too), recomputes the attacks of the window around them. Runs inside the
    /// write's transaction, under the merge lock. Skipped while the store awaits a rebuild.
    /// </summary>
    /// <param name="written">The rows the write stored and their reports: their strike events go to the merge's cache as
    /// a load would give them (one construction, <see cref="StoredEventRows"/>), so the merge does not read back what it
    /// has just written.</param>
    protected async Task<MergeSummary> MergeChangedAsync(DbConnection conn, DbTransaction tx, IReadOnlyCollection<AnchoredKey> changed, CancellationToken ct, Written? written = null)
    {
        if (changed.Count == 0)
        {
            return new MergeSummary(0, 0, 0, 0, 0, TimeSpan.Zero);
        }

        await LockMergeAsync(conn, tx, ct).ConfigureAwait(false);
        if (await NeedsRebuildAsync(conn, tx, ct).ConfigureAwait(false))
        {
            if (_bulkLoad && written is not null)
            {
                await RememberBulkAsync(conn, tx, written, ct).ConfigureAwait(false);
            }

            return new MergeSummary(0, 0, 0, 0, 0, TimeSpan.Zero);
        }

        var (decisions, anchors) = await LoadDecisionsAsync(conn, tx, ct).ConfigureAwait(false);
        var window = MergeEngine.Window(changed, decisions, k => anchors.GetValueOrDefault(k));
        return await RecomputeAsync(conn, tx, window, decisions, ct, changed.Select(c => c.Key).ToHashSet(), written).ConfigureAwait(false);
    }

    /// <summary>What a write stored: its rows and the reports they belong to.</summary>
    protected sealed record Written(RowSet Rows, IReadOnlyDictionary<long, WrittenReport> Reports);

    /// <summary>A report a write stored: its reference and its <see cref="MergeReport.Identity"/>.</summary>
    protected sealed record WrittenReport(ReportRef Ref, string Identity);

    protected static WrittenReport RefOf(StoredReport r) =>
        new(StoredEventRows.Report(r.Id, r.Article, r.Origin, r.Version) with { Ingested = DateOnly.FromDateTime(r.IngestedAt.UtcDateTime) }, IdentityOf(ReportKey.Of(r.Article, r.ContentHash)));

    /// <summary>
    /// A report's <see cref="MergeReport.Identity"/>: the hash of its text, then its URL key — what it is, not when it
    /// came (its id), so the merge's ties do not follow arrival.
    /// </summary>
    private static string IdentityOf(ReportKey key) => key.ContentHash + "\n" + key.UrlKey;

    /// <summary>The references of a batch's admitted reports (new reports and new versions, taken in at <paramref name="ingestedAt"/>), by id.</summary>
    protected static Dictionary<long, WrittenReport> Admitted(IReadOnlyList<ReportSubmission> batch, IReadOnlyList<Admission> admissions, DateTimeOffset ingestedAt)
    {
        var refs = new Dictionary<long, WrittenReport>();
        for (var i = 0; i < batch.Count; i++)
        {
            if (admissions[i].ReportId is { } id)
            {
                refs[id] = new(
                    StoredEventRows.Report(id, batch[i].Article, batch[i].Origin, admissions[i].Version) with { Ingested = DateOnly.FromDateTime(ingestedAt.UtcDateTime) },
                    IdentityOf(batch[i].Key));
            }
        }

        return refs;
    }

    /// <summary>
    /// Puts the strike events just written into the window cache under their reports' extraction time as the window's
    /// query has just read it in this transaction (events of reports the window does not reach are left for a later
    /// load), and their reports' merge views into the report cache. Ids are never reused and a report's stamp changes
    /// with each extraction, so an entry can only be found by the event it was made from.
    /// </summary>
    private void Remember(Written written, Dictionary<long, string> stamps)
    {
        foreach (var e in StoredEventRows.Build(written.Rows, written.Reports.ToDictionary(kv => kv.Key, kv => kv.Value.Ref)))
        {
            if (stamps.TryGetValue(e.Report.Id, out var stamp))
            {
                _windowCache.Put(e.Id, stamp, e);
            }
        }

        foreach (var (report, identity) in written.Reports.Values)
        {
            if (stamps.TryGetValue(report.Id, out var stamp))
            {
                _reportCache.Put(report.Id, stamp, new MergeReport(report.Id, report.Version, report.Source ?? Host(report.Url), report.Published, report.Url) { Identity = identity });
            }
        }
    }

    /// <summary>Every decision in force, in the order made, and the anchors of the events they name.</summary>
    private async Task<(List<MergeDecision> Decisions, Dictionary<EventKey, DateOnly?> Anchors)> LoadDecisionsAsync(DbConnection conn, DbTransaction? tx, CancellationToken ct)
    {
        var decisions = new List<MergeDecision>();
        var anchors = new Dictionary<EventKey, DateOnly?>();
        await using var cmd = Db.Command(conn, """
            SELECT d.id, d.kind, e1.report_id, e1.ordinal, e1.anchor, e2.report_id, e2.ordinal, e2.anchor
            FROM merge_decisions d JOIN events e1 ON e1.id = d.event_id LEFT JOIN events e2 ON e2.id = d.other_event_id
            ORDER BY d.id
            """, tx);
        await using var r = await cmd.ExecuteReaderAsync(ct).ConfigureAwait(false);
        while (await r.ReadAsync(ct).ConfigureAwait(false))
        {
            var first = new EventKey(r.Long(2), r.Int(3));
            anchors[first] = r.NDate(4);
            if (r.Str(1) == "split")
            {
                decisions.Add(MergeDecision.Split(r.Long(0), first));
            }
            else if (r.NLong(5) is { } otherReport)
            {
                var other = new EventKey(otherReport, r.Int(6));
                anchors[other] = r.NDate(7);
                decisions.Add(MergeDecision.Join(r.Long(0), first, other));
            }
        }

        return (decisions, anchors);
    }

    /// <summary>
    /// Loads the window's events, merges them, and replaces the stored attacks the window owns with the computed ones,
    /// keeping the ids of attacks that keep most of their members. When <paramref name="changed"/> names every event
    /// the write added, replaced or removed, an attack computed with exactly the members it has stored, none of them
    /// changed, is known to be stored as computed (an attack is a function of its members' events and reports) and is
    /// neither rebuilt nor written; without it (decisions, rebuilds) each attack is rebuilt and compared by digest.
    /// </summary>
    private async Task<MergeSummary> RecomputeAsync(DbConnection conn, DbTransaction tx, MergeWindow window, IReadOnlyList<MergeDecision> decisions, CancellationToken ct, IReadOnlySet<EventKey>? changed = null, Written? written = null)
    {
        var clock = Stopwatch.StartNew();
        if (window.IsEmpty)
        {
            return new MergeSummary(0, 0, 0, 0, 0, clock.Elapsed);
        }

        // 1. The events the window needs: from the cache when they were loaded since their report was last extracted.
        var phases = WritePhases.Start();
        var (stored, reports, alsoIds) = await LoadWindowAsync(conn, tx, window, written, ct).ConfigureAwait(false);
        phases?.Mark("window");
        var (byKey, partition) = Partition(stored, reports, decisions);
        // Only the attacks the window owns are built, and of those only the ones it must write (see below).
        var owned = partition.Within(window);
        phases?.Mark("partition");

        // 2. The stored attacks the window owns.
        var previous = await LoadOwnedAttacksAsync(conn, tx, window, alsoIds, ct).ConfigureAwait(false);
        phases?.Mark("owned");
        var assignment = AttackIdentity.Assign(
            [.. previous.Select(p => new PreviousAttack(AttackKey(p.Key), [.. p.Value.Members]))],
            [.. owned.Select(a => (IReadOnlyCollection<EventKey>)a.Members)]);

        // 3. The computed attacks, under kept or new ids (new ones reserved before the old rows go, so none collides with
        // a kept one); ids that are gone lead to where most of their members went.
        var fresh = await NewAttackIdsAsync(conn, tx, assignment.NewClusters.Length, ct).ConfigureAwait(false);
        var attackIds = assignment.Ids.Select(id => id is null ? fresh.Dequeue() : ParseAttackKey(id)).ToArray();
        var now = DateTimeOffset.UtcNow;
        var rows = new AttackRowSet();
        var unchanged = new HashSet<long>();
        var memo = _attackMemo;
        var nextMemo = new Dictionary<long, AttackMemo>();
        var extended = new HashSet<long>();
        for (var i = 0; i < owned.Length; i++)
        {
            var id = attackIds[i];
            var wasStored = previous.TryGetValue(id, out var old);
            // What this process last stored under the id, when it is what the store holds now (the same digest and members).
            var known = wasStored && memo.TryGetValue(id, out var m) && m.Rows.Row.Digest == old.Digest && SameMembers(m.State.Attack, old.Members) ? m : null;
            if (wasStored && changed is not null && SameUnchangedMembers(owned[i], old.Members, changed))
            {
                unchanged.Add(id);
                if (known is not null)
                {
                    nextMemo[id] = known;
                }

                continue;
            }

            // An attack that only gained members is extended from its stored state and rows; anything else is built whole.
            var state = known is not null && changed is not null ? owned[i].TryExtend(known.State) : null;
            if (state is not null)
            {
                extended.Add(id);
            }

            state ??= owned[i].BuildState();
            phases?.Mark("build");
            var attackRows = rows.Add(id, state.Attack, byKey, now, extended.Contains(id) ? known!.Rows : null);
            phases?.Mark("rows");
            nextMemo[id] = new AttackMemo(state, attackRows);
            if (wasStored && old.Digest == attackRows.Row.Digest)
            {
                // Stored exactly as computed: neither deleted nor written again.
                unchanged.Add(id);
                extended.Remove(id);
                rows.Remove(id);
            }
        }

        _attackMemo = nextMemo;
        Interlocked.Add(ref _attacksExtended, extended.Count);
        await DeleteAttacksAsync(conn, tx, [.. previous.Keys.Where(id => !unchanged.Contains(id) && !extended.Contains(id))], ct).ConfigureAwait(false);
        await DeleteForUpdateAsync(conn, tx, rows, ct).ConfigureAwait(false);
        phases?.Mark("delete");

        foreach (var gone in assignment.Gone)
        {
            if (gone.MostMembersIn is { } k)
            {
                rows.Aliases.Add(new AliasRow(ParseAttackKey(gone.Id), attackIds[k], now));
            }
        }

        await WriteTableAsync(conn, tx, Tables.Attacks, rows.Attacks, ct).ConfigureAwait(false);
        phases?.Mark("w-attacks");
        await WriteTableAsync(conn, tx, Tables.Members, rows.Members, ct).ConfigureAwait(false);
        phases?.Mark("w-members");
        await WriteTableAsync(conn, tx, Tables.AttackFigures, rows.Figures, ct).ConfigureAwait(false);
        phases?.Mark("w-figures");
        await WriteAttackPlacesAsync(conn, tx, rows.Attacks.Concat(rows.Updated).Select(a => a.Id), ct).ConfigureAwait(false);
        phases?.Mark("w-places");
        if (rows.Aliases.Count > 0)
        {
            await WriteAliasesAsync(conn, tx, rows.Aliases, ct).ConfigureAwait(false);
        }

        if (phases is not null)
        {
            phases.Count("events", stored.Count);
            phases.Count("owned", owned.Length);
            phases.Count("written", rows.Attacks.Count + rows.Updated.Count);
            phases.Count("extended", extended.Count);
            phases.Count("members", rows.Members.Count);
            phases.Count("claims-chars", rows.Figures.Sum(f => (long)f.Claims.Length));
            phases.Print("merge");
        }

        return new MergeSummary(owned.Length, owned.Sum(a => a.Members.Length), assignment.NewClusters.Length,
            owned.Length - assignment.NewClusters.Length, assignment.Gone.Length, clock.Elapsed) { Unchanged = unchanged.Count, Extended = extended.Count };
    }

    /// <summary>
    /// The events a window's merge reads (every strike event anchored in <see cref="MergeWindow.Load"/>, and those of
    /// <see cref="MergeWindow.LoadAlso"/>), their reports' merge views, and the ids of the LoadAlso events: from the
    /// caches where an entry's stamp is the report's extraction time as read now, else loaded (and cached).
    /// </summary>
    private async Task<(List<StoredEvent> Events, Dictionary<long, MergeReport> Reports, Dictionary<EventKey, long> AlsoIds)> LoadWindowAsync(
        DbConnection conn, DbTransaction? tx, MergeWindow window, Written? written, CancellationToken ct)
    {
        var ids = new Dictionary<long, string>();
        var latest = new Dictionary<long, DateOnly?>();
        var reportStamps = new Dictionary<long, string>();
        foreach (var range in window.Load)
        {
            await using var cmd = Db.Command(conn, """
                SELECT e.id, r.extracted_at, e.report_id, e.report_latest FROM events e JOIN reports r ON r.id = e.report_id
                WHERE e.kind = 'strike' AND e.anchor >= @first AND e.anchor <= @last
                """, tx);
            cmd.Add("@first", range.First);
            cmd.Add("@last", range.Last);
            await using var r = await cmd.ExecuteReaderAsync(ct).ConfigureAwait(false);
            while (await r.ReadAsync(ct).ConfigureAwait(false))
            {
                var stamp = Stamp(r, 1);
                var reportId = r.Long(2);
                ids[r.Long(0)] = stamp;
                latest[reportId] = r.NDate(3);
                reportStamps[reportId] = stamp;
            }
        }

        if (written is not null)
        {
            Remember(written, reportStamps);
        }

        var alsoIds = await EventIdsOfAsync(conn, tx, window.LoadAlso, ct).ConfigureAwait(false);
        var stored = new List<StoredEvent>(ids.Count + alsoIds.Count);
        var missing = new List<long>();
        foreach (var (id, stamp) in ids)
        {
            if (_windowCache.TryGet(id, stamp, out var hit))
            {
                stored.Add(hit);
            }
            else
            {
                missing.Add(id);
            }
        }

        missing.AddRange(alsoIds.Values.Where(id => !ids.ContainsKey(id)));
        foreach (var chunk in missing.Chunk(PageSize))
        {
            foreach (var e in await LoadEventsAsync(conn, chunk, ct, tx).ConfigureAwait(false))
            {
                stored.Add(e);
                if (ids.TryGetValue(e.Id, out var stamp))
                {
                    _windowCache.Put(e.Id, stamp, e);
                }
            }
        }

        var reports = await LoadMergeReportsAsync(conn, tx, [.. stored.Select(s => s.Report.Id).Distinct()], latest, reportStamps, ct).ConfigureAwait(false);
        return (stored, reports, alsoIds);
    }

    /// <summary>The window's strike events by key, and their partition into attacks (reusing what the last partition computed for the same events).</summary>
    private (Dictionary<EventKey, StoredEvent> ByKey, MergePartition Partition) Partition(List<StoredEvent> stored, Dictionary<long, MergeReport> reports, IReadOnlyList<MergeDecision> decisions)
    {
        var byKey = stored.Where(s => s.Event.Kind == EventKind.Strike).ToDictionary(s => new EventKey(s.Report.Id, s.Ordinal));
        return (byKey, Engine.Partition(byKey.Select(kv => new MergeEvent(kv.Key, reports[kv.Key.ReportId], kv.Value.Event)), decisions, _mergeMemo));
    }

    /// <summary>
    /// Reads into the merge caches the stored events the merge of <paramref name="upcoming"/> will need, outside any
    /// write (see <see cref="IMergeWarmup"/>). What it caches is checked against the reports' extraction times by the
    /// write that uses it, like anything else in the caches.
    /// </summary>
    public async Task WarmMergeAsync(IReadOnlyList<ReportSubmission> upcoming, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(upcoming);
        var changed = new List<AnchoredKey>();
        foreach (var s in upcoming)
        {
            if (s.Extraction is not { } x)
            {
                continue;
            }

            // The anchors the write will give these reports' strike events (RowSet.Add); undated ones widen nothing.
            var latest = MergeReport.LatestDateOf(x.Events);
            foreach (var e in x.Events)
            {
                if (e.Kind == EventKind.Strike && MergeEngine.AnchorOf(e, x.Article.Published, latest) is { } anchor)
                {
                    changed.Add(new AnchoredKey(NoEvent, anchor));
                }
            }
        }

        if (changed.Count == 0)
        {
            return;
        }

        var conn = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (conn.ConfigureAwait(false))
        {
            if (await NeedsRebuildAsync(conn, null, cancellationToken).ConfigureAwait(false))
            {
                return;
            }

            var (decisions, anchors) = await LoadDecisionsAsync(conn, null, cancellationToken).ConfigureAwait(false);
            var window = MergeEngine.Window(changed, decisions, k => anchors.GetValueOrDefault(k));
            if (!window.IsEmpty)
            {
                // Partitioned too, so the merge memo holds the clusters of the days the coming reports leave as they are.
                var (stored, reports, _) = await LoadWindowAsync(conn, null, window, null, cancellationToken).ConfigureAwait(false);
                Partition(stored, reports, decisions);
            }

        }
    }

    /// <summary>An attack as this process last stored it: the state it was built with, and its rows.</summary>
    private sealed record AttackMemo(AttackState State, AttackRows Rows);

    /// <summary>
    /// The attacks the last merge of this process owned, by id: an attack that only gains members is extended from its
    /// entry when the entry's digest and members are what the store holds (another writer, or a rolled-back write, leaves
    /// them different, and the attack is built whole). Replaced by every merge; read and replaced whole, never changed.
    /// </summary>
    private volatile Dictionary<long, AttackMemo> _attackMemo = [];

    private long _attacksExtended;

    /// <summary>How many attacks this store object's merges have extended (<see cref="MergeSummary.Extended"/>) since it was opened.</summary>
    internal long AttacksExtended => Interlocked.Read(ref _attacksExtended);

    /// <summary>True when the attack's members are exactly the stored ones.</summary>
    private static bool SameMembers(Attack attack, List<EventKey> stored)
    {
        if (attack.Members.Length != stored.Count)
        {
            return false;
        }

        var set = new HashSet<EventKey>(stored);
        foreach (var m in attack.Members)
        {
            if (!set.Remove(m.Event))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// Makes room for the rows an extension writes: the updated attacks' place keys and the figure rows they replace go, and
    /// their attack rows are updated in place (their members stay: they reference the row).
    /// </summary>
    private async Task DeleteForUpdateAsync(DbConnection conn, DbTransaction tx, AttackRowSet rows, CancellationToken ct)
    {
        if (rows.Updated.Count == 0)
        {
            return;
        }

        foreach (var chunk in rows.Updated.Select(a => a.Id).Chunk(PageSize))
        {
            await using var cmd = Db.Command(conn, $"DELETE FROM attack_places WHERE {InList("attack_id", "@ids")}", tx);
            cmd.Add("@ids", ListValue(chunk));
            await cmd.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
        }

        await using (var del = Db.Command(conn, "DELETE FROM attack_figures WHERE attack_id = @a AND ordinal = @o", tx))
        {
            var a = del.Add("@a", 0L);
            var o = del.Add("@o", 0);
            foreach (var (attack, ordinal) in rows.DroppedFigures)
            {
                a.Value = attack;
                o.Value = ordinal;
                await del.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
            }
        }

        var columns = Tables.Attacks.Columns;
        var sql = $"UPDATE attacks SET {string.Join(", ", columns.Skip(1).Select((c, i) => $"{c.Column} = @p{i + 1}"))} WHERE {columns[0].Column} = @p0";
        // One statement for every updated row, its parameters typed once (as the rows' copy into PostgreSQL types them).
        await using var update = Db.Command(conn, sql, tx);
        var parameters = new DbParameter[columns.Length];
        for (var i = 0; i < parameters.Length; i++)
        {
            parameters[i] = update.Add("@p" + i.ToString(System.Globalization.CultureInfo.InvariantCulture), null);
            if (parameters[i] is Npgsql.NpgsqlParameter np)
            {
                np.NpgsqlDbType = columns[i].Type;
            }
        }

        foreach (var row in rows.Updated)
        {
            var values = Tables.Attacks.Values(row);
            for (var i = 0; i < values.Length; i++)
            {
                parameters[i].Value = values[i] ?? DBNull.Value;
            }

            await update.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
        }
    }

    /// <summary>True when the computed attack has exactly the stored members and none of them changed.</summary>
    private static bool SameUnchangedMembers(AttackDraft attack, List<EventKey> stored, IReadOnlySet<EventKey> changed)
    {
        if (attack.Members.Length != stored.Count)
        {
            return false;
        }

        var set = new HashSet<EventKey>(stored);
        foreach (var m in attack.Members)
        {
            if (changed.Contains(m) || !set.Remove(m))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// Most events (and reports) a store keeps loaded for merge windows: the recent days a run of ingests keeps merging
    /// into, and a backfill's window over most of a dense ledger. A window larger than the cache is read again whole by
    /// the next write (the ingest's warm-up fills the cache and its first write reads the window again), so the cache
    /// holds a dense ledger's windows of 1,200 days on a 200,000-event store (about 170,000 events).
    /// </summary>
    private const int WindowCacheSize = 400_000;

    /// <summary>
    /// Events loaded for merge windows, with the time their report was extracted: an event is reused while its report
    /// has not been extracted again (by this process or another), so consecutive batches of one ingest do not reload
    /// the days they share. Only what the merge reads is used from it (the event, its key and report).
    /// </summary>
    private readonly StampedCache<StoredEvent> _windowCache = new(WindowCacheSize);

    /// <summary>The profiles and step-1 clusters of the last merge, for the next (see <see cref="MergeMemo"/>).</summary>
    private readonly MergeMemo _mergeMemo = new();

    /// <summary>The merge views of reports seen in windows (their events' latest date set per window), under the same stamps.</summary>
    private readonly StampedCache<MergeReport> _reportCache = new(WindowCacheSize);

    /// <summary>A report's extraction time as an exact string (ticks for a timestamp, the text SQLite keeps otherwise).</summary>
    private static string Stamp(DbDataReader r, int i) => r.IsDBNull(i) ? ""
        : r.GetFieldType(i) == typeof(string) ? r.GetString(i)
        : r.GetDateTime(i).Ticks.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static string AttackKey(long id) => "A" + id.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static long ParseAttackKey(string key) => long.Parse(key.AsSpan(1), System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Store ids of events named by key.</summary>
    private async Task<Dictionary<EventKey, long>> EventIdsOfAsync(DbConnection conn, DbTransaction? tx, IReadOnlyCollection<EventKey> keys, CancellationToken ct)
    {
        var found = new Dictionary<EventKey, long>();
        if (keys.Count == 0)
        {
            return found;
        }

        var wanted = keys.ToHashSet();
        foreach (var chunk in wanted.Select(k => k.ReportId).Distinct().Chunk(PageSize))
        {
            await using var cmd = Db.Command(conn, $"SELECT report_id, ordinal, id FROM events WHERE {InList("report_id", "@ids")}", tx);
            cmd.Add("@ids", ListValue(chunk));
            await using var r = await cmd.ExecuteReaderAsync(ct).ConfigureAwait(false);
            while (await r.ReadAsync(ct).ConfigureAwait(false))
            {
                var key = new EventKey(r.Long(0), r.Int(1));
                if (wanted.Contains(key))
                {
                    found[key] = r.Long(2);
                }
            }
        }

        return found;
    }

    /// <summary>
    /// The merge's view of each report: outlet, publication date, version, URL and the latest date its events give
    /// (from <paramref name="latest"/> when the window's events gave it, else read).
    /// </summary>
    /// <param name="stamps">The reports' extraction times as the window read them: a cached view is used only under the
    /// same stamp (an id can come back after a rolled-back write, never with the same stamp).</param>
    private async Task<Dictionary<long, MergeReport>> LoadMergeReportsAsync(DbConnection conn, DbTransaction? tx, IReadOnlyList<long> reportIds, Dictionary<long, DateOnly?> latest, Dictionary<long, string> stamps, CancellationToken ct)
    {
        var reports = new Dictionary<long, MergeReport>();
        var toLoad = new List<long>();
        foreach (var id in reportIds)
        {
            if (latest.TryGetValue(id, out var l) && stamps.TryGetValue(id, out var stamp) && _reportCache.TryGet(id, stamp, out var hit))
            {
                reports[id] = hit with { LatestEventDate = l };
            }
            else
            {
                toLoad.Add(id);
            }
        }

        foreach (var chunk in toLoad.Chunk(PageSize))
        {
            var known = chunk.All(latest.ContainsKey);
            await using var cmd = Db.Command(conn, $"""
                SELECT r.id, r.version, r.source, r.published, r.url, r.content_hash, r.url_key{(known ? "" : ", (SELECT MAX(e.report_latest) FROM events e WHERE e.report_id = r.id)")}
                FROM reports r WHERE {InList("r.id", "@ids")}
                """, tx);
            cmd.Add("@ids", ListValue(chunk));
            await using var r = await cmd.ExecuteReaderAsync(ct).ConfigureAwait(false);
            while (await r.ReadAsync(ct).ConfigureAwait(false))
            {
                var url = r.NStr(4);
                var id = r.Long(0);
                var report = new MergeReport(id, r.Int(1), r.NStr(2) ?? Host(url), r.NDate(3), url) { Identity = IdentityOf(new ReportKey(r.Str(6), r.Str(5))) };
                if (stamps.TryGetValue(id, out var stamp))
                {
                    _reportCache.Put(id, stamp, report);
                }

                reports[id] = report with { LatestEventDate = latest.TryGetValue(id, out var l) ? l : r.NDate(7) };
            }
        }

        return reports;
    }

    private static string? Host(string? url) => Uri.TryCreate(url, UriKind.Absolute, out var u) ? u.Host : null;

    /// <summary>The stored attacks a window owns (home in its replace ranges, or no home and a member it loads too), with their members.</summary>
    private async Task<Dictionary<long, (string Digest, List<EventKey> Members)>> LoadOwnedAttacksAsync(DbConnection conn, DbTransaction tx, MergeWindow window, Dictionary<EventKey, long> alsoIds, CancellationToken ct)
    {
        var owned = new Dictionary<long, (string Digest, List<EventKey> Members)>();
        async Task Read(DbCommand cmd)
        {
            await using var r = await cmd.ExecuteReaderAsync(ct).ConfigureAwait(false);
            while (await r.ReadAsync(ct).ConfigureAwait(false))
            {
                if (!owned.TryGetValue(r.Long(0), out var attack))
                {
                    owned[r.Long(0)] = attack = (r.Str(3), []);
                }

                if (r.NLong(1) is { } report)
                {
                    attack.Members.Add(new EventKey(report, r.Int(2)));
                }
            }
        }

        foreach (var range in window.Replace)
        {
            await using var cmd = Db.Command(conn, """
                SELECT a.id, m.report_id, m.ordinal, a.digest FROM attacks a LEFT JOIN attack_members m ON m.attack_id = a.id
                WHERE a.home >= @first AND a.home <= @last
                """, tx);
            cmd.Add("@first", range.First);
            cmd.Add("@last", range.Last);
            await Read(cmd).ConfigureAwait(false);
        }

        if (alsoIds.Count > 0)
        {
            await using var cmd = Db.Command(conn, $"""
                SELECT a.id, m.report_id, m.ordinal, a.digest FROM attacks a LEFT JOIN attack_members m ON m.attack_id = a.id
                WHERE a.home IS NULL AND a.id IN (SELECT x.attack_id FROM attack_members x WHERE {InList("x.event_id", "@ids")})
                """, tx);
            cmd.Add("@ids", ListValue(alsoIds.Values));
            await Read(cmd).ConfigureAwait(false);
        }

        return owned;
    }

    private static readonly (string Table, string Column)[] AttackTables =
        [("attack_places", "attack_id"), ("attack_figures", "attack_id"), ("attack_members", "attack_id"), ("attacks", "id")];

    /// <summary>
    /// Indexes each written attack under every place key its members' places give (as written, as named, their region),
    /// so a place filter on attacks is one index probe per attack, however many reports an attack has.
    /// </summary>
    private async Task WriteAttackPlacesAsync(DbConnection conn, DbTransaction tx, IEnumerable<long> ids, CancellationToken ct)
    {
        foreach (var chunk in ids.Chunk(PageSize))
        {
            await using var cmd = Db.Command(conn, Tables.AttackPlaceRows(InList("m.attack_id", "@ids")), tx);
            cmd.Add("@ids", ListValue(chunk));
            await cmd.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
        }
    }

    private async Task DeleteAttacksAsync(DbConnection conn, DbTransaction tx, IReadOnlyCollection<long> ids, CancellationToken ct)
    {
        if (ids.Count == 0)
        {
            return;
        }

        foreach (var chunk in ids.Chunk(PageSize))
        {
            foreach (var (table, column) in AttackTables)
            {
                await using var cmd = Db.Command(conn, $"DELETE FROM {table} WHERE {InList(column, "@ids")}", tx);
                cmd.Add("@ids", ListValue(chunk));
                await cmd.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
            }
        }
    }

    /// <summary>Records ids that now lead to another attack, and re-points older aliases that led to them.</summary>
    private async Task WriteAliasesAsync(DbConnection conn, DbTransaction tx, List<AliasRow> aliases, CancellationToken ct)
    {
        foreach (var a in aliases)
        {
            await using (var repoint = Db.Command(conn, "UPDATE attack_aliases SET attack_id = @to WHERE attack_id = @from", tx))
            {
                repoint.Add("@to", a.AttackId);
                repoint.Add("@from", a.OldId);
                await repoint.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
            }

            await using var del = Db.Command(conn, "DELETE FROM attack_aliases WHERE old_id = @id", tx);
            del.Add("@id", a.OldId);
            await del.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
        }

        await WriteTableAsync(conn, tx, Tables.Aliases, aliases, ct).ConfigureAwait(false);
    }

    /// <summary>
    /// Records an analyst's decision and recomputes the attacks it touches, in one transaction. A join names two
    /// attacks (stored as a join between their first members); a split names one event.
    /// </summary>
    public async Task<MergeSummary> DecideAsync(MergeDecisionRequest request, CancellationToken cancellationToken = default)
    {
        var conn = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (conn.ConfigureAwait(false))
        {
            await using var tx = await conn.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await LockMergeAsync(conn, tx, cancellationToken).ConfigureAwait(false);
            var (eventId, otherId) = request.Kind == "join"
                ? (await FirstMemberAsync(conn, tx, request.First, cancellationToken).ConfigureAwait(false), await FirstMemberAsync(conn, tx, request.Second!.Value, cancellationToken).ConfigureAwait(false))
                : (request.First, (long?)null);
            await using (var check = Db.Command(conn, "SELECT COUNT(*) FROM events WHERE id = @id AND kind = 'strike'", tx))
            {
                check.Add("@id", eventId);
                if (Convert.ToInt64(await check.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture) == 0)
                {
                    throw new StoreException("ST020", $"There is no strike event {eventId} in the store. 'sitrep events --attack A…' lists an attack's events.");
                }
            }

            await using (var insert = Db.Command(conn, "INSERT INTO merge_decisions (kind, event_id, other_event_id, note, made_by, made_at) VALUES (@k, @e, @o, @n, @b, @t)", tx))
            {
                insert.Add("@k", request.Kind);
                insert.Add("@e", eventId);
                insert.Add("@o", otherId);
                insert.Add("@n", request.Note);
                insert.Add("@b", request.By);
                insert.Add("@t", DateTimeOffset.UtcNow);
                await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            var summary = new MergeSummary(0, 0, 0, 0, 0, TimeSpan.Zero);
            if (!await NeedsRebuildAsync(conn, tx, cancellationToken).ConfigureAwait(false))
            {
                var (decisions, anchors) = await LoadDecisionsAsync(conn, tx, cancellationToken).ConfigureAwait(false);
                var changed = decisions[^1].Events.Select(k => new AnchoredKey(k, anchors.GetValueOrDefault(k)));
                var window = MergeEngine.Window(changed, decisions, k => anchors.GetValueOrDefault(k));
                summary = await RecomputeAsync(conn, tx, window, decisions, cancellationToken).ConfigureAwait(false);
            }

            await tx.CommitAsync(cancellationToken).ConfigureAwait(false);
            return summary;
        }
    }

    private async Task<long> FirstMemberAsync(DbConnection conn, DbTransaction tx, long attackId, CancellationToken ct)
    {
        var id = await ResolveAttackIdAsync(conn, tx, attackId, ct).ConfigureAwait(false)
                 ?? throw new StoreException("ST021", $"There is no attack A{attackId} in the store. 'sitrep attacks' lists them.");
        await using var cmd = Db.Command(conn, "SELECT MIN(event_id) FROM attack_members WHERE attack_id = @a", tx);
        cmd.Add("@a", id);
        var v = await cmd.ExecuteScalarAsync(ct).ConfigureAwait(false);
        return v is null or DBNull
            ? throw new StoreException("ST021", $"Attack A{attackId} has no members.")
            : Convert.ToInt64(v, System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>The attack an id names now: itself, or the attack it leads to after a re-merge; null when neither exists.</summary>
    private static async Task<long?> ResolveAttackIdAsync(DbConnection conn, DbTransaction? tx, long id, CancellationToken ct)
    {
        await using var cmd = Db.Command(conn, "SELECT id FROM attacks WHERE id = @id UNION ALL SELECT attack_id FROM attack_aliases WHERE old_id = @id", tx);
        cmd.Add("@id", id);
        var v = await cmd.ExecuteScalarAsync(ct).ConfigureAwait(false);
        return v is null or DBNull ? null : Convert.ToInt64(v, System.Globalization.CultureInfo.InvariantCulture);
    }

    public async Task<IReadOnlyList<StoredDecision>> GetDecisionsAsync(CancellationToken cancellationToken = default)
    {
        var list = new List<StoredDecision>();
        var conn = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (conn.ConfigureAwait(false))
        {
            await using var cmd = Db.Command(conn, "SELECT id, kind, event_id, other_event_id, note, made_by, made_at FROM merge_decisions ORDER BY id");
            await using var r = await cmd.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await r.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                list.Add(new StoredDecision(r.Long(0), r.Str(1), r.Long(2), r.NLong(3), r.NStr(4), r.Str(5), r.Time(6)));
            }
        }

        return list;
    }

    /// <summary>
    /// Recomputes every attack from the stored events and decisions (ids kept where attacks keep most of their members),
    /// in transactions of a month of anchors each; first fills in the anchors of events stored before attacks existed.
    /// </summary>
    public Task<MergeSummary> RebuildAttacksAsync(IProgress<(int Done, int Total)>? progress = null, CancellationToken cancellationToken = default) =>
        RebuildAttacksAsync(progress, cancellationToken, fillAnchors: true);

    /// <param name="fillAnchors">Whether to fill the anchors of events stored before attacks existed first (a bulk load's events have theirs).</param>
    private async Task<MergeSummary> RebuildAttacksAsync(IProgress<(int Done, int Total)>? progress, CancellationToken cancellationToken, bool fillAnchors)
    {
        var clock = Stopwatch.StartNew();
        var conn = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (conn.ConfigureAwait(false))
        {
            if (fillAnchors && await NeedsRebuildAsync(conn, null, cancellationToken).ConfigureAwait(false))
            {
                await FillAnchorsAsync(conn, cancellationToken).ConfigureAwait(false);
            }

            DateOnly? first = null, last = null;
            await using (var cmd = Db.Command(conn, "SELECT MIN(anchor), MAX(anchor) FROM events WHERE kind = 'strike'"))
            {
                await using var r = await cmd.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                if (await r.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    first = r.NDate(0);
                    last = r.NDate(1);
                }
            }

            var blocks = new List<DayRange>();
            for (var d = first; d is { } day && day <= last!.Value; d = day.AddDays(RebuildBlockDays))
            {
                var end = day.AddDays(RebuildBlockDays - 1);
                blocks.Add(new DayRange(day, end < last.Value ? end : last.Value));
            }

            int attacks = 0, events = 0, created = 0, kept = 0, gone = 0, same = 0;
            var total = blocks.Count + 1;
            for (var i = 0; i <= blocks.Count; i++)
            {
                // The months already rebuilt are not read again but for the next window's edge: past the bulk size the
                // caches start empty, so a rebuild of a large ledger holds about one month's window, not the ledger.
                if (_windowCache.Count > BulkCacheEvents)
                {
                    _windowCache.Clear();
                    _reportCache.Clear();
                }

                await using var tx = await conn.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
                await LockMergeAsync(conn, tx, cancellationToken).ConfigureAwait(false);
                var (decisions, anchors) = await LoadDecisionsAsync(conn, tx, cancellationToken).ConfigureAwait(false);
                var changed = new List<AnchoredKey>();
                var sql = i < blocks.Count
                    ? "SELECT report_id, ordinal, anchor FROM events WHERE kind = 'strike' AND anchor >= @first AND anchor <= @last"
                    : "SELECT report_id, ordinal, anchor FROM events WHERE kind = 'strike' AND anchor IS NULL";
                await using (var cmd = Db.Command(conn, sql, tx))
                {
                    if (i < blocks.Count)
                    {
                        cmd.Add("@first", blocks[i].First);
                        cmd.Add("@last", blocks[i].Last);
                    }

                    await using var r = await cmd.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                    while (await r.ReadAsync(cancellationToken).ConfigureAwait(false))
                    {
                        changed.Add(new AnchoredKey(new EventKey(r.Long(0), r.Int(1)), r.NDate(2)));
                    }
                }

                // The block's first and last days are given as changes too (under a key no event has), so the window replaces
                // the whole block even where no event is anchored now: stored attacks filed there whose events are gone go.
                if (i < blocks.Count)
                {
                    changed.Add(new AnchoredKey(NoEvent, blocks[i].First));
                    changed.Add(new AnchoredKey(NoEvent, blocks[i].Last));
                }

                var window = MergeEngine.Window(changed, decisions, k => anchors.GetValueOrDefault(k));
                var s = await RecomputeAsync(conn, tx, window, decisions, cancellationToken).ConfigureAwait(false);
                if (i == blocks.Count)
                {
                    await using var clear = Db.Command(conn, "DELETE FROM ledger_state WHERE key = 'attacks'", tx);
                    await clear.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                }

                await tx.CommitAsync(cancellationToken).ConfigureAwait(false);
                attacks += s.Attacks;
                events += s.Events;
                created += s.Created;
                kept += s.Kept;
                gone += s.Gone;
                same += s.Unchanged;
                progress?.Report((i + 1, total));
            }

            return new MergeSummary(attacks, events, created, kept, gone, clock.Elapsed) { Unchanged = same };
        }
    }

    /// <summary>A key no stored event has (report ids start at 1).</summary>
    private static readonly EventKey NoEvent = new(0, -1);

    /// <summary>Computes the anchor of every strike event that has none stored (events stored before attacks existed).</summary>
    private async Task FillAnchorsAsync(DbConnection conn, CancellationToken ct)
    {
        var reports = new List<long>();
        await using (var cmd = Db.Command(conn, "SELECT DISTINCT report_id FROM events WHERE anchor IS NULL AND report_latest IS NULL"))
        {
            await using var r = await cmd.ExecuteReaderAsync(ct).ConfigureAwait(false);
            while (await r.ReadAsync(ct).ConfigureAwait(false))
            {
                reports.Add(r.Long(0));
            }
        }

        foreach (var chunk in reports.Chunk(100))
        {
            await using var tx = await conn.BeginTransactionAsync(ct).ConfigureAwait(false);
            var ids = new List<long>();
            await using (var cmd = Db.Command(conn, $"SELECT id FROM events WHERE {InList("report_id", "@ids")}", tx))
            {
                cmd.Add("@ids", ListValue(chunk));
                await using var r = await cmd.ExecuteReaderAsync(ct).ConfigureAwait(false);
                while (await r.ReadAsync(ct).ConfigureAwait(false))
                {
                    ids.Add(r.Long(0));
                }
            }

            var events = await LoadEventsAsync(conn, ids, ct, tx).ConfigureAwait(false);
            await using var update = Db.Command(conn, "UPDATE events SET anchor = @a, report_latest = @l WHERE id = @id", tx);
            var pa = update.Add("@a", null);
            var pl = update.Add("@l", null);
            var pid = update.Add("@id", null);
            foreach (var report in events.GroupBy(e => e.Report.Id))
            {
                var latest = MergeReport.LatestDateOf(report.Select(e => e.Event));
                foreach (var e in report)
                {
                    pa.Value = (e.Event.Kind == EventKind.Strike ? MergeEngine.AnchorOf(e.Event, e.Report.Published, latest) : null) is { } a ? a : DBNull.Value;
                    pl.Value = latest is { } l ? l : DBNull.Value;
                    pid.Value = e.Id;
                    await update.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
                }
            }

            await tx.CommitAsync(ct).ConfigureAwait(false);
        }
    }

    // ---- queries over attacks ----

    private const string AttackColumns =
        "a.id, a.date, a.date_precision, a.attacker, a.target_country, a.events, a.reports, a.sources, a.location_name, a.location_admin1, " +
        "a.location_country, a.latitude, a.longitude, a.geo_precision, a.places_text, a.weapons_text, a.contested, a.updated_at, " +
        "a.launched, a.destroyed, a.killed, a.injured, a.location_text, a.location_start, a.location_end, a.location_gazetteer_id, " +
        "a.location_feature, a.location_where_precision, a.location_occupied, a.location_event_id, a.location_report_id";

    /// <summary>How many columns <see cref="AttackColumns"/> reads: a query's own columns come after them.</summary>
    private static readonly int AttackColumnCount = AttackColumns.Split(',').Length;

    private static StoredAttack ReadAttack(DbDataReader r)
    {
        var location = r.NStr(8) is { } name
            ? new PlaceRef(r.NStr(22) ?? name, new TextSpan(r.NInt(23) ?? 0, r.NInt(24) ?? 0))
            {
                Name = name, GazetteerId = r.NStr(25), Feature = r.NStr(26), Admin1 = r.NStr(9), Country = r.NStr(10), Latitude = r.NDouble(11),
                Longitude = r.NDouble(12), GeoPrecision = r.NInt(13), WherePrecision = r.NInt(27), Occupied = !r.IsDBNull(28) && r.Bool(28),
            }
            : null;
        return new StoredAttack(
            r.Long(0), r.NDate(1), Names.Precision(r.Str(2)), Names.Side(r.Str(3)), Names.Country(r.Str(4)), r.Int(5), r.Int(6), r.Int(7),
            location, r.Str(14), r.Str(15), r.Bool(16), r.Time(17))
        {
            Launched = r.NInt(18),
            Destroyed = r.NInt(19),
            Killed = r.NInt(20),
            Injured = r.NInt(21),
            LocationFrom = r.NLong(29) is { } eventId && r.NLong(30) is { } reportId ? new LocationSource(eventId, reportId) : null,
        };
    }

    public async Task<IReadOnlyList<StoredAttack>> FindAttacksAsync(EventQuery query, CancellationToken cancellationToken = default)
    {
        var conn = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (conn.ConfigureAwait(false))
        {
            return await FindAttacksAsync(conn, query, null, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// The attack rows (without figures and members) that match <paramref name="query"/> on <paramref name="conn"/>: in
    /// <paramref name="orderBy"/> when given, else in the query's sort from its cursor.
    /// </summary>
    private async Task<List<StoredAttack>> FindAttacksAsync(DbConnection conn, EventQuery query, string? orderBy, CancellationToken cancellationToken)
    {
        var list = new List<StoredAttack>();
        var plan = await PlanAsync(conn, query, cancellationToken).ConfigureAwait(false);
        await using var cmd = conn.CreateCommand();
        var where = AttackWhere(query, cmd, plan);
        var keyset = "";
        if (orderBy is null)
        {
            (orderBy, keyset) = Listing(query, "a", cmd);
        }

        var limit = Paging(query, cmd);

        cmd.CommandText = $"SELECT {AttackColumns} FROM attacks a {where}{keyset} {orderBy}{limit}";
        await using var r = await cmd.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await r.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            list.Add(ReadAttack(r));
        }

        return list;
    }

    public async Task<StoredAttack?> GetAttackAsync(long id, CancellationToken cancellationToken = default)
    {
        var conn = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (conn.ConfigureAwait(false))
        {
            if (await ResolveAttackIdAsync(conn, null, id, cancellationToken).ConfigureAwait(false) is not { } current)
            {
                return null;
            }

            var attacks = await LoadAttacksAsync(conn, [current], cancellationToken).ConfigureAwait(false);
            return attacks.Count == 0 ? null : attacks[0];
        }
    }

    public async IAsyncEnumerable<StoredAttack> StreamAttacksAsync(EventQuery query, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var conn = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (conn.ConfigureAwait(false))
        {
            long after = 0;
            var remaining = query.Limit ?? int.MaxValue;
            var plan = await PlanAsync(conn, query, cancellationToken).ConfigureAwait(false);
            while (remaining > 0)
            {
                var ids = new List<long>(PageSize);
                await using (var cmd = conn.CreateCommand())
                {
                    var where = AttackWhere(query, cmd, plan);
                    cmd.CommandText = $"SELECT a.id FROM attacks a {where} AND a.id > @after ORDER BY a.id LIMIT @page";
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

                foreach (var a in await LoadAttacksAsync(conn, ids, cancellationToken).ConfigureAwait(false))
                {
                    yield return a;
                }

                after = ids[^1];
                remaining -= ids.Count;
            }
        }
    }

    /// <summary>
    /// Attacks (figures with their claims, members with their reports) for <paramref name="ids"/>, in that order: whole, or
    /// without what <paramref name="parts"/> leaves out.
    /// </summary>
    private async Task<IReadOnlyList<StoredAttack>> LoadAttacksAsync(DbConnection conn, IReadOnlyList<long> ids, CancellationToken ct, ReadParts? parts = null)
    {
        parts ??= ReadParts.Whole;
        var idList = ListValue(ids);
        var heads = new Dictionary<long, StoredAttack>();
        await using (var cmd = Db.Command(conn, $"SELECT {AttackColumns} FROM attacks a WHERE {InList("a.id", "@ids")}"))
        {
            cmd.Add("@ids", idList);
            await using var r = await cmd.ExecuteReaderAsync(ct).ConfigureAwait(false);
            while (await r.ReadAsync(ct).ConfigureAwait(false))
            {
                var a = ReadAttack(r);
                heads[a.Id] = a;
            }
        }

        // The words of every claim: its member event's figure rows, by span. With a selection of the claims whose words
        // are used, only those claims' events' rows are read, after the figures.
        var words = new Dictionary<(long Event, int Start, int End), string>();
        if (parts.ClaimWords is null)
        {
            await using var cmd = Db.Command(conn, $"""
                SELECT f.event_id, f.evidence_start, f.evidence_end, f.evidence_text
                FROM figures f JOIN attack_members m ON m.event_id = f.event_id WHERE {InList("m.attack_id", "@ids")}
                """);
            cmd.Add("@ids", idList);
            await using var r = await cmd.ExecuteReaderAsync(ct).ConfigureAwait(false);
            while (await r.ReadAsync(ct).ConfigureAwait(false))
            {
                words[(r.Long(0), r.Int(1), r.Int(2))] = r.Str(3);
            }
        }

        string Words(long eventId, TextSpan span) => words.GetValueOrDefault((eventId, span.Start, span.End), "");
        var figures = new Dictionary<long, List<StoredAttackFigure>>();
        await using (var cmd = Db.Command(conn, $"""
            SELECT attack_id, figure, kind, family, model, best, low, high, conservative, contested, rule, reason, best_event_id, claims
            FROM attack_figures WHERE {InList("attack_id", "@ids")} ORDER BY attack_id, ordinal
            """))
        {
            cmd.Add("@ids", idList);
            await using var r = await cmd.ExecuteReaderAsync(ct).ConfigureAwait(false);
            while (await r.ReadAsync(ct).ConfigureAwait(false))
            {
                var f = new StoredAttackFigure(
                    r.Str(1), Names.Figure(r.Str(2)), r.NStr(3) is { } fam ? (Parties.TryParseFamily(fam, out var wf) ? wf : WeaponFamily.Other) : null,
                    r.NStr(4), r.Int(5), r.Int(6), r.Int(7), r.Int(8), r.Bool(9), r.Str(10), r.Str(11), r.NLong(12))
                {
                    Claims = AttackRowSet.ReadClaims(r.Str(13), Words),
                };
                Bucket(figures, r.Long(0)).Add(f);
            }
        }

        if (parts.ClaimWords is { } select)
        {
            await SelectedClaimWordsAsync(conn, heads, figures, select, ct).ConfigureAwait(false);
        }

        var members = new Dictionary<long, List<StoredMember>>();
        await using (var cmd = Db.Command(conn, parts.MemberDetail ? $"""
            SELECT m.attack_id, m.event_id, m.report_id, m.ordinal, m.kind, m.score, m.partial, m.decision, m.explain, m.features,
                   r.article_id, r.title, r.url, r.published, r.source, r.origin, r.version,
                   (SELECT COUNT(*) FROM events x WHERE x.report_id = m.report_id AND x.ordinal < m.ordinal AND x.kind = 'strike'),
                   r.ingested_at
            FROM attack_members m JOIN reports r ON r.id = m.report_id
            WHERE {InList("m.attack_id", "@ids")} ORDER BY m.attack_id, m.report_id, m.ordinal
            """ : $"""
            SELECT m.attack_id, m.event_id, m.report_id, m.ordinal, m.kind, m.score, m.partial, m.decision
            FROM attack_members m WHERE {InList("m.attack_id", "@ids")} ORDER BY m.attack_id, m.report_id, m.ordinal
            """))
        {
            cmd.Add("@ids", idList);
            await using var r = await cmd.ExecuteReaderAsync(ct).ConfigureAwait(false);
            while (await r.ReadAsync(ct).ConfigureAwait(false))
            {
                var m = parts.MemberDetail
                    ? new StoredMember(r.Long(1), r.Long(2), r.Int(3), r.Str(4), r.NDouble(5) ?? 0, r.Bool(6), r.NLong(7), r.Str(8))
                    {
                        Features = AttackRowSet.ReadFeatures(r.Str(9)),
                        Article = r.Str(10),
                        Report = new ReportRef(r.Long(2), r.NStr(11), r.NStr(12), r.NDate(13), r.NStr(14), r.Str(15), r.Int(16)) { Ingested = DateOnly.FromDateTime(r.Time(18).UtcDateTime) },
                        StrikeIndex = r.Int(17),
                    }
                    : new StoredMember(r.Long(1), r.Long(2), r.Int(3), r.Str(4), r.NDouble(5) ?? 0, r.Bool(6), r.NLong(7), "");
                Bucket(members, r.Long(0)).Add(m);
            }
        }

        var result = new List<StoredAttack>(ids.Count);
        foreach (var id in ids)
        {
            if (heads.TryGetValue(id, out var a))
            {
                result.Add(a with
                {
                    Figures = figures.TryGetValue(id, out var f) ? [.. f] : [],
                    Members = members.TryGetValue(id, out var m) ? [.. m] : [],
                });
            }
        }

        return result;
    }

    /// <summary>
    /// Gives the claims <paramref name="select"/> chooses of each figure their words: the figure rows of only those
    /// claims' events, one query per page of events.
    /// </summary>
    private async Task SelectedClaimWordsAsync(
        DbConnection conn, Dictionary<long, StoredAttack> heads, Dictionary<long, List<StoredAttackFigure>> figures,
        Func<StoredAttack, StoredAttackFigure, IEnumerable<StoredAttackClaim>> select, CancellationToken ct)
    {
        var wanted = new HashSet<(long Event, int Start, int End)>();
        foreach (var (attackId, list) in figures)
        {
            if (heads.TryGetValue(attackId, out var head))
            {
                foreach (var f in list)
                {
                    foreach (var c in select(head, f))
                    {
                        wanted.Add((c.EventId, c.Evidence.Span.Start, c.Evidence.Span.End));
                    }
                }
            }
        }

        var words = new Dictionary<(long Event, int Start, int End), string>();
        foreach (var chunk in wanted.Select(w => w.Event).Distinct().Order().Chunk(PageSize))
        {
            await using var cmd = Db.Command(conn, $"SELECT event_id, evidence_start, evidence_end, evidence_text FROM figures WHERE {InList("event_id", "@ids")}");
            cmd.Add("@ids", ListValue(chunk));
            await using var r = await cmd.ExecuteReaderAsync(ct).ConfigureAwait(false);
            while (await r.ReadAsync(ct).ConfigureAwait(false))
            {
                var key = (r.Long(0), r.Int(1), r.Int(2));
                if (wanted.Contains(key))
                {
                    words[key] = r.Str(3);
                }
            }
        }

        foreach (var list in figures.Values)
        {
            for (var i = 0; i < list.Count; i++)
            {
                var f = list[i];
                if (f.Claims.Any(c => words.ContainsKey((c.EventId, c.Evidence.Span.Start, c.Evidence.Span.End))))
                {
                    list[i] = f with
                    {
                        Claims = [.. f.Claims.Select(c => words.TryGetValue((c.EventId, c.Evidence.Span.Start, c.Evidence.Span.End), out var text)
                            ? c with { Evidence = new Evidence(c.Evidence.Span, text) } : c)],
                    };
                }
            }
        }
    }

    /// <summary>
    /// Per day, attacker, target and weapon family, over attacks: how many attacks, their reports, and the sums of their
    /// best launched and destroyed; killed and injured count once per attack, under its main family.
    /// </summary>
    public async Task<IReadOnlyList<AttackStat>> AttackStatsAsync(EventQuery filter, CancellationToken cancellationToken = default)
    {
        var conn = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (conn.ConfigureAwait(false))
        {
            var plan = await PlanAsync(conn, filter, cancellationToken).ConfigureAwait(false);
            return await StatsAsync(conn, plan, filter, dated: true, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The rows of <see cref="AttackStatsAsync"/> for the matching attacks no member's text dates (<c>Date</c> null), and how many they are.</summary>
    public async Task<UndatedAttackStats> UndatedAttackStatsAsync(EventQuery filter, CancellationToken cancellationToken = default)
    {
        var conn = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (conn.ConfigureAwait(false))
        {
            var plan = await PlanAsync(conn, filter, cancellationToken).ConfigureAwait(false);
            var rows = await StatsAsync(conn, plan, filter, dated: false, cancellationToken).ConfigureAwait(false);
            if (rows.Count == 0)
            {
                return new UndatedAttackStats(rows, 0);
            }

            await using var cmd = conn.CreateCommand();
            cmd.CommandText = $"SELECT COUNT(*) FROM attacks a {AttackWhere(filter, cmd, plan)} AND a.date IS NULL";
            var attacks = Convert.ToInt32(await cmd.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture);
            return new UndatedAttackStats(rows, attacks);
        }
    }

    private static async Task<IReadOnlyList<AttackStat>> StatsAsync(DbConnection conn, FilterPlan plan, EventQuery filter, bool dated, CancellationToken cancellationToken)
    {
        var stats = new List<AttackStat>();
        await using var cmd = conn.CreateCommand();
        var where = AttackWhere(filter, cmd, plan);
        var date = dated ? "a.date IS NOT NULL" : "a.date IS NULL";
        // Per attack and family, grouped in the order the rows are read (attacks by date and id, their figures by
        // family: no sort); the attack's other columns follow from its id. About 0.7 of the time of grouping by
        // day, sides, family and attack (SQLite over the 1M store: 0.16-0.21 -> 0.11-0.17 s of CPU).
        cmd.CommandText = $"""
            SELECT d, s, t, f, COUNT(DISTINCT a), SUM(n), SUM(l), SUM(x), SUM(k), SUM(i) FROM (
              SELECT a.date AS d, a.attacker AS s, a.target_country AS t, fig.family AS f, a.id AS a, a.reports AS n,
                     MAX(CASE WHEN fig.kind = 'launched' THEN fig.best END) AS l, MAX(CASE WHEN fig.kind = 'destroyed' THEN fig.best END) AS x,
                     CASE WHEN a.primary_family = fig.family THEN a.killed END AS k, CASE WHEN a.primary_family = fig.family THEN a.injured END AS i
              FROM attacks a JOIN attack_figures fig ON fig.attack_id = a.id AND fig.family IS NOT NULL AND fig.model IS NULL
              {where} AND {date}
              GROUP BY a.date, a.id, fig.family
              UNION ALL
              SELECT a.date, a.attacker, a.target_country, COALESCE(a.primary_family, 'unspecified'), a.id, a.reports, NULL, NULL, a.killed, a.injured
              FROM attacks a
              {where} AND {date}
                AND NOT EXISTS (SELECT 1 FROM attack_figures g WHERE g.attack_id = a.id AND g.family IS NOT NULL AND g.model IS NULL AND g.family = a.primary_family)
            ) u
            GROUP BY d, s, t, f
            ORDER BY d, s, t, f
            """;
        await using var r = await cmd.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await r.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            stats.Add(new AttackStat(r.NDate(0), Names.Side(r.Str(1)), Names.Country(r.Str(2)), r.Str(3), r.Int(4), r.NLong(5) ?? 0, r.NLong(6), r.NLong(7), r.NLong(8), r.NLong(9)));
        }

        return stats;
    }
}

/// <summary>An analyst's decision to record: <c>join</c> two attacks (by id), or <c>split</c> one event off its attack.</summary>
public sealed record MergeDecisionRequest(string Kind, long First, long? Second, string? Note, string By)
{
    public static MergeDecisionRequest Join(long attack, long other, string by, string? note = null) => new("join", attack, other, note, by);

    public static MergeDecisionRequest Split(long eventId, string by, string? note = null) => new("split", eventId, null, note, by);
}
