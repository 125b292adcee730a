using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Sitrep.Cli.Tests.Ledger;

public class WatchTests
{
    private static string Feed(int items)
    {
        var sb = new StringBuilder("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Test desk</title>");
        for (var i = 0; i < items; i++)
        {
            sb.Append(System.Globalization.CultureInfo.InvariantCulture, $"<item><title>Drones over Sumy, update {i}</title><link>http://feeds.test/item/{i}</link>")
              .Append(System.Globalization.CultureInfo.InvariantCulture, $"<pubDate>Sun, 02 Jun 2024 0{i}:00:00 +0300</pubDate><description>Russia launched {10 + i} drones at Sumy overnight; {8 + i} were shot down, the air force said.</description></item>");
        }

        return sb.Append("</channel></rss>").ToString();
    }

    [Fact]
    public async Task Watch_polls_a_feed_on_loopback_and_stores_only_new_items()
    {
        using var dir = new TempDir();
        var db = dir.Path("watch.db");
        var port = FreePort();
        using var listener = new HttpListener();
        listener.Prefixes.Add($"http://127.0.0.1:{port}/");
        listener.Start();

        // Round 1 sees two items, round 2 three (one new), round 3 asks again and is told nothing changed.
        var requests = 0;
        var conditional = 0;
        using var serverStop = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var server = Task.Run(async () =>
        {
            while (!serverStop.IsCancellationRequested)
            {
                HttpListenerContext ctx;
                try
                {
                    ctx = await listener.GetContextAsync().WaitAsync(serverStop.Token);
                }
                catch (Exception e) when (e is OperationCanceledException or HttpListenerException or ObjectDisposedException)
                {
                    break;
                }

                var n = Interlocked.Increment(ref requests);
                var etag = n == 1 ? "\"v1\"" : "\"v2\"";
                if (ctx.Request.Headers["If-None-Match"] == etag)
                {
                    Interlocked.Increment(ref conditional);
                    ctx.Response.StatusCode = 304;
                    ctx.Response.Close();
                    continue;
                }

                var body = Encoding.UTF8.GetBytes(Feed(n == 1 ? 2 : 3));
                ctx.Response.ContentType = "application/rss+xml";
                ctx.Response.Headers["ETag"] = etag;
                ctx.Response.ContentLength64 = body.Length;
                await ctx.Response.OutputStream.WriteAsync(body);
                ctx.Response.Close();
            }
        });

        var feed = $"http://127.0.0.1:{port}/feed.xml";
        var run = await Task.Run(() => Cli.Run("watch", feed, "--every", "1s", "--times", "3", "--db", db));
        await serverStop.CancelAsync();
        listener.Stop();
        await server;

        Assert.True(run.Code == 0, run.Out + run.Err);
        var lines = run.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, lines.Length);
        Assert.EndsWith($"{feed}: 2 new, 0 known", lines[0], StringComparison.Ordinal);
        Assert.EndsWith($"{feed}: 1 new, 2 known", lines[1], StringComparison.Ordinal);
        Assert.EndsWith($"{feed}: 0 new, 0 known (not changed)", lines[2], StringComparison.Ordinal);
        Assert.Equal(1, conditional);
        Assert.Equal(3, LedgerCommandTests.Count(db).Reports);
    }

    [Fact]
    public void Watch_reports_an_unreachable_feed_and_exits_1()
    {
        using var dir = new TempDir();
        var port = FreePort();
        var run = Cli.Run("watch", $"http://127.0.0.1:{port}/none.xml", "--times", "1", "--db", dir.Path("w.db"));
        Assert.Equal(1, run.Code);
        Assert.Contains("SR010", run.Out, StringComparison.Ordinal);
    }

    private static int FreePort()
    {
        using var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        return ((IPEndPoint)l.LocalEndpoint).Port;
    }
}
