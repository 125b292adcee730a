using Sitrep.Core;

namespace Sitrep.Merge.Tests;

/// <summary>Analysts' joins and splits: applied in order, honoured by every rebuild.</summary>
public sealed class DecisionTests
{
    private static (TestLedger Ledger, EventKey Kyiv, EventKey Lviv, EventKey Odesa) ThreeStrikes()
    {
        var ledger = new TestLedger().Report(1, "2024-08-26").Report(2, "2024-08-26").Report(3, "2024-08-27");
        var kyiv = ledger.Add(1, new Strike
        {
            Date = "2024-08-26", DateWords = "overnight", Places = ["Kyiv"], Weapons = [new Arms(WeaponCategory.Drone, Destroyed: 15)],
            Sentence = "Fifteen drones were downed over Kyiv overnight.",
        });
        var kyiv2 = ledger.Add(2, new Strike
        {
            Date = "2024-08-26", DateWords = "overnight", Places = ["Brovary"], Weapons = [new Arms(WeaponCategory.Drone)],
            Sentence = "Debris fell on Brovary outside the capital overnight.",
        });
        var odesa = ledger.Add(3, new Strike
        {
            Date = "2024-08-27", DateWords = "on Tuesday", Places = ["Odesa"], Weapons = [new Arms(WeaponCategory.BallisticMissile, Launched: 1)],
            Sentence = "A missile hit Odesa on Tuesday.",
        });
        return (ledger, kyiv, kyiv2, odesa);
    }

    [Fact]
    public void A_join_unites_two_attacks_and_names_the_decision()
    {
        var (ledger, kyiv, brovary, odesa) = ThreeStrikes();
        Assert.Equal(2, ledger.Merge().Attacks.Length);
        var r = ledger.Merge([MergeDecision.Join(7, odesa, kyiv)]);
        var attack = Assert.Single(r.Attacks);
        Assert.Equal(MembershipKind.AnalystJoin, attack.Member(odesa)!.Kind);
        Assert.Equal(7, attack.Member(odesa)!.DecisionSequence);
        Assert.Equal(MembershipKind.AnalystJoin, attack.Member(kyiv)!.Kind);
        Assert.Equal(MembershipKind.SameDay, attack.Member(brovary)!.Kind);
        Assert.Equal(new DateOnly(2024, 8, 26), attack.Home);
        Assert.Contains("analyst decision 7", attack.Member(odesa)!.Explain(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_split_takes_an_event_out_and_leaves_the_rest()
    {
        var (ledger, kyiv, brovary, _) = ThreeStrikes();
        var r = ledger.Merge([MergeDecision.Split(3, brovary)]);
        Assert.NotEqual(r.AttackOf(kyiv)!.Key, r.AttackOf(brovary)!.Key);
        Assert.Equal(MembershipKind.AnalystSplit, r.AttackOf(brovary)!.Member(brovary)!.Kind);
        Assert.Single(r.AttackOf(brovary)!.Members);
    }

    [Fact]
    public void Later_decisions_override_earlier_ones_whatever_order_they_are_given_in()
    {
        var (ledger, kyiv, _, odesa) = ThreeStrikes();
        var joinThenSplit = new[] { MergeDecision.Join(1, odesa, kyiv), MergeDecision.Split(2, odesa) };
        var splitThenJoin = new[] { MergeDecision.Split(1, odesa), MergeDecision.Join(2, odesa, kyiv) };
        var alone = ledger.Merge(joinThenSplit.Reverse());
        Assert.Equal(MembershipKind.AnalystSplit, alone.AttackOf(odesa)!.Member(odesa)!.Kind);
        Assert.NotEqual(alone.AttackOf(kyiv)!.Key, alone.AttackOf(odesa)!.Key);
        var joined = ledger.Merge(splitThenJoin.Reverse());
        Assert.Equal(joined.AttackOf(kyiv)!.Key, joined.AttackOf(odesa)!.Key);
    }

    [Fact]
    public void A_split_event_no_longer_pulls_others_in()
    {
        // Brovary links to Kyiv's strike only through the town; split it off and the rest must not change.
        var (ledger, kyiv, brovary, odesa) = ThreeStrikes();
        var r = ledger.Merge([MergeDecision.Split(1, kyiv)]);
        Assert.Single(r.AttackOf(kyiv)!.Members);
        Assert.NotNull(r.AttackOf(brovary));
        Assert.NotEqual(r.AttackOf(brovary)!.Key, r.AttackOf(odesa)!.Key);
    }

    [Fact]
    public void Decisions_about_events_not_given_are_ignored()
    {
        var (ledger, kyiv, _, _) = ThreeStrikes();
        var r = ledger.Merge([MergeDecision.Join(1, kyiv, new EventKey(99, 0)), MergeDecision.Split(2, new EventKey(98, 1))]);
        Assert.Equal(2, r.Attacks.Length);
        Assert.Equal([new EventKey(99, 0)], MergeDecision.Split(1, new EventKey(99, 0)).Events.ToArray());
    }
}
