using System.Globalization;
using Sitrep.Ingest;
using Spectre.Console;

namespace Sitrep.Cli.Commands;

/// <summary>
/// The ingest progress bar, drawn by Spectre.Console on the terminal behind stderr (<see cref="CliConsole.Terminal"/>)
/// while a person watches: inputs done of all, rate, time left and the running counts, redrawn four times a second
/// and cleared at the end. Without a terminal (stderr redirected, CI) it draws nothing, so what pipes and files
/// receive is byte for byte what they received before it.
/// </summary>
internal sealed class ProgressLine : IDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task? _drawing;

    public ProgressLine(CliConsole console, IngestProgress progress)
    {
        if (console.Terminal is { } terminal)
        {
            _drawing = Draw(terminal, progress, _stop.Token);
        }
    }

    /// <summary>The counts beside the bar ("12/40  3/s  ETA 4s  new 10  known 2  failed 0").</summary>
    public static string Counts(IngestProgress p)
    {
        var total = Math.Max(1, p.Inputs);
        var done = p.InputsDone;
        var elapsed = p.Clock.Elapsed.TotalSeconds;
        var rate = elapsed > 0.2 ? done / elapsed : 0;
        var eta = rate > 0 ? TimeSpan.FromSeconds((total - done) / rate) : (TimeSpan?)null;
        return string.Create(
            CultureInfo.InvariantCulture,
            $"{Ledger.N(done)}/{Ledger.N(total)}  {rate:0}/s  ETA {(eta is { } e ? Ledger.Seconds(e) : "?")}  new {Ledger.N(p.Stored)}  known {Ledger.N(p.Known)}  failed {Ledger.N(p.Failed)}");
    }

    private static Task Draw(IAnsiConsole terminal, IngestProgress progress, CancellationToken stop) =>
        terminal.Progress()
            .AutoClear(true)
            .HideCompleted(false)
            .Columns(new ProgressBarColumn { Width = 20 }, new TaskDescriptionColumn { Alignment = Justify.Left })
            .StartAsync(async context =>
            {
                var task = context.AddTask(Markup.Escape(Counts(progress)), maxValue: 1);
                while (!stop.IsCancellationRequested)
                {
                    task.MaxValue = Math.Max(1, progress.Inputs);
                    task.Value = progress.InputsDone;
                    task.Description = Markup.Escape(Counts(progress));
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
