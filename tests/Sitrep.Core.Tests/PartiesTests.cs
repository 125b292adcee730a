using Sitrep.Core;

namespace Sitrep.Core.Tests;

public sealed class PartiesTests
{
    [Theory]
    [InlineData("RU", Side.Russia)]
    [InlineData("russia", Side.Russia)]
    [InlineData(" Ukrainian ", Side.Ukraine)]
    [InlineData("by", Side.Belarus)]
    [InlineData("unknown", Side.Unknown)]
    public void Sides_parse_from_codes_and_names(string text, Side side)
    {
        Assert.True(Parties.TryParseSide(text, out var s));
        Assert.Equal(side, s);
        Assert.True(Parties.TryParseSide(s.ToContract(), out var back));
        Assert.Equal(side, back);
    }

    [Theory]
    [InlineData("")]
    [InlineData("nato")]
    [InlineData(null)]
    public void Unknown_side_names_are_reported_not_defaulted(string? text)
    {
        Assert.False(Parties.TryParseSide(text, out _));
        Assert.Throws<FormatException>(() => Parties.ParseSide(text ?? ""));
    }

    [Fact]
    public void Every_contract_name_round_trips_and_a_bad_one_is_refused()
    {
        foreach (var c in Enum.GetValues<WeaponCategory>())
        {
            Assert.Equal(c, ContractNames.ParseCategory(c.ToContract()));
        }

        foreach (var q in Enum.GetValues<Qualifier>())
        {
            Assert.Equal(q, ContractNames.ParseQualifier(q.ToContract()));
        }

        foreach (var k in Enum.GetValues<FigureKind>())
        {
            Assert.Equal(k, ContractNames.ParseFigure(k.ToContract()));
        }

        foreach (var d in Enum.GetValues<DatePrecision>())
        {
            Assert.Equal(d, ContractNames.ParsePrecision(d.ToContract()));
        }

        foreach (var c in Enum.GetValues<Country>())
        {
            Assert.Equal(c, Parties.ParseCountry(c.ToContract()));
        }

        foreach (var f in Enum.GetValues<WeaponFamily>())
        {
            Assert.True(Parties.TryParseFamily(f.ToContract(), out var back));
            Assert.Equal(f, back);
        }

        Assert.False(ContractNames.TryParseCategory("cruise missile", out _));
        var e = Assert.Throws<FormatException>(() => ContractNames.ParseQualifier("roughly"));
        Assert.Contains("at_least", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(WeaponCategory.Rocket, WeaponFamily.Artillery)]
    [InlineData(WeaponCategory.BallisticMissile, WeaponFamily.Missile)]
    [InlineData(WeaponCategory.GuidedBomb, WeaponFamily.Bomb)]
    public void Categories_fold_into_families(WeaponCategory c, WeaponFamily f) => Assert.Equal(f, c.Family());
}
