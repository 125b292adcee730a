using Sitrep.Core;

namespace Sitrep.Extraction.Tests.Stages;

public class FigureStageTests
{
    private static string Figures(string text) => string.Join(' ', Annotate.Layer<FigureMention>(text, Layers.Figures)
        .Select(f => $"{f.Kind.ToContract()}:{f.Weapon.Category.Family().ToContract()}:{(f.Qualifier.IsCount() ? f.Value : "vague")}").Order(StringComparer.Ordinal));

    [Theory]
    [InlineData("Russia launched 31 drones and 2 missiles overnight; air defences destroyed 28 drones and both missiles.",
        "destroyed:drone:28 destroyed:missile:2 launched:drone:31 launched:missile:2")]
    [InlineData("Nationwide, 45 missiles out of 60 were intercepted, the commander said.", "destroyed:missile:45 launched:missile:60")]
    [InlineData("The air force said it downed 17 of 20 Shahed drones.", "destroyed:drone:17 launched:drone:20")]
    [InlineData("Air defences shot down 30 rockets and 150 drones out of 160 attack drones and 40 missiles fired by Russia.",
        "destroyed:drone:150 destroyed:missile:30 launched:drone:160 launched:missile:40")]
    [InlineData("A total of 25 Shahed-136/131 attack UAVs were launched, and the air force destroyed 19 of the unmanned aerial vehicles.",
        "destroyed:drone:19 launched:drone:25")]
    [InlineData("Russia fired 70 drones, of which 61 were destroyed and 7 were lost to electronic warfare.",
        "destroyed:drone:61 launched:drone:70 suppressed:drone:7")]
    [InlineData("Russia launched 90 drones, about 50 of which were Shaheds, and 80 were shot down.", "destroyed:drone:80 launched:drone:90")]
    [InlineData("Kyiv came under a barrage of eight ballistic and cruise missiles and 40 drones.", "launched:drone:40 launched:missile:8")]
    [InlineData("Officials said Russia used more than 150 drones and missiles in the attack.", "launched:other:150")]
    [InlineData("The defence ministry said it had shot down 12 Ukrainian drones over the Kursk region, including 5 over the city.", "destroyed:drone:12")]
    [InlineData("A Russian S-300 missile hit the school.", "launched:missile:1")]
    [InlineData("Ukraine said it had downed a Kinzhal missile over Kyiv.", "destroyed:missile:1")]
    [InlineData("Overnight, Russia struck the Sumy region and Poltava with 64 drones, the air force said.", "launched:drone:64")]
    [InlineData("Russia fired 90 attack drones, three Kh-59 guided missiles and a Kinzhal missile at Ukraine.",
        "launched:drone:90 launched:missile:1 launched:missile:3")]
    [InlineData("The Kinzhal missile was intercepted over the capital.", "destroyed:missile:1")]
    [InlineData("The missile hit a warehouse.", "")]
    [InlineData("Russia sent 90 drones; 70 were shot down and 20 were \"locationally lost\".", "destroyed:drone:70 launched:drone:90 suppressed:drone:20")]
    [InlineData("Russia sent 90 drones; 70 were shot down and 20 more disappeared from radars.", "destroyed:drone:70 launched:drone:90 suppressed:drone:20")]
    [InlineData("Ворог запустив 50 дронів, 30 збито, ще 15 зникли з радарів.", "destroyed:drone:30 launched:drone:50 suppressed:drone:15")]
    [InlineData("Russia sent 90 drones; 70 were shot down and 12 others vanished from radar screens.", "destroyed:drone:70 launched:drone:90 suppressed:drone:12")]
    [InlineData("The ministry said it had destroyed 25 of the 31 drones launched.", "destroyed:drone:25 launched:drone:31")]
    [InlineData("Six drones were used and all were shot down.", "destroyed:drone:6 launched:drone:6")]
    [InlineData("The defence forces were able to down 40: 30 Shahed UAVs and 10 missiles.", "destroyed:drone:30 destroyed:missile:10")]
    [InlineData("The ministry reported the interception of 120 Ukrainian drones over eight regions.", "destroyed:drone:120")]
    [InlineData("Air defence systems shot down 14 fixed-wing drones over the region overnight.", "destroyed:drone:14")]
    [InlineData("The barrage included 60 air, ground, and sea-launched missiles as well as 90 Shaheds.", "launched:drone:90 launched:missile:60")]
    [InlineData("Ukraine shot down 30 Kh-101/Kh-555 cruise missiles and two Kh-59/Kh-69 missiles, as well as 41 Shahed-type drones.",
        "destroyed:drone:41 destroyed:missile:2 destroyed:missile:30")]
    [InlineData("In total, Russia launched 70 projectiles, including 8 missiles and 62 attack drones.", "launched:drone:62 launched:missile:8")]
    [InlineData("The attack affected 12 of the 24 Ukrainian regions, officials said, after Russia fired drones.", "")]
    public void Launched_destroyed_and_suppressed_counts(string text, string expected) => Assert.Equal(expected, Figures(text));

    [Theory]
    [InlineData("The ministry reported the interception of 120 Ukrainian drones over eight regions.", "N-weapon-verb")]
    [InlineData("Shot down 30 cruise missiles and two Kh-59 missiles, as well as 41 Shahed-type drones.", "N-weapon-verb")]
    [InlineData("Ukraine downed 17 of 20 Shahed drones.", "N-out-of-M")]
    public void Each_count_names_the_rule_that_read_it(string text, string rule) =>
        Assert.All(Annotate.Layer<FigureMention>(text, Layers.Figures), f => Assert.Equal(rule, f.Rule));

    private static string Rules(string text) => string.Join(' ', Annotate.Layer<FigureMention>(text, Layers.Figures)
        .Select(f => $"{f.Kind.ToContract()}:{f.Value}:{f.Rule}").Order(StringComparer.Ordinal));

    [Theory]
    // Quantifiers
    [InlineData("Overnight the air force shot down all 17 drones sent towards Kyiv.", "destroyed:drone:17 launched:drone:17")]
    [InlineData("The enemy launched nine Shahed drones and three Iskander-M missiles. All of them were intercepted.",
        "destroyed:drone:9 destroyed:missile:3 launched:drone:9 launched:missile:3")]
    // Coordination sharing one predicate
    [InlineData("Russia sent eleven Shahed drones and two Kh-101 missiles, which were intercepted over the capital.",
        "destroyed:drone:11 destroyed:missile:2 launched:drone:11 launched:missile:2")]
    [InlineData("The enemy fired 6 Kh-101 from strategic bombers, 3 Kalibr from ships and two Iskander-M from the ground. All of them were shot down.",
        "destroyed:missile:2 destroyed:missile:3 destroyed:missile:6 launched:missile:2 launched:missile:3 launched:missile:6")]
    // Ellipsis across conjuncts: an itemised breakdown is summed
    [InlineData("Air defence units destroyed 14 drones over the Belgorod region and 6 over the Kursk region.", "destroyed:drone:20")]
    [InlineData("Air defence units destroyed 14 drones over the Belgorod region, 6 over the Kursk region and 3 over Crimea.", "destroyed:drone:23")]
    // Ellipsis across days: each item its own day, not summed
    [InlineData("Air defence units downed 11 drones on Saturday and 7 on Sunday, the ministry said.", "destroyed:drone:11 destroyed:drone:7")]
    [InlineData("Russia launched 20 drones on Monday and 15 on Tuesday.", "launched:drone:15 launched:drone:20")]
    [InlineData("Russia launched 20 drones on Monday and Tuesday, and 15 were shot down.", "destroyed:drone:15 launched:drone:20")]
    // Partitives
    [InlineData("Air defence shot down one of the four drones.", "destroyed:drone:1 launched:drone:4")]
    [InlineData("Of seven Kalibr missiles, air defence shot down three.", "destroyed:missile:3 launched:missile:7")]
    [InlineData("Ukraine intercepted 25 of more than 30 missiles.", "destroyed:missile:25 launched:missile:30")]
    // Totals against their breakdowns
    [InlineData("All eight drones were shot down: five Shaheds and three of an unknown type.", "destroyed:drone:8 launched:drone:8")]
    // (the items are read as parts, rule breakdown-item: the assembler keeps the total as the family's figure)
    [InlineData("Russia fired 33 missiles, among them 20 Kh-101, 9 Iskander-M and 4 Kinzhal.", "launched:missile:20 launched:missile:33 launched:missile:4 launched:missile:9")]
    // Negation, modality, agent and patient
    [InlineData("Air defence was unable to intercept the Kh-22 missiles.", "destroyed:missile:0")]
    [InlineData("Analysts say Russia could launch up to 1,500 drones a night by spring.", "")]
    [InlineData("A missile destroyed the roof of a kindergarten.", "launched:missile:1")]
    // Vague quantities
    [InlineData("Dozens of drones were shot down over the region.", "destroyed:drone:vague")]
    [InlineData("Russia sent several missiles and 12 drones at the city.", "launched:drone:12 launched:missile:vague")]
    // What the structural rules must leave alone
    [InlineData("Air defence destroyed 41 drones: 20 over the Bryansk region and 21 over the Kursk region.", "destroyed:drone:41")]
    [InlineData("Russia launched 30 drones at Kyiv and 12 missiles at Odesa.", "launched:drone:30 launched:missile:12")]
    [InlineData("Moscow plans to fire 500 missiles at the grid this winter, the report said.", "")]
    [InlineData("Two drones were shot down over the Kursk region; drones destroyed the roof of a depot.", "destroyed:drone:2")]
    public void Counts_by_structure(string text, string expected) => Assert.Equal(expected, Figures(text));

    [Theory]
    [InlineData("Overnight the air force shot down all 17 drones sent towards Kyiv.", "destroyed:17:N-weapon-verb launched:17:all-N")]
    [InlineData("Air defence units destroyed 14 drones over the Belgorod region and 6 over the Kursk region.", "destroyed:20:sum-of-items")]
    [InlineData("Air defence units downed 11 drones on Saturday and 7 on Sunday.", "destroyed:11:N-weapon-verb destroyed:7:elided-day")]
    [InlineData("Of seven Kalibr missiles, air defence shot down three.", "destroyed:3:verb-then-N launched:7:partitive-total")]
    [InlineData("The enemy launched nine Shahed drones. All of them were intercepted.", "destroyed:9:all-were-verb launched:9:N-weapon-verb")]
    [InlineData("Air defence was unable to intercept the Kh-22 missiles.", "destroyed:0:negated-destroy")]
    [InlineData("A missile destroyed the roof of a kindergarten.", "launched:1:weapon-as-agent")]
    [InlineData("Two drones destroyed a warehouse near the port.", "launched:2:weapon-as-agent")]
    [InlineData("Debris from a downed drone broke windows of a clinic.", "destroyed:1:a-downed-weapon")]
    public void Structural_rules_name_themselves(string text, string expected) => Assert.Equal(expected, Rules(text));

    [Theory]
    [InlineData("Air defences were active over the region.")]
    [InlineData("A drone attack damaged two houses.")]
    [InlineData("The missile attack left 3 people injured.")]
    public void No_figure_where_nothing_is_counted(string text) => Assert.Equal("", Figures(text));
}
