using Sitrep.Core;

namespace Sitrep.Merge;

/// <summary>Where an event's anchor day comes from, strongest first.</summary>
internal enum AnchorSource
{
    /// <summary>The text dates the event to a day or a night.</summary>
    Dated,

    /// <summary>The event carries a date with no words behind it (the extraction assumed the publication date), or no date: the report's publication date.</summary>
    Published,

    /// <summary>No date and no publication date: the latest date the report's events give.</summary>
    ReportDates,

    /// <summary>Dated only to a week, a month or a year: the event is an attack of its own.</summary>
    Vague,

    /// <summary>Nothing dates it.</summary>
    None,
}

/// <summary>An event's anchor day and where it comes from. <see cref="Day"/> is null for <see cref="AnchorSource.None"/>, and for a vague date of an undated report.</summary>
internal readonly record struct Anchor(DateOnly? Day, AnchorSource Source)
{
    /// <summary>True when the date is the text's own (step 1); false when it is assumed (step 2).</summary>
    public bool IsDated => Source == AnchorSource.Dated;

    /// <summary>True for events whose date is assumed from the report (step 2).</summary>
    public bool IsAssumed => Source is AnchorSource.Published or AnchorSource.ReportDates;

    public static Anchor Of(ExtractedEvent e, MergeReport report) => Of(e, report.Published, report.LatestEventDate);

    public static Anchor Of(ExtractedEvent e, DateOnly? published, DateOnly? latestEventDate)
    {
        var date = e.Date;
        if (date.Precision is DatePrecision.Week or DatePrecision.Month or DatePrecision.Year)
        {
            // Alone either way; filed under its own date, else the report's, so windows find it.
            return new(date.Date ?? date.Start ?? published ?? latestEventDate, AnchorSource.Vague);
        }

        if (date.Date is { } d && !string.IsNullOrWhiteSpace(date.Text))
        {
            return new(d, AnchorSource.Dated);
        }

        if (published is { } p)
        {
            return new(p, AnchorSource.Published);
        }

        if (date.Date is { } assumed)
        {
            return new(assumed, AnchorSource.Published);
        }

        return latestEventDate is { } l ? new(l, AnchorSource.ReportDates) : new(null, AnchorSource.None);
    }
}
