using Sitrep.Core;
using Sitrep.Ingest;

namespace Sitrep.Storage.Tests;

/// <summary>Listings as hosts page them: sorts, keyset cursors, whole attacks by id, attacks counted by place. SQLite and PostgreSQL.</summary>
public class ListingStoreContractTests
{
    private static readonly DateOnly Day = new(2024, 3, 1);

    /// <summary>Nine attacks on nine days (two undated-figure ones), in three regions, both sides.</summary>
    private static List<ReportSubmission> Reports()
    {
        var list = new List<ReportSubmission>();
        (string Town, string Admin1, string Country)[] places = [("Kyiv", "Kyiv City", "UA"), ("Odesa", "Odesa Oblast", "UA"), ("Belgorod", "Belgorod Oblast", "RU")];
        for (var i = 0; i < 9; i++)
        {
            var p = places[i % 3];
            var attacker = p.Country == "RU" ? "UA" : "RU";
            int? launched = i == 4 ? null : 10 + (i * 7 % 5) * 10;
            var article = Samples.Article($"Attack {i} on {p.Town}, wire {i} reports.", $"https://wire.example/{i}", id: $"r{i}") with { Published = Day.AddDays(i * 3) };
            var e = Samples.Simple(Day.AddDays(i * 3), attacker, p.Country, p.Town, WeaponCategory.Drone, null, launched, launched is { } l ? l / 2 : null, killed: i % 4, admin1: p.Admin1);
            e = e with
            {
                Places = [e.Places[0] with { Country = p.Country, Latitude = 50 + i * 0.01, Longitude = 30 }],
                Location = e.Places[0] with { Country = p.Country, Latitude = 50 + i * 0.01, Longitude = 30 },
            };
            list.Add(new ReportSubmission(article, ContentHash.Of(article.Text), article.Id + ".txt", new Extraction(article) { Events = [e] }, "test/1"));
        }

        return list;
    }

    private static async Task<List<long>> Walk(IEventStore store, EventQuery first)
    {
        var ids = new List<long>();
        var q = first;
        for (var pages = 0; pages < 20; pages++)
        {
            var page = await store.FindAttacksAsync(q);
            ids.AddRange(page.Select(a => a.Id));
            if (page.Count < q.Limit)
            {
                break;
            }

            var last = page[^1];
            var value = q.Sort switch
            {
                LedgerSort.Launched => last.Launched ?? -1,
                LedgerSort.Killed => last.Killed ?? -1,
                _ => 0,
            };
            q = q with { After = new PageCursor(value, last.Date, last.Id) };
        }

        return ids;
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task Keyset_pages_give_the_whole_listing_once_in_every_order(string backend)
    {
        await using var t = await TestStore.CreateAsync(backend);
        await t.Store.SaveAsync(Reports());
        foreach (var sort in new[] { LedgerSort.Date, LedgerSort.Launched, LedgerSort.Killed })
        {
            foreach (var ascending in new[] { false, true })
            {
                var whole = (await t.Store.FindAttacksAsync(new EventQuery { Sort = sort, Ascending = ascending, Limit = null })).Select(a => a.Id).ToList();
                Assert.Equal(9, whole.Count);
                Assert.Equal(whole, await Walk(t.Store, new EventQuery { Sort = sort, Ascending = ascending, Limit = 2 }));
            }
        }

        var byLaunched = await t.Store.FindAttacksAsync(new EventQuery { Sort = LedgerSort.Launched, Limit = null });
        var values = byLaunched.Select(a => a.Launched ?? -1).ToList();
        Assert.Equal(values.OrderDescending(), values);
        Assert.Null(byLaunched[^1].Launched);
        var newest = await t.Store.FindAttacksAsync(new EventQuery { Limit = null });
        Assert.Equal(newest.Select(a => a.Date).OrderDescending(), newest.Select(a => a.Date));
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task Event_listings_sort_and_page_the_same_way(string backend)
    {
        await using var t = await TestStore.CreateAsync(backend);
        await t.Store.SaveAsync(Reports());
        var whole = (await t.Store.FindEventsAsync(new EventQuery { Sort = LedgerSort.Killed, Limit = null })).ToList();
        Assert.Equal(whole.Select(e => e.Killed ?? -1).OrderDescending(), whole.Select(e => e.Killed ?? -1));
        var first = await t.Store.FindEventsAsync(new EventQuery { Sort = LedgerSort.Killed, Limit = 4 });
        var last = first[^1];
        var rest = await t.Store.FindEventsAsync(new EventQuery { Sort = LedgerSort.Killed, Limit = null, After = new PageCursor(last.Killed ?? -1, last.Date, last.Id) });
        Assert.Equal(whole.Select(e => e.Id), first.Concat(rest).Select(e => e.Id));
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task Whole_attacks_come_by_id_in_the_order_asked(string backend)
    {
        await using var t = await TestStore.CreateAsync(backend);
        await t.Store.SaveAsync(Reports());
        var ids = (await t.Store.FindAttacksAsync(new EventQuery { Limit = 3 })).Select(a => a.Id).Reverse().ToList();
        var whole = await t.Store.GetAttacksAsync([.. ids, 999_999]);
        Assert.Equal(ids, whole.Select(a => a.Id));
        Assert.All(whole, a => Assert.NotEmpty(a.Members));
        Assert.All(whole, a => Assert.NotEmpty(a.Figures));
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task Attacks_are_counted_by_their_locations_region_and_place(string backend)
    {
        await using var t = await TestStore.CreateAsync(backend);
        await t.Store.SaveAsync(Reports());
        var regions = await t.Store.PlaceCountsAsync(new EventQuery { Limit = null }, PlaceLevel.Admin1);
        Assert.Equal(3, regions.Count);
        Assert.All(regions, r => Assert.Equal(3, r.Attacks));
        var kyiv = Assert.Single(regions, r => r.Name == "Kyiv City");
        Assert.Equal(("UA", 0 + 3 + 2L), (kyiv.Country, kyiv.Killed));
        var ru = await t.Store.PlaceCountsAsync(new EventQuery { Attacker = Side.Ukraine, Limit = null }, PlaceLevel.Place);
        var belgorod = Assert.Single(ru);
        Assert.Equal(("Belgorod", "Belgorod Oblast", 3), (belgorod.Name, belgorod.Admin1, belgorod.Attacks));
        Assert.NotNull(belgorod.Latitude);
        Assert.Single(await t.Store.PlaceCountsAsync(new EventQuery { Limit = 1 }, PlaceLevel.Admin1));
    }
}
