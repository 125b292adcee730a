using System.Globalization;
using Sitrep.Ingest;
using Sitrep.Ledger.Services;
using Sitrep.Storage;

namespace Sitrep.Cli.Commands;

/// <summary><c>sitrep watch FEED... --every 5m</c>: polls feeds and stores the items it has not seen.</summary>
internal sealed class WatchCommand : ICommand
{
    public IReadOnlyList<OptionSpec> Options { get; } = [new("every", "DURATION"), new("times", "N"), OptionSpec.Flag("defer"), Ledger.DbOption];

    public OperandSpec Operands => OperandSpec.Any("FEED");

    public string Name => "watch";

    public string Summary => "Poll feeds (RSS, Atom, JSON) every so often and ingest new items.";

    public string Usage => $"""
        Usage: sitrep watch FEED... [--every DURATION] [--times N] [--defer] [--db DB]

        Polls each feed (an http(s) URL or a file: RSS, Atom, JSON or JSON Lines) and stores the items
        not already in the ledger, with their events, exactly as 'sitrep ingest' would. Only the feed
        is fetched, not the pages its items link to. A feed that has not changed answers 304 (its
        ETag and Last-Modified are remembered) and costs nothing. One line per feed per round:

          2024-06-01T10:05:00Z https://example.org/feed.xml: 3 new, 17 known

          --every DURATION   time between rounds (default 5m): 30s, 5m, 1h, 1h30m
          --times N          stop after N rounds (default: run until Ctrl-C or SIGTERM)
          --defer            store new items pending, for 'sitrep worker'
        {Ledger.DbUsage}
        A feed that cannot be read is reported on its line and tried again next round.
        Exit code: 0 when the last round read every feed, 1 otherwise.
        """;

    public int Run(CommandLine args, CliConsole console)
    {
        var every = args.Get("every") is { } e ? Ledger.Duration(e, "every") : TimeSpan.FromMinutes(5);
        var times = Ledger.Int(args, "times");
        var defer = args.Has("defer");
        var location = Ledger.Location(args);
        Ledger.RejectUnknown(args);
        if (args.Positionals.Count == 0)
        {
            throw new UsageException("name at least one feed URL or file.");
        }

        if (times is <= 0)
        {
            throw new UsageException("--times must be at least 1.");
        }

        using var stop = Ledger.OnStop();
        try
        {
            return RunAsync(args.Positionals, location, every, times, defer, console, stop.Token).GetAwaiter().GetResult();
        }
        catch (StoreException ex)
        {
            console.Error.WriteLine($"sitrep watch: {ex.Code}: {ex.Message}");
            return 3;
        }
    }

    private static async Task<int> RunAsync(IReadOnlyList<string> feeds, StoreLocation location, TimeSpan every, int? times, bool defer, CliConsole console, CancellationToken ct)
    {
        await using var store = await EventStore.OpenAsync(location, ct).ConfigureAwait(false);
        var options = new IngestOptions { Defer = defer, MaxBatchDelay = TimeSpan.FromMilliseconds(20) };
        using var http = ReportFetcher.CreateClient();
        var watch = new WatchService(store, defer ? null : Ledger.Extractor(console), new ReportFetcher(http), options);
        var allRead = await watch.RunAsync(feeds, every, times, r =>
        {
            var s = r.Summary;
            var line = $"{r.At.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture)} {r.Feed}: {Ledger.N(s.New + s.NewVersions)} new, {Ledger.N(s.Known)} known";
            if (s.Reports == 0 && s.Failures.Count == 0)
            {
                line += " (not changed)";
            }

            foreach (var f in s.Failures)
            {
                line += $"; {f.Error}";
            }

            console.Out.WriteLine(line);
            console.Out.Flush();
        }, ct).ConfigureAwait(false);
        return allRead ? 0 : 1;
    }
}
