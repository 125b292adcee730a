using System.Diagnostics;

namespace Sitrep.Cli.Tests.Ledger;

/// <summary><c>sitrep serve</c> as a person runs it: loopback by default, says where it listens, answers, stops on Ctrl-C (SIGINT).</summary>
public class ServeCommandTests
{
    private static int FreePort()
    {
        using var l = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        l.Start();
        return ((System.Net.IPEndPoint)l.LocalEndpoint).Port;
    }

    [Fact]
    public async Task It_listens_on_loopback_says_where_answers_and_stops_cleanly_on_Ctrl_C()
    {
        using var dir = new TempDir();
        var db = dir.Path("ledger.db");
        var port = FreePort();
        // As from a terminal, where Ctrl-C is not ignored: a runner that starts the tests as a background job of a
        // non-interactive shell leaves SIGINT ignored, and an ignored signal is inherited, so reset it for the server.
        var start = Cli.Start("serve", "--db", db, "--urls", $"http://127.0.0.1:{port}");
        if (File.Exists("/usr/bin/env"))
        {
            start.ArgumentList.Insert(0, start.FileName);
            start.ArgumentList.Insert(0, "--default-signal=INT");
            start.FileName = "/usr/bin/env";
        }

        using var p = Process.Start(start)!;
        var stderr = p.StandardError.ReadToEndAsync();
        try
        {
            var first = await p.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(60));
            Assert.Equal($"sitrep serve: listening on http://127.0.0.1:{port} (dashboard http://127.0.0.1:{port}/, API http://127.0.0.1:{port}/api)", first);
            using var http = new HttpClient();
            var page = await http.GetStringAsync($"http://127.0.0.1:{port}/api/attacks");
            Assert.Equal("{\"attacks\":[],\"next\":null}", page);
            // Ctrl-C: SIGINT to the server's own process.
            using (var ctrlC = Process.Start("kill", ["-INT", p.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
            {
                await ctrlC.WaitForExitAsync();
            }

            var rest = p.StandardOutput.ReadToEndAsync();
            try
            {
                await p.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));
            }
            catch (TimeoutException)
            {
                p.Kill(entireProcessTree: true);
                Assert.Fail($"sitrep serve did not stop within 60 s of Ctrl-C; it wrote:\n{await rest}\nand on stderr:\n{await stderr}");
            }

            var output = await rest;
            Assert.Equal(0, p.ExitCode);
            Assert.Contains("sitrep serve: stopped.", output, StringComparison.Ordinal);
            Assert.Contains("read-only", output, StringComparison.Ordinal);
            Assert.DoesNotContain("Unhandled", await stderr, StringComparison.Ordinal);
            await Assert.ThrowsAnyAsync<HttpRequestException>(() => http.GetStringAsync($"http://127.0.0.1:{port}/api/attacks"));
        }
        finally
        {
            if (!p.HasExited)
            {
                p.Kill(entireProcessTree: true);
            }
        }
    }

    [Fact]
    public void A_bad_address_is_a_usage_error()
    {
        var r = Cli.Run("serve", "--urls", "ftp://127.0.0.1:21");
        Assert.Equal(2, r.Code);
        Assert.Contains("is not an http:// address", r.Err, StringComparison.Ordinal);
    }
}
