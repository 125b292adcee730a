using System.Text.Json;
using Parquet;
using Parquet.Schema;
using Sitrep.Core;
using Sitrep.Ingest;
using Sitrep.Storage;

namespace Sitrep.Cli.Tests.Ledger;

/// <summary>ACLED's 31 columns, GeoJSON's precisions and the Parquet export, read back.</summary>
public sealed class ExportFormatTests
{
    private static readonly string[] AcledColumns =
    [
        "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type", "sub_event_type", "actor1",
        "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2", "interaction", "civilian_targeting", "iso", "region",
        "country", "admin1", "admin2", "admin3", "location", "latitude", "longitude", "geo_precision", "source", "source_scale",
        "notes", "fatalities", "tags", "timestamp",
    ];

    /// <summary>A store of three reports: Odesa dated by its text, an undated shelling of Kherson (published 15 May), and a total.</summary>
    private static async Task<string> StoreAsync(TempDir dir)
    {
        var db = dir.Path("ledger.db");
        await using var store = await EventStore.OpenAsync(StoreLocation.Sqlite(db));
        var a = new Article("odesa", Reports.Text(0), "Drones target Odesa", "https://news.example.org/odesa", new DateOnly(2024, 5, 14), "Example Wire");
        var b = new Article("kherson", "Shelling hit Kherson.", "Shelling hit Kherson", "https://news.example.org/kherson", new DateOnly(2024, 5, 15), "Example Post");
        var c = new Article("total", "More than 1,400 drones since January.", "Drone tally", "https://news.example.org/total", new DateOnly(2024, 5, 16), "Example Post");
        var kherson = new ExtractedEvent
        {
            Date = EventDate.Unknown,
            Attacker = Side.Russia,
            TargetCountry = Country.Ukraine,
            Places = [new PlaceRef("Kherson", new TextSpan(0, 7))],
            Weapons = [new WeaponUse(new WeaponRef(WeaponCategory.Artillery, null), new Evidence(new TextSpan(0, 8), "Shelling"))],
        };
        var total = new ExtractedEvent
        {
            Kind = EventKind.Aggregate,
            Date = EventDate.Unknown,
            Attacker = Side.Russia,
            TargetCountry = Country.Ukraine,
            Weapons = [new WeaponUse(new WeaponRef(WeaponCategory.Drone, null), new Evidence(new TextSpan(16, 22), "drones"))],
        };
        await store.SaveAsync(
        [
            new ReportSubmission(a, ContentHash.Of(a.Text), "odesa.txt", Reports.Odesa(a), "test/1"),
            new ReportSubmission(b, ContentHash.Of(b.Text), "kherson.txt", new Sitrep.Core.Extraction(b) { Events = [kherson] }, "test/1"),
            new ReportSubmission(c, ContentHash.Of(c.Text), "total.txt", new Sitrep.Core.Extraction(c) { Events = [total] }, "test/1"),
        ]);
        return db;
    }

    private static List<Dictionary<string, string>> ReadCsv(string text)
    {
        using var csv = CsvHelper.CsvReader.Create(System.Text.Encoding.UTF8.GetBytes(text), new CsvHelper.CsvReaderOptions { Separator = ',' });
        var header = csv.Headers.ToArray();
        var rows = new List<Dictionary<string, string>>();
        while (csv.Read())
        {
            rows.Add(header.Select((h, i) => (h, i)).ToDictionary(x => x.h, x => csv.GetString(x.i) ?? ""));
        }

        return rows;
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Acled_rows_have_acleds_31_columns_in_order_and_a_date_always(bool events)
    {
        using var dir = new TempDir();
        var db = await StoreAsync(dir);
        var r = Cli.Run(events ? ["export", "--format", "acled", "--events", "--db", db] : ["export", "--format", "acled", "--db", db]);
        Assert.Equal(0, r.Code);
        var header = r.Out[..r.Out.IndexOf('\r', StringComparison.Ordinal)].Split(',');
        Assert.Equal(AcledColumns, header[..31]);
        Assert.Equal(["injuries", "launched", "destroyed", "weapons", "sitrep_id", "report_url"], header[31..]);

        var rows = ReadCsv(r.Out);
        Assert.Equal(2, rows.Count); // the total over a period is no ACLED event
        var odesa = rows.Single(x => x["location"] == "Odesa");
        Assert.Equal(("2024-05-14", "2024", "1"), (odesa["event_date"], odesa["year"], odesa["time_precision"]));
        Assert.Equal(("Military Forces of Russia (2000-)", "8", "80"), (odesa["actor1"], odesa["inter1"], odesa["interaction"]));
        Assert.Equal(("804", "Europe", "Ukraine", "Odesa Oblast"), (odesa["iso"], odesa["region"], odesa["country"], odesa["admin1"]));
        Assert.Equal(("", "", "", ""), (odesa["actor2"], odesa["inter2"], odesa["civilian_targeting"], odesa["tags"]));
        Assert.Equal("1", odesa["geo_precision"]);
        Assert.Equal("Example Wire", odesa["source"]);

        // Undated by its text: the report's publication date, time_precision 3.
        var kherson = rows.Single(x => x["location"] == "");
        Assert.Equal(("2024-05-15", "2024", "3"), (kherson["event_date"], kherson["year"], kherson["time_precision"]));
        Assert.Equal("Shelling/artillery/missile attack", kherson["sub_event_type"]);
        Assert.Equal("804", kherson["iso"]);
        if (!events)
        {
            Assert.True(long.Parse(odesa["timestamp"], System.Globalization.CultureInfo.InvariantCulture) > 1_700_000_000);
        }

        if (events)
        {
            var withTotals = ReadCsv(Cli.Run("export", "--format", "acled", "--events", "--kind", "aggregate", "--db", db).Out);
            Assert.Equal("2024-05-16", Assert.Single(withTotals)["event_date"]);
        }
    }

    [Fact]
    public void An_attack_that_counts_only_drones_shot_down_is_an_acled_air_or_drone_strike()
    {
        using var dir = new TempDir();
        var db = IngestedStores.Of(dir,
            "title: Drones downed over Kyiv region\npublished: 2024-06-03\nsource: Example Wire\n\n"
            + "Air defences shot down 32 Shahed drones over the Kyiv region overnight, the air force said on Monday.\n");
        var r = Cli.Run("export", "--format", "acled", "--db", db);
        Assert.True(r.Code == 0, r.Err);
        var row = Assert.Single(ReadCsv(r.Out));
        Assert.Equal("", row["launched"]);
        Assert.Equal("32", row["destroyed"]);
        Assert.Equal("Air/drone strike", row["sub_event_type"]);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Acled_dates_a_report_without_any_date_by_the_day_it_was_stored(bool events)
    {
        using var dir = new TempDir();
        var db = dir.Path("undated.db");
        var before = DateOnly.FromDateTime(DateTime.UtcNow);
        await using (var store = await EventStore.OpenAsync(StoreLocation.Sqlite(db)))
        {
            var a = new Article("nodate", "Shelling hit Kherson.", "Shelling hit Kherson", "https://news.example.org/nodate", null, "Example Post");
            var e = new ExtractedEvent
            {
                Date = EventDate.Unknown,
                Attacker = Side.Russia,
                TargetCountry = Country.Ukraine,
                Places = [new PlaceRef("Kherson", new TextSpan(13, 20))],
                Weapons = [new WeaponUse(new WeaponRef(WeaponCategory.Artillery, null), new Evidence(new TextSpan(0, 8), "Shelling"))],
            };
            await store.SaveAsync([new ReportSubmission(a, ContentHash.Of(a.Text), "nodate.txt", new Sitrep.Core.Extraction(a) { Events = [e] }, "test/1")]);
        }

        var after = DateOnly.FromDateTime(DateTime.UtcNow);
        var r = Cli.Run(events ? ["export", "--format", "acled", "--events", "--db", db] : ["export", "--format", "acled", "--db", db]);
        Assert.Equal(0, r.Code);
        var row = Assert.Single(ReadCsv(r.Out));
        var date = DateOnly.ParseExact(row["event_date"], "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(date, before, after);
        Assert.Equal((date.Year.ToString(System.Globalization.CultureInfo.InvariantCulture), "3"), (row["year"], row["time_precision"]));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task GeoJson_properties_say_how_precise_the_date_and_the_place_are(bool events)
    {
        using var dir = new TempDir();
        var db = await StoreAsync(dir);
        var geo = JsonDocument.Parse(Cli.Run(events ? ["export", "--format", "geojson", "--events", "--db", db] : ["export", "--format", "geojson", "--db", db]).Out).RootElement;
        var props = geo.GetProperty("features").EnumerateArray().Select(f => f.GetProperty("properties")).ToList();
        var odesa = props.Single(p => p.GetProperty("location").GetString() == "Odesa");
        Assert.Equal("night", odesa.GetProperty("date_precision").GetString());
        Assert.Equal(1, odesa.GetProperty("geo_precision").GetInt32());
        var kherson = props.First(p => p.GetProperty("location").ValueKind == JsonValueKind.Null);
        Assert.Equal("unknown", kherson.GetProperty("date_precision").GetString());
        Assert.Equal(JsonValueKind.Null, kherson.GetProperty("geo_precision").ValueKind);
    }

    private static object? V(IDictionary<string, object> row, string key) => row.TryGetValue(key, out var v) ? v : null;

    [Fact]
    public async Task Parquet_export_reads_back_with_typed_columns_and_nulls()
    {
        using var dir = new TempDir();
        var db = await StoreAsync(dir);
        var file = dir.Path("attacks.parquet");
        var r = Cli.Run("export", "--format", "parquet", "--db", db, "--out", file);
        Assert.Equal(0, r.Code);
        Assert.Contains("2 attacks written", r.Err, StringComparison.Ordinal);

        await using var stream = File.OpenRead(file);
        await using var reader = await ParquetReader.CreateAsync(stream);
        var fields = reader.Schema.GetDataFields();
        Assert.Equal("id", fields[0].Name);
        Assert.Equal(typeof(int), fields.Single(f => f.Name == "launched").ClrType);
        Assert.Equal(typeof(double), fields.Single(f => f.Name == "latitude").ClrType);
        Assert.Equal(typeof(bool), fields.Single(f => f.Name == "contested").ClrType);
        var rows = await Parquet.Serialization.ParquetSerializer.DeserializeUntypedAsync(File.OpenRead(file));
        Assert.Equal(2, rows.Data.Count);
        // The untyped reader leaves a null cell's key out of its row.
        var odesa = rows.Data.Single(x => (string?)V(x, "location") == "Odesa");
        Assert.Equal(40, V(odesa, "launched"));
        Assert.Equal(35, V(odesa, "destroyed"));
        Assert.Equal(46.48, V(odesa, "latitude"));
        Assert.Equal("RU", V(odesa, "attacker"));
        Assert.Equal(1, V(odesa, "geo_precision"));
        var kherson = rows.Data.Single(x => V(x, "location") is null);
        Assert.Null(V(kherson, "launched"));
        Assert.Null(V(kherson, "latitude"));
        Assert.Null(V(kherson, "date"));

        var eventsFile = dir.Path("events.parquet");
        Assert.Equal(0, Cli.Run("export", "--format", "parquet", "--events", "--db", db, "--out", eventsFile).Code);
        var events = await Parquet.Serialization.ParquetSerializer.DeserializeUntypedAsync(File.OpenRead(eventsFile));
        Assert.Equal(3, events.Data.Count);
        Assert.Contains(events.Data, e => (string?)V(e, "kind") == "aggregate");
        Assert.Equal(new DateTime(2024, 5, 14), Convert.ToDateTime(events.Data.Single(e => (string?)V(e, "location") == "Odesa")["date"], System.Globalization.CultureInfo.InvariantCulture));

        // Parquet is binary: not onto a terminal or a string writer.
        Assert.Equal(2, Cli.Run("export", "--format", "parquet", "--db", db).Code);
    }
}
