using Sitrep.Core;

namespace Sitrep.Extraction.Tests.Stages;

public class AssemblyTests
{
    [Fact]
    public void One_wave_is_one_event_with_its_figures_date_place_and_claimant()
    {
        var x = Annotate.Extract("""
            Russia attacks Odesa with drones
            Russia launched 40 drones at Ukraine overnight, the air force said. Air defences destroyed 35 of them.
            Two people were injured in Odesa, the regional governor said.
            """);
        var e = Assert.Single(x.Events);
        Assert.Equal(EventKind.Strike, e.Kind);
        Assert.Equal(Annotate.Published, e.Date.Date);
        Assert.Equal(Side.Russia, e.Attacker);
        Assert.Equal(Country.Ukraine, e.TargetCountry);
        var drones = Assert.Single(e.Weapons);
        Assert.Equal(40, drones.Current(FigureKind.Launched)!.Value);
        Assert.Equal(35, drones.Current(FigureKind.Destroyed)!.Value);
        Assert.Equal(2, e.Injured!.Value);
        Assert.Contains(e.Places, p => p.Text == "Odesa" && p.Country == "UA");
        Assert.Contains(e.Claimants, c => c.Name == "the air force");
    }

    [Fact]
    public void Another_day_is_another_event_and_a_total_is_an_aggregate()
    {
        var x = Annotate.Extract("""
            Drones hit Kharkiv overnight, injuring three people.
            On the night of Sunday to Monday, a missile strike on Kyiv killed two people.
            Russia has launched more than 1,500 missiles since the war began.
            """);
        Assert.Equal(2, x.Events.Count(e => e.Kind == EventKind.Strike));
        Assert.Single(x.Events, e => e.Kind == EventKind.Aggregate);
        Assert.Contains(x.Events, e => e.Date.Date == new DateOnly(2024, 11, 11) && e.Killed?.Value == 2);
        Assert.Contains(x.Events, e => e.Date.Date == Annotate.Published && e.Injured?.Value == 3);
    }

    [Fact]
    public void Opposite_directions_on_one_night_are_two_events()
    {
        var x = Annotate.Extract("""
            Russia launched 50 drones at Ukraine overnight and 44 were shot down, the Ukrainian air force said.
            Russia's defence ministry said it destroyed 20 Ukrainian drones over the Kursk region overnight.
            """);
        Assert.Equal(2, x.Events.Length);
        Assert.Contains(x.Events, e => e.Attacker == Side.Ukraine && e.TargetCountry == Country.Russia && e.Weapons.Single().Current(FigureKind.Destroyed)!.Value == 20);
        Assert.Contains(x.Events, e => e.Attacker == Side.Russia && e.Weapons.Single().Current(FigureKind.Launched)!.Value == 50);
    }

    [Fact]
    public void Generic_and_hypothetical_sentences_add_nothing()
    {
        var x = Annotate.Extract("""
            Drones hit Kharkiv overnight, injuring three people.
            Russia has repeatedly targeted Odesa's port with drones.
            The army is continuing its bombardment of Odesa and other cities.
            The Kremlin threatened to strike Kyiv with missiles.
            """);
        var e = Assert.Single(x.Events);
        Assert.DoesNotContain(e.Places, p => p.Text is "Odesa" or "Kyiv");
    }

    [Fact]
    public void Models_of_one_family_stay_apart()
    {
        var x = Annotate.Extract("Russia launched 5 Iskander-M ballistic missiles and 20 Kalibr cruise missiles at Kyiv overnight; all 5 Iskander-M missiles and 18 Kalibr missiles were shot down.");
        var e = Assert.Single(x.Events);
        Assert.Contains(e.Weapons, w => w.Weapon.Model == "Iskander-M" && w.Current(FigureKind.Launched)!.Value == 5 && w.Current(FigureKind.Destroyed)!.Value == 5);
        Assert.Contains(e.Weapons, w => w.Weapon.Model == "Kalibr" && w.Current(FigureKind.Launched)!.Value == 20 && w.Current(FigureKind.Destroyed)!.Value == 18);
    }

    [Fact]
    public void Another_attack_that_day_with_other_weapons_is_another_event()
    {
        var x = Annotate.Extract("""
            Russia fired 12 missiles at Kyiv early Thursday, and 10 were shot down, the air force said.
            Russian forces also used glide bombs against Kharkiv, the governor said.
            """);
        Assert.Equal(2, x.Events.Length);
        Assert.Contains(x.Events, e => e.Weapons.Any(w => w.Weapon.Category == WeaponCategory.GuidedBomb) && e.Places.Any(p => p.Text == "Kharkiv"));
    }

    [Theory]
    [InlineData("Russia attacked Kharkiv with 40 drones overnight, the air force said. Russia also fired two missiles during the attack.")]
    [InlineData("Air defences shot down 30 drones over Odesa overnight. Russia also launched three missiles, two of which were intercepted.")]
    [InlineData("Russia attacked Kharkiv with 40 drones overnight. Russian forces also used glide bombs against the city.")]
    public void Another_weapon_also_used_with_no_other_place_is_the_same_attack(string text)
    {
        var e = Assert.Single(Annotate.Extract(text).Events);
        Assert.Equal(2, e.Weapons.Length);
    }

    [Fact]
    public void A_clause_after_while_can_tell_a_second_attack_and_later_sentences_join_it_by_place()
    {
        var x = Annotate.Extract("""
            A man was killed by shelling in Kharkiv on Tuesday, while two people were injured in a new drone attack on Kursk.
            The governor of Kursk said debris damaged a school.
            """);
        Assert.Equal(2, x.Events.Length);
        var kursk = Assert.Single(x.Events, e => e.Places.Any(p => p.Text == "Kursk"));
        Assert.Equal(2, kursk.Injured!.Value);
        Assert.Equal(2, kursk.Quotes.Length);
    }

    [Fact]
    public void A_list_of_weapons_keeps_each_item_and_a_local_subcount_joins_the_total()
    {
        var x = Annotate.Extract("""
            Russia struck Odesa overnight with 50 drones, eight ballistic missiles and a Kinzhal missile, the air force said. Air defences shot down 41 of the drones.
            The mayor said seven Shahed drones targeted the port.
            """);
        var e = Assert.Single(x.Events);
        Assert.Contains(e.Weapons, w => w.Weapon.Category == WeaponCategory.BallisticMissile && w.Weapon.Model is null && w.Current(FigureKind.Launched)!.Value == 8);
        Assert.Contains(e.Weapons, w => w.Weapon.Model == "Kinzhal" && w.Current(FigureKind.Launched)!.Value == 1);
        var drones = Assert.Single(e.Weapons, w => w.Weapon.Category == WeaponCategory.Drone);
        Assert.Equal(50, drones.Current(FigureKind.Launched)!.Value);
        Assert.Equal(41, drones.Current(FigureKind.Destroyed)!.Value);
    }

    [Fact]
    public void An_attack_with_no_clue_to_its_attacker_takes_the_reports_one_side()
    {
        var x = Annotate.Extract("""
            Russian missiles struck Kharkiv on Tuesday, killing two people.
            Separately, the mayor reported a drone attack that injured a woman.
            """);
        Assert.Equal(2, x.Events.Length);
        Assert.All(x.Events, e => Assert.Equal(Side.Russia, e.Attacker));
    }

    [Fact]
    public void Two_more_destroyed_adds_to_the_figure_before()
    {
        var x = Annotate.Extract("Three Ukrainian drones were destroyed over the Kursk region overnight, the governor said. Later, two more drones were shot down.");
        var e = Assert.Single(x.Events);
        Assert.Equal(5, e.Weapons.Single().Current(FigureKind.Destroyed)!.Value);
    }

    [Fact]
    public void The_region_a_report_puts_a_place_in_joins_its_event_once()
    {
        var x = Annotate.Extract("""
            Ukrainian drones hit Kursk early on Thursday, injuring two people, the governor said.
            The governor of the Kursk region, where Kursk is located, spoke on television.
            The losses of the war are estimated at 500,000 soldiers killed or wounded.
            """);
        var e = Assert.Single(x.Events);
        Assert.Equal(["Kursk", "Kursk region"], e.Places.Select(p => p.Text));
    }

    [Fact]
    public void Two_weekdays_in_one_sentence_are_two_attacks_even_without_a_publication_date()
    {
        var x = Annotate.Pipeline.Extract(new Article("t", """
            A drone attack early Wednesday claimed the lives of three people in Odesa.
            Wednesday's strikes followed an attack on Tuesday when Russia struck Kharkiv with two missiles, killing eight people.
            """));
        Assert.Equal(2, x.Events.Length);
        Assert.Contains(x.Events, e => e.Date.Text == "early Wednesday" && e.Killed?.Value == 3);
        Assert.Contains(x.Events, e => e.Date.Text == "on Tuesday" && e.Killed?.Value == 8);
    }

    [Fact]
    public void A_photo_caption_and_its_credit_are_no_attack()
    {
        var x = Annotate.Extract("""
            Ukrainian drones hit a refinery near Kursk overnight, the governor said.
            Firefighters put out a fire after a Russian drone strike in Kharkiv. Credit: AP
            """);
        var e = Assert.Single(x.Events);
        Assert.DoesNotContain(e.Places, p => p.Text == "Kharkiv");
    }

    [Fact]
    public void A_dated_list_item_is_its_own_attack_not_the_leads_date()
    {
        var x = Annotate.Pipeline.Extract(new Article("t", """
            The Russian army struck Odesa, there are injuries.
            Two women received shrapnel wounds.
            - On May 30, the Russians targeted a fire station in Kharkiv with a drone.
            """));
        Assert.Equal(2, x.Events.Length);
        Assert.Contains(x.Events, e => e.Date.Text == "" && e.Places.Any(p => p.Text == "Odesa"));
        Assert.Contains(x.Events, e => e.Date.Text == "On May 30" && e.Places.Any(p => p.Text == "Kharkiv"));
    }

    [Fact]
    public void A_revised_toll_keeps_both_claims_and_the_later_is_current()
    {
        var x = Annotate.Extract("A missile struck Kharkiv on Tuesday, killing 8 people. The death toll later rose to 11.");
        var e = Assert.Single(x.Events);
        Assert.Equal(11, e.Killed!.Value);
        Assert.Equal(2, e.Casualties.Count(c => c.Kind == FigureKind.Killed));
        Assert.False(e.Casualties.Single(c => c.Value == 8).IsCurrent);
        Assert.True(e.Casualties.Single(c => c.Value == 11).IsCurrent);
    }

    [Fact]
    public void Occupied_crimea_is_coded_to_ukraine_and_attacked_by_ukraine()
    {
        var x = Annotate.Extract("Air defences destroyed six drones over Sevastopol overnight, the Russian-installed governor said.");
        var e = Assert.Single(x.Events);
        Assert.Equal(Side.Ukraine, e.Attacker);
        Assert.Contains(e.Places, p => p.Country == "UA" && p.Occupied);
    }

    [Fact]
    public void Every_evidence_span_slices_to_its_text()
    {
        var text = "Russia fired 12 missiles at Kyiv early Thursday; 10 were intercepted. A man was killed, the mayor said.";
        var x = Annotate.Extract(text);
        foreach (var e in x.Events)
        {
            foreach (var c in e.Weapons.SelectMany(w => w.Claims).Concat(e.Casualties))
            {
                Assert.Equal(c.Evidence.Text, c.Evidence.Span.Slice(text));
            }

            foreach (var p in e.Places)
            {
                Assert.Equal(p.Text, p.Span.Slice(text));
            }

            Assert.Equal(e.Date.Text, e.Date.Span.Slice(text));
        }
    }

    [Fact]
    public void A_village_with_its_own_toll_in_a_roundup_is_its_own_attack()
    {
        var x = Annotate.Extract("""
            Russian shelling killed three people in Kharkiv on Sunday, the regional governor said. In the town of Lozova, a drone attack injured two residents.
            """);
        Assert.Equal(2, x.Events.Length);
        var city = Assert.Single(x.Events, e => e.Places.Any(p => p.Text == "Kharkiv"));
        Assert.Equal(3, city.Killed!.Value);
        Assert.Null(city.Injured);
        var village = Assert.Single(x.Events, e => e.Places.Any(p => p.Text == "Lozova"));
        Assert.Equal(2, village.Injured!.Value);
        Assert.Equal(city.Date.Date, village.Date.Date);
    }

    [Theory]
    [InlineData("Russian shelling killed three people in Kharkiv on Sunday, the regional governor said. In Kharkiv, a drone attack injured two residents.")]
    [InlineData("Russian drones attacked the Kharkiv region on Sunday, the regional governor said. In the town of Lozova, a drone attack injured two residents.")]
    public void A_toll_of_the_same_place_or_the_first_toll_stays_with_the_attack(string text)
    {
        var x = Annotate.Extract(text);
        var e = Assert.Single(x.Events);
        Assert.Equal(2, e.Injured!.Value);
    }

    /// <summary>
    /// Rule part-of-total: a family's total with no model, and models whose launched counts sum to no more than it, is the
    /// total; the models' launched counts stay as claims, not current. More than the total, they are counts of their own.
    /// Items after "among them" / "серед них" / "среди них" are parts too (read by the figure stage, no counts of their own).
    /// </summary>
    [Theory]
    [InlineData("Russia fired 20 missiles at Ukraine overnight, the air force said. The attack involved 12 Kh-101 cruise missiles and eight Iskander-M ballistic missiles.", "20")]
    [InlineData("Вночі Росія випустила по Україні 20 ракет, повідомили в Повітряних силах. Ворог випустив 12 крилатих ракет Х-101 та вісім балістичних ракет Іскандер-М.", "20")]
    [InlineData("Ночью Россия выпустила по Украине 20 ракет, сообщили в ВВС. Противник выпустил 12 крылатых ракет Х-101 и восемь баллистических ракет Искандер-М.", "20")]
    [InlineData("Russia fired 25 missiles at Ukraine overnight. Among them were 12 Kh-101 cruise missiles and eight Iskander-M ballistic missiles.", "25")]
    [InlineData("Вночі Росія випустила по Україні 20 ракет. Серед них 12 крилатих ракет Х-101 і вісім балістичних ракет Іскандер-М.", "20")]
    [InlineData("Ночью Россия выпустила по Украине 20 ракет. Среди них 12 крылатых ракет Х-101 и восемь баллистических ракет Искандер-М.", "20")]
    [InlineData("Russia fired 10 missiles at Ukraine overnight, the air force said. The attack involved 12 Kh-101 cruise missiles and eight Iskander-M ballistic missiles.", "12 10 8")]
    public void Models_that_break_down_a_stated_total_are_not_added_to_it(string text, string expected)
    {
        var e = Assert.Single(Annotate.Extract(text).Events);
        var launched = e.Weapons.Where(w => w.Weapon.Category.Family() == WeaponFamily.Missile).Select(w => w.Current(FigureKind.Launched)?.Value).OfType<int>();
        Assert.Equal(expected, string.Join(' ', launched.OrderDescending()));
    }

    /// <summary>A model breakdown's counts have role part-of-total (with the rule that read them kept), never superseded.</summary>
    [Theory]
    [InlineData("Russia launched 21 missiles at Ukraine overnight, the air force said. The attack involved 13 Kh-101 cruise missiles, five Iskander-M ballistic missiles and three Kinzhal missiles.")]
    [InlineData("Вночі Росія запустила по Україні 21 ракету, повідомили Повітряні сили. Ворог застосував 13 крилатих ракет Х-101 і вісім балістичних ракет Іскандер-М.")]
    [InlineData("Ночью Россия запустила по Украине 21 ракету, сообщили в ВВС. Противник применил 13 крылатых ракет Х-101 и восемь баллистических ракет Искандер-М.")]
    public void A_breakdown_is_a_part_of_its_total_not_a_revision(string text)
    {
        var e = Assert.Single(Annotate.Extract(text).Events);
        var claims = e.Weapons.SelectMany(w => w.Claims).Where(c => c.Kind == FigureKind.Launched).ToList();
        Assert.Equal(ClaimRole.Current, Assert.Single(claims, c => c.Value == 21).Role);
        var parts = claims.Where(c => c.Value != 21).ToList();
        Assert.Equal(21, parts.Sum(c => c.Value));
        Assert.True(parts.Count >= 2);
        Assert.All(parts, c => Assert.Equal(ClaimRole.PartOfTotal, c.Role));
        Assert.All(parts, c => Assert.Equal(ClaimRole.PartOfTotal, ClaimRoles.FromStored(c.IsCurrent, c.Rule)));
        Assert.All(parts, c => Assert.StartsWith("figures/", c.Rule, StringComparison.Ordinal));
    }
}
