using Sitrep.Core;
using Sitrep.Ledger.Formats;

namespace Sitrep.Ledger.Tests.Formats;

/// <summary>How a Sitrep record fills ACLED's coded columns (the data dictionary's mapping), row by row.</summary>
public sealed class AcledTests
{
    private static readonly PlaceRef Belgorod = new("Belgorod", new TextSpan(0, 8)) { Name = "Belgorod", Country = "RU", Admin1 = "Belgorod Oblast", Feature = "populated_place", Latitude = 50.6, Longitude = 36.6 };

    private static Dictionary<string, string> Row(Side attacker, Country target, PlaceRef? location, DateOnly? date, DatePrecision precision, bool fromReport)
    {
        var figures = new EventFigures(45, 30, null, null, null, WeaponFamily.Drone, [], "drone");
        var cells = Acled.Row(new Acled.Record("SITREP-A1", date, precision, fromReport, attacker, target, location, figures, "Belgorod", "overnight", "", "Example Post", 0, "A1", ""));
        Assert.Equal(Acled.Header.Length, cells.Count);
        return Acled.Header.Zip(cells).ToDictionary(x => x.First, x => x.Second);
    }

    [Fact]
    public void A_states_forces_outside_their_country_are_external_forces_and_inside_state_forces()
    {
        var ukraineOnRussia = Row(Side.Ukraine, Country.Russia, Belgorod, new DateOnly(2025, 3, 5), DatePrecision.Night, false);
        Assert.Equal(("Military Forces of Ukraine (2019-)", "8", "80"), (ukraineOnRussia["actor1"], ukraineOnRussia["inter1"], ukraineOnRussia["interaction"]));
        Assert.Equal(("643", "Europe", "Russia", "Belgorod Oblast"), (ukraineOnRussia["iso"], ukraineOnRussia["region"], ukraineOnRussia["country"], ukraineOnRussia["admin1"]));
        Assert.Equal("Air/drone strike", ukraineOnRussia["sub_event_type"]);

        var russiaInRussia = Row(Side.Russia, Country.Russia, Belgorod, new DateOnly(2025, 3, 5), DatePrecision.Day, false);
        Assert.Equal(("1", "10"), (russiaInRussia["inter1"], russiaInRussia["interaction"]));

        var unknown = Row(Side.Unknown, Country.Ukraine, null, new DateOnly(2025, 3, 5), DatePrecision.Day, false);
        Assert.Equal(("", "", "", "804", "Ukraine"), (unknown["actor1"], unknown["inter1"], unknown["interaction"], unknown["iso"], unknown["country"]));
    }

    [Theory]
    [InlineData(DatePrecision.Day, false, "1")]
    [InlineData(DatePrecision.Night, false, "1")]
    [InlineData(DatePrecision.Week, false, "2")]
    [InlineData(DatePrecision.Month, false, "3")]
    [InlineData(DatePrecision.Unknown, true, "3")]
    [InlineData(DatePrecision.Day, true, "3")]
    public void Time_precision_follows_the_date_and_where_it_came_from(DatePrecision precision, bool fromReport, string expected) =>
        Assert.Equal(expected, Row(Side.Russia, Country.Ukraine, null, new DateOnly(2025, 3, 5), precision, fromReport)["time_precision"]);

    [Fact]
    public void Columns_sitrep_does_not_code_are_empty()
    {
        var row = Row(Side.Russia, Country.Ukraine, Belgorod, new DateOnly(2025, 3, 5), DatePrecision.Day, false);
        foreach (var column in new[] { "assoc_actor_1", "actor2", "assoc_actor_2", "inter2", "civilian_targeting", "admin3", "source_scale", "tags", "timestamp" })
        {
            Assert.Equal("", row[column]);
        }
    }
}
