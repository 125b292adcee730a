using System.Collections.Immutable;
using Sitrep.Core;
using Sitrep.Extraction.Assembly;
using Sitrep.Extraction.Tests.Stages;

namespace Sitrep.Extraction.Tests.Assembly;

/// <summary>
/// The steps of event assembly, each on its own: segment, classify, group (which rule placed each unit), build,
/// back-fill. Every report here is written for the test.
/// </summary>
public class AssemblyStepsTests
{
    private static readonly EventAssembler Assembler = new(Annotate.Places);

    private static IReadOnlyList<UnitDecision> Explain(string text) => Assembler.Explain(Annotate.Doc(text));

    [Theory]
    [InlineData("A drone hit a house in Kharkiv on Monday, injuring two people.", "A drone hit")]
    [InlineData("Two people were killed by shelling in the Kursk region, while three people were injured by a drone in Bryansk.", "Two people were|three people were")]
    [InlineData("A man died when a missile struck a home in Kharkiv, and a boy was killed in a separate incident in Odesa.", "A man died|and a boy")]
    [InlineData("The toll of the strike on November 10 rose to 12, and that of the attack on November 12 to four.", "The toll of|on November 12")]
    [InlineData("The air force said it downed 16 drones on Sunday night and 10 on Monday night.", "The air force|and 10 on")]
    [InlineData("Russia fired 25 drones on Tuesday and 4 missiles on Wednesday.", "Russia fired 25|and 4 missiles")]
    [InlineData("The strike on November 10 on Kharkiv killed three people.", "The strike on")]
    [InlineData("Russia launched 12 drones at Kharkiv on Friday, and on Saturday it launched 9 drones at Odesa.", "Russia launched 12|and on Saturday")]
    [InlineData("Russia launched 30 drones at Kharkiv on Friday and Saturday, the air force said.", "Russia launched 30")]
    public void Segment_cuts_a_sentence_that_tells_two_attacks(string text, string starts)
    {
        var doc = Annotate.Doc(text);
        var counts = doc.Layer<FigureMention>(Layers.Figures).Select(m => m.Span.Start).Concat(doc.Layer<CasualtyMention>(Layers.Casualties).Select(m => m.Span.Start)).ToList();
        var units = EventAssembler.Segment(doc, doc.Layer<SentenceMention>(Layers.Sentences), doc.Layer<DateMention>(Layers.Dates), counts).ToList();
        Assert.Equal(starts.Split('|'), units.Select(u => string.Join(' ', doc.Text[u.Span.Start..u.Span.End].Split(' ').Take(3))));
    }

    [Theory]
    [InlineData("A drone hit a house in Kharkiv on Monday, injuring two people.", "Attack", "attack")]
    [InlineData("The weather in Odesa was mild and dry on Monday.", "NotAttack", "no-attack")]
    [InlineData("Moscow threatened to strike Kyiv again.", "NotAttack", "hypothetical")]
    [InlineData("Russia has repeatedly targeted the power grid of Kharkiv.", "NotAttack", "generic")]
    [InlineData("Photo: firefighters at a house hit by a drone in Kharkiv.", "Caption", "caption")]
    [InlineData("Since the start of the war, 120 civilians have been killed in Kharkiv.", "Aggregate", "period")]
    [InlineData("In March, Russia launched 400 drones at Kharkiv.", "Aggregate", "month-total")]
    public void Classify_reads_each_units_role(string text, string role, string rule)
    {
        var u = Assert.Single(Explain(text));
        Assert.Equal((role, rule), (u.Role.ToString(), u.Reading));
    }

    /// <summary>Reports of several sentences: the rules that placed each unit, and which units share an event.</summary>
    [Theory]
    [InlineData("A drone hit a house in Kharkiv on Monday, injuring two people. Debris damaged a school nearby.",
        "lead-date@0 paragraph@0")]
    [InlineData("A drone hit a house in Kharkiv on Monday, injuring two people.\n\nOn Wednesday, a missile struck Odesa, killing three people.",
        "lead-date@0 other-day@1")]
    [InlineData("A drone hit a house in Kharkiv on Monday, injuring two people.\n\nSeparately, a drone injured a man in Odesa.",
        "lead-date@0 separate@1")]
    [InlineData("Russian drones hit Kharkiv on Monday, injuring two people. Ukrainian drones struck an oil depot in Kursk, injuring a guard.",
        "lead-date@0 paragraph>other-side@1")]
    [InlineData("Russian missiles struck Kharkiv on Monday, killing two people. Russian forces also used artillery against Odesa, injuring a man.",
        "lead-date@0 paragraph>other-weapons@1")]
    [InlineData("Russian missiles struck Kharkiv on Monday, killing two people. Russia also fired two drones at Kharkiv during the attack.",
        "lead-date@0 paragraph@0")]
    [InlineData("A drone hit a house in Kharkiv on Monday, injuring two people. Since the start of the war, 120 civilians have been killed in the city.",
        "lead-date@0 period@1")]
    [InlineData("Силы ПВО уничтожили 12 беспилотников над Курской областью. Кроме того, ВСУ атаковали Брянскую область ракетами.",
        "lead@0 paragraph>other-weapons@1")]
    [InlineData("Ukrainian drones hit an oil depot in the Kursk region on Monday. Special forces also struck a plant in Vladimir.",
        "lead-date@0 paragraph>also-elsewhere@1")]
    [InlineData("Russian missiles struck Kharkiv on Monday, killing two people. Also, eight missiles hit Odesa.",
        "lead-date@0 paragraph@0")]
    [InlineData("A drone hit a house in Kharkiv on Monday, injuring two people.\n\nBefore that, air defences shot down 40 drones, the ministry said.",
        "lead-date@0 lead>earlier-elsewhere@1")]
    [InlineData("A missile hit Kharkiv on Monday, injuring two people.\n\nEarlier, air defence warned of a missile flying towards Kharkiv.",
        "lead-date@0 lead@0")]
    [InlineData("Беспилотник атаковал Глушково, ранен мужчина.\n\nДо этого в ночь на 12 ноября над Брянской областью были уничтожены девять беспилотников.",
        "lead@0 other-day@1")]
    [InlineData("Russian drones struck the port of Odesa on Monday, injuring four people, Governor Oleh Kiper said.\n\nOn Tuesday, a missile hit a warehouse in Kharkiv, killing two workers, Mayor Ihor Terekhov said.\n\nAccording to him, three more people were injured in the strike.",
        "lead-date@0 other-day@1 refers-back@1")]
    [InlineData("Russia launched 12 drones at Kharkiv on Friday, and on Saturday it launched 9 drones at Odesa.",
        "lead-date@0 other-day@1")]
    public void Group_places_each_unit_by_a_named_rule(string text, string expected)
    {
        var placed = Explain(text).Where(u => u.Role is SentenceRole.Attack or SentenceRole.Aggregate)
            .Select(u => (u.Grouping ?? u.Reading) + "@" + u.Event);
        Assert.Equal(expected, string.Join(' ', placed));
    }

    [Fact]
    public void Group_drops_a_passing_mention_of_the_other_sides_attacks()
    {
        var units = Explain("Ukrainian drones hit an oil depot in Kursk on Monday, injuring a guard. Kyiv called the strike a reply to attacks on the Kharkiv region.");
        Assert.Equal(("paragraph>other-side", -1), (units[1].Grouping, units[1].Event));
    }

    [Fact]
    public void Group_rules_are_one_ordered_table_of_unique_names_ending_with_the_lead()
    {
        var names = EventAssembler.GroupingRuleNames;
        Assert.Equal(names.Count, names.Distinct().Count());
        Assert.Equal("lead", names[names.ToList().IndexOf("shares-places") - 1]);
    }

    [Fact]
    public void Build_makes_one_event_of_the_units_given_whatever_their_grouping()
    {
        const string text = "On Monday, a missile hit Kharkiv, killing two people.\n\nOn Wednesday, drones struck Odesa, injuring five people.\n\nRescuers said a third person died in Kharkiv.";
        var doc = Annotate.Doc(text);
        var ev = Assembler.BuildUnits(doc, [0, 2]);
        Assert.NotNull(ev);
        Assert.Equal(["Kharkiv"], ev.Places.Select(p => p.Text));
        Assert.Equal(WeaponCategory.Missile, Assert.Single(ev.Weapons).Weapon.Category);
        Assert.Null(ev.Injured);
        Assert.Equal(Side.Russia, ev.Attacker);
        Assert.Null(Assembler.BuildUnits(Annotate.Doc("The weather was mild."), [0]));
    }

    private static ExtractedEvent Event(Side attacker, EventKind kind = EventKind.Strike) =>
        new() { Attacker = attacker, Kind = kind, TargetCountry = attacker switch { Side.Russia => Country.Ukraine, Side.Ukraine => Country.Russia, _ => Country.Other } };

    /// <summary>Each row: the events' attackers (R, U, ? unknown, a for an aggregate), their sentences, which are told in passing; the attackers after back-fill.</summary>
    [Theory]
    [InlineData("R ?", "0 0", "- -", "R R")] // one sentence tells both: the sibling's attacker
    [InlineData("U ? R", "0 0 1", "- - -", "U U R")] // the sibling's attacker, though the report has two sides
    [InlineData("U ? R", "0 1 2", "- - -", "U ? R")] // no sibling, two sides: stays unknown
    [InlineData("R ? R", "0 1 2", "- - -", "R R R")] // the report's one side
    [InlineData("R a?", "0 1", "- -", "R ?")] // an aggregate takes no side from the report
    [InlineData("R ?", "0 0", "- p", "R R")] // told in passing: not the sibling's, but still the report's one side
    [InlineData("? ?", "0 0", "- -", "? ?")]
    public void BackFill_gives_an_event_with_no_attacker_its_siblings_then_the_reports(string attackers, string sentences, string passing, string expected)
    {
        static Side SideOf(string a) => a.TrimStart('a') switch { "R" => Side.Russia, "U" => Side.Ukraine, _ => Side.Unknown };
        var a = attackers.Split(' ');
        var s = sentences.Split(' ');
        var p = passing.Split(' ');
        var built = a.Select((x, k) => new BuiltEvent(Event(SideOf(x), x.StartsWith('a') ? EventKind.Aggregate : EventKind.Strike), [int.Parse(s[k], System.Globalization.CultureInfo.InvariantCulture)], p[k] == "p")).ToList();
        var filled = EventAssembler.BackFill(built);
        Assert.Equal(expected.Split(' ').Select(SideOf), filled.Select(e => e.Attacker));
        Assert.All(filled.Where(e => e.Attacker != Side.Unknown && e.Kind == EventKind.Strike), e => Assert.NotEqual(e.Attacker, e.TargetCountry.SideOf()));
    }
}
