using System.Globalization;
using System.Text;

namespace Sitrep.Benchmarks.Corpus;

/// <summary>
/// One construction of issue #12 ("read like an analyst"): an id the scorer groups by, its area (counts, casualties,
/// segmentation, places-dates-claimants), the languages it is written in, and the writer that composes one short report
/// exercising it (several templates each, drawn at random).
/// </summary>
internal sealed record Construction(string Id, string Area, string[] Languages, Action<Scene> Write);

/// <summary>
/// The constructions corpus: short reports (a header like the other corpora's, a neutral headline, one to six sentences),
/// each exercising one construction of issue #12 in English, Ukrainian or Russian, with gold written by
/// <c>../shared/eval/SCHEMA.md</c>'s labelling rules and tagged with the construction's id (the gold's
/// <c>construction</c> field, which the scorer ignores). Reports go round the catalogue in order, so every construction
/// gets the same share; within one, the template, places, numbers, weapons and claimants vary with the seed.
/// Every sentence is written for this project; places are real, people invented.
/// </summary>
internal static partial class ConstructionCorpus
{
    public const int DefaultSeed = 20261203;
    public const int DefaultCount = 900;

    private static readonly DateOnly FirstPublished = new(2022, 3, 1);

    /// <summary>The catalogue, in the order of the lists.</summary>
    public static readonly IReadOnlyList<Construction> Catalog = BuildCatalog();

    public static IReadOnlyList<CorpusReport> Generate(int count = DefaultCount, int seed = DefaultSeed) => CorpusWriter.Generate(count, seed, GenerateOne);

    public static CorpusReport GenerateOne(int index, int seed = DefaultSeed)
    {
        var construction = Catalog[(index - 1) % Catalog.Count];
        var r = new Random(CorpusWriter.ReportSeed(seed, index));
        var langs = construction.Languages;
        // Each time round the catalogue: English every other time, the construction's other languages in turn between.
        var round = (index - 1) / Catalog.Count;
        var language = langs.Length == 1 || round % 2 == 0 ? langs[0] : langs[1 + (round / 2 % (langs.Length - 1))];
        var published = FirstPublished.AddDays(r.Next(1250));
        var scene = new Scene(r, published, language);
        construction.Write(scene);
        return scene.Build(index, construction.Id);
    }

    private static List<Construction> BuildCatalog()
    {
        string[] en = ["en"], enUk = ["en", "uk"], enRu = ["en", "ru"], all = ["en", "uk", "ru"];
        return
        [
            // Counts by structure
            new("count.quantifier-all", "counts", all, QuantifierAll),
            new("count.all-of-them-list", "counts", en, AllOfThemList),
            new("count.coordination-shared-predicate", "counts", en, SharedPredicate),
            new("count.origin-list-all-down", "counts", en, OriginList),
            new("count.ellipsis-per-region", "counts", enRu, EllipsisPerRegion),
            new("count.ellipsis-noun", "counts", en, EllipsisNoun),
            new("count.partitive", "counts", all, Partitive),
            new("count.nominal", "counts", en, NominalCount),
            new("count.modifier-order", "counts", en, ModifierOrder),
            new("count.weapon-subject", "counts", en, WeaponSubject),
            new("count.negation-unable", "counts", enUk, NegationUnable),
            new("count.modality-capability", "counts", en, ModalityCapability),
            new("count.agent-patient", "counts", en, AgentPatient),
            new("count.total-colon-breakdown", "counts", en, TotalColonBreakdown),
            new("count.total-among-breakdown", "counts", en, TotalAmongBreakdown),
            new("count.vague-quantity", "counts", all, VagueQuantity),

            // Casualties
            new("casualty.one-at-a-time", "casualties", enUk, OneAtATime),
            new("casualty.later-died", "casualties", en, LaterDied),
            new("casualty.period-total", "casualties", en, PeriodTotal),
            new("casualty.none-in-one-region", "casualties", en, NoneInOneRegion),
            new("casualty.no-mention", "casualties", en, NoMention),
            new("casualty.casualties-rose", "casualties", en, CasualtiesRose),
            new("casualty.toll-superseded", "casualties", all, TollSuperseded),

            // Attack segmentation
            new("segment.new-attack-cue", "segmentation", all, NewAttackCue),
            new("segment.also-continues", "segmentation", en, AlsoContinues),
            new("segment.scope-split", "segmentation", en, ScopeSplit),
            new("segment.other-side-claim", "segmentation", en, OtherSideClaim),
            new("segment.dated-non-attack", "segmentation", en, DatedNonAttack),
            new("segment.explicit-attacker", "segmentation", en, ExplicitAttacker),
            new("segment.launch-area", "segmentation", en, LaunchArea),

            // Places, dates, claimants
            new("place.district", "places-dates-claimants", enUk, District),
            new("place.official-title", "places-dates-claimants", all, OfficialTitle),
            new("place.regions-list", "places-dates-claimants", en, RegionsList),
            new("place.building-name", "places-dates-claimants", en, BuildingName),
            new("place.damage-only-sentence", "places-dates-claimants", en, DamageOnly),
            new("date.no-cue", "places-dates-claimants", all, NoDateCue),
            new("date.caption", "places-dates-claimants", en, CaptionDate),
            new("date.time-aside", "places-dates-claimants", en, TimeAside),
            new("claimant.pronoun", "places-dates-claimants", en, ClaimantPronoun),
            new("claimant.according-to", "places-dates-claimants", en, ClaimantAccordingTo),
        ];
    }
}

/// <summary>A date cue as written and the date the gold resolves it to (null when the text gives none).</summary>
internal readonly record struct When(DateOnly? Date, string Text)
{
    public string Cap => Scene.Cap(Text);
}

/// <summary>One report being written: its sentences (grouped in paragraphs), gold events and background. Single use.</summary>
internal sealed class Scene(Random r, DateOnly published, string language)
{
    private readonly List<List<string>> _paragraphs = [[]];
    private readonly List<GoldEvent> _events = [];
    private readonly List<GoldEvent> _background = [];

    public Random R { get; } = r;
    public DateOnly Published { get; } = published;
    public string Language { get; } = language;
    public string? Caption { get; set; }

    public T Pick<T>(params T[] items) => items[R.Next(items.Length)];

    public int Between(int min, int max) => R.Next(min, max + 1);

    /// <summary><paramref name="k"/> distinct items.</summary>
    public List<T> Distinct<T>(IReadOnlyList<T> items, int k) => items.OrderBy(_ => R.Next()).Distinct().Take(k).ToList();

    /// <summary>Adds sentences to the current paragraph; returns them joined (for quotes).</summary>
    public string Say(params string[] sentences)
    {
        _paragraphs[^1].AddRange(sentences);
        return string.Join(' ', sentences);
    }

    public void Paragraph()
    {
        if (_paragraphs[^1].Count > 0)
        {
            _paragraphs.Add([]);
        }
    }

    public void Event(When when, string attacker, string target, IReadOnlyList<string> places, IReadOnlyList<GoldWeapon> weapons,
        int? killed, int? injured, string claimant, params string[] quotes) =>
        _events.Add(new GoldEvent(when.Date, when.Date is null ? "" : when.Text, attacker, target, places, weapons, killed, injured, claimant, quotes));

    public void Aggregate(string attacker, string target, IReadOnlyList<string> places, IReadOnlyList<GoldWeapon> weapons,
        int? killed, int? injured, string claimant, params string[] quotes) =>
        _background.Add(new GoldEvent(null, "", attacker, target, places, weapons, killed, injured, claimant, quotes));

    // ---------------------------------------------------------------- dates (English)

    public static string Weekday(DateOnly d) => d.DayOfWeek.ToString();

    public string MonthDay(DateOnly d) => R.Next(2) == 0
        ? $"{CorpusLexicon.Months[d.Month - 1]} {d.Day}"
        : $"{d.Day} {CorpusLexicon.Months[d.Month - 1]}";

    /// <summary>A cue for an attack on the night before publication or within the last days: "overnight", "on Tuesday", "early on Monday", "on May 3".</summary>
    public When Recent()
    {
        var p = Published;
        switch (R.Next(6))
        {
            case 0:
            case 1:
                return new(p, Pick("overnight", "during the night", "overnight", "early this morning"));
            case 2:
                var d = p.AddDays(-R.Next(4));
                return new(d, "on " + Weekday(d));
            case 3:
                var e = p.AddDays(-R.Next(3));
                return new(e, "early on " + Weekday(e));
            case 4:
                return new(p, $"on the night of {Weekday(p.AddDays(-1))} to {Weekday(p)}");
            default:
                var m = p.AddDays(-R.Next(6));
                return new(m, "on " + MonthDay(m));
        }
    }

    /// <summary>A cue for the day before <paramref name="after"/>'s date, or a few days before it.</summary>
    public When Earlier(DateOnly after)
    {
        var d = after.AddDays(-Between(1, 4));
        return R.Next(2) == 0 ? new(d, "on " + MonthDay(d)) : new(d, "on " + Weekday(d));
    }

    // ---------------------------------------------------------------- numbers and phrases (English)

    /// <summary>A count as written mid-sentence: digits, or words for small numbers.</summary>
    public string Num(int n) => n <= 20 && R.Next(2) == 0 ? CorpusLexicon.NumberWords(n) : n.ToString("#,0", CultureInfo.InvariantCulture);

    /// <summary>A count that opens a sentence: words ("Twelve").</summary>
    public static string Initial(int n) => Cap(CorpusLexicon.NumberWords(n));

    public string CountOf(int n, WeaponForm w) => n == 1 ? $"{AOrAn(w.Singular)} {w.Singular}" : $"{Num(n)} {w.Plural}";

    public int InRange(WeaponForm w) => Between(Math.Max(2, w.Min), Math.Max(3, Math.Min(w.Max, 90)));

    public static string AOrAn(string next) => "AEIOUaeiou".Contains(next[0], StringComparison.Ordinal) ? "an" : "a";

    public static string Cap(string s) => s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s[1..];

    public static GoldWeapon W(WeaponForm w, int? launched, int? destroyed) => new(w.Category, w.Model, launched, destroyed);

    public CorpusReport Build(int index, string construction)
    {
        var id = index.ToString("D4", CultureInfo.InvariantCulture);
        var headline = Language switch
        {
            "uk" => Pick("Наслідки нічної атаки", "Що відомо про удар", "Повітряна тривога: підсумки", "Зведення за добу"),
            "ru" => Pick("Последствия атаки", "Что известно об ударе", "Сводка за сутки", "Работа ПВО: подробности"),
            _ => Pick("What we know about the latest strike", "Air raid alert: the details", "Officials give an update",
                "Strike report", "Latest from the region", "The night's attack in figures"),
        };
        var body = new StringBuilder(headline).Append('\n');
        body.AppendJoin('\n', _paragraphs.Where(p => p.Count > 0).Select(p => string.Join(' ', p)));
        if (Caption is not null)
        {
            body.Append('\n').Append(Caption);
        }

        var url = $"https://constructions.sitrep.example/{Language}/{Published.Year}/{id}";
        return new CorpusReport(id, url, Published, body.ToString(),
            new GoldReport(id, Published, _events, _background, construction), Language == "en" ? null : Language);
    }
}
