using Sitrep.Core;
using Sitrep.Extraction.Stages.Places;
using Sitrep.Geo;

namespace Sitrep.Extraction.Tests.Stages;

/// <summary>
/// The place stage looks names of several words up only from a word that begins some gazetteer key of several words
/// (<see cref="IPlaceLookup.MayBeginLongerName"/>), and reads each token's lexicon marks from a table made once per
/// document: on random sentences of names of one and several words (with spelling variants, possessives, region
/// words, settlement words and cues), it finds the places it finds when every length is looked up.
/// </summary>
public class PlaceFirstWordTests
{
    private static readonly string[] Words =
    [
        "Kryvyi", "Kryvyy", "Rih", "Rih's", "Nizhny", "Nizhniy", "Novgorod", "Novgorod's", "Bila", "Tserkva", "Nova", "Kakhovka", "Kharkiv", "Kursk", "Lozova",
        "Bilhorod-Dnistrovskyi", "Bilhorod", "Dnistrovskyi", "Oblast", "region", "regions", "oblast", "district", "Region", "on", "Rostov", "Don", "Rostov-on-Don",
        "Сумської", "області", "Курской", "области", "Брянськ", "селі", "Лапаївка", "с", ".", "Велика", "Писарівка", "з", "напрямків", "Курськ", ",", "Орел",
        "village", "of", "in", "near", "from", "the", "and", "same", "city", "drones", "struck", "over", "the", "Mayor", "Air", "Force", "Governor", "13",
    ];

    private static readonly Gazetteer Places = Build();

    private static Gazetteer Build()
    {
        GazetteerEntry City(string id, string name, string admin1, int population) => new(id, name, PlaceFeature.PopulatedPlace, "UA", admin1, 48, 34, population);
        var rih = City("gn:703845", "Kryvyi Rih", "Dnipropetrovsk Oblast", 600_000);
        var novgorod = new GazetteerEntry("gn:520555", "Nizhny Novgorod", PlaceFeature.PopulatedPlace, "RU", "Nizhny Novgorod Oblast", 56.3, 44.0, 1_250_000);
        var novgorodRegion = new GazetteerEntry("admin1:RU.51", "Nizhny Novgorod Oblast", PlaceFeature.Admin1, "RU", "Nizhny Novgorod Oblast", 56, 44, 3_000_000);
        var tserkva = City("gn:712165", "Bila Tserkva", "Kyiv Oblast", 200_000);
        var kakhovka = City("gn:700051", "Nova Kakhovka", "Kherson Oblast", 45_000);
        var bilhorod = City("gn:711660", "Bilhorod-Dnistrovskyi", "Odesa Oblast", 50_000);
        var kharkiv = City("gn:706483", "Kharkiv", "Kharkiv Oblast", 1_400_000);
        var kursk = new GazetteerEntry("gn:538560", "Kursk", PlaceFeature.PopulatedPlace, "RU", "Kursk Oblast", 51.7, 36.2, 440_000);
        var rostov = new GazetteerEntry("gn:501175", "Rostov-on-Don", PlaceFeature.PopulatedPlace, "RU", "Rostov Oblast", 47.2, 39.7, 1_100_000);
        var sumy = new GazetteerEntry("admin1:UA.21", "Sumy Oblast", PlaceFeature.Admin1, "UA", "Sumy Oblast", 50.9, 34.0, 1_000_000);
        var lozova = City("gn:702320", "Lozova", "Kharkiv Oblast", 54_000);
        return Gazetteer.FromEntries(
        [
            ("kryvyi rih", rih), ("nizhny novgorod", novgorod), ("nizhny novgorod region", novgorodRegion), ("nizhny novgorod oblast", novgorodRegion),
            ("bila tserkva", tserkva), ("nova kakhovka", kakhovka), ("bilhorod dnistrovskyi", bilhorod), ("bilhorod", bilhorod), ("kharkiv", kharkiv),
            ("kursk", kursk), ("курськ", kursk), ("курской области", kursk), ("rostov on don", rostov), ("сумської області", sumy), ("lozova", lozova),
        ]);
    }

    private static string Sentences(Random random) => PlaceLayerText.Sentences(random, Words);

    private static string Describe(Document doc) => PlaceLayerText.Describe(doc);

    private static ExtractionPipeline Pipeline(bool prune) =>
        ExtractionPipeline.CreateBuilder().UseSentences().Use(new PlaceStage(Places) { PruneByFirstWord = prune }).Build();

    [Fact]
    public void Pruned_lookups_find_the_places_every_length_finds()
    {
        var pruned = Pipeline(prune: true);
        var full = Pipeline(prune: false);
        var random = new Random(23);
        var (places, longer) = (0, 0);
        for (var k = 0; k < 800; k++)
        {
            var text = Sentences(random);
            var doc = full.Annotate(new Article("t", text));
            var expected = Describe(doc);
            Assert.Equal(expected, Describe(pruned.Annotate(new Article("t", text))));
            foreach (var p in doc.Layer<PlaceMention>(Layers.Places))
            {
                places++;
                longer += p.EndToken - p.TokenIndex > 1 && p.Candidates.Length > 0 ? 1 : 0;
            }
        }

        Assert.True(places > 500 && longer > 100, $"{places} places, {longer} of several words: the sentences do not exercise the lookups");
    }

    [Theory]
    [InlineData("the", PlaceStage.Mark.NotPlace | PlaceStage.Mark.NotAllDigits)]
    [InlineData("2024", 0u)]
    [InlineData("селі", PlaceStage.Mark.CyrillicSettlementWord | PlaceStage.Mark.NotAllDigits | PlaceStage.Mark.Cyrillic)]
    [InlineData("с", PlaceStage.Mark.CyrillicSettlementAbbreviation | PlaceStage.Mark.NotAllDigits | PlaceStage.Mark.Cyrillic)]
    [InlineData("village", PlaceStage.Mark.SettlementWord | PlaceStage.Mark.NotAllDigits)]
    [InlineData("напрямки", PlaceStage.Mark.LaunchHead | PlaceStage.Mark.NotAllDigits | PlaceStage.Mark.Cyrillic)]
    [InlineData("пусків", PlaceStage.Mark.LaunchNext | PlaceStage.Mark.NotAllDigits | PlaceStage.Mark.Cyrillic)]
    [InlineData("same", PlaceStage.Mark.Same | PlaceStage.Mark.NotAllDigits)]
    [InlineData("kharkiv", PlaceStage.Mark.NotAllDigits)]
    public void A_words_marks_are_its_lexicons_answers(string word, uint expected) =>
        Assert.Equal(expected, PlaceStage.WordMarks(word) & ~(PlaceStage.Mark.From | PlaceStage.Mark.FromArea | PlaceStage.Mark.Toward | PlaceStage.Mark.Area | PlaceStage.Mark.Direction | PlaceStage.Mark.Occupied | PlaceStage.Mark.Heading | PlaceStage.Mark.ListJoiner));

    [Theory]
    [InlineData("Уночі дрони летіли з напрямків Курськ , Орел .", "Курськ gazetteer-origin")]
    [InlineData("Drones hit the village of Hornal overnight .", "Hornal cue-not-in-gazetteer")]
    [InlineData("Обстріляли у селі Лапаївка .", "Лапаївка cue-not-in-gazetteer")]
    public void Marked_scans_find_their_places(string text, string expected)
    {
        var doc = Pipeline(prune: true).Annotate(new Article("t", text));
        Assert.Contains(doc.Layer<PlaceMention>(Layers.Places), p => $"{p.Text} {p.Rule}" == expected);
    }
}
