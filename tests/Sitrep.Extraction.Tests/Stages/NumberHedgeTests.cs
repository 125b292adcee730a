using Sitrep.Core;
using Sitrep.Extraction.Text;

namespace Sitrep.Extraction.Tests.Stages;

/// <summary>
/// The number stage looks a count's hedge up by the word before the count (the hedges indexed by their last word):
/// every hedge of qualifiers.tsv still gives its own qualifier, and a longer hedge still wins over the shorter one it
/// ends with ("no fewer than" over "fewer than", "an estimated" over "estimated").
/// </summary>
public class NumberHedgeTests
{
    public static TheoryData<string, string> Hedges()
    {
        var data = new TheoryData<string, string>();
        foreach (var row in LexiconFile.Rows("qualifiers.tsv"))
        {
            data.Add(row[0], row[1]);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Hedges))]
    public void Every_hedge_gives_its_qualifier(string hedge, string qualifier)
    {
        var numbers = Annotate.Layer<NumberMention>($"Officials said {hedge} 7 drones were shot down.", Layers.Numbers);
        var seven = Assert.Single(numbers, n => n.Value == 7);
        Assert.Equal(Enum.Parse<Qualifier>(qualifier), seven.Qualifier);
    }

    [Theory]
    [InlineData("They downed no fewer than 9 drones.", Qualifier.AtLeast)]
    [InlineData("They downed fewer than 9 drones.", Qualifier.LessThan)]
    [InlineData("They downed an estimated 9 drones.", Qualifier.About)]
    [InlineData("They downed 9 drones.", Qualifier.Exact)]
    [InlineData("Than 9 drones were downed.", Qualifier.Exact)]
    public void The_longest_hedge_before_the_count_wins(string text, Qualifier expected) =>
        Assert.Equal(expected, Assert.Single(Annotate.Layer<NumberMention>(text, Layers.Numbers), n => n.Value == 9).Qualifier);
}
