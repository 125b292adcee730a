using System.Collections.Immutable;
using Sitrep.Core;

namespace Sitrep.Ledger.Compare;

/// <summary>How the ledger's figures for one night and family stand against the reference's.</summary>
public enum Agreement
{
    /// <summary>Every figure both sides give is equal.</summary>
    Exact,

    /// <summary>Not exact, but every figure both sides give is within 10% of the reference's.</summary>
    Within10Percent,

    /// <summary>Some figure both sides give differs by more than 10% of the reference's.</summary>
    Mismatch,

    /// <summary>Both sides have the night and family, but no figure in common (one gives only launched, the other only destroyed).</summary>
    NoCommonFigure,

    /// <summary>The ledger has figures for the night and family; the reference has no row for them.</summary>
    OnlyLedger,

    /// <summary>The reference has rows for the night and family, within the span; the ledger has no figure for them.</summary>
    OnlyReference,
}

/// <summary>Launched and destroyed on one side of a comparison, summed over that side's attacks or rows; null when none gives it.</summary>
public readonly record struct NightFigures(int? Launched, int? Destroyed);

/// <summary>
/// One night and weapon family compared: each side's figures (null when that side has nothing), the agreement,
/// the ledger attacks whose figures were summed (ids, ascending) and how many reference rows were.
/// </summary>
public sealed record NightComparison(
    DateOnly Night, WeaponFamily Family, Agreement Agreement, NightFigures? Ledger, NightFigures? Reference,
    ImmutableArray<long> AttackIds, int ReferenceRows);

/// <summary>Where an end of the compared span came from.</summary>
public enum SpanEnd
{
    /// <summary>Given by the caller (<c>--since</c>, <c>--until</c>).</summary>
    Given,

    /// <summary>The ledger's first or last dated attack (any attacker, any target).</summary>
    Ledger,
}

/// <summary>The nights compared, both ends included, and where each end came from.</summary>
public sealed record ComparisonSpan(DateOnly Since, DateOnly Until, SpanEnd SinceFrom, SpanEnd UntilFrom)
{
    public bool Contains(DateOnly night) => night >= Since && night <= Until;

    public int Nights => Until.DayNumber - Since.DayNumber + 1;
}

/// <summary>A count of nights × families and its share of those compared (both sides present); share null when none were.</summary>
public readonly record struct ShareCount(int Count, double? Share);

/// <summary>
/// The comparison summed up. "Compared" counts the nights × families both sides have; exact, within 10%, mismatch
/// and no common figure split them (their shares add up to 1). Only-ledger and only-reference rows are counted
/// apart. A night is in both when both sides have figures of a compared family on it, any family.
/// </summary>
public sealed record ComparisonSummary
{
    public int NightsInLedger { get; init; }

    public int NightsInReference { get; init; }

    public int NightsInBoth { get; init; }

    public int Compared { get; init; }

    public ShareCount Exact { get; init; }

    public ShareCount Within10Percent { get; init; }

    public ShareCount Mismatch { get; init; }

    public ShareCount NoCommonFigure { get; init; }

    public int OnlyLedger { get; init; }

    public int OnlyReference { get; init; }

    /// <summary>Every mismatch, by night then family, with both sides' figures and the ledger's attack ids.</summary>
    public ImmutableArray<NightComparison> Mismatches { get; init; } = [];

    /// <summary>Ledger attacks given to the comparison, within the span.</summary>
    public int LedgerAttacks { get; init; }

    /// <summary>Of those, attacks by Russia on Ukraine that were compared.</summary>
    public int LedgerAttacksCompared { get; init; }

    /// <summary>Attacks in the span that are not Russia's on Ukraine: the reference does not cover them.</summary>
    public int LedgerAttacksOtherParties { get; init; }

    /// <summary>Attacks without a date, given but not compared.</summary>
    public int LedgerAttacksUndated { get; init; }

    /// <summary>Reference rows whose night lies in the span.</summary>
    public int ReferenceRowsInSpan { get; init; }

    /// <summary>Of those, rows whose model has no family (listed in <see cref="UnmappedModels"/>): not compared.</summary>
    public int ReferenceRowsUnmapped { get; init; }

    /// <summary>Of those, rows of a family the comparison does not cover (bombs, …): not compared.</summary>
    public ImmutableDictionary<WeaponFamily, int> ReferenceRowsOtherFamilies { get; init; } = ImmutableDictionary<WeaponFamily, int>.Empty;

    /// <summary>The unmapped models of rows in the span.</summary>
    public ImmutableArray<UnmappedModel> UnmappedModels { get; init; } = [];
}

/// <summary>
/// The ledger's figures checked against the reference night by night: the span compared (null when it could not be
/// chosen: no --since/--until and no dated attack), one row per night and family either side has within it (by
/// night, then family), and the summary.
/// </summary>
public sealed record ComparisonReport(ReferenceTable Reference, ComparisonSpan? Span, ImmutableArray<NightComparison> Nights, ComparisonSummary Summary);

/// <summary>
/// Compares the ledger's attacks with the reference table, per night and weapon family (drone and missile: the
/// reference has no bombs or artillery).
/// <list type="bullet">
/// <item>Ledger side: the sum over the night's attacks by Russia on Ukraine of each attack's best launched and of
/// its best destroyed (a figure no attack gives stays unknown). Reference side: the sum over the night's rows of that
/// family (rows whose model could not be mapped are left out and listed).</item>
/// <item>Agreement: figures are compared only where both sides give them. Exact when all are equal; within 10%
/// when each differs from the reference's by at most 10% of it (|ledger − reference| ≤ 0.1 × reference); else a
/// mismatch.</item>
/// <item>Span: <c>since</c>..<c>until</c> when given; an end not given is the ledger's first or last dated attack
/// night (of any attacker: the nights the ledger covers). Only rows and attacks within it count, so a ledger of three
/// nights is not blamed for the reference's other nights.</item>
/// </list>
/// Pure and deterministic: the same inputs give the same report.
/// </summary>
public static class ReferenceComparison
{
    /// <summary>The families compared.</summary>
    public static readonly ImmutableArray<WeaponFamily> Families = [WeaponFamily.Drone, WeaponFamily.Missile];

    /// <summary>The tolerance of <see cref="Agreement.Within10Percent"/>, as a share of the reference's figure.</summary>
    public const double Tolerance = 0.10;

    public static ComparisonReport Compare(ReferenceTable reference, IEnumerable<LedgerAttackFigures> attacks, DateOnly? since = null, DateOnly? until = null)
    {
        var given = attacks.Where(a => a.Date is not { } d || (since is null || d >= since) && (until is null || d <= until)).ToList();
        var dated = given.Where(a => a.Date is not null).ToList();
        var span = ChooseSpan(dated, since, until);
        if (span is null)
        {
            var none = new ComparisonSummary { LedgerAttacksUndated = given.Count - dated.Count };
            return new ComparisonReport(reference, null, [], none);
        }

        var inSpan = dated.Where(a => span.Contains(a.Date!.Value)).ToList();
        var compared = inSpan.Where(a => a.Attacker == Side.Russia && a.Target == Country.Ukraine).ToList();
        var rowsInSpan = reference.Rows.Where(r => span.Contains(r.Night)).ToList();

        var ledger = new Dictionary<(DateOnly, WeaponFamily), Sum>();
        foreach (var a in compared)
        {
            foreach (var f in a.Families.Where(f => f.HasFigure && Families.Contains(f.Family)))
            {
                SumFor(ledger, (a.Date!.Value, f.Family)).Add(f.Launched, f.Destroyed, a.Id);
            }
        }

        var refs = new Dictionary<(DateOnly, WeaponFamily), Sum>();
        foreach (var r in rowsInSpan.Where(r => r.Family is { } f && Families.Contains(f)))
        {
            SumFor(refs, (r.Night, r.Family!.Value)).Add(r.Launched, r.Destroyed, null);
        }

        var nights = ledger.Keys.Union(refs.Keys).Order().Select(key =>
        {
            var l = ledger.GetValueOrDefault(key);
            var r = refs.GetValueOrDefault(key);
            return new NightComparison(key.Item1, key.Item2, Classify(l?.Figures, r?.Figures), l?.Figures, r?.Figures,
                l is null ? [] : [.. l.Ids.Order()], r?.Count ?? 0);
        }).ToImmutableArray();

        var summary = Summarize(nights) with
        {
            LedgerAttacks = inSpan.Count,
            LedgerAttacksCompared = compared.Count,
            LedgerAttacksOtherParties = inSpan.Count - compared.Count,
            LedgerAttacksUndated = given.Count - dated.Count,
            ReferenceRowsInSpan = rowsInSpan.Count,
            ReferenceRowsUnmapped = rowsInSpan.Count(r => r.Family is null),
            ReferenceRowsOtherFamilies = rowsInSpan.Where(r => r.Family is { } f && !Families.Contains(f))
                .GroupBy(r => r.Family!.Value).ToImmutableDictionary(g => g.Key, g => g.Count()),
            UnmappedModels = ReferenceTable.Unmapped(rowsInSpan),
        };
        return new ComparisonReport(reference, span, nights, summary);
    }

    /// <summary>The agreement of two sides' figures for one night and family (either side null: that side has nothing).</summary>
    public static Agreement Classify(NightFigures? ledger, NightFigures? reference)
    {
        if (ledger is not { } l)
        {
            return Agreement.OnlyReference;
        }

        if (reference is not { } r)
        {
            return Agreement.OnlyLedger;
        }

        var pairs = new[] { (l.Launched, r.Launched), (l.Destroyed, r.Destroyed) }
            .Where(p => p.Item1 is not null && p.Item2 is not null)
            .Select(p => (Ledger: (long)p.Item1!.Value, Reference: (long)p.Item2!.Value))
            .ToList();
        if (pairs.Count == 0)
        {
            return Agreement.NoCommonFigure;
        }

        if (pairs.All(p => p.Ledger == p.Reference))
        {
            return Agreement.Exact;
        }

        // |ledger − reference| ≤ 10% of the reference, in whole numbers: 10 × |difference| ≤ reference.
        return pairs.All(p => 10 * Math.Abs(p.Ledger - p.Reference) <= p.Reference) ? Agreement.Within10Percent : Agreement.Mismatch;
    }

    private static ComparisonSpan? ChooseSpan(List<LedgerAttackFigures> dated, DateOnly? since, DateOnly? until)
    {
        var first = dated.Count == 0 ? (DateOnly?)null : dated.Min(a => a.Date!.Value);
        var last = dated.Count == 0 ? (DateOnly?)null : dated.Max(a => a.Date!.Value);
        if ((since ?? first) is not { } from || (until ?? last) is not { } to || to < from)
        {
            return null;
        }

        return new ComparisonSpan(from, to, since is null ? SpanEnd.Ledger : SpanEnd.Given, until is null ? SpanEnd.Ledger : SpanEnd.Given);
    }

    private static ComparisonSummary Summarize(ImmutableArray<NightComparison> nights)
    {
        var both = nights.Where(n => n.Ledger is not null && n.Reference is not null).ToList();
        ShareCount Share(Agreement a)
        {
            var count = both.Count(n => n.Agreement == a);
            return new ShareCount(count, both.Count == 0 ? null : (double)count / both.Count);
        }

        var ledgerNights = nights.Where(n => n.Ledger is not null).Select(n => n.Night).ToHashSet();
        var referenceNights = nights.Where(n => n.Reference is not null).Select(n => n.Night).ToHashSet();
        return new ComparisonSummary
        {
            NightsInLedger = ledgerNights.Count,
            NightsInReference = referenceNights.Count,
            NightsInBoth = ledgerNights.Intersect(referenceNights).Count(),
            Compared = both.Count,
            Exact = Share(Agreement.Exact),
            Within10Percent = Share(Agreement.Within10Percent),
            Mismatch = Share(Agreement.Mismatch),
            NoCommonFigure = Share(Agreement.NoCommonFigure),
            OnlyLedger = nights.Count(n => n.Agreement == Agreement.OnlyLedger),
            OnlyReference = nights.Count(n => n.Agreement == Agreement.OnlyReference),
            Mismatches = [.. nights.Where(n => n.Agreement == Agreement.Mismatch)],
        };
    }

    private static Sum SumFor(Dictionary<(DateOnly, WeaponFamily), Sum> sums, (DateOnly, WeaponFamily) key)
    {
        if (!sums.TryGetValue(key, out var sum))
        {
            sums[key] = sum = new Sum();
        }

        return sum;
    }

    /// <summary>Figures added up on one side; a figure stays null until some attack or row gives it.</summary>
    private sealed class Sum
    {
        private long? _launched;
        private long? _destroyed;

        public HashSet<long> Ids { get; } = [];

        public int Count { get; private set; }

        public NightFigures Figures => new(Clamp(_launched), Clamp(_destroyed));

        public void Add(int? launched, int? destroyed, long? id)
        {
            Count++;
            if (launched is { } l)
            {
                _launched = (_launched ?? 0) + l;
            }

            if (destroyed is { } d)
            {
                _destroyed = (_destroyed ?? 0) + d;
            }

            if (id is { } i)
            {
                Ids.Add(i);
            }
        }

        private static int? Clamp(long? v) => v is { } x ? (int)Math.Min(x, int.MaxValue) : null;
    }
}
