namespace Sitrep.Core.Tests;

public class TextLanguageTests
{
    [Theory]
    [InlineData("Уночі ворог атакував Київщину ударними дронами, є поранені.", "uk")]
    [InlineData("Ночью силы ПВО сбили беспилотники над областью, пострадавших нет.", "ru")]
    [InlineData("Russia launched 40 drones overnight, the air force said.", "en")]
    [InlineData("", "en")]
    [InlineData("12 — 34, «…» №5", "en")]
    [InlineData("Drones hit Kyiv; “Київ” was named once.", "en")]
    [InlineData("Київ і Харків", "uk")]
    public void The_detector_reads_the_letters(string text, string expected) => Assert.Equal(expected, TextLanguage.Detect(text));

    [Fact]
    public void A_declared_language_wins_over_the_letters()
    {
        Assert.Equal("uk", TextLanguage.Of(new Article("a", "Ночью сбили дроны.", Language: "uk")));
        Assert.Equal("ru", TextLanguage.Of(new Article("a", "Ночью сбили дроны.")));
        Assert.Equal("uk", TextLanguage.Of(new Article("a", "Russia launched drones.", Language: "UA")));
    }
}
