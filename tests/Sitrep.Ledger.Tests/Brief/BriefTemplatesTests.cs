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
