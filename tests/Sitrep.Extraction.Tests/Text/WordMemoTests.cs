using Sitrep.Extraction.Text;

namespace Sitrep.Extraction.Tests.Text;

/// <summary>
/// A word memo answers only with what was kept for that very word: over random words, with few slots so that words
/// keep taking each other's slots, every answer it gives equals the function's, for the word's own string and for an
/// equal string made apart from it.
/// </summary>
public class WordMemoTests
{
    private static string Function(string w) => $"{w.Length}:{w[^1]}:{w}";

    [Theory]
    [InlineData(2)]
    [InlineData(16)]
    [InlineData(1024)]
    public void Every_answer_is_the_functions_answer_for_that_word(int slots)
    {
        var random = new Random(11);
        const string Letters = "aeiknorstvдкрсьі'-";
        var words = Enumerable.Range(0, 400)
            .Select(_ => new string([.. Enumerable.Range(0, random.Next(1, 9)).Select(_ => Letters[random.Next(Letters.Length)])]))
            .ToArray();
        var memo = new WordMemo<string>(slots);
        var answered = 0;
        for (var k = 0; k < 20_000; k++)
        {
            var word = words[random.Next(words.Length)];
            // Half the time an equal string that is another object: the memo matches characters, not only references.
            var asked = random.Next(2) == 0 ? word : new string(word.AsSpan());
            if (memo.TryGet(asked, out var kept))
            {
                Assert.Equal(Function(asked), kept);
                answered++;
            }
            else
            {
                memo.Set(asked, Function(asked));
            }
        }

        Assert.True(answered > 0);
    }

    [Fact]
    public void A_word_never_given_is_not_answered()
    {
        var memo = new WordMemo<int>(4);
        memo.Set("kyiv", 1);
        Assert.True(memo.TryGet("kyiv", out var one));
        Assert.Equal(1, one);
        Assert.False(memo.TryGet("kiev", out _));
        Assert.False(memo.TryGet("", out _));
    }
}
