using Npgsql;
using Sitrep.Storage;

namespace Sitrep.Cli.Tests.Ledger;

/// <summary>
/// A test that needs the PostgreSQL server named by <c>SITREP_TEST_PG</c> (test.sh starts one). Skipped with a
/// message when none is reachable outside CI; in CI (<c>CI</c> set) it always runs.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute()
    {
        if (TestPostgres.SkipReason is { } reason)
        {
            Skip = reason;
        }
    }
}

internal static class TestPostgres
{
    public static string? Url { get; } = Environment.GetEnvironmentVariable("SITREP_TEST_PG");

    private static readonly Lazy<string?> Problem = new(() =>
    {
        try
        {
            using var conn = new NpgsqlConnection(StoreLocation.Parse(Url!).Target + ";Timeout=3");
            conn.Open();
            return null;
        }
        catch (Exception e) when (e is NpgsqlException or System.Net.Sockets.SocketException or TimeoutException or ArgumentException)
        {
            return e.Message;
        }
    });

    public static string? SkipReason =>
        !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CI")) ? null
        : string.IsNullOrEmpty(Url) ? "PostgreSQL tests skipped: no server. Set SITREP_TEST_PG=postgres://user@127.0.0.1:PORT/db, or run ./test.sh, which starts one."
        : Problem.Value is { } p ? $"PostgreSQL tests skipped: no server reachable at {Url} ({p})."
        : null;

    /// <summary>A fresh schema in the test database; returns the store URL that uses it.</summary>
    public static async Task<string> CreateSchemaAsync(string schema)
    {
        var url = Url ?? throw new InvalidOperationException("SITREP_TEST_PG is not set; in CI the PostgreSQL tests must run. test.sh starts a server and sets it.");
        await using var conn = new NpgsqlConnection(StoreLocation.Parse(url).Target);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand($"CREATE SCHEMA {schema}", conn);
        await cmd.ExecuteNonQueryAsync();
        return url + (url.Contains('?', StringComparison.Ordinal) ? "&" : "?") + "search_path=" + schema;
    }

    public static async Task DropSchemaAsync(string schema)
    {
        await using var conn = new NpgsqlConnection(StoreLocation.Parse(Url!).Target);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand($"DROP SCHEMA IF EXISTS {schema} CASCADE", conn);
        await cmd.ExecuteNonQueryAsync();
    }

    public static async Task<T> ScalarAsync<T>(string url, string sql)
    {
        await using var conn = new NpgsqlConnection(StoreLocation.Parse(url).Target);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand(sql, conn);
        return (T)(await cmd.ExecuteScalarAsync())!;
    }
}
