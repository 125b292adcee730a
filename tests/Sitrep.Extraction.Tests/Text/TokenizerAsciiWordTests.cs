using Sitrep.Extraction.Text;

namespace Sitrep.Extraction.Tests.Text;

/// <summary>
/// The tokenizer's quick reading of plain ASCII words gives exactly the tokens of its full loop: the same spans,
/// kinds and lowered strings, and the same cache slots, over random text full of joiners, capitals, digits,
/// separators and letters outside ASCII.
/// </summary>
public class TokenizerAsciiWordTests
{
    private static List<Token> Tokens(string text, bool asciiWords, WordCache cache)
    {
        var tokens = new List<Token>();
        Tokenizer.TokenizeInto(text, tokens, cache, asciiWords);
        return tokens;
    }

    [Theory]
    [InlineData("Drones struck Kharkiv overnight, officials said.")]
    [InlineData("Kh-101 and Shahed-136s; 1,400 shells, 2.5 km, 14-15 October, rock'n'roll, don`t")]
    [InlineData("ABC. x.y 3.x 3,5 1,000,000 a-b- -c 'quoted' end-")]
    [InlineData("Dnipropetrovs'k пʼять Zaporizhzhia’s naïve café 12ʼ")]
    public void Quick_words_are_the_full_loops_words(string text) => AssertSame(text);

    [Fact]
    public void Random_text_tokenizes_the_same_both_ways()
    {
        const string Chars = "aZk9Q0 -'`,.;:\"ʼ’–éжЖ\u00ad\u200b\n";
        var random = new Random(21);
        for (var k = 0; k < 3000; k++)
        {
            AssertSame(new string([.. Enumerable.Range(0, random.Next(0, 40)).Select(_ => Chars[random.Next(Chars.Length)])]));
        }
    }

    private static void AssertSame(string text)
    {
        var quick = Tokens(text, asciiWords: true, new WordCache(64));
        var full = Tokens(text, asciiWords: false, new WordCache(64));
        Assert.Equal(full.Count, quick.Count);
        for (var i = 0; i < full.Count; i++)
        {
            Assert.Equal(full[i], quick[i]);
            Assert.Equal(full[i].WordSlot, quick[i].WordSlot);
        }
    }
}
