using System.Collections.Immutable;
using System.Data.Common;

namespace Sitrep.Storage;

/// <summary>
/// One attack's listing row with what the attack filters read beside its columns: the weapon-category bits
/// (<c>attacks.categories</c>), its members' weapon model keys and its place keys (<c>attack_places</c>). What a host
/// needs to answer a filtered, sorted page of attacks from memory the way the store's own query does.
/// </summary>
public sealed record AttackIndexRow(StoredAttack Attack, int Categories, ImmutableArray<string> ModelKeys, ImmutableArray<string> PlaceKeys);

/// <summary>A store that reads every attack's listing row and filter keys at once, from one snapshot.</summary>
public interface IAttackIndexSource
{
    /// <summary>Every attack's <see cref="AttackIndexRow"/>, in id order, read in one transaction.</summary>
    Task<IReadOnlyList<AttackIndexRow>> ReadAttackIndexAsync(CancellationToken cancellationToken = default);

    /// <summary>The bit <see cref="AttackIndexRow.Categories"/> holds for a weapon category (as the store's weapon filter tests it).</summary>
    static int CategoryBit(Sitrep.Core.WeaponCategory category) => RowSet.CategoryBit(category);
}

internal abstract partial class SqlEventStore : IAttackIndexSource
{
    public async Task<IReadOnlyList<AttackIndexRow>> ReadAttackIndexAsync(CancellationToken cancellationToken = default)
    {
        // One snapshot, the store's own (SQLite: deferred, so no writer waits on it; PostgreSQL: repeatable read).
        var snapshot = (Snapshot)await OpenSnapshotAsync(cancellationToken).ConfigureAwait(false);
        await using (snapshot.ConfigureAwait(false))
        {
            var conn = snapshot.Connection;
            var heads = new List<(StoredAttack Attack, int Categories)>();
            await using (var cmd = Db.Command(conn, $"SELECT {AttackColumns}, a.categories FROM attacks a ORDER BY a.id"))
            {
                await using var r = await cmd.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                while (await r.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    heads.Add((ReadAttack(r), r.Int(AttackColumnCount)));
                }
            }

            var models = await KeysAsync(conn, """
                SELECT DISTINCT m.attack_id, w.model_key FROM weapons w JOIN attack_members m ON m.event_id = w.event_id WHERE w.model_key IS NOT NULL
                """, cancellationToken).ConfigureAwait(false);
            var places = await KeysAsync(conn, "SELECT attack_id, place_key FROM attack_places", cancellationToken).ConfigureAwait(false);
            return [.. heads.Select(h => new AttackIndexRow(h.Attack, h.Categories,
                models.TryGetValue(h.Attack.Id, out var m) ? [.. m] : [], places.TryGetValue(h.Attack.Id, out var p) ? [.. p] : []))];
        }
    }

    private static async Task<Dictionary<long, List<string>>> KeysAsync(DbConnection conn, string sql, CancellationToken ct)
    {
        var keys = new Dictionary<long, List<string>>();
        await using var cmd = Db.Command(conn, sql);
        await using var r = await cmd.ExecuteReaderAsync(ct).ConfigureAwait(false);
        while (await r.ReadAsync(ct).ConfigureAwait(false))
        {
            Bucket(keys, r.Long(0)).Add(r.Str(1));
        }

        return keys;
    }
}
