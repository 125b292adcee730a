namespace Sitrep.Geo.Tests;

/// <summary>Ukraine's national romanisation (KMU 2010) and how a Ukrainian name is told from a Russian one.</summary>
public sealed class UkrainianRomanisationTests
{
    [Theory]
    [InlineData("Київ", "Kyiv")]
    [InlineData("Ізмаїл", "Izmail")]
    [InlineData("Костянтинівка", "Kostiantynivka")]
    [InlineData("Запоріжжя", "Zaporizhzhia")]
    [InlineData("Кривий Ріг", "Kryvyi Rih")]
    [InlineData("Миколаїв", "Mykolaiv")]
    [InlineData("Щастя", "Shchastia")]
    [InlineData("Згурівка", "Zghurivka")]
    [InlineData("Євпаторія", "Yevpatoriia")]
    [InlineData("Їжакевичі", "Yizhakevychi")]
    [InlineData("Йосипівка", "Yosypivka")]
    [InlineData("Юріївка", "Yuriivka")]
    [InlineData("Яготин", "Yahotyn")]
    [InlineData("Прип'ять", "Prypiat")]
    [InlineData("Кам’янець-Подільський", "Kamianets-Podilskyi")]
    [InlineData("Ґорґани", "Gorgany")]
    [InlineData("Біла Церква", "Bila Tserkva")]
    [InlineData("Новоукраїнка", "Novoukrainka")]
    public void Romanise_follows_the_KMU_2010_table(string ukrainian, string latin) =>
        Assert.Equal(latin, UkrainianRomanisation.Romanise(ukrainian));

    [Theory]
    [InlineData("Харків", true)]
    [InlineData("Костянтинівка", true)]
    [InlineData("Кам'янське", true)]
    [InlineData("Харьков", false)] // Russian: no letter Russian lacks
    [InlineData("Сумы", false)] // Russian ы
    [InlineData("Эвпаторія", false)] // Belarusian э
    [InlineData("Харкаў", false)] // Belarusian ў
    [InlineData("КОСТЯНТИНІВКА", false)] // a code in capitals
    [InlineData("Kharkiv", false)]
    public void IsUkrainian_wants_the_Ukrainian_alphabet_and_one_letter_Russian_lacks(string name, bool ukrainian) =>
        Assert.Equal(ukrainian, UkrainianRomanisation.IsUkrainian(name));
}

/// <summary>The compiled gazetteer's Ukrainian names follow the national romanisation, which writes no apostrophe or soft sign.</summary>
public sealed class UkrainianNamesInGazetteerTests
{
    [Fact]
    public void No_Ukrainian_place_is_named_with_an_apostrophe()
    {
        var named = CompiledGazetteer.Instance.Entries
            .Where(e => e.Country == "UA" && e.Feature == PlaceFeature.PopulatedPlace && e.Name.Any(PlaceNames.IsApostrophe))
            .Select(e => e.Name).Take(5).ToList();
        Assert.True(named.Count == 0, string.Join(", ", named));
    }

    [Theory]
    [InlineData("Izmayil", "Izmail")]
    [InlineData("Kostyantynivka", "Kostiantynivka")]
    [InlineData("Slovyansk", "Sloviansk")]
    [InlineData("Chuhuyiv", "Chuhuiv")]
    [InlineData("Yuzhnoukrains'k", "Yuzhnoukrainsk")]
    public void A_GeoNames_spelling_finds_the_nationally_romanised_name(string spelling, string name) =>
        Assert.Contains(CompiledGazetteer.Instance.FindName(spelling), e => e.Name == name && e.Country == "UA");
}
