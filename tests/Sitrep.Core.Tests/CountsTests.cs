using Sitrep.Core;

namespace Sitrep.Core.Tests;

public sealed class CountsTests
{
    private static readonly Evidence Words = new(new TextSpan(0, 5), "words");

    [Fact]
    public void Sums_stop_at_the_int_range_instead_of_wrapping()
    {
        Assert.Equal(int.MaxValue, Counts.Add(int.MaxValue - 1, 5));
        Assert.Equal(int.MaxValue, Counts.Add((int?)2_000_000_000, 2_000_000_000));
        Assert.Null(Counts.Add(null, null));
        Assert.Equal(7, Counts.Add(null, 7));
        Assert.Equal(int.MaxValue, Counts.Sum([999_999_999, 999_999_999, 999_999_999]));
        Assert.Equal(6, Counts.Sum([1, 2, 3]));
        Assert.True(Counts.IsCount(Counts.Ceiling));
        Assert.False(Counts.IsCount(Counts.Ceiling + 1L));
        Assert.False(Counts.IsCount(-1));
    }

    [Fact]
    public void An_events_figures_never_go_negative_however_large_its_claims()
    {
        // Figures a store written before the ceiling may hold: three weapons of 999,999,999 once summed to -1,294,967,299.
        var e = new ExtractedEvent
        {
            Weapons =
            [
                .. new[] { "Shahed-136", "Geran-2", "Lancet" }.Select(m => new WeaponUse(new WeaponRef(WeaponCategory.Drone, m), Words)
                {
                    Claims = [new FigureClaim(FigureKind.Launched, 999_999_999, Qualifier.Exact, Words, new WeaponRef(WeaponCategory.Drone, m))],
                }),
            ],
        };
        var f = EventFigures.Of(e);
        Assert.Equal(int.MaxValue, f.Launched);
        Assert.Equal(int.MaxValue, f.Of(WeaponFamily.Drone).Launched);
    }
}
