using System.Collections.Immutable;
using System.Data.Common;
using Sitrep.Core;

namespace Sitrep.Storage;

/// <summary>Read-only snapshots: every read of a document (a brief) from one committed state of the store.</summary>
internal abstract partial class SqlEventStore
{
    /// <summary>
    /// The statement that starts a snapshot's read transaction. SQLite: a deferred transaction, whose first read fixes
    /// the WAL snapshot it sees until it ends; PostgreSQL overrides it with REPEATABLE READ READ ONLY.
    /// </summary>
    protected virtual string BeginSnapshotSql => "BEGIN DEFERRED";

    public async Task<IStoreSnapshot> OpenSnapshotAsync(CancellationToken cancellationToken = default)
    {
        var conn = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            // A transaction begun in SQL, not through the driver, so the store's reads (which pass no transaction
            // object) run inside it; the first read fixes the snapshot on both backends.
            await using (var begin = Db.Command(conn, BeginSnapshotSql))
            {
                await begin.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            await using (var pin = Db.Command(conn, "SELECT COUNT(*) FROM schema_version"))
            {
                await pin.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
            }

            return new Snapshot(this, conn);
        }
        catch
        {
            await conn.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    private const string CountsSql = """
        SELECT (SELECT COUNT(*) FROM reports), (SELECT COUNT(*) FROM reports WHERE status = 'pending'),
               (SELECT COUNT(*) FROM reports WHERE status = 'failed'), (SELECT COUNT(*) FROM events),
               (SELECT COUNT(*) FROM figures), (SELECT COUNT(*) FROM places),
               (SELECT COUNT(DISTINCT url_key) FROM reports WHERE url_key <> '')
        """;

    /// <summary>The reads of <see cref="IStoreSnapshot"/> over one connection inside its read transaction.</summary>
    private sealed class Snapshot(SqlEventStore store, DbConnection conn) : IStoreSnapshot
    {
        private bool _disposed;

        /// <summary>The connection inside the snapshot's read transaction, for the store's own reads over it.</summary>
        public DbConnection Connection
        {
            get
            {
                ObjectDisposedException.ThrowIf(_disposed, this);
                return conn;
            }
        }

        public async Task<IReadOnlyList<StoredAttack>> FindAttacksAsync(EventQuery query, CancellationToken cancellationToken = default)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            return await store.FindAttacksAsync(conn, query, "ORDER BY a.date, a.id", cancellationToken).ConfigureAwait(false);
        }

        public Task<IReadOnlyList<StoredAttack>> GetAttacksAsync(IReadOnlyList<long> ids, CancellationToken cancellationToken = default) =>
            GetAttacksAsync(ids, ReadParts.Whole, cancellationToken);

        public async Task<IReadOnlyList<StoredAttack>> GetAttacksAsync(IReadOnlyList<long> ids, ReadParts parts, CancellationToken cancellationToken = default)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            var result = new List<StoredAttack>(ids.Count);
            foreach (var chunk in ids.Chunk(PageSize))
            {
                result.AddRange(await store.LoadAttacksAsync(conn, chunk, cancellationToken, parts).ConfigureAwait(false));
            }

            return result;
        }

        public Task<IReadOnlyList<StoredEvent>> GetEventsAsync(IReadOnlyList<long> ids, CancellationToken cancellationToken = default) =>
            GetEventsAsync(ids, ReadParts.Whole, cancellationToken);

        public async Task<IReadOnlyList<StoredEvent>> GetEventsAsync(IReadOnlyList<long> ids, ReadParts parts, CancellationToken cancellationToken = default)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            var result = new List<StoredEvent>(ids.Count);
            foreach (var chunk in ids.Chunk(PageSize))
            {
                result.AddRange(await store.LoadEventsAsync(conn, chunk, cancellationToken, parts: parts).ConfigureAwait(false));
            }

            return result;
        }

        public async Task<IReadOnlyList<StoredEvent>> GetEventsOfReportsAsync(IReadOnlyCollection<long> reportIds, EventKind kind, CancellationToken cancellationToken = default)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            var ids = new List<long>();
            foreach (var chunk in reportIds.Distinct().Chunk(PageSize))
            {
                await using var cmd = Db.Command(conn, $"SELECT id FROM events WHERE {store.InList("report_id", "@ids")} AND kind = @kind ORDER BY report_id, ordinal");
                cmd.Add("@ids", store.ListValue(chunk));
                cmd.Add("@kind", kind == EventKind.Aggregate ? "aggregate" : "strike");
                await using var r = await cmd.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                while (await r.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    ids.Add(r.Long(0));
                }
            }

            return await GetEventsAsync(ids, cancellationToken).ConfigureAwait(false);
        }

        public async Task<IReadOnlyList<StoredReport>> GetReportsAsync(IReadOnlyList<long> ids, CancellationToken cancellationToken = default)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            var found = new Dictionary<long, StoredReport>();
            foreach (var chunk in ids.Distinct().Chunk(PageSize))
            {
                await using var cmd = Db.Command(conn, $"SELECT {ReportColumns} FROM reports WHERE {store.InList("id", "@ids")}");
                cmd.Add("@ids", store.ListValue(chunk));
                await using var r = await cmd.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                while (await r.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    var report = ReadReport(r);
                    found[report.Id] = report;
                }
            }

            return [.. ids.Where(found.ContainsKey).Select(id => found[id])];
        }

        public async Task<StoreCounts> CountAsync(CancellationToken cancellationToken = default)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            await using var cmd = Db.Command(conn, CountsSql);
            await using var r = await cmd.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            await r.ReadAsync(cancellationToken).ConfigureAwait(false);
            return new StoreCounts(r.Long(0), r.Long(1), r.Long(2), r.Long(3), r.Long(4), r.Long(5), r.Long(6));
        }

        public async ValueTask DisposeAsync()
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            try
            {
                // Read-only: ending it either way changes nothing; the connection goes back to the pool clean.
                await using var end = Db.Command(conn, "ROLLBACK");
                await end.ExecuteNonQueryAsync().ConfigureAwait(false);
            }
            finally
            {
                await conn.DisposeAsync().ConfigureAwait(false);
            }
        }
    }
}
