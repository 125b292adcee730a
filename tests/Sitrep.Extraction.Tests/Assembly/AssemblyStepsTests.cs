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

    /// <summary>Each attack or aggregate unit as "rule@event", in text order.</summary>
    private static string Placed(string text) =>
        string.Join(' ', Explain(text).Where(u => u.Role is SentenceRole.Attack or SentenceRole.Aggregate).Select(u => (u.Grouping ?? u.Reading) + "@" + u.Event));

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
    [InlineData("Throughout the war, Russia has fired 900 missiles at Kharkiv.", "Aggregate", "period")]
    // A large number is the war's toll, unless it counts the attack's consequences.
    [InlineData("The war has cost Russia 315,000 soldiers wounded or killed in Kharkiv.", "NotAttack", "generic")]
    [InlineData("Drones damaged a substation in Kharkiv, leaving 30,000 households without power.", "Attack", "attack")]
    [InlineData("A missile hit a power plant in Kharkiv, leaving 40,000 people without electricity.", "Attack", "attack")]
    // One day or night told whole is that attack, not a period's total.
    [InlineData("Russian troops shelled Nikopol throughout the day, injuring a 45-year-old man.", "Attack", "attack")]
    [InlineData("Drones attacked Kharkiv throughout the night, injuring three people.", "Attack", "attack")]
    // A sentence that takes part of the count told before goes on with that attack, with no weapon or verb of its own.
    [InlineData("Of them, 20 over Kharkiv and 9 over Odesa.", "Attack", "attack")]
    [InlineData("Из них 20 — над Харьковом.", "Attack", "attack")]
    [InlineData("Of the guests, two were from Kharkiv.", "NotAttack", "no-attack")]
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
    [InlineData("Russian missiles struck Odesa on Monday, injuring three people. Russia also fired two missiles at Mykolaiv during the same attack.",
        "lead-date@0 paragraph@0")]
    [InlineData("Russian missiles struck Kharkiv on Monday, killing two people. Russian forces also used artillery against Odesa during the attack.",
        "lead-date@0 paragraph@0")]
    [InlineData("A Russian missile struck Odesa overnight, injuring three, the governor said. Russia also fired two missiles at Mykolaiv during the attack, officials said.",
        "lead-date@0 paragraph@0")]
    [InlineData("Російські ракети влучили в Одесу в понеділок, поранено трьох. Під час цієї атаки ворог також випустив дві ракети по Миколаєву.",
        "lead-date@0 paragraph@0")]
    [InlineData("Российские ракеты ударили по Одессе в понедельник, ранены трое. В ходе этой атаки противник также выпустил два дрона по Николаеву.",
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
        => Assert.Equal(expected, Placed(text));

    /// <summary>
    /// A paragraph that recalls an earlier attack with its own date, counts or places is an event of its own; one that
    /// recaps the report's own attack, or counts what the lead counted, is not.
    /// </summary>
    [Theory]
    // recall-dated: an undated lead with counts of its own, then a dated paragraph counting the same kinds otherwise
    [InlineData("Air defences are repelling a drone attack on Sevastopol.\n\nFour drones have been shot down over the city, the governor said.\n\nOn November 10, the governor said 20 drones were shot down over Sevastopol and a man was killed.\n\nA woman was also injured.",
        "lead@0 lead@0 recall-dated@1 after-recall@1")]
    [InlineData("ВСУ атакуют Севастополь\n\nНад Севастополем сбиты пять воздушных целей, сообщил губернатор.\n\n10 ноября губернатор сообщал, что над Севастополем было сбито 20 беспилотников.\n\nТакже ранен мужчина.",
        "lead@0 lead@0 recall-dated@1 after-recall@1")]
    [InlineData("Над Одесою тривають атаки дронів\n\nСили ППО збили п'ять дронів над Одесою, повідомив голова ОВА.\n\n12 листопада над Одесою було збито 20 дронів, загинув чоловік.",
        "lead@0 lead@0 recall-dated@1")]
    // the same count again, or counts only in the headline: the lead's own date
    [InlineData("Drones attack Sevastopol\n\nAir defences shot down 20 drones over the city, the governor said.\n\nOn November 10, 20 drones were shot down over Sevastopol, he said.",
        "lead@0 lead@0 lead-date@0")]
    [InlineData("Air defences down five drones over Sevastopol\n\nOn November 12, air defences shot down 20 drones over Sevastopol, the governor said.",
        "lead@0 lead-date@0")]
    // recall-elsewhere: a recap of another day's attack on a region that day's event does not name
    [InlineData("Російські війська вночі атакували Україну дронами, сили ППО знищили 9 дронів.\n\nКрім того, увечері 13 листопада знищено дві ракети над Харківською областю.\n\nНагадаємо, вчора вночі, 13 листопада, у Києві пролунали вибухи.",
        "lead-date@0 other-day@1 recall-elsewhere@2")]
    [InlineData("Russia attacked Ukraine with 30 drones overnight, the air force said.\n\nOn Wednesday evening, two missiles hit the port of Odesa.\n\nAs a reminder, explosions rang out in Kyiv on Wednesday morning.",
        "lead-date@0 other-day@1 recall-elsewhere@2")]
    // a recap of that day's own attack, or of the report's own
    [InlineData("Russia attacked Ukraine with 30 drones overnight, the air force said.\n\nOn Wednesday evening, two missiles hit the port of Odesa.\n\nAs a reminder, on Wednesday evening a missile hit a warehouse in Odesa.",
        "lead-date@0 other-day@1 other-day@1")]
    [InlineData("Russia attacked Kharkiv with drones overnight, injuring two people.\n\nWe will remind you that overnight Russia launched 40 drones at Kharkiv.",
        "lead-date@0 same-day@0")]
    // paragraph-dates-event: a dated sentence in the paragraph of an earlier attack dates it
    [InlineData("A drone hit a house in Kharkiv on Thursday, injuring two people.\n\nEarlier, the air force said 40 drones were shot down over Odesa. According to the air force, the attack came on the night of November 13.",
        "lead-date@0 lead>earlier-elsewhere@1 paragraph-dates-event@1")]
    [InlineData("Беспилотник атаковал Глушково, ранен мужчина.\n\nРанее в Минобороны заявили, что в Брянской области сбиты 40 беспилотников. По данным ведомства, атака шла в ночь на 13 ноября.",
        "lead@0 lead>earlier-elsewhere@1 paragraph-dates-event@1")]
    public void Group_tells_a_recalled_attack_apart(string text, string expected)
        => Assert.Equal(expected, Placed(text));

    /// <summary>A local strike's count and a larger count that night over many regions or the country: two scopes, two events.</summary>
    [Theory]
    [InlineData("Air defences shot down two drones over Kursk overnight, the governor said. The defence ministry said air defences destroyed 45 Ukrainian drones over several regions overnight.",
        "lead-date@0 same-day>other-scope@1")]
    [InlineData("Air defences shot down two drones over Kursk overnight, the governor said. The defence ministry said 30 drones were destroyed over the Kursk region and Moscow overnight.",
        "lead-date@0 same-day>other-scope@1")]
    [InlineData("Air defences shot down two drones over Kursk overnight, the governor said. The defence ministry said 30 drones were destroyed over Russia overnight.",
        "lead-date@0 same-day>other-scope@1")]
    [InlineData("Силы ПВО сбили два беспилотника над Курском, сообщил губернатор. Всего, по данным Минобороны, за ночь силы ПВО уничтожили 32 украинских беспилотника над регионами России.",
        "lead@0 paragraph>other-scope@1")]
    [InlineData("Сили ППО збили два дрони над Одесою, повідомив голова ОВА. Повітряні сили повідомили, що вночі над регіонами України знищено 40 дронів.",
        "lead@0 lead-date>other-scope@1")]
    // a headline giving the wide count goes with it
    [InlineData("Russia says it downed 45 drones\nAir defences shot down two drones over Kursk overnight, the governor said. The defence ministry said air defences destroyed 45 Ukrainian drones over several regions overnight.",
        "lead>other-scope@1 lead-date@0 same-day>other-scope@1")]
    // the same count, or a larger one over the same region: one scope
    [InlineData("Air defences shot down 12 drones over Kursk overnight, the governor said. The defence ministry said 12 drones were destroyed over several regions overnight.",
        "lead-date@0 same-day@0")]
    [InlineData("Air defences shot down two drones over Kursk overnight. In all, 12 drones were destroyed over the Kursk region, the governor said.",
        "lead-date@0 paragraph@0")]
    // a wide count itemised by region, one item the local count's region (a city and its namesake region are one): the same attack
    [InlineData("Authorities said 50 drones were shot down near Moscow overnight. The defence ministry said 200 drones were destroyed over several regions overnight, including 60 over the Moscow region and 80 over the Kursk region.",
        "lead-date@0 same-day@0")]
    [InlineData("Мэр сообщил, что ночью на подлете к Москве сбиты 50 беспилотников. В Минобороны заявили, что за ночь над регионами России уничтожены 200 беспилотников, в том числе 60 над Московской областью.",
        "lead-date@0 paragraph@0")]
    public void Group_tells_a_local_strike_from_a_count_over_many_regions(string text, string expected)
        => Assert.Equal(expected, Placed(text));

    [Fact]
    public void A_recalled_attack_keeps_its_own_date_counts_and_toll()
    {
        var x = Annotate.Extract("Air defences are repelling a drone attack on Sevastopol.\n\nFour drones have been shot down over the city, the governor said.\n\n"
                                 + "On November 10, the governor said 20 drones were shot down over Sevastopol and a man was killed.\n\nA woman was also injured.");
        Assert.Equal(2, x.Events.Length);
        var (now, then) = (x.Events[0], x.Events[1]);
        Assert.Equal(4, now.Weapons.Single().Current(FigureKind.Destroyed)!.Value);
        Assert.Null(now.Killed);
        Assert.Null(now.Injured);
        Assert.Equal(new DateOnly(2024, 11, 10), then.Date.Date);
        Assert.Equal(20, then.Weapons.Single().Current(FigureKind.Destroyed)!.Value);
        Assert.Equal((1, 1), (then.Killed!.Value, then.Injured!.Value));
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
