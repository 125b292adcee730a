using System.Diagnostics;
using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Sitrep.Core;
using Sitrep.Ingest;
using Sitrep.Storage;
using Sitrep.Web;

namespace Sitrep.Benchmarks.Web;

/// <summary>
/// <c>serve-load [--reports N] [--clients C] [--seconds S] [--db PATH]</c>: the HTTP API on loopback over a SQLite store
/// built once from N generated reports (one strike each; 150,000 merge into about 100,000 attacks) and kept at PATH, under C concurrent clients asking GET /api/attacks with the dashboard's kinds
/// of filters for S seconds: p50, p90, p99 and the most latency, and requests per second. Client and server share this
/// machine's cores, as they would on an analyst's laptop.
/// </summary>
internal static class ServeBenchmark
{
    /// <summary>One place per region, so attacks of one day stay apart: 24 Ukrainian regions and 6 Russian ones.</summary>
    private static readonly (string Town, string Admin1, string Country, double Lat, double Lon)[] Places =
    [
        ("Kyiv", "Kyiv City", "UA", 50.45, 30.52), ("Kharkiv", "Kharkiv Oblast", "UA", 49.99, 36.23), ("Odesa", "Odesa Oblast", "UA", 46.48, 30.73),
        ("Dnipro", "Dnipropetrovsk Oblast", "UA", 48.45, 34.98), ("Zaporizhzhia", "Zaporizhzhia Oblast", "UA", 47.84, 35.14), ("Sumy", "Sumy Oblast", "UA", 50.91, 34.80),
        ("Chernihiv", "Chernihiv Oblast", "UA", 51.50, 31.29), ("Mykolaiv", "Mykolaiv Oblast", "UA", 46.97, 31.99), ("Kherson", "Kherson Oblast", "UA", 46.64, 32.61),
        ("Lviv", "Lviv Oblast", "UA", 49.84, 24.03), ("Kramatorsk", "Donetsk Oblast", "UA", 48.72, 37.56), ("Poltava", "Poltava Oblast", "UA", 49.59, 34.55),
        ("Vinnytsia", "Vinnytsia Oblast", "UA", 49.23, 28.47), ("Zhytomyr", "Zhytomyr Oblast", "UA", 50.25, 28.66), ("Rivne", "Rivne Oblast", "UA", 50.62, 26.25),
        ("Lutsk", "Volyn Oblast", "UA", 50.75, 25.33), ("Ternopil", "Ternopil Oblast", "UA", 49.55, 25.59), ("Khmelnytskyi", "Khmelnytskyi Oblast", "UA", 49.42, 26.99),
        ("Ivano-Frankivsk", "Ivano-Frankivsk Oblast", "UA", 48.92, 24.71), ("Uzhhorod", "Zakarpattia Oblast", "UA", 48.62, 22.29), ("Chernivtsi", "Chernivtsi Oblast", "UA", 48.29, 25.94),
        ("Cherkasy", "Cherkasy Oblast", "UA", 49.44, 32.06), ("Kropyvnytskyi", "Kirovohrad Oblast", "UA", 48.51, 32.26), ("Bila Tserkva", "Kyiv Oblast", "UA", 49.80, 30.11),
        ("Belgorod", "Belgorod Oblast", "RU", 50.60, 36.59), ("Kursk", "Kursk Oblast", "RU", 51.73, 36.19), ("Bryansk", "Bryansk Oblast", "RU", 53.25, 34.37),
        ("Voronezh", "Voronezh Oblast", "RU", 51.67, 39.18), ("Rostov-on-Don", "Rostov Oblast", "RU", 47.23, 39.72), ("Engels", "Saratov Oblast", "RU", 51.48, 46.11),
    ];

    private static readonly (WeaponCategory Category, string? Model)[] Weapons =
    [
        (WeaponCategory.Drone, "Shahed-136"), (WeaponCategory.Drone, "Gerbera"), (WeaponCategory.Drone, null), (WeaponCategory.CruiseMissile, "Kh-101"),
        (WeaponCategory.CruiseMissile, "Kalibr"), (WeaponCategory.BallisticMissile, "Iskander-M"), (WeaponCategory.GuidedBomb, "KAB-500"), (WeaponCategory.Artillery, null),
    ];

    public static readonly DateOnly First = new(2016, 1, 1);

    public static async Task<int> RunAsync(string path, int attacks, int clients, int seconds, TextWriter output, bool serveOnly = false)
    {
        var built = await EnsureStoreAsync(path, attacks, output).ConfigureAwait(false);
        var location = StoreLocation.Sqlite(path);
        long storedAttacks;
        await using (var store = await EventStore.OpenAsync(location).ConfigureAwait(false))
        {
            storedAttacks = (await store.FindAttacksAsync(new EventQuery { Limit = null }).ConfigureAwait(false)).Count;
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"store {path}: {storedAttacks:N0} attacks{(built > TimeSpan.Zero ? $" (built in {built.TotalSeconds:0} s)" : "")}"));
        var app = SitrepWebApp.Create([], new ServeOptions { Store = location, Urls = "http://127.0.0.1:0" });
        await using (app.ConfigureAwait(false))
        {
            await app.StartAsync().ConfigureAwait(false);
            var baseUrl = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');
            var warm = Stopwatch.StartNew();
            await SitrepWebApp.WarmUpAsync(app, CancellationToken.None).ConfigureAwait(false); // as `sitrep serve` does before it says where it listens
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"warmed up in {warm.Elapsed.TotalSeconds:0.0} s (the attacks in memory: {Environment.GetEnvironmentVariable("SITREP_SERVE_MODEL") ?? "on"})"));
            if (serveOnly)
            {
                // For an outside load client (wrk with bench/serve-load.lua): serve until stdin closes.
                output.WriteLine($"serving {baseUrl} until stdin closes");
                await output.FlushAsync().ConfigureAwait(false);
                await Console.In.ReadToEndAsync().ConfigureAwait(false);
                await app.StopAsync().ConfigureAwait(false);
                return 0;
            }

            var lastDay = First.AddDays(attacks / Places.Length);
            using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = clients, AutomaticDecompression = DecompressionMethods.GZip | DecompressionMethods.Brotli, PooledConnectionLifetime = TimeSpan.FromMinutes(10) };
            using var http = new HttpClient(handler) { BaseAddress = new Uri(baseUrl), Timeout = TimeSpan.FromSeconds(30) };

            // A cursor for the "next page" requests.
            var firstPage = await http.GetStringAsync("/api/attacks?attacker=RU&limit=50").ConfigureAwait(false);
            var cursor = System.Text.Json.JsonDocument.Parse(firstPage).RootElement.GetProperty("next").GetString() ?? "";

            output.WriteLine($"warming up (3 s), then {clients} clients for {seconds} s on {baseUrl}");
            await LoadAsync(http, clients, TimeSpan.FromSeconds(3), lastDay, cursor).ConfigureAwait(false);
            var (samples, errors, elapsed) = await LoadAsync(http, clients, TimeSpan.FromSeconds(seconds), lastDay, cursor).ConfigureAwait(false);
            Report(output, "all GET /api/attacks", samples.SelectMany(s => s.Value).ToList(), elapsed);
            foreach (var (kind, list) in samples.OrderBy(kv => kv.Key, StringComparer.Ordinal))
            {
                Report(output, "  " + kind, list, elapsed);
            }

            output.WriteLine($"errors: {errors}");
            await app.StopAsync().ConfigureAwait(false);
            return errors == 0 ? 0 : 1;
        }
    }

    private static void Report(TextWriter output, string what, List<double> ms, TimeSpan elapsed)
    {
        ms.Sort();
        double P(double q) => ms.Count == 0 ? 0 : ms[Math.Min(ms.Count - 1, (int)Math.Ceiling(q * ms.Count) - 1)];
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{what,-44} {ms.Count,8:N0} req  {ms.Count / elapsed.TotalSeconds,8:N0} req/s  p50 {P(0.5),6:0.0} ms  p90 {P(0.9),6:0.0} ms  p99 {P(0.99),6:0.0} ms  max {(ms.Count == 0 ? 0 : ms[^1]),6:0.0} ms"));
    }

    /// <summary>The dashboard's and an analyst's kinds of request, each with its own random dates.</summary>
    private static (string Kind, string Url) Request(Random rng, DateOnly lastDay, string cursor)
    {
        var span = lastDay.DayNumber - First.DayNumber;
        var day = First.AddDays(rng.Next(0, span));
        string D(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var place = Places[rng.Next(Places.Length)];
        return rng.Next(8) switch
        {
            0 => ("latest page", "/api/attacks?limit=50"),
            1 => ("a month", $"/api/attacks?since={D(day)}&until={D(day.AddDays(30))}&limit=50"),
            2 => ("RU drones >= 20 launched, a year", $"/api/attacks?attacker=RU&weapon=drone&min-launched=20&since={D(day)}&until={D(day.AddDays(365))}"),
            3 => ("target RU since a day", $"/api/attacks?target=RU&since={D(day)}&limit=25"),
            4 => ("a town", $"/api/attacks?place={Uri.EscapeDataString(place.Town)}&limit=25"),
            5 => ("most killed in a year", $"/api/attacks?sort=killed&since={D(day)}&until={D(day.AddDays(365))}&limit=25"),
            6 => ("a model (shahed), a month", $"/api/attacks?weapon=shahed&since={D(day)}&until={D(day.AddDays(30))}"),
            _ => ("next page (cursor)", $"/api/attacks?attacker=RU&limit=50&cursor={Uri.EscapeDataString(cursor)}"),
        };
    }

    private static async Task<(Dictionary<string, List<double>> Samples, int Errors, TimeSpan Elapsed)> LoadAsync(HttpClient http, int clients, TimeSpan duration, DateOnly lastDay, string cursor)
    {
        var samples = new Dictionary<string, List<double>>(StringComparer.Ordinal);
        var errors = 0;
        var clock = Stopwatch.StartNew();
        var deadline = duration;
        var workers = Enumerable.Range(0, clients).Select(c => Task.Run(async () =>
        {
            var rng = new Random(c * 7919 + 1);
            var mine = new List<(string, double)>(4096);
            var failed = 0;
            while (clock.Elapsed < deadline)
            {
                var (kind, url) = Request(rng, lastDay, cursor);
                using var request = new HttpRequestMessage(HttpMethod.Get, url);
                request.Headers.AcceptEncoding.ParseAdd("gzip, br");
                var start = Stopwatch.GetTimestamp();
                using var response = await http.SendAsync(request).ConfigureAwait(false);
                await response.Content.ReadAsByteArrayAsync().ConfigureAwait(false);
                var ms = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
                if (response.IsSuccessStatusCode)
                {
                    mine.Add((kind, ms));
                }
                else
                {
                    failed++;
                }
            }

            return (mine, failed);
        })).ToArray();
        foreach (var (mine, failed) in await Task.WhenAll(workers).ConfigureAwait(false))
        {
            errors += failed;
            foreach (var (kind, ms) in mine)
            {
                if (!samples.TryGetValue(kind, out var list))
                {
                    samples[kind] = list = [];
                }

                list.Add(ms);
            }
        }

        return (samples, errors, clock.Elapsed);
    }

    /// <summary>A SQLite store of about <paramref name="attacks"/> attacks (one report and event each, one per region a day), built once.</summary>
    public static async Task<TimeSpan> EnsureStoreAsync(string path, int attacks, TextWriter output)
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

        var clock = Stopwatch.StartNew();
        await using (var store = await EventStore.OpenAsync(StoreLocation.Sqlite(path)).ConfigureAwait(false))
        {
            await store.SuspendMergingAsync().ConfigureAwait(false);
            const int batchSize = 2000;
            for (var start = 0; start < attacks; start += batchSize)
            {
                var batch = new List<ReportSubmission>(batchSize);
                for (var i = start; i < Math.Min(attacks, start + batchSize); i++)
                {
                    batch.Add(Report(i));
                }

                await store.SaveAsync(batch).ConfigureAwait(false);
                if (start % 20_000 == 0)
                {
                    output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"// stored {start + batch.Count:N0} reports in {clock.Elapsed.TotalSeconds:0} s"));
                }
            }

            var merged = await store.RebuildAttacksAsync().ConfigureAwait(false);
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"// merged {merged.Events:N0} events into {merged.Attacks:N0} attacks in {merged.Elapsed.TotalSeconds:0} s"));
        }

        await File.WriteAllTextAsync(done, clock.Elapsed.ToString()).ConfigureAwait(false);
        return clock.Elapsed;
    }

    /// <summary>Report <paramref name="i"/>: a night's strike on one region (the i-th of its day), in sentences this project wrote.</summary>
    private static ReportSubmission Report(int i)
    {
        var rng = new Random(i);
        var p = Places[i % Places.Length];
        var day = First.AddDays(i / Places.Length);
        var w = Weapons[rng.Next(Weapons.Length)];
        var weapon = new WeaponRef(w.Category, w.Model);
        var launched = rng.Next(1, 150);
        var destroyed = rng.Next(0, launched + 1);
        var killed = rng.Next(0, 8) == 0 ? rng.Next(1, 12) : 0;
        var injured = rng.Next(0, 15);
        var attacker = p.Country == "RU" ? Side.Ukraine : Side.Russia;
        var name = w.Model ?? w.Category.ToContract().Replace('_', ' ');
        var text = string.Create(CultureInfo.InvariantCulture,
            $"{name} attack on {p.Town} (bulletin {i})\n{(attacker == Side.Russia ? "Russia" : "Ukraine")} launched {launched} {name} at {p.Town} overnight; air defences destroyed {destroyed}, officials said. {killed} people were killed and {injured} injured.");
        var article = new Article(i.ToString(CultureInfo.InvariantCulture), text, Title: text.Split('\n')[0], Url: $"https://bench.example/serve/{i}", Published: day, Source: $"Wire {i % 7}");
        Evidence Ev(string words)
        {
            var at = text.IndexOf(words, StringComparison.Ordinal);
            return new Evidence(new TextSpan(at, at + words.Length), words);
        }

        var claimant = new Claimant("officials", attacker == Side.Russia ? Side.Ukraine : Side.Russia, Ev("officials").Span);
        var place = new PlaceRef(p.Town, Ev(p.Town).Span)
        {
            Name = p.Town, Admin1 = p.Admin1, Country = p.Country, Latitude = p.Lat, Longitude = p.Lon, Feature = "populated_place", GeoPrecision = 1,
        };
        var sentence = Ev(text.Split('\n')[1]);
        var ev = new ExtractedEvent
        {
            Kind = EventKind.Strike,
            Date = new EventDate(day, DatePrecision.Night, "overnight", Ev("overnight").Span),
            Attacker = attacker,
            TargetCountry = Parties.ParseCountry(p.Country),
            Places = [place],
            Location = place,
            Weapons =
            [
                new WeaponUse(weapon, Ev($"{launched} {name}"))
                {
                    Claims =
                    [
                        new FigureClaim(FigureKind.Launched, launched, Qualifier.Exact, Ev($"{launched} {name}"), weapon, claimant) { Rule = "bench" },
                        new FigureClaim(FigureKind.Destroyed, destroyed, Qualifier.Exact, Ev($"destroyed {destroyed}"), weapon, claimant) { Rule = "bench" },
                    ],
                },
            ],
            Casualties =
            [
                new FigureClaim(FigureKind.Killed, killed, Qualifier.Exact, Ev($"{killed} people were killed"), null, claimant) { Rule = "bench" },
                new FigureClaim(FigureKind.Injured, injured, Qualifier.Exact, Ev($"{injured} injured"), null, claimant) { Rule = "bench" },
            ],
            Claimants = [claimant],
            Quotes = [sentence],
        };
        return new ReportSubmission(article, ContentHash.Of(text), $"bench/serve/{i}.txt", new Sitrep.Core.Extraction(article) { Events = [ev] }, "bench");
    }
}
