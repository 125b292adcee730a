using Sitrep.Benchmarks.Merge;

namespace Sitrep.Merge.Tests;

/// <summary>
/// The blocking keeps the work linear: an event is scored against a bounded number of clusters, never against every
/// event of its day (the bound holds as the ledger grows fourfold). Counted, not timed (the machine is shared); <c>merge-timing</c> in bench measures the time.
/// </summary>
public sealed class PerformanceTests
{
    [Theory]
    [InlineData(1000)]
    [InlineData(4000)]
    public void Each_event_is_scored_against_a_bounded_number_of_clusters(int events)
    {
        var ledger = SyntheticLedger.Generate(events, 5, 11, new DateOnly(2024, 8, 1));
        var before = Scorer.ScoresComputed;
        new MergeEngine().Merge(ledger);
        var perEvent = (double)(Scorer.ScoresComputed - before) / ledger.Count;
        Assert.True(perEvent < 2 * (Block.TopClusters + 4), $"{perEvent:0.0} scores per event over {ledger.Count} events");
    }
}
