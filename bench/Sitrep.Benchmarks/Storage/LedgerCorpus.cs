using System.Globalization;
using Sitrep.Core;
using Sitrep.Ingest;
using Sitrep.Storage;

namespace Sitrep.Benchmarks.Storage;

/// <summary>
/// Deterministic reports and events for the store benchmarks, in sentences this project wrote: a spread of
/// dates (February 2022 to 2025), sides, places, weapons and figures like a long war's ledger.
/// </summary>
internal static class LedgerCorpus
{
    private static readonly (string Text, string Admin1, string Country, double Lat, double Lon)[] Places =
    [
        ("Kyiv", "Kyiv City", "UA", 50.45, 30.52), ("Kharkiv", "Kharkiv Oblast", "UA", 49.99, 36.23), ("Odesa", "Odesa Oblast", "UA", 46.48, 30.73),
        ("Dnipro", "Dnipropetrovsk Oblast", "UA", 48.45, 34.98), ("Zaporizhzhia", "Zaporizhzhia Oblast", "UA", 47.84, 35.14),
        ("Sumy", "Sumy Oblast", "UA", 50.91, 34.80), ("Chernihiv", "Chernihiv Oblast", "UA", 51.50, 31.29), ("Mykolaiv", "Mykolaiv Oblast", "UA", 46.97, 31.99),
        ("Kherson", "Kherson Oblast", "UA", 46.64, 32.61), ("Lviv", "Lviv Oblast", "UA", 49.84, 24.03), ("Pavlohrad", "Dnipropetrovsk Oblast", "UA", 48.53, 35.87),
        ("Kramatorsk", "Donetsk Oblast", "UA", 48.72, 37.56), ("Kostiantynivka", "Donetsk Oblast", "UA", 48.53, 37.71), ("Nikopol", "Dnipropetrovsk Oblast", "UA", 47.57, 34.40),
        ("Izmail", "Odesa Oblast", "UA", 45.35, 28.84), ("Kryvyi Rih", "Dnipropetrovsk Oblast", "UA", 47.91, 33.39), ("Poltava", "Poltava Oblast", "UA", 49.59, 34.55),
        ("Vinnytsia", "Vinnytsia Oblast", "UA", 49.23, 28.47), ("Belgorod", "Belgorod Oblast", "RU", 50.60, 36.59), ("Kursk", "Kursk Oblast", "RU", 51.73, 36.19),
        ("Bryansk", "Bryansk Oblast", "RU", 53.25, 34.37), ("Voronezh", "Voronezh Oblast", "RU", 51.67, 39.18), ("Moscow", "Moscow", "RU", 55.76, 37.62),
        ("Engels", "Saratov Oblast", "RU", 51.48, 46.11),
    ];

    private static readonly (WeaponCategory Category, string? Model)[] Weapons =
    [
        (WeaponCategory.Drone, "Shahed-136"), (WeaponCategory.Drone, "Shahed-131"), (WeaponCategory.Drone, null), (WeaponCategory.Drone, "Gerbera"),
        (WeaponCategory.CruiseMissile, "Kh-101"), (WeaponCategory.CruiseMissile, "Kalibr"), (WeaponCategory.BallisticMissile, "Iskander-M"),
        (WeaponCategory.GuidedBomb, "KAB-500"), (WeaponCategory.Artillery, null), (WeaponCategory.Rocket, "Grad"),
    ];

    private static readonly string[] Claimants = ["the air force", "the regional governor", "the defence ministry", "the city administration", "emergency services"];

    public static readonly DateOnly First = new(2022, 2, 24);

    /// <summary>The last day of the corpus's war: reports dated after it are news to a store built from the corpus.</summary>
    public static readonly DateOnly Last = First.AddDays(1399);

    /// <summary>
    /// Report <paramref name="i"/>: text with a header, distinct for every i, published on a day of the corpus's
    /// 1,400 (or within <paramref name="recentDays"/> after <paramref name="after"/>, by default its last day: a day's
    /// news arriving at a full ledger).
    /// </summary>
    public static string ReportFile(int i, int? recentDays = null, DateOnly? after = null)
    {
        var rng = new Random(i);
        var p = Places[rng.Next(Places.Length)];
        var w = Weapons[rng.Next(Weapons.Length)];
        var launched = rng.Next(1, 120);
        var down = rng.Next(0, launched + 1);
        var day = recentDays is { } recent ? (after ?? Last).AddDays(1 + rng.Next(0, recent)) : First.AddDays(rng.Next(0, 1400));
        var weapon = w.Model ?? w.Category.ToContract().Replace('_', ' ');
        return string.Create(CultureInfo.InvariantCulture, $"""
            url: https://bench.example/{i}
            published: {day:yyyy-MM-dd}
            ---
            {weapon} attack on {p.Text} (bulletin {i})
            Russia launched {launched} {weapon} at {p.Text} overnight; air defences destroyed {down}, {Claimants[rng.Next(Claimants.Length)]} said.
            {rng.Next(0, 5)} people were injured and {rng.Next(0, 3)} killed, the regional administration reported on Telegram.
            Emergency crews put out fires at {rng.Next(1, 6)} sites in the {p.Admin1}.
            """);
    }

    /// <summary>A plausible extraction of one report: <paramref name="events"/> events, each with weapons, claims, places and quotes.</summary>
    public static Sitrep.Core.Extraction Extract(Article article, int seed, int events = 1)
    {
        var rng = new Random(seed);
        var list = new List<ExtractedEvent>(events);
        for (var e = 0; e < events; e++)
        {
            list.Add(Event(rng, article.Text));
        }

        return new Sitrep.Core.Extraction(article) { Events = [.. list] };
    }

    private static ExtractedEvent Event(Random rng, string text)
    {
        var p = Places[rng.Next(Places.Length)];
        var attacker = p.Country == "RU" ? (rng.Next(10) == 0 ? "unknown" : "UA") : (rng.Next(50) == 0 ? "unknown" : "RU");
        var target = p.Country;
        var day = First.AddDays(rng.Next(0, 1400));
        var span = new TextSpan(0, Math.Min(60, text.Length));
        var sentence = new Evidence(span, text[..span.End]);
        var claimant = new Claimant(Claimants[rng.Next(Claimants.Length)], attacker == "RU" ? Side.Ukraine : Side.Russia, new TextSpan(0, 5));
        var uses = new List<WeaponUse>();
        var weaponCount = rng.Next(1, 3);
        for (var k = 0; k < weaponCount; k++)
        {
            var w = Weapons[rng.Next(Weapons.Length)];
            var weapon = new WeaponRef(w.Category, w.Model);
            var launched = rng.Next(1, 120);
            uses.Add(new WeaponUse(weapon, sentence)
            {
                Claims =
                [
                    new FigureClaim(FigureKind.Launched, launched, Qualifier.Exact, sentence, weapon, claimant) { Rule = "figures/N-weapon-verb" },
                    new FigureClaim(FigureKind.Destroyed, rng.Next(0, launched + 1), Qualifier.Exact, sentence, weapon, claimant) { Rule = "figures/N-weapon-verb" },
                ],
            });
        }

        var place = new PlaceRef(p.Text, new TextSpan(0, p.Text.Length))
        {
            Name = p.Text, Admin1 = p.Admin1, Country = p.Country, Latitude = p.Lat, Longitude = p.Lon, Feature = "populated_place", GeoPrecision = 1,
        };
        var region = new PlaceRef(p.Admin1, new TextSpan(0, p.Admin1.Length)) { Name = p.Admin1, Country = p.Country, Feature = "admin1", GeoPrecision = 3 };
        return new ExtractedEvent
        {
            Kind = rng.Next(40) == 0 ? EventKind.Aggregate : EventKind.Strike,
            Date = new EventDate(day, DatePrecision.Night, "overnight", new TextSpan(0, 9)),
            Attacker = Parties.ParseSide(attacker),
            TargetCountry = Parties.ParseCountry(target),
            Places = [place, region],
            Location = place,
            Weapons = [.. uses],
            Casualties =
            [
                new FigureClaim(FigureKind.Killed, rng.Next(0, 4), Qualifier.Exact, sentence, null, claimant) { Rule = "casualties/N-people-killed" },
                new FigureClaim(FigureKind.Injured, rng.Next(0, 12), Qualifier.AtLeast, sentence, null, claimant) { Rule = "casualties/N-people-injured" },
            ],
            Claimants = [claimant],
            Quotes = [sentence],
        };
    }

    /// <summary>
    /// A SQLite store holding <paramref name="events"/> events (four per report), built once and kept at
    /// <paramref name="path"/> for later runs. Returns the time it took to build, or zero when it was there.
    /// </summary>
    public static async Task<TimeSpan> EnsureStoreAsync(string path, int events)
    {
        var done = path + ".complete";
        if (File.Exists(done))
        {
            return TimeSpan.Zero;
        }

        foreach (var f in new[] { path, path + "-wal", path + "-shm" })
        {
            File.Delete(f);
        }

        var clock = System.Diagnostics.Stopwatch.StartNew();
        await using (var store = await EventStore.OpenAsync(StoreLocation.Sqlite(path)))
        {
            // A backfill of history: merge once at the end (batch-by-batch merging would recompute every month per batch).
            await store.SuspendMergingAsync();
            const int perReport = 4;
            const int batchSize = 1000;
            var reports = events / perReport;
            for (var start = 0; start < reports; start += batchSize)
            {
                var batch = new List<ReportSubmission>(batchSize);
                for (var i = start; i < Math.Min(reports, start + batchSize); i++)
                {
                    var text = ReportFile(i);
                    var article = new Article(i.ToString(CultureInfo.InvariantCulture), text, Url: $"https://bench.example/{i}");
                    batch.Add(new ReportSubmission(article, ContentHash.Of(text), $"bench/{i}.txt", Extract(article, i, perReport), "bench"));
                }

                await store.SaveAsync(batch);
            }

            var merged = await store.RebuildAttacksAsync();
            Console.WriteLine($"// merged {merged.Events:N0} events into {merged.Attacks:N0} attacks in {merged.Elapsed.TotalSeconds:0} s");
        }

        await File.WriteAllTextAsync(done, clock.Elapsed.ToString());
        return clock.Elapsed;
    }
}
