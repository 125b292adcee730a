using Sitrep.Core;
using Sitrep.Merge.Tests.Properties;

namespace Sitrep.Merge.Tests;

/// <summary>The window planner: what a change makes the store recompute, and why the radius is two days.</summary>
public sealed class WindowTests
{
    private static readonly Strike KharkivDrones = new()
    {
        Date = "2024-08-26", DateWords = "overnight", Precision = DatePrecision.Night, Places = ["Kharkiv"],
        Weapons = [new Arms(WeaponCategory.Drone, Launched: 14)], Sentence = "Fourteen drones were launched at Kharkiv overnight, the governor said.",
    };

    [Fact]
    public void A_change_on_one_day_replaces_two_days_each_side_and_loads_two_more()
    {
        var window = MergeEngine.Window([new AnchoredKey(new EventKey(1, 0), new DateOnly(2024, 8, 26))], [], _ => null);
        Assert.Equal([new DayRange(new DateOnly(2024, 8, 24), new DateOnly(2024, 8, 28))], window.Replace.ToArray());
        Assert.Equal([new DayRange(new DateOnly(2024, 8, 22), new DateOnly(2024, 8, 30))], window.Load.ToArray());
        Assert.Empty(window.LoadAlso);
        Assert.True(window.Owns(new DateOnly(2024, 8, 28), []));
        Assert.False(window.Owns(new DateOnly(2024, 8, 29), []));
    }

    [Fact]
    public void Ranges_of_nearby_changes_fuse_and_undated_events_are_loaded_by_key()
    {
        var undated = new EventKey(9, 0);
        var window = MergeEngine.Window(
            [new(new EventKey(1, 0), new DateOnly(2024, 8, 20)), new(new EventKey(2, 0), new DateOnly(2024, 8, 24)), new(undated, null)], [], _ => null);
        Assert.Equal([new DayRange(new DateOnly(2024, 8, 18), new DateOnly(2024, 8, 26))], window.Replace.ToArray());
        Assert.Equal([undated], window.LoadAlso.ToArray());
        Assert.True(window.Owns(null, [undated]));
        Assert.False(window.Owns(null, [new EventKey(8, 0)]));
    }

    [Fact]
    public void A_join_to_an_event_far_away_brings_its_days_into_the_window()
    {
        var near = new EventKey(1, 0);
        var far = new EventKey(2, 0);
        var undated = new EventKey(3, 0);
        var anchors = new Dictionary<EventKey, DateOnly?> { [near] = new DateOnly(2024, 8, 26), [far] = new DateOnly(2024, 3, 1), [undated] = null };
        var window = MergeEngine.Window([new AnchoredKey(new EventKey(5, 0), new DateOnly(2024, 8, 25))],
            [MergeDecision.Join(1, near, far), MergeDecision.Join(2, far, undated)], k => anchors.GetValueOrDefault(k));
        Assert.Contains(window.Replace, r => r.Contains(new DateOnly(2024, 3, 1)) && r.Contains(new DateOnly(2024, 2, 29)) && r.Contains(new DateOnly(2024, 3, 2)));
        Assert.Contains(undated, window.LoadAlso);
        Assert.True(window.Loads(new DateOnly(2024, 2, 28)));
    }

    /// <summary>
    /// An undated event of an undated report is anchored on its sibling's date D and may join an attack of D−1 or
    /// D+1. A new dated account on D+1 makes it leave the attack filed under D−1 for one filed under D+1: the change
    /// at D+1 reaches a home two days away, which is why the window replaces two days each side.
    /// </summary>
    [Fact]
    public void A_change_reaches_an_attack_two_days_away_through_an_event_anchored_between()
    {
        var ledger = new TestLedger()
            .Report(1, "2024-08-25").Report(2, null).Report(3, "2024-08-27").Report(4, "2024-08-27");
        ledger.Add(1, KharkivDrones with { Date = "2024-08-25", Places = ["Kharkiv"], Weapons = [new Arms(WeaponCategory.Drone, Launched: 14)] });
        ledger.Add(2, new Strike { Date = "2024-08-26", DateWords = "on Monday", Places = ["Odesa"], Weapons = [new Arms(WeaponCategory.Missile, Launched: 2)], Sentence = "Two missiles hit the port of Odesa on Monday." });
        var floating = ledger.Add(2, new Strike { DateWords = "", Places = ["Kharkiv"], Weapons = [new Arms(WeaponCategory.Drone, Launched: 40)], Sentence = "Drones also struck Kharkiv, the report added." });
        var events = ledger.Events();

        // Before: the floating account (anchored on 2024-08-26 by its sibling) joins Kharkiv's attack of 08-25.
        var before = new MergeEngine().Merge(events);
        Assert.Equal(new DateOnly(2024, 8, 25), before.AttackOf(floating)!.Home);

        // Two accounts of a larger Kharkiv attack dated 08-27 arrive; they match the floating account better.
        ledger.Add(3, KharkivDrones with { Date = "2024-08-27", Weapons = [new Arms(WeaponCategory.Drone, Launched: 40)] });
        ledger.Add(4, KharkivDrones with { Date = "2024-08-27", Weapons = [new Arms(WeaponCategory.Drone, Launched: 40)] });
        var after = ledger.Events();
        var full = new MergeEngine().Merge(after);
        Assert.Equal(new DateOnly(2024, 8, 27), full.AttackOf(floating)!.Home);

        var store = new SimulatedStore(new MergeEngine());
        store.Add(events);
        store.Add([.. after.Where(e => e.Key.ReportId is 3 or 4)]);
        store.AssertPartition();
        Assert.Equal(Canonical.Of(full), Canonical.Of(store.Attacks));
        var window = MergeEngine.Window([.. after.Where(e => e.Key.ReportId == 3).Select(AnchoredKey.Of)], [], _ => null);
        Assert.True(window.Owns(new DateOnly(2024, 8, 25), []));
    }
}
