using System.Collections.Immutable;
using Sitrep.Core;
using Sitrep.Extraction.Text;

namespace Sitrep.Extraction.Assembly;

/// <summary>
/// The direction of attack: whether a side word the actor stage took for the attacker ("Russia launched") is
/// the attacker in its clause, or the side that speaks, is hit, or defends.
/// </summary>
public sealed partial class EventAssembler
{
    /// <summary>The words of one role in <c>assembly-cues.tsv</c> (read at each call: static fields of the partial files initialise in no fixed order).</summary>
    private static FrozenWords CueWords(string role) => FrozenWords.Of(LexiconFile.Rows("assembly-cues.tsv").Where(r => r.Length > 1 && r[1] == role).Select(r => r[0]));

    /// <summary>The first words of the cues of two words or more of one role ("кроме" of "кроме того"): only after one is the pair looked up.</summary>
    private static FrozenWords CueFirstWords(string role) =>
        FrozenWords.Of(LexiconFile.Rows("assembly-cues.tsv").Where(r => r.Length > 1 && r[1] == role && r[0].Contains(' ')).Select(r => r[0].Split(' ')[0]));

    private static readonly FrozenWords Titles = CueWords("title");
    private static readonly FrozenWords DefenceVerbs = CueWords("defence");
    private static readonly FrozenWords TargetVerbs = CueWords("target-verb");
    private static readonly FrozenWords WeaponDefenceVerbs = CueWords("defence-if-weapon");
    private static readonly FrozenWords TargetPrepositions = CueWords("target-preposition");
    private static readonly FrozenWords Offices = CueWords("office");
    private static readonly FrozenWords SideProperty = CueWords("side-property");

    /// <summary>
    /// Why an attacker cue is not the attacker, or null when it is. Named rules:
    /// <c>side-speaks</c> ("said Ukraine's military chief"), <c>side-is-target</c> ("Russia terrorizes Ukraine with
    /// drones"), <c>side-defends</c> ("the Ukrainian military intercepted most of the missiles"; but "Ukrainian
    /// drones were shot down" is the attacker's weapon, shot down).
    /// </summary>
    internal static string? NotAttackerRule(Document doc, ActorMention a, ImmutableArray<WeaponMention> weapons)
    {
        var tokens = doc.Tokens;
        var i = TokenAt(doc, a.Span.Start);
        if (i < 0)
        {
            return null;
        }

        // A side word whose noun is a person or an office: "Ukraine's military chief", "Russian army spokesman",
        // "Kyiv's military administration", "Russian authorities".
        for (var k = i + 1; k < Math.Min(tokens.Count, i + 4); k++)
        {
            var w = tokens[k].Lower;
            if (IsOffice(w))
            {
                return "side-speaks";
            }

            if (!tokens[k].IsWord || TargetVerbs.Contains(w) || DefenceVerbs.Contains(w) || w is "forces" or "drones" or "missiles" or "drone" or "missile")
            {
                break;
            }
        }

        // What the side owns, hit by the other: "struck a Ukrainian military depot", "Russian military targets", "a Russian
        // drone launch site"; the side's attack ("a Ukrainian drone attack on a depot") ends the look at its verb or noun.
        for (var k = i + 1; k < Math.Min(tokens.Count, i + 4); k++)
        {
            var w = tokens[k].Lower;
            if (SideProperty.Contains(w))
            {
                return "side-owns-target";
            }

            if (!tokens[k].IsWord || TargetVerbs.Contains(w) || DefenceVerbs.Contains(w)
                || w is "launched" or "fired" or "sent" or "were" or "was" or "is" or "are" or "has" or "have" or "had" or "a" or "an" or "the" or "and" or "that" or "which" or "on" or "at")
            {
                break;
            }
        }

        // "the commander-in-chief of the Armed Forces of Ukraine": the side names whom an official leads.
        var p = i - 1;
        while (p >= 0 && tokens[p].Lower is "the" or "of")
        {
            p--;
        }

        if (p >= 0 && p < i - 1 && tokens[p].Lower.Split('-').Any(Titles.Contains))
        {
            return "side-speaks";
        }

        // The side of the object of an attack verb: "targeted a Ukrainian armed forces' centre", "struck the Russian".
        if (i > 2 && tokens[i - 1].Lower is "a" or "an" or "the" && TargetVerbs.Contains(tokens[i - 2].Lower)
            && !IsDeterminer(tokens[i - 3].Lower))
        {
            return "side-is-target";
        }

        // The object of an attack verb: "Russia terrorizes Ukraine with", "struck Russia's"; but not a noun's relative
        // clause ("the attack Russia launched overnight").
        if (i > 1 && TargetVerbs.Contains(tokens[i - 1].Lower) && !IsDeterminer(tokens[i - 2].Lower)
            && !(i + 1 < tokens.Count && tokens[i + 1].Lower is "launched" or "carried" or "fired" or "conducted" or "unleashed" or "sent" or "used" or "had" or "has"))
        {
            return "side-is-target";
        }

        // Forces that intercept: the first verb of the side's clause is a verb of defence, in the active voice,
        // with no weapon between (a weapon there is the attacker's, shot down).
        for (var k = i + 1; k < Math.Min(tokens.Count, i + 6); k++)
        {
            var w = tokens[k].Lower;
            if (!tokens[k].IsWord || w is "were" or "was" or "been" or "being" or "is" or "are" or "and" or "that" or "which" || TargetVerbs.Contains(w) || w is "launched" or "fired" or "sent")
            {
                break;
            }

            if (DefenceVerbs.Contains(w) || WeaponDefenceVerbs.Contains(w))
            {
                var start = tokens[i].Start;
                var end = tokens[k].Start;
                if (weapons.Any(m => m.Span.Start >= start && m.Span.Start < end))
                {
                    return null;
                }

                // "destroyed 27 drones": the object is a weapon, within a few words of the verb.
                var objectEnd = k + 1 < tokens.Count ? tokens[Math.Min(tokens.Count - 1, k + 6)].End : end;
                return DefenceVerbs.Contains(w) || weapons.Any(m => m.Span.Start > tokens[k].End && m.Span.Start <= objectEnd) ? "side-defends" : null;
            }
        }

        return null;
    }

    /// <summary>
    /// The side whose claim a unit tells, or null when it names none or both: a claimant of one side whose cue is in the
    /// unit ("…, Russian authorities said"), a side word before an office or title, at most one word between ("Russian
    /// officials", "the Russian defence ministry", "Russian-installed officials", "Російська влада"), or after one in the
    /// genitive ("власти России", "Міноборони Росії").
    /// </summary>
    internal static Side? SpeakingSide(Document doc, SentenceMention unit, List<SpeakerMention> speakers)
    {
        Side? side = null;
        var both = false;
        void Add(Side s)
        {
            if (s is not (Side.Russia or Side.Ukraine))
            {
                return;
            }

            both |= side is not null && side != s;
            side ??= s;
        }

        foreach (var sp in speakers)
        {
            if (sp.Entry is { } e && sp.Cue.Start >= unit.Span.Start && sp.Cue.End <= unit.Span.End)
            {
                Add(e.Side);
            }
        }

        var tokens = doc.Tokens;
        var end = Math.Min(unit.EndToken, tokens.Count);
        for (var k = unit.FirstToken; k < end; k++)
        {
            var w = tokens[k].Lower;
            var s = Stages.Actors.ActorStage.SideOfWord(w);
            var hyphen = w.IndexOf('-', StringComparison.Ordinal);
            if (s == Side.Unknown && hyphen > 0 && IsOffice(w[(hyphen + 1)..]))
            {
                Add(Stages.Actors.ActorStage.SideOfWord(w[..hyphen])); // "Russian-installed officials"
                continue;
            }

            if (s == Side.Unknown)
            {
                continue;
            }

            if (k > unit.FirstToken && IsOffice(tokens[k - 1].Lower))
            {
                Add(s); // "власти России"
                continue;
            }

            for (var j = k + 1; j < Math.Min(end, k + 3) && tokens[j].IsWord; j++)
            {
                if (IsOffice(tokens[j].Lower))
                {
                    Add(s);
                    break;
                }
            }
        }

        return both ? null : side;
    }

    /// <summary>A word that opens a noun phrase: an attack verb after it is a noun's relative clause ("the attack Russia launched").</summary>
    private static bool IsDeterminer(string lower) => lower is "the" or "a" or "an" or "this" or "that" or "its" or "their" or "every" or "each";

    private static bool IsOffice(string lower) => Offices.Contains(lower) || Titles.Contains(lower);

    /// <summary>Attacker cues read against their clauses: a cue that is not the attacker stays, marked by the rule that says so.</summary>
    private static ImmutableArray<ActorMention> ReadDirection(Document doc, ImmutableArray<ActorMention> actors, ImmutableArray<WeaponMention> weapons)
    {
        if (actors.IsEmpty)
        {
            return actors;
        }

        var read = new ActorMention[actors.Length];
        for (var k = 0; k < read.Length; k++)
        {
            var a = actors[k];
            read[k] = a.IsAttacker && NotAttackerRule(doc, a, weapons) is { } rule ? a with { IsAttacker = false, Rule = rule } : a;
        }

        return System.Runtime.InteropServices.ImmutableCollectionsMarshal.AsImmutableArray(read);
    }

    /// <summary>
    /// The attacker a country named as the target implies ("an 18-hour bombardment across Ukraine" → Russia, "drones
    /// over Russia" → Ukraine), or null when no country is named so or the countries named disagree.
    /// </summary>
    private static Side? AttackerFromTargetCountry(Document doc, IEnumerable<PlaceMention> places, Dictionary<PlaceMention, PlaceRef> resolved)
    {
        Side? side = null;
        foreach (var p in places)
        {
            if (resolved[p] is not { Feature: "country" } r || !TargetPrepositions.Contains(doc.Lower(p.TokenIndex - 1)))
            {
                continue;
            }

            Side? s = r.Country switch { "UA" => Side.Russia, "RU" or "BY" => Side.Ukraine, _ => null };
            if (s is null || (side is not null && side != s))
            {
                return null;
            }

            side = s;
        }

        return side;
    }

    /// <summary>The index of the token that starts at or covers <paramref name="offset"/>, or -1.</summary>
    private static int TokenAt(Document doc, int offset)
    {
        var tokens = doc.Tokens;
        int lo = 0, hi = tokens.Count - 1;
        while (lo <= hi)
        {
            var mid = (lo + hi) / 2;
            if (tokens[mid].End <= offset)
            {
                lo = mid + 1;
            }
            else if (tokens[mid].Start > offset)
            {
                hi = mid - 1;
            }
            else
            {
                return mid;
            }
        }

        return -1;
    }
}
