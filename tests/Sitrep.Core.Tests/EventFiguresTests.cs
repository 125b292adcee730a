using Sitrep.Core;

namespace Sitrep.Core.Tests;

public sealed class EventFiguresTests
{
    private static readonly Evidence Words = new(new TextSpan(0, 5), "words");

    private static WeaponUse Use(WeaponCategory c, string? model, params (FigureKind Kind, int Value, bool Current)[] claims) =>
        new(new WeaponRef(c, model), Words)
        {
            Claims = [.. claims.Select(x => new FigureClaim(x.Kind, x.Value, Qualifier.Exact, Words, new WeaponRef(c, model)) { IsCurrent = x.Current })],
        };

    [Fact]
    public void Figures_sum_each_weapons_best_current_claim_per_family_and_in_all()
    {
        var e = new ExtractedEvent
        {
            Weapons =
            [
                Use(WeaponCategory.Drone, "Shahed-136", (FigureKind.Launched, 40, true), (FigureKind.Launched, 30, false), (FigureKind.Destroyed, 35, true)),
                Use(WeaponCategory.CruiseMissile, "Kh-101", (FigureKind.Launched, 6, true), (FigureKind.Destroyed, 5, true)),
                Use(WeaponCategory.BallisticMissile, "Iskander-M", (FigureKind.Launched, 2, true)),
            ],
            Casualties =
            [
                new FigureClaim(FigureKind.Killed, 3, Qualifier.Exact, Words) { IsCurrent = false },
                new FigureClaim(FigureKind.Killed, 5, Qualifier.AtLeast, Words),
            ],
        };
        var f = EventFigures.Of(e);
        Assert.Equal(48, f.Launched);
        Assert.Equal(40, f.Destroyed);
        Assert.Equal(5, f.Killed);
        Assert.Null(f.Injured);
        Assert.Equal(WeaponFamily.Drone, f.PrimaryFamily);
        Assert.Equal(new FamilyFigures(WeaponFamily.Missile, 8, 5, null), f.Of(WeaponFamily.Missile));
        Assert.Equal(new FamilyFigures(WeaponFamily.Bomb, null, null, null), f.Of(WeaponFamily.Bomb));
        Assert.Equal("Shahed-136 (drone) 40/35; Kh-101 (cruise_missile) 6/5; Iskander-M (ballistic_missile) 2/?", f.WeaponsText);
    }

    [Fact]
    public void A_vague_claim_is_no_weapons_or_casualty_figure_and_keeps_its_contract_name()
    {
        var vague = new FigureClaim(FigureKind.Launched, 0, Qualifier.Vague, Words);
        var e = new ExtractedEvent
        {
            Weapons =
            [
                new WeaponUse(new WeaponRef(WeaponCategory.Drone, null), Words) { Claims = [vague, vague with { Kind = FigureKind.Destroyed }] },
                new WeaponUse(new WeaponRef(WeaponCategory.Missile, null), Words) { Claims = [vague, new FigureClaim(FigureKind.Launched, 4, Qualifier.Exact, Words)] },
            ],
            Casualties = [new FigureClaim(FigureKind.Injured, 0, Qualifier.Vague, Words)],
        };
        var f = EventFigures.Of(e);
        Assert.Equal(4, f.Launched);
        Assert.Null(f.Destroyed);
        Assert.Null(f.Injured);
        Assert.Null(e.Weapons[0].Current(FigureKind.Launched));
        Assert.False(vague.IsCount);
        Assert.True(Qualifier.UpTo.IsCount());
        Assert.Equal("vague", Qualifier.Vague.ToContract());
        Assert.Equal(Qualifier.Vague, ContractNames.ParseQualifier("vague"));
    }

    [Theory]
    [InlineData(Qualifier.Exact, 16, "16")]
    [InlineData(Qualifier.AtLeast, 16, "at least 16")]
    [InlineData(Qualifier.UpTo, 2000, "up to 2000")]
    [InlineData(Qualifier.Vague, 0, "vague")]
    public void A_figure_reads_with_its_hedge_and_a_vague_claim_never_as_its_stored_zero(Qualifier q, long value, string shown) =>
        Assert.Equal(shown, q.Hedged(value));
}
