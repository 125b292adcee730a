using Microsoft.Data.Sqlite;
using Sitrep.Storage.Sqlite;

namespace Sitrep.Storage.Tests;

/// <summary>
/// A pooled SQLite connection that comes back inside a transaction is never handed out so: the store's next open
/// discards it (issue #11's ingest, where both workers' known-report checks failed on such a connection).
/// </summary>
public sealed class PooledTransactionTests
{
    [Fact]
    public async Task A_connection_given_back_inside_a_write_transaction_is_discarded_not_lent_again()
    {
        await using var t = await TestStore.CreateAsync("sqlite");
        var store = (SqliteEventStore)t.Store;
        var first = Samples.Submission(Samples.Article(Samples.OdesaText, "https://example.org/one", new DateOnly(2024, 5, 14), "one"), Samples.Odesa(new DateOnly(2024, 5, 14)));
        await store.SaveAsync([first]);

        // A connection of the store's pool that begins a transaction in SQL text (which the driver cannot see), writes,
        // and is given back without ending it: the pool takes it back as it is, holding the write lock.
        await using (var leaked = new SqliteConnection(store.ConnectionString))
        {
            await leaked.OpenAsync();
            await using var cmd = leaked.CreateCommand();
            cmd.CommandText = "BEGIN IMMEDIATE; INSERT INTO ledger_state (key, value) VALUES ('leaked', '1')";
            await cmd.ExecuteNonQueryAsync();
        }

        // Reads and writes on the store work; the leaked write never lands.
        Assert.Single(await store.FindKnownAsync([first.Key]));
        var second = Samples.Submission(Samples.Article("Another report with other words.", "https://example.org/two", new DateOnly(2024, 5, 15), "two"));
        var admitted = await store.SaveAsync([second]);
        Assert.Equal(AdmissionStatus.New, Assert.Single(admitted).Status);
        Assert.Equal(2, (await store.CountAsync()).Reports);
        await using var check = new SqliteConnection(store.ConnectionString);
        await check.OpenAsync();
        await using var q = check.CreateCommand();
        q.CommandText = "SELECT COUNT(*) FROM ledger_state WHERE key = 'leaked'";
        Assert.Equal(0L, await q.ExecuteScalarAsync());
    }
}
