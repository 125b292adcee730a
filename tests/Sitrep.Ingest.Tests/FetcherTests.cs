using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Sitrep.Ingest;

namespace Sitrep.Ingest.Tests;

/// <summary>Fetching against a local server on 127.0.0.1 that misbehaves on purpose.</summary>
public sealed class FetcherTests
{
    private const string Report = "Drones hit Sumy overnight, the regional governor said. Two people were hurt.";

    private static async Task Respond(string path, Stream s, CancellationToken ct)
    {
        switch (path)
        {
            case "/to-file":
                await Head(s, "302 Found", "Location: file:///etc/passwd");
                break;
            case "/to-ftp":
                await Head(s, "301 Moved Permanently", "Location: ftp://files.example/report.txt");
                break;
            case "/hop":
                await Head(s, "302 Found", "Location: /report");
                break;
            case "/report":
                await Head(s, "200 OK", "Content-Type: text/plain", $"Content-Length: {Encoding.UTF8.GetByteCount(Report)}");
                await s.WriteAsync(Encoding.UTF8.GetBytes(Report), ct);
                break;
            case "/loop":
                await Head(s, "302 Found", "Location: /loop");
                break;
            case "/to-big":
                await Head(s, "307 Temporary Redirect", "Location: /big");
                break;
            case "/big":
                // No length declared: only the counted read can stop it.
                await Head(s, "200 OK", "Content-Type: text/plain");
                await s.WriteAsync(Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat(Report + "\n", 200))), ct);
                break;
            case "/trickle":
                await Head(s, "200 OK", "Content-Type: text/plain", "Content-Length: 100000");
                while (!ct.IsCancellationRequested)
                {
                    await s.WriteAsync("x"u8.ToArray(), ct);
                    await s.FlushAsync(ct);
                    await Task.Delay(100, ct);
                }

                break;
            default:
                await Head(s, "404 Not Found", "Content-Length: 0");
                break;
        }
    }

    private static Task Head(Stream s, string status, params string[] headers) =>
        s.WriteAsync(Encoding.ASCII.GetBytes($"HTTP/1.1 {status}\r\n{string.Concat(headers.Select(h => h + "\r\n"))}Connection: close\r\n\r\n")).AsTask();

    private static async Task<(ReadResult Result, TimeSpan Took)> Fetch(string path, long maxBytes = FileLoader.DefaultMaxBytes, double deadlineSeconds = 10)
    {
        await using var server = new LocalServer(Respond);
        using var http = ReportFetcher.CreateClient();
        var fetcher = new ReportFetcher(http, maxBytes, TimeSpan.FromSeconds(deadlineSeconds));
        var clock = Stopwatch.StartNew();
        var (result, _) = await fetcher.FetchAsync(server.Url(path)).WaitAsync(TimeSpan.FromSeconds(30));
        return (result, clock.Elapsed);
    }

    [Theory]
    [InlineData("/to-file", "file:///etc/passwd")]
    [InlineData("/to-ftp", "ftp://files.example/report.txt")]
    public async Task A_redirect_to_another_scheme_is_refused(string path, string target)
    {
        var (r, _) = await Fetch(path);
        Assert.Equal("SR010", r.Error?.Code);
        Assert.Contains($"redirects to '{target}', which is not an http(s) address", r.Error?.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_redirect_to_http_is_followed_and_the_report_keeps_the_address_asked_for()
    {
        var (r, _) = await Fetch("/hop");
        Assert.True(r.Ok, r.Error?.ToString());
        var a = Assert.Single(r.Articles);
        Assert.EndsWith("/hop", a.Url, StringComparison.Ordinal);
        Assert.Contains("Drones hit Sumy", a.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Endless_redirects_stop()
    {
        var (r, _) = await Fetch("/loop");
        Assert.Contains($"redirected more than {ReportFetcher.MaxRedirects} times", r.Error?.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_size_cap_holds_after_a_redirect_without_a_declared_length()
    {
        var (r, _) = await Fetch("/to-big", maxBytes: 4096);
        Assert.Equal("SR005", r.Error?.Code);
    }

    [Fact]
    public async Task A_body_that_trickles_is_cut_off_at_the_deadline()
    {
        var (r, took) = await Fetch("/trickle", deadlineSeconds: 1.5);
        Assert.Equal("SR010", r.Error?.Code);
        Assert.Contains("did not finish within", r.Error?.Message, StringComparison.Ordinal);
        Assert.True(took < TimeSpan.FromSeconds(15), $"{took}");
    }
}

/// <summary>A one-route-per-path HTTP/1.1 server on 127.0.0.1 (a port of its own), one connection per request.</summary>
internal sealed class LocalServer : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    public LocalServer(Func<string, Stream, CancellationToken, Task> respond)
    {
        _listener.Start();
        _loop = Task.Run(() => LoopAsync(respond));
    }

    public string Url(string path) => $"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}{path}";

    private async Task LoopAsync(Func<string, Stream, CancellationToken, Task> respond)
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            _ = Task.Run(async () =>
            {
                using (client)
                {
                    try
                    {
                        var stream = client.GetStream();
                        await respond(await PathOf(stream), stream, _stop.Token);
                    }
                    catch (Exception e) when (e is IOException or OperationCanceledException or SocketException or ObjectDisposedException)
                    {
                    }
                }
            });
        }
    }

    private static async Task<string> PathOf(Stream s)
    {
        var head = new StringBuilder();
        var one = new byte[1];
        while (!head.ToString().EndsWith("\r\n\r\n", StringComparison.Ordinal) && await s.ReadAsync(one) == 1)
        {
            head.Append((char)one[0]);
        }

        var first = head.ToString().Split("\r\n")[0].Split(' ');
        return first.Length > 1 ? first[1] : "/";
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        try
        {
            await _loop;
        }
        catch (OperationCanceledException)
        {
        }

        _stop.Dispose();
    }
}
