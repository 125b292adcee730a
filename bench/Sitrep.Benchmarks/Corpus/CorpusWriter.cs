using System.Globalization;
using System.Text;

namespace Sitrep.Benchmarks.Corpus;

/// <summary>
/// Generates the project's own corpus of strike reports: deterministic for a seed, varied in phrasing, each
/// report carrying its gold facts so the corpus doubles as a test set. Reports are fictional; the places are
/// real, every named official is invented, and no sentence is taken from real reporting.
/// </summary>
/// <remarks>
/// Gold follows the labelling rules of <c>../shared/eval/SCHEMA.md</c>: one event per attack and date, every place
/// written in an attack's sentences is a place of that attack, qualifiers keep the number ("at least 16" is 16),
/// "no casualties were reported" is 0 killed and 0 injured, a revised toll keeps the later figure, drones lost to
/// electronic warfare are not destroyed, and totals since the war began go to background.
/// </remarks>
internal static class CorpusWriter
{
    public const int DefaultSeed = 20250214;
    public const int DefaultCount = 1200;

    /// <summary>Reports 1..<paramref name="count"/> for <paramref name="seed"/>; the same inputs give the same reports.</summary>
    public static IReadOnlyList<CorpusReport> Generate(int count = DefaultCount, int seed = DefaultSeed) => Generate(count, seed, GenerateOne);

    /// <summary>Reports 1..<paramref name="count"/> of a corpus, each made by <paramref name="one"/> from its index and the seed.</summary>
    public static IReadOnlyList<CorpusReport> Generate(int count, int seed, Func<int, int, CorpusReport> one)
    {
        var reports = new List<CorpusReport>(count);
        for (var i = 1; i <= count; i++)
        {
            reports.Add(one(i, seed));
        }

        return reports;
    }

    /// <summary>The seed of report <paramref name="index"/> of a corpus: not HashCode.Combine, which is randomised per process (the corpus must be the same on every run).</summary>
    public static int ReportSeed(int seed, int index) => unchecked((seed * 1_000_003) ^ (index * 7_919));

    /// <summary>Report number <paramref name="index"/> (1-based) of the corpus for <paramref name="seed"/>.</summary>
    public static CorpusReport GenerateOne(int index, int seed = DefaultSeed) => new ReportComposer(new Random(ReportSeed(seed, index)), index).Compose();

    /// <summary>
    /// Writes <paramref name="reports"/> to <paramref name="directory"/> in the eval layout:
    /// <c>articles/NNNN.txt</c> and <c>gold/NNNN.json</c>. Returns the number of words written.
    /// </summary>
    public static long WriteTo(string directory, IEnumerable<CorpusReport> reports)
    {
        var articles = Path.Combine(directory, "articles");
        var gold = Path.Combine(directory, "gold");
        Directory.CreateDirectory(articles);
        Directory.CreateDirectory(gold);
        var utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
        long words = 0;
        foreach (var report in reports)
        {
            File.WriteAllText(Path.Combine(articles, report.Id + ".txt"), report.FileText, utf8);
            File.WriteAllText(Path.Combine(gold, report.Id + ".json"), GoldJson.Serialize(report.Gold) + "\n", utf8);
            words += report.WordCount;
        }

        return words;
    }
}

/// <summary>Composes one report: its attacks, an optional aggregate, filler, and a headline. Single use.</summary>
internal sealed partial class ReportComposer
{
    private static readonly DateOnly FirstPublished = new(2022, 3, 1);
    private const int PublishedSpanDays = 1250;
    private const int MaxWords = 600;

    private readonly Random _r;
    private readonly bool _wire;
    private readonly string _id;
    private readonly DateOnly _published;
    private readonly List<List<string>> _paragraphs = [];
    private readonly List<GoldEvent> _events = [];
    private readonly List<GoldEvent> _background = [];
    private readonly HashSet<DateOnly> _usedDates = [];
    private DateOnly _lastDate;
    private string? _headline;

    // the event being written
    private List<string> _quotes = [];
    private List<string> _places = [];

    public ReportComposer(Random random, int index, bool wire = false)
    {
        _wire = wire;
        _r = random;
        _id = index.ToString("D4", CultureInfo.InvariantCulture);
        _published = FirstPublished.AddDays(_r.Next(PublishedSpanDays));
    }

    /// <summary>The report's attack number <paramref name="i"/>: the first on the report's own date, later ones on others.</summary>
    private GoldEvent NextAttack(int i)
    {
        var when = i == 0 ? FirstDate() : LaterDate();
        var kind = i == 0 ? Weighted(36, 26, 24, 14) : Weighted(25, 25, 30, 20);
        return kind switch
        {
            0 => RussianWave(when),
            1 => UkrainianDronesOverRussia(when),
            2 => FrontLineShelling(when),
            _ => UkrainianShellingOfRussia(when),
        };
    }

    public CorpusReport Compose()
    {
        if (_wire)
        {
            return ComposeWire();
        }

        var attacks = Weighted(45, 30, 15, 10) + 1;
        for (var i = 0; i < attacks; i++)
        {
            _events.Add(NextAttack(i));
        }

        if (_r.NextDouble() < 0.25)
        {
            Aggregate();
        }

        AddFiller();
        var body = new StringBuilder();
        body.Append(_headline).Append('\n');
        body.AppendJoin('\n', _paragraphs.Where(p => p.Count > 0).Select(p => string.Join(' ', p)));

        var url = $"https://corpus.sitrep.example/{_published.Year}/{_id}";
        return new CorpusReport(_id, url, _published, body.ToString(), new GoldReport(_id, _published, _events, _background));
    }

    // ------------------------------------------------------------------ dates

    private readonly record struct When(DateOnly Date, string Inline, string Initial);

    private static string Weekday(DateOnly d) => d.DayOfWeek.ToString();

    private string MonthDay(DateOnly d) => _r.Next(2) == 0
        ? $"{CorpusLexicon.Months[d.Month - 1]} {d.Day}"
        : $"{d.Day} {CorpusLexicon.Months[d.Month - 1]}";

    private static When Phrase(DateOnly d, string inline) => new(d, inline, Cap(inline));

    private When FirstDate()
    {
        var p = _published;
        var w = Weighted(22, 14, 16, 16, 12, 6, 8, 6) switch
        {
            0 => Phrase(p, "overnight"),
            1 => Phrase(p, $"on the night of {Weekday(p.AddDays(-1))} to {Weekday(p)}"),
            2 => EarlyWeekday(p.AddDays(-_r.Next(3))),
            3 => OnWeekday(p.AddDays(-_r.Next(7))),
            4 => OnMonthDay(p.AddDays(-_r.Next(10))),
            5 => Phrase(p.AddDays(-1), "yesterday"),
            6 => Phrase(p, _r.Next(2) == 0 ? "early this morning" : "overnight into " + Weekday(p)),
            _ => LateOn(p.AddDays(-1 - _r.Next(3))),
        };
        return Use(w);
    }

    private When LaterDate()
    {
        for (var attempt = 0; attempt < 30; attempt++)
        {
            var p = _published;
            var w = Weighted(30, 8, 22, 16, 12, 6, 6) switch
            {
                0 => Phrase(_lastDate.AddDays(-1), "a day earlier"),
                1 => Phrase(_lastDate.AddDays(-1), "the day before"),
                2 => OnWeekday(p.AddDays(-_r.Next(7))),
                3 => OnMonthDay(p.AddDays(-_r.Next(25))),
                4 => NightOf(p.AddDays(-_r.Next(7))),
                5 => Phrase(_lastDate.AddDays(-2), "two days earlier"),
                _ => Earlier(p.AddDays(-_r.Next(7))),
            };
            if (!_usedDates.Contains(w.Date))
            {
                return Use(w);
            }
        }

        var d = _usedDates.Min().AddDays(-1);
        return Use(OnMonthDay(d));
    }

    private When Use(When w)
    {
        _usedDates.Add(w.Date);
        _lastDate = w.Date;
        return w;
    }

    private When OnWeekday(DateOnly d) => Phrase(d, "on " + Weekday(d));

    private When EarlyWeekday(DateOnly d) => Phrase(d, (_r.Next(3) == 0 ? "early on " : "early ") + Weekday(d));

    private When LateOn(DateOnly d) => Phrase(d, "late on " + Weekday(d));

    private When Earlier(DateOnly d) => new(d, "earlier on " + Weekday(d), "Earlier, on " + Weekday(d));

    private When NightOf(DateOnly d) => Phrase(d, $"on the night of {Weekday(d.AddDays(-1))} to {Weekday(d)}");

    private When OnMonthDay(DateOnly d) => Phrase(d, "on " + MonthDay(d));

    // ------------------------------------------------------------------ numbers

    /// <summary>A count as a reporter writes it: digits, words, "a dozen", thousands separators.</summary>
    private string Num(int n)
    {
        if (n == 12 && _r.Next(4) == 0)
        {
            return "a dozen";
        }

        if (n < 1000 && ((n <= 10 && _r.Next(5) != 0) || (n < 100 && _r.Next(10) < 3)))
        {
            return CorpusLexicon.NumberWords(n);
        }

        return n.ToString("#,0", CultureInfo.InvariantCulture);
    }

    /// <summary>Sometimes hedges a count ("at least 16"); the gold value stays the number.</summary>
    private string Hedged(int n, double chance = 0.2)
    {
        if (_r.NextDouble() >= chance || n < 3)
        {
            return Num(n);
        }

        return Pick("at least", "more than", "about", "up to", "over", "nearly", "some") + " " + Num(n);
    }

    /// <summary>"a Kh-59 guided missile", "one drone", "28 Shahed drones".</summary>
    private string CountOf(int n, WeaponForm w, bool hedge = true) => n == 1
        ? (_r.Next(2) == 0 ? AOrAn(w.Singular) : "one") + " " + w.Singular
        : (hedge ? Hedged(n) : Num(n)) + " " + w.Plural;

    private static string AOrAn(string next) => "AEIOUaeiou".Contains(next[0], StringComparison.Ordinal) ? "an" : "a";

    private int Casualty(bool large = false)
    {
        return Weighted(35, 40, 20, 5) switch
        {
            0 => 1,
            1 => _r.Next(2, 6),
            2 => _r.Next(6, 16),
            _ => _r.Next(16, large ? 60 : 35),
        };
    }

    // ------------------------------------------------------------------ events

    private void BeginEvent()
    {
        _quotes = [];
        _places = [];
        _paragraphs.Add([]);
    }

    private void NewParagraph() => _paragraphs.Add([]);

    /// <summary>Writes a sentence into the current paragraph; event sentences are its quotes.</summary>
    private void Say(string sentence, bool quote = true)
    {
        _paragraphs[^1].Add(sentence);
        if (quote)
        {
            _quotes.Add(sentence);
        }
    }

    private string Place(string text)
    {
        if (!_places.Contains(text))
        {
            _places.Add(text);
        }

        return text;
    }

    private static string List(IReadOnlyList<string> items) => items.Count switch
    {
        0 => "",
        1 => items[0],
        _ => string.Join(", ", items.Take(items.Count - 1)) + " and " + items[^1],
    };

    private GoldEvent Finish(When when, string attacker, string target, List<GoldWeapon> weapons, int? killed, int? injured, string claimedBy) =>
        new(when.Date, _quotes.Any(q => q.Contains(when.Initial, StringComparison.Ordinal)) ? when.Initial : when.Inline, attacker, target, _places.ToArray(), weapons, killed, injured, claimedBy, _quotes.ToArray());

    private sealed class Shot(WeaponForm form, int launched, int? destroyed)
    {
        public WeaponForm Form { get; } = form;
        public int Launched { get; } = launched;
        public int? Destroyed { get; } = destroyed;

        public GoldWeapon Gold(bool launchedStated = true) => new(Form.Category, Form.Model, launchedStated ? Launched : null, Destroyed);
    }

    private Shot Fire(WeaponForm form, double destroyedChance)
    {
        var n = _r.Next(form.Min, form.Max + 1);
        int? d = null;
        if (_r.NextDouble() < destroyedChance)
        {
            d = _r.Next(4) == 0 ? n : n - _r.Next(0, (n / 3) + 1);
        }

        return new Shot(form, n, d);
    }

    /// <summary>A Russian drone and missile wave on Ukraine, figures from the Ukrainian air force.</summary>
    private GoldEvent RussianWave(When when)
    {
        BeginEvent();
        var shots = new List<Shot>();
        var hasDrones = _r.NextDouble() < 0.85;
        if (hasDrones)
        {
            shots.Add(Fire(Pick(CorpusLexicon.RuDrones), 0.8));
        }

        var missileKinds = hasDrones ? Weighted(30, 35, 25, 10) : Weighted(0, 50, 35, 15);
        var missiles = new List<WeaponForm>();
        for (var tries = 0; missiles.Count < missileKinds && tries < 20; tries++)
        {
            var m = Pick(CorpusLexicon.RuMissiles);
            var generic = m.Model is null;
            if (missiles.Any(x => x.Short == m.Short || (x.Model == m.Model && m.Model is not null) || (generic && x.Model is null)) ||
                (m.Category == "missile" && generic && missiles.Count > 0) || missiles.Any(x => x.Category == "missile" && x.Model is null))
            {
                continue;
            }

            missiles.Add(m);
        }

        shots.AddRange(missiles.Select(m => Fire(m, 0.7)));
        var claim = Pick(CorpusLexicon.AirForceClaims);
        var subject = Pick("Russia", "Russian forces", "Moscow's forces", "The Russian military", "Russia's army");
        var list = List(shots.Select(s => CountOf(s.Launched, s.Form)).ToList());
        var targets = PickPlaces(CorpusLexicon.UaTowns, CorpusLexicon.UaRegionNames, _r.Next(1, 5));

        switch (_r.Next(4))
        {
            case 0:
                Say($"{subject} launched {list} at Ukraine {when.Inline}, {claim}.");
                Say(PlacesSentence(targets));
                break;
            case 1:
                Say($"{when.Initial}, {LowerSubject(subject)} attacked Ukraine with {list}, {claim}.");
                Say(PlacesSentence(targets));
                break;
            case 2:
                Say($"{subject} fired {list} at targets across Ukraine {when.Inline}, according to {Pick("the air force", "Ukraine's air force", "the Ukrainian air force")}.");
                Say(PlacesSentence(targets));
                break;
            default:
                Say($"{when.Initial}, {LowerSubject(subject)} struck {List(WrittenPlaces(targets))} with {list}, {claim}.");
                break;
        }

        InterceptionSentences(shots, hasDrones);
        MaybeColour(CorpusLexicon.UaColor);

        int? killed = null, injured = null;
        if (_r.NextDouble() < 0.7)
        {
            NewParagraph();
            var town = targets.FirstOrDefault(t => !t.EndsWith(" region", StringComparison.Ordinal)) ?? PickTown(CorpusLexicon.UaTowns).Town;
            (killed, injured) = CasualtySentences(town, russianSide: false);
        }

        _headline ??= WaveHeadline(shots, killed, targets);
        return Finish(when, "RU", "UA", shots.Select(s => s.Gold()).ToList(), killed, injured, Claimant(claim));
    }

    private void InterceptionSentences(List<Shot> shots, bool hasDrones)
    {
        var reported = shots.Where(s => s.Destroyed is not null).ToList();
        if (reported.Count == 0)
        {
            if (_r.Next(2) == 0)
            {
                Say($"The air force did not say how many of the {shots[0].Form.Short} were shot down.");
            }

            return;
        }

        if (shots.Count == 1)
        {
            var s = shots[0];
            var d = s.Destroyed!.Value;
            Say(s.Launched == 1
                ? $"The {s.Form.Singular} was shot down."
                : d == s.Launched && d > 1
                ? Pick($"Air defences shot down all {Num(d)}.", $"All {Num(d)} were shot down, the air force said.", $"Air defences destroyed all {Num(d)} {s.Form.Short}.")
                : Pick($"Air defences shot down {Num(d)} of them.", $"{Cap(Num(d))} of them were destroyed by air defences.",
                       $"{Cap(Num(d))} out of {Num(s.Launched)} {s.Form.Short} were intercepted.", $"Air defences destroyed {Num(d)} {s.Form.Short}."));
        }
        else if (_r.Next(2) == 0)
        {
            var parts = reported.Select(s => DestroyedPhrase(s)).ToList();
            Say($"{Pick("Air defences", "Ukrainian air defences", "Air defence units")} {Pick("shot down", "destroyed", "intercepted")} {List(parts)}.");
        }
        else
        {
            foreach (var s in reported)
            {
                var d = s.Destroyed!.Value;
                Say(s.Launched == 1
                    ? $"The {s.Form.Singular} was {Pick("shot down", "destroyed", "intercepted")}."
                    : d == 2 && s.Launched == 2
                    ? $"Both {s.Form.Short} were {Pick("shot down", "destroyed", "intercepted")}."
                    : d == s.Launched && d > 1
                    ? $"All {Num(d)} {s.Form.Short} were {Pick("shot down", "destroyed", "intercepted")}."
                    : Pick($"{Cap(Num(d))} of the {s.Form.Short} were shot down.", $"{Cap(Num(d))} out of {Num(s.Launched)} {s.Form.Short} were intercepted.",
                           $"Air defences destroyed {Num(d)} of the {s.Form.Short}."));
            }
        }

        var silent = shots.Where(s => s.Destroyed is null).ToList();
        if (silent.Count > 0 && _r.Next(2) == 0)
        {
            Say($"It did not say what happened to the {List(silent.Select(s => s.Form.Short).ToList())}.");
        }

        var drone = hasDrones ? shots[0] : null;
        if (drone?.Destroyed is { } dd && drone.Launched - dd >= 4 && _r.Next(3) == 0)
        {
            var lost = _r.Next(1, drone.Launched - dd);
            Say(Pick($"Another {Num(lost)} drones were lost to electronic warfare.", $"A further {Num(lost)} drones did not reach their targets, likely because of electronic jamming."));
        }
    }

    private string DestroyedPhrase(Shot s)
    {
        var d = s.Destroyed!.Value;
        if (d == s.Launched && d == 2)
        {
            return "both " + s.Form.Short;
        }

        if (d == s.Launched && d > 2 && _r.Next(2) == 0)
        {
            return $"all {Num(d)} {s.Form.Short}";
        }

        if (s.Launched == 1)
        {
            return "the " + s.Form.Singular;
        }

        return d == 1 ? $"one of the {s.Form.Short}" : $"{Num(d)} {s.Form.Short}";
    }

    private List<string> PickPlaces((string Town, string Region)[] towns, string[] regions, int count)
    {
        var result = new List<string>();
        for (var tries = 0; result.Count < count && tries < 20; tries++)
        {
            var p = _r.Next(3) == 0 ? Pick(regions) + " region" : PickTown(towns).Town;
            if (!result.Contains(p))
            {
                result.Add(p);
            }
        }

        return result;
    }

    private void MaybeColour(string[] sentences)
    {
        if (_r.Next(2) == 0)
        {
            Say(Pick(sentences), quote: false);
        }
    }

    private List<string> WrittenPlaces(List<string> targets) =>
        targets.Select(t => t.EndsWith(" region", StringComparison.Ordinal) ? "the " + Place(t) : Place(t)).ToList();

    private string PlacesSentence(List<string> targets)
    {
        var places = List(WrittenPlaces(targets));
        return _r.Next(5) switch
        {
            0 => $"Explosions were heard in {places}.",
            1 => $"The attack targeted energy facilities in {places}, officials said.",
            2 => $"Drones and missiles hit {places}, {Pick(CorpusLexicon.Damage)}.",
            3 => $"Strikes were reported in {places}.",
            _ => $"Debris from downed drones fell in {places}, local authorities said.",
        };
    }

    private static string LowerSubject(string s) => s.StartsWith("The ", StringComparison.Ordinal) ? "the" + s[3..] : s;

    private string WaveHeadline(List<Shot> shots, int? killed, List<string> targets)
    {
        var total = shots.Sum(s => s.Launched);
        if (killed is > 0)
        {
            return $"{Cap(Num(killed.Value))} killed as Russia strikes {targets[0]}";
        }

        return Pick(
            $"Russia attacks Ukraine with {total} drones and missiles",
            "Russia launches overnight air attack on Ukraine",
            $"Ukraine's air defences repel Russian attack on {targets[0]}",
            "Air raid alerts across Ukraine as Russia launches new wave");
    }

    /// <summary>Ukrainian drones (sometimes missiles) over Russian regions or Crimea, figures from Russia's defence ministry.</summary>
    private GoldEvent UkrainianDronesOverRussia(When when)
    {
        BeginEvent();
        var claim = Pick(CorpusLexicon.RuMinistryClaims);
        var crimea = _r.NextDouble() < 0.15;
        var regions = crimea ? new List<string>() : PickDistinct(CorpusLexicon.RuRegionNames, Weighted(35, 25, 20, 12, 8) + 1);
        var drone = Pick(CorpusLexicon.UaDrones);
        var destroyed = _r.Next(drone.Min, drone.Max + 1);
        var launchedStated = _r.NextDouble() < 0.3;
        var launched = launchedStated ? destroyed + _r.Next(0, (destroyed / 4) + 2) : destroyed;
        // A governor's count over one town before the ministry's larger count over several regions: two scopes of the
        // night, two events in the gold (the local one first).
        var localScope = !crimea && !launchedStated && regions.Count >= 2 && destroyed >= 6 && _r.Next(6) == 0;
        if (localScope)
        {
            var towns = CorpusLexicon.RuTowns.Where(t => t.Region == regions[0]).ToArray();
            var town = towns.Length > 0 ? Pick(towns).Town : regions[0];
            var local = _r.Next(2, Math.Min(5, destroyed));
            var governor = Pick(CorpusLexicon.RuGovernorNames);
            Say(_r.Next(2) == 0
                ? $"Air defences shot down {Num(local)} {drone.Plural} over {Place(town)} {when.Inline}, Governor {governor} said."
                : $"{when.Initial}, {Num(local)} {drone.Plural} were downed over {Place(town)}, the regional governor, {governor}, wrote on Telegram.");
            _events.Add(Finish(when, "UA", "RU", [new GoldWeapon(drone.Category, drone.Model, null, local)], null, null, "Governor " + governor));
            BeginEvent();
        }

        var over = crimea ? Place("Crimea") : RegionGroup(regions);
        var weapons = new List<GoldWeapon> { new(drone.Category, drone.Model, launchedStated ? launched : null, destroyed) };

        if (launchedStated)
        {
            Say(_r.Next(2) == 0
                ? $"Ukraine launched {Hedged(launched)} drones at {over} {when.Inline}, and {Num(destroyed)} of them were shot down, {claim}."
                : $"{when.Initial}, Ukraine attacked {over} with {Num(launched)} {drone.Plural}; air defences destroyed {Num(destroyed)}, {claim}.");
        }
        else if (regions.Count == 2 && destroyed >= 4 && _r.Next(4) == 0)
        {
            // Itemised per region, the weapon and verb elided in the second item: the gold is their sum.
            var first = _r.Next(1, destroyed);
            Say(_r.Next(2) == 0
                ? $"Russian air defences destroyed {Num(first)} {drone.Plural} over the {regions[0]} region and {Num(destroyed - first)} over the {regions[1]} region {when.Inline}, {claim}."
                : $"{when.Initial}, air defence systems shot down {Num(first)} {drone.Plural} over the {regions[0]} region and {Num(destroyed - first)} over the {regions[1]} region, {claim}.");
        }
        else
        {
            Say(_r.Next(3) switch
            {
                0 => $"Russian air defences destroyed {Num(destroyed)} {drone.Plural} over {over} {when.Inline}, {claim}.",
                1 => $"{when.Initial}, air defence systems intercepted and destroyed {Num(destroyed)} {drone.Plural} over {over}, {claim}.",
                _ => $"{Pick("The Russian defence ministry said", "Russia's defence ministry said")} {Num(destroyed)} {drone.Plural} were shot down over {over} {when.Inline}.",
            });
        }

        if (regions.Count >= 2 && _r.Next(4) == 0 && destroyed >= 6)
        {
            var a = _r.Next(1, destroyed / 2);
            Say($"They included {Num(a)} over the {regions[0]} region, the ministry said.");
        }

        if (_r.NextDouble() < 0.15)
        {
            var m = Pick(CorpusLexicon.UaMissiles);
            var n = _r.Next(m.Min, m.Max + 1);
            Say($"The ministry also said it had shot down {CountOf(n, m, hedge: false)}.");
            weapons.Add(new GoldWeapon(m.Category, m.Model, null, n));
        }

        int? killed = null, injured = null;
        if (_r.NextDouble() < 0.6 && !crimea && !localScope)
        {
            NewParagraph();
            var region = regions[0];
            var towns = CorpusLexicon.RuTowns.Where(t => t.Region == region).ToArray();
            var town = towns.Length > 0 ? Pick(towns).Town : region;
            Say($"In {Place(town)}, falling debris hit a house, {Pick(CorpusLexicon.RuDamage)}.", quote: _r.Next(2) == 0);
            (killed, injured) = CasualtySentences(town, russianSide: true, mostlyInjured: true);
        }

        MaybeColour(CorpusLexicon.RuColor);
        if (_r.Next(3) == 0)
        {
            Say("Kyiv did not comment on the attack.", quote: false);
        }

        _headline ??= crimea
            ? $"Russia says it downed {destroyed} Ukrainian drones over Crimea"
            : Pick($"Russia says it downed {destroyed} Ukrainian drones", $"Ukrainian drones target {regions[0]} region, Moscow says", $"Drone attack on {regions.Count} Russian regions");
        return Finish(when, "UA", crimea ? "UA" : "RU", weapons, killed, injured, Claimant(claim));
    }

    /// <summary>"the Belgorod, Kursk and Bryansk regions"; each region becomes a gold place ("Kursk region").</summary>
    private string RegionGroup(List<string> regions)
    {
        foreach (var r in regions)
        {
            Place(r + " region");
        }

        if (regions.Count == 1)
        {
            return $"the {regions[0]} region";
        }

        return _r.Next(3) == 0
            ? "the " + List(regions.Select(r => r + " region").ToList())
            : $"the {List(regions)} regions";
    }

    /// <summary>Russian shelling, guided bombs or rockets on a Ukrainian front-line town.</summary>
    private GoldEvent FrontLineShelling(When when)
    {
        BeginEvent();
        var (town, region) = Pick(CorpusLexicon.UaFrontTowns);
        var official = Pick(CorpusLexicon.UaGovernorNames);
        var claim = Pick(
            $"regional governor {official} said",
            $"{official}, the head of the {region} regional military administration, wrote on Telegram",
            "the regional prosecutor's office said",
            "the town's military administration said",
            $"according to {official}, the regional governor");
        var weapons = new List<GoldWeapon>();
        var where = _r.Next(2) == 0 ? $"{Place(town)} in the {Place(region + " region")}" : Place(town);
        if (_events.Count > 0 && _r.Next(5) == 0)
        {
            // A later attack recalled: "As a reminder, on March 12, …" is its own event with its own date and places.
            Say($"{Pick("As a reminder", "We will remind you that", "Recall that")}, {when.Inline}, Russian forces shelled {where}, {claim}.");
            weapons.Add(new GoldWeapon("artillery", null, null, null));
        }
        else
        {
            switch (_r.Next(5))
            {
                case 0:
                    Say($"Russian forces shelled {where} {when.Inline}, {claim}.");
                    weapons.Add(new GoldWeapon("artillery", null, null, null));
                    break;
                case 1:
                {
                    var bomb = Pick(CorpusLexicon.RuFrontWeapons.Where(w => w.Category == "guided_bomb").ToArray());
                    var n = _r.Next(bomb.Min, bomb.Max + 1);
                    Say($"Russian troops dropped {CountOf(n, bomb)} on {where} {when.Inline}, {claim}.");
                    weapons.Add(new GoldWeapon(bomb.Category, bomb.Model, n, null));
                    break;
                }

                case 2:
                {
                    var rocket = Pick(CorpusLexicon.RuFrontWeapons.Where(w => w.Category == "rocket").ToArray());
                    var n = _r.Next(rocket.Min, rocket.Max + 1);
                    Say($"{when.Initial}, Russian forces fired {CountOf(n, rocket)} at {where}, {claim}.");
                    weapons.Add(new GoldWeapon(rocket.Category, rocket.Model, n, null));
                    break;
                }

                case 3:
                {
                    var times = _r.Next(5, 40);
                    Say($"{when.Initial}, the Russian army attacked {where} {Num(times)} times, using artillery, drones and guided bombs, {claim}.");
                    weapons.Add(new GoldWeapon("artillery", null, null, null));
                    weapons.Add(new GoldWeapon("drone", null, null, null));
                    weapons.Add(new GoldWeapon("guided_bomb", null, null, null));
                    break;
                }

                default:
                {
                    var drone = Pick(CorpusLexicon.RuFrontWeapons.Where(w => w.Category == "drone").ToArray());
                    var n = _r.Next(drone.Min, drone.Max + 1);
                    Say($"Russia hit {where} with artillery and {CountOf(n, drone)} {when.Inline}, {claim}.");
                    weapons.Add(new GoldWeapon("artillery", null, null, null));
                    weapons.Add(new GoldWeapon(drone.Category, drone.Model, n, null));
                    break;
                }
            }
        }

        if (_r.Next(2) == 0)
        {
            Say($"The strikes hit the town centre, {Pick(CorpusLexicon.Damage)}.");
        }

        int? killed = null, injured = null;
        if (_r.NextDouble() < 0.9)
        {
            (killed, injured) = CasualtySentences(town, russianSide: false, claimOverride: claim);
        }

        MaybeColour(CorpusLexicon.UaColor);

        _headline ??= killed is > 0
            ? $"{Cap(Num(killed.Value))} killed in Russian strikes on {town}"
            : Pick($"Russian shelling hits {town} again", $"{town} under fire as Russia presses attacks in the {region} region");
        return Finish(when, "RU", "UA", weapons, killed, injured, Claimant(claim));
    }

    /// <summary>Ukrainian shelling or rocket fire on a Russian border town, figures from its governor.</summary>
    private GoldEvent UkrainianShellingOfRussia(When when)
    {
        BeginEvent();
        var (town, region) = Pick(CorpusLexicon.RuBorderTowns);
        var governor = Pick(CorpusLexicon.RuGovernorNames);
        var claim = Pick($"Governor {governor} said", $"{region} Governor {governor} wrote on Telegram", $"according to the regional governor, {governor}");
        var weapons = new List<GoldWeapon>();
        var where = _r.Next(2) == 0 ? $"{Place(town)} in the {Place(region + " region")}" : Place(town);
        switch (_r.Next(3))
        {
            case 0:
                Say($"Ukrainian forces shelled {where} {when.Inline}, {claim}.");
                weapons.Add(new GoldWeapon("artillery", null, null, null));
                break;
            case 1:
            {
                var rocket = Pick(CorpusLexicon.UaMissiles.Where(w => w.Model == "Vampire").ToArray());
                var n = _r.Next(rocket.Min, rocket.Max + 1);
                var d = n - _r.Next(0, (n / 2) + 1);
                Say($"{when.Initial}, Ukraine fired {Num(n)} rockets from a Vampire launcher at {where}, and air defences shot down {Num(d)} of them, {Pick(CorpusLexicon.RuMinistryClaims)}.");
                weapons.Add(new GoldWeapon("rocket", "Vampire", n, d));
                break;
            }

            default:
                Say($"A Ukrainian drone dropped explosives on a car in {where} {when.Inline}, {claim}.");
                weapons.Add(new GoldWeapon("drone", null, null, null));
                break;
        }

        var (killed, injured) = CasualtySentences(town, russianSide: true, claimOverride: claim, mostlyInjured: true);
        MaybeColour(CorpusLexicon.RuColor);
        _headline ??= Pick($"Ukrainian shelling hits Russia's {region} region, governor says", $"Shelling of {town} wounds residents, Russian officials say");
        return Finish(when, "UA", "RU", weapons, killed, injured, Claimant(claim));
    }

    /// <summary>
    /// Casualty sentences for an attack on <paramref name="town"/>: killed and injured, none, or a revised toll.
    /// Returns the figures the gold should hold (the latest of a revision).
    /// </summary>
    private (int? Killed, int? Injured) CasualtySentences(string town, bool russianSide, string? claimOverride = null, bool mostlyInjured = false)
    {
        var claim = claimOverride ?? (russianSide
            ? Pick($"Governor {Pick(CorpusLexicon.RuGovernorNames)} said", $"the regional governor, {Pick(CorpusLexicon.RuGovernorNames)}, wrote on Telegram")
            : Pick($"regional governor {Pick(CorpusLexicon.UaGovernorNames)} said", $"{Pick(CorpusLexicon.UaGovernorNames)}, the head of the regional military administration, wrote on Telegram",
                   "the State Emergency Service said", "the city's mayor said"));
        var at = town;
        var before = _quotes.Count;
        var figures = CasualtyFigures(at, claim, mostlyInjured);

        // the town is a place of the attack only when the casualty sentences name it
        if (_quotes.Skip(before).Any(q => q.Contains(town, StringComparison.Ordinal)))
        {
            Place(town);
        }

        return figures;
    }

    private (int? Killed, int? Injured) CasualtyFigures(string at, string claim, bool mostlyInjured)
    {
        var mode = mostlyInjured ? Weighted(15, 10, 45, 20, 5, 5) : Weighted(30, 20, 20, 15, 10, 5);
        var people = Pick(CorpusLexicon.People);
        switch (mode)
        {
            case 0:
            {
                var k = Casualty();
                var j = Casualty(large: true);
                Say(_r.Next(3) switch
                {
                    0 => $"{Cap(Killed(k))} and {Injured(j, others: true)} in {at}, {claim}.",
                    1 => $"The strike on {at} killed {Hedged(k, 0.15)} {(k == 1 ? "person" : people)} and injured {Num(j)}, {claim}.",
                    _ => $"In {at}, {Killed(k)} and {Injured(j, others: true)}, {claim}.",
                });
                return (k, j);
            }

            case 1:
            {
                var k = Casualty();
                Say(_r.Next(2) == 0 ? $"{Cap(Killed(k))} in {at}, {claim}." : $"In {at}, {Killed(k)}, {claim}.");
                return (k, null);
            }

            case 2:
            {
                var j = Casualty(large: true);
                Say(_r.Next(3) switch
                {
                    0 => $"{Cap(Injured(j, others: false))} in {at}, {claim}.",
                    1 when j >= 4 => $"{Cap(Num(j))} {people} were injured in {at}, including two children, {claim}.",
                    _ => $"In {at}, {Injured(j, others: false)}, {claim}.",
                });
                return (null, j);
            }

            case 3:
                Say(Pick($"No casualties were reported, {claim}.", "No casualties were reported.", $"No one was killed or injured in {at}, {claim}."));
                return (0, 0);

            case 4:
            {
                var k0 = Casualty();
                var k = k0 + _r.Next(1, 8);
                Say($"{Cap(Killed(k0))} in {at}, {claim}.");
                Say(Pick($"By the evening, the toll rose to {Num(k)}.", $"The death toll later rose to {Num(k)}, officials said.", $"The number of dead has since risen to {Num(k)}."));
                return (k, null);
            }

            default:
            {
                var j0 = Casualty();
                var j = j0 + _r.Next(1, 10);
                Say($"{Cap(Injured(j0, others: false))} in {at}, {claim}.");
                Say(Pick($"The number of injured later rose to {Num(j)}.", $"Later in the day the number of wounded rose to {Num(j)}."));
                return (null, j);
            }
        }
    }

    private string Killed(int k) => k == 1
        ? Pick(CorpusLexicon.OneKilled)
        : Pick($"{Hedged(k, 0.15)} people were killed", $"{Hedged(k, 0.15)} civilians were killed", $"{Num(k)} people died");

    private string Injured(int j, bool others) => j == 1
        ? (others ? "one other was injured" : Pick("a man was injured", "a woman was wounded", "one person was hurt"))
        : others
            ? Pick($"{Num(j)} were injured", $"{Num(j)} others were wounded", $"{Num(j)} people were hurt")
            : Pick($"{Hedged(j, 0.15)} people were injured", $"{Num(j)} people were wounded", $"{Num(j)} civilians were hurt");

    /// <summary>A total across many attacks: goes to background, never to events.</summary>
    private void Aggregate()
    {
        _quotes = [];
        _places = [];
        NewParagraph();
        GoldEvent agg;
        switch (_r.Next(4))
        {
            case 0:
            {
                var n = _r.Next(14, 120) * 100;
                var text = Pick("Since the start of the full-scale invasion", "Since the war began");
                Say($"{text}, Russia has launched more than {Num(n)} missiles at {Place("Ukraine")}, according to Ukrainian officials.");
                agg = new GoldEvent(null, text, "RU", "UA", _places.ToArray(), [new GoldWeapon("missile", null, n, null)], null, null, "Ukrainian officials", _quotes.ToArray());
                break;
            }

            case 1:
            {
                var n = _r.Next(20, 300) * 100;
                Say($"Russia has fired more than {Num(n)} Shahed drones at {Place("Ukraine")} since the war began, the air force says.");
                agg = new GoldEvent(null, "since the war began", "RU", "UA", _places.ToArray(), [new GoldWeapon("drone", "Shahed-136", n, null)], null, null, "the air force", _quotes.ToArray());
                break;
            }

            case 2:
            {
                var month = CorpusLexicon.Months[(_published.Month + 10) % 12];
                var drones = _r.Next(20, 60) * 100;
                var missiles = _r.Next(8, 40) * 10;
                Say($"In {month}, Russia launched {Num(drones)} drones and {Num(missiles)} missiles at {Place("Ukraine")}, the most in a single month, {Pick(CorpusLexicon.AirForceClaims)}.");
                agg = new GoldEvent(null, "In " + month, "RU", "UA", _places.ToArray(),
                    [new GoldWeapon("drone", null, drones, null), new GoldWeapon("missile", null, missiles, null)], null, null, "the air force", _quotes.ToArray());
                break;
            }

            default:
            {
                var n = _r.Next(10, 90) * 100;
                Say($"Russia's defence ministry says it has shot down more than {Num(n)} Ukrainian drones since the beginning of the year.");
                agg = new GoldEvent(null, "since the beginning of the year", "UA", "RU", [], [new GoldWeapon("drone", null, null, n)], null, null, "Russia's defence ministry", _quotes.ToArray());
                break;
            }
        }

        _background.Add(agg);
    }

    /// <summary>Politics and background paragraphs until the report has its drawn length (150–600 words).</summary>
    private void AddFiller()
    {
        // most reports are short news items; a few are long features
        var target = 150 + (int)(Math.Pow(_r.NextDouble(), 1.6) * 420);
        var words = CorpusReport.CountWords(_headline ?? "") + _paragraphs.Sum(p => p.Sum(CorpusReport.CountWords));
        var used = new HashSet<int>();
        List<string>? lastFiller = null;
        while (words < target && used.Count < CorpusLexicon.FillerTemplates.Length)
        {
            int i;
            do
            {
                i = _r.Next(CorpusLexicon.FillerTemplates.Length);
            }
            while (!used.Add(i));

            var sentence = FillSlots(CorpusLexicon.FillerTemplates[i]);
            var w = CorpusReport.CountWords(sentence);
            if (words + w > MaxWords)
            {
                break;
            }

            // after the lead paragraph, anywhere: a new paragraph, or appended to the last filler paragraph
            if (lastFiller is not null && lastFiller.Count < 3 && _r.Next(3) != 0)
            {
                lastFiller.Add(sentence);
            }
            else
            {
                lastFiller = [sentence];
                _paragraphs.Insert(_r.Next(1, _paragraphs.Count + 1), lastFiller);
            }

            words += w;
        }
    }

    private string FillSlots(string template)
    {
        var leader = Pick(CorpusLexicon.Leaders);
        string leader2;
        do
        {
            leader2 = Pick(CorpusLexicon.Leaders);
        }
        while (leader2 == leader);

        var s = template
            .Replace("{Leader}", leader, StringComparison.Ordinal)
            .Replace("{Leader2}", leader2, StringComparison.Ordinal)
            .Replace("{City}", Pick(CorpusLexicon.Cities), StringComparison.Ordinal)
            .Replace("{Topic}", Pick(CorpusLexicon.Topics), StringComparison.Ordinal)
            .Replace("{Big}", _r.Next(2_000, 400_000).ToString("#,0", CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{Small}", Num(_r.Next(2, 20)), StringComparison.Ordinal)
            .Replace("{Age}", _r.Next(25, 80).ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);
        return Cap(s);
    }

    /// <summary>"the air force said" → "the air force": the claimant as the gold names it.</summary>
    private static string Claimant(string claim)
    {
        foreach (var tail in new[] { " said in its daily briefing", " said in a statement", " said on Telegram", " wrote on Telegram", " reported", " said" })
        {
            var i = claim.IndexOf(tail, StringComparison.Ordinal);
            if (i > 0)
            {
                claim = claim[..i];
                break;
            }
        }

        if (claim.StartsWith("according to ", StringComparison.Ordinal))
        {
            claim = claim["according to ".Length..];
        }

        claim = claim.TrimEnd(',', ' ');
        return claim.StartsWith("the ", StringComparison.Ordinal) ? claim : claim.Replace("regional governor ", "", StringComparison.Ordinal);
    }

    // ------------------------------------------------------------------ randomness

    private T Pick<T>(params T[] items) => items[_r.Next(items.Length)];

    private (string Town, string Region) PickTown((string Town, string Region)[] towns) => towns[_r.Next(towns.Length)];

    private List<string> PickDistinct(string[] items, int count)
    {
        var result = new List<string>();
        while (result.Count < Math.Min(count, items.Length))
        {
            var x = Pick(items);
            if (!result.Contains(x))
            {
                result.Add(x);
            }
        }

        return result;
    }

    /// <summary>An index drawn with the given relative weights.</summary>
    private int Weighted(params int[] weights)
    {
        var roll = _r.Next(weights.Sum());
        for (var i = 0; i < weights.Length; i++)
        {
            roll -= weights[i];
            if (roll < 0)
            {
                return i;
            }
        }

        return weights.Length - 1;
    }

    /// <summary>Capitalises a sentence start; a number under 100 opening a sentence is spelled out, as newsrooms do.</summary>
    private static string Cap(string s)
    {
        if (s.Length == 0)
        {
            return s;
        }

        var digits = 0;
        while (digits < s.Length && char.IsAsciiDigit(s[digits]))
        {
            digits++;
        }

        if (digits is 1 or 2 && (digits == s.Length || s[digits] == ' '))
        {
            s = CorpusLexicon.NumberWords(int.Parse(s.AsSpan(0, digits), CultureInfo.InvariantCulture)) + s[digits..];
        }

        return char.ToUpperInvariant(s[0]) + s[1..];
    }
}
