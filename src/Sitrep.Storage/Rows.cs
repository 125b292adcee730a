using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using Sitrep.Core;
using Sitrep.Merge;

namespace Sitrep.Storage;

internal sealed record EventRow(
    long Id, long ReportId, int Ordinal, string Kind, DateOnly? Date, DateOnly? DateStart, string DatePrecision, string DateText,
    int DateSpanStart, int DateSpanEnd, string Attacker, string TargetCountry, int? Launched, int? Destroyed, int? Suppressed,
    int? Killed, int? Injured, int Categories, string? PrimaryFamily, string WeaponsText, string PlacesText, string? ClaimedBy,
    string? LocationText, string? LocationName, string? LocationCountry, string? LocationAdmin1, double? Latitude, double? Longitude,
    int? GeoPrecision, DateOnly? Anchor, DateOnly? ReportLatest);

internal sealed record WeaponRow(
    long Id, long EventId, long ReportId, int Ordinal, string Category, string Family, string? Model, string? ModelKey,
    int EvidenceStart, int EvidenceEnd, string EvidenceText, int? Launched, int? Destroyed, int? Suppressed);

internal sealed record FigureRow(
    long EventId, long ReportId, long? WeaponId, int Ordinal, string Kind, int Value, string Qualifier, string? ClaimantName,
    string? ClaimantSide, int? ClaimantStart, int? ClaimantEnd, int EvidenceStart, int EvidenceEnd, string EvidenceText,
    bool IsCurrent, string? WeaponCategory, string? WeaponModel, string Rule, string? ClaimantId, bool ClaimantPerson);

internal sealed record PlaceRow(
    long EventId, long ReportId, int Ordinal, string Text, int SpanStart, int SpanEnd, string? Name, string? GazetteerId,
    string? Feature, string? Admin1, string? Country, double? Latitude, double? Longitude, int? GeoPrecision, int? WherePrecision,
    bool Occupied, bool IsTarget, bool IsLocation, string? TextKey, string? NameKey, string? Admin1Key);

internal sealed record ClaimantRow(
    long EventId, long ReportId, int Ordinal, string Name, string Side, int SpanStart, int SpanEnd, string? Canonical, bool IsPerson);

internal sealed record QuoteRow(long EventId, long ReportId, int Ordinal, int SpanStart, int SpanEnd, string Text);

internal sealed record DiagnosticRow(long ReportId, int Ordinal, string Code, string Severity, string Message, int? SpanStart, int? SpanEnd);

internal sealed record RunRow(long ReportId, string Worker, string Extractor, int Events, DateTimeOffset At);

/// <summary>
/// An extraction flattened into table rows. Event and weapon ids are assigned here, from ranges the backend
/// reserved, so that children can name their parents without a round trip per row.
/// </summary>
internal sealed class RowSet
{
    public List<EventRow> Events { get; } = [];
    public List<WeaponRow> Weapons { get; } = [];
    public List<FigureRow> Figures { get; } = [];
    public List<PlaceRow> Places { get; } = [];
    public List<ClaimantRow> Claimants { get; } = [];
    public List<QuoteRow> Quotes { get; } = [];
    public List<DiagnosticRow> Diagnostics { get; } = [];
    public List<RunRow> Runs { get; } = [];

    /// <summary>Every strike event added, with its anchor day: what the merge step must recompute around.</summary>
    public List<AnchoredKey> Anchors { get; } = [];

    public static (int Events, int Weapons) Count(IEnumerable<Extraction> extractions)
    {
        int events = 0, weapons = 0;
        foreach (var x in extractions)
        {
            events += x.Events.Length;
            foreach (var e in x.Events)
            {
                weapons += e.Weapons.Length;
            }
        }

        return (events, weapons);
    }

    /// <summary>
    /// Adds one report's extraction. <paramref name="eventId"/> gives the id of the event at each ordinal: the id it had
    /// before when the report is re-extracted (so links to it survive), else a new one.
    /// </summary>
    public void Add(long reportId, Extraction extraction, string worker, string extractor, DateTimeOffset at, Func<int, long> eventId, Func<long> nextWeaponId)
    {
        var ordinal = 0;
        var latest = MergeReport.LatestDateOf(extraction.Events);
        foreach (var e in extraction.Events)
        {
            var anchor = e.Kind == EventKind.Strike ? MergeEngine.AnchorOf(e, extraction.Article.Published, latest) : null;
            if (e.Kind == EventKind.Strike)
            {
                Anchors.Add(new AnchoredKey(new EventKey(reportId, ordinal), anchor));
            }

            AddEvent(reportId, ordinal, e, eventId(ordinal), nextWeaponId, anchor, latest);
            ordinal++;
        }

        var d = 0;
        foreach (var diag in extraction.Diagnostics)
        {
            Diagnostics.Add(new DiagnosticRow(reportId, d++, diag.Code, diag.Severity.ToString().ToLowerInvariant(), diag.Message, diag.Span?.Start, diag.Span?.End));
        }

        Runs.Add(new RunRow(reportId, worker, extractor, extraction.Events.Length, at));
    }

    private void AddEvent(long reportId, int ordinal, ExtractedEvent e, long eventId, Func<long> nextWeaponId, DateOnly? anchor, DateOnly? latest)
    {
        var figures = EventFigures.Of(e);
        var categories = 0;
        var figureOrdinal = 0;
        var w = 0;
        foreach (var use in e.Weapons)
        {
            var weaponId = nextWeaponId();
            categories |= CategoryBit(use.Weapon.Category);
            Weapons.Add(new WeaponRow(
                weaponId, eventId, reportId, w++, use.Weapon.Category.ToContract(), use.Weapon.Category.Family().ToContract(), use.Weapon.Model,
                StoreKeys.Model(use.Weapon.Model), use.Evidence.Span.Start, use.Evidence.Span.End, use.Evidence.Text ?? "",
                use.Current(FigureKind.Launched)?.Value, use.Current(FigureKind.Destroyed)?.Value, use.Current(FigureKind.Suppressed)?.Value));
            foreach (var claim in use.Claims)
            {
                Figures.Add(Figure(eventId, reportId, weaponId, figureOrdinal++, claim));
            }
        }

        foreach (var claim in e.Casualties)
        {
            Figures.Add(Figure(eventId, reportId, null, figureOrdinal++, claim));
        }

        var p = 0;
        var locationStored = false;
        foreach (var place in e.Places)
        {
            var isLocation = !locationStored && e.Location is not null && place == e.Location;
            locationStored |= isLocation;
            Places.Add(Place(eventId, reportId, p++, place, isTarget: true, isLocation));
        }

        if (e.Location is not null && !locationStored)
        {
            Places.Add(Place(eventId, reportId, p, e.Location, isTarget: false, isLocation: true));
        }

        var c = 0;
        foreach (var claimant in e.Claimants)
        {
            Claimants.Add(new ClaimantRow(eventId, reportId, c++, claimant.Name, claimant.Side.ToContract(), claimant.Span.Start, claimant.Span.End,
                claimant.Canonical, claimant.IsPerson));
        }

        var q = 0;
        foreach (var quote in e.Quotes)
        {
            Quotes.Add(new QuoteRow(eventId, reportId, q++, quote.Span.Start, quote.Span.End, quote.Text ?? ""));
        }

        var loc = e.Location;
        Events.Add(new EventRow(
            eventId, reportId, ordinal, e.Kind == EventKind.Aggregate ? "aggregate" : "strike", e.Date.Date, e.Date.Start,
            e.Date.Precision.ToContract(), e.Date.Text ?? "", e.Date.Span.Start, e.Date.Span.End, e.Attacker.ToContract(), e.TargetCountry.ToContract(),
            figures.Launched, figures.Destroyed, figures.Suppressed, figures.Killed, figures.Injured, categories, figures.PrimaryFamily?.ToContract(),
            figures.WeaponsText, EventFigures.PlacesText(e), EventFigures.ClaimedBy(e) is { Length: > 0 } claimedBy ? claimedBy : null,
            loc?.Text, loc is null ? null : loc.Name ?? loc.Text, loc?.Country, loc?.Admin1, loc?.Latitude, loc?.Longitude, loc?.GeoPrecision, anchor, latest));
    }

    private static FigureRow Figure(long eventId, long reportId, long? weaponId, int ordinal, FigureClaim claim) => new(
        eventId, reportId, weaponId, ordinal, claim.Kind.ToContract(), claim.Value, claim.Qualifier.ToContract(),
        claim.Claimant?.Name, claim.Claimant?.Side.ToContract(), claim.Claimant?.Span.Start, claim.Claimant?.Span.End,
        claim.Evidence.Span.Start, claim.Evidence.Span.End, claim.Evidence.Text ?? "", claim.IsCurrent,
        claim.Weapon?.Category.ToContract(), claim.Weapon?.Model, claim.Rule ?? "", claim.Claimant?.Canonical, claim.Claimant?.IsPerson ?? false);

    private static PlaceRow Place(long eventId, long reportId, int ordinal, PlaceRef p, bool isTarget, bool isLocation) => new(
        eventId, reportId, ordinal, p.Text, p.Span.Start, p.Span.End, p.Name, p.GazetteerId, p.Feature, p.Admin1, p.Country,
        p.Latitude, p.Longitude, p.GeoPrecision, p.WherePrecision, p.Occupied, isTarget, isLocation,
        StoreKeys.Place(p.Text), StoreKeys.Place(p.Name), StoreKeys.Place(p.Admin1));

    public static int CategoryBit(WeaponCategory c) => 1 << (int)c;
}

/// <summary>The contract names of Core enums, both ways.</summary>
internal static class Names
{
    public static WeaponCategory Category(string s) => ContractNames.ParseCategory(s);

    public static Qualifier Qualifier(string s) => ContractNames.ParseQualifier(s);

    public static FigureKind Figure(string s) => ContractNames.ParseFigure(s);

    public static DatePrecision Precision(string s) => ContractNames.ParsePrecision(s);

    public static Side Side(string s) => Parties.ParseSide(s);

    public static Country Country(string s) => Parties.ParseCountry(s);

    public static DiagnosticSeverity Severity(string s) => s switch
    {
        "error" => DiagnosticSeverity.Error,
        "warning" => DiagnosticSeverity.Warning,
        _ => DiagnosticSeverity.Info,
    };

    public static ReportStatus Status(string s) => s switch
    {
        "pending" => ReportStatus.Pending,
        "failed" => ReportStatus.Failed,
        _ => ReportStatus.Done,
    };

    public static string Status(ReportStatus s) => s switch
    {
        ReportStatus.Pending => "pending",
        ReportStatus.Failed => "failed",
        _ => "done",
    };

    public static ImmutableDictionary<string, string> Metadata(string? json) => StoreJson.ReadObject(json);

    public static string Metadata(ImmutableDictionary<string, string> metadata) => StoreJson.Object(metadata);
}
