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
    public void Dates_resolve_against_publication(string text, string expected, DatePrecision precision)
    {
        var d = Assert.Single(Annotate.Layer<DateMention>(text, Layers.Dates));
        Assert.Equal(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), d.Date.Date);
        Assert.Equal(precision, d.Date.Precision);
        Assert.Equal(text.Substring(d.Span.Start, d.Span.Length), d.Date.Text);
    }

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
}
