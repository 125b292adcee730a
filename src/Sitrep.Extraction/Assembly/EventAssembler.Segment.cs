using System.Collections.Immutable;
using Sitrep.Core;
using Sitrep.Extraction.Text;

namespace Sitrep.Extraction.Assembly;

/// <summary>
/// Step 1, segment: the units event assembly groups are the sentences, a sentence that tells two attacks cut in two
/// (at a second day, a clause joined by "while" or a semicolon, an attack told in passing, a "separate" clause).
/// </summary>
public sealed partial class EventAssembler
{
    /// <summary>
    /// Sentences, with a sentence that dates two attacks cut in two at the second date: "the toll of the attack
    /// on December 29 rose to 33, and that of the strikes on the night of Sunday to Monday to five".
    /// A date that anchors a relative one ("the day after … December 29") does not cut.
    /// </summary>
    internal static List<SentenceMention> Segment(Document doc, ImmutableArray<SentenceMention> sentences, ImmutableArray<DateMention> dates, IReadOnlyList<int> counts)
    {
        var units = new List<SentenceMention>(sentences.Length + 4);
        var cues = CuesOf(doc);
        var own = new List<DateMention>();
        var strong = new List<DateMention>();
        var cuts = new List<int>();
        var di = 0;
        foreach (var s in sentences)
        {
            own.Clear();
            strong.Clear();
            cuts.Clear();
            while (di < dates.Length && dates[di].Span.Start < s.Span.End)
            {
                if (dates[di].Span.Start >= s.Span.Start)
                {
                    own.Add(dates[di]);
                }

                di++;
            }

            var relative = false;
            foreach (var d in own)
            {
                relative |= d.IsRelative;
            }

            if (!relative) // else the anchor of "a day earlier" belongs with it
            {
                foreach (var d in own)
                {
                    if (!d.IsPeriod && d.Date.Precision is DatePrecision.Day or DatePrecision.Night && (d.Date.Date is not null || d.Rule is "month-day" or "night-of-date" or "weekday" or "last-weekday")
                        && !IsDateline(doc, s, d) && !IsReportDate(doc, s, d))
                    {
                        strong.Add(d);
                    }
                }
            }

            // "…killed by shelling in the Kursk region, while three people were injured in a new drone attack in …":
            // clauses joined by "while" or a semicolon may tell two attacks.
            for (var k = s.FirstToken + 3; k < s.EndToken - 3; k++)
            {
                if (doc.Tokens[k].Lower == ";" || (doc.Tokens[k].Lower == "while" && doc.Tokens[k - 1].Lower == ","))
                {
                    cuts.Add(k + 1);
                }
            }

            // "…, which took place the day after an 18-hour bombardment killed 39": from "the day after" on, the
            // clause tells of another attack; at the head of a sentence it runs to the first comma.
            foreach (var d in own)
            {
                if (!IsPassingDate(d))
                {
                    continue;
                }

                if (d.TokenIndex > s.FirstToken + 1)
                {
                    cuts.Add(d.TokenIndex);
                    continue;
                }

                for (var k = d.TokenIndex + 4; k < s.EndToken - 2; k++)
                {
                    if (doc.Tokens[k].Lower == ",")
                    {
                        cuts.Add(k + 1);
                        break;
                    }
                }
            }

            // "A man died when a missile struck a home late Friday, and a boy was killed in a separate incident in the
            // Bryansk region": the clause that says "separate" is another attack.
            for (var k = s.FirstToken + 3; k < s.EndToken - 1; k++)
            {
                if ((cues[k] & Cue.Separate) == 0 || !AnyCue(cues, k + 1, k + 1 + Math.Min(3, s.EndToken - k - 1), Cue.AttackNoun))
                {
                    continue;
                }

                for (var c = k - 1; c > s.FirstToken + 2; c--)
                {
                    if (doc.Tokens[c].Lower == "," && doc.Lower(c + 1) is "and" or "while" or "but" or "as")
                    {
                        cuts.Add(c + 1);
                        break;
                    }
                }
            }

            // Two days: cut at the coordinator when each side has its figures ("14 drones on Tuesday night and 11 on
            // Wednesday night"), else at the second day when it is a few words on.
            for (var k = 1; k < strong.Count; k++)
            {
                if (SameDay(strong[k], strong[k - 1]))
                {
                    continue;
                }

                if (DaysOwnFigures(doc, s, strong[k - 1], strong[k], counts) is { } coordinator)
                {
                    cuts.Add(coordinator);
                }
                else if (strong[k].TokenIndex - strong[k - 1].TokenIndex > 4)
                {
                    cuts.Add(strong[k].TokenIndex);
                }
            }

            if (cuts.Count == 0)
            {
                units.Add(s);
                continue;
            }

            cuts.Sort();
            cuts.Add(s.EndToken);

            var first = s.FirstToken;
            foreach (var cut in cuts)
            {
                var end = cut;
                if (end > first)
                {
                    units.Add(s with { Span = new TextSpan(doc.Tokens[first].Start, doc.Tokens[end - 1].End), FirstToken = first, EndToken = end });
                }

                first = cut;
            }
        }

        return units;
    }

    private static readonly FrozenWords Coordinators = CueWords("coordinator");

    /// <summary>
    /// Rule <c>days-own-figures</c>: two days a few words apart, joined by a coordinator ("12 drones on Friday and 9
    /// on Saturday", "launched 12 drones on Friday, and on Saturday 9", "у п'ятницю 12, а в суботу 9"), each with a
    /// figure or toll on its side: the token of the first coordinator after the first day, where the sentence is cut;
    /// null when the days share their figures ("30 drones on Friday and Saturday").
    /// </summary>
    private static int? DaysOwnFigures(Document doc, SentenceMention s, DateMention first, DateMention second, IReadOnlyList<int> counts)
    {
        var k = first.TokenIndex;
        while (k < second.TokenIndex && doc.Tokens[k].Start < first.Span.End)
        {
            k++;
        }

        var cues = CuesOf(doc);
        while (k < second.TokenIndex && (cues[k] & Cue.Coordinator) == 0)
        {
            k++;
        }

        if (k >= second.TokenIndex)
        {
            return null;
        }

        var cut = doc.Tokens[k].Start;
        var before = false;
        var after = false;
        foreach (var at in counts)
        {
            before |= at >= s.Span.Start && at < cut;
            after |= at >= cut && at < s.Span.End;
        }

        return before && after ? k : null;
    }
}
