namespace Sitrep.Benchmarks.Corpus;

/// <summary>The counts constructions (issue #12, "Counts by structure"), in English; Ukrainian and Russian in <c>ConstructionCorpus.Slavic.cs</c>.</summary>
internal static partial class ConstructionCorpus
{
    private const string AirForce = "Ukraine's air force";
    private const string RuMod = "Russia's defence ministry";

    private static readonly WeaponForm[] ShahedForms = CorpusLexicon.RuDrones.Where(w => w.Model is not null).ToArray();
    private static readonly WeaponForm[] CruiseForms = CorpusLexicon.RuMissiles.Where(w => w.Category == "cruise_missile" && w.Model is not null).ToArray();
    private static readonly WeaponForm[] BallisticForms = CorpusLexicon.RuMissiles.Where(w => w.Category == "ballistic_missile" && w.Model is not null).ToArray();

    private static string AirForceSaid(Scene s) => s.Pick(CorpusLexicon.AirForceClaims);

    private static string RuModSaid(Scene s) => s.Pick(CorpusLexicon.RuMinistryClaims);

    private static (string Town, string Region) UaTown(Scene s) => s.Pick(CorpusLexicon.UaTowns);

    private static (string Town, string Region) RuTown(Scene s) => s.Pick(CorpusLexicon.RuTowns);

    private static string UaRegion(Scene s) => s.Pick(CorpusLexicon.UaRegionNames) + " region";

    private static string RuRegion(Scene s) => s.Pick(CorpusLexicon.RuRegionNames) + " region";

    private static void QuantifierAll(Scene s)
    {
        if (s.Language != "en")
        {
            SlavicQuantifierAll(s);
            return;
        }

        var when = s.Recent();
        var drone = s.Pick(CorpusLexicon.RuDrones);
        var n = s.InRange(drone);
        var region = UaRegion(s);
        string text;
        switch (s.R.Next(4))
        {
            case 0:
                text = s.Say($"Air defence shot down all {s.Num(n)} {drone.Plural} that Russia launched at the {region} {when.Text}, {AirForceSaid(s)}.");
                break;
            case 1:
                text = s.Say($"{when.Cap}, Russia attacked the {region} with {s.CountOf(n, drone)}.", $"All of them were intercepted, {AirForceSaid(s)}.");
                break;
            case 2:
                text = s.Say($"All {s.Num(n)} {drone.Plural} aimed at the {region} {when.Text} were destroyed by mobile fire groups and fighter jets, {AirForceSaid(s)}.");
                break;
            default:
                text = s.Say($"{Cap(AirForceSaid(s))} that Russia had sent {s.CountOf(n, drone)} towards the {region} {when.Text}.", $"Every one of them was downed before reaching its target.");
                break;
        }

        s.Event(when, "RU", "UA", [region], [Scene.W(drone, n, n)], null, null, AirForce, text);
    }

    private static void AllOfThemList(Scene s)
    {
        var when = s.Recent();
        var drone = s.Pick(ShahedForms);
        var missile = s.Pick(CruiseForms);
        int d = s.InRange(drone), m = s.Between(2, 20);
        var (town, _) = UaTown(s);
        var text = s.R.Next(3) switch
        {
            0 => s.Say($"{when.Cap}, Russia launched {s.CountOf(d, drone)} and {s.CountOf(m, missile)} at {town}.", $"All of them were shot down, {AirForceSaid(s)}."),
            1 => s.Say($"Russia targeted {town} {when.Text} with {s.CountOf(m, missile)} and {s.CountOf(d, drone)}.", "Air defence destroyed all of them, according to the air force."),
            _ => s.Say($"The attack on {town} {when.Text} involved {s.CountOf(d, drone)} and {s.CountOf(m, missile)}, {AirForceSaid(s)}.", "None of them got through: all were intercepted."),
        };
        s.Event(when, "RU", "UA", [town], [Scene.W(drone, d, d), Scene.W(missile, m, m)], null, null, AirForce, text);
    }

    private static void SharedPredicate(Scene s)
    {
        var when = s.Recent();
        var drone = s.Pick(ShahedForms);
        var missile = s.Pick(CruiseForms);
        var ballistic = s.Pick(BallisticForms);
        int d = s.InRange(drone), m = s.Between(2, 24), b = s.Between(1, 6);
        var region = UaRegion(s);
        string text;
        List<GoldWeapon> weapons;
        switch (s.R.Next(3))
        {
            case 0:
                text = s.Say($"{when.Cap}, air defence units over the {region} intercepted {s.CountOf(d, drone)} and {s.CountOf(m, missile)}, {AirForceSaid(s)}.");
                weapons = [Scene.W(drone, null, d), Scene.W(missile, null, m)];
                break;
            case 1:
                text = s.Say($"Russia struck the {region} {when.Text}.", $"{Scene.Initial(d)} {drone.Plural} and {s.CountOf(m, missile)}, which were heading for the regional centre, were shot down, {AirForceSaid(s)}.");
                weapons = [Scene.W(drone, null, d), Scene.W(missile, null, m)];
                break;
            default:
                text = s.Say($"{Cap(AirForceSaid(s))} that {s.CountOf(d, drone)}, {s.CountOf(m, missile)} and {s.CountOf(b, ballistic)} had been downed over the {region} {when.Text}.");
                weapons = [Scene.W(drone, null, d), Scene.W(missile, null, m), Scene.W(ballistic, null, b)];
                break;
        }

        s.Event(when, "RU", "UA", [region], weapons, null, null, AirForce, text);
    }

    private static void OriginList(Scene s)
    {
        var when = s.Recent();
        int a = s.Between(3, 30), b = s.Between(2, 12), c = s.Between(1, 6);
        var text = s.R.Next(3) switch
        {
            0 => s.Say($"{when.Cap}, Russia fired {a} Kh-101 from Tu-95 bombers, {b} Kalibr from ships in the Black Sea and {s.Num(c)} Iskander-M from the ground.", $"All of them were shot down, {AirForceSaid(s)}."),
            1 => s.Say($"The enemy used {a} Kh-101 launched from strategic bombers over the Caspian Sea, {b} Kalibr fired from the Black Sea and {s.Num(c)} Iskander-M from Crimea {when.Text}, {AirForceSaid(s)}.", "Every missile was intercepted."),
            _ => s.Say($"{Cap(AirForceSaid(s))} that {a} Kh-101 from the air, {b} Kalibr from the sea and {s.Num(c)} Iskander-M from the ground had been launched {when.Text}.", "Air defence downed them all."),
        };
        s.Event(when, "RU", "UA", [], [new("cruise_missile", "Kh-101", a, a), new("cruise_missile", "Kalibr", b, b), new("ballistic_missile", "Iskander-M", c, c)],
            null, null, AirForce, text);
    }

    private static void EllipsisPerRegion(Scene s)
    {
        if (s.Language == "ru")
        {
            SlavicEllipsisPerRegion(s);
            return;
        }

        var when = s.Recent();
        var regions = s.Distinct(CorpusLexicon.RuRegionNames, s.Between(2, 3)).Select(x => x + " region").ToList();
        var counts = regions.Select(_ => s.Between(2, 25)).ToList();
        var total = counts.Sum();
        string list = regions.Count == 2
            ? $"{counts[0]} over the {regions[0]} and {counts[1]} over the {regions[1]}"
            : $"{counts[0]} over the {regions[0]}, {counts[1]} over the {regions[1]} and {counts[2]} over the {regions[2]}";
        var text = s.R.Next(3) switch
        {
            0 => s.Say($"Air defence systems destroyed {list} {when.Text}, {RuModSaid(s)}.", "It did not give a total."),
            1 => s.Say($"{when.Cap}, Ukrainian drones were intercepted across western Russia: {list}, {RuModSaid(s)}."),
            _ => s.Say($"{Cap(RuModSaid(s))} that its air defences had shot down Ukrainian drones {when.Text}, {list}."),
        };
        s.Event(when, "UA", "RU", regions, [new("drone", null, null, total)], null, null, RuMod, text);
    }

    private static void EllipsisNoun(Scene s)
    {
        var when = s.Recent();
        var drone = s.Pick(CorpusLexicon.RuDrones);
        var n = s.InRange(drone) + 10;
        var down = n - s.Between(1, Math.Max(2, n / 4));
        var text = s.R.Next(3) switch
        {
            0 => s.Say($"{when.Cap}, Russia launched {s.CountOf(n, drone)} at Ukraine, and air defence shot down {down}, {AirForceSaid(s)}."),
            1 => s.Say($"Russian forces sent {s.CountOf(n, drone)} against Ukrainian cities {when.Text}.", $"The air force said {down} were destroyed; the rest were lost to electronic jamming."),
            _ => s.Say($"Ukraine's air defence downed {down} of the drones {when.Text}; Russia had launched {n} in all, {AirForceSaid(s)}."),
        };
        s.Event(when, "RU", "UA", [], [Scene.W(drone, n, down)], null, null, AirForce, text);
    }

    private static void Partitive(Scene s)
    {
        if (s.Language != "en")
        {
            SlavicPartitive(s);
            return;
        }

        var when = s.Recent();
        var (town, _) = UaTown(s);
        var missile = s.Pick(CruiseForms);
        int n = s.Between(3, 20), down = s.Between(1, n - 1);
        string text;
        switch (s.R.Next(4))
        {
            case 0:
                text = s.Say($"Of {s.Num(n)} {missile.Plural} fired at {town} {when.Text}, air defence shot down {s.Num(down)}, {AirForceSaid(s)}.");
                break;
            case 1:
                text = s.Say($"{when.Cap}, {down} of more than {n} {missile.Plural} launched at {town} were intercepted, {AirForceSaid(s)}.");
                break;
            case 2:
                down = 1;
                n = s.Between(3, 5);
                text = s.Say($"Russia attacked {town} with {s.Num(n)} {missile.Plural} {when.Text}.", $"Only one of the {s.Num(n)} was shot down; the others struck an industrial site, {AirForceSaid(s)}.");
                break;
            default:
                text = s.Say($"{Cap(AirForceSaid(s))} that {s.Num(down)} out of {s.Num(n)} {missile.Plural} aimed at {town} {when.Text} had been destroyed.");
                break;
        }

        s.Event(when, "RU", "UA", [town], [Scene.W(missile, n, down)], null, null, AirForce, text);
    }

    private static void NominalCount(Scene s)
    {
        var when = s.Recent();
        var (town, region) = s.Pick(CorpusLexicon.UaFrontTowns);
        var n = s.Between(2, 9);
        var k = s.Between(2, 6);
        var gov = s.Pick(CorpusLexicon.UaGovernorNames);
        var (category, text) = s.R.Next(4) switch
        {
            0 => ("guided_bomb", s.Say($"Russian forces carried out {s.Num(n)} strikes with guided bombs on {town} {when.Text}, wounding {s.Num(k)} people, regional governor {gov} said.")),
            1 => ("ballistic_missile", s.Say($"{when.Cap}, {town} suffered {s.Num(n)} hits by ballistic missiles, governor {gov} said.", $"{Scene.Initial(k)} residents were injured.")),
            2 => ("guided_bomb", s.Say($"{gov}, the regional governor, reported {s.Num(n)} glide-bomb strikes on {town} {when.Text}.", $"At least {s.Num(k)} people were hurt.")),
            _ => ("missile", s.Say($"{gov}, the governor, said there had been {s.Num(n)} missile hits on {town} {when.Text}, leaving {s.Num(k)} civilians wounded.")),
        };
        s.Event(when, "RU", "UA", [town], [new(category, null, n, null)], null, k, gov, text);
        _ = region;
    }

    private static void ModifierOrder(Scene s)
    {
        var when = s.Recent();
        var (town, _) = UaTown(s);
        var n = s.Between(2, 9);
        var (weapon, phrase) = s.R.Next(4) switch
        {
            0 => (new GoldWeapon("ballistic_missile", "Iskander-M", n, null), $"{s.Num(n)} ballistic Iskander-M missiles"),
            1 => (new GoldWeapon("ballistic_missile", "Kinzhal", n, null), $"{s.Num(n)} hypersonic missiles Kh-47M2 Kinzhal"),
            2 => (new GoldWeapon("cruise_missile", "Kh-101", n, null), $"{s.Num(n)} air-launched cruise missiles of the Kh-101 type"),
            _ => (new GoldWeapon("drone", "Shahed-136", n, null), $"{s.Num(n)} Iranian-made attack drones of the Shahed-136 type"),
        };
        var text = s.R.Next(2) == 0
            ? s.Say($"{when.Cap}, Russia struck {town} with {phrase}, {AirForceSaid(s)}.")
            : s.Say($"Russian forces fired {phrase} at {town} {when.Text}.", "Damage to an industrial facility was reported.");
        s.Event(when, "RU", "UA", [town], [weapon], null, null, AirForce, text);
    }

    private static void WeaponSubject(Scene s)
    {
        var when = s.Recent();
        var (town, _) = UaTown(s);
        var n = s.Between(2, 8);
        var k = s.Between(2, 9);
        var gov = s.Pick(CorpusLexicon.UaGovernorNames);
        var missile = s.Pick(CorpusLexicon.RuMissiles);
        var text = s.R.Next(3) switch
        {
            0 => s.Say($"{Scene.Initial(n)} {missile.Plural} struck the port of {town} {when.Text}, injuring {s.Num(k)} dock workers, governor {gov} said."),
            1 => s.Say($"{when.Cap}, {s.Num(n)} {missile.Plural} hit {town}, damaging a railway depot.", $"{Scene.Initial(k)} people were wounded, {gov} said."),
            _ => s.Say($"{gov} said {s.Num(n)} {missile.Plural} slammed into an industrial zone of {town} {when.Text}, leaving {s.Num(k)} people injured."),
        };
        s.Event(when, "RU", "UA", [town], [Scene.W(missile, n, null)], null, k, gov, text);
    }

    private static void NegationUnable(Scene s)
    {
        if (s.Language == "uk")
        {
            SlavicNegation(s);
            return;
        }

        var when = s.Recent();
        var (town, _) = UaTown(s);
        var n = s.Between(2, 8);
        var text = s.R.Next(3) switch
        {
            0 => s.Say($"{when.Cap}, Russia fired {s.Num(n)} Kh-22 missiles at {town}.", $"Air defence was unable to intercept the Kh-22 missiles, {AirForceSaid(s)}."),
            1 => s.Say($"Russian bombers launched {s.Num(n)} Kh-22 cruise missiles at {town} {when.Text}, and none of them could be shot down, {AirForceSaid(s)}."),
            _ => s.Say($"{Cap(AirForceSaid(s))} that {s.Num(n)} Kh-22 missiles had struck {town} {when.Text}.", "Ukraine's air defence failed to down any of them."),
        };
        s.Event(when, "RU", "UA", [town], [new("cruise_missile", "Kh-22", n, 0)], null, null, AirForce, text);
    }

    private static void ModalityCapability(Scene s)
    {
        var when = s.Recent();
        var drone = s.Pick(ShahedForms);
        var n = s.InRange(drone) + 20;
        var down = n - s.Between(1, n / 5);
        var big = s.Pick(1000, 1500, 2000, 2500);
        var leader = s.Pick(CorpusLexicon.Leaders);
        var capability = s.R.Next(3) switch
        {
            0 => $"Russia could launch up to {big:#,0} drones a night by the end of the year, {leader} warned.",
            1 => $"Analysts say Moscow may be able to send as many as {big:#,0} drones in a single attack.",
            _ => $"{Scene.Cap(leader)} said Russia was preparing to fire {big:#,0} drones at once, and that Ukraine would need more interceptors.",
        };
        var text = s.Say($"{when.Cap}, Russia launched {s.CountOf(n, drone)} at Ukraine, of which {down} were shot down, {AirForceSaid(s)}.");
        s.Say(capability);
        s.Event(when, "RU", "UA", [], [Scene.W(drone, n, down)], null, null, AirForce, text);
    }

    private static void AgentPatient(Scene s)
    {
        var when = s.Recent();
        var (town, _) = UaTown(s);
        var gov = s.Pick(CorpusLexicon.UaGovernorNames);
        var drone = s.R.Next(2) == 0;
        var weapon = drone ? new GoldWeapon("drone", null, 1, null) : new GoldWeapon("missile", null, 1, null);
        var noun = drone ? "drone" : "missile";
        var text = s.R.Next(4) switch
        {
            0 => s.Say($"A {noun} destroyed the roof of a school in {town} {when.Text}, {gov}, the regional governor, said."),
            1 => s.Say($"{when.Cap}, a Russian {noun} destroyed a warehouse on the outskirts of {town}, governor {gov} said."),
            2 => s.Say($"A {noun} wrecked two houses in {town} {when.Text}, according to governor {gov}.", "Nobody was hurt."),
            _ => s.Say($"Governor {gov} said a single Russian {noun} had destroyed a petrol station in {town} {when.Text}."),
        };
        var none = text.Contains("Nobody was hurt", StringComparison.Ordinal);
        s.Event(when, "RU", "UA", [town], [weapon], none ? 0 : null, none ? 0 : null, gov, text);
    }

    private static void TotalColonBreakdown(Scene s)
    {
        var when = s.Recent();
        var region = UaRegion(s);
        int a = s.Between(2, 12), b = s.Between(1, 6), n = a + b;
        var (launched, text) = s.R.Next(3) switch
        {
            0 => ((int?)n, s.Say($"{when.Cap}, all {s.Num(n)} drones over the {region} were shot down: {s.Num(a)} Shaheds and {s.Num(b)} of an unknown type, {AirForceSaid(s)}.")),
            1 => (null, s.Say($"Air defence destroyed {n} drones over the {region} {when.Text}: {a} Shahed-136 and {b} Gerbera decoys, {AirForceSaid(s)}.")),
            _ => (n, s.Say($"{Cap(AirForceSaid(s))} that Russia had launched {n} drones at the {region} {when.Text}.", $"All were downed — {s.Num(a)} Shaheds and {s.Num(b)} jet-powered Gerans.")),
        };
        s.Event(when, "RU", "UA", [region], [new("drone", null, launched, n)], null, null, AirForce, text);
    }

    private static void TotalAmongBreakdown(Scene s)
    {
        var when = s.Recent();
        int a = s.Between(6, 30), b = s.Between(2, 10), c = s.Between(1, 6), n = a + b + c;
        var text = s.R.Next(3) switch
        {
            0 => s.Say($"{when.Cap}, Russia fired {n} missiles at Ukraine, among them {a} Kh-101, {b} Iskander-M and {c} Kinzhal, {AirForceSaid(s)}."),
            1 => s.Say($"The air force said Russia had used {n} missiles {when.Text}, including {a} Kh-101 cruise missiles, {b} Kalibr and {c} Iskander-M."),
            _ => s.Say($"Russia launched {n} missiles {when.Text}.", $"They included {a} Kh-101, {b} Kh-59 and {c} Kinzhal missiles, {AirForceSaid(s)}."),
        };
        s.Event(when, "RU", "UA", [], [new("missile", null, n, null)], null, null, AirForce, text);
    }

    private static void VagueQuantity(Scene s)
    {
        if (s.Language != "en")
        {
            SlavicVague(s);
            return;
        }

        var when = s.Recent();
        var (town, _) = UaTown(s);
        var k = s.Between(2, 9);
        var gov = s.Pick(CorpusLexicon.UaGovernorNames);
        var text = s.R.Next(4) switch
        {
            0 => s.Say($"{when.Cap}, Russia attacked {town} with dozens of drones and several missiles, governor {gov} said.", $"{Scene.Initial(k)} people were injured."),
            1 => s.Say($"Many drones were shot down over {town} {when.Text}, but debris injured {s.Num(k)} residents, {gov} said."),
            2 => s.Say($"Several ballistic missiles and a number of drones struck {town} {when.Text}, wounding {s.Num(k)} people, according to governor {gov}."),
            _ => s.Say($"Governor {gov} said scores of drones had targeted {town} {when.Text}.", $"{Scene.Initial(k)} people were hurt by falling debris."),
        };
        var weapons = new List<GoldWeapon> { new("drone", null, null, null) };
        if (text.Contains("missile", StringComparison.Ordinal))
        {
            weapons.Add(new GoldWeapon(text.Contains("ballistic", StringComparison.Ordinal) ? "ballistic_missile" : "missile", null, null, null));
        }

        s.Event(when, "RU", "UA", [town], weapons, null, k, gov, text);
    }

    private static string Cap(string s) => Scene.Cap(s);
}
