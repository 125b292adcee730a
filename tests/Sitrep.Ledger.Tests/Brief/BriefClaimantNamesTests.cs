using Sitrep.Core.Claimants;
using Sitrep.Ledger.Brief;

namespace Sitrep.Ledger.Tests.Brief;

public sealed class BriefClaimantNamesTests
{
    private static readonly Func<string, string?> English = BriefClaimantNames.English(ClaimantRegistry.Default);

    [Theory]
    [InlineData("ua.air_force", "the Ukrainian air force")]
    [InlineData("ua.ses", "the State Emergency Service of Ukraine")]
    [InlineData("ua.sbu", "the Security Service of Ukraine (SBU)")]
    [InlineData("ua.ukrenergo", "Ukrenergo")]
    [InlineData("ru.interior_ministry", "the Ministry of Internal Affairs of Russia")]
    [InlineData("ru.kremlin", "the Kremlin")]
    [InlineData("ru.region.belgorod", "the governor of Belgorod Oblast")]
    [InlineData("ua.city.kharkiv", "the mayor of Kharkiv")]
    [InlineData("ua.president", "the president of Ukraine")]
    [InlineData("iaea", "the International Atomic Energy Agency")]
    [InlineData("outlet.ap", "The Associated Press")]
    [InlineData("ru.outlet.baza", "Baza")]
    public void A_registered_claimant_is_named_as_a_sentence_writes_it(string id, string name) => Assert.Equal(name, English(id));

    [Fact]
    public void An_unknown_id_has_no_name_and_every_registered_one_has_a_plain_one()
    {
        Assert.Null(English("ua.no_such_body"));
        Assert.All(ClaimantRegistry.Default.Entries, e =>
        {
            var name = English(e.Id)!;
            Assert.DoesNotContain(" (a", name, StringComparison.Ordinal);
            Assert.False(name.EndsWith(')') && char.IsLower(name[name.LastIndexOf('(') + 1]), name);
            Assert.DoesNotContain("the the ", name, StringComparison.OrdinalIgnoreCase);
        });
    }

    [Fact]
    public void Only_english_briefs_name_claimants_by_the_registry()
    {
        Assert.NotNull(BriefClaimantNames.Options(ClaimantRegistry.Default, "en").ClaimantName);
        Assert.Null(BriefClaimantNames.Options(ClaimantRegistry.Default, "uk").ClaimantName);
    }
}
