using Sitrep.Core;

namespace Sitrep.Extraction.Tests.Stages;

/// <summary>
/// Counts read by structure (issue 12): a counted weapon as the subject of a verb of harm with a counted object ("a missile killed
/// 14 soldiers" is one missile used, the 14 are casualties), and phrasal passives of downing ("71 were brought down", "had been
/// knocked out"). Each row: the figure stage's counts with the rule that read each (<c>kind:family:value:rule</c>).
/// </summary>
public class CountAgentAndPhrasalTests
{
    [Theory]
    [InlineData("A Russian missile killed 14 soldiers at a training ground near Dnipro on Tuesday.", "launched:missile:1:weapon-as-agent")]
    [InlineData("Two drones wounded three workers at a farm in the Sumy region overnight.", "launched:drone:2:weapon-as-agent")]
    [InlineData("Three guided bombs injured 11 people in the centre of the town, the prosecutor said.", "launched:bomb:3:weapon-as-agent")]
    [InlineData("A drone killed the driver of a tractor near Nikopol.", "launched:drone:1:weapon-as-agent")]
    // A counted weapon that attacked, pounded or raided a place was used.
    [InlineData("Over 40 Shahed drones attacked Kharkiv overnight, the mayor said.", "launched:drone:40:weapon-as-agent")]
    [InlineData("Twelve drones raided the Odesa region overnight.", "launched:drone:12:weapon-as-agent")]
    // The day of a page's date stamp is no count.
    [InlineData("date 2024-08-26 Drones attacked the cities of Kursk and Oryol.", "")]
    // A definite weapon was counted before, if at all: no new count.
    [InlineData("The missile killed two people in Odesa on Monday.", "")]
    // A verb of harm with no counted weapon before it counts nothing.
    [InlineData("The shelling killed 14 civilians in the town.", "")]
    public void A_counted_weapon_that_harms_people_was_used(string text, string expected) => Assert.Equal(expected, Annotate.CountRules(text));

    [Theory]
    [InlineData("Russia launched 90 drones overnight. Of these, 71 were brought down by air defence.", "destroyed:drone:71:N-then-verb launched:drone:90:N-weapon-verb")]
    [InlineData("Russia sent 40 drones at Kharkiv overnight; 31 had been knocked out by mobile fire groups.", "destroyed:drone:31:N-then-verb launched:drone:40:N-weapon-verb")]
    [InlineData("Russia attacked with 25 drones overnight, 19 were taken out over the Kyiv region.", "destroyed:drone:19:N-then-verb launched:drone:25:N-weapon-verb")]
    // "brought" without "down"/"out" is no downing.
    [InlineData("Russia launched 25 drones overnight, and 19 were brought to the front by rail.", "launched:drone:25:N-weapon-verb")]
    public void A_phrasal_passive_of_downing_is_destroyed(string text, string expected) => Assert.Equal(expected, Annotate.CountRules(text));
}
