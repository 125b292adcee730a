using System.Collections.Frozen;
using System.Collections.Immutable;
using Sitrep.Core;
using Sitrep.Storage;

namespace Sitrep.Ledger.Brief;

/// <summary>
/// What a brief is written from, read from one snapshot of the store: the window's attacks (those it places
/// <see cref="BriefPlacement.Main"/> or <see cref="BriefPlacement.Untimed"/>), their member events, their reports, and
/// the totals over longer periods (aggregate events) those reports give. Nothing else is read, and of the attacks and
/// events only what a brief writes (<see cref="Parts"/>): every figure and claim, but the words only of the claims a
/// brief may cite; members without their features and explanations; member events without their claimants and their
/// claims' words. A source built from whole reads gives the same brief.
/// </summary>
public sealed record BriefSource(
    BriefWindow Window,
    ImmutableArray<StoredAttack> Attacks,
    FrozenDictionary<long, StoredEvent> Events,
    FrozenDictionary<long, StoredReport> Reports,
    ImmutableArray<StoredEvent> Background)
{
    /// <summary>What of the attacks and member events a brief reads.</summary>
    public static ReadParts Parts { get; } = new()
    {
        MemberDetail = false,
        EventClaimDetail = false,
        ClaimWords = BriefComposer.CitableClaims,
    };

    /// <summary>Reads the source of a brief of <paramref name="window"/> from <paramref name="snapshot"/>.</summary>
    public static async Task<BriefSource> ReadAsync(IStoreSnapshot snapshot, BriefWindow window, CancellationToken cancellationToken = default)
    {
        var heads = await snapshot.FindAttacksAsync(new EventQuery { Since = window.First, Until = window.Last, Limit = null }, cancellationToken).ConfigureAwait(false);
        var ids = heads.Where(a => window.Place(a.Date, a.Precision) != BriefPlacement.Outside).Select(a => a.Id).ToList();
        var attacks = await snapshot.GetAttacksAsync(ids, Parts, cancellationToken).ConfigureAwait(false);
        var events = await snapshot.GetEventsAsync([.. attacks.SelectMany(a => a.Members).Select(m => m.EventId).Distinct()], Parts, cancellationToken).ConfigureAwait(false);
        var reportIds = attacks.SelectMany(a => a.Members).Select(m => m.ReportId).Distinct().ToList();
        var background = await snapshot.GetEventsOfReportsAsync(reportIds, EventKind.Aggregate, cancellationToken).ConfigureAwait(false);
        var reports = await snapshot.GetReportsAsync([.. reportIds.Concat(background.Select(b => b.Report.Id)).Distinct()], cancellationToken).ConfigureAwait(false);
        return new BriefSource(window, [.. attacks], events.ToFrozenDictionary(e => e.Id), reports.ToFrozenDictionary(r => r.Id), [.. background]);
    }
}

/// <summary>How a brief is written, beyond its language's templates.</summary>
public sealed record BriefOptions
{
    /// <summary>
    /// The English name of a canonical claimant id ("ua.air_force" → "Ukraine's air force"), or null when it has none;
    /// without it (or when it gives null) a claim's claimant is named as its report wrote it.
    /// </summary>
    public Func<string, string?>? ClaimantName { get; init; }

    /// <summary>
    /// The canonical claimant id the words a claim was written with name, given the side they speak for ("the air
    /// force", Ukraine → "ua.air_force"), or null; asked for claims stored without one. Without it such claims have none.
    /// </summary>
    public Func<string, Side, string?>? ResolveClaimant { get; init; }
}
