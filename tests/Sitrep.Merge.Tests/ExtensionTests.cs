using Sitrep.Core;

namespace Sitrep.Merge.Tests;

/// <summary>An attack extended from its earlier state by new members (<see cref="AttackDraft.TryExtend"/>) is the attack built whole.</summary>
public sealed class ExtensionTests
{
    private static readonly string[] Wave = ["Kharkiv", "Odesa", "Dnipro", "Kyiv", "Sumy"];

    /// <summary>
    /// One night's reports in random shapes: national accounts naming several regions (the air force's figures, some
    /// hedged, some revised the next day), local accounts of one town (the air force's, some with tolls), the governor's
    /// count over his region naming no town, places written in other words by some reports. Report ids are random, so new members fall anywhere
    /// among the old.
    /// </summary>
    private static List<MergeEvent> Night(Random rng)
    {
        var ledger = new TestLedger();
        var ids = Enumerable.Range(1, 400).OrderBy(_ => rng.Next()).Take(24).ToList();
        foreach (var id in ids)
        {
            var nextDay = rng.Next(3) == 0;
            ledger.Report(id, nextDay ? "2024-08-27" : "2024-08-26", "Outlet " + rng.Next(8));
            var local = rng.Next(3) == 0;
            var governor = local && rng.Next(2) == 0;
            // The governor's own count names no town ("over the region"); other local accounts name one.
            var places = local ? (governor ? [] : [Wave[rng.Next(Wave.Length)]]) : Wave.OrderBy(_ => rng.Next()).Take(3 + rng.Next(3)).ToArray();
            var launched = local ? 10 + rng.Next(40) : (nextDay ? 70 : 60 + rng.Next(6));
            ledger.Add(id, new Strike
            {
                Date = "2024-08-26",
                DateWords = "overnight",
                Precision = DatePrecision.Night,
                Places = places,
                Weapons = [new Arms(WeaponCategory.Drone, launched, launched - rng.Next(8), "Shahed-136", rng.Next(5) == 0 ? Qualifier.MoreThan : Qualifier.Exact)],
                Killed = rng.Next(3) == 0 ? 1 + rng.Next(4) : null,
                Injured = rng.Next(4) == 0 ? rng.Next(10) : null,
                Claimant = governor ? "the governor" : "the air force",
                Canonical = governor ? FakeRegistry.KharkivGovernor.Id : FakeRegistry.UaAirForce.Id,
                ClaimantSide = Side.Ukraine,
            });
        }

        return [.. ledger.Events().Select(e => rng.Next(4) == 0
            ? e with { Event = e.Event with { Places = [.. e.Event.Places.Select(p => p with { Name = null, Text = "the city of " + p.Text })] } }
            : e)];
    }

    [Fact]
    public void An_attack_extended_by_new_members_is_the_attack_built_whole()
    {
        var engine = new MergeEngine(FakeRegistry.Find);
        var extended = 0;
        for (var seed = 0; seed < 90; seed++)
        {
            var rng = new Random(seed);
            var all = Night(rng);
            // The earlier events: mostly the ones the merge places first (the most informative, then the smallest key),
            // so the later ones leave the earlier memberships as they were and the attacks can be extended; sometimes
            // any of them, which changes memberships and leaves attacks to be built whole.
            var placed = all.OrderByDescending(e => new EventProfile(e).Information).ThenBy(e => e.Key).ToList();
            var earlier = seed % 3 == 0 ? all.Where(_ => rng.Next(3) > 0).ToList() : placed.Take(all.Count / 3 + rng.Next(all.Count / 2)).ToList();
            var states = engine.Partition(earlier).Drafts.Select(d => d.BuildState()).ToList();
            foreach (var draft in engine.Partition(all).Drafts)
            {
                var whole = draft.Build();
                foreach (var state in states)
                {
                    if (draft.TryExtend(state) is not { } grown)
                    {
                        continue;
                    }

                    extended++;
                    Assert.True(state.Attack.Members.All(m => draft.Members.Contains(m.Event)), $"seed {seed}: extended from an attack with a member it lacks");
                    Assert.Equal(Canonical.Of([whole]), Canonical.Of([grown.Attack]));
                    Assert.Equal(whole.Location, grown.Attack.Location);
                    Assert.Equal(whole.LocationEvent, grown.Attack.LocationEvent);
                    Assert.Equal(whole.Location is null, whole.LocationEvent is null);
                    Assert.True(whole.LocationEvent is not { } from || whole.Members.Any(m => m.Event == from), $"seed {seed}: the location's member is not a member");
                    Assert.Equal(whole.Figures.Select(f => (f.Key, f.BestClaim.Source, f.BestClaim.ReportDate)), grown.Attack.Figures.Select(f => (f.Key, f.BestClaim.Source, f.BestClaim.ReportDate)));
                }
            }
        }

        Assert.True(extended >= 40, $"only {extended} attacks were extended");
    }

    [Fact]
    public void An_attack_that_lost_a_member_or_gained_none_is_not_extended()
    {
        var rng = new Random(7);
        var all = Night(rng);
        var engine = new MergeEngine(FakeRegistry.Find);
        var draft = engine.Partition(all).Drafts.MaxBy(d => d.Members.Length)!;
        Assert.Null(draft.TryExtend(draft.BuildState()));

        var fewer = all.Where(e => e.Key != draft.Members[0]).ToList();
        var smaller = engine.Partition(fewer).Drafts.Single(d => d.Members.Contains(draft.Members[1]));
        Assert.Null(smaller.TryExtend(draft.BuildState()));
    }
}
