using System.Collections.Immutable;

namespace Sitrep.Merge;

/// <summary>Computes <see cref="MergeWindow"/>s; see <see cref="MergeEngine.Window"/> for the argument.</summary>
internal static class WindowPlanner
{
    /// <summary>How far a change reaches: attacks with homes within this many days of a changed anchor may change.</summary>
    public const int ChangeRadius = 2;

    /// <summary>How far an event's home can be from its anchor.</summary>
    public const int HomeRadius = 1;

    public static MergeWindow Plan(IEnumerable<AnchoredKey> changed, IEnumerable<MergeDecision> decisions, Func<EventKey, DateOnly?> anchorOf)
    {
        var replace = new List<DayRange>();
        var loadAlso = new SortedSet<EventKey>();
        var changedAnchors = new Dictionary<EventKey, List<DateOnly?>>();
        foreach (var c in changed)
        {
            if (!changedAnchors.TryGetValue(c.Key, out var list))
            {
                changedAnchors[c.Key] = list = [];
            }

            list.Add(c.Anchor);
            if (c.Anchor is { } a)
            {
                replace.Add(new DayRange(a.AddDays(-ChangeRadius), a.AddDays(ChangeRadius)));
            }
            else
            {
                loadAlso.Add(c.Key);
            }
        }

        // Components of events linked by joins (every join ever recorded: a later split only makes this conservative).
        var parent = new Dictionary<EventKey, EventKey>();
        EventKey Find(EventKey k)
        {
            var root = k;
            while (parent[root] != root)
            {
                root = parent[root];
            }

            while (parent[k] != root)
            {
                var next = parent[k];
                parent[k] = root;
                k = next;
            }

            return root;
        }

        foreach (var d in decisions)
        {
            if (d.Kind != MergeDecisionKind.Join || d.Other is not { } other)
            {
                continue;
            }

            parent.TryAdd(d.Event, d.Event);
            parent.TryAdd(other, other);
            var ra = Find(d.Event);
            var rb = Find(other);
            if (ra != rb)
            {
                if (rb < ra)
                {
                    (ra, rb) = (rb, ra);
                }

                parent[rb] = ra;
            }
        }

        // Each member's anchors: the store's, and any a change gave (a removed event may be unknown to the store now).
        var components = parent.Keys.GroupBy(Find)
            .Select(g => g.OrderBy(k => k).Select(k => (Key: k, Anchors: AnchorsOf(k))).ToList())
            .ToList();
        List<DateOnly?> AnchorsOf(EventKey k)
        {
            var list = new List<DateOnly?> { anchorOf(k) };
            if (changedAnchors.TryGetValue(k, out var more))
            {
                list.AddRange(more);
            }

            return list;
        }

        var added = new bool[components.Count];
        var current = MergeWindow.Normalize(replace);
        bool grew;
        do
        {
            grew = false;
            for (var i = 0; i < components.Count; i++)
            {
                if (added[i])
                {
                    continue;
                }

                var comp = components[i];
                var touches = comp.Any(m => changedAnchors.ContainsKey(m.Key) || loadAlso.Contains(m.Key)
                        || m.Anchors.Any(a => a is { } day && Intersects(current, day.AddDays(-HomeRadius), day.AddDays(HomeRadius))));
                if (!touches)
                {
                    continue;
                }

                added[i] = true;
                grew = true;
                foreach (var m in comp)
                {
                    var dated = false;
                    foreach (var a in m.Anchors)
                    {
                        if (a is { } day)
                        {
                            replace.Add(new DayRange(day.AddDays(-HomeRadius), day.AddDays(HomeRadius)));
                            dated = true;
                        }
                    }

                    if (!dated)
                    {
                        loadAlso.Add(m.Key);
                    }
                }

                current = MergeWindow.Normalize(replace);
            }
        }
        while (grew);

        var load = MergeWindow.Normalize(current.Select(r => new DayRange(r.First.AddDays(-MergeEngine.LoadRadius), r.Last.AddDays(MergeEngine.LoadRadius))));
        return new MergeWindow(current, load, [.. loadAlso]);
    }

    private static bool Intersects(ImmutableArray<DayRange> ranges, DateOnly first, DateOnly last)
    {
        foreach (var r in ranges)
        {
            if (r.First <= last && first <= r.Last)
            {
                return true;
            }
        }

        return false;
    }
}
