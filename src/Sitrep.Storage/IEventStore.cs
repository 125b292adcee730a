using Sitrep.Core;

namespace Sitrep.Storage;

/// <summary>
/// The ledger: reports (every version kept), the events extracted from them, each figure as a claim with its
/// claimant and evidence, places, diagnostics, and which run produced what. SQLite and PostgreSQL implement it
/// with the same behaviour; one test suite runs against both.
/// <para>
/// A report is known by its URL and content hash (<see cref="ReportKey"/>): saving the same one twice adds
/// nothing; an edited text at a known URL is stored as the next version and the earlier one kept. A batch is
/// written in one transaction, so a run stopped at any point leaves whole reports or none.
/// </para>
/// Thread-safe: operations may run concurrently (each takes its own connection).
/// </summary>
public interface IEventStore : IAsyncDisposable
{
    StoreLocation Location { get; }

    /// <summary>The keys among <paramref name="keys"/> that are already stored.</summary>
    Task<IReadOnlySet<ReportKey>> FindKnownAsync(IReadOnlyCollection<ReportKey> keys, CancellationToken cancellationToken = default);

    /// <summary>
    /// Stores a batch of reports with their extractions in one transaction. A submission without an extraction is
    /// stored as pending, for <see cref="ProcessPendingAsync"/>. Returns one admission per submission, in order.
    /// </summary>
    Task<IReadOnlyList<Admission>> SaveAsync(IReadOnlyList<ReportSubmission> batch, CancellationToken cancellationToken = default);

    /// <summary>
    /// Claims up to <paramref name="max"/> pending reports that no other worker holds (PostgreSQL: FOR UPDATE SKIP
    /// LOCKED), runs <paramref name="extract"/> on them, and stores the results, all in one transaction: a worker
    /// that dies leaves its claim to the others. Returns how many reports were done; 0 when none was pending.
    /// </summary>
    Task<int> ProcessPendingAsync(int max, string worker, string extractor, Func<IReadOnlyList<Article>, IReadOnlyList<Extraction>> extract, CancellationToken cancellationToken = default);

    /// <summary>Marks every extracted report pending again (its events are replaced when a worker redoes it). Returns how many.</summary>
    Task<int> RequeueAllAsync(CancellationToken cancellationToken = default);

    Task<StoreCounts> CountAsync(CancellationToken cancellationToken = default);

    /// <summary>How many reports are stored pending, waiting for a worker (read from the pending index: cheap on any store).</summary>
    Task<long> CountPendingAsync(CancellationToken cancellationToken = default);

    /// <summary>One row per event that matches, newest first (or oldest first when <see cref="EventQuery.Ascending"/>).</summary>
    Task<IReadOnlyList<EventSummary>> FindEventsAsync(EventQuery query, CancellationToken cancellationToken = default);

    /// <summary>Every matching event whole, streamed in pages (for exports of any size).</summary>
    IAsyncEnumerable<StoredEvent> StreamEventsAsync(EventQuery query, CancellationToken cancellationToken = default);

    Task<StoredEvent?> GetEventAsync(long id, CancellationToken cancellationToken = default);

    /// <summary>Whole events by id, in the order asked; ids not stored are left out.</summary>
    Task<IReadOnlyList<StoredEvent>> GetEventsAsync(IReadOnlyList<long> ids, CancellationToken cancellationToken = default);

    Task<StoredReport?> GetReportAsync(long id, CancellationToken cancellationToken = default);

    /// <summary>Every version stored for a URL, oldest first.</summary>
    Task<IReadOnlyList<StoredReport>> GetReportVersionsAsync(string url, CancellationToken cancellationToken = default);

    /// <summary>Each extraction run: which report, which worker, which extractor. A report done once has one run.</summary>
    Task<IReadOnlyList<ExtractionRun>> GetRunsAsync(CancellationToken cancellationToken = default);

    // ---- attacks: the events of many reports merged (the store merges inside every write's transaction) ----

    /// <summary>One row per attack that matches (the event filters read as filters on attacks), newest first; without figures and members.</summary>
    Task<IReadOnlyList<StoredAttack>> FindAttacksAsync(EventQuery query, CancellationToken cancellationToken = default);

    /// <summary>Every matching attack whole (figures with every claim, members with why they joined), streamed in id order.</summary>
    IAsyncEnumerable<StoredAttack> StreamAttacksAsync(EventQuery query, CancellationToken cancellationToken = default);

    /// <summary>Whole attacks by id (figures with every claim, members with why), in the order asked; ids not stored (or retired) are left out.</summary>
    Task<IReadOnlyList<StoredAttack>> GetAttacksAsync(IReadOnlyList<long> ids, CancellationToken cancellationToken = default);

    /// <summary>One attack whole; an id that a re-merge retired leads to the attack that took most of its members.</summary>
    Task<StoredAttack?> GetAttackAsync(long id, CancellationToken cancellationToken = default);

    /// <summary>Per day, attacker, target and weapon family: attacks, reports, best launched and destroyed summed over attacks, killed, injured.</summary>
    Task<IReadOnlyList<AttackStat>> AttackStatsAsync(EventQuery filter, CancellationToken cancellationToken = default);

    /// <summary>
    /// The same rows for the matching attacks no member's text dates (<see cref="AttackStat.Date"/> null): one per attacker,
    /// target and family, and how many attacks they are (an attack of two families is in two rows), so that a tally can
    /// say what its days leave out.
    /// </summary>
    Task<UndatedAttackStats> UndatedAttackStatsAsync(EventQuery filter, CancellationToken cancellationToken = default);

    /// <summary>
    /// The matching attacks grouped by their map location's region (<see cref="PlaceLevel.Admin1"/>) or by the location
    /// itself, most attacks first; attacks without a location are left out.
    /// </summary>
    Task<IReadOnlyList<PlaceCount>> PlaceCountsAsync(EventQuery filter, PlaceLevel level, CancellationToken cancellationToken = default);

    /// <summary>Records an analyst's join or split and recomputes what it touches; every later merge and rebuild honours it.</summary>
    Task<MergeSummary> DecideAsync(MergeDecisionRequest request, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<StoredDecision>> GetDecisionsAsync(CancellationToken cancellationToken = default);

    /// <summary>Recomputes every attack from the stored events and decisions, keeping ids where attacks keep most of their members.</summary>
    Task<MergeSummary> RebuildAttacksAsync(IProgress<(int Done, int Total)>? progress = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Stops merging on write until the next <see cref="RebuildAttacksAsync"/>: for a bulk backfill of history, where
    /// merging batch by batch would recompute the same months again and again. Attacks are stale (and say so) until
    /// the rebuild.
    /// </summary>
    Task SuspendMergingAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// A read-only view of the store as it is now, for a document made of many reads (a brief): every read through it
    /// sees this moment's committed state while writers go on. Dispose it soon; it holds a connection.
    /// </summary>
    Task<IStoreSnapshot> OpenSnapshotAsync(CancellationToken cancellationToken = default);

    /// <summary>True when the store holds events no merge has seen (made before attacks existed): <c>sitrep merge --rebuild</c>.</summary>
    Task<bool> NeedsRebuildAsync(CancellationToken cancellationToken = default);
}

/// <summary>
/// A store whose writes merge into attacks and keep the events they read cached: it can read the stored events the
/// merge of some coming reports will need before they are written, while they are still being extracted, so the
/// first write of a process does not read its window cold. A hint only: nothing is stored, and a write never
/// depends on it having run.
/// </summary>
public interface IMergeWarmup
{
    /// <summary>Reads into the merge's caches the stored events that the merge of <paramref name="upcoming"/> will need.</summary>
    Task WarmMergeAsync(IReadOnlyList<ReportSubmission> upcoming, CancellationToken cancellationToken = default);
}

/// <summary>
/// A store that can take a bulk load into an empty ledger with one merge at its end instead of one per write. Into a
/// new store the reports of a bulk load fall on every day of its span, so each write's window is the whole ledger so
/// far, and merging write by write recomputes the same attacks again and again (five writes of 4,000 reports merged
/// 24,275 events for 11,797). While such a load runs the store says its attacks are not built yet (as after
/// <see cref="IEventStore.SuspendMergingAsync"/>), every write still commits its reports and events whole, and the
/// load's end builds every attack once; a load cut short leaves that said, and the next load (or
/// <c>sitrep merge --rebuild</c>) builds them.
/// </summary>
public interface IBulkMerge
{
    /// <summary>
    /// Starts a bulk load when an earlier one was cut short before its merge, or (when <paramref name="startIfEmpty"/>)
    /// the store holds no report yet: writes then store without merging (keeping what they wrote cached for the merge
    /// at the end). False, and nothing changed, otherwise: writes merge as they land.
    /// </summary>
    Task<bool> TryBeginBulkMergeAsync(bool startIfEmpty, CancellationToken cancellationToken = default);

    /// <summary>The bulk load's one merge: every attack built from the stored events (as a rebuild builds them), ending the load.</summary>
    Task<MergeSummary> FinishBulkMergeAsync(CancellationToken cancellationToken = default);
}
