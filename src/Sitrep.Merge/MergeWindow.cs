using System.Collections.Immutable;

namespace Sitrep.Merge;

/// <summary>
/// What a windowed recompute must load and what it may replace, after some events were added, removed or changed
/// (or decisions made). Immutable; made by <see cref="MergeEngine.Window"/>.
/// <para>The store's loop: (1) load every stored event whose anchor lies in <see cref="Load"/>, plus the events
/// named in <see cref="LoadAlso"/>, and every decision; (2) run <see cref="MergeEngine.Merge"/> on them; (3) delete
/// the stored attacks that <see cref="Owns(DateOnly?, IEnumerable{EventKey})"/> owns and store
/// <see cref="MergeResult.Within"/> in their place (through <see cref="AttackIdentity"/> to keep ids). Attacks outside
/// the window are left as they are: the engine guarantees they are exactly what a rebuild of the whole ledger would
/// give.</para>
/// </summary>
/// <param name="Replace">Disjoint, sorted ranges of attack homes (<see cref="Attack.Home"/>) whose attacks may change.</param>
/// <param name="Load">Disjoint, sorted ranges of event anchors to load: <see cref="Replace"/> widened by <see cref="MergeEngine.LoadRadius"/> days each side.</param>
/// <param name="LoadAlso">Events to load besides those in <see cref="Load"/>: events with no anchor that a changed event
/// or a decision ties to the window, and decision-linked events anchored outside it. Sorted, distinct.</param>
public sealed record MergeWindow(ImmutableArray<DayRange> Replace, ImmutableArray<DayRange> Load, ImmutableArray<EventKey> LoadAlso)
{
    /// <summary>Nothing to recompute.</summary>
    public static MergeWindow Empty { get; } = new([], [], []);

    /// <summary>True when nothing needs recomputing.</summary>
    public bool IsEmpty => Replace.IsDefaultOrEmpty && LoadAlso.IsDefaultOrEmpty;

    /// <summary>True when the anchor day is to be loaded.</summary>
    public bool Loads(DateOnly anchor) => InAny(Load, anchor);

    /// <summary>
    /// True when the window owns an attack with this home and these members: its home lies in <see cref="Replace"/>,
    /// or it has no home and one of its members is in <see cref="LoadAlso"/>. The store deletes the stored attacks
    /// the window owns and stores the computed ones it owns.
    /// </summary>
    public bool Owns(DateOnly? home, IEnumerable<EventKey> members)
    {
        ArgumentNullException.ThrowIfNull(members);
        if (home is { } h)
        {
            return InAny(Replace, h);
        }

        return !LoadAlso.IsDefaultOrEmpty && members.Any(m => LoadAlso.BinarySearch(m) >= 0);
    }

    /// <summary>True when the window owns the attack (see <see cref="Owns(DateOnly?, IEnumerable{EventKey})"/>).</summary>
    public bool Owns(Attack attack)
    {
        ArgumentNullException.ThrowIfNull(attack);
        return Owns(attack.Home, attack.Members.Select(m => m.Event));
    }

    internal static bool InAny(ImmutableArray<DayRange> ranges, DateOnly day)
    {
        if (ranges.IsDefaultOrEmpty)
        {
            return false;
        }

        // Ranges are sorted and disjoint: binary search on First.
        int lo = 0, hi = ranges.Length - 1;
        while (lo <= hi)
        {
            var mid = (lo + hi) / 2;
            if (day < ranges[mid].First)
            {
                hi = mid - 1;
            }
            else if (day > ranges[mid].Last)
            {
                lo = mid + 1;
            }
            else
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Sorts and fuses ranges that overlap or touch.</summary>
    internal static ImmutableArray<DayRange> Normalize(IEnumerable<DayRange> ranges)
    {
        var sorted = ranges.OrderBy(r => r.First).ThenBy(r => r.Last).ToList();
        var result = ImmutableArray.CreateBuilder<DayRange>();
        foreach (var r in sorted)
        {
            if (result.Count > 0 && r.First.DayNumber <= result[^1].Last.DayNumber + 1)
            {
                var last = result[^1];
                result[^1] = new DayRange(last.First, r.Last > last.Last ? r.Last : last.Last);
            }
            else
            {
                result.Add(r);
            }
        }

        return result.ToImmutable();
    }
}
