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

    public static long Long(this DbDataReader r, int i) => Convert.ToInt64(r.GetValue(i), CultureInfo.InvariantCulture);

    public static int Int(this DbDataReader r, int i) => Convert.ToInt32(r.GetValue(i), CultureInfo.InvariantCulture);

    public static int? NInt(this DbDataReader r, int i) => r.IsDBNull(i) ? null : Convert.ToInt32(r.GetValue(i), CultureInfo.InvariantCulture);

    public static long? NLong(this DbDataReader r, int i) => r.IsDBNull(i) ? null : Convert.ToInt64(r.GetValue(i), CultureInfo.InvariantCulture);

    public static double? NDouble(this DbDataReader r, int i) => r.IsDBNull(i) ? null : Convert.ToDouble(r.GetValue(i), CultureInfo.InvariantCulture);

    public static string Str(this DbDataReader r, int i) => r.IsDBNull(i) ? "" : r.GetString(i);

    public static string? NStr(this DbDataReader r, int i) => r.IsDBNull(i) ? null : r.GetString(i);

    public static bool Bool(this DbDataReader r, int i) => r.GetValue(i) switch
    {
        bool b => b,
        long l => l != 0,
        int n => n != 0,
        var v => Convert.ToBoolean(v, CultureInfo.InvariantCulture),
    };

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
