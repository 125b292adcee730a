using Sitrep.Extraction.Text;

namespace Sitrep.Extraction.Tests.Text;

/// <summary>A WordTable answers for a word's characters (a part of a longer word) exactly as for its string: exact words, then the longest stem.</summary>
public class WordTableTests
{
    private static readonly WordTable<int> Table = new([("twenty", 20), ("eight", 8), ("ракет*", 1), ("ракетн*", 2), ("збит*", 3), ("ракета", 4)]);

    [Theory]
    [InlineData("twenty", 20)]
    [InlineData("eight", 8)]
    [InlineData("ракета", 4)]
    [InlineData("ракетами", 1)]
    [InlineData("ракетний", 2)]
    [InlineData("збито", 3)]
    [InlineData("twent", null)]
    [InlineData("eighty", null)]
    [InlineData("ракe", null)]
    [InlineData("", null)]
    public void Characters_of_a_word_find_what_its_string_finds(string word, int? expected)
    {
        var inside = ("twenty-" + word + "-x").AsSpan(7, word.Length);
        Assert.Equal(expected is not null, Table.TryGetValue(word, out var byString));
        Assert.Equal(expected is not null, Table.TryGetValue(inside, out var byChars));
        Assert.Equal(expected ?? 0, byString);
        Assert.Equal(expected ?? 0, byChars);
    }
}
