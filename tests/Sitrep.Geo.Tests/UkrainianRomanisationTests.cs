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
