using Microsoft.Data.Sqlite;
using Sitrep.Core;
using Sitrep.Storage.Sqlite;

namespace Sitrep.Storage.Tests;

/// <summary>The SQLite writer's positional inserts store what Microsoft.Data.Sqlite's named parameters store.</summary>
public sealed class RawInsertTests
{
    /// <summary>Every kind of value a row holds, with the awkward ones: nulls, non-ASCII text, negative zero, a date, times off UTC with and without fractions.</summary>
    private static readonly object?[] Awkward =
    [
        null, DBNull.Value, "", "Харків — “quoted”, 🚀", 0L, long.MaxValue, -7, true, false, 46.4775, -0.0, 1e-9,
        new DateOnly(2024, 2, 29), new DateTimeOffset(2024, 5, 14, 3, 4, 5, TimeSpan.FromHours(2)).AddTicks(1234567),
        new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero), DateTimeOffset.UnixEpoch.AddTicks(10),
    ];

    [Fact]
    public void Values_are_stored_as_named_parameters_store_them()
    {
        var rows = new RowSet();
        var article = Samples.Article(Samples.OdesaText, "https://example.org/odesa", new DateOnly(2024, 5, 14));
        rows.Add(7, new Extraction(article) { Events = [Samples.Odesa(new DateOnly(2024, 5, 14))] }, "worker", "test/1", DateTimeOffset.UtcNow, o => 100 + o, () => 500);
        var cases = new List<object?[]> { Awkward };
        cases.AddRange(rows.Events.Select(Tables.Events.Values));
        cases.AddRange(rows.Weapons.Select(Tables.Weapons.Values));
        cases.AddRange(rows.Figures.Select(Tables.Figures.Values));
        cases.AddRange(rows.Places.Select(Tables.Places.Values));
        cases.AddRange(rows.Runs.Select(Tables.Runs.Values));

        using var conn = new SqliteConnection("Data Source=:memory:");
        conn.Open();
        foreach (var values in cases)
        {
            var names = values.Select((_, i) => $"@p{i}").ToArray();
            var columns = string.Join(", ", values.Select((_, i) => $"c{i}"));
            Exec(conn, "DROP TABLE IF EXISTS named; DROP TABLE IF EXISTS raw");
            Exec(conn, $"CREATE TABLE named ({columns}); CREATE TABLE raw ({columns})");
            using (var cmd = conn.CreateCommand())
            {
                cmd.CommandText = $"INSERT INTO named VALUES ({string.Join(", ", names)})";
                for (var i = 0; i < values.Length; i++)
                {
                    cmd.Parameters.AddWithValue(names[i], values[i] ?? DBNull.Value);
                }

                cmd.ExecuteNonQuery();
            }

            using (var insert = new RawInsert(conn, $"INSERT INTO raw VALUES ({string.Join(", ", names)})", names))
            {
                Assert.Null(insert.Run(values));
            }

            var quoted = string.Join(" || '|' || ", values.Select((_, i) => $"quote(c{i})"));
            Assert.Equal(Scalar(conn, $"SELECT {quoted} FROM named"), Scalar(conn, $"SELECT {quoted} FROM raw"));
        }
    }

    [Fact]
    public void A_statement_whose_parameters_are_not_the_ones_named_is_refused()
    {
        using var conn = new SqliteConnection("Data Source=:memory:");
        conn.Open();
        Exec(conn, "CREATE TABLE t (a, b)");
        Assert.Throws<InvalidOperationException>(() => new RawInsert(conn, "INSERT INTO t VALUES (@b, @a)", ["@a", "@b"]));
        Assert.Throws<InvalidOperationException>(() => new RawInsert(conn, "INSERT INTO t VALUES (@a, @b)", ["@a"]));
        using var ok = new RawInsert(conn, "INSERT INTO t VALUES (@a, @b) RETURNING rowid, b", ["@a", "@b"]);
        Assert.Equal((1L, 9L), ok.Run(new object?[] { "x", 9 }));
        var e = Assert.Throws<InvalidOperationException>(() => ok.Run(new object?[] { Guid.Empty, 1 }));
        Assert.Contains("Guid", e.Message, StringComparison.Ordinal);
    }

    private static void Exec(SqliteConnection conn, string sql)
    {
        using var cmd = conn.CreateCommand();
        cmd.CommandText = sql;
        cmd.ExecuteNonQuery();
    }

    private static string? Scalar(SqliteConnection conn, string sql)
    {
        using var cmd = conn.CreateCommand();
        cmd.CommandText = sql;
        return cmd.ExecuteScalar() as string;
    }
}
