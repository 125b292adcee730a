using Sitrep.Core;
using Sitrep.Ledger.Filters;

namespace Sitrep.Ledger.Tests;

public sealed class LedgerFilterTests
{
    private static FilterResult Parse(params (string Name, string Value)[] values) =>
        LedgerFilter.Parse(n => values.FirstOrDefault(v => v.Name == n).Value, defaultLimit: 50);

    [Fact]
    public void Every_filter_is_read_into_a_typed_query()
    {
        var r = Parse(("since", "2024-06-01"), ("until", "2024-06-30"), ("attacker", "russia"), ("target", "UA"), ("place", "Kharkiv region"),
            ("weapon", "missile"), ("min-launched", "20"), ("min-killed", "1"), ("kind", "strike"), ("report", "7"), ("attack", "A12"));
        Assert.True(r.Ok);
        var q = r.Query;
        Assert.Equal(new DateOnly(2024, 6, 1), q.Since);
        Assert.Equal(new DateOnly(2024, 6, 30), q.Until);
        Assert.Equal(Side.Russia, q.Attacker);
        Assert.Equal(Country.Ukraine, q.Target);
        Assert.Equal("Kharkiv region", q.Place);
        Assert.Equal([WeaponCategory.CruiseMissile, WeaponCategory.BallisticMissile, WeaponCategory.Missile], q.Weapon!.Categories.ToArray());
        Assert.Equal(20, q.MinLaunched);
        Assert.Equal(1, q.MinKilled);
        Assert.Equal(EventKind.Strike, q.Kind);
        Assert.Equal(7, q.ReportId);
        Assert.Equal(12, q.AttackId);
        Assert.Equal(50, q.Limit);
    }

    [Theory]
    [InlineData("attacker", "BY", "--attacker 'BY' is not RU, UA or unknown.")]
    [InlineData("attacker", "nato", "--attacker 'nato' is not RU, UA or unknown.")]
    [InlineData("target", "poland", "--target 'poland' is not UA, RU, BY or other.")]
    [InlineData("since", "1 June", "--since '1 June' is not a date; write it as YYYY-MM-DD.")]
    [InlineData("min-launched", "-3", "--min-launched '-3' is not a whole number.")]
    [InlineData("kind", "raid", "--kind 'raid' is not strike or aggregate.")]
    [InlineData("attack", "B7", "--attack 'B7' is not an attack id; write it as A12 or 12.")]
    [InlineData("limit", "0", "--limit must be at least 1 (--all for every row).")]
    public void A_bad_value_is_an_error_that_says_what_to_write(string name, string value, string message)
    {
        var r = Parse((name, value));
        Assert.False(r.Ok);
        var e = Assert.Single(r.Errors);
        Assert.Equal(name, e.Name);
        Assert.Equal(message, e.Message);
    }

    [Fact]
    public void Until_before_since_is_an_error()
    {
        var r = Parse(("since", "2024-06-10"), ("until", "2024-06-01"));
        Assert.Contains(r.Errors, e => e.Name == "until" && e.Message.Contains("swap", StringComparison.Ordinal));
    }

    [Fact]
    public void A_weapon_that_names_no_category_is_a_model_prefix()
    {
        var q = Parse(("weapon", "shahed")).Query;
        Assert.Empty(q.Weapon!.Categories.ToArray());
        Assert.Equal("shahed", q.Weapon.ModelPrefix);
        Assert.Equal([WeaponCategory.GuidedBomb], Parse(("weapon", "KAB")).Query.Weapon!.Categories.ToArray());
    }

    [Theory]
    [InlineData("banana")]
    [InlineData("qwertyuiop")]
    [InlineData("zeppelin")]
    public void A_weapon_the_lexicon_does_not_know_is_an_error_that_lists_families_and_models(string text)
    {
        var r = Parse(("weapon", text));
        var e = Assert.Single(r.Errors);
        Assert.Equal("weapon", e.Name);
        Assert.StartsWith($"--weapon '{text}' is no weapon family or model the ledger knows.", e.Message, StringComparison.Ordinal);
        Assert.Contains("drone, missile, cruise_missile, ballistic_missile, bomb, artillery, rocket, other", e.Message, StringComparison.Ordinal);
        Assert.Contains("Shahed-136", e.Message, StringComparison.Ordinal);
        Assert.Contains("Kh-101", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("kalbir", "Kalibr")]
    [InlineData("shahd", "Shahed")]
    [InlineData("iskandr-m", "Iskander-M")]
    [InlineData("drome", "drone")]
    public void A_mistyped_weapon_names_the_nearest_one(string text, string near)
    {
        var e = Assert.Single(Parse(("weapon", text)).Errors);
        Assert.Contains($"Did you mean {near}?", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Kh-101", e.Message, StringComparison.Ordinal); // the models are listed only when none is near
    }

    [Theory]
    [InlineData("shahed", "shahed")]
    [InlineData("Kh-5", "Kh-5")] // the start of Kh-55, Kh-555, Kh-59
    [InlineData("shahed136", "shahed136")]
    [InlineData("geran-2", "Shahed-136")] // an alias: the model it names
    [InlineData("x-101", "Kh-101")]
    [InlineData("Х-101", "Kh-101")]
    public void A_model_its_start_or_an_alias_is_a_model_filter(string text, string model)
    {
        var r = Parse(("weapon", text));
        Assert.True(r.Ok, string.Join(" ", r.Errors));
        Assert.Equal(model, r.Query.Weapon!.ModelPrefix);
        Assert.Equal(text, r.Query.Weapon.Text);
    }

    [Theory]
    [InlineData("шахед", "shahed")]
    [InlineData("Шахеди", "shahed")]
    [InlineData("шахедів", "shaheds")]
    [InlineData("Герань-2", "geran-2")]
    [InlineData("ударні дрони", "drones")]
    [InlineData("калібр", "kalibr")]
    [InlineData("Калибры", "kalibr")]
    [InlineData("искандер", "iskanders")] // the lexicon's alias: Iskander-M (a bare "iskander" is also the start of Iskander-K)
    [InlineData("Іскандерами", "iskanders")]
    [InlineData("кинджал", "kinzhal")]
    [InlineData("кинжалы", "kinzhal")]
    [InlineData("дрони", "drones")]
    [InlineData("беспилотники", "uav")]
    [InlineData("ракети", "missiles")]
    [InlineData("ракет", "missile")]
    [InlineData("крилаті ракети", "cruise missiles")]
    [InlineData("баллистические ракеты", "ballistic missiles")]
    [InlineData("артилерія", "artillery")]
    [InlineData("обстріли", "shelling")]
    public void A_ukrainian_or_russian_word_selects_what_its_latin_name_does(string cyrillic, string latin)
    {
        var c = Parse(("weapon", cyrillic));
        var l = Parse(("weapon", latin));
        Assert.True(c.Ok, string.Join(" ", c.Errors.Select(e => e.Message)));
        Assert.True(l.Ok, string.Join(" ", l.Errors.Select(e => e.Message)));
        Assert.Equal(cyrillic, c.Query.Weapon!.Text);
        Assert.Equal(l.Query.Weapon!.Categories.ToArray(), c.Query.Weapon.Categories.ToArray());
        Assert.Equal(Models(l.Query.Weapon.ModelPrefix), Models(c.Query.Weapon.ModelPrefix));
        Assert.NotEmpty(c.Query.Weapon.Categories.IsEmpty ? Models(c.Query.Weapon.ModelPrefix) : ["a family"]);

        // The stored models a model filter matches (as the store compares them: folded keys, by their start).
        static string[] Models(string? prefix) => prefix is null ? [] :
            [.. Sitrep.Extraction.Stages.Weapons.WeaponLexicon.Models.Where(m => Sitrep.Storage.StoreKeys.Model(m)!.StartsWith(Sitrep.Storage.StoreKeys.Model(prefix)!, StringComparison.Ordinal)).Order(StringComparer.Ordinal)];
    }

    [Theory]
    [InlineData("банан")]
    [InlineData("шах")] // shorter than the stem "шахед*"
    [InlineData("ударний")] // one word of a two-word stem row ("ударн* дрон*")
    public void A_cyrillic_word_no_stem_row_reads_whole_is_refused(string text)
    {
        var r = Parse(("weapon", text));
        Assert.False(r.Ok);
        Assert.Equal("weapon", Assert.Single(r.Errors).Name);
    }

    [Fact]
    public void A_generic_lexicon_phrase_is_its_category()
    {
        var r = Parse(("weapon", "unmanned aerial vehicles"));
        Assert.True(r.Ok);
        Assert.Equal([WeaponCategory.Drone], r.Query.Weapon!.Categories.ToArray());
        Assert.Null(r.Query.Weapon.ModelPrefix);
    }

    [Fact]
    public void All_lifts_the_limit_and_oldest_first_sorts_ascending()
    {
        var q = Parse(("all", "true"), ("limit", "5"), ("oldest-first", "true")).Query;
        Assert.Null(q.Limit);
        Assert.True(q.Ascending);
    }

    [Theory]
    [InlineData("A12", 12L)]
    [InlineData("a3", 3L)]
    [InlineData("42", 42L)]
    public void Attack_ids_read_with_or_without_their_letter(string text, long id)
    {
        Assert.True(AttackIds.TryParse(text, out var parsed));
        Assert.Equal(id, parsed);
        Assert.Equal("A" + id, AttackIds.Format(id));
    }

    [Theory]
    [InlineData("A")]
    [InlineData("A0")]
    [InlineData("12a")]
    public void Not_attack_ids(string text) => Assert.False(AttackIds.TryParse(text, out _));
}
