using Sitrep.Core;

namespace Sitrep.Extraction.Tests.Stages;

public class DateStageTests
{
    // Publication: Thursday 2024-11-14.
    [Theory]
    [InlineData("Russia attacked Odesa overnight.", "2024-11-14", DatePrecision.Night)]
    [InlineData("Drones hit Kharkiv early Thursday.", "2024-11-14", DatePrecision.Day)]
    [InlineData("The strike came on Sunday.", "2024-11-10", DatePrecision.Day)]
    [InlineData("The strike came last Thursday.", "2024-11-07", DatePrecision.Day)]
    [InlineData("It happened on the night of Sunday to Monday.", "2024-11-11", DatePrecision.Night)]
    [InlineData("It happened in the night between Tuesday and Wednesday.", "2024-11-13", DatePrecision.Night)]
    [InlineData("Missiles hit on the night of 9-10 November.", "2024-11-10", DatePrecision.Night)]
    [InlineData("Drones hit the port yesterday.", "2024-11-13", DatePrecision.Day)]
    [InlineData("Missiles struck on December 29.", "2023-12-29", DatePrecision.Day)]
    [InlineData("Missiles struck on 3 November.", "2024-11-03", DatePrecision.Day)]
    [InlineData("Missiles struck on Nov. 2, 2022.", "2022-11-02", DatePrecision.Day)]
    [InlineData("Three days ago a drone hit the station.", "2024-11-11", DatePrecision.Day)]
    [InlineData("The ministry said on the 12th that drones hit Kursk.", "2024-11-12", DatePrecision.Day)]
    [InlineData("On the 20th local time, missiles struck Odesa.", "2024-10-20", DatePrecision.Day)]
    public void Dates_resolve_against_publication(string text, string expected, DatePrecision precision)
    {
        var d = Assert.Single(Annotate.Layer<DateMention>(text, Layers.Dates));
        Assert.Equal(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), d.Date.Date);
        Assert.Equal(precision, d.Date.Precision);
        Assert.Equal(text.Substring(d.Span.Start, d.Span.Length), d.Date.Text);
    }

    // A bulletin's reporting period is the night it ends on, whatever its start's day (publication 2024-11-14).
    [Theory]
    [InlineData("Ворог атакував з 18:00 12 листопада до 08:00 13 листопада.", "2024-11-13", DatePrecision.Night, "night-span")]
    [InlineData("Противник атаковал с 20:00 10 ноября до 07:00 мск 11 ноября.", "2024-11-11", DatePrecision.Night, "night-span")]
    [InlineData("Дрони летіли з 19:30 9 листопада до ранку 10 листопада.", "2024-11-10", DatePrecision.Night, "night-span")]
    [InlineData("ПВО работала с полуночи до 05:00 12 ноября.", "2024-11-12", DatePrecision.Night, "night-span")]
    [InlineData("Дрони атакували місто (з 21:00 11 листопада).", "2024-11-12", DatePrecision.Night, "night-from-evening")]
    [InlineData("Обстріли тривали з 06:00 до 14:00 12 листопада.", "2024-11-12", DatePrecision.Day, "day-span")]
    public void A_bulletins_period_dates_its_night(string text, string expected, DatePrecision precision, string rule)
    {
        var d = Assert.Single(Annotate.Layer<DateMention>(text, Layers.Dates));
        Assert.Equal(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), d.Date.Date);
        Assert.Equal(precision, d.Date.Precision);
        Assert.Equal(rule, d.Rule);
    }

    [Fact]
    public void The_night_and_its_period_in_brackets_agree()
    {
        var dates = Annotate.Layer<DateMention>("У ніч на 13 листопада (з 18:00 12 листопада) ворог атакував 40 дронами.", Layers.Dates);
        Assert.Equal(2, dates.Length);
        Assert.All(dates, d => Assert.Equal(new DateOnly(2024, 11, 13), d.Date.Date));
    }

    // The same moment in another clock, in brackets, dates nothing: the weekday in it is the night's other side.
    [Theory]
    [InlineData("Drones hit Kharkiv on Thursday night (2200 GMT Wednesday), the mayor said.")]
    [InlineData("Missiles struck Lviv early on Thursday (02:40 UTC), officials said.")]
    [InlineData("Ракети влучили у Львів у четвер (Wednesday, 23:10 GMT).")]
    public void A_time_in_another_clock_is_no_date(string text)
    {
        var d = Assert.Single(Annotate.Layer<DateMention>(text, Layers.Dates));
        Assert.DoesNotContain("(", d.Date.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Дрони атакували місто (з 21:00 мск 11 листопада).", "night-from-evening")]
    [InlineData("The port was hit (on Wednesday, the navy said).", null)]
    public void A_bracket_with_a_date_of_its_own_is_read(string text, string? rule)
    {
        var d = Assert.Single(Annotate.Layer<DateMention>(text, Layers.Dates));
        Assert.Contains("(", text[..d.Span.Start], StringComparison.Ordinal);
        if (rule is not null)
        {
            Assert.Equal(rule, d.Rule);
        }
    }

    [Theory]
    [InlineData("С 2022 года город обстреливали 300 раз.")]
    [InlineData("Ракета впала з 5 на 6 поверх.")]
    public void Words_of_a_period_without_a_clock_are_no_night(string text) =>
        Assert.DoesNotContain(Annotate.Layer<DateMention>(text, Layers.Dates), d => d.Rule is "night-span" or "night-from-evening" or "day-span");

    [Fact]
    public void A_day_earlier_resolves_against_the_date_in_its_sentence()
    {
        var dates = Annotate.Layer<DateMention>("Putin on Sunday vowed revenge for a drone attack on Kazan a day earlier.", Layers.Dates);
        var rel = Assert.Single(dates, d => d.IsRelative);
        Assert.Equal(new DateOnly(2024, 11, 9), rel.Date.Date);
    }

    [Fact]
    public void The_day_before_counts_from_the_last_date_the_report_gave()
    {
        var dates = Annotate.Layer<DateMention>("Drones hit Sumy on November 3. The day before, missiles struck Kharkiv.", Layers.Dates);
        Assert.Equal(new DateOnly(2024, 11, 2), Assert.Single(dates, d => d.IsRelative).Date.Date);
    }

    [Theory]
    [InlineData("Three soldiers were killed earlier this week.", DatePrecision.Week)]
    [InlineData("Kyiv came under attack last week.", DatePrecision.Week)]
    [InlineData("In March, drones hit the refinery.", DatePrecision.Month)]
    public void Vague_dates_keep_their_precision_and_no_day(string text, DatePrecision precision)
    {
        var d = Assert.Single(Annotate.Layer<DateMention>(text, Layers.Dates));
        Assert.Null(d.Date.Date);
        Assert.Equal(precision, d.Date.Precision);
    }

    [Theory]
    [InlineData("More than 1,400 missiles have been fired since the war began.")]
    [InlineData("Russia has launched 3,500 drones so far this month.")]
    [InlineData("Over the past 24 hours, 60 strikes were recorded.")]
    public void Periods_are_marked_for_totals(string text) =>
        Assert.Contains(Annotate.Layer<DateMention>(text, Layers.Dates), d => d.IsPeriod);

    [Fact]
    public void Without_a_publication_date_weekdays_do_not_resolve()
    {
        var doc = Annotate.Pipeline.Annotate(new Article("t", "Drones hit Odesa early Wednesday."));
        Assert.Null(Assert.Single(doc.Layer<DateMention>(Layers.Dates)).Date.Date);
    }

    [Theory]
    [InlineData("The ministry said on the 12th that drones hit Kursk.", "day-of-month")]
    [InlineData("It was the 5th day of shelling.", null)]
    [InlineData("Drones hit Kursk on November 10. On the same day, missiles struck Odesa.", "same-day")]
    [InlineData("Drones hit Kursk on November 10. The attack that day killed two people.", "same-day")]
    public void A_day_of_the_month_and_the_same_day_are_read_by_their_rules(string text, string? rule)
    {
        var dates = Annotate.Layer<DateMention>(text, Layers.Dates);
        if (rule is null)
        {
            Assert.Empty(dates);
            return;
        }

        var d = Assert.Single(dates, d => d.Rule == rule);
        Assert.NotNull(d.Date.Date);
        if (rule == "same-day")
        {
            Assert.Equal(new DateOnly(2024, 11, 10), d.Date.Date);
        }
    }

    [Fact]
    public void A_reports_own_day_after_said_on_does_not_date_an_attack_of_its_own()
    {
        var x = Annotate.Extract("""
            The toll of the missile strike on Odesa on Tuesday rose to 21, the minister said on Wednesday.
            The minister said on November 13 that the toll had risen to 21 after another victim died.
            """);
        var e = Assert.Single(x.Events);
        Assert.Equal(new DateOnly(2024, 11, 12), e.Date.Date);
    }
}
