using System.Collections.Immutable;
using System.Globalization;
using Sitrep.Core;

namespace Sitrep.Merge;

/// <summary>How an event's day stands to a cluster's.</summary>
internal enum DayRelation
{
    /// <summary>Step 1: both dated by their texts to the same day or night.</summary>
    SameDay,

    /// <summary>Steps 2 and 3: the event's date is assumed, and its anchor is the cluster's day.</summary>
    AssumedSameDay,

    /// <summary>Step 2: the event's date is assumed, and the cluster is dated the day before its anchor (reported the morning after).</summary>
    AssumedDayBefore,

    /// <summary>Step 2: the event's anchor is another event's date, and the cluster is dated the day after it.</summary>
    AssumedDayAfter,
}

/// <summary>A score and the features it sums, or a refusal.</summary>
internal readonly record struct Scored(double Score, ImmutableArray<MergeFeature> Features, bool Refused)
{
    public static Scored Refuse(MergeFeature why) => new(double.NegativeInfinity, [why], true);
}

/// <summary>
/// Scores an event against a cluster: a sum of named features (see <see cref="MergeEngine"/>). Weights are the
/// constants below; thresholds are <see cref="JoinSameDay"/> (step 1) and <see cref="JoinAssumed"/> (steps 2 and 3).
/// Pure and symmetric in nothing but its arguments: the same event and cluster contents give the same score.
/// </summary>
internal static class Scorer
{
    /// <summary>Step 1 joins at this score: two dated accounts of one side's strike on one day with nothing against them are one attack.</summary>
    public const double JoinSameDay = 0.5;

    /// <summary>Steps 2 and 3 join at this score: an assumed date needs something in common beyond the day.</summary>
    public const double JoinAssumed = 1.0;

    private const double SameDayWeight = 1.0;
    private const double AssumedSameDayWeight = 0.5;
    private const double AssumedDayBeforeWeight = 0.25;
    private const double AssumedDayAfterWeight = 0.0;
    private const double BothNightWeight = 0.25;
    private const double DayStrikeOnWaveNightWeight = -0.5;
    private const double SameTownWeight = 1.5;
    private const double SameRegionWeight = 1.0;
    private const double NearbyWeight = 0.5;
    private const double NearbyKm = 100;
    private const double RegionAreaKm = 120;
    private const double DisjointWeight = -2.0;
    private const double DisjointWaveWeight = -0.75;
    private const int WaveRegions = 5;
    private const double FamilyOverlapWeight = 0.5;
    private const double FamilyDisjointWeight = -1.0;
    private const double FigureCap = 3.0;
    private const double FigureConflictWeight = -1.5;
    private const double TollWeight = 0.5;
    private const double TollCap = 0.75;
    private const double ClaimantWeight = 0.25;
    private const double SameReportWeight = -2.0;
    private const double SameReportSectionWeight = 0.0;
    private const double UnknownAttackerWeight = -1.5;

    /// <summary>The accumulator reused by this thread's unexplained scores (they keep no features).</summary>
    [ThreadStatic]
    private static Features? scratch;

    /// <summary>Scores computed on this thread so far: the tests' measure of the work blocking saves.</summary>
    [ThreadStatic]
    internal static long ScoresComputed;

    public static Scored Score(EventProfile e, ClusterProfile c, DayRelation relation, bool explain = false)
    {
        ScoresComputed++;
        // Refusals: other target country, two known attackers.
        if (e.Target != c.Target)
        {
            return Scored.Refuse(new MergeFeature("target-country", 0, $"targets {e.Target.ToContract()}, the attack {c.Target.ToContract()}"));
        }

        if (e.Attacker != Side.Unknown && c.KnownAttacker is { } known && known != e.Attacker)
        {
            return Scored.Refuse(new MergeFeature("attacker", 0, $"attacker {e.Attacker.ToContract()}, the attack's {known.ToContract()}"));
        }

        var f = explain ? new Features(true) : (scratch ??= new Features(false));
        f.Reset();
        var day = f.Explain ? c.DayText : "";
        switch (relation)
        {
            case DayRelation.SameDay:
                f.Add("same-day", SameDayWeight, f.Explain ? $"both dated {day}" : null);
                break;
            case DayRelation.AssumedSameDay:
                f.Add("assumed-same-day", AssumedSameDayWeight, f.Explain ? $"undated, its report's day is the attack's ({day})" : null);
                break;
            case DayRelation.AssumedDayBefore:
                f.Add("assumed-day-before", AssumedDayBeforeWeight, f.Explain ? $"undated, reported the day after the attack ({day})" : null);
                break;
            default:
                f.Add("assumed-day-after", AssumedDayAfterWeight, f.Explain ? $"undated, its report's events are dated the day before the attack ({day})" : null);
                break;
        }

        if (e.IsNight && e.Anchor.IsDated && c.AnyNight)
        {
            f.Add("both-night", BothNightWeight, f.Explain ? "both overnight" : null);
        }
        else if (!e.IsNight && e.Anchor.IsDated && e.Scope == Scope.Local && c.AnyNight && c.AnyBroad)
        {
            f.Add("day-strike-on-wave-night", DayStrikeOnWaveNightWeight, f.Explain ? "a local strike dated by day, the attack a night's wave" : null);
        }

        Places(e, c, f);
        Families(e, c, f);
        Figures(e, c, f);
        Tolls(e, c, f);
        SameClaimant(e, c, f);
        SameReport(e, c, f);
        if ((e.Attacker == Side.Unknown) != (c.KnownAttacker is null))
        {
            f.Add("attacker-unknown", UnknownAttackerWeight,
                e.Attacker == Side.Unknown ? "its attacker is unknown: joins a known side's attack only on strong evidence" : "the attack's attacker is unknown: joins only on strong evidence");
        }

        return new Scored(f.Sum, f.ToImmutable(), false);
    }

    private static void Places(EventProfile e, ClusterProfile c, Features f)
    {
        if (!e.HasPlaces || !c.HasPlaces)
        {
            return;
        }

        // Same town (the same gazetteer place, or within 30 km).
        foreach (var a in e.Towns)
        {
            if (a.Id is not null && c.HasTown(a.Id))
            {
                f.Add("same-town", SameTownWeight, f.Explain ? $"both name {a.Name}" : null);
                return;
            }
        }

        Town? nearestA = null, nearestB = null;
        var nearest = double.MaxValue;
        foreach (var a in e.Towns)
        {
            foreach (var b in c.Towns)
            {
                // A degree of latitude is 111 km: towns further apart than that are neither the same nor nearby.
                if (Math.Abs(a.Latitude - b.Latitude) > 1.0 && (a.Id is null || a.Id != b.Id))
                {
                    continue;
                }

                var km = (a.Id is not null && a.Id == b.Id) ? 0 : Geo.Km(a, b);
                if (km < nearest || (km == nearest && string.CompareOrdinal(a.Name, nearestA?.Name) < 0))
                {
                    nearest = km;
                    nearestA = a;
                    nearestB = b;
                }
            }
        }

        if (nearest <= Geo.SameTownKm)
        {
            f.Add("same-town", SameTownWeight, f.Explain ? nearest < 1 ? $"both name {nearestA!.Value.Name}" : string.Create(CultureInfo.InvariantCulture, $"{nearestA!.Value.Name} is {nearest:0} km from {nearestB!.Value.Name}") : null);
            return;
        }

        string? shared = null;
        foreach (var r in e.Regions)
        {
            if (c.Regions.ContainsKey(r))
            {
                shared = r;
                break;
            }
        }

        if (shared is not null)
        {
            f.Add("same-region", SameRegionWeight, f.Explain ? $"both name places in {shared}" : null);
            return;
        }

        if (nearest <= NearbyKm)
        {
            f.Add("nearby-town", NearbyWeight, f.Explain ? string.Create(CultureInfo.InvariantCulture, $"{nearestA!.Value.Name} is {nearest:0} km from {nearestB!.Value.Name}") : null);
            return;
        }

        // A town in the area of a region the other names only as a region (Kyiv and "the Kyiv region").
        if (Nearest(e.Towns, c.RegionPoints, out var town, out var region) <= RegionAreaKm
            || Nearest(c.Towns, e.RegionPoints, out town, out region) <= RegionAreaKm)
        {
            f.Add("town-in-named-region", NearbyWeight, f.Explain ? $"{town.Name} lies in the area of {region.Name}" : null);
            return;
        }

        var clusterRegions = c.Regions.Count;
        var mine = f.Explain ? string.Join(", ", e.Regions.Take(3)) : "";
        var theirs = f.Explain ? string.Join(", ", c.Regions.Keys.Order(StringComparer.Ordinal).Take(3)) : "";
        if (clusterRegions >= WaveRegions || e.Regions.Length >= WaveRegions)
        {
            f.Add("no-shared-place-wave", DisjointWaveWeight, f.Explain ? $"no place in common ({mine} / {theirs}), but a wave naming {Math.Max(clusterRegions, e.Regions.Length)} regions lists only some" : null);
        }
        else
        {
            f.Add("no-shared-place", DisjointWeight, f.Explain ? $"no place in common: {mine} / {theirs}" : null);
        }
    }

    private static double Nearest(IReadOnlyList<Town> towns, IReadOnlyList<Town> regions, out Town town, out Town region)
    {
        var best = double.MaxValue;
        town = region = default;
        foreach (var t in towns)
        {
            foreach (var r in regions)
            {
                if (Math.Abs(t.Latitude - r.Latitude) > 1.5)
                {
                    continue;
                }

                var km = Geo.Km(t, r);
                if (km < best)
                {
                    best = km;
                    town = t;
                    region = r;
                }
            }
        }

        return best;
    }

    private static void Families(EventProfile e, ClusterProfile c, Features f)
    {
        if (e.Families == 0 || c.Families == 0)
        {
            return;
        }

        var both = e.Families & c.Families;
        if (both != 0)
        {
            f.Add("weapon-family", FamilyOverlapWeight, f.Explain ? $"both tell of {FamilyNames(both)}" : null);
        }
        else
        {
            f.Add("weapon-family-differs", FamilyDisjointWeight, f.Explain ? $"{FamilyNames(e.Families)}, the attack {FamilyNames(c.Families)}" : null);
        }
    }

    private static readonly string[] FamilyNameCache = [.. Enumerable.Range(0, 32).Select(mask =>
        string.Join(" and ", EventProfile.FamilyOrder.Where(x => (mask & (1 << (int)x)) != 0).Select(x => x switch
        {
            WeaponFamily.Drone => "drones",
            WeaponFamily.Missile => "missiles",
            WeaponFamily.Bomb => "bombs",
            WeaponFamily.Artillery => "artillery",
            _ => "other weapons",
        })))];

    private static string FamilyNames(int mask) => FamilyNameCache[mask & 31];

    /// <summary>
    /// Figures of one family and kind. Equal: strong for large numbers. Within 20%: a little (110 and 122 missiles are
    /// one wave told twice). Less than half: two different waves — unless the smaller is a local account (one region or
    /// city) of part of a wider one (12 of a wave's 78 missiles on Kharkiv).
    /// </summary>
    private static void Figures(EventProfile e, ClusterProfile c, Features f)
    {
        double plus = 0, minus = 0;
        List<(string Name, double Value, string? Reason)>? found = null;
        foreach (var ef in e.Figures)
        {
            if (c.Values(ef.Family, ef.Kind) is not { Count: > 0 } values)
            {
                continue;
            }

            // The cluster value closest to the event's (by ratio), and whether only local accounts gave it.
            var best = values.Closest(ef.Value);
            var bestRatio = best.Ratio;
            var v0 = ef.Value;
            var u = best.Value;
            if (v0 == u)
            {
                var w = v0 >= 10 ? 1.5 : v0 >= 3 ? 1.0 : 0.5;
                plus += w;
                (found ??= []).Add(("figure-equal", w, f.Explain ? string.Create(CultureInfo.InvariantCulture, $"{ef.Name} {v0} in both") : null));
            }
            else if (bestRatio >= 0.8)
            {
                var w = Math.Max(v0, u) >= 10 ? 0.5 : 0.0;
                plus += w;
                (found ??= []).Add(("figure-close", w, f.Explain ? string.Create(CultureInfo.InvariantCulture, $"{ef.Name} {v0} and {u} are close") : null));
            }
            else if (bestRatio < 0.5 && Math.Max(v0, u) >= 5)
            {
                var smallerIsLocal = v0 < u ? e.Scope == Scope.Local : best.OnlyLocal;
                if (smallerIsLocal)
                {
                    (found ??= []).Add(("figure-part", 0, f.Explain ? string.Create(CultureInfo.InvariantCulture, $"{ef.Name} {Math.Min(v0, u)} of {Math.Max(v0, u)}: a local account of part of it") : null));
                }
                else
                {
                    minus += FigureConflictWeight;
                    (found ??= []).Add(("figure-far", FigureConflictWeight, f.Explain ? string.Create(CultureInfo.InvariantCulture, $"{ef.Name} {v0} and {u}: different waves") : null));
                }
            }
        }

        if (found is null)
        {
            return;
        }

        // Cap the sums, scaling each feature so the features still add up to the score.
        var scalePlus = plus > FigureCap ? FigureCap / plus : 1.0;
        var scaleMinus = minus < -FigureCap ? -FigureCap / minus : 1.0;
        foreach (var (name, value, reason) in found)
        {
            var s = value > 0 ? scalePlus : value < 0 ? scaleMinus : 1.0;
            f.Add(name, s == 1.0 ? value : Math.Round(value * s, 4), reason);
        }
    }

    private static void Tolls(EventProfile e, ClusterProfile c, Features f)
    {
        var total = 0.0;
        if (e.Killed is >= 2 and var k && c.Killed.Contains(k))
        {
            f.Add("toll-equal", TollWeight, f.Explain ? string.Create(CultureInfo.InvariantCulture, $"{k} killed in both") : null);
            total += TollWeight;
        }

        if (e.Injured is >= 3 and var i && c.Injured.Contains(i))
        {
            var w = Math.Min(TollWeight, TollCap - total);
            f.Add("toll-equal", w, f.Explain ? string.Create(CultureInfo.InvariantCulture, $"{i} injured in both") : null);
        }
    }

    private static void SameClaimant(EventProfile e, ClusterProfile c, Features f)
    {
        foreach (var id in e.Claimants)
        {
            if (c.Claimants.Contains(id))
            {
                f.Add("same-claimant", ClaimantWeight, f.Explain ? $"both cite {id}" : null);
                return;
            }
        }
    }

    /// <summary>
    /// Another event of the same report in the cluster: the report already told them apart, unless one is a city's
    /// section and the other the nationwide account (a report may give both, as two events of one attack). A section
    /// of the wider account shares its weapons, or is dated in its own words as the other is: an undated local event
    /// with no weapon in common is another strike the report mentions (a village shelled, beside a night's drones).
    /// </summary>
    private static void SameReport(EventProfile e, ClusterProfile c, Features f)
    {
        if (c.MembersOfReport(e.ReportId) is not { Count: > 0 } same)
        {
            return;
        }

        var worst = SameReportSectionWeight;
        var other = same[0];
        foreach (var m in same)
        {
            var section = (e.Scope == Scope.Local && m.Scope != Scope.Local) || (m.Scope == Scope.Local && e.Scope != Scope.Local);
            var shared = (e.Families & m.Families) != 0;
            var disjoint = e.Families != 0 && m.Families != 0 && !shared;
            if (!section || disjoint || !(shared || (e.Anchor.IsDated && m.Anchor.IsDated)))
            {
                worst = SameReportWeight;
                other = m;
                break;
            }
        }

        if (worst == SameReportWeight)
        {
            f.Add("same-report", SameReportWeight, f.Explain ? $"its report tells it apart from {other.Key}" : null);
        }
        else
        {
            f.Add("same-report-section", SameReportSectionWeight, f.Explain ? $"its report gives it apart from {other.Key}, as a local section of a wider account" : null);
        }
    }

}

/// <summary>
/// The features of one score as they are added: their sum always, and — only when explaining, for the score that
/// decided a membership — the features themselves with their sentences (scoring every candidate builds no strings).
/// </summary>
internal sealed class Features(bool explain)
{
    private readonly List<MergeFeature>? list = explain ? [] : null;

    public bool Explain => list is not null;

    public double Sum { get; private set; }

    public void Reset()
    {
        Sum = 0;
        list?.Clear();
    }

    public void Add(string name, double value, string? reason)
    {
        Sum += value;
        list?.Add(new MergeFeature(name, value, reason ?? name));
    }

    /// <summary>The features, strongest first; equal strengths keep the order they were added in (a stable sort).</summary>
    public ImmutableArray<MergeFeature> ToImmutable()
    {
        if (list is null || list.Count == 0)
        {
            return [];
        }

        var array = list.ToArray();
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

        return System.Runtime.InteropServices.ImmutableCollectionsMarshal.AsImmutableArray(array);
    }
}
