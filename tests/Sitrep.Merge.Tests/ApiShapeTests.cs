using Sitrep.Core;

namespace Sitrep.Merge.Tests;

public sealed class ApiShapeTests
{
    [Fact]
    public void Every_strike_event_is_in_exactly_one_attack_and_aggregates_in_none()
    {
        var report = new MergeReport(1, 1, "Outlet", new DateOnly(2024, 8, 26), null);
        var strike = new MergeEvent(new EventKey(1, 0), report, new ExtractedEvent());
        var aggregate = new MergeEvent(new EventKey(1, 1), report, new ExtractedEvent { Kind = EventKind.Aggregate });
        var result = new MergeEngine().Merge([strike, aggregate]);
        Assert.Single(result.Attacks);
        Assert.NotNull(result.AttackOf(strike.Key));
        Assert.Null(result.AttackOf(aggregate.Key));
    }
}
