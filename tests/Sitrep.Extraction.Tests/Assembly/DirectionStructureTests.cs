using Sitrep.Core;
using Sitrep.Extraction.Assembly;
using Sitrep.Geo;

namespace Sitrep.Extraction.Tests.Assembly;

/// <summary>
/// Who attacked, read by structure: one side's authorities claiming the other side's strike, occupied towns, the side
/// of a target, launch areas and reference points, and undated recalls of past attacks. Sentences written for these
/// tests, over a small gazetteer of their own (occupied towns flagged as the compiled gazetteer flags them).
/// </summary>
public class DirectionStructureTests
{
    private static GazetteerEntry Town(string id, string name, string country, string admin1, int pop, bool occupied = false) =>
        new(id, name, PlaceFeature.PopulatedPlace, country, admin1, 49.0, 36.0, pop, occupied);

    private static GazetteerEntry Region(string id, string name, string country) => new(id, name, PlaceFeature.Admin1, country, name, 52.0, 34.0, 1_000_000);

    private static readonly Gazetteer Places = Build();

    private static Gazetteer Build()
    {
        var kupiansk = Town("gn:703656", "Kupiansk", "UA", "Kharkiv Oblast", 27_000);
        var izium = Town("gn:707292", "Izium", "UA", "Kharkiv Oblast", 45_000);
        var lysychansk = Town("gn:702972", "Lysychansk", "UA", "Luhansk Oblast", 100_000, occupied: true);
        var sievierodonetsk = Town("gn:691999", "Sievierodonetsk", "UA", "Luhansk Oblast", 100_000, occupied: true);
        var melitopol = Town("gn:701404", "Melitopol", "UA", "Zaporizhzhia Oblast", 150_000, occupied: true);
        var dnipro = Town("gn:709930", "Dnipro", "UA", "Dnipropetrovsk Oblast", 980_000);
        var kremenchuk = Town("gn:704147", "Kremenchuk", "UA", "Poltava Oblast", 220_000);
        var kharkiv = Town("gn:706483", "Kharkiv", "UA", "Kharkiv Oblast", 1_400_000);
        var sumy = Town("gn:692194", "Sumy", "UA", "Sumy Oblast", 260_000);
        var sumyRegion = Region("admin1:UA.21", "Sumy Oblast", "UA");
        var belgorod = Town("gn:578072", "Belgorod", "RU", "Belgorod Oblast", 390_000);
        var bryanskRegion = Region("admin1:RU.10", "Bryansk Oblast", "RU");
        var kurskRegion = Region("admin1:RU.41", "Kursk Oblast", "RU");
        var kursk = Town("gn:538560", "Kursk", "RU", "Kursk Oblast", 440_000);
        var ukraine = new GazetteerEntry("country:UA", "Ukraine", PlaceFeature.Country, "UA", null, 49.0, 32.0, 40_000_000);
        return Gazetteer.FromEntries(
        [
            ("kupiansk", kupiansk), ("izium", izium), ("ізюм", izium), ("ізюму", izium), ("изюм", izium), ("изюму", izium),
            ("lysychansk", lysychansk), ("лисичанськ", lysychansk), ("лисичанську", lysychansk), ("лисичанску", lysychansk),
            ("sievierodonetsk", sievierodonetsk), ("сєвєродонецька", sievierodonetsk), ("северодонецка", sievierodonetsk),
            ("melitopol", melitopol), ("мелітополю", melitopol), ("мелитополю", melitopol),
            ("dnipro", dnipro), ("дніпро", dnipro), ("дніпрі", dnipro), ("днепр", dnipro), ("днепру", dnipro), ("днепре", dnipro),
            ("kremenchuk", kremenchuk), ("kharkiv", kharkiv), ("харків", kharkiv), ("харьков", kharkiv), ("sumy", sumy), ("сумщині", sumyRegion),
            ("belgorod", belgorod), ("bryansk region", bryanskRegion), ("bryansk", bryanskRegion), ("kursk region", kurskRegion), ("kursk", kursk),
            ("курської області", kurskRegion), ("ukraine", ukraine),
        ]);
    }

    private static readonly ExtractionPipeline Pipeline = ExtractionPipeline.CreateDefault(Places);
    private static readonly EventAssembler Assembler = new(Places);

    private static Document Doc(string text) => Pipeline.Annotate(new Article("t", text, Published: new DateOnly(2026, 3, 10)));

    private static Sitrep.Core.Extraction Extract(string text) => Pipeline.Extract(new Article("t", text, Published: new DateOnly(2026, 3, 10)));

    /// <summary>The first attack unit's side and the rule that gave it, as "UA other-side-claims".</summary>
    private static string SideRead(string text)
    {
        var (_, side, rule) = Assembler.ReadSides(Doc(text))[0];
        return $"{side?.ToContract() ?? "none"} {rule ?? "none"}";
    }

    [Theory]
    // One side's authorities claim the other side's strike: the side they name attacked, wherever the place is.
    [InlineData("Russian authorities claimed the Ukrainian strike on Kupiansk killed 5 people overnight.", "UA other-side-claims")]
    [InlineData("Russian officials said a Ukrainian drone attack on Kupiansk injured three people on Sunday.", "UA other-side-claims")]
    [InlineData("Russian-installed officials said a Ukrainian rocket attack on Kupiansk killed two women.", "UA other-side-claims")]
    [InlineData("Російська влада заявила про удар ЗСУ по Ізюму, внаслідок якого загинули двоє людей.", "UA other-side-claims")]
    [InlineData("Власти России обвинили ВСУ в ударе по Изюму, в результате которого погибли два человека.", "UA other-side-claims")]
    // A Ukrainian strike on an occupied town: the place and the cue agree.
    [InlineData("Russian authorities claimed the Ukrainian strike on Lysychansk killed 5 people overnight.", "UA places")]
    [InlineData("Ukrainian forces struck Melitopol with rockets overnight, injuring four.", "UA places")]
    // A side the text names is not overruled by an occupied town (the front moved over it).
    [InlineData("A Russian artillery attack on Sievierodonetsk killed four people on Monday.", "RU occupied-yields")]
    [InlineData("Російський артилерійський обстріл Сєвєродонецька вбив чотирьох людей.", "RU occupied-yields")]
    [InlineData("Российский артиллерийский обстрел Северодонецка убил четырех человек.", "RU occupied-yields")]
    // A side named as the subject of an attack verb is the attacker, whatever a place of the sentence says.
    [InlineData("Russia attacked Ukraine with 30 drones overnight, some of them flying over Bryansk first.", "RU subject-attacks")]
    [InlineData("Russia launched 30 drones at Ukraine overnight, and one of them crashed in Bryansk.", "RU subject-attacks")]
    // A claim about a strike on the claimant's enemy's own target: the place decides, the target's side is no attacker.
    [InlineData("Russia's defence ministry said it had struck a Ukrainian military depot in Kremenchuk with two missiles.", "RU places")]
    [InlineData("Russia's defence ministry said the missile strike on Dnipro targeted a Ukrainian armed forces' centre.", "RU places")]
    // Ukraine's air force tells Russia's strike: a place named as the launch area does not turn it round.
    [InlineData("Russia launched 40 drones at Ukraine overnight from the Bryansk region and Kursk, the air force said.", "RU other-side-claims")]
    // Without a claimant of the other side, the places still decide over a stray cue.
    [InlineData("Ukrainian drones were seen over Kharkiv as a missile hit the city, killing two.", "RU places")]
    public void A_units_attacker_comes_from_its_structure(string text, string expected) => Assert.Equal(expected, SideRead(text));

    [Theory]
    [InlineData("Russian authorities claimed the Ukrainian strike on Lysychansk killed 5 people overnight.", "UA", "UA", 5)]
    [InlineData("Russian authorities claimed the Ukrainian strike on Kupiansk killed 5 people overnight.", "UA", null, 5)]
    [InlineData("Російська влада заявила про удар ЗСУ по Лисичанську, внаслідок якого загинули двоє людей.", "UA", "UA", 2)]
    [InlineData("Власти России обвинили ВСУ в ударе по Лисичанску, в результате которого погибли два человека.", "UA", "UA", 2)]
    public void One_sides_claim_of_the_other_sides_strike_is_one_event_by_the_side_named(string text, string attacker, string? target, int killed)
    {
        var e = Assert.Single(Extract(text).Events);
        Assert.Equal(attacker, e.Attacker.ToContract());
        if (target is not null)
        {
            Assert.Equal(target, e.TargetCountry.ToContract());
        }

        Assert.Equal(killed, e.Killed!.Value);
    }

    /// <summary>A report of Russia's strike on a Ukrainian city, with a paragraph of Russia's claim to have hit military targets there.</summary>
    [Theory]
    [InlineData("""
        A Russian missile strike on Dnipro killed four people and injured 19 overnight, the regional governor said. A missile hit a residential block in the city centre.

        The Russian defence ministry claimed its forces had struck a Ukrainian military depot in Dnipro and destroyed Ukrainian military targets there.
        """)]
    [InlineData("""
        A Russian missile strike on Dnipro killed four people and injured 19 overnight, the regional governor said.

        Russian officials claimed the strike targeted a Ukrainian army headquarters in Dnipro and killed 85 Ukrainian soldiers.
        """)]
    [InlineData("""
        Російська ракетна атака на Дніпро вночі вбила чотирьох людей, ще 19 поранені, повідомив голова ОВА.

        Міноборони Росії заявило, що його війська завдали удару по складу ЗСУ у Дніпрі.
        """)]
    [InlineData("""
        Российский ракетный удар по Днепру ночью убил четырех человек, еще 19 ранены, сообщил глава ОВА.

        Минобороны России заявило, что нанесло удар по складу ВСУ в Днепре.
        """)]
    public void The_attackers_claim_to_have_hit_military_targets_stays_one_event(string text)
    {
        var e = Assert.Single(Extract(text).Events);
        Assert.Equal((Side.Russia, Country.Ukraine), (e.Attacker, e.TargetCountry));
        Assert.Equal(4, e.Killed!.Value);
    }

    /// <summary>Launch areas, reference points, a Russian place named as a comparison, and "the enemy" of a Ukrainian outlet.</summary>
    [Theory]
    [InlineData("Russia launched 30 drones from the Bryansk region at Sumy overnight, injuring two people.", "RU")]
    [InlineData("Russia launched 40 drones at Ukraine overnight from the Bryansk region and Kursk, the air force said.", "RU")]
    [InlineData("Ворог запустив 30 дронів з території Курської області по Сумщині, поранено двох людей.", "RU")]
    [InlineData("A Russian drone hit a house in Sumy, about 60 km from Belgorod, killing one person.", "RU")]
    [InlineData("Russian drones struck Kharkiv overnight, injuring five. Like Belgorod, the city lies close to the border.", "RU")]
    [InlineData("Вночі ворог атакував Харків ударними БпЛА, поранено трьох людей.", "RU")]
    [InlineData("Ночью враг атаковал Харьков ударными беспилотниками, ранены три человека.", "RU")]
    [InlineData("Ukrainian drones attacked an oil depot near Belgorod overnight, the governor said. The town is 80 km from Kharkiv.", "UA")]
    public void Launch_areas_reference_points_and_comparisons_never_turn_the_attacker(string text, string attacker)
    {
        var e = Assert.Single(Extract(text).Events);
        Assert.Equal(attacker, e.Attacker.ToContract());
    }

    /// <summary>
    /// "противник" is Russia in Ukrainian text, where only Ukraine's side writes it, with no place to vote; in Russian text
    /// either side says it of the other, so it names no side; "ворожі дрони" is Russia's too.
    /// </summary>
    [Theory]
    [InlineData("Уночі противник атакував 40 ударними БпЛА, збито 31.", "RU")]
    [InlineData("Противник випустив по Україні дві ракети, повідомили Повітряні сили.", "RU")]
    [InlineData("Сили ППО знищили 20 ворожих дронів уночі.", "RU")]
    [InlineData("Ночью противник атаковал 40 беспилотниками, сбито 31.", "unknown")]
    public void The_adversary_of_a_ukrainian_text_is_russia(string text, string attacker)
    {
        var e = Assert.Single(Extract(text).Events);
        Assert.Equal(attacker, e.Attacker.ToContract());
    }

    /// <summary>A dated or timed mention that is not the attack makes no event of its own and adds nothing to the attack.</summary>
    [Theory]
    [InlineData("A Russian drone hit a school in Sumy overnight, injuring two. It was the first such attack since March 2.", null, 2)]
    [InlineData("Russian missiles struck Dnipro overnight, killing three. Authorities called for an evacuation two days ago.", 3, null)]
    [InlineData("A Russian missile hit an apartment block in Dnipro overnight, killing two. A year ago, a strike on the same building killed 46 people.", 2, null)]
    [InlineData("A Russian missile hit an apartment block in Dnipro overnight, killing two. Two years ago, Russian missiles killed 46 people in the same district.", 2, null)]
    [InlineData("Вночі російська ракета влучила в будинок у Дніпрі, загинули двоє. Рік тому удар по цьому ж будинку вбив 46 людей.", 2, null)]
    [InlineData("Ночью российская ракета попала в дом в Днепре, погибли два человека. Год назад удар по этому же дому убил 46 человек.", 2, null)]
    public void A_mention_that_is_not_an_attack_makes_no_event(string text, int? killed, int? injured)
    {
        var e = Assert.Single(Extract(text).Events);
        Assert.Equal(Side.Russia, e.Attacker);
        Assert.Equal(killed, e.Killed?.Value);
        Assert.Equal(injured, e.Injured?.Value);
    }

    [Theory]
    [InlineData("Російська влада заявила про удар ЗСУ по Ізюму.", "ЗСУ", "UA", "attack-of-side")]
    [InlineData("После атаки ВСУ на Изюм власти сообщили о пострадавших.", "ВСУ", "UA", "attack-of-side")]
    [InlineData("Внаслідок обстрілу Росії загинули двоє людей.", "Росії", "RU", "attack-of-side")]
    [InlineData("Officials counted the damage after a strike by Ukraine on the port.", "Ukraine", "UA", "attack-by-side")]
    [InlineData("Residents sheltered during attacks by Russia on the city.", "Russia", "RU", "attack-by-side")]
    public void An_attack_nouns_side_is_its_attacker(string text, string word, string side, string rule)
    {
        var doc = Doc(text);
        var a = Assert.Single(doc.Layer<ActorMention>(Layers.Actors), a => a.IsAttacker && doc.Slice(a.Span) == word);
        Assert.Equal((side, rule), (a.Side.ToContract(), a.Rule));
    }

    [Theory]
    [InlineData("The ministry said it had struck a Ukrainian military depot overnight.", "Ukrainian", "side-owns-target")]
    [InlineData("Drones hit Russian military targets in the region overnight.", "Russian", "side-owns-target")]
    [InlineData("The strike targeted a Ukrainian armed forces' centre, Moscow said.", "Ukrainian", "side-is-target")]
    [InlineData("A Ukrainian drone attack on a depot caused a fire.", "Ukrainian", "attacker")]
    [InlineData("Russian forces struck the depot overnight.", "Russian", "attacker")]
    public void The_side_of_a_target_is_not_the_attacker(string text, string word, string rule)
    {
        var doc = Doc(text);
        var cue = Assert.Single(doc.Layer<ActorMention>(Layers.Actors), a => a.IsAttacker && doc.Slice(a.Span).StartsWith(word, StringComparison.Ordinal));
        Assert.Equal(rule, EventAssembler.NotAttackerRule(doc, cue, doc.Layer<WeaponMention>(Layers.Weapons)) ?? "attacker");
    }
}
