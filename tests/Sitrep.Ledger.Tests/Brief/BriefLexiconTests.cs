using Sitrep.Ledger.Brief;

namespace Sitrep.Ledger.Tests.Brief;

public sealed class BriefLexiconTests
{
    [Theory]
    [InlineData("A warehouse was Damaged in the strike.", "en", true)]
    [InlineData("Crews put out a fire at the depot.", "en", true)]
    [InlineData("The firefighters arrived within minutes.", "en", false)]
    [InlineData("Officials said the night was quiet.", "en", false)]
    [InlineData("Уламки впали на подвір'я школи.", "uk", true)]
    [InlineData("У Харкові пролунали вибухи.", "uk", false)]
    [InlineData("Обломки упали на склад.", null, true)]
    [InlineData("Обломки упали на склад.", "en", false)]
    [InlineData("", "en", false)]
    public void A_sentence_tells_damage_by_a_whole_word_or_a_stem_of_its_language(string sentence, string? language, bool tells) =>
        Assert.Equal(tells, BriefLexicon.TellsDamage(sentence, language));

    [Fact]
    public void A_token_longer_than_any_word_still_matches_a_stem_but_not_a_whole_word()
    {
        Assert.True(BriefLexicon.TellsDamage("damaged" + new string('x', 100), "en"));
        Assert.False(BriefLexicon.TellsDamage("fire" + new string('x', 100), "en"));
        Assert.True(BriefLexicon.TellsDamage(new string('x', 100) + " fire", "en"));
    }
}
