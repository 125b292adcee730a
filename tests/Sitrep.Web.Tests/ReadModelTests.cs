using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Sitrep.Core;
using Sitrep.Ingest;
using Sitrep.Storage;
using Sitrep.Storage.Tests;
using Sitrep.Web.Http;

namespace Sitrep.Web.Tests;

/// <summary>
/// The in-memory attack model answers listings and counts with the same bytes the store's query gives: two servers over
/// one generated store, one answering from memory and one from SQL, asked the same random filters, sorts and cursors.
/// </summary>
public sealed class ReadModelTests
{
    private static readonly (string Town, string Admin1, string Country)[] Towns =
    [
        ("Kharkiv", "Kharkiv Oblast", "UA"), ("Odesa", "Odesa Oblast", "UA"), ("Lozova", "Kharkiv Oblast", "UA"), ("Dnipro", "Dnipropetrovsk Oblast", "UA"),
        ("Bila Tserkva", "Kyiv Oblast", "UA"), ("Belgorod", "Belgorod Oblast", "RU"), ("Kursk", "Kursk Oblast", "RU"), ("Gomel", "Gomel Region", "BY"),
    ];

    private static readonly (WeaponCategory Category, string? Model)[] Weapons =
    [
        (WeaponCategory.Drone, "Shahed-136"), (WeaponCategory.Drone, "Shahed-131"), (WeaponCategory.Drone, "Gerbera"), (WeaponCategory.Drone, null),
        (WeaponCategory.CruiseMissile, "Kh-101"), (WeaponCategory.CruiseMissile, "Kalibr"), (WeaponCategory.BallisticMissile, "Iskander-M"),
        (WeaponCategory.GuidedBomb, "KAB-500"), (WeaponCategory.Artillery, null), (WeaponCategory.Rocket, "Grad"),
    ];

    private static readonly DateOnly First = new(2024, 3, 1);

    [Theory, OnSqlite, OnPostgres]
    public async Task Listings_and_counts_from_memory_are_the_stores_own_bytes(string backend)
    {
        await using var host = await ApiHost.StartAsync(backend, store => store.SaveAsync([.. Enumerable.Range(0, 400).Select(Report)]));
        await using var sql = host.Factory.WithWebHostBuilder(b => b.ConfigureServices(s => s.AddSingleton(host.Factory.Services.GetRequiredService<ServeOptions>() with { AttackModel = false })));
        await ReadModelAsync(host);
        using var memory = host.Client();
        using var store = sql.CreateClient();
        var rng = new Random(8);
        for (var i = 0; i < 300; i++)
        {
            await SameAsync(memory, store, RandomQuery(rng));
        }

        // An answer from memory is written again when asked again, not kept in the answer cache.
        var freshness = host.Factory.Services.GetRequiredService<StoreFreshness>();
        var kept = freshness.Count;
        await memory.GetStringAsync("/api/attacks?limit=7&sort=killed");
        Assert.Equal(kept, freshness.Count);
    }

    [Fact]
    public async Task A_model_older_than_the_store_is_not_used()
    {
        await using var host = await ApiHost.StartAsync("sqlite", store => store.SaveAsync([.. Enumerable.Range(0, 60).Select(Report)]));
        await using var sql = host.Factory.WithWebHostBuilder(b => b.ConfigureServices(s => s.AddSingleton(host.Factory.Services.GetRequiredService<ServeOptions>() with { AttackModel = false })));
        await ReadModelAsync(host);
        using var memory = host.Client();
        using var store = sql.CreateClient();
        var before = await SameAsync(memory, store, "/api/attacks?limit=1000");
        var countBefore = await SameAsync(memory, store, "/api/attacks/count");

        // A write after the model was read: every answer must show it, memory's as the store's.
        await host.Store.Store.SaveAsync([.. Enumerable.Range(1000, 5).Select(Report)]);
        Assert.NotEqual(before, await SameAsync(memory, store, "/api/attacks?limit=1000"));
        Assert.NotEqual(countBefore, await SameAsync(memory, store, "/api/attacks/count"));
    }

    [Fact]
    public async Task A_read_under_way_gives_up_when_the_server_stops_and_none_starts_after()
    {
        var host = await ApiHost.StartAsync("sqlite", store => store.SaveAsync([.. Enumerable.Range(0, 5).Select(Report)]));
        await using (host)
        {
            var models = host.Factory.Services.GetRequiredService<AttackReadModels>();
            var endless = new EndlessRead();
            var reading = models.ReadAsync(endless, "v1"); // as the warm-up or a refresh after a write starts it
            await endless.Started.Task.WaitAsync(TimeSpan.FromSeconds(30));

            host.Factory.Services.GetRequiredService<IHostApplicationLifetime>().StopApplication(); // what Ctrl-C and SIGTERM do
            await reading.WaitAsync(TimeSpan.FromSeconds(5));
            Assert.True(endless.Cancelled);
            Assert.Null(models.For("v2"));
            Assert.Null(models.For("v2")); // and no read of it was begun: the second ask finds none either, the store answers
            await host.Factory.DisposeAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(10));
        }
    }

    /// <summary>A store whose attack rows never come: it waits until it is told to give up.</summary>
    private sealed class EndlessRead : IAttackIndexSource
    {
        public TaskCompletionSource Started { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public bool Cancelled { get; private set; }

        public async Task<IReadOnlyList<AttackIndexRow>> ReadAttackIndexAsync(CancellationToken cancellationToken = default)
        {
            Started.TrySetResult();
            try
            {
                await Task.Delay(Timeout.Infinite, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                Cancelled = true;
                throw;
            }

            return [];
        }
    }

    /// <summary>Reads the host's model at the store's version now, and checks it is the one the next request will use.</summary>
    private static async Task ReadModelAsync(ApiHost host)
    {
        var version = await ((IStoreVersion)host.Store.Store).ChangeVersionAsync();
        var models = host.Factory.Services.GetRequiredService<AttackReadModels>();
        await models.ReadAsync((IAttackIndexSource)host.Store.Store, version!);
        Assert.NotNull(models.For(version));
    }

    /// <summary>Asks both servers, and the pages its cursor leads to (up to three); asserts the same status and bytes; the first body.</summary>
    private static async Task<string> SameAsync(HttpClient memory, HttpClient store, string path)
    {
        string? first = null;
        for (var page = 0; page < 3 && path is not null; page++)
        {
            using var a = await memory.GetAsync(path);
            using var b = await store.GetAsync(path);
            var fromMemory = await a.Content.ReadAsStringAsync();
            var fromStore = await b.Content.ReadAsStringAsync();
            Assert.True(b.IsSuccessStatusCode, $"{path}: {fromStore}");
            Assert.Equal(b.StatusCode, a.StatusCode);
            Assert.True(fromStore == fromMemory, $"{path}\nstore:  {fromStore}\nmemory: {fromMemory}");
            first ??= fromMemory;
            path = b.Headers.TryGetValues("Link", out var link) ? link.First()[1..link.First().IndexOf('>', StringComparison.Ordinal)] : null!;
        }

        return first!;
    }

    private static string RandomQuery(Random rng)
    {
        var q = new List<string>();
        void Maybe(int percent, Func<string> part)
        {
            if (rng.Next(100) < percent)
            {
                q.Add(part());
            }
        }

        string D(int offset) => First.AddDays(offset).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var since = rng.Next(-5, 45);
        Maybe(40, () => "since=" + D(since));
        Maybe(30, () => "until=" + D(since + rng.Next(0, 30)));
        Maybe(25, () => "attacker=" + new[] { "RU", "UA", "unknown" }[rng.Next(3)]);
        Maybe(20, () => "target=" + new[] { "UA", "RU", "BY", "other" }[rng.Next(4)]);
        Maybe(25, () => "weapon=" + new[] { "drone", "missile", "ballistic", "artillery", "bomb", "shahed", "Shahed-136", "kh", "kalibr", "grad", "tomahawk" }[rng.Next(11)]);
        Maybe(20, () => "place=" + Uri.EscapeDataString(new[] { "Kharkiv", "kharkiv region", "Kharkiv Oblast", "Lozova", "Bila Tserkva", "Kursk", "Gomel", "Nowhere" }[rng.Next(8)]));
        Maybe(15, () => "min-launched=" + rng.Next(0, 60));
        Maybe(10, () => "min-killed=" + rng.Next(0, 5));
        Maybe(5, () => "kind=" + (rng.Next(2) == 0 ? "strike" : "aggregate"));
        if (rng.Next(6) == 0)
        {
            return "/api/attacks/count" + (q.Count == 0 ? "" : "?" + string.Join('&', q));
        }

        Maybe(50, () => "sort=" + new[] { "date", "launched", "destroyed", "killed", "injured" }[rng.Next(5)]);
        Maybe(30, () => "order=" + (rng.Next(2) == 0 ? "asc" : "desc"));
        Maybe(70, () => "limit=" + rng.Next(1, 40));
        Maybe(10, () => "format=geojson");
        return "/api/attacks" + (q.Count == 0 ? "" : "?" + string.Join('&', q));
    }

    /// <summary>Report <paramref name="i"/>: one strike, on one or two towns (some undated, some without counts), in sentences this test writes.</summary>
    private static ReportSubmission Report(int i)
    {
        var rng = new Random(i * 31 + 7);
        var town = Towns[rng.Next(Towns.Length)];
        var other = rng.Next(4) == 0 ? Towns[rng.Next(Towns.Length)] : town;
        var w = Weapons[rng.Next(Weapons.Length)];
        var weapon = new WeaponRef(w.Category, w.Model);
        var dated = rng.Next(12) != 0;
        var day = First.AddDays(rng.Next(0, 40));
        var launched = rng.Next(1, 80);
        var destroyed = rng.Next(0, launched + 1);
        var killed = rng.Next(0, 5) == 0 ? rng.Next(1, 9) : 0;
        var attacker = rng.Next(10) switch { < 6 => Side.Russia, < 9 => Side.Ukraine, _ => Side.Unknown };
        var name = w.Model ?? w.Category.ToContract().Replace('_', ' ');
        var text = string.Create(CultureInfo.InvariantCulture,
            $"Strike on {town.Town} (bulletin {i})\n{launched} {name} flew at {town.Town} and {other.Town}{(dated ? " overnight" : "")}; {destroyed} were downed, the command said. {killed} people died.");
        var article = new Article("rm" + i.ToString(CultureInfo.InvariantCulture), text, Title: text.Split('\n')[0], Url: $"https://test.example/rm/{i}",
            Published: dated ? day : null, Source: $"Desk {i % 5}");
        Evidence Ev(string words)
        {
            var at = text.IndexOf(words, StringComparison.Ordinal);
            return new Evidence(new TextSpan(at, at + words.Length), words);
        }

        PlaceRef Place((string Town, string Admin1, string Country) p) => new(p.Town, Ev(p.Town).Span)
        {
            Name = p.Town, Admin1 = p.Admin1, Country = p.Country, Feature = "populated_place", GeoPrecision = 1,
        };

        var claimant = new Claimant("the command", Side.Ukraine, Ev("the command").Span);
        var counted = rng.Next(8) != 0;
        var ev = new ExtractedEvent
        {
            Date = dated ? new EventDate(day, DatePrecision.Night, "overnight", Ev("overnight").Span) : EventDate.Unknown,
            Attacker = attacker,
            TargetCountry = Parties.ParseCountry(town.Country),
            Places = other == town ? [Place(town)] : [Place(town), Place(other)],
            Location = Place(town),
            Weapons =
            [
                new WeaponUse(weapon, Ev($"{launched} {name}"))
                {
                    Claims = counted
                        ?
                        [
                            new FigureClaim(FigureKind.Launched, launched, Qualifier.Exact, Ev($"{launched} {name}"), weapon, claimant) { Rule = "test" },
                            new FigureClaim(FigureKind.Destroyed, destroyed, Qualifier.Exact, Ev($"{destroyed} were downed"), weapon, claimant) { Rule = "test" },
                        ]
                        : [],
                },
            ],
            Casualties = rng.Next(3) == 0 ? [] : [new FigureClaim(FigureKind.Killed, killed, Qualifier.Exact, Ev($"{killed} people died"), null, claimant) { Rule = "test" }],
            Claimants = [claimant],
        };
        return new ReportSubmission(article, ContentHash.Of(text), $"test/rm/{i}.txt", new Sitrep.Core.Extraction(article) { Events = [ev] }, "test");
    }
}
