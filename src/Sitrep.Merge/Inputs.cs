using System.Collections.Immutable;
using Sitrep.Core;

namespace Sitrep.Merge;

/// <summary>
/// An event as the store numbers it: its report and its 0-based ordinal among that report's extracted events,
/// aggregates included (the order of <see cref="Extraction.Events"/>). Ordered by report, then ordinal. The store's
/// report ids follow arrival, so the merge never breaks a tie by this order before the reports' own
/// <see cref="MergeReport.Identity"/> (see <see cref="EventOrder"/>).
/// </summary>
public readonly record struct EventKey(long ReportId, int Ordinal) : IComparable<EventKey>
{
    public int CompareTo(EventKey other) => ReportId != other.ReportId ? ReportId.CompareTo(other.ReportId) : Ordinal.CompareTo(other.Ordinal);

    public static bool operator <(EventKey left, EventKey right) => left.CompareTo(right) < 0;

    public static bool operator >(EventKey left, EventKey right) => left.CompareTo(right) > 0;

    public static bool operator <=(EventKey left, EventKey right) => left.CompareTo(right) <= 0;

    public static bool operator >=(EventKey left, EventKey right) => left.CompareTo(right) >= 0;

    /// <summary>"1234#0": report 1234, its first event.</summary>
    public override string ToString() => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{ReportId}#{Ordinal}");
}

/// <summary>
/// The report an event comes from, as the merge needs it: which outlet, when it was published, and (when the
/// publication date is unknown) the latest date its events give. Immutable.
/// </summary>
/// <param name="Id">The store's report id; every <see cref="EventKey.ReportId"/> of the report's events.</param>
/// <param name="Version">The report's version at its URL (1 for the first).</param>
/// <param name="Source">The outlet ("Reuters", "Kyiv Independent"), when known: <see cref="Attack.SourceCount"/> counts distinct ones.</param>
/// <param name="Published">Publication date, when known.</param>
/// <param name="Url">Where it was read from, when known.</param>
public sealed record MergeReport(long Id, int Version, string? Source, DateOnly? Published, string? Url)
{
    /// <summary>
    /// The latest date any strike event of the report gives (see <see cref="LatestDateOf"/>). Stands in for
    /// <see cref="Published"/> when that is unknown: it anchors the report's undated events, and it dates the
    /// report's claims for "latest figure" rules ("a report with an unknown date ranks by the latest date its
    /// text mentions"). The store computes it once from the report's extraction and keeps it with the report, so
    /// that every load of the report gives the same anchors.
    /// </summary>
    public DateOnly? LatestEventDate { get; init; }

    /// <summary>
    /// What the report is, whatever the order reports arrived in: the store gives the hash of its text and its URL
    /// key. The merge breaks ties between events of different reports by it (<see cref="EventOrder"/>), so that
    /// ingesting the same reports in any order, batches or workers — which gives them other ids — gives the same
    /// attacks. Null when unknown: ties then fall to the report id.
    /// </summary>
    public string? Identity { get; init; }

    /// <summary>The day the report speaks from: <see cref="Published"/>, else <see cref="LatestEventDate"/>; null when neither is known.</summary>
    public DateOnly? ReportDate => Published ?? LatestEventDate;

    /// <summary>The latest day-or-night date among the strike events of one report's extraction; null when none has one.</summary>
    public static DateOnly? LatestDateOf(IEnumerable<ExtractedEvent> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        DateOnly? latest = null;
        foreach (var e in events)
        {
            if (e.Kind == EventKind.Strike && e.Date.Date is { } d && e.Date.Precision is DatePrecision.Day or DatePrecision.Night
                && (latest is null || d > latest))
            {
                latest = d;
            }
        }

        return latest;
    }
}

/// <summary>
/// One per-report event given to the merge: its key, its report and the extracted event itself. Invariant:
/// <c>Key.ReportId == Report.Id</c> (the engine rejects an event that breaks it). Aggregates
/// (<see cref="EventKind.Aggregate"/>) may be given; they never join an attack and the result holds no attack for them.
/// </summary>
public sealed record MergeEvent(EventKey Key, MergeReport Report, ExtractedEvent Event);

/// <summary>
/// The order the merge breaks ties by (seeds, clusters, an attack's first place): by the reports'
/// <see cref="MergeReport.ReportDate"/> (earlier first, unknown last), then their <see cref="MergeReport.Identity"/>
/// (ordinal), then by <see cref="EventKey"/> (within one report: the ordinal). Unlike the key alone it does not
/// follow the order reports arrived in; the date first means that in a live feed a newly published report rarely
/// takes the lead of an attack from the reports before it, so the attack can be extended rather than built again.
/// </summary>
internal static class EventOrder
{
    public static int Compare(MergeEvent a, MergeEvent b) =>
        Compare(a.Key, a.Report.ReportDate, a.Report.Identity, b.Key, b.Report.ReportDate, b.Report.Identity);

    /// <summary>The same order for events known by their key, their report's date and identity (a claim's).</summary>
    public static int Compare(EventKey a, DateOnly? aDate, string? aIdentity, EventKey b, DateOnly? bDate, string? bIdentity)
    {
        if (a.ReportId != b.ReportId)
        {
            if (aDate != bDate)
            {
                return aDate is null ? 1 : bDate is null ? -1 : aDate.Value.CompareTo(bDate.Value);
            }

            var byIdentity = string.CompareOrdinal(aIdentity, bIdentity);
            if (byIdentity != 0)
            {
                return byIdentity;
            }
        }

        return a.CompareTo(b);
    }
}

/// <summary>What an analyst decided about membership.</summary>
public enum MergeDecisionKind
{
    /// <summary>
    /// <see cref="MergeDecision.Event"/> and <see cref="MergeDecision.Other"/> belong to one attack: the attacks that
    /// hold them are united (the CLI's <c>merge --join A B</c> is stored as a join between a member of each).
    /// </summary>
    Join,

    /// <summary><see cref="MergeDecision.Event"/> stands alone: it is taken out of whatever attack it would join and is an attack of its own.</summary>
    Split,
}

/// <summary>
/// An analyst's recorded decision. Decisions are applied in <see cref="Sequence"/> order (ties by kind, then keys),
/// and a later decision about an event overrides an earlier one: a split drops the event's earlier joins, a join
/// lifts an earlier split of either event. Every rebuild applies the same decisions, so they hold for good.
/// </summary>
/// <param name="Sequence">The order the decisions were made in (the store's decision id).</param>
/// <param name="Other">The second event of a <see cref="MergeDecisionKind.Join"/>; null for a split.</param>
public sealed record MergeDecision(long Sequence, MergeDecisionKind Kind, EventKey Event, EventKey? Other = null)
{
    /// <summary>The two events belong to one attack.</summary>
    public static MergeDecision Join(long sequence, EventKey first, EventKey second) => new(sequence, MergeDecisionKind.Join, first, second);

    /// <summary>The event stands alone.</summary>
    public static MergeDecision Split(long sequence, EventKey single) => new(sequence, MergeDecisionKind.Split, single);

    /// <summary>The events the decision names: one for a split, two for a join.</summary>
    public ImmutableArray<EventKey> Events => Other is { } o ? [Event, o] : [Event];
}

/// <summary>An event's key and its anchor day (<see cref="MergeEngine.AnchorOf(MergeEvent)"/>), all the window planner needs of it.</summary>
public readonly record struct AnchoredKey(EventKey Key, DateOnly? Anchor)
{
    public static AnchoredKey Of(MergeEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        return new(e.Key, MergeEngine.AnchorOf(e));
    }
}

/// <summary>A closed range of days, <c>[First, Last]</c>; invariant <c>First &lt;= Last</c>.</summary>
public readonly record struct DayRange
{
    public DayRange(DateOnly first, DateOnly last)
    {
        if (last < first)
        {
            throw new ArgumentException($"a day range ends ({last:yyyy-MM-dd}) before it starts ({first:yyyy-MM-dd}).", nameof(last));
        }

        First = first;
        Last = last;
    }

    public DateOnly First { get; }

    public DateOnly Last { get; }

    public bool Contains(DateOnly day) => day >= First && day <= Last;

    public override string ToString() => First == Last ? $"{First:yyyy-MM-dd}" : $"{First:yyyy-MM-dd}..{Last:yyyy-MM-dd}";
}
