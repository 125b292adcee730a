using Sitrep.Core;
using Sitrep.Ingest;

namespace Sitrep.Storage.Tests;

/// <summary>Snapshots: every read through one sees the state it was opened on, while writers go on. SQLite and PostgreSQL.</summary>
public class SnapshotContractTests
{
    private static readonly DateOnly Day = new(2024, 5, 14);

    /// <summary>Report <paramref name="i"/>: one outlet's account of the night's drone attack on Kyiv, <paramref name="injured"/> hurt.</summary>
    private static ReportSubmission Kyiv(int i, int injured)
    {
        var article = Samples.Article($"Russia launched 40 drones at Kyiv overnight, outlet {i} reports.", $"https://wire{i}.example.org/kyiv", id: $"kyiv{i}")
            with { Published = Day, Source = $"Wire {i}" };
        var ev = Samples.Simple(Day, "RU", "UA", "Kyiv", WeaponCategory.Drone, "Shahed-136", 40, 35, admin1: "Kyiv City");
        ev = ev with { Casualties = [new FigureClaim(FigureKind.Injured, injured, Qualifier.Exact, new Evidence(new TextSpan(0, 6), "Russia"))] };
        return new ReportSubmission(article, ContentHash.Of(article.Text), article.Id + ".txt", new Extraction(article) { Events = [ev] }, "test/1");
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task A_snapshot_keeps_the_state_it_was_opened_on_while_a_writer_commits(string backend)
    {
        await using var t = await TestStore.CreateAsync(backend);
        await t.Store.SaveAsync([Kyiv(0, 2)]);
        await using var snapshot = await t.Store.OpenSnapshotAsync();
        var before = Assert.Single(await snapshot.FindAttacksAsync(new EventQuery { Limit = null }));

        // The writer is not blocked by the open snapshot.
        await t.Store.SaveAsync([Kyiv(1, 5)]).WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(2, (await t.Store.CountAsync()).Reports);
        var now = Assert.Single(await t.Store.FindAttacksAsync(new EventQuery { Limit = null }));
        Assert.Equal((2, 5), (now.Reports, now.Injured!.Value));

        // The snapshot still reads the first state, in every read.
        Assert.Equal(1, (await snapshot.CountAsync()).Reports);
        var again = Assert.Single(await snapshot.FindAttacksAsync(new EventQuery { Limit = null }));
        Assert.Equal((before.Id, 1, 2), (again.Id, again.Reports, again.Injured!.Value));
        var whole = Assert.Single(await snapshot.GetAttacksAsync([before.Id]));
        Assert.Single(whole.Members);
        Assert.Equal([2], whole.Figure("injured")!.Claims.Select(c => c.Value));
        Assert.Single(await snapshot.GetReportsAsync([.. whole.Members.Select(m => m.ReportId), now.Id + 1000]));

        // A snapshot opened now sees the writer's report.
        await using var later = await t.Store.OpenSnapshotAsync();
        Assert.Equal(2, (await later.CountAsync()).Reports);
        var latest = Assert.Single(await later.GetAttacksAsync([now.Id]));
        Assert.Equal(2, latest.Members.Length);
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task A_snapshot_reads_what_the_store_reads(string backend)
    {
        await using var t = await TestStore.CreateAsync(backend);
        await t.Store.SaveAsync([Kyiv(0, 2), Kyiv(1, 3)]);
        var aggregate = Samples.Simple(null, "RU", "UA", "Ukraine", WeaponCategory.Missile, null, 1400, null, kind: EventKind.Aggregate);
        var article = Samples.Article("Russia has fired more than 1,400 missiles since the war began, officials said.", "https://wire9.example.org/total", id: "total");
        await t.Store.SaveAsync([new ReportSubmission(article, ContentHash.Of(article.Text), "total.txt", new Extraction(article) { Events = [aggregate] }, "test/1")]);

        var attack = Assert.Single(await t.Store.FindAttacksAsync(new EventQuery { Limit = null }));
        var expected = await t.Store.GetAttackAsync(attack.Id);
        await using var snapshot = await t.Store.OpenSnapshotAsync();
        var got = Assert.Single(await snapshot.GetAttacksAsync([attack.Id]));
        Assert.Equal(AttackJson(expected!), AttackJson(got));

        var memberEvents = await snapshot.GetEventsAsync([.. got.Members.Select(m => m.EventId)]);
        Assert.Equal(got.Members.Select(m => m.EventId), memberEvents.Select(e => e.Id));
        Assert.All(memberEvents, e => Assert.Equal(attack.Id, e.AttackId));

        var reports = (await snapshot.GetReportsAsync([.. got.Members.Select(m => m.ReportId)])).ToList();
        Assert.Equal(got.Members.Select(m => m.ReportId), reports.Select(r => r.Id));
        Assert.All(reports, r => Assert.StartsWith("Russia launched 40 drones", r.Article.Text, StringComparison.Ordinal));

        var totalReport = (await t.Store.FindEventsAsync(new EventQuery { Kind = EventKind.Aggregate })).Single().ReportId;
        var aggregates = await snapshot.GetEventsOfReportsAsync([totalReport, reports[0].Id], EventKind.Aggregate);
        Assert.Equal(1400, Assert.Single(aggregates).Event.Weapons[0].Current(FigureKind.Launched)!.Value);
        Assert.Equal(2, (await snapshot.GetEventsOfReportsAsync([totalReport, reports[0].Id, reports[1].Id], EventKind.Strike)).Count);

        Assert.Single(await snapshot.FindAttacksAsync(new EventQuery { Since = Day, Until = Day, Limit = null }));
        Assert.Empty(await snapshot.FindAttacksAsync(new EventQuery { Since = Day.AddDays(1), Limit = null }));
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task A_read_of_parts_leaves_out_only_those_parts(string backend)
    {
        await using var t = await TestStore.CreateAsync(backend);
        await t.Store.SaveAsync([Kyiv(0, 2), Kyiv(1, 3), Kyiv(2, 5)]);
        var id = Assert.Single(await t.Store.FindAttacksAsync(new EventQuery { Limit = null })).Id;
        await using var snapshot = await t.Store.OpenSnapshotAsync();
        var whole = Assert.Single(await snapshot.GetAttacksAsync([id]));

        // Words for the claim behind each figure's best only; members without their detail.
        var parts = new ReadParts
        {
            MemberDetail = false,
            EventClaimDetail = false,
            ClaimWords = (head, f) => head.Id == id ? f.Claims.Where(c => c.IsBest) : [],
        };
        var light = Assert.Single(await snapshot.GetAttacksAsync([id], parts));
        Assert.Equal(AttackFigures(whole, all: false), AttackFigures(light, all: false));
        var injured = light.Figure("injured")!;
        Assert.All(injured.Claims, c => Assert.Equal(c.IsBest ? whole.Figure("injured")!.Claims.Single(w => w.EventId == c.EventId).Evidence.Text : "", c.Evidence.Text));
        Assert.Contains(injured.Claims, c => c.Evidence.Text.Length > 0);
        Assert.Contains(injured.Claims, c => c.Evidence.Text.Length == 0);
        Assert.Equal(whole.Members.Select(m => (m.EventId, m.ReportId, m.Ordinal, m.Kind, m.Score)), light.Members.Select(m => (m.EventId, m.ReportId, m.Ordinal, m.Kind, m.Score)));
        Assert.All(whole.Members, m => Assert.NotNull(m.Report));
        Assert.All(light.Members, m => Assert.True(m.Report is null && m.Explain.Length == 0 && m.Features.IsEmpty && m.Article.Length == 0));

        // Events without claimants or their claims' words; everything else as a whole read gives it.
        var ids = whole.Members.Select(m => m.EventId).ToList();
        var events = await snapshot.GetEventsAsync(ids);
        var lean = await snapshot.GetEventsAsync(ids, parts);
        Assert.Equal(events.Select(e => e.Id), lean.Select(e => e.Id));
        foreach (var (e, l) in events.Zip(lean))
        {
            Assert.Empty(l.Event.Claimants);
            Assert.Equal(e.Event.Places.Select(x => x.ToString()), l.Event.Places.Select(x => x.ToString()));
            Assert.Equal(e.Event.Quotes, l.Event.Quotes);
            Assert.Equal(e.Event.Date, l.Event.Date);
            Assert.Equal(e.Report, l.Report);
            var (ec, lc) = (e.Event.Casualties, l.Event.Casualties);
            Assert.Equal(ec.Select(c => (c.Kind, c.Value, c.Qualifier, c.Evidence.Span, c.IsCurrent)), lc.Select(c => (c.Kind, c.Value, c.Qualifier, c.Evidence.Span, c.IsCurrent)));
            Assert.All(lc, c => Assert.True(c.Evidence.Text.Length == 0 && c.Claimant is null));
            Assert.Contains(ec, c => c.Evidence.Text.Length > 0);
            Assert.Equal(e.Event.Weapons.Select(w => (w.Weapon, w.Evidence, w.Claims.Length)), l.Event.Weapons.Select(w => (w.Weapon, w.Evidence, w.Claims.Length)));
        }

        // The whole read is the default.
        Assert.Equal(AttackJson(whole), AttackJson(Assert.Single(await snapshot.GetAttacksAsync([id], ReadParts.Whole))));
    }

    private static string AttackFigures(StoredAttack a, bool all) => System.Text.Json.JsonSerializer.Serialize(
        a.Figures.Select(f => new { f.Name, f.Best, f.Low, f.High, f.Contested, Claims = f.Claims.Select(c => (c.EventId, c.ReportId, c.Value, c.ClaimedBy, c.IsBest, c.Evidence.Span.Start, c.Evidence.Span.End, all ? c.Evidence.Text : "")).ToArray() }));

    [Theory, OnSqlite, OnPostgres]
    public async Task Snapshots_give_their_connections_back_clean(string backend)
    {
        await using var t = await TestStore.CreateAsync(backend);
        for (var i = 0; i < 30; i++)
        {
            await using (var s = await t.Store.OpenSnapshotAsync())
            {
                Assert.Equal(i, (await s.CountAsync()).Reports);
            }

            // The pooled connection the snapshot used is back outside any transaction: writes through it commit.
            await t.Store.SaveAsync([Kyiv(i, i)]);
        }

        await t.ReopenAsync();
        Assert.Equal(30, (await t.Store.CountAsync()).Reports);
    }

    private static string AttackJson(StoredAttack a) => System.Text.Json.JsonSerializer.Serialize(new
    {
        a.Id, a.Date, a.Reports, a.Launched, a.Injured,
        Figures = a.Figures.Select(f => new { f.Name, f.Best, f.Low, f.High, Claims = f.Claims.Select(c => (c.ReportId, c.Value, c.Evidence.Span.Start)).ToArray() }),
        Members = a.Members.Select(m => (m.EventId, m.ReportId, m.Article, m.StrikeIndex)).ToArray(),
    });
}
