using Sitrep.Core;

namespace Sitrep.Extraction.Tests.Stages;

/// <summary>The attacker as the agent of a passive attack verb (rule passive-agent), in sentences written for the test.</summary>
public class PassiveAgentTests
{
    [Theory]
    [InlineData("Air defence units shot down all 12 drones launched by Russia overnight, the air force said.", Side.Russia)]
    [InlineData("Of seven Kalibr missiles fired by Russia at Odesa, air defence downed five.", Side.Russia)]
    [InlineData("The attack on the refinery was carried out by Ukraine, the governor said.", Side.Ukraine)]
    [InlineData("ППО збила 14 із 20 дронів, запущених Росією вночі.", Side.Russia)]
    [InlineData("ПВО сбила 9 беспилотников, выпущенных Украиной по Брянску.", Side.Ukraine)]
    public void The_agent_of_a_passive_attack_verb_is_the_attacker(string text, Side side)
    {
        var actor = Assert.Single(Annotate.Layer<ActorMention>(text, Layers.Actors), a => a.IsAttacker);
        Assert.Equal((side, "passive-agent"), (actor.Side, actor.Rule));
    }

    [Theory]
    [InlineData("The drones were shot down by Russian air defences over Kursk.")]
    [InlineData("The strike was condemned by Ukraine's foreign ministry.")]
    public void A_side_after_by_that_is_no_attack_verbs_agent_is_no_attacker(string text) =>
        Assert.DoesNotContain(Annotate.Layer<ActorMention>(text, Layers.Actors), a => a.IsAttacker && a.Rule == "passive-agent");
}
