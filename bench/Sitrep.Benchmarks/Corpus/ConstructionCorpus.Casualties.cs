namespace Sitrep.Benchmarks.Corpus;

/// <summary>The casualty and segmentation constructions (issue #12, "Casualties" and "Attack segmentation"), in English.</summary>
internal static partial class ConstructionCorpus
{
    /// <summary>Towns whose name differs from their region's, so a town and its region are two places.</summary>
    private static readonly (string Town, string Region)[] UaTownsApart = CorpusLexicon.UaTowns.Where(t => t.Town != t.Region).ToArray();

    private static readonly (string Town, string Region)[] RuTownsApart = CorpusLexicon.RuTowns.Where(t => t.Town != t.Region).ToArray();

    private static string Gov(Scene s) => s.Pick(CorpusLexicon.UaGovernorNames);

    /// <summary>The pronoun for one of <see cref="CorpusLexicon.UaGovernorNames"/>.</summary>
    private static string HeOrShe(string name) => name.Split(' ')[0] is "Yuliia" or "Olena" ? "she" : "he";

    private static void OneAtATime(Scene s)
    {
        if (s.Language == "uk")
        {
            SlavicOneAtATime(s);
            return;
        }

        var when = s.Recent();
        var gov = Gov(s);
        var (front, _) = s.Pick(CorpusLexicon.UaFrontTowns);
        var (town, _) = UaTown(s);
        switch (s.R.Next(4))
        {
            case 0:
                s.Event(when, "RU", "UA", [town], [new("drone", null, 1, null)], 1, 1, gov,
                    s.Say($"{when.Cap}, a Russian drone hit a warehouse in {town}, killing a night watchman.", $"Another man was wounded, governor {gov} said."));
                break;
            case 1:
                s.Event(when, "RU", "UA", [front], [new("artillery", null, null, null)], 1, 1, gov,
                    s.Say($"Russian shelling of {front} {when.Text} killed one person and injured another, {gov}, the regional governor, said."));
                break;
            case 2:
                s.Event(when, "RU", "UA", [town], [new("missile", null, 1, null)], null, 1, gov,
                    s.Say($"A missile struck an industrial site in {town} {when.Text}, with one worker injured, governor {gov} said."));
                break;
            default:
                s.Event(when, "RU", "UA", [front], [new("artillery", null, null, null)], 1, 1, gov,
                    s.Say($"Russian artillery shelled {front} {when.Text}.", $"A {s.Between(55, 85)}-year-old woman was killed and her neighbour was wounded, governor {gov} said."));
                break;
        }
    }

    private static void LaterDied(Scene s)
    {
        var when = s.Recent();
        var gov = Gov(s);
        var (town, _) = UaTown(s);
        var k = s.Between(2, 9);
        switch (s.R.Next(3))
        {
            case 0:
                s.Event(when, "RU", "UA", [town], [new("drone", null, 1, null)], 2, null, gov,
                    s.Say($"A drone hit a car in {town} {when.Text}, killing the driver.", $"His passenger was badly wounded and later died in hospital, {gov} said."));
                break;
            case 1:
                s.Event(when, "RU", "UA", [town], [new("missile", null, null, null)], k + 1, null, gov,
                    s.Say($"The missile strike on {town} {when.Text} killed {s.Num(k)} people, governor {gov} said.", $"A woman pulled from the rubble later died in hospital, bringing the toll to {k + 1}."));
                break;
            default:
                s.Event(when, "RU", "UA", [town], [new("guided_bomb", null, 1, null)], 1, null, gov,
                    s.Say($"{when.Cap}, a guided bomb hit a shop in {town}, seriously wounding a man, {gov} said.", "He later died in hospital."));
                break;
        }
    }

    private static void PeriodTotal(Scene s)
    {
        var when = s.Recent();
        var gov = Gov(s);
        var (town, region) = s.Pick(CorpusLexicon.UaFrontTowns);
        int k = s.Between(2, 6), times = s.Between(20, 120), dead = s.Between(2, 9);
        var attack = s.Say($"{when.Cap}, a Russian drone hit a house in {town}, injuring {s.Num(k)} people, governor {gov} said.");
        var total = s.R.Next(3) switch
        {
            0 => s.Say($"Over the past day, Russian forces shelled the {region} region {times} times, killing {s.Num(dead)} people."),
            1 => s.Say($"In the past 24 hours, {dead} civilians were killed across the region in {times} attacks, {HeOrShe(gov)} added."),
            _ => s.Say($"Russian strikes on the region have killed {dead} people and wounded {dead + times / 10} others this week, according to the regional administration."),
        };
        s.Event(when, "RU", "UA", [town], [new("drone", null, 1, null)], null, k, gov, attack);
        s.Aggregate("RU", "UA", total.Contains(region, StringComparison.Ordinal) ? [region + " region"] : [], [], dead, null, gov, total);
    }

    private static void NoneInOneRegion(Scene s)
    {
        var when = s.Recent();
        var regions = s.Distinct(CorpusLexicon.UaTowns.Where(t => t.Town != t.Region).Select(t => t.Region).ToArray(), 3);
        var town = s.Pick(UaTownsApart.Where(t => t.Region == regions[0]).Select(t => t.Town).ToArray());
        var n = s.Between(20, 90);
        var k = s.Between(2, 7);
        var text = s.Say(
            $"{when.Cap}, Russia attacked the {regions[0]}, {regions[1]} and {regions[2]} regions with {n} drones, {AirForceSaid(s)}.",
            $"In {town}, {s.Num(k)} people were injured, the local governor said.",
            s.Pick($"There were no casualties in the {regions[2]} region, its governor said.", $"No casualties were reported in the {regions[1]} region.",
                $"In the {regions[2]} region nobody was hurt, officials there said."));
        s.Event(when, "RU", "UA", [.. regions.Select(x => x + " region"), town], [new("drone", null, n, null)], null, k, AirForce, text);
    }

    private static void NoMention(Scene s)
    {
        var when = s.Recent();
        var region = RuRegion(s);
        var n = s.Between(3, 40);
        var text = s.Say($"{when.Cap}, Russian air defences destroyed {s.Num(n)} Ukrainian drones over the {region}, {RuModSaid(s)}.",
            s.Pick("The ministry made no mention of casualties or damage.", "It did not say whether anyone had been hurt.",
                "There was no information on casualties.", "The statement gave no details of damage or injuries."));
        s.Event(when, "UA", "RU", [region], [new("drone", null, null, n)], null, null, RuMod, text);
    }

    private static void CasualtiesRose(Scene s)
    {
        var when = s.Recent();
        var gov = Gov(s);
        var (town, _) = UaTown(s);
        int k = s.Between(2, 8), i = s.Between(3, 30);
        var text = s.R.Next(3) switch
        {
            0 => s.Say($"{when.Cap}, a missile strike on {town} killed {s.Num(k)} people and injured {i}, governor {gov} said.", $"By the evening the number of casualties had risen to {k + i}, {HeOrShe(gov)} added."),
            1 => s.Say($"The number of casualties in {town} after the attack {when.Text} has risen to {k + i}: {k} people were killed and {i} were wounded, {gov} said."),
            _ => s.Say($"Casualties from the strike on {town} {when.Text} rose to {k + i}, {gov} said.", $"Of them, {s.Num(k)} died and {i} were injured."),
        };
        s.Event(when, "RU", "UA", [town], text.StartsWith(when.Cap + ", a missile", StringComparison.Ordinal) ? [new("missile", null, null, null)] : [], k, i, gov, text);
    }

    private static void TollSuperseded(Scene s)
    {
        if (s.Language != "en")
        {
            SlavicToll(s);
            return;
        }

        var when = s.Recent();
        var gov = Gov(s);
        var (town, _) = UaTown(s);
        int first = s.Between(6, 20), later = first + s.Pick(-4, -3, -2, 2, 3, 5);
        var text = s.R.Next(3) switch
        {
            0 => s.Say($"{Scene.Initial(first)} people died in the strike on {town} {when.Text}, officials said initially.", $"Governor {gov} later specified that {later} had died."),
            1 => s.Say($"Early reports put the death toll from the attack on {town} {when.Text} at {first}.", $"{gov}, the governor, later corrected the figure to {later} killed."),
            _ => s.Say($"{when.Cap}, a missile strike on {town} killed {first} people, according to preliminary information.", $"The toll was later revised to {later}, {gov} said."),
        };
        s.Event(when, "RU", "UA", [town], text.Contains("a missile strike", StringComparison.Ordinal) ? [new("missile", null, null, null)] : [], later, null, gov, text);
    }

    // ---------------------------------------------------------------- segmentation

    private static void NewAttackCue(Scene s)
    {
        if (s.Language != "en")
        {
            SlavicNewAttack(s);
            return;
        }

        var p = s.Published;
        var night = new When(p, s.Pick("overnight", "during the night"));
        var day = new When(p, "on " + Scene.Weekday(p));
        var (town, _) = UaTown(s);
        var (front, frontRegion) = s.Pick(CorpusLexicon.UaFrontTowns.Where(t => t.Town != town).ToArray());
        var drone = s.Pick(ShahedForms);
        int n = s.Between(2, 12), k1 = s.Between(2, 8), k2 = s.Between(2, 5);
        var gov = Gov(s);
        var gov2 = s.Pick(CorpusLexicon.UaGovernorNames.Where(g => g != gov).ToArray());
        var first = s.Say($"{night.Cap}, {s.CountOf(n, drone)} hit {town}, injuring {s.Num(k1)} people, {gov}, the regional governor, said.");
        s.Paragraph();
        var cue = s.Pick("Meanwhile", "Elsewhere", "Separately", "In another attack");
        var (weapon, phrase) = s.Pick((new GoldWeapon("guided_bomb", null, null, null), "guided bombs"), (new GoldWeapon("artillery", null, null, null), "artillery"),
            (new GoldWeapon("rocket", "Grad", null, null), "Grad rockets"));
        var second = s.R.Next(2) == 0
            ? s.Say($"{cue}, in the {frontRegion} region, Russian forces struck {front} with {phrase} {day.Text}, killing {s.Num(k2)} people, governor {gov2} said.")
            : s.Say($"{cue}, Russian {phrase} hit {front} {day.Text}.", $"{Scene.Initial(k2)} residents were killed, {gov2} said.");
        s.Event(night, "RU", "UA", [town], [Scene.W(drone, n, null)], null, k1, gov, first);
        s.Event(day, "RU", "UA", second.Contains("region,", StringComparison.Ordinal) ? [frontRegion + " region", front] : [front], [weapon], k2, null, gov2, second);
    }

    private static void AlsoContinues(Scene s)
    {
        var when = s.Recent();
        var drone = s.Pick(ShahedForms);
        var missile = s.Pick(BallisticForms.Concat(CruiseForms).ToArray());
        int n = s.InRange(drone), m = s.Between(2, 6);
        var (town, _) = UaTown(s);
        var text = s.Say($"{when.Cap}, Russia attacked {town} with {s.CountOf(n, drone)}, {AirForceSaid(s)}.",
            s.Pick($"Russia also fired {s.Num(m)} {missile.Plural} during the attack, the air force added.",
                $"The military said {s.Num(m)} {missile.Plural} were also used in the assault.",
                $"In the same attack, {s.Num(m)} {missile.Plural} were launched as well."));
        s.Event(when, "RU", "UA", [town], [Scene.W(drone, n, null), Scene.W(missile, m, null)], null, null, AirForce, text);
    }

    private static void ScopeSplit(Scene s)
    {
        var when = new When(s.Published, s.Pick("overnight", "during the night"));
        var (town, region) = s.Pick(RuTownsApart);
        var others = s.Distinct(CorpusLexicon.RuRegionNames.Where(x => x != region).ToArray(), 2);
        int a = s.Between(2, 9), n = a + s.Between(15, 60);
        var gov = s.Pick(CorpusLexicon.RuGovernorNames);
        string local, national;
        if (s.R.Next(2) == 0)
        {
            local = s.Say($"Governor {gov} said {s.Num(a)} drones had been shot down over {town} {when.Text}, damaging a warehouse.");
            s.Paragraph();
            national = s.Say($"Nationwide, {RuModSaid(s)} that {n} Ukrainian drones had been destroyed {when.Text} over the {region}, {others[0]} and {others[1]} regions.");
        }
        else
        {
            national = s.Say($"{Cap(RuModSaid(s))} that air defences had intercepted {n} Ukrainian drones over the {others[0]}, {others[1]} and {region} regions {when.Text}.");
            s.Paragraph();
            local = s.Say($"In {town}, Governor {gov} said on Telegram, {s.Num(a)} drones were downed above the town {when.Text} and a car was damaged.");
        }

        s.Event(when, "UA", "RU", [town], [new("drone", null, null, a)], null, null, gov, local);
        s.Event(when, "UA", "RU", [region + " region", others[0] + " region", others[1] + " region"], [new("drone", null, null, n)], null, null, RuMod, national);
    }

    private static void OtherSideClaim(Scene s)
    {
        var when = s.Recent();
        var k = s.Between(3, 40);
        if (s.R.Next(2) == 0)
        {
            var (town, _) = RuTown(s);
            var n = s.Between(2, 8);
            var text = s.Say($"Ukraine's general staff said its forces had struck an ammunition depot in {town} {when.Text} with {n} HIMARS rockets.",
                s.Pick($"Russian authorities claimed the strike killed {k} civilians.", $"Moscow said the attack had killed {k} people and accused Kyiv of targeting a residential area.",
                    $"Russia's defence ministry claimed that {k} civilians died in the strike."));
            s.Event(when, "UA", "RU", [town], [new("rocket", "HIMARS", n, null)], k, null, "Ukraine's general staff; Russian authorities", text);
        }
        else
        {
            var (town, _) = UaTown(s);
            var gov = Gov(s);
            var text = s.Say($"A Russian missile hit {town} {when.Text}, killing {s.Num(k)} people, governor {gov} said.",
                s.Pick("Russia's defence ministry claimed it had hit a gathering of Ukrainian troops.", "Moscow said its forces had struck a military target in the city.",
                    "The Russian military claimed the strike destroyed a Ukrainian command post."));
            s.Event(when, "RU", "UA", [town], [new("missile", null, 1, null)], k, null, gov, text);
        }
    }

    private static void DatedNonAttack(Scene s)
    {
        var when = new When(s.Published, s.Pick("overnight", "early this morning"));
        var (town, _) = UaTown(s);
        var gov = Gov(s);
        var k = s.Between(2, 9);
        var before = s.Published.AddDays(-s.Between(20, 90));
        var text = s.Say($"A Russian drone struck an apartment block in {town} {when.Text}, injuring {s.Num(k)} people, {gov} said.");
        s.Say(s.Pick($"It was the first such attack on the city since {CorpusLexicon.Months[before.Month - 1]} {before.Day}.",
            "Authorities had called for an evacuation of nearby villages two days ago.",
            $"On {Scene.Weekday(s.Published.AddDays(-3))}, officials urged residents to stay close to shelters.",
            $"The city last declared a day of mourning on {CorpusLexicon.Months[before.Month - 1]} {before.Day}."));
        s.Event(when, "RU", "UA", [town], [new("drone", null, 1, null)], null, k, gov, text);
    }

    private static void ExplicitAttacker(Scene s)
    {
        var when = s.Recent();
        var n = s.Between(3, 30);
        switch (s.R.Next(3))
        {
            case 0:
                var place = s.Pick(CorpusLexicon.CrimeaPlaces);
                s.Event(when, "UA", "UA", [place], [new("drone", null, null, n)], null, null, RuMod,
                    s.Say($"Ukrainian drones attacked {place} {when.Text}, Russian-installed officials said.", $"{Cap(RuModSaid(s))} that {n} drones had been destroyed."));
                break;
            case 1:
                var (town, _) = UaTown(s);
                var m = s.Between(2, 6);
                s.Event(when, "RU", "UA", [town], [new("ballistic_missile", "Iskander-M", m, null)], null, null, RuMod,
                    s.Say($"{Cap(RuModSaid(s))} that its forces had struck Ukrainian military targets in {town} {when.Text} with {s.Num(m)} Iskander-M missiles."));
                break;
            default:
                var (rtown, _) = RuTown(s);
                s.Event(when, "UA", "RU", [rtown], [new("drone", null, null, null)], null, null, "Ukraine's general staff",
                    s.Say($"Ukraine's military said it had hit an oil refinery in {rtown} with long-range drones {when.Text}.", "A large fire broke out at the site."));
                break;
        }
    }

    private static void LaunchArea(Scene s)
    {
        var when = s.Recent();
        var n = s.Between(15, 90);
        var down = n - s.Between(1, n / 4);
        if (s.R.Next(3) != 0)
        {
            var region = UaRegion(s);
            var from = s.Pick("from Kursk and Millerovo", "from the Bryansk region and occupied Crimea", "from the Primorsko-Akhtarsk area", "from Oryol and Kursk");
            s.Event(when, "RU", "UA", [region], [new("drone", "Shahed-136", n, down)], null, null, AirForce,
                s.Say($"{when.Cap}, Russia launched {n} Shahed drones {from} at the {region}.", $"{down} of them were shot down, {AirForceSaid(s)}."));
        }
        else
        {
            var (town, _) = RuTown(s);
            var gov = s.Pick(CorpusLexicon.RuGovernorNames);
            var k = s.Between(2, 5);
            s.Event(when, "UA", "RU", [town], [new("drone", null, null, null)], null, k, gov,
                s.Say($"Drones launched from the Sumy region attacked {town} {when.Text}, injuring {s.Num(k)} people, governor {gov} said."));
        }
    }
}
