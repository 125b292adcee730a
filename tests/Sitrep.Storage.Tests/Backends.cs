using System.Reflection;
using Npgsql;
using Xunit.Sdk;

namespace Sitrep.Storage.Tests;

/// <summary>
/// The PostgreSQL server the store suite runs against: <c>SITREP_TEST_PG</c> (test.sh starts a throwaway one).
/// Outside CI the PostgreSQL rows are skipped, with a message, when no server is reachable; in CI
/// (<c>CI</c> set) they always run, so a missing server fails the build instead of hiding.
/// </summary>
internal static class PostgresServer
{
    public const string Variable = "SITREP_TEST_PG";

    public static string? Url { get; } = Environment.GetEnvironmentVariable(Variable);

    public static bool InCi { get; } = !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CI"));

    private static readonly Lazy<string?> Problem = new(Probe);

    /// <summary>Why the PostgreSQL rows are skipped, or null when they run.</summary>
    public static string? SkipReason
    {
        get
        {
            if (InCi)
            {
                return null;
            }

            if (string.IsNullOrEmpty(Url))
            {
                return $"PostgreSQL store tests skipped: no server. Set {Variable}=postgres://user@127.0.0.1:PORT/db, or run ./test.sh, which starts one.";
            }

            return Problem.Value is { } p ? $"PostgreSQL store tests skipped: no server reachable at {Url} ({p})." : null;
        }
    }

    public static string ConnectionString =>
        StoreLocation.Parse(Url ?? throw new InvalidOperationException($"{Variable} is not set; in CI the PostgreSQL store tests must run. test.sh starts a server and sets it.")).Target;

    private static string? Probe()
    {
        try
        {
            using var conn = new NpgsqlConnection(StoreLocation.Parse(Url!).Target + ";Timeout=3");
            conn.Open();
            return null;
        }
        catch (Exception e) when (e is NpgsqlException or System.Net.Sockets.SocketException or TimeoutException or ArgumentException or StoreException)
        {
            return e.Message;
        }
    }
}

/// <summary>Runs a store theory on SQLite (a real file).</summary>
[DataDiscoverer("Xunit.Sdk.DataDiscoverer", "xunit.core")]
[AttributeUsage(AttributeTargets.Method)]
public sealed class OnSqliteAttribute : DataAttribute
{
    public override IEnumerable<object[]> GetData(MethodInfo testMethod) => [["sqlite"]];
}

/// <summary>Runs a store theory on PostgreSQL; see <see cref="PostgresServer"/> for when it is skipped.</summary>
[DataDiscoverer("Xunit.Sdk.DataDiscoverer", "xunit.core")]
[AttributeUsage(AttributeTargets.Method)]
public sealed class OnPostgresAttribute : DataAttribute
{
    public OnPostgresAttribute()
    {
        if (PostgresServer.SkipReason is { } reason)
        {
            Skip = reason;
        }
    }

    public override IEnumerable<object[]> GetData(MethodInfo testMethod) => [["postgres"]];
}

/// <summary>
/// A fresh, empty store for one test: a new SQLite file, or a new schema in the PostgreSQL test database.
/// Disposing removes it.
/// </summary>
internal sealed class TestStore : IAsyncDisposable
{
    private readonly string? _file;
    private readonly string? _schema;

    private TestStore(IEventStore store, string? file, string? schema)
    {
        Store = store;
        _file = file;
        _schema = schema;
    }

    public IEventStore Store { get; private set; }

    public StoreLocation Location => Store.Location;

    public static async Task<TestStore> CreateAsync(string backend)
    {
        if (backend == "sqlite")
        {
            var file = Path.Combine(Path.GetTempPath(), $"sitrep-store-{Guid.NewGuid():N}.db");
            return new TestStore(await EventStore.OpenAsync(StoreLocation.Sqlite(file)), file, null);
        }

        var schema = $"t_{Guid.NewGuid():N}";
        var admin = PostgresServer.ConnectionString;
        await using (var conn = new NpgsqlConnection(admin))
        {
            await conn.OpenAsync();
            await using var cmd = new NpgsqlCommand($"CREATE SCHEMA {schema}", conn);
            await cmd.ExecuteNonQueryAsync();
        }

        var cs = new NpgsqlConnectionStringBuilder(admin) { SearchPath = schema }.ConnectionString;
        return new TestStore(await EventStore.OpenAsync(StoreLocation.Postgres(cs)), null, schema);
    }

    /// <summary>
    /// Closes and opens the store again (what a second process would see); <paramref name="whileClosed"/> runs between,
    /// on the store's location (to change its file or schema as another version would have left it).
    /// </summary>
    public async Task ReopenAsync(Func<StoreLocation, Task>? whileClosed = null)
    {
        var location = Store.Location;
        await Store.DisposeAsync();
        if (whileClosed is not null)
        {
            await whileClosed(location);
        }

        Store = await EventStore.OpenAsync(location);
    }

    public async ValueTask DisposeAsync()
    {
        await Store.DisposeAsync();
        if (_file is not null)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            foreach (var f in new[] { _file, _file + "-wal", _file + "-shm" })
            {
                File.Delete(f);
            }
        }

        if (_schema is not null)
        {
            await using var conn = new NpgsqlConnection(PostgresServer.ConnectionString);
            await conn.OpenAsync();
            await using var cmd = new NpgsqlCommand($"DROP SCHEMA {_schema} CASCADE", conn);
            await cmd.ExecuteNonQueryAsync();
        }
    }
}
