using Sitrep.Extraction.Text;

namespace Sitrep.Extraction.Tests.Text;

/// <summary>A document's token list, made through the thread's reused scratch list, holds exactly the tokenizer's tokens.</summary>
public class TokenListTests
{
    [Theory]
    [InlineData("")]
    [InlineData("Drones hit Odesa overnight, the governor said.")]
    [InlineData("Сили ППО збили 12 «Шахедів» над Київщиною; пʼятеро поранених.")]
    public void Of_holds_the_tokenizers_tokens_and_nothing_left_from_the_last_text(string text)
    {
        // A longer text first, so that a list kept from it would show as extra tokens.
        _ = TokenList.Of(string.Concat(Enumerable.Repeat("Russia launched 40 drones and 3 missiles. ", 200)));
        var list = TokenList.Of(text);
        Assert.Equal(Tokenizer.Tokenize(text, null), list.AsSpan().ToArray());
        Assert.Equal(list.Count, list.AsSpan().Length);
    }
}
