using System.Data.Common;
using System.Net.Sockets;
using Npgsql;
using NpgsqlTypes;
using Sitrep.Core;

namespace Sitrep.Storage.Postgres;

/// <summary>
/// The ledger in a PostgreSQL database, shared by any number of processes. Reports go in with one batched round
/// trip; extracted rows with binary COPY into ids reserved from the sequences. Pending reports are a queue:
/// workers claim them with <c>FOR UPDATE SKIP LOCKED</c>, so no two workers ever do the same report.
/// </summary>
internal sealed class PostgresEventStore : SqlEventStore
{
    private readonly NpgsqlDataSource _dataSource;

    private PostgresEventStore(StoreLocation location, NpgsqlDataSource dataSource)
        : base(location) => _dataSource = dataSource;

    public static async Task<PostgresEventStore> OpenAsync(StoreLocation location, CancellationToken cancellationToken)
    {
        var store = new PostgresEventStore(location, NpgsqlDataSource.Create(location.Target));
        try
        {
            await store.MigrateAsync(cancellationToken).ConfigureAwait(false);
            return store;
        }
        catch (Exception e) when (e is NpgsqlException or SocketException or TimeoutException)
        {
            await store.DisposeAsync().ConfigureAwait(false);
            throw new StoreException("ST005", $"Cannot use the PostgreSQL store at {location.Display}: {e.Message}. Is the server running and the database created? Check --db or {StoreLocation.EnvironmentVariable}.", e);
        }
        catch
        {
            await store.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    public override async ValueTask DisposeAsync() => await _dataSource.DisposeAsync().ConfigureAwait(false);

    private async Task MigrateAsync(CancellationToken ct)
    {
        await using var conn = await _dataSource.OpenConnectionAsync(ct).ConfigureAwait(false);
        await using var tx = await conn.BeginTransactionAsync(ct).ConfigureAwait(false);
        await using (var lockCmd = new NpgsqlCommand("SELECT pg_advisory_xact_lock(@k)", conn, tx))
        {
            lockCmd.Parameters.AddWithValue("k", PostgresSchema.MigrationLock);
            await lockCmd.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
        }

        await using (var create = new NpgsqlCommand("CREATE TABLE IF NOT EXISTS schema_version (version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL)", conn, tx))
        {
            await create.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
        }

        int current;
        await using (var q = new NpgsqlCommand("SELECT COALESCE(MAX(version), 0) FROM schema_version", conn, tx))
        {
            current = Convert.ToInt32(await q.ExecuteScalarAsync(ct).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture);
        }

        var latest = PostgresSchema.Migrations[^1].Version;
        if (current > latest)
        {
            throw new StoreException("ST004", $"The store '{Location.Display}' has schema version {current}, newer than this sitrep knows ({latest}). Update sitrep.");
        }

        foreach (var (version, name, sql) in PostgresSchema.Migrations.Where(m => m.Version > current))
        {
            await using (var m = new NpgsqlCommand(sql, conn, tx))
            {
                await m.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
            }

            await using var mark = new NpgsqlCommand("INSERT INTO schema_version (version, name, applied_at) VALUES (@v, @n, @t)", conn, tx);
            mark.Parameters.AddWithValue("v", version);
            mark.Parameters.AddWithValue("n", name);
            mark.Parameters.AddWithValue("t", DateTimeOffset.UtcNow);
            await mark.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
        }

        await tx.CommitAsync(ct).ConfigureAwait(false);
    }

    protected override async Task<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken) =>
        await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);

    /// <summary>One snapshot for the whole transaction, and no writes through it.</summary>
    protected override string BeginSnapshotSql => "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY";

    protected override string InList(string column, string parameter) => $"{column} = ANY({parameter})";

    protected override object ListValue<T>(IReadOnlyCollection<T> values) => values.ToArray();

    protected override string OrderBy(bool ascending) =>
        ascending ? "ORDER BY e.date ASC NULLS FIRST, e.id ASC" : "ORDER BY e.date DESC NULLS LAST, e.id DESC";

    private const string InsertReport = """
        INSERT INTO reports (url_key, content_hash, version, url, title, published, source, language, article_id, origin, metadata, body,
                             ingested_at, status, extractor, extracted_by, extracted_at, event_count)
        VALUES ($1, $2, COALESCE((SELECT MAX(version) FROM reports WHERE url_key = $1 AND $1 <> ''), 0) + 1, $3, $4, $5, $6, $7, $8, $9,
                $10, $11, $12, $13, $14, $15, $16, $17)
        ON CONFLICT (content_hash, url_key) DO NOTHING
        RETURNING id, version
        """;

    public override async Task<IReadOnlyList<Admission>> SaveAsync(IReadOnlyList<ReportSubmission> batch, CancellationToken cancellationToken = default)
    {
        var admissions = new List<Admission>(batch.Count);
        if (batch.Count == 0)
        {
            return admissions;
        }

        var now = DateTimeOffset.UtcNow;
        var worker = $"ingest@{Environment.MachineName}";
        await using var conn = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var tx = await conn.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);

        // One round trip for the whole batch; each statement sees the ones before it (versions of one URL in one batch).
        await using (var b = new NpgsqlBatch(conn, tx))
        {
            foreach (var s in batch)
            {
                var a = s.Article;
                var key = s.Key;
                var done = s.Extraction is not null;
                var cmd = new NpgsqlBatchCommand(InsertReport);
                cmd.Parameters.Add(new NpgsqlParameter<string>{ TypedValue = key.UrlKey });
                cmd.Parameters.Add(new NpgsqlParameter<string>{ TypedValue = key.ContentHash });
                cmd.Parameters.Add(Text(a.Url));
                cmd.Parameters.Add(Text(a.Title));
                cmd.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Date, Value = a.Published is { } p ? p : DBNull.Value });
                cmd.Parameters.Add(Text(a.Source));
                cmd.Parameters.Add(Text(a.Language));
                cmd.Parameters.Add(Text(a.Id));
                cmd.Parameters.Add(Text(s.Origin));
                cmd.Parameters.Add(Text(Names.Metadata(a.Metadata)));
                cmd.Parameters.Add(Text(a.Text));
                cmd.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = now });
                cmd.Parameters.Add(Text(StatusOf(s.Extraction)));
                cmd.Parameters.Add(Text(done ? s.Extractor : null));
                cmd.Parameters.Add(Text(done ? worker : null));
                cmd.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.TimestampTz, Value = done ? now : DBNull.Value });
                cmd.Parameters.Add(new NpgsqlParameter<int> { TypedValue = s.Extraction?.Events.Length ?? 0 });
                b.BatchCommands.Add(cmd);
            }

            await using var r = await b.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            foreach (var s in batch)
            {
                if (await r.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    var id = r.GetInt64(0);
                    var version = r.GetInt32(1);
                    admissions.Add(new Admission(s.Key, version > 1 ? AdmissionStatus.NewVersion : AdmissionStatus.New, id, version));
                }
                else
                {
                    admissions.Add(new Admission(s.Key, AdmissionStatus.Known, null, 0));
                }

                await r.NextResultAsync(cancellationToken).ConfigureAwait(false);
            }
        }

        var admitted = batch.Zip(admissions).Where(x => x.Second.ReportId is not null && x.First.Extraction is not null).ToList();
        if (admitted.Count > 0)
        {
            var (eventIds, weaponIds) = await ReserveIdsAsync(conn, tx, admitted.Select(x => x.First.Extraction!), cancellationToken).ConfigureAwait(false);
            var rows = new RowSet();
            foreach (var (s, a) in admitted)
            {
                rows.Add(a.ReportId!.Value, s.Extraction!, worker, s.Extractor, now, _ => eventIds.Dequeue(), weaponIds.Dequeue);
            }

            await WriteRowsAsync(conn, rows, cancellationToken).ConfigureAwait(false);
            await MergeChangedAsync(conn, tx, rows.Anchors, cancellationToken, new Written(rows, Admitted(batch, admissions, now))).ConfigureAwait(false);
        }

        await tx.CommitAsync(cancellationToken).ConfigureAwait(false);
        return admissions;
    }

    public override async Task<int> ProcessPendingAsync(int max, string worker, string extractor, Func<IReadOnlyList<Article>, IReadOnlyList<Extraction>> extract, CancellationToken cancellationToken = default)
    {
        await using var conn = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var tx = await conn.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var claimed = new List<StoredReport>();
        await using (var cmd = new NpgsqlCommand($"SELECT {ReportColumns} FROM reports WHERE status = 'pending' ORDER BY id LIMIT @n FOR UPDATE SKIP LOCKED", conn, tx))
        {
            cmd.Parameters.AddWithValue("n", max);
            await using var r = await cmd.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await r.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                claimed.Add(ReadReport(r));
            }
        }

        if (claimed.Count == 0)
        {
            await tx.CommitAsync(cancellationToken).ConfigureAwait(false);
            return 0;
        }

        var extractions = SafeExtract(extract, [.. claimed.Select(c => c.Article)]);
        var ids = claimed.Select(c => c.Id).ToArray();
        var (kept, oldAnchors) = await StoredEventsOfAsync(conn, tx, ids, cancellationToken).ConfigureAwait(false);
        await DeleteExtractionsAsync(conn, tx, ids, cancellationToken).ConfigureAwait(false);
        var now = DateTimeOffset.UtcNow;
        var (eventIds, weaponIds) = await ReserveIdsAsync(conn, tx, extractions, cancellationToken).ConfigureAwait(false);
        var rows = new RowSet();
        for (var i = 0; i < claimed.Count; i++)
        {
            var reportId = claimed[i].Id;
            rows.Add(reportId, extractions[i], worker, extractor, now, o => kept.TryGetValue((reportId, o), out var old) ? old : eventIds.Dequeue(), weaponIds.Dequeue);
        }

        await WriteRowsAsync(conn, rows, cancellationToken).ConfigureAwait(false);
        await using (var update = new NpgsqlCommand("""
            UPDATE reports r SET status = u.status, extractor = @x, extracted_by = @w, extracted_at = @t, event_count = u.events
            FROM unnest(@ids, @statuses, @events) AS u(id, status, events)
            WHERE r.id = u.id
            """, conn, tx))
        {
            update.Parameters.AddWithValue("x", extractor);
            update.Parameters.AddWithValue("w", worker);
            update.Parameters.AddWithValue("t", now);
            update.Parameters.AddWithValue("ids", ids);
            update.Parameters.AddWithValue("statuses", extractions.Select(StatusAfter).ToArray());
            update.Parameters.AddWithValue("events", extractions.Select(x => x.Events.Length).ToArray());
            await update.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        // After the update: the merge must see the reports' new extraction time (its cache of events is keyed by it).
        await MergeChangedAsync(conn, tx, [.. oldAnchors, .. rows.Anchors], cancellationToken, new Written(rows, claimed.ToDictionary(c => c.Id, RefOf))).ConfigureAwait(false);

        await tx.CommitAsync(cancellationToken).ConfigureAwait(false);
        return claimed.Count;
    }

    protected override Task WriteTableAsync<T>(DbConnection conn, DbTransaction tx, TableSpec<T> table, List<T> rows, CancellationToken ct) =>
        CopyAsync((NpgsqlConnection)conn, table, rows, ct);

    protected override Task<Queue<long>> NewAttackIdsAsync(DbConnection conn, DbTransaction tx, int count, CancellationToken ct) =>
        ReserveAsync((NpgsqlConnection)conn, (NpgsqlTransaction)tx, "attacks", count, ct);

    /// <summary>A transaction-level advisory lock: merges of concurrent writers (ingests, workers) run one at a time.</summary>
    protected override async Task LockMergeAsync(DbConnection conn, DbTransaction tx, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand("SELECT pg_advisory_xact_lock(@k)", (NpgsqlConnection)conn, (NpgsqlTransaction)tx);
        cmd.Parameters.AddWithValue("k", PostgresSchema.MergeLock);
        await cmd.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
    }

    private static NpgsqlParameter Text(string? value) => new() { NpgsqlDbType = NpgsqlDbType.Text, Value = (object?)value ?? DBNull.Value };

    /// <summary>Reserves event and weapon ids from their sequences for the rows about to be copied in.</summary>
    private static async Task<(Queue<long> Events, Queue<long> Weapons)> ReserveIdsAsync(NpgsqlConnection conn, NpgsqlTransaction tx, IEnumerable<Extraction> extractions, CancellationToken ct)
    {
        var (events, weapons) = RowSet.Count(extractions);
        return (await ReserveAsync(conn, tx, "events", events, ct).ConfigureAwait(false), await ReserveAsync(conn, tx, "weapons", weapons, ct).ConfigureAwait(false));
    }

    private static async Task<Queue<long>> ReserveAsync(NpgsqlConnection conn, NpgsqlTransaction tx, string table, int count, CancellationToken ct)
    {
        var ids = new Queue<long>(count);
        if (count == 0)
        {
            return ids;
        }

        await using var cmd = new NpgsqlCommand("SELECT nextval(pg_get_serial_sequence(@t, 'id')) FROM generate_series(1, @n)", conn, tx);
        cmd.Parameters.AddWithValue("t", table);
        cmd.Parameters.AddWithValue("n", count);
        await using var r = await cmd.ExecuteReaderAsync(ct).ConfigureAwait(false);
        while (await r.ReadAsync(ct).ConfigureAwait(false))
        {
            ids.Enqueue(r.GetInt64(0));
        }

        return ids;
    }

    private static async Task WriteRowsAsync(NpgsqlConnection conn, RowSet rows, CancellationToken ct)
    {
        await CopyAsync(conn, Tables.Events, rows.Events, ct).ConfigureAwait(false);
        await CopyAsync(conn, Tables.Weapons, rows.Weapons, ct).ConfigureAwait(false);
        await CopyAsync(conn, Tables.Figures, rows.Figures, ct).ConfigureAwait(false);
        await CopyAsync(conn, Tables.Places, rows.Places, ct).ConfigureAwait(false);
        await CopyAsync(conn, Tables.Claimants, rows.Claimants, ct).ConfigureAwait(false);
        await CopyAsync(conn, Tables.Quotes, rows.Quotes, ct).ConfigureAwait(false);
        await CopyAsync(conn, Tables.Diagnostics, rows.Diagnostics, ct).ConfigureAwait(false);
        await CopyAsync(conn, Tables.Runs, rows.Runs, ct).ConfigureAwait(false);
    }

    /// <summary>Binary COPY of one table's rows: the fastest way into PostgreSQL, and still inside the batch's transaction.</summary>
    private static async Task CopyAsync<T>(NpgsqlConnection conn, TableSpec<T> table, List<T> rows, CancellationToken ct)
    {
        if (rows.Count == 0)
        {
            return;
        }

        await using var writer = await conn.BeginBinaryImportAsync($"COPY {table.Name} ({table.ColumnList}) FROM STDIN (FORMAT BINARY)", ct).ConfigureAwait(false);
        foreach (var row in rows)
        {
            await writer.StartRowAsync(ct).ConfigureAwait(false);
            var values = table.Values(row);
            for (var i = 0; i < values.Length; i++)
            {
                if (values[i] is null)
                {
                    await writer.WriteNullAsync(ct).ConfigureAwait(false);
                }
                else
                {
                    await writer.WriteAsync(values[i], table.Columns[i].Type, ct).ConfigureAwait(false);
                }
            }
        }

        await writer.CompleteAsync(ct).ConfigureAwait(false);
    }
}
