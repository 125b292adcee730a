using System.Data.Common;

namespace Sitrep.Storage;

/// <summary>
/// How listings are ordered and paged (a sort column, then the id; keyset cursors instead of walking an OFFSET), and the
/// attacks counted by place.
/// </summary>
internal abstract partial class SqlEventStore
{
    /// <summary>A figure column as a listing sorts it: -1 when missing, so rows without a count sort after every count.</summary>
    private static string SortColumn(LedgerSort sort, string t) => sort switch
    {
        LedgerSort.Launched => $"COALESCE({t}.launched, -1)",
        LedgerSort.Destroyed => $"COALESCE({t}.destroyed, -1)",
        LedgerSort.Killed => $"COALESCE({t}.killed, -1)",
        LedgerSort.Injured => $"COALESCE({t}.injured, -1)",
        _ => throw new ArgumentOutOfRangeException(nameof(sort), sort, "Dates are ordered by the backend's own ORDER BY."),
    };

    /// <summary>
    /// The LIMIT and OFFSET of a listing (or empty when it takes every row from the first): a listing without a limit
    /// still skips its <see cref="EventQuery.Offset"/> rows (both backends take a LIMIT of the largest bigint as none).
    /// </summary>
    private static string Paging(EventQuery q, DbCommand cmd)
    {
        if (q.Limit is null && q.Offset == 0)
        {
            return "";
        }

        cmd.Add("@limit", q.Limit is { } n ? n : long.MaxValue);
        cmd.Add("@offset", q.Offset);
        return " LIMIT @limit OFFSET @offset";
    }

    /// <summary>
    /// The ORDER BY of a listing over <c>t</c> (<c>e</c> events, <c>a</c> attacks), and the condition (" AND …", or empty)
    /// that starts it after <see cref="EventQuery.After"/>, with its parameters added to <paramref name="cmd"/>.
    /// </summary>
    protected (string OrderBy, string Keyset) Listing(EventQuery q, string t, DbCommand cmd)
    {
        var asc = q.Ascending;
        var c = q.After;
        if (q.Sort == LedgerSort.Date)
        {
            var order = OrderBy(asc).Replace("e.", t + ".", StringComparison.Ordinal);
            if (c is null)
            {
                return (order, "");
            }

            cmd.Add("@kid", c.Id);
            if (c.Date is { } d)
            {
                cmd.Add("@kd", d);
            }

            // Undated rows come last newest first and first oldest first (SQLite's NULL order, which PostgreSQL's ORDER BY spells out).
            var keyset = (asc, c.Date is null) switch
            {
                (false, false) => $" AND ({t}.date < @kd OR ({t}.date = @kd AND {t}.id < @kid) OR {t}.date IS NULL)",
                (false, true) => $" AND {t}.date IS NULL AND {t}.id < @kid",
                (true, false) => $" AND ({t}.date > @kd OR ({t}.date = @kd AND {t}.id > @kid))",
                (true, true) => $" AND ({t}.date IS NOT NULL OR {t}.id > @kid)",
            };
            return (order, keyset);
        }

        var column = SortColumn(q.Sort, t);
        var dir = asc ? "ASC" : "DESC";
        var byFigure = $"ORDER BY {column} {dir}, {t}.id {dir}";
        if (c is null)
        {
            return (byFigure, "");
        }

        cmd.Add("@kv", c.Value);
        cmd.Add("@kid", c.Id);
        var op = asc ? ">" : "<";
        return (byFigure, $" AND ({column} {op} @kv OR ({column} = @kv AND {t}.id {op} @kid))");
    }

    public async Task<IReadOnlyList<StoredAttack>> GetAttacksAsync(IReadOnlyList<long> ids, CancellationToken cancellationToken = default)
    {
        var result = new List<StoredAttack>(ids.Count);
        if (ids.Count == 0)
        {
            return result;
        }

        var conn = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (conn.ConfigureAwait(false))
        {
            foreach (var chunk in ids.Chunk(PageSize))
            {
                result.AddRange(await LoadAttacksAsync(conn, chunk, cancellationToken).ConfigureAwait(false));
            }
        }

        return result;
    }

    public async Task<IReadOnlyList<PlaceCount>> PlaceCountsAsync(EventQuery filter, PlaceLevel level, CancellationToken cancellationToken = default)
    {
        var list = new List<PlaceCount>();
        var conn = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (conn.ConfigureAwait(false))
        {
            var plan = await PlanAsync(conn, filter, cancellationToken).ConfigureAwait(false);
            await using var cmd = conn.CreateCommand();
            var where = AttackWhere(filter, cmd, plan);
            var limit = "";
            if (filter.Limit is { } n)
            {
                limit = " LIMIT @limit";
                cmd.Add("@limit", n);
            }

            const string sums = "COUNT(*), SUM(a.launched), SUM(a.destroyed), SUM(a.killed), SUM(a.injured)";
            cmd.CommandText = level == PlaceLevel.Admin1
                ? $"""
                   SELECT a.location_admin1, a.location_admin1, a.location_country, NULL, NULL, {sums}
                   FROM attacks a {where} AND a.location_admin1 IS NOT NULL
                   GROUP BY a.location_admin1, a.location_country
                   ORDER BY COUNT(*) DESC, a.location_admin1, a.location_country{limit}
                   """
                : $"""
                   SELECT a.location_name, a.location_admin1, a.location_country, MIN(a.latitude), MIN(a.longitude), {sums}
                   FROM attacks a {where} AND a.location_name IS NOT NULL
                   GROUP BY a.location_name, a.location_admin1, a.location_country
                   ORDER BY COUNT(*) DESC, a.location_name, a.location_admin1, a.location_country{limit}
                   """;
            await using var r = await cmd.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await r.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                list.Add(new PlaceCount(r.Str(0), r.NStr(1), r.NStr(2), r.NDouble(3), r.NDouble(4), r.Int(5), r.NLong(6), r.NLong(7), r.NLong(8), r.NLong(9)));
            }
        }

        return list;
    }
}
