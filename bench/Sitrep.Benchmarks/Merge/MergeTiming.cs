using System.Diagnostics;
using System.Globalization;
using Sitrep.Merge;

namespace Sitrep.Benchmarks.Merge;

/// <summary><c>merge-timing [--events N] [--days D]</c>: times <see cref="MergeEngine.Merge"/> over a generated window (median of 9 runs after 30 warm-up runs, so tiered compilation has settled as in a long-running store).</summary>
internal static class MergeTiming
{
    private static string LoadAverage() => File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "?";

    public static int Run(int events, int days, TextWriter output)
    {
        var ledger = SyntheticLedger.Generate(events, days, seed: 20240826, start: new DateOnly(2024, 8, 1));
        var engine = new MergeEngine();
        var result = engine.Merge(ledger);
        for (var i = 0; i < 30; i++)
        {
            result = engine.Merge(ledger); // let tiered compilation settle, as in a long-running store
        }

        var allocated = GC.GetAllocatedBytesForCurrentThread();
        result = engine.Merge(ledger);
        allocated = GC.GetAllocatedBytesForCurrentThread() - allocated;
        var times = new List<double>();
        var cpu = new List<double>();
        using var process = Process.GetCurrentProcess();
        for (var i = 0; i < 9; i++)
        {
            process.Refresh();
            var cpu0 = process.TotalProcessorTime;
            var watch = Stopwatch.StartNew();
            result = engine.Merge(ledger);
            times.Add(watch.Elapsed.TotalMilliseconds);
            process.Refresh();
            cpu.Add((process.TotalProcessorTime - cpu0).TotalMilliseconds);
        }

        times.Sort();
        cpu.Sort();
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"merge-timing: {ledger.Count} events over {days} days -> {result.Attacks.Length} attacks; wall median {times[times.Count / 2]:0.0} ms (min {times[0]:0.0}); CPU median {cpu[cpu.Count / 2]:0.0} ms (min {cpu[0]:0.0}); {allocated / 1e6:0.0} MB allocated per merge; load average {LoadAverage()}"));

        // The same runs, interleaved with the clustering alone (what a windowed recompute pays before it builds the
        // attacks it must write): the ratio is the share of the merge that building and reconciling attacks takes.
        var whole = new List<double>();
        var partition = new List<double>();
        for (var i = 0; i < 9; i++)
        {
            process.Refresh();
            var cpu0 = process.TotalProcessorTime;
            _ = engine.Merge(ledger);
            process.Refresh();
            var cpu1 = process.TotalProcessorTime;
            _ = engine.Partition(ledger);
            process.Refresh();
            whole.Add((cpu1 - cpu0).TotalMilliseconds);
            partition.Add((process.TotalProcessorTime - cpu1).TotalMilliseconds);
        }

        whole.Sort();
        partition.Sort();
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"merge-timing: clustering alone (Partition, nothing built) CPU median {partition[4]:0.0} ms against {whole[4]:0.0} ms for the whole merge ({partition[4] / whole[4]:0.00})"));
        return 0;
    }
}
