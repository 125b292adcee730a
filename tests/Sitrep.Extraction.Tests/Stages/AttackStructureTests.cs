using Sitrep.Core;
using Sitrep.Extraction.Assembly;

namespace Sitrep.Extraction.Tests.Stages;

/// <summary>
/// How assembly reads the structure of a report: the direction of attack, attacks told in passing, dates of a
/// report with no publication date. Sentences written for these tests, shaped like wire reporting.
/// </summary>
public class AttackStructureTests
{
    // Publication: Thursday 2024-11-14.

    /// <summary>The rule that says an attacker cue is not the attacker, for the cue on <paramref name="word"/>.</summary>
    private static string Direction(string text, string word)
    {
        var doc = Annotate.Doc(text);
        var cue = Assert.Single(doc.Layer<ActorMention>(Layers.Actors), a => a.IsAttacker && doc.Slice(a.Span).StartsWith(word, StringComparison.Ordinal));
        return EventAssembler.NotAttackerRule(doc, cue, doc.Layer<WeaponMention>(Layers.Weapons)) ?? "attacker";
    }

    [Theory]
    [InlineData("Air defence worked through the night, said Ukraine's military chief, Oleksandr Petrenko.", "Ukraine", "side-speaks")]
    [InlineData("The barrage was confirmed by the commander-in-chief of the Armed Forces of Ukraine.", "Armed", "side-speaks")]
    [InlineData("Air defence downed 12 of 15 drones overnight, Kyiv's military administration reported.", "Kyiv's", "side-speaks")]
    [InlineData("Russia battered Ukraine with missiles and drones on Christmas morning.", "Ukraine", "side-is-target")]
    [InlineData("The Ukrainian military successfully destroyed 31 drones and 12 missiles overnight.", "Ukrainian", "side-defends")]
    [InlineData("Ukraine's forces intercepted most of the cruise missiles.", "Ukraine", "side-defends")]
    [InlineData("Ukrainian drones were shot down over the Kursk region.", "Ukrainian", "attacker")]
    [InlineData("Russian troops destroyed a school in Kharkiv.", "Russian", "attacker")]
    [InlineData("Russia launched 40 drones at Odesa.", "Russia", "attacker")]
    [InlineData("Officials counted the damage from the attack Russia launched on Odesa.", "Russia", "attacker")]
    public void A_side_word_is_read_against_its_clause(string text, string word, string rule) => Assert.Equal(rule, Direction(text, word));

    /// <summary>Rule side-defends in the unit's side: with no attacker cued, the side whose air defence intercepts is attacked by the other, wherever the place is.</summary>
    [Theory]
    [InlineData("Russian air defence systems intercepted three Storm Shadow missiles over the Luhansk region, the ministry said.", Side.Ukraine)]
    [InlineData("Russian air defences shot down 10 drones over the Zaporizhzhia region overnight.", Side.Ukraine)]
    [InlineData("Ukrainian air defence units intercepted 20 drones over the Kherson region overnight.", Side.Russia)]
    [InlineData("Russian air defences were overwhelmed as missiles hit the Luhansk region.", Side.Russia)]
    public void The_side_whose_air_defence_intercepts_is_attacked(string text, Side attacker) =>
        Assert.Equal(attacker, Assert.Single(CompiledPlaces.Extract(text).Events).Attacker);

    [Fact]
    public void The_forces_that_intercept_do_not_split_the_wave_into_two_sides()
    {
        var x = Annotate.Extract("""
            Russia fired 60 missiles and 40 drones at Ukraine overnight, killing four people in Kharkiv.
            The Ukrainian military intercepted most of the missiles overnight, said Ukraine's military chief.
            """);
        var e = Assert.Single(x.Events);
        Assert.Equal(Side.Russia, e.Attacker);
    }

    [Theory]
    [InlineData("Officials said the attack took place the day after a bombardment across Ukraine killed 20 people.", "days-after-event", "2024-11-13")]
    [InlineData("The raid came three days after Ukraine sank a patrol boat near Sevastopol.", "days-after-event", "2024-11-11")]
    [InlineData("Kyiv was hit a week after drones struck Odesa.", "days-after-event", "2024-11-07")]
    [InlineData("The strike on Kharkiv came hours after Russia launched 50 drones at Odesa.", "after-event", null)]
    [InlineData("The offensive came on the heels of a drone attack on Kursk.", "after-event", null)]
    [InlineData("The day after a bombing of Kyiv on November 10 that left dozens dead, drones struck Kursk.", "days-after-date", "2024-11-11")]
    [InlineData("Drones struck Kursk on the day after November 10.", "day-after", "2024-11-11")]
    public void An_attack_told_in_passing_is_dated_from_the_one_the_sentence_is_about(string text, string rule, string? expected)
    {
        var d = Assert.Single(Annotate.Layer<DateMention>(text, Layers.Dates), d => d.IsRelative);
        Assert.Equal(rule, d.Rule);
        Assert.Equal(expected is null ? null : DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), d.Date.Date);
    }

    [Fact]
    public void An_attack_told_in_passing_is_its_own_event_and_the_paragraph_returns_to_the_main_one()
    {
        var x = Annotate.Extract("""
            Shelling of Kursk killed five people on Wednesday, the governor said. The attack came the day after an overnight bombardment across Ukraine killed 20 civilians. Ten more people were injured in Kursk.
            """);
        Assert.Equal(2, x.Events.Length);
        var main = Assert.Single(x.Events, e => e.Date.Date == new DateOnly(2024, 11, 13));
        Assert.Equal(Side.Ukraine, main.Attacker);
        Assert.Equal(5, main.Killed!.Value);
        Assert.Equal(10, main.Injured!.Value);
        var passing = Assert.Single(x.Events, e => e.Date.Date == new DateOnly(2024, 11, 12));
        Assert.Equal(Side.Russia, passing.Attacker);
        Assert.Equal(20, passing.Killed!.Value);
    }

    [Fact]
    public void Without_a_publication_date_relative_dates_resolve_against_the_latest_full_date_in_the_text()
    {
        var doc = Annotate.DocUnpublished("""
            Russia attacked Kharkiv overnight, damaging a power plant.
            A firefighter at the site of the strike in Kharkiv, Ukraine, on November 8, 2024.
            The city was hit again on Friday.
            """);
        var dates = doc.Layer<DateMention>(Layers.Dates);
        Assert.Equal(new DateOnly(2024, 11, 8), Assert.Single(dates, d => d.Rule == "overnight").Date.Date);
        Assert.Equal(new DateOnly(2024, 11, 8), Assert.Single(dates, d => d.Rule == "weekday").Date.Date);
        Assert.Contains(doc.Diagnostics, d => d.Code == "SX202");
    }

    [Fact]
    public void Without_any_full_date_an_unpublished_report_leaves_overnight_unresolved()
    {
        var doc = Annotate.DocUnpublished("Russia attacked Kharkiv overnight, the mayor said on November 8.");
        Assert.All(doc.Layer<DateMention>(Layers.Dates), d => Assert.Null(d.Date.Date));
    }
}

public class AnotherAttackCueTests
{
    private static SentenceMention First(Document doc) => doc.Layer<SentenceMention>(Layers.Sentences)[0];

    [Theory]
    [InlineData("Russian forces also used glide bombs against Kharkiv.", "also-verb")]
    [InlineData("Також цієї ночі ворог застосував ракети проти Одеси.", "also-verb")]
    [InlineData("Также этой ночью противник применил ракеты.", "also-verb")]
    [InlineData("Additionally, drones struck a depot in Odesa.", "additionally")]
    [InlineData("A new drone attack hit Kursk in the afternoon.", "new-attack-noun")]
    [InlineData("Earlier on Wednesday, officials reported shooting down 12 drones over the Kursk region.", "earlier-that-day")]
    [InlineData("Drones struck Kursk on Wednesday.", null)]
    public void A_cue_of_another_attack_that_weapons_decide(string text, string? rule)
    {
        var doc = Annotate.Doc(text);
        Assert.Equal(rule, EventAssembler.NewAttackRule(doc, First(doc), doc.Layer<DateMention>(Layers.Dates)));
    }

    [Theory]
    [InlineData("Separately, the mayor reported a drone attack on Odesa.", "separately")]
    [InlineData("A teenager was killed in a separate incident near Kursk.", "separate-attack")]
    [InlineData("Russia later launched a second attack on Kharkiv hours later.", "later-attack")]
    [InlineData("No one was hurt in the second attack, the mayor said later.", null)]
    [InlineData("Rescuers who arrived were hit by a second strike.", null)]
    public void A_cue_of_another_attack_whatever_its_weapons(string text, string? rule)
    {
        var doc = Annotate.Doc(text);
        Assert.Equal(rule, EventAssembler.SeparateAttackRule(doc, First(doc)));
    }

    [Fact]
    public void A_clause_in_a_separate_incident_is_its_own_undated_event()
    {
        var x = Annotate.Extract("""
            Shelling of Kursk killed five people on Wednesday, the governor said.
            A woman was injured when a drone hit a house in Kursk late Tuesday, and a man was killed in a separate incident in Gornal.
            """);
        Assert.Equal(3, x.Events.Length);
        var separate = Assert.Single(x.Events, e => e.Places.Any(p => p.Text == "Gornal"));
        Assert.Null(separate.Date.Date);
        Assert.Equal(1, separate.Killed!.Value);
        Assert.Contains(x.Events, e => e.Date.Date == new DateOnly(2024, 11, 12) && e.Injured?.Value == 1);
    }

    [Fact]
    public void A_later_second_attack_is_its_own_event_and_the_second_attack_after_it_joins_it()
    {
        var x = Annotate.Extract("""
            A Russian missile strike on Kharkiv on Wednesday evening injured 20 people, the governor said.
            Russia later launched a second attack on Kharkiv hours later. No casualties were reported in the second attack.
            """);
        Assert.Equal(2, x.Events.Length);
        Assert.Equal(20, x.Events[0].Injured!.Value);
        Assert.Equal(0, x.Events[1].Injured!.Value);
        Assert.Null(x.Events[1].Date.Date);
    }

    [Fact]
    public void Earlier_that_day_with_other_weapons_is_another_event_of_that_day()
    {
        var x = Annotate.Extract("""
            Shelling of Kursk killed five people on Wednesday, the governor said.
            Earlier on Wednesday, officials reported shooting down 12 Ukrainian drones over the Kursk region.
            """);
        Assert.Equal(2, x.Events.Length);
        Assert.All(x.Events, e => Assert.Equal(new DateOnly(2024, 11, 13), e.Date.Date));
        Assert.Contains(x.Events, e => e.Weapons.Any(w => w.Current(FigureKind.Destroyed)?.Value == 12));
    }
}

public class FutureAndPossessiveTests
{
    [Fact]
    public void A_sentence_in_the_future_tense_is_no_attack_and_a_possessive_weekday_is_a_date()
    {
        var x = Annotate.Extract("""
            Tuesday's missile strike on Odesa killed 21 people, the minister said.
            The president will personally oversee Saturday's exercise, which will involve launches of cruise missiles.
            """);
        var e = Assert.Single(x.Events);
        Assert.Equal(new DateOnly(2024, 11, 12), e.Date.Date);
        Assert.Equal("Tuesday's", e.Date.Text);
    }
}

public class UndatedLeadTests
{
    [Fact]
    public void A_late_dated_sentence_with_its_own_toll_and_other_weapons_does_not_date_the_lead()
    {
        var x = Annotate.Extract("""
            A twin missile strike on Odesa killed 20 people and injured 70, officials said.
            Rescuers were hit by the second missile minutes after the first.
            On November 2, a Russian drone struck a residential building in the city, killing 9 people.
            """);
        Assert.Equal(2, x.Events.Length);
        Assert.Contains(x.Events, e => e.Killed?.Value == 20 && e.Date.Date == Annotate.Published);
        Assert.Contains(x.Events, e => e.Killed?.Value == 9 && e.Date.Date == new DateOnly(2024, 11, 2));
    }

    [Fact]
    public void A_late_dated_sentence_of_the_same_weapons_dates_the_lead()
    {
        var x = Annotate.Extract("""
            A missile strike on Odesa killed 20 people, officials said.
            On November 12, two Russian missiles struck the port, killing 20 people.
            """);
        Assert.Equal(new DateOnly(2024, 11, 12), Assert.Single(x.Events).Date.Date);
    }
}

public class DatelineTests
{
    [Theory]
    [InlineData("On 19.01.2026 Russian drones hit Kharkiv, injuring three people.")]
    [InlineData("19.01.2026 ворог атакував Харків дронами, поранено трьох людей.")]
    [InlineData("У 19.01.2026 ворог атакував Харків дронами, поранено трьох людей.")]
    public void A_numeric_date_that_opens_the_sentences_clause_dates_the_attack(string text) =>
        Assert.Equal(new DateOnly(2026, 1, 19), Assert.Single(Annotate.Extract(text).Events).Date.Date);

    [Fact]
    public void A_numeric_date_stamped_before_a_headline_is_the_pages_not_the_attacks()
    {
        var x = Annotate.ExtractUnpublished("""
            15:06 19.01.2026 Drones hit Kharkiv
            Russian drones hit Kharkiv, injuring three people.
            """);
        Assert.Null(Assert.Single(x.Events).Date.Date);
    }

    [Fact]
    public void A_dateline_with_the_agency_in_brackets_is_the_reports_day_not_an_attacks()
    {
        var x = Annotate.ExtractUnpublished("""
            KYIV, Nov. 14 (Agency) – Russia's wave of drones on Ukraine was the largest this year, the air force said.
            The air force said on Wednesday that 80 drones were downed overnight over Odesa and Kharkiv.
            """);
        var e = Assert.Single(x.Events);
        Assert.Equal("overnight", e.Date.Text);
    }
}

public class SectionTests
{
    [Fact]
    public void A_city_section_and_a_national_section_with_their_own_counts_are_two_events_of_one_day()
    {
        var x = Annotate.Extract("""
            Russia struck Kharkiv with 9 missiles on Thursday morning, injuring three people, the mayor said.

            What is known about the Russian attack on Ukraine on Thursday?

            Russia launched a massive attack on Ukraine's energy system on Thursday.

            The air force said Russia had fired 60 missiles and 90 drones at Ukraine.
            """);
        Assert.Equal(2, x.Events.Length);
        Assert.All(x.Events, e => Assert.Equal(Annotate.Published, e.Date.Date));
        Assert.Contains(x.Events, e => e.Weapons.Any(w => w.Current(FigureKind.Launched)?.Value == 9) && e.Injured?.Value == 3);
        Assert.Contains(x.Events, e => e.Weapons.Any(w => w.Current(FigureKind.Launched)?.Value == 60));
    }

    [Fact]
    public void A_later_section_that_revises_a_national_count_is_the_same_event()
    {
        var x = Annotate.Extract("""
            The ministry said 300 Ukrainian drones were shot down over Russia overnight.

            Moscow region hit

            The ministry later said 320 drones were shot down, 70 of them over Moscow.
            """);
        Assert.Single(x.Events);
    }
}

public class RevisedTollTests
{
    [Theory]
    [InlineData("Drones struck Kursk on Wednesday, killing one person and injuring 12. Another victim has died in the hospital, the governor said.", 2)]
    [InlineData("Drones struck Kursk on Wednesday, killing three people. Two more people died in hospital.", 5)]
    [InlineData("Drones struck Kursk on Wednesday, killing three people. The toll rose to four after another victim died in hospital.", 4)]
    [InlineData("Drones struck Kursk on Wednesday, killing one person and injuring another nine. Another worker was injured at the depot.", 1)]
    public void A_later_death_adds_to_the_toll_told_before(string text, int killed) =>
        Assert.Equal(killed, Assert.Single(Annotate.Extract(text).Events).Killed!.Value);
}

public class OtherAttacksSectionTests
{
    [Fact]
    public void A_section_headed_as_other_attacks_is_another_event()
    {
        var x = Annotate.Extract("""
            Russian drones struck Kharkiv on Wednesday evening, killing three people, the mayor said.

            Attacks in other regions

            Last night, drones hit Odesa, injuring two people.
            """);
        Assert.Equal(2, x.Events.Length);
        Assert.Contains(x.Events, e => e.Killed?.Value == 3 && e.Places.Any(p => p.Text == "Kharkiv"));
        Assert.Contains(x.Events, e => e.Injured?.Value == 2 && e.Places.Any(p => p.Text == "Odesa"));
    }
}

public class UnpublishedCyrillicTests
{
    [Fact]
    public void A_cyrillic_night_with_its_year_gives_an_unpublished_report_its_reference_day()
    {
        var doc = Annotate.DocUnpublished("У ніч на 12 грудня 2023 року ворог атакував Одесу дронами. Увечері 11 грудня ракети влучили в Харків.");
        var dates = doc.Layer<DateMention>(Layers.Dates);
        Assert.Equal("night-of-date-year", dates[0].Rule);
        Assert.Equal(new DateOnly(2023, 12, 12), dates[0].Date.Date);
        Assert.Contains(dates, d => d.Date.Date == new DateOnly(2023, 12, 11));
    }
}

/// <summary>Rule casualties/scoped-zero: a region's "no casualties" is that region's, not the whole event's.</summary>
public class ScopedZeroTests
{
    [Theory]
    [InlineData("Overnight on 3 May, Russian drones attacked Ukraine. In Kharkiv, two people were injured, the mayor said. No casualties were reported in the Poltava region, the governor said.", null, 2)]
    [InlineData("Overnight on 3 May, Russian drones attacked the Poltava region. No casualties were reported in the Poltava region, the governor said.", 0, 0)]
    [InlineData("Overnight on 3 May, Russian drones attacked Kharkiv and Poltava. No casualties were reported, officials said.", 0, 0)]
    public void A_zero_scoped_to_one_region_does_not_zero_an_event_of_several(string text, int? killed, int? injured)
    {
        var e = Assert.Single(Annotate.Extract(text).Events);
        Assert.Equal(killed, e.Killed?.Value);
        Assert.Equal(injured, e.Injured?.Value);
    }

    /// <summary>"The following day", "two days later": the day after the date told before, an attack of its own; never a day after the report's.</summary>
    [Theory]
    [InlineData("A missile hit a hospital in Kharkiv on Monday, killing two. The following day, drones struck a depot in Odesa.", "2024-11-11 2024-11-12")]
    [InlineData("A missile hit Kharkiv on November 8. Two days later, drones struck Odesa, injuring four.", "2024-11-08 2024-11-10")]
    [InlineData("Drones struck Odesa on Thursday. A day later, a missile hit Kharkiv.", "2024-11-14")]
    [InlineData("У понеділок ракета влучила в лікарню в Харкові, загинули двоє. Наступного дня дрони атакували Одесу.", "2024-11-11 2024-11-12")]
    [InlineData("В понедельник ракета попала в больницу в Харькове, погибли двое. На следующий день беспилотники атаковали Одессу.", "2024-11-11 2024-11-12")]
    public void A_day_later_is_dated_from_the_date_before(string text, string dates) =>
        Assert.Equal(dates, string.Join(' ', Annotate.Extract(text).Events.Select(e => e.Date.Date?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) ?? "null").Order(StringComparer.Ordinal)));

    [Theory]
    [InlineData("Overnight, air defence destroyed 34 Ukrainian drones. Of them, 20 over the Kursk region and 9 over Moscow.")]
    [InlineData("Ночью ПВО уничтожила 34 украинских беспилотника. Из них 20 — над территорией Курской области, 9 — над территорией Брянской области.")]
    public void A_sentence_taking_part_of_the_count_adds_its_places(string text)
    {
        var e = Assert.Single(Annotate.Extract(text).Events);
        Assert.Equal(2, e.Places.Select(p => p.Text).Distinct().Count());
    }
}
