using Sitrep.Core;

namespace Sitrep.Extraction.Tests.Stages;

/// <summary>How a report's later figures revise its tolls: corrections, totals of both kinds, victims who died of their injuries, scope.</summary>
public class CasualtyRevisionTests
{
    private static (int? Killed, int? Injured) Toll(string text)
    {
        var ev = Assert.Single(Annotate.Extract(text).Events, e => e.Kind == EventKind.Strike);
        return (ev.Killed?.Value, ev.Injured?.Value);
    }

    /// <summary>A correcting verb makes the later figure the toll even when it is smaller; the corrected claim stays, superseded.</summary>
    [Theory]
    [InlineData("Fourteen people died in a Russian missile strike on Kharkiv on Tuesday, officials said. The governor later specified that ten had died.", 10, null)]
    [InlineData("Twelve people were injured in a Russian drone attack on Odesa overnight, the mayor said. The governor later corrected the figure, saying eight people were injured.", null, 8)]
    [InlineData("A Russian missile hit Kharkiv on Tuesday, killing nine people. Police later clarified that six people had been killed.", 6, null)]
    [InlineData("A Russian missile hit Kharkiv on Tuesday, killing nine people. The death toll was later revised to seven.", 7, null)]
    [InlineData("A Russian missile hit Kharkiv on Tuesday, killing nine people. Officials later updated the death toll to eight.", 8, null)]
    [InlineData("A Russian missile hit Kharkiv on Tuesday, killing five people. The governor later clarified that seven people had died.", 7, null)]
    [InlineData("Уночі російський дрон атакував Харків, загинули 13 людей. Пізніше мер уточнив, що загинули 9 людей.", 9, null)]
    [InlineData("Уночі російська ракета влучила в Харків, поранено 20 людей. Згодом у поліції уточнили, що поранені 16 людей.", null, 16)]
    [InlineData("Ночью беспилотник атаковал Брянск, погибли 8 человек. Позже губернатор уточнил, что погибли 6 человек.", 6, null)]
    [InlineData("Ночью беспилотник атаковал Брянск, ранены 11 человек. Позже в минздраве уточнили, что ранены 9 человек.", null, 9)]
    public void A_correction_supersedes_the_toll_it_corrects(string text, int? killed, int? injured)
    {
        Assert.Equal((killed, injured), Toll(text));
        var ev = Assert.Single(Annotate.Extract(text).Events);
        var kind = killed is null ? FigureKind.Injured : FigureKind.Killed;
        Assert.Contains(ev.Casualties, c => c.Kind == kind && c.Role == ClaimRole.Superseded && c.Value != (killed ?? injured));
    }

    /// <summary>Without a correcting word a smaller later figure is another scope and the toll stays the larger.</summary>
    [Theory]
    [InlineData("Fourteen people died in Russian strikes on Kharkiv on Tuesday, officials said. In one district ten people died.", 14)]
    [InlineData("A Russian missile hit Kharkiv on Tuesday, killing nine people. Six people were killed in a shopping centre.", 9)]
    [InlineData("Уночі російський дрон атакував Харків, загинули 13 людей. У одному з районів загинули 9 людей.", 13)]
    public void A_smaller_figure_without_a_correction_stays_as_it_was(string text, int killed)
    {
        var ev = Assert.Single(Annotate.Extract(text).Events, e => e.Kind == EventKind.Strike && e.Killed is not null && e.Killed.Value == killed);
        Assert.Equal(killed, ev.Killed!.Value);
    }

    [Theory]
    [InlineData("The governor later specified that ten had died.", "killed:10c")]
    [InlineData("Пізніше мер уточнив, що загинули 9 людей.", "killed:9c")]
    [InlineData("Позже губернатор уточнил, что погибли 6 человек.", "killed:6c")]
    [InlineData("Earlier, the governor specified that ten had died.", "killed:10s")]
    [InlineData("The governor said ten people had died.", "killed:10")]
    public void A_correcting_verb_marks_the_figures_after_it(string text, string expected) =>
        Assert.Equal(expected, string.Join(' ', Annotate.Layer<CasualtyMention>(text, Layers.Casualties)
            .Select(c => $"{c.Kind.ToContract()}:{c.Value}{(c.IsCorrection ? "c" : "")}{(c.IsSuperseded ? "s" : "")}")));

    /// <summary>
    /// A total of the killed and the injured ("casualties rose to 9") is not the injured figure where the report names
    /// both; with only injured told it is the injured figure.
    /// </summary>
    [Theory]
    [InlineData("A Russian drone attack on Odesa overnight killed two people and injured five, the governor said. Later casualties rose to 9.", 2, 5)]
    [InlineData("A Russian drone attack on Odesa overnight killed two people and injured five. The number of casualties has risen to 9.", 2, 5)]
    [InlineData("Ночью беспилотники атаковали Брянск, погибли двое, ранены пятеро. Позже число пострадавших возросло до 9.", 2, 5)]
    [InlineData("Уночі дрони атакували Харків, загинули двоє людей, поранені п'ятеро. Згодом кількість постраждалих зросла до 9.", 2, 5)]
    [InlineData("A Russian drone attack on Odesa overnight injured five people. The number of casualties rose to 9.", null, 9)]
    [InlineData("Ночью беспилотники атаковали Брянск, пострадали пятеро. Позже число пострадавших возросло до 9.", null, 9)]
    public void A_total_of_both_kinds_is_not_the_injured_figure(string text, int? killed, int? injured) => Assert.Equal((killed, injured), Toll(text));

    [Theory]
    [InlineData("Later casualties rose to 9.", "total-rose-to")]
    [InlineData("The casualty toll rose to 9.", "total-rose-to")]
    [InlineData("Позже число пострадавших возросло до 9.", "кількість-постраждалих-зросла-до")]
    [InlineData("Кількість поранених зросла до 11.", "кількість-зросла-до")]
    public void A_total_names_its_rule(string text, string rule) =>
        Assert.Equal(rule, Assert.Single(Annotate.Layer<CasualtyMention>(text, Layers.Casualties)).Rule);

    /// <summary>Victims told one at a time, and the injured victim who later died: one more killed, one less injured.</summary>
    [Theory]
    [InlineData("A Russian drone struck a depot in Kharkiv overnight and killed a night watchman. Another man was wounded.", 1, 1)]
    [InlineData("Russian shelling hit a farm near Kharkiv on Tuesday, with one worker injured, the governor said.", null, 1)]
    [InlineData("A Russian missile strike on Odesa on Tuesday killed one person and injured another.", 1, 1)]
    [InlineData("A Russian drone hit a car in Kharkiv on Tuesday, injuring a man, the governor said. He later died in hospital.", 1, 0)]
    [InlineData("A Russian drone hit a car in Kharkiv on Tuesday, killing a woman and injuring a man. He later died in hospital.", 2, 0)]
    [InlineData("A Russian drone hit a market in Kharkiv on Monday, injuring seven people. One of the injured later died in hospital.", 1, 6)]
    [InlineData("Уночі дрон влучив у будинок у Харкові, поранено сімох людей. Згодом у лікарні помер один із поранених.", 1, 6)]
    [InlineData("Ночью беспилотник атаковал Белгород, ранены семь человек. Позже в больнице скончался один из раненых.", 1, 6)]
    // a death not said to be an injured victim's leaves the injured as they were
    [InlineData("A Russian drone hit a market in Kharkiv on Monday, injuring seven people. Another person died in hospital.", 1, 7)]
    [InlineData("A Russian drone hit a car in Kharkiv on Tuesday, injuring a man. He died a hero, his commander said.", null, 1)]
    public void Victims_one_at_a_time(string text, int? killed, int? injured) => Assert.Equal((killed, injured), Toll(text));

    [Fact]
    public void The_injured_claim_before_the_death_stays_superseded()
    {
        var ev = Assert.Single(Annotate.Extract("A Russian drone hit a market in Kharkiv on Monday, injuring seven people. One of the injured later died in hospital.").Events);
        Assert.Contains(ev.Casualties, c => c.Kind == FigureKind.Injured && c.Value == 7 && c.Role == ClaimRole.Superseded);
        Assert.Contains(ev.Casualties, c => c.Kind == FigureKind.Injured && c.Value == 6 && c.IsCurrent && c.Rule == "casualties/one-of-injured-died-less-injured");
    }

    /// <summary>Scope: a region's zero, silence and a period total do not give the night's attack a toll.</summary>
    [Theory]
    [InlineData("Overnight Russian drones attacked Ukraine. In Odesa, three people were killed, the governor said. There were no casualties in the Poltava region, officials said.", 3)]
    [InlineData("Russian drones attacked Kharkiv overnight, damaging a school, the mayor said. He made no mention of casualties.", null)]
    [InlineData("Russian drones attacked Odesa overnight, damaging a port. The statement gave no details on casualties.", null)]
    public void A_scoped_zero_or_silence_is_no_toll_of_the_event(string text, int? killed)
    {
        var ev = Assert.Single(Annotate.Extract(text).Events, e => e.Kind == EventKind.Strike);
        Assert.Equal(killed, ev.Killed?.Value);
        Assert.DoesNotContain(ev.Casualties, c => c.Value == 0 && c.IsCurrent && killed is not null);
    }

    [Theory]
    [InlineData("A Russian drone attack on Kharkiv overnight injured two people, the governor said. Over the past day the district was shelled 40 times, killing three.")]
    [InlineData("A Russian drone attack on Odesa overnight injured two people. Over the past week Russian shelling killed 12 people in the region.")]
    public void A_period_total_is_not_the_nights_toll(string text)
    {
        var x = Annotate.Extract(text);
        var night = Assert.Single(x.Events, e => e.Kind == EventKind.Strike && e.Injured is not null);
        Assert.Equal((null, 2), (night.Killed?.Value, night.Injured?.Value));
    }
}
