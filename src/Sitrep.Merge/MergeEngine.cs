using System.Collections.Immutable;
using Sitrep.Core;

namespace Sitrep.Merge;

/// <summary>
/// Turns per-report events into attacks and reconciles their figures. Pure: no I/O, no clock, no store; thread-safe
/// (holds only the claimant lookup). The result is a deterministic function of the set of events and decisions
/// given — never of their order — and it is local: an attack depends only on events anchored within
/// <see cref="LoadRadius"/> days of its home (and on events linked to it by decisions), which is what makes
/// <see cref="Window"/> exact.
/// <para><b>Anchor.</b> Every strike event has an anchor day (<see cref="AnchorOf(MergeEvent)"/>): its own date when
/// the text dates it (a night is filed under the morning it ends); else — its date is then <i>assumed</i> — the
/// report's publication date; else the latest date the report's events give
/// (<see cref="MergeReport.LatestEventDate"/>); else none.</para>
/// <para><b>Steps.</b> (1) Events whose date the text gives (day or night precision) are clustered per anchor day and
/// target country: each, most informative first, joins the best-scoring cluster of its day when the score reaches
/// the threshold, else starts one. (2) Each event whose date is assumed is scored against the step-1 clusters of its
/// anchor day and the day before (and the day after when its anchor is another event's date rather than the
/// publication date: a report does not tell of an attack after it was published), and joins the best when the score
/// reaches a higher threshold. (3) Assumed-date events that joined nothing are clustered among themselves per anchor
/// day. Events with no anchor, or dated only to a week, month or year, are attacks of their own. Analysts' decisions
/// then apply: a split event stands alone (it takes no part in steps 1–3); a join unites the two attacks.</para>
/// <para><b>Scores</b> are sums of named features (<see cref="MergeFeature"/>): same day; places (same town within
/// 30 km, same region, or nothing in common — which counts less against a wave naming many regions); weapon
/// families in common or not; figures (equal, close, or far apart — "122 and 12 missiles are not the same wave",
/// unless the smaller is a local account of part of it); equal tolls; the same claimant; events of one report (the
/// report already told them apart, unless one is a local section of the other's wider account that shares its
/// weapons or is dated in its own words as the other is); an unknown attacker joining a known side's attack (it
/// needs strong evidence).
/// Attackers never mix (two known attackers in one attack are refused) and target countries never do.</para>
/// </summary>
public sealed class MergeEngine
{
    /// <summary>
    /// How many days an attack's membership reaches from its home: the attacks filed under a day depend on the events
    /// anchored within this many days of it. A change of events anchored on day d can change attacks with homes in
    /// <c>[d − LoadRadius, d + LoadRadius]</c>, and recomputing those needs the events anchored within
    /// <see cref="LoadRadius"/> days of them.
    /// </summary>
    public const int LoadRadius = 2;

    private readonly Func<string, ClaimantEntry?> claimants;

    /// <summary>An engine that ranks claimants by their side as the text gives it (no registry).</summary>
    public MergeEngine()
        : this(null)
    {
    }

    /// <summary>An engine that ranks claimants through a registry: <paramref name="claimants"/> maps a canonical claimant id (<see cref="Claimant.Canonical"/>) to its entry, or null when unknown.</summary>
    public MergeEngine(Func<string, ClaimantEntry?>? claimants) => this.claimants = claimants ?? (_ => null);

    /// <summary>
    /// The attacks of these events under these decisions. Every strike event is a member of exactly one attack;
    /// aggregates are left out. Duplicate keys are refused, and so is an event whose key names another report.
    /// Decisions naming events not given are ignored.
    /// </summary>
    public MergeResult Merge(IEnumerable<MergeEvent> events, IEnumerable<MergeDecision>? decisions = null) => Partition(events, decisions).Build();

    /// <summary>
    /// The attacks of these events under these decisions as <see cref="Merge"/> gives them, each left unbuilt until
    /// asked for (<see cref="AttackDraft.Build"/>): a windowed recompute builds only the attacks it owns and must write.
    /// With a <paramref name="memo"/>, what an earlier partition computed for the same events is reused (the result is
    /// the same either way).
    /// </summary>
    public MergePartition Partition(IEnumerable<MergeEvent> events, IEnumerable<MergeDecision>? decisions = null, MergeMemo? memo = null)
    {
        ArgumentNullException.ThrowIfNull(events);
        return Clustering.Run(events, decisions ?? [], claimants, memo);
    }

    /// <summary>The anchor day of an event (see the class remarks); null when nothing dates it.</summary>
    public static DateOnly? AnchorOf(MergeEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        return Anchor.Of(e.Event, e.Report).Day;
    }

    /// <summary>The anchor day of an event of a report published on <paramref name="published"/> whose events' latest date is <paramref name="latestEventDate"/>.</summary>
    public static DateOnly? AnchorOf(ExtractedEvent e, DateOnly? published, DateOnly? latestEventDate)
    {
        ArgumentNullException.ThrowIfNull(e);
        return Anchor.Of(e, published, latestEventDate).Day;
    }

    /// <summary>
    /// The window to recompute after the events in <paramref name="changed"/> were added, removed or changed (give a
    /// removed or changed event with the anchor it had, and a changed one with its new anchor too), and after new
    /// decisions (give the events they name). <paramref name="decisions"/> are all the decisions in force, new ones
    /// included; <paramref name="anchorOf"/> gives the anchor of any event they name (null for an undated or unknown
    /// event).
    /// <para>Exactness: a change at anchor d can only change attacks with homes in <c>[d−2, d+2]</c> (step-1 clusters
    /// of day d; the assumed-date events of d−1..d+1 that score against them; the clusters those join, at most one day
    /// further). So <see cref="MergeWindow.Replace"/> is those ranges, grown to a fixed point by every join whose
    /// events could be filed under a replaced day (both events' possible homes, <c>[anchor−1, anchor+1]</c>, are then
    /// replaced); and recomputing an attack with home h needs the events anchored in <c>[h−2, h+2]</c>: step-1 clusters
    /// of h±1, the assumed-date events of h±1 and the step-1 clusters of h±2 they could prefer. Hence
    /// <see cref="MergeWindow.Load"/> is <see cref="MergeWindow.Replace"/> widened by <see cref="LoadRadius"/>.</para>
    /// </summary>
    public static MergeWindow Window(IEnumerable<AnchoredKey> changed, IEnumerable<MergeDecision> decisions, Func<EventKey, DateOnly?> anchorOf)
    {
        ArgumentNullException.ThrowIfNull(changed);
        ArgumentNullException.ThrowIfNull(decisions);
        ArgumentNullException.ThrowIfNull(anchorOf);
        return WindowPlanner.Plan(changed, decisions, anchorOf);
    }
}
