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

/// <summary>
/// The ledger's attacks from the store at a location. The store keeps no attacks yet (the attack ledger is being
/// built), so after opening the store — which reports a bad --db as usual — this fails with a store error that says
/// so. To be filled by the attack store: see the note in <see cref="ReadAsync"/>.
/// </summary>
public sealed class StoreAttackNights(StoreLocation location) : IAttackNights
{
    public async Task<IReadOnlyList<LedgerAttackFigures>> ReadAsync(DateOnly? since, DateOnly? until, CancellationToken cancellationToken = default)
    {
        var store = await EventStore.OpenAsync(location, cancellationToken).ConfigureAwait(false);
        await store.DisposeAsync().ConfigureAwait(false);

        // lead: feed from store.FindAttacksAsync: every attack dated in [since, until], mapped as
        //   new LedgerAttackFigures(id, attack.Date, attack.Attacker, attack.TargetCountry,
        //       [.. families.Select(f => new AttackFamilyFigures(f, attack.Figure(FigureKey.Launched(f))?.Best,
        //                                                   attack.Figure(FigureKey.Destroyed(f))?.Best))])
        // and remove this placeholder error (ST099).
        throw new StoreException("ST099",
            $"The store '{location.Display}' keeps no attacks yet, so there is nothing to compare: this build of sitrep has no attack ledger.");
    }
}
