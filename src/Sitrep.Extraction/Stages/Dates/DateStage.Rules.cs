using System.Collections.Immutable;
using System.Globalization;
using Sitrep.Core;
using Sitrep.Extraction.Text;

namespace Sitrep.Extraction.Stages.Dates;

/// <summary>
/// The date rules of <see cref="DateStage"/>, each a small method tried at one token (<see cref="Cursor"/>): it gives
/// the mention and the token after it, or false. Their order is the table <c>Rules</c>.
/// </summary>
public sealed partial class DateStage
{
    /// <summary>Where a rule is tried: the token, the end of its sentence, and the publication date.</summary>
    private readonly record struct Cursor(Document Doc, int I, int End, DateOnly? Published)
    {
        /// <summary>The lowercase word the rule is tried at.</summary>
        public string Word { get; } = Doc.Tokens[I].Lower;

        /// <summary>The lowercase word at <paramref name="k"/>, or "" outside the sentence.</summary>
        public string W(int k) => k < End && k >= 0 ? Doc.Tokens[k].Lower : "";
    }

    private delegate bool TryDate(in Cursor c, out DateMention mention, out int next);

    /// <summary>A rule: its name, its test, and the words it can open on (a class of <see cref="Opening"/> and <paramref name="Opens"/>).</summary>
    private sealed record DateRule(string Name, TryDate Try, Opening OpensOn, params string[] Opens);

    /// <summary>The classes of word a rule can open on, besides its own words.</summary>
    [Flags]
    private enum Opening
    {
        /// <summary>Only the rule's own words.</summary>
        Words = 0,

        /// <summary>A word that starts with a digit: "25", "1st", "2024".</summary>
        Digits = 1,

        /// <summary>A month's name (<c>MonthNumbers</c>).</summary>
        Months = 2,

        /// <summary>A weekday's name, also with "'s" (<c>Weekdays</c>).</summary>
        Weekdays = 4,

        /// <summary>The words that open a bulletin's period (<c>night-span-words.tsv</c>, "from").</summary>
        NightSpanFrom = 8,

        /// <summary>"came", "followed" (<c>sequence-words.tsv</c>, sequence-verb).</summary>
        SequenceVerbs = 16,
    }

    // Periods for totals.
    private static bool Period(in Cursor c, out DateMention mention, out int next)
    {
        var (doc, i, end, w) = (c.Doc, c.I, c.End, c.Word);
        (mention, next) = (null!, c.I + 1);
        if (w == "since" || (w is "so" && c.W(i + 1) == "far") || w == "throughout" || (w is "over" or "in" or "during" && c.W(i + 1) == "the" && c.W(i + 2) is "past" or "last")
            || (w == "this" && c.W(i + 1) is "year" or "month") || (w == "last" && c.W(i + 1) is "year" or "month"))
        {
            if (TryPeriod(doc, i, end, out mention, out next))
            {
                return true;
            }
        }

        return false;
    }

    // dd.mm.yyyy and yyyy-mm-dd; not a page's stamp that opens the text ("date 2025-10-06 Headline…"), which dates
    // the page as its header would and is no cue for the attack (rule page-date-stamp: no mention).
    private static bool NumericDate(in Cursor c, out DateMention mention, out int next)
    {
        var (doc, i, end, t) = (c.Doc, c.I, c.End, c.Doc.Tokens);
        (mention, next) = (null!, c.I + 1);
        if (t[i].Kind == TokenKind.Number && TryParseNumericDate(doc, i, end, out var nd, out var ndEnd) && !IsPageDateStamp(doc, i))
        {
            next = ndEnd;
            mention = Make(doc, i, ndEnd, new EventDate(nd, DatePrecision.Day, "", default), "numeric-date");
            return true;
        }

        return false;
    }

    // "з 18:00 8 грудня до 08:00 9 грудня", "(з 18:00 20 вересня)", "с полуночи до 06:00 4 сентября": a bulletin's
    // reporting period, dated by the morning it ends on (rules night-span, night-from-evening, day-span).
    private static bool NightSpan(in Cursor c, out DateMention mention, out int next)
    {
        var (doc, i, end, published, w) = (c.Doc, c.I, c.End, c.Published, c.Word);
        (mention, next) = (null!, c.I + 1);
        if (NightSpanFrom.Contains(w) && TryNightSpan(doc, i, end, published, out var spanDate, out var spanEnd, out var spanRule))
        {
            next = spanEnd;
            mention = Make(doc, i, next, spanDate, spanRule);
            return true;
        }

        return false;
    }

    // "(on) the night of Sunday to Monday", "the night between Wednesday and Thursday", "night of 14-15 October",
    // "the night of September 21", "on the night of June 2"
    // "(в) ніч на 23 жовтня", "в ночь на 1 октября": the night before that morning
    private static bool NightOnDate(in Cursor c, out DateMention mention, out int next)
    {
        var (doc, i, end, published, w) = (c.Doc, c.I, c.End, c.Published, c.Word);
        (mention, next) = (null!, c.I + 1);
        if (w is "ніч" or "ночь" && c.W(i + 1) is "на" or "проти" or "против" && TryMonthDay(doc, i + 2, end, published, out var cmd, out var cmdEnd, out var cyrillicYear, out _))
        {
            var start = c.W(i - 1) is "в" or "у" ? i - 1 : i;
            next = cmdEnd;
            mention = Make(doc, start, next, Night(cmd), cyrillicYear ? "night-of-date-year" : "night-of-date");
            return true;
        }

        return false;
    }

    private static bool NightOf(in Cursor c, out DateMention mention, out int next)
    {
        var (doc, i, end, published, w) = (c.Doc, c.I, c.End, c.Published, c.Word);
        (mention, next) = (null!, c.I + 1);
        if (w == "night" && c.W(i + 1) is "of" or "between" or "from" or "to" or "into")
        {
            var start = i;
            if (c.W(i - 1) == "the")
            {
                start = i - 1;
            }

            if (c.W(start - 1) is "on" or "in" or "during" or "overnight")
            {
                start--;
            }

            var k = i + 2;
            if (c.W(k) == "last")
            {
                k++;
            }

            if (Weekdays.TryGetValue(c.W(k), out var d1) && c.W(k + 1) is "to" or "and" or "into" or "-")
            {
                var k2 = k + 2;
                if (c.W(k2) == "last")
                {
                    k2++;
                }

                if (Weekdays.TryGetValue(c.W(k2), out var d2))
                {
                    next = k2 + 1;
                    mention = Make(doc, start, next, Night(Weekday(published, d2, false)), "night-of-weekdays");
                    return true;
                }
            }

            if (TryMonthDay(doc, k, end, published, out var md, out var mdEnd, out var hasYear, out var secondDay))
            {
                next = mdEnd;
                var date = secondDay ?? md;
                mention = Make(doc, start, next, Night(date), hasYear ? "night-of-date-year" : "night-of-date");
                return true;
            }

            if (Weekdays.TryGetValue(c.W(k), out var d))
            {
                next = k + 1;
                mention = Make(doc, start, next, Night(Weekday(published, d, false)?.AddDays(1)), "night-of-weekday");
                return true;
            }
        }

        return false;
    }

    // "overnight", "last night", "tonight", "during the night", "at night", "this night", "in the early hours"
    private static bool Overnight(in Cursor c, out DateMention mention, out int next)
    {
        var (doc, i, published, w) = (c.Doc, c.I, c.Published, c.Word);
        (mention, next) = (null!, c.I + 1);
        if (w == "overnight" || (w is "last" or "this" && c.W(i + 1) == "night") || w == "tonight"
            || (w is "during" or "at" or "in" && c.W(i + 1) == "the" && c.W(i + 2) == "night" && c.W(i + 3) is not ("of" or "between" or "from" or "into")) || (w == "at" && c.W(i + 1) == "night")
            || (w == "in" && c.W(i + 1) == "the" && c.W(i + 2) == "early" && c.W(i + 3) == "hours" && c.W(i + 4) != "of"))
        {
            var len = w == "overnight" || w == "tonight" ? 1 : w == "at" && c.W(i + 1) == "night" ? 2 : w is "last" or "this" ? 2 : c.W(i + 2) == "early" ? 4 : 3;
            if (w == "overnight" && (c.W(i + 1) is "on" || Weekdays.ContainsKey(c.W(i + 1))))
            {
                // "overnight on Sunday", "overnight Tuesday": the weekday decides below.
                return false;
            }

            next = i + len;
            mention = Make(doc, i, next, Night(published), "overnight");
            return true;
        }

        return false;
    }

    // Ukrainian and Russian: вночі / ночью, сьогодні / сегодня, вчора / вчера
    private static bool OvernightCyrillic(in Cursor c, out DateMention mention, out int next)
    {
        var (doc, i, published, w) = (c.Doc, c.I, c.Published, c.Word);
        (mention, next) = (null!, c.I + 1);
        // "минулої ночі", "прошедшей ночью", "минувшей ночью", and in the accusative "за минулу ніч", "за прошедшую ночь".
        var pastNight = (IsPastNightWord(w) && c.W(i + 1) is "ночі" or "ночью" or "ночи")
            || (w is "цю" or "минулу" or "эту" or "прошлую" or "прошедшую" or "минувшую" && c.W(i + 1) is "ніч" or "ночь");
        if (w is "вночі" or "уночі" or "ночью" or "ніччю" || pastNight)
        {
            next = pastNight ? i + 2 : i + 1;
            mention = Make(doc, i, next, Night(published), "overnight");
            return true;
        }

        return false;
    }

    private static bool IsPastNightWord(string w) => w is "цієї" or "минулої" or "этой" or "прошлой" or "прошедшей" or "минувшей";

    private static bool TodayCyrillic(in Cursor c, out DateMention mention, out int next)
    {
        var (doc, i, published, w) = (c.Doc, c.I, c.Published, c.Word);
        (mention, next) = (null!, c.I + 1);
        if (w is "сьогодні" or "сегодня")
        {
            next = i + 1;
            mention = Make(doc, i, next, new EventDate(published, DatePrecision.Day, "", default), "today");
            return true;
        }

        return false;
    }

    private static bool YesterdayCyrillic(in Cursor c, out DateMention mention, out int next)
    {
        var (doc, i, published, w) = (c.Doc, c.I, c.Published, c.Word);
        (mention, next) = (null!, c.I + 1);
        if (w is "вчора" or "учора" or "вчера")
        {
            next = i + 1;
            mention = Make(doc, i, next, new EventDate(published?.AddDays(-1), DatePrecision.Day, "", default), "yesterday");
            return true;
        }

        return false;
    }

    // today, this morning/afternoon/evening, yesterday (morning), earlier today
    private static bool Today(in Cursor c, out DateMention mention, out int next)
    {
        var (doc, i, published, w) = (c.Doc, c.I, c.Published, c.Word);
        (mention, next) = (null!, c.I + 1);
        if (w == "today" || (w == "this" && c.W(i + 1) is "morning" or "afternoon" or "evening"))
        {
            next = w == "this" ? i + 2 : i + 1;
            mention = Make(doc, i, next, new EventDate(published, DatePrecision.Day, "", default), "today");
            return true;
        }

        return false;
    }

    private static bool Yesterday(in Cursor c, out DateMention mention, out int next)
    {
        var (doc, i, published, w) = (c.Doc, c.I, c.Published, c.Word);
        (mention, next) = (null!, c.I + 1);
        if (w == "yesterday")
        {
            next = DayParts.Contains(c.W(i + 1)) ? i + 2 : i + 1;
            mention = Make(doc, i, next, new EventDate(published?.AddDays(-1), DatePrecision.Day, "", default), "yesterday");
            return true;
        }

        return false;
    }

    // "a day earlier", "the day before", "the previous day"
    private static bool DayBefore(in Cursor c, out DateMention mention, out int next)
    {
        var (doc, i, w) = (c.Doc, c.I, c.Word);
        (mention, next) = (null!, c.I + 1);
        if ((w is "a" or "one" or "the" && c.W(i + 1) == "day" && c.W(i + 2) is "earlier" or "before" or "prior")
            || (w == "the" && c.W(i + 1) is "previous" or "preceding" && c.W(i + 2) == "day"))
        {
            next = i + 3;
            mention = Make(doc, i, next, new EventDate(null, DatePrecision.Day, "", default), "day-before") with { IsRelative = true, RelativeDays = -1 };
            return true;
        }

        return false;
    }

    // "the following day", "the next morning", "a day later", "three days later": days after the date told before.
    private static bool DayLater(in Cursor c, out DateMention mention, out int next)
    {
        var (doc, i, w) = (c.Doc, c.I, c.Word);
        (mention, next) = (null!, c.I + 1);
        // (words, days): "наступного дня", "на наступний день", "на следующий день", "следующим утром" ("через день" is
        // also "every other day": left out)
        var (words, days) =
            (w == "наступного" && c.W(i + 1) is "дня" or "ранку") || (w == "следующим" && c.W(i + 1) == "утром") ? (2, 1)
            : w == "на" && c.W(i + 1) is "наступний" or "следующий" && c.W(i + 2) == "день" ? (3, 1)
            : NumberWord(w) is int n && n > 1 && c.W(i + 1) == "days" && c.W(i + 2) == "later" ? (3, n)
            : (w == "the" && c.W(i + 1) is "following" or "next" && c.W(i + 2) is "day" or "morning" or "afternoon" or "evening")
              || (w is "a" or "one" && c.W(i + 1) == "day" && c.W(i + 2) == "later") ? (3, 1)
            : (0, 0);
        if (words == 0)
        {
            return false;
        }

        next = i + words;
        mention = Make(doc, i, next, new EventDate(null, DatePrecision.Day, "", default), "day-later") with { IsRelative = true, RelativeDays = days };
        return true;
    }

    // "the strike came hours after Russia launched …", "came on the heels of Kyiv's destruction of a warship": the
    // clause after tells of another, earlier attack, on a day the words do not give.
    private static bool AfterEvent(in Cursor c, out DateMention mention, out int next)
    {
        var (doc, i, end, w) = (c.Doc, c.I, c.End, c.Word);
        (mention, next) = (null!, c.I + 1);
        if (SequenceVerbs.Contains(w))
        {
            var k = i + 1;
            while (k < end && k < i + 4 && SequenceFillers.Contains(c.W(k)))
            {
                k++;
            }

            var link = SequenceLinks.Contains(c.W(k)) ? k + 1
                : c.W(k) is "on" or "in" && c.W(k + 1) == "the" && SequenceLinksOf.Contains(c.W(k + 2)) && c.W(k + 3) == "of" ? k + 4 : -1;
            if (link > 0 && link < end && !StartsDate(doc, link, end) && !(NumberWord(c.W(k - 1)) is not null || c.W(k - 1) is "day" or "days" or "week" or "weeks"))
            {
                next = link;
                mention = Make(doc, i, next, new EventDate(null, DatePrecision.Unknown, "", default), "after-event") with { IsRelative = true };
                return true;
            }
        }

        return false;
    }

    // "the day after an 18-hour bombardment killed 39", "three days after Ukraine destroyed a warship": the clause
    // after it tells of another attack, that many days before (or after) the one the sentence is about.
    private static bool DaysAroundEvent(in Cursor c, out DateMention mention, out int next)
    {
        var (doc, i, end, w) = (c.Doc, c.I, c.End, c.Word);
        (mention, next) = (null!, c.I + 1);
        if (((w is "a" or "the" or "one" && c.W(i + 1) == "day") || (NumberWord(w) is > 1 && c.W(i + 1) == "days") || (w is "a" or "one" && c.W(i + 1) == "week") || (NumberWord(w) is > 1 && c.W(i + 1) == "weeks"))
            && c.W(i + 2) is "after" or "before" && c.W(i + 3) is not ("tomorrow" or "yesterday" or "") && !StartsDate(doc, i + 3, end))
        {
            var days = (NumberWord(w) ?? 1) * (c.W(i + 1).StartsWith("week", StringComparison.Ordinal) ? 7 : 1);
            next = i + 3;
            var after = c.W(i + 2) == "after";
            mention = Make(doc, i, next, new EventDate(null, DatePrecision.Day, "", default), after ? "days-after-event" : "days-before-event") with { IsRelative = true, RelativeDays = after ? -days : days };
            return true;
        }

        return false;
    }

    private static bool DayAfter(in Cursor c, out DateMention mention, out int next)
    {
        var (doc, i, w) = (c.Doc, c.I, c.Word);
        (mention, next) = (null!, c.I + 1);
        if (w == "the" && c.W(i + 1) == "day" && c.W(i + 2) == "after" && c.W(i + 3) is not ("tomorrow" or ""))
        {
            next = i + 3;
            mention = Make(doc, i, next, new EventDate(null, DatePrecision.Day, "", default), "day-after") with { IsRelative = true, RelativeDays = 1 };
            return true;
        }

        return false;
    }

    private static bool DaysAgo(in Cursor c, out DateMention mention, out int next)
    {
        var (doc, i, published) = (c.Doc, c.I, c.Published);
        (mention, next) = (null!, c.I + 1);
        if (NumberWord(c.W(i)) is int nDays && nDays > 0 && c.W(i + 1) is "days" or "day" && c.W(i + 2) is "earlier" or "ago" or "before")
        {
            next = i + 3;
            if (c.W(i + 2) == "ago")
            {
                mention = Make(doc, i, next, new EventDate(published?.AddDays(-nDays), DatePrecision.Day, "", default), "days-ago");
            }
            else
            {
                mention = Make(doc, i, next, new EventDate(null, DatePrecision.Day, "", default), "days-earlier") with { IsRelative = true, RelativeDays = -nDays };
            }

            return true;
        }

        return false;
    }

    // Weeks: "earlier this week", "this week", "last week", "two weeks ago"
    private static bool Week(in Cursor c, out DateMention mention, out int next)
    {
        var (doc, i, published, w) = (c.Doc, c.I, c.Published, c.Word);
        (mention, next) = (null!, c.I + 1);
        if ((w == "this" || w == "last") && c.W(i + 1) == "week")
        {
            var start = c.W(i - 1) == "earlier" ? i - 1 : i;
            next = i + 2;
            var weekStart = published is { } p ? StartOfWeek(p).AddDays(w == "last" ? -7 : 0) : (DateOnly?)null;
            mention = Make(doc, start, next, new EventDate(null, DatePrecision.Week, "", default) { Start = weekStart }, w + "-week");
            return true;
        }

        return false;
    }

    private static bool WeeksAgo(in Cursor c, out DateMention mention, out int next)
    {
        var (doc, i, w) = (c.Doc, c.I, c.Word);
        (mention, next) = (null!, c.I + 1);
        if ((NumberWord(w) is int nWeeks && c.W(i + 1) is "weeks" or "week" && c.W(i + 2) == "ago") || (w == "a" && c.W(i + 1) == "week" && c.W(i + 2) == "ago"))
        {
            var start = c.W(i - 1) is "over" or "about" ? i - 1 : i;
            start = c.W(start - 1) == "just" ? start - 1 : start;
            next = i + 3;
            mention = Make(doc, start, next, new EventDate(null, DatePrecision.Week, "", default), "weeks-ago");
            return true;
        }

        return false;
    }

    // "On the 26th", "said on the 3rd": a day of the month, the latest on or before publication.
    private static bool DayOfMonthRule(in Cursor c, out DateMention mention, out int next)
    {
        var (doc, i, end, published, t, w) = (c.Doc, c.I, c.End, c.Published, c.Doc.Tokens, c.Word);
        (mention, next) = (null!, c.I + 1);
        if (w == "the" && c.W(i - 1) is "on" or "of" or "by" && TryOrdinalDay(c.W(i + 1), out var dom) && !MonthNumbers.ContainsKey(c.W(i + 2)) && c.W(i + 2) != "of"
            && (i + 2 >= end || !t[i + 2].IsWord || c.W(i + 2) is "local" or "at" or "in" or "when" or "and" or "that" or "morning" or "afternoon" or "evening" or "night"))
        {
            next = i + 2;
            mention = Make(doc, i - 1, next, new EventDate(DayOfMonth(published, dom), DatePrecision.Day, "", default), "day-of-month");
            return true;
        }

        return false;
    }

    // "on the same day", "that same day", "the attack that day": the day the report told last.
    private static bool SameDay(in Cursor c, out DateMention mention, out int next)
    {
        var (doc, i, w) = (c.Doc, c.I, c.Word);
        (mention, next) = (null!, c.I + 1);
        if ((w == "the" && c.W(i + 1) == "same" && c.W(i + 2) == "day") || (w == "that" && c.W(i + 1) == "same" && c.W(i + 2) == "day") || (w == "that" && c.W(i + 1) == "day"))
        {
            var start = c.W(i - 1) == "on" ? i - 1 : i;
            next = c.W(i + 1) == "day" ? i + 2 : i + 3;
            mention = Make(doc, start, next, new EventDate(null, DatePrecision.Day, "", default), "same-day") with { IsRelative = true, RelativeDays = 0 };
            return true;
        }

        return false;
    }

    // Month-day, with optional weekday/part of day before: "On April 30", "Nov. 6", "25 October", "December 29, 2023"
    private static bool MonthDay(in Cursor c, out DateMention mention, out int next)
    {
        var (doc, i, end, published) = (c.Doc, c.I, c.End, c.Published);
        (mention, next) = (null!, c.I + 1);
        if (TryMonthDay(doc, i, end, published, out var date2, out var end2, out var year2, out _))
        {
            var start = i;
            while (start > 0 && (c.W(start - 1) is "on" or "of" or "early" or "late" or "the" or "evening" or "morning" or "afternoon" || (c.W(start - 1) == "," && Weekdays.ContainsKey(c.W(start - 2))) || Weekdays.ContainsKey(c.W(start - 1))))
            {
                start--;
            }

            next = end2;
            mention = Make(doc, Math.Max(start, i - 5), next, new EventDate(date2, DatePrecision.Day, "", default), year2 ? "month-day-year" : "month-day");
            return true;
        }

        return false;
    }

    // Month alone: "in March", "in late August", "in January 2024"
    private static bool Month(in Cursor c, out DateMention mention, out int next)
    {
        var (doc, i, end, t, w) = (c.Doc, c.I, c.End, c.Doc.Tokens, c.Word);
        (mention, next) = (null!, c.I + 1);
        if (w is "in" && (MonthNumbers.ContainsKey(c.W(i + 1)) || (c.W(i + 1) is "late" or "early" or "mid" && MonthNumbers.ContainsKey(c.W(i + 2)))) && c.W(i + 1) != "may")
        {
            var mIdx = MonthNumbers.ContainsKey(c.W(i + 1)) ? i + 1 : i + 2;
            next = mIdx + 1;
            if (t.Count > next && next < end && t[next].Kind == TokenKind.Number && t[next].Lower.Length == 4)
            {
                next++;
            }

            mention = Make(doc, i, next, new EventDate(null, DatePrecision.Month, "", default), "month");
            return true;
        }

        return false;
    }

    // Weekdays: "early Thursday", "on Sunday", "Thursday's", "last Friday", "on Tuesday afternoon", "overnight on Sunday"
    // "Tuesday's strike": the possessive is one token.
    private static bool WeekdayRule(in Cursor c, out DateMention mention, out int next)
    {
        var (doc, i, published, w) = (c.Doc, c.I, c.Published, c.Word);
        (mention, next) = (null!, c.I + 1);
        var weekdayWord = w.EndsWith("'s", StringComparison.Ordinal) ? w[..^2] : w;
        if (Weekdays.TryGetValue(weekdayWord, out var day) && weekdayWord.Length > 3 && (doc.Tokens[i].IsCapitalized(doc.Text) || TextLanguage.StartsCyrillic(w)))
        {
            var start = i;
            var last = false;
            while (start > 0 && c.W(start - 1) is "on" or "early" or "late" or "last" or "overnight" or "since" or "until" or "by" or "from")
            {
                if (c.W(start - 1) == "last")
                {
                    last = true;
                }

                if (c.W(start - 1) is "since" or "until" or "by")
                {
                    break;
                }

                start--;
            }

            next = i + 1;
            if (c.W(next) == "'" && c.W(next + 1) == "s")
            {
                next += 2;
            }
            else if (c.W(next) == "'s")
            {
                next++;
            }

            var part = c.W(next);
            var isNight = part == "night" || c.W(start) == "overnight";
            if (DayParts.Contains(part))
            {
                next++;
            }

            var resolved = Weekday(published, day, last);
            mention = Make(doc, start, next, isNight ? Night(resolved) with { } : new EventDate(resolved, DatePrecision.Day, "", default), last ? "last-weekday" : "weekday");
            return true;
        }

        return false;
    }
}
