using System.Collections.Immutable;
using Sitrep.Core;
using Sitrep.Storage;

namespace Sitrep.Ledger.Compare;

/// <summary>One weapon family's best launched and destroyed figures of one attack; null when the ledger does not know one.</summary>
public readonly record struct AttackFamilyFigures(WeaponFamily Family, int? Launched, int? Destroyed)
{
    /// <summary>True when the attack gives either figure for the family.</summary>
    public bool HasFigure => Launched is not null || Destroyed is not null;
}

/// <summary>
/// One attack of the ledger as the comparison reads it: its id, its date (the day the night ends, or the day of a
/// daytime strike; null when unknown), who attacked whom, and per weapon family its best (reconciled) launched and
/// destroyed. It is not the attack itself (no members, claims or low/high range): only what the comparison needs,
/// so that it can be fed from the store, from a test, or from any host. A family appears at most once.
/// </summary>
public sealed record LedgerAttackFigures(long Id, DateOnly? Date, Side Attacker, Country Target, ImmutableArray<AttackFamilyFigures> Families)
{
    /// <summary>The figures of <paramref name="family"/>, or null when the attack gives none for it.</summary>
    public AttackFamilyFigures? Of(WeaponFamily family)
    {
        foreach (var f in Families)
        {
            if (f.Family == family)
            {
                return f;
            }
        }

        return null;
    }
}

/// <summary>
/// Where the comparison gets the ledger's attacks: the seam between <see cref="ReferenceComparison"/> and the store.
/// Implementations return every attack dated within [<c>since</c>, <c>until</c>] (either end null: open), of any
/// attacker and target (the comparison picks Russia's attacks on Ukraine itself, and uses the others only to know
/// the ledger's date span); attacks without a date may be included or not.
/// </summary>
public interface IAttackNights
{
    Task<IReadOnlyList<LedgerAttackFigures>> ReadAsync(DateOnly? since, DateOnly? until, CancellationToken cancellationToken = default);
}

/// <summary>Attacks given in code (tests, a host that already holds them), filtered by date as the store would.</summary>
public sealed class InMemoryAttackNights(IEnumerable<LedgerAttackFigures> attacks) : IAttackNights
{
    private readonly ImmutableArray<LedgerAttackFigures> _attacks = [.. attacks];

    public Task<IReadOnlyList<LedgerAttackFigures>> ReadAsync(DateOnly? since, DateOnly? until, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<LedgerAttackFigures>>(
            [.. _attacks.Where(a => a.Date is not { } d || (since is null || d >= since) && (until is null || d <= until))]);
}

/// <summary>The ledger's attacks from the store at a location, with their best figures per weapon family.</summary>
public sealed class StoreAttackNights(StoreLocation location) : IAttackNights
{
    public async Task<IReadOnlyList<LedgerAttackFigures>> ReadAsync(DateOnly? since, DateOnly? until, CancellationToken cancellationToken = default)
    {
        var store = await EventStore.OpenExistingAsync(location, cancellationToken).ConfigureAwait(false);
        await using (store.ConfigureAwait(false))
        {
            var list = new List<LedgerAttackFigures>();
            await foreach (var a in store.StreamAttacksAsync(new EventQuery { Since = since, Until = until, Limit = null }, cancellationToken).ConfigureAwait(false))
            {
                list.Add(Of(a));
            }

            return list;
        }
    }

    /// <summary>An attack's best launched and destroyed per family (model figures left out).</summary>
    public static LedgerAttackFigures Of(StoredAttack a) => new(
        a.Id, a.Date, a.Attacker, a.Target,
        [
            .. a.Figures.Where(f => f.IsFamilyFigure).GroupBy(f => f.Family!.Value).Select(g => new AttackFamilyFigures(
                g.Key, g.FirstOrDefault(f => f.Kind == FigureKind.Launched)?.Best, g.FirstOrDefault(f => f.Kind == FigureKind.Destroyed)?.Best)),
        ]);
}
