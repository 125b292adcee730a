namespace Sitrep.Benchmarks.Corpus;

/// <summary>The places, dates and claimants constructions (issue #12, "Places, dates, claimants"), in English.</summary>
internal static partial class ConstructionCorpus
{
    private static readonly (string City, string[] Districts)[] CityDistricts =
    [
        ("Kharkiv", ["Saltivskyi", "Kyivskyi", "Shevchenkivskyi", "Industrialnyi", "Kholodnohirskyi"]),
        ("Kyiv", ["Darnytskyi", "Solomianskyi", "Podilskyi", "Obolonskyi", "Holosiivskyi", "Desnianskyi"]),
        ("Odesa", ["Prymorskyi", "Kyivskyi", "Khadzhybeiskyi"]),
        ("Dnipro", ["Shevchenkivskyi", "Chechelivskyi", "Samarskyi"]),
        ("Zaporizhzhia", ["Dniprovskyi", "Oleksandrivskyi", "Komunarskyi"]),
    ];

    /// <summary>Complex names; some are also the names of towns (Sosnovy Bor, Pokrovske), which must not become places.</summary>
    private static readonly string[] ComplexNames = ["Sosnovy Bor", "Zelenyi Hai", "Pokrovske", "Novyi Svit", "Chaika", "Riviera", "Sonyachnyi", "Lesnaya Polyana"];

    private static void District(Scene s)
    {
        if (s.Language == "uk")
        {
            SlavicDistrict(s);
            return;
        }

        var when = s.Recent();
        var (city, districts) = s.Pick(CityDistricts);
        var two = s.Distinct(districts, 2);
        var k = s.Between(2, 12);
        var mayor = s.Pick(CorpusLexicon.UaGovernorNames);
        var text = s.R.Next(3) switch
        {
            0 => s.Say($"A drone hit a high-rise in {city}'s {two[0]} district {when.Text}, injuring {s.Num(k)} people, Mayor {mayor} said."),
            1 => s.Say($"{when.Cap}, debris from downed drones fell in the {two[0]} and {two[1]} districts of {city}, {mayor}, the mayor, said.", $"{Scene.Initial(k)} residents were hurt."),
            _ => s.Say($"Russian missiles struck {city} {when.Text}.", $"Fires broke out in the {two[0]} district, and {s.Num(k)} people were injured in {two[1]}, Mayor {mayor} said."),
        };
        var weapons = text.Contains("missiles", StringComparison.Ordinal) ? new List<GoldWeapon> { new("missile", null, null, null) }
            : text.StartsWith("A drone", StringComparison.Ordinal) ? [new("drone", null, 1, null)] : [new("drone", null, null, null)];
        s.Event(when, "RU", "UA", [city], weapons, null, k, mayor, text);
    }

    private static void OfficialTitle(Scene s)
    {
        if (s.Language != "en")
        {
            SlavicOfficialTitle(s);
            return;
        }

        var when = s.Recent();
        var k = s.Between(2, 7);
        if (s.R.Next(2) == 0)
        {
            var (town, region) = s.Pick(UaTownsApart);
            var head = Gov(s);
            var text = s.R.Next(2) == 0
                ? s.Say($"A drone hit a house in {town} {when.Text}, injuring {s.Num(k)} people, {head}, head of the {region} Regional Military Administration, said.")
                : s.Say($"The head of the {region} regional administration, {head}, said {s.Num(k)} people were wounded when a missile struck {town} {when.Text}.");
            s.Event(when, "RU", "UA", [town], [new(text.Contains("drone", StringComparison.Ordinal) ? "drone" : "missile", null, 1, null)], null, k, head, text);
        }
        else
        {
            var (town, region) = s.Pick(RuTownsApart);
            var gov = s.Pick(CorpusLexicon.RuGovernorNames);
            var text = s.R.Next(2) == 0
                ? s.Say($"The governor of {region}, {gov}, said debris from a Ukrainian drone fell on {town} {when.Text}, injuring {s.Num(k)} people.")
                : s.Say($"{when.Cap}, a Ukrainian drone attack on {town} left {s.Num(k)} people injured, the governor of the {region} region, {gov}, wrote on Telegram.");
            s.Event(when, "UA", "RU", [town], [new("drone", null, text.Contains("debris from a", StringComparison.Ordinal) ? 1 : null, null)], null, k, gov, text);
        }
    }

    private static void RegionsList(Scene s)
    {
        var when = s.Recent();
        var n = s.Between(10, 80);
        if (s.R.Next(2) == 0)
        {
            var names = s.Distinct(CorpusLexicon.UaRegionNames, 3);
            var text = s.Say($"{when.Cap}, Russia attacked the regions of {names[0]}, {names[1]} and {names[2]} with {n} drones, {AirForceSaid(s)}.");
            s.Event(when, "RU", "UA", [.. names.Select(x => x + " region")], [new("drone", null, n, null)], null, null, AirForce, text);
        }
        else
        {
            var names = s.Distinct(CorpusLexicon.RuRegionNames.Where(x => x != "Moscow").ToArray(), 3);
            var text = s.R.Next(2) == 0
                ? s.Say($"{Cap(RuModSaid(s))} that {n} Ukrainian drones had been shot down over {names[0]}, {names[1]} and {names[2]} {when.Text}.")
                : s.Say($"{when.Cap}, air defences downed {n} drones over {names[0]} and the neighbouring regions of {names[1]} and {names[2]}, {RuModSaid(s)}.");
            s.Event(when, "UA", "RU", [.. names.Select(x => x + " region")], [new("drone", null, null, n)], null, null, RuMod, text);
        }
    }

    private static void BuildingName(Scene s)
    {
        var when = s.Recent();
        var name = s.Pick(ComplexNames);
        var kind = s.Pick("residential complex", "shopping centre", "business centre", "housing estate");
        var k = s.Between(2, 20);
        if (s.R.Next(3) != 0)
        {
            var (town, _) = UaTown(s);
            var gov = Gov(s);
            var text = s.R.Next(2) == 0
                ? s.Say($"A Russian drone struck the {name} {kind} in {town} {when.Text}, wounding {s.Num(k)} people, {gov} said.")
                : s.Say($"{when.Cap}, a missile hit {town}, governor {gov} said.", $"The worst damage was at the {name} {kind}, where {s.Num(k)} people were hurt.");
            s.Event(when, "RU", "UA", [town], [new(text.Contains("drone", StringComparison.Ordinal) ? "drone" : "missile", null, 1, null)], null, k, gov, text);
        }
        else
        {
            var (town, _) = RuTown(s);
            var gov = s.Pick(CorpusLexicon.RuGovernorNames);
            var text = s.Say($"Debris from a Ukrainian drone fell on the {name} {kind} in {town} {when.Text}, injuring {s.Num(k)} people, Governor {gov} said.");
            s.Event(when, "UA", "RU", [town], [new("drone", null, 1, null)], null, k, gov, text);
        }
    }

    private static void DamageOnly(Scene s)
    {
        var when = s.Recent();
        var n = s.Between(10, 70);
        if (s.R.Next(2) == 0)
        {
            var (town, region) = s.Pick(UaTownsApart);
            var text = s.Say($"{when.Cap}, Russia attacked the {region} region with {n} drones, {AirForceSaid(s)}.",
                s.Pick($"The hardest-hit area was {town}.", $"Most of the damage was in {town}.", $"The heaviest damage was reported in {town}."));
            s.Event(when, "RU", "UA", [region + " region", town], [new("drone", null, n, null)], null, null, AirForce, text);
        }
        else
        {
            var (town, region) = s.Pick(RuTownsApart);
            var gov = s.Pick(CorpusLexicon.RuGovernorNames);
            var text = s.Say($"Ukrainian drones attacked the {region} region {when.Text}, Governor {gov} said.",
                s.Pick($"The incident occurred at a fuel depot near {town}.", $"A fire broke out at an industrial site in {town}.", $"The damage was concentrated in {town}."));
            s.Event(when, "UA", "RU", [region + " region", town], [new("drone", null, null, null)], null, null, gov, text);
        }
    }

    private static void NoDateCue(Scene s)
    {
        if (s.Language != "en")
        {
            SlavicNoDate(s);
            return;
        }

        var none = new When(null, "");
        var (town, _) = UaTown(s);
        var gov = Gov(s);
        var k = s.Between(2, 14);
        var text = s.R.Next(3) switch
        {
            0 => s.Say($"A Russian drone hit an apartment building in {town}, injuring {s.Num(k)} people, Mayor {gov} said."),
            1 => s.Say($"Russian missiles struck the centre of {town}, governor {gov} said.", $"{Scene.Initial(k)} people were wounded."),
            _ => s.Say($"Governor {gov} said {s.Num(k)} people were hurt when a guided bomb hit a market in {town}."),
        };
        var weapon = text.Contains("drone", StringComparison.Ordinal) ? new GoldWeapon("drone", null, 1, null)
            : text.Contains("missiles", StringComparison.Ordinal) ? new GoldWeapon("missile", null, null, null) : new GoldWeapon("guided_bomb", null, 1, null);
        s.Event(none, "RU", "UA", [town], [weapon], null, k, gov, text);
    }

    private static void CaptionDate(Scene s)
    {
        var when = new When(s.Published, s.Pick("overnight", "during the night", "early this morning"));
        var (town, _) = UaTown(s);
        var gov = Gov(s);
        var n = s.Between(5, 40);
        var k = s.Between(2, 9);
        var photo = s.Published.AddDays(-s.Between(3, 40));
        var text = s.Say($"Russia attacked {town} with {n} drones {when.Text}, injuring {s.Num(k)} people, governor {gov} said.");
        s.Caption = s.Pick($"Photo: rescuers at a damaged building in {town}, {s.MonthDay(photo)}, {photo.Year}.",
            $"(File photo) Firefighters in {town} on {s.MonthDay(photo)}, {photo.Year}. Sitrep Wire",
            $"Caption: the aftermath of a strike in {town}, {Scene.Weekday(photo)} {s.MonthDay(photo)}.");
        s.Event(when, "RU", "UA", [town], [new("drone", null, n, null)], null, k, gov, text);
    }

    private static void TimeAside(Scene s)
    {
        var p = s.Published;
        var when = new When(p, s.Pick("overnight", "during the night"));
        var drone = s.Pick(ShahedForms);
        var n = s.InRange(drone);
        var down = n - s.Between(0, n / 5);
        var region = UaRegion(s);
        var text = s.R.Next(3) switch
        {
            0 => s.Say($"The attack on the {region} began shortly after midnight (2200 GMT {Scene.Weekday(p.AddDays(-1))}), {AirForceSaid(s)}.", $"Russia launched {s.CountOf(n, drone)} {when.Text}, and {down} were shot down."),
            1 => s.Say($"{when.Cap}, Russia sent {s.CountOf(n, drone)} against the {region} (2300 GMT {Scene.Weekday(p.AddDays(-1))}).", $"Air defence downed {down}, {AirForceSaid(s)}."),
            _ => s.Say($"Air raid alerts sounded across the {region} at 1 a.m. ({Scene.Weekday(p.AddDays(-1))} 2300 GMT).", $"{when.Cap}, air defence shot down {down} of {n} {drone.Plural}, {AirForceSaid(s)}."),
        };
        s.Event(when, "RU", "UA", [region], [Scene.W(drone, n, down)], null, null, AirForce, text);
    }

    private static void ClaimantPronoun(Scene s)
    {
        var when = s.Recent();
        var (town, _) = UaTown(s);
        var k = s.Between(2, 12);
        var gov = Gov(s);
        var she = HeOrShe(gov) == "she";
        var (pron, poss) = she ? ("She", "her") : ("He", "his");
        var text = s.R.Next(3) switch
        {
            0 => s.Say($"{gov}, the regional governor, said a drone had hit a five-storey building in {town} {when.Text}.", $"{pron} added that {s.Num(k)} people were injured."),
            1 => s.Say($"{when.Cap}, a drone struck a school in {town}.", $"\"{Scene.Initial(k)} people were wounded, and the building is badly damaged,\" {gov} wrote on Telegram.", $"{pron} said rescuers were still at the site."),
            _ => s.Say($"Governor {gov} reported a drone strike on {town} {when.Text}.", $"According to {poss} office, {s.Num(k)} people were hurt."),
        };
        // "a drone had hit", "a drone struck" are one drone; "a drone strike" is not a count.
        s.Event(when, "RU", "UA", [town], [new("drone", null, text.Contains("drone strike", StringComparison.Ordinal) ? null : 1, null)], null, k, gov, text);
    }

    private static void ClaimantAccordingTo(Scene s)
    {
        var when = s.Recent();
        var (town, _) = UaTown(s);
        var k = s.Between(2, 12);
        var (claimant, text) = s.R.Next(3) switch
        {
            0 => ("the regional police", s.Say($"According to the regional police, {s.Num(k)} people were wounded when a missile hit {town} {when.Text}.")),
            1 => ("the State Emergency Service", s.Say($"A missile struck a supermarket in {town} {when.Text}, injuring {s.Num(k)} people, the State Emergency Service said in a statement.")),
            _ => ("the prosecutor's office", s.Say($"{when.Cap}, a missile hit a residential street in {town}.", $"{Scene.Initial(k)} people were injured, according to the prosecutor's office."))
        };
        s.Event(when, "RU", "UA", [town], [new("missile", null, 1, null)], null, k, claimant, text);
    }
}
