using Sitrep.Core;
using Sitrep.Extraction.Stages.Weapons;

namespace Sitrep.Extraction.Tests.Stages;

public class WeaponLexiconTests
{
    [Theory]
    [InlineData("Kalibr", WeaponCategory.CruiseMissile, "Kalibr")]
    [InlineData("KALIBR", WeaponCategory.CruiseMissile, "Kalibr")]
    [InlineData("  kalibr ", WeaponCategory.CruiseMissile, "Kalibr")]
    [InlineData("Kh-101", WeaponCategory.CruiseMissile, "Kh-101")]
    [InlineData("X-101", WeaponCategory.CruiseMissile, "Kh-101")]
    [InlineData("Iskander-M", WeaponCategory.BallisticMissile, "Iskander-M")]
    [InlineData("KN-23", WeaponCategory.BallisticMissile, "KN-23")]
    [InlineData("Shahed-136", WeaponCategory.Drone, "Shahed-136")]
    [InlineData("Geran-2", WeaponCategory.Drone, "Shahed-136")]
    [InlineData("Orlan-10", WeaponCategory.Drone, "Orlan-10")]
    [InlineData("UAV", WeaponCategory.Drone, null)]
    [InlineData("attack drones", WeaponCategory.Drone, null)]
    [InlineData("Missile", WeaponCategory.Missile, null)]
    [InlineData("Ballistic Missile", WeaponCategory.BallisticMissile, null)]
    [InlineData("aerial bomb", WeaponCategory.GuidedBomb, null)]
    [InlineData("S-300", WeaponCategory.Missile, "S-300")]
    [InlineData("с-400", WeaponCategory.Missile, "S-400")] // Cyrillic, as listed
    public void A_lexicon_phrase_resolves_to_its_category_and_model(string name, WeaponCategory category, string? model)
    {
        Assert.True(WeaponLexicon.TryResolve(name, out var weapon));
        Assert.Equal(new WeaponRef(category, model), weapon);
    }

    [Theory]
    [InlineData("Merlin-VR", WeaponCategory.Drone, "Merlin-VR")]
    [InlineData("Мерлін-ВР", WeaponCategory.Drone, "Merlin-VR")]
    [InlineData("Молнія", WeaponCategory.Drone, "Molniya")]
    [InlineData("Molniya", WeaponCategory.Drone, "Molniya")]
    [InlineData("Молния-2", WeaponCategory.Drone, "Molniya")]
    [InlineData("Orion", WeaponCategory.Drone, "Orion")]
    [InlineData("Оріон", WeaponCategory.Drone, "Orion")]
    [InlineData("Forpost", WeaponCategory.Drone, "Forpost")]
    [InlineData("Форпост-Р", WeaponCategory.Drone, "Forpost")]
    [InlineData("Kub", WeaponCategory.Drone, "KUB-BLA")]
    [InlineData("Eleron", WeaponCategory.Drone, "Eleron-3")]
    [InlineData("Granat-4", WeaponCategory.Drone, "Granat-4")]
    [InlineData("Картограф", WeaponCategory.Drone, "Kartograf")]
    [InlineData("Привет-82", WeaponCategory.Drone, "Privet-82")]
    [InlineData("Фенікс", WeaponCategory.Drone, "Feniks")]
    [InlineData("Banderol", WeaponCategory.CruiseMissile, "Banderol")]
    [InlineData("X-31PD", WeaponCategory.CruiseMissile, "Kh-31PD")]
    [InlineData("GBU", WeaponCategory.GuidedBomb, "GBU")]
    public void The_air_force_tally_s_models_resolve(string name, WeaponCategory category, string model)
    {
        Assert.True(WeaponLexicon.TryResolve(name, out var weapon));
        Assert.Equal(new WeaponRef(category, model), weapon);
        Assert.Contains(model, WeaponLexicon.Models);
    }

    [Theory]
    [InlineData("Overnight the enemy sent two Orion drones and a Merlin-VR towards Sumy.", "Orion", "Merlin-VR")]
    [InlineData("A Forpost reconnaissance drone and a Kub loitering munition were downed near Kharkiv.", "Forpost", "KUB-BLA")]
    [InlineData("Сили ППО збили три ударні БпЛА типу «Молнія» та один Оріон на Запоріжжі.", "Molniya", "Orion")]
    [InlineData("Над Херсоном знищено безпілотник Молнію і розвідувальний Мерлін-ВР.", "Molniya", "Merlin-VR")]
    [InlineData("ПВО сбила БпЛА Форпост и два ударных БпЛА Молния-2 над Курской областью.", "Forpost", "Molniya")]
    public void The_stage_finds_the_new_models_in_running_text(string text, string first, string second)
    {
        var models = Annotate.Layer<WeaponMention>(text, Layers.Weapons).Select(m => m.Weapon.Model).ToList();
        Assert.Contains(first, models);
        Assert.Contains(second, models);
    }

    [Theory]
    [InlineData("Місто стало форпостом оборони півдня, заявив мер.")] // an outpost
    [InlineData("Удар молнии вызвал пожар на подстанции.")] // lightning
    [InlineData("Волонтери передали бандероль з ліками до Херсона.")] // a parcel
    [InlineData("У кожному класі стоїть куб із конструктора.")] // a cube
    public void A_common_word_that_is_also_a_model_is_no_weapon(string text)
    {
        Assert.Empty(Annotate.Layer<WeaponMention>(text, Layers.Weapons));
    }

    [Theory]
    [InlineData("X-31", "Kh-31")] // only "kh-31" is listed
    [InlineData("X-59MK2", "Kh-59MK2")]
    [InlineData("C-300", "S-300")] // Latin C
    [InlineData("C-400", "S-400")]
    [InlineData("Х-59", "Kh-59")] // Cyrillic Х
    public void X_and_C_designators_are_read_as_Kh_and_S(string name, string model)
    {
        Assert.True(WeaponLexicon.TryResolve(name, out var weapon));
        Assert.Equal(model, weapon.Model);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("/")]
    [InlineData("shelling")] // an activity, not a weapon
    [InlineData("ракет")] // a stem's root: stems match inflected words in text only
    [InlineData("ракетами")]
    [InlineData("Shahed-136 drones")] // not one phrase: the stage joins these in text, the lookup does not
    [InlineData("Unknown UAV")] // the caller looks up the words inside a name
    [InlineData("Zubr-9")]
    [InlineData("X-")]
    [InlineData("C-")]
    public void Anything_else_is_not_resolved(string? name)
    {
        Assert.False(WeaponLexicon.TryResolve(name, out var weapon));
        Assert.Equal(default, weapon);
    }

    [Theory]
    [InlineData("Kalibr")]
    [InlineData("Iskander-M")]
    [InlineData("Shahed-136")]
    [InlineData("KAB")]
    [InlineData("drones")]
    public void The_lookup_agrees_with_the_stage(string name)
    {
        var mention = Annotate.Layer<WeaponMention>(name, Layers.Weapons).First();
        Assert.True(WeaponLexicon.TryResolve(name, out var weapon));
        Assert.Equal(mention.Weapon, weapon);
    }
}
