using Sitrep.Core;
using Sitrep.Geo;

namespace Sitrep.Extraction.Tests.Stages;

/// <summary>Rule regions-of: "the regions of X and Y" names regions, not their cities.</summary>
public class PlaceStructureTests
{
    private static string Places(string text) =>
        string.Join(" | ", Annotate.Extract(text).Events.Where(e => e.Kind == EventKind.Strike).SelectMany(e => e.Places).Select(p => $"{p.Text}:{p.Feature}"));

    [Theory]
    [InlineData("Russian drones attacked the regions of Kharkiv and Kursk overnight, officials said.", "Kharkiv:admin1 | Kursk:admin1")]
    [InlineData("Ukrainian drones struck targets in the region of Kursk on Tuesday night.", "Kursk:admin1")]
    [InlineData("Shelling hit the oblasts of Kursk, Kharkiv and Odesa on Sunday, injuring three people.", "Kursk:admin1 | Kharkiv:admin1 | Odesa:populated_place")]
    [InlineData("Russian drones attacked Kharkiv and Kursk overnight, officials said.", "Kharkiv:populated_place | Kursk:populated_place")]
    [InlineData("A drone hit a house in Kharkiv, in the east of the region of Kursk's neighbour, on Monday.", "Kharkiv:populated_place")]
    public void A_region_word_with_of_makes_its_list_regions(string text, string expected) =>
        Assert.StartsWith(expected, Places(text), StringComparison.Ordinal);
}

/// <summary>Rule region-as-city-name: a region written as its city's bare name beside that city is one place.</summary>
public class RegionAsCityNameTests
{
    private static List<string> Places(string text) =>
        [.. Annotate.Extract(text).Events.Where(e => e.Kind == EventKind.Strike).SelectMany(e => e.Places).Select(p => $"{p.Text}:{p.Feature}")];

    [Theory]
    [InlineData("Russian drones attacked the regions of Kharkiv and Kursk overnight, wounding two people in Kharkiv.", "Kharkiv")]
    [InlineData("Drones hit Kursk on Monday night and also struck the region of Kursk, the governor said.", "Kursk")]
    public void The_bare_name_is_told_once(string text, string name) =>
        Assert.Single(Places(text), p => p.StartsWith(name + ":", StringComparison.Ordinal));

    [Theory]
    [InlineData("Russian drones hit Kharkiv and the Kharkiv region overnight, wounding two people.", "Kharkiv:populated_place", "Kharkiv region:admin1")]
    [InlineData("Ukrainian drones struck Kursk and the Kursk region on Tuesday night.", "Kursk:populated_place", "Kursk region:admin1")]
    public void A_region_written_as_a_region_stays_beside_its_city(string text, string city, string region)
    {
        var places = Places(text);
        Assert.Contains(city, places);
        Assert.Contains(region, places);
    }
}

/// <summary>
/// The default pipeline with the compiled gazetteer (data/gazetteer.bin, built by ./setup.sh before ./test.sh), for
/// rules that read real regions, towns and their names; each strike's places as "text:feature", joined by " | ".
/// </summary>
internal static class CompiledPlaces
{
    private static readonly Lazy<ExtractionPipeline> Pipeline = new(() => ExtractionPipeline.CreateDefault(Gazetteer.LoadDefault()));

    public static Sitrep.Core.Extraction Extract(string text) => Pipeline.Value.Extract(new Article("t", text, Published: Annotate.Published));

    public static string Places(string text) =>
        string.Join(" | ", Extract(text).Events.Where(e => e.Kind == EventKind.Strike).SelectMany(e => e.Places).Select(p => $"{p.Text}:{p.Feature}"));
}

/// <summary>
/// Rule shot-down-over-region: a weapon destroyed "over" a city named after its region is destroyed over the region;
/// the city when the text says so ("over the city of Kursk", "над містом"), when it is a region of its own (Kyiv,
/// Moscow), or when nothing was destroyed.
/// </summary>
public class ShotDownOverTests
{
    private static string Places(string text) => CompiledPlaces.Places(text);

    [Theory]
    [InlineData("Russian air defence shot down a Ukrainian drone over Kursk overnight, the ministry said.", "Kursk:admin1")]
    [InlineData("Air defences intercepted 12 drones over Bryansk and 5 over Belgorod on Tuesday night, the ministry said.", "Bryansk:admin1 | Belgorod:admin1")]
    [InlineData("Two missiles were destroyed above Odesa on Sunday night, the air force said.", "Odesa:admin1")]
    [InlineData("Вночі над Харковом збили три російські дрони, повідомив Синєгубов.", "Харковом:admin1")]
    [InlineData("Ночью над Курском сбиты два украинских беспилотника, сообщил губернатор.", "Курском:admin1")]
    [InlineData("A drone was shot down over the city of Kursk overnight, the governor said.", "Kursk:populated_place")]
    [InlineData("Air defence shot down a missile over Kyiv overnight, the military said.", "Kyiv:populated_place")]
    [InlineData("Над Москвой ночью сбили беспилотник, сообщил мэр.", "Москвой:populated_place")]
    [InlineData("Над містом Суми вночі знищено два дрони, повідомили в ОВА.", "Суми:populated_place")]
    [InlineData("A drone exploded over Kursk overnight, damaging a house, the governor said.", "Kursk:populated_place")]
    public void Over_a_city_named_after_its_region_is_the_region(string text, string expected) =>
        Assert.Equal(expected, Places(text));
}

/// <summary>Rule flight-direction (English): where weapons were "headed toward" is not a place hit.</summary>
public class HeadingTowardTests
{
    private static string Places(string text) => CompiledPlaces.Places(text);

    [Theory]
    [InlineData("Six drones headed toward the Kursk nuclear power plant were shot down overnight, and one hit a house in Belgorod.", "Belgorod:populated_place")]
    [InlineData("A glide bomb heading towards Zaporizhzhia was intercepted on Monday, and another struck Kharkiv.", "Kharkiv:populated_place")]
    [InlineData("Drones flying toward Dnipro were downed on Friday night while a missile hit Poltava.", "Poltava:populated_place")]
    [InlineData("A drone hit a warehouse in Zaporizhzhia on Monday, heading off a convoy.", "Zaporizhzhia:populated_place")]
    public void A_flight_direction_is_not_a_place_hit(string text, string expected) =>
        Assert.Equal(expected, Places(text));
}

/// <summary>
/// Names that are no place hit, though the gazetteer knows them: every item of a list of launch areas ("from Kursk,
/// Oryol and Millerovo", however long the list); a place before a lowercase title with the official's name after it
/// (the office's); an air-defence system a gazetteer's alternate names hold as a town.
/// </summary>
public class NotAPlaceHitTests
{
    [Theory]
    [InlineData("Russia launched 90 drones from Kursk, Oryol and Millerovo at Kharkiv overnight.", "Kharkiv:populated_place")]
    [InlineData("The drones were launched from Bryansk, Kursk, Oryol and Millerovo, and struck Sumy.", "Sumy:populated_place")]
    [InlineData("Drones damaged two houses in Engels, Saratov governor Roman Busargin said.", "Engels:populated_place")]
    [InlineData("A drone hit a depot in Shebekino, Belgorod governor Vyacheslav Gladkov wrote.", "Shebekino:populated_place")]
    [InlineData("A Pantsir system shot down two drones near Belgorod on Monday night.", "Belgorod:populated_place")]
    [InlineData("Комплекс Панцирь сбил беспилотник над Белгородом.", "Белгородом:admin1")]
    public void A_name_that_is_no_place_hit(string text, string expected) =>
        Assert.Equal(expected, CompiledPlaces.Places(text));
}

/// <summary>Rule damage-place: a sentence that only says where the damage was adds its places to the attack it follows.</summary>
public class DamagePlaceTests
{
    [Theory]
    [InlineData("Russian drones attacked the Rivne region overnight, injuring three people. The hardest-hit area was Rivne.", "Rivne:populated_place")]
    [InlineData("Ukrainian drones attacked the Bryansk region overnight, the governor said. The incident occurred at a fuel depot near Klintsy.", "Klintsy:populated_place")]
    [InlineData("Russian missiles struck the Odesa region on Monday night, killing two. The worst-hit town was Izmail, officials said.", "Izmail:populated_place")]
    [InlineData("Вночі російські дрони атакували Київщину, поранено двох людей. Найбільше постраждав Ірпінь.", "Ірпінь:populated_place")]
    [InlineData("Ночью украинские беспилотники атаковали Брянскую область, сообщил губернатор. Больше всего пострадали Клинцы.", "Клинцы:populated_place")]
    public void The_place_of_the_damage_is_a_place_hit(string text, string expected) =>
        Assert.Contains(expected, CompiledPlaces.Places(text).Split(" | "));

    [Theory]
    [InlineData("Russian drones attacked the Rivne region overnight, injuring three people. Rivne has a population of 240,000.", "Rivne:populated_place")]
    [InlineData("Russian drones attacked the Rivne region overnight, injuring three people. Lutsk is the regional centre next door.", "Lutsk:populated_place")]
    public void A_place_told_without_damage_is_not(string text, string absent) =>
        Assert.DoesNotContain(absent, CompiledPlaces.Places(text).Split(" | "));
}

/// <summary>
/// Names that are not towns though a town is called so: buildings and complexes (rule building-name), officials'
/// surnames and organisations. Each sentence's places, exactly.
/// </summary>
public class NotATownTests
{
    [Theory]
    // Buildings and complexes.
    [InlineData("Russian missiles hit the Slavutych shopping centre in Kyiv overnight, killing two people.", "Kyiv:populated_place")]
    [InlineData("A Russian drone hit the Dnipro hotel in Kyiv overnight, injuring two people.", "Kyiv:populated_place")]
    [InlineData("A Ukrainian drone hit the Volga Sky residential complex in Kazan on Tuesday, injuring one person.", "Kazan:populated_place")]
    [InlineData("Russian missiles hit the Ocean Plaza shopping centre in Kyiv overnight, killing two people.", "Kyiv:populated_place")]
    [InlineData("A Russian missile hit a Kharkiv shopping mall overnight, killing two people.", "Kharkiv:populated_place")]
    [InlineData("Debris of a Ukrainian drone fell on the \"Samara heights\" residential complex overnight, the governor of Saratov said.", "")]
    [InlineData("Russian drones hit Kyiv and two hotels in Lviv overnight, injuring three people.", "Kyiv:populated_place | Lviv:populated_place")]
    [InlineData("Вночі дрон влучив у ЖК «Славутич» у Києві, поранено двох людей.", "Києві:populated_place")]
    [InlineData("Вночі дрон влучив у готель «Дніпро» в Києві, поранено двох людей.", "Києві:populated_place")]
    [InlineData("Вночі російський дрон влучив у ЖК «Сонячний» у Києві, поранено двох людей.", "Києві:populated_place")]
    [InlineData("Ночью беспилотник попал в ТЦ «Мирный» в Белгороде, ранен один человек.", "Белгороде:populated_place")]
    [InlineData("Ночью беспилотник попал в ЖК Солнечный в Казани, ранен один человек.", "Казани:populated_place")]
    // Officials' surnames and organisations.
    [InlineData("Governor Oleh Syniehubov said a Russian missile struck Kharkiv overnight, injuring five people.", "Kharkiv:populated_place")]
    [InlineData("Ukrainian drones attacked Kursk overnight, acting governor Alexander Khinshtein said on Telegram.", "Kursk:populated_place")]
    [InlineData("Ukrainian drones struck Belgorod overnight, injuring two, according to Gladkov.", "Belgorod:populated_place")]
    [InlineData("Губернатор Вячеслав Гладков сообщил, что беспилотник атаковал Белгород ночью, ранены двое.", "Белгород:populated_place")]
    [InlineData("Голова ОВА Олег Синєгубов повідомив, що вночі дрон атакував Харків, поранено п'ятьох.", "Харків:populated_place")]
    [InlineData("A Russian drone hit the premises of Ukrzaliznytsia in Fastiv overnight, injuring a worker.", "Fastiv:populated_place")]
    [InlineData("Naftogaz said a Russian missile hit a gas facility in the Poltava region overnight, injuring one person.", "Poltava region:admin1")]
    public void Only_the_town_is_a_place(string text, string expected) =>
        Assert.Equal(expected, CompiledPlaces.Places(text));
}

/// <summary>Rule city-district: a district of a city the event names is dropped for the city, in English, Ukrainian and Russian.</summary>
public class CityDistrictStructureTests
{
    [Theory]
    [InlineData("Russian drones attacked Kharkiv overnight, injuring three people in the Saltivskyi district.", "Kharkiv:populated_place")]
    [InlineData("Russian drones attacked Kharkiv's Kyivskyi district overnight, injuring three people.", "Kharkiv:populated_place")]
    [InlineData("Russian drones hit the Shevchenkivskyi district of Kyiv overnight, injuring two people.", "Kyiv:populated_place")]
    [InlineData("Russian drones hit the Solomianskyi and Sviatoshynskyi districts of Kyiv overnight, injuring two people.", "Kyiv:populated_place")]
    [InlineData("Russian missiles struck Dnipro overnight, damaging buildings in the Shevchenkivskyi district and injuring six.", "Dnipro:populated_place")]
    [InlineData("Вночі дрони атакували Київ, у Дарницькому районі поранено двох людей.", "Київ:populated_place")]
    [InlineData("Вночі дрони атакували Харків, поранено чотирьох людей у Салтівському районі.", "Харків:populated_place")]
    [InlineData("Ночью дроны атаковали Харьков, в Салтовском районе ранены трое.", "Харьков:populated_place")]
    [InlineData("Ночью дроны атаковали Харьков, ранены четыре человека в Киевском районе.", "Харьков:populated_place")]
    public void The_city_is_kept_and_its_district_dropped(string text, string expected) =>
        Assert.Equal(expected, CompiledPlaces.Places(text));

    [Theory]
    [InlineData("Russian artillery shelled the Nikopol district overnight, injuring one person.", "Nikopol district:admin2")]
    [InlineData("Двоє людей загинули внаслідок удару дрона по автомобілю в Нікопольському районі.", "Нікопольському районі:admin2")]
    public void A_regions_district_stays(string text, string expected) =>
        Assert.Equal(expected, CompiledPlaces.Places(text));
}

/// <summary>
/// Ukrainian and Russian towns in the cases text puts them in: the gazetteer's Ukrainian spellings read from the Latin
/// (the soft sign, the older romanisations) and names of several words declined word by word.
/// </summary>
public class DeclinedTownTests
{
    [Theory]
    [InlineData("Внаслідок ракетного удару по Кривому Розі загинули двоє людей.", "Кривому Розі:populated_place")]
    [InlineData("У Новій Каховці внаслідок обстрілу загинула жінка.", "Новій Каховці:populated_place")]
    [InlineData("Обстріл Горішніх Плавнів: загинув чоловік.", "Горішніх Плавнів:populated_place")]
    [InlineData("В Старом Осколе в результате атаки беспилотника ранен мужчина.", "Старом Осколе:populated_place")]
    [InlineData("Удар по Ростову-на-Дону: ранены два человека.", "Ростову-на-Дону:populated_place")]
    [InlineData("Вночі ворог атакував Нікополь дронами, поранено чоловіка.", "Нікополь:populated_place")]
    [InlineData("У Марганці внаслідок обстрілу поранено жінку.", "Марганці:populated_place")]
    [InlineData("Росіяни вдарили по Ізюму керованою авіабомбою, загинув чоловік.", "Ізюму:populated_place")]
    public void The_town_is_found_in_its_case(string text, string expected) =>
        Assert.Equal(expected, CompiledPlaces.Places(text));
}

/// <summary>A dateline ("KYIV —", "Kyiv - At least …") is where the report was filed, not a place hit; a name before a dash later in the text is.</summary>
public class PlaceDatelineTests
{
    [Theory]
    [InlineData("KYIV — A Russian missile struck Kryvyi Rih on Friday evening, killing 12 people, officials said.", "Kryvyi Rih:populated_place")]
    [InlineData("Kyiv - At least 12 people were killed when a Russian missile struck Kryvyi Rih on Friday evening.", "Kryvyi Rih:populated_place")]
    [InlineData("Kyiv – A Russian missile struck Kryvyi Rih on Friday evening, killing 12 people.", "Kryvyi Rih:populated_place")]
    [InlineData("Russian drones hit Odesa overnight, injuring two. Kharkiv - the second city - was also attacked.", "Odesa:populated_place | Kharkiv:populated_place")]
    public void A_dateline_is_no_place_hit(string text, string expected) =>
        Assert.Equal(expected, CompiledPlaces.Places(text));
}

/// <summary>A small town named before a power facility's words is cued as before "depot" (the facility named as written); a country after a compass word is the target.</summary>
public class FacilityTownTests
{
    [Theory]
    [InlineData("Russia struck the Burshtyn thermal power plant with missiles.", "Burshtyn thermal power plant:populated_place", Side.Russia)]
    [InlineData("Russia struck the Burshtyn TPP with missiles.", "Burshtyn TPP:populated_place", Side.Russia)]
    [InlineData("Russia struck the Burshtyn thermal power plant in western Ukraine with missiles, the operator said.", "Burshtyn thermal power plant:populated_place", Side.Russia)]
    [InlineData("Russia struck a thermal power plant in western Ukraine with missiles, the operator said.", "", Side.Russia)]
    public void The_town_of_a_facility_is_the_place_and_a_compass_country_the_target(string text, string places, Side attacker)
    {
        Assert.Equal(places, CompiledPlaces.Places(text));
        Assert.Equal(attacker, Assert.Single(CompiledPlaces.Extract(text).Events).Attacker);
    }
}
