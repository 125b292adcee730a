using System.Globalization;
using Sitrep.Core;

namespace Sitrep.Ledger.Brief;

/// <summary>What a brief covers: a night, a day, or a range of days.</summary>
public enum BriefWindowKind
{
    /// <summary>18:00 of one day to 09:00 of the next, Kyiv time: the attacks the ledger dates to that night.</summary>
    Night,
    /// <summary>One day: every attack the ledger dates to it (a night is dated by the morning it ends).</summary>
    Day,
    /// <summary>Several days, likewise.</summary>
    Range,
    /// <summary>
    /// From one time to another (<see cref="BriefWindow.Since"/> to <see cref="BriefWindow.Until"/>): the attacks the ledger
    /// dates to a night or day that lies wholly within it; those whose night or day lies partly within it are told apart.
    /// </summary>
    Period,
}

/// <summary>Where an attack stands in a window.</summary>
public enum BriefPlacement
{
    Outside,
    /// <summary>In the window: its figures count in the key figures.</summary>
    Main,
    /// <summary>
    /// A night window's: dated to one of the night's two days with no time of day, so it may or may not fall in the night;
    /// a period's: dated to a night or day only partly within it, or by a week or month. Told apart.
    /// </summary>
    Untimed,
}

/// <summary>
/// The window of a brief. The ledger dates attacks by day (a night under the morning it ends, with precision
/// <see cref="DatePrecision.Night"/>), so a night window holds the attacks dated to its morning as nights; attacks dated
/// to either of its two days without a time of day are told apart (<see cref="BriefPlacement.Untimed"/>). A day or range
/// holds every attack dated within it. <see cref="First"/> and <see cref="Last"/> are a night's evening and morning days.
/// A period (<see cref="BriefWindowKind.Period"/>) runs from <see cref="Since"/> to <see cref="Until"/>, half-open, and
/// reads an attack's date as the Kyiv time it stands for (a night 18:00 to 09:00, a day midnight to midnight); its
/// <see cref="First"/> and <see cref="Last"/> are the days whose attacks it may hold.
/// </summary>
public sealed record BriefWindow(BriefWindowKind Kind, DateOnly First, DateOnly Last)
{
    /// <summary>A period's start, as given (with its offset); null for other windows.</summary>
    public DateTimeOffset? Since { get; init; }

    /// <summary>A period's end (not included), as given; null for other windows.</summary>
    public DateTimeOffset? Until { get; init; }

    /// <summary>The Kyiv clock hour a night starts on its evening day.</summary>
    public const int NightStartHour = 18;

    /// <summary>The Kyiv clock hour a night ends on its morning day.</summary>
    public const int NightEndHour = 9;

    /// <summary>The night that ends on the morning of <paramref name="morning"/>.</summary>
    public static BriefWindow Night(DateOnly morning) => new(BriefWindowKind.Night, morning.AddDays(-1), morning);

    /// <summary>The days from <paramref name="first"/> to <paramref name="last"/>: a day when they are one.</summary>
    public static BriefWindow Days(DateOnly first, DateOnly last) =>
        last < first ? throw new ArgumentException($"The window ends ({last:yyyy-MM-dd}) before it starts ({first:yyyy-MM-dd}).", nameof(last))
        : new(first == last ? BriefWindowKind.Day : BriefWindowKind.Range, first, last);

    /// <summary>
    /// The time from <paramref name="since"/> to <paramref name="until"/> (not included). Its days are those whose attacks may
    /// fall in it: a night ends on the morning after its evening, so a period that runs past 18:00 reaches the next day's.
    /// </summary>
    public static BriefWindow Period(DateTimeOffset since, DateTimeOffset until)
    {
        if (until <= since)
        {
            throw new ArgumentException($"The period ends ({until:O}) at or before it starts ({since:O}).", nameof(until));
        }

        var (start, end) = (KyivTime.Of(since), KyivTime.Of(until));
        var last = DateOnly.FromDateTime(end);
        return new BriefWindow(BriefWindowKind.Period, DateOnly.FromDateTime(start), end.TimeOfDay > TimeSpan.FromHours(NightStartHour) ? last.AddDays(1) : last)
        {
            Since = since,
            Until = until,
        };
    }

    /// <summary>
    /// The window a host's date options name, or null with the <paramref name="problem"/>: <paramref name="date"/> is a
    /// night; <paramref name="since"/> to <paramref name="until"/> are days (an open end is <paramref name="openEnd"/>,
    /// or the first day itself when null); none of them is the night of <paramref name="none"/>, or a problem when null.
    /// <paramref name="option"/> names an option as the host spells it ("--date" on the command line, "date" in a query).
    /// </summary>
    public static BriefWindow? From(
        DateOnly? date, DateOnly? since, DateOnly? until, DateOnly? openEnd, DateOnly? none, Func<string, string> option, out string? problem)
    {
        problem = null;
        if (date is { } d)
        {
            if (since is null && until is null)
            {
                return Night(d);
            }

            problem = $"give either {option("date")} (a night) or {option("since")} and {option("until")} (days), not both.";
            return null;
        }

        if (since is { } first)
        {
            var last = until ?? openEnd ?? first;
            if (last >= first)
            {
                return Days(first, last);
            }

            problem = $"{option("until")} {last:yyyy-MM-dd} is before {option("since")} {first:yyyy-MM-dd}; swap them.";
            return null;
        }

        if (until is not null)
        {
            problem = $"{option("until")} needs {option("since")}: the days from {option("since")} to {option("until")}.";
            return null;
        }

        if (none is { } morning)
        {
            return Night(morning);
        }

        problem = $"give {option("date")} (a night: YYYY-MM-DD) or {option("since")} (and {option("until")}) for days.";
        return null;
    }

    /// <summary>
    /// As <see cref="From(DateOnly?, DateOnly?, DateOnly?, DateOnly?, DateOnly?, Func{string, string}, out string?)"/>, with
    /// <paramref name="since"/> and <paramref name="until"/> each a day or a time (<see cref="BriefBound"/>): when either is a
    /// time the window is a period, a day standing for its first moment as a start and for its end as an end (Kyiv time).
    /// </summary>
    public static BriefWindow? From(
        DateOnly? date, BriefBound? since, BriefBound? until, DateOnly? openEnd, DateOnly? none, Func<string, string> option, out string? problem)
    {
        if (since?.Time is null && until?.Time is null)
        {
            return From(date, since?.Day, until?.Day, openEnd, none, option, out problem);
        }

        problem = null;
        if (date is not null)
        {
            problem = $"give either {option("date")} (a night) or {option("since")} and {option("until")} (days or times), not both.";
            return null;
        }

        if (since is not { } first)
        {
            problem = $"{option("until")} needs {option("since")}: the time from {option("since")} to {option("until")}.";
            return null;
        }

        var start = first.Start;
        DateTimeOffset? end = until?.End ?? (openEnd is { } o ? KyivTime.Instant(o.AddDays(1).ToDateTime(TimeOnly.MinValue)) : null);
        if (end is not { } e)
        {
            problem = $"give {option("until")} too: the end of the time from {option("since")}.";
            return null;
        }

        if (e <= start)
        {
            problem = $"{option("until")} {(until?.Text ?? Iso(openEnd!.Value))} is not after {option("since")} {first.Text}; swap them.";
            return null;
        }

        return Period(start, e);
    }

    /// <summary>Where an attack dated <paramref name="date"/> with <paramref name="precision"/> stands.</summary>
    public BriefPlacement Place(DateOnly? date, DatePrecision precision)
    {
        if (date is not { } d)
        {
            return BriefPlacement.Outside;
        }

        if (Kind == BriefWindowKind.Period)
        {
            return PlaceInPeriod(d, precision);
        }

        if (Kind != BriefWindowKind.Night)
        {
            return d >= First && d <= Last ? BriefPlacement.Main : BriefPlacement.Outside;
        }

        if (precision == DatePrecision.Night)
        {
            return d == Last ? BriefPlacement.Main : BriefPlacement.Outside;
        }

        return precision is DatePrecision.Day or DatePrecision.Unknown && (d == First || d == Last) ? BriefPlacement.Untimed : BriefPlacement.Outside;
    }

    /// <summary>
    /// A period's: the Kyiv time an attack's date stands for (a night 18:00 to 09:00, a day or an undated time of day
    /// midnight to midnight) wholly within the period is in it; partly within it, or dated only by a week, a month or a
    /// year, it is told apart.
    /// </summary>
    private BriefPlacement PlaceInPeriod(DateOnly d, DatePrecision precision)
    {
        var (since, until) = (KyivTime.Of(Since!.Value), KyivTime.Of(Until!.Value));
        var (from, to) = precision == DatePrecision.Night
            ? (d.AddDays(-1).ToDateTime(new TimeOnly(NightStartHour, 0)), d.ToDateTime(new TimeOnly(NightEndHour, 0)))
            : (d.ToDateTime(TimeOnly.MinValue), d.AddDays(1).ToDateTime(TimeOnly.MinValue));
        if (to <= since || from >= until)
        {
            return BriefPlacement.Outside;
        }

        return from >= since && to <= until && precision is DatePrecision.Night or DatePrecision.Day or DatePrecision.Unknown
            ? BriefPlacement.Main
            : BriefPlacement.Untimed;
    }

    /// <summary>
    /// A stable name for the window: the morning's date for a night ("2024-09-21"), "day:2024-09-21",
    /// "2024-09-15..2024-09-21", or a period's times as given ("2024-09-20T18:00+03:00..2024-09-21T09:00+03:00").
    /// </summary>
    public string Key => Kind switch
    {
        BriefWindowKind.Night => Iso(Last),
        BriefWindowKind.Day => "day:" + Iso(Last),
        BriefWindowKind.Period => BriefBound.Iso(Since!.Value) + ".." + BriefBound.Iso(Until!.Value),
        _ => Iso(First) + ".." + Iso(Last),
    };

    private static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}

/// <summary>
/// One end of a window as a host's option gives it: a day (<c>2024-09-20</c>) or a time, ISO 8601 with its offset
/// (<c>2024-09-20T18:00+03:00</c>, <c>2024-09-20T15:00:00Z</c>). A day stands for its first moment as a start and for
/// its end (the next midnight, Kyiv time) as an end.
/// </summary>
public readonly record struct BriefBound
{
    private static readonly string[] TimeFormats = ["yyyy-MM-dd'T'HH:mmK", "yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK"];

    private BriefBound(string text, DateOnly? day, DateTimeOffset? time) => (Text, Day, Time) = (text, day, time);

    /// <summary>The words as given.</summary>
    public string Text { get; }

    public DateOnly? Day { get; }

    public DateTimeOffset? Time { get; }

    /// <summary>The moment it starts a window at.</summary>
    public DateTimeOffset Start => Time ?? KyivTime.Instant(Day!.Value.ToDateTime(TimeOnly.MinValue));

    /// <summary>The moment it ends a window at (not included).</summary>
    public DateTimeOffset End => Time ?? KyivTime.Instant(Day!.Value.AddDays(1).ToDateTime(TimeOnly.MinValue));

    public static BriefBound Of(DateOnly day) => new(day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), day, null);

    public static BriefBound Of(DateTimeOffset time) => new(Iso(time), null, time);

    /// <summary>Reads a day or a time with its offset; false with what to write instead.</summary>
    public static bool TryParse(string text, out BriefBound bound, out string problem)
    {
        bound = default;
        problem = "";
        var t = text.Trim();
        if (DateOnly.TryParseExact(t, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            bound = new BriefBound(t, day, null);
            return true;
        }

        if (t.Length > 10 && t[10] is 'T' or 't' or ' ')
        {
            var iso = t[..10] + "T" + t[11..];
            var hasOffset = iso.EndsWith('Z') || iso.EndsWith('z') || iso.LastIndexOfAny(['+', '-']) > 10;
            if (!hasOffset)
            {
                problem = $"'{text}' has no offset; add the offset from UTC, as in {t[..10]}T18:00+03:00 (Kyiv in summer) or {t[..10]}T15:00Z.";
                return false;
            }

            if (DateTimeOffset.TryParseExact(iso.Replace('z', 'Z'), TimeFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var time))
            {
                bound = new BriefBound(t, null, time);
                return true;
            }
        }

        problem = $"'{text}' is neither a day (YYYY-MM-DD) nor a time with its offset (YYYY-MM-DDTHH:MM+03:00, or Z for UTC).";
        return false;
    }

    /// <summary>A time as ISO 8601 with its offset, seconds only when it has them: "2024-09-20T18:00+03:00".</summary>
    public static string Iso(DateTimeOffset t) =>
        t.ToString(t.Second == 0 && t.Millisecond == 0 ? "yyyy-MM-dd'T'HH:mmzzz" : "yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);
}
