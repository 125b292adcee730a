using Sitrep.Core;
using Sitrep.Ledger.Compare;

namespace Sitrep.Ledger.Tests.Compare;

public sealed class ReferenceModelsTests
{
    [Theory]
    [InlineData("Shahed-136/131", WeaponFamily.Drone, "lexicon,lexicon")]
    [InlineData("Kalibr", WeaponFamily.Missile, "lexicon")]
    [InlineData("X-59/X-69", WeaponFamily.Missile, "lexicon,lexicon")]
    [InlineData("X-101/X-555 and Kalibr and Iskander-K", WeaponFamily.Missile, "lexicon,lexicon,lexicon,lexicon")]
    [InlineData("C-400 and Iskander-M", WeaponFamily.Missile, "lexicon,lexicon")]
    [InlineData("X-47 Kinzhal", WeaponFamily.Missile, "words")] // "X-47" and "Kinzhal" agree
    [InlineData("3M22 Zircon", WeaponFamily.Missile, "words")]
    [InlineData("Unknown UAV", WeaponFamily.Drone, "words")]
    [InlineData("Reconnaissance UAV", WeaponFamily.Drone, "words")]
    [InlineData("Unknown Missile", WeaponFamily.Missile, "words")]
    [InlineData("Intercontinental Ballistic Missile", WeaponFamily.Missile, "words")]
    [InlineData("Aerial Bomb", WeaponFamily.Bomb, "lexicon")]
    public void A_model_maps_to_the_family_of_every_weapon_it_names(string model, WeaponFamily family, string rules)
    {
        var m = ReferenceModels.Resolve(model);
        Assert.True(m.Mapped);
        Assert.Equal(family, m.Family);
        Assert.Null(m.Problem);
        Assert.Equal(rules.Split(','), m.Parts.Select(p => p.Rule));
    }

    [Theory]
    [InlineData("Zubr-9", "the weapon lexicon does not know 'Zubr-9'")]
    [InlineData("Zubr-9 and Lancet", "the weapon lexicon does not know 'Zubr-9'")] // one unknown name leaves the row out
    [InlineData("Shahed-136 and Kalibr", "it names weapons of drone and missile")]
    [InlineData("Unknown", "the weapon lexicon does not know 'Unknown'")]
    [InlineData("UAV Missile", "'UAV Missile' has words of drone and missile")]
    [InlineData("Zubr-9 and UAV Missile", "the weapon lexicon does not know 'Zubr-9'")]
    [InlineData(" / ", "it names no weapon")]
    public void A_model_that_cannot_be_mapped_says_why(string model, string problem)
    {
        var m = ReferenceModels.Resolve(model);
        Assert.False(m.Mapped);
        Assert.Null(m.Family);
        Assert.StartsWith(problem, m.Problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Shahed-136/131", "Shahed-136|Shahed-131")]
    [InlineData("X-101/X-555 and Kalibr", "X-101|X-555|Kalibr")]
    [InlineData("Iskander-M/KN-23 and Iskander-K", "Iskander-M|KN-23|Iskander-K")]
    [InlineData("C-300 / C-400", "C-300|C-400")]
    [InlineData("Kalibr", "Kalibr")]
    public void Combined_names_are_split_on_and_and_slashes(string model, string names) =>
        Assert.Equal(names.Split('|'), ReferenceModels.Split(model));
}
