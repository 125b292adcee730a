using System.Collections.Immutable;
using Sitrep.Core;
using Sitrep.Extraction.Text;
using Sitrep.Geo;

namespace Sitrep.Extraction.Assembly;

/// <summary>Weapons and figures of an event: grouping by weapon, revisions.</summary>
public sealed partial class EventAssembler
{
    /// <summary>
    /// Figures of one family, grouped by the weapon they count. A category named without a model joins the one
    /// model of that category ("cruise missiles" with "Kh-101"); a generic count ("missiles") joins the one
    /// specific weapon there is, and stands apart when there are several.
    /// </summary>
    /// <summary>The index of the sentence a mention starts in.</summary>
    private static Func<Mention, int> SentenceOf(ImmutableArray<SentenceMention> sentences)
    {
        var starts = sentences.Select(x => x.Span.Start).ToArray();
        return m =>
        {
            var i = Array.BinarySearch(starts, m.Span.Start);
            return i >= 0 ? i : ~i - 1;
        };
    }

    private static List<(WeaponRef Weapon, List<FigureMention> Figures)> GroupByWeapon(List<FigureMention> figures, Func<Mention, int> sentenceOf)
    {
        // By weapon, in the order of each weapon's first figure (as GroupBy keeps them).
        var groups = new List<(WeaponRef Weapon, List<FigureMention> Figures)>();
        foreach (var f in figures)
        {
            var at = IndexOfWeapon(groups, f.Weapon);
            if (at < 0)
            {
                groups.Add((f.Weapon, [f]));
            }
            else
            {
                groups[at].Figures.Add(f);
            }
        }

        if (groups.Count == 1)
        {
            return groups;
        }

        static bool IsGeneric(WeaponRef w) => w.Model is null && w.Category is WeaponCategory.Missile or WeaponCategory.Drone or WeaponCategory.Artillery or WeaponCategory.Rocket or WeaponCategory.GuidedBomb or WeaponCategory.Other;

        // Two groups are one weapon told twice unless one sentence gives them different figures of the same kind
        // ("ten ballistic missiles and a Kinzhal" are two weapons; "18 Shaheds … destroyed 15 of the drones" one;
        // a mayor's "seven Shaheds" after the air force's 28 drones is the same drones seen locally).
        bool Compatible(List<FigureMention> a, List<FigureMention> b)
        {
            foreach (var x in a)
            {
                foreach (var y in b)
                {
                    if (x.Kind == y.Kind && x.Value != y.Value && sentenceOf(x) == sentenceOf(y))
                    {
                        return false;
                    }
                }
            }

            return true;
        }

        // "cruise missiles" into the one cruise-missile model
        var unmodelled = new List<(WeaponRef Weapon, List<FigureMention> Figures)>();
        foreach (var g in groups)
        {
            if (g.Weapon.Model is null && !IsGeneric(g.Weapon))
            {
                unmodelled.Add(g);
            }
        }

        foreach (var g in unmodelled)
        {
            var models = 0;
            List<FigureMention>? model = null;
            foreach (var m in groups)
            {
                if (m.Weapon.Model is not null && m.Weapon.Category == g.Weapon.Category)
                {
                    models++;
                    model = m.Figures;
                }
            }

            if (models == 1 && Compatible(model!, g.Figures))
            {
                model!.AddRange(g.Figures);
                groups.Remove(g);
            }
        }

        var specific = 0;
        List<FigureMention>? only = null;
        var generic = new List<(WeaponRef Weapon, List<FigureMention> Figures)>();
        foreach (var g in groups)
        {
            if (IsGeneric(g.Weapon))
            {
                generic.Add(g);
            }
            else
            {
                specific++;
                only = g.Figures;
            }
        }

        if (specific == 1)
        {
            foreach (var g in generic)
            {
                if (Compatible(only!, g.Figures))
                {
                    only!.AddRange(g.Figures);
                    groups.Remove(g);
                }
            }
        }
        else if (specific == 0 && generic.Count > 1)
        {
            var all = new List<FigureMention>();
            foreach (var g in generic)
            {
                all.AddRange(g.Figures);
            }

            return [(generic[0].Weapon, all)];
        }

        return groups;
    }

    private static int IndexOfWeapon(List<(WeaponRef Weapon, List<FigureMention> Figures)> groups, WeaponRef weapon)
    {
        for (var k = 0; k < groups.Count; k++)
        {
            if (groups[k].Weapon == weapon)
            {
                return k;
            }
        }

        return -1;
    }

    /// <summary>
    /// A revision supersedes the smaller figures of its kind, a correction every figure of its kind it corrects; the claims
    /// stay, marked not current.
    /// </summary>
    private static ImmutableArray<FigureClaim> MarkRevised(ImmutableArray<FigureClaim> claims, List<CasualtyMention> mentions)
    {
        // claims[i] was made from mentions[i]. "The toll rose to 33": the smaller figures of that kind it revises are no
        // longer current. (Text order is not time order in news, which tells the latest first: tolls only rise.)
        // "The governor later specified that 11 had died": a correction says it is the latest, smaller or not.
        if (!mentions.Exists(m => m.IsRevision))
        {
            return claims;
        }

        var b = claims.ToBuilder();
        for (var i = 0; i < b.Count; i++)
        {
            if (!mentions[i].IsRevision)
            {
                continue;
            }

            for (var j = 0; j < b.Count; j++)
            {
                if (j != i && b[j].Kind == b[i].Kind && Supersedes(mentions[i], b[i], mentions[j], b[j]))
                {
                    b[j] = b[j] with { IsCurrent = false };
                }
            }
        }

        return b.ToImmutable();
    }

    /// <summary>
    /// Whether revision <paramref name="by"/> supersedes <paramref name="other"/> of its kind: a correction supersedes what
    /// was told before it and a plain figure (not a revision, not an increment) told after; a plain revision supersedes
    /// the smaller figures, but not a correction told after it ("rose to 15 … later clarified that 11 had died").
    /// </summary>
    private static bool Supersedes(CasualtyMention by, FigureClaim byClaim, CasualtyMention other, FigureClaim otherClaim)
    {
        var before = other.Span.Start < by.Span.Start;
        if (by.IsCorrection)
        {
            return before || !(other.IsRevision || other.IsIncrement);
        }

        return otherClaim.Value < byClaim.Value && !(other.IsCorrection && !before);
    }

    /// <summary>
    /// "Another victim has died in hospital", "two more people died": the toll the body told just before (the last current
    /// claim of that kind before it, so a total's parts, "killed four … killing two … another two died", add up to the total
    /// and not past it; a headline's toll is the latest and already counts them) plus the increment. In a
    /// sentence that revises the toll ("rose to 21 after another victim died") the revision already counts it.
    /// </summary>
    private static ImmutableArray<FigureClaim> AddIncrements(ImmutableArray<FigureClaim> claims, List<CasualtyMention> mentions, Func<Mention, int> sentenceOf, ImmutableArray<SentenceMention> sentences)
    {
        if (!mentions.Exists(m => m.IsIncrement))
        {
            return claims;
        }

        bool inHeadline(Mention m) => sentences[sentenceOf(m)].IsHeadline;

        // claims[i] was made from mentions[i]; mentions are in text order.
        var b = claims.ToBuilder();
        var running = new Dictionary<FigureKind, int>();
        for (var i = 0; i < b.Count; i++)
        {
            var m = mentions[i];
            if (m.IsIncrement && running.TryGetValue(m.Kind, out var before)
                && !mentions.Any(o => o.IsRevision && o.Kind == m.Kind && sentenceOf(o) == sentenceOf(m)))
            {
                b[i] = b[i] with { Value = before + m.Value, Rule = b[i].Rule + "+earlier" };
            }

            if (b[i].IsCurrent && !inHeadline(m))
            {
                running[m.Kind] = b[i].Value;
            }
        }

        return b.ToImmutable();
    }

    private static void AddOnce<T>(List<T> list, T item)
    {
        if (!list.Contains(item))
        {
            list.Add(item);
        }
    }

    /// <summary>The categories <see cref="MostSpecific(List{FigureMention}, List{WeaponMention})"/> prefers, in order.</summary>
    private static readonly WeaponCategory[] Specificity =
        [WeaponCategory.CruiseMissile, WeaponCategory.BallisticMissile, WeaponCategory.GuidedBomb, WeaponCategory.Drone, WeaponCategory.Rocket, WeaponCategory.Artillery, WeaponCategory.Missile];

    /// <summary>The most specific category of the figures' and mentions' weapons; cruise and ballistic missiles together are missiles.</summary>
    private static WeaponCategory MostSpecific(List<FigureMention> figures, List<WeaponMention> mentions)
    {
        var named = 0u;
        foreach (var f in figures)
        {
            named |= 1u << (int)f.Weapon.Category;
        }

        foreach (var m in mentions)
        {
            named |= 1u << (int)m.Weapon.Category;
        }

        foreach (var c in Specificity)
        {
            if ((named & (1u << (int)c)) != 0)
            {
                const uint bothMissiles = (1u << (int)WeaponCategory.CruiseMissile) | (1u << (int)WeaponCategory.BallisticMissile);
                return c is WeaponCategory.CruiseMissile or WeaponCategory.BallisticMissile && (named & bothMissiles) == bothMissiles ? WeaponCategory.Missile : c;
            }
        }

        return figures.Count > 0 ? figures[0].Weapon.Category : mentions.Count > 0 ? mentions[0].Weapon.Category : WeaponCategory.Other;
    }
}
