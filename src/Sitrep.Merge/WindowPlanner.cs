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
        foreach (var c in changed)
        {
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

        var components = parent.Keys.GroupBy(Find).Select(g => g.OrderBy(k => k).Select(k => (Key: k, Anchor: anchorOf(k))).ToList()).ToList();
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
                var touches = comp.Any(m => m.Anchor is { } a
                        ? Intersects(current, a.AddDays(-HomeRadius), a.AddDays(HomeRadius))
                        : loadAlso.Contains(m.Key));
                if (!touches)
                {
                    continue;
                }

                added[i] = true;
                grew = true;
                foreach (var m in comp)
                {
                    if (m.Anchor is { } a)
                    {
                        replace.Add(new DayRange(a.AddDays(-HomeRadius), a.AddDays(HomeRadius)));
                    }
                    else
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
