using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace Sitrep.Storage;

/// <summary>
/// Stopwatch counters of one write's phases, printed to standard error as one line per write when the environment
/// variable <c>SITREP_WRITE_PHASES</c> is set (for profiling the ingest at scale; nothing is measured otherwise).
/// Not thread-safe: one per write.
/// </summary>
internal sealed class WritePhases
{
    private static readonly bool Enabled = Environment.GetEnvironmentVariable("SITREP_WRITE_PHASES") is { Length: > 0 };

    private readonly List<(string Name, double Ms)> _phases = [];
    private readonly List<(string Name, long Count)> _counts = [];
    private long _start = Stopwatch.GetTimestamp();

    /// <summary>A counter for a write, or null when phases are not printed.</summary>
    public static WritePhases? Start() => Enabled ? new WritePhases() : null;

    /// <summary>Ends the current phase under <paramref name="name"/> (added to its earlier time, in a loop) and starts the next.</summary>
    public void Mark(string name)
    {
        var now = Stopwatch.GetTimestamp();
        var ms = Stopwatch.GetElapsedTime(_start, now).TotalMilliseconds;
        var i = _phases.FindIndex(p => p.Name == name);
        if (i >= 0)
        {
            _phases[i] = (name, _phases[i].Ms + ms);
        }
        else
        {
            _phases.Add((name, ms));
        }

        _start = now;
    }

    public void Count(string name, long count) => _counts.Add((name, count));

    /// <summary>Writes the line: each phase's milliseconds, then the counts.</summary>
    public void Print(string what)
    {
        var line = new StringBuilder(what).Append(':');
        foreach (var (name, ms) in _phases)
        {
            line.Append(CultureInfo.InvariantCulture, $" {name} {ms:0}");
        }

        foreach (var (name, count) in _counts)
        {
            line.Append(CultureInfo.InvariantCulture, $" | {name} {count}");
        }

        Console.Error.WriteLine(line.ToString());
    }
}
