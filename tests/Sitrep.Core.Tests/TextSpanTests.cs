using Sitrep.Core;

namespace Sitrep.Core.Tests;

public class TextSpanTests
{
    [Theory]
    [InlineData(0, 4, 2, 6, true)]
    [InlineData(0, 4, 4, 6, false)]
    [InlineData(3, 3, 0, 9, false)]
    public void Overlap_is_half_open(int s1, int e1, int s2, int e2, bool expected) =>
        Assert.Equal(expected, new TextSpan(s1, e1).Overlaps(new TextSpan(s2, e2)));

    [Fact]
    public void Slice_gives_the_covered_characters() =>
        Assert.Equal("drones", new TextSpan(9, 15).Slice("launched drones overnight"));

    [Fact]
    public void Cover_spans_both() =>
        Assert.Equal(new TextSpan(2, 10), TextSpan.Cover(new TextSpan(5, 10), new TextSpan(2, 4)));
}
