using System.Data.Common;
using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Sitrep.Storage;

/// <summary>
/// A store that can tell cheaply whether anything was committed since it last answered: a token that changes whenever
/// a write commits, through this store object or any other (another process's ingest, a merge), so a host can key
/// caches and ETags by it instead of reading again. It may change when nothing visible did (a checkpoint), never the
/// reverse. It is opaque and means something only for this store object's life: it carries a nonce of the instance,
/// so a token from before a restart never matches one after.
/// </summary>
public interface IStoreVersion
{
    /// <summary>The token now; null when the backend cannot say (then nothing may be keyed by it).</summary>
    ValueTask<string?> ChangeVersionAsync(CancellationToken cancellationToken = default);
}

internal abstract partial class SqlEventStore : IStoreVersion
{
    private readonly string _instance = Guid.NewGuid().ToString("N")[..12];
    private readonly SemaphoreSlim _versionGate = new(1, 1);

    /// <summary>
    /// SQLite: a connection of its own that never writes, so its <c>PRAGMA data_version</c> moves on every commit by any
    /// other connection (the pragma's value is per connection, so it cannot be a pooled one). Null until first asked.
    /// </summary>
    private DbConnection? _versionConnection;

    /// <summary>
    /// SQLite: <c>PRAGMA data_version</c> on the store's own watching connection (no I/O: it reads the WAL index).
    /// PostgreSQL: the server's current WAL insert position, which every commit moves before it returns (so does other
    /// work on the server, which only costs a cache miss); not the write position, which under
    /// <c>synchronous_commit = off</c> moves only when the WAL writer next runs, so a read just after a commit could get
    /// the version of before it. Null on a standby, where it cannot be read.
    /// </summary>
    public async ValueTask<string?> ChangeVersionAsync(CancellationToken cancellationToken = default)
    {
        await _versionGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var conn = _versionConnection ?? await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            var sqlite = conn is SqliteConnection;
            if (sqlite)
            {
                _versionConnection = conn;
            }

            try
            {
                await using var cmd = conn.CreateCommand();
                cmd.CommandText = sqlite ? "PRAGMA data_version" : "SELECT pg_current_wal_insert_lsn()::text";
                var value = await cmd.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
                return _instance + "." + Convert.ToString(value, CultureInfo.InvariantCulture);
            }
            catch (DbException)
            {
                if (sqlite)
                {
                    await DisposeVersionAsync().ConfigureAwait(false);
                }

                return null;
            }
            finally
            {
                if (!sqlite)
                {
                    await conn.DisposeAsync().ConfigureAwait(false);
                }
            }
        }
        finally
        {
            _versionGate.Release();
        }
    }

    /// <summary>Closes the watching connection (the store's dispose).</summary>
    protected async ValueTask DisposeVersionAsync()
    {
        if (_versionConnection is { } conn)
        {
            _versionConnection = null;
            await conn.DisposeAsync().ConfigureAwait(false);
        }
    }
}
