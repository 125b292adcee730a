using Sitrep.Core;

namespace Sitrep.Extraction.Tests.Stages;

/// <summary>Rule city-district: a city's district is its city; a region's district is a place of its own.</summary>
public class CityDistrictTests
{
    private static string Places(string text) =>
        string.Join(" | ", Annotate.Extract(text).Events.Where(e => e.Kind == EventKind.Strike).SelectMany(e => e.Places).Select(p => p.Text));

    [Theory]
    [InlineData("Russian glide bombs hit the Nemyshlianskyi and Slobidskyi districts of Kharkiv on Monday, injuring four people.")]
    [InlineData("A Russian drone hit Odesa overnight. Fires broke out in the city's Prymorskyi district, the mayor said.")]
    [InlineData("Russian missiles struck Kharkiv on Monday, the governor said. One missile hit a warehouse in the Industrialnyi district, injuring two workers.")]
    [InlineData("A Russian drone hit Kharkiv on Monday. A woman was injured in the Osnovianskyi district, the mayor said.")]
    public void A_district_of_a_city_named_in_the_event_is_left_out(string text)
    {
        var places = Places(text);
        Assert.DoesNotContain("district", places, StringComparison.OrdinalIgnoreCase);
        Assert.NotEqual("", places);
    }

    [Theory]
    [InlineData("Air defences destroyed four Ukrainian drones over the Pogarsky district of the Bryansk region on Monday.", "Pogarsky district")]
    [InlineData("Russian artillery shelled the Nikopol district on Monday, injuring two people.", "Nikopol district")]
    [InlineData("A Russian drone hit Kharkiv on Monday. The governor also reported an attack on the Stryi district.", "Stryi district")]
    [InlineData("A Russian drone hit a farm in the Shostkynskyi district on Monday, injuring a tractor driver.", "Shostkynskyi district")]
    public void A_district_with_no_city_of_its_own_in_the_event_stays(string text, string district) =>
        Assert.Contains(district, Places(text), StringComparison.Ordinal);
}
