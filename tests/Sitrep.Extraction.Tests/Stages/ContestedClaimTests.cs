using Sitrep.Core;

namespace Sitrep.Extraction.Tests.Stages;

/// <summary>Rule attacker-claim: one side's toll for its own strike is a contested claim about the same attack.</summary>
public class ContestedClaimTests
{
    [Fact]
    public void The_attackers_toll_beside_the_other_sides_is_kept_but_not_the_events_figure()
    {
        var x = Annotate.Extract("""
            A Russian missile struck a market in Kharkiv on Monday, killing 12 people, the governor said.
            Russian officials claimed that the strike killed 60 Ukrainian military officers and foreign advisers.
            """);
        var e = Assert.Single(x.Events, e => e.Kind == EventKind.Strike);
        Assert.Equal(Side.Russia, e.Attacker);
        Assert.Equal(12, e.Killed?.Value);
        var contested = Assert.Single(e.Casualties, c => c.Value == 60);
        Assert.False(contested.IsCurrent);
        Assert.Equal(ClaimRole.OtherSidesClaim, contested.Role);
        Assert.Equal(ClaimRole.OtherSidesClaim, ClaimRoles.FromStored(contested.IsCurrent, contested.Rule));
        Assert.EndsWith("+attacker-claim", contested.Rule, StringComparison.Ordinal);
        Assert.DoesNotContain(e.Claimants, c => c.Name.Contains("Russian", StringComparison.Ordinal));
    }

    [Fact]
    public void The_attackers_toll_alone_is_the_figure()
    {
        var x = Annotate.Extract("Russian officials claimed that a missile strike on Kharkiv on Monday killed 60 Ukrainian military officers.");
        var e = Assert.Single(x.Events, e => e.Kind == EventKind.Strike);
        Assert.Equal(60, e.Killed?.Value);
    }
}
