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
public sealed class ActorStage(ClaimantRegistry? registry = null, IPlaceLookup? places = null) : IStage
{
    private readonly ClaimantRegistry _registry = registry ?? ClaimantRegistry.Default;

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

    private static readonly FrozenWords AttackWords = FrozenWords.Of(
        "attack", "attacks", "attacked", "strike", "strikes", "struck", "shelling", "shelled", "bombardment", "bombarded", "assault", "raid", "raids", "barrage", "launched",
        "fired", "fires", "launches", "targeted", "targets", "hit", "hits", "pounded", "bombed", "unleashed", "airstrike", "airstrikes", "missile", "missiles", "drone", "drones", "uavs", "uav",
        "rocket", "rockets", "shells", "artillery", "forces", "troops", "army", "military", "aviation", "invaders", "occupiers", "shahed", "shaheds", "kamikaze", "glide", "guided", "aerial", "air", "ballistic", "cruise");
    private static readonly FrozenWords NotAttacker = FrozenWords.Of("defence", "defense", "defenses", "defences", "air", "authorities", "officials", "president", "governor", "ministry", "media", "state", "news", "agency");

    /// <summary>Attack verbs whose passive participle takes the attacker after "by" ("drones launched by Russia").</summary>
    private static readonly FrozenWords PassiveAttackVerbs = FrozenWords.Of(
        "launched", "fired", "sent", "deployed", "used", "conducted", "carried", "mounted", "staged", "attacked", "targeted", "shelled", "released", "dropped");

    /// <summary>Attack nouns whose agent follows "by" ("an attack by Ukraine", "strikes by Russian forces").</summary>
    private static readonly FrozenWords AttackNounsBeforeBy = FrozenWords.Of("attack", "attacks", "strike", "strikes", "shelling", "raid", "raids", "bombardment", "barrage");

    /// <summary>
    /// Ukrainian and Russian attack nouns (not verbs: "атакували ЗСУ" may be the object) in every case, before the side that
    /// attacks in the genitive ("удар ЗСУ", "атаки ВСУ", "обстріл Росії").
    /// </summary>
    private static readonly FrozenWords CyrillicAttackNouns = FrozenWords.Of(
        "удар", "удару", "ударом", "ударі", "удари", "ударів", "ударами", "удара", "ударе", "ударов",
        "атака", "атаки", "атаку", "атакою", "атаці", "атак", "атаками", "атакой", "атаке",
        "обстріл", "обстрілу", "обстріли", "обстрілів", "обстрілом", "обстрілі", "обстрел", "обстрела", "обстрелы", "обстрелов", "обстрелом", "обстреле");

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
    private static bool IsAttackOfSide(TokenList tokens, SentenceMention s, int i, out Side side)
    {
        side = Side.Unknown;
        return i > s.FirstToken && CyrillicAttackNouns.Contains(tokens[i - 1].Lower) && GenitiveSides.TryGetValue(tokens[i].Lower, out side);
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
    private static bool IsPassiveAgent(TokenList tokens, SentenceMention s, int i)
    {
        if (i > s.FirstToken && CyrillicPassiveVerbs.Contains(tokens[i - 1].Lower))
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
        var ukrainianText = TextLanguage.Detect(document.Text) == TextLanguage.Ukrainian;
        foreach (var s in document.Layer<SentenceMention>(Layers.Sentences))
        {
            for (var i = s.FirstToken; i < s.EndToken; i++)
            {
                var w = tokens[i].Lower;
                Side? side = RuWords.Contains(w) || (ukrainianText && UkrainianEnemyWords.Contains(w)) ? Side.Russia : UaWords.Contains(w) ? Side.Ukraine : null;
                if (side is null && w == "kyiv" && i + 1 < s.EndToken && tokens[i + 1].Lower is "regime" or "launched" or "attacked" or "fired" or "struck")
                {
                    side = Side.Ukraine;
                }

                if (side is null && w == "armed" && i + 3 < s.EndToken && tokens[i + 1].Lower == "forces" && tokens[i + 2].Lower == "of" && tokens[i + 3].Lower == "ukraine")
                {
                    side = Side.Ukraine;
                }

                if (side is null && i > s.FirstToken && CyrillicPassiveVerbs.Contains(tokens[i - 1].Lower) && InstrumentalSides.TryGetValue(w, out var agent))
                {
                    side = agent; // "запущених Росією", "выпущенных Украиной"
                }

                if (IsAttackOfSide(tokens, s, i, out var genitive))
                {
                    result.Add(new ActorMention(tokens[i].Span, genitive, true, "attack-of-side"));
                    continue;
                }

                if (side is null)
                {
                    continue;
                }

                if (IsPassiveAgent(tokens, s, i))
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
                    continue; // "Russian air strikes" is an attacker cue after all
                }

                // Target cues: "attack on Ukraine", "strikes against Russia", "across Ukraine", "into Russia"
                var prev = i > s.FirstToken ? tokens[i - 1].Lower : "";
                if (prev is "on" or "against" or "at" or "across" or "into" or "in" or "over" or "of" or "to" or "toward" or "towards" or "from" or "inside" or "with" or "throughout" or "within"
                    or "по" or "на" or "проти" or "против" or "в" or "у" or "над" or "з" or "із" or "из" or "до" or "для")
                {
                    continue;
                }

                var attacker = false;
                for (var k = i + 1; k < Math.Min(s.EndToken, i + 4); k++)
                {
                    var x = tokens[k].Lower;
                    if (AttackWords.Contains(x) || CyrillicAttackWords.Contains(x))
                    {
                        attacker = true;
                        break;
                    }

                    if (x is "," or "." or "and" && k > i + 1 || ClaimantLexicon.Default.TryVerb(x, out _) || x is "warned" || x is "accused" or "blamed" or "denied" or "reported")
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

        var (claimants, speakers) = new ClaimantReader(document, ClaimantLexicon.Default, _registry, SideOfWord, IsPlace).Read();
        result.AddRange(claimants);
        result.AddRange(speakers);
        return result.ToImmutable();
    }

    /// <summary>Words that name a city of some size, a region or a country in the gazetteer.</summary>
    private bool IsPlace(string words) =>
        places is not null && places.Find(PlaceNames.Fold(words)).Any(e => e.Feature is PlaceFeature.Country or PlaceFeature.Admin1 || e.Population >= 20_000);

    /// <summary>The side a word names ("Russian", "Ukraine's", "ЗСУ", "окупанти"), or <see cref="Side.Unknown"/>.</summary>
    internal static Side SideOfWord(string lower) => RuWords.Contains(lower) ? Side.Russia : UaWords.Contains(lower) ? Side.Ukraine : Side.Unknown;

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
}
