using Sitrep.Core;

namespace Sitrep.Merge;

/// <summary>
/// What one <see cref="MergeEngine.Partition"/> computed that the next may reuse: each event's profile and the step-1
/// clusters of each (anchor day, target country) block. A later partition reuses a profile only for the very same
/// event object of an equal report, and a block only when it holds the very same profiles in the same order, so the
/// result is exactly what a partition without the memo gives; the memo only saves the scoring. A store keeps one
/// across its writes (consecutive windows share most of their days). Thread-safe: a partition takes what the last one
/// kept (a partition running meanwhile gets nothing) and keeps its own in its place.
/// </summary>
public sealed class MergeMemo
{
    private State? state;

    internal State? Take() => Interlocked.Exchange(ref state, null);

    internal void Keep(Dictionary<EventKey, EventProfile> profiles, SortedDictionary<(DateOnly Day, Country Target), Block> blocks) =>
        Volatile.Write(ref state, new State(profiles, blocks));

    internal sealed class State(Dictionary<EventKey, EventProfile> profiles, SortedDictionary<(DateOnly Day, Country Target), Block> blocks)
    {
        /// <summary>The kept profile of this event, when it was made from the same event object and an equal report.</summary>
        public EventProfile? Profile(MergeEvent e) =>
            profiles.TryGetValue(e.Key, out var p) && ReferenceEquals(p.Source.Event, e.Event) && p.Source.Report == e.Report ? p : null;

        /// <summary>The kept step-1 block of this day and target, when it placed exactly these profiles in this order.</summary>
        public Block? Block((DateOnly Day, Country Target) key, List<EventProfile> events)
        {
            if (!blocks.TryGetValue(key, out var b) || b.Events.Count != events.Count)
            {
                return null;
            }

            for (var i = 0; i < events.Count; i++)
            {
                if (!ReferenceEquals(b.Events[i], events[i]))
                {
                    return null;
                }
            }

            return b;
        }
    }
}
