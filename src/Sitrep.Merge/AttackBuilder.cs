using System.Collections.Immutable;
using Sitrep.Core;

namespace Sitrep.Merge;

/// <summary>Builds an <see cref="Attack"/> from a group of members: date, sides, location, partial members, counts and figures.</summary>
internal static class AttackBuilder
{
    /// <summary>An attack naming this many regions is a wave: a member naming one region may be a partial account of it.</summary>
    private const int WideRegions = 3;

    public static Attack Build(Group group, Reconciler reconciler)
    {
        var members = group.Members;
        members.Sort(static (a, b) => a.Profile.Key.CompareTo(b.Profile.Key));
        var regions = new SortedSet<string>(StringComparer.Ordinal);
        Span<int> targets = stackalloc int[4];
        Span<int> attackers = stackalloc int[5];
        var reports = new HashSet<long>();
        var sources = new HashSet<string>(StringComparer.Ordinal);
        foreach (var m in members)
        {
            var p = m.Profile;
            foreach (var r in p.Regions)
            {
                regions.Add(r);
            }

            targets[(int)p.Target]++;
            attackers[(int)p.Attacker]++;
            if (reports.Add(p.ReportId))
            {
                var report = p.Source.Report;
                sources.Add(string.IsNullOrWhiteSpace(report.Source) ? "#" + report.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) : report.Source.Trim().ToUpperInvariant());
            }
        }

        // The most common target and known attacker (ties: the enum's order).
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

        var partial = PartialMembers(members, regions, reconciler);
        var (date, precision) = DateOf(members, group.Home);
        var forFigures = new (EventProfile, bool)[members.Count];
        var built = new AttackMember[members.Count];
        for (var i = 0; i < members.Count; i++)
        {
            var isPartial = partial.Contains(members[i].Profile.Key);
            forFigures[i] = (members[i].Profile, isPartial);
            built[i] = Member(members[i], isPartial);
        }

        return new Attack
        {
            Key = members[0].Profile.Key,
            Home = group.Home,
            Date = date,
            Precision = precision,
            Attacker = attacker,
            TargetCountry = target,
            Location = LocationOf(members),
            Members = System.Runtime.InteropServices.ImmutableCollectionsMarshal.AsImmutableArray(built),
            ReportCount = reports.Count,
            SourceCount = sources.Count,
            Figures = reconciler.Reconcile(forFigures, target, attacker, regions),
        };
    }

    private static AttackMember Member(Membership m, bool partial) =>
        new(m.Profile.Key, m.Kind, m.Why is { } w ? Math.Round(w.Score, 4) : 0, m.Why?.Features ?? [])
        {
            IsPartial = partial,
            DecisionSequence = m.Decision,
        };

    /// <summary>
    /// Members telling only part of a wave: the attack names at least <see cref="WideRegions"/> regions (or a member
    /// spans the country), the member is local (one region, or towns close together), and either its claimants are
    /// only regional or city authorities, or one of its family figures is less than half the same figure of a wider
    /// member. Nobody is partial when every member would be.
    /// </summary>
    private static HashSet<EventKey> PartialMembers(List<Membership> members, SortedSet<string> regions, Reconciler reconciler)
    {
        var result = new HashSet<EventKey>();
        if (members.Count < 2 || (regions.Count < WideRegions && !members.Any(m => m.Profile.Scope == Scope.Broad)))
        {
            return result;
        }

        // The largest value of each family figure among the wider members.
        var wideMax = new Dictionary<(WeaponFamily, FigureKind), int>();
        foreach (var m in members)
        {
            if (m.Profile.Scope == Scope.Local)
            {
                continue;
            }

            foreach (var f in m.Profile.Figures)
            {
                if (!wideMax.TryGetValue((f.Family, f.Kind), out var max) || f.Value > max)
                {
                    wideMax[(f.Family, f.Kind)] = f.Value;
                }
            }
        }

        foreach (var m in members)
        {
            var p = m.Profile;
            if (p.Scope != Scope.Local)
            {
                continue;
            }

            var smaller = false;
            foreach (var f in p.Figures)
            {
                if (wideMax.TryGetValue((f.Family, f.Kind), out var max) && 2 * f.Value < max)
                {
                    smaller = true;
                    break;
                }
            }

            if (smaller || reconciler.OnlyLocalClaimants(p.Source.Event))
            {
                result.Add(p.Key);
            }
        }

        if (result.Count == members.Count)
        {
            result.Clear();
        }

        return result;
    }

    /// <summary>
    /// The date most members whose text dates them give (ties: the home day, then the later); null when no member's
    /// text dates it — an assumed date (the report's) is where the attack is filed, not a date anyone gave.
    /// </summary>
    private static (DateOnly? Date, DatePrecision Precision) DateOf(List<Membership> members, DateOnly? home)
    {
        var counts = new Dictionary<DateOnly, (int Count, bool Night)>();
        foreach (var m in members)
        {
            if (m.Profile.Anchor.IsDated)
            {
                var d = m.Profile.Source.Event.Date;
                var day = d.Date!.Value;
                var (count, night) = counts.GetValueOrDefault(day);
                counts[day] = (count + 1, night || d.Precision == DatePrecision.Night);
            }
        }

        if (counts.Count == 0)
        {
            return (null, DatePrecision.Unknown);
        }

        var best = counts.OrderByDescending(kv => kv.Value.Count).ThenByDescending(kv => kv.Key == home).ThenByDescending(kv => kv.Key).First();
        return (best.Key, best.Value.Night ? DatePrecision.Night : DatePrecision.Day);
    }

    /// <summary>The resolved place the most members name; ties: the more precise (town before region), then the name.</summary>
    private static PlaceRef? LocationOf(List<Membership> members)
    {
        var counts = new Dictionary<string, (PlaceRef Place, int Count)>(StringComparer.Ordinal);
        foreach (var m in members)
        {
            foreach (var p in m.Profile.Source.Event.Places.Where(p => p.Latitude is not null && p.Longitude is not null)
                         .DistinctBy(p => p.GazetteerId ?? p.Name ?? p.Text))
            {
                var id = p.GazetteerId ?? p.Name ?? p.Text;
                counts[id] = counts.TryGetValue(id, out var c) ? (c.Place, c.Count + 1) : (p, 1);
            }
        }

        if (counts.Count == 0)
        {
            return null;
        }

        return counts.OrderByDescending(kv => kv.Value.Count)
            .ThenBy(kv => Precision(kv.Value.Place))
            .ThenBy(kv => kv.Key, StringComparer.Ordinal)
            .First().Value.Place;
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
