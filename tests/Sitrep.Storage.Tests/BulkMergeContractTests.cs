using Sitrep.Core;
using Sitrep.Ingest;

namespace Sitrep.Storage.Tests;

/// <summary>
/// A bulk load into an empty store (<see cref="IBulkMerge"/>): its writes store without merging, its end merges once,
/// and the attacks are those writes merged as they land give. SQLite and PostgreSQL.
/// </summary>
public class BulkMergeContractTests
{
    private static readonly DateOnly Day = new(2024, 8, 3);

    /// <summary>Eight reports over five days: a night wave on Odesa told by three outlets, a strike on Sumy two days later told twice, and three local accounts of shelling on Nikopol on three days.</summary>
    private static List<(Article Article, ExtractedEvent Event)> Reports()
    {
        var list = new List<(Article, ExtractedEvent)>();
        for (var i = 0; i < 3; i++)
        {
            list.Add((Samples.Article($"Drones struck the port of Odesa overnight, desk {i} reports.", $"https://desk{i}.example.net/odesa", id: $"odesa{i}") with { Published = Day, Source = $"Desk {i}" },
                Samples.Simple(Day, "RU", "UA", "Odesa", WeaponCategory.Drone, "Shahed-136", 25, 21, admin1: "Odesa Oblast")));
        }

        for (var i = 0; i < 2; i++)
        {
            list.Add((Samples.Article($"A missile hit Sumy in the afternoon, bulletin {i} says.", $"https://bulletin{i}.example.net/sumy", id: $"sumy{i}") with { Published = Day.AddDays(2), Source = $"Bulletin {i}" },
                Samples.Simple(Day.AddDays(2), "RU", "UA", "Sumy", WeaponCategory.BallisticMissile, "Iskander-M", 1, null, killed: 3, admin1: "Sumy Oblast")));
        }

        for (var i = 0; i < 3; i++)
        {
            var day = Day.AddDays(2 * i);
            list.Add((Samples.Article($"Artillery shelled Nikopol again, the town's council says ({i}).", $"https://council.example.net/nikopol/{i}", id: $"nikopol{i}") with { Published = day, Source = "Nikopol council" },
                Samples.Simple(day, "RU", "UA", "Nikopol", WeaponCategory.Artillery, null, null, null, killed: 1 + i, admin1: "Dnipropetrovsk Oblast")));
        }

        return list;
    }

    private static ReportSubmission Submit((Article Article, ExtractedEvent Event) r) =>
        new(r.Article, ContentHash.Of(r.Article.Text), r.Article.Id + ".txt", new Extraction(r.Article) { Events = [r.Event] }, "test/1");

    /// <summary>The ledger's attacks as their member article ids and best figures, sorted: what two ledgers must agree on (ids aside).</summary>
    private static async Task<List<string>> Attacks(IEventStore store)
    {
        var list = new List<string>();
        await foreach (var a in store.StreamAttacksAsync(new EventQuery { Limit = null }))
        {
            list.Add($"{string.Join(",", a.Members.Select(m => m.Article).Order(StringComparer.Ordinal))} {a.Date} {a.Launched} {a.Destroyed} {a.Killed} {a.Injured}");
        }

        list.Sort(StringComparer.Ordinal);
        return list;
    }

    /// <summary>The attacks of the reports written one by one, each write merging as it lands.</summary>
    private static async Task<List<string>> AsTheyLand(string backend, List<(Article Article, ExtractedEvent Event)> reports)
    {
        await using var t = await TestStore.CreateAsync(backend);
        foreach (var r in reports)
        {
            await t.Store.SaveAsync([Submit(r)]);
        }

        return await Attacks(t.Store);
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task A_bulk_load_into_an_empty_store_merges_once_at_its_end_into_the_attacks_writes_as_they_land_give(string backend)
    {
        var reports = Reports();
        var expected = await AsTheyLand(backend, reports);
        Assert.Equal(5, expected.Count); // Odesa, Sumy, and Nikopol's three days

        await using var t = await TestStore.CreateAsync(backend);
        var bulk = Assert.IsAssignableFrom<IBulkMerge>(t.Store);
        Assert.True(await bulk.TryBeginBulkMergeAsync(startIfEmpty: true));
        var shuffled = reports.AsEnumerable().Reverse().ToList();
        await t.Store.SaveAsync([.. shuffled.Take(4).Select(Submit)]);
        await t.Store.SaveAsync([.. shuffled.Skip(4).Select(Submit)]);

        // Meanwhile a reader sees the reports and events committed, and the attacks said to be not built yet.
        Assert.Equal(8, (await t.Store.CountAsync()).Reports);
        Assert.Empty(await Attacks(t.Store));
        Assert.True(await t.Store.NeedsRebuildAsync());

        var merged = await bulk.FinishBulkMergeAsync();
        Assert.Equal(5, merged.Attacks);
        Assert.False(await t.Store.NeedsRebuildAsync());
        Assert.Equal(expected, await Attacks(t.Store));

        // Later writes merge as they land again.
        var late = (Samples.Article("Drones struck the port of Odesa overnight, a late desk reports.", "https://late.example.net/odesa", id: "odesa-late") with { Published = Day, Source = "Late desk" },
            Samples.Simple(Day, "RU", "UA", "Odesa", WeaponCategory.Drone, "Shahed-136", 25, 21, admin1: "Odesa Oblast"));
        await t.Store.SaveAsync([Submit(late)]);
        Assert.Equal(await AsTheyLand(backend, [.. reports, late]), await Attacks(t.Store));
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task A_bulk_load_larger_than_its_cache_keeps_only_the_bound_in_memory_and_builds_the_same_attacks(string backend)
    {
        var reports = Reports();
        var expected = await AsTheyLand(backend, reports);

        await using var t = await TestStore.CreateAsync(backend);
        var store = Assert.IsAssignableFrom<SqlEventStore>(t.Store);
        store.BulkCacheEvents = 4; // the first write's four events; the second's are past the bound
        Assert.True(await ((IBulkMerge)store).TryBeginBulkMergeAsync(startIfEmpty: true));
        var shuffled = reports.AsEnumerable().Reverse().ToList();
        await t.Store.SaveAsync([.. shuffled.Take(4).Select(Submit)]);
        Assert.Equal(4, store.CachedEventCount);
        await t.Store.SaveAsync([.. shuffled.Skip(4).Select(Submit)]);
        Assert.Equal(4, store.CachedEventCount); // the second write's events stay in the store only

        // The merge reads the uncached events back (its one month holds all eight), and the month done, past the bound,
        // the cache starts empty for the next step of the rebuild.
        var merged = await ((IBulkMerge)store).FinishBulkMergeAsync();
        Assert.Equal(5, merged.Attacks);
        Assert.True(store.CachedEventCount <= 4, $"{store.CachedEventCount} events cached");
        Assert.Equal(expected, await Attacks(t.Store));
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task A_store_that_holds_reports_takes_no_bulk_load_and_merges_as_they_land(string backend)
    {
        var reports = Reports();
        await using var t = await TestStore.CreateAsync(backend);
        var bulk = (IBulkMerge)t.Store;
        Assert.False(await bulk.TryBeginBulkMergeAsync(startIfEmpty: false)); // empty, but not asked to start one
        await t.Store.SaveAsync([Submit(reports[0])]);
        Assert.False(await bulk.TryBeginBulkMergeAsync(startIfEmpty: true));
        await t.Store.SaveAsync([.. reports.Skip(1).Select(Submit)]);
        Assert.False(await t.Store.NeedsRebuildAsync());
        Assert.Equal(await AsTheyLand(backend, reports), await Attacks(t.Store));
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task A_bulk_load_cut_short_keeps_what_it_committed_and_the_next_load_builds_the_attacks(string backend)
    {
        var reports = Reports();
        await using var t = await TestStore.CreateAsync(backend);
        Assert.True(await ((IBulkMerge)t.Store).TryBeginBulkMergeAsync(startIfEmpty: true));
        await t.Store.SaveAsync([.. reports.Take(5).Select(Submit)]);

        // The process dies before the load's end: what it committed is there, the attacks are said to be not built.
        await t.ReopenAsync();
        Assert.Equal(5, (await t.Store.CountAsync()).Reports);
        Assert.True(await t.Store.NeedsRebuildAsync());

        // The next load continues the cut-short one, small as it is, and its end merges everything.
        var bulk = (IBulkMerge)t.Store;
        Assert.True(await bulk.TryBeginBulkMergeAsync(startIfEmpty: false));
        await t.Store.SaveAsync([.. reports.Skip(5).Select(Submit)]);
        await bulk.FinishBulkMergeAsync();
        Assert.False(await t.Store.NeedsRebuildAsync());
        Assert.Equal(await AsTheyLand(backend, reports), await Attacks(t.Store));
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task A_suspended_merge_is_not_taken_for_a_bulk_load(string backend)
    {
        await using var t = await TestStore.CreateAsync(backend);
        await t.Store.SuspendMergingAsync(); // --no-merge: the user runs the rebuild
        Assert.False(await ((IBulkMerge)t.Store).TryBeginBulkMergeAsync(startIfEmpty: true));
        Assert.True(await t.Store.NeedsRebuildAsync());
    }
}
