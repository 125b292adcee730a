using System.Diagnostics;
using System.Text.Json;

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
}
