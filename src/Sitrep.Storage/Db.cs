using System.Data.Common;
using System.Globalization;

namespace Sitrep.Storage;

/// <summary>Typed reads that work the same on SQLite's dynamic columns and PostgreSQL's typed ones.</summary>
internal static class Db
{
    public static DbCommand Command(DbConnection connection, string sql, DbTransaction? transaction = null)
    {
        var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        cmd.Transaction = transaction;
        return cmd;
    }

    public static DbParameter Add(this DbCommand cmd, string name, object? value)
    {
        var p = cmd.CreateParameter();
        p.ParameterName = name;
        p.Value = value ?? DBNull.Value;
        cmd.Parameters.Add(p);
        return p;
    }

    // Typed getters, not GetValue + Convert: no boxing per value. SQLite converts its dynamic values itself (an INTEGER
    // read as int is checked); PostgreSQL's driver reads an integer column of any width as the integer type asked for.
    public static long Long(this DbDataReader r, int i) => r.GetInt64(i);

    public static int Int(this DbDataReader r, int i) => r.GetInt32(i);

    public static int? NInt(this DbDataReader r, int i) => r.IsDBNull(i) ? null : r.GetInt32(i);

    public static long? NLong(this DbDataReader r, int i) => r.IsDBNull(i) ? null : r.GetInt64(i);

    public static double? NDouble(this DbDataReader r, int i) => r.IsDBNull(i) ? null : r.GetDouble(i);

    public static string Str(this DbDataReader r, int i) => r.IsDBNull(i) ? "" : r.GetString(i);

    public static string? NStr(this DbDataReader r, int i) => r.IsDBNull(i) ? null : r.GetString(i);

    /// <summary>A boolean column (PostgreSQL's boolean; SQLite's 0 or 1).</summary>
    public static bool Bool(this DbDataReader r, int i) => r.GetBoolean(i);

    public static DateOnly? NDate(this DbDataReader r, int i) => r.IsDBNull(i) ? null : r.GetValue(i) switch
    {
        DateOnly d => d,
        DateTime dt => DateOnly.FromDateTime(dt),
        string s => DateOnly.ParseExact(s.Length > 10 ? s[..10] : s, "yyyy-MM-dd", CultureInfo.InvariantCulture),
        var v => DateOnly.FromDateTime(Convert.ToDateTime(v, CultureInfo.InvariantCulture)),
    };

    public static DateTimeOffset Time(this DbDataReader r, int i) => r.GetValue(i) switch
    {
        DateTimeOffset t => t,
        DateTime dt => new DateTimeOffset(DateTime.SpecifyKind(dt, DateTimeKind.Utc)),
        string s => DateTimeOffset.Parse(s, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal),
        var v => throw new InvalidCastException($"Cannot read {v.GetType().Name} as a time."),
    };

    public static DateTimeOffset? NTime(this DbDataReader r, int i) => r.IsDBNull(i) ? null : r.Time(i);
}
