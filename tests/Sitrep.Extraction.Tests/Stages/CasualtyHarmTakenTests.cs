using Sitrep.Core;

namespace Sitrep.Extraction.Tests.Stages;

/// <summary>
/// Victims told by the harm they took or by who they were (issue 12, casualties one at a time): "a man suffered a concussion",
/// "lost his life", "N people lost their lives", "killing the driver", "his wife was hospitalised". Each row: the casualty stage's
/// tolls with the rule that read each (<c>kind:value:rule</c>).
/// </summary>
public class CasualtyHarmTakenTests
{
    private static string Tolls(string text) => string.Join(' ', Annotate.Layer<CasualtyMention>(text, Layers.Casualties)
        .Select(c => $"{c.Kind.ToContract()}:{c.Value}:{c.Rule}").Order(StringComparer.Ordinal));

    [Theory]
    [InlineData("A 64-year-old man suffered a concussion, the mayor said.", "injured:1:a-person-suffered-harm")]
    [InlineData("A woman received shrapnel wounds when the drone fell.", "injured:1:a-person-received-harm")]
    [InlineData("A firefighter sustained serious burns and a neighbour was hurt.", "injured:1:a-person-hurt injured:1:a-person-sustained-harm")]
    [InlineData("A 40-year-old man lost his life in the strike, officials said.", "killed:1:a-person-lost-harm")]
    // Harm that is no injury, and a life not lost, count nothing.
    [InlineData("A man suffered heavy losses when his shop burned.", "")]
    [InlineData("A woman whose life was saved by the shelter spoke to reporters.", "")]
    public void One_person_who_took_harm_is_one_casualty(string text, string expected) => Assert.Equal(expected, Tolls(text));

    [Theory]
    [InlineData("Four civilians lost their lives and nine sustained injuries.", "injured:9:N-people-injuries killed:4:N-people-lost")]
    [InlineData("Two soldiers lost their lives at the checkpoint.", "killed:2:N-people-lost")]
    [InlineData("Dozens of families lost their homes.", "")]
    public void People_who_lost_their_lives_were_killed(string text, string expected) => Assert.Equal(expected, Tolls(text));

    [Theory]
    [InlineData("A drone hit a car near the town, killing the driver.", "killed:1:kw-the-person")]
    [InlineData("The shell struck the house, injuring his wife.", "injured:1:kw-the-person")]
    [InlineData("A drone hit the car, injuring his passenger.", "injured:1:kw-the-person")]
    [InlineData("The shell struck the house, injuring the wife.", "")]
    // "among" a toll: the subject is part of the count after it, which is the whole toll.
    [InlineData("Two children were among four people injured after a drone struck a playground.", "injured:4:N-people-injured")]
    [InlineData("Two children were among the 12 people killed in the strike.", "killed:12:N-people-killed")]
    // A count after a possessive: "wounding its two occupants".
    [InlineData("A drone dropped explosives on a car, wounding its two occupants.", "injured:2:wounding-N")]
    [InlineData("A missile hit the house, killing their three children.", "killed:3:killing-N")]
    // People joined on after the first: each is one more.
    [InlineData("Shelling wounded a 62-year-old woman and a 70-year-old man.", "injured:2:kw-persons")]
    [InlineData("A drone strike killed a man and his son.", "killed:2:kw-persons")]
    [InlineData("The attack injured a woman, a teenager and a 70-year-old man.", "injured:3:kw-persons")]
    [InlineData("A missile hit the port, injuring a woman and damaging a house.", "injured:1:kw-a-person")]
    [InlineData("A man was killed and his wife was hospitalised.", "injured:1:a-person-hospitalised killed:1:a-person-killed")]
    // "the" with a victim counted before refers back: no new toll.
    [InlineData("A woman was killed; the woman had just left the shop.", "killed:1:a-person-killed")]
    [InlineData("The strike damaged his car, his brother said.", "")]
    // One victim wounded who later died is one killed, added to a killed toll told before when the victim is a new one.
    [InlineData("A drone hit a car, killing the driver. His passenger was badly wounded and later died in hospital.", "killed:1:a-person-wounded-later-died killed:1:kw-the-person")]
    [InlineData("A woman was seriously injured and subsequently died, the governor said.", "killed:1:a-person-wounded-later-died")]
    [InlineData("A man was injured and died at the scene after a drone hit his car.", "killed:1:a-person-wounded-later-died")]
    // Ukrainian and Russian: a person who received wounds is one injured; one who received them and died, one killed.
    [InlineData("Дрон влучив в автомобіль. Чоловік отримав поранення.", "injured:1:person-received-harm")]
    [InlineData("Дрон попал в автомобиль. Женщина получила ранения.", "injured:1:person-received-harm")]
    [InlineData("Дрон влучив в автомобіль. Чоловік отримав поранення і помер на місці.", "killed:1:person-received-harm-died")]
    [InlineData("Дрон попал в автомобиль. Мужчина получил ранения и скончался в больнице.", "killed:1:person-received-harm-died")]
    [InlineData("Дрон попал в автомобиль. Женщина получила ранения и умерла.", "killed:1:person-received-harm-died")]
    public void A_victim_named_by_role_or_kin_is_one(string text, string expected) => Assert.Equal(expected, Tolls(text));

    [Fact]
    public void A_second_victim_who_later_died_adds_to_the_killed()
    {
        var e = Assert.Single(Annotate.Extract("A drone hit a car near the town on Monday, killing the driver. His passenger was badly wounded and later died in hospital, the governor said.").Events);
        Assert.Equal(2, e.Killed?.Value);
    }
}
