using Sitrep.Core;

namespace Sitrep.Merge.Tests;

/// <summary>How an attack's figures are reconciled from its members' claims: best, low, high, conservative, contested.</summary>
public sealed class ReconciliationTests
{
    private static Strike Odesa(string published, int killed, int? injured = null, string? claimant = null, string? canonical = null) => new()
    {
        Date = "2024-03-15", DateWords = "on March 15", Places = ["Odesa"], Weapons = [new Arms(WeaponCategory.BallisticMissile, Model: "Iskander-M")],
        Killed = killed, Injured = injured, Claimant = claimant, Canonical = canonical, ClaimantSide = claimant is null ? Side.Unknown : Side.Ukraine,
        Sentence = $"The toll from the missile strike on Odesa rose to {killed}, officials said on {published}.",
    };

    private static Attack Single(TestLedger ledger, Func<string, ClaimantEntry?>? registry = null) =>
        Assert.Single(ledger.Merge(null, registry ?? FakeRegistry.Find).Attacks);

    [Fact]
    public void A_toll_that_rises_across_reports_takes_its_highest_official_figure()
    {
        var ledger = new TestLedger().Report(1, "2024-03-15").Report(2, "2024-03-15").Report(3, "2024-03-16").Report(4, "2024-03-17");
        ledger.Add(1, Odesa("March 15", 14, 46));
        ledger.Add(2, Odesa("March 15", 16, 55));
        ledger.Add(3, Odesa("March 16", 20, 73));
        ledger.Add(4, Odesa("March 17", 21, 75));
        var killed = Single(ledger).Figure(FigureKey.Killed)!;
        Assert.Equal(21, killed.Best);
        Assert.Equal(14, killed.Low);
        Assert.Equal(21, killed.High);
        Assert.Equal(14, killed.Conservative);
        Assert.Equal("toll.highest-official", killed.BestRule);
        Assert.Equal(4, killed.BestClaim.Event.ReportId);
        Assert.Equal(4, killed.Claims.Length);
    }

    /// <summary>
    /// A governor's figure, its own later figure, and an unattributed one of that later day: the governor's later
    /// figure supersedes its first even when lower; conservative is the smallest figure still standing, never the
    /// superseded one.
    /// </summary>
    [Theory]
    [InlineData(7, 6, 5, 6, 5, 7, 5)]
    [InlineData(3, 5, 4, 5, 3, 5, 4)]
    public void A_later_figure_of_the_same_claimant_supersedes_its_earlier_one_even_when_lower(
        int first, int revised, int unattributed, int best, int low, int high, int conservative)
    {
        var ledger = new TestLedger().Report(1, "2024-03-15").Report(2, "2024-03-16").Report(3, "2024-03-16");
        ledger.Add(1, Odesa("March 15", first, claimant: "the governor", canonical: "ua.odesa.governor"));
        ledger.Add(2, Odesa("March 16", revised, claimant: "the governor", canonical: "ua.odesa.governor"));
        ledger.Add(3, Odesa("March 16", unattributed));
        var killed = Single(ledger).Figure(FigureKey.Killed)!;
        Assert.Equal(best, killed.Best);
        Assert.Equal(ClaimStanding.SupersededByClaimant, killed.Claims.Single(c => c.Value == first).Standing);
        Assert.Equal(low, killed.Low);
        Assert.Equal(high, killed.High);
        Assert.Equal(conservative, killed.Conservative);
    }

    [Fact]
    public void Launched_and_destroyed_come_from_the_air_force_before_the_president_and_unattributed_reports()
    {
        var ledger = new TestLedger().Report(1, "2023-12-29").Report(2, "2023-12-29").Report(3, "2023-12-30");
        ledger.Add(1, new Strike
        {
            Date = "2023-12-29", DateWords = "overnight", Precision = DatePrecision.Night, Places = ["Kyiv", "Lviv", "Odesa"],
            Weapons = [new Arms(WeaponCategory.Missile, Launched: 122, Destroyed: 87)], Claimant = "the air force", Canonical = "ua.air_force", ClaimantSide = Side.Ukraine,
            Sentence = "The air force said 122 missiles were launched overnight and 87 destroyed.",
        });
        ledger.Add(2, new Strike
        {
            Date = "2023-12-29", DateWords = "on Friday", Places = ["Kyiv"], Weapons = [new Arms(WeaponCategory.Missile, Launched: 110)],
            Claimant = "the president", Canonical = "ua.president", ClaimantSide = Side.Ukraine, Sentence = "The president said about 110 missiles were fired on Friday.",
        });
        ledger.Add(3, new Strike
        {
            Date = "2023-12-29", DateWords = "on Friday", Weapons = [new Arms(WeaponCategory.Missile, Launched: 120)],
            Sentence = "Some 120 missiles were fired on Friday, the paper reported a day later.",
        });
        var a = Single(ledger);
        var launched = a.Figure(FigureKey.Launched(WeaponFamily.Missile))!;
        Assert.Equal(122, launched.Best);
        Assert.Equal(110, launched.Low);
        Assert.Equal(122, launched.High);
        Assert.Equal(Reconciler.National, launched.BestClaim.Authority);
        Assert.Equal("authority", launched.BestRule);
        Assert.Equal(87, a.Figure(FigureKey.Destroyed(WeaponFamily.Missile))!.Best);
    }

    [Fact]
    public void Without_a_registry_the_claimants_side_still_ranks_them()
    {
        var ledger = new TestLedger().Report(1, "2023-12-29").Report(2, "2023-12-29");
        ledger.Add(1, new Strike
        {
            Date = "2023-12-29", DateWords = "overnight", Weapons = [new Arms(WeaponCategory.Drone, Launched: 36)], Claimant = "Ukraine's air force", ClaimantSide = Side.Ukraine,
            Sentence = "Ukraine's air force counted 36 drones overnight.",
        });
        ledger.Add(2, new Strike
        {
            Date = "2023-12-29", DateWords = "overnight", Weapons = [new Arms(WeaponCategory.Drone, Launched: 40)],
            Sentence = "About 40 drones were seen overnight, residents wrote.",
        });
        var launched = Single(ledger, _ => null).Figure(FigureKey.Launched(WeaponFamily.Drone))!;
        Assert.Equal(36, launched.Best);
        Assert.Equal(Reconciler.Official, launched.BestClaim.Authority);
    }

    [Fact]
    public void A_hedged_figure_yields_to_the_exact_one_it_rounds()
    {
        var ledger = new TestLedger().Report(1, "2024-03-22").Report(2, "2024-03-22");
        ledger.Add(1, new Strike
        {
            Date = "2024-03-22", DateWords = "overnight", Places = ["Dnipro", "Kharkiv"], Weapons = [new Arms(WeaponCategory.Drone, Launched: 63)],
            Sentence = "Russia launched 63 Shahed drones overnight.",
        });
        ledger.Add(2, new Strike
        {
            Date = "2024-03-22", DateWords = "overnight", Places = ["Dnipro"], Weapons = [new Arms(WeaponCategory.Drone, Launched: 60, Qualifier: Qualifier.MoreThan)],
            Claimant = "the president", Canonical = "ua.president", ClaimantSide = Side.Ukraine, Sentence = "More than 60 drones were launched, the president said.",
        });
        var launched = Single(ledger).Figure(FigureKey.Launched(WeaponFamily.Drone))!;
        Assert.Equal(63, launched.Best);
        Assert.Contains("hedged", launched.BestReason, StringComparison.Ordinal);
        Assert.Equal(60, launched.Low);
    }

    [Fact]
    public void An_exact_figure_a_set_aside_hedged_one_rounds_speaks_with_the_hedged_claimants_authority()
    {
        // The president's "almost 90" is set aside for the exact 88 it rounds; 88 then outranks an unattributed 12.
        var ledger = new TestLedger().Report(1, "2024-03-22").Report(2, "2024-03-22").Report(3, "2024-03-22");
        ledger.Add(1, new Strike
        {
            Date = "2024-03-22", DateWords = "overnight", Places = ["Dnipro", "Kharkiv"], Weapons = [new Arms(WeaponCategory.Missile, Launched: 88)],
            Claimant = "the wire service", Canonical = "outlet.wire", ClaimantSide = Side.Other, Sentence = "Russia fired 88 missiles overnight, the wire service said.",
        });
        ledger.Add(2, new Strike
        {
            Date = "2024-03-22", DateWords = "overnight", Places = ["Dnipro"], Weapons = [new Arms(WeaponCategory.Missile, Launched: 90, Qualifier: Qualifier.About)],
            Claimant = "the president", Canonical = "ua.president", ClaimantSide = Side.Ukraine, Sentence = "Almost 90 missiles were fired overnight, the president said.",
        });
        ledger.Add(3, new Strike
        {
            Date = "2024-03-22", DateWords = "overnight", Places = ["Dnipro", "Kharkiv"], Weapons = [new Arms(WeaponCategory.Missile, Launched: 12)],
            Sentence = "Twelve missiles were fired at Dnipro and Kharkiv overnight.",
        });
        var launched = Single(ledger).Figure(FigureKey.Launched(WeaponFamily.Missile))!;
        Assert.Equal(88, launched.Best);
        Assert.Contains("hedged", launched.BestReason, StringComparison.Ordinal);
        Assert.Contains(launched.Claims, c => c.Value == 12 && c.Authority == Reconciler.Unattributed);
        Assert.Equal(Reconciler.Outlet, launched.BestClaim.Authority); // the claim keeps its own rank
    }

    [Theory]
    [InlineData(Qualifier.MoreThan, 100, 127)]
    [InlineData(Qualifier.About, 100, 127)] // the figure is at least 127, so "about 100" undercounts it
    [InlineData(Qualifier.About, 140, 140)] // a floor under the approximation does not undercut it
    public void A_hedged_figure_yields_to_a_higher_lower_bound_it_fits(Qualifier hedge, int said, int best)
    {
        var ledger = new TestLedger().Report(1, "2024-08-26").Report(2, "2024-08-26");
        ledger.Add(1, new Strike
        {
            Date = "2024-08-26", DateWords = "this morning", Places = ["Kyiv", "Lviv", "Odesa"], Weapons = [new Arms(WeaponCategory.Missile, Launched: 127, Qualifier: Qualifier.AtLeast)],
            Sentence = "At least 127 missiles were launched this morning.",
        });
        ledger.Add(2, new Strike
        {
            Date = "2024-08-26", DateWords = "this morning", Places = ["Kyiv", "Lviv", "Odesa"], Weapons = [new Arms(WeaponCategory.Missile, Launched: said, Qualifier: hedge)],
            Claimant = "the president", Canonical = "ua.president", ClaimantSide = Side.Ukraine, Sentence = $"Some {said} missiles were fired, the president said this morning.",
        });
        var launched = Single(ledger).Figure(FigureKey.Launched(WeaponFamily.Missile))!;
        Assert.Equal(best, launched.Best);
        Assert.Equal(Math.Min(said, 127), launched.Low);
    }

    [Fact]
    public void When_one_claimants_figure_differs_between_reports_of_a_day_the_one_most_reports_carry_wins()
    {
        var ledger = new TestLedger();
        for (var i = 1; i <= 4; i++)
        {
            ledger.Report(i, "2025-03-11");
            ledger.Add(i, new Strike
            {
                Date = "2025-03-11", DateWords = "overnight", Precision = DatePrecision.Night, Attacker = Side.Ukraine, Target = Country.Russia,
                Places = ["Moscow", "Kursk", "Bryansk"], Weapons = [new Arms(WeaponCategory.Drone, Destroyed: i == 4 ? 343 : 337)],
                Claimant = "the defence ministry", Canonical = "ru.mod", ClaimantSide = Side.Russia,
                Sentence = $"The defence ministry said {(i == 4 ? 343 : 337)} drones were destroyed overnight.",
            });
        }

        var destroyed = Single(ledger).Figure(FigureKey.Destroyed(WeaponFamily.Drone))!;
        Assert.Equal(337, destroyed.Best);
        Assert.Equal("authority.most-reports", destroyed.BestRule);
        Assert.Equal(337, destroyed.Low);
        Assert.Equal(343, destroyed.High);
    }

    [Fact]
    public void Each_claim_of_one_weapon_entry_speaks_for_its_own_claimant()
    {
        // One report gives the ministry's count and, unattributed, a larger one: the ministry's is the best.
        var e = new Strike
        {
            Date = "2025-03-11", DateWords = "overnight", Attacker = Side.Ukraine, Target = Country.Russia, Places = ["Moscow", "Kursk", "Bryansk"],
            Weapons = [new Arms(WeaponCategory.Drone, Destroyed: 337)], Claimant = "the defence ministry", Canonical = "ru.mod", ClaimantSide = Side.Russia,
            Sentence = "The defence ministry said 337 drones were destroyed; local channels later counted 343.",
        }.Build();
        var use = e.Weapons[0];
        var unattributed = new FigureClaim(FigureKind.Destroyed, 343, Qualifier.Exact, use.Claims[0].Evidence, use.Weapon);
        e = e with { Weapons = [use with { Claims = [.. use.Claims, unattributed] }] };
        var report = new MergeReport(1, 1, "Wire", new DateOnly(2025, 3, 11), null);
        var attack = Assert.Single(new MergeEngine(FakeRegistry.Find).Merge([new MergeEvent(new EventKey(1, 0), report, e)]).Attacks);
        var destroyed = attack.Figure(FigureKey.Destroyed(WeaponFamily.Drone))!;
        Assert.Equal(337, destroyed.Best);
        Assert.Equal("ru.mod", destroyed.BestClaim.Registered!.Id);
        Assert.Equal(2, destroyed.Claims.Length);
        Assert.Equal(343, destroyed.High);
    }

    [Fact]
    public void The_two_sides_differing_figures_are_contested_and_both_kept()
    {
        var ledger = new TestLedger().Report(1, "2024-08-26").Report(2, "2024-08-26");
        ledger.Add(1, new Strike
        {
            Date = "2024-08-26", DateWords = "overnight", Attacker = Side.Ukraine, Target = Country.Russia, Places = ["Belgorod"],
            Weapons = [new Arms(WeaponCategory.Drone, Destroyed: 30)], Claimant = "the defence ministry", Canonical = "ru.mod", ClaimantSide = Side.Russia,
            Sentence = "The ministry said all 30 drones were intercepted over the region overnight.",
        });
        ledger.Add(2, new Strike
        {
            Date = "2024-08-26", DateWords = "overnight", Attacker = Side.Ukraine, Target = Country.Russia, Places = ["Belgorod"],
            Weapons = [new Arms(WeaponCategory.Drone, Destroyed: 18)], Claimant = "Ukraine's general staff", ClaimantSide = Side.Ukraine,
            Sentence = "Only 18 of the drones were downed and 12 hit their targets, Ukraine's general staff said.",
        });
        var destroyed = Single(ledger).Figure(FigureKey.Destroyed(WeaponFamily.Drone))!;
        Assert.True(destroyed.Contested);
        Assert.Equal(30, destroyed.Best);
        Assert.Equal([Side.Russia, Side.Ukraine], destroyed.SideClaims.Select(c => c.ClaimantSide).ToArray());
        Assert.Equal([30, 18], destroyed.SideClaims.Select(c => c.Value).ToArray());
        Assert.Equal(Reconciler.AttackerSide, destroyed.Claims.Single(c => c.Value == 18).Authority);
    }

    [Fact]
    public void Weapon_entries_of_a_family_are_summed_but_a_breakdown_of_a_stated_total_is_not_added()
    {
        var ledger = new TestLedger().Report(1, "2024-12-25");
        ledger.Add(1, new Strike
        {
            Date = "2024-12-25", DateWords = "on Christmas morning", Places = ["Kharkiv", "Dnipro", "Kryvyi Rih"],
            Weapons =
            [
                new Arms(WeaponCategory.Missile, Launched: 78),
                new Arms(WeaponCategory.CruiseMissile, Destroyed: 55, Model: "Kh-101"),
                new Arms(WeaponCategory.CruiseMissile, Destroyed: 4, Model: "Kh-59"),
                new Arms(WeaponCategory.CruiseMissile, Launched: 50, Model: "Kh-101"),
            ],
            Sentence = "Of 78 missiles, 55 Kh-101 and four Kh-59 were shot down on Christmas morning.",
        });
        var a = Single(ledger);
        Assert.Equal(78, a.Figure(FigureKey.Launched(WeaponFamily.Missile))!.Best);
        Assert.Equal(59, a.Figure(FigureKey.Destroyed(WeaponFamily.Missile))!.Best);
        Assert.Equal(55, a.Figure(FigureKey.Destroyed(WeaponFamily.Missile, "Kh-101"))!.Best);
        Assert.Equal("missile.destroyed:Kh-101", FigureKey.Destroyed(WeaponFamily.Missile, "Kh-101").ToContract());
    }

    [Fact]
    public void A_figure_revised_within_its_report_is_listed_but_never_counted()
    {
        var e = new Strike { Date = "2023-12-30", DateWords = "on Saturday", Attacker = Side.Ukraine, Target = Country.Russia, Places = ["Belgorod"], Killed = 4 }.Build();
        var revised = e.Casualties[0] with { Value = 2, IsCurrent = false, Evidence = new Evidence(default, "Two were killed at first count.") };
        e = e with { Casualties = [revised, .. e.Casualties] };
        var report = new MergeReport(1, 1, "Wire", new DateOnly(2023, 12, 30), null);
        var attack = Assert.Single(new MergeEngine().Merge([new MergeEvent(new EventKey(1, 0), report, e)]).Attacks);
        var killed = attack.Figure(FigureKey.Killed)!;
        Assert.Equal(4, killed.Best);
        Assert.Equal(4, killed.Low);
        Assert.Contains(killed.Claims, c => c.Value == 2 && c.Standing == ClaimStanding.RevisedInReport);
    }

    /// <summary>
    /// "29 missiles, among them 18 Kh-101, 7 Iskander-M and 4 Kinzhal": the models are parts of the stated total. The
    /// family counts the total once, each model keeps its count, and no part is listed as a revision.
    /// </summary>
    [Fact]
    public void A_breakdown_of_a_stated_total_is_counted_once_and_not_shown_as_revised()
    {
        var e = new Strike
        {
            Date = "2025-02-12", DateWords = "overnight", Places = ["Dnipro"],
            Weapons =
            [
                new Arms(WeaponCategory.Missile, Launched: 29),
                new Arms(WeaponCategory.CruiseMissile, Launched: 18, Model: "Kh-101"),
                new Arms(WeaponCategory.BallisticMissile, Launched: 7, Model: "Iskander-M"),
                new Arms(WeaponCategory.BallisticMissile, Launched: 4, Model: "Kinzhal"),
            ],
            Sentence = "Russia fired 29 missiles overnight, among them 18 Kh-101, seven Iskander-M and four Kinzhal.",
        }.Build();
        e = e with
        {
            Weapons = [.. e.Weapons.Select(w => w.Weapon.Model is null ? w : w with { Claims = [.. w.Claims.Select(c => c with { Role = ClaimRole.PartOfTotal })] })],
        };
        var report = new MergeReport(1, 1, "Wire", new DateOnly(2025, 2, 12), null);
        var attack = Assert.Single(new MergeEngine().Merge([new MergeEvent(new EventKey(1, 0), report, e)]).Attacks);
        var launched = attack.Figure(FigureKey.Launched(WeaponFamily.Missile))!;
        Assert.Equal(29, launched.Best);
        Assert.Equal(29, launched.High);
        Assert.DoesNotContain(launched.Claims, c => c.Standing == ClaimStanding.RevisedInReport);
        Assert.Equal(18, attack.Figure(FigureKey.Launched(WeaponFamily.Missile, "Kh-101"))!.Best);
    }

    [Fact]
    public void A_later_higher_toll_is_a_revision_of_the_attack_not_a_reason_to_split_it()
    {
        var ledger = new TestLedger().Report(1, "2024-03-15").Report(2, "2024-03-16");
        var early = ledger.Add(1, Odesa("March 15", 5, claimant: "the regional governor", canonical: "ua.odesa.governor"));
        var later = ledger.Add(2, Odesa("March 16", 21, claimant: "the regional governor", canonical: "ua.odesa.governor"));
        var r = ledger.Merge(null, FakeRegistry.Find);
        var a = Assert.Single(r.Attacks);
        var joined = a.Member(early)!.Kind == MembershipKind.Seed ? a.Member(later)! : a.Member(early)!;
        Assert.DoesNotContain(joined.Features, f => f.Value < 0);
        var killed = a.Figure(FigureKey.Killed)!;
        Assert.Equal(21, killed.Best);
        Assert.Equal(5, killed.Low);
        Assert.Equal(21, killed.High);
        Assert.Equal(ClaimStanding.SupersededByClaimant, killed.Claims.Single(c => c.Value == 5).Standing);
        Assert.Equal(ClaimStanding.Stands, killed.Claims.Single(c => c.Value == 21).Standing);
    }

    [Fact]
    public void A_later_higher_count_of_the_same_claimant_revises_its_first_one()
    {
        var ledger = new TestLedger().Report(1, "2023-12-29").Report(2, "2023-12-30");
        ledger.Add(1, new Strike
        {
            Date = "2023-12-29", DateWords = "overnight", Precision = DatePrecision.Night, Places = ["Kyiv", "Lviv", "Dnipro"],
            Weapons = [new Arms(WeaponCategory.Missile, Launched: 110)], Claimant = "the air force", Canonical = "ua.air_force", ClaimantSide = Side.Ukraine,
            Sentence = "The air force's first count was 110 missiles overnight.",
        });
        ledger.Add(2, new Strike
        {
            Date = "2023-12-29", DateWords = "on Friday night", Precision = DatePrecision.Night, Places = ["Kyiv", "Odesa", "Kharkiv"],
            Weapons = [new Arms(WeaponCategory.Missile, Launched: 122)], Claimant = "the air force", Canonical = "ua.air_force", ClaimantSide = Side.Ukraine,
            Sentence = "A day later the air force put the number of missiles fired on Friday night at 122.",
        });
        var launched = Single(ledger).Figure(FigureKey.Launched(WeaponFamily.Missile))!;
        Assert.Equal(122, launched.Best);
        Assert.Equal(110, launched.Low);
        Assert.Equal(122, launched.High);
        Assert.Equal(122, launched.Conservative);
        Assert.Equal(ClaimStanding.SupersededByClaimant, launched.Claims.Single(c => c.Value == 110).Standing);
    }

    [Theory]
    [InlineData(30, 18, true)]
    [InlineData(30, 30, false)]
    public void Figures_are_contested_only_when_the_two_sides_differ(int russian, int ukrainian, bool contested)
    {
        var ledger = new TestLedger().Report(1, "2024-08-26").Report(2, "2024-08-26");
        ledger.Add(1, new Strike
        {
            Date = "2024-08-26", DateWords = "overnight", Attacker = Side.Ukraine, Target = Country.Russia, Places = ["Kursk"],
            Weapons = [new Arms(WeaponCategory.Drone, Destroyed: russian)], Claimant = "the defence ministry", Canonical = "ru.mod", ClaimantSide = Side.Russia,
            Sentence = $"The ministry reported {russian} drones downed over the Kursk region overnight.",
        });
        ledger.Add(2, new Strike
        {
            Date = "2024-08-26", DateWords = "overnight", Attacker = Side.Ukraine, Target = Country.Russia, Places = ["Kursk"],
            Weapons = [new Arms(WeaponCategory.Drone, Destroyed: ukrainian)], Claimant = "a Ukrainian military source", ClaimantSide = Side.Ukraine,
            Sentence = $"A Ukrainian military source put the number brought down at {ukrainian}.",
        });
        var destroyed = Single(ledger).Figure(FigureKey.Destroyed(WeaponFamily.Drone))!;
        Assert.Equal(contested, destroyed.Contested);
        Assert.Equal(2, destroyed.SideClaims.Length);
        Assert.Equal(russian, destroyed.Best);
    }

    [Fact]
    public void Figures_do_not_depend_on_the_order_the_reports_arrive_in()
    {
        // Ties everywhere: one claimant's two figures a report each on one day, equal tolls from different claimants.
        var ledger = new TestLedger().Report(1, "2025-03-11").Report(2, "2025-03-11").Report(3, "2025-03-11").Report(4, "2025-03-12");
        Strike Night(int destroyed, int? killed, string? claimant, string? canonical, Side side) => new()
        {
            Date = "2025-03-11", DateWords = "overnight", Precision = DatePrecision.Night, Attacker = Side.Ukraine, Target = Country.Russia,
            Places = ["Moscow", "Domodedovo", "Kursk"], Weapons = [new Arms(WeaponCategory.Drone, Destroyed: destroyed)], Killed = killed,
            Claimant = claimant, Canonical = canonical, ClaimantSide = side,
            Sentence = $"Air defences destroyed {destroyed} drones overnight over the capital region and Kursk.",
        };
        ledger.Add(1, Night(337, 2, "the defence ministry", "ru.mod", Side.Russia));
        ledger.Add(2, Night(343, 2, "the defence ministry", "ru.mod", Side.Russia));
        ledger.Add(3, Night(337, 3, null, null, Side.Unknown));
        ledger.Add(4, Night(350, 3, "the regional governor", "ru.moscow.governor", Side.Russia));
        var events = ledger.Events();
        var engine = new MergeEngine(FakeRegistry.Find);
        var expected = Canonical.Of(engine.Merge(events));
        foreach (var order in Permutations(events.Count))
        {
            var actual = Canonical.Of(engine.Merge(order.Select(i => events[i])));
            Assert.True(expected == actual, Canonical.FirstDifference(actual, expected));
        }

        var a = Assert.Single(engine.Merge(events).Attacks);
        var destroyed = a.Figure(FigureKey.Destroyed(WeaponFamily.Drone))!;
        Assert.Equal(343, destroyed.Best);
        Assert.Equal("authority.most-reports", destroyed.BestRule);
        Assert.Equal(3, a.Figure(FigureKey.Killed)!.Best);
    }

    /// <summary>Every order of 0..n-1.</summary>
    private static IEnumerable<int[]> Permutations(int n)
    {
        var p = Enumerable.Range(0, n).ToArray();
        while (true)
        {
            yield return (int[])p.Clone();
            var i = n - 2;
            while (i >= 0 && p[i] >= p[i + 1])
            {
                i--;
            }

            if (i < 0)
            {
                yield break;
            }

            var j = n - 1;
            while (p[j] <= p[i])
            {
                j--;
            }

            (p[i], p[j]) = (p[j], p[i]);
            Array.Reverse(p, i + 1, n - i - 1);
        }
    }

    [Fact]
    public void The_attack_is_located_at_the_place_most_members_name()
    {
        var ledger = new TestLedger().Report(1, "2024-03-15").Report(2, "2024-03-15").Report(3, "2024-03-15");
        ledger.Add(1, Odesa("March 15", 14) with { Places = ["Odesa"] });
        ledger.Add(2, Odesa("March 15", 16) with { Places = ["Odesa", "Mykolaiv"] });
        ledger.Add(3, Odesa("March 15", 20) with { Places = ["Odesa"] });
        Assert.Equal("Odesa", Single(ledger).Location!.Name);
    }

    [Fact]
    public void A_vague_claim_never_enters_the_reconciled_figures()
    {
        // The vague claims carry 27 (not the 0 extraction writes) so that one leaking into the figures would show.
        var ledger = new TestLedger().Report(1, "2025-05-12").Report(2, "2025-05-12");
        ledger.Add(1, new Strike
        {
            Date = "2025-05-12", DateWords = "overnight", Places = ["Poltava"], Weapons = [new Arms(WeaponCategory.Drone, Launched: 27, Destroyed: 0, Qualifier: Qualifier.Vague)],
            Killed = 0, TollQualifier = Qualifier.Vague, Sentence = "Dozens of drones flew over Poltava overnight, none counted.",
        });
        ledger.Add(2, new Strike
        {
            Date = "2025-05-12", DateWords = "overnight", Places = ["Poltava"], Weapons = [new Arms(WeaponCategory.Drone, Launched: 18)],
            Sentence = "Eighteen drones were launched at Poltava overnight.",
        });
        var attack = Single(ledger);
        var launched = attack.Figure(FigureKey.Launched(WeaponFamily.Drone))!;
        Assert.Equal((18, 18, 18), (launched.Best, launched.Low, launched.High));
        Assert.All(launched.Claims, c => Assert.Equal(18, c.Value));
        Assert.Null(attack.Figure(FigureKey.Destroyed(WeaponFamily.Drone)));
        Assert.Null(attack.Figure(FigureKey.Killed));
    }
}
