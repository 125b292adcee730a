using Sitrep.Extraction.Stages.Actors;

namespace Sitrep.Extraction.Tests.Stages;

public class ClaimantLexiconTests
{
    // The reader classifies each token in one lookup; it must answer as the entry and speech-verb lookups do,
    // possessives and words beyond ASCII included.
    [Theory]
    [InlineData("governor")]
    [InlineData("governor's")]
    [InlineData("governors'")]
    [InlineData("ministry's")]
    [InlineData("said")]
    [InlineData("told")]
    [InlineData("kharkiv")]
    [InlineData("the")]
    [InlineData("it's")]
    [InlineData("")]
    [InlineData("заявив")]
    [InlineData("губернатор")]
    [InlineData("губернатора")]
    [InlineData("сообщили")]
    public void Classify_answers_as_the_entry_and_verb_lookups_do(string word)
    {
        var lex = ClaimantLexicon.Default;
        Assert.Equal((lex.Info(word), lex.TryVerb(word, out _)), lex.Classify(word));
    }
}
