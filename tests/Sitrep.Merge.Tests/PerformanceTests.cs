using System.Diagnostics;
using Sitrep.Benchmarks.Merge;

namespace Sitrep.Merge.Tests;

/// <summary>
/// A guard against losing the blocking (an all-pairs comparison would take seconds here), not a benchmark: the bound
/// is loose because the machine is shared. <c>merge-timing</c> in bench measures it properly.
/// </summary>
public sealed class PerformanceTests
{
    [Fact]
    public void A_window_of_5000_events_merges_in_well_under_a_second()
    {
        var events = SyntheticLedger.Generate(5000, 5, 11, new DateOnly(2024, 8, 1));
        var engine = new MergeEngine();
        engine.Merge(events);
        var best = double.MaxValue;
        for (var i = 0; i < 3; i++)
        {
            var watch = Stopwatch.StartNew();
            engine.Merge(events);
            best = Math.Min(best, watch.Elapsed.TotalMilliseconds);
        }

        Assert.True(best < 1500, $"merging 5,000 events took {best:0} ms");
    }
}
