using Sitrep.Core;

namespace Sitrep.Extraction.Tests.Stages;

/// <summary>
/// Claimant constructions, each in English, Ukrainian and Russian where it has one: pronouns, places and sentence
/// fragments that are never claimants, speech frames before and after their speaker, and attributions that refer back.
/// Sentences written for these tests.
/// </summary>
public class ClaimantStructureTests
{
    private static string Named(string text) =>
        string.Join(" | ", Annotate.Layer<ClaimantMention>(text, Layers.Actors).Select(c => c.Claimant.Name));

    private static IEnumerable<string> Speakers(string text, string sentence)
    {
        var doc = Annotate.Doc(text);
        var at = text.IndexOf(sentence, StringComparison.Ordinal);
        Assert.True(at >= 0, sentence);
        return doc.Layer<SpeakerMention>(Layers.Actors).Where(s => s.Span.Start <= at && at + sentence.Length <= s.Span.End).Select(s => s.Claimant.Name).Distinct();
    }

    /// <summary>
    /// SCHEMA.md: a pronoun, a sentence fragment or a place is a wrong claimant. A capital standing for its government
    /// ("Kyiv said") is a place by its words: the report names no body, so it names no claimant.
    /// </summary>
    [Theory]
    [InlineData("He said four drones were shot down.")]
    [InlineData("They said the fire had been put out by morning.")]
    [InlineData("It said the power plant was hit twice.")]
    [InlineData("The city said two schools were damaged.")]
    [InlineData("Kyiv said the barrage was the heaviest in weeks.")]
    [InlineData("Moscow claimed all the drones were intercepted.")]
    [InlineData("Kharkiv reported three blasts after midnight.")]
    [InlineData("What was said about the strike remains unclear.")]
    [InlineData("It was reported that a warehouse burned down.")]
    [InlineData("Sources said a depot was hit.")]
    [InlineData("Він сказав, що постраждалих немає.")]
    [InlineData("Вони повідомили, що уламки впали на поле.")]
    [InlineData("Київ заявив, що атака була наймасованішою.")]
    [InlineData("Москва заявила, что все беспилотники сбиты.")]
    [InlineData("Они сообщили, что пожар потушен.")]
    [InlineData("Харьков сообщил о трёх взрывах.")]
    [InlineData("Кремль нічого не сказав про удар.")]
    [InlineData("В Кремле ничего не сообщили о погибших.")]
    public void Pronouns_places_and_fragments_name_no_claimant(string text) => Assert.Equal("", Named(text));

    /// <summary>"X reported on this" / "X reported about this" refer to the sentences before, like "X reported this".</summary>
    [Theory]
    [InlineData("A missile hit a warehouse in Odesa overnight. Governor Oleh Kiper reported on this.", "A missile hit a warehouse", "Governor Oleh Kiper")]
    [InlineData("Drones damaged a power line near Kursk. Governor Alexei Smirnov and local media wrote about this.", "Drones damaged a power line", "Governor Alexei Smirnov")]
    [InlineData("Уламки впали на склад. Про це повідомив голова Одеської ОВА Олег Кіпер.", "Уламки впали на склад", "голова Одеської ОВА Олег Кіпер")]
    [InlineData("Беспилотник упал на склад. Об этом сообщил губернатор Курской области Алексей Смирнов.", "Беспилотник упал на склад", "губернатор Курской области Алексей Смирнов")]
    public void Reported_on_this_refers_to_the_sentences_before(string text, string sentence, string expected) =>
        Assert.Contains(expected, Speakers(text, sentence));

    /// <summary>"В ОВА повідомили", "В Минобороны заявили": the body in the locative before an impersonal plural.</summary>
    [Theory]
    [InlineData("В Одеській ОВА підкреслили, що уламки впали у воду.", "Одеській ОВА")]
    [InlineData("У Повітряних силах уточнили, що збито дев'ять дронів.", "Повітряних силах")]
    [InlineData("В Минобороны России заявили, что сбиты шесть беспилотников.", "Минобороны России")]
    [InlineData("В МЧС сообщили, что пострадавших нет.", "МЧС")]
    public void A_body_in_the_locative_before_an_impersonal_plural_is_the_claimant(string text, string expected) =>
        Assert.Equal(expected, Named(text));

    /// <summary>English titles and appositions, before and after the verb; outlets quoting a body are relays.</summary>
    [Theory]
    [InlineData("A drone hit a garage, the regional governor, Ivan Petrenko, wrote on Telegram.", "the regional governor, Ivan Petrenko")]
    [InlineData("Two people were hurt, Kharkiv regional head Oleh Syniehubov said.", "Kharkiv regional head Oleh Syniehubov")]
    public void Titles_and_appositions_are_read(string text, string expected) => Assert.Equal(expected, Named(text));

    [Theory]
    [InlineData("Reuters, citing the air force, said 40 drones were downed.", "40 drones were downed", "the air force")]
    [InlineData("The Kyiv Independent reported, citing the State Emergency Service, that a fire broke out.", "a fire broke out", "the State Emergency Service")]
    [InlineData("РБК-Україна, посилаючись на Повітряні сили, повідомило про 30 збитих дронів.", "30 збитих дронів", "Повітряні сили")]
    [InlineData("ТАСС со ссылкой на Минобороны России сообщил о сбитых беспилотниках.", "сбитых беспилотниках", "Минобороны России")]
    public void An_outlet_citing_a_body_relays_the_bodys_words(string text, string sentence, string expected) =>
        Assert.Equal([expected], Speakers(text, sentence));

    /// <summary>
    /// A military body's own act gives its figure when no one in the sentence is said to tell it: "Ukraine's air
    /// defence downed 40 drones". A side or a place is no body ("Russia downed"), a passive names no one, a speaker
    /// in the sentence or one who reports it after wins.
    /// </summary>
    [Theory]
    [InlineData("Ukraine's air defence downed 40 of 52 drones overnight.", "40 of 52 drones", "Ukraine's air defence")]
    [InlineData("The Ukrainian air force intercepted 12 cruise missiles.", "12 cruise missiles", "The Ukrainian air force")]
    [InlineData("Air defence forces shot down six drones over the city.", "six drones", "Air defence forces")]
    [InlineData("Повітряні сили збили 30 дронів над північчю.", "30 дронів", "Повітряні сили")]
    [InlineData("Минобороны России уничтожили восемь беспилотников.", "восемь беспилотников", "Минобороны России")]
    [InlineData("Air defence downed 20 drones, Governor Ivan Petrenko said.", "20 drones", "Governor Ivan Petrenko")]
    [InlineData("Силы ПВО сбили два беспилотника. Об этом сообщил губернатор Курской области Алексей Смирнов.", "два беспилотника", "губернатор Курской области Алексей Смирнов")]
    public void A_military_bodys_own_act_claims_its_figure(string text, string sentence, string expected) =>
        Assert.Equal([expected], Speakers(text, sentence));

    [Theory]
    [InlineData("Russia downed 30 Ukrainian drones overnight.")]
    [InlineData("Twelve drones were shot down over the region.")]
    [InlineData("Residents shot videos of the blasts.")]
    [InlineData("Росія збила 30 дронів.")]
    public void An_act_with_no_military_body_for_subject_names_no_claimant(string text) => Assert.Equal("", Named(text));
}
