using System.Text.Json;
using Microsoft.Data.Sqlite;
using Sitrep.Core;
using Sitrep.Ingest;
using Sitrep.Storage;

namespace Sitrep.Cli.Tests.Ledger;

public class LedgerCommandTests
{
    [Fact]
    public void Ingest_reads_every_format_reports_bad_inputs_and_adds_nothing_the_second_time()
    {
        using var dir = new TempDir();
        dir.Write("in/a.txt", Reports.Text(1));
        dir.Write("in/b.html", "<html><head><link rel=canonical href='https://news.example.org/b'><meta property='article:published_time' content='2024-02-03'></head><body><article><h1>Shelling of Kherson</h1><p>Russian artillery shelled Kherson in the morning, injuring two people, the regional administration said.</p></article></body></html>");
        dir.Write("in/c.jsonl", "{\"text\": \"A guided bomb hit a village near Zaporizhzhia, killing one.\", \"url\": \"https://news.example.org/c1\"}\n{\"text\": \"Drones hit Sumy overnight; 12 of 15 were downed.\", \"url\": \"https://news.example.org/c2\"}\n");
        dir.Write("in/d.rss", "<rss><channel><title>Desk</title><item><title>Missiles hit Kyiv</title><link>https://news.example.org/d</link><description>Russia fired six missiles at Kyiv; five were shot down.</description></item></channel></rss>");
        dir.Write("in/bad.json", "{\"text\": ");
        File.WriteAllBytes(dir.Path("in/blob.txt"), [0x50, 0x4B, 0x03, 0x04, 0x00, 0x00, 0x01]);
        dir.Write("in/photo.png", "png");
        var db = dir.Path("ledger.db");

        var first = Cli.Run("ingest", dir.Path("in"), "--db", db);
        Assert.Equal(1, first.Code);
        Assert.Contains("new              5 reports", first.Out, StringComparison.Ordinal);
        Assert.Contains("failed           2 inputs", first.Out, StringComparison.Ordinal);
        Assert.Contains("bad.json: SR009", first.Out, StringComparison.Ordinal);
        Assert.Contains("blob.txt: SR003", first.Out, StringComparison.Ordinal);
        Assert.Contains("skipped          1", first.Out, StringComparison.Ordinal);

        var again = Cli.Run("ingest", dir.Path("in/a.txt"), dir.Path("in/b.html"), dir.Path("in/c.jsonl"), dir.Path("in/d.rss"), "--db", db);
        Assert.Equal(0, again.Code);
        Assert.Contains("new              0 reports", again.Out, StringComparison.Ordinal);
        Assert.Contains("known            5 reports", again.Out, StringComparison.Ordinal);

        // An edited report at the same URL is a new version; both are kept.
        dir.Write("edited/a.txt", Reports.Text(1).Replace("One person was injured", "Two people were injured", StringComparison.Ordinal));
        var edited = Cli.Run("ingest", dir.Path("edited"), "--db", db);
        Assert.Equal(0, edited.Code);
        Assert.Contains("(1 new versions of known URLs)", edited.Out, StringComparison.Ordinal);
        using var conn = new SqliteConnection($"Data Source={db}");
        conn.Open();
        using var cmd = conn.CreateCommand();
        cmd.CommandText = "SELECT COUNT(*), COUNT(DISTINCT content_hash), SUM(version) FROM reports WHERE url = 'https://news.example.org/1'";
        using var r = cmd.ExecuteReader();
        r.Read();
        Assert.Equal((2L, 2L, 3L), (r.GetInt64(0), r.GetInt64(1), r.GetInt64(2)));
    }

    [Fact]
    public void Deferred_reports_wait_for_a_worker()
    {
        using var dir = new TempDir();
        for (var i = 0; i < 5; i++)
        {
            dir.Write($"in/{i}.txt", Reports.Text(i));
        }

        var db = dir.Path("q.db");
        Assert.Equal(0, Cli.Run("ingest", dir.Path("in"), "--db", db, "--defer").Code);
        var counts = Count(db);
        Assert.Equal((5, 5), (counts.Reports, counts.Pending));

        // Listings say what waits for a worker, on stderr (a pipe of the output is unchanged), and how to extract it.
        foreach (var command in new[] { "events", "attacks", "stats" })
        {
            var listed = Cli.Run(command, "--db", db, "--format", "json");
            Assert.Equal(0, listed.Code);
            Assert.Contains($"sitrep {command}: 5 reports are stored but not extracted yet", listed.Err, StringComparison.Ordinal);
            Assert.Contains("run 'sitrep worker --until-empty'", listed.Err, StringComparison.Ordinal);
        }

        Assert.Equal(0, Cli.Run("worker", "--db", db, "--until-empty").Code);
        Assert.DoesNotContain("not extracted", Cli.Run("events", "--db", db).Err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Events_show_export_and_stats_read_the_ledger()
    {
        using var dir = new TempDir();
        var db = dir.Path("ledger.db");
        await using (var store = await EventStore.OpenAsync(StoreLocation.Sqlite(db)))
        {
            var a = new Article("odesa", Reports.Text(0), "Drones target Odesa", "https://news.example.org/odesa", new DateOnly(2024, 5, 14), "Example Wire");
            var b = new Article("other", "Shelling hit Kherson.", "Shelling hit Kherson", null, new DateOnly(2024, 5, 15));
            var other = new ExtractedEvent
            {
                Date = new EventDate(new DateOnly(2024, 5, 15), DatePrecision.Day, "on Wednesday", new TextSpan(0, 3)),
                Attacker = Side.Russia,
                TargetCountry = Country.Ukraine,
                Places = [new PlaceRef("Kherson", new TextSpan(0, 7))],
                Weapons = [new WeaponUse(new WeaponRef(WeaponCategory.Artillery, null), new Evidence(new TextSpan(0, 8), "Shelling"))],
            };
            await store.SaveAsync(
            [
                new ReportSubmission(a, ContentHash.Of(a.Text), "odesa.txt", Reports.Odesa(a), "test/1"),
                new ReportSubmission(b, ContentHash.Of(b.Text), "other.txt", new Sitrep.Core.Extraction(b) { Events = [other] }, "test/1"),
            ]);
        }

        var table = Cli.RunAt(120, "events", "--db", db); // a terminal 120 columns wide
        Assert.Equal(0, table.Code);
        var lines = table.Out.Split('\n');
        Assert.StartsWith("ID", lines[0], StringComparison.Ordinal);
        Assert.Contains("Kherson", lines[1], StringComparison.Ordinal);
        Assert.Contains("2024-05-14n", lines[2], StringComparison.Ordinal);
        Assert.Contains("Shahed-136 (drone) 40/35", lines[2], StringComparison.Ordinal);
        Assert.All(lines.Where(l => l.Length > 0), l => Assert.True(l.Length <= 120, l));
        Assert.Contains(lines, l => l.Length > 80);
        Assert.All(Cli.Run("events", "--db", db).Out.Split('\n'), l => Assert.True(l.Length <= 80, l)); // redirected

        var json = JsonDocument.Parse(Cli.Run("events", "--db", db, "--weapon", "shahed", "--format", "json").Out);
        var ev = Assert.Single(json.RootElement.EnumerateArray());
        Assert.Equal("2024-05-14", ev.GetProperty("date").GetString());
        Assert.Equal(40, ev.GetProperty("weapons")[0].GetProperty("launched").GetInt32());
        // One JSON shape for an event (the extraction's): claims with their evidence span, places with theirs.
        var claim = ev.GetProperty("claims")[0];
        Assert.Equal("the air force", claim.GetProperty("claimed_by").GetString());
        var evidence = claim.GetProperty("evidence");
        Assert.True(evidence.GetProperty("end").GetInt32() > evidence.GetProperty("start").GetInt32());
        Assert.False(string.IsNullOrEmpty(evidence.GetProperty("text").GetString()));
        var place = ev.GetProperty("places")[0];
        Assert.True(place.TryGetProperty("start", out _) && place.TryGetProperty("geo_precision", out _) && place.TryGetProperty("occupied", out _));
        Assert.Equal("https://news.example.org/odesa", ev.GetProperty("report").GetProperty("url").GetString());
        var id = ev.GetProperty("id").GetInt64().ToString(System.Globalization.CultureInfo.InvariantCulture);

        var show = Cli.Run("show", id, "--db", db);
        Assert.Equal(0, show.Code);
        Assert.Contains("launched   40  — the air force (UA)  rule figures/launched", show.Out, StringComparison.Ordinal);
        Assert.Contains("destroyed  at least 35", show.Out, StringComparison.Ordinal);
        Assert.Contains("https://news.example.org/odesa", show.Out, StringComparison.Ordinal);
        Assert.Equal(1, Cli.Run("show", "999", "--db", db).Code);

        var csv = Cli.Run("events", "--db", db, "--format", "csv", "--place", "odesa region").Out.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, csv.Length);
        Assert.StartsWith("id,attack,date,", csv[0], StringComparison.Ordinal);

        var geo = JsonDocument.Parse(Cli.Run("export", "--format", "geojson", "--events", "--db", db).Out).RootElement;
        Assert.Equal("FeatureCollection", geo.GetProperty("type").GetString());
        var features = geo.GetProperty("features").EnumerateArray().ToList();
        Assert.Equal(2, features.Count);
        Assert.Equal(30.73, features[0].GetProperty("geometry").GetProperty("coordinates")[0].GetDouble());
        Assert.Equal(JsonValueKind.Null, features[1].GetProperty("geometry").ValueKind);

        var jsonl = Cli.Run("export", "--format", "jsonl", "--events", "--db", db).Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, jsonl.Length);
        Assert.All(jsonl, l => JsonDocument.Parse(l).Dispose());

        var acled = Cli.Run("export", "--format", "acled", "--events", "--db", db, "--since", "2024-05-14", "--until", "2024-05-14").Out.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, acled.Length);
        Assert.StartsWith("event_id_cnty,event_date,year,time_precision,disorder_type,event_type,sub_event_type,actor1,assoc_actor_1,inter1,actor2,assoc_actor_2,inter2,interaction,civilian_targeting,iso,region,country,admin1,admin2,admin3,location,latitude,longitude,geo_precision,source,source_scale,notes,fatalities,tags,timestamp", acled[0], StringComparison.Ordinal);
        Assert.Contains(",2024-05-14,2024,1,Political violence,Explosions/Remote violence,Air/drone strike,Military Forces of Russia (2000-),,8,,,,80,,804,Europe,Ukraine,Odesa Oblast,,,Odesa,46.48,30.73,1,Example Wire,,", acled[1], StringComparison.Ordinal);

        var outFile = dir.Path("out.csv");
        var export = Cli.Run("export", "--format", "csv", "--events", "--db", db, "--out", outFile);
        Assert.Equal(0, export.Code);
        Assert.Equal(3, File.ReadAllLines(outFile).Length);

        // Never over the store, another SQLite file or a folder; nothing is truncated and no partial file is left.
        var storeBytes = new FileInfo(db).Length;
        var overStore = Cli.Run("export", "--format", "csv", "--db", db, "--out", db);
        Assert.Equal(2, overStore.Code);
        Assert.Contains("is the store being exported", overStore.Err, StringComparison.Ordinal);
        var otherDb = dir.Path("other.db");
        File.Copy(db, otherDb);
        Assert.Equal(2, Cli.Run("export", "--format", "csv", "--db", db, "--out", otherDb).Code);
        Assert.Equal(2, Cli.Run("export", "--format", "csv", "--db", db, "--out", Directory.CreateDirectory(dir.Path("folder")).FullName).Code);
        Assert.Equal(storeBytes, new FileInfo(db).Length);
        Assert.Equal(2, Cli.Run("export", "--format", "jsonl", "--events", "--db", db).Out.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.Empty(Directory.GetFiles(dir.Root, "*.partial"));

        var stats = Cli.Run("stats", "--db", db);
        Assert.Equal(0, stats.Code);
        Assert.Matches(@"2024-05-14\s+RU→UA\s+drone\s+1\s+1\s+40\s+35\s+88%\s+2", stats.Out);
        Assert.Matches(@"2024-05-15\s+RU→UA\s+artillery\s+1\s+1", stats.Out);
        var statsCsv = Cli.Run("stats", "--db", db, "--format", "csv").Out;
        Assert.Contains("2024-05-14,RU,UA,drone,1,1,40,35,0.875,,2", statsCsv, StringComparison.Ordinal);

        // The same ledger as attacks: one per report here (different days), with the event's figures as best.
        var attacks = Cli.Run("attacks", "--db", db, "--format", "jsonl").Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, attacks.Length);
        var odesa = JsonDocument.Parse(attacks.Single(l => l.Contains("Odesa", StringComparison.Ordinal))).RootElement;
        Assert.Equal("2024-05-14", odesa.GetProperty("date").GetString());
        Assert.Equal(40, odesa.GetProperty("figures").GetProperty("drone.launched").GetProperty("best").GetInt32());
        Assert.Equal("odesa", odesa.GetProperty("members")[0].GetProperty("article").GetString());
        Assert.Equal(0, odesa.GetProperty("members")[0].GetProperty("event").GetInt32());
        var attackId = odesa.GetProperty("id").GetString()!;
        var shown = Cli.Run("show", attackId, "--db", db);
        Assert.Equal(0, shown.Code);
        Assert.Contains("drone.launched", shown.Out, StringComparison.Ordinal);
        Assert.Contains("the air force", shown.Out, StringComparison.Ordinal);
        var members = Cli.Run("events", "--db", db, "--attack", attackId, "--format", "csv").Out.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, members.Length);
        var acledAttacks = Cli.Run("export", "--format", "acled", "--db", db).Out.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, acledAttacks.Length);
        Assert.Contains(acledAttacks, l => l.StartsWith("SITREP-A", StringComparison.Ordinal) && l.Contains("Told by 1 report from 1 source", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("events")]
    [InlineData("attacks")]
    [InlineData("show", "A1")]
    [InlineData("stats")]
    [InlineData("export", "--format", "csv")]
    [InlineData("brief", "--date", "2024-05-14")]
    public void A_reading_command_refuses_a_store_that_does_not_exist_and_creates_nothing(params string[] args)
    {
        using var dir = new TempDir();
        var db = dir.Path(Path.Combine("typo", "ledger.db"));
        var r = Cli.Run([.. args, "--db", db]);
        Assert.Equal(3, r.Code);
        Assert.Contains("ST006", r.Err, StringComparison.Ordinal);
        Assert.Contains("sitrep ingest", r.Err, StringComparison.Ordinal);
        Assert.False(Directory.Exists(dir.Path("typo")));
    }

    [Theory]
    [InlineData("events", "--since", "yesterday")]
    [InlineData("events", "--format", "xml")]
    [InlineData("events", "--bogus", "1")]
    [InlineData("export")]
    [InlineData("show")]
    [InlineData("ingest")]
    [InlineData("stats", "--min-launched", "many")]
    public void Usage_mistakes_exit_2_with_a_message(params string[] args)
    {
        var r = Cli.Run(args);
        Assert.Equal(2, r.Code);
        Assert.Contains("--help", r.Err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_store_another_process_is_writing_to_is_a_clear_error_not_a_bad_file()
    {
        using var dir = new TempDir();
        var db = dir.Path("busy.db");
        var report = dir.Write("report.txt", "Russia launched five drones at Kharkiv overnight, the air force said.");
        Assert.Equal(0, Cli.Run("ingest", report, "--db", db, "--quiet").Code);
        await using (var holder = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={db};Pooling=False"))
        {
            await holder.OpenAsync();
            await using (var lockIt = holder.CreateCommand())
            {
                lockIt.CommandText = "BEGIN EXCLUSIVE";
                await lockIt.ExecuteNonQueryAsync();
            }

            var r = await Cli.RunProcessAsync(TimeSpan.FromSeconds(60), p => p.Environment["SITREP_LOCK_WAIT"] = "1", "events", "--db", db);
            Assert.Equal(3, r.Code);
            Assert.Contains("ST007", r.Err, StringComparison.Ordinal);
            Assert.Contains("locked by another process", r.Err, StringComparison.Ordinal);
            Assert.DoesNotContain("Is it a SQLite file", r.Err, StringComparison.Ordinal);
        }

        var bad = await Cli.RunProcessAsync(TimeSpan.FromSeconds(60), p => p.Environment["SITREP_LOCK_WAIT"] = "soon", "events", "--db", db);
        Assert.Equal(3, bad.Code);
        Assert.Contains("ST008", bad.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void A_store_that_cannot_be_opened_is_a_clear_error()
    {
        using var dir = new TempDir();
        var notDb = dir.Write("not-a-db.db", new string('x', 5000));
        var r = Cli.Run("events", "--db", notDb);
        Assert.Equal(3, r.Code);
        Assert.Contains("ST003", r.Err, StringComparison.Ordinal);
        var pg = Cli.Run("events", "--db", "postgres://nobody@127.0.0.1:1/none");
        Assert.Equal(3, pg.Code);
        Assert.Contains("ST005", pg.Err, StringComparison.Ordinal);
    }

    internal static StoreCounts Count(string db)
    {
        var store = EventStore.OpenAsync(StoreLocation.Sqlite(db)).GetAwaiter().GetResult();
        try
        {
            return store.CountAsync().GetAwaiter().GetResult();
        }
        finally
        {
            store.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }
    }
}
