using FsCheck;
using FsCheck.Fluent;
using Sitrep.Extraction.Text;

namespace Sitrep.Extraction.Tests.Text;

/// <summary>Span-based stem matching answers as the substring version it replaced: <c>word.StartsWith(pattern[..^1])</c> for a stem, equality else.</summary>
public class WordPatternTests
{
    private static bool BySubstring(string word, string pattern) =>
        pattern.EndsWith('*') ? word.StartsWith(pattern[..^1], StringComparison.Ordinal) : word == pattern;

    [Theory]
    [InlineData("ракетами", "ракет*", true)]
    [InlineData("ракета", "ракет*", true)]
    [InlineData("ракет", "ракет*", true)]
    [InlineData("раке", "ракет*", false)]
    [InlineData("ракетами", "ракет", false)]
    [InlineData("ракет", "ракет", true)]
    [InlineData("shahed", "shahed*", true)]
    [InlineData("shahed-136", "shahed*", true)]
    [InlineData("Shahed", "shahed*", false)]
    [InlineData("anything", "*", true)]
    [InlineData("", "*", true)]
    [InlineData("", "", true)]
    [InlineData("x", "", false)]
    [InlineData("пʼять", "п'ят*", false)]
    public void Matches_as_the_substring_version(string word, string pattern, bool expected)
    {
        Assert.Equal(expected, BySubstring(word, pattern));
        Assert.Equal(expected, WordPattern.Matches(word, pattern));
    }

    [Fact]
    public void Any_word_and_pattern_match_as_by_substring()
    {
        var letter = Gen.Elements("abrkтеакр'-*".ToCharArray());
        var text = Gen.ArrayOf(letter).Select(a => new string(a));
        Check.One(
            FsCheck.Config.QuickThrowOnFailure.WithMaxTest(1000).WithEndSize(12),
            Prop.ForAll(text.ToArbitrary(), text.ToArbitrary(), Gen.Elements(true, false).ToArbitrary(), (word, body, stem) =>
            {
                // Half the patterns are prefixes of the word made stems, so that matches are common.
                var pattern = stem ? word[..Math.Min(word.Length, body.Length)] + "*" : body;
                if (WordPattern.Matches(word, pattern) != BySubstring(word, pattern))
                {
                    throw new InvalidOperationException($"'{word}' against '{pattern}'");
                }
            }));
    }
}
