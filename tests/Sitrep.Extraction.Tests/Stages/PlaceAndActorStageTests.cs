using Sitrep.Core;

namespace Sitrep.Extraction.Tests.Stages;

public class PlaceAndActorStageTests
{
    private static string Places(string text) => string.Join('|', Annotate.Layer<PlaceMention>(text, Layers.Places).Where(p => !p.IsReference).Select(p => p.Text));

    [Theory]
    [InlineData("Drones struck Kharkiv overnight.", "Kharkiv")]
    [InlineData("A village in the Kharkiv region was shelled.", "Kharkiv region")]
    [InlineData("Shelling hit the Kursk border region.", "Kursk border region")]
    [InlineData("A woman died in kyiv after the attack.", "kyiv")]
    [InlineData("Blasts were heard in Kharkiv's east.", "Kharkiv")]
    [InlineData("President Vladimir Putin vowed revenge.", "")]
    [InlineData("Moscow rejected the claims.", "")]
    [InlineData("The weapons come from Kyiv's Western backers.", "")]
    [InlineData("Missiles were fired from Belarus at Kyiv.", "Kyiv")]
    [InlineData("Shelling hit the city centre.", "")]
    [InlineData("Missiles hit Kharkiv a day after troops withdrew from the city of Lozova.", "Kharkiv")]
    [InlineData("Drones hit Lozova, a town south of the capital of the Kharkiv region.", "Lozova")]
    [InlineData("Moscow condemned the attacks by Kyiv on its border towns.", "")]
    [InlineData("Odesa was hit at dawn.", "Odesa")]
    [InlineData("The strike hit Lozova, west of Kharkiv.", "Lozova")]
    [InlineData("Missiles fired from temporarily occupied Sevastopol struck Odesa.", "Odesa")]
    [InlineData("The head of the Military Administration of the Kharkiv region said drones hit Odesa.", "Odesa")]
    public void Places_hit_are_found_and_people_and_governments_are_not(string text, string expected) => Assert.Equal(expected, Places(text));

    /// <summary>The place an official governs, named in the title, is read by rule official-title (not a place hit; see below).</summary>
    [Theory]
    [InlineData("The governor of Kharkiv said drones hit Odesa overnight.", "Kharkiv")]
    [InlineData("Drones hit Odesa overnight, the governor of the Kharkiv region said.", "Kharkiv region")]
    [InlineData("The mayor of the city of Kharkiv said missiles struck Odesa.", "Kharkiv")]
    [InlineData("Мер Харкова повідомив, що дрони атакували Одесу.", "Харкова")]
    [InlineData("Губернатор Курской области сообщил об атаке на Брянск.", "Курской области")]
    public void Places_in_officials_titles_are_read_by_their_rule(string text, string title) =>
        Assert.Equal(title, Assert.Single(Annotate.Layer<PlaceMention>(text, Layers.Places), p => p.Rule == "official-title").Text);

    /// <summary>The place of a title is not a place hit ("the governor of Kharkiv said" of a strike on Odesa), unless a place inside it is.</summary>
    [Theory]
    [InlineData("The governor of Kharkiv said drones hit Odesa overnight.", "Odesa")]
    [InlineData("The mayor of the city of Kharkiv said missiles struck Odesa.", "Odesa")]
    [InlineData("Мер Харкова повідомив, що вночі дрони атакували Одесу.", "Odesa")]
    [InlineData("Губернатор Курской области сообщил, что ночью дроны атаковали Брянск.", "Bryansk")]
    // A region named only in a title is a place hit when the event hits a place inside it.
    [InlineData("Drones struck Lozova overnight, the governor of the Kharkiv region said.", "Kharkiv Oblast|Lozova")]
    [InlineData("Drones struck Odesa overnight, the governor of the Kharkiv region said.", "Odesa")]
    [InlineData("Вночі дрони атакували Лозову, повідомив голова Харківської області.", "Kharkiv Oblast|Lozova")]
    [InlineData("Ночью дроны атаковали Брянск, сообщил губернатор Курской области.", "Bryansk")]
    public void Places_in_officials_titles_are_not_places_hit(string text, string expected) =>
        Assert.Equal(expected, string.Join('|', Assert.Single(Annotate.Extract(text).Events).Places.Select(p => p.Name).Order(StringComparer.Ordinal)));

    // A lowercase word is a place only when it is exactly the name of a large city or a country, whatever other
    // names the gazetteer knows it by (the stage skips the lookup of every other lowercase word).
    [Theory]
    [InlineData("Missiles struck ukraine overnight.", "ukraine")]
    [InlineData("Missiles struck kharkiv and odesa overnight.", "kharkiv|odesa")]
    [InlineData("Missiles struck kharkov overnight.", "")]
    [InlineData("A drone hit lozova overnight.", "")]
    [InlineData("Missiles struck kiev's outskirts.", "")]
    public void A_lowercase_word_names_only_a_large_city_or_a_country_by_its_own_name(string text, string expected) => Assert.Equal(expected, Places(text));

    [Theory]
    [InlineData("Falling debris injured a man in the region outside Kharkiv, the governor said.", "region outside Kharkiv")]
    [InlineData("Drones hit Kharkiv and villages in the region around Kharkiv overnight.", "Kharkiv|region around Kharkiv")]
    public void The_region_around_a_city_is_the_citys_region(string text, string expected)
    {
        Assert.Equal(expected, Places(text));
        var regions = Annotate.Extract(text).Events.SelectMany(e => e.Places).Where(p => p.Text.StartsWith("region", StringComparison.Ordinal));
        Assert.Equal("Kharkiv Oblast", Assert.Single(regions).Name);
        Assert.Equal("region-around-city", Annotate.Layer<PlaceMention>(text, Layers.Places).Single(p => p.Text.StartsWith("region", StringComparison.Ordinal)).Rule);
    }

    [Fact]
    public void The_same_place_names_the_place_told_before_it()
    {
        const string text = "Drones hit an airfield near Lozova on Monday, the governor said. Two soldiers were killed at the same airfield on Friday.";
        var same = Assert.Single(Annotate.Layer<PlaceMention>(text, Layers.Places), p => p.Rule == "same-place");
        Assert.Equal("the same airfield", same.Text);
        var friday = Assert.Single(Annotate.Extract(text).Events, e => e.Killed?.Value == 2);
        Assert.Contains(friday.Places, p => p.Name == "Lozova");
    }

    [Theory]
    [InlineData("Drones hit Lozova on Monday and again on the same day a week later.")]
    [InlineData("The same village was shelled twice, the governor said.")]
    public void The_same_needs_a_place_noun_and_a_place_before_it(string text) =>
        Assert.DoesNotContain(Annotate.Layer<PlaceMention>(text, Layers.Places), p => p.Rule == "same-place");

    [Theory]
    [InlineData("Two drones were destroyed over the Pochepsky district and Klimovsky municipal district, the governor said.", "Pochepsky district|Klimovsky municipal district")]
    [InlineData("Air defences downed a drone over Surazhsky municipal district.", "Surazhsky municipal district")]
    [InlineData("Three drones fell in the Trubchevsky district and Mglinsky district overnight.", "Trubchevsky district|Mglinsky district")]
    [InlineData("The Security Service and Police district officers said nothing.", "")]
    public void A_district_not_in_the_gazetteer_is_kept_by_its_words(string text, string expected) => Assert.Equal(expected, Places(text));

    [Theory]
    [InlineData("Drones flew around Kharkiv for an hour.", "Kharkiv")]
    [InlineData("The region was quiet outside Kharkiv.", "Kharkiv")]
    public void Around_a_city_without_the_region_word_is_the_city(string text, string expected) => Assert.Equal(expected, Places(text));

    [Theory]
    [InlineData("Eight missiles hit the Kharkiv Hydroelectric Power Plant.", "Kharkiv Hydroelectric Power Plant", "gazetteer-facility")]
    [InlineData("Drones struck the Kursk nuclear power plant overnight.", "Kursk nuclear power plant", "gazetteer-facility")]
    [InlineData("Missiles hit Kyiv HPP at dawn.", "Kyiv HPP", "gazetteer-facility")]
    [InlineData("Drones attacked the Kursk airfield.", "Kursk", "gazetteer")]
    [InlineData("A strike hit a power plant in Kharkiv.", "Kharkiv", "gazetteer")]
    public void A_power_facility_named_after_a_place_keeps_its_full_name(string text, string expected, string rule)
    {
        var p = Assert.Single(Annotate.Layer<PlaceMention>(text, Layers.Places));
        Assert.Equal(expected, p.Text);
        Assert.Equal(rule, p.Rule);
    }

    [Fact]
    public void A_facility_named_twice_is_one_place_with_its_fullest_name()
    {
        var x = Annotate.Extract("The Kharkiv Dam was hit overnight. Eight missiles struck the Kharkiv Hydroelectric Power Plant.");
        var p = Assert.Single(Assert.Single(x.Events).Places);
        Assert.Equal("Kharkiv Hydroelectric Power Plant", p.Text);
        Assert.Equal("Kharkiv", p.Name);
    }

    [Fact]
    public void A_place_named_plainly_first_keeps_its_plain_name()
    {
        var x = Annotate.Extract("Russia struck Kharkiv overnight. The Kharkiv nuclear power plant lost power after the attack.");
        Assert.Equal("Kharkiv", Assert.Single(Assert.Single(x.Events).Places).Text);
    }

    [Fact]
    public void A_plural_region_word_makes_every_name_of_the_list_a_region()
    {
        var places = Annotate.Layer<PlaceMention>("Drones were downed over the Kharkiv and Kursk regions.", Layers.Places);
        Assert.Equal(["Kharkiv", "Kursk"], places.Select(p => p.Text));
        Assert.All(places, p => Assert.Equal(PlaceHint.Region, p.Hint));
        Assert.All(places, p => Assert.Contains(p.Candidates, c => c.Feature == Sitrep.Geo.PlaceFeature.Admin1));
    }

    [Fact]
    public void A_region_contains_the_place_before_it()
    {
        var places = Annotate.Layer<PlaceMention>("Russian troops shelled Lozova in the Kharkiv region.", Layers.Places);
        Assert.Equal(1, places[0].ContainerIndex);
        Assert.Equal(PlaceHint.Region, places[1].Hint);
    }

    [Theory]
    [InlineData("Russia launched 40 drones at Odesa.", "RU")]
    [InlineData("A Ukrainian drone attack hit the refinery.", "UA")]
    [InlineData("Russian forces shelled the town.", "RU")]
    [InlineData("The Kyiv regime attacked the region with drones.", "UA")]
    public void Attacker_cues(string text, string side) =>
        Assert.Contains(Annotate.Layer<ActorMention>(text, Layers.Actors), a => a.IsAttacker && a.Side.ToContract() == side);

    [Theory]
    [InlineData("Russian air defences shot down 12 drones.")]
    [InlineData("The strikes on Ukraine continued.")]
    public void Defenders_and_targets_are_not_attackers(string text) =>
        Assert.DoesNotContain(Annotate.Layer<ActorMention>(text, Layers.Actors), a => a.IsAttacker);

    [Theory]
    [InlineData("Air defences destroyed 20 drones, the Ukrainian air force said.", "the Ukrainian air force", "UA")]
    [InlineData("According to the Russian Defence Ministry, 30 drones were downed.", "the Russian Defence Ministry", "RU")]
    [InlineData("Governor Ivan Petrenko wrote on Telegram that two people were hurt.", "Governor Ivan Petrenko", "unknown")]
    public void Claimants_and_their_side(string text, string name, string side)
    {
        var c = Assert.Single(Annotate.Layer<ClaimantMention>(text, Layers.Actors));
        Assert.Equal(name, c.Claimant.Name);
        Assert.Equal(side, c.Claimant.Side.ToContract());
    }
}
