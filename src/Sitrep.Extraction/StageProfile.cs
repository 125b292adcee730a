using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace Sitrep.Extraction;

/// <summary>
/// Time and allocation per step of a pipeline, summed over the articles extracted with it: tokenizing (the document's
/// tokens), each stage by its name, and event assembly. Safe to share across threads (each sum is added atomically);
/// measuring costs two timestamp reads and two allocation counter reads per step. Not a benchmark: a profile of one run,
/// to see which stage is slow.
/// </summary>
public sealed class StageProfile
{
    public const string Tokenize = "tokenize";
    public const string Assembly = "assembly";

    private readonly long[] _ticks;
    private readonly long[] _bytes;
    private long _articles;

    internal StageProfile(ImmutableArray<string> steps)
    {
        Steps = steps;
        _ticks = new long[steps.Length];
        _bytes = new long[steps.Length];
    }

    /// <summary>The steps in pipeline order: <see cref="Tokenize"/>, the stages' names, <see cref="Assembly"/>.</summary>
    public ImmutableArray<string> Steps { get; }

    public long Articles => Interlocked.Read(ref _articles);

    /// <summary>Time spent in step <paramref name="i"/> of <see cref="Steps"/>, over every article, on every thread.</summary>
    public TimeSpan Elapsed(int i) => Stopwatch.GetElapsedTime(0, Interlocked.Read(ref _ticks[i]));

    /// <summary>Bytes allocated in step <paramref name="i"/>, over every article.</summary>
    public long Allocated(int i) => Interlocked.Read(ref _bytes[i]);

    internal void Add(int step, long startTicks, long startBytes)
    {
        Interlocked.Add(ref _ticks[step], Stopwatch.GetTimestamp() - startTicks);
        Interlocked.Add(ref _bytes[step], GC.GetAllocatedBytesForCurrentThread() - startBytes);
    }

    internal void CountArticle() => Interlocked.Increment(ref _articles);

    /// <summary>A table of µs and KB per article for each step, and each step's share of the total.</summary>
    public string Format()
    {
        var ci = CultureInfo.InvariantCulture;
        var n = Math.Max(1, Articles);
        var total = Enumerable.Range(0, Steps.Length).Sum(i => Elapsed(i).TotalMicroseconds);
        var sb = new StringBuilder();
        sb.Append(ci, $"{"step",-12} {"µs/report",10} {"share",6} {"KB/report",10}\n");
        for (var i = 0; i < Steps.Length; i++)
        {
            var us = Elapsed(i).TotalMicroseconds;
            sb.Append(ci, $"{Steps[i],-12} {us / n,10:F1} {(total > 0 ? us / total : 0),6:P0} {Allocated(i) / 1024.0 / n,10:F1}\n");
        }

        sb.Append(ci, $"{"total",-12} {total / n,10:F1} {1,6:P0} {Enumerable.Range(0, Steps.Length).Sum(Allocated) / 1024.0 / n,10:F1}\n");
        sb.Append(ci, $"{n:N0} reports; times are summed over every thread (CPU time in extraction, not wall time)\n");
        return sb.ToString();
    }
}
