using System.Globalization;
using Sitrep.Ledger.Services;
using Sitrep.Storage;

namespace Sitrep.Cli.Commands;

/// <summary>
/// <c>sitrep worker --db postgres://…</c>: takes pending reports from the shared store, extracts them and stores
/// the events. Any number of workers on any number of machines share one queue; none does a report another did.
/// </summary>
internal sealed class WorkerCommand : ICommand
{
    public IReadOnlyList<OptionSpec> Options { get; } = [new("batch", "N"), new("jobs", "N", 'j'), OptionSpec.Flag("until-empty"), new("poll", "DURATION"), new("name", "NAME"), OptionSpec.Flag("requeue"), Ledger.DbOption];

    public OperandSpec Operands => OperandSpec.Any("ARG");

    public string Name => "worker";

    public string Summary => "Extract a shared store's pending reports (many workers, one queue).";

    public string Usage => $"""
        Usage: sitrep worker [--db DB] [--batch N] [--jobs N] [--until-empty] [--poll DURATION] [--name NAME]
               sitrep worker --requeue [--db DB]

        Takes pending reports (stored by 'sitrep ingest --defer' or 'sitrep watch --defer') from the
        store, extracts their events and stores them. With PostgreSQL any number of workers, on any
        number of machines, share the store as one queue: each claims a batch with FOR UPDATE SKIP
        LOCKED, so no report is done twice, and a worker that dies leaves its batch to the others.
        (With SQLite, workers on one machine take turns.)

          --batch N          reports claimed per transaction (default 32)
          --jobs N           reports extracted in parallel within a batch (default: the number of cores)
          --until-empty      stop when no report is pending (default: wait for more)
          --poll DURATION    how often to look for work when the queue is empty (default 2s)
          --name NAME        this worker's name in the ledger (default HOST:PID)
          --requeue          mark every extracted report pending again, so workers redo them with
                             this version of the extractor (their events are replaced), then exit
        {Ledger.DbUsage}
        Ctrl-C or SIGTERM stops after the batch in hand. Exit code 0 on a clean stop.
        """;

    public int Run(CommandLine args, CliConsole console)
    {
        var batch = Ledger.Int(args, "batch") is { } b and > 0 ? b : 32;
        var jobs = Ledger.Int(args, "jobs") is { } j and > 0 ? j : Environment.ProcessorCount;
        var untilEmpty = args.Has("until-empty");
        var requeue = args.Has("requeue");
        var poll = args.Get("poll") is { } p ? Ledger.Duration(p, "poll") : TimeSpan.FromSeconds(2);
        var name = args.Get("name") ?? $"{Environment.MachineName}:{Environment.ProcessId}";
        var location = Ledger.Location(args);
        Ledger.RejectUnknown(args);
        if (args.Positionals.Count > 0)
        {
            throw new UsageException($"unexpected '{args.Positionals[0]}'; the worker takes its reports from the store.");
        }

        using var stop = Ledger.OnStop();
        try
        {
            return RunAsync(location, batch, jobs, untilEmpty, requeue, poll, name, console, stop.Token).GetAwaiter().GetResult();
        }
        catch (StoreException e)
        {
            console.Error.WriteLine($"sitrep worker: {e.Code}: {e.Message}");
            return 3;
        }
    }

    private static async Task<int> RunAsync(
        StoreLocation location, int batch, int jobs, bool untilEmpty, bool requeue, TimeSpan poll, string name, CliConsole console, CancellationToken ct)
    {
        await using var store = await EventStore.OpenAsync(location, ct).ConfigureAwait(false);
        if (requeue)
        {
            var n = await store.RequeueAllAsync(ct).ConfigureAwait(false);
            console.Out.WriteLine($"worker: {Ledger.N(n)} reports marked pending in {location.Display}; start workers to redo them.");
            console.Out.Flush();
            return 0;
        }

        var options = new WorkerOptions { Batch = batch, Parallelism = jobs, UntilEmpty = untilEmpty, Poll = poll, Name = name };
        var worker = new WorkerService(store, Ledger.Extractor(console), options);
        var reports = new LatestProgress<WorkerProgress>(new(0, TimeSpan.Zero));
        WorkerProgress done;

        // The queue's length is not known (other workers take from it, ingests add to it): a bar without an end.
        ProgressLine.Snapshot Now()
        {
            var p = reports.Value;
            return new(p.Done, null, string.Create(CultureInfo.InvariantCulture, $"worker {name}: {Ledger.N(p.Done)} reports done ({p.Rate:0}/s)"));
        }

        using (new ProgressLine(console, Now))
        {
            done = await worker.RunAsync(reports, ct).ConfigureAwait(false);
        }

        console.Out.WriteLine($"worker {name}: {Ledger.N(done.Done)} reports done in {Ledger.Seconds(done.Elapsed)} ({done.Rate:0}/s) from {location.Display}");
        console.Out.Flush();
        return 0;
    }
}
