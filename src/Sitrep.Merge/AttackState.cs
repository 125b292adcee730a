using System.Collections.Immutable;
using Sitrep.Core;

namespace Sitrep.Merge;

/// <summary>
/// An attack as built, with what building it gathered from each member (its claims, its places, dates, sides and
/// figures), so that the same attack with more members can be built from it and the new members alone
/// (<see cref="AttackDraft.TryExtend"/>) instead of from all of them. Opaque outside the merge; never changed once
/// built (an extension works on a copy).
/// </summary>
public sealed class AttackState
{
    /// <summary>An attack naming this many regions is a wave: a member naming one region may be a partial account of it.</summary>
    private const int WideRegions = 3;

    internal AttackState(DateOnly? home) => Home = home;

    /// <summary>The attack this state built.</summary>
    public Attack Attack { get; internal set; } = null!;

    internal DateOnly? Home { get; }

    internal Dictionary<EventKey, MemberState> Members { get; private init; } = [];

    internal SortedSet<string> Regions { get; private init; } = new(StringComparer.Ordinal);

    internal HashSet<long> Reports { get; private init; } = [];

    internal HashSet<string> Sources { get; private init; } = new(StringComparer.Ordinal);

    /// <summary>Local members that tell only part of a wave if the attack is one (see <see cref="IsPartial"/>).</summary>
    internal HashSet<EventKey> RawPartial { get; private init; } = [];

    private int[] targets = new int[4];
    private int[] attackers = new int[5];
    private bool anyBroad;
    private Dictionary<(WeaponFamily, FigureKind), int> wideMax = [];
    private Dictionary<DateOnly, (int Count, bool Night)> dates = [];
    private Dictionary<string, (MergeEvent First, PlaceRef Place, int Count)> places = new(StringComparer.Ordinal);

    internal AttackState Copy() => new(Home)
    {
        Attack = Attack,
        Members = new(Members),
        Regions = new(Regions, StringComparer.Ordinal),
        Reports = [.. Reports],
        Sources = new(Sources, StringComparer.Ordinal),
        RawPartial = [.. RawPartial],
        targets = (int[])targets.Clone(),
        attackers = (int[])attackers.Clone(),
        anyBroad = anyBroad,
        wideMax = new(wideMax),
        dates = new(dates),
        places = new(places, StringComparer.Ordinal),
    };

    /// <summary>The members with their claims, ordered by key (the order every figure's claims are gathered in).</summary>
    internal List<MemberState> Ordered()
    {
        var list = Members.Values.ToList();
        list.Sort(static (a, b) => a.Profile.Key.CompareTo(b.Profile.Key));
        return list;
    }

    /// <summary>Adds a member's regions, sides, report, outlet, scope, dated day and places.</summary>
    internal void AddShape(EventProfile p)
    {
        foreach (var r in p.Regions)
        {
            Regions.Add(r);
        }

        targets[(int)p.Target]++;
        attackers[(int)p.Attacker]++;
        if (Reports.Add(p.ReportId))
        {
            var report = p.Source.Report;
            Sources.Add(string.IsNullOrWhiteSpace(report.Source) ? "#" + report.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) : report.Source.Trim().ToUpperInvariant());
        }

        anyBroad |= p.Scope == Scope.Broad;
        if (p.Anchor.IsDated)
        {
            var d = p.Source.Event.Date;
            var day = d.Date!.Value;
            var (count, night) = dates.GetValueOrDefault(day);
            dates[day] = (count + 1, night || d.Precision == DatePrecision.Night);
        }

        foreach (var place in p.Source.Event.Places.Where(x => x.Latitude is not null && x.Longitude is not null).DistinctBy(x => x.GazetteerId ?? x.Name ?? x.Text))
        {
            var id = place.GazetteerId ?? place.Name ?? place.Text;
            // The place as the member first in EventOrder naming it gives it (whatever order members are added in).
            places[id] = places.TryGetValue(id, out var c)
                ? (EventOrder.Compare(c.First, p.Source) < 0 ? (c.First, c.Place, c.Count + 1) : (p.Source, place, c.Count + 1))
                : (p.Source, place, 1);
        }
    }

    /// <summary>The most common target and known attacker (ties: the enum's order).</summary>
    internal (Country Target, Side Attacker) Sides()
    {
        var target = Country.Other;
        for (var i = 0; i < targets.Length; i++)
        {
            if (targets[i] > targets[(int)target])
            {
                target = (Country)i;
            }
        }

        var attacker = Side.Unknown;
        for (var i = 1; i < attackers.Length; i++)
        {
            if (attackers[i] > 0 && (attacker == Side.Unknown || attackers[i] > attackers[(int)attacker]))
            {
                attacker = (Side)i;
            }
        }

        return (target, attacker);
    }

    /// <summary>Adds the wider (not local) members' family figures to the largest of each; true when a largest grew.</summary>
    internal bool AddWide(IEnumerable<EventProfile> members)
    {
        var grew = false;
        foreach (var p in members)
        {
            if (p.Scope == Scope.Local)
            {
                continue;
            }

            foreach (var f in p.Figures)
            {
                if (!wideMax.TryGetValue((f.Family, f.Kind), out var max) || f.Value > max)
                {
                    wideMax[(f.Family, f.Kind)] = f.Value;
                    grew = true;
                }
            }
        }

        return grew;
    }

    /// <summary>
    /// Notes a local member whose claimants are only regional or city authorities, or one of whose family figures is
    /// less than half the same figure of a wider member.
    /// </summary>
    internal void Classify(EventProfile p, Reconciler reconciler)
    {
        if (p.Scope != Scope.Local)
        {
            return;
        }

        foreach (var f in p.Figures)
        {
            if (wideMax.TryGetValue((f.Family, f.Kind), out var max) && 2 * f.Value < max)
            {
                RawPartial.Add(p.Key);
                return;
            }
        }

        if (reconciler.OnlyLocalClaimants(p.Source.Event))
        {
            RawPartial.Add(p.Key);
        }
    }

    /// <summary>
    /// True when the member tells only part of a wave: the attack names at least <see cref="WideRegions"/> regions (or a
    /// member spans the country), the member is local and noted by <see cref="Classify"/>. Nobody is partial when
    /// every member would be.
    /// </summary>
    internal bool IsPartial(EventKey key)
    {
        var count = CountMembers();
        if (count < 2 || (Regions.Count < WideRegions && !anyBroad))
        {
            return false;
        }

        return RawPartial.Count != count && RawPartial.Contains(key);
    }

    private int CountMembers()
    {
        var n = 0;
        foreach (var t in targets)
        {
            n += t;
        }

        return n;
    }

    /// <summary>
    /// The date most members whose text dates them give (ties: the home day, then the later); null when no member's
    /// text dates it — an assumed date (the report's) is where the attack is filed, not a date anyone gave.
    /// </summary>
    internal (DateOnly? Date, DatePrecision Precision) Date()
    {
        if (dates.Count == 0)
        {
            return (null, DatePrecision.Unknown);
        }

        var home = Home;
        var best = dates.OrderByDescending(kv => kv.Value.Count).ThenByDescending(kv => kv.Key == home).ThenByDescending(kv => kv.Key).First();
        return (best.Key, best.Value.Night ? DatePrecision.Night : DatePrecision.Day);
    }

    /// <summary>
    /// The resolved place the most members name (ties: the more precise, town before region, then the name), as the
    /// member first in <see cref="EventOrder"/> naming it gives it, and that member's key; null when no member names one.
    /// </summary>
    internal (PlaceRef Place, EventKey Event)? Location()
    {
        if (places.Count == 0)
        {
            return null;
        }

        var (first, place, _) = places.OrderByDescending(kv => kv.Value.Count)
            .ThenBy(kv => Precision(kv.Value.Place))
            .ThenBy(kv => kv.Key, StringComparer.Ordinal)
            .First().Value;
        return (place, first.Key);
    }

    private static int Precision(PlaceRef p) => p.Feature switch
    {
        "facility" => 0,
        "populated_place" => 1,
        "admin2" => 2,
        "admin1" => 3,
        _ => 4,
    };
}

/// <summary>One member as its attack was built: its profile, its membership, and the claims it gives each figure, in the order gathered.</summary>
internal sealed record MemberState(EventProfile Profile, AttackMember Member, List<Contribution> Claims);

/// <summary>One claim a member gives a figure, and whether its value is the member's figure (for low, high and conservative).</summary>
internal sealed record Contribution(FigureKey Key, AttackClaim Claim, bool CountsAsValue);
