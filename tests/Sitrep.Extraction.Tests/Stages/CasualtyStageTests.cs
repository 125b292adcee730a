using Sitrep.Core;

namespace Sitrep.Extraction.Tests.Stages;

public class CasualtyStageTests
{
    private static string Tolls(string text) => string.Join(' ', Annotate.Layer<CasualtyMention>(text, Layers.Casualties)
        .Select(c => $"{c.Kind.ToContract()}:{c.Value}{(c.IsRevision ? "r" : "")}{(c.IsSuperseded ? "s" : "")}").Order(StringComparer.Ordinal));

    [Theory]
    [InlineData("A woman was killed by shrapnel in the village, the governor said.", "killed:1")]
    [InlineData("Three people were injured and one man died in hospital.", "injured:3 killed:1")]
    [InlineData("The strike killed at least 12 people and injured 40 others.", "injured:40 killed:12")]
    [InlineData("The governor reported \"two minor injuries\".", "injured:2")]
    [InlineData("No casualties were reported.", "injured:0 killed:0")]
    [InlineData("There were no immediate reports of fatalities.", "killed:0")]
    [InlineData("No one was hurt, officials said.", "injured:0 killed:0")]
    [InlineData("Nobody was harmed in the strike.", "injured:0 killed:0")]
    [InlineData("No one was injured, officials said.", "injured:0")]
    [InlineData("The drone fell on a garage, injuring no one.", "injured:0")]
    [InlineData("The shelling killed nobody, the mayor said.", "killed:0")]
    [InlineData("Debris hit a yard but harmed no one.", "injured:0 killed:0")]
    [InlineData("No residents were hurt.", "injured:0 killed:0")]
    [InlineData("No one was killed or injured in the village.", "injured:0 killed:0")]
    [InlineData("The death toll from the strike on the city rose to 21 on Friday.", "killed:21r")]
    [InlineData("Debris fell on a house, injuring a 60-year-old man.", "injured:1")]
    [InlineData("Glide bombs killed one person and injured another six.", "injured:6 killed:1")]
    [InlineData("Nine people, including two children, were killed.", "killed:9")]
    [InlineData("Two women, aged 61 and 38, were wounded.", "injured:2")]
    [InlineData("Earlier reports said four people had been injured.", "injured:4s")]
    [InlineData("The number of injured has increased to 17.", "injured:17r")]
    [InlineData("The attack claimed the lives of five people.", "killed:5")]
    [InlineData("Two people were killed and another was injured.", "injured:1 killed:2")]
    [InlineData("Nine adults and three children were killed in the strike.", "killed:12")]
    [InlineData("Officials reported the deaths of a total of six people.", "killed:6")]
    [InlineData("A 9-year-old was killed in the village.", "killed:1")]
    // The plural of any word for one person stands between a number and its toll.
    [InlineData("Two teachers were injured in the strike.", "injured:2")]
    [InlineData("Five miners were killed when the shaft was hit.", "killed:5")]
    [InlineData("Two fishermen were wounded.", "injured:2")]
    public void Killed_and_injured(string text, string expected) => Assert.Equal(expected, Tolls(text));

    [Theory]
    [InlineData("teacher", "teachers")]
    [InlineData("fisherman", "fishermen")]
    [InlineData("baby", "babies")]
    [InlineData("wife", "wives")]
    [InlineData("child", "children")]
    [InlineData("boy", "boys")]
    [InlineData("courier", "couriers")]
    public void A_persons_plural(string word, string plural) => Assert.Equal(plural, Sitrep.Extraction.Stages.Casualties.CasualtyStage.EnglishPlural(word));

    [Theory]
    [InlineData("Nine adults and three children were killed in the strike.", "N-and-M-people-killed")]
    [InlineData("Officials reported the deaths of a total of six people.", "deaths-of-N")]
    [InlineData("Three people were injured in the attack.", "N-people-injured")]
    [InlineData("Another victim has died in the hospital.", "another-person-died")]
    public void Each_toll_names_the_rule_that_read_it(string text, string rule) =>
        Assert.Equal(rule, Assert.Single(Annotate.Layer<CasualtyMention>(text, Layers.Casualties)).Rule);

    [Theory]
    [InlineData("The drone hit a depot and killed a night watchman. Another man was wounded.", "injured:1 killed:1")]
    [InlineData("A shell struck the farm, with one worker injured.", "injured:1")]
    [InlineData("Shelling hit a bakery, with one employee killed and two others hurt.", "injured:2 killed:1")]
    [InlineData("The missile killed one person and injured another.", "injured:1 killed:1")]
    [InlineData("A bomb wounded a paramedic on the road.", "injured:1")]
    [InlineData("A drone hit a car, injuring a 60-year-old driver. He later died in hospital.", "injured:1 killed:1")]
    [InlineData("The strike wounded a firefighter. She has since died of her wounds.", "injured:1 killed:1")]
    public void Victims_told_one_at_a_time(string text, string expected) => Assert.Equal(expected, Tolls(text));

    [Theory]
    [InlineData("He later died in hospital, his family said.")]
    [InlineData("Three people were injured in the blast. He died a hero, his commander said.")]
    [InlineData("The strike killed a guard. He died at the scene.")]
    public void A_pronoun_death_needs_one_victim_told_before(string text) => Assert.DoesNotContain(Annotate.Layer<CasualtyMention>(text, Layers.Casualties), c => c.Rule == "pronoun-later-died");

    [Fact]
    public void A_follow_up_death_adds_one_to_the_toll()
    {
        var ev = Assert.Single(Annotate.Extract("A Russian missile hit a shop in Kharkiv on Monday, killing a woman and injuring a man, the governor said. He later died in hospital.").Events);
        Assert.Equal(2, ev.Killed?.Value);
    }

    /// <summary>Follow-ups that add to the toll told before: one of the injured died (one more killed, one less injured, as for "he later died"), more were hurt.</summary>
    [Theory]
    [InlineData("A Russian drone hit a market in Kharkiv on Monday, injuring seven people. One of the injured later died in hospital, the governor said.", 1, 6)]
    [InlineData("Уночі дрон влучив у житловий будинок у Харкові, поранено сімох людей. Згодом у лікарні помер один із поранених.", 1, 6)]
    [InlineData("Ночью беспилотник атаковал Белгород, ранены семь человек. Позже в больнице скончался один из раненых.", 1, 6)]
    [InlineData("A drone hit a market in Kharkiv on Monday, injuring seven people. Three more people were later reported injured.", null, 10)]
    [InlineData("Уночі дрон влучив у будинок у Харкові, поранено сімох людей. Згодом стало відомо, що постраждали ще троє.", null, 10)]
    [InlineData("Ночью беспилотник атаковал Белгород, ранены семь человек. Еще трое получили ранения.", null, 10)]
    // "more" with no toll of its kind before it adds to nothing
    [InlineData("A missile killed two people in Kharkiv on Monday, and three more were injured.", 2, 3)]
    [InlineData("Уночі ракета влучила в Харків, загинули двоє людей, ще троє дістали поранення.", 2, 3)]
    // a total told first, then its parts: "another two" adds to the part told just before, not to the total
    [InlineData("Russian strikes on Kharkiv killed at least four people on Monday. A missile hit a hotel, killing two people. Another two people died when a drone hit a shop.", 4, null)]
    public void A_follow_up_adds_to_the_toll_told_before(string text, int? killed, int? injured)
    {
        var ev = Assert.Single(Annotate.Extract(text).Events);
        Assert.Equal((killed, injured), (ev.Killed?.Value, ev.Injured?.Value));
    }

    [Theory]
    [InlineData("One of the injured later died in hospital.", "one-of-injured-died")]
    [InlineData("Згодом помер один з поранених.", "one-of-injured-died")]
    [InlineData("В больнице скончался один из раненых.", "one-of-injured-died")]
    public void One_of_the_injured_died_names_its_rule(string text, string rule) =>
        Assert.Equal(rule, Assert.Single(Annotate.Layer<CasualtyMention>(text, Layers.Casualties), c => c.Kind == FigureKind.Killed).Rule);

    [Theory]
    [InlineData("There was no information on any damage or casualties.")]
    [InlineData("The statement made no mention of casualties.")]
    [InlineData("The ministry gave no comment on injuries or deaths.")]
    [InlineData("У заяві міністерства не згадується про загиблих.")]
    [InlineData("В сообщении ведомства ничего не говорится о пострадавших.")]
    [InlineData("Losses are estimated at 300,000 soldiers killed or wounded.")]
    [InlineData("Hundreds of people were injured.")]
    public void Nothing_when_no_count_or_a_war_total(string text) => Assert.Equal("", Tolls(text));
}
