using System.Globalization;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Sitrep.Storage.Sqlite;

/// <summary>
/// One prepared statement run many times on a connection's own SQLite handle (SQLitePCLRaw, which Microsoft.Data.Sqlite
/// runs on), binding by position: a write of thousands of rows spends most of its time binding, and
/// Microsoft.Data.Sqlite looks each parameter up by name and builds a data reader on every execution. Values are
/// bound as Microsoft.Data.Sqlite binds them (the same text for dates and times), so what is stored is the same.
/// Runs inside whatever transaction the connection has open.
/// </summary>
internal sealed class RawInsert : IDisposable
{
    private readonly sqlite3 _db;
    private readonly sqlite3_stmt _stmt;

    /// <param name="parameters">The statement's parameter names in the order of their first use: checked, as values are bound by position.</param>
    public RawInsert(SqliteConnection connection, string sql, IReadOnlyList<string> parameters)
    {
        _db = connection.Handle ?? throw new InvalidOperationException("The connection is not open.");
        Check(raw.sqlite3_prepare_v2(_db, sql, out _stmt));
        var count = raw.sqlite3_bind_parameter_count(_stmt);
        for (var i = 0; i < Math.Max(count, parameters.Count); i++)
        {
            var name = i < count ? raw.sqlite3_bind_parameter_name(_stmt, i + 1).utf8_to_string() : null;
            if (i >= parameters.Count || name != parameters[i])
            {
                _stmt.Dispose();
                throw new InvalidOperationException($"The statement's parameter {i + 1} is {name ?? "missing"}, not {(i < parameters.Count ? parameters[i] : "expected")}.");
            }
        }
    }

    /// <summary>Binds <paramref name="values"/> to the statement's parameters 1…n in order, runs it, and returns the first row's first two columns when it gives one (RETURNING).</summary>
    public (long First, long Second)? Run(ReadOnlySpan<object?> values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            Bind(i + 1, values[i]);
        }

        try
        {
            var rc = raw.sqlite3_step(_stmt);
            if (rc == raw.SQLITE_DONE)
            {
                return null;
            }

            if (rc != raw.SQLITE_ROW)
            {
                Check(rc);
            }

            var row = (raw.sqlite3_column_int64(_stmt, 0), raw.sqlite3_column_count(_stmt) > 1 ? raw.sqlite3_column_int64(_stmt, 1) : 0);
            while ((rc = raw.sqlite3_step(_stmt)) == raw.SQLITE_ROW)
            {
            }

            if (rc != raw.SQLITE_DONE)
            {
                Check(rc);
            }

            return row;
        }
        finally
        {
            raw.sqlite3_reset(_stmt);
        }
    }

    private void Bind(int index, object? value)
    {
        var rc = value switch
        {
            null or DBNull => raw.sqlite3_bind_null(_stmt, index),
            string s => raw.sqlite3_bind_text(_stmt, index, s),
            long l => raw.sqlite3_bind_int64(_stmt, index, l),
            int n => raw.sqlite3_bind_int64(_stmt, index, n),
            bool b => raw.sqlite3_bind_int64(_stmt, index, b ? 1 : 0),
            double d when !double.IsNaN(d) => raw.sqlite3_bind_double(_stmt, index, d),
            DateOnly d => raw.sqlite3_bind_text(_stmt, index, d.ToString(@"yyyy\-MM\-dd", CultureInfo.InvariantCulture)),
            DateTimeOffset t => raw.sqlite3_bind_text(_stmt, index, t.ToString(@"yyyy\-MM\-dd HH\:mm\:ss.FFFFFFFzzz", CultureInfo.InvariantCulture)),
            _ => throw new InvalidOperationException($"Cannot store a {value.GetType().Name} here: an insert binds text, integers, reals, dates and times."),
        };
        Check(rc);
    }

    private void Check(int rc)
    {
        if (rc != raw.SQLITE_OK)
        {
            throw new SqliteException($"SQLite Error {rc}: '{raw.sqlite3_errmsg(_db).utf8_to_string()}'.", rc, raw.sqlite3_extended_errcode(_db));
        }
    }

    public void Dispose() => _stmt.Dispose();
}
