using Sitrep.Extraction.Text;

namespace Sitrep.Extraction.Tests.Text;

/// <summary>FrozenWords answers as a plain set of its words does, its quick rejections (length, first letter) included.</summary>
public class FrozenWordsTests
{
    private static readonly string[] Words =
    [
        "", "a", "also", "attack", "#tag", "?", "1st", "ракета", "обстріл", "élan", "zz",
        new string('x', 62), new string('y', 63), new string('w', 70),
    ];

    public static TheoryData<string> Probes() =>
    [
        // In the set.
        "", "a", "also", "attack", "#tag", "?", "1st", "ракета", "обстріл", "élan", "zz",
        // A length the set has, another first letter; a first letter it has, another length.
        "b", "bttack", "elso", "!", "2st", "aa", "attacks", "ракети", "обстрел", "elan", "zzz", "Attack",
        // Long words: a length the set has, and lengths past the last bit.
        new string('x', 62), new string('z', 62), new string('y', 63), new string('y', 64), new string('w', 70), new string('w', 69),
        new string('q', 63),
        // First letters at the edges of the bit masks (63, 64, 127, 128).
        "?a", "@", "@ttack", "\u007f", "\u0080", "ђ",
    ];

    [Theory]
    [MemberData(nameof(Probes))]
    public void Contains_answers_as_a_set_of_the_words(string probe)
    {
        var words = FrozenWords.Of(Words);
        var set = new HashSet<string>(Words, StringComparer.Ordinal);
        Assert.Equal(set.Contains(probe), words.Contains(probe));
    }

    [Theory]
    [MemberData(nameof(Probes))]
    public void Contains_of_characters_answers_as_of_the_string(string probe)
    {
        // The probe as a slice of a longer word ("x-" before it, "-y" after), as a stage asks of a suffix.
        var words = FrozenWords.Of(Words);
        var inside = ("x-" + probe + "-y").AsSpan(2, probe.Length);
        Assert.Equal(words.Contains(probe), words.Contains(inside));
    }

    [Fact]
    public void Every_word_of_a_set_is_in_it_whatever_its_first_letter()
    {
        // One word per first character below 300, of lengths 1 to 5: each must pass the quick tests.
        var all = Enumerable.Range(1, 299).Select(c => new string((char)c, 1 + (c % 5))).ToArray();
        var words = FrozenWords.Of(all);
        Assert.All(all, w => Assert.True(words.Contains(w), $"'{w}' ({(int)w[0]}) is in the set"));
        Assert.False(words.Contains(new string((char)1, 3)));
        Assert.Equal(all.Length, words.Count);
    }
}
