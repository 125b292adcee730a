using System.Collections.Immutable;
using Sitrep.Core;
using Sitrep.Core.Claimants;
using Sitrep.Geo;
using Sitrep.Extraction.Text;

namespace Sitrep.Extraction.Stages.Actors;

/// <summary>
/// Finds who attacked and who says so. Attacker cues: a side word before an attack noun or verb ("Russia
/// launched", "a Ukrainian drone attack", "Russian forces shelled", "the occupiers struck", "Ukrainian drones
/// were shot down"). Claimants: read by <see cref="ClaimantReader"/> ("…, the air force said", "according to …",
/// "X wrote on Telegram", "повідомив голова ОВА …") and resolved in the claimant registry.
/// Produces three kinds of mention in one layer: <see cref="ActorMention"/>, <see cref="ClaimantMention"/> (the
/// claimants as named) and <see cref="SpeakerMention"/> (the words attributed to each).
/// </summary>
/// <param name="registry">The canonical claimants; <see cref="ClaimantRegistry.Default"/> when null.</param>
/// <param name="places">The gazetteer: a city or country named as a speaker ("Kyiv says") is a place, not a claimant.</param>
public sealed class ActorStage : IStage
{
    private readonly ClaimantRegistry _registry;
    private readonly IPlaceLookup? _places;

    /// <summary><see cref="IsPlace"/> as a delegate, made once per stage rather than once per document.</summary>
    private readonly Func<string, bool> _isPlace;

    public ActorStage(ClaimantRegistry? registry = null, IPlaceLookup? places = null)
    {
        _registry = registry ?? ClaimantRegistry.Default;
        _places = places;
        _isPlace = IsPlace;
    }

    private static readonly WordTable<bool> RuWords = Words(
        "russia", "russian", "russians", "russia's", "moscow", "moscow's", "occupiers", "occupier", "invaders", "rashists", "russian-launched", "kremlin's",
        "росія", "росії", "росією", "російськ*", "росіян*", "россия", "россии", "российск*", "россиян*", "рф", "ворог*", "ворож*", "окупант*", "оккупант*", "рашист*");
    private static readonly WordTable<bool> UaWords = Words(
        "ukraine", "ukrainian", "ukrainians", "ukraine's", "kyiv's", "kiev's", "afu", "zsu", "sbu", "ukrainian-launched",
        "всу", "зсу", "украинск*", "украина", "украины", "киевск*", "бандер*", "нацист*", "неонацист*");
    private static WordTable<bool> Words(params string[] words) => new(words.Select(w => (w, true)));

    /// <summary>
    /// "the adversary" ("противник атакував 48 дронами"): Russia in Ukrainian text, where only Ukraine's side writes it; in
    /// Russian text either side does ("противник" is Ukraine in Russia's defence ministry's words), so it names no side there.
    /// </summary>
    private static readonly WordTable<bool> UkrainianEnemyWords = Words("противник*");

    private static readonly WordTable<bool> CyrillicAttackWords = Words(
        "атак*", "удар*", "обстріл*", "обстрел*", "ракет*", "дрон*", "бпла", "безпілотник*", "беспилотник*", "шахед*", "бомб*", "авіабомб*", "авиабомб*",
        "вдари*", "вдарил*", "ударил*", "атакува*", "атаковал*", "запуст*", "випуст*", "выпуст*", "обстріля*", "обстреля*", "завдал*", "нанес*", "нанесл*", "бил*", "били");

    private static readonly string[] AttackWordList = [
        "attack", "attacks", "attacked", "strike", "strikes", "struck", "shelling", "shelled", "bombardment", "bombarded", "assault", "raid", "raids", "barrage", "launched",
        "fired", "fires", "launches", "targeted", "targets", "hit", "hits", "pounded", "bombed", "unleashed", "airstrike", "airstrikes", "missile", "missiles", "drone", "drones", "uavs", "uav",
        "rocket", "rockets", "shells", "artillery", "forces", "troops", "army", "military", "aviation", "invaders", "occupiers", "shahed", "shaheds", "kamikaze", "glide", "guided", "aerial", "air", "ballistic", "cruise"];
    private static readonly FrozenWords AttackWords = FrozenWords.Of(AttackWordList);
    private static readonly FrozenWords NotAttacker = FrozenWords.Of("defence", "defense", "defenses", "defences", "air", "authorities", "officials", "president", "governor", "ministry", "media", "state", "news", "agency");

    private static bool IsCompassWord(string w) => w is "western" or "eastern" or "northern" or "southern" or "central" or "northeastern" or "southeastern"
        or "northwestern" or "southwestern" or "north" or "south" or "east" or "west" or "західній" or "східній" or "північній" or "південній" or "центральній"
        or "западной" or "восточной" or "северной" or "южной" or "центральной";

    private static readonly FrozenWords DefendingVerbs = FrozenWords.Of("intercepted", "downed", "shot", "destroyed", "repelled", "repulsed", "neutralised", "neutralized", "engaged", "intercept", "destroy");

    /// <summary>"air defence(s) [systems|units|forces] intercepted …" at <paramref name="k"/>: an air defence in the active voice of a verb of defence.</summary>
    private static bool IsAirDefenceDefending(IReadOnlyList<Token> tokens, SentenceMention s, int k)
    {
        if (k + 1 >= s.EndToken || tokens[k].Lower != "air" || tokens[k + 1].Lower is not ("defence" or "defense" or "defences" or "defenses"))
        {
            return false;
        }

        for (var j = k + 2; j < s.EndToken && j <= k + 5; j++)
        {
            var w = tokens[j].Lower;
            if (DefendingVerbs.Contains(w))
            {
                return true;
            }

            if (w is not ("systems" or "system" or "units" or "forces" or "have" or "has" or "had" or "successfully" or "reportedly"))
            {
                return false;
            }
        }

        return false;
    }

    /// <summary>Attack verbs whose passive participle takes the attacker after "by" ("drones launched by Russia").</summary>
    private static readonly FrozenWords PassiveAttackVerbs = FrozenWords.Of(
        "launched", "fired", "sent", "deployed", "used", "conducted", "carried", "mounted", "staged", "attacked", "targeted", "shelled", "released", "dropped");

    /// <summary>Attack nouns whose agent follows "by" ("an attack by Ukraine", "strikes by Russian forces").</summary>
    private static readonly FrozenWords AttackNounsBeforeBy = FrozenWords.Of("attack", "attacks", "strike", "strikes", "shelling", "raid", "raids", "bombardment", "barrage");

    /// <summary>
    /// Ukrainian and Russian attack nouns (not verbs: "атакували ЗСУ" may be the object) in every case, before the side that
    /// attacks in the genitive ("удар ЗСУ", "атаки ВСУ", "обстріл Росії").
    /// </summary>
    private static readonly string[] CyrillicAttackNounList = [
        "удар", "удару", "ударом", "ударі", "удари", "ударів", "ударами", "удара", "ударе", "ударов",
        "атака", "атаки", "атаку", "атакою", "атаці", "атак", "атаками", "атакой", "атаке",
        "обстріл", "обстрілу", "обстріли", "обстрілів", "обстрілом", "обстрілі", "обстрел", "обстрела", "обстрелы", "обстрелов", "обстрелом", "обстреле"];
    private static readonly FrozenWords CyrillicAttackNouns = FrozenWords.Of(CyrillicAttackNounList);

    /// <summary>The sides in the genitive, the agent after an attack noun ("удар ЗСУ по …", "атаки России").</summary>
    private static readonly Dictionary<string, Side> GenitiveSides = new(StringComparer.Ordinal)
    {
        ["зсу"] = Side.Ukraine, ["всу"] = Side.Ukraine, ["україни"] = Side.Ukraine, ["украины"] = Side.Ukraine, ["києва"] = Side.Ukraine, ["киева"] = Side.Ukraine,
        ["росії"] = Side.Russia, ["россии"] = Side.Russia, ["рф"] = Side.Russia, ["москви"] = Side.Russia, ["москвы"] = Side.Russia,
    };

    /// <summary>
    /// Rule <c>attack-of-side</c>: the side in the genitive after an attack noun is the attacker, whatever follows:
    /// "про удар ЗСУ по Мелітополю", "после атаки ВСУ на …", "внаслідок обстрілу Росії".
    /// </summary>
    private static bool IsAttackOfSide(WordFacts[] facts, SentenceMention s, int i, out Side side)
    {
        side = facts[i].Genitive;
        return i > s.FirstToken && facts[i - 1].Has(ActorFlags.CyrillicAttackNoun) && side != Side.Unknown;
    }

    /// <summary>Ukrainian and Russian passive participles of launching, before the attacker in the instrumental ("запущених Росією").</summary>
    private static readonly WordTable<bool> CyrillicPassiveVerbs = Words("запущен*", "випущен*", "выпущен*", "скинут*", "сброшен*", "атакован*");

    /// <summary>The sides in the instrumental case, the agent of a Ukrainian or Russian passive.</summary>
    private static readonly Dictionary<string, Side> InstrumentalSides = new(StringComparer.Ordinal)
    {
        ["росією"] = Side.Russia, ["россией"] = Side.Russia, ["рф"] = Side.Russia, ["україною"] = Side.Ukraine, ["украиной"] = Side.Ukraine,
    };

    /// <summary>
    /// Rule <c>passive-agent</c>: the side is the agent of a passive attack verb, the attacker even though no attack word
    /// follows it: "all 17 drones launched by Russia", "an attack carried out by Ukraine", "ракет, запущених Росією".
    /// </summary>
    private static bool IsPassiveAgent(TokenList tokens, WordFacts[] facts, SentenceMention s, int i)
    {
        if (i > s.FirstToken && facts[i - 1].Has(ActorFlags.CyrillicPassive))
        {
            return true;
        }

        var k = i - 2;
        if (k < s.FirstToken || tokens[i - 1].Lower != "by")
        {
            return false;
        }

        if (tokens[k].Lower == "out" && k > s.FirstToken)
        {
            k--; // "carried out by"
        }

        return PassiveAttackVerbs.Contains(tokens[k].Lower);
    }

    /// <summary>Rule <c>attack-by-side</c>: the side is the agent of an attack noun: "a strike by Ukraine", "attacks by Russia".</summary>
    private static bool IsAttackBySide(TokenList tokens, SentenceMention s, int i) =>
        i - 2 >= s.FirstToken && tokens[i - 1].Lower == "by" && AttackNounsBeforeBy.Contains(tokens[i - 2].Lower);

    public string Name => "actors";

    public ImmutableArray<string> Requires => [Layers.Sentences];

    public string Produces => Layers.Actors;

    public ImmutableArray<Mention> Run(Document document)
    {
        var tokens = document.Tokens;
        var result = ImmutableArray.CreateBuilder<Mention>();

        // Each token's word asks the tables once (once per distinct word a thread sees): every loop below reads the facts.
        var scratch = ActorScratch.For(tokens.Count);
        var facts = WordFacts.Of(document);

        // The language matters only for "противник": read the whole text for it only when a report says it.
        bool? ukrainianText = null;
        foreach (var s in document.Layer<SentenceMention>(Layers.Sentences))
        {
            for (var i = s.FirstToken; i < s.EndToken; i++)
            {
                var w = tokens[i].Lower;
                var f = facts[i];
                Side? side = f.Has(ActorFlags.Russia) || (f.Has(ActorFlags.UkrainianEnemy) && (ukrainianText ??= TextLanguage.Detect(document.Text) == TextLanguage.Ukrainian))
                    ? Side.Russia
                    : f.Has(ActorFlags.Ukraine) ? Side.Ukraine : null;
                if (side is null && w == "kyiv" && i + 1 < s.EndToken && tokens[i + 1].Lower is "regime" or "launched" or "attacked" or "fired" or "struck")
                {
                    side = Side.Ukraine;
                }

                if (side is null && w == "armed" && i + 3 < s.EndToken && tokens[i + 1].Lower == "forces" && tokens[i + 2].Lower == "of" && tokens[i + 3].Lower == "ukraine")
                {
                    side = Side.Ukraine;
                }

                if (side is null && i > s.FirstToken && facts[i - 1].Has(ActorFlags.CyrillicPassive) && f.Instrumental != Side.Unknown)
                {
                    side = f.Instrumental; // "запущених Росією", "выпущенных Украиной"
                }

                if (IsAttackOfSide(facts, s, i, out var genitive))
                {
                    result.Add(new ActorMention(tokens[i].Span, genitive, true, "attack-of-side"));
                    continue;
                }

                if (side is null)
                {
                    continue;
                }

                if (IsPassiveAgent(tokens, facts, s, i))
                {
                    result.Add(new ActorMention(tokens[i].Span, side.Value, true, "passive-agent"));
                    continue;
                }

                if (IsAttackBySide(tokens, s, i))
                {
                    result.Add(new ActorMention(tokens[i].Span, side.Value, true, "attack-by-side"));
                    continue;
                }

                // "Russian air defences shot down", "Ukrainian officials said": not the attacker.
                var next = i + 1 < s.EndToken ? tokens[i + 1].Lower : "";
                var airStrike = next is "air" && i + 2 < s.EndToken && tokens[i + 2].Lower is "strike" or "strikes" or "attack" or "attacks" or "raid";
                if (NotAttacker.Contains(next) && !airStrike)
                {
                    // "Russian air defence systems intercepted three missiles": the side that defends (attacked by the other).
                    if (IsAirDefenceDefending(tokens, s, i + 1))
                    {
                        result.Add(new ActorMention(tokens[i].Span, side.Value, false, "side-defends"));
                    }

                    continue; // "Russian air strikes" is an attacker cue after all
                }

                // Target cues: "attack on Ukraine", "strikes against Russia", "across Ukraine", "into Russia"; past a
                // compass word ("in western Ukraine", "across southern Russia").
                var before = i - 1;
                if (before > s.FirstToken && IsCompassWord(tokens[before].Lower))
                {
                    before--;
                }

                var prev = before >= s.FirstToken ? tokens[before].Lower : "";
                if (prev is "on" or "against" or "at" or "across" or "into" or "in" or "over" or "of" or "to" or "toward" or "towards" or "from" or "inside" or "with" or "throughout" or "within"
                    or "по" or "на" or "проти" or "против" or "в" or "у" or "над" or "з" or "із" or "из" or "до" or "для")
                {
                    continue;
                }

                var attacker = false;
                for (var k = i + 1; k < Math.Min(s.EndToken, i + 4); k++)
                {
                    var x = tokens[k].Lower;
                    if (facts[k].Has(ActorFlags.AttackWord))
                    {
                        attacker = true;
                        break;
                    }

                    if (x is "," or "." or "and" && k > i + 1 || facts[k].Verb || x is "warned" || x is "accused" or "blamed" or "denied" or "reported")
                    {
                        break; // "the Russians announced a drone attack": they speak of it
                    }
                }

                if (attacker)
                {
                    result.Add(new ActorMention(tokens[i].Span, side.Value, true, "side-before-attack"));
                }
            }

        }

        var (claimants, speakers) = new ClaimantReader(document, _registry, facts, scratch.InPlace, _isPlace).Read();
        result.AddRange(claimants);
        result.AddRange(speakers);
        return result.ToImmutable();
    }

    /// <summary>Words that name a city of some size, a region or a country in the gazetteer.</summary>
    private bool IsPlace(string words) =>
        _places is not null && _places.Find(PlaceNames.Fold(words)).Any(e => e.Feature is PlaceFeature.Country or PlaceFeature.Admin1 || e.Population >= 20_000);

    /// <summary>The side a word names ("Russian", "Ukraine's", "ЗСУ", "окупанти"), or <see cref="Side.Unknown"/>.</summary>
    internal static Side SideOfWord(string lower) => RuWords.Contains(lower) ? Side.Russia : UaWords.Contains(lower) ? Side.Ukraine : Side.Unknown;

    /// <summary>
    /// What every table of the stage and of <see cref="ClaimantLexicon.Default"/> says of one lowercase word, asked
    /// table by table; <see cref="WordFacts.Of"/> keeps the answer per distinct word.
    /// </summary>
    internal static WordFacts FactsOf(string lower)
    {
        var lex = ClaimantLexicon.Default;
        var (info, verb) = lex.Classify(lower);
        var kind = default(VerbKind);
        if (verb)
        {
            lex.TryVerb(lower, out kind);
        }

        // The side the reader reads of a word: the word's own, else the word without a possessive 's ("Ukraine's").
        var side = SideOfWord(lower);
        if (side == Side.Unknown && lower.EndsWith("'s", StringComparison.Ordinal))
        {
            side = SideOfWord(lower[..^2]);
        }

        var flags = ActorFlags.None;
        flags |= RuWords.Contains(lower) ? ActorFlags.Russia : 0;
        flags |= UaWords.Contains(lower) ? ActorFlags.Ukraine : 0;
        flags |= UkrainianEnemyWords.Contains(lower) ? ActorFlags.UkrainianEnemy : 0;
        flags |= CyrillicPassiveVerbs.Contains(lower) ? ActorFlags.CyrillicPassive : 0;
        flags |= CyrillicAttackNouns.Contains(lower) ? ActorFlags.CyrillicAttackNoun : 0;
        flags |= AttackWords.Contains(lower) || CyrillicAttackWords.Contains(lower) ? ActorFlags.AttackWord : 0;
        var genitive = GenitiveSides.TryGetValue(lower, out var g) ? g : Side.Unknown;
        var instrumental = InstrumentalSides.TryGetValue(lower, out var n) ? n : Side.Unknown;
        return new WordFacts(info, verb, kind, side, genitive, instrumental, flags);
    }

    /// <summary>Whose side a claimant speaks for, from the words in its name.</summary>
    public static Side SideOf(Document doc, int start, int end)
    {
        var ua = 0;
        var ru = 0;
        for (var k = start; k < end; k++)
        {
            var w = doc.Tokens[k].Lower;
            if (w.StartsWith("ukrain", StringComparison.Ordinal) || w is "kyiv" or "kyiv's" or "zelensky" or "zelenskyy" or "zelenskiy" or "ukrinform" or "oleshchuk" or "ihnat" or "syrskyi" or "ova" or "ukrenergo")
            {
                ua++;
            }

            if (w.StartsWith("russia", StringComparison.Ordinal) || w is "moscow" or "kremlin" or "tass" or "ria" or "peskov" or "shoigu" or "putin" or "rosaviatsia")
            {
                ru++;
            }
        }

        return ua > ru ? Side.Ukraine : ru > ua ? Side.Russia : Side.Unknown;
    }

    /// <summary>
    /// Every exact word of the tables <see cref="FactsOf"/> asks (declared last: it reads them all). A word it rules out,
    /// that neither starts beyond ASCII (where the stems are) nor ends in a possessive, has no fact at all.
    /// </summary>
    private static readonly WordMask FactWords = new(RuWords.ExactWords.Concat(UaWords.ExactWords).Concat(UkrainianEnemyWords.ExactWords)
        .Concat(CyrillicPassiveVerbs.ExactWords).Concat(CyrillicAttackWords.ExactWords).Concat(AttackWordList).Concat(CyrillicAttackNounList)
        .Concat(GenitiveSides.Keys).Concat(InstrumentalSides.Keys).Concat(ClaimantLexicon.Default.ExactWords));

    /// <summary>
    /// The word names nothing in any table <see cref="FactsOf"/> asks: <c>default</c> is its facts. False is no
    /// answer (the word may still name nothing); true is exact, and costs a few bit tests.
    /// </summary>
    internal static bool NamesNothing(string lower) =>
        lower.Length > 0 && lower[0] <= 127 && !lower.EndsWith("'s", StringComparison.Ordinal) && !lower.EndsWith("s'", StringComparison.Ordinal)
        && !FactWords.MayContain(lower);
}
