using System.Diagnostics;
using System.Globalization;
using System.Runtime;
using System.Text;

namespace Sitrep.Cli.Commands;

/// <summary>
/// Where a whole <c>sitrep extract --profile</c> process spent its time outside the stages' own table: the runtime's
/// start, building the pipeline (the gazetteer's load among it), reading the inputs, formatting and writing the output,
/// and what the runtime itself did meanwhile (methods compiled by the JIT and its time, collections and pauses of the
/// garbage collector). The phases' sums are added atomically, so workers may add to them; a profile of one run, not a
/// benchmark.
/// </summary>
internal sealed class RunProfile
{
    private readonly long _started = Stopwatch.GetTimestamp();
    private readonly TimeSpan _startCpu = Cpu();
    private readonly TimeSpan _startJit = System.Runtime.JitInfo.GetCompilationTime();
    private readonly long _startMethods = System.Runtime.JitInfo.GetCompiledMethodCount();
    private readonly TimeSpan _startPause = GC.GetTotalPauseDuration();
    private readonly long _startAllocated = GC.GetTotalAllocatedBytes();
    private readonly int[] _startCollections = [GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2)];
    private long _builtTicks;
    private TimeSpan _builtCpu;
    private long _read;
    private long _format;
    private long _write;

    /// <summary>Marks the pipeline built: what came before (since this profile was made) is the build, after it the run.</summary>
    public void Built()
    {
        _builtTicks = Stopwatch.GetTimestamp();
        _builtCpu = Cpu();
    }

    /// <summary>Adds the time since <paramref name="startTicks"/> (a <see cref="Stopwatch.GetTimestamp"/>) to reading.</summary>
    public void AddRead(long startTicks) => Interlocked.Add(ref _read, Stopwatch.GetTimestamp() - startTicks);

    /// <summary>Adds the time since <paramref name="startTicks"/> to formatting (a report's extraction to its bytes).</summary>
    public void AddFormat(long startTicks) => Interlocked.Add(ref _format, Stopwatch.GetTimestamp() - startTicks);

    /// <summary>Adds the time since <paramref name="startTicks"/> to writing (the bytes to standard output).</summary>
    public void AddWrite(long startTicks) => Interlocked.Add(ref _write, Stopwatch.GetTimestamp() - startTicks);

    /// <summary>Each item of <paramref name="items"/>, the time taken to get it added to reading.</summary>
    public IEnumerable<T> TimeReads<T>(IEnumerable<T> items)
    {
        using var e = items.GetEnumerator();
        while (true)
        {
            var t0 = Stopwatch.GetTimestamp();
            var more = e.MoveNext();
            AddRead(t0);
            if (!more)
            {
                yield break;
            }

            yield return e.Current;
        }
    }

    /// <summary>The profile's lines: the process's phases and the runtime's work, as of now.</summary>
    public string Format(long reports, TimeSpan extraction)
    {
        var ci = CultureInfo.InvariantCulture;
        var now = Stopwatch.GetTimestamp();
        using var self = Process.GetCurrentProcess();
        var cpu = self.TotalProcessorTime;
        var sinceStart = DateTime.Now - self.StartTime;
        var build = Stopwatch.GetElapsedTime(_started, _builtTicks);
        var run = Stopwatch.GetElapsedTime(_builtTicks, now);
        var sb = new StringBuilder();
        sb.Append(ci, $"whole process: {sinceStart.TotalSeconds:F2} s wall, {cpu.TotalSeconds:F2} s CPU (user+sys); peak working set {self.PeakWorkingSet64 / 1048576.0:F0} MB\n");
        sb.Append(ci, $"  start-up      {(sinceStart - build - run).TotalSeconds,6:F2} s wall {_startCpu.TotalSeconds,6:F2} s CPU   the runtime's start and the command line, before the command\n");
        sb.Append(ci, $"  pipeline      {build.TotalSeconds,6:F2} s wall {(_builtCpu - _startCpu).TotalSeconds,6:F2} s CPU   the gazetteer's load and the stages' lexicons\n");
        sb.Append(ci, $"  run           {run.TotalSeconds,6:F2} s wall {(cpu - _builtCpu).TotalSeconds,6:F2} s CPU   {reports / Math.Max(1e-9, run.TotalSeconds):N0} reports/s\n");
        sb.Append(ci, $"    read        {Seconds(_read),6:F2} s   files to articles (format detection, headers), on the reading thread\n");
        sb.Append(ci, $"    extract     {extraction.TotalSeconds,6:F2} s   the stages and assembly (the table above), summed over the workers\n");
        sb.Append(ci, $"    format      {Seconds(_format),6:F2} s   events to UTF-8 bytes, summed over the workers\n");
        sb.Append(ci, $"    write       {Seconds(_write),6:F2} s   the bytes to standard output, in input order\n");
        sb.Append(ci, $"  JIT           {System.Runtime.JitInfo.GetCompiledMethodCount() - _startMethods,6:N0} methods compiled in {(System.Runtime.JitInfo.GetCompilationTime() - _startJit).TotalSeconds:F2} s (all threads; {_startMethods:N0} before the command); call-counting delay {CallCountingDelay()}\n");
        sb.Append(ci, $"  GC            {GC.CollectionCount(0) - _startCollections[0]:N0} collections (gen1 {GC.CollectionCount(1) - _startCollections[1]:N0}, gen2 {GC.CollectionCount(2) - _startCollections[2]:N0}), paused {(GC.GetTotalPauseDuration() - _startPause).TotalSeconds:F2} s, {(GC.GetTotalAllocatedBytes() - _startAllocated) / 1048576.0:N0} MB allocated; {Gc()}\n");
        return sb.ToString();
    }

    /// <summary>The runtime's wait before it counts calls to promote hot methods, as the environment sets it (the launcher does for batch commands).</summary>
    private static string CallCountingDelay() =>
        Environment.GetEnvironmentVariable("DOTNET_TC_CallCountingDelayMs") is { Length: > 0 } ms ? $"0x{ms} ms (DOTNET_TC_CallCountingDelayMs, read as hexadecimal)" : "the runtime's default (100 ms)";

    private static TimeSpan Cpu()
    {
        using var self = Process.GetCurrentProcess();
        return self.TotalProcessorTime;
    }

    private static double Seconds(long ticks) => Stopwatch.GetElapsedTime(0, ticks).TotalSeconds;

    private static string Gc() =>
        $"{(GCSettings.IsServerGC ? "server" : "workstation")} GC, {(GCSettings.LatencyMode == GCLatencyMode.Batch ? "not concurrent" : "concurrent")}";
}
