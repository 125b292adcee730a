using System.Collections.Immutable;
using System.Globalization;
using System.Runtime.InteropServices;
using Sitrep.Core;

namespace Sitrep.Merge;

/// <summary>
/// Reconciles an attack's figures from its members' claims, by the rule documented on <see cref="AttackFigure"/>.
/// Pure apart from the claimant lookup; never changes a claim.
/// </summary>
internal sealed class Reconciler(Func<string, ClaimantEntry?> lookup)
{
    /// <summary>Authority ranks (lower is more authoritative); see <see cref="AttackFigure"/>.</summary>
    internal const int National = 0, Command = 1, HeadOfState = 2, LocalAuthority = 3, Official = 4, Unattributed = 5, Outlet = 6, AttackerSide = 7;

    public ClaimantEntry? Entry(Claimant? c) => c?.Canonical is { } id ? lookup(id) : null;

    /// <summary>
    /// True when a member's own claimants are only regional or city authorities (its figures are theirs): a sign of
    /// a local account. False when it also cites a national body, or when the registry knows none of them.
    /// </summary>
    public bool OnlyLocalClaimants(ExtractedEvent e)
    {
        var anyLocal = false;
        foreach (var c in e.Claimants)
        {
            if (Entry(c) is not { } entry)
            {
                continue;
            }

            if (entry.Kind is ClaimantKind.RegionalAuthority or ClaimantKind.CityAuthority)
            {
                anyLocal = true;
            }
            else if (entry.Kind is ClaimantKind.AirForce or ClaimantKind.GeneralStaff or ClaimantKind.DefenceMinistry or ClaimantKind.HeadOfState)
            {
                return false;
            }
        }

        return anyLocal;
    }

    /// <summary>The claims one member gives each figure, in the order its figures are read (see <see cref="AttackFigure"/>).</summary>
    public List<Contribution> Collect(EventProfile p, bool partial, Country target, Side attacker, IReadOnlySet<string> regions)
    {
        var list = new List<Contribution>();
        Collect(p, partial, new RankContext(target, attacker, regions), list);
        return list;
    }

    /// <summary>
    /// The figures of an attack from its members' claims (<paramref name="members"/> in key order). With
    /// <paramref name="touched"/>, only those figures are reconciled again and every other one is taken from
    /// <paramref name="previous"/> as it is: a figure depends on its own claims and the attack's sides and regions alone.
    /// </summary>
    public ImmutableArray<AttackFigure> Figures(List<MemberState> members, Country target, Side attacker, IReadOnlySet<string> regions,
        IReadOnlySet<FigureKey>? touched, ImmutableArray<AttackFigure> previous)
    {
        var claims = new SortedDictionary<FigureKey, List<AttackClaim>>();
        var values = new Dictionary<FigureKey, List<(EventKey Event, int Value, bool Partial)>>();
        var context = new RankContext(target, attacker, regions);
        foreach (var m in members)
        {
            foreach (var c in m.Claims)
            {
                if (touched is not null && !touched.Contains(c.Key))
                {
                    continue;
                }

                if (!claims.TryGetValue(c.Key, out var list))
                {
                    claims[c.Key] = list = [];
                }

                list.Add(c.Claim);
                if (c.CountsAsValue)
                {
                    if (!values.TryGetValue(c.Key, out var v))
                    {
                        values[c.Key] = v = [];
                    }

                    v.Add((c.Claim.Event, c.Claim.Value, c.Claim.IsPartial));
                }
            }
        }

        MarkSuperseded(claims);
        var figures = new SortedDictionary<FigureKey, AttackFigure>();
        if (touched is not null && !previous.IsDefault)
        {
            foreach (var f in previous)
            {
                if (!touched.Contains(f.Key))
                {
                    figures[f.Key] = f;
                }
            }
        }

        foreach (var (key, list) in claims)
        {
            if (Figure(key, list, values.GetValueOrDefault(key) ?? [], context) is { } f)
            {
                figures[key] = f;
            }
        }

        return [.. figures.Values];
    }

    private readonly record struct RankContext(Country Target, Side Attacker, IReadOnlySet<string> Regions)
    {
        public Side TargetSide => Target.SideOf();

        /// <summary>The attacker's side: the known attacker, else the target's opponent.</summary>
        public Side AttackerSide => Attacker is Side.Russia or Side.Ukraine or Side.Belarus ? Attacker : TargetSide.Opponent() ?? Side.Unknown;
    }

    private void Collect(EventProfile p, bool partial, RankContext context, List<Contribution> into)
    {
        var e = p.Source.Event;
        var report = p.Source.Report;
        // A figure with no claimant of its own is credited to the event's only claimant, but only when no figure of the
        // event names one (the event's claimants then speak for all of it, as in hand-made gold).
        var sole = e.Claimants.Length == 1 && !e.Weapons.Any(w => w.Claims.Any(c => c.Claimant is not null)) && !e.Casualties.Any(c => c.Claimant is not null)
            ? e.Claimants[0]
            : null;

        void Add(FigureKey key, int value, ImmutableArray<FigureClaim> parts, ClaimStanding standing, bool countsAsEventValue)
        {
            var claimant = parts.Select(x => x.Claimant).FirstOrDefault(x => x is not null) ?? sole;
            var entry = Entry(claimant);
            var side = entry?.Side ?? claimant?.Side ?? Side.Unknown;
            var claim = new AttackClaim(p.Key, value, CombinedQualifier(parts), parts)
            {
                Source = report.Source,
                ReportDate = report.ReportDate,
                ReportIdentity = report.Identity,
                Claimant = claimant,
                Registered = entry,
                ClaimantSide = side,
                Authority = Rank(claimant, entry, side, context),
                IsPartial = partial,
                Standing = standing,
            };
            into.Add(new Contribution(key, claim, countsAsEventValue));
        }

        // Families: the event's sum, and every claim an entry revised within the report.
        var present = 0;
        foreach (var w in e.Weapons)
        {
            present |= 1 << (int)w.Weapon.Category.Family();
        }

        foreach (var family in EventProfile.FamilyOrder)
        {
            if ((present & (1 << (int)family)) == 0)
            {
                continue;
            }

            foreach (var kind in EventProfile.WeaponKinds)
            {
                if (EventProfile.FamilySum(e, family, kind, out var parts) is not { } sum)
                {
                    continue;
                }

                // One entry gives the figure: each of its current claims is a statement of its own claimant (the event's
                // value is the largest); several entries: their sum is one statement.
                if (SoleEntry(e, family, kind) is { } only)
                {
                    var current = only.Current(kind);
                    foreach (var c in only.Claims)
                    {
                        if (c.Kind == kind && c.IsCurrent && c.IsCount)
                        {
                            Add(new FigureKey(kind, family), c.Value, [c], ClaimStanding.Stands, ReferenceEquals(c, current));
                        }
                    }
                }
                else
                {
                    Add(new FigureKey(kind, family), sum, parts, ClaimStanding.Stands, true);
                }
            }
        }

        foreach (var w in e.Weapons)
        {
            foreach (var c in w.Claims)
            {
                // A revised or contested count is kept beside the family's figure; a part of a stated total is already in
                // it (the total), so it is neither added again nor shown as revised.
                if (c.IsCount && c.Kind is FigureKind.Launched or FigureKind.Destroyed && StandingOf(c.Role) is { } standing)
                {
                    Add(new FigureKey(c.Kind, w.Weapon.Category.Family()), c.Value, [c], standing, false);
                }
            }
        }

        // Models: entries naming the same model summed.
        List<(WeaponFamily Family, string Model)>? models = null;
        foreach (var w in e.Weapons)
        {
            if (!string.IsNullOrWhiteSpace(w.Weapon.Model))
            {
                var k = (w.Weapon.Category.Family(), w.Weapon.Model.Trim());
                if (!(models ??= []).Contains(k))
                {
                    models.Add(k);
                }
            }
        }

        foreach (var (family, model) in models ?? [])
        {
            foreach (var kind in EventProfile.WeaponKinds)
            {
                var parts = ImmutableArray.CreateBuilder<FigureClaim>();
                var sum = 0;
                foreach (var w in e.Weapons)
                {
                    if (w.Weapon.Model is { } m && w.Weapon.Category.Family() == family && m.Trim() == model && ModelClaim(w, kind) is { } c)
                    {
                        parts.Add(c);
                        sum = Counts.Add(sum, c.Value);
                    }
                }

                if (parts.Count > 0)
                {
                    Add(new FigureKey(kind, family, model), sum, parts.ToImmutable(), ClaimStanding.Stands, true);
                }
            }
        }

        // Casualties: every claim; the event's value is its largest current claim.
        foreach (var kind in (ReadOnlySpan<FigureKind>)[FigureKind.Killed, FigureKind.Injured])
        {
            var key = new FigureKey(kind);
            var current = kind == FigureKind.Killed ? e.Killed : e.Injured;
            var counted = false;
            foreach (var c in e.Casualties)
            {
                if (c.Kind != kind || !c.IsCount)
                {
                    continue;
                }

                var isEventValue = !counted && c.IsCurrent && c == current;
                counted |= isEventValue;
                Add(key, c.Value, [c], StandingOf(c.Role) ?? ClaimStanding.Stands, isEventValue);
            }
        }
    }

    /// <summary>
    /// The standing a claim's role in its report gives it beside the figure it is not: revised in the report, or the other
    /// side's contested claim; null for a claim that is counted (current, or a part of a stated total).
    /// </summary>
    private static ClaimStanding? StandingOf(ClaimRole role) => role switch
    {
        ClaimRole.Superseded => ClaimStanding.RevisedInReport,
        ClaimRole.OtherSidesClaim => ClaimStanding.ContestedInReport,
        _ => null,
    };

    /// <summary>An entry's figure for its model: its largest current claim, else its largest part of a stated total.</summary>
    private static FigureClaim? ModelClaim(WeaponUse w, FigureKind kind) => w.Current(kind) ?? w.Largest(kind, ClaimRole.PartOfTotal);

    /// <summary>The only weapon entry of the family that gives the kind, or null when none or several do.</summary>
    private static WeaponUse? SoleEntry(ExtractedEvent e, WeaponFamily family, FigureKind kind)
    {
        WeaponUse? only = null;
        foreach (var w in e.Weapons)
        {
            if (w.Weapon.Category.Family() == family && w.Current(kind) is not null)
            {
                if (only is not null)
                {
                    return null;
                }

                only = w;
            }
        }

        return only;
    }

    private static Qualifier CombinedQualifier(ImmutableArray<FigureClaim> parts)
    {
        foreach (var c in parts)
        {
            if (c.Qualifier != Qualifier.Exact)
            {
                return c.Qualifier;
            }
        }

        return Qualifier.Exact;
    }

    private static int Rank(Claimant? claimant, ClaimantEntry? entry, Side side, RankContext context)
    {
        if (claimant is null)
        {
            return Unattributed;
        }

        var targetSide = context.TargetSide;
        if (side != targetSide && side == context.AttackerSide && side != Side.Unknown)
        {
            return AttackerSide;
        }

        if (entry is null)
        {
            return side == targetSide && side != Side.Other ? Official : side == Side.Unknown ? Unattributed : Outlet;
        }

        if (entry.Kind is ClaimantKind.Outlet or ClaimantKind.Other || side != targetSide)
        {
            return Outlet;
        }

        var national = context.Target == Country.Ukraine ? ClaimantKind.AirForce : ClaimantKind.DefenceMinistry;
        if (entry.Kind == national)
        {
            return National;
        }

        // A government speaking as a whole ("Ukrainian officials said") says no more than an unattributed report.
        if (entry.Kind == ClaimantKind.Government)
        {
            return Unattributed;
        }

        return entry.Kind switch
        {
            ClaimantKind.AirForce or ClaimantKind.GeneralStaff or ClaimantKind.DefenceMinistry => Command,
            ClaimantKind.HeadOfState => HeadOfState,
            ClaimantKind.RegionalAuthority or ClaimantKind.CityAuthority when entry.Admin1 is { } a1 && context.Regions.Contains(a1) => LocalAuthority,
            _ => Official,
        };
    }

    /// <summary>A later claim by the same claimant (registry id) supersedes its earlier ones: they no longer stand.</summary>
    private static void MarkSuperseded(SortedDictionary<FigureKey, List<AttackClaim>> claims)
    {
        foreach (var list in claims.Values)
        {
            var latest = new Dictionary<string, DateOnly>(StringComparer.Ordinal);
            foreach (var c in list)
            {
                if (c.Standing == ClaimStanding.Stands && Identity(c) is { } id && c.ReportDate is { } d && (!latest.TryGetValue(id, out var l) || d > l))
                {
                    latest[id] = d;
                }
            }

            for (var i = 0; i < list.Count; i++)
            {
                var c = list[i];
                if (c.Standing == ClaimStanding.Stands && Identity(c) is { } id && c.ReportDate is { } d && d < latest[id])
                {
                    list[i] = c with { Standing = ClaimStanding.SupersededByClaimant };
                }
            }
        }
    }

    private static string? Identity(AttackClaim c) => c.Registered?.Id ?? c.Claimant?.Canonical;

    // Scratch lists reused by every figure of one merge run (a reconciler belongs to one run, one thread).
    private readonly List<AttackClaim> currentScratch = [];
    private readonly List<AttackClaim> wholeScratch = [];
    private readonly List<AttackClaim> sideScratch = [];
    private readonly List<AttackClaim> poolScratch = [];
    private readonly List<AttackClaim> fittedScratch = [];
    private readonly List<int> authorityScratch = [];
    private readonly List<AttackClaim> latestScratch = [];
    private readonly List<int> exactScratch = [];
    private readonly List<int> floorScratch = [];
    private readonly List<long> reportScratch = [];
    private readonly HashSet<EventKey> standingScratch = [];

    private AttackFigure? Figure(FigureKey key, List<AttackClaim> all, List<(EventKey Event, int Value, bool Partial)> eventValues, RankContext context)
    {
        var current = currentScratch;
        var whole = wholeScratch;
        current.Clear();
        whole.Clear();
        foreach (var c in all)
        {
            if (c.Standing is not (ClaimStanding.RevisedInReport or ClaimStanding.ContestedInReport))
            {
                current.Add(c);
                if (!c.IsPartial)
                {
                    whole.Add(c);
                }
            }
        }

        if (current.Count == 0)
        {
            return null;
        }

        if (whole.Count == 0)
        {
            whole = current;
        }

        var isToll = key.Family is null;
        var (best, rule, reason) = isToll ? BestToll(whole) : BestCount(whole);

        // Low and high over the whole members' figures (all members' when every one is partial).
        var anyWhole = eventValues.Exists(v => !v.Partial);
        int low = int.MaxValue, high = int.MinValue, conservative = int.MaxValue;
        var standing = standingScratch;
        standing.Clear();
        foreach (var c in whole)
        {
            if (c.Standing == ClaimStanding.Stands)
            {
                standing.Add(c.Event);
            }
        }

        foreach (var v in eventValues)
        {
            if (anyWhole && v.Partial)
            {
                continue;
            }

            low = Math.Min(low, v.Value);
            high = Math.Max(high, v.Value);
            if (standing.Contains(v.Event))
            {
                conservative = Math.Min(conservative, v.Value);
            }
        }

        if (low == int.MaxValue)
        {
            low = high = best.Value;
        }

        // Conservative: the smallest member figure that still stands.
        if (conservative == int.MaxValue)
        {
            conservative = low;
        }

        low = Math.Min(low, Math.Min(best.Value, conservative));
        high = Math.Max(high, Math.Max(best.Value, conservative));

        // Contested: each belligerent side's best.
        var sides = ImmutableArray<AttackClaim>.Empty;
        var contested = false;
        var ts = context.TargetSide;
        var asd = context.AttackerSide;
        if (ts is Side.Russia or Side.Ukraine or Side.Belarus && asd is Side.Russia or Side.Ukraine or Side.Belarus && ts != asd)
        {
            if (whole.Exists(c => c.ClaimantSide == ts) && whole.Exists(c => c.ClaimantSide == asd))
            {
                var a = BestOfSide(whole, ts, isToll);
                var b = BestOfSide(whole, asd, isToll);
                sides = [a, b];
                contested = a.Value != b.Value;
            }
        }

        var claims = all.ToArray();
        Array.Sort(claims, ClaimOrder);
        return new AttackFigure(key, best.Value, low, high, conservative, best)
        {
            BestRule = rule,
            BestReason = reason,
            Contested = contested,
            SideClaims = sides,
            Claims = ImmutableCollectionsMarshal.AsImmutableArray(claims),
        };
    }

    private AttackClaim BestOfSide(List<AttackClaim> whole, Side side, bool isToll)
    {
        var mine = sideScratch;
        mine.Clear();
        foreach (var c in whole)
        {
            if (c.ClaimantSide == side)
            {
                mine.Add(c);
            }
        }

        return isToll ? BestToll(mine).Claim : BestCount(mine).Claim;
    }

    /// <summary>
    /// Claims in a figure's list: by event in <see cref="EventOrder"/> (not by key: keys follow arrival), standing, value,
    /// then qualifier and claimant name (a total order on what a claim says).
    /// </summary>
    private static int ClaimOrder(AttackClaim a, AttackClaim b)
    {
        var c = EventOrder.Compare(a.Event, a.ReportDate, a.ReportIdentity, b.Event, b.ReportDate, b.ReportIdentity);
        if (c == 0)
        {
            c = a.Standing.CompareTo(b.Standing);
        }

        if (c == 0)
        {
            c = a.Value.CompareTo(b.Value);
        }

        if (c == 0)
        {
            c = a.Qualifier.CompareTo(b.Qualifier);
        }

        if (c == 0)
        {
            c = string.CompareOrdinal(a.Claimant?.Name, b.Claimant?.Name);
        }

        return c;
    }

    /// <summary>Launched and destroyed: the most authoritative claimant's latest figure; the one most reports carry when that day's reports disagree.</summary>
    private (AttackClaim Claim, string Rule, string Reason) BestCount(List<AttackClaim> whole)
    {
        var pool = StandingOf(whole, poolScratch);
        var exactValues = exactScratch;
        var floorValues = floorScratch;
        exactValues.Clear();
        floorValues.Clear();
        foreach (var c in pool)
        {
            var list = c.Qualifier == Qualifier.Exact ? exactValues : c.Qualifier is Qualifier.AtLeast or Qualifier.MoreThan ? floorValues : null;
            if (list is not null && !list.Contains(c.Value))
            {
                list.Add(c.Value);
            }
        }

        exactValues.Sort();
        floorValues.Sort();

        // The best rank among the claims left when hedged figures a more precise one fits are set aside. An exact figure
        // that a set-aside hedged one rounds ("88" for the president's "almost 90") speaks with that claimant's authority
        // too: the more precise statement of the same count.
        var hedgesDropped = false;
        var fitted = fittedScratch;
        var authority = authorityScratch;
        fitted.Clear();
        authority.Clear();
        foreach (var c in pool)
        {
            if (c.Qualifier != Qualifier.Exact && (Fits(c, exactValues) || FitsFloor(c, floorValues)))
            {
                hedgesDropped = true;
                continue;
            }

            fitted.Add(c);
            authority.Add(c.Authority);
        }

        if (hedgesDropped)
        {
            // Only a hedged claim that was set aside has exact figures in its range (that is what Fits tests).
            foreach (var h in pool)
            {
                if (h.Qualifier == Qualifier.Exact)
                {
                    continue;
                }

                var (lo, hi) = Rounds(h);
                for (var i = 0; i < fitted.Count; i++)
                {
                    if (fitted[i].Qualifier == Qualifier.Exact && fitted[i].Value >= lo && fitted[i].Value <= hi && h.Authority < authority[i])
                    {
                        authority[i] = h.Authority;
                    }
                }
            }
        }

        var rank = int.MaxValue;
        foreach (var a in authority)
        {
            rank = Math.Min(rank, a);
        }

        DateOnly? latest = null;
        var dates = 0;
        DateOnly? firstDate = null;
        var anyTop = false;
        for (var i = 0; i < fitted.Count; i++)
        {
            var c = fitted[i];
            if (authority[i] != rank)
            {
                continue;
            }

            if (!anyTop)
            {
                firstDate = c.ReportDate;
                anyTop = true;
                dates = 1;
            }
            else if (dates == 1 && c.ReportDate != firstDate)
            {
                dates = 2;
            }

            if (c.ReportDate is { } d && (latest is null || d > latest))
            {
                latest = d;
            }
        }

        // On the latest day: the value most reports carry, then the larger. Claims sorted by value, then report, so each
        // value's reports are one run and are counted without sets.
        var onLatest = latestScratch;
        onLatest.Clear();
        for (var i = 0; i < fitted.Count; i++)
        {
            if (authority[i] == rank && fitted[i].ReportDate == latest)
            {
                onLatest.Add(fitted[i]);
            }
        }

        onLatest.Sort(static (a, b) => a.Value != b.Value ? a.Value.CompareTo(b.Value) : a.Event.CompareTo(b.Event));
        int chosenValue = 0, chosenReports = -1, distinctValues = 0;
        var reportsOnLatest = reportScratch;
        reportsOnLatest.Clear();
        for (var i = 0; i < onLatest.Count;)
        {
            var value = onLatest[i].Value;
            var reports = 0;
            long lastReport = long.MinValue;
            var j = i;
            for (; j < onLatest.Count && onLatest[j].Value == value; j++)
            {
                var report = onLatest[j].Event.ReportId;
                if (report != lastReport)
                {
                    reports++;
                    lastReport = report;
                }

                if (!reportsOnLatest.Contains(report))
                {
                    reportsOnLatest.Add(report);
                }
            }

            distinctValues++;
            if (reports > chosenReports || (reports == chosenReports && value > chosenValue))
            {
                chosenValue = value;
                chosenReports = reports;
            }

            i = j;
        }

        AttackClaim? claim = null;
        foreach (var c in onLatest)
        {
            if (c.Value == chosenValue && (claim is null || ClaimOrder(c, claim) < 0))
            {
                claim = c;
            }
        }

        var who = RankName(rank);
        string rule, reason;
        if (distinctValues > 1 && reportsOnLatest.Count > 1)
        {
            rule = "authority.most-reports";
            reason = string.Create(CultureInfo.InvariantCulture, $"{who}: on its latest day the figure most reports carry ({chosenReports} of {reportsOnLatest.Count})");
        }
        else if (dates > 1)
        {
            rule = "authority.latest";
            reason = $"{who}: its latest figure";
        }
        else if (distinctValues > 1)
        {
            rule = "authority.largest";
            reason = $"{who}: the largest of the figures its one report gives";
        }
        else
        {
            rule = "authority";
            reason = $"{who}: its figure";
        }

        if (hedgesDropped)
        {
            reason += "; hedged figures an exact one fits were set aside";
        }

        return (claim!, rule, reason);
    }

    /// <summary>Killed and injured: the highest standing official toll.</summary>
    private (AttackClaim Claim, string Rule, string Reason) BestToll(List<AttackClaim> whole)
    {
        var pool = StandingOf(whole, poolScratch);
        var anyOfficial = pool.Exists(c => c.Authority <= Unattributed);
        var rule = "toll.highest-official";
        var reason = "the highest toll that officials give and nobody revised down";
        if (!anyOfficial)
        {
            rule = "toll.highest";
            reason = "the highest toll given (no official one)";
        }

        AttackClaim? claim = null;
        foreach (var c in pool)
        {
            if (anyOfficial && c.Authority > Unattributed)
            {
                continue;
            }

            if (claim is null || c.Value > claim.Value
                || (c.Value == claim.Value && (c.Authority < claim.Authority || (c.Authority == claim.Authority && ClaimOrder(c, claim) < 0))))
            {
                claim = c;
            }
        }

        return (claim!, rule, reason);
    }

    /// <summary>
    /// True when a lower bound ("more than 100") is a looser statement of a higher one of the same attack ("at least
    /// 127"): another floor above it, but not more than twice it; and when an approximation ("about 100") is under a
    /// floor that another claim sets at or above it, but not more than twice it (the figure is at least that floor).
    /// </summary>
    private static bool FitsFloor(AttackClaim hedged, List<int> floors)
    {
        if (hedged.Qualifier is not (Qualifier.MoreThan or Qualifier.AtLeast or Qualifier.About))
        {
            return false;
        }

        var v = hedged.Value;
        var i = floors.BinarySearch(hedged.Qualifier == Qualifier.About ? v : v + 1);
        if (i < 0)
        {
            i = ~i;
        }

        return i < floors.Count && floors[i] <= 2 * v;
    }

    /// <summary>The claims that still stand, copied into <paramref name="scratch"/>; all of them when none does.</summary>
    private static List<AttackClaim> StandingOf(List<AttackClaim> claims, List<AttackClaim> scratch)
    {
        scratch.Clear();
        foreach (var c in claims)
        {
            if (c.Standing == ClaimStanding.Stands)
            {
                scratch.Add(c);
            }
        }

        if (scratch.Count == 0)
        {
            scratch.AddRange(claims);
        }

        return scratch;
    }

    /// <summary>True when one of the exact figures (sorted, distinct) is what the hedged claim rounds: 63 for "more than 60", 88 for "about 90".</summary>
    private static bool Fits(AttackClaim hedged, List<int> exact)
    {
        var (lo, hi) = Rounds(hedged);
        if (lo > hi || exact.Count == 0)
        {
            return false;
        }

        // The first exact figure at or above lo.
        var i = exact.BinarySearch((int)Math.Ceiling(lo));
        if (i < 0)
        {
            i = ~i;
        }

        return i < exact.Count && exact[i] <= hi;
    }

    /// <summary>The exact counts a hedged claim is a rounding of: 61–120 for "more than 60", 75–104 for "about 90".</summary>
    private static (double Lo, double Hi) Rounds(AttackClaim hedged)
    {
        var v = hedged.Value;
        return hedged.Qualifier switch
        {
            Qualifier.MoreThan => (v + 1.0, 2.0 * v),
            Qualifier.AtLeast => (v, 2.0 * v),
            Qualifier.About => (v - (0.15 * v) - 1, v + (0.15 * v) + 1),
            Qualifier.UpTo => (v / 2.0, v),
            Qualifier.LessThan => (v / 2.0, v - 1.0),
            _ => (1.0, 0.0),
        };
    }

    private static string RankName(int rank) => rank switch
    {
        National => "the national air-defence authority",
        Command => "the target side's military command",
        HeadOfState => "the head of state",
        LocalAuthority => "the authority of the place hit",
        Official => "an official of the target side",
        Unattributed => "unattributed reports",
        Outlet => "outlets and others",
        _ => "the attacker's side",
    };

}
