using Sitrep.Core;
using Sitrep.Core.Claimants;

namespace Sitrep.Core.Tests.Claimants;

public class ClaimantRegistryTests
{
    private static readonly ClaimantRegistry Registry = ClaimantRegistry.Default;

    [Fact]
    public void The_embedded_registry_loads_and_every_entry_has_an_alias_or_a_place()
    {
        Assert.NotEmpty(Registry.Entries);
        Assert.True(Registry.TryGet("ua.air_force", out var af));
        Assert.Equal(ClaimantKind.AirForce, af.Kind);
        Assert.Equal(Side.Ukraine, af.Side);
        Assert.Contains("air force", af.Aliases);
        Assert.All(Registry.Entries, e => Assert.True(e.Aliases.Length > 0 || e.Admin1 is not null, e.Id));
    }

    [Theory]
    // English: bodies, possessives, articles, spelling variants
    [InlineData("the Ukrainian air force", "ua.air_force")]
    [InlineData("Ukraine's Air Force", "ua.air_force")]
    [InlineData("Air Force spokesman Yuriy Ihnat", "ua.air_force")]
    [InlineData("the Russian Defence Ministry", "ru.mod")]
    [InlineData("Russia’s Ministry of Defense", "ru.mod")]
    [InlineData("the Ministry of Defense of the Russian Federation", "ru.mod")]
    [InlineData("Russian MoD", "ru.mod")]
    [InlineData("Gov. Vyacheslav Gladkov", "ru.region.belgorod")]
    [InlineData("Kremlin spokesman Dmitry Peskov", "ru.kremlin")]
    [InlineData("Ukraine's State Emergency Service", "ua.ses")]
    [InlineData("Ukrainian President Volodymyr Zelenskyy", "ua.president")]
    [InlineData("Mykhailo Podolyak, an adviser to the head of the president's office", "ua.president_office")]
    [InlineData("Andreï Klychkov", "ru.region.oryol")]
    [InlineData("Belarus", "by.government")]
    [InlineData("Russian authorities", "ru.government")]
    [InlineData("Moscow authorities", "ru.government")]
    [InlineData("Russia's Tass news agency", "ru.outlet.tass")]
    [InlineData("the Russian Emergencies Ministry", "ru.emergencies")]
    // Ukrainian and Russian, inflected
    [InlineData("Повітряні сили ЗСУ", "ua.air_force")]
    [InlineData("речник Повітряних сил Юрій Ігнат", "ua.air_force")]
    [InlineData("Минобороны России", "ru.mod")]
    [InlineData("губернатора Гладкова", "ru.region.belgorod")]
    [InlineData("ДСНС", "ua.ses")]
    [InlineData("Укрінформ", "ua.outlet.ukrinform")]
    public void Aliases_resolve_after_folding(string words, string id)
    {
        Assert.True(Registry.TryResolve(words, out var entry), words);
        Assert.Equal(id, entry.Id);
    }

    [Theory]
    [InlineData("the governor of the Kursk region", "ru.region.kursk")]
    [InlineData("head of the Sumy Regional Military Administration", "ua.oblast.sumy")]
    [InlineData("Kharkiv Mayor", "ua.city.kharkiv")]
    [InlineData("the head of the Kharkiv City Military Administration", "ua.city.kharkiv")]
    [InlineData("the governor of Russia's Bryansk Oblast", "ru.region.bryansk")]
    [InlineData("Lviv governor", "ua.oblast.lviv")]
    [InlineData("the Moscow-installed governor of the Kherson region", "ru.occupied.kherson")]
    [InlineData("the Kherson region's governor", "ua.oblast.kherson")]
    [InlineData("голова Харківської ОВА", "ua.oblast.kharkiv")]
    [InlineData("начальник Запорізької обласної військової адміністрації", "ua.oblast.zaporizhzhia")]
    [InlineData("губернатор Белгородской области", "ru.region.belgorod")]
    [InlineData("мэр Москвы", "ru.city.moscow")]
    [InlineData("the governor of the Leningrad region", "ru.region.leningrad")]
    [InlineData("Officials in Ukraine's Sumy region", "ua.oblast.sumy")]
    [InlineData("Russian authorities in the Kursk region", "ru.region.kursk")]
    public void A_title_with_a_place_names_that_place_s_authority(string words, string id)
    {
        var r = Registry.Resolve(words);
        Assert.NotNull(r);
        Assert.Equal(id, r.Entry.Id);
        Assert.Equal("title+place", r.Rule);
    }

    [Theory]
    [InlineData("Kharkiv")]
    [InlineData("head of the Odesa district military administration")]
    [InlineData("officials")]
    [InlineData("the report")]
    [InlineData("he")]
    [InlineData("")]
    [InlineData("a 47-year-old woman named Yulia")]
    public void Words_that_name_no_known_body_resolve_to_nothing(string words) => Assert.False(Registry.TryResolve(words, out _));

    [Fact]
    public void An_ambiguous_alias_takes_the_side_of_its_context_and_names_none_without_one()
    {
        Assert.False(Registry.TryResolve("the defence ministry", out _));
        Assert.True(Registry.TryResolve("the defence ministry", Side.Russia, out var ru));
        Assert.Equal("ru.mod", ru.Id);
        Assert.True(Registry.TryResolve("the defence ministry", Side.Ukraine, out var ua));
        Assert.Equal("ua.mod", ua.Id);
    }

    [Fact]
    public void The_longest_alias_wins_then_the_first_in_the_text()
    {
        Assert.Equal("ua.air_force", Resolve("Ukrainian Air Force commander Mykola Oleshchuk"));
        Assert.Equal("ru.mod", Resolve("the Russian Air Force"));
        Assert.Equal("ua.president_office", Resolve("Mykhailo Podolyak, adviser to President Zelenskyy"));
    }

    [Fact]
    public void A_deferred_registry_has_the_entries_of_a_full_parse_and_resolves_alike()
    {
        var full = ClaimantRegistry.Parse(Text(ClaimantRegistry.ClaimantsFile), Text(ClaimantRegistry.AliasesFile), Text(ClaimantRegistry.PlacesFile), Text(ClaimantRegistry.WordsFile));
        var deferred = ClaimantRegistry.ParseDeferred(Text(ClaimantRegistry.ClaimantsFile), Text(ClaimantRegistry.AliasesFile), Text(ClaimantRegistry.PlacesFile), Text(ClaimantRegistry.WordsFile));
        Assert.Equal(full.Entries.Select(Row), deferred.Entries.Select(Row));
        foreach (var words in new[] { "the Russian Defence Ministry", "голова Харківської ОВА", "the governor of the Kursk region", "Lviv governor" })
        {
            var resolution = deferred.Resolve(words);
            Assert.NotNull(resolution);
            Assert.Equal(full.Resolve(words)?.Entry.Id, resolution.Entry.Id);
            Assert.True(deferred.TryGet(resolution.Entry.Id, out var own));
            Assert.Same(own, resolution.Entry);
        }

        Assert.Equal(full.IsTitleOrPlaceWord("Харківської"), deferred.IsTitleOrPlaceWord("Харківської"));

        static string Row(ClaimantEntry e) => $"{e.Id}|{e.Name}|{e.Side}|{e.Kind}|{e.Admin1}|{string.Join(";", e.Aliases)}";
    }

    [Fact]
    public void A_deferred_registry_names_its_entries_before_it_reads_its_words()
    {
        var deferred = ClaimantRegistry.ParseDeferred(Text(ClaimantRegistry.ClaimantsFile), Text(ClaimantRegistry.AliasesFile), Text(ClaimantRegistry.PlacesFile), "governor\tbogus\n");
        Assert.True(deferred.TryGet("ua.air_force", out var af));
        Assert.Equal(Side.Ukraine, af.Side);
        var e = Assert.Throws<ClaimantRegistryException>(() => deferred.Resolve("the Ukrainian air force"));
        Assert.Contains("resolution-words.tsv, row 1", e.Message, StringComparison.Ordinal);
    }

    private static string? Resolve(string words) => Registry.Resolve(words)?.Entry.Id;

    private static string Text(string file) => ClaimantRegistry.DefaultText(file);

    private static ClaimantRegistryException Invalid(string? claimants = null, string? aliases = null, string? places = null, string? words = null) =>
        Assert.Throws<ClaimantRegistryException>(() => ClaimantRegistry.Parse(
            claimants ?? Text(ClaimantRegistry.ClaimantsFile),
            aliases ?? Text(ClaimantRegistry.AliasesFile),
            places ?? Text(ClaimantRegistry.PlacesFile),
            words ?? Text(ClaimantRegistry.WordsFile)));

    [Fact]
    public void A_row_with_too_few_columns_is_named_by_file_and_row()
    {
        var e = Invalid(claimants: "# header\nua.test\tUA\tOther\t-\tTest body\n");
        Assert.Contains("claimants.tsv, row 2", e.Message, StringComparison.Ordinal);
        Assert.Contains("5 columns", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ua.test\tUA\tPressOffice\t-\t-\tTest", "'PressOffice' is not a kind")]
    [InlineData("ua.test\tUkrainia\tOther\t-\t-\tTest", "'Ukrainia' is not a side")]
    [InlineData("UA Test\tUA\tOther\t-\t-\tTest", "is not an id")]
    [InlineData("ua.test\tUA\tRegionalAuthority\t-\t-\tTest", "needs its place and admin1")]
    [InlineData("ua.test\tUA\tCityAuthority\tatlantis\tAtlantis\tTest", "the place 'atlantis' is not in places.tsv")]
    [InlineData("ua.air_force\tUA\tAirForce\t-\t-\tTwice", "the id 'ua.air_force' is also on row")]
    public void Bad_entries_fail_with_what_is_wrong(string row, string expected)
    {
        var e = Invalid(claimants: Text(ClaimantRegistry.ClaimantsFile) + row + "\n");
        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
        Assert.Contains("claimants.tsv, row ", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("the Gladkov\tru.region.belgorod\tpart", "also on row")]
    [InlineData("Mr Nobody\tru.region.atlantis\tpart", "unknown id 'ru.region.atlantis'")]
    [InlineData("somebody\tru.mod\tsometimes", "the match 'sometimes' is unknown")]
    [InlineData("the of\tru.mod\tpart", "has no words")]
    [InlineData("lonely", "1 columns")]
    public void Bad_aliases_fail_with_what_is_wrong(string row, string expected)
    {
        var e = Invalid(aliases: Text(ClaimantRegistry.AliasesFile) + row + "\n");
        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
        Assert.Contains("aliases.tsv, row ", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_place_name_written_twice_fails()
    {
        var e = Invalid(places: Text(ClaimantRegistry.PlacesFile) + "atlantis\tatlantis;Kharkov\n");
        Assert.Contains("places.tsv, row ", e.Message, StringComparison.Ordinal);
        Assert.Contains("'Kharkov' is also on row", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_word_role_fails()
    {
        var e = Invalid(words: Text(ClaimantRegistry.WordsFile) + "sheriff\tbadge\n");
        Assert.Contains("resolution-words.tsv, row ", e.Message, StringComparison.Ordinal);
        Assert.Contains("the role 'badge' is unknown", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Ukraine’s", "ukraine")]
    [InlineData("Dnipropetrovs'k Oblast", "dnipropetrovsk oblast")]
    [InlineData("Andreï KLYCHKOV", "andrei klychkov")]
    [InlineData("«Повітряні сили»", "повітряні сили")]
    [InlineData("Ivano-Frankivsk", "ivano frankivsk")]
    [InlineData("Моё", "мое")]
    public void Folding(string text, string folded) => Assert.Equal(folded, ClaimantNames.Fold(text));
}
