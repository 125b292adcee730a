using Sitrep.Extraction.Stages.Dates;

namespace Sitrep.Extraction.Tests.Stages;

/// <summary>
/// Which of the date stage's named rules fires on each sentence (written for the test), and that every rule in its
/// table has a sentence here, so the coverage of each rule is visible.
/// </summary>
public class DateRuleTests
{
    public static TheoryData<string, string> Sentences => new()
    {
        { "Attacks have killed 40 people since the start of the war.", "period" },
        { "Обстріл стався 30.07.2024 вранці.", "numeric-date" },
        { "Ворог атакував з 18:00 12 листопада до 08:00 13 листопада.", "night-span" },
        { "У ніч на 13 листопада ворог атакував Одесу.", "night-on-date" },
        { "Drones attacked on the night of Sunday to Monday.", "night-of" },
        { "Missiles struck Lviv overnight.", "overnight" },
        { "Вночі дрони атакували Харків.", "overnight-cyrillic" },
        { "Минувшей ночью беспилотники атаковали Курск.", "overnight-cyrillic" },
        { "В течение прошедшей ночи сбиты 12 беспилотников.", "overnight-cyrillic" },
        { "За минулу ніч збито 40 дронів.", "overnight-cyrillic" },
        { "За прошедшую ночь сбиты 12 беспилотников.", "overnight-cyrillic" },
        { "Сьогодні ракета влучила в Дніпро.", "today-cyrillic" },
        { "Вчера беспилотник атаковал Курск.", "yesterday-cyrillic" },
        { "A drone hit a shop this morning.", "today" },
        { "Shelling damaged a school yesterday evening.", "yesterday" },
        { "A day earlier, drones struck the port.", "day-before" },
        { "The following day, drones struck the port.", "day-later" },
        { "Three days later a missile hit the bridge.", "day-later" },
        { "The strike came hours after Russia launched a barrage at the city.", "after-event" },
        { "Three days after a missile killed nine, the town was hit again.", "days-around-event" },
        { "Drones hit the city the day after December 29.", "day-after month-day" },
        { "Two days ago a drone hit the depot.", "days-ago" },
        { "The city was shelled earlier this week.", "week" },
        { "A similar strike hit the town two weeks ago.", "weeks-ago" },
        { "The governor said on the 12th that drones hit Kursk.", "day-of-month" },
        { "A second strike followed on the same day.", "same-day" },
        { "Missiles struck on December 29.", "month-day" },
        { "In March, 90 drones were fired at the region.", "month" },
        { "A drone hit Sumy on Tuesday.", "weekday" },
        { "Missiles hit Kharkiv on Wednesday (2300 GMT Tuesday), the mayor said.", "weekday time-aside" },
    };

    [Theory]
    [MemberData(nameof(Sentences))]
    public void Each_sentence_fires_its_rule(string text, string rules) =>
        Assert.Equal(rules, string.Join(' ', DateStage.RulesFired(Annotate.Doc(text))));

    [Fact]
    public void Every_rule_of_the_table_has_a_sentence()
    {
        var covered = Sentences.SelectMany(row => ((string)row[1]).Split(' ')).ToHashSet(StringComparer.Ordinal);
        Assert.Empty(DateStage.RuleNames.Where(n => !covered.Contains(n)));
    }
}
