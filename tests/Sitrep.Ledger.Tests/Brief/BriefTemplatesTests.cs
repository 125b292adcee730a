using Sitrep.Core;
using Sitrep.Ledger.Brief;

namespace Sitrep.Ledger.Tests.Brief;

public sealed class BriefTemplatesTests
{
    [Fact]
    public void English_ships_and_loads()
    {
        Assert.Contains("en", BriefTemplates.Languages);
        var en = BriefTemplates.Load("en");
        Assert.Contains("family.split", en.Keys);
        Assert.Contains("attack.contested", en.Keys);
    }

    [Theory]
    [InlineData("count\t*\tThere were 3 attacks.", "hold no digits")]
    [InlineData("count\t*\t{count attacks", "a slot is written {name}")]
    [InlineData("count\tfew\t{count} attacks", "'few' is not a plural category of 'en'")]
    [InlineData("count\tone\t{count} attack", "no form for the plural category 'other'")]
    [InlineData("count\t{count} attacks", "three columns")]
    public void A_bad_template_file_is_refused_with_its_line_and_what_to_change(string row, string why)
    {
        var e = Assert.Throws<BriefTemplateException>(() => BriefTemplates.Parse("en", "# comment\n" + row + "\n", "brief.en.tsv"));
        Assert.Contains("brief.en.tsv:2", e.Message, StringComparison.Ordinal);
        Assert.Contains(why, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_translation_needs_every_key_of_english_and_only_its_slots()
    {
        var en = BriefTemplates.Parse("en", "a\t*\t{x} and {y}\nb\t*\tword\n", "brief.en.tsv");
        var missing = Assert.Throws<BriefTemplateException>(() => BriefTemplates.Parse("uk", "a\t*\t{x} і {y}\n", "brief.uk.tsv", en));
        Assert.Contains("the key 'b' of brief.en.tsv is missing", missing.Message, StringComparison.Ordinal);
        var slot = Assert.Throws<BriefTemplateException>(() => BriefTemplates.Parse("uk", "a\t*\t{x} і {z}\nb\t*\tслово\n", "brief.uk.tsv", en));
        Assert.Contains("may use only the slots", slot.Message, StringComparison.Ordinal);
        Assert.Equal(["a", "b"], BriefTemplates.Parse("uk", "a\t*\t{x}\nb\t*\tслово\n", "brief.uk.tsv", en).Keys);
    }

    [Fact]
    public void Ukrainian_ships_with_every_english_key_and_a_form_for_each_plural_category()
    {
        Assert.Contains("uk", BriefTemplates.Languages);
        var uk = BriefTemplates.Load("uk");
        Assert.Empty(BriefTemplates.Load("en").Keys.Except(uk.Keys));
        Assert.Equal(["acc", "gen", "loc"], uk.FormsOf("country.UA").Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Every_language_names_every_side_country_family_and_weapon_category()
    {
        foreach (var language in BriefTemplates.Languages)
        {
            var t = BriefTemplates.Load(language);
            var keys = Enum.GetValues<Sitrep.Core.Side>().Select(s => "side." + Sitrep.Core.Parties.ToContract(s))
                .Concat(Enum.GetValues<Sitrep.Core.Country>().Select(c => "country." + Sitrep.Core.Parties.ToContract(c)))
                .Concat(Enum.GetValues<Sitrep.Core.WeaponFamily>().SelectMany(f => new[] { "family.", "noun." }.Select(k => k + Sitrep.Core.Parties.ToContract(f))))
                .Concat(Enum.GetValues<Sitrep.Core.WeaponCategory>().Select(c => "category." + Sitrep.Core.ContractNames.ToContract(c)));
            Assert.All(keys, k => Assert.True(t.Has(k), $"brief.{language}.tsv has no '{k}'"));
        }
    }

    [Theory]
    [InlineData(1, "дрон", "ракету", "повідомлення", "загиблий")]
    [InlineData(2, "дрони", "ракети", "повідомлення", "загиблі")]
    [InlineData(4, "дрони", "ракети", "повідомлення", "загиблі")]
    [InlineData(5, "дронів", "ракет", "повідомлень", "загиблих")]
    [InlineData(11, "дронів", "ракет", "повідомлень", "загиблих")]
    [InlineData(12, "дронів", "ракет", "повідомлень", "загиблих")]
    [InlineData(21, "дрон", "ракету", "повідомлення", "загиблий")]
    [InlineData(22, "дрони", "ракети", "повідомлення", "загиблі")]
    [InlineData(0, "дронів", "ракет", "повідомлень", "загиблих")]
    [InlineData(111, "дронів", "ракет", "повідомлень", "загиблих")]
    public void Ukrainian_words_take_the_form_their_number_needs(int n, string drones, string missiles, string reports, string killed)
    {
        var uk = BriefTemplates.Load("uk");
        Assert.Equal(drones, uk.Text("noun.drone", n));
        Assert.Equal(missiles, uk.Text("noun.missile", n));
        var count = BriefFragment.Of(n.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal($"{n} {reports}", uk.Render("count.reports", n, ("n", count)).Text);
        Assert.Equal($"{n} {killed}", uk.Render("casualty.killed", n, ("amount", count), ("range", BriefFragment.Empty)).Text);
    }

    [Fact]
    public void Russian_ships_with_every_english_key_and_the_forms_its_templates_ask_for()
    {
        Assert.Contains("ru", BriefTemplates.Languages);
        var ru = BriefTemplates.Load("ru");
        Assert.Empty(BriefTemplates.Load("en").Keys.Except(ru.Keys));
        Assert.Equal(["acc", "gen", "loc"], ru.FormsOf("country.UA").Order(StringComparer.Ordinal));
        Assert.Equal(["destroyed", "launched"], ru.FormsOf("noun.missile").Order(StringComparer.Ordinal));
        Assert.Equal("1\u00A0234\u00A0567", ru.Number(1_234_567));
        Assert.Equal("999", ru.Number(999));
    }

    [Theory]
    [InlineData(1, "дрон", "ракета", "сообщение", "погибший", "ракета уничтожена", "управляемая авиабомба сброшена")]
    [InlineData(2, "дрона", "ракеты", "сообщения", "погибших", "ракеты уничтожены", "управляемые авиабомбы сброшены")]
    [InlineData(4, "дрона", "ракеты", "сообщения", "погибших", "ракеты уничтожены", "управляемые авиабомбы сброшены")]
    [InlineData(5, "дронов", "ракет", "сообщений", "погибших", "ракет уничтожено", "управляемых авиабомб сброшено")]
    [InlineData(11, "дронов", "ракет", "сообщений", "погибших", "ракет уничтожено", "управляемых авиабомб сброшено")]
    [InlineData(14, "дронов", "ракет", "сообщений", "погибших", "ракет уничтожено", "управляемых авиабомб сброшено")]
    [InlineData(21, "дрон", "ракета", "сообщение", "погибший", "ракета уничтожена", "управляемая авиабомба сброшена")]
    [InlineData(23, "дрона", "ракеты", "сообщения", "погибших", "ракеты уничтожены", "управляемые авиабомбы сброшены")]
    [InlineData(0, "дронов", "ракет", "сообщений", "погибших", "ракет уничтожено", "управляемых авиабомб сброшено")]
    [InlineData(112, "дронов", "ракет", "сообщений", "погибших", "ракет уничтожено", "управляемых авиабомб сброшено")]
    public void Russian_words_take_the_form_their_number_needs(int n, string drones, string missiles, string reports, string killed, string missilesDestroyed, string bombsDropped)
    {
        var ru = BriefTemplates.Load("ru");
        Assert.Equal(drones, ru.Text("noun.drone", n));
        Assert.Equal(missiles, ru.Text("noun.missile", n));
        var count = BriefFragment.Of(n.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal($"{n} {reports}", ru.Render("count.reports", n, ("n", count)).Text);
        Assert.Equal($"{n} {killed}", ru.Render("casualty.killed", n, ("amount", count), ("range", BriefFragment.Empty)).Text);

        // The participle agrees with its noun: a template asks for the noun's form by its slot ({noun:destroyed}).
        Assert.Equal(missilesDestroyed, ru.Render("what.destroyed", n, ("noun", ru.Word("noun.missile", n))).Text);
        Assert.Equal($"{n} {bombsDropped}", ru.Render("background.launched.bomb", n, ("amount", count), ("noun", ru.Word("noun.bomb", n))).Text);
    }

    [Fact]
    public void A_translation_may_add_forms_of_an_english_word_that_its_slots_ask_for()
    {
        var en = BriefTemplates.Parse("en", "lead\t*\t{attacker} attacked {target}\ncountry.UA\t*\tUkraine\n", "brief.en.tsv");
        var uk = BriefTemplates.Parse("uk", "lead\t*\t{attacker} атакувала {target:acc}\ncountry.UA\t*\tУкраїна\ncountry.UA.acc\t*\tУкраїну\n", "brief.uk.tsv", en);
        Assert.Equal("Росія атакувала Україну", uk.Render("lead", null, ("attacker", BriefFragment.Of("Росія")), ("target", uk.Word("country.UA"))).Text);

        // A word without that form is written as it is.
        Assert.Equal("Росія атакувала Сербія", uk.Render("lead", null, ("attacker", BriefFragment.Of("Росія")), ("target", BriefFragment.Of("Сербія"))).Text);

        var stray = Assert.Throws<BriefTemplateException>(() => BriefTemplates.Parse("uk", "lead\t*\t{attacker}\ncountry.UA\t*\tУкраїна\ncountry.XX.acc\t*\tх\n", "brief.uk.tsv", en));
        Assert.Contains("brief.uk.tsv:3: 'country.XX.acc' is not a key of brief.en.tsv, nor a form", stray.Message, StringComparison.Ordinal);
        var slot = Assert.Throws<BriefTemplateException>(() => BriefTemplates.Parse("uk", "lead\t*\t{attacker}\ncountry.UA\t*\tУкраїна\ncountry.UA.acc\t*\t{x}\n", "brief.uk.tsv", en));
        Assert.Contains("a form of 'country.UA', may use only its slots", slot.Message, StringComparison.Ordinal);
        var syntax = Assert.Throws<BriefTemplateException>(() => BriefTemplates.Parse("uk", "lead\t*\t{target:Acc}\n", "brief.uk.tsv"));
        Assert.Contains("{name:form}", syntax.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("en", 1, "one")]
    [InlineData("en", 0, "other")]
    [InlineData("en", 21, "other")]
    [InlineData("uk", 1, "one")]
    [InlineData("uk", 21, "one")]
    [InlineData("uk", 11, "many")]
    [InlineData("uk", 3, "few")]
    [InlineData("uk", 13, "many")]
    [InlineData("uk", 25, "many")]
    [InlineData("ru", 1, "one")]
    [InlineData("ru", 101, "one")]
    [InlineData("ru", 111, "many")]
    [InlineData("ru", 2, "few")]
    [InlineData("ru", 34, "few")]
    [InlineData("ru", 12, "many")]
    [InlineData("ru", 0, "many")]
    public void Plural_categories_follow_cldr(string language, int n, string category) => Assert.Equal(category, PluralRules.Category(language, n));

    [Fact]
    public void Kyiv_time_keeps_the_eu_summer_rule()
    {
        Assert.Equal(new DateTime(2025, 3, 30, 0, 59, 0), KyivTime.Of(new DateTimeOffset(2025, 3, 29, 22, 59, 0, TimeSpan.Zero)));
        Assert.Equal(new DateTime(2025, 3, 30, 4, 0, 0), KyivTime.Of(new DateTimeOffset(2025, 3, 30, 1, 0, 0, TimeSpan.Zero)));
        Assert.Equal(new DateTime(2025, 10, 26, 3, 0, 0), KyivTime.Of(new DateTimeOffset(2025, 10, 26, 1, 0, 0, TimeSpan.Zero)));
    }

    [Fact]
    public void A_night_holds_attacks_dated_to_its_morning_and_tells_apart_those_without_a_time_of_day()
    {
        var night = BriefWindow.Night(new DateOnly(2025, 3, 5));
        Assert.Equal(BriefPlacement.Main, night.Place(new DateOnly(2025, 3, 5), Core.DatePrecision.Night));
        Assert.Equal(BriefPlacement.Outside, night.Place(new DateOnly(2025, 3, 4), Core.DatePrecision.Night));
        Assert.Equal(BriefPlacement.Untimed, night.Place(new DateOnly(2025, 3, 4), Core.DatePrecision.Day));
        Assert.Equal(BriefPlacement.Untimed, night.Place(new DateOnly(2025, 3, 5), Core.DatePrecision.Day));
        Assert.Equal(BriefPlacement.Outside, night.Place(null, Core.DatePrecision.Day));
        Assert.Equal("day:2025-03-05", BriefWindow.Days(new DateOnly(2025, 3, 5), new DateOnly(2025, 3, 5)).Key);
        Assert.Throws<ArgumentException>(() => BriefWindow.Days(new DateOnly(2025, 3, 5), new DateOnly(2025, 3, 4)));
    }
}
