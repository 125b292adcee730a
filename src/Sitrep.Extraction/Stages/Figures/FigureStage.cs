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

    private static readonly FrozenWords Modifiers = FrozenWords.Of(LexiconFile.Rows("count-modifiers.tsv").Select(r => r[0]));

    /// <summary>Adjectives between a count and its weapon in Ukrainian and Russian ("85 украинских беспилотников").</summary>
    private static readonly WordTable<bool> CyrillicModifiers = new(new[]
    {
        "україн*", "украин*", "російськ*", "российск*", "ворож*", "вражеск*", "ударн*", "атакуюч*", "атакующ*", "американськ*", "американск*", "британськ*",
        "британск*", "іранськ*", "иранск*", "різн*", "разн*", "реактивн*", "керован*", "управляем*", "противник*", "ворога", "врага",
    }.Select(w => (w, true)));

    public string Name => "figures";

    public ImmutableArray<string> Requires => [Layers.Sentences, Layers.Numbers, Layers.Weapons];

    public string Produces => Layers.Figures;

    public ImmutableArray<Mention> Run(Document document)
    {
        var tokens = document.Tokens;
        var numbers = document.Layer<NumberMention>(Layers.Numbers);
        var weapons = document.Layer<WeaponMention>(Layers.Weapons);
        var result = ImmutableArray.CreateBuilder<Mention>();
        var ni = 0;
        var wi = 0;
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

            ReadSentence(document, s, sNumbers, sWeapons, weapons, result);
        }

        return result.ToImmutable();
    }

    private static void ReadSentence(Document doc, SentenceMention s, List<NumberMention> numbers, List<WeaponMention> weapons, ImmutableArray<WeaponMention> allWeapons, ImmutableArray<Mention>.Builder result)
    {
        var tokens = doc.Tokens;
        var consumed = new HashSet<NumberMention>();
        foreach (var n in numbers)
        {
            if (consumed.Contains(n) || n.IsVague)
            {
                continue;
            }

            // Sub-counts: "70 of which were Shahed types", "including 30 over Kursk", "30 of them".
            if (IsSubCount(doc, s, n, weapons))
            {
                continue;
            }

            var weapon = WeaponAfter(doc, s, n, weapons, out var combined, out var mixedMissiles, out var weaponEnd);
            var explicitWeapon = weapon is not null;

            // "N out of M W", "N of M W", "N W out of M"
            if (TryOutOf(doc, s, n, numbers, weapons, out var total, out var outWeapon, out var outEnd))
            {
                var w = weapon ?? outWeapon;
                if (w is null)
                {
                    continue;
                }

                consumed.Add(total);
                var destroyKind = VerbRight(doc, s, outEnd) ?? VerbLeft(doc, s, n.Span.Start == tokens[n.TokenIndex].Start ? n.TokenIndex : FirstToken(doc, n)) ?? FigureKind.Destroyed;
                if (destroyKind == FigureKind.Launched)
                {
                    destroyKind = FigureKind.Destroyed;
                }

                var wr = Ref(w, mixedMissiles);
                result.Add(Figure(doc, destroyKind, n, wr, n.Span, w.Span, "N-out-of-M"));
                result.Add(Figure(doc, FigureKind.Launched, total, wr, total.Span, w.Span, "N-out-of-M") with { });
                continue;
            }

            if (weapon is null)
            {
                // "89 were shot down", "of which 74 were destroyed", "41 were lost": the last weapon before it.
                var afterOf = n.EndToken + 1 < s.EndToken && tokens[n.EndToken].Lower is "of" or "з" or "із" or "из" && tokens[n.EndToken + 1].Lower is "them" or "these" or "those" or "них" ? n.EndToken + 2 : n.EndToken;
                var right = VerbRight(doc, s, afterOf) ?? (afterOf > n.EndToken ? VerbLeft(doc, s, FirstToken(doc, n), maxDistance: 4) : null);
                if (right is null || right == FigureKind.Launched && !IsOfWhich(doc, s, n))
                {
                    if (!(n.IsAll && (right ?? VerbLeft(doc, s, FirstToken(doc, n))) is FigureKind.Destroyed))
                    {
                        continue;
                    }
                }

                // "Air defences destroyed 35 of them": the weapon named last, in this sentence or the one before.
                weapon = weapons.LastOrDefault(w => w.EndToken <= n.TokenIndex && !w.IsActivity)
                         ?? allWeapons.LastOrDefault(w => w.Span.End <= s.Span.Start && s.Span.Start - w.Span.End < 250 && !w.IsActivity);
                if (weapon is null)
                {
                    continue;
                }

                var kind = right ?? VerbLeft(doc, s, FirstToken(doc, n)) ?? FigureKind.Destroyed;
                // The evidence is the count and its verb ("74 were shot down"), not the far-off weapon.
                var verbEnd = Math.Min(s.EndToken, afterOf + 4);
                while (verbEnd > n.EndToken && !(Verbs.Contains(tokens[verbEnd - 1].Lower) || tokens[verbEnd - 1].Lower is "down" or "reach"))
                {
                    verbEnd--;
                }

                var evidence = verbEnd > n.EndToken ? new TextSpan(n.Span.Start, tokens[verbEnd - 1].End) : n.Span;
                result.Add(Figure(doc, kind, n, Ref(weapon, false), evidence, evidence, "N-then-verb") with { IsCombined = weapon.Weapon.Category == WeaponCategory.Other });
                continue;
            }

            var k2 = VerbRight(doc, s, weaponEnd) ?? VerbAfterList(doc, s, weaponEnd, numbers, weapons) ?? VerbLeft(doc, s, FirstToken(doc, n)) ?? ListVerb(doc, s, n, result)
                     ?? (IsNominalCount(doc, s, n, weaponEnd) ? FigureKind.Launched : null);
            if (k2 is null)
            {
                continue;
            }

            var wref = Ref(weapon, mixedMissiles);
            if (combined)
            {
                wref = new WeaponRef(WeaponCategory.Other, null);
            }

            var first = FirstToken(doc, n);
            var increment = (n.EndToken < s.EndToken && tokens[n.EndToken].Lower == "more") || (first > s.FirstToken && tokens[first - 1].Lower is "another" or "further" or "additional");
            result.Add(Figure(doc, k2.Value, n, wref, n.Span, weapon.Span, explicitWeapon ? "N-weapon-verb" : "N-verb") with
            {
                IsCombined = combined || weapon.Weapon.Category == WeaponCategory.Other,
                IsIncrement = increment && k2.Value != FigureKind.Launched,
            });
        }

        // "eight drones were used and all were shot down": all of the count named before.
        for (var k = s.FirstToken; k < s.EndToken; k++)
        {
            if (tokens[k].Lower is not ("all" or "none" or "все" or "всі" or "усі") || (k + 1 < s.EndToken && tokens[k + 1].Kind == TokenKind.Number))
            {
                continue;
            }

            var after = k + 1 < s.EndToken && tokens[k + 1].Lower == "of" && k + 2 < s.EndToken && tokens[k + 2].Lower is "them" or "these" ? k + 3
                : k + 1 < s.EndToken && tokens[k + 1].Lower is "они" or "вони" ? k + 2 : k + 1;
            if (VerbRight(doc, s, after) is not (FigureKind.Destroyed or FigureKind.Suppressed) || tokens[k].Lower == "none")
            {
                continue;
            }

            var launched = result.OfType<FigureMention>().LastOrDefault(f => f.Kind == FigureKind.Launched && f.Span.End <= tokens[k].Start && tokens[k].Start - f.Span.End < 300);
            if (launched is not null && !result.OfType<FigureMention>().Any(f => f.Kind == FigureKind.Destroyed && f.Span.Start >= tokens[k].Start && f.Span.Start < s.Span.End))
            {
                var v = after;
                while (v < s.EndToken - 1 && !Verbs.Contains(tokens[v].Lower))
                {
                    v++;
                }

                if (v + 1 < s.EndToken && tokens[v + 1].Lower == "down")
                {
                    v++;
                }

                var span = new TextSpan(tokens[k].Start, tokens[v].End);
                result.Add(new FigureMention(span, FigureKind.Destroyed, launched.Value, launched.Qualifier, launched.Weapon, tokens[k].Span, "all-were-verb"));
            }
        }

        bool numbersBefore(int k) => numbers.Any(n => n.EndToken <= k && n.TokenIndex >= k - 12);

        // Singular: "a Russian S-300 missile had hit the building", "downed a Kinzhal missile".
        foreach (var w in weapons)
        {
            if (w.IsActivity || w.Plural)
            {
                continue;
            }

            var k = w.TokenIndex - 1;
            var steps = 0;
            while (k >= s.FirstToken && steps < 4 && (Modifiers.Contains(tokens[k].Lower) || tokens[k].Lower is "hypersonic" or "ballistic" or "cruise") && tokens[k].Lower is not ("of" or "the"))
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
            result.Add(new FigureMention(span, kind.Value, 1, Qualifier.Exact, w.Weapon, tokens[k].Span, "a-weapon-verb"));
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

            if (Modifiers.Contains(lw) || CyrillicModifiers.Contains(lw) || lw.EndsWith("-type", StringComparison.Ordinal) || lw.EndsWith("-made", StringComparison.Ordinal) || lw.EndsWith("-based", StringComparison.Ordinal) || lw.EndsWith("-launched", StringComparison.Ordinal))
            {
                k++;
                steps++;
                continue;
            }

            return null;
        }

        return null;
    }

    private static bool NumberAt(Document doc, int k) => doc.Tokens[k].Kind == TokenKind.Number;

    /// <summary>"N out of M", "N of M", "N W out of M W".</summary>
    private static bool TryOutOf(Document doc, SentenceMention s, NumberMention n, List<NumberMention> numbers, List<WeaponMention> weapons, out NumberMention total, out WeaponMention? weapon, out int end)
    {
        var tokens = doc.Tokens;
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
        else if (k < s.EndToken && tokens[k].Lower is "of" or "із" or "з" or "зі" or "из" && k + 1 < s.EndToken && tokens[k + 1].Kind == TokenKind.Number)
        {
            k += 1;
        }
        else if (k + 2 < s.EndToken && tokens[k].Lower == "of" && tokens[k + 1].Lower == "the" && tokens[k + 2].Kind == TokenKind.Number)
        {
            k += 2; // "30 of the 38 missiles launched"
        }
        else
        {
            return false;
        }

        var totalNumber = numbers.FirstOrDefault(x => x.TokenIndex >= k && x.TokenIndex <= k + 2 && x.Span.Start <= tokens[Math.Min(k + 2, tokens.Count - 1)].Start);
        if (totalNumber is null || totalNumber.Value < n.Value)
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
                 ?? weapons.LastOrDefault(x => x.EndToken <= n.TokenIndex && !x.IsActivity);
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

    /// <summary>"all 5 Iskander-M missiles and 18 Kalibr missiles were shot down": the verb after the last item of a list.</summary>
    private static FigureKind? VerbAfterList(Document doc, SentenceMention s, int weaponEnd, List<NumberMention> numbers, List<WeaponMention> weapons)
    {
        var tokens = doc.Tokens;
        var k = weaponEnd;
        for (var items = 0; items < 4 && k < s.EndToken && tokens[k].Lower == "and"; items++)
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

            var verb = VerbRight(doc, s, w.EndToken);
            if (verb is not null)
            {
                return verb;
            }

            k = w.EndToken;
        }

        return null;
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
            var j = k + 1;
            while (j < s.EndToken && j < k + 6 && tokens[j].Lower != ",")
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
            if (w is "were" or "was" or "had" or "have" or "has" or "been" or "being" or "reportedly" or "allegedly" or "also" or "successfully" or "all" or "later" or "then" or "\"" or "'" or "by" or "in" or "total" or "reported" or "locationally" or "either" or "likely" or "probably"
                or "були" or "было" or "были" or "була" or "було" or "была" or "локаційно" or "локационно" or "успішно" or "успешно")
            {
                k++;
                steps++;
                continue;
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

    /// <summary>The nearest figure verb to the left in the same clause: "shot down 36 rockets", "launched around 120 missiles".</summary>
    private static FigureKind? VerbLeft(Document doc, SentenceMention s, int before, int maxDistance = 16)
    {
        var tokens = doc.Tokens;
        for (var k = before - 1; k >= s.FirstToken && k >= before - maxDistance; k--)
        {
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
                if (kind == FigureKind.Suppressed && k - 2 >= s.FirstToken && tokens[k - 1].Lower is "або" or "или" or "or" or "чи" && Verbs.TryGetValue(tokens[k - 2].Lower, out var first))
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

            // "a drone attack of more than 50 drones", "attack with 40 drones", "attacked Ukraine with 25 Shaheds"
            if (w is "with" or "of" or "by" && k > s.FirstToken && tokens[k - 1].Lower is "attack" or "attacks" or "strike" or "strikes" or "assault" or "barrage" or "wave" or "salvo" or "swarm")
            {
                return FigureKind.Launched;
            }
        }

        return null;
    }

    /// <summary>A count with no verb at all ("48 Russian cruise missiles. At night.") reads as launched.</summary>
    private static bool IsNominalCount(Document doc, SentenceMention s, NumberMention n, int weaponEnd)
    {
        var tokens = doc.Tokens;
        var first = FirstToken(doc, n);
        var atStart = first <= s.FirstToken || tokens[first - 1].Lower is "\"" or ":" or "total" or "of";
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
            if (tokens[j].Lower is "including" or "among" or "includes" || (tokens[j].Lower == "each" && j == FirstToken(doc, n) - 1))
            {
                // "91 projectiles, including 10 missiles and 81 drones": the parts of a mixed total (no weapon of one
                // family counted before) are the counts by weapon.
                if (tokens[j].Lower is "including" or "includes")
                {
                    var counted = weapons.LastOrDefault(w => w.EndToken <= j && w.EndToken >= j - 2);
                    var total = Enumerable.Range(Math.Max(s.FirstToken, j - 4), j - Math.Max(s.FirstToken, j - 4)).Any(x => tokens[x].Kind == TokenKind.Number);
                    return !(total && (counted is null || counted.Weapon.Category == WeaponCategory.Other));
                }

                return true;
            }
        }

        return k < s.EndToken && tokens[k].Lower == "each";
    }
}
