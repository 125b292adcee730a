using System.Collections.Immutable;
using Sitrep.Core;
using Sitrep.Extraction.Text;
using Sitrep.Geo;

namespace Sitrep.Extraction.Assembly;

/// <summary>Which date a sentence gives its attack, and when two dates are two days.</summary>
public sealed partial class EventAssembler
{
    /// <summary>A date splits off a new event when it names a day: resolved, or a month-day even without a year.</summary>
    private static bool Splits(DateMention d) =>
        d.Date.Date is not null || d.Rule is "month-day" or "night-of-date" or "weeks-ago" or "last-week" or "this-week" or "last-weekday" or "weekday" or "days-after-event" or "days-before-event" or "after-event";

    /// <summary>"the day after …", "three days after …": the date of an attack told in passing, beside the one the sentence is about.</summary>
    private static bool IsPassingDate(DateMention? d) => d?.Rule is "days-after-event" or "days-before-event" or "after-event";

    private static bool SameDay(DateMention? a, DateMention? b)
    {
        if (a is null || b is null)
        {
            return a is null && b is null;
        }

        if (a.Date.Date is { } x && b.Date.Date is { } y)
        {
            return x == y;
        }

        if (a.Date.Date is null && b.Date.Date is null)
        {
            // Without a publication date, "early Wednesday" and "on Tuesday" are still two days.
            if (a.Rule is "weekday" or "last-weekday" && b.Rule is "weekday" or "last-weekday"
                && Stages.Dates.DateStage.WeekdayIn(a.Date.Text) is { } wa && Stages.Dates.DateStage.WeekdayIn(b.Date.Text) is { } wb)
            {
                return wa == wb;
            }

            return !Splits(a) || !Splits(b) || a.Date.Text.Equals(b.Date.Text, StringComparison.OrdinalIgnoreCase);
        }

        return false;
    }

    /// <summary>
    /// The date of the attack a sentence speaks of: a date next to a reporting verb ("said on Saturday") is
    /// the report's day, used only when nothing else dates the sentence.
    /// </summary>
    private static DateMention? ChooseDate(Document doc, SentenceMention s, List<DateMention> dates, out DateMention? weak)
    {
        weak = null;
        DateMention? best = null;
        var bestScore = int.MinValue;
        foreach (var d in dates)
        {
            if (d.IsPeriod)
            {
                continue;
            }

            var score = d.Rule switch
            {
                "night-of-weekdays" or "night-of-date" or "night-of-date-year" or "night-of-weekday" => 6,
                "month-day" or "month-day-year" or "numeric-date" or "day-of-month" => 5,
                "same-day" => 4,
                "weekday" or "last-weekday" => 4,
                "overnight" => 4,
                "day-before" or "day-after" or "day-later" or "days-after-date" or "days-earlier" or "days-after-event" or "days-before-event" or "after-event" => 6,
                "days-ago" or "yesterday" => 4,
                "today" => 2,
                _ => 1,
            };
            if (IsReportDate(doc, s, d))
            {
                score -= 10;
            }

            if (IsDateline(doc, s, d))
            {
                score -= 10;
            }

            if (doc.Lower(d.TokenIndex) is "on" or "in" or "during" && d.TokenIndex > s.FirstToken && score > 0)
            {
                score += 1; // never lifts a report's own day ("said on March 16") over the line
            }

            if (score > bestScore)
            {
                best = d;
                bestScore = score;
            }
        }

        // A dateline or a report's own day never dates an attack; a report's day may date the lead weakly.
        if (bestScore <= -5)
        {
            weak = best is not null && !IsDateline(doc, s, best) && best.Date.Date is not null ? best : null;
            return null;
        }

        return best;
    }

    /// <summary>"KHARKIV, UKRAINE, May 1 — On April 30, …", "15:06 30.07.2025": when the report was filed.</summary>
    private static bool IsDateline(Document doc, SentenceMention s, DateMention d)
    {
        var tokens = doc.Tokens;
        var endToken = d.TokenIndex;
        while (endToken < s.EndToken && tokens[endToken].End <= d.Span.End)
        {
            endToken++;
        }

        // "TEHRAN, Mar. 11 (MNA) –": the agency's name in brackets may stand before the dash.
        if (endToken + 2 < s.EndToken && tokens[endToken].Lower == "(")
        {
            var close = endToken + 1;
            while (close < s.EndToken && close < endToken + 5 && tokens[close].Lower != ")")
            {
                close++;
            }

            if (close + 1 < s.EndToken && tokens[close].Lower == ")" && tokens[close + 1].Lower == "-")
            {
                return true;
            }
        }

        if (endToken < s.EndToken && tokens[endToken].Lower is "-" or "/" or "|" && tokens[endToken].Lower != "/")
        {
            return true;
        }

        // "15:06 30.07.2025" before a headline or a byline stamps the page; "On 19.01.2026 Russian drones…" (after a
        // preposition) and "19.01.2026 ворог атакував…" (running on in lowercase) open the sentence's own clause.
        if (d.Rule != "numeric-date" || d.TokenIndex > s.FirstToken + 3)
        {
            return false;
        }

        var opensClause = (d.TokenIndex > s.FirstToken && tokens[d.TokenIndex - 1].Lower is "on" or "in" or "у" or "в" or "во")
            || (endToken < s.EndToken && tokens[endToken].Kind == TokenKind.Word && char.IsLower(doc.Text[tokens[endToken].Start]));
        return !opensClause;
    }

    private static bool IsReportDate(Document doc, SentenceMention s, DateMention d)
    {
        var tokens = doc.Tokens;
        var k = d.TokenIndex - 1;
        var steps = 0;
        while (k >= s.FirstToken && steps < 3)
        {
            var w = tokens[k].Lower;
            if (w is "said" or "says" or "announced" or "reported" or "told" or "vowed" or "wrote" or "stated" or "claimed" or "confirmed" or "added" or "posted" or "warned")
            {
                return true;
            }

            if (w is "on" or "early" or "late" or "in" or "a" or "statement" or "post" or "telegram" or "briefing")
            {
                k--;
                steps++;
                continue;
            }

            break;
        }

        // "Putin on Sunday vowed", "the ministry said Thursday"
        var after = d.TokenIndex;
        while (after < s.EndToken && tokens[after].End <= d.Span.End)
        {
            after++;
        }

        if (after < s.EndToken && tokens[after].Lower is "said" or "says" or "vowed" or "announced" or "reported" or "told" or "wrote" or "claimed" or "warned" or "stated" or "accused" or "confirmed"
            && !(after + 2 < s.EndToken && tokens[after + 1].Lower == "the" && tokens[after + 2].Lower == "lives"))
        {
            return true; // "Putin on Sunday vowed", but not "the attack early Wednesday claimed the lives of seven"
        }

        return d.Rule == "today" && tokens.Skip(s.FirstToken).Take(s.EndToken - s.FirstToken).Any(t => t.Lower is "announced" or "said" or "reported") && doc.Lower(d.TokenIndex - 1) != "this";
    }

    /// <summary>
    /// Rule <c>overnight-of-story-day</c>: "overnight" with nothing to anchor it is the night before the publication
    /// day; when the report has already dated its story to the day before ("The two governments on Wednesday made
    /// conflicting claims …" in a report filed on Thursday), its "overnight attacks" are that day's night.
    /// </summary>
    private static DateMention? OvernightOfStoryDay(DateMention? date, Draft lead)
    {
        if (date is not { Rule: "overnight", Date.Date: { } night } || lead.DateIsWeak || lead.Date is not { Rule: not "overnight", Date.Date: { } story })
        {
            return date;
        }

        return story.AddDays(1) == night ? date with { Date = date.Date with { Date = story } } : date;
    }

    /// <summary>Two dates within three days of each other (or either unresolved): a report's day and its attack's.</summary>
    private static bool Near(DateMention? a, DateMention? b) =>
        a?.Date.Date is not { } x || b?.Date.Date is not { } y || Math.Abs(x.DayNumber - y.DayNumber) <= 3;
}
