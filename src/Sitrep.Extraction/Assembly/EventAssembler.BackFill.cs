using System.Collections.Immutable;
using Sitrep.Core;

namespace Sitrep.Extraction.Assembly;

/// <summary>An event built from a draft, with the indexes of the sentences it was built from and whether it was told in passing.</summary>
internal readonly record struct BuiltEvent(ExtractedEvent Event, ImmutableArray<int> Sentences, bool Passing);

/// <summary>Step 6, back-fill: what one event lacks and the report's other events tell.</summary>
public sealed partial class EventAssembler
{
    /// <summary>
    /// Gives an event with no clue to its attacker an attacker, in order: rule <c>attacker-of-sibling</c>, the
    /// attacker of an event its sentence also tells of ("the toll of the Russian attack on December 29 …, and that of
    /// the strikes on the night of …"; not for an attack told in passing); rule <c>attacker-of-report</c>, when every
    /// other attack the report tells is by one side, that side ("Separately, the mayor reported a drone attack" in a
    /// report of Russian strikes; strikes only, not aggregates). The country attacked follows when unknown.
    /// </summary>
    internal static ImmutableArray<ExtractedEvent> BackFill(IReadOnlyList<BuiltEvent> built)
    {
        var events = built.Select(x => x.Event).ToArray();
        for (var k = 0; k < events.Length; k++)
        {
            var ev = events[k];
            if (ev.Attacker != Side.Unknown || built[k].Passing)
            {
                continue;
            }

            var mine = built[k].Sentences;
            for (var o = 0; o < events.Length; o++)
            {
                if (o != k && events[o].Attacker != Side.Unknown && built[o].Sentences.Any(mine.Contains))
                {
                    events[k] = ev with { Attacker = events[o].Attacker, TargetCountry = ev.TargetCountry == Country.Other ? events[o].TargetCountry : ev.TargetCountry };
                    break;
                }
            }
        }

        var sides = events.Select(x => x.Attacker).Where(a => a != Side.Unknown).Distinct().ToList();
        if (sides.Count == 1)
        {
            for (var k = 0; k < events.Length; k++)
            {
                var ev = events[k];
                if (ev.Attacker == Side.Unknown && ev.Kind == EventKind.Strike)
                {
                    events[k] = ev with { Attacker = sides[0], TargetCountry = ev.TargetCountry == Country.Other ? (sides[0] == Side.Russia ? Country.Ukraine : Country.Russia) : ev.TargetCountry };
                }
            }
        }

        return [.. events];
    }
}

/// <summary>What event assembly decided for one unit: see <see cref="EventAssembler.Explain"/>.</summary>
internal sealed record UnitDecision(string Text, SentenceRole Role, string Reading, string? Grouping, int Event);
