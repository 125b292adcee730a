using System.Collections.Immutable;
using Sitrep.Core;
using Sitrep.Merge;

namespace Sitrep.Benchmarks.Merge;

/// <summary>
/// A generated ledger of per-report events for timing the merge and for its property tests: attacks (nationwide
/// waves and local strikes, both sides) told by several reports each, with the noise real reporting has — places
/// left out, hedged and partial figures, dates assumed from publication or missing, off-by-one dates, unknown
/// attackers, undated reports, and reports that tell two attacks. Deterministic for a seed. No report text.
/// </summary>
public static class SyntheticLedger
{
    private sealed record Spot(string Name, string Admin1, string Country, double Lat, double Lon);

    private static readonly Spot[] Ukraine =
    [
        new("Kyiv", "Kyiv", "UA", 50.45, 30.52), new("Kharkiv", "Kharkiv Oblast", "UA", 49.99, 36.23),
        new("Odesa", "Odesa Oblast", "UA", 46.48, 30.72), new("Dnipro", "Dnipropetrovsk Oblast", "UA", 48.46, 35.05),
        new("Kryvyi Rih", "Dnipropetrovsk Oblast", "UA", 47.91, 33.39), new("Zaporizhzhia", "Zaporizhzhia Oblast", "UA", 47.84, 35.14),
        new("Lviv", "Lviv Oblast", "UA", 49.84, 24.03), new("Sumy", "Sumy Oblast", "UA", 50.91, 34.80),
        new("Mykolaiv", "Mykolaiv Oblast", "UA", 46.98, 31.99), new("Kherson", "Kherson Oblast", "UA", 46.64, 32.61),
        new("Poltava", "Poltava Oblast", "UA", 49.59, 34.55), new("Khmelnytskyi", "Khmelnytskyi Oblast", "UA", 49.42, 26.99),
        new("Vinnytsia", "Vinnytsia Oblast", "UA", 49.23, 28.47), new("Chernihiv", "Chernihiv Oblast", "UA", 51.49, 31.29),
        new("Lutsk", "Volyn Oblast", "UA", 50.75, 25.33), new("Kramatorsk", "Donetsk Oblast", "UA", 48.72, 37.56),
    ];

    private static readonly Spot[] Russia =
    [
        new("Moscow", "Moscow", "RU", 55.76, 37.62), new("Belgorod", "Belgorod Oblast", "RU", 50.60, 36.59),
        new("Kursk", "Kursk Oblast", "RU", 51.73, 36.19), new("Bryansk", "Bryansk Oblast", "RU", 53.24, 34.36),
        new("Voronezh", "Voronezh Oblast", "RU", 51.67, 39.18), new("Oryol", "Oryol Oblast", "RU", 52.97, 36.07),
        new("Domodedovo", "Moscow Oblast", "RU", 55.44, 37.77), new("Rostov-on-Don", "Rostov Oblast", "RU", 47.23, 39.72),
    ];

    private static readonly string[] Outlets = ["Wire A", "Wire B", "Daily C", "Radio D", "Portal E", "Paper F", "Agency G", "TV H"];

    /// <summary>
    /// About <paramref name="events"/> strike events over <paramref name="days"/> days from <paramref name="start"/>.
    /// <paramref name="hard"/> makes the noise the merge's windows are most sensitive to far more common than in real
    /// reporting: undated reports, assumed dates, reports telling two attacks of neighbouring days, off-by-one dates.
    /// </summary>
    public static List<MergeEvent> Generate(int events, int days, int seed, DateOnly start, long firstReportId = 1, bool hard = false)
    {
        var rng = new Random(seed);
        var noise = new Noise(hard);
        var result = new List<MergeEvent>(events + 64);
        var reportId = firstReportId;
        while (result.Count < events)
        {
            var day = start.AddDays(rng.Next(days));
            var onRussia = rng.NextDouble() < 0.25;
            var spots = onRussia ? Russia : Ukraine;
            var wave = rng.NextDouble() < 0.3;
            var attackPlaces = wave ? Pick(rng, spots, rng.Next(4, Math.Min(10, spots.Length) + 1)) : [spots[rng.Next(spots.Length)]];
            var drones = wave ? rng.Next(20, 400) : rng.Next(0, 12);
            var missiles = wave && !onRussia ? rng.Next(0, 120) : rng.Next(0, 3);
            var killed = rng.Next(0, wave ? 30 : 8);
            var reports = wave ? rng.Next(3, 40) : rng.Next(1, 7);
            for (var r = 0; r < reports && result.Count < events; r++)
            {
                var published = rng.NextDouble() < noise.Published ? day.AddDays(rng.NextDouble() < 0.3 ? 1 : 0) : (DateOnly?)null;
                var report = new MergeReport(reportId, 1, Outlets[rng.Next(Outlets.Length)], published, null);
                var ev = Event(rng, noise, day, published, onRussia, wave, attackPlaces, drones, missiles, killed);
                var list = new List<ExtractedEvent> { ev };
                if (rng.NextDouble() < noise.SecondEvent)
                {
                    // A second, local strike the day before (or after), told in passing.
                    var other = spots[rng.Next(spots.Length)];
                    list.Add(Event(rng, noise, day.AddDays(rng.NextDouble() < 0.7 ? -1 : 1), published, onRussia, false, [other], rng.Next(0, 5), 0, rng.Next(0, 4)));
                }

                if (rng.NextDouble() < 0.05)
                {
                    list.Add(new ExtractedEvent { Kind = EventKind.Aggregate, Attacker = onRussia ? Side.Ukraine : Side.Russia });
                }

                report = report with { LatestEventDate = MergeReport.LatestDateOf(list) };
                for (var o = 0; o < list.Count; o++)
                {
                    result.Add(new MergeEvent(new EventKey(reportId, o), report, list[o]));
                }

                reportId++;
            }
        }

        return result;
    }

    /// <summary>How often each kind of noise happens.</summary>
    private sealed record Noise(bool Hard)
    {
        public double Published => Hard ? 0.35 : 0.92;

        public double SecondEvent => Hard ? 0.4 : 0.1;

        public double Dated => Hard ? 0.45 : 0.7;

        public double Assumed => Hard ? 0.75 : 0.85;

        public double OffByOne => Hard ? 0.15 : 0.04;
    }

    private static ExtractedEvent Event(Random rng, Noise noise, DateOnly day, DateOnly? published, bool onRussia, bool wave, Spot[] attackPlaces, int drones, int missiles, int killed)
    {
        var roll = rng.NextDouble();
        EventDate date;
        if (roll < noise.Dated)
        {
            var d = rng.NextDouble() < noise.OffByOne ? day.AddDays(rng.NextDouble() < 0.5 ? -1 : 1) : day;
            date = wave && rng.NextDouble() < 0.6
                ? new EventDate(d, DatePrecision.Night, "overnight", new TextSpan(0, 9)) { Start = d.AddDays(-1) }
                : new EventDate(d, DatePrecision.Day, "on Monday", new TextSpan(0, 9));
        }
        else if (roll < noise.Assumed && published is { } p)
        {
            date = new EventDate(p, DatePrecision.Day, "", default);
        }
        else if (roll < 0.98)
        {
            date = EventDate.Unknown;
        }
        else
        {
            date = new EventDate(null, DatePrecision.Week, "last week", new TextSpan(0, 9));
        }

        var places = ImmutableArray.CreateBuilder<PlaceRef>();
        var local = !wave || rng.NextDouble() < 0.2;
        var named = local ? attackPlaces.Take(1) : attackPlaces.Where(_ => rng.NextDouble() < 0.6);
        foreach (var s in named)
        {
            places.Add(new PlaceRef(s.Name, default)
            {
                Name = s.Name, GazetteerId = "gn:" + s.Name, Feature = "populated_place", Admin1 = s.Admin1, Country = s.Country, Latitude = s.Lat, Longitude = s.Lon,
            });
        }

        var weapons = ImmutableArray.CreateBuilder<WeaponUse>();
        if (drones > 0 && rng.NextDouble() < 0.8)
        {
            weapons.Add(Use(rng, WeaponCategory.Drone, local && wave ? Math.Max(1, drones / 8) : drones));
        }

        if (missiles > 0 && rng.NextDouble() < 0.8)
        {
            weapons.Add(Use(rng, WeaponCategory.Missile, local && wave ? Math.Max(1, missiles / 8) : missiles));
        }

        var casualties = ImmutableArray.CreateBuilder<FigureClaim>();
        if (rng.NextDouble() < 0.6)
        {
            var k = Math.Max(0, killed - rng.Next(0, 3));
            casualties.Add(new FigureClaim(FigureKind.Killed, k, Qualifier.AtLeast, new Evidence(default, "killed"),
                Claimant: rng.NextDouble() < 0.5 ? new Claimant("the governor", onRussia ? Side.Russia : Side.Ukraine, default) { Canonical = onRussia ? "ru.governor" : "ua.governor" } : null));
        }

        var attacker = rng.NextDouble() < 0.03 ? Side.Unknown : onRussia ? Side.Ukraine : Side.Russia;
        return new ExtractedEvent
        {
            Date = date,
            Attacker = attacker,
            TargetCountry = onRussia ? Country.Russia : Country.Ukraine,
            Places = places.ToImmutable(),
            Weapons = weapons.ToImmutable(),
            Casualties = casualties.ToImmutable(),
            Claimants = rng.NextDouble() < 0.5 ? [new Claimant("the air force", onRussia ? Side.Russia : Side.Ukraine, default) { Canonical = onRussia ? "ru.mod" : "ua.air_force" }] : [],
        };
    }

    private static WeaponUse Use(Random rng, WeaponCategory category, int count)
    {
        var weapon = new WeaponRef(category, null);
        var hedged = rng.NextDouble() < 0.2;
        var value = hedged ? Math.Max(1, count / 10 * 10) : count;
        var claims = ImmutableArray.CreateBuilder<FigureClaim>();
        claims.Add(new FigureClaim(FigureKind.Launched, value, hedged ? Qualifier.MoreThan : Qualifier.Exact, new Evidence(default, "launched"), weapon));
        if (rng.NextDouble() < 0.7)
        {
            claims.Add(new FigureClaim(FigureKind.Destroyed, Math.Max(0, value - rng.Next(0, Math.Max(1, value / 5))), Qualifier.Exact, new Evidence(default, "destroyed"), weapon));
        }

        return new WeaponUse(weapon, new Evidence(default, category.ToContract())) { Claims = claims.ToImmutable() };
    }

    private static Spot[] Pick(Random rng, Spot[] from, int n) => [.. from.OrderBy(_ => rng.Next()).Take(n)];
}
