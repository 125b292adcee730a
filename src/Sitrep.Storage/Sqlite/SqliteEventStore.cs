using System.Data.Common;
using Microsoft.Data.Sqlite;
using Sitrep.Core;
using SQLitePCL;

namespace Sitrep.Storage.Sqlite;

/// <summary>
/// The ledger in one SQLite file (WAL mode: readers never wait for the writer). Writes take the database's
/// single write lock for one batch at a time; event and weapon ids are assigned inside that lock.
/// </summary>
internal sealed class SqliteEventStore : SqlEventStore
{
    private readonly string _connectionString;

    private SqliteEventStore(StoreLocation location, string connectionString)
        : base(location) => _connectionString = connectionString;

    public static async Task<SqliteEventStore> OpenAsync(StoreLocation location, CancellationToken cancellationToken)
    {
        try
        {
            var dir = Path.GetDirectoryName(location.Target);
            if (!string.IsNullOrEmpty(dir))
            {
                Directory.CreateDirectory(dir);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new StoreException("ST002", $"Cannot create the folder for the store '{location.Display}': {e.Message}. Pass --db with a path you can write to.", e);
        }

        var lockWait = LockWait();
        var cs = new SqliteConnectionStringBuilder
        {
            DataSource = location.Target,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
            DefaultTimeout = lockWait,
        }.ToString();
        var store = new SqliteEventStore(location, cs);
        try
        {
            await store.MigrateAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (SqliteException e) when (e.SqliteErrorCode is 5 or 6)
        {
            // SQLITE_BUSY / SQLITE_LOCKED: the file is a store (or may be one) that another process is writing to.
            throw new StoreException("ST007", $"'{location.Display}' is locked by another process writing to it (another sitrep ingest, worker or merge?); waited {lockWait} s. Let it finish or stop it, then run this again (SITREP_LOCK_WAIT=SECONDS waits longer).", e);
        }
        catch (SqliteException e)
        {
            throw new StoreException("ST003", $"'{location.Display}' could not be opened as a Sitrep store: {e.Message}. Is it a SQLite file? Pass another --db path.", e);
        }

        return store;
    }

    /// <summary>
    /// How many seconds a command waits for another process's write lock before it gives up: <c>SITREP_LOCK_WAIT</c>,
    /// else 120 (a batch of a running ingest commits well inside that).
    /// </summary>
    private static int LockWait()
    {
        var text = Environment.GetEnvironmentVariable("SITREP_LOCK_WAIT");
        if (string.IsNullOrWhiteSpace(text))
        {
            return 120;
        }

        return int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var seconds)
            ? seconds
            : throw new StoreException("ST008", $"SITREP_LOCK_WAIT must be a whole number of seconds (e.g. 120), not '{text}'. Set it so or unset it.");
    }

    private async Task MigrateAsync(CancellationToken ct)
    {
        await using var conn = (SqliteConnection)await OpenConnectionAsync(ct).ConfigureAwait(false);
        await using (var wal = Db.Command(conn, "PRAGMA journal_mode = WAL"))
        {
            await wal.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
        }

        await using var tx = (SqliteTransaction)await conn.BeginTransactionAsync(ct).ConfigureAwait(false);
        await using (var create = Db.Command(conn, "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)", tx))
        {
            await create.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
        }

        long current;
        await using (var q = Db.Command(conn, "SELECT COALESCE(MAX(version), 0) FROM schema_version", tx))
        {
            current = Convert.ToInt64(await q.ExecuteScalarAsync(ct).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture);
        }

        var latest = SqliteSchema.Migrations[^1].Version;
        if (current > latest)
        {
            throw new StoreException("ST004", $"The store '{Location.Display}' has schema version {current}, newer than this sitrep knows ({latest}). Update sitrep.");
        }

        foreach (var (version, name, sql) in SqliteSchema.Migrations.Where(m => m.Version > current))
        {
            await using (var m = Db.Command(conn, sql, tx))
            {
                await m.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
            }

            await using var mark = Db.Command(conn, "INSERT INTO schema_version (version, name, applied_at) VALUES (@v, @n, @t)", tx);
            mark.Add("@v", version);
            mark.Add("@n", name);
            mark.Add("@t", DateTimeOffset.UtcNow);
            await mark.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
        }

        await tx.CommitAsync(ct).ConfigureAwait(false);
    }

    /// <summary>
    /// Serializes the opens of every SQLite store in the process. Microsoft.Data.Sqlite 10.0.11's pool marks a connection
    /// it hands out active a moment before it records the owner, and a second open that finds the pool empty takes an
    /// active connection with no owner for a leaked one: it reclaims it and lends the same handle to a second owner
    /// (dotnet/efcore#39008). In an ingest, a worker's known-report check could so get the handle the writer was
    /// writing on, inside the writer's transaction; it failed on <c>PRAGMA synchronous</c>, and when it gave the handle
    /// back, the other worker got it too. Opening from the pool takes microseconds, so one gate costs nothing.
    /// </summary>
    private static readonly SemaphoreSlim OpenGate = new(1, 1);

    /// <summary>The connection string the store's connections are opened (and pooled) with.</summary>
    internal string ConnectionString => _connectionString;

    /// <summary>A connection opened as the store's own reads and writes open theirs.</summary>
    internal async Task<SqliteConnection> ConnectAsync(CancellationToken cancellationToken = default) =>
        (SqliteConnection)await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);

    protected override async Task<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            var conn = new SqliteConnection(_connectionString);
            try
            {
                if (!await OpenCleanAsync(conn, cancellationToken).ConfigureAwait(false))
                {
                    await conn.DisposeAsync().ConfigureAwait(false);
                    if (attempt == 0)
                    {
                        continue;
                    }

                    throw new StoreException("ST009", $"Every connection to the store '{Location.Display}' came back from the pool inside a transaction; run the command again.");
                }

                await using var pragma = Db.Command(conn, "PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON; PRAGMA temp_store = MEMORY; PRAGMA cache_size = -65536");
                await pragma.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                return conn;
            }
            catch
            {
                await conn.DisposeAsync().ConfigureAwait(false);
                throw;
            }
        }
    }

    /// <summary>
    /// Opens <paramref name="conn"/> under <see cref="OpenGate"/>; false when the pool gave it a handle still inside a
    /// transaction (a connection given back without ending one: a <c>BEGIN</c> in SQL text, or a handle shared as above).
    /// Such a handle is not rolled back, as it may still be another owner's: the pool is cleared, so it and every other
    /// handle of the pool are closed when given back instead of being lent again, and the caller opens afresh.
    /// </summary>
    private static async Task<bool> OpenCleanAsync(SqliteConnection conn, CancellationToken ct)
    {
        await OpenGate.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            conn.Open();
            if (raw.sqlite3_get_autocommit(conn.Handle) != 0)
            {
                return true;
            }

            SqliteConnection.ClearPool(conn);
            return false;
        }
        finally
        {
            OpenGate.Release();
        }
    }

    protected override string InList(string column, string parameter) => $"{column} IN (SELECT value FROM json_each({parameter}))";

    protected override object ListValue<T>(IReadOnlyCollection<T> values) => StoreJson.Array(values);

    protected override string OrderBy(bool ascending) => ascending ? "ORDER BY e.date, e.id" : "ORDER BY e.date DESC, e.id DESC";

    private const string InsertReport = """
        INSERT INTO reports (url_key, content_hash, version, url, title, published, source, language, article_id, origin, metadata, body,
                             ingested_at, status, extractor, extracted_by, extracted_at, event_count)
        VALUES (@uk, @h, COALESCE((SELECT MAX(version) FROM reports WHERE url_key = @uk AND @uk <> ''), 0) + 1, @url, @title, @published,
                @source, @language, @articleId, @origin, @metadata, @body, @now, @status, @extractor, @worker, @extractedAt, @events)
        ON CONFLICT (content_hash, url_key) DO NOTHING
        RETURNING id, version
        """;

    private static readonly string[] ReportParameters =
        ["@uk", "@h", "@url", "@title", "@published", "@source", "@language", "@articleId", "@origin", "@metadata", "@body", "@now", "@status", "@extractor", "@worker", "@extractedAt", "@events"];

    public override async Task<IReadOnlyList<Admission>> SaveAsync(IReadOnlyList<ReportSubmission> batch, CancellationToken cancellationToken = default)
    {
        var admissions = new List<Admission>(batch.Count);
        if (batch.Count == 0)
        {
            return admissions;
        }

        var now = DateTimeOffset.UtcNow;
        var worker = $"ingest@{Environment.MachineName}";
        var phases = WritePhases.Start();
        await using var conn = (SqliteConnection)await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var tx = conn.BeginTransaction(deferred: false);
        phases?.Mark("begin");
        var (nextEvent, nextWeapon) = NextIds(conn, tx);
        var rows = new RowSet();
        using (var insert = new RawInsert(conn, InsertReport, ReportParameters))
        {
            var values = new object?[ReportParameters.Length];
            foreach (var s in batch)
            {
                var a = s.Article;
                var key = s.Key;
                values[0] = key.UrlKey;
                values[1] = key.ContentHash;
                values[2] = a.Url;
                values[3] = a.Title;
                values[4] = a.Published;
                values[5] = a.Source;
                values[6] = a.Language;
                values[7] = a.Id;
                values[8] = s.Origin;
                values[9] = Names.Metadata(a.Metadata);
                values[10] = a.Text;
                values[11] = now;
                values[12] = StatusOf(s.Extraction);
                values[13] = s.Extraction is null ? null : s.Extractor;
                values[14] = s.Extraction is null ? null : worker;
                values[15] = s.Extraction is null ? null : now;
                values[16] = s.Extraction?.Events.Length ?? 0;
                if (insert.Run(values) is not { } row)
                {
                    admissions.Add(new Admission(key, AdmissionStatus.Known, null, 0));
                    continue;
                }

                var (id, version) = (row.First, (int)row.Second);
                admissions.Add(new Admission(key, version > 1 ? AdmissionStatus.NewVersion : AdmissionStatus.New, id, version));
                if (s.Extraction is not null)
                {
                    rows.Add(id, s.Extraction, worker, s.Extractor, now, _ => nextEvent++, () => nextWeapon++);
                }
            }
        }

        phases?.Mark("reports");
        WriteRows(conn, tx, rows, phases);
        phases?.Mark("rows");
        await MergeChangedAsync(conn, tx, rows.Anchors, cancellationToken, new Written(rows, Admitted(batch, admissions, now))).ConfigureAwait(false);
        phases?.Mark("merge");
        await tx.CommitAsync(cancellationToken).ConfigureAwait(false);
        phases?.Mark("commit");
        phases?.Count("reports", batch.Count);
        phases?.Count("events", rows.Events.Count);
        phases?.Count("weapons", rows.Weapons.Count);
        phases?.Count("figures", rows.Figures.Count);
        phases?.Count("places", rows.Places.Count);
        phases?.Print("write");
        return admissions;
    }

    public override async Task<int> ProcessPendingAsync(int max, string worker, string extractor, Func<IReadOnlyList<Article>, IReadOnlyList<Extraction>> extract, CancellationToken cancellationToken = default)
    {
        await using var conn = (SqliteConnection)await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var tx = conn.BeginTransaction(deferred: false);
        var claimed = new List<StoredReport>();
        await using (var cmd = Db.Command(conn, $"SELECT {ReportColumns} FROM reports WHERE status = 'pending' ORDER BY id LIMIT @n", tx))
        {
            cmd.Add("@n", max);
            await using var r = await cmd.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await r.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                claimed.Add(ReadReport(r));
            }
        }

        if (claimed.Count == 0)
        {
            return 0;
        }

        var extractions = SafeExtract(extract, [.. claimed.Select(c => c.Article)]);
        var ids = claimed.Select(c => c.Id).ToList();
        var (kept, oldAnchors) = await StoredEventsOfAsync(conn, tx, ids, cancellationToken).ConfigureAwait(false);

        // New ids are taken above every id in use before the delete, so none collides with a kept one.
        var (nextEvent, nextWeapon) = NextIds(conn, tx);
        await DeleteExtractionsAsync(conn, tx, ids, cancellationToken).ConfigureAwait(false);
        var now = DateTimeOffset.UtcNow;
        var rows = new RowSet();
        await using (var update = Db.Command(conn, "UPDATE reports SET status = @s, extractor = @x, extracted_by = @w, extracted_at = @t, event_count = @c WHERE id = @id", tx))
        {
            var ps = new[] { "@s", "@x", "@w", "@t", "@c", "@id" }.Select(n => update.Add(n, null)).ToArray();
            for (var i = 0; i < claimed.Count; i++)
            {
                var reportId = claimed[i].Id;
                rows.Add(reportId, extractions[i], worker, extractor, now, o => kept.TryGetValue((reportId, o), out var old) ? old : nextEvent++, () => nextWeapon++);
                ps[0].Value = StatusAfter(extractions[i]);
                ps[1].Value = extractor;
                ps[2].Value = worker;
                ps[3].Value = now;
                ps[4].Value = extractions[i].Events.Length;
                ps[5].Value = claimed[i].Id;
                update.ExecuteNonQuery();
            }
        }

        WriteRows(conn, tx, rows);
        await MergeChangedAsync(conn, tx, [.. oldAnchors, .. rows.Anchors], cancellationToken, new Written(rows, claimed.ToDictionary(c => c.Id, RefOf))).ConfigureAwait(false);
        await tx.CommitAsync(cancellationToken).ConfigureAwait(false);
        return claimed.Count;
    }

    protected override Task WriteTableAsync<T>(DbConnection conn, DbTransaction tx, TableSpec<T> table, List<T> rows, CancellationToken ct)
    {
        Insert((SqliteConnection)conn, (SqliteTransaction)tx, table, rows);
        return Task.CompletedTask;
    }

    protected override async Task<Queue<long>> NewAttackIdsAsync(DbConnection conn, DbTransaction tx, int count, CancellationToken ct)
    {
        // Above every id in use and every id an alias still names, so a new attack never takes a gone attack's id.
        await using var cmd = Db.Command(conn, "SELECT MAX(m) FROM (SELECT COALESCE(MAX(id), 0) AS m FROM attacks UNION ALL SELECT COALESCE(MAX(old_id), 0) FROM attack_aliases) x", tx);
        var next = Convert.ToInt64(await cmd.ExecuteScalarAsync(ct).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture) + 1;
        return new Queue<long>(Enumerable.Range(0, count).Select(i => next + i));
    }

    /// <summary>SQLite has one writer at a time: the write transaction (BEGIN IMMEDIATE) already serializes merges.</summary>
    protected override Task LockMergeAsync(DbConnection conn, DbTransaction tx, CancellationToken ct) => Task.CompletedTask;

    /// <summary>
    /// The next event and weapon ids: above every id in use and every id ever given (kept in ledger_state), so an id
    /// that a re-extraction deleted — named perhaps by an analyst's decision or a user's bookmark — never comes back as
    /// another event's (SQLite's MAX(id) + 1 alone would give the last one again).
    /// </summary>
    private static (long Event, long Weapon) NextIds(SqliteConnection conn, SqliteTransaction tx)
    {
        using var cmd = Db.Command(conn, """
            SELECT MAX(COALESCE((SELECT MAX(id) FROM events), 0), COALESCE((SELECT CAST(value AS INTEGER) FROM ledger_state WHERE key = 'events.last_id'), 0)) + 1,
                   MAX(COALESCE((SELECT MAX(id) FROM weapons), 0), COALESCE((SELECT CAST(value AS INTEGER) FROM ledger_state WHERE key = 'weapons.last_id'), 0)) + 1
            """, tx);
        using var r = cmd.ExecuteReader();
        r.Read();
        return (r.GetInt64(0), r.GetInt64(1));
    }

    /// <summary>Records the highest event and weapon ids a write gave (see <see cref="NextIds"/>).</summary>
    private static void RecordLastIds(SqliteConnection conn, SqliteTransaction tx, RowSet rows)
    {
        foreach (var (key, last) in new[] { ("events.last_id", rows.Events.Count == 0 ? 0 : rows.Events.Max(e => e.Id)), ("weapons.last_id", rows.Weapons.Count == 0 ? 0 : rows.Weapons.Max(w => w.Id)) })
        {
            if (last == 0)
            {
                continue;
            }

            using var cmd = Db.Command(conn, """
                INSERT INTO ledger_state (key, value) VALUES (@k, @v)
                ON CONFLICT (key) DO UPDATE SET value = excluded.value WHERE CAST(excluded.value AS INTEGER) > CAST(ledger_state.value AS INTEGER)
                """, tx);
            cmd.Add("@k", key);
            cmd.Add("@v", last.ToString(System.Globalization.CultureInfo.InvariantCulture));
            cmd.ExecuteNonQuery();
        }
    }

    private static void WriteRows(SqliteConnection conn, SqliteTransaction tx, RowSet rows, WritePhases? phases = null)
    {
        RecordLastIds(conn, tx, rows);
        phases?.Mark("reports");
        Insert(conn, tx, Tables.Events, rows.Events);
        phases?.Mark("r-events");
        Insert(conn, tx, Tables.Weapons, rows.Weapons);
        phases?.Mark("r-weapons");
        Insert(conn, tx, Tables.Figures, rows.Figures);
        phases?.Mark("r-figures");
        Insert(conn, tx, Tables.Places, rows.Places);
        phases?.Mark("r-places");
        Insert(conn, tx, Tables.Claimants, rows.Claimants);
        Insert(conn, tx, Tables.Quotes, rows.Quotes);
        Insert(conn, tx, Tables.Diagnostics, rows.Diagnostics);
        Insert(conn, tx, Tables.Runs, rows.Runs);
        phases?.Mark("r-other");
    }

    /// <summary>One prepared INSERT per table, re-bound for each row (by position, on the raw handle): SQLite's fastest path inside a transaction.</summary>
    private static void Insert<T>(SqliteConnection conn, SqliteTransaction tx, TableSpec<T> table, List<T> rows)
    {
        if (rows.Count == 0)
        {
            return;
        }

        _ = tx; // the rows go into the connection's open transaction
        var names = table.Columns.Select((_, i) => "@p" + i.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        using var insert = new RawInsert(conn, $"INSERT INTO {table.Name} ({table.ColumnList}) VALUES ({string.Join(", ", names)})", names);
        foreach (var row in rows)
        {
            insert.Run(table.Values(row));
        }
    }
}
