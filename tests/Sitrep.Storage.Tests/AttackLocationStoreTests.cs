using System.Data.Common;
using System.Globalization;
using Npgsql;
using Sitrep.Core;
using Sitrep.Ingest;

namespace Sitrep.Storage.Tests;

/// <summary>
/// An attack's map location as the store keeps it: the words and span of the member that names it first in the merge's
/// order of reports, its gazetteer entry and precisions, and that member's event and report; the same after a rebuild,
/// whatever order the reports came in, and in a store made before the columns existed once it is opened. SQLite and
/// PostgreSQL.
/// </summary>
public class AttackLocationStoreTests
{
    private static readonly DateOnly Day = new(2024, 9, 3);

    /// <summary>
    /// Three outlets on one night's drones at Odesa, published on three days (the earliest, "first", is the member the
    /// location comes from), each naming the city at another place in its text; the latest also names occupied
    /// Melitopol, which no other member names.
    /// </summary>
    private static List<(Article Article, ExtractedEvent Event)> Reports()
    {
        var texts = new (string Id, int Days, string Text)[]
        {
            ("third", 2, "A follow-up two days on: the drones that hit Odesa and Melitopol overnight were Shahed-136, the navy said."),
            ("first", 0, "Overnight Russia sent 25 drones at Odesa, the regional governor said."),
            ("second", 1, "Port damage in Odesa after Monday night's drones, a day later."),
        };
        var list = new List<(Article, ExtractedEvent)>();
        foreach (var (id, days, text) in texts)
        {
            var places = new List<PlaceRef> { Place(text, "Odesa", "698740", "Odesa Oblast", 46.4775, 30.7326, occupied: false) };
            if (text.Contains("Melitopol", StringComparison.Ordinal))
            {
                places.Add(Place(text, "Melitopol", "702320", "Zaporizhzhia Oblast", 46.8489, 35.3675, occupied: true));
            }

            var e = Samples.Simple(Day, "RU", "UA", "Odesa", WeaponCategory.Drone, "Shahed-136", 25, null, admin1: "Odesa Oblast") with { Places = [.. places] };
            list.Add((Samples.Article(text, $"https://{id}.example.org/odesa", id: id) with { Published = Day.AddDays(days), Source = "Outlet " + id }, e));
        }

        return list;
    }

    private static PlaceRef Place(string text, string name, string gazetteerId, string admin1, double lat, double lon, bool occupied)
    {
        var start = text.IndexOf(name, StringComparison.Ordinal);
        return new PlaceRef(name, new TextSpan(start, start + name.Length))
        {
            Name = name, GazetteerId = gazetteerId, Feature = "populated_place", Admin1 = admin1, Country = "UA", Latitude = lat, Longitude = lon,
            GeoPrecision = 1, WherePrecision = 1, Occupied = occupied,
        };
    }

    private static ReportSubmission Submit((Article Article, ExtractedEvent Event) r) =>
        new(r.Article, ContentHash.Of(r.Article.Text), r.Article.Id + ".txt", new Extraction(r.Article) { Events = [r.Event] }, "test/1");

    /// <summary>Everything stored of each attack's location, and its members, one line per attack in id order.</summary>
    private static async Task<List<string>> Locations(IEventStore store)
    {
        var lines = new List<string>();
        await foreach (var a in store.StreamAttacksAsync(new EventQuery { Limit = null }))
        {
            var l = a.Location;
            var from = a.LocationFrom is { } f ? a.Members.Single(m => m.EventId == f.EventId && m.ReportId == f.ReportId).Article : "-";
            lines.Add(string.Create(CultureInfo.InvariantCulture,
                $"{string.Join(",", a.Members.Select(m => m.Article).Order(StringComparer.Ordinal))}: {l?.Text} [{l?.Span.Start}..{l?.Span.End}) {l?.Name} {l?.GazetteerId} {l?.Feature} {l?.Admin1} {l?.Country} {l?.Latitude} {l?.Longitude} {l?.GeoPrecision} {l?.WherePrecision} {l?.Occupied} from {from}"));
        }

        lines.Sort(StringComparer.Ordinal);
        return lines;
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task The_location_is_the_first_reports_words_with_their_gazetteer_entry_whatever_order_they_came_in(string backend)
    {
        var reports = Reports();
        var first = reports.Single(r => r.Article.Id == "first");
        await using var t = await TestStore.CreateAsync(backend);
        foreach (var r in reports)
        {
            await t.Store.SaveAsync([Submit(r)]);
        }

        var a = Assert.Single(await t.Store.FindAttacksAsync(new EventQuery { Limit = null }));
        a = (await t.Store.GetAttackAsync(a.Id))!;
        var loc = a.Location!;
        var expected = first.Event.Places[0];
        Assert.Equal(("Odesa", expected.Span, "698740", "populated_place", 1, 1, false), (loc.Text, loc.Span, loc.GazetteerId, loc.Feature, loc.GeoPrecision, loc.WherePrecision, loc.Occupied));
        Assert.NotEqual(0, loc.Span.Start);
        Assert.Equal("Odesa", first.Article.Text[loc.Span.Start..loc.Span.End]);
        var member = a.Members.Single(m => m.Article == "first");
        Assert.Equal(new LocationSource(member.EventId, member.ReportId), a.LocationFrom);

        var incremental = await Locations(t.Store);
        await t.Store.RebuildAttacksAsync();
        Assert.Equal(incremental, await Locations(t.Store));

        await using var reversed = await TestStore.CreateAsync(backend);
        await reversed.Store.SaveAsync([.. reports.AsEnumerable().Reverse().Select(Submit)]);
        Assert.Equal(incremental, await Locations(reversed.Store));
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task An_occupied_location_says_so(string backend)
    {
        await using var t = await TestStore.CreateAsync(backend);
        var text = "Drones hit Melitopol overnight, an exiled mayor said.";
        var e = Samples.Simple(Day, "UA", "UA", "Melitopol", WeaponCategory.Drone, null, 4, null)
            with { Places = [Place(text, "Melitopol", "702320", "Zaporizhzhia Oblast", 46.8489, 35.3675, occupied: true)] };
        await t.Store.SaveAsync([Submit((Samples.Article(text, "https://m.example.org/1", id: "melitopol") with { Published = Day }, e))]);
        var a = Assert.Single(await t.Store.FindAttacksAsync(new EventQuery { Limit = null }));
        Assert.True(a.Location!.Occupied);
        Assert.Equal(new TextSpan(11, 20), a.Location.Span);
    }

    /// <summary>The columns schema 6 added, dropped again: the attacks table as the previous version made it.</summary>
    private static readonly string[] Schema6Columns =
    [
        "location_text", "location_start", "location_end", "location_gazetteer_id", "location_feature", "location_where_precision",
        "location_occupied", "location_event_id", "location_report_id",
    ];

    [Theory, OnSqlite, OnPostgres]
    public async Task A_store_made_before_attack_locations_gets_them_on_opening_and_keeps_everything_else(string backend)
    {
        await using var t = await TestStore.CreateAsync(backend);
        var tied = Reports();
        await t.Store.SaveAsync([.. tied.Select(Submit)]);
        var expected = await Locations(t.Store);
        var attacks = await t.Store.FindAttacksAsync(new EventQuery { Limit = null });
        var events = await t.Store.FindEventsAsync(new EventQuery { Limit = null });

        // Back to schema 5, on the real file or server: the attacks without their location's columns.
        await t.ReopenAsync(async location =>
        {
            await using var conn = Open(location);
            await conn.OpenAsync();
            foreach (var column in Schema6Columns)
            {
                await Execute(conn, $"ALTER TABLE attacks DROP COLUMN {column}");
            }

            await Execute(conn, "DELETE FROM schema_version WHERE version >= 6");
            Assert.Equal(0L, Convert.ToInt64(await Scalar(conn, "SELECT COUNT(*) FROM schema_version WHERE version >= 6"), CultureInfo.InvariantCulture));
        });
        Assert.Equal(expected, await Locations(t.Store));
        Assert.Equal(attacks.Select(a => (a.Id, a.Date, a.Events, a.Reports, a.Places, a.Weapons, a.Launched)),
            (await t.Store.FindAttacksAsync(new EventQuery { Limit = null })).Select(a => (a.Id, a.Date, a.Events, a.Reports, a.Places, a.Weapons, a.Launched)));
        Assert.Equal(events.Select(e => e.Id), (await t.Store.FindEventsAsync(new EventQuery { Limit = null })).Select(e => e.Id));

        // Merging goes on as before: a fourth report joins, the location still the first report's.
        var late = (Samples.Article("Odesa counted the damage of the 25 drones at week's end.", "https://fourth.example.org/odesa", id: "fourth") with { Published = Day.AddDays(3), Source = "Outlet fourth" },
            tied[1].Event);
        await t.Store.SaveAsync([Submit(late)]);
        var joined = Assert.Single(await Locations(t.Store));
        Assert.StartsWith("first,fourth,second,third:", joined, StringComparison.Ordinal);
        Assert.EndsWith("from first", joined, StringComparison.Ordinal);
    }

    private static DbConnection Open(StoreLocation location) => location.Kind == StoreKind.Postgres
        ? new NpgsqlConnection(location.Target)
        : new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={location.Target};Pooling=False");

    private static async Task<object?> Scalar(DbConnection conn, string sql)
    {
        await using var cmd = conn.CreateCommand();
        cmd.CommandText = sql;
        return await cmd.ExecuteScalarAsync();
    }

    private static async Task Execute(DbConnection conn, string sql)
    {
        await using var cmd = conn.CreateCommand();
        cmd.CommandText = sql;
        await cmd.ExecuteNonQueryAsync();
    }
}
