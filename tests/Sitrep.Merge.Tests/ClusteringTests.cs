using Sitrep.Core;

namespace Sitrep.Merge.Tests;

/// <summary>Which per-report events make one attack, and why: table cases written for the tests.</summary>
public sealed class ClusteringTests
{
    private static readonly Strike Wave = new()
    {
        Date = "2024-08-26", DateWords = "overnight", Precision = DatePrecision.Night,
        Places = ["Kyiv", "Lviv", "Kharkiv", "Odesa", "Dnipro"],
        Weapons = [new Arms(WeaponCategory.Missile, Launched: 122), new Arms(WeaponCategory.Drone, Launched: 36)],
        Claimant = "the air force", Canonical = "ua.air_force", ClaimantSide = Side.Ukraine,
        Sentence = "Russia fired 122 missiles and 36 drones at cities across Ukraine overnight, the air force said.",
    };

    private static MergeResult Merge(TestLedger ledger, IEnumerable<MergeDecision>? decisions = null) => ledger.Merge(decisions, FakeRegistry.Find);

    private static bool Together(MergeResult r, EventKey a, EventKey b) => r.AttackOf(a)!.Key == r.AttackOf(b)!.Key;

    [Fact]
    public void Accounts_of_one_wave_from_several_outlets_are_one_attack_and_say_why()
    {
        var ledger = new TestLedger().Report(1, "2024-08-26", "Wire A").Report(2, "2024-08-26", "Wire B").Report(3, "2024-08-26", "Daily C");
        var a = ledger.Add(1, Wave);
        var b = ledger.Add(2, new Strike
        {
            Date = "2024-08-26", DateWords = "on Monday", Weapons = [new Arms(WeaponCategory.Missile, Launched: 122)],
            Sentence = "The barrage of 122 missiles on Monday was the largest of the war.",
        });
        var c = ledger.Add(3, new Strike
        {
            Date = "2024-08-26", DateWords = "overnight", Precision = DatePrecision.Night, Places = ["Kharkiv"], Killed = 3,
            Sentence = "Three people were killed in Kharkiv overnight, the mayor said.",
        });
        var r = Merge(ledger);
        var attack = Assert.Single(r.Attacks);
        Assert.Equal(3, attack.ReportCount);
        Assert.Equal(3, attack.SourceCount);
        Assert.Equal(new DateOnly(2024, 8, 26), attack.Date);
        Assert.Equal(DatePrecision.Night, attack.Precision);
        Assert.Equal(Side.Russia, attack.Attacker);
        Assert.Equal(MembershipKind.Seed, attack.Member(a)!.Kind);
        var joined = attack.Member(b)!;
        Assert.Equal(MembershipKind.SameDay, joined.Kind);
        Assert.Contains(joined.Features, f => f.Name == "figure-equal" && f.Reason.Contains("missile.launched 122", StringComparison.Ordinal));
        Assert.Contains(attack.Member(c)!.Features, f => f.Name == "same-town" && f.Reason == "both name Kharkiv");
        Assert.Contains("same day", joined.Explain(), StringComparison.Ordinal);
        Assert.True(Together(r, a, c));
    }

    [Fact]
    public void A_wave_of_122_missiles_and_a_wave_of_12_are_not_one_attack()
    {
        var ledger = new TestLedger().Report(1, "2024-08-26").Report(2, "2024-08-26");
        var big = ledger.Add(1, Wave);
        var small = ledger.Add(2, Wave with
        {
            Places = ["Kherson", "Mykolaiv", "Poltava", "Sumy"], Weapons = [new Arms(WeaponCategory.Missile, Launched: 12), new Arms(WeaponCategory.Drone, Launched: 5)],
            Sentence = "Twelve missiles and five drones were launched at southern and northern regions.",
        });
        var r = Merge(ledger);
        Assert.False(Together(r, big, small));
    }

    [Fact]
    public void A_city_account_of_part_of_the_wave_joins_it_and_is_partial()
    {
        var ledger = new TestLedger().Report(1, "2024-08-26").Report(2, "2024-08-26");
        var wave = ledger.Add(1, Wave with { Weapons = [new Arms(WeaponCategory.Missile, Launched: 122, Destroyed: 100)] });
        var kyiv = ledger.Add(2, new Strike
        {
            Date = "2024-08-26", DateWords = "overnight", Precision = DatePrecision.Night, Places = ["Kyiv"],
            Weapons = [new Arms(WeaponCategory.Missile, Destroyed: 15)], Killed = 0, Injured = 0,
            Claimant = "the city administration", Canonical = "ua.kyiv.city", ClaimantSide = Side.Ukraine,
            Sentence = "Air defence downed 15 missiles over the capital overnight; nobody was hurt, the city administration said.",
        });
        var r = Merge(ledger);
        Assert.True(Together(r, wave, kyiv));
        var attack = r.AttackOf(wave)!;
        Assert.True(attack.Member(kyiv)!.IsPartial);
        Assert.False(attack.Member(wave)!.IsPartial);
        var destroyed = attack.Figure(FigureKey.Destroyed(WeaponFamily.Missile))!;
        Assert.Equal(100, destroyed.Best);
        Assert.Equal(100, destroyed.Low);
        Assert.Contains(destroyed.Claims, c => c.Value == 15 && c.IsPartial);
    }

    [Fact]
    public void A_separate_daytime_strike_on_a_city_the_wave_did_not_name_is_its_own_attack()
    {
        var ledger = new TestLedger().Report(1, "2024-08-26").Report(2, "2024-08-26");
        var wave = ledger.Add(1, Wave with { Places = ["Kyiv", "Lviv", "Kharkiv", "Dnipro", "Poltava"] });
        var odesa = ledger.Add(2, new Strike
        {
            Date = "2024-08-26", DateWords = "on Monday afternoon", Places = ["Odesa"], Weapons = [new Arms(WeaponCategory.BallisticMissile, Launched: 2)], Killed = 4,
            Sentence = "Two ballistic missiles struck the port of Odesa on Monday afternoon, killing four.",
        });
        var r = Merge(ledger);
        Assert.False(Together(r, wave, odesa));
    }

    [Fact]
    public void Same_day_strikes_on_different_regions_with_different_weapons_stay_apart()
    {
        var ledger = new TestLedger().Report(1, "2023-12-30").Report(2, "2023-12-30").Report(3, "2023-12-30");
        var kharkiv1 = ledger.Add(1, new Strike
        {
            Date = "2023-12-30", DateWords = "on Saturday evening", Places = ["Kharkiv"], Weapons = [new Arms(WeaponCategory.BallisticMissile, Model: "Iskander-M")], Injured = 28,
            Sentence = "Missiles hit the centre of Kharkiv on Saturday evening, injuring 28.",
        });
        var kharkiv2 = ledger.Add(2, new Strike
        {
            Date = "2023-12-30", DateWords = "on Saturday", Places = ["Kharkiv"], Weapons = [new Arms(WeaponCategory.Missile)], Injured = 20,
            Sentence = "The mayor said 20 people were hurt when missiles hit a hotel in Kharkiv on Saturday.",
        });
        var south = ledger.Add(3, new Strike
        {
            Date = "2023-12-30", DateWords = "on Saturday", Places = ["Kherson", "Mykolaiv"], Weapons = [new Arms(WeaponCategory.Drone, Destroyed: 10, Model: "Shahed")],
            Sentence = "Ten Shahed drones were shot down over the Kherson and Mykolaiv regions on Saturday.",
        });
        var r = Merge(ledger);
        Assert.True(Together(r, kharkiv1, kharkiv2));
        Assert.False(Together(r, kharkiv1, south));
    }

    [Fact]
    public void A_city_and_the_region_around_it_are_not_places_with_nothing_in_common()
    {
        // Kyiv is its own first-order region; "the Kyiv region" is another one around it.
        var ledger = new TestLedger().Report(1, "2024-08-26").Report(2, "2024-08-26");
        var city = ledger.Add(1, new Strike
        {
            Date = "2024-08-26", DateWords = "overnight", Places = ["Kyiv"], Weapons = [new Arms(WeaponCategory.Drone, Destroyed: 15)],
            Sentence = "Air defence downed 15 drones over Kyiv overnight.",
        });
        var region = ledger.Add(2, new Strike
        {
            Date = "2024-08-26", DateWords = "overnight", Places = ["Kyiv Oblast"], Weapons = [new Arms(WeaponCategory.Drone)],
            Sentence = "Drone debris damaged houses in the Kyiv region overnight.",
        });
        var r = Merge(ledger);
        Assert.True(Together(r, city, region));
        Assert.Contains(r.AttackOf(city)!.Members.SelectMany(m => m.Features), f => f.Name == "town-in-named-region");
    }

    [Fact]
    public void The_two_sides_attacks_the_same_night_are_never_one_attack()
    {
        var ledger = new TestLedger().Report(1, "2025-03-11").Report(2, "2025-03-11");
        var onUkraine = ledger.Add(1, Wave with { Date = "2025-03-11" });
        var onRussia = ledger.Add(2, new Strike
        {
            Date = "2025-03-11", DateWords = "overnight", Precision = DatePrecision.Night, Attacker = Side.Ukraine, Target = Country.Russia,
            Places = ["Moscow", "Domodedovo"], Weapons = [new Arms(WeaponCategory.Drone, Destroyed: 337)],
            Sentence = "The defence ministry said 337 drones were destroyed over Russian regions overnight.",
        });
        var r = Merge(ledger);
        Assert.False(Together(r, onUkraine, onRussia));
        Assert.Equal(Country.Russia, r.AttackOf(onRussia)!.TargetCountry);
    }

    [Fact]
    public void An_account_that_does_not_name_the_attacker_joins_only_on_strong_evidence()
    {
        var ledger = new TestLedger().Report(1, "2024-08-26").Report(2, "2024-08-26").Report(3, "2024-08-26");
        var wave = ledger.Add(1, Wave);
        var strong = ledger.Add(2, new Strike
        {
            Date = "2024-08-26", DateWords = "overnight", Precision = DatePrecision.Night, Attacker = Side.Unknown, Places = ["Kharkiv"],
            Weapons = [new Arms(WeaponCategory.Missile, Launched: 122)], Sentence = "Explosions shook Kharkiv overnight as 122 missiles were launched at the country.",
        });
        var weak = ledger.Add(3, new Strike
        {
            Date = "2024-08-26", DateWords = "on Monday", Attacker = Side.Unknown, Killed = 1,
            Sentence = "One person died on Monday, officials said.",
        });
        var r = Merge(ledger);
        Assert.True(Together(r, wave, strong));
        Assert.Contains(r.AttackOf(strong)!.Member(strong)!.Features, f => f.Name == "attacker-unknown");
        Assert.False(Together(r, wave, weak));
    }

    [Fact]
    public void An_undated_account_published_the_next_morning_joins_the_night_it_matches_not_the_next()
    {
        // Two consecutive nights; an account with no date words, published on the second day, gives the first night's figures.
        var ledger = new TestLedger().Report(1, "2024-08-26").Report(2, "2024-08-27").Report(3, "2024-08-27");
        var first = ledger.Add(1, Wave with
        {
            Weapons = [new Arms(WeaponCategory.Missile, Launched: 127), new Arms(WeaponCategory.Drone, Launched: 109)],
            Sentence = "Russia launched 127 missiles and 109 drones at the energy grid overnight.",
        });
        var second = ledger.Add(2, new Strike
        {
            Date = "2024-08-27", DateWords = "overnight", Precision = DatePrecision.Night, Places = ["Kyiv", "Kryvyi Rih", "Zaporizhzhia"],
            Weapons = [new Arms(WeaponCategory.Missile, Launched: 10, Destroyed: 5), new Arms(WeaponCategory.Drone, Launched: 81, Destroyed: 60)],
            Sentence = "A second night of strikes followed: 10 missiles and 81 drones.",
        });
        var recap = ledger.Add(3, new Strike
        {
            DateWords = "", Places = ["Kyiv"],
            Weapons = [new Arms(WeaponCategory.Missile, Launched: 127, Destroyed: 102), new Arms(WeaponCategory.Drone, Launched: 109, Destroyed: 99)],
            Sentence = "Of the 127 missiles and 109 drones, 102 and 99 were shot down.",
        });
        var r = Merge(ledger);
        Assert.True(Together(r, first, recap));
        Assert.False(Together(r, second, recap));
        var member = r.AttackOf(recap)!.Member(recap)!;
        Assert.Equal(MembershipKind.AssumedDate, member.Kind);
        Assert.Contains(member.Features, f => f.Name == "assumed-day-before");
        Assert.Equal(new DateOnly(2024, 8, 26), r.AttackOf(recap)!.Date);
    }

    [Fact]
    public void Two_strikes_one_report_tells_apart_stay_apart_but_a_city_section_of_the_national_account_joins()
    {
        var ledger = new TestLedger().Report(1, "2023-12-31").Report(2, "2024-12-25");
        var evening = ledger.Add(1, new Strike
        {
            Date = "2023-12-30", DateWords = "on Saturday evening", Places = ["Kharkiv"], Weapons = [new Arms(WeaponCategory.Missile)], Injured = 28,
            Sentence = "Missiles struck Kharkiv on Saturday evening, injuring 28.",
        });
        var hoursLater = ledger.Add(1, new Strike
        {
            DateWords = "", Places = ["Kharkiv"], Killed = 0, Injured = 0, Sentence = "Hours later the city was attacked again; nobody was hurt.",
        });
        var city = ledger.Add(2, new Strike
        {
            Date = "2024-12-25", DateWords = "on the morning of December 25", Places = ["Kharkiv"], Weapons = [new Arms(WeaponCategory.Missile, Launched: 12)], Injured = 4,
            Claimant = "the mayor", Sentence = "The mayor said 12 missiles targeted Kharkiv on the morning of December 25, injuring four.",
        });
        var national = ledger.Add(2, new Strike
        {
            Date = "2024-12-25", DateWords = "on December 25", Weapons = [new Arms(WeaponCategory.Missile, Launched: 70), new Arms(WeaponCategory.Drone, Launched: 100)],
            Sentence = "Across the country, more than 70 missiles and 100 drones were launched on December 25.",
        });
        var r = Merge(ledger);
        Assert.False(Together(r, evening, hoursLater));
        Assert.True(Together(r, city, national));
    }

    [Theory]
    [InlineData(122, true)]
    [InlineData(110, true)]
    [InlineData(50, false)]
    [InlineData(12, false)]
    public void Two_wide_accounts_of_a_night_are_one_wave_only_when_their_counts_are_compatible(int missiles, bool oneAttack)
    {
        // Both accounts name several regions but none in common; only the missile counts tell them together or apart.
        var ledger = new TestLedger().Report(1, "2024-08-26").Report(2, "2024-08-26");
        var wave = ledger.Add(1, Wave);
        var other = ledger.Add(2, new Strike
        {
            Date = "2024-08-26", DateWords = "overnight", Precision = DatePrecision.Night, Places = ["Kherson", "Mykolaiv", "Poltava", "Sumy"],
            Weapons = [new Arms(WeaponCategory.Missile, Launched: missiles)],
            Sentence = $"Overnight {missiles} missiles were launched at the south and the north-east.",
        });
        Assert.Equal(oneAttack, Together(Merge(ledger), wave, other));
    }

    [Fact]
    public void Identical_accounts_with_different_attackers_or_target_countries_are_never_one_attack()
    {
        var ledger = new TestLedger().Report(1, "2024-08-26").Report(2, "2024-08-26").Report(3, "2024-08-26");
        var russian = ledger.Add(1, Wave);
        var ukrainian = ledger.Add(2, Wave with { Attacker = Side.Ukraine });
        var elsewhere = ledger.Add(3, Wave with { Target = Country.Other, Places = [] });
        var r = Merge(ledger);
        Assert.Equal(3, r.Attacks.Length);
        Assert.False(Together(r, russian, ukrainian));
        Assert.False(Together(r, russian, elsewhere));
        Assert.Equal(Side.Ukraine, r.AttackOf(ukrainian)!.Attacker);
        Assert.Equal(Country.Other, r.AttackOf(elsewhere)!.TargetCountry);
    }

    [Fact]
    public void An_undated_local_strike_a_report_gives_beside_its_dated_wave_is_another_attack()
    {
        // The report dates the night's drones; a village's shelling it mentions has no date and no weapon in common.
        var ledger = new TestLedger().Report(1, "2023-12-30");
        var drones = ledger.Add(1, new Strike
        {
            Date = "2023-12-30", DateWords = "on Saturday", Attacker = Side.Ukraine, Target = Country.Russia, Places = ["Moscow", "Kursk", "Bryansk", "Belgorod"],
            Weapons = [new Arms(WeaponCategory.Drone, Destroyed: 32)], Sentence = "Air defences downed 32 drones over four regions on Saturday.",
        });
        var shelling = ledger.Add(1, new Strike
        {
            DateWords = "", Attacker = Side.Ukraine, Target = Country.Russia, Places = ["Klintsy"], Killed = 1,
            Sentence = "Separately, a boy was killed when shells hit a village near Klintsy.",
        });
        var r = Merge(ledger);
        Assert.False(Together(r, drones, shelling));
        Assert.Single(r.AttackOf(shelling)!.Members);
    }

    [Fact]
    public void Undated_events_of_undated_reports_and_events_dated_only_to_a_week_stand_alone()
    {
        var ledger = new TestLedger().Report(1, "2024-08-26").Report(2, null).Report(3, "2024-08-26");
        var wave = ledger.Add(1, Wave);
        var undated = ledger.Add(2, Wave with { Date = null, DateWords = "" });
        var vague = ledger.Add(3, Wave with { Date = null, DateWords = "last week", Precision = DatePrecision.Week });
        var r = Merge(ledger);
        Assert.False(Together(r, wave, undated));
        Assert.False(Together(r, wave, vague));
        Assert.Equal(MembershipKind.Undated, r.AttackOf(undated)!.Member(undated)!.Kind);
        Assert.Null(r.AttackOf(undated)!.Home);
        Assert.Equal(MembershipKind.VagueDate, r.AttackOf(vague)!.Member(vague)!.Kind);
    }

    [Fact]
    public void An_undated_event_of_an_undated_report_is_anchored_on_its_dated_sibling()
    {
        var ledger = new TestLedger().Report(1, "2024-08-26").Report(2, null);
        var wave = ledger.Add(1, Wave);
        ledger.Add(2, new Strike { Date = "2024-08-26", DateWords = "on August 26", Places = ["Lviv"], Sentence = "Lviv was hit on August 26." });
        var sibling = ledger.Add(2, Wave with { Date = null, DateWords = "", Sentence = "Russia fired 122 missiles and 36 drones, the air force said." });
        var events = ledger.Events();
        Assert.Equal(new DateOnly(2024, 8, 26), MergeEngine.AnchorOf(events.Single(e => e.Key == sibling)));
        Assert.True(Together(Merge(ledger), wave, sibling));
    }

    [Fact]
    public void Aggregates_never_join_and_bad_input_is_refused_with_a_reason()
    {
        var ledger = new TestLedger().Report(1, "2024-08-26");
        var wave = ledger.Add(1, Wave);
        var total = ledger.Add(1, Wave with { Kind = EventKind.Aggregate, Sentence = "Russia has fired more than 9,000 missiles since the invasion." });
        var r = Merge(ledger);
        Assert.NotNull(r.AttackOf(wave));
        Assert.Null(r.AttackOf(total));

        var e = ledger.Events()[0];
        var duplicate = Assert.Throws<ArgumentException>(() => new MergeEngine().Merge([e, e]));
        Assert.Contains("given twice", duplicate.Message, StringComparison.Ordinal);
        var wrongReport = Assert.Throws<ArgumentException>(() => new MergeEngine().Merge([e with { Key = new EventKey(7, 0) }]));
        Assert.Contains("names its own report", wrongReport.Message, StringComparison.Ordinal);
    }
}
