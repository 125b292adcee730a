using Sitrep.Core;

namespace Sitrep.Extraction.Tests.Stages;

/// <summary>
/// More counts read by structure (issue 12): strikes counted by their weapon, "all of them" after its verb, a negated
/// destruction of a counted weapon, a capability told with "able to", a weapon as the subject of a damage verb, and
/// "all N" inside a breakdown. Each row: the figure stage's counts with the rule that read each (<c>kind:family:value:rule</c>).
/// </summary>
public class CountStructureMoreTests
{
    [Theory]
    [InlineData("The army made four strikes with glide bombs on the town on Friday.", "launched:bomb:4:strikes-by-weapon")]
    [InlineData("Kramatorsk took two hits by ballistic missiles in the afternoon.", "launched:missile:2:strikes-by-weapon")]
    [InlineData("Russian forces carried out 12 airstrikes with guided aerial bombs on the district.", "launched:bomb:12:strikes-by-weapon")]
    [InlineData("Окупанти завдали п'ять ударів КАБами по громаді.", "launched:bomb:5:strikes-by-weapon")]
    [InlineData("Армия нанесла три удара ракетами по порту.", "launched:missile:3:strikes-by-weapon")]
    // Strikes told without their weapon, or with something else between, count none.
    [InlineData("The district came under 30 strikes on Monday.", "")]
    [InlineData("There were 7 strikes on the port of the city, using drones, the mayor said.", "")]
    public void Strikes_told_by_their_weapon_are_its_launched_count(string text, string expected) => Assert.Equal(expected, Annotate.CountRules(text));

    [Theory]
    [InlineData("Russia sent 22 drones towards the Chernihiv region, and air defence destroyed all of them.",
        "destroyed:drone:22:all-were-verb launched:drone:22:N-weapon-verb")]
    [InlineData("The enemy used 9 drones overnight; the mobile fire groups shot down all of them.",
        "destroyed:drone:9:all-were-verb launched:drone:9:N-weapon-verb")]
    // A negated verb before "all" destroys none.
    [InlineData("Russia sent 22 drones towards the region, and air defence could not down all of them.", "launched:drone:22:N-weapon-verb")]
    public void All_of_them_after_its_verb_destroys_the_list(string text, string expected) => Assert.Equal(expected, Annotate.CountRules(text));

    [Theory]
    [InlineData("Air defence was unable to intercept the three Kh-22 missiles that hit the port overnight.",
        "destroyed:missile:0:negated-destroy launched:missile:3:negated-destroy")]
    [InlineData("The defenders failed to shoot down the four ballistic missiles fired at the city.",
        "destroyed:missile:0:negated-destroy launched:missile:4:negated-destroy")]
    // Without the article the count is of those missed, not of all that came: nothing is read.
    [InlineData("Air defence failed to shoot down 3 missiles overnight.", "")]
    public void A_negated_destruction_of_the_counted_weapons_is_none_of_them(string text, string expected) => Assert.Equal(expected, Annotate.CountRules(text));

    [Theory]
    [InlineData("Moscow is able to launch up to 900 drones in one night, the spokesman warned.", "")]
    [InlineData("The enemy will be able to fire 40 missiles a week by spring.", "")]
    [InlineData("The crews were able to shoot down 14 drones over the city.", "destroyed:drone:14:N-weapon-verb")]
    public void A_capability_is_not_a_launch(string text, string expected) => Assert.Equal(expected, Annotate.CountRules(text));

    [Theory]
    [InlineData("A drone damaged a substation in the Sumy region overnight.", "launched:drone:1:weapon-as-agent")]
    [InlineData("A missile struck a warehouse on the edge of the city.", "launched:missile:1:a-weapon-verb")]
    [InlineData("Дрон пошкодив будинок у селі.", "launched:drone:1:singular-weapon-verb")]
    public void A_weapon_that_damaged_something_was_launched(string text, string expected) => Assert.Equal(expected, Annotate.CountRules(text));

    [Theory]
    [InlineData("Air defence downed 27 of 34 missiles, including all 12 Kalibr, the navy said.",
        "destroyed:missile:12:breakdown-item destroyed:missile:27:N-out-of-M launched:missile:12:breakdown-item launched:missile:34:N-out-of-M")]
    // "all" in a breakdown of a launched total only: a part launched, nothing downed.
    [InlineData("Russia fired 34 missiles, including all 12 Kalibr cruise missiles.", "launched:missile:12:breakdown-item launched:missile:34:N-weapon-verb")]
    public void All_of_a_part_of_a_destroyed_total_came_and_were_downed(string text, string expected) => Assert.Equal(expected, Annotate.CountRules(text));

    [Theory]
    [InlineData("Of the twelve missiles aimed at the port, the navy's air defence downed nine.", "destroyed:missile:9:verb-then-N launched:missile:12:partitive-total")]
    [InlineData("Overnight, of 40 drones, the air force intercepted 35.", "destroyed:drone:35:verb-then-N launched:drone:40:partitive-total")]
    [InlineData("З 14 ракет, спрямованих на Одесу, сили ППО знищили дев'ять.", "destroyed:missile:9:verb-then-N launched:missile:14:partitive-total")]
    [InlineData("Из двадцати беспилотников ПВО сбила пятнадцать.", "destroyed:drone:15:verb-then-N launched:drone:20:partitive-total")]
    public void A_total_after_of_opening_the_sentence_is_launched(string text, string expected) => Assert.Equal(expected, Annotate.CountRules(text));

    [Theory]
    [InlineData("Сили ППО не змогла збити дві ракети.", "")]
    [InlineData("ПВО не смогла сбить три ракеты.", "")]
    public void A_negated_destruction_in_Ukrainian_and_Russian_destroys_nothing(string text, string expected) => Assert.Equal(expected, Annotate.CountRules(text));

    [Theory]
    [InlineData("Russia fired 6 Kalibr and 2 Iskander-M at the south overnight. Every missile was intercepted.",
        "destroyed:missile:2:all-were-verb destroyed:missile:6:all-were-verb launched:missile:2:N-weapon-verb launched:missile:6:N-weapon-verb")]
    [InlineData("The army launched 12 drones at the city. Each drone was shot down before it reached the centre.",
        "destroyed:drone:12:all-were-verb launched:drone:12:N-weapon-verb")]
    // "every" with no verb of destruction after it says nothing of the list.
    [InlineData("The army launched 12 drones at the city. Every drone carried explosives.", "launched:drone:12:N-weapon-verb")]
    public void Every_weapon_destroyed_destroys_the_list(string text, string expected) => Assert.Equal(expected, Annotate.CountRules(text));

    [Theory]
    [InlineData("On Sunday all seven drones over the Poltava region were shot down: four Shaheds and three decoys.",
        "destroyed:drone:7:N-weapon-verb launched:drone:7:all-N")]
    [InlineData("Eleven drones above the capital were destroyed overnight, the mayor said.", "destroyed:drone:11:N-weapon-verb")]
    public void A_place_between_a_count_and_its_passive_is_skipped(string text, string expected) => Assert.Equal(expected, Annotate.CountRules(text));

    [Theory]
    [InlineData("Overnight, 3 missiles hit Zaporizhzhia, the regional governor said.", "launched:missile:3:weapon-as-agent")]
    [InlineData("Four drones slammed into a grain terminal near the port.", "launched:drone:4:weapon-as-agent")]
    [InlineData("The army was preparing to launch 700 drones at once, the spokesman said.", "")]
    [InlineData("Армія готується запустити 500 дронів, заявив речник.", "")]
    public void A_weapon_as_subject_and_a_plan(string text, string expected) => Assert.Equal(expected, Annotate.CountRules(text));
}
