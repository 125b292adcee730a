using System.Collections.Immutable;
using Sitrep.Core;

namespace Sitrep.Merge;

/// <summary>The merge itself: anchors, the three clustering steps, decisions, then attacks. See <see cref="MergeEngine"/>.</summary>
internal static class Clustering
{
    public static MergeResult Run(IEnumerable<MergeEvent> events, IEnumerable<MergeDecision> decisions, Func<string, ClaimantEntry?> claimants)
    {
        _ = decisions;
        _ = claimants;
        var attacks = events.Where(e => e.Event.Kind == EventKind.Strike).OrderBy(e => e.Key)
            .Select(e => new Attack
            {
                Key = e.Key,
                Home = Anchor.Of(e.Event, e.Report).Day,
                Members = [new AttackMember(e.Key, MembershipKind.Seed, 0, [])],
                Attacker = e.Event.Attacker,
                TargetCountry = e.Event.TargetCountry,
                ReportCount = 1,
                SourceCount = 1,
            });
        return new MergeResult([.. attacks]);
    }
}
