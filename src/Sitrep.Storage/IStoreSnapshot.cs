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

    /// <summary>Attacks by id as <see cref="GetAttacksAsync(IReadOnlyList{long}, CancellationToken)"/> gives them, without the parts <paramref name="parts"/> leaves out.</summary>
    Task<IReadOnlyList<StoredAttack>> GetAttacksAsync(IReadOnlyList<long> ids, ReadParts parts, CancellationToken cancellationToken = default);

    /// <summary>Whole events by id, in the order asked; ids not stored are left out.</summary>
    Task<IReadOnlyList<StoredEvent>> GetEventsAsync(IReadOnlyList<long> ids, CancellationToken cancellationToken = default);

    /// <summary>Events by id as <see cref="GetEventsAsync(IReadOnlyList{long}, CancellationToken)"/> gives them, without the parts <paramref name="parts"/> leaves out.</summary>
    Task<IReadOnlyList<StoredEvent>> GetEventsAsync(IReadOnlyList<long> ids, ReadParts parts, CancellationToken cancellationToken = default);

    /// <summary>Every event of these reports whose kind is <paramref name="kind"/>, whole, by report and ordinal.</summary>
    Task<IReadOnlyList<StoredEvent>> GetEventsOfReportsAsync(IReadOnlyCollection<long> reportIds, Sitrep.Core.EventKind kind, CancellationToken cancellationToken = default);

    /// <summary>Reports by id with their text (without diagnostics), in the order asked; ids not stored are left out.</summary>
    Task<IReadOnlyList<StoredReport>> GetReportsAsync(IReadOnlyList<long> ids, CancellationToken cancellationToken = default);

    Task<StoreCounts> CountAsync(CancellationToken cancellationToken = default);
}

/// <summary>
/// What a read of attacks or events may leave out because its reader does not use it: a brief of a night cites a few
/// claims of attacks of hundreds of members, and writes none of their membership features. <see cref="Whole"/> leaves
/// nothing out. A part left out is empty in what the read gives (not the store's value), so a reader that leaves a
/// part out must not show it; what is read is exactly what a whole read gives.
/// </summary>
public sealed record ReadParts
{
    /// <summary>Nothing left out.</summary>
    public static ReadParts Whole { get; } = new();

    /// <summary>
    /// False: members carry their event, report, ordinal, kind, score, partiality and decision, but no explanation,
    /// features, report reference, article id or strike index.
    /// </summary>
    public bool MemberDetail { get; init; } = true;

    /// <summary>
    /// The claims of each figure of an attack (given the attack's head, without figures and members) whose words the
    /// reader uses; the other claims keep their span with no words. Null: every claim's words.
    /// </summary>
    public Func<StoredAttack, StoredAttackFigure, IEnumerable<StoredAttackClaim>>? ClaimWords { get; init; }

    /// <summary>
    /// False: events carry no claimants, and their claims only kind, value, qualifier, weapon, span and whether they
    /// are current (no words, claimant or rule).
    /// </summary>
    public bool EventClaimDetail { get; init; } = true;
}
