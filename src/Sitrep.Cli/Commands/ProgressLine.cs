using System.Globalization;
using Sitrep.Ingest;

namespace Sitrep.Cli.Commands;

/// <summary>
/// A progress bar on stderr, redrawn in place while a person watches (<see cref="CliConsole.Interactive"/>):
/// inputs done of all, rate, time left, and the running counts. Silent in pipes and CI.
/// </summary>
internal sealed class ProgressLine : IDisposable
{
    private readonly CliConsole _console;
    private readonly IngestProgress _progress;
    private readonly Timer? _timer;
    private readonly Lock _gate = new();
    private bool _drawn;

    public ProgressLine(CliConsole console, IngestProgress progress)
    {
        _console = console;
        _progress = progress;
        if (console.Interactive)
        {
            _timer = new Timer(_ => Draw(), null, TimeSpan.FromMilliseconds(250), TimeSpan.FromMilliseconds(250));
        }
    }

    /// <summary>The line as it would be drawn now; for tests.</summary>
    public static string Render(IngestProgress p, int width)
    {
        var total = Math.Max(1, p.Inputs);
        var done = p.InputsDone;
        var elapsed = p.Clock.Elapsed.TotalSeconds;
        var rate = elapsed > 0.2 ? done / elapsed : 0;
        var eta = rate > 0 ? TimeSpan.FromSeconds((total - done) / rate) : (TimeSpan?)null;
        var tail = string.Create(
            CultureInfo.InvariantCulture,
            $" {Ledger.N(done)}/{Ledger.N(total)}  {rate:0}/s  ETA {(eta is { } e ? Ledger.Seconds(e) : "?")}  new {Ledger.N(p.Stored)}  known {Ledger.N(p.Known)}  failed {Ledger.N(p.Failed)}");
        var barWidth = Math.Clamp(width - tail.Length - 3, 10, 40);
        var filled = (int)(barWidth * Math.Min(1.0, (double)done / total));
        var line = "[" + new string('#', filled) + new string('-', barWidth - filled) + "]" + tail;
        return line.Length >= width ? line[..(width - 1)] : line;
    }

    private void Draw()
    {
        lock (_gate)
        {
            _console.Error.Write("\r" + Render(_progress, _console.Width).PadRight(_console.Width - 1));
            _console.Error.Flush();
            _drawn = true;
        }
    }

    public void Dispose()
    {
        _timer?.Dispose();
        lock (_gate)
        {
            if (_drawn)
            {
                _console.Error.Write("\r" + new string(' ', _console.Width - 1) + "\r");
                _console.Error.Flush();
            }
        }
    }
}
