using Sitrep.Core;

namespace Sitrep.Geo.Tests;

/// <summary>Choosing between namesakes by what the report says around them.</summary>
public sealed class PlaceResolverTests
{
    private static PlaceResolver Compiled => new(CompiledGazetteer.Instance);

    private static PlaceQuery Q(string text, PlaceQueryHint hint = PlaceQueryHint.Any, int? container = null) =>
        new(text, new TextSpan(0, text.Length), [], hint, container);

    // "Explosions were heard in Lozova in the Kharkiv region overnight."
    [Fact]
    public void A_region_or_town_named_elsewhere_leaves_a_bare_name_the_town()
    {
        var refs = Compiled.Resolve(
        [
            new PlaceQuery("Belgorod region", new TextSpan(0, 15), [], PlaceQueryHint.Region),
            new PlaceQuery("Belgorod", new TextSpan(20, 28), []),
            new PlaceQuery("Belgorod", new TextSpan(40, 48), [], PlaceQueryHint.Settlement),
        ], null);
        Assert.Equal("admin1", refs[0].Feature);
        Assert.Equal("populated_place", refs[1].Feature);
        Assert.Equal("populated_place", refs[2].Feature);
    }

    [Theory]
    [InlineData("Bilhorod-Dnistrovskyi", "UA")] // also an old Ukrainian name of Belgorod, a larger city
    [InlineData("Bilhorod", "RU")]
    public void The_place_named_exactly_wins_over_one_that_also_answers_to_the_name(string text, string country) =>
        Assert.Equal(country, Compiled.Resolve(text).Country);

    [Fact]
    public void Container_region_decides_namesakes()
    {
        var vinnytsia = new GazetteerEntry("gn:1", "Lozova", PlaceFeature.PopulatedPlace, "UA", "Vinnytsia Oblast", 48.9, 28.3, 90_000);
        var kharkiv = new GazetteerEntry("gn:2", "Lozova", PlaceFeature.PopulatedPlace, "UA", "Kharkiv Oblast", 48.89, 36.32, 60_000);
        var region = new GazetteerEntry("admin1:UA.07", "Kharkiv Oblast", PlaceFeature.Admin1, "UA", "Kharkiv Oblast", 49.6, 36.5, 2_000_000);
        var g = Gazetteer.FromEntries([("Lozova", vinnytsia), ("Lozova", kharkiv), ("Kharkiv region", region)]);
        var resolver = new PlaceResolver(g);

        var alone = resolver.Resolve([Q("Lozova")], "UA");
        Assert.Equal("Vinnytsia Oblast", alone[0].Admin1); // population decides when nothing else does

        var inRegion = resolver.Resolve([Q("Lozova", container: 1), Q("Kharkiv region", PlaceQueryHint.Region)], "UA");
        Assert.Equal("Kharkiv Oblast", inRegion[0].Admin1);
        Assert.Equal("2", inRegion[0].GazetteerId);
        Assert.Equal("admin1", inRegion[1].Feature);
    }

    // "Drones hit Lozova; debris fell near Balakliia." — another place of the report decides.
    [Fact]
    public void Other_places_of_the_report_decide_namesakes()
    {
        var far = new GazetteerEntry("gn:1", "Lozova", PlaceFeature.PopulatedPlace, "UA", "Vinnytsia Oblast", 48.9, 28.3, 90_000);
        var near = new GazetteerEntry("gn:2", "Lozova", PlaceFeature.PopulatedPlace, "UA", "Kharkiv Oblast", 48.89, 36.32, 60_000);
        var balakliia = new GazetteerEntry("gn:3", "Balakliia", PlaceFeature.PopulatedPlace, "UA", "Kharkiv Oblast", 49.46, 36.86, 30_000);
        var g = Gazetteer.FromEntries([("Lozova", far), ("Lozova", near), ("Balakliia", balakliia)]);
        var refs = new PlaceResolver(g).Resolve([Q("Lozova"), Q("Balakliia")], "UA");
        Assert.Equal("Kharkiv Oblast", refs[0].Admin1);
    }

    [Theory]
    [InlineData("UA", "UA", "Donetsk Oblast")]
    [InlineData("RU", "RU", null)]
    public void Target_country_decides_namesakes(string target, string country, string? admin1)
    {
        // "Pokrovsk" is a town in Donetsk Oblast and, in the data, towns in Russia (and a former name of Engels).
        var r = Compiled.Resolve("Pokrovsk", PlaceQueryHint.Any, target);
        Assert.Equal(country, r.Country);
        if (admin1 is not null)
        {
            Assert.Equal(admin1, r.Admin1);
        }
    }

    // "A missile struck Yalta, a village in the Donetsk region" vs "Yalta, Crimea".
    [Fact]
    public void Container_picks_the_small_namesake_over_the_big_one()
    {
        var refs = Compiled.Resolve([Q("Yalta", PlaceQueryHint.Settlement, container: 1), Q("Donetsk region", PlaceQueryHint.Region)], "UA");
        Assert.Equal("Donetsk Oblast", refs[0].Admin1);
        var crimea = Compiled.Resolve([Q("Yalta")], "UA");
        Assert.Equal("Crimea", crimea[0].Admin1);
        Assert.True(crimea[0].Occupied);
    }

    [Theory]
    [InlineData("Kharkiv", PlaceQueryHint.Any, "populated_place", 1, 1)]
    [InlineData("Kharkiv", PlaceQueryHint.Region, "admin1", 3, 4)]
    [InlineData("Kharkiv region", PlaceQueryHint.Region, "admin1", 3, 4)]
    [InlineData("Kharkiv Oblast", PlaceQueryHint.Any, "admin1", 3, 4)]
    [InlineData("city of Kharkiv", PlaceQueryHint.Settlement, "populated_place", 1, 1)]
    [InlineData("Kyiv city", PlaceQueryHint.Any, "populated_place", 1, 1)]
    [InlineData("Zolochiv district", PlaceQueryHint.Region, "admin2", 2, 3)]
    [InlineData("Stryi district", PlaceQueryHint.Region, "populated_place", 2, 2)]
    [InlineData("Ukraine", PlaceQueryHint.Any, "country", 3, 6)]
    public void Region_and_city_of_one_name_get_their_own_feature_and_precision(string text, PlaceQueryHint hint, string feature, int geo, int where)
    {
        var r = Compiled.Resolve(text, hint, "UA");
        Assert.Equal(feature, r.Feature);
        Assert.Equal(geo, r.GeoPrecision);
        Assert.Equal(where, r.WherePrecision);
        Assert.Equal("UA", r.Country);
    }

    [Fact]
    public void A_town_named_as_a_district_stands_for_the_area_around_it()
    {
        var town = new GazetteerEntry("gn:9", "Lozova", PlaceFeature.PopulatedPlace, "UA", "Kharkiv Oblast", 48.89, 36.32, 60_000);
        var r = new PlaceResolver(Gazetteer.FromEntries([("Lozova", town)])).Resolve("Lozova district", PlaceQueryHint.Region, "UA");
        Assert.Equal("populated_place", r.Feature);
        Assert.Equal(2, r.GeoPrecision);
        Assert.Equal(2, r.WherePrecision);
    }

    [Theory]
    [InlineData("Brussels", "BE")]
    [InlineData("Warsaw", "PL")]
    [InlineData("Engels", "RU")]
    [InlineData("Kazan", "RU")]
    public void Places_outside_Ukraine_keep_their_country_whatever_the_target(string text, string country) =>
        Assert.Equal(country, Compiled.Resolve(text, PlaceQueryHint.Any, "UA").Country);

    [Fact]
    public void Crimea_is_Ukraine_occupied_under_any_target()
    {
        foreach (var target in new[] { "UA", "RU", null })
        {
            var r = Compiled.Resolve("Crimea", PlaceQueryHint.Any, target);
            Assert.Equal("UA", r.Country);
            Assert.True(r.Occupied);
            Assert.Equal("admin1", r.Feature);
        }
    }

    [Fact]
    public void Unresolvable_mentions_keep_their_text_and_null_precision()
    {
        var refs = Compiled.Resolve([Q("Nowhereville-on-Sea"), Q("Kyiv")], "UA");
        Assert.Equal(2, refs.Length);
        Assert.Equal("Nowhereville-on-Sea", refs[0].Text);
        Assert.Null(refs[0].GeoPrecision);
        Assert.Null(refs[0].Latitude);
        Assert.Equal("703448", refs[1].GazetteerId);
    }

    [Fact]
    public void Candidates_given_by_the_caller_are_used()
    {
        var kyiv = CompiledGazetteer.Instance.FindName("Kyiv");
        var refs = Compiled.Resolve([new PlaceQuery("the capital", new TextSpan(10, 21), kyiv)], "UA");
        Assert.Equal("Kyiv", refs[0].Name);
        Assert.Equal(new TextSpan(10, 21), refs[0].Span);
    }

    [Fact]
    public void Containers_that_point_at_each_other_do_not_loop()
    {
        var refs = Compiled.Resolve([Q("Kharkiv", container: 1), Q("Kharkiv region", PlaceQueryHint.Region, container: 0)], "UA");
        Assert.Equal(2, refs.Length);
        Assert.NotNull(refs[0].Latitude);
    }

    [Fact]
    public void Best_location_is_the_most_precise_place()
    {
        var refs = Compiled.Resolve([Q("Kharkiv region", PlaceQueryHint.Region), Q("Ukraine"), Q("Lozova"), Q("Nowhereville")], "UA");
        var best = PlaceResolver.BestLocation(refs);
        Assert.NotNull(best);
        Assert.Equal("Lozova", best.Name);
        Assert.Null(PlaceResolver.BestLocation([new PlaceRef("Nowhereville", default)]));
        Assert.Equal("Kharkiv Oblast", PlaceResolver.BestLocation(refs.Where(r => r.Feature != "populated_place"))!.Name);
    }

    [Fact]
    public void To_place_ref_maps_every_field()
    {
        var e = new GazetteerEntry("gn:694423", "Sevastopol", PlaceFeature.PopulatedPlace, "UA", "Sevastopol", 44.59, 33.52, 379_200, Occupied: true);
        var r = PlaceResolver.ToPlaceRef("Sevastopol", new TextSpan(3, 13), e);
        Assert.Equal(("Sevastopol", "694423", "populated_place", "Sevastopol", "UA", 44.59, 33.52, 1, 1, true),
            (r.Name, r.GazetteerId, r.Feature, r.Admin1, r.Country, r.Latitude, r.Longitude, r.GeoPrecision, r.WherePrecision, r.Occupied));
    }

    // "A drone hit the village of Krynychne, Velykyi District, Sumy Oblast" — a village the data lacks, and one
    // whose only namesake in the data lies in another country.
    private static Gazetteer ContainerWorld()
    {
        var oblast = new GazetteerEntry("admin1:UA.21", "Sumy Oblast", PlaceFeature.Admin1, "UA", "Sumy Oblast", 50.9, 34.8, 1_000_000);
        var district = new GazetteerEntry("admin2:UA.21.9", "Velykyi Raion", PlaceFeature.Admin2, "UA", "Sumy Oblast", 50.6, 34.2, 0) { Admin2 = "Velykyi Raion" };
        var namesake = new GazetteerEntry("gn:10", "Krynychne", PlaceFeature.PopulatedPlace, "BY", "Mogilev Region", 53.8, 30.9, 9_000);
        var inside = new GazetteerEntry("gn:11", "Tarasivka", PlaceFeature.PopulatedPlace, "UA", "Sumy Oblast", 50.61, 34.25, 2_000) { Admin2 = "Velykyi Raion" };
        var bigCity = new GazetteerEntry("gn:12", "Poltava", PlaceFeature.PopulatedPlace, "UA", "Poltava Oblast", 49.59, 34.55, 280_000);
        return Gazetteer.FromEntries([("Sumy region", oblast), ("Velykyi district", district), ("Krynychne", namesake), ("Tarasivka", inside), ("Poltava", bigCity)]);
    }

    [Fact]
    public void A_place_its_container_lacks_stands_within_the_innermost_container()
    {
        var resolver = new PlaceResolver(ContainerWorld());
        var refs = resolver.Resolve(
            [Q("Krynychne", PlaceQueryHint.Settlement, container: 1), Q("Velykyi district", PlaceQueryHint.Region, container: 2), Q("Sumy region", PlaceQueryHint.Region)], null);
        Assert.Equal(("UA", 50.6, 34.2, 2, 3), (refs[0].Country, refs[0].Latitude, refs[0].Longitude, refs[0].GeoPrecision, refs[0].WherePrecision));
        Assert.Null(refs[0].GazetteerId); // not the district itself: one referent each
        Assert.Equal("populated_place", refs[0].Feature);
        Assert.Equal("admin2", refs[1].Feature);

        var unknown = resolver.Resolve([Q("Nowhereville", PlaceQueryHint.Settlement, container: 1), Q("Sumy region", PlaceQueryHint.Region)], null);
        Assert.Equal(("Sumy Oblast", 3, 4), (unknown[0].Admin1, unknown[0].GeoPrecision, unknown[0].WherePrecision));
    }

    [Fact]
    public void A_place_in_its_container_or_a_large_city_keeps_its_own_point()
    {
        var resolver = new PlaceResolver(ContainerWorld());
        var inside = resolver.Resolve([Q("Tarasivka", container: 1), Q("Velykyi district", PlaceQueryHint.Region, container: 2), Q("Sumy region", PlaceQueryHint.Region)], null);
        Assert.Equal("11", inside[0].GazetteerId);
        var city = resolver.Resolve([Q("Poltava", container: 1), Q("Sumy region", PlaceQueryHint.Region)], null);
        Assert.Equal("12", city[0].GazetteerId); // "Poltava, Sumy region and Kharkiv": a misread list, not a village
        var alone = resolver.Resolve([Q("Krynychne")], null);
        Assert.Equal("BY", alone[0].Country); // no container: the namesake is all there is
    }

    [Fact]
    public void Empty_input_gives_empty_output() =>
        Assert.Empty(Compiled.Resolve([], null));
}
