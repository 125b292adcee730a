using System.Diagnostics;
using System.Globalization;
using Sitrep.Ingest;
using Spectre.Console;

namespace Sitrep.Cli.Commands;

/// <summary>
/// A progress bar (ingest's inputs, merge --rebuild's months, a worker's reports), drawn by Spectre.Console on the
/// terminal behind stderr (<see cref="CliConsole.Terminal"/>) while a person watches: done of all (an indeterminate bar
/// when the whole is not known), the counts beside it, redrawn four times a second and cleared at the end. Without a
/// terminal (stderr redirected, CI, TERM=dumb) it draws nothing, so what pipes and files receive is byte for byte
/// what they received before it.
/// </summary>
internal sealed class ProgressLine : IDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task? _drawing;

    /// <param name="read">What to draw now; called on the drawing thread, so it reads counts the work updates.</param>
    public ProgressLine(CliConsole console, Func<Snapshot> read)
    {
        if (console.Terminal is { } terminal)
        {
            _drawing = Draw(terminal, read, _stop.Token);
        }
    }

    /// <summary>Done of <paramref name="Total"/> (null: not known), and the counts beside the bar.</summary>
    public readonly record struct Snapshot(long Done, long? Total, string Counts);

    /// <summary>The ingest's bar: inputs done of all, with <see cref="Counts(IngestProgress)"/>.</summary>
    public static ProgressLine Ingest(CliConsole console, IngestProgress progress) =>
        new(console, () => new(progress.InputsDone, Math.Max(1, progress.Inputs), Counts(progress)));

    /// <summary>The counts beside the bar ("12/40  3/s  ETA 4s  new 10  known 2  failed 0").</summary>
    public static string Counts(IngestProgress p) =>
        $"{Rate(p.InputsDone, p.Inputs, p.Clock.Elapsed)}  new {Ledger.N(p.Stored)}  known {Ledger.N(p.Known)}  failed {Ledger.N(p.Failed)}";

    /// <summary>"12/40  3/s  ETA 4s": done of all, the rate so far and the time left at that rate.</summary>
    public static string Rate(long done, long all, TimeSpan elapsed)
    {
        var total = Math.Max(1, all);
        var seconds = elapsed.TotalSeconds;
        var rate = seconds > 0.2 ? done / seconds : 0;
        var eta = rate > 0 ? TimeSpan.FromSeconds((total - done) / rate) : (TimeSpan?)null;
        return string.Create(CultureInfo.InvariantCulture, $"{Ledger.N(done)}/{Ledger.N(total)}  {rate:0}/s  ETA {(eta is { } e ? Ledger.Seconds(e) : "?")}");
    }

    private static Task Draw(IAnsiConsole terminal, Func<Snapshot> read, CancellationToken stop) =>
        terminal.Progress()
            .AutoClear(true)
            .HideCompleted(false)
            .Columns(new ProgressBarColumn { Width = 20 }, new TaskDescriptionColumn { Alignment = Justify.Left })
            .StartAsync(async context =>
            {
                var task = context.AddTask(Markup.Escape(read().Counts), maxValue: 1);
                while (!stop.IsCancellationRequested)
                {
                    var now = read();
                    task.IsIndeterminate = now.Total is null;
                    task.MaxValue = Math.Max(1, now.Total ?? 1);
                    task.Value = now.Total is null ? 0 : now.Done;
                    task.Description = Markup.Escape(now.Counts);
                    try
                    {
                        await Task.Delay(TimeSpan.FromMilliseconds(250), stop).ConfigureAwait(false);
                    }
                    catch (OperationCanceledException)
                    {
                        break;
                    }
                }
            });

    public void Dispose()
    {
        _stop.Cancel();
        _drawing?.GetAwaiter().GetResult();
        _stop.Dispose();
    }
}

/// <summary>
/// The latest value an <see cref="IProgress{T}"/> reported, for a <see cref="ProgressLine"/> to read from its own
/// thread; reported on the caller's thread, never posted.
/// </summary>
internal sealed class LatestProgress<T>(T initial) : IProgress<T>
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private volatile System.Runtime.CompilerServices.StrongBox<T> _latest = new(initial);

    public T Value => _latest.Value!;

    public TimeSpan Elapsed => _clock.Elapsed;

    public void Report(T value) => _latest = new(value);
}
