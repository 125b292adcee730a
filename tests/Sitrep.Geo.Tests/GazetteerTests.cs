namespace Sitrep.Geo.Tests;

/// <summary>The lookup itself, over a small gazetteer the tests build.</summary>
public sealed class GazetteerTests
{
    private static readonly GazetteerEntry Kharkiv = new("gn:706483", "Kharkiv", PlaceFeature.PopulatedPlace, "UA", "Kharkiv Oblast", 49.98, 36.25, 1_430_885);
    private static readonly GazetteerEntry KharkivOblast = new("admin1:UA.07", "Kharkiv Oblast", PlaceFeature.Admin1, "UA", "Kharkiv Oblast", 49.61, 36.49, 2_000_000);
    private static readonly GazetteerEntry Avdiivka = new("gn:713508", "Avdiivka", PlaceFeature.PopulatedPlace, "UA", "Donetsk Oblast", 48.14, 37.74, 35_826);
    private static readonly GazetteerEntry Lozova = new("gn:702760", "Lozova", PlaceFeature.PopulatedPlace, "UA", "Kharkiv Oblast", 48.89, 36.32, 62_311);

    private static Gazetteer Small() => Gazetteer.FromEntries(
    [
        ("Kharkiv", Kharkiv),
        ("Kharkov", Kharkiv),
        ("Kharkiv Oblast", KharkivOblast),
        ("Kharkiv region", KharkivOblast),
        ("Nizhny Novgorod region of the test", KharkivOblast),
        ("Avdiivka", Avdiivka),
        ("Lozova", Lozova),
    ]);

    [Theory]
    [InlineData("kharkiv", "Kharkiv")]
    [InlineData("kharkov", "Kharkiv")]
    [InlineData("kharkiv region", "Kharkiv Oblast")]
    [InlineData("avdiyivka", "Avdiivka")]
    [InlineData("avdiivka", "Avdiivka")]
    [InlineData("kharkivs", "Kharkiv")]
    public void Find_matches_names_spellings_and_possessives(string folded, string expected)
    {
        var hits = Small().Find(folded);
        Assert.False(hits.IsEmpty);
        Assert.Equal(expected, hits[0].Name);
    }

    [Theory]
    [InlineData("")]
    [InlineData("london")]
    [InlineData("khar")]
    [InlineData("kharkivx")]
    public void Find_returns_empty_when_unknown(string folded) =>
        Assert.True(Small().Find(folded).IsEmpty);

    [Fact]
    public void A_small_place_does_not_match_a_plural_as_a_possessive()
    {
        var village = new GazetteerEntry("gn:5", "Ruda", PlaceFeature.PopulatedPlace, "UA", "Lviv Oblast", 49.6, 24.0, 900);
        Assert.True(Gazetteer.FromEntries([("Ruda", village)]).Find("rudas").IsEmpty);
    }

    [Fact]
    public void MaxWords_is_the_longest_key()
    {
        Assert.Equal(6, Small().MaxWords);
    }

    [Fact]
    public void Find_allocates_nothing_on_hits_and_misses()
    {
        var g = Small();
        var keys = new[] { "kharkiv", "avdiyivka", "nowhere at all", "kharkivs", "x" };
        foreach (var k in keys)
        {
            _ = g.Find(k);
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 1000; i++)
        {
            foreach (var k in keys)
            {
                _ = g.Find(k.AsSpan());
            }
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    [Fact]
    public void File_round_trip_keeps_entries_and_keys()
    {
        var index = new GazetteerIndex();
        var a = index.Add(Kharkiv);
        var b = index.Add(KharkivOblast);
        index.AddName("Kharkiv", a);
        index.AddName("Kharkiv", b, NameRank.Shared);
        index.AddName("Kharkiv region", b);
        using var stream = new MemoryStream();
        GazetteerFile.Write(stream, index);
        stream.Position = 0;
        var g = GazetteerFile.Read(stream);

        Assert.Equal(2, g.Entries.Length);
        Assert.Equal(["Kharkiv", "Kharkiv Oblast"], g.Find("kharkiv").Select(e => e.Name));
        Assert.Equal("Kharkiv Oblast", g.Find("kharkiv region")[0].Name);
        Assert.Equal(KharkivOblast, g.GetById("admin1:UA.07"));
        Assert.Equal(KharkivOblast, g.FindAdmin1("UA", "Kharkiv Oblast"));
    }

    [Fact]
    public void Read_refuses_a_file_that_is_not_a_gazetteer()
    {
        using var stream = new MemoryStream("not a gazetteer at all"u8.ToArray());
        Assert.Throws<InvalidDataException>(() => GazetteerFile.Read(stream));
    }

    [Fact]
    public void Load_says_to_run_setup_when_the_file_is_missing()
    {
        var ex = Assert.Throws<GazetteerException>(() => Gazetteer.Load(Path.Combine(Path.GetTempPath(), "no-such-gazetteer.bin")));
        Assert.Contains("setup.sh", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Entry_exposes_geonames_id_and_contract_feature()
    {
        Assert.Equal("706483", Kharkiv.GeoNamesId);
        Assert.Null(KharkivOblast.GeoNamesId);
        Assert.Equal("populated_place", Kharkiv.FeatureName);
        Assert.Equal("admin1", KharkivOblast.FeatureName);
        Assert.True(PlaceFeatures.TryParse("facility", out var f) && f == PlaceFeature.Facility);
        Assert.False(PlaceFeatures.TryParse("moon", out _));
    }

    [Fact]
    public void FromEntries_orders_namesakes_by_population()
    {
        var small = new GazetteerEntry("gn:1", "Lozova", PlaceFeature.PopulatedPlace, "UA", "Vinnytsia Oblast", 49.0, 28.0, 500);
        var g = Gazetteer.FromEntries([("Lozova", small), ("Lozova", Lozova)]);
        Assert.Equal([Lozova, small], g.Find("lozova").ToArray());
    }
}
