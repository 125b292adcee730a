using Sitrep.Core;

namespace Sitrep.Extraction.Tests.Stages;

/// <summary>
/// Counts read by structure (issue 12), second part: the items of a list told per place with the weapon elided
/// (<c>region-item</c>, summed into <c>sum-of-items</c>), a list whose verb comes after items that each carry a phrase of origin,
/// and the quantifier of none (<c>none-of-them</c>, <c>none-of-N</c>). Each row: the figure stage's counts with the rule that
/// read each (<c>kind:family:value:rule</c>).
/// </summary>
public class CountListAndNoneTests
{
    /// <summary>
    /// "shot down drones overnight, 7 over Bryansk and 12 over Kursk": counts told with a place and no weapon of their own are the
    /// items of one list; they count the weapon named before them (or none of a known kind), by the list's verb, and are summed.
    /// </summary>
    [Theory]
    [InlineData("Russian air defences brought down Ukrainian drones during the night, 7 over the Bryansk region and 12 over the Kursk region.", "destroyed:drone:19:sum-of-items")]
    [InlineData("The ministry said its forces destroyed three over Bryansk, four above Kursk and nine over Oryol.", "destroyed:other:16:sum-of-items")]
    [InlineData("Ukrainian drones were downed across the south of Russia overnight: eleven over Kursk and 2 over Oryol.", "destroyed:drone:13:sum-of-items")]
    [InlineData("Ночью уничтожены 14 беспилотников над Курской областью, 3 — над Брянской и 5 — над Орловской.", "destroyed:drone:22:sum-of-items")]
    [InlineData("Над Курською областю збито 12 дронів, над Брянською — 5.", "destroyed:drone:17:sum-of-items")]
    [InlineData("Над Курской областью сбиты 9 дронов, над Брянской — 4, над Орловской — 2.", "destroyed:drone:15:sum-of-items")]
    // One item alone keeps the rule that read it.
    [InlineData("The ministry said air defence had downed Ukrainian drones overnight, 6 over the Tula region.", "destroyed:drone:6:region-item")]
    // A verb between two clauses: the items are the later clause's, not the launched count's.
    [InlineData("Russia launched 40 drones overnight and air defence shot down 6 over the Tula region and 25 over the Kursk region.", "destroyed:drone:31:sum-of-items launched:drone:40:N-weapon-verb")]
    // A stated total told with no place: the items are its parts, never added to it.
    [InlineData("Air defence shot down 40 drones overnight, 6 over the Tula region and 34 over the Kursk region.", "destroyed:drone:40:N-weapon-verb")]
    // A list under a negation: none destroyed (the earlier rule); a count with no place is no item.
    [InlineData("Air defence failed to down drones overnight, 6 over the Tula region and 34 over the Kursk region.", "destroyed:drone:0:negated-destroy")]
    [InlineData("The governor said 6 houses and 34 cars were damaged in the Kursk region.", "")]
    public void Counts_told_per_place_are_items_of_one_list(string text, string expected) => Assert.Equal(expected, Annotate.CountRules(text));

    /// <summary>
    /// "20 Kh-101 from the air, 11 Kalibr from the sea and 3 Iskander-M from the ground had been launched": with no verb before the
    /// list, its items (joined by commas, each with a phrase of where it came from) take the verb after the last; a bare model is of
    /// its catalogue's category.
    /// </summary>
    [Theory]
    [InlineData("Officials said that 9 Kalibr from the Black Sea, 4 Kh-59 from the air and 2 Iskander-M from the ground were fired overnight.",
        "launched:missile:2:N-weapon-verb launched:missile:4:N-weapon-verb launched:missile:9:N-weapon-verb")]
    [InlineData("According to the military, 12 Shaheds from the south and 3 Kh-101 over the Caspian had been shot down by morning.",
        "destroyed:drone:12:N-weapon-verb destroyed:missile:3:N-weapon-verb")]
    // A verb before the list governs it: the later passive belongs to its own clause.
    [InlineData("Russia launched 20 drones from the south, and 5 missiles were shot down.", "destroyed:missile:5:N-weapon-verb launched:drone:20:N-weapon-verb")]
    public void A_list_with_origins_takes_the_verb_after_it(string text, string expected) => Assert.Equal(expected, Annotate.CountRules(text));

    [Fact]
    public void A_bare_model_is_of_its_catalogue_category()
    {
        var f = Annotate.Layer<FigureMention>("Officials said that 9 Kalibr from the Black Sea and 2 Iskander-M from the ground were fired.", Layers.Figures);
        Assert.Equal([WeaponCategory.CruiseMissile, WeaponCategory.BallisticMissile], f.Select(m => m.Weapon.Category).Order());
    }

    /// <summary>
    /// "none of them could be shot down", "Збити жодну з них не вдалося", "не змогли перехопити жодної з 4 ракет": the list before
    /// (or the count after "none of") came, and none of it was destroyed (a destroyed count of 0).
    /// </summary>
    [Theory]
    [InlineData("The enemy fired six Kh-22 missiles at the port on Monday, and none of them were intercepted.", "destroyed:missile:0:none-of-them launched:missile:6:N-weapon-verb")]
    [InlineData("Russia sent 3 Kh-22 missiles towards Odesa. None could be shot down, the air force said.", "destroyed:missile:0:none-of-them launched:missile:3:N-weapon-verb")]
    [InlineData("Ворог випустив 5 ракет Х-22. Жодну з них збити не вдалося.", "destroyed:missile:0:none-of-them launched:missile:5:N-weapon-verb")]
    [InlineData("Противник выпустил 5 ракет Х-22. Ни одну из них сбить не удалось.", "destroyed:missile:0:none-of-them launched:missile:5:N-weapon-verb")]
    [InlineData("Сили ППО не змогли збити жодної з трьох ракет, випущених по місту.", "destroyed:missile:0:none-of-N launched:missile:3:none-of-N")]
    [InlineData("ПВО не смогли перехватить ни одной из 6 ракет.", "destroyed:missile:0:none-of-N launched:missile:6:none-of-N")]
    [InlineData("None of the 4 Kh-22 missiles fired at the city were shot down.", "destroyed:missile:0:none-of-N launched:missile:4:none-of-N")]
    // "none" of something else, or no verb of destruction: no count of 0.
    [InlineData("Russia launched 12 drones, 10 were shot down and none of them reached their targets.", "destroyed:drone:10:N-then-verb launched:drone:12:N-weapon-verb")]
    [InlineData("Russia fired 4 missiles at the city; none of the residents were hurt.", "launched:missile:4:N-weapon-verb")]
    public void None_of_a_list_was_destroyed(string text, string expected) => Assert.Equal(expected, Annotate.CountRules(text));

    /// <summary>Rule neither-weapon: "neither missile", "no missiles" were destroyed; the other families told with them keep their counts.</summary>
    [Theory]
    [InlineData("Russia launched two Kinzhal missiles and 30 drones. Air defence downed 25 drones. Neither missile was intercepted.",
        "destroyed:drone:25:N-weapon-verb destroyed:missile:0:neither-weapon launched:drone:30:N-weapon-verb launched:missile:2:N-weapon-verb")]
    [InlineData("The enemy fired six missiles and 12 drones at the port; no missiles were shot down.",
        "destroyed:missile:0:neither-weapon launched:drone:12:N-weapon-verb launched:missile:6:N-weapon-verb")]
    [InlineData("Ворог випустив 3 ракети та 20 дронів. Сили ППО збили 15 дронів. Жодну ракету не збито.",
        "destroyed:drone:15:N-weapon-verb destroyed:missile:0:neither-weapon launched:drone:20:N-weapon-verb launched:missile:3:N-weapon-verb")]
    [InlineData("Противник выпустил 3 ракеты и 20 дронов. ПВО сбила 15 дронов. Ни одну ракету не сбили.",
        "destroyed:drone:15:N-weapon-verb destroyed:missile:0:neither-weapon launched:drone:20:N-weapon-verb launched:missile:3:N-weapon-verb")]
    // the verb's own negation: "the missiles were not intercepted"
    [InlineData("Russia fired two Iskander-M missiles and 20 drones at the city. Air defence shot down 15 drones, but the missiles were not shot down.",
        "destroyed:drone:15:N-weapon-verb destroyed:missile:0:neither-weapon launched:drone:20:N-weapon-verb launched:missile:2:N-weapon-verb")]
    [InlineData("The enemy fired four missiles at the port. These missiles were never intercepted.",
        "destroyed:missile:0:neither-weapon launched:missile:4:N-weapon-verb")]
    // not a verb of destruction, or nothing launched before
    [InlineData("Russia fired six missiles at the port; no missiles hit the town.", "launched:missile:6:N-weapon-verb")]
    [InlineData("Russia fired 20 drones at the town. The drones were not able to reach it.", "launched:drone:20:N-weapon-verb")]
    [InlineData("No missiles were shot down over the city.", "")]
    public void Neither_weapon_of_a_family_was_destroyed(string text, string expected) => Assert.Equal(expected, Annotate.CountRules(text));

    /// <summary>"all N" before a list whose last item carries a participle ("… launched by Russia"): the verb before counts every item.</summary>
    [Theory]
    [InlineData("Its forces shot down all 20 drones and both cruise missiles launched by Russia overnight.",
        "destroyed:drone:20:N-weapon-verb destroyed:missile:2:N-weapon-verb launched:drone:20:all-N launched:missile:2:all-N")]
    [InlineData("Air defence shot down all 12 drones and both missiles fired at the city.",
        "destroyed:drone:12:N-weapon-verb destroyed:missile:2:N-weapon-verb launched:drone:12:all-N launched:missile:2:all-N")]
    public void All_of_a_list_before_a_participle(string text, string expected) => Assert.Equal(expected, Annotate.CountRules(text));

    /// <summary>
    /// "a single Russian missile had destroyed a petrol station", "A drone wrecked two houses": the weapon is the agent of an active
    /// verb (past a perfect's auxiliary) with an object after it, so it was launched, not destroyed; a passive ("had been
    /// destroyed") is the weapon destroyed.
    /// </summary>
    [Theory]
    [InlineData("The mayor said a single missile had destroyed a supermarket on the outskirts.", "launched:missile:1:weapon-as-agent")]
    [InlineData("A lone drone demolished a garage in the village overnight.", "launched:drone:1:weapon-as-agent")]
    [InlineData("Three drones have damaged a school and a shop in the town.", "launched:drone:3:weapon-as-agent")]
    [InlineData("A drone wrecked two houses near the river.", "launched:drone:1:weapon-as-agent")]
    [InlineData("A lone drone had been destroyed over the city before dawn.", "destroyed:drone:1:a-weapon-verb")]
    public void A_weapon_that_did_the_damage_was_launched(string text, string expected) => Assert.Equal(expected, Annotate.CountRules(text));

    /// <summary>
    /// A coordinated list whose shared verb comes after a relative clause ("…, which were heading for the city, were shot down"),
    /// "every one of them was downed" (the "one" is no count), and the breakdown after "All were downed —" (parts, not counts).
    /// </summary>
    [Theory]
    [InlineData("Thirty Shahed drones and 6 Kh-101 missiles, which had been flying towards the capital, were destroyed, officials said.", "destroyed:drone:30:N-weapon-verb destroyed:missile:6:N-weapon-verb")]
    [InlineData("Russia sent 40 drones at the city overnight. Every one of them was shot down.", "destroyed:drone:40:all-were-verb launched:drone:40:N-weapon-verb")]
    [InlineData("Russia sent 40 drones at the city overnight. Each one was intercepted.", "destroyed:drone:40:all-were-verb launched:drone:40:N-weapon-verb")]
    [InlineData("The enemy launched 12 drones at the port. All of them were intercepted — 7 Shaheds and 5 Gerbera decoys.", "destroyed:drone:12:all-were-verb launched:drone:12:N-weapon-verb")]
    // "one of them" alone is one.
    [InlineData("Russia sent 40 drones at the city overnight. One of them was shot down.", "destroyed:drone:1:N-then-verb launched:drone:40:N-weapon-verb")]
    public void Shared_verbs_and_quantifiers_over_a_list(string text, string expected) => Assert.Equal(expected, Annotate.CountRules(text));

    /// <summary>A count with no weapon of its own, too large for the breakdown's last item, is the total's.</summary>
    [Theory]
    [InlineData("Russia fired a total of nine missiles - five Kalibr and four Kh-59 - at the port, and six were destroyed.", null, 6)]
    [InlineData("The enemy launched 30 missiles (20 Kh-101 and 10 Iskander-M) at the capital. Air defence shot down 25.", null, 25)]
    // An item large enough for it keeps it: the last weapon told.
    [InlineData("The enemy launched 30 missiles, among them 20 Kh-101 and 10 Iskander-M. Two were destroyed.", "Iskander-M", 2)]
    public void A_count_too_large_for_the_last_item_is_the_totals(string text, string? model, int destroyed)
    {
        var f = Assert.Single(Annotate.Layer<FigureMention>(text, Layers.Figures), f => f.Kind == FigureKind.Destroyed);
        Assert.Equal((model, destroyed), (f.Weapon.Model, f.Value));
    }
}
