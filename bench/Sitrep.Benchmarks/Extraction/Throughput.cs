using System.Diagnostics;
using System.Globalization;
using Sitrep.Benchmarks.Corpus;
using Sitrep.Extraction;

namespace Sitrep.Benchmarks.Extraction;

/// <summary>
/// A quick measurement for notes, not a test and not BenchmarkDotNet: one warm-up pass, then timed passes over the
/// generated corpus (or the wire corpus) on one thread, printing reports/s and words/s.
/// </summary>
internal static class Throughput
{
    public static int Run(int count, int passes, TextWriter output, bool wire = false, string? directory = null)
    {
        Sitrep.Core.Article[] articles;
        long words;
        if (directory is not null)
        {
            // any folder of reports (the eval sets, to compare their cost per word with the corpora's), read as extract reads them
            articles = [.. Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal)
                .SelectMany(f => Sitrep.Ingest.ReportReader.ReadFile(f).Articles)];
            words = articles.Sum(a => (long)CorpusReport.CountWords(a.Text));
        }
        else
        {
            var reports = wire ? WireCorpus.Generate(count) : CorpusWriter.Generate(count);
            articles = [.. reports.Select(r => r.ToArticle())];
            words = reports.Sum(r => (long)r.WordCount);
        }

        var pipeline = ExtractionPipeline.CreateDefault(BenchPlaces.Load(output));

        var events = 0L;
        var warm = Stopwatch.StartNew();
        foreach (var a in articles)
        {
            events += pipeline.Extract(a).Events.Length;
        }

        // The JIT tiers hot methods up only after 100 ms without a new method compiled, which the first pass's stream of
        // new methods keeps putting off: one warm-up pass leaves hundreds of methods to recompile during the timed
        // passes (their JIT time on the other core counted as CPU). More warm-up passes, while a pass still compiles
        // many, so that the timed passes measure the code as it runs from then on.
        var warmPasses = 1;
        for (var compiled = -1L; warmPasses < 6; warmPasses++)
        {
            var before = System.Runtime.JitInfo.GetCompiledMethodCount();
            if (compiled is >= 0 and < 20)
            {
                break;
            }

            foreach (var a in articles)
            {
                pipeline.Extract(a);
            }

            compiled = System.Runtime.JitInfo.GetCompiledMethodCount() - before;
        }

        warm.Stop();
        var best = double.MaxValue;
        var total = TimeSpan.Zero;
        using var self = Process.GetCurrentProcess();
        var cpuBefore = self.TotalProcessorTime;
        var bestCpu = double.MaxValue;
        // Where CPU time goes besides the pipeline's own steps: the collector's pauses and collections, and the JIT
        // still compiling (tiering up) during the timed passes.
        var pauseBefore = GC.GetTotalPauseDuration();
        int[] gcBefore = [GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2)];
        var jitBefore = System.Runtime.JitInfo.GetCompilationTime();
        var jitMethodsBefore = System.Runtime.JitInfo.GetCompiledMethodCount();
        for (var p = 0; p < passes; p++)
        {
            self.Refresh();
            var passCpu = self.TotalProcessorTime;
            var sw = Stopwatch.StartNew();
            foreach (var a in articles)
            {
                pipeline.Extract(a);
            }

            sw.Stop();
            self.Refresh();
            bestCpu = Math.Min(bestCpu, (self.TotalProcessorTime - passCpu).TotalSeconds);
            total += sw.Elapsed;
            best = Math.Min(best, sw.Elapsed.TotalSeconds);
        }

        self.Refresh();
        var cpu = (self.TotalProcessorTime - cpuBefore).TotalSeconds / passes;
        var pause = (GC.GetTotalPauseDuration() - pauseBefore).TotalSeconds / passes;
        var jit = (System.Runtime.JitInfo.GetCompilationTime() - jitBefore).TotalSeconds / passes;
        var jitMethods = (System.Runtime.JitInfo.GetCompiledMethodCount() - jitMethodsBefore) / (double)passes;
        var gcs = $"{(GC.CollectionCount(0) - gcBefore[0]) / (double)passes:F1}/{(GC.CollectionCount(1) - gcBefore[1]) / (double)passes:F1}/{(GC.CollectionCount(2) - gcBefore[2]) / (double)passes:F1}";
        var mean = total.TotalSeconds / passes;
        var ci = CultureInfo.InvariantCulture;
        output.WriteLine(string.Create(ci, $"corpus: {articles.Length} reports, {words:N0} words ({(double)words / articles.Length:F0} words/report), {events} events on the warm-up pass"));
        output.WriteLine(string.Create(ci, $"warm-up: {warmPasses} passes, {warm.Elapsed.TotalMilliseconds:F0} ms"));
        output.WriteLine(string.Create(ci, $"{passes} timed passes, single thread: mean {mean * 1000:F1} ms/pass, best {best * 1000:F1} ms/pass"));
        output.WriteLine(string.Create(ci, $"throughput (mean): {articles.Length / mean:N0} reports/s, {words / mean:N0} words/s, {mean * 1e6 / articles.Length:F1} µs/report"));
        output.WriteLine(string.Create(ci, $"throughput (best): {articles.Length / best:N0} reports/s, {words / best:N0} words/s"));
        // The process's CPU time (user+sys, the collector's threads included) over the timed passes: on a shared,
        // loaded machine wall time says how busy it was, CPU time what the work cost.
        output.WriteLine(string.Create(ci, $"throughput (CPU): {articles.Length / cpu:N0} reports/s, {words / cpu:N0} words/s, {cpu * 1e6 / articles.Length:F1} µs of CPU/report (mean), {bestCpu * 1e6 / articles.Length:F1} (best pass)"));

        output.WriteLine(string.Create(ci, $"per pass: GC pauses {pause * 1e6 / articles.Length:F1} µs/report ({gcs} collections of gen 0/1/2), JIT {jit * 1e6 / articles.Length:F1} µs/report ({jitMethods:F0} methods compiled), GC mode {(System.Runtime.GCSettings.IsServerGC ? "server" : "workstation")}{(System.Runtime.GCSettings.LatencyMode == System.Runtime.GCLatencyMode.Interactive ? ", concurrent" : "")}"));

        // One more pass with a per-stage profile (its own timestamps cost a little; the passes above are unprofiled).
        var profile = pipeline.CreateProfile();
        var allocated = GC.GetAllocatedBytesForCurrentThread();
        foreach (var a in articles)
        {
            pipeline.Extract(a, profile);
        }

        allocated = GC.GetAllocatedBytesForCurrentThread() - allocated;
        output.WriteLine(string.Create(ci, $"allocated: {allocated / 1024.0 / articles.Length:F1} KB/report"));
        output.Write(profile.Format());
        return 0;
    }
}
