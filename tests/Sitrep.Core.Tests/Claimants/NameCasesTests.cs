using Sitrep.Core;
using Sitrep.Core.Claimants;

namespace Sitrep.Core.Tests.Claimants;

public class NameCasesTests
{
    private static readonly ClaimantRegistry Registry = ClaimantRegistry.Default;

    private static bool Known(string w) => Registry.Resolve(w) is not null;

    [Theory]
    // Ukrainian men: genitive, dative, instrumental, accusative
    [InlineData("Олега Синєгубова", "Олег Синєгубов")]
    [InlineData("Олегу Синєгубову", "Олег Синєгубов")]
    [InlineData("Олегом Синєгубовим", "Олег Синєгубов")]
    [InlineData("Миколи Лукашука", "Микола Лукашук")]
    [InlineData("Миколою Лукашуком", "Микола Лукашук")]
    [InlineData("Віталія Кличка", "Віталій Кличко")]
    [InlineData("Віталієм Кличком", "Віталій Кличко")]
    [InlineData("Максима Козицького", "Максим Козицький")]
    [InlineData("Максимом Козицьким", "Максим Козицький")]
    [InlineData("Ігоря Табурця", "Ігор Табурець")]
    [InlineData("Дениса Шмигаля", "Денис Шмигаль")]
    [InlineData("Сергія Попка", "Сергій Попко")]
    [InlineData("Тимура Ткаченка", "Тимур Ткаченко")]
    [InlineData("Вадима Філашкіна", "Вадим Філашкін")]
    [InlineData("Петра Бойка", "Петро Бойко")]
    // Russian men
    [InlineData("Александра Хинштейна", "Александр Хинштейн")]
    [InlineData("Александром Хинштейном", "Александр Хинштейн")]
    [InlineData("Вячеслава Гладкова", "Вячеслав Гладков")]
    [InlineData("Сергея Собянина", "Сергей Собянин")]
    [InlineData("Сергеем Собяниным", "Сергей Собянин")]
    [InlineData("Андрею Воробьеву", "Андрей Воробьев")]
    [InlineData("Юрия Слюсаря", "Юрий Слюсарь")]
    [InlineData("Виталия Кличко", "Виталий Кличко")]
    [InlineData("Александра Владимировича Богомаза", "Александр Владимирович Богомаз")]
    [InlineData("Михаила Развожаева", "Михаил Развожаев")]
    // Women: Ukrainian and Russian; surnames that do not decline stay
    [InlineData("Юлії Свириденко", "Юлія Свириденко")]
    [InlineData("Юлією Свириденко", "Юлія Свириденко")]
    [InlineData("Ольги Стефанішиної", "Ольга Стефанішина")]
    [InlineData("Ольгою Стефанішиною", "Ольга Стефанішина")]
    [InlineData("Ірини Верещук", "Ірина Верещук")]
    [InlineData("Марии Захаровой", "Мария Захарова")]
    [InlineData("Марией Захаровой", "Мария Захарова")]
    [InlineData("Елены Ковальской", "Елена Ковальская")]
    // Already nominative: kept, for men and women
    [InlineData("Олег Синєгубов", "Олег Синєгубов")]
    [InlineData("Микола Лукашук", "Микола Лукашук")]
    [InlineData("Мария Захарова", "Мария Захарова")]
    [InlineData("Ольга Стефанішина", "Ольга Стефанішина")]
    [InlineData("Александр Хинштейн", "Александр Хинштейн")]
    public void A_person_named_in_any_case_is_named_in_the_nominative(string written, string nominative) =>
        Assert.Equal(nominative, NameCases.Nominative(written, Known));

    [Theory]
    // A surname alone the registry knows, with a man's ending no woman's nominative has
    [InlineData("Хинштейна", "Хинштейн")]
    [InlineData("Лукашука", "Лукашук")]
    [InlineData("Гладковым", "Гладков")]
    [InlineData("Собяниным", "Собянин")]
    // A woman's nominative could end so too ("Захарова"): kept
    [InlineData("Захарова", "Захарова")]
    [InlineData("Гладкова", "Гладкова")]
    // A surname the registry does not know: kept
    [InlineData("Петренка", "Петренка")]
    public void A_surname_alone_is_put_back_only_when_the_registry_knows_it(string written, string expected) =>
        Assert.Equal(expected, NameCases.Nominative(written, Known));

    [Theory]
    [InlineData("Governor Gladkov")]
    [InlineData("Олег Синєгубов")]
    [InlineData("місцевих пабліків")]
    public void Words_that_are_no_oblique_cyrillic_name_are_kept(string words) =>
        Assert.Equal(words, NameCases.Nominative(words, Known));

    private static Claimant Named(string words, bool isPerson = false) =>
        new(words, Side.Unknown, new TextSpan(0, words.Length)) { Canonical = Registry.Resolve(words)?.Entry.Id, IsPerson = isPerson };

    [Theory]
    [InlineData("губернатор Александр Хинштейн", false, "Governor of Kursk Oblast Aleksandr Khinshtein")]
    [InlineData("губернатора Курской области Александра Хинштейна", false, "Governor of Kursk Oblast Aleksandr Khinshtein")]
    [InlineData("Хинштейна", true, "Governor of Kursk Oblast Khinshtein")]
    [InlineData("голови Харківської ОВА Олега Синєгубова", false, "Kharkiv Regional Military Administration Oleh Syniehubov")]
    [InlineData("начальника Дніпропетровської ОВА Миколи Лукашука", false, "Dnipropetrovsk Regional Military Administration Mykola Lukashuk")]
    [InlineData("Юлії Свириденко", true, "Government of Ukraine Yuliia Svyrydenko")]
    [InlineData("Юлия Свириденко", true, "Government of Ukraine Yuliya Svyrydenko")]
    // A surname the registry spells in English a letter or two apart takes its spelling; one far from any keeps the romanisation.
    [InlineData("мер Києва Віталій Кличко", false, "Kyiv City Military Administration and Mayor of Kyiv Vitalii Klitschko")]
    [InlineData("мера Києва Віталія Кличка", false, "Kyiv City Military Administration and Mayor of Kyiv Vitalii Klitschko")]
    [InlineData("глава Харьковской ОВА Олег Синегубов", false, "Kharkiv Regional Military Administration Oleg Syniehubov")]
    [InlineData("мер Києва Сергій Попко", false, "Kyiv City Military Administration and Mayor of Kyiv Serhii Popko")]
    public void The_english_name_of_a_person_is_nominative(string words, bool isPerson, string expected) =>
        Assert.Equal(expected, ClaimantEnglish.Name(Named(words, isPerson), Registry));
}
