using System.Collections.Immutable;
using Sitrep.Core;
using Sitrep.Core.Claimants;

namespace Sitrep.Extraction.Assembly;

/// <summary>
/// Who says an event's figures. The actor stage attributes words to claimants (<see cref="SpeakerMention"/>: the
/// sentence that names one, a quote it closes, the sentences "this was reported by X" refers back to); here a figure
/// takes the claimant of the narrowest attribution over it, and an event lists the claimants of its figures, or,
/// when no figure has one, the claimants its sentences are attributed to. One claimant once: the same registry id,
/// or a name inside another's ("Starukh" in "Zaporizhzhia Oblast Governor Oleksandr Starukh"), is one claimant,
/// shown by its fullest naming in the article.
/// </summary>
public sealed partial class EventAssembler
{
    /// <summary>The speaker mentions over each unit (sentence or part of one).</summary>
    private static List<SpeakerMention>[] SpeakersByUnit(IReadOnlyList<SentenceMention> units, ImmutableArray<SpeakerMention> speakers)
    {
        var lists = new List<SpeakerMention>[units.Count];
        for (var u = 0; u < units.Count; u++)
        {
            lists[u] = [];
            foreach (var s in speakers)
            {
                if (s.Span.Start < units[u].Span.End && units[u].Span.Start < s.Span.End)
                {
                    lists[u].Add(s);
                }
            }
        }

        return lists;
    }

    /// <summary>The claimant of the narrowest attribution over <paramref name="span"/>; the nearest one named when two are as narrow.</summary>
    private static Claimant? SpeakerOf(List<SpeakerMention> speakers, TextSpan span) =>
        speakers.Where(s => s.Span.Start <= span.Start && span.End <= s.Span.End)
            .OrderBy(s => s.Span.Length)
            .ThenBy(s => Math.Abs(s.Cue.Start - span.Start))
            .Select(s => s.Claimant)
            .FirstOrDefault();

    private static ImmutableArray<Claimant> EventClaimants(Document doc, List<int> units, Bucketed b, IEnumerable<Mention> figures)
    {
        var speakers = b.Speakers;
        var found = new List<Claimant>();
        var unitSpeakers = units.SelectMany(u => speakers[u]).Distinct().ToList();
        foreach (var f in figures)
        {
            foreach (var s in unitSpeakers)
            {
                if (s.Span.Start <= f.Span.Start && f.Span.End <= s.Span.End)
                {
                    found.Add(s.Claimant);
                }
            }
        }

        var policy = Environment.GetEnvironmentVariable("SITREP_CLAIMANT_POLICY") ?? "ALE";
        if (policy.Contains('C'))
        {
            foreach (var u in units)
            {
                if (b.Weapons[u].Count > 0 || b.Places[u].Any(p => !p.IsReference))
                {
                    found.AddRange(speakers[u].Select(s => s.Claimant));
                }
            }
        }

        if (found.Count == 0 || policy.Contains('B'))
        {
            found.AddRange(unitSpeakers.Select(s => s.Claimant));
        }

        if (policy.Contains('L'))
        {
            // A regional or city authority telling of the attack on its own region speaks for the event.
            foreach (var u in units)
            {
                foreach (var sp in speakers[u])
                {
                    if (sp.Claimant.Canonical is { } id && ClaimantRegistry.Default.TryGet(id, out var entry) && entry.Kind is ClaimantKind.RegionalAuthority or ClaimantKind.CityAuthority
                        && b.Places[u].Any(p => !p.IsReference && b.Resolved[p].Admin1 == entry.Admin1 && sp.Span.Start <= p.Span.Start && p.Span.End <= sp.Span.End))
                    {
                        found.Add(sp.Claimant);
                    }
                }
            }
        }

        var distinct = Distinct(doc, found);
        if (policy.Contains('E') && distinct.Any(c => !Weak(c)))
        {
            return [.. distinct.Where(c => !Weak(c))];
        }

        if (policy.Contains('D'))
        {
            var strong = distinct.Where(c => Strength(c) >= 2).ToList();
            if (strong.Count > 0)
            {
                return [.. strong];
            }
        }

        return distinct;
    }

    /// <summary>One claimant once, in the order first attributed, each shown by its fullest naming in the article.</summary>
    private static ImmutableArray<Claimant> Distinct(Document doc, List<Claimant> found)
    {
        var named = doc.Layer<ClaimantMention>(Layers.Actors).Where(m => Words(m.Claimant.Name) <= 16).ToList();
        var result = new List<Claimant>();
        foreach (var c in found.OrderBy(c => c.Span.Start))
        {
            if (result.Any(r => Same(r, c)))
            {
                continue;
            }

            var best = named.Where(n => Same(n.Claimant, c)).OrderByDescending(n => n.Fullness).ThenByDescending(n => Words(n.Claimant.Name)).ThenBy(n => n.Span.Start).FirstOrDefault();
            result.Add(best?.Claimant ?? c);
        }

        return [.. result];
    }

    private static bool Same(Claimant a, Claimant b)
    {
        if (a.Canonical is not null && b.Canonical is not null)
        {
            return a.Canonical == b.Canonical;
        }

        var x = Names(a.Name);
        var y = Names(b.Name);
        return x.Count > 0 && y.Count > 0 ? x.IsSubsetOf(y) || y.IsSubsetOf(x) : ClaimantNames.Fold(a.Name) == ClaimantNames.Fold(b.Name);
    }

    /// <summary>The capitalized words of a name after its first ("Oleh Syniehubov, head of the Kharkiv Regional Military Administration" → oleh, syniehubov, kharkiv, …).</summary>
    private static HashSet<string> Names(string name)
    {
        var set = new HashSet<string>(StringComparer.Ordinal);
        foreach (var part in name.Split([' ', ',', '(', ')'], StringSplitOptions.RemoveEmptyEntries))
        {
            if (part.Length > 1 && char.IsUpper(part[0]) && part is not ("The" or "A" or "An"))
            {
                set.Add(ClaimantNames.Fold(part));
            }
        }

        return set;
    }

    /// <summary>2: a name or a registry body; 1: a common noun with a side or qualifier, or a title alone.</summary>
    private static int Strength(Claimant c)
    {
        if (c.Canonical is { } id && ClaimantRegistry.Default.TryGet(id, out var e) && e.Kind == ClaimantKind.Government)
        {
            return Names(c.Name).Count > 1 ? 2 : 1;
        }

        if (c.Canonical is not null)
        {
            return 2;
        }

        var caps = Names(c.Name).Count;
        return caps > 0 ? 2 : 1;
    }

    /// <summary>Words with no name in them ("the mayor's office", "local officials"), or a country alone ("Ukraine said").</summary>
    private static bool Weak(Claimant c) =>
        c.Canonical is { } id && ClaimantRegistry.Default.TryGet(id, out var e)
            ? e.Kind == ClaimantKind.Government && Words(c.Name) == 1
            : Names(c.Name).Count == 0;

    private static int Words(string name) => name.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
}
