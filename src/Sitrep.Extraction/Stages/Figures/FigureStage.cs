using System.Collections.Frozen;
using System.Collections.Immutable;
using Sitrep.Core;
using Sitrep.Extraction.Text;

namespace Sitrep.Extraction.Stages.Figures;

/// <summary>
/// Reads launched, destroyed and suppressed counts: a number and the weapon it counts ("90 drones",
/// "both missiles", "15 of the unmanned aerial vehicles"), then what the count means from the verb that
/// governs it — a participle right after ("67 missiles fired", "88 drones were downed") before the nearest
/// verb to the left ("shot down 36 rockets and 186 drones"). "N out of M" gives N destroyed of M launched.
/// A number with no weapon after it takes the sentence's last weapon ("41 were lost"). Sub-counts
/// ("70 of which were Shaheds", "including 30 over Kursk") are left out.
/// </summary>
public sealed class FigureStage : IStage
{
    private static readonly WordTable<FigureKind> Verbs = new(LexiconFile.Rows("figure-verbs.tsv").Select(r => (r[0], Enum.Parse<FigureKind>(r[1]))));

    /// <summary>Words between a count and its weapon ("75 Iranian-made Shahed drones", "85 украинских беспилотников").</summary>
    private static readonly WordTable<bool> Modifiers = new(LexiconFile.Rows("count-modifiers.tsv").Select(r => (r[0], true)));

    /// <summary>The class of a missile before its model: "three ballistic Iskander-M missiles", "two hypersonic Kinzhal missiles".</summary>
    private static bool IsMissileClass(string lower) => lower is "hypersonic" or "ballistic" or "cruise" or "aeroballistic" or "anti-ship";

    /// <summary>What a word tells the rules (<c>figure-cues.tsv</c>): a breakdown, a modal, a negation, an impact verb …</summary>
    private static readonly WordTable<Cue> Cues = new(LexiconFile.Rows("figure-cues.tsv").Select(r => (r[0], Enum.Parse<Cue>(r[1], ignoreCase: true))));

    private enum Cue
    {
        Part,
        Modal,
        Negation,
        None,
        Able,
        Relative,
        Impact,
        Debris,
        Place,
        When,
        Determiner,
        KindOf,
        Repel,
        AttackNoun,
        StrikeNoun,
    }

    private static bool Is(Token t, Cue cue) => Cues.TryGetValue(t.Lower, out var c) && c == cue;

    /// <summary>The words of one sentence and what the rules have read so far (the article's figures in <see cref="Result"/>).</summary>
    private sealed record Sentence(Document Doc, SentenceMention S, List<NumberMention> Numbers, List<WeaponMention> Weapons, ImmutableArray<WeaponMention> AllWeapons, ImmutableArray<Mention>.Builder Result)
    {
        /// <summary>The sentence's dates of one day or night ("on Friday", "у п'ятницю"), for the items of a list told per day.</summary>
        public List<DateMention> Days { get; init; } = [];

        /// <summary>Counts this sentence's number rule emitted, with the token after each count's weapon.</summary>
        public List<(FigureMention Figure, int After)> Counts { get; } = [];

        /// <summary>Numbers a count rule read as part of another's figure ("30" of "25 of 30 missiles").</summary>
        public HashSet<NumberMention> Consumed { get; } = [];

        /// <summary>Counts told per place that head a list of <c>region-item</c> counts ("30 drones over Oryol, 8 over …"), summed with it.</summary>
        public HashSet<FigureMention> RegionHeads => _regionHeads ??= [];

        /// <summary>Whether <paramref name="f"/> heads a list of <c>region-item</c> counts (no set is made for a sentence with none).</summary>
        public bool IsRegionHead(FigureMention f) => _regionHeads?.Contains(f) == true;

        private HashSet<FigureMention>? _regionHeads;

        /// <summary>The last part of a total read ("including 18 Kh-101, 7 Iskander-M …" continues it).</summary>
        public NumberMention? LastPart { get; set; }
    }

    /// <summary>
    /// The rules, in order: each reads a sentence and adds figures, named by the rule (the mention's <c>Rule</c>). Later rules
    /// see what earlier ones read ("all of them were shot down" needs the counts before it).
    /// </summary>
    private static readonly (string Name, Action<Sentence> Apply)[] Rules =
    [
        ("counts", ReadCounts),
        ("sum-of-items", SumOfItems),
        ("all-were-verb", AllOfThem),
        ("a-weapon-verb", ArticleWeaponVerb),
        ("singular-weapon-verb", SingularWeaponVerb),
        ("negated-destroy", NegatedDestroy),
        ("none-of-them", NoneOfThem),
        ("neither-weapon", NeitherWeapon),
    ];

    public string Name => "figures";

    public ImmutableArray<string> Requires => [Layers.Sentences, Layers.Numbers, Layers.Dates, Layers.Weapons];

    public string Produces => Layers.Figures;

    public ImmutableArray<Mention> Run(Document document)
    {
        var tokens = document.Tokens;
        var numbers = document.Layer<NumberMention>(Layers.Numbers);
        var weapons = document.Layer<WeaponMention>(Layers.Weapons);
        var dates = document.Layer<DateMention>(Layers.Dates);
        var result = ImmutableArray.CreateBuilder<Mention>();
        var ni = 0;
        var wi = 0;
        var di = 0;
        foreach (var s in document.Layer<SentenceMention>(Layers.Sentences))
        {
            var sNumbers = new List<NumberMention>();
            while (ni < numbers.Length && numbers[ni].TokenIndex < s.EndToken)
            {
                if (numbers[ni].TokenIndex >= s.FirstToken)
                {
                    sNumbers.Add(numbers[ni]);
                }

                ni++;
            }

            var sWeapons = new List<WeaponMention>();
            while (wi < weapons.Length && weapons[wi].TokenIndex < s.EndToken)
            {
                if (weapons[wi].TokenIndex >= s.FirstToken)
                {
                    sWeapons.Add(weapons[wi]);
                }

                wi++;
            }

            if (sWeapons.Count == 0 && !Enumerable.Range(s.FirstToken, s.EndToken - s.FirstToken).Any(k => Verbs.Contains(tokens[k].Lower)))
            {
                continue;
            }

            var sDays = new List<DateMention>();
            while (di < dates.Length && dates[di].TokenIndex < s.EndToken)
            {
                if (dates[di].TokenIndex >= s.FirstToken && !dates[di].IsPeriod && dates[di].Date.Precision is DatePrecision.Day or DatePrecision.Night)
                {
                    sDays.Add(dates[di]);
                }

                di++;
            }

            var sentence = new Sentence(document, s, sNumbers, sWeapons, weapons, result) { Days = sDays };
            foreach (var (_, apply) in Rules)
            {
                apply(sentence);
            }
        }

        return result.ToImmutable();
    }

    /// <summary>
    /// A number and what it counts, read by the first of <see cref="CountRules"/> that takes it: a vague quantity, a part of a
    /// total, "N out of M W", strikes told by their weapon, a count whose weapon was told before it, a count and its weapon.
    /// </summary>
    private static void ReadCounts(Sentence x)
    {
        foreach (var n in x.Numbers)
        {
            if (x.Consumed.Contains(n))
            {
                continue;
            }

            var c = new Count(x, n);
            foreach (var (_, read) in CountRules)
            {
                if (read(x, c))
                {
                    break;
                }
            }
        }
    }

    /// <summary>A rule of <see cref="ReadCounts"/>: true when it took the number (whether or not it read a figure from it).</summary>
    private delegate bool CountRule(Sentence x, Count c);

    /// <summary>
    /// The count rules, in order; the first to take a number ends its turn. Each names the figures it reads (the mention's
    /// <c>Rule</c>): <c>vague-quantity</c>, <c>breakdown-item</c>, <c>N-out-of-M</c>, <c>strikes-by-weapon</c>; a count with its
    /// weapon told before it gives <c>N-then-verb</c>, <c>verb-then-N</c> or the elided item of a list (<c>elided-weapon</c>);
    /// a count and its weapon <c>N-weapon-verb</c>, <c>weapon-as-agent</c>, <c>negated-destroy</c> or <c>all-N</c>.
    /// </summary>
    private static readonly (string Name, CountRule Read)[] CountRules =
    [
        ("quantifier-one", QuantifierOne),
        ("vague-quantity", VagueCount),
        ("part-of-total", PartOfTotal),
        ("N-out-of-M", OutOfCount),
        ("strikes-by-weapon", StrikesCount),
        ("region-item", RegionItem),
        ("weapon-told-before", WeaponBeforeCount),
        ("partitive-total", PartitiveTotal),
        ("count-and-weapon", WeaponCount),
    ];

    /// <summary>One number being read, with the weapon after it (found once, when a rule first asks).</summary>
    private sealed class Count(Sentence x, NumberMention n)
    {
        private bool _found;
        private WeaponMention? _weapon;
        private bool _combined;
        private bool _mixedMissiles;
        private int _weaponEnd;

        public NumberMention N { get; } = n;

        public WeaponMention? Weapon => Find()._weapon;

        /// <summary>"missiles and drones": the weapon counted is of two families.</summary>
        public bool Combined => Find()._combined;

        /// <summary>Missiles of several kinds counted as one ("cruise and ballistic missiles").</summary>
        public bool MixedMissiles => Find()._mixedMissiles;

        /// <summary>The token after the weapon.</summary>
        public int WeaponEnd => Find()._weaponEnd;

        private Count Find()
        {
            if (!_found)
            {
                _weapon = WeaponAfter(x.Doc, x.S, N, x.Weapons, out _combined, out _mixedMissiles, out _weaponEnd);
                _found = true;
            }

            return this;
        }
    }

    /// <summary>
    /// "ни одной", "ни одну из них", "every one of them", "each one": the "one" of a quantifier is no count (<see cref="NoneOfThem"/>
    /// and <see cref="AllOfThem"/> read them).
    /// </summary>
    private static bool QuantifierOne(Sentence x, Count c)
    {
        var first = FirstToken(x.Doc, c.N);
        return c.N.Value == 1 && first > x.S.FirstToken && x.Doc.Tokens[first - 1].Lower is "ни" or "every" or "each";
    }

    /// <summary>"dozens of drones", "several missiles": a vague quantity (<see cref="ReadVague"/>).</summary>
    private static bool VagueCount(Sentence x, Count c)
    {
        if (!c.N.IsVague)
        {
            return false;
        }

        ReadVague(x, c.N);
        return true;
    }

    /// <summary>
    /// Sub-counts: "70 of which were Shahed types", "including 30 over Kursk", "30 of them"; and the items of a breakdown that
    /// follow one ("including 18 Kh-101, 7 Iskander-M and 4 Kinzhal"), read by <see cref="BreakdownItem"/>.
    /// </summary>
    private static bool PartOfTotal(Sentence x, Count c)
    {
        var (doc, s, n, result) = (x.Doc, x.S, c.N, x.Result);
        if (!(IsSubCount(doc, s, n, x.Weapons) || (x.LastPart is not null && ContinuesList(doc, s, x.LastPart, n)) || IsPartOfTotal(x, n)))
        {
            return false;
        }

        x.LastPart = n;
        if (BreakdownItem(x, n) is { } item)
        {
            result.Add(item);
            // "shot down 25 of 30 missiles, including all 16 Kh-101": all of the part came and all were downed.
            if (n.IsAll && item.Kind == FigureKind.Launched && result.OfType<FigureMention>().Any(f => f.Kind == FigureKind.Destroyed && f.Rule != BreakdownItemRule && f.Span.Start >= s.Span.Start && f.Span.End <= n.Span.Start))
            {
                result.Add(item with { Kind = FigureKind.Destroyed });
            }
        }

        return true;
    }

    /// <summary>"N out of M W", "N of M W", "N W out of M": N destroyed (or hit) of M launched.</summary>
    private static bool OutOfCount(Sentence x, Count c)
    {
        var (doc, s, n, result) = (x.Doc, x.S, c.N, x.Result);
        var tokens = doc.Tokens;
        if (!TryOutOf(doc, s, n, x.Numbers, x.Weapons, out var total, out var outWeapon, out var outEnd))
        {
            return false;
        }

        var w = c.Weapon ?? outWeapon;
        if (w is null)
        {
            return true;
        }

        x.Consumed.Add(total);
        var left = VerbLeft(doc, s, n.Span.Start == tokens[n.TokenIndex].Start ? n.TokenIndex : FirstToken(doc, n));
        var destroyKind = VerbRight(doc, s, outEnd) ?? left ?? FigureKind.Destroyed;
        if (destroyKind == FigureKind.Launched)
        {
            destroyKind = FigureKind.Destroyed;
        }

        var wr = Ref(w, c.MixedMissiles);
        // "Two of the four missiles struck a warehouse", "дві з чотирьох ракет влучили": the part hit, the total was launched.
        var hit = left is null && outEnd < s.EndToken && Is(tokens[outEnd], Cue.Impact);
        if (!hit)
        {
            result.Add(Figure(doc, destroyKind, n, wr, n.Span, w.Span, "N-out-of-M"));
        }

        var launchedOf = Figure(doc, FigureKind.Launched, total, wr, total.Span, w.Span, "N-out-of-M");
        result.Add(launchedOf);
        x.Counts.Add((launchedOf, outEnd));
        return true;
    }

    /// <summary>"three strikes with guided bombs": <see cref="StrikesByWeapon"/>.</summary>
    private static bool StrikesCount(Sentence x, Count c)
    {
        if (c.Weapon is not null || StrikesByWeapon(x, c.N) is not { } struckWith || CountedBefore(x, struckWith))
        {
            return false;
        }

        var strikes = Figure(x.Doc, FigureKind.Launched, c.N, Ref(struckWith, false), c.N.Span, struckWith.Span, "strikes-by-weapon");
        x.Result.Add(strikes);
        x.Counts.Add((strikes, struckWith.EndToken));
        return true;
    }

    /// <summary>
    /// Rule <c>region-item</c>: a count with no weapon of its own told with a place ("6 over the Rostov region", "над Брянской — 6",
    /// "8 — над Ростовской"), an item of a list that shares one weapon and one verb: "shot down Ukrainian drones overnight, 6 over
    /// the Rostov region and 25 over the Kaluga region", "destroyed 22 over Tambov and 15 over Voronezh", "перехвачены 19
    /// беспилотников, над Брянской — 6". It counts the weapon of the list's head when the head is told per place too (and is
    /// summed with it, <see cref="SumOfItems"/>); a head told with no place is a stated total, and the item a part of it (none).
    /// With no head, it counts the last weapon named before it (in its sentence, or the one before), or a weapon of no known
    /// kind when none is; the verb is the one after it, or the list's verb before it (past a colon: "intercepted across western
    /// Russia: 4 over Tula, …").
    /// </summary>
    private static bool RegionItem(Sentence x, Count c)
    {
        var (doc, s, n) = (x.Doc, x.S, c.N);
        var tokens = doc.Tokens;
        if (c.Weapon is not null || n.IsVague || !IsPlaceItem(x, n) || VerbRight(doc, s, n.EndToken) is not null || ElidedItem(x, n) is not null)
        {
            return false;
        }

        var first = FirstToken(doc, n);
        var head = x.Counts.Count > 0 && !VerbBetween(x, x.Counts[^1].After, first) ? x.Counts[^1].Figure : null;
        if (head is not null && head.Rule != "region-item" && !x.IsRegionHead(head))
        {
            if (!IsPlaceHead(x, head))
            {
                return true; // "shot down 40 drones, 6 over Tula and …": the parts of a stated total
            }

            x.RegionHeads.Add(head);
        }

        FigureKind? kind;
        WeaponRef weapon;
        if (head is not null)
        {
            (kind, weapon) = (head.Kind, head.Weapon);
        }
        else
        {
            kind = ListVerbBefore(x, first);
            var w = x.Weapons.LastOrDefault(m => m.EndToken <= first && !m.IsActivity)
                    ?? x.AllWeapons.LastOrDefault(m => m.Span.End <= s.Span.Start && s.Span.Start - m.Span.End < 250 && !m.IsActivity);
            weapon = w?.Weapon ?? new WeaponRef(WeaponCategory.Other, null);
        }

        if (kind is null)
        {
            return true;
        }

        var item = new FigureMention(n.Span, kind.Value, n.Value, n.Qualifier, weapon, n.ValueSpan, "region-item") { IsCombined = weapon.Category == WeaponCategory.Other };
        x.Result.Add(item);
        x.Counts.Add((item, n.EndToken));
        return true;
    }

    /// <summary>A dash between a place and its count: "над Брянской — 6", "8 — над Ростовской".</summary>
    private static bool IsDash(Token t) => t.Lower is "—" or "–" or "-";

    /// <summary>
    /// A count told with a place and nothing else: the place right after it ("6 over the Rostov region", "8 — над Ростовской"), or
    /// right before it past a dash ("над Брянской — 6"), the item opening its clause (after a list join, a colon or the sentence's start).
    /// </summary>
    private static bool IsPlaceItem(Sentence x, NumberMention n)
    {
        var tokens = x.Doc.Tokens;
        var after = n.EndToken < x.S.EndToken && IsDash(tokens[n.EndToken]) ? n.EndToken + 1 : n.EndToken;
        var first = FirstToken(x.Doc, n);
        var opens = first <= x.S.FirstToken || IsListJoin(tokens[first - 1]) || tokens[first - 1].Lower is ":" or "down" || Verbs.Contains(tokens[first - 1].Lower);
        if (after < x.S.EndToken && Is(tokens[after], Cue.Place) && opens)
        {
            return true;
        }

        // "над Брянской — 6": a place phrase of a few words, opened by its preposition right after a list join.
        if (first - 1 <= x.S.FirstToken || !IsDash(tokens[first - 1]) || !EndsClause(x.Doc, x.S, n.EndToken))
        {
            return false;
        }

        for (var k = first - 2; k >= x.S.FirstToken && k >= first - 5; k--)
        {
            if (Is(tokens[k], Cue.Place))
            {
                return k == x.S.FirstToken || IsListJoin(tokens[k - 1]) || tokens[k - 1].Lower == ":";
            }

            if (!tokens[k].IsWord)
            {
                return false;
            }
        }

        return false;
    }

    /// <summary>
    /// Whether a count heads a list told per place: a place right after its weapon ("30 беспилотников над Орловской областью, 8 —
    /// …"), or just before its count and verb ("над Смоленской областью перехвачены 19 беспилотников, над Брянской — 6").
    /// </summary>
    private static bool IsPlaceHead(Sentence x, FigureMention head)
    {
        var tokens = x.Doc.Tokens;
        var (_, after) = x.Counts.Find(c => c.Figure == head);
        if (after < x.S.EndToken && Is(tokens[after], Cue.Place))
        {
            return true;
        }

        var k = x.S.FirstToken;
        while (k < x.S.EndToken && tokens[k].End <= head.Span.Start)
        {
            k++;
        }

        for (var j = k - 1; j >= x.S.FirstToken && j >= k - 6; j--)
        {
            if (Is(tokens[j], Cue.Place))
            {
                return true;
            }

            if (tokens[j].Lower is "," or ":" or ";")
            {
                return false;
            }
        }

        return false;
    }

    /// <summary>Whether a figure verb stands between tokens <paramref name="from"/> and <paramref name="to"/> (then they are two clauses).</summary>
    private static bool VerbBetween(Sentence x, int from, int to)
    {
        for (var k = from; k < to; k++)
        {
            if (Verbs.Contains(x.Doc.Tokens[k].Lower))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The verb a list's items share, before the item at <paramref name="first"/>: its clause's, or the one before its colon; none under a negation or a modal.</summary>
    private static FigureKind? ListVerbBefore(Sentence x, int first)
    {
        var (doc, s) = (x.Doc, x.S);
        var kind = VerbLeftAt(doc, s, first, 30, out var at);
        if (kind is null)
        {
            for (var k = first - 1; k > s.FirstToken && k >= first - 30; k--)
            {
                if (doc.Tokens[k].Lower == ":")
                {
                    kind = VerbLeftAt(doc, s, k, 16, out at);
                    break;
                }
            }
        }

        return kind is null || IsNegated(doc, s, at) || IsModal(doc, s, at) ? null : kind;
    }

    /// <summary>
    /// A count with no weapon after it: "89 were shot down", "of which 74 were destroyed", "41 were lost" take the last weapon
    /// before it (<c>N-then-verb</c>); "Of nine Kalibr missiles, air defence shot down two" (<c>verb-then-N</c>); the elided
    /// weapon of a list ("12 drones over Tula and 5 over Oryol", <see cref="ElidedItem"/>).
    /// </summary>
    private static bool WeaponBeforeCount(Sentence x, Count c)
    {
        if (c.Weapon is not null)
        {
            return false;
        }

        var (doc, s, n, result) = (x.Doc, x.S, c.N, x.Result);
        var tokens = doc.Tokens;
        var afterOf = n.EndToken + 1 < s.EndToken && tokens[n.EndToken].Lower is "of" or "з" or "із" or "из" && tokens[n.EndToken + 1].Lower is "them" or "these" or "those" or "which" or "них" ? n.EndToken + 2 : n.EndToken;
        var right = VerbRight(doc, s, afterOf) ?? (afterOf > n.EndToken ? VerbLeft(doc, s, FirstToken(doc, n), maxDistance: 4) : null);
        var rule = "N-then-verb";

        // "12 drones over the Tula region and 5 over the Oryol region": the list's weapon and verb, elided.
        // "12 drones on Friday and 9 on Saturday": the same, each item a day of its own (not summed).
        if (right is null && ElidedItem(x, n) is var (head, elidedRule))
        {
            var item = new FigureMention(n.Span, head.Kind, n.Value, n.Qualifier, head.Weapon, n.ValueSpan, elidedRule) { IsCombined = head.IsCombined };
            result.Add(item);
            x.Counts.Add((item, n.EndToken));
            return true;
        }

        // "Of nine Kalibr missiles, air defence shot down two": a count that ends the clause of its verb.
        if (right is null && EndsClause(doc, s, n.EndToken) && VerbLeftAt(doc, s, FirstToken(doc, n), 3, out var verbAt) is { } leftKind and not FigureKind.Launched
            && !IsModal(doc, s, verbAt) && !IsNegated(doc, s, verbAt))
        {
            right = leftKind;
            rule = "verb-then-N";
        }

        if (right is null || right == FigureKind.Launched && !IsOfWhich(doc, s, n))
        {
            if (!(n.IsAll && (right ?? VerbLeft(doc, s, FirstToken(doc, n))) is FigureKind.Destroyed))
            {
                return true;
            }
        }

        // "Air defences destroyed 35 of them": the weapon named last, in this sentence or the one before.
        var weapon = x.Weapons.LastOrDefault(w => w.EndToken <= n.TokenIndex && !w.IsActivity)
                     ?? x.AllWeapons.LastOrDefault(w => w.Span.End <= s.Span.Start && s.Span.Start - w.Span.End < 250 && !w.IsActivity);
        if (weapon is null)
        {
            return true;
        }

        var kind = right ?? VerbLeft(doc, s, FirstToken(doc, n)) ?? FigureKind.Destroyed;
        weapon = TotalOverItem(x, weapon, kind, n.Value);
        // The evidence is the count and its verb ("74 were shot down"), not the far-off weapon.
        var verbEnd = Math.Min(s.EndToken, afterOf + 4);
        while (verbEnd > n.EndToken && !(Verbs.Contains(tokens[verbEnd - 1].Lower) || tokens[verbEnd - 1].Lower is "down" or "reach"))
        {
            verbEnd--;
        }

        var evidence = verbEnd > n.EndToken ? new TextSpan(n.Span.Start, tokens[verbEnd - 1].End) : n.Span;
        result.Add(Figure(doc, kind, n, Ref(weapon, false), evidence, evidence, rule) with { IsCombined = weapon.Weapon.Category == WeaponCategory.Other });
        return true;
    }

    /// <summary>
    /// The weapon a count with none of its own takes when the last weapon told is an item of a breakdown too small for it:
    /// "seven missiles - four Kalibr and three Kh-59 - and five were destroyed", "29 missiles, among them … 4 Kinzhal. Air
    /// defence destroyed 20": more were destroyed than that item's launched count, so the count is the total's, the last
    /// weapon before the item of the same family whose launched count holds it. Otherwise the last weapon stays.
    /// </summary>
    private static WeaponMention TotalOverItem(Sentence x, WeaponMention last, FigureKind kind, int value)
    {
        if (kind != FigureKind.Destroyed || LaunchedOf(x, last) is not { } item || item >= value)
        {
            return last;
        }

        // The last such weapon before the item (AllWeapons is in text order); else, when none of its family holds it, the
        // last generic one ("112 aerial attack weapons, including 100 drones and 12 missiles. Air defences downed 90 of
        // them": the mixed total's).
        var family = last.Weapon.Category.Family();
        WeaponMention? sameFamily = null, generic = null;
        foreach (var w in x.AllWeapons)
        {
            if (w.Span.Start >= last.Span.Start || w.Span.Start < last.Span.Start - 400 || LaunchedOf(x, w) is not { } total || total < value)
            {
                continue;
            }

            if (w.Weapon.Category.Family() == family)
            {
                sameFamily = w;
            }
            else if (w.Weapon.Category == WeaponCategory.Other)
            {
                generic = w;
            }
        }

        return sameFamily ?? generic ?? last;
    }

    /// <summary>The launched count read on weapon mention <paramref name="w"/>, or null when none is.</summary>
    private static int? LaunchedOf(Sentence x, WeaponMention w)
    {
        int? found = null;
        var result = x.Result;
        for (var i = 0; i < result.Count; i++) // by index: the builder's enumerator is an object a call
        {
            if (result[i] is FigureMention { Kind: FigureKind.Launched } f && f.Span.Start <= w.Span.Start && f.Span.End >= w.Span.End && f.Weapon == w.Weapon)
            {
                found = f.Value;
            }
        }

        return found;
    }

    /// <summary>
    /// Whether the first verb of a count after token <paramref name="from"/> (within a list's next items) is a bare
    /// participle that describes the weapons ("drones sent towards Kyiv", "and both missiles launched by Russia"), not
    /// the clause's predicate ("drones were launched").
    /// </summary>
    private static bool BareParticipleAfter(Document doc, SentenceMention s, int from)
    {
        var tokens = doc.Tokens;
        for (var k = from; k < s.EndToken && k < from + 8; k++)
        {
            var w = tokens[k].Lower;
            if (w is ";" or ":" or "." or "which" or "that")
            {
                return false;
            }

            if (Verbs.Contains(w))
            {
                return k == from || tokens[k - 1].Lower is not ("were" or "was" or "had" or "have" or "has" or "been" or "be" or "are" or "is");
            }
        }

        return false;
    }

    /// <summary>
    /// "Of nine Kalibr missiles, air defence shot down two", "З 11 ракет, випущених по Києву, сили ППО знищили сім", "Из девяти
    /// ракет ПВО сбила шесть": a count after "of" (з, із, из) that opens its sentence (after its day at most), with a count of
    /// the part after it, is the total launched (<c>partitive-total</c>); the part is read by <c>verb-then-N</c>.
    /// </summary>
    private static bool PartitiveTotal(Sentence x, Count c)
    {
        if (c.Weapon is not { } weapon)
        {
            return false;
        }

        var (doc, s, n) = (x.Doc, x.S, c.N);
        var tokens = doc.Tokens;
        var of = FirstToken(doc, n) - 1;
        if (of >= s.FirstToken && tokens[of].Lower == "the")
        {
            of--;
        }

        var opens = of > s.FirstToken && tokens[of - 1].Lower == "," ? of - 1 : of; // "Overnight, of 40 drones, …"
        if (of < s.FirstToken || tokens[of].Lower is not ("of" or "з" or "із" or "из") || !OnlyDays(x, s.FirstToken, opens))
        {
            return false;
        }

        var part = false;
        foreach (var m in x.Numbers)
        {
            part |= m.TokenIndex >= c.WeaponEnd && !m.IsVague;
        }

        if (!part)
        {
            return false;
        }

        var total = Figure(doc, FigureKind.Launched, n, Ref(weapon, c.MixedMissiles), n.Span, weapon.Span, "partitive-total") with
        {
            IsCombined = c.Combined || weapon.Weapon.Category == WeaponCategory.Other,
        };
        x.Result.Add(total);
        x.Counts.Add((total, c.WeaponEnd));
        return true;
    }

    /// <summary>
    /// A count and its weapon, "N W verb" or "verb N W" (<c>N-weapon-verb</c>); the weapon as the verb's agent ("two missiles
    /// destroyed a school", <c>weapon-as-agent</c>); "unable to shoot down the two Kh-22 missiles" (<c>negated-destroy</c>);
    /// "shot down all 17 drones" (<c>all-N</c>, launched as well). Counts under a modal ("could launch up to 2,000 drones")
    /// are left out.
    /// </summary>
    private static bool WeaponCount(Sentence x, Count c)
    {
        if (c.Weapon is not { } weapon)
        {
            return false;
        }

        var (doc, s, n, result) = (x.Doc, x.S, c.N, x.Result);
        var tokens = doc.Tokens;
        if (IsIsoDateDay(doc, s, n))
        {
            return true; // "date 2024-08-26 Drones attacked …": the day of a date, not a count
        }

        var (combined, mixedMissiles, weaponEnd) = (c.Combined, c.MixedMissiles, c.WeaponEnd);
        var leftKind = VerbLeftAt(doc, s, FirstToken(doc, n), 16, out var leftAt);
        var rightKind = VerbRight(doc, s, weaponEnd);
        // "were unable to shoot down the two Kh-22 missiles (fired at the city)": the missiles named came, and none was downed.
        var first = FirstToken(doc, n);
        var negated = leftKind is not null && IsNegated(doc, s, leftAt);
        var noneOfThe = negated && leftKind == FigureKind.Destroyed && rightKind is null or FigureKind.Launched && first - 1 > leftAt && tokens[first - 1].Lower == "the";
        // "None of the 4 missiles were shot down", "не змогли перехопити жодної з 4 ракет": the missiles came, none was downed.
        var none = NoneBefore(doc, s, first);
        var noneOf = none >= 0 && (rightKind == FigureKind.Destroyed || leftKind == FigureKind.Destroyed && leftAt < none || DestroyedLater(doc, s, weaponEnd));
        if (rightKind is null && leftKind is not null && (negated || IsModal(doc, s, leftAt)) || noneOfThe || noneOf)
        {
            if (noneOfThe || noneOf)
            {
                var rule = noneOf ? "none-of-N" : "negated-destroy";
                var came = Figure(doc, FigureKind.Launched, n, Ref(weapon, mixedMissiles), n.Span, weapon.Span, rule);
                // the evidence opens at the verb before ("перехопити жодної з 4 ракет") or at "none" ("None of the 4 missiles were …")
                var from = !noneOf ? leftAt : leftKind == FigureKind.Destroyed && leftAt >= 0 && leftAt < none ? leftAt : none;
                result.Add(came);
                result.Add(came with { Kind = FigureKind.Destroyed, Value = 0, Span = new TextSpan(tokens[from].Start, weapon.Span.End) });
                x.Counts.Add((came, weaponEnd));
            }

            return true; // "could launch up to 2,000 drones a night", "failed to shoot down 3 missiles"
        }

        // "two missiles destroyed a school", "four missiles struck the port": the weapon is the agent of the verb, so it was launched.
        var agent = rightKind == FigureKind.Destroyed && IsAgentVerb(doc, s, weaponEnd) || rightKind is null && IsImpactAgent(doc, s, weaponEnd);

        // "shot down all 17 drones sent towards Kyiv": a bare participle after the weapon describes it; the verb before counts.
        // "shot down all 20 drones and both cruise missiles launched by Russia": the same past a list's later items.
        if (rightKind == FigureKind.Launched && leftKind == FigureKind.Destroyed && n.IsAll && BareParticipleAfter(doc, s, weaponEnd))
        {
            rightKind = FigureKind.Destroyed;
        }

        var afterList = rightKind is null && !agent ? VerbAfterList(doc, s, weaponEnd, x.Numbers, x.Weapons, bare: leftKind is null) : null;
        if (afterList == FigureKind.Launched && leftKind == FigureKind.Destroyed && n.IsAll && BareParticipleAfter(doc, s, weaponEnd))
        {
            afterList = null; // the list's last item's participle, not the list's verb: "shot down" counts
        }

        var kind = (agent ? FigureKind.Launched : rightKind) ?? afterList ?? leftKind ?? ListVerb(doc, s, n, result)
                   ?? (IsNominalCount(doc, s, n, weaponEnd) || RelativeAfterList(doc, s, weaponEnd, x.Numbers, x.Weapons) is FigureKind.Destroyed ? FigureKind.Launched : null);
        if (kind is null)
        {
            return true;
        }

        var wref = combined ? new WeaponRef(WeaponCategory.Other, null) : Ref(weapon, mixedMissiles);
        var increment = (n.EndToken < s.EndToken && tokens[n.EndToken].Lower == "more") || (first > s.FirstToken && tokens[first - 1].Lower is "another" or "further" or "additional");
        var count = Figure(doc, kind.Value, n, wref, n.Span, weapon.Span, agent ? "weapon-as-agent" : "N-weapon-verb") with
        {
            IsCombined = combined || weapon.Weapon.Category == WeaponCategory.Other,
            IsIncrement = increment && kind.Value != FigureKind.Launched,
        };
        result.Add(count);
        x.Counts.Add((count, weaponEnd));

        // "shot down all 17 drones": all that came were downed, so 17 were launched too.
        if (n.IsAll && kind.Value == FigureKind.Destroyed
            && !result.OfType<FigureMention>().Any(f => f.Kind == FigureKind.Launched && f.Weapon == count.Weapon && f.Value == count.Value && count.Span.Start - f.Span.End is >= 0 and < 300))
        {
            result.Add(count with { Kind = FigureKind.Launched, Rule = "all-N", IsIncrement = false });
        }

        return true;
    }

    /// <summary>
    /// "eight drones were used and all were shot down", "All of them were intercepted", "…, which were intercepted": every
    /// launched count of the list told before (in this sentence or the one before) was destroyed too.
    /// </summary>
    private static void AllOfThem(Sentence x)
    {
        var (doc, s) = (x.Doc, x.S);
        var tokens = doc.Tokens;
        for (var k = s.FirstToken; k < s.EndToken; k++)
        {
            // ", which were intercepted" right after a count's weapon, or after its day ("four missiles overnight, which were …")
            if (tokens[k].Lower == "," && k + 1 < s.EndToken && Is(tokens[k + 1], Cue.Relative) && x.Counts.Any(c => c.After <= k && OnlyDays(x, c.After, k))
                && VerbRight(doc, s, k + 2) is FigureKind.Destroyed)
            {
                AllDestroyed(x, k, k + 2);
                continue;
            }

            // "Every one of them was downed", "Each one was intercepted": the list before, all of it.
            if (tokens[k].Lower is "every" or "each" && k + 1 < s.EndToken && tokens[k + 1].Lower == "one")
            {
                var after1 = k + 3 < s.EndToken && tokens[k + 2].Lower == "of" && tokens[k + 3].Lower is "them" or "these" or "those" ? k + 4 : k + 2;
                if (VerbRight(doc, s, after1) is FigureKind.Destroyed && !DestroyedFrom(x, k))
                {
                    AllDestroyed(x, k, after1);
                }

                continue;
            }

            // "Every missile was intercepted", "Each drone was shot down": the list before, all of it.
            if (tokens[k].Lower is "every" or "each" && x.Weapons.Find(w => w.TokenIndex == k + 1 && !w.IsActivity && !w.Plural) is { } each
                && VerbRight(doc, s, each.EndToken) is FigureKind.Destroyed)
            {
                if (!DestroyedFrom(x, k))
                {
                    AllDestroyed(x, k, each.EndToken);
                }

                continue;
            }

            if (tokens[k].Lower is not ("all" or "none" or "все" or "всі" or "усі") || (k + 1 < s.EndToken && tokens[k + 1].Kind == TokenKind.Number))
            {
                continue;
            }

            var after = k + 1 < s.EndToken && tokens[k + 1].Lower == "of" && k + 2 < s.EndToken && tokens[k + 2].Lower is "them" or "these" or "which" ? k + 3
                : k + 1 < s.EndToken && tokens[k + 1].Lower is "они" or "вони" or "їх" or "их" ? k + 2 : k + 1;
            var from = k;
            if (VerbRight(doc, s, after) is not (FigureKind.Destroyed or FigureKind.Suppressed) || tokens[k].Lower == "none")
            {
                // "… and air defence shot down all of them", "збили всі": the verb before, "all" ending its clause.
                if (tokens[k].Lower == "none" || !EndsClause(doc, s, after) || VerbLeftAt(doc, s, k, 3, out var verbAt) is not FigureKind.Destroyed
                    || IsNegated(doc, s, verbAt) || IsModal(doc, s, verbAt))
                {
                    continue;
                }

                from = tokens[verbAt].Lower == "down" && verbAt - 1 >= s.FirstToken && Verbs.Contains(tokens[verbAt - 1].Lower) ? verbAt - 1 : verbAt;
            }

            if (!DestroyedFrom(x, from))
            {
                AllDestroyed(x, k, after, from < k ? new TextSpan(tokens[from].Start, tokens[after - 1].End) : null);
            }
        }
    }

    /// <summary>Whether a destroyed count was read from token <paramref name="k"/> to the sentence's end (then "all …" adds none).</summary>
    private static bool DestroyedFrom(Sentence x, int k)
    {
        var (start, end) = (x.Doc.Tokens[k].Start, x.S.Span.End);
        return x.Result.OfType<FigureMention>().Any(f => f.Kind == FigureKind.Destroyed && f.Span.Start >= start && f.Span.Start < end);
    }

    /// <summary>Whether the tokens from <paramref name="from"/> up to <paramref name="to"/> are all words of the sentence's days ("overnight", "on Friday").</summary>
    private static bool OnlyDays(Sentence x, int from, int to)
    {
        for (var k = from; k < to; k++)
        {
            var t = x.Doc.Tokens[k];
            if (!x.Days.Any(d => d.Span.Start <= t.Start && t.End <= d.Span.End))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Adds a destroyed count for each launched count of the last list before token <paramref name="k"/>.</summary>
    private static void AllDestroyed(Sentence x, int k, int after, TextSpan? evidence = null)
    {
        var (doc, s, result) = (x.Doc, x.S, x.Result);
        var tokens = doc.Tokens;
        var figures = result.OfType<FigureMention>().ToList();
        var launched = figures.LastOrDefault(f => f.Kind == FigureKind.Launched && f.Span.End <= tokens[k].Start && tokens[k].Start - f.Span.End < 300);
        if (launched is null)
        {
            return;
        }

        var v = after;
        while (v < s.EndToken - 1 && !Verbs.Contains(tokens[v].Lower))
        {
            v++;
        }

        if (v + 1 < s.EndToken && tokens[v + 1].Lower == "down")
        {
            v++;
        }

        var span = evidence ?? new TextSpan(tokens[k].Start, tokens[v].End);
        // The list: the launched counts told with the last one, in its sentence, none of them already destroyed there.
        var from = Math.Max(0, Math.Min(launched.Span.Start, s.Span.Start) - 300);
        var list = figures.Where(f => f.Kind == FigureKind.Launched && f.Rule != BreakdownItemRule && f.Span.End <= tokens[k].Start && f.Span.Start >= from && SameSentence(doc, f, launched)).ToList();
        foreach (var f in list.DistinctBy(f => f.Weapon))
        {
            if (figures.Any(d => d.Kind == FigureKind.Destroyed && d.Weapon == f.Weapon && SameSentence(doc, d, f) && d.Span.Start > f.Span.Start))
            {
                continue;
            }

            result.Add(new FigureMention(span, FigureKind.Destroyed, f.Value, f.Qualifier, f.Weapon, tokens[k].Span, "all-were-verb") { IsCombined = f.IsCombined });
        }
    }

    private static bool SameSentence(Document doc, Mention a, Mention b)
    {
        var from = Math.Min(a.Span.End, b.Span.End);
        var to = Math.Max(a.Span.Start, b.Span.Start);
        return to <= from || doc.Text.AsSpan(from, to - from).IndexOfAny('.', '!', '?') < 0 && doc.Text.AsSpan(from, to - from).IndexOfAny('\n', '\r') < 0;
    }

    /// <summary>
    /// Singular: "a Russian S-300 missile had hit the building", "downed a Kinzhal missile"; "a missile destroyed the roof of a
    /// school" is one missile launched (the weapon is the agent), not destroyed.
    /// </summary>
    private static void ArticleWeaponVerb(Sentence x)
    {
        var (doc, s, numbers, weapons, result) = (x.Doc, x.S, x.Numbers, x.Weapons, x.Result);
        var tokens = doc.Tokens;
        bool numbersBefore(int k) => numbers.Any(n => n.EndToken <= k && n.TokenIndex >= k - 12);

        foreach (var w in weapons)
        {
            if (w.IsActivity || w.Plural)
            {
                continue;
            }

            // "debris of a downed drone", "an intercepted missile": one weapon destroyed.
            if (w.TokenIndex - 2 >= s.FirstToken && tokens[w.TokenIndex - 2].Lower is "a" or "an" && Verbs.TryGetValue(tokens[w.TokenIndex - 1].Lower, out var downed)
                && downed == FigureKind.Destroyed && tokens[w.TokenIndex - 1].Lower.EndsWith("ed", StringComparison.Ordinal))
            {
                result.Add(new FigureMention(new TextSpan(tokens[w.TokenIndex - 2].Start, w.Span.End), FigureKind.Destroyed, 1, Qualifier.Exact, w.Weapon, tokens[w.TokenIndex - 2].Span, "a-downed-weapon"));
                continue;
            }

            var k = w.TokenIndex - 1;
            var steps = 0;
            while (k >= s.FirstToken && steps < 4 && (Modifiers.Contains(tokens[k].Lower) || IsMissileClass(tokens[k].Lower)) && tokens[k].Lower is not ("of" or "the"))
            {
                k--;
                steps++;
            }

            var definite = k >= s.FirstToken && tokens[k].Lower == "the";
            if (k < s.FirstToken || tokens[k].Lower is not ("a" or "an" or "one" or "the"))
            {
                continue;
            }

            if (w.EndToken < s.EndToken && tokens[w.EndToken].Lower is "attack" or "attacks" or "strike" or "strikes" or "assault" or "barrage" or "bombardment" or "threat" or "alert" or "danger" or "defense" or "defence" or "system" or "systems" or "launcher" or "unit" or "debris" or "fragments" or "wreckage" or "hazard")
            {
                continue;
            }

            if (k > s.FirstToken && tokens[k - 1].Lower is "of" or "with" or "by" or "like" or "as" or "for" or "from")
            {
                if (!(tokens[k - 1].Lower == "with" && k >= 2 && Verbs.TryGetValue(tokens[k - 2].Lower, out var vk) && vk == FigureKind.Launched))
                {
                    continue;
                }
            }

            var right = VerbRight(doc, s, w.EndToken, allowHit: !definite);
            var agent = right == FigureKind.Destroyed && IsAgentVerb(doc, s, w.EndToken) || right is null && !definite && IsImpactAgent(doc, s, w.EndToken);
            if (agent)
            {
                right = definite ? null : FigureKind.Launched;
            }

            if (definite && right != FigureKind.Destroyed)
            {
                continue; // "the missile" counts only as "the missile was shot down"
            }

            // "fired 145 drones, two Kh-59 missiles and a Kinzhal": the list's verb governs the last item too.
            var inList = !definite && k > s.FirstToken && tokens[k - 1].Lower is "and" or "," && numbersBefore(k);
            var left = VerbLeft(doc, s, k, maxDistance: inList ? 16 : 3);
            var kind = right ?? left;
            if (kind is null)
            {
                continue;
            }

            var span = new TextSpan(tokens[k].Start, tokens[w.EndToken - 1].End);
            result.Add(new FigureMention(span, kind.Value, 1, Qualifier.Exact, w.Weapon, tokens[k].Span, agent ? "weapon-as-agent" : "a-weapon-verb"));
        }
    }

    private static int FirstToken(Document doc, NumberMention n)
    {
        var k = n.TokenIndex;
        while (k > 0 && doc.Tokens[k - 1].End > n.Span.Start)
        {
            k--;
        }

        return k;
    }

    /// <summary>
    /// "dozens of drones were shot down", "several missiles", "десятки дронів": a vague quantity of a weapon, kept as a
    /// claim with <see cref="Qualifier.Vague"/> and value 0 (rule <c>vague-quantity</c>) so it is never a count.
    /// </summary>
    private static void ReadVague(Sentence x, NumberMention n)
    {
        var (doc, s) = (x.Doc, x.S);
        if (WeaponAfter(doc, s, n, x.Weapons, out _, out var mixedMissiles, out var weaponEnd) is not { } w)
        {
            return;
        }

        var kind = VerbRight(doc, s, weaponEnd) ?? VerbLeft(doc, s, FirstToken(doc, n)) ?? FigureKind.Launched;
        x.Result.Add(new FigureMention(TextSpan.Cover(n.Span, w.Span), kind, 0, Qualifier.Vague, Ref(w, mixedMissiles), n.ValueSpan, "vague-quantity"));
    }

    private static WeaponRef Ref(WeaponMention w, bool mixedMissiles) =>
        mixedMissiles ? new WeaponRef(WeaponCategory.Missile, null) : w.Weapon;

    private static FigureMention Figure(Document doc, FigureKind kind, NumberMention n, WeaponRef w, TextSpan numberSpan, TextSpan weaponSpan, string rule) =>
        new(TextSpan.Cover(numberSpan, weaponSpan), kind, n.Value, n.Qualifier, w, n.ValueSpan, rule);

    /// <summary>The weapon a number counts: right after it, past modifiers ("75 Iranian-made Shahed drones").</summary>
    private static WeaponMention? WeaponAfter(Document doc, SentenceMention s, NumberMention n, List<WeaponMention> weapons, out bool combined, out bool mixedMissiles, out int end)
    {
        var tokens = doc.Tokens;
        combined = false;
        mixedMissiles = false;
        end = n.EndToken;
        var k = n.EndToken;
        var steps = 0;
        while (k < s.EndToken && steps < 8)
        {
            var w = weapons.FirstOrDefault(x => x.TokenIndex == k);
            if (w is not null)
            {
                if (w.IsActivity)
                {
                    return null;
                }

                var wEnd = w.EndToken;
                // "безпілотників типу «Shahed»": the model named after the noun belongs to it.
                var kindOf = wEnd;
                if (kindOf + 1 < s.EndToken && Is(tokens[kindOf], Cue.KindOf))
                {
                    kindOf++;
                    if (tokens[kindOf].Lower == "\"" && kindOf + 1 < s.EndToken)
                    {
                        kindOf++;
                    }

                    if (weapons.FirstOrDefault(m => m.TokenIndex == kindOf) is { } model)
                    {
                        wEnd = model.EndToken;
                        if (wEnd < s.EndToken && tokens[wEnd].Lower == "\"")
                        {
                            wEnd++;
                        }
                    }
                }
                else if (AppositiveModel(s, w, weapons) is { } model)
                {
                    // "16 крилатих ракет Х-101", "six hypersonic missiles Kh-47M2 Kinzhal": the model right after the noun.
                    w = w with { Span = TextSpan.Cover(w.Span, model.Span), Weapon = model.Weapon, EndToken = model.EndToken };
                    wEnd = w.EndToken;
                }

                end = wEnd;
                // "missiles and drones" counted together
                if (wEnd + 1 < s.EndToken && tokens[wEnd].Lower == "and" && weapons.FirstOrDefault(x => x.TokenIndex == wEnd + 1) is { } w2 && !w2.IsActivity
                    && w2.Weapon.Category.Family() != w.Weapon.Category.Family() && !NumberAt(doc, wEnd + 1))
                {
                    combined = true;
                    end = w2.EndToken;
                }

                // "missile strikes": the count is of strikes by that weapon, still a launch
                return w;
            }

            var lw = tokens[k].Lower;
            if (lw is "ballistic" or "cruise" && k + 1 < s.EndToken && tokens[k + 1].Lower is "and" or "," or "/")
            {
                mixedMissiles = true;
                k += 2;
                steps++;
                continue;
            }

            // "78 air, ground, and sea-launched missiles": a list of platforms before the weapon.
            var ahead = k + 1 < s.EndToken && tokens[k + 1].Lower is "and" or "or" ? k + 2 : k + 1;
            if (lw is "," or "and" or "or" && ahead < s.EndToken && (Modifiers.Contains(tokens[ahead].Lower) || tokens[ahead].Lower.EndsWith("-launched", StringComparison.Ordinal)) && tokens[ahead].Lower is not ("of" or "the" or "more"))
            {
                k++;
                steps++;
                continue;
            }

            if (Modifiers.Contains(lw) || IsMissileClass(lw) || lw.EndsWith("-type", StringComparison.Ordinal) || lw.EndsWith("-made", StringComparison.Ordinal) || lw.EndsWith("-based", StringComparison.Ordinal) || lw.EndsWith("-launched", StringComparison.Ordinal))
            {
                k++;
                steps++;
                continue;
            }

            return null;
        }

        return null;
    }

    /// <summary>
    /// Rule of <see cref="WeaponAfter"/>: a model named right after a weapon noun that names none, of the noun's family
    /// ("крилатих ракет Х-101", "missiles Kh-47M2 Kinzhal"), is the model the noun counts; a model of another family
    /// ("drones Kh-101") is not.
    /// </summary>
    private static WeaponMention? AppositiveModel(SentenceMention s, WeaponMention w, List<WeaponMention> weapons)
    {
        if (w.Weapon.Model is not null || w.EndToken >= s.EndToken)
        {
            return null;
        }

        var model = weapons.FirstOrDefault(m => m.TokenIndex == w.EndToken);
        return model is { Weapon.Model: not null, IsActivity: false } && model.Weapon.Category.Family() == w.Weapon.Category.Family()
            ? model
            : null;
    }

    private static bool NumberAt(Document doc, int k) => doc.Tokens[k].Kind == TokenKind.Number;

    /// <summary>"N out of M", "N of M", "N W out of M W".</summary>
    private static bool TryOutOf(Document doc, SentenceMention s, NumberMention n, List<NumberMention> numbers, List<WeaponMention> weapons, out NumberMention total, out WeaponMention? weapon, out int end)
    {
        var tokens = doc.Tokens;
        bool StartsNumber(int t) => numbers.Any(x => x.Span.Start == tokens[t].Start);
        total = null!;
        weapon = null;
        end = n.EndToken;
        var k = n.EndToken;
        // skip "W" between: "186 drones out of 194"
        var wAfter = weapons.FirstOrDefault(x => x.TokenIndex >= k && x.TokenIndex <= k + 3);
        if (wAfter is not null && Enumerable.Range(k, wAfter.TokenIndex - k).All(j => Modifiers.Contains(tokens[j].Lower) && tokens[j].Lower != "of"))
        {
            k = wAfter.EndToken;
        }

        if (k + 1 < s.EndToken && tokens[k].Lower == "out" && tokens[k + 1].Lower == "of")
        {
            k += 2;
        }
        else if (k < s.EndToken && tokens[k].Lower is "of" or "із" or "з" or "зі" or "из" && k + 1 < s.EndToken && StartsNumber(k + 1))
        {
            k += 1; // "17 of 20", "30 of more than 40 missiles"
        }
        else if (k + 2 < s.EndToken && tokens[k].Lower == "of" && tokens[k + 1].Lower == "the" && StartsNumber(k + 2))
        {
            k += 2; // "30 of the 38 missiles launched"
        }
        else
        {
            return false;
        }

        var totalNumber = numbers.FirstOrDefault(x => x.TokenIndex >= k && x.TokenIndex <= k + 3 && x.Span.Start <= tokens[k].Start && x.Span.End > tokens[k].Start);
        if (totalNumber is null || totalNumber.Value < n.Value || totalNumber.IsVague)
        {
            return false;
        }

        // "affected 15 of the 24 Ukrainian regions": a count of something that is no weapon.
        var after = totalNumber.EndToken;
        while (after < s.EndToken && Modifiers.Contains(tokens[after].Lower) && tokens[after].Lower is not ("of" or "the"))
        {
            after++;
        }

        if (wAfter is null && after < s.EndToken && tokens[after].IsWord && !weapons.Any(x => x.TokenIndex == after) && !Verbs.Contains(tokens[after].Lower)
            && tokens[after].Lower is not ("were" or "was" or "had" or "have" or "has" or "been" or "that" or "which" or "and"))
        {
            return false;
        }

        total = totalNumber;
        weapon = wAfter ?? weapons.FirstOrDefault(x => x.TokenIndex >= totalNumber.EndToken && x.TokenIndex <= totalNumber.EndToken + 4 && !x.IsActivity)
                 ?? weapons.LastOrDefault(x => x.EndToken <= n.TokenIndex && !x.IsActivity)
                 ?? (after < s.EndToken && Verbs.Contains(tokens[after].Lower) ? WeaponAfterParticiple(doc, s, after, weapons) : null);
        var wEnd = weapons.FirstOrDefault(x => x.TokenIndex >= totalNumber.EndToken && x.TokenIndex <= totalNumber.EndToken + 4);
        end = wEnd?.EndToken ?? totalNumber.EndToken;
        return true;
    }

    /// <summary>
    /// "shot down 55 cruise missiles and four Kh-59 missiles, as well as 54 Shahed drones": a later item of a list
    /// of counts takes the kind of the item before it in the sentence, however far its verb.
    /// </summary>
    private static FigureKind? ListVerb(Document doc, SentenceMention s, NumberMention n, ImmutableArray<Mention>.Builder result)
    {
        var tokens = doc.Tokens;
        var first = FirstToken(doc, n);
        var joined = first > s.FirstToken && tokens[first - 1].Lower is "and" or "," or "plus"
                     || (first - 3 > s.FirstToken && tokens[first - 3].Lower == "as" && tokens[first - 2].Lower == "well" && tokens[first - 1].Lower == "as");
        if (!joined)
        {
            return null;
        }

        var before = result.OfType<FigureMention>().LastOrDefault(f => f.Span.End <= tokens[first].Start && f.Span.Start >= s.Span.Start);
        return before is not null && tokens[first].Start - before.Span.End < 60 ? before.Kind : null;
    }

    /// <summary>
    /// "all 5 Iskander-M missiles and 18 Kalibr missiles were shot down": the verb after the last item of a list. With no verb
    /// before the list (<paramref name="bare"/>), its items may be joined by commas and each may carry a phrase of where it came
    /// from (<see cref="OriginPhraseEnd"/>): "20 Kh-101 from the air, 11 Kalibr from the sea and 3 Iskander-M from the ground had
    /// been launched".
    /// </summary>
    private static FigureKind? VerbAfterList(Document doc, SentenceMention s, int weaponEnd, List<NumberMention> numbers, List<WeaponMention> weapons, bool bare = false)
    {
        var tokens = doc.Tokens;
        var k = bare ? OriginPhraseEnd(doc, s, weaponEnd) : weaponEnd;
        if (k > weaponEnd && VerbRight(doc, s, k) is { } own)
        {
            return own;
        }

        for (var items = 0; items < 6 && k < s.EndToken && (tokens[k].Lower == "and" || bare && tokens[k].Lower is "," or "та" or "і" or "и"); items++)
        {
            var next = numbers.FirstOrDefault(n => FirstToken(doc, n) == k + 1);
            if (next is null)
            {
                return null;
            }

            var w = weapons.FirstOrDefault(x => x.TokenIndex >= next.EndToken && x.TokenIndex <= next.EndToken + 4);
            if (w is null)
            {
                return null;
            }

            k = bare ? OriginPhraseEnd(doc, s, w.EndToken) : w.EndToken;
            var verb = VerbRight(doc, s, k);
            if (verb is not null)
            {
                return verb;
            }
        }

        return null;
    }

    /// <summary>
    /// The end of a short phrase of origin or place after a list item's weapon ("from the air", "from the Black Sea", "з моря",
    /// "over the Caspian Sea"), when a list join, a comma or a verb follows it; else <paramref name="at"/>.
    /// </summary>
    private static int OriginPhraseEnd(Document doc, SentenceMention s, int at)
    {
        var tokens = doc.Tokens;
        if (at >= s.EndToken || !(tokens[at].Lower is "from" or "з" or "із" or "зі" or "с" or "со" || Is(tokens[at], Cue.Place)))
        {
            return at;
        }

        for (var k = at + 1; k < s.EndToken && k <= at + 5; k++)
        {
            var t = tokens[k];
            if (t.Lower is "," or "and" or "та" or "і" or "и" || VerbRight(doc, s, k) is not null)
            {
                return k > at + 1 ? k : at;
            }

            if (!t.IsWord || Verbs.Contains(t.Lower))
            {
                return at;
            }
        }

        return at;
    }

    /// <summary>A participle or passive right after the counted noun: "fired", "were launched", "had been destroyed".</summary>
    private static FigureKind? VerbRight(Document doc, SentenceMention s, int from, bool allowHit = false)
    {
        var tokens = doc.Tokens;
        var k = from;
        var steps = 0;
        // skip a parenthesis or apposition: ", X-101 and X-555,"
        if (k < s.EndToken && tokens[k].Lower == ",")
        {
            // ", which were heading for the regional centre, were shot down": a relative clause runs longer
            var j = k + 1;
            var reach = j < s.EndToken && Is(tokens[j], Cue.Relative) ? 12 : 6;
            while (j < s.EndToken && j < k + reach && tokens[j].Lower != ",")
            {
                j++;
            }

            if (j < s.EndToken && tokens[j].Lower == "," && j + 1 < s.EndToken && tokens[j + 1].Lower is "were" or "was" or "had" or "have" or "has")
            {
                k = j + 1;
            }
        }

        while (k < s.EndToken && steps < 5)
        {
            var w = tokens[k].Lower;
            if (w is "were" or "was" or "had" or "have" or "has" or "been" or "being" or "more" or "others" or "reportedly" or "allegedly" or "also" or "successfully" or "all" or "later" or "then" or "\"" or "'" or "by" or "in" or "total" or "reported" or "locationally" or "either" or "likely" or "probably"
                or "були" or "было" or "были" or "була" or "було" or "была" or "локаційно" or "локационно" or "успішно" or "успешно")
            {
                k++;
                steps++;
                continue;
            }

            // "all nine drones over the Kherson region were shot down": a place phrase between the count and its passive.
            if (w is "over" or "above" && PassiveAfterPlace(doc, s, k) is var passive and > 0)
            {
                k = passive;
                continue;
            }

            // "11 з них вдалося збити", "20 of them were managed to be downed"
            if (Is(tokens[k], Cue.Able))
            {
                k += k + 1 < s.EndToken && tokens[k + 1].Lower == "to" ? 2 : 1;
                steps++;
                continue;
            }

            // "71 were brought down", "had been knocked out": a phrasal passive of downing
            if (w is "brought" or "knocked" or "taken" && k + 1 < s.EndToken && tokens[k + 1].Lower is "down" or "out")
            {
                return FigureKind.Destroyed;
            }

            if (Verbs.TryGetValue(w, out var kind))
            {
                if (w is "hit" or "struck" or "targeted" or "attacked" or "recorded" && !allowHit && steps == 0 && w != "targeted")
                {
                    return null;
                }

                if (w == "shot" || w == "shoot")
                {
                    return FigureKind.Destroyed;
                }

                // "were lost" means suppressed only after a passive; "lost" as an adjective is rare.
                return kind;
            }

            if (w is "did" or "failed" && k + 2 < s.EndToken && (tokens[k + 1].Lower is "not" or "to") && tokens[k + 2].Lower is "reach")
            {
                return FigureKind.Suppressed;
            }

            if (w is "fell" or "landed" or "exploded" && allowHit)
            {
                return FigureKind.Launched;
            }

            return null;
        }

        return null;
    }

    /// <summary>The "were"/"was" within five words after a place preposition at <paramref name="at"/> ("over the Kherson region were"), or 0.</summary>
    private static int PassiveAfterPlace(Document doc, SentenceMention s, int at)
    {
        var tokens = doc.Tokens;
        for (var j = at + 1; j < s.EndToken && j <= at + 5; j++)
        {
            if (tokens[j].Lower is "were" or "was")
            {
                return j;
            }

            if (!tokens[j].IsWord)
            {
                return 0;
            }
        }

        return 0;
    }

    /// <summary>The nearest figure verb to the left in the same clause: "shot down 36 rockets", "launched around 120 missiles".</summary>
    private static FigureKind? VerbLeft(Document doc, SentenceMention s, int before, int maxDistance = 16) => VerbLeftAt(doc, s, before, maxDistance, out _);

    /// <summary><see cref="VerbLeft"/>, and the token of the verb that decided (-1 when none did).</summary>
    private static FigureKind? VerbLeftAt(Document doc, SentenceMention s, int before, int maxDistance, out int at)
    {
        var tokens = doc.Tokens;
        for (var k = before - 1; k >= s.FirstToken && k >= before - maxDistance; k--)
        {
            at = k;
            var w = tokens[k].Lower;
            if (w is ";" || (w is ":" or "said" or "says" or "reported" or "according" or "added" && k < before - 1))
            {
                return null;
            }

            if (w is "lost")
            {
                return FigureKind.Suppressed;
            }

            // "struck the Kharkiv region with 108 drones", "hit Odesa with 40 Shaheds, 6 Kalibr missiles and a Kinzhal"
            if (w == "with")
            {
                for (var j = k - 1; j >= s.FirstToken && j >= k - 14; j--)
                {
                    if (tokens[j].Lower is "struck" or "hit" or "attacked" or "targeted" or "pounded" or "shelled" or "bombarded" or "strikes" or "attacks" or "attack" or "strike" or "barrage" or "assault")
                    {
                        return FigureKind.Launched;
                    }

                    if (tokens[j].Lower is ";" or "said" or "says")
                    {
                        break;
                    }
                }
            }

            if (Verbs.TryGetValue(w, out var kind))
            {
                // "збито або подавлено 84", "shot down or suppressed": the first verb of the pair decides.
                if (kind == FigureKind.Suppressed && k - 2 >= s.FirstToken && tokens[k - 1].Lower is "або" or "или" or "or" or "чи" or "/" && Verbs.TryGetValue(tokens[k - 2].Lower, out var first))
                {
                    return first;
                }

                if (w is "down" && !(k > s.FirstToken && tokens[k - 1].Lower is "shot" or "shoot" or "shoots" or "shooting" or "brought" or "bring" or "to"))
                {
                    continue;
                }

                if (w is "shot" && !(k + 1 < s.EndToken && tokens[k + 1].Lower == "down"))
                {
                    continue;
                }

                if (w is "hit" or "struck" or "recorded")
                {
                    continue;
                }

                return kind;
            }

            // "a drone attack of more than 50 drones", "attack with 40 drones", "attacked Ukraine with 25 Shaheds"; but
            // "intercepted an attack by 120 drones", "відбили атаку 120 дронів": the attack's drones were destroyed.
            if (w is "with" or "of" or "by" && k > s.FirstToken && tokens[k - 1].Lower is "attack" or "attacks" or "strike" or "strikes" or "assault" or "barrage" or "wave" or "salvo" or "swarm")
            {
                return RepelledAttack(doc, s, k - 1) ? FigureKind.Destroyed : FigureKind.Launched;
            }

            if (k == before - 1 && Is(tokens[k], Cue.AttackNoun) && RepelledAttack(doc, s, k))
            {
                return FigureKind.Destroyed;
            }
        }

        at = -1;
        return null;
    }

    /// <summary>
    /// "intercepted a large-scale attack by 337 drones", "repelled a massive attack of 120 drones", "сили ППО відбили атаку 40
    /// дронів": the verb before the attack noun (past its article and adjectives) destroys the attack, so its count is
    /// destroyed, not launched.
    /// </summary>
    private static bool RepelledAttack(Document doc, SentenceMention s, int attackNoun)
    {
        var tokens = doc.Tokens;
        for (var j = attackNoun - 1; j >= s.FirstToken && j >= attackNoun - 5; j--)
        {
            var w = tokens[j].Lower;
            if (Is(tokens[j], Cue.Repel))
            {
                return true;
            }

            if (Verbs.TryGetValue(w, out var kind))
            {
                return kind == FigureKind.Destroyed;
            }

            if (!tokens[j].IsWord)
            {
                return false;
            }
        }

        return false;
    }

    /// <summary>
    /// Rule <c>strikes-by-weapon</c>: "three strikes with guided bombs", "two hits by ballistic missiles", "п'ять ударів КАБами",
    /// "три влучання КАБів": a count of strikes told by their weapon, which follows the strike noun after at most a preposition
    /// and the weapon's modifiers, is that weapon's launched count when the report counts the family nowhere before it
    /// (<see cref="CountedBefore"/>).
    /// </summary>
    private static WeaponMention? StrikesByWeapon(Sentence x, NumberMention n)
    {
        var (tokens, s) = (x.Doc.Tokens, x.S);
        var k = n.EndToken;
        if (k >= s.EndToken || !(Is(tokens[k], Cue.StrikeNoun) || tokens[k].Lower == "hits"))
        {
            return null;
        }

        foreach (var w in x.Weapons)
        {
            if (w.TokenIndex <= k || w.IsActivity)
            {
                continue;
            }

            for (var j = k + 1; j < w.TokenIndex; j++)
            {
                var between = tokens[j].Lower;
                if (!(between is "with" or "by" or "of" or "from" or "using" || Modifiers.Contains(between) || IsMissileClass(between)))
                {
                    return null;
                }
            }

            return w;
        }

        return null;
    }

    /// <summary>
    /// Whether the report counted the weapon's family before (launched or destroyed): then "22 strikes by attack drones recorded
    /// at six sites" after "113 drones were launched, 89 downed" counts the hits, not what was launched, and is left out.
    /// </summary>
    private static bool CountedBefore(Sentence x, WeaponMention w)
    {
        var family = w.Weapon.Category.Family();
        foreach (var m in x.Result)
        {
            if (m is FigureMention { Kind: FigureKind.Launched or FigureKind.Destroyed } f && f.Qualifier.IsCount() && f.Weapon.Category.Family() == family)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A count with no verb at all ("48 Russian cruise missiles. At night.") reads as launched.</summary>
    private static bool IsNominalCount(Document doc, SentenceMention s, NumberMention n, int weaponEnd)
    {
        var tokens = doc.Tokens;
        var first = FirstToken(doc, n);
        var atStart = first <= s.FirstToken || tokens[first - 1].Lower is "\"" or ":" or "total" or "of"
                      || (first - 2 >= s.FirstToken && tokens[first - 1].Lower == "the" && tokens[first - 2].Lower == "of");
        var atEnd = weaponEnd >= s.EndToken || tokens[weaponEnd].Lower is "." or "\"" or "," or "against" or "at" or "on" or "toward" or "towards" or "targeting";
        return atStart && atEnd;
    }

    private static bool IsOfWhich(Document doc, SentenceMention s, NumberMention n)
    {
        var first = FirstToken(doc, n);
        return first >= 2 && doc.Tokens[first - 1].Lower == "which" && doc.Tokens[first - 2].Lower == "of";
    }

    private static bool IsSubCount(Document doc, SentenceMention s, NumberMention n, List<WeaponMention> weapons)
    {
        var tokens = doc.Tokens;
        var k = n.EndToken;
        if (k + 1 < s.EndToken && tokens[k].Lower is "of" or "з" or "із" or "из" && tokens[k + 1].Lower is "which" or "them" or "whom" or "these" or "those" or "них" or "которых" or "яких")
        {
            // "destroyed 35 of them", "30 of them were shot down" count; "70 of which were Shaheds" is a part.
            var kind = VerbRight(doc, s, k + 2) ?? VerbLeft(doc, s, FirstToken(doc, n), maxDistance: 4);
            return kind is null or FigureKind.Launched;
        }

        for (var j = FirstToken(doc, n) - 1; j >= Math.Max(s.FirstToken, FirstToken(doc, n) - 2); j--)
        {
            if (Is(tokens[j], Cue.Part) || (tokens[j].Lower == "each" && j == FirstToken(doc, n) - 1))
            {
                if (IsPartitiveDestroyed(doc, s, n, weapons))
                {
                    return false;
                }

                // "91 projectiles, including 10 missiles and 81 drones": the parts of a mixed total (no weapon of one
                // family counted before) are the counts by weapon.
                // The total is the last count of the clause before the part word ("launched 112 aerial attack weapons at
                // Ukraine overnight, including 100 drones and 12 missiles"), its weapon the one right after it.
                var totalAt = -1;
                for (var x = j - 1; x >= Math.Max(s.FirstToken, j - 12) && tokens[x].Lower is not (";" or ":"); x--)
                {
                    if (tokens[x].Kind == TokenKind.Number)
                    {
                        totalAt = x;
                        break;
                    }
                }

                var counted = totalAt < 0 ? null : weapons.FirstOrDefault(w => w.TokenIndex > totalAt && w.TokenIndex <= totalAt + 3);
                return !(totalAt >= 0 && (counted is null || counted.Weapon.Category == WeaponCategory.Other));
            }
        }

        return k < s.EndToken && tokens[k].Lower == "each";
    }

    /// <summary>The rule name of <see cref="BreakdownItem"/>'s counts, which the assembler reads as parts of a stated total.</summary>
    internal const string BreakdownItemRule = "breakdown-item";

    /// <summary>
    /// Rule <c>breakdown-item</c>: "launched 29 missiles, among them 18 Kh-101, 7 Iskander-M and 4 Kinzhal", "серед них 18 Х-101",
    /// "в том числе 7 Искандер-М": a part of a launched total told before it in the sentence, counting a weapon of the total's
    /// family more specific than it (a model, or "cruise missiles" of "missiles"), is launched too, its rule telling the
    /// assembler it is a part of that total (the family's figure stays the total, never the sum). A part of a destroyed total
    /// ("shot down 25 missiles, including 16 Kh-101", "збили 25 ракет, зокрема 16 Х-101") is destroyed the same way. A part of no
    /// such total ("including 30 over Kursk", "including 10 Shaheds" of "50 missiles and drones"), or of a total told as both
    /// ("all eight drones were shot down: five Shaheds and …"), is none.
    /// </summary>
    private static FigureMention? BreakdownItem(Sentence x, NumberMention n)
    {
        if (n.IsVague || WeaponAfter(x.Doc, x.S, n, x.Weapons, out var combined, out var mixedMissiles, out _) is not { } weapon || combined || mixedMissiles)
        {
            return null;
        }

        var total = x.Result.OfType<FigureMention>().LastOrDefault(f => f.Kind is FigureKind.Launched or FigureKind.Destroyed && f.Rule != BreakdownItemRule && f.Span.End <= n.Span.Start && f.Span.Start >= x.S.Span.Start);
        var moreSpecific = weapon.Weapon.Model is not null || weapon.Weapon.Category != total?.Weapon.Category;
        // "All eight drones were shot down: five Shaheds and …": the breakdown of a destroyed total told as launched too ("all").
        var allOf = total is not null && x.Result.OfType<FigureMention>().Any(f => f.Kind != total.Kind && f.Span == total.Span);
        if (total is null || allOf || total.IsCombined || total.Weapon.Model is not null || total.Value < n.Value || !moreSpecific
            || total.Weapon.Category is not (WeaponCategory.Missile or WeaponCategory.Drone) || weapon.Weapon.Category.Family() != total.Weapon.Category.Family())
        {
            return null;
        }

        return Figure(x.Doc, total.Kind, n, weapon.Weapon, n.Span, weapon.Span, BreakdownItemRule);
    }

    /// <summary>
    /// "Серед них 15 збито", "among them 15 were shot down", "среди них 12 шахедов сбиты": a part of a total with a verb of
    /// destruction of its own (right after the count or its weapon) is the destroyed count of that total, not a sub-count.
    /// </summary>
    private static bool IsPartitiveDestroyed(Document doc, SentenceMention s, NumberMention n, List<WeaponMention> weapons)
    {
        var end = WeaponAfter(doc, s, n, weapons, out _, out _, out var weaponEnd) is null ? n.EndToken : weaponEnd;
        return VerbRight(doc, s, end) is FigureKind.Destroyed or FigureKind.Suppressed;
    }

    /// <summary>"including 18 Kh-101, 7 Iskander-M and 4 Kinzhal": a count joined to the part before it is a part too.</summary>
    private static bool ContinuesList(Document doc, SentenceMention s, NumberMention part, NumberMention n)
    {
        var tokens = doc.Tokens;
        var first = FirstToken(doc, n);
        if (first <= part.EndToken || first - part.EndToken > 6 || !IsListJoin(tokens[first - 1]))
        {
            return false;
        }

        for (var k = part.EndToken; k < first - 1; k++)
        {
            if (Verbs.Contains(tokens[k].Lower) || tokens[k].Lower is ";" or ":" || Is(tokens[k], Cue.Relative))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsListJoin(Token t) => t.Lower is "," or "and" or "та" or "і" or "й" or "и" or "а" or "plus";

    /// <summary>
    /// "all six drones were shot down: four Shaheds and two of an unknown type": a breakdown after a colon, of a total of
    /// the same family told right before it, is part of that total. (A bare total, "down 40: 30 Shaheds and 10 missiles",
    /// has no weapon, and its parts are the counts.)
    /// </summary>
    private static bool IsPartOfTotal(Sentence x, NumberMention n)
    {
        var tokens = x.Doc.Tokens;
        var first = FirstToken(x.Doc, n);
        if (first <= x.S.FirstToken || !(tokens[first - 1].Lower == ":" || IsDash(tokens[first - 1]) && AllClauseBefore(x, first - 1)))
        {
            return false;
        }

        var colon = tokens[first - 1].Start;
        var total = x.Result.OfType<FigureMention>().LastOrDefault(f => f.Span.End <= colon && f.Span.Start >= x.S.Span.Start);
        // "All were downed — 6 Shaheds and 4 Gerans": the breakdown of "all" (of the list before), read by all-were-verb.
        if (total is null && AllClauseBefore(x, first - 1))
        {
            return true;
        }

        if (total is null || total.Weapon.Category == WeaponCategory.Other || x.Doc.Text.AsSpan(total.Span.End, colon - total.Span.End).Length > 40)
        {
            return false;
        }

        var weapon = x.Weapons.FirstOrDefault(w => w.TokenIndex >= n.EndToken && w.TokenIndex <= n.EndToken + 3);
        return weapon is null || weapon.Weapon.Category.Family() == total.Weapon.Category.Family();
    }

    /// <summary>"All were downed", "All of them were intercepted", "Усі вони були збиті": a clause of "all" and a destroying verb from the sentence's start to token <paramref name="end"/>.</summary>
    private static bool AllClauseBefore(Sentence x, int end)
    {
        var tokens = x.Doc.Tokens;
        var k = x.S.FirstToken;
        if (k >= end || tokens[k].Lower is not ("all" or "всі" or "усі" or "все"))
        {
            return false;
        }

        var after = k + 2 < end && tokens[k + 1].Lower == "of" && tokens[k + 2].Lower is "them" or "these" ? k + 3
            : k + 1 < end && tokens[k + 1].Lower is "вони" or "они" ? k + 2 : k + 1;
        return VerbRight(x.Doc, x.S, after) is FigureKind.Destroyed && !Enumerable.Range(k, end - k).Any(j => tokens[j].Kind == TokenKind.Number);
    }

    /// <summary>
    /// "destroyed 12 drones over the Tula region and 5 over the Oryol region" (<c>elided-weapon</c>), "12 drones on Friday
    /// and 9 on Saturday" (<c>elided-day</c>): a count with no weapon, joined to a count told just before, with a modifier
    /// of the same kind after each (a place, or a day), counts the same weapon by the same verb. The count it continues
    /// and the rule, or null.
    /// </summary>
    private static (FigureMention Head, string Rule)? ElidedItem(Sentence x, NumberMention n)
    {
        var tokens = x.Doc.Tokens;
        var first = FirstToken(x.Doc, n);
        if (first <= x.S.FirstToken || !IsListJoin(tokens[first - 1]) || n.EndToken >= x.S.EndToken || x.Counts.Count == 0)
        {
            return null;
        }

        var (head, after) = x.Counts[^1];
        if (after >= x.S.EndToken || head.Span.End > tokens[first].Start || first - after > 10)
        {
            return null;
        }

        var itemDay = DayAt(x, n.EndToken);
        var headDay = DayAt(x, after);
        var rule = itemDay is not null && headDay is not null && itemDay.Date != headDay.Date ? "elided-day"
            : itemDay is null && headDay is null && Is(tokens[n.EndToken], Cue.Place) && Is(tokens[after], Cue.Place) ? "elided-weapon"
            : null;
        if (rule is null)
        {
            return null;
        }

        for (var k = after; k < first - 1; k++)
        {
            if (Verbs.Contains(tokens[k].Lower) || tokens[k].Lower is ";" or ":" || tokens[k].Kind == TokenKind.Number || x.Weapons.Any(w => w.TokenIndex == k))
            {
                return null;
            }
        }

        return (head, rule);
    }

    /// <summary>The day told right at token <paramref name="k"/>, or after one preposition ("on Friday", "у п'ятницю", "во вторник").</summary>
    private static DateMention? DayAt(Sentence x, int k) =>
        x.Days.FirstOrDefault(d => d.TokenIndex == k || (d.TokenIndex == k + 1 && (Is(x.Doc.Tokens[k], Cue.When) || Is(x.Doc.Tokens[k], Cue.Place))));

    /// <summary>
    /// "12 drones over the Tula region and 5 over the Oryol region" is 17 drones: the items of such a list are summed into one
    /// count (a total stated elsewhere, larger, still wins when the event takes the largest figure).
    /// </summary>
    private static void SumOfItems(Sentence x)
    {
        var items = new List<FigureMention>();
        for (var i = 0; i < x.Counts.Count; i++)
        {
            var f = x.Counts[i].Figure;
            if (f.Rule == "elided-weapon" && items.Count == 0 && i > 0)
            {
                items.Add(x.Counts[i - 1].Figure);
            }

            if (f.Rule == "region-item" && items.Count == 0 && i > 0 && x.IsRegionHead(x.Counts[i - 1].Figure))
            {
                items.Add(x.Counts[i - 1].Figure);
            }

            if (f.Rule == "elided-weapon" && items.Count > 0 || f.Rule == "region-item")
            {
                items.Add(f);
            }

            var last = i == x.Counts.Count - 1 || x.Counts[i + 1].Figure.Rule is not ("elided-weapon" or "region-item");
            if (last && items.Count > 1)
            {
                var head = items[0];
                var sum = items.Aggregate(0, (a, m) => Counts.Add(a, m.Value));
                foreach (var m in items)
                {
                    x.Result.Remove(m);
                }

                x.Result.Add(head with { Span = TextSpan.Cover(head.Span, items[^1].Span), Value = sum, ValueSpan = TextSpan.Cover(head.ValueSpan, items[^1].ValueSpan), Rule = "sum-of-items" });
                items.Clear();
            }
            else if (last)
            {
                items.Clear();
            }
        }
    }

    /// <summary>
    /// One weapon in Ukrainian or Russian, told in a singular form with no number: "ворожа ракета впала", "ударила ракетой",
    /// "атакували балістичною ракетою", "балістичну ракету, яка летіла", "сбили беспилотник". Debris of a weapon counts none.
    /// </summary>
    private static void SingularWeaponVerb(Sentence x)
    {
        var (doc, s) = (x.Doc, x.S);
        var tokens = doc.Tokens;
        foreach (var w in x.Weapons)
        {
            if (w.IsActivity || w.Plural || tokens[w.EndToken - 1].Lower[0] < 128)
            {
                continue;
            }

            // Counted already ("один дрон", "1 ракета"), or the debris of one ("уламки дрона").
            var first = w.TokenIndex;
            if (x.Numbers.Any(n => n.EndToken <= first && n.EndToken >= first - 3) || x.Counts.Any(c => c.Figure.Span.Start <= w.Span.Start && c.Figure.Span.End >= w.Span.End))
            {
                continue;
            }

            // "уламки збитого дрона", "обломки сбитого беспилотника": one weapon downed, whatever its debris did.
            if (first > s.FirstToken && Verbs.TryGetValue(tokens[first - 1].Lower, out var downed) && downed == FigureKind.Destroyed)
            {
                x.Result.Add(new FigureMention(new TextSpan(tokens[first - 1].Start, w.Span.End), FigureKind.Destroyed, 1, Qualifier.Exact, w.Weapon, w.Span, "a-downed-weapon"));
                continue;
            }

            var j = first - 1;
            while (j >= s.FirstToken && j >= first - 3 && Modifiers.Contains(tokens[j].Lower))
            {
                j--;
            }

            if (j >= s.FirstToken && Is(tokens[j], Cue.Debris))
            {
                continue;
            }

            FigureKind? kind = null;
            var k = w.EndToken;
            // "ракета, яка летіла", "ракету, которая упала"
            if (k + 1 < s.EndToken && tokens[k].Lower == "," && Is(tokens[k + 1], Cue.Relative))
            {
                k += 2;
            }

            // a model or a quote after the noun: "ракета Х-59", "ракетою «Іскандер-М»"
            while (k < s.EndToken && k < w.EndToken + 5)
            {
                if (x.Weapons.FirstOrDefault(m => m.TokenIndex == k) is { } model)
                {
                    k = model.EndToken;
                }
                else if (tokens[k].Lower == "\"")
                {
                    k++;
                }
                else
                {
                    break;
                }
            }

            if (k < s.EndToken && (Is(tokens[k], Cue.Impact) || Verbs.TryGetValue(tokens[k].Lower, out _)))
            {
                kind = Verbs.TryGetValue(tokens[k].Lower, out var v) ? v : FigureKind.Launched;
            }

            // The verb before: "ударила ракетой", "атакували балістичною ракетою", "збили безпілотник".
            for (var b = first - 1; kind is null && b >= s.FirstToken && b >= first - 4; b--)
            {
                if (Is(tokens[b], Cue.Impact) || Verbs.Contains(tokens[b].Lower))
                {
                    kind = Verbs.TryGetValue(tokens[b].Lower, out var v) ? v : FigureKind.Launched;
                    if (IsModal(doc, s, b) || IsNegated(doc, s, b))
                    {
                        kind = null;
                        break;
                    }
                }
                else if (!tokens[b].IsWord || Is(tokens[b], Cue.Debris))
                {
                    break; // the verb of "атакували місто ракетою" is a few words back, in the same clause
                }
            }

            if (kind is null)
            {
                continue;
            }

            x.Result.Add(new FigureMention(w.Span, kind.Value, 1, Qualifier.Exact, w.Weapon, w.Span, "singular-weapon-verb"));
        }
    }

    /// <summary>"was unable to intercept the Kh-22 missiles", "не вдалося збити ракети": none of that weapon destroyed.</summary>
    private static void NegatedDestroy(Sentence x)
    {
        var (doc, s) = (x.Doc, x.S);
        var tokens = doc.Tokens;
        foreach (var w in x.Weapons)
        {
            if (w.IsActivity || x.Numbers.Any(n => n.EndToken <= w.TokenIndex && n.EndToken >= w.TokenIndex - 3))
            {
                continue;
            }

            var k = w.TokenIndex - 1;
            while (k >= s.FirstToken && k >= w.TokenIndex - 4 && (Modifiers.Contains(tokens[k].Lower) || tokens[k].Lower is "the" or "any" or "all"))
            {
                k--;
            }

            if (k < s.FirstToken || tokens[k].Lower == "down" && k - 1 >= s.FirstToken && tokens[k - 1].Lower is "shoot" or "shot" && --k < s.FirstToken)
            {
                continue;
            }

            if (Verbs.TryGetValue(tokens[k].Lower, out var kind) && kind == FigureKind.Destroyed && IsNegated(doc, s, k))
            {
                x.Result.Add(new FigureMention(new TextSpan(tokens[k].Start, w.Span.End), FigureKind.Destroyed, 0, Qualifier.Exact, w.Weapon, w.Span, "negated-destroy"));
            }
        }
    }

    /// <summary>A quantifier of no item at token <paramref name="k"/>: "none", "жодної", "ни одной" (ни before a form of один).</summary>
    private static bool IsNone(Document doc, SentenceMention s, int k) =>
        Is(doc.Tokens[k], Cue.None) && (doc.Tokens[k].Lower != "ни" || k + 1 < s.EndToken && doc.Tokens[k + 1].Lower.StartsWith("од", StringComparison.Ordinal));

    /// <summary>The token of "none" right before "of (the) N" ending at the count's first token <paramref name="first"/> ("none of the 4", "жодної з 4", "ни одной из 4"), or -1.</summary>
    private static int NoneBefore(Document doc, SentenceMention s, int first)
    {
        var tokens = doc.Tokens;
        var of = first - 1 >= s.FirstToken && tokens[first - 1].Lower == "the" ? first - 2 : first - 1;
        if (of <= s.FirstToken || tokens[of].Lower is not ("of" or "з" or "із" or "зі" or "из"))
        {
            return -1;
        }

        var none = of - 1 > s.FirstToken && tokens[of - 1].Lower.StartsWith("одн", StringComparison.Ordinal) ? of - 2 : of - 1;
        return IsNone(doc, s, none) ? none : -1;
    }

    /// <summary>A destroying verb in the clause after token <paramref name="from"/>, past a participle phrase: "none of the 4 missiles fired at Odesa were shot down".</summary>
    private static bool DestroyedLater(Document doc, SentenceMention s, int from)
    {
        var tokens = doc.Tokens;
        for (var k = from; k < s.EndToken && k < from + 10; k++)
        {
            if (tokens[k].Lower is ";" or ":" or "," or "and" or "but")
            {
                return false;
            }

            if (tokens[k].Lower is "were" or "was" && VerbRight(doc, s, k) is FigureKind.Destroyed)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Rule <c>none-of-them</c>: "none of them could be shot down", "Збити жодну з них не вдалося", "ни одну из них сбить не
    /// удалось", "None were intercepted": no item of the list told before (in this sentence or the one before) was destroyed, so
    /// each launched count of it gets a destroyed count of 0. The verb is a destroying one right after the quantifier (past a
    /// modal or a negation) or right before it; "none of the 4 missiles" with its count is <c>none-of-N</c>.
    /// </summary>
    private static void NoneOfThem(Sentence x)
    {
        var (doc, s) = (x.Doc, x.S);
        var tokens = doc.Tokens;
        for (var k = s.FirstToken; k < s.EndToken; k++)
        {
            if (!IsNone(doc, s, k))
            {
                continue;
            }

            var after = tokens[k].Lower == "ни" ? k + 2 : k + 1;
            if (after + 1 < s.EndToken && tokens[after].Lower is "of" or "з" or "із" or "зі" or "из")
            {
                if (tokens[after + 1].Lower is not ("them" or "these" or "those" or "which" or "них" or "их"))
                {
                    continue; // "none of the 4 missiles": none-of-N
                }

                after += 2;
            }

            // the verb after: "could be shot down", "were intercepted", "не вдалося" past the verb before
            var v = after;
            while (v < s.EndToken && v < after + 3 && (Is(tokens[v], Cue.Modal) || Is(tokens[v], Cue.Negation) || Is(tokens[v], Cue.Able) || tokens[v].Lower is "be" or "been" or "to"))
            {
                v++;
            }

            var verbAt = v < s.EndToken && VerbRight(doc, s, v) is FigureKind.Destroyed ? v
                : k - 1 >= s.FirstToken && Verbs.TryGetValue(tokens[k - 1].Lower, out var left) && left == FigureKind.Destroyed ? k - 1
                : -1;
            if (verbAt < 0 || DestroyedFrom(x, k))
            {
                continue;
            }

            var end = verbAt == v ? v : Math.Max(verbAt, v - 1);
            while (end + 1 < s.EndToken && (Verbs.Contains(tokens[end + 1].Lower) || tokens[end + 1].Lower is "down" or "be" or "been" or "were" or "was"))
            {
                end++;
            }

            var span = new TextSpan(tokens[Math.Min(k, verbAt)].Start, tokens[end].End);
            var before = x.Result.Count;
            AllDestroyed(x, k, after, span);
            for (var i = before; i < x.Result.Count; i++)
            {
                if (x.Result[i] is FigureMention f)
                {
                    x.Result[i] = f with { Value = 0, Qualifier = Qualifier.Exact, Rule = "none-of-them" };
                }
            }
        }
    }

    /// <summary>
    /// Rule <c>neither-weapon</c>: "Neither missile was intercepted", "No missiles were shot down": none of the weapons of
    /// that family launched before (in this sentence or within a few sentences) was destroyed, so each launched count of
    /// the family with no destroyed count gets one of 0. Other families told with them keep theirs ("45 drones …, 38
    /// downed. Neither missile was intercepted").
    /// </summary>
    private static void NeitherWeapon(Sentence x)
    {
        var (doc, s) = (x.Doc, x.S);
        var tokens = doc.Tokens;
        foreach (var w in x.Weapons)
        {
            // "Neither missile was intercepted", "Жодну ракету не збито", "Ни одну ракету не сбили": the negation of the
            // Cyrillic verb is the quantifier's own.
            var k = w.TokenIndex - 1;
            if (k >= s.FirstToken && tokens[k].Lower.StartsWith("одн", StringComparison.Ordinal) && k - 1 >= s.FirstToken && tokens[k - 1].Lower == "ни")
            {
                k--;
            }

            var v = w.EndToken;
            while (v < s.EndToken && Is(tokens[v], Cue.Negation))
            {
                v++;
            }

            if (w.IsActivity)
            {
                continue;
            }

            if (k >= s.FirstToken && (tokens[k].Lower is "neither" or "no" || IsNone(doc, s, k)) && VerbRight(doc, s, v) is FigureKind.Destroyed)
            {
                NoneDestroyed(x, w, k);
                continue;
            }

            // "the missiles were not intercepted", "these drones were never shot down": the verb's own negation, of
            // the weapons named before.
            var first = k >= s.FirstToken && tokens[k].Lower is "the" or "these" or "those" ? k : w.TokenIndex;
            if ((first == k || w.TokenIndex == s.FirstToken) && w.EndToken + 2 < s.EndToken && tokens[w.EndToken].Lower is "were" or "was"
                && tokens[w.EndToken + 1].Lower is "not" or "never" && VerbRight(doc, s, w.EndToken + 2) is FigureKind.Destroyed)
            {
                NoneDestroyed(x, w, first);
            }
        }
    }

    /// <summary>Rule <c>neither-weapon</c>'s figures, for "neither"/"no" at <paramref name="k"/> before weapon <paramref name="w"/> (a method of its own: the sentence loop makes no closure).</summary>
    private static void NoneDestroyed(Sentence x, WeaponMention w, int k)
    {
        var (doc, s) = (x.Doc, x.S);
        var at = doc.Tokens[k];
        var family = w.Weapon.Category.Family();
        var figures = x.Result.OfType<FigureMention>().ToList();
        var span = new TextSpan(at.Start, VerbEnd(doc, s, w.EndToken));
        foreach (var f in figures.Where(f => f.Kind == FigureKind.Launched && f.Rule != BreakdownItemRule && f.Weapon.Category.Family() == family
                     && f.Span.End <= at.Start && at.Start - f.Span.End < 300).DistinctBy(f => f.Weapon))
        {
            if (!figures.Any(d => d.Kind == FigureKind.Destroyed && d.Weapon == f.Weapon && d.Span.Start > f.Span.Start))
            {
                x.Result.Add(new FigureMention(span, FigureKind.Destroyed, 0, Qualifier.Exact, f.Weapon, at.Span, "neither-weapon") { IsCombined = f.IsCombined });
            }
        }
    }

    /// <summary>The day of a date written 2024-08-26 (it arrives as "2024" "-" "08" "-" "26").</summary>
    private static bool IsIsoDateDay(Document doc, SentenceMention s, NumberMention n)
    {
        var t = doc.Tokens;
        var i = FirstToken(doc, n);
        return i - 4 >= s.FirstToken && t[i - 1].Lower == "-" && t[i - 3].Lower == "-" && t[i - 2].Kind == TokenKind.Number && t[i - 2].Lower.Length == 2
               && t[i - 4].Kind == TokenKind.Number && t[i - 4].Lower.Length == 4 && t[i].Start - t[i - 4].Start == 8;
    }

    /// <summary>The end of the verb phrase from token <paramref name="from"/> on: "was intercepted", "were shot down".</summary>
    private static int VerbEnd(Document doc, SentenceMention s, int from)
    {
        var tokens = doc.Tokens;
        var end = from;
        while (end < s.EndToken && end < from + 4 && (Verbs.Contains(tokens[end].Lower) || tokens[end].Lower is "down" or "be" or "been" or "were" or "was" or "could" or "not"))
        {
            end++;
        }

        return tokens[Math.Max(from, end - 1)].End;
    }

    /// <summary>A modal before the verb at <paramref name="verb"/>: "could launch", "is able to fire", "plans to send", "може запустити".</summary>
    private static bool IsModal(Document doc, SentenceMention s, int verb)
    {
        var tokens = doc.Tokens;
        for (var k = verb - 1; k >= s.FirstToken && k >= verb - 3; k--)
        {
            if (Is(tokens[k], Cue.Modal))
            {
                return true;
            }

            // "is able to launch", "will be able to fire": a capability; "was able to shoot down" is what was done.
            if (tokens[k].Lower == "able" && k - 1 >= s.FirstToken && tokens[k - 1].Lower is "is" or "are" or "be")
            {
                return true;
            }

            if (tokens[k].Lower is not ("to" or "be" or "of" or "up" or "also"))
            {
                return false;
            }
        }

        return false;
    }

    /// <summary>A negation before the verb at <paramref name="verb"/>: "unable to intercept", "failed to shoot down", "не змогли збити".</summary>
    private static bool IsNegated(Document doc, SentenceMention s, int verb)
    {
        var tokens = doc.Tokens;
        for (var k = verb - 1; k >= s.FirstToken && k >= verb - 3; k--)
        {
            if (Is(tokens[k], Cue.Negation))
            {
                return true;
            }

            if (!(tokens[k].Lower is "to" or "be" or "was" or "were" or "could" or "did" || Is(tokens[k], Cue.Able) || (tokens[k].Lower == "shoot" && k == verb - 1)))
            {
                return false;
            }
        }

        return false;
    }

    /// <summary>
    /// "two missiles destroyed a school", "a drone destroyed the roof": an active verb right after the weapon with an object
    /// after it — the weapon did the destroying.
    /// </summary>
    private static bool IsAgentVerb(Document doc, SentenceMention s, int weaponEnd)
    {
        var tokens = doc.Tokens;
        weaponEnd = PastPerfect(doc, s, weaponEnd); // "a single missile had destroyed a petrol station"
        return weaponEnd + 1 < s.EndToken && Verbs.TryGetValue(tokens[weaponEnd].Lower, out var kind) && kind == FigureKind.Destroyed
               && tokens[weaponEnd].Lower is not ("shot" or "down") && Is(tokens[weaponEnd + 1], Cue.Determiner);
    }

    /// <summary>"four missiles struck the port", "5 missiles hit Mykolaiv", "two drones slammed into a warehouse", "a drone damaged a power line": a weapon counted as the subject of an impact verb with its object after it.</summary>
    private static bool IsImpactAgent(Document doc, SentenceMention s, int weaponEnd)
    {
        var tokens = doc.Tokens;
        weaponEnd = PastPerfect(doc, s, weaponEnd);
        if (weaponEnd + 1 >= s.EndToken || !Is(tokens[weaponEnd], Cue.Impact))
        {
            return false;
        }

        // its object: "the port", "Mykolaiv", "into a warehouse"
        var next = tokens[weaponEnd + 1];
        // "a missile killed 14 soldiers", "two drones wounded three workers": a counted object
        return Is(next, Cue.Determiner) || next.IsWord && next.IsCapitalized(doc.Text) || next.Kind == TokenKind.Number
               || next.Lower is "into" or "on" && weaponEnd + 2 < s.EndToken && tokens[weaponEnd + 2].IsWord;
    }

    /// <summary>The verb after a perfect's auxiliary ("had destroyed", "has hit"), or <paramref name="k"/> (a passive's "been" stays: "had been destroyed" is no agent).</summary>
    private static int PastPerfect(Document doc, SentenceMention s, int k) =>
        k + 1 < s.EndToken && doc.Tokens[k].Lower is "had" or "has" or "have" && doc.Tokens[k + 1].Lower != "been" ? k + 1 : k;

    /// <summary>"… four Kh-101 missiles, which were intercepted": the verb of a relative clause after a list of counts.</summary>
    private static FigureKind? RelativeAfterList(Document doc, SentenceMention s, int weaponEnd, List<NumberMention> numbers, List<WeaponMention> weapons)
    {
        var tokens = doc.Tokens;
        var k = weaponEnd;
        for (var items = 0; items < 4 && k < s.EndToken && IsListJoin(tokens[k]) && tokens[k].Lower != ","; items++)
        {
            var next = numbers.FirstOrDefault(n => FirstToken(doc, n) == k + 1);
            var w = next is null ? null : weapons.FirstOrDefault(x => x.TokenIndex >= next.EndToken && x.TokenIndex <= next.EndToken + 4);
            if (w is null)
            {
                return null;
            }

            k = w.EndToken;
        }

        return k + 1 < s.EndToken && tokens[k].Lower == "," && Is(tokens[k + 1], Cue.Relative) ? VerbRight(doc, s, k + 2) : null;
    }

    /// <summary>A count that ends its clause: "shot down two.", "downed 12, and", "destroyed 5 over the sea".</summary>
    private static bool EndsClause(Document doc, SentenceMention s, int end) =>
        end >= s.EndToken || doc.Tokens[end].Lower is "." or "," or ";" or "and" or "та" or "і" or "и" || Is(doc.Tokens[end], Cue.Place);

    /// <summary>"61 из 71 выпущенной по Украине в пятницу, 10 февраля, ракеты": the weapon after the participle phrase.</summary>
    private static WeaponMention? WeaponAfterParticiple(Document doc, SentenceMention s, int from, List<WeaponMention> weapons) =>
        weapons.FirstOrDefault(w => w.TokenIndex > from && w.TokenIndex <= from + 12 && !w.IsActivity
                                    && !Enumerable.Range(from, w.TokenIndex - from).Any(k => doc.Tokens[k].Lower is "." or ";" or ":"));
}
