using Sitrep.Core;

namespace Sitrep.Merge.Tests;

/// <summary>Figure keys order casualties first, then by family, kind and model; comparing them allocates nothing.</summary>
public sealed class FigureKeyTests
{
    private static readonly FigureKey[] Keys =
    [
        FigureKey.Killed, FigureKey.Injured,
        FigureKey.Launched(WeaponFamily.Drone), FigureKey.Destroyed(WeaponFamily.Drone), FigureKey.Launched(WeaponFamily.Drone, "Shahed-136"),
        FigureKey.Destroyed(WeaponFamily.Drone, "Gerbera"), FigureKey.Launched(WeaponFamily.Missile), FigureKey.Destroyed(WeaponFamily.Missile),
        FigureKey.Launched(WeaponFamily.Missile, "Kh-101"), FigureKey.Destroyed(WeaponFamily.Bomb), FigureKey.Launched(WeaponFamily.Other),
    ];

    [Fact]
    public void Keys_order_by_family_then_kind_then_model()
    {
        foreach (var a in Keys)
        {
            foreach (var b in Keys)
            {
                var family = (a.Family is null ? -1 : (int)a.Family.Value).CompareTo(b.Family is null ? -1 : (int)b.Family.Value);
                var kind = ((int)a.Kind).CompareTo((int)b.Kind);
                var expected = family != 0 ? family : kind != 0 ? kind : string.CompareOrdinal(a.Model, b.Model);
                Assert.Equal(Math.Sign(expected), Math.Sign(a.CompareTo(b)));
            }
        }
    }

    [Fact]
    public void Comparing_keys_allocates_nothing()
    {
        var sum = 0;
        foreach (var a in Keys)
        {
            sum += a.CompareTo(Keys[0]); // warm up
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 100; i++)
        {
            foreach (var a in Keys)
            {
                foreach (var b in Keys)
                {
                    sum += a.CompareTo(b);
                }
            }
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.NotEqual(int.MinValue, sum);
    }
}
