using Sitrep.Core;
using Sitrep.Ingest;
using Sitrep.Ledger.Filters;
using Sitrep.Storage;

namespace Sitrep.Ledger.Tests;

/// <summary>
/// A listing written whole gives the attacks its table's pages give, in their order, for every sort, order, offset,
/// cursor and limit, however many pages it reads them in.
/// </summary>
public sealed class ListingPagesTests : IAsyncLifetime
{
    private static readonly DateOnly Day = new(2024, 7, 1);

    private readonly string _dir = Path.Combine(Path.GetTempPath(), $"sitrep-listing-tests-{Guid.NewGuid():N}");
    private IEventStore _store = null!;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_dir);
        _store = await EventStore.OpenAsync(StoreLocation.Sqlite(Path.Combine(_dir, "s.db")));

        // Eleven attacks on eleven towns, days apart: two undated, some without a count, some with equal counts (ties broken by id).
        string[] towns = ["Sumy", "Poltava", "Kherson", "Izmail", "Uman", "Konotop", "Lutsk", "Rivne", "Brovary", "Chernihiv", "Bila Tserkva"];
        var batch = new List<ReportSubmission>();
        for (var i = 0; i < towns.Length; i++)
        {
            DateOnly? date = i is 4 or 9 ? null : Day.AddDays(3 * i);
            int? launched = i % 4 == 3 ? null : 10 + (i * 7 % 5);
            var text = $"Drones struck {towns[i]}, report {i} says.";
            var article = new Article($"r{i}", text, Published: i is 4 or 9 ? null : date, Source: $"Outlet {i}");
            var weapon = new WeaponRef(WeaponCategory.Drone, null);
            var ev = new Evidence(new TextSpan(0, 6), "Drones");
            var e = new ExtractedEvent
            {
                Date = date is null ? EventDate.Unknown : new EventDate(date, DatePrecision.Day, "today", new TextSpan(0, 5)),
                Attacker = Side.Russia,
                TargetCountry = Country.Ukraine,
                Places = [new PlaceRef(towns[i], new TextSpan(14, 14 + towns[i].Length)) { Name = towns[i] }],
                Weapons = [new WeaponUse(weapon, ev) { Claims = launched is { } l ? [new FigureClaim(FigureKind.Launched, l, Qualifier.Exact, ev, weapon)] : [] }],
                Casualties = i % 3 == 0 ? [new FigureClaim(FigureKind.Killed, i, Qualifier.Exact, ev)] : [],
            };
            batch.Add(new ReportSubmission(article, ContentHash.Of(text), $"r{i}.txt", new Sitrep.Core.Extraction(article) { Events = [e] }, "test/1"));
        }

        await _store.SaveAsync(batch);
    }

    public async Task DisposeAsync()
    {
        await _store.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
    }

    public static TheoryData<string, bool, int, int?> Listings() => new()
    {
        { "date", false, 0, null },
        { "date", true, 0, null },
        { "date", false, 3, null },
        { "date", true, 5, 4 },
        { "launched", false, 0, null },
        { "launched", true, 2, null },
        { "killed", false, 0, 7 },
        { "injured", true, 1, null },
    };

    [Theory]
    [MemberData(nameof(Listings))]
    public async Task Every_page_size_gives_the_tables_rows_in_their_order(string sort, bool ascending, int offset, int? limit)
    {
        Assert.True(PageCursors.TryParseSort(sort, out var by));
        var query = new EventQuery { Sort = by, Ascending = ascending, Offset = offset, Limit = limit };
        var table = (await _store.FindAttacksAsync(query with { Limit = limit ?? 1000 })).Select(a => a.Id).ToList();
        Assert.Equal(Math.Min(limit ?? 11, 11 - offset), table.Count);
        foreach (var pageSize in new[] { 1, 2, 3, 500 })
        {
            var written = new List<long>();
            await foreach (var a in ListingPages.AttacksAsync(_store, query, pageSize))
            {
                Assert.NotEmpty(a.Members); // whole
                written.Add(a.Id);
            }

            Assert.Equal(table, written);
        }

        // From a cursor: the rows after the table's third.
        var third = (await _store.FindAttacksAsync(query with { Limit = 3, Offset = 0 }))[^1];
        var after = query with { Offset = 0, After = PageCursors.After(third, by) };
        var rest = (await _store.FindAttacksAsync(after with { Limit = 1000 })).Select(a => a.Id).ToList();
        var streamed = new List<long>();
        await foreach (var a in ListingPages.AttacksAsync(_store, after with { Limit = null }, pageSize: 2))
        {
            streamed.Add(a.Id);
        }

        Assert.Equal(rest, streamed);
    }

    [Fact]
    public async Task A_listing_without_a_limit_still_skips_its_offset()
    {
        var all = await _store.FindAttacksAsync(new EventQuery { Limit = null });
        Assert.Equal(all.Skip(4).Select(a => a.Id), (await _store.FindAttacksAsync(new EventQuery { Limit = null, Offset = 4 })).Select(a => a.Id));
        var events = await _store.FindEventsAsync(new EventQuery { Limit = null });
        Assert.Equal(11, events.Count);
        Assert.Equal(events.Skip(6).Select(e => e.Id), (await _store.FindEventsAsync(new EventQuery { Limit = null, Offset = 6 })).Select(e => e.Id));
    }
}
