namespace Sitrep.Core;

/// <summary>
/// Kyiv's clock: EET (UTC+2), and EEST (UTC+3) from 01:00 UTC on the last Sunday of March to 01:00 UTC on the last
/// Sunday of October, the EU rule Ukraine keeps. Computed rather than read from the machine's time-zone data, so
/// every machine dates an export and writes a brief the same way.
/// </summary>
public static class KyivTime
{
    /// <summary>The Kyiv wall-clock time of an instant.</summary>
    public static DateTime Of(DateTimeOffset instant) => DateTime.SpecifyKind(At(instant).DateTime, DateTimeKind.Unspecified);

    /// <summary>The instant with Kyiv's offset at that moment (+02:00 or +03:00).</summary>
    public static DateTimeOffset At(DateTimeOffset instant)
    {
        var utc = instant.UtcDateTime;
        var start = LastSunday(utc.Year, 3).ToDateTime(new TimeOnly(1, 0));
        var end = LastSunday(utc.Year, 10).ToDateTime(new TimeOnly(1, 0));
        return instant.ToOffset(TimeSpan.FromHours(utc >= start && utc < end ? 3 : 2));
    }

    /// <summary>
    /// The instant of a Kyiv wall-clock time. In the hour the clock skips in spring it is read as winter time; in the hour
    /// it repeats in autumn, as summer time (the first of the two).
    /// </summary>
    public static DateTimeOffset Instant(DateTime wall)
    {
        var local = DateTime.SpecifyKind(wall, DateTimeKind.Unspecified);
        foreach (var hours in (int[])[3, 2])
        {
            var instant = new DateTimeOffset(local, TimeSpan.FromHours(hours));
            if (Of(instant) == local)
            {
                return instant;
            }
        }

        return new DateTimeOffset(local, TimeSpan.FromHours(2));
    }

    /// <summary>Today in Kyiv on <paramref name="clock"/>.</summary>
    public static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(Of(clock.GetUtcNow()));

    private static DateOnly LastSunday(int year, int month)
    {
        var last = new DateOnly(year, month, DateTime.DaysInMonth(year, month));
        return last.AddDays(-(int)last.DayOfWeek);
    }
}
