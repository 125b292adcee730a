using Sitrep.Core;
using Sitrep.Ingest;

namespace Sitrep.Storage.Tests;

/// <summary>The attack ledger of the store: merged inside every write, order-independent, decisions kept, ids lasting. SQLite and PostgreSQL.</summary>
public class AttackStoreContractTests
{
    private static readonly DateOnly Day = new(2024, 5, 14);

    /// <summary>
    /// Seven reports: three outlets' accounts of one Russian night wave on Kyiv, two of a Ukrainian drone attack on
    /// Belgorod the same night, two of a missile strike on Kharkiv the next day.
    /// </summary>
    private static List<(Article Article, ExtractedEvent Event)> Reports()
    {
        var list = new List<(Article, ExtractedEvent)>();
        for (var i = 0; i < 3; i++)
        {
            list.Add((Samples.Article($"Russia launched 40 drones at Kyiv overnight, outlet {i} reports.", $"https://wire{i}.example.org/kyiv", id: $"kyiv{i}") with { Published = Day, Source = $"Wire {i}" },
                Samples.Simple(Day, "RU", "UA", "Kyiv", WeaponCategory.Drone, "Shahed-136", 40, 35 + i % 2, admin1: "Kyiv City")));
        }

        for (var i = 0; i < 2; i++)
        {
            list.Add((Samples.Article($"Ukrainian drones attacked Belgorod, paper {i} writes.", $"https://paper{i}.example.org/belgorod", id: $"belgorod{i}") with { Published = Day, Source = $"Paper {i}" },
                Samples.Simple(Day, "UA", "RU", "Belgorod", WeaponCategory.Drone, null, 20, 20, admin1: "Belgorod Oblast")));
        }

        for (var i = 0; i < 2; i++)
        {
            list.Add((Samples.Article($"Missiles struck Kharkiv on Wednesday, site {i} says.", $"https://site{i}.example.org/kharkiv", id: $"kharkiv{i}") with { Published = Day.AddDays(1), Source = $"Site {i}" },
                Samples.Simple(Day.AddDays(1), "RU", "UA", "Kharkiv", WeaponCategory.BallisticMissile, "Iskander-M", 5, 3, killed: 2 + i, admin1: "Kharkiv Oblast")));
        }

        return list;
    }

    private static ReportSubmission Submit((Article Article, ExtractedEvent Event) r, bool pending = false) =>
        new(r.Article, ContentHash.Of(r.Article.Text), r.Article.Id + ".txt", pending ? null : new Extraction(r.Article) { Events = [r.Event] }, pending ? "" : "test/1");

    /// <summary>The ledger's attacks as sets of member article ids, sorted: what two ledgers must agree on.</summary>
    private static async Task<List<string>> Partition(IEventStore store)
    {
        var groups = new List<string>();
        await foreach (var a in store.StreamAttacksAsync(new EventQuery { Limit = null }))
        {
            groups.Add(string.Join(",", a.Members.Select(m => m.Article).Order(StringComparer.Ordinal)));
        }

        groups.Sort(StringComparer.Ordinal);
        return groups;
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task Ingest_in_any_order_gives_the_attacks_a_rebuild_gives(string backend)
    {
        var reports = Reports();
        await using var inOrder = await TestStore.CreateAsync(backend);
        foreach (var r in reports)
        {
            await inOrder.Store.SaveAsync([Submit(r)]);
        }

        var expected = await Partition(inOrder.Store);
        Assert.Equal(["belgorod0,belgorod1", "kharkiv0,kharkiv1", "kyiv0,kyiv1,kyiv2"], expected);

        await using var reversed = await TestStore.CreateAsync(backend);
        var shuffled = reports.AsEnumerable().Reverse().ToList();
        await reversed.Store.SaveAsync([.. shuffled.Take(3).Select(r => Submit(r))]);
        await reversed.Store.SaveAsync([.. shuffled.Skip(3).Select(r => Submit(r))]);
        Assert.Equal(expected, await Partition(reversed.Store));

        var before = (await inOrder.Store.FindAttacksAsync(new EventQuery { Limit = null })).Select(a => a.Id).Order().ToList();
        var rebuilt = await inOrder.Store.RebuildAttacksAsync();
        Assert.Equal(3, rebuilt.Attacks);
        Assert.Equal(3, rebuilt.Unchanged); // nothing to write again: the ingests left them as a rebuild computes them
        Assert.Equal(expected, await Partition(inOrder.Store));
        Assert.Equal(before, (await inOrder.Store.FindAttacksAsync(new EventQuery { Limit = null })).Select(a => a.Id).Order().ToList());
    }

    /// <summary>
    /// Reports whose merge turns on ties: per day, two local drone strikes in two regions with far-apart figures (not
    /// one attack), told with equal detail, and a terse account naming no place that scores the same against both.
    /// </summary>
    private static List<(Article Article, ExtractedEvent Event)> TiedReports()
    {
        var list = new List<(Article, ExtractedEvent)>();
        var pairs = new[] { ("Lviv", "Lviv Oblast", "Kharkiv", "Kharkiv Oblast"), ("Odesa", "Odesa Oblast", "Sumy", "Sumy Oblast") };
        for (var d = 0; d < pairs.Length; d++)
        {
            var day = Day.AddDays(3 * d);
            var (west, westRegion, east, eastRegion) = pairs[d];
            foreach (var (town, region, drones) in new[] { (west, westRegion, 9), (east, eastRegion, 60) })
            {
                list.Add((Samples.Article($"{drones} drones were sent at {town}, officials said.", $"https://local.example.org/{town}", id: $"{town}-{d}") with { Published = day, Source = "Local " + town },
                    Samples.Simple(day, "RU", "UA", town, WeaponCategory.Drone, null, drones, null, admin1: region)));
            }

            var terse = Samples.Simple(day, "RU", "UA", "-", WeaponCategory.Drone, null, null, null) with { Places = [] };
            list.Add((Samples.Article($"Drones struck a city, day {d}.", $"https://brief.example.org/{d}", id: $"terse-{d}") with { Published = day, Source = "Brief" }, terse));
        }

        return list;
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task Ties_go_the_same_way_whatever_order_and_batches_the_reports_arrive_in(string backend)
    {
        var reports = TiedReports();
        await using var first = await TestStore.CreateAsync(backend);
        await first.Store.SaveAsync([.. reports.Select(r => Submit(r))]);
        var expected = await Partition(first.Store);
        Assert.Equal(reports.Count - 2, expected.Count); // each terse account joined one of its day's strikes

        var random = new Random(11);
        for (var round = 0; round < 4; round++)
        {
            var order = reports.ToArray();
            random.Shuffle(order);
            await using var t = await TestStore.CreateAsync(backend);
            var at = 0;
            while (at < order.Length)
            {
                var size = random.Next(1, 4);
                await t.Store.SaveAsync([.. order.Skip(at).Take(size).Select(r => Submit(r))]);
                at += size;
            }

            Assert.Equal(expected, await Partition(t.Store));
            await t.Store.RebuildAttacksAsync();
            Assert.Equal(expected, await Partition(t.Store));
        }
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task A_write_after_a_warm_up_stores_what_a_rebuild_gives_though_another_writer_came_between(string backend)
    {
        var reports = Reports();
        await using var t = await TestStore.CreateAsync(backend);
        await t.Store.SaveAsync([.. reports.Take(4).Select(r => Submit(r))]);

        // The warm-up reads (and caches, and clusters) the stored Kyiv reports the coming write's merge will need...
        var coming = reports.Skip(4).Select(r => Submit(r)).ToList();
        await Assert.IsAssignableFrom<IMergeWarmup>(t.Store).WarmMergeAsync(coming);

        // ...then another process extracts them again, and one of them now tells of the next day's strike on Kharkiv.
        var moved = reports[^1].Event;
        var original = reports.ToDictionary(r => r.Article.Id, r => r.Event);
        await using (var other = await EventStore.OpenAsync(t.Location))
        {
            await other.RequeueAllAsync();
            await other.ProcessPendingAsync(100, "other", "test/2", articles =>
                [.. articles.Select(a => new Extraction(a) { Events = [a.Id == "kyiv1" ? moved : original[a.Id]] })]);
        }

        await t.Store.SaveAsync(coming);
        var written = await Partition(t.Store);
        Assert.Equal(["belgorod0,belgorod1", "kharkiv0,kharkiv1,kyiv1", "kyiv0,kyiv2"], written);

        // A store object with nothing cached, rebuilding from the rows, agrees.
        await using var fresh = await EventStore.OpenAsync(t.Location);
        await fresh.RebuildAttacksAsync();
        Assert.Equal(written, await Partition(fresh));
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task An_attack_has_its_reports_figures_and_claims(string backend)
    {
        await using var t = await TestStore.CreateAsync(backend);
        await t.Store.SaveAsync([.. Reports().Select(r => Submit(r))]);
        var kyiv = Assert.Single(await t.Store.FindAttacksAsync(new EventQuery { Place = "Kyiv" }));
        Assert.Equal((Day, Side.Russia, Country.Ukraine, 3, 3, 3), (kyiv.Date!.Value, kyiv.Attacker, kyiv.Target, kyiv.Events, kyiv.Reports, kyiv.Sources));
        var whole = await t.Store.GetAttackAsync(kyiv.Id);
        var launched = whole!.Figure("drone.launched")!;
        Assert.Equal((40, 40, 40), (launched.Best, launched.Low, launched.High));
        var destroyed = whole.Figure("drone.destroyed")!;
        Assert.Equal((35, 36), (destroyed.Low, destroyed.High));
        Assert.Equal(3, destroyed.Claims.Length);
        Assert.All(whole.Members, m => Assert.Equal(0, m.StrikeIndex));
        Assert.Contains(whole.Members, m => m.Explain.Length > 0);

        var kharkiv = Assert.Single(await t.Store.FindAttacksAsync(new EventQuery { Weapon = WeaponSelector.Parse("iskander") }));
        var killed = (await t.Store.GetAttackAsync(kharkiv.Id))!.Figure("killed")!;
        Assert.Equal((2, 3, 2), (killed.Low, killed.High, killed.Conservative));

        Assert.Equal(3, (await t.Store.FindEventsAsync(new EventQuery { AttackId = kyiv.Id })).Count);
        var stats = await t.Store.AttackStatsAsync(new EventQuery());
        var wave = Assert.Single(stats, s => s.Attacker == Side.Russia && s.Date == Day);
        Assert.Equal(("drone", 1, 3, 40), (wave.Family, wave.Attacks, wave.Reports, wave.Launched!.Value));
        Assert.Single(stats, s => s.Attacker == Side.Ukraine && s.Date == Day && s.Launched == 20);
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task Stats_add_up_each_attacks_family_figures_once(string backend)
    {
        // Sixty reports of attacks on twelve towns over five days, by both sides, one to three reports each, some with a
        // second weapon family and casualties: the stats must be what the attacks' own figures add up to.
        var towns = new[] { "Kyiv", "Odesa", "Dnipro", "Lviv", "Sumy", "Poltava", "Belgorod", "Kursk", "Bryansk", "Voronezh", "Oryol", "Lipetsk" };
        var random = new Random(2026);
        var reports = new List<ReportSubmission>();
        for (var i = 0; i < 60; i++)
        {
            var town = random.Next(towns.Length);
            var ukraine = town < 6;
            var day = Day.AddDays(random.Next(5));
            var category = new[] { WeaponCategory.Drone, WeaponCategory.CruiseMissile, WeaponCategory.Artillery, WeaponCategory.GuidedBomb }[random.Next(4)];
            var e = Samples.Simple(day, ukraine ? "RU" : "UA", ukraine ? "UA" : "RU", towns[town], category, null, random.Next(1, 90), random.Next(0, 40),
                killed: random.Next(3) == 0 ? random.Next(1, 9) : null);
            if (random.Next(3) == 0)
            {
                var second = new WeaponRef(WeaponCategory.BallisticMissile, null);
                var ev = new Evidence(new TextSpan(0, 10), "A sentence");
                e = e with { Weapons = [.. e.Weapons, new WeaponUse(second, ev) { Claims = [new FigureClaim(FigureKind.Launched, random.Next(1, 9), Qualifier.Exact, ev, second)] }] };
            }

            var a = Samples.Article($"Report {i} of an attack on {towns[town]}.", $"https://wire{i % 7}.example.org/{i}", id: $"r{i}") with { Published = day, Source = $"Wire {i % 7}" };
            reports.Add(new ReportSubmission(a, ContentHash.Of(a.Text), a.Id + ".txt", new Extraction(a) { Events = [e] }, "test/1"));
        }

        await using var t = await TestStore.CreateAsync(backend);
        await t.Store.SaveAsync(reports);
        var expected = new SortedDictionary<string, (int Attacks, long Reports, long? Launched, long? Destroyed)>(StringComparer.Ordinal);
        var killed = new SortedDictionary<string, long>(StringComparer.Ordinal);
        await foreach (var attack in t.Store.StreamAttacksAsync(new EventQuery { Limit = null }))
        {
            var whole = (await t.Store.GetAttackAsync(attack.Id))!;
            var side = $"{whole.Date:yyyy-MM-dd} {whole.Attacker} {whole.Target}";
            killed[side] = killed.GetValueOrDefault(side) + (whole.Killed ?? 0);
            foreach (var family in whole.Figures.Where(f => f.IsFamilyFigure).Select(f => f.Family!.Value).Distinct())
            {
                var key = $"{side} {family.ToString().ToLowerInvariant()}";
                var launched = whole.Figures.FirstOrDefault(f => f.IsFamilyFigure && f.Family == family && f.Kind == FigureKind.Launched)?.Best;
                var destroyed = whole.Figures.FirstOrDefault(f => f.IsFamilyFigure && f.Family == family && f.Kind == FigureKind.Destroyed)?.Best;
                var row = expected.GetValueOrDefault(key);
                expected[key] = (row.Attacks + 1, row.Reports + whole.Reports, Add(row.Launched, launched), Add(row.Destroyed, destroyed));
            }
        }

        var stats = await t.Store.AttackStatsAsync(new EventQuery());
        Assert.True(expected.Count > 20, $"{expected.Count} rows");
        Assert.Equal(expected, new SortedDictionary<string, (int, long, long?, long?)>(
            stats.ToDictionary(s => $"{s.Date:yyyy-MM-dd} {s.Attacker} {s.Target} {s.Family}", s => (s.Attacks, s.Reports, s.Launched, s.Destroyed)), StringComparer.Ordinal));
        Assert.Equal(killed.Where(k => k.Value > 0), stats.GroupBy(s => $"{s.Date:yyyy-MM-dd} {s.Attacker} {s.Target}")
            .Select(g => KeyValuePair.Create(g.Key, g.Sum(s => s.Killed ?? 0))).Where(k => k.Value > 0).OrderBy(k => k.Key, StringComparer.Ordinal));

        // A filter keeps the same rows of what it selects.
        var later = await t.Store.AttackStatsAsync(new EventQuery { Since = Day.AddDays(3) });
        Assert.Equal(stats.Where(s => s.Date >= Day.AddDays(3)), later);

        static long? Add(long? sum, int? value) => value is { } v ? (sum ?? 0) + v : sum;
    }

    [Fact]
    public async Task A_store_made_before_attack_places_gets_them_on_opening()
    {
        var file = Path.Combine(Path.GetTempPath(), $"sitrep-store-{Guid.NewGuid():N}.db");
        try
        {
            await using (var store = await EventStore.OpenAsync(StoreLocation.Sqlite(file)))
            {
                await store.SaveAsync([.. Reports().Select(r => Submit(r))]);
            }

            // Back to schema 2: the attacks without their place index.
            await using (var conn = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={file}"))
            {
                await conn.OpenAsync();
                await using var cmd = conn.CreateCommand();
                cmd.CommandText = """
                    DROP TABLE attack_places;
                    ALTER TABLE figures DROP COLUMN claimant_id; ALTER TABLE figures DROP COLUMN claimant_person;
                    ALTER TABLE claimants DROP COLUMN canonical; ALTER TABLE claimants DROP COLUMN is_person;
                    ALTER TABLE attacks DROP COLUMN location_text; ALTER TABLE attacks DROP COLUMN location_start;
                    ALTER TABLE attacks DROP COLUMN location_end; ALTER TABLE attacks DROP COLUMN location_gazetteer_id;
                    ALTER TABLE attacks DROP COLUMN location_feature; ALTER TABLE attacks DROP COLUMN location_where_precision;
                    ALTER TABLE attacks DROP COLUMN location_occupied; ALTER TABLE attacks DROP COLUMN location_event_id;
                    ALTER TABLE attacks DROP COLUMN location_report_id;
                    DELETE FROM schema_version WHERE version >= 3;
                    """;
                await cmd.ExecuteNonQueryAsync();
            }

            await using (var store = await EventStore.OpenAsync(StoreLocation.Sqlite(file)))
            {
                Assert.Single(await store.FindAttacksAsync(new EventQuery { Place = "Kyiv" }));
                Assert.Single(await store.FindAttacksAsync(new EventQuery { Place = "Kharkiv" }));
            }
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            foreach (var f in Directory.GetFiles(Path.GetDirectoryName(file)!, Path.GetFileName(file) + "*"))
            {
                File.Delete(f);
            }
        }
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task Decisions_join_and_split_and_every_rebuild_keeps_them(string backend)
    {
        await using var t = await TestStore.CreateAsync(backend);
        await t.Store.SaveAsync([.. Reports().Select(r => Submit(r))]);
        var kyiv = Assert.Single(await t.Store.FindAttacksAsync(new EventQuery { Place = "Kyiv" })).Id;
        var kharkiv = Assert.Single(await t.Store.FindAttacksAsync(new EventQuery { Place = "Kharkiv" })).Id;

        await t.Store.DecideAsync(MergeDecisionRequest.Join(kyiv, kharkiv, "analyst", "one operation"));
        var joined = await Partition(t.Store);
        Assert.Contains("kharkiv0,kharkiv1,kyiv0,kyiv1,kyiv2", joined);
        Assert.Equal(2, joined.Count);
        var survivor = (await t.Store.GetAttackAsync(kyiv))!;
        Assert.Equal(survivor.Id, (await t.Store.GetAttackAsync(kharkiv))!.Id);
        Assert.Equal(survivor.Id, Assert.Single(await t.Store.FindAttacksAsync(new EventQuery { Place = "Kharkiv" })).Id); // its places follow its members

        var kyiv0 = (await t.Store.FindEventsAsync(new EventQuery { AttackId = survivor.Id, Limit = null }))
            .First(e => e.Places.Contains("Kyiv", StringComparison.Ordinal)).Id;
        await t.Store.DecideAsync(MergeDecisionRequest.Split(kyiv0, "analyst"));
        var split = await Partition(t.Store);
        Assert.Equal(3, split.Count);
        Assert.Single(split, g => !g.Contains(',', StringComparison.Ordinal));

        await t.Store.RebuildAttacksAsync();
        Assert.Equal(split, await Partition(t.Store));
        Assert.Equal(["join", "split"], (await t.Store.GetDecisionsAsync()).Select(d => d.Kind));
        await Assert.ThrowsAsync<StoreException>(() => t.Store.DecideAsync(MergeDecisionRequest.Split(999_999, "analyst")));
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task Concurrent_workers_merge_every_event_into_one_attack_once(string backend)
    {
        await using var t = await TestStore.CreateAsync(backend);
        var reports = Enumerable.Range(0, 8).SelectMany(_ => Reports()).Select((r, i) => (r.Article with { Id = $"{r.Article.Id}-{i}", Url = r.Article.Url + "/" + i, Text = r.Article.Text + $" ({i})" }, r.Event)).ToList();
        await t.Store.SaveAsync([.. reports.Select(r => Submit(r, pending: true))]);
        var byArticle = reports.ToDictionary(r => r.Item1.Id, r => r.Event);
        IReadOnlyList<Extraction> Extract(IReadOnlyList<Article> articles) => [.. articles.Select(a => new Extraction(a) { Events = [byArticle[a.Id]] })];

        var workers = Enumerable.Range(1, 3).Select(w => Task.Run(async () =>
        {
            while (await t.Store.ProcessPendingAsync(4, $"w{w}", "x/1", Extract) > 0)
            {
            }
        })).ToArray();
        await Task.WhenAll(workers);

        var attacks = new List<StoredAttack>();
        await foreach (var a in t.Store.StreamAttacksAsync(new EventQuery { Limit = null }))
        {
            attacks.Add(a);
        }

        var members = attacks.SelectMany(a => a.Members.Select(m => m.EventId)).ToList();
        Assert.Equal(reports.Count, members.Count);
        Assert.Equal(members.Count, members.Distinct().Count());
        Assert.Equal(3, attacks.Count);
        var concurrent = await Partition(t.Store);
        await t.Store.RebuildAttacksAsync();
        Assert.Equal(concurrent, await Partition(t.Store));
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task Re_extracting_keeps_the_attack_ids(string backend)
    {
        await using var t = await TestStore.CreateAsync(backend);
        var reports = Reports();
        await t.Store.SaveAsync([.. reports.Select(r => Submit(r, pending: true))]);
        var byArticle = reports.ToDictionary(r => r.Article.Id, r => r.Event);
        IReadOnlyList<Extraction> Extract(IReadOnlyList<Article> articles) => [.. articles.Select(a => new Extraction(a) { Events = [byArticle[a.Id]] })];
        while (await t.Store.ProcessPendingAsync(3, "w1", "x/1", Extract) > 0)
        {
        }

        async Task<List<(long, string)>> Ids()
        {
            var list = new List<(long, string)>();
            await foreach (var a in t.Store.StreamAttacksAsync(new EventQuery { Limit = null }))
            {
                list.Add((a.Id, string.Join(",", a.Members.Select(m => m.Article).Order(StringComparer.Ordinal))));
            }

            return list;
        }

        var before = await Ids();
        await t.Store.RequeueAllAsync();
        while (await t.Store.ProcessPendingAsync(2, "w2", "x/2", Extract) > 0)
        {
        }

        Assert.Equal(before, await Ids());
    }
    [Theory, OnSqlite, OnPostgres]
    public async Task A_re_extraction_that_changes_a_figure_rewrites_its_attack_and_leaves_the_others_as_stored(string backend)
    {
        await using var t = await TestStore.CreateAsync(backend);
        var reports = Reports();
        await t.Store.SaveAsync([.. reports.Select(r => Submit(r, pending: true))]);
        var byArticle = reports.ToDictionary(r => r.Article.Id, r => r.Event);
        IReadOnlyList<Extraction> Extract(IReadOnlyList<Article> articles) => [.. articles.Select(a => new Extraction(a) { Events = [byArticle[a.Id]] })];
        while (await t.Store.ProcessPendingAsync(7, "w1", "x/1", Extract) > 0)
        {
        }

        var kyiv = Assert.Single(await t.Store.FindAttacksAsync(new EventQuery { Place = "Kyiv" }));
        var belgorod = Assert.Single(await t.Store.FindAttacksAsync(new EventQuery { Place = "Belgorod" }));
        Assert.Equal((35, 36), ((await t.Store.GetAttackAsync(kyiv.Id))!.Figure("drone.destroyed")!.Low, (await t.Store.GetAttackAsync(kyiv.Id))!.Figure("drone.destroyed")!.High));

        // The same reports extracted again, one of them now reading 12 destroyed: the same members, one of them changed.
        byArticle["kyiv0"] = Samples.Simple(Day, "RU", "UA", "Kyiv", WeaponCategory.Drone, "Shahed-136", 40, 12, admin1: "Kyiv City");
        await t.Store.RequeueAllAsync();
        while (await t.Store.ProcessPendingAsync(7, "w2", "x/2", Extract) > 0)
        {
        }

        var after = Assert.Single(await t.Store.FindAttacksAsync(new EventQuery { Place = "Kyiv" }));
        Assert.Equal(kyiv.Id, after.Id);
        var destroyed = (await t.Store.GetAttackAsync(after.Id))!.Figure("drone.destroyed")!;
        Assert.Equal((12, 36), (destroyed.Low, destroyed.High));
        Assert.Equal(3, destroyed.Claims.Length);
        var same = Assert.Single(await t.Store.FindAttacksAsync(new EventQuery { Place = "Belgorod" }));
        Assert.Equal((belgorod.Id, belgorod.UpdatedAt, belgorod.Launched), (same.Id, same.UpdatedAt, same.Launched));
    }
    [Theory, OnSqlite, OnPostgres]
    public async Task An_event_id_a_re_extraction_deleted_is_never_given_again(string backend)
    {
        await using var t = await TestStore.CreateAsync(backend);
        var article = Samples.Article("Drones hit Sumy and Kharkiv overnight.", "https://ids.example/one", published: Day, id: "one");
        var two = new ExtractedEvent[]
        {
            Samples.Simple(Day, "RU", "UA", "Sumy", WeaponCategory.Drone, null, 10, 8),
            Samples.Simple(Day, "RU", "UA", "Kharkiv", WeaponCategory.Drone, null, 12, 9),
        };
        await t.Store.SaveAsync([new ReportSubmission(article, ContentHash.Of(article.Text), "one.txt", null, "")]);
        var events = two;
        IReadOnlyList<Extraction> Extract(IReadOnlyList<Article> articles) => [.. articles.Select(a => new Extraction(a) { Events = [.. events] })];
        await t.Store.ProcessPendingAsync(5, "w1", "x/1", Extract);
        var first = (await t.Store.FindEventsAsync(new EventQuery { Limit = null })).Select(e => e.Id).ToList();
        Assert.Equal(2, first.Count);

        // Extracted again, the report tells one event: the other's id, the highest, is deleted.
        events = [two[0]];
        await t.Store.RequeueAllAsync();
        await t.Store.ProcessPendingAsync(5, "w2", "x/2", Extract);
        Assert.Single(await t.Store.FindEventsAsync(new EventQuery { Limit = null }));

        var next = Samples.Article("Missiles struck Odesa.", "https://ids.example/two", published: Day, id: "two");
        await t.Store.SaveAsync([new ReportSubmission(next, ContentHash.Of(next.Text), "two.txt", new Extraction(next) { Events = [Samples.Simple(Day, "RU", "UA", "Odesa", WeaponCategory.CruiseMissile, null, 3, 1)] }, "x/2")]);
        var added = Assert.Single(await t.Store.FindEventsAsync(new EventQuery { Place = "Odesa" }));
        Assert.True(added.Id > first.Max(), $"the new event got id {added.Id}, an id the deleted event had ({string.Join(", ", first)})");
    }

    /// <summary>
    /// A write hands the merge its own events built from the rows it wrote rather than reading them back: they must be
    /// exactly what a load gives — every field, claim, place, claimant and quote, the report's reference, the ordinal.
    /// </summary>
    [Theory, OnSqlite, OnPostgres]
    public async Task The_events_a_write_merges_from_its_rows_are_the_events_a_load_gives(string backend)
    {
        await using var t = await TestStore.CreateAsync(backend);
        var odesa = Samples.Article(Samples.OdesaText, "https://wire.example.org/odesa", Day, "odesa");
        var full = Samples.Odesa(Day);
        var elsewhere = full with
        {
            // A location that is not among the places hit, a claim without claimant or rule, an undated event.
            Location = new PlaceRef("Izmail", new TextSpan(3, 9)) { Name = "Izmail", Country = "UA", Latitude = 45.35, Longitude = 28.84 },
            Casualties = [new FigureClaim(FigureKind.Killed, 1, Qualifier.AtLeast, new Evidence(new TextSpan(0, 5), "Drone"))],
            Date = EventDate.Unknown,
        };
        var second = Samples.Article("Missiles struck Kharkiv, a second wire says.", null, null, "kharkiv") with { Source = null, Title = null };
        var aggregate = Samples.Simple(Day, "RU", "UA", "Ukraine", WeaponCategory.Drone, null, 500, 450, kind: EventKind.Aggregate);
        ReportSubmission[] batch =
        [
            Samples.Submission(odesa, full, aggregate, elsewhere),
            Samples.Submission(second, Samples.Simple(Day, "RU", "UA", "Kharkiv", WeaponCategory.BallisticMissile, "Iskander-M", 4, 0, killed: 2)),
        ];
        var admissions = await t.Store.SaveAsync(batch);

        var summaries = await t.Store.FindEventsAsync(new EventQuery { Limit = null });
        var loaded = (await t.Store.GetEventsAsync([.. summaries.Select(s => s.Id)])).ToDictionary(e => (e.Report.Id, e.Ordinal));
        var rows = new RowSet();
        var refs = new Dictionary<long, ReportRef>();
        var weaponId = 1_000_000L;
        for (var i = 0; i < batch.Length; i++)
        {
            var reportId = admissions[i].ReportId!.Value;
            refs[reportId] = StoredEventRows.Report(reportId, batch[i].Article, batch[i].Origin, admissions[i].Version) with { Ingested = DateOnly.FromDateTime(DateTime.UtcNow) }; // as the write path gives it: taken in today
            rows.Add(reportId, batch[i].Extraction!, "w", "x/1", DateTimeOffset.UtcNow, o => loaded[(reportId, o)].Id, () => weaponId++);
        }

        var built = StoredEventRows.Build(rows, refs);
        Assert.Equal(3, built.Count); // the strike events; the aggregate is not merged
        foreach (var b in built)
        {
            var l = loaded[(b.Report.Id, b.Ordinal)];
            Assert.Equal(l.Id, b.Id);
            Assert.Equal(l.Report, b.Report);
            Assert.Equal(Samples.Canonical(l.Event), Samples.Canonical(b.Event));
        }
    }
}
