using System.Globalization;

namespace Sitrep.Storage;

/// <summary>A store that counts the attacks a filter matches without reading them (a listing's "of N").</summary>
public interface IAttackCounter
{
    /// <summary>How many attacks match <paramref name="query"/>'s filters (its limit, offset, cursor and sort are ignored).</summary>
    Task<long> CountAttacksAsync(EventQuery query, CancellationToken cancellationToken = default);
}

internal abstract partial class SqlEventStore : IAttackCounter
{
    public async Task<long> CountAttacksAsync(EventQuery query, CancellationToken cancellationToken = default)
    {
        var conn = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (conn.ConfigureAwait(false))
        {
            var plan = await PlanAsync(conn, query, cancellationToken).ConfigureAwait(false);
            await using var cmd = conn.CreateCommand();
            cmd.CommandText = $"SELECT COUNT(*) FROM attacks a {AttackWhere(query, cmd, plan)}";
            return Convert.ToInt64(await cmd.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture);
        }
    }
}
