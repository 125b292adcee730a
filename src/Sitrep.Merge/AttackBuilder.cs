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
        var members = group.Members.OrderBy(m => m.Profile.Key).ToList();
        var regions = new SortedSet<string>(members.SelectMany(m => m.Profile.Regions), StringComparer.Ordinal);
        var partial = PartialMembers(members, regions, reconciler);
        var target = members.GroupBy(m => m.Profile.Target).OrderByDescending(g => g.Count()).ThenBy(g => g.Key).First().Key;
        var attacker = members.Select(m => m.Profile.Attacker).Where(a => a != Side.Unknown).GroupBy(a => a)
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key).Select(g => g.Key).FirstOrDefault(Side.Unknown);
        var (date, precision) = DateOf(members, group.Home);
        var figures = reconciler.Reconcile([.. members.Select(m => (m.Profile, partial.Contains(m.Profile.Key)))], target, attacker, regions);
        var sources = members.Select(m => m.Profile.Source.Report)
            .DistinctBy(r => r.Id)
            .Select(r => string.IsNullOrWhiteSpace(r.Source) ? "#" + r.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) : r.Source.Trim().ToUpperInvariant())
            .Distinct(StringComparer.Ordinal)
            .Count();
        return new Attack
        {
            Key = members[0].Profile.Key,
            Home = group.Home,
            Date = date,
            Precision = precision,
            Attacker = attacker,
            TargetCountry = target,
            Location = LocationOf(members),
            Members = [.. members.Select(m => Member(m, partial.Contains(m.Profile.Key)))],
            ReportCount = members.Select(m => m.Profile.ReportId).Distinct().Count(),
            SourceCount = sources,
            Figures = figures,
        };
    }

    private static AttackMember Member(Membership m, bool partial)
    {
        var features = ImmutableArray<MergeFeature>.Empty;
        if (m.Why is { Features.Length: > 0 } why)
        {
            // Strongest first; equal strengths keep the scorer's order (insertion sort is stable).
            var array = why.Features.ToArray();
            for (var i = 1; i < array.Length; i++)
            {
                var x = array[i];
                var j = i - 1;
                while (j >= 0 && Math.Abs(array[j].Value) < Math.Abs(x.Value))
                {
                    array[j + 1] = array[j];
                    j--;
                }

                array[j + 1] = x;
            }

            features = System.Runtime.InteropServices.ImmutableCollectionsMarshal.AsImmutableArray(array);
        }

        return new AttackMember(m.Profile.Key, m.Kind, m.Why is { } w ? Math.Round(w.Score, 4) : 0, features)
        {
            IsPartial = partial,
            DecisionSequence = m.Decision,
        };
    }

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

    /// <summary>The date most members the text dates give (ties: the home day, then the later); else the most common assumed date; else none.</summary>
    private static (DateOnly? Date, DatePrecision Precision) DateOf(List<Membership> members, DateOnly? home)
    {
        var dated = members.Where(m => m.Profile.Anchor.IsDated).ToList();
        var pool = dated.Count > 0 ? dated : members.Where(m => m.Profile.Source.Event.Date.Date is not null).ToList();
        if (pool.Count == 0)
        {
            return (null, DatePrecision.Unknown);
        }

        var date = pool.GroupBy(m => m.Profile.Source.Event.Date.Date!.Value)
            .OrderByDescending(g => g.Count()).ThenByDescending(g => g.Key == home).ThenByDescending(g => g.Key).First().Key;
        var night = pool.Any(m => m.Profile.Source.Event.Date.Date == date && m.Profile.Source.Event.Date.Precision == DatePrecision.Night);
        return (date, night ? DatePrecision.Night : DatePrecision.Day);
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
