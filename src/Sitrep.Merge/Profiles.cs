using System.Collections.Immutable;
using System.Runtime.InteropServices;
using Sitrep.Core;

namespace Sitrep.Merge;

/// <summary>How much of the map an account covers.</summary>
internal enum Scope
{
    /// <summary>It names no resolved place.</summary>
    Unknown,

    /// <summary>One region, or towns within <see cref="Geo.LocalKm"/> of each other (a city and its suburbs).</summary>
    Local,

    /// <summary>Places across the country: a wave.</summary>
    Broad,
}

/// <summary>A resolved town or facility an event names.</summary>
internal readonly record struct Town(string Name, string? Id, double Latitude, double Longitude);

/// <summary>One family figure of an event: launched or destroyed, summed over the event's weapon entries of the family.</summary>
internal readonly record struct FamilyFigure(WeaponFamily Family, FigureKind Kind, int Value)
{
    public string Name => Family.ToContract() + "." + Kind.ToContract();
}

internal static class Geo
{
    /// <summary>Two towns this close are the same place hit (a city and its districts).</summary>
    public const double SameTownKm = 30;

    /// <summary>Towns this close make one local account.</summary>
    public const double LocalKm = 120;

    public static double Km(double lat1, double lon1, double lat2, double lon2)
    {
        const double r = 6371.0;
        var dLat = (lat2 - lat1) * Math.PI / 180;
        var dLon = (lon2 - lon1) * Math.PI / 180;
        var a = (Math.Sin(dLat / 2) * Math.Sin(dLat / 2))
                + (Math.Cos(lat1 * Math.PI / 180) * Math.Cos(lat2 * Math.PI / 180) * Math.Sin(dLon / 2) * Math.Sin(dLon / 2));
        return 2 * r * Math.Asin(Math.Min(1, Math.Sqrt(a)));
    }

    public static double Km(Town a, Town b) => Km(a.Latitude, a.Longitude, b.Latitude, b.Longitude);
}

/// <summary>
/// What the scorer compares of one event, computed once: anchor, sides, places (regions and towns), weapon
/// families, family figures, tolls, claimants and scope. Immutable.
/// </summary>
internal sealed class EventProfile
{
    public EventProfile(MergeEvent source)
    {
        Source = source;
        var e = source.Event;
        Key = source.Key;
        Anchor = Anchor.Of(e, source.Report);
        Attacker = e.Attacker;
        Target = e.TargetCountry;
        IsNight = e.Date.Precision == DatePrecision.Night;

        List<string>? regions = null;
        List<Town>? towns = null;
        List<Town>? regionPoints = null;
        foreach (var p in e.Places)
        {
            if (p.Feature is "country" or "water")
            {
                continue;
            }

            if (p.Admin1 is { Length: > 0 } a1 && !(regions ??= []).Contains(a1))
            {
                regions.Add(a1);
            }

            if (p.Feature == "admin1" && p.Admin1 is { Length: > 0 } region && p.Latitude is { } rlat && p.Longitude is { } rlon
                && !(regionPoints ??= []).Exists(x => x.Id == region))
            {
                regionPoints.Add(new Town(region, region, rlat, rlon));
            }

            if (p.Feature is "populated_place" or "facility" && p.Latitude is { } lat && p.Longitude is { } lon)
            {
                var town = new Town(p.Name ?? p.Text, p.GazetteerId, lat, lon);
                if (!Contains(towns ??= [], town))
                {
                    towns.Add(town);
                }
            }
        }

        regions?.Sort(StringComparer.Ordinal);
        Regions = regions is null ? [] : ImmutableCollectionsMarshal.AsImmutableArray(regions.ToArray());
        Towns = towns is null ? [] : ImmutableCollectionsMarshal.AsImmutableArray(towns.ToArray());
        RegionPoints = regionPoints is null ? [] : ImmutableCollectionsMarshal.AsImmutableArray(regionPoints.ToArray());
        Scope = ScopeOf(Regions, Towns);

        var mask = 0;
        foreach (var w in e.Weapons)
        {
            var f = w.Weapon.Category.Family();
            if (f != WeaponFamily.Other)
            {
                mask |= 1 << (int)f;
            }
        }

        Families = mask;
        Figures = e.Weapons.IsDefaultOrEmpty ? [] : ImmutableCollectionsMarshal.AsImmutableArray(FamilyFigures(e).ToArray());
        Killed = e.Killed?.Value;
        Injured = e.Injured?.Value;
        List<string>? ids = null;
        foreach (var c in e.Claimants)
        {
            if (c.Canonical is { } id && !(ids ??= []).Contains(id))
            {
                ids.Add(id);
            }
        }

        ids?.Sort(StringComparer.Ordinal);
        Claimants = ids is null ? [] : ImmutableCollectionsMarshal.AsImmutableArray(ids.ToArray());
        Information = (Anchor.IsDated ? 100 : 0) + (3 * Math.Min(Figures.Length, 4)) + (2 * Math.Min(Regions.Length, 5)) + Math.Min(Towns.Length, 3)
                      + System.Numerics.BitOperations.PopCount((uint)mask) + (Killed is null ? 0 : 1) + (Injured is null ? 0 : 1);
    }

    public MergeEvent Source { get; }

    /// <summary>True when the list holds the town: the same gazetteer id, or a place within a kilometre.</summary>
    internal static bool Contains(List<Town> towns, Town t)
    {
        foreach (var x in towns)
        {
            if ((t.Id is not null && x.Id == t.Id) || Geo.Km(x, t) < 1)
            {
                return true;
            }
        }

        return false;
    }

    public EventKey Key { get; }

    public long ReportId => Key.ReportId;

    public Anchor Anchor { get; }

    public Side Attacker { get; }

    public Country Target { get; }

    public bool IsNight { get; }

    /// <summary>Distinct admin1 names, ordinal order.</summary>
    public ImmutableArray<string> Regions { get; }

    public ImmutableArray<Town> Towns { get; }

    /// <summary>The centres of the regions the event names as regions ("Kyiv region"), each with its admin1 name as id.</summary>
    public ImmutableArray<Town> RegionPoints { get; }

    public Scope Scope { get; }

    /// <summary>Bit <c>1 &lt;&lt; (int)family</c> for each family named (other excluded).</summary>
    public int Families { get; }

    public ImmutableArray<FamilyFigure> Figures { get; }

    public int? Killed { get; }

    public int? Injured { get; }

    /// <summary>Canonical claimant ids, ordinal order.</summary>
    public ImmutableArray<string> Claimants { get; }

    /// <summary>How much the event tells (dated first): the most informative events seed the clusters.</summary>
    public int Information { get; }

    public bool HasPlaces => Regions.Length > 0 || Towns.Length > 0;

    /// <summary>The event's figure for a family and kind, or null.</summary>
    public int? Figure(WeaponFamily family, FigureKind kind)
    {
        foreach (var f in Figures)
        {
            if (f.Family == family && f.Kind == kind)
            {
                return f.Value;
            }
        }

        return null;
    }

    /// <summary>Orders events for clustering: most informative first, then in <see cref="EventOrder"/> (not by key: keys follow arrival).</summary>
    public static int SeedOrder(EventProfile a, EventProfile b) =>
        a.Information != b.Information ? b.Information.CompareTo(a.Information) : EventOrder.Compare(a.Source, b.Source);

    private static Scope ScopeOf(ImmutableArray<string> regions, ImmutableArray<Town> towns)
    {
        if (regions.Length == 0 && towns.Length == 0)
        {
            return Scope.Unknown;
        }

        if (regions.Length <= 1)
        {
            return Scope.Local;
        }

        // Several regions: local when the towns lie close together (a city that is its own region and its suburbs).
        if (towns.Length == 0)
        {
            return Scope.Broad;
        }

        foreach (var a in towns)
        {
            foreach (var b in towns)
            {
                if (Geo.Km(a, b) > Geo.LocalKm)
                {
                    return Scope.Broad;
                }
            }
        }

        return regions.Length <= 2 ? Scope.Local : Scope.Broad;
    }

    /// <summary>
    /// The event's launched and destroyed figures per family: the current figure of each weapon entry, summed over the
    /// entries of the family; when the family has a total entry (its generic category with no model) and the other
    /// entries add up to no more than it, they are its breakdown and the total alone counts.
    /// </summary>
    public static List<FamilyFigure> FamilyFigures(ExtractedEvent e)
    {
        var result = new List<FamilyFigure>();
        if (e.Weapons.IsDefaultOrEmpty)
        {
            return result;
        }

        foreach (var family in FamilyOrder)
        {
            foreach (var kind in WeaponKinds)
            {
                if (FamilySum(e, family, kind, wantParts: false, out _) is { } v)
                {
                    result.Add(new FamilyFigure(family, kind, v));
                }
            }
        }

        return result;
    }

    public static readonly ImmutableArray<WeaponFamily> FamilyOrder = [WeaponFamily.Drone, WeaponFamily.Missile, WeaponFamily.Bomb, WeaponFamily.Artillery, WeaponFamily.Other];

    public static readonly ImmutableArray<FigureKind> WeaponKinds = [FigureKind.Launched, FigureKind.Destroyed];

    /// <summary>The family figure (see <see cref="FamilyFigures"/>) and the claims it sums; null when no entry of the family gives the kind.</summary>
    public static int? FamilySum(ExtractedEvent e, WeaponFamily family, FigureKind kind, out ImmutableArray<FigureClaim> parts) =>
        FamilySum(e, family, kind, wantParts: true, out parts);

    private static int? FamilySum(ExtractedEvent e, WeaponFamily family, FigureKind kind, bool wantParts, out ImmutableArray<FigureClaim> parts)
    {
        int total = 0, breakdown = 0, totals = 0, rest = 0;
        foreach (var w in e.Weapons)
        {
            if (w.Weapon.Category.Family() != family || w.Current(kind) is not { } c)
            {
                continue;
            }

            if (IsTotal(w.Weapon, family))
            {
                total = Counts.Add(total, c.Value);
                totals++;
            }
            else
            {
                breakdown = Counts.Add(breakdown, c.Value);
                rest++;
            }
        }

        parts = [];
        if (totals == 0 && rest == 0)
        {
            return null;
        }

        var totalOnly = totals > 0 && breakdown <= total;
        if (wantParts)
        {
            var list = new FigureClaim[totalOnly ? totals : totals + rest];
            var n = 0;
            foreach (var w in e.Weapons)
            {
                if (w.Weapon.Category.Family() == family && w.Current(kind) is { } c && IsTotal(w.Weapon, family))
                {
                    list[n++] = c;
                }
            }

            if (!totalOnly)
            {
                foreach (var w in e.Weapons)
                {
                    if (w.Weapon.Category.Family() == family && w.Current(kind) is { } c && !IsTotal(w.Weapon, family))
                    {
                        list[n++] = c;
                    }
                }
            }

            parts = ImmutableCollectionsMarshal.AsImmutableArray(list);
        }

        return totalOnly ? total : Counts.Add(total, breakdown);
    }

    private static bool IsTotal(WeaponRef weapon, WeaponFamily family) => weapon.Model is null && weapon.Category == GenericCategory(family);

    private static WeaponCategory GenericCategory(WeaponFamily f) => f switch
    {
        WeaponFamily.Drone => WeaponCategory.Drone,
        WeaponFamily.Missile => WeaponCategory.Missile,
        WeaponFamily.Bomb => WeaponCategory.GuidedBomb,
        WeaponFamily.Artillery => WeaponCategory.Artillery,
        _ => WeaponCategory.Other,
    };
}

/// <summary>
/// A cluster being built: its members and what they say together (regions with counts, towns, families, figures by
/// family and kind with the scope of the member that gave each, tolls, reports, the known attacker). Mutable only
/// while one clustering step builds it; every step freezes the clusters it hands on.
/// </summary>
internal sealed class ClusterProfile
{
    private readonly List<EventProfile> members = [];
    private readonly Dictionary<string, int> regions = new(StringComparer.Ordinal);
    private readonly List<Town> towns = [];
    private readonly Dictionary<(WeaponFamily, FigureKind), FigureValues> figures = [];
    private readonly HashSet<string> townIds = new(StringComparer.Ordinal);
    private readonly List<Town> regionPoints = [];
    private string? dayText;
    private readonly HashSet<int> killed = [];
    private readonly HashSet<int> injured = [];
    private readonly HashSet<string> claimants = new(StringComparer.Ordinal);
    private readonly Dictionary<long, List<EventProfile>> byReport = [];

    public ClusterProfile(EventProfile seed, DateOnly? day)
    {
        Day = day;
        Target = seed.Target;
        Seed = seed.Key;
        Add(seed);
    }

    /// <summary>The anchor day the cluster is filed under (its home).</summary>
    public DateOnly? Day { get; }

    /// <summary><see cref="Day"/> as the explanations write it.</summary>
    public string DayText => dayText ??= Day is { } d ? d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) : "?";

    public Country Target { get; }

    /// <summary>The seed's key: identifies the cluster, and orders clusters for ties.</summary>
    public EventKey Seed { get; }

    public IReadOnlyList<EventProfile> Members => members;

    /// <summary>The known attacker (not <see cref="Side.Unknown"/>), or null when no member names one.</summary>
    public Side? KnownAttacker { get; private set; }

    public IReadOnlyDictionary<string, int> Regions => regions;

    public IReadOnlyList<Town> Towns => towns;

    /// <summary>The centres of the regions members name as regions.</summary>
    public IReadOnlyList<Town> RegionPoints => regionPoints;

    public int Families { get; private set; }

    public bool AnyNight { get; private set; }

    public bool AnyBroad { get; private set; }

    public int ReportCount => byReport.Count;

    public IReadOnlySet<int> Killed => killed;

    public IReadOnlySet<int> Injured => injured;

    public IReadOnlySet<string> Claimants => claimants;

    public bool HasPlaces => regions.Count > 0 || towns.Count > 0;

    /// <summary>The members' values of one family figure, or null when no member gives it.</summary>
    public FigureValues? Values(WeaponFamily family, FigureKind kind) => figures.GetValueOrDefault((family, kind));

    /// <summary>True when a member names the town with this gazetteer id.</summary>
    public bool HasTown(string id) => townIds.Contains(id);

    public IReadOnlyList<EventProfile>? MembersOfReport(long reportId) => byReport.GetValueOrDefault(reportId);

    public void Add(EventProfile e)
    {
        members.Add(e);
        if (e.Attacker != Side.Unknown)
        {
            KnownAttacker ??= e.Attacker;
        }

        foreach (var r in e.Regions)
        {
            regions[r] = regions.GetValueOrDefault(r) + 1;
        }

        foreach (var t in e.Towns)
        {
            if (t.Id is not null ? townIds.Add(t.Id) : !EventProfile.Contains(towns, t))
            {
                towns.Add(t);
            }
        }

        foreach (var r in e.RegionPoints)
        {
            if (!regionPoints.Exists(x => x.Id == r.Id))
            {
                regionPoints.Add(r);
            }
        }

        Families |= e.Families;
        AnyNight |= e.IsNight && e.Anchor.IsDated;
        AnyBroad |= e.Scope == Scope.Broad;
        foreach (var f in e.Figures)
        {
            if (!figures.TryGetValue((f.Family, f.Kind), out var list))
            {
                figures[(f.Family, f.Kind)] = list = new FigureValues();
            }

            list.Add(f.Value, e.Scope == Scope.Local);
        }

        if (e.Killed is { } k)
        {
            killed.Add(k);
        }

        if (e.Injured is { } i)
        {
            injured.Add(i);
        }

        foreach (var c in e.Claimants)
        {
            claimants.Add(c);
        }

        if (!byReport.TryGetValue(e.ReportId, out var same))
        {
            byReport[e.ReportId] = same = [];
        }

        same.Add(e);
    }
}

/// <summary>
/// The distinct values members give for one family figure, sorted, each with whether only local accounts gave it;
/// finds the value closest to another by ratio in logarithmic time.
/// </summary>
internal sealed class FigureValues
{
    private readonly List<int> values = [];
    private readonly List<bool> onlyLocal = [];

    public int Count => values.Count;

    public void Add(int value, bool local)
    {
        var i = values.BinarySearch(value);
        if (i >= 0)
        {
            onlyLocal[i] &= local;
            return;
        }

        values.Insert(~i, value);
        onlyLocal.Insert(~i, local);
    }

    /// <summary>
    /// The value closest to <paramref name="value"/> by ratio (min/max), the larger on a tie, and whether only local
    /// accounts gave it. Values are positive or zero; zero is as far from a positive value as can be.
    /// </summary>
    public (int Value, double Ratio, bool OnlyLocal) Closest(int value)
    {
        var i = values.BinarySearch(value);
        if (i >= 0)
        {
            return (value, 1.0, onlyLocal[i]);
        }

        i = ~i;
        (int Value, double Ratio, bool OnlyLocal) best = (-1, -1.0, false);
        if (i < values.Count)
        {
            best = (values[i], Ratio(value, values[i]), onlyLocal[i]);
        }

        if (i > 0)
        {
            var r = Ratio(value, values[i - 1]);
            if (r > best.Ratio)
            {
                best = (values[i - 1], r, onlyLocal[i - 1]);
            }
        }

        return best;
    }

    private static double Ratio(int a, int b) => a == b ? 1.0 : a <= 0 || b <= 0 ? 0.0 : (double)Math.Min(a, b) / Math.Max(a, b);
}
