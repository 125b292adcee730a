using Sitrep.Core;
using Sitrep.Ledger.Compare;
using static Sitrep.Ledger.Tests.Compare.ReferenceCsv;

namespace Sitrep.Ledger.Tests.Compare;

public sealed class ReferenceComparisonTests
{
    private static readonly DateOnly March2 = new(2026, 3, 2);

    /// <summary>An overnight window that ends on the morning of March <paramref name="day"/>, 2026.</summary>
    private static string Night(int day, string model, string launched, string destroyed)
    {
        var end = new DateOnly(2026, 3, day);
        return Row($"{end.AddDays(-1):yyyy-MM-dd} 18:00", $"{end:yyyy-MM-dd} 08:30", model, launched, destroyed);
    }

    [Fact]
    public void Both_sides_are_summed_per_night_and_family_and_equal_sums_are_exact()
    {
        var reference = Reference(
            Night(2, "Shahed-136/131", "100.0", "90.0"),
            Row("2026-03-02", "2026-03-02", "Unknown UAV", "10.0", "10.0"), // a second window of the same night
            Night(2, "X-101/X-555 and Kalibr", "12.0", "10.0"));
        var report = ReferenceComparison.Compare(reference,
        [
            Attack(7, "2026-03-02", droneLaunched: 60, droneDestroyed: 50, missileLaunched: 12, missileDestroyed: 10),
            Attack(3, "2026-03-02", droneLaunched: 50, droneDestroyed: 50),
        ]);

        Assert.Equal(2, report.Nights.Length);
        var drone = report.Nights[0];
        Assert.Equal((March2, WeaponFamily.Drone, Agreement.Exact), (drone.Night, drone.Family, drone.Agreement));
        Assert.Equal(new NightFigures(110, 100), drone.Ledger);
        Assert.Equal(new NightFigures(110, 100), drone.Reference);
        Assert.Equal([3L, 7L], drone.AttackIds.ToArray());
        Assert.Equal(2, drone.ReferenceRows);
        var missile = report.Nights[1];
        Assert.Equal((WeaponFamily.Missile, Agreement.Exact), (missile.Family, missile.Agreement));
        Assert.Equal([7L], missile.AttackIds.ToArray());

        var s = report.Summary;
        Assert.Equal((1, 1, 1, 2), (s.NightsInLedger, s.NightsInReference, s.NightsInBoth, s.Compared));
        Assert.Equal(new ShareCount(2, 1.0), s.Exact);
        Assert.Empty(s.Mismatches);
    }

    [Theory]
    [InlineData(100, 90, 100, 90, Agreement.Exact)]
    [InlineData(100, 90, 95, 85, Agreement.Within10Percent)]
    [InlineData(100, 90, 110, 99, Agreement.Within10Percent)] // exactly 10%
    [InlineData(100, 90, 111, 90, Agreement.Mismatch)] // launched 11% over
    [InlineData(100, 90, 100, 80, Agreement.Mismatch)] // destroyed 11% under; launched alone is not enough
    [InlineData(0, 0, 0, 0, Agreement.Exact)]
    [InlineData(0, 0, 1, 0, Agreement.Mismatch)] // no tolerance around zero
    [InlineData(236, 215, 200, 180, Agreement.Mismatch)]
    public void Figures_agree_exactly_within_10_percent_of_the_reference_or_not(int refLaunched, int refDestroyed, int launched, int destroyed, Agreement agreement) =>
        Assert.Equal(agreement, ReferenceComparison.Classify(new NightFigures(launched, destroyed), new NightFigures(refLaunched, refDestroyed)));

    [Fact]
    public void Only_figures_both_sides_give_are_compared()
    {
        Assert.Equal(Agreement.Exact, ReferenceComparison.Classify(new NightFigures(100, null), new NightFigures(100, 90)));
        Assert.Equal(Agreement.Within10Percent, ReferenceComparison.Classify(new NightFigures(null, 85), new NightFigures(100, 90)));
        Assert.Equal(Agreement.Mismatch, ReferenceComparison.Classify(new NightFigures(50, null), new NightFigures(100, null)));
        Assert.Equal(Agreement.NoCommonFigure, ReferenceComparison.Classify(new NightFigures(null, 90), new NightFigures(100, null)));
        Assert.Equal(Agreement.OnlyLedger, ReferenceComparison.Classify(new NightFigures(1, 1), null));
        Assert.Equal(Agreement.OnlyReference, ReferenceComparison.Classify(null, new NightFigures(1, 1)));
    }

    [Fact]
    public void Mismatches_are_listed_with_both_figures_and_the_attack_ids()
    {
        var reference = Reference(Night(2, "Shahed-136/131", "236.0", "215.0"), Night(3, "Shahed-136/131", "100.0", "90.0"));
        var report = ReferenceComparison.Compare(reference,
            [Attack(12, "2026-03-02", droneLaunched: 150, droneDestroyed: 140), Attack(13, "2026-03-02", droneLaunched: 50, droneDestroyed: 40),
             Attack(14, "2026-03-03", droneLaunched: 96, droneDestroyed: 88)]);

        var s = report.Summary;
        var m = Assert.Single(s.Mismatches);
        Assert.Equal((March2, WeaponFamily.Drone), (m.Night, m.Family));
        Assert.Equal(new NightFigures(200, 180), m.Ledger);
        Assert.Equal(new NightFigures(236, 215), m.Reference);
        Assert.Equal([12L, 13L], m.AttackIds.ToArray());
        Assert.Equal(new ShareCount(1, 0.5), s.Mismatch);
        Assert.Equal(new ShareCount(1, 0.5), s.Within10Percent);
        Assert.Equal(new ShareCount(0, 0.0), s.Exact);
    }

    [Fact]
    public void A_night_and_family_one_side_has_is_only_in_that_side()
    {
        var reference = Reference(Night(2, "Shahed-136/131", "50.0", "40.0"), Night(3, "Iskander-M", "2.0", "0.0"));
        var report = ReferenceComparison.Compare(reference,
            [Attack(1, "2026-03-02", missileLaunched: 4, missileDestroyed: 3), Attack(2, "2026-03-03", missileLaunched: 2, missileDestroyed: 0)]);

        Assert.Equal(
            [
                (March2, WeaponFamily.Drone, Agreement.OnlyReference),
                (March2, WeaponFamily.Missile, Agreement.OnlyLedger),
                (new DateOnly(2026, 3, 3), WeaponFamily.Missile, Agreement.Exact),
            ],
            report.Nights.Select(n => (n.Night, n.Family, n.Agreement)));
        var onlyReference = report.Nights[0];
        Assert.Null(onlyReference.Ledger);
        Assert.Empty(onlyReference.AttackIds);
        Assert.Null(report.Nights[1].Reference);
        var s = report.Summary;
        Assert.Equal((1, 1, 1), (s.OnlyLedger, s.OnlyReference, s.Compared));
        Assert.Equal(2, s.NightsInBoth); // March 2 is in both, though in different families
    }

    [Fact]
    public void The_span_is_the_ledgers_nights_so_the_reference_s_other_nights_are_not_blamed()
    {
        var reference = Reference(
            Night(1, "Shahed-136/131", "10.0", "9.0"), Night(2, "Shahed-136/131", "20.0", "19.0"), Night(3, "Shahed-136/131", "30.0", "29.0"),
            Night(4, "Shahed-136/131", "40.0", "39.0"), Night(5, "Shahed-136/131", "50.0", "49.0"));
        var report = ReferenceComparison.Compare(reference, [Attack(1, "2026-03-02", 20, 19), Attack(2, "2026-03-04", 40, 39)]);

        Assert.Equal(new ComparisonSpan(March2, new DateOnly(2026, 3, 4), SpanEnd.Ledger, SpanEnd.Ledger), report.Span);
        Assert.Equal([2, 3, 4], report.Nights.Select(n => n.Night.Day));
        Assert.Equal(Agreement.OnlyReference, report.Nights[1].Agreement); // a night inside the span the ledger missed
        Assert.Equal(3, report.Summary.ReferenceRowsInSpan);
    }

    [Fact]
    public void Given_ends_set_the_span_even_past_the_ledger()
    {
        var reference = Reference(Night(1, "Kalibr", "10.0", "9.0"), Night(2, "Kalibr", "20.0", "19.0"), Night(5, "Kalibr", "5.0", "5.0"));
        var attacks = new[] { Attack(1, "2026-03-02", missileLaunched: 20, missileDestroyed: 19), Attack(2, "2026-03-05", missileLaunched: 5, missileDestroyed: 5) };

        var report = ReferenceComparison.Compare(reference, attacks, since: new DateOnly(2026, 3, 1), until: new DateOnly(2026, 3, 3));

        Assert.Equal(new ComparisonSpan(new DateOnly(2026, 3, 1), new DateOnly(2026, 3, 3), SpanEnd.Given, SpanEnd.Given), report.Span);
        Assert.Equal([(1, Agreement.OnlyReference), (2, Agreement.Exact)], report.Nights.Select(n => (n.Night.Day, n.Agreement)));
        Assert.Equal(1, report.Summary.LedgerAttacks); // the attack of March 5 is outside

        var open = ReferenceComparison.Compare(reference, attacks, since: new DateOnly(2026, 3, 1));
        Assert.Equal(new ComparisonSpan(new DateOnly(2026, 3, 1), new DateOnly(2026, 3, 5), SpanEnd.Given, SpanEnd.Ledger), open.Span);
    }

    [Fact]
    public void Only_Russias_attacks_on_Ukraine_are_compared_but_every_dated_attack_sets_the_span()
    {
        var reference = Reference(Night(2, "Shahed-136/131", "20.0", "19.0"), Night(3, "Shahed-136/131", "30.0", "29.0"));
        var report = ReferenceComparison.Compare(reference,
        [
            Attack(1, "2026-03-02", 20, 19),
            Attack(2, "2026-03-03", 120, 100, attacker: Side.Ukraine, target: Country.Russia),
            Attack(3, "2026-03-02", 5, 5, attacker: Side.Unknown),
            new LedgerAttackFigures(4, null, Side.Russia, Country.Ukraine, [new AttackFamilyFigures(WeaponFamily.Drone, 9, 9)]),
        ]);

        Assert.Equal([(2, Agreement.Exact), (3, Agreement.OnlyReference)], report.Nights.Select(n => (n.Night.Day, n.Agreement)));
        var s = report.Summary;
        Assert.Equal((3, 1, 2, 1), (s.LedgerAttacks, s.LedgerAttacksCompared, s.LedgerAttacksOtherParties, s.LedgerAttacksUndated));
    }

    [Fact]
    public void Families_outside_drones_and_missiles_and_unmapped_models_are_counted_not_compared()
    {
        var reference = Reference(
            Night(2, "Shahed-136/131", "20.0", "19.0"), Night(2, "Aerial Bomb", "3.0", "0.0"), Night(2, "Zubr-9", "4.0", "4.0"),
            Night(9, "Zubr-9", "1.0", "1.0"));
        var report = ReferenceComparison.Compare(reference,
            [new LedgerAttackFigures(1, March2, Side.Russia, Country.Ukraine, [new(WeaponFamily.Drone, 20, 19), new(WeaponFamily.Bomb, 30, null)])]);

        var n = Assert.Single(report.Nights);
        Assert.Equal((WeaponFamily.Drone, Agreement.Exact), (n.Family, n.Agreement));
        var s = report.Summary;
        Assert.Equal(3, s.ReferenceRowsInSpan);
        Assert.Equal(1, s.ReferenceRowsUnmapped);
        Assert.Equal(1, s.ReferenceRowsOtherFamilies[WeaponFamily.Bomb]);
        var unmapped = Assert.Single(s.UnmappedModels);
        Assert.Equal(("Zubr-9", 1), (unmapped.Model, unmapped.Rows)); // the row of March 9 is outside the span
    }

    [Fact]
    public void A_family_with_no_figure_in_an_attack_is_not_the_ledger_s()
    {
        var reference = Reference(Night(2, "Shahed-136/131", "20.0", "19.0"));
        var report = ReferenceComparison.Compare(reference,
            [new LedgerAttackFigures(1, March2, Side.Russia, Country.Ukraine, [new(WeaponFamily.Drone, null, null), new(WeaponFamily.Missile, 2, null)])]);

        Assert.Equal([(WeaponFamily.Drone, Agreement.OnlyReference), (WeaponFamily.Missile, Agreement.OnlyLedger)],
            report.Nights.Select(x => (x.Family, x.Agreement)));
        Assert.Equal(new NightFigures(2, null), report.Nights[1].Ledger);
    }

    [Fact]
    public void Without_a_dated_attack_or_given_ends_nothing_is_compared()
    {
        var reference = Reference(Night(2, "Shahed-136/131", "20.0", "19.0"));
        var report = ReferenceComparison.Compare(reference, [new LedgerAttackFigures(1, null, Side.Russia, Country.Ukraine, [])]);
        Assert.Null(report.Span);
        Assert.Empty(report.Nights);
        Assert.Equal(1, report.Summary.LedgerAttacksUndated);
        Assert.Null(report.Summary.Exact.Share);

        var given = ReferenceComparison.Compare(reference, [], March2, March2);
        Assert.Equal(Agreement.OnlyReference, Assert.Single(given.Nights).Agreement);
    }

    [Fact]
    public void The_report_does_not_depend_on_the_order_of_attacks()
    {
        var reference = Reference(Night(2, "Shahed-136/131", "236.0", "215.0"), Night(3, "Kalibr", "8.0", "6.0"));
        LedgerAttackFigures[] attacks = [Attack(5, "2026-03-02", 100, 90), Attack(2, "2026-03-03", missileLaunched: 8), Attack(9, "2026-03-02", 136, 125)];
        var a = ReferenceComparison.Compare(reference, attacks);
        var b = ReferenceComparison.Compare(reference, attacks.Reverse());
        Assert.Equal(a.Nights.Select(ComparisonText.Row).SelectMany(r => r), b.Nights.Select(ComparisonText.Row).SelectMany(r => r));
        Assert.Equal([5L, 9L], a.Nights[0].AttackIds.ToArray());
    }
}
