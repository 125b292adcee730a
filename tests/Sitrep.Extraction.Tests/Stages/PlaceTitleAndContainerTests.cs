using Sitrep.Core;
using Sitrep.Geo;

namespace Sitrep.Extraction.Tests.Stages;

/// <summary>The compiled gazetteer's place layer and strikes' places, for the rules below that read real names.</summary>
internal static class CompiledLayer
{
    private static readonly Lazy<ExtractionPipeline> Pipeline = new(() => ExtractionPipeline.CreateDefault(Gazetteer.LoadDefault()));

    public static IReadOnlyList<PlaceMention> Mentions(string text) =>
        Pipeline.Value.Annotate(new Article("t", text, Published: Annotate.Published)).Layer<PlaceMention>(Layers.Places);

    public static string Places(string text) =>
        string.Join(" | ", Pipeline.Value.Extract(new Article("t", text, Published: Annotate.Published)).Events
            .Where(e => e.Kind == EventKind.Strike).SelectMany(e => e.Places).Select(p => p.Text));
}

/// <summary>
/// Rule official-title-person: a title in apposition to an official's name names the person; its place is a reference
/// point when the sentence names the place hit besides it. Without a name, or alone in its sentence, it stays
/// official-title.
/// </summary>
public class OfficialTitlePersonTests
{
    [Theory]
    [InlineData("A drone attack on Klintsy injured two people, the governor of the Bryansk region, Alexander Bogomaz, wrote.", "Bryansk region", "Klintsy")]
    [InlineData("Alexander Bogomaz, the governor of the Bryansk region, said a drone had hit a house in Klintsy overnight.", "Bryansk region", "Klintsy")]
    [InlineData("Shelling damaged a school in Shebekino on Friday, the head of the Belgorod region Vyacheslav Gladkov reported.", "Belgorod region", "Shebekino")]
    [InlineData("Губернатор Брянской области Александр Богомаз сообщил, что дрон атаковал Клинцы; ранены двое.", "Брянской области", "Клинцы")]
    [InlineData("Губернатора Курской области Алексея Смирнова цитирует агентство: беспилотник атаковал Курчатов, пострадал один человек.", "Курской области", "Курчатов")]
    [InlineData("Голова Сумської області Олег Григоров повідомив, що дрон влучив у будинок у Шостці, поранено трьох людей.", "Сумської області", "Шостці")]
    public void A_title_naming_a_person_is_no_place_hit(string text, string title, string hit)
    {
        var m = Assert.Single(CompiledLayer.Mentions(text), p => p.Text == title);
        Assert.Equal("official-title-person", m.Rule);
        Assert.True(m.IsReference);
        Assert.Equal(hit, CompiledLayer.Places(text));
    }

    [Theory]
    [InlineData("A drone hit the refinery in Kirishi. The governor of the Leningrad region stated that the fire was out.", "Leningrad region")]
    [InlineData("Как сообщил губернатор Воронежской области Александр Гусев, повреждения получили два частных дома.", "Воронежской области")]
    [InlineData("A drone hit a house in Klintsy, the governor of the Bryansk region said on Telegram.", "Bryansk region")]
    public void A_title_without_a_name_or_alone_in_its_sentence_stays_official_title(string text, string title) =>
        Assert.Equal("official-title", Assert.Single(CompiledLayer.Mentions(text), p => p.Text == title).Rule);

    [Theory]
    [InlineData("The governor of Kharkiv, Kupiansk and Izium were shelled overnight, injuring two.")]
    [InlineData("The mayor of Odesa, Izmail and Reni said three drones hit a port overnight.")]
    public void A_list_of_places_after_a_title_is_no_persons_name(string text) =>
        Assert.DoesNotContain(CompiledLayer.Mentions(text), p => p.Rule == "official-title-person");
}

/// <summary>
/// Rule container-phrase: only "in", "of", ", a town in", ", located in" between a place and a region put the place
/// inside the region; a verb between ("Russia attacked the regions of Rivne") does not.
/// </summary>
public class ContainerPhraseTests
{
    [Theory]
    [InlineData("Overnight, Russia attacked the regions of Rivne, Volyn and Ternopil with 36 drones, the air force reported.", "Rivne | Volyn | Ternopil")]
    [InlineData("Russia struck the regions of Lviv and Odesa with 40 drones on Monday, the air force said.", "Lviv | Odesa")]
    [InlineData("Вночі Росія атакувала області Рівненську та Волинську 30 дронами, повідомили Повітряні сили.", "")]
    public void A_subject_before_the_verb_is_not_inside_the_regions(string text, string expected)
    {
        Assert.DoesNotContain("Russia", CompiledLayer.Places(text), StringComparison.Ordinal);
        Assert.DoesNotContain("Росія", CompiledLayer.Places(text), StringComparison.Ordinal);
        Assert.StartsWith(expected, CompiledLayer.Places(text), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("A missile hit Lozova in the Kharkiv region on Monday, injuring three.", "Lozova")]
    [InlineData("A drone hit Gornal, a village in the Kursk region, on Monday.", "Gornal")]
    [InlineData("Shelling hit Bucha of the Kyiv region overnight, wounding one.", "Bucha")]
    public void A_place_in_a_region_is_inside_it(string text, string place) =>
        Assert.NotNull(Assert.Single(CompiledLayer.Mentions(text), p => p.Text == place).ContainerIndex);
}

/// <summary>
/// Rule city-district-bare: a city district's name without the word district, in a report that names its city, is a
/// reference point (the city is the place hit); and "Kyiv's Holosiivskyi district" keeps Kyiv.
/// </summary>
public class BareCityDistrictTests
{
    [Theory]
    [InlineData("Russian missiles struck Odesa on Saturday. Four people were injured in Prymorskyi, the mayor said.", "Prymorskyi", "Odesa")]
    [InlineData("Russian drones attacked Zaporizhzhia overnight; a house burned in Oleksandrivskyi and two people were hurt.", "Oleksandrivskyi", "Zaporizhzhia")]
    public void A_bare_district_of_a_named_city_is_a_reference(string text, string district, string city)
    {
        var m = Assert.Single(CompiledLayer.Mentions(text), p => p.Text == district);
        Assert.Equal("city-district-bare", m.Rule);
        Assert.True(m.IsReference);
        Assert.Equal(city, CompiledLayer.Places(text));
    }

    [Theory]
    [InlineData("A Russian drone hit Prymorskyi overnight, injuring two people, the governor said.", "Prymorskyi")]
    [InlineData("A drone hit Kyiv overnight and shelling hit Prymorskyi, injuring two.", "Prymorskyi")]
    public void Without_its_city_the_name_stays(string text, string place) =>
        Assert.NotEqual("city-district-bare", Assert.Single(CompiledLayer.Mentions(text), p => p.Text == place).Rule);

    [Theory]
    [InlineData("A drone hit a high-rise in Kyiv's Holosiivskyi district overnight, injuring two people.", "Kyiv")]
    [InlineData("Debris fell on a house in Kyiv's Darnytskyi district on Monday, the mayor said.", "Kyiv")]
    public void A_city_with_its_district_is_the_place(string text, string expected) =>
        Assert.Equal(expected, CompiledLayer.Places(text));

    [Theory]
    [InlineData("Kyiv's Western allies pledged more air defence after a drone hit Lviv overnight.", "Lviv")]
    [InlineData("A drone was shot down in Moscow's Ruzskiy district overnight, the mayor said.", "Ruzskiy district")]
    public void A_possessive_of_no_city_district_is_no_place(string text, string expected) =>
        Assert.Equal(expected, CompiledLayer.Places(text));
}
