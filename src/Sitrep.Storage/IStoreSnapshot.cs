namespace Sitrep.Storage;

/// <summary>
/// A read-only view of the store as it was at one moment: every read through it sees the same committed state,
/// whatever writers commit meanwhile (SQLite: one read transaction on the WAL database; PostgreSQL: one
/// <c>REPEATABLE READ READ ONLY</c> transaction). What a document written from many reads (a brief) uses so that
/// its parts agree with each other.
/// <para>
/// It is not a lock: writers are never blocked by it. It holds one connection until disposed, so keep it short-lived,
/// and it is not thread-safe: one read at a time.
/// </para>
/// </summary>
public interface IStoreSnapshot : IAsyncDisposable
{
    /// <summary>One row per attack that matches, without figures and members, oldest first (by date, then id).</summary>
    Task<IReadOnlyList<StoredAttack>> FindAttacksAsync(EventQuery query, CancellationToken cancellationToken = default);

    /// <summary>Whole attacks (figures with every claim, members with their reports) by id, in the order asked; ids not stored are left out.</summary>
    Task<IReadOnlyList<StoredAttack>> GetAttacksAsync(IReadOnlyList<long> ids, CancellationToken cancellationToken = default);

    /// <summary>Whole events by id, in the order asked; ids not stored are left out.</summary>
    Task<IReadOnlyList<StoredEvent>> GetEventsAsync(IReadOnlyList<long> ids, CancellationToken cancellationToken = default);

    /// <summary>Every event of these reports whose kind is <paramref name="kind"/>, whole, by report and ordinal.</summary>
    Task<IReadOnlyList<StoredEvent>> GetEventsOfReportsAsync(IReadOnlyCollection<long> reportIds, Sitrep.Core.EventKind kind, CancellationToken cancellationToken = default);

    /// <summary>Reports by id with their text (without diagnostics), in the order asked; ids not stored are left out.</summary>
    Task<IReadOnlyList<StoredReport>> GetReportsAsync(IReadOnlyList<long> ids, CancellationToken cancellationToken = default);

    Task<StoreCounts> CountAsync(CancellationToken cancellationToken = default);
}
