using Sitrep.Core;
using Sitrep.Extraction.Assembly;
using Sitrep.Extraction.Tests.Stages;

namespace Sitrep.Extraction.Tests.Assembly;

/// <summary>
/// Issue #12: the grouping rules roundup-elsewhere, local-after-wide and defender-claims, each with rows that must
/// fire (in wordings, orders and languages of their own) and rows that must not. Every report here is written for the test.
/// </summary>
public class RoundupSegmentationTests
{
    private static readonly EventAssembler Assembler = new(Annotate.Places);

    /// <summary>Each attack or aggregate unit as "rule@event", in text order.</summary>
    private static string Placed(string text) =>
        string.Join(' ', Assembler.Explain(Annotate.Doc(text)).Where(u => u.Role is SentenceRole.Attack or SentenceRole.Aggregate).Select(u => (u.Grouping ?? u.Reading) + "@" + u.Event));

    /// <summary>Rule roundup-elsewhere: a roundup's turn to another region with other weapons is another event.</summary>
    [Theory]
    [InlineData("Russian drones hit Kharkiv on Monday, injuring two people.\n\nElsewhere, Russian artillery shelled Odesa, killing a man.",
        "lead-date@0 lead>roundup-elsewhere@1")]
    [InlineData("Russian drones hit Kharkiv on Monday, injuring two people. Meanwhile, in the Odesa region, a guided bomb struck a warehouse in Odesa and three people were hurt.",
        "lead-date@0 paragraph>roundup-elsewhere@1")]
    [InlineData("Russian drones hit Kharkiv on Monday, injuring two people.\n\nAnd meanwhile Russian artillery struck Odesa, wounding four residents.",
        "lead-date@0 lead>roundup-elsewhere@1")]
    [InlineData("Беспилотники атаковали Курскую область, ранены два человека.\n\nТем временем ВСУ обстреляли Брянск из артиллерии, погиб мужчина.",
        "lead@0 lead>roundup-elsewhere@1")]
    [InlineData("Дрони атакували Харківську область, поранено двох людей.\n\nТим часом російська армія обстріляла з артилерії Одесу, загинула жінка.",
        "lead@0 lead>roundup-elsewhere@1")]
    [InlineData("Дрони атакували Харківську область, поранено двох людей.\n\nОкремо російські війська обстріляли з артилерії Одесу, поранено чоловіка.",
        "lead@0 lead>roundup-elsewhere@1")]
    public void A_roundups_turn_to_other_places_and_weapons_is_another_attack(string text, string expected)
        => Assert.Equal(expected, Placed(text));

    /// <summary>Rule roundup-other-town: a roundup's turn to another town of the same region with other weapons is another event.</summary>
    [Theory]
    [InlineData("Russian drones hit Kharkiv on Monday, injuring two people.\n\nIn addition, during the day Russian artillery shelled Lozova, killing a man.",
        "lead-date@0 lead>roundup-other-town@1")]
    [InlineData("Дрони атакували Харків, поранено двох людей.\n\nКрім того, вдень російська армія обстріляла з артилерії Лозову, загинув чоловік.",
        "lead@0 lead>roundup-other-town@1")]
    public void A_roundups_turn_to_another_town_and_weapons_is_another_attack(string text, string expected)
        => Assert.Equal(expected, Placed(text));

    /// <summary>Rule roundup-other-town must not fire: the same weapons, no roundup opening, the same town, or a region named.</summary>
    [Theory]
    [InlineData("Russian drones hit Kharkiv on Monday, injuring two people.\n\nIn addition, drones struck Lozova, injuring a woman.")]
    [InlineData("Russian drones hit Kharkiv on Monday, injuring two people.\n\nRussian artillery shelled Lozova, killing a man.")]
    [InlineData("Russian drones hit Kharkiv on Monday, injuring two people.\n\nIn addition, Russian artillery shelled Kharkiv, killing a man.")]
    [InlineData("Russian drones hit Kharkiv on Monday, injuring two people.\n\nIn addition, in the Kharkiv region, artillery shelled Lozova, killing a man.")]
    public void A_roundup_turn_to_the_same_weapons_or_town_is_no_other_town(string text)
        => Assert.DoesNotContain("roundup-other-town", Placed(text), StringComparison.Ordinal);

    /// <summary>Rule roundup-elsewhere must not fire: the same weapons (a wave told region by region), the same region, no weapon named, or within the attack.</summary>
    [Theory]
    [InlineData("Russian drones hit Kharkiv on Monday, injuring two people.\n\nMeanwhile, drones also struck Odesa, injuring a woman.")]
    [InlineData("Russian drones hit Kharkiv on Monday, injuring two people.\n\nElsewhere in the Kharkiv region, artillery shelled Kupiansk, injuring a man.")]
    [InlineData("Russian drones hit Kharkiv on Monday, injuring two people.\n\nMeanwhile, in Odesa, three people were injured.")]
    [InlineData("Russian missiles struck Odesa on Monday, injuring three people.\n\nMeanwhile, Russia fired two drones at Mykolaiv during the same attack.")]
    public void A_roundup_turn_to_the_same_weapons_or_region_is_no_other_attack(string text)
        => Assert.DoesNotContain("roundup-elsewhere", Placed(text), StringComparison.Ordinal);

    [Theory]
    [InlineData("Elsewhere, Russian artillery shelled Nikopol.", true)]
    [InlineData("But elsewhere, Russian artillery shelled Nikopol.", true)]
    [InlineData("Кроме того, ВСУ обстреляли Шебекино.", true)]
    [InlineData("Крім того, ворог обстріляв Нікополь.", true)]
    [InlineData("Тим часом ворог обстріляв Нікополь.", true)]
    [InlineData("Artillery shelled Nikopol elsewhere in the region.", false)]
    [InlineData("Russian artillery meanwhile shelled Nikopol.", false)]
    [InlineData("Кроме этого, ВСУ обстреляли Шебекино.", false)]
    public void Rule_roundup_opening_reads_the_first_words(string text, bool opens)
    {
        var doc = Annotate.Doc(text);
        var s = doc.Layer<SentenceMention>(Layers.Sentences)[0];
        Assert.Equal(opens, EventAssembler.OpensRoundup(doc, s));
    }

    /// <summary>Rule local-after-wide must not fire on these (its firing case is scored by the constructions corpus, segment.scope-split).</summary>
    [Theory]
    // must not fire: a count as large as the tally's, a tally that itemises its regions, a wave told in several sentences
    [InlineData("The defence ministry said air defences destroyed 40 Ukrainian drones over the Kursk, Oryol and Bryansk regions overnight.\n\nIn Glushkovo, the governor said, 40 drones were shot down.",
        "lead-date@0 lead@0")]
    [InlineData("The defence ministry said air defences destroyed 40 Ukrainian drones over several regions overnight, including 12 over the Bryansk region.\n\nIn Glushkovo, the governor said, three drones were shot down.",
        "lead-date@0 lead@0")]
    [InlineData("Russia launched 16 drones at Kharkiv, Odesa and Kyiv overnight, the air force said. The attack went on until morning, and air defences across the country destroyed most of them.\n\nIn Lozova, two drones were shot down, the governor said.",
        "lead-date@0 paragraph@0 lead@0")]
    public void A_regions_count_after_a_wide_tally_told_alone_is_another_scope(string text, string expected)
        => Assert.Equal(expected, Placed(text));

    /// <summary>Rule defender-claims: the only side that speaks brings the weapons down, so the other side attacked.</summary>
    [Theory]
    [InlineData("The Ukrainian air force said 14 Kh-101 and 6 Kalibr had been launched overnight. Air defence downed them all.", Side.Russia)]
    [InlineData("Повітряні сили ЗСУ повідомили, що вночі було випущено 12 ракет Х-101. Усі їх збито.", Side.Russia)]
    [InlineData("The Russian defence ministry said 25 drones had been launched overnight; all were intercepted.", Side.Ukraine)]
    // must not fire: no defence told
    [InlineData("The Ukrainian air force said 14 Kh-101 had been launched overnight.", Side.Unknown)]
    // the verb's object is the other side's: the side that speaks struck it
    [InlineData("Ukraine's navy said it had destroyed a Russian landing ship with sea drones.", Side.Ukraine)]
    [InlineData("The Russian defence ministry said it had destroyed a Ukrainian patrol boat with a drone.", Side.Russia)]
    public void The_side_that_defends_is_the_side_attacked(string text, Side attacker)
    {
        var e = Assert.Single(Annotate.Extract(text).Events);
        Assert.Equal(attacker, e.Attacker);
    }
}
