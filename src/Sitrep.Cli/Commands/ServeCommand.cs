using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Sitrep.Storage;
using Sitrep.Web;

namespace Sitrep.Cli.Commands;

/// <summary><c>sitrep serve [--db DB] [--urls URLS]</c>: the HTTP API and the dashboard over the ledger, on this machine.</summary>
internal sealed class ServeCommand : ICommand
{
    public IReadOnlyList<OptionSpec> Options { get; } = [new("urls", "URLS"), new("max-body", "BYTES"), new("posts-per-minute", "N"), Ledger.DbOption];

    public OperandSpec Operands => OperandSpec.None;

    public string Name => "serve";

    public string Summary => "Serve the ledger: an HTTP API and a map-and-timeline dashboard.";

    public string Usage => $"""
        Usage: sitrep serve [--db DB] [--urls URLS] [--max-body BYTES] [--posts-per-minute N]

        Starts a web server over the ledger: the dashboard at / (a map of the attacks, a timeline of
        launched and destroyed per weapon family, a table, and each attack with the words of every
        report behind its figures), the JSON API under /api (the CLI's JSON shapes: attacks, events,
        reports, stats, places, exports), its OpenAPI document at /openapi/v1.json and its page at /api.
        Everything is served from this machine: the page loads nothing from the internet.

          --urls URLS        where to listen (default {ServeOptions.DefaultUrls}: this machine only);
                             several separated by ';'. Use another address only on a network you trust.
          --max-body BYTES   the largest request body (default 4194304)
          --posts-per-minute N   report posts one client may make a minute (default 30)
        {Ledger.DbUsage}
        The server is read-only unless SITREP_API_KEY is set: then POST /api/reports stores a report
        or a batch (text, HTML, JSON, JSON Lines, a feed) for clients that send the key
        ('Authorization: Bearer KEY' or 'X-Api-Key: KEY').

        Ctrl-C (or SIGTERM) stops it. Exit code: 0 after a clean stop, 1 when it could not listen,
        2 for a usage mistake, 3 when the store could not be used.
        """;

    public int Run(CommandLine args, CliConsole console)
    {
        var location = Ledger.Location(args);
        var urls = args.Get("urls") ?? ServeOptions.DefaultUrls;
        var maxBody = Ledger.Int(args, "max-body");
        var posts = Ledger.Int(args, "posts-per-minute");
        Ledger.RejectUnknown(args);
        var addresses = urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (addresses.Length == 0)
        {
            throw new UsageException("--urls names no address; write it like http://127.0.0.1:8080.");
        }

        foreach (var a in addresses)
        {
            if (!Uri.TryCreate(a, UriKind.Absolute, out var u) || u.Scheme != Uri.UriSchemeHttp)
            {
                throw new UsageException($"--urls '{a}' is not an http:// address; write it like http://127.0.0.1:8080.");
            }
        }

        if (maxBody is <= 0 || posts is <= 0)
        {
            throw new UsageException("--max-body and --posts-per-minute must be at least 1.");
        }

        var options = new ServeOptions
        {
            Store = location,
            Urls = string.Join(';', addresses),
            ApiKey = Environment.GetEnvironmentVariable("SITREP_API_KEY"),
            MaxBodyBytes = maxBody ?? 4 * 1024 * 1024,
            PostsPerMinute = posts ?? 30,
        };
        using var stop = Ledger.OnStop();
        try
        {
            return RunAsync(options, addresses, console, stop.Token).GetAwaiter().GetResult();
        }
        catch (StoreException e)
        {
            console.Error.WriteLine($"sitrep serve: {e.Code}: {e.Message}");
            return 3;
        }
    }

    private static async Task<int> RunAsync(ServeOptions options, string[] addresses, CliConsole console, CancellationToken stop)
    {
        await using var app = SitrepWebApp.Create([], options);
        var store = app.Services.GetRequiredService<IEventStore>();
        await Ledger.WarnIfStaleAsync(store, console).ConfigureAwait(false);
        try
        {
            await app.StartAsync(stop).ConfigureAwait(false);
        }
        catch (IOException e)
        {
            console.Error.WriteLine($"sitrep serve: could not listen on {options.Urls}: {e.Message} Choose another port with --urls, or stop what is using it.");
            return 1;
        }
        catch (OperationCanceledException)
        {
            return 0;
        }

        StoreCounts counts;
        try
        {
            await SitrepWebApp.WarmUpAsync(app, stop).ConfigureAwait(false);
            counts = await store.CountAsync(stop).ConfigureAwait(false); // a stop during the warm-up (its reads give up) ends here
        }
        catch (OperationCanceledException)
        {
            return 0;
        }

        var bound = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? addresses;
        foreach (var a in bound)
        {
            console.Out.WriteLine($"sitrep serve: listening on {a} (dashboard {a.TrimEnd('/')}/, API {a.TrimEnd('/')}/api)");
        }

        console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  store {store.Location.Display}: {Ledger.N(counts.Reports)} reports, {Ledger.N(counts.Events)} events"));
        console.Out.WriteLine(options.ReadOnly
            ? "  read-only: set SITREP_API_KEY to accept reports at POST /api/reports"
            : "  POST /api/reports accepts reports from clients that send SITREP_API_KEY");
        if (addresses.Any(a => !IsLoopback(a)))
        {
            console.Out.WriteLine("  warning: listening beyond this machine; anyone who can reach it can read the ledger.");
        }

        console.Out.WriteLine("  Ctrl-C stops it.");
        console.Out.Flush();
        await app.WaitForShutdownAsync(stop).ConfigureAwait(false);
        console.Out.WriteLine("sitrep serve: stopped.");
        console.Out.Flush();
        return 0;
    }

    private static bool IsLoopback(string address)
    {
        var host = new Uri(address).Host;
        return host == "localhost" || IPAddress.TryParse(host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip);
    }
}
