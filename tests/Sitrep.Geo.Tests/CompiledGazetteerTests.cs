namespace Sitrep.Geo.Tests;

/// <summary>Names as reports write them, looked up in the compiled gazetteer: the first candidate must be right.</summary>
public sealed class CompiledGazetteerTests
{
    private static Gazetteer G => CompiledGazetteer.Instance;

    [Theory]
    // Renamed places: today's name is canonical, the old one still finds it.
    [InlineData("Bakhmut", "Bakhmut", "Donetsk Oblast")]
    [InlineData("Artemivsk", "Bakhmut", "Donetsk Oblast")]
    [InlineData("Dnipro", "Dnipro", "Dnipropetrovsk Oblast")]
    [InlineData("Dnipropetrovsk", "Dnipro", "Dnipropetrovsk Oblast")]
    [InlineData("Kropyvnytskyi", "Kropyvnytskyi", "Kirovohrad Oblast")]
    [InlineData("Kirovohrad", "Kropyvnytskyi", "Kirovohrad Oblast")]
    [InlineData("Pokrovsk", "Pokrovsk", "Donetsk Oblast")]
    [InlineData("Krasnoarmiisk", "Pokrovsk", "Donetsk Oblast")]
    [InlineData("Horishni Plavni", "Horishni Plavni", "Poltava Oblast")]
    [InlineData("Komsomolsk", "Horishni Plavni", "Poltava Oblast")]
    // Romanisations, diacritics, apostrophes, lowercase, possessives.
    [InlineData("Kharkov", "Kharkiv", "Kharkiv Oblast")]
    [InlineData("Nikolaev", "Mykolaiv", "Mykolaiv Oblast")]
    [InlineData("Zaporozhye", "Zaporizhzhia", "Zaporizhzhia Oblast")]
    [InlineData("Zaporizhia", "Zaporizhzhia", "Zaporizhzhia Oblast")]
    [InlineData("Avdiivka", null, "Donetsk Oblast")]
    [InlineData("Avdiyivka", null, "Donetsk Oblast")]
    [InlineData("Avdeyevka", null, "Donetsk Oblast")]
    [InlineData("Avdiïvka", null, "Donetsk Oblast")]
    [InlineData("Dnipropetrovs'k", "Dnipro", "Dnipropetrovsk Oblast")]
    [InlineData("kyiv", "Kyiv", "Kyiv")]
    [InlineData("Kiev", "Kyiv", "Kyiv")]
    [InlineData("Kharkiv's", "Kharkiv", "Kharkiv Oblast")]
    [InlineData("Odessa", "Odesa", "Odesa Oblast")]
    // Ukraine's national romanisation is the name; GeoNames' and Russian-derived spellings find it.
    [InlineData("Izmail", "Izmail", "Odesa Oblast")]
    [InlineData("Izmayil", "Izmail", "Odesa Oblast")]
    [InlineData("Kostiantynivka", "Kostiantynivka", "Donetsk Oblast")]
    [InlineData("Kirovograd", "Kropyvnytskyi", "Kirovohrad Oblast")]
    [InlineData("Bila Tserkva", "Bila Tserkva", "Kyiv Oblast")]
    [InlineData("Yevpatoriya", "Yevpatoriia", "Crimea")]
    [InlineData("Ізмаїлі", "Izmail", "Odesa Oblast")]
    // Regions and their many names.
    [InlineData("Dnipropetrovsk region", "Dnipropetrovsk Oblast", "Dnipropetrovsk Oblast")]
    [InlineData("Dnipropetrovsk Oblast", "Dnipropetrovsk Oblast", "Dnipropetrovsk Oblast")]
    [InlineData("Dnipropetrovshchyna", "Dnipropetrovsk Oblast", "Dnipropetrovsk Oblast")]
    [InlineData("Kharkivshchyna", "Kharkiv Oblast", "Kharkiv Oblast")]
    [InlineData("Luhansk province", "Luhansk Oblast", "Luhansk Oblast")]
    [InlineData("Oryol region", "Oryol Oblast", "Oryol Oblast")]
    [InlineData("Orel region", "Oryol Oblast", "Oryol Oblast")]
    [InlineData("Oriol region", "Oryol Oblast", "Oryol Oblast")]
    [InlineData("Tatarstan", "Republic of Tatarstan", "Republic of Tatarstan")]
    [InlineData("Republic of Tatarstan", "Republic of Tatarstan", "Republic of Tatarstan")]
    [InlineData("Krasnodar Krai", "Krasnodar Krai", "Krasnodar Krai")]
    [InlineData("Krasnodar region", "Krasnodar Krai", "Krasnodar Krai")]
    [InlineData("Nizhny Novgorod region", "Nizhny Novgorod Oblast", "Nizhny Novgorod Oblast")]
    [InlineData("Kyiv region", "Kyiv Oblast", "Kyiv Oblast")]
    [InlineData("Zakarpattia", "Zakarpattia Oblast", "Zakarpattia Oblast")]
    // Ukrainian and Russian text: case forms.
    [InlineData("Києві", "Kyiv", "Kyiv")]
    [InlineData("Харкові", "Kharkiv", "Kharkiv Oblast")]
    [InlineData("Одеси", "Odesa", "Odesa Oblast")]
    [InlineData("Харківщині", "Kharkiv Oblast", "Kharkiv Oblast")]
    [InlineData("Брянской области", "Bryansk Oblast", "Bryansk Oblast")]
    [InlineData("Дніпропетровської області", "Dnipropetrovsk Oblast", "Dnipropetrovsk Oblast")]
    [InlineData("Краснодарському краї", "Krasnodar Krai", "Krasnodar Krai")]
    // Ukrainian spellings the data lacks, read from the Latin: the soft sign at a word's end (-ль, -ець, -ськ), the
    // older romanisations' y before a vowel, the fleeting е, and the district adjectives made from them.
    [InlineData("Нікополь", null, "Dnipropetrovsk Oblast")]
    [InlineData("Нікополя", null, "Dnipropetrovsk Oblast")]
    [InlineData("Марганець", null, "Dnipropetrovsk Oblast")]
    [InlineData("Марганці", null, "Dnipropetrovsk Oblast")]
    [InlineData("Бердянську", null, "Zaporizhzhia Oblast")]
    [InlineData("Ізюмі", null, "Kharkiv Oblast")]
    [InlineData("Нікопольському районі", "Nikopol Raion", "Dnipropetrovsk Oblast")]
    [InlineData("Синельниківського району", "Synelnykove Raion", "Dnipropetrovsk Oblast")]
    // One-word rules: к/г/х soften before the locative і, -інь opens to -ен-, adjective-shaped feminines, -ий nouns.
    [InlineData("Кременчуці", "Kremenchuk", "Poltava Oblast")]
    [InlineData("Ірпені", "Irpin", "Kyiv Oblast")]
    [InlineData("Лозовій", "Lozova", "Kharkiv Oblast")]
    [InlineData("Стрию", "Stryi", "Lviv Oblast")]
    [InlineData("Раменском", null, "Moscow Oblast")]
    [InlineData("Усть-Луге", null, "Leningrad Oblast")]
    [InlineData("Сергиевом Посаде", null, "Moscow Oblast")]
    // Names of several words, every word in the same case (Ukrainian and Russian).
    [InlineData("Новій Каховці", "Nova Kakhovka", "Kherson Oblast")]
    [InlineData("Великій Писарівці", "Velyka Pysarivka", "Sumy Oblast")]
    [InlineData("Кривому Розі", "Kryvyi Rih", "Dnipropetrovsk Oblast")]
    [InlineData("Кривого Рогу", "Kryvyi Rih", "Dnipropetrovsk Oblast")]
    [InlineData("Горішніх Плавнях", "Horishni Plavni", "Poltava Oblast")]
    [InlineData("Кам'янці-Подільському", null, "Khmelnytskyi Oblast")]
    [InlineData("Старом Осколе", null, "Belgorod Oblast")]
    [InlineData("Нижнем Новгороде", null, "Nizhny Novgorod Oblast")]
    [InlineData("Ростове-на-Дону", null, "Rostov Oblast")]
    [InlineData("Белгород-Днестровском", null, "Odesa Oblast")]
    public void First_candidate_is_the_right_place(string text, string? name, string admin1)
    {
        var hits = G.FindName(text);
        Assert.False(hits.IsEmpty, $"'{text}' not found");
        if (name is not null)
        {
            Assert.Equal(name, hits[0].Name);
        }

        Assert.Equal(admin1, hits[0].Admin1);
    }

    [Theory]
    [InlineData("Kharkiv", PlaceFeature.PopulatedPlace)]
    [InlineData("Kharkiv region", PlaceFeature.Admin1)]
    [InlineData("Kursk", PlaceFeature.PopulatedPlace)]
    [InlineData("Kursk region", PlaceFeature.Admin1)]
    [InlineData("Sevastopol", PlaceFeature.PopulatedPlace)]
    [InlineData("Ukraine", PlaceFeature.Country)]
    [InlineData("Engels-2", PlaceFeature.Facility)]
    [InlineData("Pogarsky district", PlaceFeature.Admin2)]
    public void City_and_region_of_one_name_are_told_apart(string text, PlaceFeature feature) =>
        Assert.Equal(feature, G.FindName(text)[0].Feature);

    [Theory]
    [InlineData("Crimea")]
    [InlineData("Sevastopol")]
    [InlineData("Simferopol")]
    [InlineData("Yevpatoria")]
    [InlineData("Kerch")]
    [InlineData("Donetsk")]
    [InlineData("Belbek air base")]
    public void Crimea_and_places_held_since_2014_are_Ukraine_and_occupied(string text)
    {
        var e = G.FindName(text)[0];
        Assert.Equal("UA", e.Country);
        Assert.True(e.Occupied, $"{text} should be flagged occupied");
    }

    [Theory]
    [InlineData("Kharkiv")]
    [InlineData("Lviv")]
    [InlineData("Kursk")]
    public void Places_outside_the_occupied_areas_are_not_flagged(string text) =>
        Assert.False(G.FindName(text)[0].Occupied);

    [Theory]
    [InlineData("Brussels", "BE")]
    [InlineData("Warsaw", "PL")]
    [InlineData("Vilnius", "LT")]
    [InlineData("Minsk", "BY")]
    [InlineData("Chisinau", "MD")]
    [InlineData("Poland", "PL")]
    [InlineData("Belarus", "BY")]
    [InlineData("United States", "US")]
    public void Places_outside_the_war_have_their_country(string text, string country) =>
        Assert.Equal(country, G.FindName(text)[0].Country);

    [Fact]
    public void Every_region_of_Ukraine_and_Russia_is_there_with_a_point_inside_its_country()
    {
        var regions = G.Entries.Where(e => e.Feature == PlaceFeature.Admin1).ToList();
        Assert.Equal(27, regions.Count(e => e.Country == "UA"));
        Assert.True(regions.Count(e => e.Country == "RU") >= 80);
        foreach (var r in regions.Where(e => e.Country == "UA"))
        {
            Assert.InRange(r.Latitude, 44, 53);
            Assert.InRange(r.Longitude, 22, 41);
        }
    }

    [Fact]
    public void Region_points_are_polygon_centroids()
    {
        // Kharkiv Oblast's centroid lies south-east of the city, well inside the oblast.
        var oblast = G.FindName("Kharkiv Oblast")[0];
        Assert.InRange(oblast.Latitude, 49.3, 49.9);
        Assert.InRange(oblast.Longitude, 36.2, 36.8);
    }

    [Fact]
    public void Loads_fast_and_has_ids()
    {
        Assert.True(G.Entries.Length > 10_000);
        Assert.True(G.KeyCount > 100_000);
        Assert.InRange(G.MaxWords, 3, 20);
        Assert.Equal("703448", G.FindName("Kyiv")[0].GeoNamesId);
        Assert.NotNull(G.GetById("gn:703448"));
    }
}
