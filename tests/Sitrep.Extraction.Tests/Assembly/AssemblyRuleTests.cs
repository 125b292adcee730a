using Sitrep.Core;
using Sitrep.Extraction.Tests.Stages;

namespace Sitrep.Extraction.Tests.Assembly;

/// <summary>Rules of event assembly whose code runs for every unit and every event: what they decide.</summary>
public class AssemblyRuleTests
{
    /// <summary>Two attacks on two nights, each on its own city.</summary>
    private const string TwoNights = """
        Russian drones strike two Ukrainian cities

        On Monday night, Russia launched 20 drones at Kharkiv, the governor said.

        On Wednesday night, Russia launched 15 drones at Odesa, the regional administration said.
        """;

    [Fact]
    public void An_undated_paragraph_joins_the_event_that_names_its_place_not_the_lead()
    {
        // Rule shares-places: the last paragraph has no date of its own; it names Odesa, which only the second event names.
        var x = Annotate.Extract(TwoNights + "\n\nIn Odesa, a warehouse caught fire and two people were injured.");
        Assert.Equal(2, x.Events.Length);
        var kharkiv = Assert.Single(x.Events, e => e.Places.Any(p => p.Text == "Kharkiv"));
        var odesa = Assert.Single(x.Events, e => e.Places.Any(p => p.Text == "Odesa"));
        Assert.Null(kharkiv.Injured);
        Assert.Equal(2, odesa.Injured?.Value);
        Assert.Contains(odesa.Quotes, q => q.Text.StartsWith("In Odesa", StringComparison.Ordinal));
    }

    [Fact]
    public void An_undated_paragraph_that_names_no_place_or_weapon_of_either_event_stays_with_the_lead()
    {
        var x = Annotate.Extract(TwoNights + "\n\nTwo people were injured in the attack.");
        var kharkiv = Assert.Single(x.Events, e => e.Places.Any(p => p.Text == "Kharkiv"));
        Assert.Equal(2, kharkiv.Injured?.Value);
    }

    [Theory]
    [InlineData("three", false)] // rule restated-by-name: the same toll the governor gives
    [InlineData("four", true)] // a toll of its own
    public void A_sides_collective_is_a_claimant_only_with_a_toll_of_its_own(string toll, bool kept)
    {
        var x = Annotate.Extract($"""
            Russian authorities said a drone attack on Bryansk killed {toll} people.
            Three people were killed in the drone attack on Bryansk, Governor Alexander Bogomaz said.
            """);
        var e = Assert.Single(x.Events);
        Assert.Equal(kept, e.Claimants.Any(c => c.Name == "Russian authorities"));
        Assert.Contains(e.Claimants, c => c.Name.Contains("Bogomaz", StringComparison.Ordinal));
    }
}
