using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Globalization;
using Sitrep.Core;
using Sitrep.Extraction.Stages.Numbers;
using Sitrep.Extraction.Text;

namespace Sitrep.Extraction.Stages.Dates;

/// <summary>
/// Finds date expressions and resolves them against the article's publication date (never the clock):
/// "overnight", "early Thursday", "on the night of Sunday to Monday", "a day earlier", "last week",
/// "December 29", "25 October 2024", "30.07.2025". A night resolves to its morning day. Weekdays resolve to
/// the latest such day on or before publication; month-days to the latest such date. Without a publication
/// date, only expressions that carry their own year resolve.
/// </summary>
public sealed partial class DateStage : IStage
{
    private static readonly Dictionary<string, DayOfWeek> Weekdays = new(StringComparer.Ordinal)
    {
        ["monday"] = DayOfWeek.Monday, ["tuesday"] = DayOfWeek.Tuesday, ["wednesday"] = DayOfWeek.Wednesday,
        ["thursday"] = DayOfWeek.Thursday, ["friday"] = DayOfWeek.Friday, ["saturday"] = DayOfWeek.Saturday,
        ["sunday"] = DayOfWeek.Sunday, ["mon"] = DayOfWeek.Monday, ["tue"] = DayOfWeek.Tuesday, ["tues"] = DayOfWeek.Tuesday,
        ["wed"] = DayOfWeek.Wednesday, ["thu"] = DayOfWeek.Thursday, ["thur"] = DayOfWeek.Thursday, ["thurs"] = DayOfWeek.Thursday,
        ["fri"] = DayOfWeek.Friday, ["sat"] = DayOfWeek.Saturday, ["sun"] = DayOfWeek.Sunday,
        ["понеділок"] = DayOfWeek.Monday, ["вівторок"] = DayOfWeek.Tuesday, ["середу"] = DayOfWeek.Wednesday, ["середа"] = DayOfWeek.Wednesday,
        ["четвер"] = DayOfWeek.Thursday, ["п'ятницю"] = DayOfWeek.Friday, ["п'ятниця"] = DayOfWeek.Friday, ["суботу"] = DayOfWeek.Saturday,
        ["субота"] = DayOfWeek.Saturday, ["неділю"] = DayOfWeek.Sunday, ["неділя"] = DayOfWeek.Sunday,
        ["понедельник"] = DayOfWeek.Monday, ["вторник"] = DayOfWeek.Tuesday, ["среду"] = DayOfWeek.Wednesday, ["среда"] = DayOfWeek.Wednesday,
        ["четверг"] = DayOfWeek.Thursday, ["пятницу"] = DayOfWeek.Friday, ["пятница"] = DayOfWeek.Friday, ["субботу"] = DayOfWeek.Saturday,
        ["суббота"] = DayOfWeek.Saturday, ["воскресенье"] = DayOfWeek.Sunday,
    };

    private static readonly Dictionary<string, int> MonthNumbers = new(StringComparer.Ordinal)
    {
        ["january"] = 1, ["jan"] = 1, ["february"] = 2, ["feb"] = 2, ["march"] = 3, ["mar"] = 3, ["april"] = 4, ["apr"] = 4,
        ["may"] = 5, ["june"] = 6, ["jun"] = 6, ["july"] = 7, ["jul"] = 7, ["august"] = 8, ["aug"] = 8, ["september"] = 9,
        ["sep"] = 9, ["sept"] = 9, ["october"] = 10, ["oct"] = 10, ["november"] = 11, ["nov"] = 11, ["december"] = 12, ["dec"] = 12,
        ["січня"] = 1, ["лютого"] = 2, ["березня"] = 3, ["квітня"] = 4, ["травня"] = 5, ["червня"] = 6, ["липня"] = 7, ["серпня"] = 8,
        ["вересня"] = 9, ["жовтня"] = 10, ["листопада"] = 11, ["грудня"] = 12,
        ["января"] = 1, ["февраля"] = 2, ["марта"] = 3, ["апреля"] = 4, ["мая"] = 5, ["июня"] = 6, ["июля"] = 7, ["августа"] = 8,
        ["сентября"] = 9, ["октября"] = 10, ["ноября"] = 11, ["декабря"] = 12,
    };

    private static readonly IReadOnlyList<string[]> SequenceRows = LexiconFile.Rows("sequence-words.tsv");
    private static readonly FrozenWords SequenceVerbs = FrozenWords.Of(SequenceWordsOf("sequence-verb"));
    private static readonly FrozenWords SequenceFillers = FrozenWords.Of(SequenceWordsOf("filler"));
    private static readonly FrozenWords SequenceLinks = FrozenWords.Of(SequenceWordsOf("link"));
    private static readonly FrozenWords SequenceLinksOf = FrozenWords.Of(SequenceWordsOf("link-of"));

    private static readonly FrozenWords ReportWords = FrozenWords.Of(LexiconFile.Rows("report-words.tsv").Select(r => r[0]));

    private static readonly IReadOnlyList<string[]> NightSpanRows = LexiconFile.Rows(
        "night-span-words.tsv", r => r.Length == 2 && r[1] is "from" or "to" or "midnight" or "morning" or "zone", r => r[0]);
    private static readonly FrozenWords NightSpanFrom = NightSpanWords("from");
    private static readonly FrozenWords NightSpanTo = NightSpanWords("to");
    private static readonly FrozenWords NightSpanMidnight = NightSpanWords("midnight");
    private static readonly FrozenWords NightSpanMorning = NightSpanWords("morning");
    private static readonly FrozenWords NightSpanZone = NightSpanWords("zone");

    private static readonly FrozenWords DayParts = FrozenWords.Of("morning", "afternoon", "evening", "night", "overnight", "hours", "dawn");

    /// <summary>Publication years the resolver trusts; outside them "a day earlier" could leave the calendar.</summary>
    public const int MinYear = 1900;

    public const int MaxYear = 2200;

    public string Name => "dates";

    public ImmutableArray<string> Requires => [Layers.Sentences];

    public string Produces => Layers.Dates;

    public ImmutableArray<Mention> Run(Document document)
    {
        var published = document.Article.Published;
        if (published is { } pd && (pd.Year < MinYear || pd.Year > MaxYear))
        {
            document.Report(new Diagnostic("SX200", DiagnosticSeverity.Warning,
                $"The publication date {pd:yyyy-MM-dd} is outside {MinYear}–{MaxYear}; relative dates were left unresolved. Check the header's 'published' field."));
            published = null;
        }

        if (published is null && LatestFullDate(document) is { } reference)
        {
            // Without a publication date, the report's own latest full date ("March 11, 2025" in a caption, "On
            // March 22, 2024, …") stands for it: "overnight" and "on Friday" resolve against the day it tells of.
            published = reference;
            document.Report(new Diagnostic("SX202", DiagnosticSeverity.Info,
                $"The report has no publication date; relative dates were resolved against {reference:yyyy-MM-dd}, the latest full date in its text. Add 'published:' to its header or pass --published."));
        }

        var result = ImmutableArray.CreateBuilder<Mention>();
        DateOnly? lastDate = null;
        var found = new List<DateMention>();
        foreach (var sentence in document.Layer<SentenceMention>(Layers.Sentences))
        {
            found.Clear(); // one list for the document's sentences: each sentence's dates are added to the result before the next
            Scan(document, sentence, published, found, null);

            // Relative expressions resolve against another date in the same sentence, else publication.
            for (var k = 0; k < found.Count; k++)
            {
                var m = found[k];
                if (!m.IsRelative || m.Rule == "after-event")
                {
                    continue; // "came after …" says before, not how long before
                }

                if (m.Rule is "days-after-event" or "days-before-event" && found.Skip(k + 1).FirstOrDefault(x => !x.IsRelative && x.Date.Date is not null && x.Rule is not ("overnight" or "today" or "yesterday")) is { } own
                    && !Enumerable.Range(m.TokenIndex, own.TokenIndex - m.TokenIndex).Any(x => document.Lower(x) == ","))
                {
                    // "The day after a bombing on December 29 …, Belgorod was hit": the clause dates itself, and the
                    // sentence's attack is that many days from it.
                    m = m with { Rule = "days-after-date", RelativeDays = -m.RelativeDays };
                }

                var offset = m.RelativeDays;
                var anchor = m.Rule switch
                {
                    "day-after" or "days-after-date" => found.Skip(k + 1).FirstOrDefault(x => !x.IsRelative && x.Date.Date is not null),
                    // The attack the sentence is about is told before the clause, or in the sentences before.
                    "days-after-event" or "days-before-event" => found.Take(k).LastOrDefault(x => !x.IsRelative && x.Date.Date is not null),
                    _ => found.Take(k).LastOrDefault(x => !x.IsRelative && x.Date.Date is not null) ?? found.Skip(k + 1).FirstOrDefault(x => !x.IsRelative && x.Date.Date is not null),
                };
                // Without an anchor in its sentence, "The day before, …" counts from the last date the report gave; "the
                // following day" only from a date told before it, and never to a day after the report's.
                var later = m.Rule == "day-later";
                var baseDate = anchor?.Date.Date ?? (m.Rule is "day-after" or "days-after-date" ? null : later ? lastDate : lastDate ?? published);
                var resolved = baseDate?.AddDays(offset);
                if (later && resolved > published)
                {
                    resolved = null;
                }

                found[k] = m with { Date = new EventDate(resolved, DatePrecision.Day, m.Date.Text, m.Date.Span) };
            }

            result.AddRange(found);
            foreach (var m in found)
            {
                if (!m.IsPeriod && m.Date.Date is { } d && m.Date.Precision is DatePrecision.Day or DatePrecision.Night && m.Rule is not ("today" or "numeric-date" or "days-after-event" or "days-before-event"))
                {
                    lastDate = d;
                }
            }
        }

        return result.ToImmutable();
    }

    /// <summary>The latest date the text gives with its year ("December 29, 2023", "30.07.2025"), or null.</summary>
    private static DateOnly? LatestFullDate(Document document)
    {
        DateOnly? latest = null;
        foreach (var sentence in document.Layer<SentenceMention>(Layers.Sentences))
        {
            for (var i = sentence.FirstToken; i < sentence.EndToken; i++)
            {
                if (TryMatch(document, i, sentence.EndToken, null, out var m, out var next))
                {
                    if (m.Rule is "month-day-year" or "numeric-date" or "night-of-date-year" && m.Date.Date is { } d && d.Year is >= MinYear and <= MaxYear && (latest is null || d > latest))
                    {
                        latest = d;
                    }

                    i = next - 1;
                }
            }
        }

        return latest;
    }

    /// <summary>A period for totals ("since February", "so far", "over the past week") from <paramref name="i"/>; its own
    /// method so that the closures of its phrase test are made only for the words that open one.</summary>
    private static bool TryPeriod(Document doc, int i, int end, out DateMention mention, out int next)
    {
        var t = doc.Tokens;
        string W(int k) => k < end && k >= 0 ? t[k].Lower : "";
        var w = W(i);
        mention = null!;
        next = i + 1;
        var stop = Math.Min(end, i + 8);
        var k = i + 1;
        while (k < stop && t[k].Kind != TokenKind.Punct)
        {
            k++;
        }

        var phrase = string.Join(' ', Enumerable.Range(i, k - i).Select(W));
        // "the deadliest attack since February 2022", "the first since August": a record, not a total.
        var superlative = Enumerable.Range(Math.Max(0, i - 10), i - Math.Max(0, i - 10)).Any(x => t[x].Lower is "first" or "largest" or "biggest" or "deadliest" or "heaviest" or "most" or "worst" or "longest" || t[x].Lower.EndsWith("est", StringComparison.Ordinal) && t[x].Lower.Length > 5 && t[x].Lower is not ("latest" or "interest" or "protest" or "request" or "arrest" or "harvest" or "suggest"));
        // "no deaths have been so far reported", "the casualties reported so far": the time of reporting, not a
        // period of attacks; "since the beginning of the day": today's tally.
        var ofReporting = w == "so" && (ReportWords.Contains(W(i + 2)) || ReportWords.Contains(W(i - 1)) || (W(i + 2) == "been" && ReportWords.Contains(W(i + 3))));
        var ofToday = phrase.Contains("of the day", StringComparison.Ordinal) || phrase.Contains("of the night", StringComparison.Ordinal);
        if (IsPeriodPhrase(phrase) && !superlative && !ofReporting && !ofToday)
        {
            next = k;
            mention = Make(doc, i, k, new EventDate(null, DatePrecision.Unknown, "", default), "period") with { IsPeriod = true };
            return true;
        }

        return false;
    }

    /// <summary>
    /// The date rules, tried in this order at each token; the first that matches gives the mention (whose
    /// <see cref="Mention.Rule"/> names the variant: <c>night-of-weekdays</c> of rule <c>night-of</c>, <c>last-weekday</c> of
    /// <c>weekday</c>). Each names the words it can open on (<see cref="DateRule.Opens"/>, besides the classes of
    /// <see cref="DateRule.OpensOn"/>): a rule is tried only at a token it can open on.
    /// </summary>
    private static readonly ImmutableArray<DateRule> Rules =
    [
        new("period", Period, Opening.Words, "since", "so", "throughout", "over", "in", "during", "this", "last"),
        new("numeric-date", NumericDate, Opening.Digits),
        new("night-span", NightSpan, Opening.NightSpanFrom),
        new("night-on-date", NightOnDate, Opening.Words, "ніч", "ночь"),
        new("night-of", NightOf, Opening.Words, "night"),
        new("overnight", Overnight, Opening.Words, "overnight", "last", "this", "tonight", "during", "at", "in"),
        new("overnight-cyrillic", OvernightCyrillic, Opening.Words, "вночі", "уночі", "ночью", "ніччю", "цієї", "минулої", "этой", "прошлой", "прошедшей", "минувшей",
            "цю", "минулу", "эту", "прошлую", "прошедшую", "минувшую"),
        new("today-cyrillic", TodayCyrillic, Opening.Words, "сьогодні", "сегодня"),
        new("yesterday-cyrillic", YesterdayCyrillic, Opening.Words, "вчора", "учора", "вчера"),
        new("today", Today, Opening.Words, "today", "this"),
        new("yesterday", Yesterday, Opening.Words, "yesterday"),
        new("day-before", DayBefore, Opening.Words, "a", "one", "the"),
        new("day-later", DayLater, Opening.Digits, "a", "one", "the", "two", "three", "four", "five", "six", "seven", "наступного", "на", "следующим"),
        new("after-event", AfterEvent, Opening.SequenceVerbs),
        new("days-around-event", DaysAroundEvent, Opening.Digits, "a", "the", "one", "two", "three", "four", "five", "six", "seven"),
        new("day-after", DayAfter, Opening.Words, "the"),
        new("days-ago", DaysAgo, Opening.Digits, "one", "two", "three", "four", "five", "six", "seven"),
        new("week", Week, Opening.Words, "this", "last"),
        new("weeks-ago", WeeksAgo, Opening.Digits, "a", "one", "two", "three", "four", "five", "six", "seven"),
        new("day-of-month", DayOfMonthRule, Opening.Words, "the"),
        new("same-day", SameDay, Opening.Words, "the", "that"),
        new("month-day", MonthDay, Opening.Digits | Opening.Months),
        new("month", Month, Opening.Words, "in"),
        new("weekday", WeekdayRule, Opening.Weekdays),
    ];

    /// <summary>
    /// The rules each opening word can start, in table order; a word that starts with a digit and is not a key opens
    /// <see cref="DigitRules"/>. Most tokens open no date, and are passed over with one lookup (mostly answered by
    /// <see cref="OpeningMask"/>) instead of trying the rules one by one.
    /// </summary>
    private static readonly FrozenDictionary<string, DateRule[]> RulesByOpening = IndexRules(out DigitRules);

    private static readonly DateRule[] DigitRules;

    private static readonly WordMask OpeningMask = new(RulesByOpening.Keys);

    /// <summary>The rules that can open on <paramref name="w"/>, in table order; empty when none can.</summary>
    private static DateRule[] RulesOpenedBy(string w)
    {
        if (OpeningMask.MayContain(w) && RulesByOpening.TryGetValue(w, out var rules))
        {
            return rules;
        }

        return w.Length > 0 && char.IsAsciiDigit(w[0]) ? DigitRules : [];
    }

    private static FrozenDictionary<string, DateRule[]> IndexRules(out DateRule[] digitRules)
    {
        var byWord = new Dictionary<string, List<DateRule>>(StringComparer.Ordinal);
        digitRules = [.. Rules.Where(r => r.OpensOn.HasFlag(Opening.Digits))];
        foreach (var rule in Rules)
        {
            foreach (var w in OpeningWords(rule))
            {
                if (!byWord.TryGetValue(w, out var list))
                {
                    byWord[w] = list = [];
                }

                if (!list.Contains(rule))
                {
                    list.Add(rule);
                }
            }
        }

        // A key that starts with a digit opens the digit rules too; table order throughout.
        foreach (var (w, list) in byWord)
        {
            if (char.IsAsciiDigit(w[0]))
            {
                list.AddRange(digitRules.Where(r => !list.Contains(r)));
            }

            list.Sort((a, b) => Rules.IndexOf(a).CompareTo(Rules.IndexOf(b)));
        }

        return byWord.ToFrozenDictionary(kv => kv.Key, kv => kv.Value.ToArray(), StringComparer.Ordinal);
    }

    private static IEnumerable<string> OpeningWords(DateRule rule)
    {
        var o = rule.OpensOn;
        return rule.Opens
            .Concat(o.HasFlag(Opening.NightSpanFrom) ? NightSpanWordsOf("from") : [])
            .Concat(o.HasFlag(Opening.SequenceVerbs) ? SequenceWordsOf("sequence-verb") : [])
            .Concat(o.HasFlag(Opening.Months) ? MonthNumbers.Keys : [])
            .Concat(o.HasFlag(Opening.Weekdays) ? Weekdays.Keys.SelectMany(d => new[] { d, d + "'s" }) : []);
    }

    /// <summary>The names of the date rules in the order they are tried.</summary>
    public static ImmutableArray<string> RuleNames { get; } = [.. Rules.Select(r => r.Name)];

    /// <summary>The date mentions of one sentence, in order, and the rule that gave each when <paramref name="rules"/> is given.</summary>
    private static void Scan(Document document, SentenceMention sentence, DateOnly? published, List<DateMention> found, List<string>? rules)
    {
        for (var i = sentence.FirstToken; i < sentence.EndToken; i++)
        {
            if (document.Tokens[i].Lower == "(" && IsTimeAside(document, i, sentence.EndToken, out var close))
            {
                rules?.Add("time-aside");
                i = close; // "(2300 GMT Saturday)": the same moment in another clock, never a new date
                continue;
            }

            if (TryMatch(document, i, sentence.EndToken, published, out var m, out var next, out var rule))
            {
                found.Add(m);
                rules?.Add(rule);
                i = next - 1;
            }
        }
    }

    /// <summary>For tests: the rules that fire in each sentence of an annotated document, in order (before relative dates resolve).</summary>
    internal static List<string> RulesFired(Document document)
    {
        var rules = new List<string>();
        var published = document.Article.Published;
        foreach (var sentence in document.Layer<SentenceMention>(Layers.Sentences))
        {
            Scan(document, sentence, published, [], rules);
        }

        return rules;
    }

    private static bool TryMatch(Document doc, int i, int end, DateOnly? published, out DateMention mention, out int next) =>
        TryMatch(doc, i, end, published, out mention, out next, out _);

    private static bool TryMatch(Document doc, int i, int end, DateOnly? published, out DateMention mention, out int next, out string rule)
    {
        var rules = RulesOpenedBy(doc.Tokens[i].Lower);
        if (rules.Length == 0)
        {
            mention = null!;
            next = i + 1;
            rule = "";
            return false;
        }

        var c = new Cursor(doc, i, end, published);
        foreach (var r in rules)
        {
            if (r.Try(in c, out mention, out next))
            {
                rule = r.Name;
                return true;
            }
        }

        mention = null!;
        next = i + 1;
        rule = "";
        return false;
    }

    private static FrozenWords NightSpanWords(string role) => FrozenWords.Of(NightSpanWordsOf(role));

    private static IEnumerable<string> NightSpanWordsOf(string role) => NightSpanRows.Where(r => r[1] == role).Select(r => r[0]);

    private static IEnumerable<string> SequenceWordsOf(string role) => SequenceRows.Where(r => r[1] == role).Select(r => r[0]);

    /// <summary>
    /// A period from a time of day (and a day) to another: "з 18:00 8 грудня до 08:00 9 грудня" is the night that ends
    /// on 9 December (night-span); "з 18:00 20 вересня" alone is the night after that evening (night-from-evening); a
    /// period that starts in the morning is its end's day (day-span). False without a clock time after the opening
    /// word ("с 2022 года") or without any day.
    /// </summary>
    private static bool TryNightSpan(Document doc, int i, int end, DateOnly? published, out EventDate date, out int next, out string rule)
    {
        date = default!;
        next = i + 1;
        rule = "";
        if (!TryClock(doc, i + 1, end, out var startHour, out var k))
        {
            return false;
        }

        DateOnly? startDay = null;
        if (TryMonthDay(doc, k, end, published, out var sd, out var sdEnd, out _, out _))
        {
            startDay = sd;
            k = sdEnd;
        }

        var evening = startHour is >= 12 or 0;
        if (k < end && NightSpanTo.Contains(doc.Tokens[k].Lower))
        {
            var e = k + 1;
            if (TryClock(doc, e, end, out _, out var afterClock))
            {
                e = afterClock;
            }
            else if (e < end && NightSpanMorning.Contains(doc.Tokens[e].Lower))
            {
                e++;
            }
            else
            {
                e = -1;
            }

            if (e > 0 && TryMonthDay(doc, e, end, published, out var endDay, out var endEnd, out _, out _))
            {
                next = endEnd;
                date = evening ? Night(endDay) : new EventDate(endDay, DatePrecision.Day, "", default);
                rule = evening ? "night-span" : "day-span";
                return true;
            }
        }

        if (startDay is null)
        {
            return false;
        }

        next = k;
        date = startHour >= 12 ? Night(startDay.Value.AddDays(1)) : new EventDate(startDay, DatePrecision.Day, "", default);
        rule = startHour >= 12 ? "night-from-evening" : "day-span";
        return true;
    }

    /// <summary>A time of day: "18:00", "08:30 мск", or midnight's word ("полуночи"); its hour.</summary>
    private static bool TryClock(Document doc, int k, int end, out int hour, out int next)
    {
        var t = doc.Tokens;
        hour = 0;
        next = k;
        if (k < end && NightSpanMidnight.Contains(t[k].Lower))
        {
            next = k + 1;
            return true;
        }

        if (k + 2 < end && t[k].Kind == TokenKind.Number && t[k].Lower.Length <= 2 && t[k + 1].Lower == ":" && t[k + 2].Kind == TokenKind.Number && t[k + 2].Lower.Length == 2
            && int.TryParse(t[k].Lower, NumberStyles.None, CultureInfo.InvariantCulture, out hour) && hour <= 24)
        {
            next = k + 3;
            if (next < end && NightSpanZone.Contains(t[next].Lower))
            {
                next++;
            }

            return true;
        }

        return false;
    }

    /// <summary>
    /// A parenthesised conversion of the time just given into another clock: "(2300 GMT Saturday)", "(21:00 UTC)",
    /// "(03:00 мск)". The weekday in it names the same night in another time zone, so the aside dates nothing (rule
    /// time-aside: no mention); <paramref name="close"/> is its closing bracket.
    /// </summary>
    private static bool IsTimeAside(Document doc, int i, int end, out int close)
    {
        close = i;
        var t = doc.Tokens;
        if (t[i].Lower != "(")
        {
            return false;
        }

        var zone = false;
        var clock = false;
        for (var k = i + 1; k < end && k <= i + 8; k++)
        {
            var w = t[k].Lower;
            if (w == ")")
            {
                close = k;
                return zone && clock;
            }

            if (NightSpanZone.Contains(w))
            {
                zone = true;
            }
            else if (TryClock(doc, k, end, out _, out var after))
            {
                clock = true;
                zone |= after > k + 3;
                k = after - 1;
            }
            else if (t[k].Kind == TokenKind.Number && w.Length == 4 && int.TryParse(w, NumberStyles.None, CultureInfo.InvariantCulture, out var hhmm) && hhmm % 100 < 60 && hhmm / 100 < 24)
            {
                clock = true; // "2300 GMT"
            }
            else if (!Weekdays.ContainsKey(w) && w is not ("," or "on" or "hrs" or "h"))
            {
                return false; // anything else ("з 21:00 11 листопада", a month, a place) is a date of its own
            }
        }

        return false;
    }

    /// <summary>Whether a date expression (not a period) starts at token <paramref name="k"/>: "the day after December 29".</summary>
    private static bool StartsDate(Document doc, int k, int end)
    {
        var t = k < end && doc.Lower(k) == "the" ? k + 1 : k;
        return (TryMatch(doc, k, end, null, out var m, out _) && !m.IsPeriod) || (t != k && TryMatch(doc, t, end, null, out var m2, out _) && !m2.IsPeriod)
            || Weekdays.ContainsKey(doc.Lower(t));
    }

    /// <summary>" day", " night", " morning" …: "throughout the night" is the one night's attack, not a period's total.</summary>
    private static bool IsPartOfDay(string rest)
    {
        var word = rest.TrimStart();
        var space = word.IndexOf(' ', StringComparison.Ordinal);
        return (space < 0 ? word : word[..space]) is "day" or "night" or "morning" or "afternoon" or "evening";
    }

    private static bool IsPeriodPhrase(string p) =>
        p.StartsWith("since the", StringComparison.Ordinal) && (p.Contains("war", StringComparison.Ordinal) || p.Contains("invasion", StringComparison.Ordinal)
            || p.Contains("start", StringComparison.Ordinal) || p.Contains("beginning", StringComparison.Ordinal) || p.Contains("year", StringComparison.Ordinal)
            || p.Contains("conflict", StringComparison.Ordinal) || p.Contains("outset", StringComparison.Ordinal))
        || p.StartsWith("since february 2022", StringComparison.Ordinal) || p.StartsWith("since february 24", StringComparison.Ordinal)
        || p.StartsWith("so far", StringComparison.Ordinal) || p.StartsWith("throughout the", StringComparison.Ordinal) && !IsPartOfDay(p["throughout the".Length..])
        || p.StartsWith("this year", StringComparison.Ordinal) || p.StartsWith("this month", StringComparison.Ordinal)
        || p.StartsWith("last year", StringComparison.Ordinal) || p.StartsWith("last month", StringComparison.Ordinal)
        || p.StartsWith("over the past", StringComparison.Ordinal) || p.StartsWith("over the last", StringComparison.Ordinal)
        || p.StartsWith("in the past", StringComparison.Ordinal) || p.StartsWith("in the last", StringComparison.Ordinal)
        || p.StartsWith("during the past", StringComparison.Ordinal) || p.StartsWith("during the last", StringComparison.Ordinal);

    private static int? NumberWord(string w) => w switch
    {
        "two" or "2" => 2, "three" or "3" => 3, "four" or "4" => 4, "five" or "5" => 5, "six" or "6" => 6, "seven" or "7" => 7,
        "one" or "1" => 1, "several" => null, _ => null,
    };

    private static EventDate Night(DateOnly? morning) =>
        new(morning, DatePrecision.Night, "", default) { Start = morning?.AddDays(-1) };

    private static DateMention Make(Document doc, int first, int end, EventDate date, string rule)
    {
        var span = new TextSpan(doc.Tokens[first].Start, doc.Tokens[end - 1].End);
        var text = doc.Slice(span);
        return new DateMention(span, date with { Text = text, Span = span }, first, rule);
    }

    /// <summary>The weekday named in a date expression ("early Wednesday" → Wednesday), or null.</summary>
    public static DayOfWeek? WeekdayIn(string text)
    {
        foreach (var t in Tokenizer.Tokenize(text))
        {
            if (t.Lower.Length > 3 && Weekdays.TryGetValue(t.Lower.EndsWith("'s", StringComparison.Ordinal) ? t.Lower[..^2] : t.Lower, out var d))
            {
                return d;
            }
        }

        return null;
    }

    /// <summary>The latest <paramref name="day"/> on or before publication (strictly before when <paramref name="strictlyBefore"/>).</summary>
    public static DateOnly? Weekday(DateOnly? published, DayOfWeek day, bool strictlyBefore)
    {
        if (published is not { } p)
        {
            return null;
        }

        var back = ((int)p.DayOfWeek - (int)day + 7) % 7;
        if (back == 0 && strictlyBefore)
        {
            back = 7;
        }

        return p.AddDays(-back);
    }

    private static DateOnly StartOfWeek(DateOnly d) => d.AddDays(-(((int)d.DayOfWeek + 6) % 7));

    /// <summary>"date 2025-10-06" as the first words of the text: a scraped page's date stamp.</summary>
    private static bool IsPageDateStamp(Document doc, int i) =>
        i == 1 && doc.Tokens[0].Lower is "date" or "дата" && doc.Text.AsSpan(0, doc.Tokens[0].Start).IsWhiteSpace();

    private static bool TryParseNumericDate(Document doc, int i, int end, out DateOnly? date, out int next)
    {
        var t = doc.Tokens;
        date = null;
        next = i + 1;
        var lower = t[i].Lower;
        if (lower.Length == 10 && lower[2] == '.' && lower[5] == '.'
            && DateOnly.TryParseExact(lower, "dd.MM.yyyy", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d1))
        {
            date = d1;
            return true;
        }

        // 2024-03-22 arrives as "2024" "-" "03" "-" "22"
        if (lower.Length == 4 && i + 4 < end && t[i + 1].Lower == "-" && t[i + 3].Lower == "-" && t[i + 2].Lower.Length == 2 && t[i + 4].Lower.Length == 2
            && t[i + 4].End - t[i].Start == 10
            && DateOnly.TryParseExact(doc.Text.AsSpan(t[i].Start, 10), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d2))
        {
            date = d2;
            next = i + 5;
            return true;
        }

        return false;
    }

    /// <summary>"December 29", "Dec. 29, 2023", "29 December", "25 October 2024", "14-15 October", "Sept. 20-21".</summary>
    private static bool TryMonthDay(Document doc, int i, int end, DateOnly? published, out DateOnly? date, out int next, out bool hasYear, out DateOnly? secondDay)
    {
        var t = doc.Tokens;
        string W(int k) => k < end && k >= 0 ? t[k].Lower : "";
        date = null;
        secondDay = null;
        next = i;
        hasYear = false;
        int month, day, day2 = 0;
        int k;
        if (MonthNumbers.TryGetValue(W(i), out month) && (W(i) != "may" || char.IsUpper(doc.Text[t[i].Start])) && (W(i) != "march" || char.IsUpper(doc.Text[t[i].Start])))
        {
            k = i + 1;
            if (W(k) == ".")
            {
                k++;
            }

            if (!TryDay(W(k), out day))
            {
                return false;
            }

            k++;
            if (W(k) == "-" && TryDay(W(k + 1), out day2))
            {
                k += 2;
            }
        }
        else if (TryDay(W(i), out day))
        {
            k = i + 1;
            if (W(k) is "-" or "to" or "and" && TryDay(W(k + 1), out day2))
            {
                k += 2;
            }

            if (W(k) == "of")
            {
                k++;
            }

            if (!MonthNumbers.TryGetValue(W(k), out month) || (W(k) == "may" && !char.IsUpper(doc.Text[t[k].Start])))
            {
                return false;
            }

            k++;
            if (W(k) == ".")
            {
                k++;
            }
        }
        else
        {
            return false;
        }

        int? year = null;
        var ky = W(k) == "," ? k + 1 : k;
        if (ky < end && t[ky].Kind == TokenKind.Number && t[ky].Lower.Length == 4 && int.TryParse(t[ky].Lower, NumberStyles.None, CultureInfo.InvariantCulture, out var y) && y is > 1990 and < 2100)
        {
            year = y;
            k = ky + 1;
        }

        next = k;
        hasYear = year is not null;
        date = Resolve(published, year, month, day);
        if (day2 > 0)
        {
            secondDay = Resolve(published, year, month, day2);
        }

        return true;
    }

    private static DateOnly? Resolve(DateOnly? published, int? year, int month, int day)
    {
        if (day > DateTime.DaysInMonth(year ?? 2024, month))
        {
            return null;
        }

        if (year is { } y)
        {
            return new DateOnly(y, month, day);
        }

        if (published is not { } p)
        {
            return null;
        }

        // The latest such date on or before publication (a day of slack for time zones).
        var candidate = day <= DateTime.DaysInMonth(p.Year, month) ? new DateOnly(p.Year, month, day) : (DateOnly?)null;
        if (candidate is { } c && c <= p.AddDays(1))
        {
            return c;
        }

        return day <= DateTime.DaysInMonth(p.Year - 1, month) ? new DateOnly(p.Year - 1, month, day) : null;
    }

    /// <summary>"26th", "3rd", "1st": a day of the month written as an ordinal.</summary>
    private static bool TryOrdinalDay(string w, out int day)
    {
        day = 0;
        return w.Length is > 2 and <= 4 && (w.EndsWith("st", StringComparison.Ordinal) || w.EndsWith("nd", StringComparison.Ordinal) || w.EndsWith("rd", StringComparison.Ordinal) || w.EndsWith("th", StringComparison.Ordinal))
            && int.TryParse(w.AsSpan(0, w.Length - 2), NumberStyles.None, CultureInfo.InvariantCulture, out day) && day is >= 1 and <= 31;
    }

    /// <summary>The latest date with day of month <paramref name="day"/> on or before publication.</summary>
    private static DateOnly? DayOfMonth(DateOnly? published, int day)
    {
        if (published is not { } p)
        {
            return null;
        }

        var d = new DateOnly(p.Year, p.Month, 1);
        for (var back = 0; back < 3; back++, d = d.AddMonths(-1))
        {
            if (day <= DateTime.DaysInMonth(d.Year, d.Month) && new DateOnly(d.Year, d.Month, day) <= p)
            {
                return new DateOnly(d.Year, d.Month, day);
            }
        }

        return null;
    }

    private static bool TryDay(string w, out int day)
    {
        day = 0;
        if (w.Length is 0 or > 4)
        {
            return false;
        }

        var digits = w.EndsWith("st", StringComparison.Ordinal) || w.EndsWith("nd", StringComparison.Ordinal) || w.EndsWith("rd", StringComparison.Ordinal) || w.EndsWith("th", StringComparison.Ordinal) ? w[..^2] : w;
        return int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out day) && day is >= 1 and <= 31;
    }
}
