using Sitrep.Core;
using Sitrep.Extraction.Stages.Places;
using Sitrep.Geo;

namespace Sitrep.Extraction.Tests.Stages;

/// <summary>
/// The place stage asks the gazetteer about a single word once per distinct word and case, and keeps the answer for
/// the thread: on random sentences of place names (in both cases, with possessives, region words and cues) run one
/// after another, the places it finds equal the places found by looking every word up afresh.
/// </summary>
public class PlaceLookupMemoTests
{
    private static readonly string[] Words =
    [
        "Kharkiv", "kharkiv", "KHARKIV", "Kharkiv's", "Kharkov", "Lozova", "lozova", "Kursk", "kursk", "Kursk's", "Kyiv", "kyiv", "Kiev", "Odesa",
        "odesa", "Odessa", "Moscow", "moscow", "Sevastopol", "Gornal", "Belarus", "belarus", "Ukraine", "Russia", "russia", "Vladimir", "Bryansk",
        "Курськ", "курськ", "Одесу", "одесу", "Брянськ", "Курскую", "Києві", "києві", "Глушково", "Чаусы",
        "region", "oblast", "regions", "border", "city", "town", "village", "of", "in", "near", "from", "the", "and", ",", "west", "governor",
        "drones", "struck", "hit", "overnight", "said", "в", "у", "и", "області", "области", "район", "13", "Mayor", "Air", "Force",
    ];

    private static string Sentences(Random random) => PlaceLayerText.Sentences(random, Words);

    private static string Describe(Document doc) => PlaceLayerText.Describe(doc);

    private static ExtractionPipeline Pipeline(IPlaceLookup places, bool memoize) =>
        ExtractionPipeline.CreateBuilder().UseSentences().Use(new PlaceStage(places) { MemoizeWords = memoize }).Build();

    [Fact]
    public void Memoized_lookups_find_the_places_fresh_lookups_find()
    {
        var memoized = Pipeline(Annotate.Places, memoize: true);
        var fresh = Pipeline(Annotate.Places, memoize: false);
        var random = new Random(11);
        var places = 0;
        for (var k = 0; k < 600; k++)
        {
            var text = Sentences(random);
            var expected = Describe(fresh.Annotate(new Article("t", text)));
            Assert.Equal(expected, Describe(memoized.Annotate(new Article("t", text))));
            places += expected.Length == 0 ? 0 : expected.Count(c => c == '\n') + 1;
        }

        Assert.True(places > 500, $"only {places} places: the sentences do not exercise the lookups");
    }

    [Fact]
    public void A_memo_is_not_carried_over_to_another_gazetteer()
    {
        // One thread, two gazetteers that disagree about "Lozova": each stage answers from its own.
        var other = Gazetteer.FromEntries([("lozova", new GazetteerEntry("x:lozova", "Lozova", PlaceFeature.PopulatedPlace, "UA", "Kharkiv Oblast", 48.9, 36.3, 60_000))]);
        const string Text = "Drones hit Lozova overnight. ";
        var first = Describe(Pipeline(Annotate.Places, memoize: true).Annotate(new Article("t", Text)));
        var second = Describe(Pipeline(other, memoize: true).Annotate(new Article("t", Text)));
        Assert.Contains("gn:702320", first, StringComparison.Ordinal);
        Assert.Contains("x:lozova", second, StringComparison.Ordinal);
    }
}
