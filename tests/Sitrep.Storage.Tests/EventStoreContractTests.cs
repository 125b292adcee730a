using Sitrep.Core;
using Sitrep.Ingest;

namespace Sitrep.Storage.Tests;

/// <summary>The store contract. Every test runs on SQLite and on PostgreSQL.</summary>
public class EventStoreContractTests
{
    private static readonly DateOnly Day = new(2024, 5, 14);

    [Theory, OnSqlite, OnPostgres]
    public async Task Same_report_twice_adds_nothing(string backend)
    {
        await using var t = await TestStore.CreateAsync(backend);
        var a = Samples.Article(Samples.OdesaText, "https://example.org/odesa");
        var first = await t.Store.SaveAsync([Samples.Submission(a, Samples.Odesa(Day))]);
        var again = await t.Store.SaveAsync([Samples.Submission(a with { Id = "copy" }, Samples.Odesa(Day))]);
        var relaid = await t.Store.SaveAsync([Samples.Submission(a with { Text = Samples.OdesaText.Replace("\n", "\r\n", StringComparison.Ordinal) + "  \n" }, Samples.Odesa(Day))]);

        Assert.Equal(AdmissionStatus.New, first[0].Status);
        Assert.Equal(AdmissionStatus.Known, again[0].Status);
        Assert.Equal(AdmissionStatus.Known, relaid[0].Status);
        var counts = await t.Store.CountAsync();
        Assert.Equal(1, counts.Reports);
        Assert.Equal(1, counts.Events);
        Assert.Single(await t.Store.GetRunsAsync());
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task Edited_report_at_a_known_url_is_a_new_version_and_both_are_kept(string backend)
    {
        await using var t = await TestStore.CreateAsync(backend);
        var v1 = Samples.Article(Samples.OdesaText, "https://Example.org/odesa/#top");
        var v2 = Samples.Article(Samples.OdesaText.Replace("Two dock workers were injured", "Three dock workers were injured", StringComparison.Ordinal), "https://example.org/odesa");
        var r1 = await t.Store.SaveAsync([Samples.Submission(v1, Samples.Odesa(Day))]);
        var r2 = await t.Store.SaveAsync([Samples.Submission(v2, Samples.Odesa(Day, injured: 3)), Samples.Submission(v2, Samples.Odesa(Day, injured: 3))]);

        Assert.Equal((AdmissionStatus.New, 1), (r1[0].Status, r1[0].Version));
        Assert.Equal((AdmissionStatus.NewVersion, 2), (r2[0].Status, r2[0].Version));
        Assert.Equal(AdmissionStatus.Known, r2[1].Status);
        var versions = await t.Store.GetReportVersionsAsync("https://example.org/odesa");
        Assert.Equal([1, 2], versions.Select(v => v.Version));
        Assert.Contains("Two dock workers", versions[0].Article.Text, StringComparison.Ordinal);
        Assert.Contains("Three dock workers", versions[1].Article.Text, StringComparison.Ordinal);
        Assert.Equal(2, (await t.Store.CountAsync()).Events);
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task An_event_comes_back_whole(string backend)
    {
        await using var t = await TestStore.CreateAsync(backend);
        var article = Samples.Article(Samples.OdesaText, "https://example.org/odesa", Day, "odesa-1");
        var ev = Samples.Odesa(Day);
        var admission = (await t.Store.SaveAsync([Samples.Submission(article, ev)]))[0];

        var found = Assert.Single(await t.Store.FindEventsAsync(new EventQuery()));
        var stored = await t.Store.GetEventAsync(found.Id);
        Assert.NotNull(stored);
        Assert.Equal(Samples.Canonical(ev), Samples.Canonical(stored.Event));
        Assert.Equal(admission.ReportId, stored.Report.Id);
        Assert.Equal("https://example.org/odesa", stored.Report.Url);
        Assert.Equal(Day, stored.Report.Published);

        Assert.Equal((40, 35, 2), (found.Launched, found.Destroyed, found.Injured));
        Assert.Equal("Shahed-136 (drone) 40/35", found.Weapons);
        Assert.Equal("Odesa", found.Places);
        Assert.Equal("the air force; Governor Oleh Kiper", found.ClaimedBy);
        Assert.Equal((46.4775, 30.7326), (found.Latitude, found.Longitude));

        var report = await t.Store.GetReportAsync(admission.ReportId!.Value);
        Assert.NotNull(report);
        Assert.Equal(article.Text, report.Article.Text);
        Assert.Equal("odesa-1", report.Article.Id);
        Assert.Equal("Example Wire", report.Article.Source);
        Assert.Equal("text", report.Article.Metadata["format"]);
        Assert.Equal(ReportStatus.Done, report.Status);
        Assert.Equal("test-extractor/1", report.Extractor);
        Assert.Equal(ContentHash.Of(article.Text), report.ContentHash);
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task Revised_claims_and_diagnostics_are_kept(string backend)
    {
        await using var t = await TestStore.CreateAsync(backend);
        var article = Samples.Article("The toll rose. At least 16 were killed; later 21.");
        var ev = new Evidence(new TextSpan(0, 14), "The toll rose.");
        var e = new ExtractedEvent
        {
            Casualties =
            [
                new FigureClaim(FigureKind.Killed, 16, Qualifier.AtLeast, ev) { IsCurrent = false, Rule = "casualties/killed" },
                new FigureClaim(FigureKind.Killed, 21, Qualifier.Exact, ev) { Rule = "casualties/toll-rose" },
            ],
        };
        var submission = Samples.Submission(article, e) with
        {
            Extraction = new Extraction(article)
            {
                Events = [e],
                Diagnostics = [new Diagnostic("SX001", DiagnosticSeverity.Warning, "No date found.", new TextSpan(0, 3)), new Diagnostic("SX002", DiagnosticSeverity.Info, "Two claimants.")],
            },
        };
        var id = (await t.Store.SaveAsync([submission]))[0].ReportId!.Value;

        var stored = await t.Store.GetEventAsync(Assert.Single(await t.Store.FindEventsAsync(new EventQuery())).Id);
        Assert.Equal([(16, false), (21, true)], stored!.Event.Casualties.Select(c => (c.Value, c.IsCurrent)));
        Assert.Equal(21, stored.Event.Killed!.Value);
        Assert.Equal(Samples.Canonical(e), Samples.Canonical(stored.Event));
        var report = await t.Store.GetReportAsync(id);
        Assert.Equal(["SX001", "SX002"], report!.Diagnostics.Select(d => d.Code));
        Assert.Equal(new TextSpan(0, 3), report.Diagnostics[0].Span);
        Assert.Null(report.Diagnostics[1].Span);
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task Filters_select_the_right_events(string backend)
    {
        await using var t = await TestStore.CreateAsync(backend);
        var d = new DateOnly(2024, 3, 1);
        ExtractedEvent[] events =
        [
            Samples.Simple(d, "RU", "UA", "Kharkiv", WeaponCategory.Drone, "Shahed-136", 30, 25, killed: 1, admin1: "Kharkiv Oblast"),
            Samples.Simple(d.AddDays(1), "RU", "UA", "Kyiv", WeaponCategory.CruiseMissile, "Kh-101", 6, 5),
            Samples.Simple(d.AddDays(2), "UA", "RU", "Belgorod region", WeaponCategory.Drone, null, 12, 12),
            Samples.Simple(d.AddDays(3), "RU", "UA", "Kherson", WeaponCategory.Artillery, null, null, null, killed: 2),
            Samples.Simple(d.AddDays(4), "RU", "UA", "Dnipro", WeaponCategory.BallisticMissile, "Iskander-M", 2, 0, killed: 8),
            Samples.Simple(null, "unknown", "UA", "Zaporizhzhia", WeaponCategory.GuidedBomb, "KAB-500", 3, null),
            Samples.Simple(d.AddDays(5), "RU", "UA", "Ukraine", WeaponCategory.Drone, null, 1400, null, kind: EventKind.Aggregate),
            Samples.Simple(d.AddDays(6), "RU", "UA", "Chuhuiv", WeaponCategory.Drone, "Shahed-131", 4, 4, admin1: "Kharkiv Oblast"),
        ];
        var batch = events.Select((e, i) => Samples.Submission(Samples.Article($"Report {i}: a strike.", id: $"r{i}"), e)).ToList();
        await t.Store.SaveAsync(batch);

        async Task<string[]> Places(EventQuery q) => [.. (await t.Store.FindEventsAsync(q)).Select(e => e.Places)];

        Assert.Equal(["Chuhuiv", "Ukraine", "Dnipro", "Kherson", "Belgorod region", "Kyiv", "Kharkiv", "Zaporizhzhia"], await Places(new EventQuery()));
        Assert.Equal(["Zaporizhzhia", "Kharkiv", "Kyiv"], (await Places(new EventQuery { Ascending = true })).Take(3));
        Assert.Equal(["Dnipro", "Kherson", "Belgorod region"], await Places(new EventQuery { Since = d.AddDays(2), Until = d.AddDays(4) }));
        Assert.Equal(["Belgorod region"], await Places(new EventQuery { Attacker = Side.Ukraine }));
        Assert.Equal(["Belgorod region"], await Places(new EventQuery { Target = Parties.ParseCountry("russia") }));
        Assert.Equal(["Chuhuiv", "Ukraine", "Belgorod region", "Kharkiv"], await Places(new EventQuery { Weapon = WeaponSelector.Parse("drone") }));
        Assert.Equal(["Dnipro", "Kyiv"], await Places(new EventQuery { Weapon = WeaponSelector.Parse("missile") }));
        Assert.Equal(["Chuhuiv", "Kharkiv"], await Places(new EventQuery { Weapon = WeaponSelector.Parse("shahed") }));
        Assert.Equal(["Kharkiv"], await Places(new EventQuery { Weapon = WeaponSelector.Parse("Shahed-136") }));
        Assert.Equal(["Kherson"], await Places(new EventQuery { Weapon = WeaponSelector.Parse("artillery") }));
        Assert.Equal(["Chuhuiv", "Kharkiv"], await Places(new EventQuery { Place = "Kharkiv region" }));
        Assert.Equal(["Belgorod region"], await Places(new EventQuery { Place = "belgorod" }));
        Assert.Equal(["Ukraine", "Kharkiv"], await Places(new EventQuery { MinLaunched = 20 }));
        Assert.Equal(["Dnipro", "Kherson"], await Places(new EventQuery { MinKilled = 2 }));
        Assert.Equal(["Ukraine"], await Places(new EventQuery { Kind = EventKind.Aggregate }));
        Assert.Equal(["Kharkiv"], await Places(new EventQuery { Attacker = Side.Russia, Weapon = WeaponSelector.Parse("drone"), MinLaunched = 10, Kind = EventKind.Strike }));
        Assert.Equal(["Ukraine", "Dnipro"], await Places(new EventQuery { Limit = 2, Offset = 1 }));
        Assert.Empty(await Places(new EventQuery { Place = "Lviv" }));
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task Streaming_pages_through_every_event_in_id_order(string backend)
    {
        await using var t = await TestStore.CreateAsync(backend);
        var batch = Enumerable.Range(0, 260).Select(i => Samples.Submission(
            Samples.Article($"Report {i}.", id: $"r{i}"),
            Samples.Simple(Day.AddDays(i % 7), "RU", "UA", "Sumy", WeaponCategory.Drone, null, i, null),
            Samples.Simple(Day, "RU", "UA", "Odesa", WeaponCategory.Drone, null, i, null))).ToList();
        await t.Store.SaveAsync(batch);

        var all = new List<StoredEvent>();
        await foreach (var e in t.Store.StreamEventsAsync(new EventQuery { Limit = null }))
        {
            all.Add(e);
        }

        Assert.Equal(520, all.Count);
        Assert.Equal(all.Select(e => e.Id).Order(), all.Select(e => e.Id));
        Assert.Equal(520, all.Select(e => e.Id).Distinct().Count());
        var sumy = new List<StoredEvent>();
        await foreach (var e in t.Store.StreamEventsAsync(new EventQuery { Place = "Sumy", Limit = 100 }))
        {
            sumy.Add(e);
        }

        Assert.Equal(100, sumy.Count);
        Assert.All(sumy, e => Assert.Equal("Sumy", e.Event.Places[0].Text));
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task Stats_count_each_attack_once_however_many_reports_tell_it(string backend)
    {
        await using var t = await TestStore.CreateAsync(backend);
        var d = new DateOnly(2024, 6, 1);
        await t.Store.SaveAsync(
        [
            // Two outlets report the same night: 40 launched / 35 down and 40 / 36; one adds 2 killed.
            Samples.Submission(Samples.Article("Outlet A.", id: "a"), Samples.Simple(d, "RU", "UA", "Odesa", WeaponCategory.Drone, null, 40, 35, admin1: "Odesa Oblast")),
            Samples.Submission(Samples.Article("Outlet B.", id: "b"), Samples.Simple(d, "RU", "UA", "Odesa", WeaponCategory.Drone, null, 40, 36, killed: 2, admin1: "Odesa Oblast")),
            // Ukraine's drones on Russia the same night: never added into Russia's figures.
            Samples.Submission(Samples.Article("Outlet C.", id: "c"), Samples.Simple(d, "UA", "RU", "Kursk", WeaponCategory.Drone, null, 12, 12, admin1: "Kursk Oblast")),
            Samples.Submission(Samples.Article("Outlet D.", id: "d"), Samples.Simple(d.AddDays(1), "RU", "UA", "Sumy", WeaponCategory.Drone, null, 10, 5, admin1: "Sumy Oblast")),
            Samples.Submission(Samples.Article("Outlet E.", id: "e"), Samples.Simple(d, "RU", "UA", "Ukraine", WeaponCategory.Drone, null, 9000, null, kind: EventKind.Aggregate)),
            // A missile attack no text dates: on no day, counted apart.
            Samples.Submission(Samples.Article("Outlet F.", id: "f"), Samples.Simple(null, "RU", "UA", "Lviv", WeaponCategory.CruiseMissile, null, 6, 4, killed: 1, admin1: "Lviv Oblast")),
        ]);

        var stats = await t.Store.AttackStatsAsync(new EventQuery());
        Assert.Equal(
            [((DateOnly?)d, Side.Russia, "drone", 1, 2, 40, 36, 2), (d, Side.Ukraine, "drone", 1, 1, 12, 12, (int?)null), (d.AddDays(1), Side.Russia, "drone", 1, 1, 10, 5, null)],
            stats.Select(s => (s.Date, s.Attacker, s.Family, s.Attacks, s.Reports, s.Launched!.Value, s.Destroyed!.Value, s.Killed)));
        Assert.Equal(0.5, stats[2].InterceptionRate);

        var undatedStats = await t.Store.UndatedAttackStatsAsync(new EventQuery());
        Assert.Equal(1, undatedStats.Attacks);
        var undated = Assert.Single(undatedStats.Rows);
        Assert.Equal(((DateOnly?)null, Side.Russia, "missile", 1, 1, 6L, 4L, 1L), (undated.Date, undated.Attacker, undated.Family, undated.Attacks, undated.Reports, undated.Launched, undated.Destroyed, undated.Killed));
        Assert.Empty((await t.Store.UndatedAttackStatsAsync(new EventQuery { Since = d })).Rows); // a date filter leaves out what has no date
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task Pending_reports_are_done_once_and_redone_whole_after_a_requeue(string backend)
    {
        await using var t = await TestStore.CreateAsync(backend);
        var batch = Enumerable.Range(0, 30).Select(i => Samples.Pending(Samples.Article($"Report {i}: drones hit Sumy.", id: $"p{i}"))).ToList();
        await t.Store.SaveAsync(batch);
        Assert.Equal(30, (await t.Store.CountAsync()).Pending);
        Assert.Empty(await t.Store.FindEventsAsync(new EventQuery()));

        IReadOnlyList<Extraction> Extract(IReadOnlyList<Article> articles) =>
            [.. articles.Select(a => new Extraction(a) { Events = [Samples.Simple(Day, "RU", "UA", "Sumy", WeaponCategory.Drone, null, 5, 4)] })];

        var done = 0;
        int n;
        while ((n = await t.Store.ProcessPendingAsync(7, "w1", "x/1", Extract)) > 0)
        {
            done += n;
        }

        Assert.Equal(30, done);
        var counts = await t.Store.CountAsync();
        Assert.Equal((0, 30), (counts.Pending, counts.Events));
        Assert.Equal(30, (await t.Store.GetRunsAsync()).Select(r => r.ReportId).Distinct().Count());

        Assert.Equal(30, await t.Store.RequeueAllAsync());
        while (await t.Store.ProcessPendingAsync(100, "w2", "x/2", Extract) > 0)
        {
        }

        counts = await t.Store.CountAsync();
        Assert.Equal((0, 30, 30), (counts.Pending, counts.Events, counts.Reports));
        Assert.Equal(60, (await t.Store.GetRunsAsync()).Count);
        var report = await t.Store.GetReportAsync((await t.Store.FindEventsAsync(new EventQuery { Limit = 1 }))[0].ReportId);
        Assert.Equal(("x/2", "w2", ReportStatus.Done), (report!.Extractor, report.ExtractedBy, report.Status));
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task Re_extracting_a_report_keeps_the_ids_of_its_events(string backend)
    {
        await using var t = await TestStore.CreateAsync(backend);
        await t.Store.SaveAsync([.. Enumerable.Range(0, 5).Select(i => Samples.Pending(Samples.Article($"Report {i}: drones hit Sumy, then Kharkiv.", id: $"r{i}")))]);
        var second = false;
        IReadOnlyList<Extraction> Extract(IReadOnlyList<Article> articles) =>
        [
            .. articles.Select(a => new Extraction(a)
            {
                // The second run finds one event more in each report: the first two keep their ids, the third is new.
                Events = second
                    ? [Samples.Simple(Day, "RU", "UA", "Sumy", WeaponCategory.Drone, null, 5, 4), Samples.Simple(Day, "RU", "UA", "Kharkiv", WeaponCategory.Drone, null, 3, 3), Samples.Simple(Day, "RU", "UA", "Kyiv", WeaponCategory.Drone, null, 1, 1)]
                    : [Samples.Simple(Day, "RU", "UA", "Sumy", WeaponCategory.Drone, null, 5, 4), Samples.Simple(Day, "RU", "UA", "Kharkiv", WeaponCategory.Drone, null, 3, 3)],
            }),
        ];

        async Task<Dictionary<(long, int), long>> Ids()
        {
            var events = await t.Store.GetEventsAsync([.. (await t.Store.FindEventsAsync(new EventQuery { Limit = null })).Select(e => e.Id)]);
            return events.ToDictionary(e => (e.Report.Id, e.Ordinal), e => e.Id);
        }

        while (await t.Store.ProcessPendingAsync(2, "w1", "x/1", Extract) > 0)
        {
        }

        var before = await Ids();
        Assert.Equal(10, before.Count);
        second = true;
        await t.Store.RequeueAllAsync();
        while (await t.Store.ProcessPendingAsync(3, "w2", "x/2", Extract) > 0)
        {
        }

        var after = await Ids();
        Assert.Equal(15, after.Count);
        Assert.All(before, kv => Assert.Equal(kv.Value, after[kv.Key]));
        Assert.Equal(15, after.Values.Distinct().Count());
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task Concurrent_workers_do_every_report_exactly_once(string backend)
    {
        await using var t = await TestStore.CreateAsync(backend);
        await t.Store.SaveAsync([.. Enumerable.Range(0, 120).Select(i => Samples.Pending(Samples.Article($"Queued report {i}.", id: $"q{i}")))]);

        IReadOnlyList<Extraction> Slow(IReadOnlyList<Article> articles)
        {
            Thread.Sleep(5);
            return [.. articles.Select(a => new Extraction(a) { Events = [Samples.Simple(Day, "RU", "UA", "Kyiv", WeaponCategory.Drone, null, 1, 1)] })];
        }

        var workers = Enumerable.Range(1, 3).Select(w => Task.Run(async () =>
        {
            var n = 0;
            int got;
            while ((got = await t.Store.ProcessPendingAsync(4, $"worker-{w}", "x/1", Slow)) > 0)
            {
                n += got;
            }

            return n;
        })).ToArray();
        var perWorker = await Task.WhenAll(workers);

        Assert.Equal(120, perWorker.Sum());
        var runs = await t.Store.GetRunsAsync();
        Assert.Equal(120, runs.Count);
        Assert.Equal(120, runs.Select(r => r.ReportId).Distinct().Count());
        Assert.Equal(120, (await t.Store.CountAsync()).Events);
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task Known_keys_are_found_and_reopening_keeps_everything(string backend)
    {
        await using var t = await TestStore.CreateAsync(backend);
        var a = Samples.Article(Samples.OdesaText, "https://example.org/a");
        var s = Samples.Submission(a, Samples.Odesa(Day));
        await t.Store.SaveAsync([s]);
        var other = new ReportKey("https://example.org/b", ContentHash.Of("Other text."));
        var known = await t.Store.FindKnownAsync([s.Key, other, s.Key with { UrlKey = "" }]);
        Assert.Equal([s.Key], known);

        await t.ReopenAsync();
        Assert.Equal(1, (await t.Store.CountAsync()).Reports);
        Assert.Equal(AdmissionStatus.Known, (await t.Store.SaveAsync([s]))[0].Status);
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task Common_places_and_models_are_filtered_as_well_as_rare_ones(string backend)
    {
        // Over 2,000 matching rows the store walks events in date order instead of gathering ids first: same answers.
        await using var t = await TestStore.CreateAsync(backend);
        var d = new DateOnly(2023, 1, 1);
        var batch = Enumerable.Range(0, 2400).Select(i => Samples.Submission(
            Samples.Article($"Bulletin {i}.", id: $"b{i}"),
            i % 3 == 0
                ? Samples.Simple(d.AddDays(i), "RU", "UA", "Kharkiv", WeaponCategory.Drone, "Shahed-136", 10, 9, admin1: "Kharkiv Oblast")
                : Samples.Simple(d.AddDays(i), "RU", "UA", "Chuhuiv", WeaponCategory.Drone, "Shahed-131", 5, 5, admin1: "Kharkiv Oblast"))).ToList();
        batch.Add(Samples.Submission(Samples.Article("Rare one."), Samples.Simple(d, "RU", "UA", "Lviv", WeaponCategory.CruiseMissile, "Kh-101", 3, 2)));
        await t.Store.SaveAsync(batch);

        var region = await t.Store.FindEventsAsync(new EventQuery { Place = "Kharkiv Oblast", Limit = 5 });
        Assert.Equal(5, region.Count);
        Assert.Equal(d.AddDays(2399), region[0].Date);
        var city = await t.Store.FindEventsAsync(new EventQuery { Place = "kharkiv", Limit = null });
        Assert.Equal(2400, city.Count); // "kharkiv" is the city and the region it names
        var chuhuiv = await t.Store.FindEventsAsync(new EventQuery { Place = "Chuhuiv", Weapon = WeaponSelector.Parse("shahed"), Limit = 3 });
        Assert.Equal(["Chuhuiv", "Chuhuiv", "Chuhuiv"], chuhuiv.Select(e => e.Places));
        Assert.Equal(800, (await t.Store.FindEventsAsync(new EventQuery { Weapon = WeaponSelector.Parse("Shahed-136"), Limit = null })).Count);
        Assert.Equal(2400, (await t.Store.FindEventsAsync(new EventQuery { Weapon = WeaponSelector.Parse("shahed"), Limit = null })).Count);
        Assert.Equal(["Lviv"], (await t.Store.FindEventsAsync(new EventQuery { Weapon = WeaponSelector.Parse("kh101") })).Select(e => e.Places));
        var streamed = 0;
        await foreach (var e in t.Store.StreamEventsAsync(new EventQuery { Place = "Kharkiv", Weapon = WeaponSelector.Parse("shahed136"), Limit = null }))
        {
            Assert.Equal("Shahed-136", e.Event.Weapons[0].Weapon.Model);
            streamed++;
        }

        Assert.Equal(800, streamed);
        // The same filters over attacks (one a day here): common values walk attacks by date, rare ones come from the index.
        Assert.Equal(5, (await t.Store.FindAttacksAsync(new EventQuery { Place = "Kharkiv Oblast", Limit = 5 })).Count);
        Assert.Equal(2400, (await t.Store.FindAttacksAsync(new EventQuery { Weapon = WeaponSelector.Parse("shahed"), Limit = null })).Count);
        Assert.Equal(800, (await t.Store.FindAttacksAsync(new EventQuery { Weapon = WeaponSelector.Parse("Shahed-136"), Place = "Kharkiv", Limit = null })).Count);
        var lviv = Assert.Single(await t.Store.FindAttacksAsync(new EventQuery { Weapon = WeaponSelector.Parse("kh101") }));
        Assert.Equal(d, lviv.Date);
        var stats = await t.Store.AttackStatsAsync(new EventQuery { Place = "Kharkiv region", Until = d.AddDays(1) });
        Assert.Equal([(d, 10), (d.AddDays(1), 5)], stats.Where(s => s.Family == "drone").Select(s => (s.Date, s.Launched!.Value)));
    }
}
