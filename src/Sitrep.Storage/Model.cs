using System.Collections.Immutable;
using Sitrep.Core;

namespace Sitrep.Storage;

/// <summary>How a report is known: its normalized URL (empty when it has none) and the hash of its normalized text.</summary>
public readonly record struct ReportKey(string UrlKey, string ContentHash)
{
    public static ReportKey Of(Article article, string contentHash) => new(StoreKeys.Url(article.Url), contentHash);
}

/// <summary>
/// One report to store: the article as read, the hash of its text (see Sitrep.Ingest.ContentHash), where it was
/// read from, and its extraction (null: store it pending, for a worker).
/// </summary>
public sealed record ReportSubmission(Article Article, string ContentHash, string Origin, Extraction? Extraction, string Extractor = "")
{
    public ReportKey Key => ReportKey.Of(Article, ContentHash);
}

public enum AdmissionStatus
{
    /// <summary>Stored; the first version at its URL (or it has no URL).</summary>
    New,
    /// <summary>Stored; its URL was known with other text, so this is a later version.</summary>
    NewVersion,
    /// <summary>Already stored; nothing was added.</summary>
    Known,
}

/// <summary>What saving one submission did.</summary>
public sealed record Admission(ReportKey Key, AdmissionStatus Status, long? ReportId, int Version);

public enum ReportStatus
{
    Pending,
    Done,
    Failed,
}

/// <summary>A stored report version with its metadata.</summary>
public sealed record StoredReport(
    long Id,
    Article Article,
    string ContentHash,
    int Version,
    string Origin,
    DateTimeOffset IngestedAt,
    ReportStatus Status,
    string? Extractor,
    string? ExtractedBy,
    DateTimeOffset? ExtractedAt,
    int EventCount)
{
    public ImmutableArray<Diagnostic> Diagnostics { get; init; } = [];
}

/// <summary>The report an event came from, in brief.</summary>
public sealed record ReportRef(long Id, string? Title, string? Url, DateOnly? Published, string? Source, string Origin, int Version)
{
    /// <summary>The day (UTC) the store first took the report in: the last resort for dating a report that gives no date.</summary>
    public DateOnly? Ingested { get; init; }
}

/// <summary>An event as stored: its id, the report it came from, and the event itself, claims and all.</summary>
public sealed record StoredEvent(long Id, int Ordinal, ReportRef Report, ExtractedEvent Event)
{
    /// <summary>The attack the event is a member of; null before it is merged (or when it is an aggregate).</summary>
    public long? AttackId { get; init; }
}

/// <summary>
/// One row of an event listing. Figures are the event's best current claims: launched and destroyed summed
/// over its weapons, killed and injured the largest current claim.
/// </summary>
public sealed record EventSummary(
    long Id,
    long ReportId,
    EventKind Kind,
    DateOnly? Date,
    DatePrecision Precision,
    Side Attacker,
    Country TargetCountry,
    string Weapons,
    string Places,
    int? Launched,
    int? Destroyed,
    int? Killed,
    int? Injured,
    string? ClaimedBy,
    string? LocationName,
    double? Latitude,
    double? Longitude,
    string? ReportTitle,
    string? ReportUrl);

/// <summary>
/// A filter over events. Null fields do not filter. <see cref="Weapon"/> is a category (drone, cruise_missile,
/// ballistic_missile, missile, guided_bomb, artillery, rocket, other), a family (missile, bomb, artillery), or
/// a model name or its start ("shahed" matches Shahed-136). <see cref="Place"/> matches a place's text, its
/// gazetteer name or its region, ignoring case, accents and words like "region" or "oblast".
/// </summary>
public sealed record EventQuery
{
    public DateOnly? Since { get; init; }
    public DateOnly? Until { get; init; }
    public Side? Attacker { get; init; }
    public Country? Target { get; init; }
    public string? Place { get; init; }
    public WeaponSelector? Weapon { get; init; }
    public int? MinLaunched { get; init; }
    public int? MinKilled { get; init; }
    public EventKind? Kind { get; init; }
    public long? ReportId { get; init; }
    /// <summary>Events that are members of this attack.</summary>
    public long? AttackId { get; init; }
    /// <summary>At most this many rows; null for all.</summary>
    public int? Limit { get; init; } = 100;
    public int Offset { get; init; }
    public bool Ascending { get; init; }

    /// <summary>What a listing is ordered by (then by id, the same way); <see cref="LedgerSort.Date"/> unless said.</summary>
    public LedgerSort Sort { get; init; } = LedgerSort.Date;

    /// <summary>Keyset paging: only the rows that come after this one in the listing's order (null: from the first).</summary>
    public PageCursor? After { get; init; }
}

/// <summary>What a listing of events or attacks is ordered by. Every order ends with the id, so it is total.</summary>
public enum LedgerSort
{
    /// <summary>The date (undated rows last when newest first, first when oldest first).</summary>
    Date,
    /// <summary>Best launched (rows without a count last when largest first).</summary>
    Launched,
    Destroyed,
    Killed,
    Injured,
}

/// <summary>
/// Where a page of a listing ended: the last row's sort value (a figure, -1 when it has none), its date and its id.
/// The next page starts after it, however many rows came before (keyset paging: no OFFSET to walk).
/// </summary>
public sealed record PageCursor(long Value, DateOnly? Date, long Id);

/// <summary>How <see cref="IEventStore.PlaceCountsAsync"/> groups attacks: by their map location's region, or by the location itself.</summary>
public enum PlaceLevel
{
    Admin1,
    Place,
}

/// <summary>
/// The attacks whose map location is in one place (a region, or a town or facility): how many, and the sums of their best
/// launched, destroyed, killed and injured (null when none of them gives the figure).
/// </summary>
public sealed record PlaceCount(string Name, string? Admin1, string? Country, double? Latitude, double? Longitude, int Attacks, long? Launched, long? Destroyed, long? Killed, long? Injured);

public sealed record StoreCounts(long Reports, long Pending, long Failed, long Events, long Figures, long Places, long Urls);

public sealed record ExtractionRun(long Id, long ReportId, string Worker, string Extractor, int Events, DateTimeOffset At);
