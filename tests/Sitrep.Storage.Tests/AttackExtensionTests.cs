using System.Data.Common;
using System.Globalization;
using System.Text;
using Npgsql;
using Sitrep.Core;
using Sitrep.Ingest;

namespace Sitrep.Storage.Tests;

/// <summary>
/// An attack that only gains members is extended from its stored state (the new member rows, the figures they change,
/// the attack's row) instead of rebuilt and rewritten whole, and what that stores is what a full rebuild stores.
/// SQLite and PostgreSQL.
/// </summary>
public class AttackExtensionTests
{
    private static readonly DateOnly Night = new(2024, 9, 22);

    private static readonly (string Town, string Region, string Authority, double Lat, double Lon)[] Towns =
    [
        ("Kharkiv", "Kharkiv Oblast", "ua.oblast.kharkiv", 49.99, 36.23),
        ("Odesa", "Odesa Oblast", "ua.oblast.odesa", 46.48, 30.73),
        ("Dnipro", "Dnipropetrovsk Oblast", "ua.oblast.dnipropetrovsk", 48.46, 35.05),
        ("Bila Tserkva", "Kyiv Oblast", "ua.oblast.kyiv", 49.80, 30.11),
    ];

    /// <summary>
    /// Reports of a night's drone and missile wave on Ukraine (national accounts naming every region, with the air
    /// force's figures revised from one morning to the next, and local accounts of one town by its region's authority,
    /// some with a toll), a second, smaller wave the next night, and a Ukrainian drone attack on Belgorod.
    /// Deterministic: <paramref name="seed"/> varies the figures each outlet gives. Their hashes sort in list order.
    /// </summary>
    private static List<ReportSubmission> Reports(int seed)
    {
        var rng = new Random(seed);
        var list = new List<ReportSubmission>();
        for (var i = 0; i < 9; i++)
        {
            var published = Night.AddDays(i % 3 == 2 ? 1 : 0);
            var launched = published == Night ? 60 + rng.Next(3) : 64;
            var e = Event(Night, "RU", "UA", [.. Towns.Take(3 + (i % 2))], WeaponCategory.Drone, "Shahed-136", launched, launched - 5 - rng.Next(4),
                "ua.air_force", killed: i % 4 == 0 ? 1 + rng.Next(3) : null, qualifier: i % 5 == 1 ? Qualifier.MoreThan : Qualifier.Exact);
            list.Add(Submit($"wave{i}", $"The air force said Russia launched {launched} drones overnight; wire {i} reports.", published, $"Wire {i % 6}", e));
        }

        for (var i = 0; i < 5; i++)
        {
            var town = Towns[i % Towns.Length];
            var e = Event(Night, "RU", "UA", [town], WeaponCategory.Drone, null, 4 + rng.Next(3), 2 + rng.Next(2), town.Authority,
                killed: i % 2 == 0 ? 1 + rng.Next(4) : null, injured: 3 + i);
            list.Add(Submit($"local{i}", $"Drones hit {town.Town} overnight, its region's administration said ({i}).", Night.AddDays(i % 2), $"Local {i}", e));
        }

        // The air force's own count over one town: half the first morning's figure, less than half the revised one.
        for (var i = 0; i < 2; i++)
        {
            var town = Towns[i];
            var e = Event(Night, "RU", "UA", [town], WeaponCategory.Drone, "Shahed-136", 31, 28, "ua.air_force");
            list.Add(Submit($"part{i}", $"Over {town.Town}, the air force counted 31 of the drones ({i}).", Night, $"Desk {i}", e));
        }

        for (var i = 0; i < 4; i++)
        {
            var e = Event(Night.AddDays(1), "RU", "UA", [.. Towns.Skip(1)], WeaponCategory.CruiseMissile, "Kh-101", 12 + (i % 2), 10, "ua.air_force");
            list.Add(Submit($"next{i}", $"Cruise missiles were fired at Ukraine the next night, site {i} says.", Night.AddDays(2), $"Site {i}", e));
        }

        for (var i = 0; i < 3; i++)
        {
            var e = Event(Night, "UA", "RU", [("Belgorod", "Belgorod Oblast", "ru.region.belgorod", 50.60, 36.59)], WeaponCategory.Drone, null, 20 + i, 18 + i, "ru.region.belgorod");
            list.Add(Submit($"belgorod{i}", $"Ukrainian drones attacked Belgorod, paper {i} writes.", Night, $"Paper {i}", e));
        }

        // The merge breaks ties between equally detailed accounts by the reports' identity (hash, then URL), not by
        // arrival: hashes that sort in list order make the ties fall as the tests below mean them (a later wave report
        // joins after the earlier ones, not as the attack's new seed).
        return [.. list.Select((r, i) => r with { ContentHash = $"{i:D3}-{r.ContentHash}" })];
    }

    private static ExtractedEvent Event(
        DateOnly date, string attacker, string target, (string Town, string Region, string Authority, double Lat, double Lon)[] towns, WeaponCategory category,
        string? model, int launched, int destroyed, string claimant, int? killed = null, int? injured = null, Qualifier qualifier = Qualifier.Exact)
    {
        var weapon = new WeaponRef(category, model);
        var ev = new Evidence(new TextSpan(0, 12), "The sentence");
        var who = new Claimant(claimant, Parties.ParseSide(target), new TextSpan(12, 20)) { Canonical = claimant };
        var casualties = new List<FigureClaim>();
        if (killed is { } k)
        {
            casualties.Add(new FigureClaim(FigureKind.Killed, k, Qualifier.Exact, ev, null, who));
        }

        if (injured is { } n)
        {
            casualties.Add(new FigureClaim(FigureKind.Injured, n, Qualifier.Exact, ev, null, who));
        }

        return new ExtractedEvent
        {
            Kind = EventKind.Strike,
            Date = new EventDate(date, DatePrecision.Night, "overnight", new TextSpan(0, 9)),
            Attacker = Parties.ParseSide(attacker),
            TargetCountry = Parties.ParseCountry(target),
            Places = [.. towns.Select(t => new PlaceRef(t.Town, new TextSpan(0, t.Town.Length))
            {
                Name = t.Town, Admin1 = t.Region, Feature = "populated_place", GazetteerId = "g." + t.Town, Country = target, Latitude = t.Lat, Longitude = t.Lon, GeoPrecision = 1,
            })],
            Weapons =
            [
                new WeaponUse(weapon, ev)
                {
                    Claims =
                    [
                        new FigureClaim(FigureKind.Launched, launched, qualifier, ev, weapon, who),
                        new FigureClaim(FigureKind.Destroyed, destroyed, Qualifier.Exact, ev, weapon, who),
                    ],
                },
            ],
            Casualties = [.. casualties],
            Claimants = [who],
        };
    }

    private static ReportSubmission Submit(string id, string text, DateOnly published, string source, ExtractedEvent e)
    {
        var article = Samples.Article(text, $"https://{id}.example.org/news", id: id) with { Published = published, Source = source };
        return new(article, ContentHash.Of(article.Text), id + ".txt", new Extraction(article) { Events = [e] }, "test/1");
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task Attacks_extended_write_after_write_store_what_a_full_rebuild_stores(string backend)
    {
        foreach (var seed in new[] { 3, 17, 29 })
        {
            var rng = new Random(seed);
            var reports = Reports(seed).OrderBy(_ => rng.Next()).ToList();
            await using var t = await TestStore.CreateAsync(backend);
            var store = (SqlEventStore)t.Store;
            for (var at = 0; at < reports.Count;)
            {
                var n = 1 + rng.Next(3);
                await store.SaveAsync(reports.Skip(at).Take(n).ToList());
                at += n;
            }

            Assert.True(store.AttacksExtended > 0, $"seed {seed}: no write extended an attack");
            var written = await DumpAsync(t);

            // Every stored digest made stale: the rebuild builds each attack whole and writes it again, under the same id.
            await ExecuteAsync(t, "UPDATE attacks SET digest = 'stale'");
            var rebuilt = await t.Store.RebuildAttacksAsync();
            Assert.Equal(0, rebuilt.Unchanged);
            Assert.Equal(0, rebuilt.Gone);
            Assert.Equal(written, await DumpAsync(t));
        }
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task A_report_that_only_joins_an_attack_extends_it_and_one_that_changes_an_old_members_standing_rebuilds_it(string backend)
    {
        var reports = Reports(5).ToDictionary(r => r.Article.Id);
        await using var t = await TestStore.CreateAsync(backend);
        var store = (SqlEventStore)t.Store;
        await store.SaveAsync([reports["wave1"]]);
        Assert.Equal(0, store.AttacksExtended); // new: built whole
        await store.SaveAsync([reports["wave3"]]);
        Assert.Equal(1, store.AttacksExtended);
        await store.SaveAsync([reports["wave6"], reports["wave7"]]);
        Assert.Equal(2, store.AttacksExtended);

        // The air force's count over Kharkiv is half the wave's largest figure so far: a whole account, and it joins.
        await store.SaveAsync([reports["part0"]]);
        Assert.Equal(3, store.AttacksExtended);
        Assert.False(await PartialAsync(t.Store, "part0"));

        // The next morning's revised figure (64) makes it less than half: it becomes partial, so the attack is built whole.
        await store.SaveAsync([reports["wave2"]]);
        Assert.Equal(3, store.AttacksExtended);
        Assert.True(await PartialAsync(t.Store, "part0"));

        // A new store object knows nothing this process stored: the attack is built whole, then extended again.
        await t.ReopenAsync();
        var reopened = (SqlEventStore)t.Store;
        await reopened.SaveAsync([reports["wave0"]]);
        Assert.Equal(0, reopened.AttacksExtended);
        await reopened.SaveAsync([reports["wave4"]]);
        Assert.Equal(1, reopened.AttacksExtended);

        var written = await DumpAsync(t);
        await ExecuteAsync(t, "UPDATE attacks SET digest = 'stale'");
        await t.Store.RebuildAttacksAsync();
        Assert.Equal(written, await DumpAsync(t));
    }

    private static async Task<bool> PartialAsync(IEventStore store, string article)
    {
        await foreach (var a in store.StreamAttacksAsync(new EventQuery { Limit = null }))
        {
            if (a.Members.FirstOrDefault(m => m.Article == article) is { } m)
            {
                return m.Partial;
            }
        }

        throw new InvalidOperationException($"{article} is in no attack.");
    }

    /// <summary>Every attack table's rows, every column but the times they were written, in a fixed order.</summary>
    private static async Task<List<string>> DumpAsync(TestStore t)
    {
        var rows = new List<string>();
        foreach (var sql in new[]
                 {
                     "SELECT id, home, date, date_precision, attacker, target_country, events, reports, sources, location_name, location_admin1, location_country, latitude, longitude, geo_precision, places_text, weapons_text, categories, primary_family, launched, destroyed, killed, injured, contested, digest FROM attacks ORDER BY id",
                     "SELECT event_id, attack_id, report_id, ordinal, kind, score, partial, decision, features, explain FROM attack_members ORDER BY event_id",
                     "SELECT attack_id, ordinal, figure, kind, family, model, best, low, high, conservative, contested, rule, reason, best_event_id, claims FROM attack_figures ORDER BY attack_id, ordinal",
                     "SELECT attack_id, place_key FROM attack_places ORDER BY attack_id, place_key",
                     "SELECT old_id, attack_id FROM attack_aliases ORDER BY old_id",
                 })
        {
            await using var conn = await OpenAsync(t);
            await using var cmd = conn.CreateCommand();
            cmd.CommandText = sql;
            await using var r = await cmd.ExecuteReaderAsync();
            while (await r.ReadAsync())
            {
                var sb = new StringBuilder(sql[7..20]);
                for (var i = 0; i < r.FieldCount; i++)
                {
                    sb.Append(" | ").Append(r.IsDBNull(i) ? "NULL" : Convert.ToString(r.GetValue(i), CultureInfo.InvariantCulture));
                }

                rows.Add(sb.ToString());
            }
        }

        Assert.NotEmpty(rows);
        return rows;
    }

    private static async Task ExecuteAsync(TestStore t, string sql)
    {
        await using var conn = await OpenAsync(t);
        await using var cmd = conn.CreateCommand();
        cmd.CommandText = sql;
        await cmd.ExecuteNonQueryAsync();
    }

    private static async Task<DbConnection> OpenAsync(TestStore t)
    {
        DbConnection conn = t.Location.Kind == StoreKind.Sqlite
            ? new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={t.Location.Target}")
            : new NpgsqlConnection(t.Location.Target);
        await conn.OpenAsync();
        return conn;
    }
}
