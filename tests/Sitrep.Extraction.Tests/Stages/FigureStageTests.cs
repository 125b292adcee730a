using Sitrep.Core;

namespace Sitrep.Extraction.Tests.Stages;

public class FigureStageTests
{
    private static string Figures(string text) => string.Join(' ', Annotate.Layer<FigureMention>(text, Layers.Figures)
        .Select(f => $"{f.Kind.ToContract()}:{f.Weapon.Category.Family().ToContract()}:{f.Value}").Order(StringComparer.Ordinal));

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
    [InlineData("The ministry said it had destroyed 25 of the 31 drones launched.", "destroyed:drone:25 launched:drone:31")]
    [InlineData("Six drones were used and all were shot down.", "destroyed:drone:6 launched:drone:6")]
    [InlineData("The defence forces were able to down 40: 30 Shahed UAVs and 10 missiles.", "destroyed:drone:30 destroyed:missile:10")]
    [InlineData("The ministry reported the interception of 120 Ukrainian drones over eight regions.", "destroyed:drone:120")]
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

    [Theory]
    [InlineData("Air defences were active over the region.")]
    [InlineData("A drone attack damaged two houses.")]
    [InlineData("The missile attack left 3 people injured.")]
    public void No_figure_where_nothing_is_counted(string text) => Assert.Equal("", Figures(text));
}
