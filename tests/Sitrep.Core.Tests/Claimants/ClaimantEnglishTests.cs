using Sitrep.Core;
using Sitrep.Core.Claimants;

namespace Sitrep.Core.Tests.Claimants;

public class ClaimantEnglishTests
{
    private static readonly ClaimantRegistry Registry = ClaimantRegistry.Default;

    private static Claimant Named(string words, bool isPerson = false) =>
        new(words, Side.Unknown, new TextSpan(0, words.Length)) { Canonical = Registry.Resolve(words)?.Entry.Id, IsPerson = isPerson };

    [Theory]
    // A title, its place and the person: the registry's English name and the person in Latin letters.
    [InlineData("голова Полтавської обласної військової адміністрації Петро Кравець", false, "Poltava Regional Military Administration Petro Kravets")]
    [InlineData("губернатор Орловской области Андрей Клычков", false, "Governor of Oryol Oblast Andrei Klychkov")]
    [InlineData("глава Курской области Иван Семёнов", false, "Governor of Kursk Oblast Ivan Semyonov")]
    // A body: its English name alone, never its words romanised.
    [InlineData("Повітряні сили ЗСУ", false, "Ukrainian Air Force")]
    [InlineData("Воздушные силы Вооруженных сил Украины", false, "Ukrainian Air Force")]
    [InlineData("Минобороны России", false, "Ministry of Defence of the Russian Federation")]
    [InlineData("ДСНС", false, "State Emergency Service of Ukraine")]
    // A surname alone names a person when the reader said so.
    [InlineData("Гладков", true, "Governor of Belgorod Oblast Gladkov")]
    // English words stay as written.
    [InlineData("Governor Vyacheslav Gladkov", true, "Governor Vyacheslav Gladkov")]
    public void A_claimant_in_Cyrillic_is_named_by_the_registry_in_English(string words, bool isPerson, string expected) =>
        Assert.Equal(expected, ClaimantEnglish.Name(Named(words, isPerson), Registry));

    [Fact]
    public void Words_the_registry_does_not_know_are_kept_as_written()
    {
        var c = new Claimant("місцеві пабліки", Side.Unknown, new TextSpan(0, 15));
        Assert.Equal("місцеві пабліки", ClaimantEnglish.Name(c, Registry));
    }

    [Theory]
    [InlineData("Юрій Ігнат", "uk", "Yurii Ihnat")]
    [InlineData("Олександр Прокудін", "uk", "Oleksandr Prokudin")]
    [InlineData("Євген Згурець", "uk", "Yevhen Zghurets")]
    [InlineData("Вячеслав Гладков", "ru", "Vyacheslav Gladkov")]
    [InlineData("Сергей Собянин", "ru", "Sergei Sobyanin")]
    // Letters only one language writes choose it, whatever the report's language.
    [InlineData("Сергій", "ru", "Serhii")]
    [InlineData("Подъячев", "uk", "Podyachev")]
    public void Names_are_romanised_by_their_language(string name, string language, string expected) =>
        Assert.Equal(expected, ClaimantEnglish.Romanise(name, language));
}
