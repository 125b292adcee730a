using Sitrep.Core;

namespace Sitrep.Extraction.Tests.Stages;

/// <summary>
/// Counts read by structure (issue 12): the breakdown of a total, the partitive after a total, a relative clause over a
/// coordinated list, and counts of strikes. Each row: the figure stage's counts with the rule that read each
/// (<c>kind:family:value:rule</c>).
/// </summary>
public class CountStructureTests
{
    /// <summary>
    /// "29 missiles, among them 18 Kh-101 …": the items after "among them / including / серед них / в том числе" are
    /// launched counts of their models, rule <c>breakdown-item</c>.
    /// </summary>
    [Theory]
    [InlineData("The enemy fired 31 missiles at Ukraine overnight, among them 20 Kh-101, 8 Iskander-M and 3 Kinzhal, officials said.",
        "launched:missile:20:breakdown-item launched:missile:31:N-weapon-verb launched:missile:3:breakdown-item launched:missile:8:breakdown-item")]
    [InlineData("Russia launched 16 missiles on Tuesday, including 11 Kalibr and 5 Iskander-M.",
        "launched:missile:11:breakdown-item launched:missile:16:N-weapon-verb launched:missile:5:breakdown-item")]
    [InlineData("Вночі ворог випустив 16 ракет, серед них 11 Калібр та 5 Іскандер-М.",
        "launched:missile:11:breakdown-item launched:missile:16:N-weapon-verb launched:missile:5:breakdown-item")]
    [InlineData("Ночью противник выпустил 16 ракет, в том числе 11 Калибр и 5 Искандер-М.",
        "launched:missile:11:breakdown-item launched:missile:16:N-weapon-verb launched:missile:5:breakdown-item")]
    // A part of no weapon total stays out; the parts of a mixed total are counts of their own.
    [InlineData("Air defence destroyed 14 drones over the region, including 6 over the city.", "destroyed:drone:14:N-weapon-verb")]
    [InlineData("In total, Russia launched 48 projectiles, including 6 missiles and 42 attack drones.", "launched:drone:42:N-weapon-verb launched:missile:6:N-weapon-verb")]
    // The mixed total further back in its clause, with a generic weapon or none.
    [InlineData("Russia launched 112 aerial attack weapons at Ukraine overnight, including 100 drones and 12 missiles.",
        "launched:drone:100:N-weapon-verb launched:missile:12:N-weapon-verb launched:other:112:N-weapon-verb")]
    [InlineData("Russia fired 60 projectiles at the Kharkiv region overnight, including 50 drones and 10 missiles.",
        "launched:drone:50:N-weapon-verb launched:missile:10:N-weapon-verb")]
    [InlineData("Russia launched 112 aerial attack weapons overnight, including 100 drones and 12 missiles. Air defences downed 90 of them.",
        "destroyed:other:90:N-then-verb launched:drone:100:N-weapon-verb launched:missile:12:N-weapon-verb launched:other:112:N-weapon-verb")]
    [InlineData("Russia launched 40 missiles at Kyiv overnight, including 30 Kh-101 and 10 Kalibr.",
        "launched:missile:10:breakdown-item launched:missile:30:breakdown-item launched:missile:40:N-weapon-verb")]
    public void The_items_of_a_breakdown_are_read(string text, string expected) => Assert.Equal(expected, Annotate.CountRules(text));

    /// <summary>
    /// The breakdown's items are parts of the stated total: the family's launched figure is the total (never the sum), each
    /// model keeps its own count as a claim of role part-of-total, however small its share ("40 missiles, including 4
    /// Kinzhal").
    /// </summary>
    [Theory]
    [InlineData("The enemy fired 31 missiles at Ukraine overnight, among them 20 Kh-101, 8 Iskander-M and 3 Kinzhal, officials said.", 31, 3)]
    [InlineData("Russia launched 40 missiles on Tuesday, including 4 Kinzhal.", 40, 1)]
    [InlineData("Вночі ворог випустив 16 ракет, серед них 11 Калібр та 5 Іскандер-М.", 16, 2)]
    [InlineData("Ночью противник выпустил 16 ракет, среди них 11 Калибр и 5 Искандер-М.", 16, 2)]
    public void A_breakdown_does_not_add_to_its_total(string text, int total, int parts)
    {
        var e = Assert.Single(Annotate.Extract(text).Events);
        var missiles = e.Weapons.Where(w => w.Weapon.Category.Family() == WeaponFamily.Missile).ToList();
        Assert.Equal([total], missiles.Select(w => w.Current(FigureKind.Launched)?.Value).OfType<int>());
        var items = missiles.SelectMany(w => w.Claims).Where(c => c.Role == ClaimRole.PartOfTotal).ToList();
        Assert.Equal(parts, items.Count);
        Assert.All(items, c => Assert.Equal("figures/breakdown-item+part-of-total", c.Rule));
        Assert.All(items, c => Assert.NotNull(c.Weapon?.Model));
    }

    /// <summary>
    /// The breakdown of a destroyed total: "shot down 22 missiles, including 15 Kh-101" gives the family destroyed 22 and the
    /// model destroyed 15 as a part of it (never a destroyed 22 of Kh-101, nor 37).
    /// </summary>
    [Theory]
    [InlineData("Air defence shot down 22 missiles overnight, including 15 Kh-101 cruise missiles, the military said.", "destroyed:missile:15:breakdown-item destroyed:missile:22:N-weapon-verb")]
    [InlineData("Сили ППО знищили 22 ракети, зокрема 15 Х-101 та 4 Калібр.", "destroyed:missile:15:breakdown-item destroyed:missile:22:N-weapon-verb destroyed:missile:4:breakdown-item")]
    [InlineData("Силы ПВО сбили 22 ракеты, в том числе 15 Х-101.", "destroyed:missile:15:breakdown-item destroyed:missile:22:N-weapon-verb")]
    public void The_items_of_a_destroyed_breakdown_are_destroyed(string text, string expected) => Assert.Equal(expected, Annotate.CountRules(text));

    [Theory]
    [InlineData("Air defence shot down 22 missiles overnight, including 15 Kh-101 cruise missiles, the military said.", 22, 1)]
    [InlineData("Сили ППО знищили 22 ракети, зокрема 15 Х-101 та 4 Калібр.", 22, 2)]
    public void A_destroyed_breakdown_does_not_add_to_its_total(string text, int total, int parts)
    {
        var e = Assert.Single(Annotate.Extract(text).Events);
        var missiles = e.Weapons.Where(w => w.Weapon.Category.Family() == WeaponFamily.Missile).ToList();
        var family = Assert.Single(missiles, w => w.Current(FigureKind.Destroyed) is not null);
        Assert.Null(family.Weapon.Model);
        Assert.Equal(total, family.Current(FigureKind.Destroyed)!.Value);
        var items = missiles.SelectMany(w => w.Claims).Where(c => c.Role == ClaimRole.PartOfTotal).ToList();
        Assert.Equal(parts, items.Count);
        Assert.All(items, c => Assert.Equal(FigureKind.Destroyed, c.Kind));
    }

    /// <summary>
    /// The model of a count: named after the noun ("16 крилатих ракет Х-101", "six hypersonic missiles Kh-47M2 Kinzhal") or
    /// after the missile's class ("three ballistic Iskander-M missiles"); a model of another family after the noun is not its.
    /// </summary>
    [Theory]
    [InlineData("Вночі ворог випустив 12 крилатих ракет Х-101 та дві балістичні ракети Іскандер-М.", "launched:Iskander-M:2 launched:Kh-101:12")]
    [InlineData("Ночью противник выпустил 12 крылатых ракет Х-101 и две баллистические ракеты Искандер-М.", "launched:Iskander-M:2 launched:Kh-101:12")]
    [InlineData("The enemy fired four hypersonic missiles Kh-47M2 Kinzhal and nine cruise missiles Kalibr at the port.", "launched:Kalibr:9 launched:Kinzhal:4")]
    [InlineData("Russia launched three ballistic Iskander-M missiles and two hypersonic Kinzhal missiles at the city.", "launched:Iskander-M:3 launched:Kinzhal:2")]
    [InlineData("Russia launched 14 drones Kalibr at the city.", "launched:-:14")]
    public void The_model_of_a_count_is_read_around_its_noun(string text, string expected) =>
        Assert.Equal(expected, string.Join(' ', Annotate.Layer<FigureMention>(text, Layers.Figures)
            .Select(f => $"{f.Kind.ToContract()}:{f.Weapon.Model ?? "-"}:{f.Value}").Order(StringComparer.Ordinal)));

    /// <summary>"Two of the four missiles struck a warehouse": the total was launched, the part hit; nothing was destroyed.</summary>
    [Theory]
    [InlineData("Two of the four missiles struck a warehouse in the port, the governor said.", "launched:missile:4:N-out-of-M")]
    [InlineData("One of the three drones hit a house on the outskirts.", "launched:drone:3:N-out-of-M")]
    [InlineData("Дві з чотирьох ракет влучили у склад.", "launched:missile:4:N-out-of-M")]
    [InlineData("Две из четырех ракет попали в склад.", "launched:missile:4:N-out-of-M")]
    [InlineData("Air defence shot down three of the four missiles.", "destroyed:missile:3:N-out-of-M launched:missile:4:N-out-of-M")]
    public void The_part_that_hit_is_not_destroyed(string text, string expected) => Assert.Equal(expected, Annotate.CountRules(text));

    /// <summary>The active past and imperfective forms of the uk/ru verbs of destruction, not only their participles.</summary>
    [Theory]
    [InlineData("Сили ППО знешкодили 14 дронів.", "destroyed:drone:14:N-weapon-verb")]
    [InlineData("Силы ПВО обезвредили 14 дронов.", "destroyed:drone:14:N-weapon-verb")]
    [InlineData("Мобільні групи ліквідували 14 дронів.", "destroyed:drone:14:N-weapon-verb")]
    [InlineData("Силы ПВО ликвидировали 14 беспилотников.", "destroyed:drone:14:N-weapon-verb")]
    [InlineData("Усю ніч сили ППО збивали 14 дронів.", "destroyed:drone:14:N-weapon-verb")]
    public void The_uk_ru_verbs_of_destruction_are_read_in_every_form(string text, string expected) => Assert.Equal(expected, Annotate.CountRules(text));

    /// <summary>"intercepted an attack by 120 drones", "відбили атаку 40 дронів": the attack's drones were destroyed, not launched.</summary>
    [Theory]
    [InlineData("Russian forces said they intercepted an attack by 120 Ukrainian drones over several regions.", "destroyed:drone:120:N-weapon-verb")]
    [InlineData("Air defences repelled a massive attack of 60 drones on the capital, the mayor said.", "destroyed:drone:60:N-weapon-verb")]
    [InlineData("Вночі сили ППО відбили атаку 40 дронів на Київ.", "destroyed:drone:40:N-weapon-verb")]
    [InlineData("Силы ПВО отразили атаку 40 беспилотников.", "destroyed:drone:40:N-weapon-verb")]
    [InlineData("Russia launched a massive attack by 120 drones on Kyiv overnight.", "launched:drone:120:N-weapon-verb")]
    public void The_count_of_a_repelled_attack_is_destroyed(string text, string expected) => Assert.Equal(expected, Annotate.CountRules(text));

    /// <summary>"Серед них 15 збито", "из них обезврежено 15", "among them, 15 were shot down": destroyed of the total's weapon.</summary>
    [Theory]
    [InlineData("Вночі ворог запустив 24 шахеди. Серед них 19 збито.", "destroyed:drone:19:N-then-verb launched:drone:24:N-weapon-verb")]
    [InlineData("Ночью враг запустил 24 шахеда. Среди них 19 сбиты.", "destroyed:drone:19:N-then-verb launched:drone:24:N-weapon-verb")]
    [InlineData("Вночі ворог запустив 24 шахеди, з них знешкоджено 19.", "destroyed:drone:19:verb-then-N launched:drone:24:N-weapon-verb")]
    [InlineData("Ночью враг запустил 24 шахеда, из них обезврежено 19.", "destroyed:drone:19:verb-then-N launched:drone:24:N-weapon-verb")]
    [InlineData("Russia sent 24 drones overnight. Among them, 19 were shot down.", "destroyed:drone:19:N-then-verb launched:drone:24:N-weapon-verb")]
    // A part with no verb of destruction of its own is still a part, not a destroyed count.
    [InlineData("Вночі ворог запустив 24 дрони, серед них 19 шахедів.", "launched:drone:19:breakdown-item launched:drone:24:N-weapon-verb")]
    public void A_partitive_after_a_total_is_its_destroyed_count(string text, string expected) => Assert.Equal(expected, Annotate.CountRules(text));

    /// <summary>", which were intercepted" over a coordinated list, after the list's day too; "most of which" is vague and gives none.</summary>
    [Theory]
    [InlineData("Russia launched eight Shahed drones and two Kh-59 missiles overnight, which were intercepted.",
        "destroyed:drone:8:all-were-verb destroyed:missile:2:all-were-verb launched:drone:8:N-weapon-verb launched:missile:2:N-weapon-verb")]
    [InlineData("Russia launched eight Shahed drones and two Kh-59 missiles on Monday, which were shot down.",
        "destroyed:drone:8:all-were-verb destroyed:missile:2:all-were-verb launched:drone:8:N-weapon-verb launched:missile:2:N-weapon-verb")]
    [InlineData("Russia launched eight Shahed drones and two Kh-59 missiles, all of which were shot down.",
        "destroyed:drone:8:all-were-verb destroyed:missile:2:all-were-verb launched:drone:8:N-weapon-verb launched:missile:2:N-weapon-verb")]
    [InlineData("Russia launched eight Shahed drones and two Kh-59 missiles overnight, most of which were shot down.",
        "launched:drone:8:N-weapon-verb launched:missile:2:N-weapon-verb")]
    [InlineData("Вночі ворог запустив 8 шахедів та 2 ракети, які було збито.",
        "destroyed:drone:8:all-were-verb destroyed:missile:2:all-were-verb launched:drone:8:N-weapon-verb launched:missile:2:N-weapon-verb")]
    public void A_relative_clause_over_a_list_destroys_each_item(string text, string expected) => Assert.Equal(expected, Annotate.CountRules(text));

    /// <summary>
    /// Counts of strikes. "N strikes with / by W" is W's launched count (rule <c>strikes-by-weapon</c>; the uk-ru gold reads
    /// "три влучання КАБів" as launched 3) unless the report counted W's family before it: after "113 drones launched, 89
    /// downed", "22 strikes by attack drones recorded at six sites" are the hits, which the dev gold leaves out. An explicit
    /// munition count in the same clause is the count ("five air strikes using 8 guided bombs" → 8). "N missile strikes", a
    /// weapon noun modifying the strike noun, reads as one weapon a strike, as the dev gold labels it ("launched about 20
    /// missile strikes" → launched 20).
    /// </summary>
    [Theory]
    [InlineData("Russian forces carried out four strikes with guided bombs on the town.", "launched:bomb:4:strikes-by-weapon")]
    [InlineData("The city suffered two hits by ballistic missiles in the morning.", "launched:missile:2:strikes-by-weapon")]
    [InlineData("Russian aircraft carried out six air strikes using 9 guided bombs on the town.", "launched:bomb:9:N-weapon-verb")]
    [InlineData("Російські війська завдали чотирьох ударів КАБами по місту.", "launched:bomb:4:strikes-by-weapon")]
    [InlineData("Российские войска нанесли три удара управляемыми авиабомбами по городу.", "launched:bomb:3:strikes-by-weapon")]
    [InlineData("The enemy launched about 15 missile strikes on the city this morning.", "launched:missile:15:N-weapon-verb")]
    [InlineData("Russia launched 40 drones overnight and 31 were shot down. There were 9 strikes by attack drones at four sites.",
        "destroyed:drone:31:N-then-verb launched:drone:40:N-weapon-verb")]
    public void A_count_of_strikes_is_its_weapons_count_unless_counted_before(string text, string expected) => Assert.Equal(expected, Annotate.CountRules(text));

    /// <summary>
    /// "N of which were shot down" with no weapon after the count: the destroyed count of the weapon told before it; "of
    /// which were Shaheds" (no verb of destruction) stays a part.
    /// </summary>
    [Theory]
    [InlineData("Russia launched 36 drones overnight, 29 of which were shot down.", "destroyed:drone:29:N-then-verb launched:drone:36:N-weapon-verb")]
    [InlineData("Russia launched 36 drones, 29 of which were intercepted over the sea.", "destroyed:drone:29:N-then-verb launched:drone:36:N-weapon-verb")]
    [InlineData("Russia launched 36 drones, some 20 of which were Shaheds.", "launched:drone:36:N-weapon-verb")]
    public void Of_which_with_a_destroy_verb_is_destroyed(string text, string expected) => Assert.Equal(expected, Annotate.CountRules(text));

    /// <summary>
    /// A counted weapon as the subject of "struck" or "hit" with its object after it was launched (rule weapon-as-agent, as
    /// "a missile struck" is launched 1 in the gold); a passive "were hit" or a weapon with no object is no such count.
    /// </summary>
    [Theory]
    [InlineData("Three missiles struck the port overnight.", "launched:missile:3:weapon-as-agent")]
    [InlineData("Overnight, five drones hit an oil depot in the region.", "launched:drone:5:weapon-as-agent")]
    [InlineData("Officials said six Shahed drones struck the airfield.", "launched:drone:6:weapon-as-agent")]
    [InlineData("Three missiles struck.", "")]
    public void A_counted_weapon_that_struck_was_launched(string text, string expected) => Assert.Equal(expected, Annotate.CountRules(text));
}
