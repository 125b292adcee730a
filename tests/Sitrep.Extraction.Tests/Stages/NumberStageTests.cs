using Sitrep.Core;

namespace Sitrep.Extraction.Tests.Stages;

public class NumberStageTests
{
    [Theory]
    [InlineData("Air defences destroyed twenty-eight drones.", 28, Qualifier.Exact)]
    [InlineData("They fired 1,400 shells.", 1400, Qualifier.Exact)]
    [InlineData("At least 16 missiles were downed.", 16, Qualifier.AtLeast)]
    [InlineData("More than 200 drones flew in.", 200, Qualifier.MoreThan)]
    [InlineData("Russia launched about 120 missiles.", 120, Qualifier.About)]
    [InlineData("Up to 30 Shaheds were used.", 30, Qualifier.UpTo)]
    [InlineData("Nearly forty drones were seen.", 40, Qualifier.About)]
    [InlineData("Some 18 people died.", 18, Qualifier.About)]
    [InlineData("A dozen drones were heard.", 12, Qualifier.Exact)]
    [InlineData("Dozens of drones were heard.", 12, Qualifier.Exact)]
    [InlineData("Hundreds of shells fell.", 100, Qualifier.Exact)]
    [InlineData("They shot down both missiles.", 2, Qualifier.Exact)]
    [InlineData("one hundred and twenty drones", 120, Qualifier.Exact)]
    [InlineData("two thousand shells", 2000, Qualifier.Exact)]
    [InlineData("50 or more drones", 50, Qualifier.AtLeast)]
    public void Counts_are_read_with_their_hedge(string text, int value, Qualifier q)
    {
        var n = Assert.Single(Annotate.Layer<NumberMention>(text, Layers.Numbers));
        Assert.Equal(value, n.Value);
        Assert.Equal(q, n.Qualifier);
    }

    // Collective, genitive and dative forms of Ukrainian and Russian numerals, in every apostrophe form.
    [Theory]
    [InlineData("Поранення отримали п'ятеро людей.", 5)]
    [InlineData("Поранення отримали п’ятеро людей.", 5)]
    [InlineData("Поранення отримали пʼятеро людей.", 5)]
    [InlineData("Збито пʼять ударних дронів.", 5)]
    [InlineData("Лікарі врятували пʼятьох людей.", 5)]
    [InlineData("Допомогу надали трьом постраждалим.", 3)]
    [InlineData("У лікарні дев’ятеро поранених.", 9)]
    [InlineData("В больницу доставили пятерых раненых.", 5)]
    [InlineData("Медики помогли четырём пострадавшим.", 4)]
    [InlineData("Врачи спасли двоих детей.", 2)]
    public void Case_forms_of_numerals_are_read(string text, int value) =>
        Assert.Equal(value, Assert.Single(Annotate.Layer<NumberMention>(text, Layers.Numbers)).Value);

    [Fact]
    public void All_fourteen_is_the_whole_set()
    {
        var n = Assert.Single(Annotate.Layer<NumberMention>("Air defences shot down all 14.", Layers.Numbers));
        Assert.True(n.IsAll);
        Assert.Equal(14, n.Value);
    }

    [Fact]
    public void A_hedge_on_the_line_before_is_not_the_numbers()
    {
        var n = Assert.Single(Annotate.Layer<NumberMention>("They said at least\n38 drones flew.", Layers.Numbers));
        Assert.Equal(Qualifier.Exact, n.Qualifier);
        Assert.False(Assert.Single(Annotate.Layer<NumberMention>("all\n38 drones", Layers.Numbers)).IsAll);
    }

    [Theory]
    [InlineData("Sirens sounded at 10:15 in the city.")]
    [InlineData("The attack came on 25 October.")]
    [InlineData("It happened on December 29.")]
    [InlineData("Two women, aged 57 and 43, were hurt.")]
    [InlineData("The town lies 40 km from the border.")]
    [InlineData("Prices rose 20% in 2024.")]
    [InlineData("Nov. 6 was quiet.")]
    public void Times_dates_ages_measures_and_years_are_not_counts(string text)
    {
        var numbers = Annotate.Layer<NumberMention>(text, Layers.Numbers);
        Assert.DoesNotContain(numbers, n => n.Value is 10 or 15 or 25 or 29 or 57 or 43 or 40 or 20 or 2024 or 6);
    }
}
