using System.Diagnostics;
using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace Sitrep.Cli.Tests.Ledger;

/// <summary>Careless and hostile command lines and folders: a coded line and the documented exit code, never a crash or a hang.</summary>
public sealed class HostileCliTests
{
    [Fact]
    public async Task Extract_and_ingest_walk_a_folder_of_loops_dangling_links_and_a_fifo_alike()
    {
        using var dir = new TempDir();
        var a = dir.Write("in/a.txt", Reports.Text(1));
        dir.Write("in/sub/b.txt", Reports.Text(2));
        Directory.CreateSymbolicLink(dir.Path("in/sub/up"), "..");
        Directory.CreateSymbolicLink(dir.Path("in/sub/root"), dir.Path("in"));
        File.CreateSymbolicLink(dir.Path("in/c-link.txt"), a);
        File.CreateSymbolicLink(dir.Path("in/gone.txt"), dir.Path("nowhere.txt"));
        using (var mk = Process.Start(new ProcessStartInfo("mkfifo", dir.Path("in/pipe.txt")) { UseShellExecute = false })!)
        {
            await mk.WaitForExitAsync();
        }

        var extract = await Task.Run(() => Cli.Run("extract", dir.Path("in"), "--format", "jsonl")).WaitAsync(TimeSpan.FromSeconds(60));
        Assert.Equal(1, extract.Code);
        Assert.Equal(2, extract.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length); // a.txt and b.txt, each once
        Assert.Contains("gone.txt' is a link to", extract.Err, StringComparison.Ordinal);
        Assert.Contains("SR002", extract.Err, StringComparison.Ordinal);
        Assert.Contains("2 of 4 inputs could not be read", extract.Err, StringComparison.Ordinal);

        var ingest = await Task.Run(() => Cli.Run("ingest", dir.Path("in"), "--db", dir.Path("l.db"))).WaitAsync(TimeSpan.FromSeconds(60));
        Assert.Equal(1, ingest.Code);
        Assert.Contains("new              2 reports", ingest.Out, StringComparison.Ordinal);
        Assert.Contains("failed           2 inputs", ingest.Out, StringComparison.Ordinal);
        Assert.Contains("gone.txt: SR001", ingest.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Extract_keeps_the_good_records_of_a_partly_bad_json_lines_file()
    {
        using var dir = new TempDir();
        var file = dir.Write("batch.jsonl", """
            {"text": "Russia launched 30 drones at Odesa overnight; 25 were shot down, the air force said.", "url": "https://news.example.org/j1", "published": "2024-05-02"}
            {"text": 
            {"text": "A missile hit a warehouse in Dnipro on Friday, injuring three workers.", "url": "https://news.example.org/j3", "published": "2024-05-03"}
            """);
        var r = Cli.Run("extract", file, "--format", "jsonl");
        Assert.Equal(1, r.Code);
        var urls = r.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement.GetProperty("url").GetString()).ToList();
        Assert.Equal(["https://news.example.org/j1", "https://news.example.org/j3"], urls);
        Assert.Contains("SR015", r.Err, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("postgres://analyst:s3cret-pw@db.example:notaport/ledger")]
    [InlineData("postgresql://analyst:s3cret-pw@db.example:99999999/ledger")]
    [InlineData("Host=db.example;Username=analyst;Password=s3cret-pw;Colour=blue")]
    public void A_malformed_postgres_address_is_a_coded_line_without_the_password(string db)
    {
        foreach (var command in new[] { new[] { "events" }, ["ingest", "x.txt"] })
        {
            var r = Cli.Run([.. command, "--db", db]);
            Assert.Equal(3, r.Code);
            Assert.Contains("ST001", r.Err, StringComparison.Ordinal);
            Assert.DoesNotContain("s3cret-pw", r.Err + r.Out, StringComparison.Ordinal);
            Assert.Single(r.Err.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        }
    }

    [Theory]
    [InlineData("100000h")]
    [InlineData("8d")]
    [InlineData("99999999999999999999999h")]
    public void Watch_refuses_an_absurd_interval_before_it_starts(string every)
    {
        using var dir = new TempDir();
        var r = Cli.Run("watch", "http://127.0.0.1:9/feed.xml", "--every", every, "--db", dir.Path("w.db"));
        Assert.Equal(2, r.Code);
        Assert.Contains($"--every '{every}'", r.Err, StringComparison.Ordinal);
        Assert.False(File.Exists(dir.Path("w.db")));
    }

    [Fact]
    public async Task A_full_disk_behind_stdout_is_one_line_and_exit_1()
    {
        if (!File.Exists("/dev/full"))
        {
            return;
        }

        using var dir = new TempDir();
        var file = dir.Write("a.txt", Reports.Text(4));
        var psi = new ProcessStartInfo("bash") { RedirectStandardError = true, UseShellExecute = false };
        psi.ArgumentList.Add("-c");
        psi.ArgumentList.Add("exec dotnet \"$0\" extract \"$1\" > /dev/full");
        psi.ArgumentList.Add(Cli.Dll);
        psi.ArgumentList.Add(file);
        psi.Environment.Remove("SITREP_DB");
        using var p = Process.Start(psi)!;
        var err = p.StandardError.ReadToEndAsync();
        await p.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));
        Assert.Equal(1, p.ExitCode);
        var text = await err;
        Assert.Contains("sitrep extract: the output could not be written (No space left on device)", text, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Unhandled", text, StringComparison.Ordinal);
    }

    /// <summary>A store of two reports, and a check that it is whole and still holds them.</summary>
    private static string Store(TempDir dir)
    {
        var db = dir.Path("s.db");
        var r = Cli.Run("ingest", dir.Write("r1.txt", Reports.Text(1)), dir.Write("r2.txt", Reports.Text(2)), "--db", db);
        Assert.Equal(0, r.Code);
        return db;
    }

    private static void Intact(string db, long reports)
    {
        using var conn = new SqliteConnection($"Data Source={db};Pooling=False;Mode=ReadOnly");
        conn.Open();
        using var check = conn.CreateCommand();
        check.CommandText = "PRAGMA integrity_check";
        Assert.Equal("ok", check.ExecuteScalar());
        using var count = conn.CreateCommand();
        count.CommandText = "SELECT COUNT(*) FROM reports";
        Assert.Equal(reports, (long)count.ExecuteScalar()!);
    }

    [Fact]
    public void Truncated_utf8_is_told_as_cut_not_as_another_encoding_and_the_store_keeps_its_reports()
    {
        using var dir = new TempDir();
        var db = Store(dir);
        var bytes = System.Text.Encoding.UTF8.GetBytes("published: 2024-05-02\n---\nДрони атакували Одесу вночі, збито 20 з 30, поранено двох");
        var cut = dir.Path("cut.txt");
        File.WriteAllBytes(cut, bytes[..^1]); // the last letter's second byte lost
        var extract = Cli.Run("extract", cut);
        Assert.Equal(1, extract.Code);
        Assert.Contains("cut.txt' is UTF-8 cut off in the middle of its last character", extract.Err, StringComparison.Ordinal);
        Assert.DoesNotContain("iconv -f WINDOWS-1251", extract.Err, StringComparison.Ordinal);

        var damaged = dir.Path("damaged.txt");
        var bad = bytes.ToArray();
        bad[40] = 0xFF;
        File.WriteAllBytes(damaged, bad);
        var ingest = Cli.Run("ingest", damaged, "--db", db);
        Assert.Equal(1, ingest.Code);
        Assert.Contains("damaged.txt' is UTF-8 with ", ingest.Out, StringComparison.Ordinal);
        Assert.Contains("SR004", ingest.Out, StringComparison.Ordinal);
        Assert.Contains("damaged byte sequence", ingest.Out, StringComparison.Ordinal);
        Intact(db, 2);

        var cp1251 = dir.Path("cp1251.txt");
        File.WriteAllBytes(cp1251, [0xC4, 0xF0, 0xEE, 0xED, 0xE8, 0x20, 0xE0, 0xF2, 0xE0, 0xEA, 0xF3, 0xE2, 0xE0, 0xEB, 0xE8, 0x2E]); // "Дрони атакували." in windows-1251
        Assert.Contains("iconv -f WINDOWS-1251", Cli.Run("extract", cp1251).Err, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("1/2/2024")]
    [InlineData("2024/01/02")]
    [InlineData("Jan 2 2024")]
    public void Published_takes_only_yyyy_mm_dd_as_its_help_says(string date)
    {
        using var dir = new TempDir();
        var file = dir.Write("undated.txt", "Drones hit Odesa\nRussia launched 30 drones at Odesa overnight; 20 were shot down.\n");
        var r = Cli.Run("extract", file, "--published", date);
        Assert.Equal(2, r.Code);
        Assert.Contains($"--published '{date}' is not a date; write it as YYYY-MM-DD.", r.Err, StringComparison.Ordinal);
        Assert.Equal("", r.Out);
        var db = dir.Path("s.db");
        var ingest = Cli.Run("ingest", file, "--published", date, "--db", db);
        Assert.Equal(2, ingest.Code);
        Assert.False(File.Exists(db));
        Assert.Equal(0, Cli.Run("extract", file, "--published", "2024-01-02").Code);
    }

    [Theory]
    [InlineData("events", "%")]
    [InlineData("attacks", "*")]
    [InlineData("stats", " -- ")]
    [InlineData("export", "%")]
    public void A_place_of_only_punctuation_is_a_usage_error_not_no_filter(string command, string place)
    {
        using var dir = new TempDir();
        var db = Store(dir);
        var r = Cli.Run(command, "--place", place, "--db", db, "--format", command == "export" ? "csv" : "json");
        Assert.Equal(2, r.Code);
        Assert.Contains($"--place '{place}' names no place (no letter or digit)", r.Err, StringComparison.Ordinal);
        Assert.Equal("", r.Out);
        Intact(db, 2);
        Assert.Equal(0, Cli.Run(command, "--place", "Odesa", "--db", db, "--format", command == "export" ? "csv" : "json").Code);
    }

    [Fact]
    public void An_escaped_lone_surrogate_in_json_costs_its_record_not_the_process_or_the_store()
    {
        using var dir = new TempDir();
        var db = Store(dir);
        const string good = "{\"text\": \"Russia launched 30 drones at Odesa overnight; 20 were shot down.\", \"url\": \"https://news.example.org/ok\", \"published\": \"2024-05-02\"}";
        var named = dir.Write("named.json", "{\"\\ud800\": 1, \"text\": \"Drones hit Sumy overnight.\", \"url\": \"https://news.example.org/u\"}");
        var valued = dir.Write("valued.json", "[" + good + ", {\"text\": \"Drones hit Sumy\\ud800 overnight.\", \"\\udfff\": \"x\"}]");
        var lines = dir.Write("lines.jsonl", "{\"\\ud800\": \"x\", \"text\": \"Drones hit Sumy overnight.\"}\n" + good + "\n");
        var page = dir.Write("page.html", "<html><head><script type=\"application/ld+json\">{\"\\ud800\": 1, \"datePublished\": \"2024-05-02\"}</script></head><body><p>Drones hit Sumy overnight, injuring two.</p></body></html>");

        var one = Cli.Run("extract", named, "--format", "jsonl");
        Assert.Equal(1, one.Code);
        Assert.Contains("SR009", one.Err, StringComparison.Ordinal);
        Assert.Contains("not valid Unicode", one.Err, StringComparison.Ordinal);
        Assert.DoesNotContain("Unhandled", one.Err, StringComparison.Ordinal);

        foreach (var file in new[] { valued, lines })
        {
            var r = Cli.Run("extract", file, "--format", "jsonl");
            Assert.Equal(1, r.Code);
            Assert.Contains("SR015", r.Err, StringComparison.Ordinal);
            Assert.Single(r.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries)); // the good record, kept
        }

        Assert.Equal(0, Cli.Run("extract", page, "--format", "jsonl").Code);

        var ingest = Cli.Run("ingest", named, valued, lines, page, "--db", db);
        Assert.Equal(1, ingest.Code);
        Assert.Contains("new              2 reports", ingest.Out, StringComparison.Ordinal); // the good record (once) and the page
        Intact(db, 4);
    }
}
