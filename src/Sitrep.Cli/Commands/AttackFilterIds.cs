using Sitrep.Ledger.Filters;
using Sitrep.Storage;

namespace Sitrep.Cli.Commands;

/// <summary>
/// The <c>--attack ID</c> filter of a listing read as <c>sitrep show</c> reads an id: an id a re-merge retired (an
/// analyst's join, a rebuild) leads to the attack that took most of its members, and an id the store never gave is an
/// error, not an empty listing that looks like "no events".
/// </summary>
internal static class AttackFilterIds
{
    /// <summary>
    /// The query with its attack id followed to the attack it names now (saying so on standard error); the query as it
    /// is when it names no attack; null, after writing why, when the store has no such attack (the command exits 1).
    /// </summary>
    public static EventQuery? Follow(StoreLocation location, EventQuery query, CliConsole console, string command)
    {
        if (query.AttackId is not { } id)
        {
            return query;
        }

        return FollowAsync(location, query, id, console, command).GetAwaiter().GetResult();
    }

    private static async Task<EventQuery?> FollowAsync(StoreLocation location, EventQuery query, long id, CliConsole console, string command)
    {
        await using var store = await EventStore.OpenExistingAsync(location).ConfigureAwait(false);
        var attack = await store.GetAttackAsync(id).ConfigureAwait(false);
        if (attack is null)
        {
            console.Error.WriteLine($"sitrep {command}: there is no attack {AttackIds.Format(id)} in {location.Display}. 'sitrep attacks' lists the ids.");
            return null;
        }

        if (attack.Id == id)
        {
            return query;
        }

        console.Error.WriteLine($"sitrep {command}: {AttackIds.Format(id)} was merged into {AttackIds.Format(attack.Id)}; listing that.");
        return query with { AttackId = attack.Id };
    }
}
