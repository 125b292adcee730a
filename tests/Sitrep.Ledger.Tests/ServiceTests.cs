using Microsoft.Extensions.Time.Testing;
using Sitrep.Core;
using Sitrep.Ingest;
using Sitrep.Ledger.Services;
using Sitrep.Storage;

namespace Sitrep.Ledger.Tests;

public sealed class ServiceTests : IAsyncLifetime
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), $"sitrep-ledger-tests-{Guid.NewGuid():N}");
    private IEventStore _store = null!;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_dir);
        _store = await EventStore.OpenAsync(StoreLocation.Sqlite(Path.Combine(_dir, "s.db")));
    }

    public async Task DisposeAsync()
    {
        await _store.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
    }

    private async Task Queue(int n, int from = 0)
    {
        var batch = Enumerable.Range(from, n).Select(i =>
        {
            var a = new Article($"r{i}", $"Drones struck Sumy overnight, report {i} says.", Published: new DateOnly(2024, 5, 14));
            return new ReportSubmission(a, ContentHash.Of(a.Text), $"r{i}.txt", null);
        }).ToList();
        await _store.SaveAsync(batch);
    }

    [Fact]
    public async Task A_worker_until_empty_does_the_queue_and_stops()
    {
        await Queue(5);
        var worker = new WorkerService(_store, LedgerExtractor.Create(null), new WorkerOptions { Batch = 2, UntilEmpty = true, Parallelism = 1 });
        var seen = new List<long>();
        var done = await worker.RunAsync(new Collect(seen), CancellationToken.None);
        Assert.Equal(5, done.Done);
        Assert.Equal([2, 4, 5, 5], seen);
        Assert.Equal(0, (await _store.CountAsync()).Pending);
    }

    [Fact]
    public async Task A_waiting_worker_polls_on_its_clock_and_stops_when_cancelled()
    {
        var time = new FakeTimeProvider();
        using var stop = new CancellationTokenSource();
        var seen = new List<long>();
        var worker = new WorkerService(_store, LedgerExtractor.Create(null), new WorkerOptions { Batch = 10, Poll = TimeSpan.FromMinutes(1), Parallelism = 1 }, time);
        var run = worker.RunAsync(new Collect(seen), stop.Token);

        // Nothing pending: the worker waits a minute of its clock, not of the wall's.
        await WaitFor(() => seen.Count >= 1);
        await Queue(3);
        Assert.False(run.IsCompleted);
        time.Advance(TimeSpan.FromMinutes(1));
        await WaitFor(() => seen.Contains(3));
        Assert.Equal(0, (await _store.CountAsync()).Pending);

        stop.Cancel();
        var done = await run.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(3, done.Done);
    }

    [Fact]
    public async Task A_slow_feed_does_not_hold_back_the_others_of_its_round()
    {
        // Two feeds on loopback: the first answers only once the second has been read and reported, so a round that
        // reads them one after another never ends (the test times out).
        using var listener = new System.Net.HttpListener();
        var port = FreePort();
        listener.Prefixes.Add($"http://127.0.0.1:{port}/");
        listener.Start();
        var fastReported = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var serverStop = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        var server = Task.Run(async () =>
        {
            var pending = new List<Task>();
            while (!serverStop.IsCancellationRequested)
            {
                System.Net.HttpListenerContext ctx;
                try
                {
                    ctx = await listener.GetContextAsync().WaitAsync(serverStop.Token);
                }
                catch (Exception e) when (e is OperationCanceledException or System.Net.HttpListenerException or ObjectDisposedException)
                {
                    break;
                }

                pending.Add(Task.Run(async () =>
                {
                    var slow = ctx.Request.Url!.AbsolutePath.Contains("slow", StringComparison.Ordinal);
                    if (slow)
                    {
                        await fastReported.Task.WaitAsync(TimeSpan.FromSeconds(20));
                    }

                    var body = System.Text.Encoding.UTF8.GetBytes(
                        $"<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Desk</title><item><title>Drones over Sumy</title><link>http://feeds.test/{(slow ? "s" : "f")}/1</link><description>Russia launched 12 drones at Sumy overnight.</description></item></channel></rss>");
                    ctx.Response.ContentType = "application/rss+xml";
                    ctx.Response.ContentLength64 = body.Length;
                    await ctx.Response.OutputStream.WriteAsync(body);
                    ctx.Response.Close();
                }));
            }

            await Task.WhenAll(pending);
        });

        using var http = new HttpClient();
        var watch = new WatchService(_store, null, new ReportFetcher(http), new IngestOptions());
        var order = new List<string>();
        var feeds = new[] { $"http://127.0.0.1:{port}/slow.xml", $"http://127.0.0.1:{port}/fast.xml" };
        void Reported(FeedRound r)
        {
            order.Add(r.Feed);
            if (r.Feed == feeds[1])
            {
                fastReported.TrySetResult();
            }
        }

        var allRead = await watch.RunAsync(feeds, TimeSpan.FromSeconds(1), 1, Reported, CancellationToken.None)
            .WaitAsync(TimeSpan.FromSeconds(45));
        await serverStop.CancelAsync();
        listener.Stop();
        await server;

        Assert.True(allRead);
        Assert.Equal([feeds[1], feeds[0]], order);
        Assert.Equal(2, (await _store.CountAsync()).Pending);
    }

    private static int FreePort()
    {
        using var l = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        l.Start();
        return ((System.Net.IPEndPoint)l.LocalEndpoint).Port;
    }

    private static async Task WaitFor(Func<bool> condition)
    {
        for (var i = 0; i < 600 && !condition(); i++)
        {
            await Task.Delay(50);
        }

        Assert.True(condition());
    }

    /// <summary>Reports progress as it happens (Progress&lt;T&gt; would post it later).</summary>
    private sealed class Collect(List<long> seen) : IProgress<WorkerProgress>
    {
        public void Report(WorkerProgress value)
        {
            lock (seen)
            {
                seen.Add(value.Done);
            }
        }
    }
}
