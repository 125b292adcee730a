using Sitrep.Core;

namespace Sitrep.Extraction.Tests.Stages;

/// <summary>
/// Attack segmentation: which event each sentence of a report joins, and so whose claimants each event lists.
/// Every report here is written for the test.
/// </summary>
public class SegmentationTests
{
    [Fact]
    public void A_pronoun_that_refers_back_continues_the_event_of_the_person_named_before_it()
    {
        var x = Annotate.Extract("""
            Russian drones struck the port of Odesa overnight, injuring four people, Governor Oleh Kiper said.

            On Monday, a missile hit a warehouse in Kharkiv, killing two workers, Mayor Ihor Terekhov said.

            According to him, three more people were injured in the strike on the warehouse.
            """);
        var odesa = Assert.Single(x.Events, e => e.Places.Any(p => p.Text == "Odesa"));
        var kharkiv = Assert.Single(x.Events, e => e.Places.Any(p => p.Text == "Kharkiv"));
        Assert.Equal(4, odesa.Injured?.Value);
        Assert.Equal(3, kharkiv.Injured?.Value);
        Assert.DoesNotContain(odesa.Claimants, c => c.Name.Contains("Terekhov", StringComparison.Ordinal));
    }

    [Fact]
    public void Overnight_is_the_night_of_the_day_the_report_has_dated_its_story_to()
    {
        // Published Thursday 2024-11-14; the story is Wednesday's.
        var x = Annotate.Extract("""
            Kyiv and Moscow on Wednesday traded accusations over drone strikes on each other's cities.

            Overnight drones hit an oil depot in the Kursk region, injuring two guards, Russian officials said.
            """);
        var e = Assert.Single(x.Events);
        Assert.Equal(new DateOnly(2024, 11, 13), e.Date.Date);
        Assert.Equal(2, e.Injured?.Value);
    }

    /// <summary>"11 drones on Saturday and 7 on Sunday": the elided count is read, and each day is an event of its own.</summary>
    [Theory]
    [InlineData("Air defence units downed 11 drones on Saturday and 7 on Sunday, the ministry said.")]
    [InlineData("The air force said it downed 11 drones on Saturday night and 7 on Sunday night.")]
    [InlineData("Сили ППО збили 11 дронів у суботу та 7 у неділю.")]
    [InlineData("ПВО сбила 11 беспилотников в субботу и 7 в воскресенье.")]
    public void Counts_told_per_day_in_one_sentence_are_an_event_each(string text)
    {
        var x = Annotate.Extract(text);
        Assert.Equal(
            "drone destroyed 11|drone destroyed 7",
            string.Join('|', x.Events.OrderBy(e => e.Date.Date).Select(e => string.Join(' ', e.Weapons.Select(w => $"{w.Weapon.Category.Family().ToContract()} destroyed {w.Current(FigureKind.Destroyed)?.Value}")))));
        Assert.Equal(1, x.Events[1].Date.Date!.Value.DayNumber - x.Events[0].Date.Date!.Value.DayNumber);
    }

    [Fact]
    public void Overnight_in_a_report_with_no_story_day_is_the_publication_day()
    {
        var x = Annotate.Extract("Overnight drones hit an oil depot in the Kursk region, injuring two guards, Russian officials said.");
        Assert.Equal(Annotate.Published, Assert.Single(x.Events).Date.Date);
    }

    [Fact]
    public void A_counter_attack_on_another_region_that_night_is_another_event()
    {
        var x = Annotate.Extract("""
            Russian missiles struck Kyiv early Thursday, injuring five people, the mayor said.

            Hours later an airfield near Vladimir came under attack by what the regional governor called an unknown object.

            Authorities in the Kursk region also reported shooting down drones early Thursday.
            """);
        var vladimir = Assert.Single(x.Events, e => e.Places.Any(p => p.Text == "Vladimir"));
        var kursk = Assert.Single(x.Events, e => e.Places.Any(p => p.Text == "Kursk region"));
        Assert.NotSame(vladimir, kursk);
        Assert.Equal(Side.Ukraine, kursk.Attacker);
        Assert.DoesNotContain(vladimir.Claimants, c => c.Name.Contains("Kursk", StringComparison.Ordinal));
    }

    [Fact]
    public void A_counter_attack_on_the_same_region_joins_the_event_told_before()
    {
        var x = Annotate.Extract("""
            Russian missiles struck Kyiv early Thursday, injuring five people, the mayor said.

            Hours later drones attacked a fuel depot in the Kursk region, the regional governor said.

            Authorities in the Kursk region also reported shooting down drones early Thursday.
            """);
        Assert.Single(x.Events, e => e.Attacker == Side.Ukraine);
    }

    [Theory]
    // (A strike, not "a missile": "a missile killed" is one missile launched, a figure of the collective's own.)
    [InlineData("Ukrainian officials said a strike killed two people in Odesa. Two people were killed when the missile hit a warehouse, Governor Oleh Kiper said.",
        "Governor Oleh Kiper")]
    [InlineData("Ukrainian officials said a missile killed two people in Odesa. Three more were injured when the missile hit a warehouse, Governor Oleh Kiper said.",
        "Ukrainian officials; Governor Oleh Kiper")]
    [InlineData("Russian authorities said drones injured four people in the Kursk region.", "Russian authorities")]
    public void A_sides_collective_that_restates_a_named_claimants_figure_is_no_claimant_of_its_own(string text, string expected) =>
        Assert.Equal(expected, string.Join("; ", Assert.Single(Annotate.Extract(text).Events).Claimants.Select(c => c.Name)));

    [Fact]
    public void A_reference_back_to_someone_who_spoke_of_two_attacks_decides_nothing()
    {
        var x = Annotate.Extract("""
            Russian drones struck Kharkiv on Monday, injuring three people, Governor Oleh Syniehubov said.

            Russia later launched a second attack on Kharkiv hours later. Nobody was hurt in the second attack, Syniehubov said.

            The injured are in hospital in a stable condition, the governor said.
            """);
        Assert.Equal(2, x.Events.Length);
        var first = Assert.Single(x.Events, e => e.Injured?.Value == 3);
        Assert.Contains(first.Quotes, q => q.Text.Contains("stable condition", StringComparison.Ordinal));
    }
}
