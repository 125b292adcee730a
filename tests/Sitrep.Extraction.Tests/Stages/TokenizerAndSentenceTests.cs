using Sitrep.Extraction.Text;

namespace Sitrep.Extraction.Tests.Stages;

public class TokenizerAndSentenceTests
{
    [Theory]
    [InlineData("Shahed-136 drones", "shahed-136|drones")]
    [InlineData("1,400 missiles", "1400|missiles")]
    [InlineData("twenty-eight of them", "twenty-eight|of|them")]
    [InlineData("the night of 14-15 October", "the|night|of|14|-|15|october")]
    [InlineData("Dnipropetrovs’k region", "dnipropetrovs'k|region")]
    [InlineData("a 14-year-old girl", "a|14-year-old|girl")]
    // The modifier letter apostrophe (U+02BC) folds into ' inside a word, as ’ does; alone it is punctuation.
    [InlineData("Збито пʼять дронів", "збито|п'ять|дронів")]
    [InlineData("Збито п’ять дронів", "збито|п'ять|дронів")]
    [InlineData("у Мʼянці", "у|м'янці")]
    [InlineData("слово ʼ інше", "слово|'|інше")]
    [InlineData("ʼслово", "'|слово")]
    [InlineData("Сумщинаʼ.", "сумщина|'|.")]
    public void Tokens_keep_model_names_and_numbers_whole(string text, string expected) =>
        Assert.Equal(expected, string.Join('|', Tokenizer.Tokenize(text).Select(t => t.Lower)));

    [Theory]
    [InlineData("Gov. Roman Busargin said the blasts were air defence. Residents should stay calm.", 2)]
    [InlineData("U.S. officials said 12 drones were downed. Kyiv was quiet.", 2)]
    [InlineData("Drones hit Odesa port\nThe attack began at 2 a.m. local time, officials said.", 2)]
    [InlineData("\"We shot down all of them.\" The governor added that no one was hurt.", 2)]
    [InlineData("Explosions were heard at 4 a.m. Monday in the capital.", 1)]
    public void Sentences_split_at_stops_and_lines_but_not_abbreviations(string text, int count) =>
        Assert.Equal(count, Annotate.Layer<SentenceMention>(text, Layers.Sentences).Length);

    [Fact]
    public void A_first_line_without_a_stop_is_a_headline()
    {
        var s = Annotate.Layer<SentenceMention>("Russia strikes Kharkiv with glide bombs\nTwo people were hurt.", Layers.Sentences);
        Assert.True(s[0].IsHeadline);
        Assert.False(s[1].IsHeadline);
    }
}
