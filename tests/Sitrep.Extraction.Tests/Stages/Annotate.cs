using System.Collections.Immutable;
using Sitrep.Core;
using Sitrep.Geo;

namespace Sitrep.Extraction.Tests.Stages;

/// <summary>Runs the default pipeline over sentences the tests write, with a small gazetteer of its own.</summary>
internal static class Annotate
{
    public static readonly DateOnly Published = new(2024, 11, 14); // a Thursday

    private static GazetteerEntry City(string id, string name, string country, string admin1, double lat, double lon, int pop, bool occupied = false) =>
        new(id, name, PlaceFeature.PopulatedPlace, country, admin1, lat, lon, pop, occupied);

    private static GazetteerEntry Region(string id, string name, string country, double lat, double lon, bool occupied = false) =>
        new(id, name, PlaceFeature.Admin1, country, name, lat, lon, 1_000_000, occupied);

    public static readonly Gazetteer Places = Build();

    private static Gazetteer Build()
    {
        var kharkiv = City("gn:706483", "Kharkiv", "UA", "Kharkiv Oblast", 49.98, 36.25, 1_400_000);
        var kharkivRegion = Region("admin1:UA.07", "Kharkiv Oblast", "UA", 49.5, 36.4);
        var lozovaK = City("gn:702320", "Lozova", "UA", "Kharkiv Oblast", 48.89, 36.32, 54_000);
        var kursk = City("gn:538560", "Kursk", "RU", "Kursk Oblast", 51.73, 36.19, 440_000);
        var kurskRegion = Region("admin1:RU.41", "Kursk Oblast", "RU", 51.68, 36.08);
        var kyiv = City("gn:703448", "Kyiv", "UA", "Kyiv", 50.45, 30.52, 2_900_000);
        var odesa = City("gn:698740", "Odesa", "UA", "Odesa Oblast", 46.48, 30.73, 1_000_000);
        var vladimir = City("gn:473247", "Vladimir", "RU", "Vladimir Oblast", 56.13, 40.40, 350_000);
        var sevastopol = City("gn:694423", "Sevastopol", "UA", "Sevastopol", 44.6, 33.52, 400_000, occupied: true);
        var moscow = City("gn:524901", "Moscow", "RU", "Moscow", 55.75, 37.62, 12_000_000);
        var hornal = City("sup:gornal", "Gornal", "RU", "Kursk Oblast", 51.065, 35.24, 400);
        var bryansk = City("gn:571476", "Bryansk", "RU", "Bryansk Oblast", 53.25, 34.37, 400_000);
        var bryanskRegion = Region("admin1:RU.10", "Bryansk Oblast", "RU", 53.0, 33.5);
        var oryol = City("gn:515012", "Oryol", "RU", "Oryol Oblast", 52.97, 36.08, 300_000);
        var sumyRegion = Region("admin1:UA.21", "Sumy Oblast", "UA", 50.9, 34.0);
        var glushkovo = City("gn:561405", "Glushkovo", "RU", "Kursk Oblast", 51.34, 34.64, 5_000);
        var chausyBy = City("gn:629018", "Chavusy", "BY", "Mogilev", 53.8, 30.97, 10_000);
        var chausyRu = City("sup:chausy", "Chausy", "RU", "Bryansk Oblast", 52.5, 33.0, 300);
        var ryazan = City("gn:500096", "Ryazan’", "RU", "Ryazan Oblast", 54.63, 39.69, 520_000);
        var saratov = City("gn:498677", "Saratov", "RU", "Saratov Oblast", 51.54, 46.01, 860_000);
        var volgograd = City("gn:472757", "Volgograd", "RU", "Volgograd Oblast", 48.72, 44.50, 1_000_000);
        var kupianskRaion = new GazetteerEntry("admin2:UA.07.kup", "Kupiansk Raion", PlaceFeature.Admin2, "UA", "Kharkiv Oblast", 49.7, 37.6, 0) { Admin2 = "Kupiansk Raion" };
        var glushkovoRaion = new GazetteerEntry("admin2:RU.41.glu", "Glushkovsky District", PlaceFeature.Admin2, "RU", "Kursk Oblast", 51.4, 34.7, 0) { Admin2 = "Glushkovsky District" };
        var crimea = Region("admin1:UA.11", "Crimea", "UA", 45.0, 34.0, occupied: true);
        var belarus = new GazetteerEntry("country:BY", "Belarus", PlaceFeature.Country, "BY", null, 53.5, 28.0, 9_000_000);
        var ukraine = new GazetteerEntry("country:UA", "Ukraine", PlaceFeature.Country, "UA", null, 49.0, 32.0, 40_000_000);
        var russia = new GazetteerEntry("country:RU", "Russia", PlaceFeature.Country, "RU", null, 60.0, 90.0, 140_000_000);
        return Gazetteer.FromEntries(
        [
            ("kharkiv", kharkiv), ("kharkov", kharkiv), ("kharkiv", kharkivRegion), ("kharkiv region", kharkivRegion), ("kharkiv oblast", kharkivRegion),
            ("lozova", lozovaK), ("kursk", kursk), ("kursk region", kurskRegion), ("kursk", kurskRegion), ("kyiv", kyiv), ("kiev", kyiv), ("odesa", odesa),
            ("odessa", odesa), ("курська", kursk), ("курськ", kursk), ("одесу", odesa), ("одеса", odesa), ("vladimir", vladimir), ("sevastopol", sevastopol), ("moscow", moscow), ("gornal", hornal), ("belarus", belarus),
            ("ukraine", ukraine), ("russia", russia),
            // Cyrillic case forms, as the gazetteer's build writes them
            ("брянськ", bryansk), ("брянська", bryansk), ("брянск", bryansk), ("курск", kursk), ("орел", oryol), ("брянскую", bryanskRegion),
            ("курскую", kurskRegion), ("курскую область", kurskRegion), ("курской области", kurskRegion), ("сумську", sumyRegion),
            ("харківську", kharkivRegion), ("глушково", glushkovo),
            ("чаусы", chausyBy), ("чаусы", chausyRu), ("брянской области", bryanskRegion), ("києві", kyiv), ("киева", kyiv), ("харкова", kharkiv), ("подільському", sumyRegion), ("дарницком", glushkovo),
            ("криму", crimea), ("курського", kursk), ("курска", kursk), ("одессе", odesa), ("рязань", ryazan), ("саратов", saratov), ("волгоград", volgograd), ("лозову", lozovaK), ("харківській області", kharkivRegion),
            ("харківської області", kharkivRegion), ("купянського району", kupianskRaion), ("глушковского района", glushkovoRaion),
            ("севастополь", sevastopol), ("севастополе", sevastopol), ("севастополем", sevastopol), ("одесою", odesa), ("харківською областю", kharkivRegion), ("курском", kursk),
        ]);
    }

    public static readonly ExtractionPipeline Pipeline = ExtractionPipeline.CreateDefault(Places);

    public static Document Doc(string text, DateOnly? published = null) =>
        Pipeline.Annotate(new Article("t", text, Published: published ?? Published));

    public static Sitrep.Core.Extraction Extract(string text, DateOnly? published = null) =>
        Pipeline.Extract(new Article("t", text, Published: published ?? Published));

    /// <summary>A report with no publication date.</summary>
    public static Sitrep.Core.Extraction ExtractUnpublished(string text) => Pipeline.Extract(new Article("t", text));

    public static Document DocUnpublished(string text) => Pipeline.Annotate(new Article("t", text));

    public static ImmutableArray<T> Layer<T>(string text, string layer, DateOnly? published = null)
        where T : Mention => Doc(text, published).Layer<T>(layer);

    /// <summary>The figure stage's counts with the rule that read each, sorted: <c>kind:family:value:rule</c> ("vague" for a vague quantity).</summary>
    public static string CountRules(string text) => string.Join(' ', Layer<FigureMention>(text, Layers.Figures)
        .Select(f => $"{f.Kind.ToContract()}:{f.Weapon.Category.Family().ToContract()}:{(f.Qualifier.IsCount() ? f.Value : "vague")}:{f.Rule}").Order(StringComparer.Ordinal));
}
