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
}

/// <summary>Where an attack stands in a window.</summary>
public enum BriefPlacement
{
    Outside,
    /// <summary>In the window: its figures count in the key figures.</summary>
    Main,
    /// <summary>A night window's: dated to one of the night's two days with no time of day, so it may or may not fall in the night; told apart.</summary>
    Untimed,
}

/// <summary>
/// The window of a brief. The ledger dates attacks by day (a night under the morning it ends, with precision
/// <see cref="DatePrecision.Night"/>), so a night window holds the attacks dated to its morning as nights; attacks dated
/// to either of its two days without a time of day are told apart (<see cref="BriefPlacement.Untimed"/>). A day or range
/// holds every attack dated within it. <see cref="First"/> and <see cref="Last"/> are a night's evening and morning days.
/// </summary>
public sealed record BriefWindow(BriefWindowKind Kind, DateOnly First, DateOnly Last)
{
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

    /// <summary>Where an attack dated <paramref name="date"/> with <paramref name="precision"/> stands.</summary>
    public BriefPlacement Place(DateOnly? date, DatePrecision precision)
    {
        if (date is not { } d)
        {
            return BriefPlacement.Outside;
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

    /// <summary>A stable name for the window: the morning's date for a night ("2024-09-21"), "day:2024-09-21", or "2024-09-15..2024-09-21".</summary>
    public string Key => Kind switch
    {
        BriefWindowKind.Night => Iso(Last),
        BriefWindowKind.Day => "day:" + Iso(Last),
        _ => Iso(First) + ".." + Iso(Last),
    };

    private static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}

/// <summary>
/// Kyiv's clock: EET (UTC+2), and EEST (UTC+3) from 01:00 UTC on the last Sunday of March to 01:00 UTC on the last
/// Sunday of October, the EU rule Ukraine keeps. Computed rather than read from the machine's time-zone data, so
/// every machine writes the same brief from the same store.
/// </summary>
public static class KyivTime
{
    /// <summary>The Kyiv wall-clock time of an instant.</summary>
    public static DateTime Of(DateTimeOffset instant)
    {
        var utc = instant.UtcDateTime;
        var start = LastSunday(utc.Year, 3).ToDateTime(new TimeOnly(1, 0));
        var end = LastSunday(utc.Year, 10).ToDateTime(new TimeOnly(1, 0));
        var offset = utc >= start && utc < end ? 3 : 2;
        return DateTime.SpecifyKind(utc.AddHours(offset), DateTimeKind.Unspecified);
    }

    /// <summary>Today in Kyiv on <paramref name="clock"/>.</summary>
    public static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(Of(clock.GetUtcNow()));

    private static DateOnly LastSunday(int year, int month)
    {
        var last = new DateOnly(year, month, DateTime.DaysInMonth(year, month));
        return last.AddDays(-(int)last.DayOfWeek);
    }
}
