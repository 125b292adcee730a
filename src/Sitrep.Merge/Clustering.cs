using System.Collections.Immutable;
using Sitrep.Core;

namespace Sitrep.Merge;

/// <summary>The merge itself: anchors, the three clustering steps, decisions, then attacks. See <see cref="MergeEngine"/>.</summary>
internal static class Clustering
{
    public static MergePartition Run(IEnumerable<MergeEvent> events, IEnumerable<MergeDecision> decisions, Func<string, ClaimantEntry?> claimants, MergeMemo? memo = null)
    {
        // An earlier run's profiles and step-1 blocks, when a memo is given and no other run holds it.
        var earlier = memo?.Take();
        var profiles = new Dictionary<EventKey, EventProfile>();
        foreach (var e in events)
        {
            ArgumentNullException.ThrowIfNull(e);
            if (e.Key.ReportId != e.Report.Id)
            {
                throw new ArgumentException($"event {e.Key} is given with report {e.Report.Id}: an event's key names its own report.", nameof(events));
            }

            if (e.Event.Kind != EventKind.Strike)
            {
                continue;
            }

            if (!profiles.TryAdd(e.Key, earlier?.Profile(e) ?? new EventProfile(e)))
            {
                throw new ArgumentException($"event {e.Key} is given twice: give each event once.", nameof(events));
            }
        }

        var (split, joins) = ApplyDecisions(decisions, profiles);

        // Partition by how the event is dated.
        var dated = new SortedDictionary<(DateOnly Day, Country Target), List<EventProfile>>();
        var assumed = new List<EventProfile>();
        var groups = new List<Group>();
        foreach (var p in profiles.Values.OrderBy(p => p.Key))
        {
            if (split.TryGetValue(p.Key, out var seq))
            {
                groups.Add(Group.Alone(p, MembershipKind.AnalystSplit, seq));
            }
            else if (p.Anchor.IsDated)
            {
                var k = (p.Anchor.Day!.Value, p.Target);
                if (!dated.TryGetValue(k, out var list))
                {
                    dated[k] = list = [];
                }

                list.Add(p);
            }
            else if (p.Anchor.IsAssumed)
            {
                assumed.Add(p);
            }
            else
            {
                groups.Add(Group.Alone(p, p.Anchor.Source == AnchorSource.Vague ? MembershipKind.VagueDate : MembershipKind.Undated, null));
            }
        }

        // Step 1: dated events, per anchor day and target.
        var blocks = new SortedDictionary<(DateOnly Day, Country Target), Block>();
        foreach (var (k, list) in dated)
        {
            list.Sort(EventProfile.SeedOrder);
            if (earlier?.Block(k, list) is not { } block)
            {
                block = new Block(k.Day, list);
                foreach (var e in list)
                {
                    block.Place(e, DayRelation.SameDay, Scorer.JoinSameDay);
                }
            }

            blocks[k] = block;
        }

        // Step 2: each assumed-date event against the frozen step-1 clusters of the days it may belong to.
        var attach = new List<(EventProfile Event, Block Block, int Cluster, Scored Why)>();
        var leftover = new SortedDictionary<(DateOnly Day, Country Target), List<EventProfile>>();
        foreach (var w in assumed)
        {
            var anchor = w.Anchor.Day!.Value;
            (Block Block, int Cluster, Scored Why)? best = null;
            foreach (var (offset, relation) in CandidateDays(w.Anchor))
            {
                if (!blocks.TryGetValue((anchor.AddDays(offset), w.Target), out var block))
                {
                    continue;
                }

                foreach (var ci in block.Candidates(w))
                {
                    var s = Scorer.Score(w, block.Clusters[ci], relation);
                    if (s.Refused || s.Score < Scorer.JoinAssumed)
                    {
                        continue;
                    }

                    // Ties: the nearer day (the order CandidateDays gives), then the attack more reports tell, then the seed first in EventOrder.
                    if (best is null || s.Score > best.Value.Why.Score
                        || (s.Score == best.Value.Why.Score && best.Value.Block == block && Block.Preferred(block.Clusters[ci], block.Clusters[best.Value.Cluster])))
                    {
                        best = (block, ci, s);
                    }
                }
            }

            if (best is { } b)
            {
                attach.Add((w, b.Block, b.Cluster, Scorer.Score(w, b.Block.Clusters[b.Cluster], DayFor(w.Anchor, b.Block.Day), explain: true)));
            }
            else
            {
                var k = (anchor, w.Target);
                if (!leftover.TryGetValue(k, out var list))
                {
                    leftover[k] = list = [];
                }

                list.Add(w);
            }
        }

        // The step-1 clusters stay as step 1 left them (a memo may give them to a later run): attached events are
        // added to copies of their groups.
        var attached = new Dictionary<(Block Block, int Cluster), List<Membership>>();
        foreach (var (w, block, ci, why) in attach)
        {
            if (!attached.TryGetValue((block, ci), out var list))
            {
                attached[(block, ci)] = list = [];
            }

            list.Add(new Membership(w, MembershipKind.AssumedDate, why, null));
        }

        foreach (var block in blocks.Values)
        {
            groups.AddRange(block.Groups(ci => attached.GetValueOrDefault((block, ci))));
        }

        memo?.Keep(profiles, blocks);

        // Step 3: assumed-date events that joined nothing, among themselves per anchor day.
        foreach (var (k, list) in leftover)
        {
            list.Sort(EventProfile.SeedOrder);
            var block = new Block(k.Day, list);
            foreach (var e in list)
            {
                block.Place(e, DayRelation.AssumedSameDay, Scorer.JoinAssumed);
            }

            groups.AddRange(block.Groups(_ => null));
        }

        // Analysts' joins unite groups.
        groups = Unite(groups, joins);
        var reconciler = new Reconciler(claimants);
        return new MergePartition([.. groups.Select(g => new AttackDraft(g, reconciler)).OrderBy(d => d.Key)]);
    }

    private static DayRelation DayFor(Anchor anchor, DateOnly clusterDay) =>
        (clusterDay.DayNumber - anchor.Day!.Value.DayNumber) switch
        {
            0 => DayRelation.AssumedSameDay,
            < 0 => DayRelation.AssumedDayBefore,
            _ => DayRelation.AssumedDayAfter,
        };

    /// <summary>The days an assumed-date event may belong to, nearest first: its anchor, the day before, and — when the anchor is another event's date, not the publication date — the day after.</summary>
    private static IEnumerable<(int Offset, DayRelation Relation)> CandidateDays(Anchor anchor)
    {
        yield return (0, DayRelation.AssumedSameDay);
        yield return (-1, DayRelation.AssumedDayBefore);
        if (anchor.Source == AnchorSource.ReportDates)
        {
            yield return (1, DayRelation.AssumedDayAfter);
        }
    }

    /// <summary>
    /// Applies decisions in order: a split marks the event alone and drops its earlier joins; a join lifts earlier
    /// splits of both events. Decisions naming an event not given are ignored.
    /// </summary>
    private static (Dictionary<EventKey, long> Split, List<(EventKey A, EventKey B, long Sequence)> Joins) ApplyDecisions(
        IEnumerable<MergeDecision> decisions, Dictionary<EventKey, EventProfile> known)
    {
        var split = new Dictionary<EventKey, long>();
        var joins = new List<(EventKey A, EventKey B, long Sequence)>();
        foreach (var d in decisions.OrderBy(d => d.Sequence).ThenBy(d => d.Kind).ThenBy(d => d.Event).ThenBy(d => d.Other ?? default))
        {
            if (d.Kind == MergeDecisionKind.Split)
            {
                if (known.ContainsKey(d.Event))
                {
                    split[d.Event] = d.Sequence;
                    joins.RemoveAll(j => j.A == d.Event || j.B == d.Event);
                }
            }
            else if (d.Other is { } other && other != d.Event && known.ContainsKey(d.Event) && known.ContainsKey(other))
            {
                split.Remove(d.Event);
                split.Remove(other);
                joins.Add((d.Event, other, d.Sequence));
            }
        }

        return (split, joins);
    }

    private static List<Group> Unite(List<Group> groups, List<(EventKey A, EventKey B, long Sequence)> joins)
    {
        if (joins.Count == 0)
        {
            return groups;
        }

        var groupOf = new Dictionary<EventKey, int>();
        for (var i = 0; i < groups.Count; i++)
        {
            foreach (var m in groups[i].Members)
            {
                groupOf[m.Profile.Key] = i;
            }
        }

        var parent = Enumerable.Range(0, groups.Count).ToArray();
        int Find(int x)
        {
            while (parent[x] != x)
            {
                parent[x] = parent[parent[x]];
                x = parent[x];
            }

            return x;
        }

        var joinedBy = new Dictionary<EventKey, long>();
        foreach (var (a, b, seq) in joins)
        {
            var ra = Find(groupOf[a]);
            var rb = Find(groupOf[b]);
            if (ra == rb)
            {
                continue;
            }

            parent[Math.Max(ra, rb)] = Math.Min(ra, rb);
            joinedBy.TryAdd(a, seq);
            joinedBy.TryAdd(b, seq);
        }

        var result = new List<Group>();
        foreach (var g in Enumerable.Range(0, groups.Count).GroupBy(Find))
        {
            var parts = g.Select(i => groups[i]).ToList();
            var members = parts.SelectMany(p => p.Members)
                .Select(m => joinedBy.TryGetValue(m.Profile.Key, out var seq) ? new Membership(m.Profile, MembershipKind.AnalystJoin, null, seq) : m)
                .ToList();
            var homes = parts.Where(p => p.Home is not null).Select(p => p.Home!.Value).ToList();
            result.Add(new Group(homes.Count > 0 ? homes.Min() : null, members));
        }

        return result;
    }
}

/// <summary>Why one event is in its group: how it joined and the score that decided it.</summary>
internal sealed record Membership(EventProfile Profile, MembershipKind Kind, Scored? Why, long? Decision);

/// <summary>The members of one attack-to-be and its home day.</summary>
internal sealed record Group(DateOnly? Home, List<Membership> Members)
{
    public static Group Alone(EventProfile p, MembershipKind kind, long? decision) => new(p.Anchor.Day, [new Membership(p, kind, null, decision)]);
}

/// <summary>
/// The clusters of one day and target, with the indexes that find an event's candidate clusters without comparing
/// it with all of them: clusters naming one of its regions, clusters with a figure within a quarter of one of its
/// own, clusters that name no place, and the <see cref="TopClusters"/> largest.
/// </summary>
internal sealed class Block(DateOnly day, IReadOnlyList<EventProfile> events)
{
    /// <summary>How many of the largest clusters every event is compared with (a wave can hold places an account does not name).</summary>
    public const int TopClusters = 12;

    private readonly Dictionary<string, List<int>> byRegion = new(StringComparer.Ordinal);
    private readonly Dictionary<(WeaponFamily, FigureKind, int), List<int>> byFigure = [];
    private readonly HashSet<int> placeless = [];
    private readonly HashSet<(int, WeaponFamily, FigureKind, int)> indexedFigures = [];
    private readonly List<int> bySize = [];
    private readonly List<int> sizePosition = [];
    private readonly List<List<Membership>> memberships = [];
    private readonly List<int> candidates = [];
    private int[] stamp = new int[64];
    private int generation;

    public DateOnly Day { get; } = day;

    /// <summary>The events placed in the block, in the order they were placed (what a memo compares).</summary>
    public IReadOnlyList<EventProfile> Events { get; } = events;

    public List<ClusterProfile> Clusters { get; } = [];

    /// <summary>Puts an event in its best cluster when the score reaches <paramref name="threshold"/>, else in a new one.</summary>
    public void Place(EventProfile e, DayRelation relation, double threshold)
    {
        int bestCluster = -1;
        Scored best = default;
        foreach (var ci in Candidates(e))
        {
            var s = Scorer.Score(e, Clusters[ci], relation);
            if (s.Refused || s.Score < threshold)
            {
                continue;
            }

            if (bestCluster < 0 || s.Score > best.Score || (s.Score == best.Score && Preferred(Clusters[ci], Clusters[bestCluster])))
            {
                bestCluster = ci;
                best = s;
            }
        }

        if (bestCluster >= 0)
        {
            Attach(e, bestCluster, Scorer.Score(e, Clusters[bestCluster], relation, explain: true), relation == DayRelation.SameDay ? MembershipKind.SameDay : MembershipKind.AssumedDate);
            return;
        }

        var c = new ClusterProfile(e, Day);
        Clusters.Add(c);
        memberships.Add([new Membership(e, MembershipKind.Seed, null, null)]);
        var index = Clusters.Count - 1;
        sizePosition.Add(bySize.Count);
        bySize.Add(index);
        Index(index, e, wasPlaceless: true);
    }

    /// <summary>
    /// Between two clusters an event scores the same against: the one more reports tell (when nothing tells them apart, an
    /// account most likely belongs to the attack most outlets report), then the seed first in <see cref="EventOrder"/>
    /// (not the smaller key: keys follow arrival).
    /// </summary>
    public static bool Preferred(ClusterProfile a, ClusterProfile b) =>
        a.ReportCount != b.ReportCount ? a.ReportCount > b.ReportCount : EventOrder.Compare(a.Members[0].Source, b.Members[0].Source) < 0;

    /// <summary>The candidate clusters of an event, in increasing index order (valid until the next call).</summary>
    public List<int> Candidates(EventProfile e)
    {
        // One list, reused: callers iterate it at once and never ask again meanwhile.
        var result = candidates;
        result.Clear();
        if (Clusters.Count <= TopClusters)
        {
            for (var i = 0; i < Clusters.Count; i++)
            {
                result.Add(i);
            }

            return result;
        }

        if (stamp.Length < Clusters.Count)
        {
            Array.Resize(ref stamp, Math.Max(Clusters.Count, stamp.Length * 2));
        }

        generation++;
        void Take(int ci)
        {
            if (stamp[ci] != generation)
            {
                stamp[ci] = generation;
                result.Add(ci);
            }
        }

        foreach (var r in e.Regions)
        {
            if (byRegion.TryGetValue(r, out var list))
            {
                foreach (var ci in list)
                {
                    Take(ci);
                }
            }
        }

        foreach (var f in e.Figures)
        {
            var b = Bucket(f.Value);
            for (var d = -1; d <= 1; d++)
            {
                if (byFigure.TryGetValue((f.Family, f.Kind, b + d), out var list))
                {
                    foreach (var ci in list)
                    {
                        Take(ci);
                    }
                }
            }
        }

        foreach (var ci in placeless)
        {
            Take(ci);
        }

        for (var i = 0; i < TopClusters && i < bySize.Count; i++)
        {
            Take(bySize[i]);
        }

        result.Sort();
        return result;
    }

    /// <summary>The groups of the block's clusters, each with the members <paramref name="attached"/> gives it added (new lists: the block is left as it is).</summary>
    public IEnumerable<Group> Groups(Func<int, List<Membership>?> attached)
    {
        for (var i = 0; i < Clusters.Count; i++)
        {
            var more = attached(i);
            var members = new List<Membership>(memberships[i].Count + (more?.Count ?? 0));
            members.AddRange(memberships[i]);
            if (more is not null)
            {
                members.AddRange(more);
            }

            yield return new Group(Day, members);
        }
    }

    private void Attach(EventProfile e, int cluster, Scored why, MembershipKind kind)
    {
        var c = Clusters[cluster];
        var wasPlaceless = !c.HasPlaces;
        c.Add(e);
        memberships[cluster].Add(new Membership(e, kind, why, null));
        Index(cluster, e, wasPlaceless);

        // Keep bySize ordered as Preferred orders clusters (reports descending, then seed): the cluster only grew, so it can only move up.
        var pos = sizePosition[cluster];
        while (pos > 0 && Larger(cluster, bySize[pos - 1]))
        {
            var other = bySize[pos - 1];
            bySize[pos] = other;
            sizePosition[other] = pos;
            pos--;
        }

        bySize[pos] = cluster;
        sizePosition[cluster] = pos;
    }

    private bool Larger(int a, int b) => Preferred(Clusters[a], Clusters[b]);

    private void Index(int cluster, EventProfile e, bool wasPlaceless)
    {
        var c = Clusters[cluster];
        foreach (var r in e.Regions)
        {
            if (c.Regions[r] > 1)
            {
                continue; // an earlier member named it: already indexed
            }

            if (!byRegion.TryGetValue(r, out var list))
            {
                byRegion[r] = list = [];
            }

            list.Add(cluster);
        }

        foreach (var f in e.Figures)
        {
            var key = (f.Family, f.Kind, Bucket(f.Value));
            if (!indexedFigures.Add((cluster, key.Family, key.Kind, key.Item3)))
            {
                continue;
            }

            if (!byFigure.TryGetValue(key, out var list))
            {
                byFigure[key] = list = [];
            }

            list.Add(cluster);
        }

        if (!c.HasPlaces && wasPlaceless)
        {
            placeless.Add(cluster);
        }
        else
        {
            placeless.Remove(cluster);
        }
    }

    /// <summary>Figures within about a quarter of each other fall in the same or a neighbouring bucket.</summary>
    private static int Bucket(int value) => value <= 0 ? -1 : (int)Math.Floor(Math.Log(value) / Math.Log(1.25));
}
