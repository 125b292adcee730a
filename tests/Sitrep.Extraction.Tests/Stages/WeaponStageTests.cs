using Sitrep.Core;

namespace Sitrep.Extraction.Tests.Stages;

public class WeaponStageTests
{
    [Theory]
    [InlineData("18 Shahed-136/131 attack drones", WeaponCategory.Drone, "Shahed-136/131")]
    [InlineData("two Geran-2 drones", WeaponCategory.Drone, "Shahed-136")]
    [InlineData("Kalibr cruise missiles", WeaponCategory.CruiseMissile, "Kalibr")]
    [InlineData("Kh-101/Kh-555 missiles", WeaponCategory.CruiseMissile, "Kh-101/Kh-555")]
    [InlineData("X-101 missiles", WeaponCategory.CruiseMissile, "Kh-101")]
    [InlineData("an Iskander-M missile", WeaponCategory.BallisticMissile, "Iskander-M")]
    [InlineData("a KN-23 missile", WeaponCategory.BallisticMissile, "KN-23")]
    [InlineData("a Kinzhal", WeaponCategory.BallisticMissile, "Kinzhal")]
    [InlineData("S-300 missiles fired at the city", WeaponCategory.Missile, "S-300")]
    [InlineData("KAB guided bombs", WeaponCategory.GuidedBomb, "KAB")]
    [InlineData("two KAB-250 bombs", WeaponCategory.GuidedBomb, "KAB-250")]
    [InlineData("дві ФАБ-500 з УМПК", WeaponCategory.GuidedBomb, "FAB-500")]
    [InlineData("glide bombs", WeaponCategory.GuidedBomb, null)]
    [InlineData("Lancet drones", WeaponCategory.Drone, "Lancet")]
    [InlineData("Grad rockets", WeaponCategory.Rocket, "Grad")]
    [InlineData("HIMARS rockets", WeaponCategory.Rocket, "HIMARS")]
    [InlineData("ATACMS missiles", WeaponCategory.BallisticMissile, "ATACMS")]
    [InlineData("Storm Shadow missiles", WeaponCategory.CruiseMissile, "Storm Shadow")]
    [InlineData("a Neptune missile", WeaponCategory.CruiseMissile, "Neptune")]
    [InlineData("kamikaze drones", WeaponCategory.Drone, null)]
    [InlineData("UAVs", WeaponCategory.Drone, null)]
    [InlineData("heavy artillery", WeaponCategory.Artillery, null)]
    public void Weapons_are_named_with_category_and_model(string text, WeaponCategory category, string? model)
    {
        var w = Annotate.Layer<WeaponMention>(text, Layers.Weapons).First();
        Assert.Equal(category, w.Weapon.Category);
        Assert.Equal(model, w.Weapon.Model);
    }

    [Fact]
    public void Shelling_is_an_activity()
    {
        var w = Assert.Single(Annotate.Layer<WeaponMention>("Russian shelling hit the village.", Layers.Weapons));
        Assert.True(w.IsActivity);
        Assert.Equal(WeaponCategory.Artillery, w.Weapon.Category);
    }
}
