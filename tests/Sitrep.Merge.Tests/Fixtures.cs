using System.Collections.Immutable;
using System.Globalization;
using Sitrep.Core;

namespace Sitrep.Merge.Tests;

/// <summary>A weapon entry of a test event: category, model and figures.</summary>
internal sealed record Arms(WeaponCategory Category, int? Launched = null, int? Destroyed = null, string? Model = null, Qualifier Qualifier = Qualifier.Exact);

/// <summary>
/// A per-report event written for a test, in the shape the extraction gives: date words, sides, places (from
/// <see cref="Spots"/>), weapons, tolls and who says them. <see cref="Build"/> makes the <see cref="ExtractedEvent"/>.
/// </summary>
internal sealed record Strike
{
    /// <summary>The event's date ("2024-08-26"), or null.</summary>
    public string? Date { get; init; }

    /// <summary>The words that date it; empty when the date is assumed.</summary>
    public string DateWords { get; init; } = "on Monday";

    public DatePrecision Precision { get; init; } = DatePrecision.Day;

    public Side Attacker { get; init; } = Side.Russia;

    public Country Target { get; init; } = Country.Ukraine;

    public string[] Places { get; init; } = [];

    public Arms[] Weapons { get; init; } = [];

    public int? Killed { get; init; }

    public int? Injured { get; init; }

    public Qualifier TollQualifier { get; init; } = Qualifier.Exact;

    /// <summary>Who says the figures, as written.</summary>
    public string? Claimant { get; init; }

    /// <summary>The claimant's registry id.</summary>
    public string? Canonical { get; init; }

    public Side ClaimantSide { get; init; } = Side.Unknown;

    public EventKind Kind { get; init; } = EventKind.Strike;

    /// <summary>The sentence the figures are read from (written for the test).</summary>
    public string Sentence { get; init; } = "Officials said the strike hit the city overnight.";

    public ExtractedEvent Build()
    {
        var evidence = new Evidence(new TextSpan(0, Sentence.Length), Sentence);
        var claimant = Claimant is null ? null : new Claimant(Claimant, ClaimantSide, new TextSpan(0, Claimant.Length)) { Canonical = Canonical };
        var date = Date is null
            ? (DateWords.Length > 0 ? new EventDate(null, Precision, DateWords, new TextSpan(0, DateWords.Length)) : EventDate.Unknown)
            : new EventDate(DateOnly.ParseExact(Date, "yyyy-MM-dd", CultureInfo.InvariantCulture), Precision, DateWords, DateWords.Length > 0 ? new TextSpan(0, DateWords.Length) : default);
        var weapons = Weapons.Select(w =>
        {
            var weapon = new WeaponRef(w.Category, w.Model);
            var claims = ImmutableArray.CreateBuilder<FigureClaim>();
            if (w.Launched is { } l)
            {
                claims.Add(new FigureClaim(FigureKind.Launched, l, w.Qualifier, evidence, weapon, claimant));
            }

            if (w.Destroyed is { } d)
            {
                claims.Add(new FigureClaim(FigureKind.Destroyed, d, w.Qualifier, evidence, weapon, claimant));
            }

            return new WeaponUse(weapon, evidence) { Claims = claims.ToImmutable() };
        }).ToImmutableArray();
        var casualties = ImmutableArray.CreateBuilder<FigureClaim>();
        if (Killed is { } k)
        {
            casualties.Add(new FigureClaim(FigureKind.Killed, k, TollQualifier, evidence, Claimant: claimant));
        }

        if (Injured is { } i)
        {
            casualties.Add(new FigureClaim(FigureKind.Injured, i, TollQualifier, evidence, Claimant: claimant));
        }

        var places = Places.Select(Spots.Of).ToImmutableArray();
        return new ExtractedEvent
        {
            Kind = Kind,
            Date = date,
            Attacker = Attacker,
            TargetCountry = Target,
            Places = places,
            Weapons = weapons,
            Casualties = casualties.ToImmutable(),
            Claimants = claimant is null ? [] : [claimant],
            Quotes = [evidence],
            Location = places.FirstOrDefault(),
        };
    }
}

/// <summary>Places the tests name, with their region and coordinates.</summary>
internal static class Spots
{
    private static readonly Dictionary<string, (string Admin1, string Country, double Lat, double Lon, string Feature)> Table = new(StringComparer.Ordinal)
    {
        ["Kyiv"] = ("Kyiv", "UA", 50.45, 30.52, "populated_place"),
        ["Brovary"] = ("Kyiv Oblast", "UA", 50.51, 30.79, "populated_place"),
        ["Kharkiv"] = ("Kharkiv Oblast", "UA", 49.99, 36.23, "populated_place"),
        ["Chuhuiv"] = ("Kharkiv Oblast", "UA", 49.84, 36.69, "populated_place"),
        ["Odesa"] = ("Odesa Oblast", "UA", 46.48, 30.72, "populated_place"),
        ["Dnipro"] = ("Dnipropetrovsk Oblast", "UA", 48.46, 35.05, "populated_place"),
        ["Kryvyi Rih"] = ("Dnipropetrovsk Oblast", "UA", 47.91, 33.39, "populated_place"),
        ["Zaporizhzhia"] = ("Zaporizhzhia Oblast", "UA", 47.84, 35.14, "populated_place"),
        ["Lviv"] = ("Lviv Oblast", "UA", 49.84, 24.03, "populated_place"),
        ["Kherson"] = ("Kherson Oblast", "UA", 46.64, 32.61, "populated_place"),
        ["Mykolaiv"] = ("Mykolaiv Oblast", "UA", 46.98, 31.99, "populated_place"),
        ["Sumy"] = ("Sumy Oblast", "UA", 50.91, 34.80, "populated_place"),
        ["Poltava"] = ("Poltava Oblast", "UA", 49.59, 34.55, "populated_place"),
        ["Kharkiv Oblast"] = ("Kharkiv Oblast", "UA", 49.5, 36.5, "admin1"),
        ["Kyiv Oblast"] = ("Kyiv Oblast", "UA", 50.28, 30.45, "admin1"),
        ["Belgorod"] = ("Belgorod Oblast", "RU", 50.60, 36.59, "populated_place"),
        ["Kursk"] = ("Kursk Oblast", "RU", 51.73, 36.19, "populated_place"),
        ["Bryansk"] = ("Bryansk Oblast", "RU", 53.24, 34.36, "populated_place"),
        ["Klintsy"] = ("Bryansk Oblast", "RU", 52.75, 32.24, "populated_place"),
        ["Moscow"] = ("Moscow", "RU", 55.76, 37.62, "populated_place"),
        ["Domodedovo"] = ("Moscow Oblast", "RU", 55.44, 37.77, "populated_place"),
    };

    public static PlaceRef Of(string name)
    {
        var (admin1, country, lat, lon, feature) = Table[name];
        return new PlaceRef(name, new TextSpan(0, name.Length))
        {
            Name = name, GazetteerId = "test:" + name, Feature = feature, Admin1 = admin1, Country = country, Latitude = lat, Longitude = lon,
            GeoPrecision = feature == "admin1" ? 3 : 1,
        };
    }
}

/// <summary>Builds reports and their events for a test.</summary>
internal sealed class TestLedger
{
    private readonly Dictionary<long, MergeReport> reports = [];
    private readonly Dictionary<long, List<ExtractedEvent>> byReport = [];

    public TestLedger Report(long id, string? published, string? source = null)
    {
        reports[id] = new MergeReport(id, 1, source ?? "Outlet " + id.ToString(CultureInfo.InvariantCulture),
            published is null ? null : DateOnly.ParseExact(published, "yyyy-MM-dd", CultureInfo.InvariantCulture), null);
        byReport[id] = [];
        return this;
    }

    /// <summary>Adds an event to a report (its ordinal is the next one) and returns its key.</summary>
    public EventKey Add(long report, Strike strike)
    {
        var list = byReport[report];
        list.Add(strike.Build());
        return new EventKey(report, list.Count - 1);
    }

    /// <summary>Every event, each report with its <see cref="MergeReport.LatestEventDate"/>.</summary>
    public List<MergeEvent> Events()
    {
        var result = new List<MergeEvent>();
        foreach (var (id, events) in byReport.OrderBy(kv => kv.Key))
        {
            var report = reports[id] with { LatestEventDate = MergeReport.LatestDateOf(events) };
            for (var i = 0; i < events.Count; i++)
            {
                result.Add(new MergeEvent(new EventKey(id, i), report, events[i]));
            }
        }

        return result;
    }

    public MergeResult Merge(IEnumerable<MergeDecision>? decisions = null, Func<string, ClaimantEntry?>? claimants = null) =>
        new MergeEngine(claimants).Merge(Events(), decisions);
}

/// <summary>A fake claimant registry for tests.</summary>
internal static class FakeRegistry
{
    public static readonly ClaimantEntry UaAirForce = new("ua.air_force", "Ukraine's Air Force", Side.Ukraine, ClaimantKind.AirForce);
    public static readonly ClaimantEntry UaPresident = new("ua.president", "President of Ukraine", Side.Ukraine, ClaimantKind.HeadOfState);
    public static readonly ClaimantEntry KharkivGovernor = new("ua.kharkiv.governor", "Governor of Kharkiv Oblast", Side.Ukraine, ClaimantKind.RegionalAuthority) { Admin1 = "Kharkiv Oblast" };
    public static readonly ClaimantEntry KyivCity = new("ua.kyiv.city", "Kyiv City Military Administration", Side.Ukraine, ClaimantKind.CityAuthority) { Admin1 = "Kyiv" };
    public static readonly ClaimantEntry UaEmergency = new("ua.emergency", "State Emergency Service", Side.Ukraine, ClaimantKind.EmergencyService);
    public static readonly ClaimantEntry RuDefence = new("ru.mod", "Russia's Defence Ministry", Side.Russia, ClaimantKind.DefenceMinistry);
    public static readonly ClaimantEntry BelgorodGovernor = new("ru.belgorod.governor", "Governor of Belgorod Oblast", Side.Russia, ClaimantKind.RegionalAuthority) { Admin1 = "Belgorod Oblast" };
    public static readonly ClaimantEntry Wire = new("outlet.wire", "A wire service", Side.Other, ClaimantKind.Outlet);

    private static readonly Dictionary<string, ClaimantEntry> Entries =
        new[] { UaAirForce, UaPresident, KharkivGovernor, KyivCity, UaEmergency, RuDefence, BelgorodGovernor, Wire }.ToDictionary(e => e.Id, StringComparer.Ordinal);

    public static ClaimantEntry? Find(string id) => Entries.GetValueOrDefault(id);
}
