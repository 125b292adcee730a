using System.Text;
using System.Text.Json;
using Sitrep.Core;
using Sitrep.Extraction.Output;

namespace Sitrep.Extraction.Tests.Stages;

/// <summary>Who says so: claimants as written, their registry ids, and what is never a claimant. Sentences written for these tests.</summary>
public class ClaimantTests
{
    private static string Named(string text) =>
        string.Join(" | ", Annotate.Layer<ClaimantMention>(text, Layers.Actors).Select(c => c.Claimant.Canonical is { } id ? $"{c.Claimant.Name} [{id}]" : c.Claimant.Name));

    [Theory]
    // English: the verb after its subject, before it, appositions, titles before names
    [InlineData("Air defences destroyed 20 drones overnight, the Ukrainian air force said.", "the Ukrainian air force [ua.air_force]")]
    [InlineData("Two people were injured, said Governor Roman Starovoit.", "Governor Roman Starovoit [ru.region.kursk]")]
    [InlineData("Three drones were downed over the region, Gov. Vyacheslav Gladkov said on Telegram.", "Gov. Vyacheslav Gladkov [ru.region.belgorod]")]
    [InlineData("According to Ukraine's air force, Russia launched 45 drones.", "Ukraine's air force [ua.air_force]")]
    // a possessive before a channel: the possessor speaks
    [InlineData("A drone hit a house, injuring a woman, according to Governor Alexander Bogomaz's Telegram channel.", "Governor Alexander Bogomaz [ru.region.bryansk]")]
    [InlineData("Ivan Fedorov, the head of the Zaporizhzhia Regional Military Administration, announced this on Telegram.",
        "Ivan Fedorov, the head of the Zaporizhzhia Regional Military Administration [ua.oblast.zaporizhzhia]")]
    [InlineData("Chief of the Kherson City Military Administration, Roman Mrochko, posted the update.",
        "Chief of the Kherson City Military Administration, Roman Mrochko [ua.city.kherson]")]
    [InlineData("The Kremlin's spokesman, Dmitry Peskov, said the strikes would go on.", "The Kremlin's spokesman, Dmitry Peskov [ru.kremlin]")]
    [InlineData("The strike damaged a school, according to the head of the Sumy regional administration, Oleh Hryhorov.",
        "the head of the Sumy regional administration, Oleh Hryhorov [ua.oblast.sumy]")]
    [InlineData("Kharkiv Mayor Ihor Terekhov and Oleh Syniehubov, head of the regional administration, said a school was hit.",
        "Kharkiv Mayor Ihor Terekhov [ua.city.kharkiv] | Oleh Syniehubov, head of the regional administration [ua.oblast.kharkiv]")]
    [InlineData("The shelling killed a man, the regional prosecutor's office said.", "the regional prosecutor's office [ua.prosecutors]")]
    [InlineData("This was reported by the regional military administration.", "the regional military administration")]
    [InlineData("Ukrainian officials said four people were killed.", "Ukrainian officials [ua.government]")]
    [InlineData("Local authorities reported damage to a school.", "Local authorities")]
    [InlineData("The governor of the Kursk region said a power line was cut.", "The governor of the Kursk region [ru.region.kursk]")]
    [InlineData("Belarus claimed a missile fell on its territory.", "Belarus [by.government]")]
    [InlineData("The press service of Ukrainian Railways (Ukrzaliznytsia) noted that a train was damaged.",
        "The press service of Ukrainian Railways (Ukrzaliznytsia) [ua.ukrzaliznytsia]")]
    // outlets passing on an official's words are relays, not claimants; alone they are claimants
    [InlineData("TASS, citing the Russian Defence Ministry, reported that 12 drones were destroyed.", "the Russian Defence Ministry [ru.mod]")]
    [InlineData("As reported by Ukrinform, a man was wounded in the village.", "Ukrinform [ua.outlet.ukrinform]")]
    [InlineData("A report from the Russian military said 14 drones were downed.", "the Russian military [ru.mod]")]
    // Ukrainian
    [InlineData("Внаслідок удару поранено трьох людей, повідомив голова Харківської обласної військової адміністрації Олег Синєгубов.",
        "голова Харківської обласної військової адміністрації Олег Синєгубов [ua.oblast.kharkiv]")]
    [InlineData("За словами начальника Сумської ОВА, загинула одна людина.", "начальника Сумської ОВА [ua.oblast.sumy]")]
    [InlineData("Сили ППО збили 30 дронів, зазначили у Повітряних силах.", "Повітряних силах [ua.air_force]")]
    [InlineData("Як повідомляє Укрінформ, у місті пролунали вибухи.", "Укрінформ [ua.outlet.ukrinform]")]
    [InlineData("Мер Львова Андрій Садовий написав, що пошкоджено два будинки.", "Мер Львова Андрій Садовий [ua.city.lviv]")]
    [InlineData("Ворог атакував місто дронами, написав у телеграм-каналі очільник Одеської ОВА Олег Кіпер.", "очільник Одеської ОВА Олег Кіпер [ua.oblast.odesa]")]
    // Russian
    [InlineData("Губернатор Белгородской области Вячеслав Гладков сообщил о двух пострадавших.", "Губернатор Белгородской области Вячеслав Гладков [ru.region.belgorod]")]
    [InlineData("Над Брянской областью уничтожены пять беспилотников, сообщили в Минобороны России.", "Минобороны России [ru.mod]")]
    [InlineData("По данным российских военных, все ракеты были сбиты.", "российских военных [ru.mod]")]
    [InlineData("Пострадавших нет, сообщило МЧС.", "МЧС [ru.emergencies]")]
    // Imperfective pasts, plurals and explaining verbs: "сообщал", "писала", "пояснили у ОВА".
    [InlineData("Раньше губернатор Курской области Алексей Смирнов сообщал о трёх раненых.", "губернатор Курской области Алексей Смирнов [ru.region.kursk]")]
    [InlineData("Над регионом сбиты четыре беспилотника, писал губернатор Белгородской области Вячеслав Гладков.", "губернатор Белгородской области Вячеслав Гладков [ru.region.belgorod]")]
    [InlineData("Пострадавших нет, пояснили в МЧС.", "МЧС [ru.emergencies]")]
    [InlineData("Уламки впали на склад, підкреслили в Одеській ОВА.", "Одеській ОВА [ua.oblast.odesa]")]
    [InlineData("Напередодні голова Харківської ОВА Олег Синєгубов повідомляв про двох поранених.", "голова Харківської ОВА Олег Синєгубов [ua.oblast.kharkiv]")]
    [InlineData("Ворог випустив по місту три ракети, пояснив голова Сумської ОВА Олег Григоров.", "голова Сумської ОВА Олег Григоров [ua.oblast.sumy]")]
    public void Claimants_are_found_as_written_and_resolved(string text, string expected) => Assert.Equal(expected, Named(text));

    [Theory]
    [InlineData("No casualties were reported.")]
    [InlineData("Officials said the fire was put out.")]
    [InlineData("A 52-year-old woman named Olha told reporters she heard three blasts.")]
    [InlineData("Residents said the explosions shook the windows.")]
    [InlineData("Kyiv said the attack was the largest this month.")]
    [InlineData("According to preliminary information, nobody was hurt.")]
    [InlineData("The report said 30 drones were launched.")]
    [InlineData("Media reported explosions in the city.")]
    [InlineData("Earlier reports said ten people had been injured.")]
    [InlineData("On Tuesday afternoon, he said, the sirens sounded.")]
    [InlineData("Sunday's strikes came a day after officials said the village had fallen.")]
    [InlineData("Внаслідок атаки є загиблі та поранені.")]
    [InlineData("Як він зазначив, постраждалих немає.")]
    [InlineData("Місцеві жителі повідомили про вибухи.")]
    [InlineData("Жители сообщили о взрывах.")]
    [InlineData("Пострадавших нет, написал он в своем телеграм-канале.")]
    [InlineData("Об этом сообщили источники.")]
    public void Pronouns_fragments_places_and_generic_words_are_never_claimants(string text) => Assert.Equal("", Named(text));

    private static IEnumerable<string> Speakers(string text, string sentence)
    {
        var doc = Annotate.Doc(text);
        var at = text.IndexOf(sentence, StringComparison.Ordinal);
        Assert.True(at >= 0, sentence);
        return doc.Layer<SpeakerMention>(Layers.Actors).Where(s => s.Span.Start <= at && at + sentence.Length <= s.Span.End).Select(s => s.Claimant.Name).Distinct();
    }

    [Fact]
    public void A_pronoun_takes_the_claimant_named_before_it()
    {
        const string text = "Governor Ivan Petrenko said drones hit a warehouse. “Two people were injured,” he wrote.";
        Assert.Equal(["Governor Ivan Petrenko"], Speakers(text, "Two people were injured"));
        Assert.Equal(["Governor Ivan Petrenko"], Annotate.Layer<ClaimantMention>(text, Layers.Actors).Select(c => c.Claimant.Name));
    }

    /// <summary>
    /// "З заявою виступив X" names the speaker after the verb (the noun before it is what was said), and "за його
    /// словами" / "по его словам", the pronoun between the preposition and the noun, takes the person named before.
    /// </summary>
    [Theory]
    [InlineData("Із заявою виступив голова Херсонської ОВА Олександр Прокудін. За його словами, поранено чотирьох людей.", "поранено чотирьох людей", "голова Херсонської ОВА Олександр Прокудін")]
    [InlineData("З коротким зверненням виступив мер Львова Андрій Садовий. За його даними, пошкоджено школу.", "пошкоджено школу", "мер Львова Андрій Садовий")]
    [InlineData("С заявлением выступил губернатор Курской области Алексей Смирнов. По его словам, ранены двое мирных жителей.", "ранены двое мирных жителей", "губернатор Курской области Алексей Смирнов")]
    public void A_speaker_after_a_statement_noun_and_a_pronoun_before_the_according_noun_are_read(string text, string sentence, string expected) =>
        Assert.Equal([expected], Speakers(text, sentence));

    [Fact]
    public void The_ministry_refers_back_to_the_ministry_named_before()
    {
        const string text = "Russia's Defence Ministry said 20 drones were destroyed over the Kursk region. The ministry also said two boats were sunk.";
        Assert.Equal(["Russia's Defence Ministry"], Speakers(text, "two boats were sunk"));
        Assert.Single(Annotate.Layer<ClaimantMention>(text, Layers.Actors));
    }

    [Fact]
    public void A_title_that_refers_to_no_one_before_it_is_kept_as_written() =>
        Assert.Equal("The governor", Named("The governor said a woman was killed."));

    [Fact]
    public void This_was_reported_by_refers_to_the_sentences_before_it()
    {
        const string text = "Drones struck a fuel depot in Odesa overnight, injuring two workers. This was reported by the Odesa Regional Military Administration.";
        Assert.Equal(["the Odesa Regional Military Administration"], Speakers(text, "Drones struck a fuel depot"));
    }

    [Fact]
    public void A_quote_takes_the_speaker_of_the_words_that_open_it()
    {
        const string text = "Mayor Vitali Klitschko wrote on Telegram: \"Explosions in the Darnytskyi district. Three people are in hospital.\"";
        Assert.Equal(["Mayor Vitali Klitschko"], Speakers(text, "Three people are in hospital"));
    }

    [Fact]
    public void The_russian_department_refers_back_to_the_ministry()
    {
        const string text = "Минобороны России сообщило об уничтожении 12 беспилотников. Все они были сбиты над Курской областью, уточнили в ведомстве.";
        Assert.Equal(["Минобороны России"], Speakers(text, "Все они были сбиты"));
        Assert.Single(Annotate.Layer<ClaimantMention>(text, Layers.Actors));
    }

    [Fact]
    public void A_source_line_names_the_source_of_the_lead()
    {
        const string text = "Two people were injured in a drone strike on Kharkiv.\nSource: Oleh Syniehubov, head of Kharkiv Oblast Military Administration, on Telegram";
        Assert.Equal(["Oleh Syniehubov, head of Kharkiv Oblast Military Administration"], Speakers(text, "Two people were injured"));
    }

    [Fact]
    public void An_event_lists_the_claimants_of_its_figures_and_each_figure_carries_its_claimant()
    {
        var x = Annotate.Extract("""
            Russia attacked Kharkiv with drones overnight. Three people were injured, Kharkiv Mayor Ihor Terekhov said.
            Air defences shot down 25 of 30 drones, the Ukrainian air force said.
            """);
        var e = Assert.Single(x.Events);
        Assert.Equal(["Kharkiv Mayor Ihor Terekhov", "the Ukrainian air force"], e.Claimants.Select(c => c.Name));
        Assert.Equal(["ua.city.kharkiv", "ua.air_force"], e.Claimants.Select(c => c.Canonical));
        Assert.Equal("Kharkiv Mayor Ihor Terekhov", e.Injured?.Claimant?.Name);
        Assert.All(e.Weapons.SelectMany(w => w.Claims), c => Assert.Equal("ua.air_force", c.Claimant?.Canonical));
    }

    [Fact]
    public void One_claimant_once_by_its_fullest_naming()
    {
        var x = Annotate.Extract("""
            Zaporizhzhia Oblast Governor Oleksandr Starukh said a missile hit a warehouse in Zaporizhzhia overnight.
            Two people were killed, Starukh said.
            """);
        var e = Assert.Single(x.Events);
        Assert.Equal(["Zaporizhzhia Oblast Governor Oleksandr Starukh"], e.Claimants.Select(c => c.Name));
    }

    [Fact]
    public void The_json_gives_every_claimant_its_words_id_name_side_and_offsets()
    {
        const string text = "Russian drones hit Odesa overnight, injuring two people, the Ukrainian air force said.";
        var x = Annotate.Extract(text);
        var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer))
        {
            ExtractionJson.Write(w, x);
        }

        using var json = JsonDocument.Parse(Encoding.UTF8.GetString(buffer.ToArray()));
        var e = json.RootElement.GetProperty("events")[0];
        Assert.Equal("the Ukrainian air force", e.GetProperty("claimed_by").GetString());
        var c = e.GetProperty("claimants")[0];
        Assert.Equal("the Ukrainian air force", c.GetProperty("text").GetString());
        Assert.Equal("ua.air_force", c.GetProperty("id").GetString());
        Assert.Equal("Ukrainian Air Force", c.GetProperty("name").GetString());
        Assert.Equal("UA", c.GetProperty("side").GetString());
        Assert.Equal("the Ukrainian air force", text[c.GetProperty("start").GetInt32()..c.GetProperty("end").GetInt32()]);
        Assert.All(e.GetProperty("claims").EnumerateArray(), claim => Assert.Equal("ua.air_force", claim.GetProperty("claimant_id").GetString()));
    }

    [Fact]
    public void Every_claimant_span_slices_to_its_name()
    {
        const string text = """
            Kharkiv Mayor Ihor Terekhov said on Telegram that drones hit two districts. “Four people were injured,” he wrote.
            За словами голови Одеської ОВА Олега Кіпера, пошкоджено порт. Об этом сообщили в Минобороны России.
            """;
        var doc = Annotate.Doc(text);
        Assert.All(doc.Layer<ClaimantMention>(Layers.Actors), c => Assert.Equal(c.Claimant.Name, doc.Slice(c.Claimant.Span)));
        Assert.All(doc.Layer<SpeakerMention>(Layers.Actors), s => Assert.True(s.Span.Start >= 0 && s.Span.End <= text.Length));
    }
}
