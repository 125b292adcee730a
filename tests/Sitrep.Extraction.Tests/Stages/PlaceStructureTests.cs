using Sitrep.Core;

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
