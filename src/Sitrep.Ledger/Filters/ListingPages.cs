using System.Runtime.CompilerServices;
using Sitrep.Storage;

namespace Sitrep.Ledger.Filters;

/// <summary>
/// A listing written whole (json, jsonl, csv, geojson of <c>sitrep attacks</c>): every attack its query selects, in the
/// listing's order — its sort and order, from its cursor and offset, up to its limit — as the table's pages give them,
/// read a page at a time (the next page from the last row's cursor, as a host's "next" would), so a ledger of any size
/// streams in the order the table shows.
/// </summary>
public static class ListingPages
{
    /// <summary>Attacks read at a time.</summary>
    public const int PageSize = 500;

    /// <param name="pageSize">Attacks read at a time (<see cref="PageSize"/>).</param>
    public static async IAsyncEnumerable<StoredAttack> AttacksAsync(
        IEventStore store, EventQuery query, int pageSize = PageSize, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(query);
        ArgumentOutOfRangeException.ThrowIfLessThan(pageSize, 1);
        var remaining = query.Limit ?? int.MaxValue;
        var page = query;
        while (remaining > 0)
        {
            var size = Math.Min(pageSize, remaining);
            var rows = await store.FindAttacksAsync(page with { Limit = size }, cancellationToken).ConfigureAwait(false);
            foreach (var a in await store.GetAttacksAsync([.. rows.Select(r => r.Id)], cancellationToken).ConfigureAwait(false))
            {
                yield return a;
            }

            if (rows.Count < size)
            {
                yield break;
            }

            remaining -= rows.Count;
            page = page with { Offset = 0, After = PageCursors.After(rows[^1], query.Sort) };
        }
    }
}
