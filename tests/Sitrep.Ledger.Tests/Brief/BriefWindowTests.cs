using Sitrep.Core;
using Sitrep.Ledger.Brief;

namespace Sitrep.Ledger.Tests.Brief;

public sealed class BriefWindowTests
{
    private static DateTimeOffset T(string iso) => DateTimeOffset.Parse(iso, System.Globalization.CultureInfo.InvariantCulture);

    [Theory]
    // The night of 4 to 5 March 2025 as a period (winter: Kyiv is UTC+2), given in Kyiv's offset or in UTC.
    [InlineData("2025-03-04T18:00+02:00", "2025-03-05T09:00+02:00", "2025-03-05", DatePrecision.Night, BriefPlacement.Main)]
    [InlineData("2025-03-04T16:00Z", "2025-03-05T07:00Z", "2025-03-05", DatePrecision.Night, BriefPlacement.Main)]
    [InlineData("2025-03-04T18:00+02:00", "2025-03-05T09:00+02:00", "2025-03-05", DatePrecision.Day, BriefPlacement.Untimed)]
    [InlineData("2025-03-04T18:00+02:00", "2025-03-05T09:00+02:00", "2025-03-04", DatePrecision.Day, BriefPlacement.Untimed)]
    [InlineData("2025-03-04T18:00+02:00", "2025-03-05T09:00+02:00", "2025-03-04", DatePrecision.Night, BriefPlacement.Outside)]
    [InlineData("2025-03-04T18:00+02:00", "2025-03-05T09:00+02:00", "2025-03-06", DatePrecision.Night, BriefPlacement.Outside)]
    // A night cut short is only partly within the period.
    [InlineData("2025-03-04T20:00+02:00", "2025-03-05T09:00+02:00", "2025-03-05", DatePrecision.Night, BriefPlacement.Untimed)]
    // Two whole days: their days and the night between them are in it; the nights at its ends only partly.
    [InlineData("2025-03-04T00:00+02:00", "2025-03-06T00:00+02:00", "2025-03-04", DatePrecision.Day, BriefPlacement.Main)]
    [InlineData("2025-03-04T00:00+02:00", "2025-03-06T00:00+02:00", "2025-03-05", DatePrecision.Night, BriefPlacement.Main)]
    [InlineData("2025-03-04T00:00+02:00", "2025-03-06T00:00+02:00", "2025-03-04", DatePrecision.Night, BriefPlacement.Untimed)]
    [InlineData("2025-03-04T00:00+02:00", "2025-03-06T00:00+02:00", "2025-03-06", DatePrecision.Night, BriefPlacement.Untimed)]
    [InlineData("2025-03-04T00:00+02:00", "2025-03-06T00:00+02:00", "2025-03-06", DatePrecision.Day, BriefPlacement.Outside)]
    [InlineData("2025-03-04T00:00+02:00", "2025-03-06T00:00+02:00", "2025-03-05", DatePrecision.Week, BriefPlacement.Untimed)]
    // Summer: Kyiv is UTC+3.
    [InlineData("2025-07-10T15:00Z", "2025-07-11T06:00Z", "2025-07-11", DatePrecision.Night, BriefPlacement.Main)]
    [InlineData("2025-07-10T16:00Z", "2025-07-11T06:00Z", "2025-07-11", DatePrecision.Night, BriefPlacement.Untimed)]
    public void A_period_holds_the_nights_and_days_wholly_within_it_and_tells_apart_those_partly_within(
        string since, string until, string date, DatePrecision precision, BriefPlacement placement)
    {
        var window = BriefWindow.Period(T(since), T(until));
        Assert.Equal(placement, window.Place(DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture), precision));
        Assert.True(window.First <= DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture) || placement == BriefPlacement.Outside);
    }

    [Fact]
    public void A_period_reaches_the_next_days_night_when_it_runs_past_the_evening()
    {
        var w = BriefWindow.Period(T("2025-03-04T08:00+02:00"), T("2025-03-04T20:00+02:00"));
        Assert.Equal((new DateOnly(2025, 3, 4), new DateOnly(2025, 3, 5)), (w.First, w.Last));
        Assert.Equal(BriefPlacement.Untimed, w.Place(new DateOnly(2025, 3, 5), DatePrecision.Night));
        Assert.Equal("2025-03-04T08:00+02:00..2025-03-04T20:00+02:00", w.Key);
        Assert.Throws<ArgumentException>(() => BriefWindow.Period(T("2025-03-04T08:00+02:00"), T("2025-03-04T06:00Z")));
    }

    [Theory]
    [InlineData("2025-03-05", "2025-03-05", null)]
    [InlineData("2025-03-05T18:00+03:00", null, "2025-03-05T18:00+03:00")]
    [InlineData("2025-03-05T15:00Z", null, "2025-03-05T15:00+00:00")]
    [InlineData("2025-03-05t15:00:30z", null, "2025-03-05T15:00:30+00:00")]
    [InlineData("2025-03-05T18:00:00.5-01:00", null, "2025-03-05T18:00:00-01:00")]
    public void A_bound_is_a_day_or_a_time_with_its_offset(string text, string? day, string? time)
    {
        Assert.True(BriefBound.TryParse(text, out var b, out var problem), problem);
        Assert.Equal(day, b.Day?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(time, b.Time is { } t ? BriefBound.Iso(t) : null);
    }

    [Theory]
    [InlineData("2025-03-05T18:00", "has no offset; add the offset from UTC, as in 2025-03-05T18:00+03:00")]
    [InlineData("2025-03-05 18:00", "has no offset")]
    [InlineData("yesterday", "is neither a day (YYYY-MM-DD) nor a time with its offset")]
    [InlineData("2025-02-30T18:00+02:00", "is neither a day")]
    public void A_bound_that_is_neither_says_what_to_write(string text, string why)
    {
        Assert.False(BriefBound.TryParse(text, out _, out var problem));
        Assert.Contains(why, problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Days_and_times_make_a_period_when_either_is_a_time()
    {
        static BriefBound B(string s) => BriefBound.TryParse(s, out var b, out _) ? b : throw new ArgumentException(s);
        static string Opt(string o) => "--" + o;
        var today = new DateOnly(2025, 3, 6);

        var w = BriefWindow.From(null, B("2025-03-04T18:00+02:00"), B("2025-03-05"), today, today, Opt, out var problem);
        Assert.Null(problem);
        Assert.Equal(BriefWindowKind.Period, w!.Kind);
        Assert.Equal("2025-03-04T18:00+02:00..2025-03-06T00:00+02:00", w.Key);

        // No --until: the end of today, Kyiv time.
        Assert.Equal("2025-03-04T18:00+02:00..2025-03-07T00:00+02:00", BriefWindow.From(null, B("2025-03-04T18:00+02:00"), null, today, today, Opt, out _)!.Key);

        // Days alone are days, as before.
        Assert.Equal(BriefWindowKind.Range, BriefWindow.From(null, B("2025-03-04"), B("2025-03-05"), today, today, Opt, out _)!.Kind);

        Assert.Null(BriefWindow.From(null, B("2025-03-05T09:00+02:00"), B("2025-03-05T07:00Z"), today, today, Opt, out problem));
        Assert.Equal("--until 2025-03-05T07:00Z is not after --since 2025-03-05T09:00+02:00; swap them.", problem);
        Assert.Null(BriefWindow.From(today, B("2025-03-05T09:00+02:00"), null, today, today, Opt, out problem));
        Assert.Contains("not both", problem, StringComparison.Ordinal);
        Assert.Null(BriefWindow.From(null, null, B("2025-03-05T09:00+02:00"), today, today, Opt, out problem));
        Assert.Contains("--until needs --since", problem, StringComparison.Ordinal);
    }
}
