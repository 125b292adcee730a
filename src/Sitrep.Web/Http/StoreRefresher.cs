using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Sitrep.Storage;

namespace Sitrep.Web.Http;

/// <summary>
/// Keeps the slow answers ready: ten seconds after the server starts listening it asks for the dashboard's whole-ledger view (stats and
/// places over every attack, seconds on a store of 100,000), and every two seconds it looks at the store's change
/// version; after a write it asks again the questions that were slow to read (<see cref="StoreFreshness.SlowQuestions"/>),
/// so the next person to ask finds them ready, or joins the reading already under way, instead of starting one.
/// It asks through the server itself, as a client would, so the answers are the endpoints' own. Nothing when the
/// store has no version or the server no address (a test host).
/// </summary>
internal sealed class StoreRefresher(IServiceProvider services) : BackgroundService
{
    public static readonly TimeSpan Every = TimeSpan.FromSeconds(2);

    /// <summary>The whole-ledger view's slow requests, read once when the server starts.</summary>
    private static readonly string[] AtStart = ["/api/stats", "/api/places?level=admin1"];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (services.GetRequiredService<IEventStore>() is not IStoreVersion versions)
        {
            return;
        }

        var freshness = services.GetRequiredService<StoreFreshness>();
        var started = services.GetRequiredService<IHostApplicationLifetime>().ApplicationStarted;
        if (!started.IsCancellationRequested)
        {
            var ready = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            using (started.Register(() => ready.TrySetResult()))
            using (stoppingToken.Register(() => ready.TrySetCanceled(stoppingToken)))
            {
                await ready.Task.ConfigureAwait(false);
            }
        }

        var address = services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault();
        if (address is null || !Uri.TryCreate(SitrepWebApp.Loopback(address), UriKind.Absolute, out var root))
        {
            return;
        }

        using var http = new HttpClient(new SocketsHttpHandler { UseProxy = false }) { BaseAddress = root, Timeout = TimeSpan.FromMinutes(2) };
        string? seen = null;
        if (services.GetRequiredService<ServeOptions>().WholeLedgerAfter is { } after)
        {
            await Task.Delay(after, stoppingToken).ConfigureAwait(false);
            seen = await Current(versions, stoppingToken).ConfigureAwait(false); // a write from now on is seen at the next tick
            await AskAsync(http, AtStart, stoppingToken).ConfigureAwait(false);
        }

        seen ??= await Current(versions, stoppingToken).ConfigureAwait(false);
        using var timer = new PeriodicTimer(Every);
        do
        {
            try
            {
                var now = await versions.ChangeVersionAsync(stoppingToken).ConfigureAwait(false);
                if (now is not null && seen is not null && !string.Equals(now, seen, StringComparison.Ordinal))
                {
                    services.GetRequiredService<AttackReadModels>().For(now); // read the attacks of the new version into memory, in the background
                    await AskAsync(http, freshness.SlowQuestions, stoppingToken).ConfigureAwait(false);
                }

                seen = now ?? seen;
            }
#pragma warning disable CA1031 // A store that fails to answer now may answer at the next tick; it must not stop the server.
            catch (Exception) when (!stoppingToken.IsCancellationRequested)
#pragma warning restore CA1031
            {
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }

    private static async Task<string?> Current(IStoreVersion versions, CancellationToken ct)
    {
        try
        {
            return await versions.ChangeVersionAsync(ct).ConfigureAwait(false);
        }
#pragma warning disable CA1031 // As above: the loop asks again.
        catch (Exception) when (!ct.IsCancellationRequested)
#pragma warning restore CA1031
        {
            return null;
        }
    }

    /// <summary>HEAD: the server reads and keeps the answer, and sends none of it.</summary>
    private static async Task AskAsync(HttpClient http, IEnumerable<string> paths, CancellationToken ct)
    {
        foreach (var path in paths)
        {
            try
            {
                using var request = new HttpRequestMessage(HttpMethod.Head, path);
                using var response = await http.SendAsync(request, ct).ConfigureAwait(false);
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException) when (!ct.IsCancellationRequested)
            {
            }
        }
    }
}
