using System.Collections.Immutable;
using System.Runtime.CompilerServices;
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

    private static ImmutableArray<Claimant> EventClaimants(Document doc, List<int> units, IReadOnlyList<TextSpan> unitSpans, Bucketed b, IEnumerable<Mention> figures)
    {
        var unitSpeakers = units.SelectMany(u => b.Speakers[u]).Distinct().ToList();
        var spans = figures.Select(f => f.Span).ToList();

        // The claimants of its figures; when no figure has one, the claimants of its sentences.
        var found = unitSpeakers.Where(s => spans.Any(f => s.Span.Start <= f.Start && f.End <= s.Span.End)).ToList();
        if (found.Count == 0)
        {
            found = unitSpeakers;
        }
        else
        {
            found = WithoutRestatements(found, unitSpeakers, figures.ToList());
        }

        // A regional or city authority telling of the attack on its own region ("the governor of Lviv confirmed an attack on Stryi district").
        foreach (var u in units)
        {
            foreach (var s in b.Speakers[u])
            {
                if (s.Entry is { Kind: ClaimantKind.RegionalAuthority or ClaimantKind.CityAuthority } entry
                    && b.Places[u].Any(p => !p.IsReference && b.Resolved[p].Admin1 == entry.Admin1 && s.Span.Start <= p.Span.Start && p.Span.End <= s.Span.End))
                {
                    found.Add(s);
                }
            }
        }

        // Vague namings give way to named claimants: "local officials", "the mayor's office", "Ukraine said" are most often
        // the official the report names as well.
        var distinct = Distinct(doc, found, unitSpans);
        var named = distinct.Where(c => !Weak(c.Claimant, c.Entry)).ToList();
        return [.. (named.Count > 0 ? named : distinct).Select(c => c.Claimant)];
    }

    /// <summary>
    /// Rule <c>restated-by-name</c>: "Russian authorities announced that a woman was killed …" and later "a woman was
    /// killed, said Governor X": a side's collective ("Russian authorities", "Ukrainian officials") that gives only
    /// figures a named claimant gives too, with the same values, restates that claimant's words and is no claimant of
    /// its own. A collective with a figure of its own stays.
    /// </summary>
    private static List<SpeakerMention> WithoutRestatements(List<SpeakerMention> found, List<SpeakerMention> speakers, List<Mention> figures)
    {
        var said = new List<((FigureKind Kind, int Value) Figure, Claimant Claimant, bool Collective)>();
        foreach (var m in figures)
        {
            var key = m switch
            {
                FigureMention f => (f.Kind, f.Value),
                CasualtyMention c => (c.Kind, c.Value),
                _ => ((FigureKind, int)?)null,
            };
            var by = speakers.Where(s => s.Span.Start <= m.Span.Start && m.Span.End <= s.Span.End).OrderBy(s => s.Span.Length).ThenBy(s => Math.Abs(s.Cue.Start - m.Span.Start)).FirstOrDefault();
            if (key is { } k && by is not null)
            {
                said.Add((k, by.Claimant, SideCollective(by)));
            }
        }

        bool Restates(SpeakerMention s)
        {
            if (!SideCollective(s))
            {
                return false;
            }

            var own = said.Where(x => ReferenceEquals(x.Claimant, s.Claimant)).Select(x => x.Figure).ToList();
            return own.Count > 0 && own.All(f => said.Any(x => !x.Collective && x.Figure == f));
        }

        return found.Where(s => !Restates(s)).ToList();
    }

    /// <summary>A side and a collective word, no name: "Russian authorities", "Ukrainian officials", "the Russian government".</summary>
    private static bool SideCollective(SpeakerMention s) =>
        Words(s.Claimant.Name) >= 2 && s.Entry is null or { Kind: ClaimantKind.Government } && Names(s.Claimant.Name) is { Count: > 0 } names
        && names.All(n => Stages.Actors.ActorStage.SideOfWord(n) != Side.Unknown);

    /// <summary>
    /// One claimant once, in the order first attributed, each shown by its fullest naming in the event's sentences
    /// (in the article's, when the event names it only by a pronoun). A person and the body they speak for are two
    /// claimants ("Interior Minister Ihor Klymenko" and "the Interior Ministry").
    /// </summary>
    private static List<(Claimant Claimant, ClaimantEntry? Entry)> Distinct(Document doc, List<SpeakerMention> found, IReadOnlyList<TextSpan> spans)
    {
        var all = doc.Layer<ClaimantMention>(Layers.Actors).Where(m => Words(m.Claimant.Name) <= 16).ToList();
        var person = new Dictionary<TextSpan, bool>();
        foreach (var m in all)
        {
            person.TryAdd(m.Claimant.Span, m.IsPerson);
        }

        bool Same(Claimant a, Claimant b) => SameClaimant(a, b) && person.GetValueOrDefault(a.Span) == person.GetValueOrDefault(b.Span);
        bool InEvent(ClaimantMention m) => spans.Any(u => u.Start <= m.Span.Start && m.Span.End <= u.End);

        var result = new List<(Claimant, ClaimantEntry?)>();
        foreach (var s in found.OrderBy(s => s.Claimant.Span.Start))
        {
            var c = s.Claimant;
            if (result.Any(r => Same(r.Item1, c)))
            {
                continue;
            }

            var namings = all.Where(n => Same(n.Claimant, c)).ToList();
            var best = namings.Where(InEvent).Concat(namings)
                .OrderByDescending(InEvent).ThenByDescending(n => n.Fullness).ThenByDescending(n => Words(n.Claimant.Name)).ThenBy(n => n.Span.Start).FirstOrDefault();
            result.Add((best?.Claimant ?? c, s.Entry));
        }

        return result;
    }

    /// <summary>Words with no name in them ("the mayor's office", "local officials"), or a country alone ("Ukraine said").</summary>
    private static bool Weak(Claimant c, ClaimantEntry? entry) =>
        entry is not null ? entry.Kind == ClaimantKind.Government && Words(c.Name) == 1 : c.Canonical is null && Names(c.Name).Count == 0;

    private static bool SameClaimant(Claimant a, Claimant b)
    {
        if (a.Canonical is not null && b.Canonical is not null)
        {
            return a.Canonical == b.Canonical;
        }

        var x = NameFacts.Of(a.Name);
        var y = NameFacts.Of(b.Name);
        return x.Names.Count > 0 && y.Names.Count > 0 ? x.Names.IsSubsetOf(y.Names) || y.Names.IsSubsetOf(x.Names) : x.Folded == y.Folded;
    }

    /// <summary>The capitalized words of a name after its first ("Oleh Syniehubov, head of the Kharkiv Regional Military Administration" → oleh, syniehubov, kharkiv, …).</summary>
    private static HashSet<string> Names(string name) => NameFacts.Of(name).Names;

    /// <summary>The words of a name, as <c>name.Split(' ', RemoveEmptyEntries).Length</c> counts them, without the array.</summary>
    private static int Words(string name)
    {
        var count = 0;
        for (var i = 0; i < name.Length; i++)
        {
            if (name[i] != ' ' && (i == 0 || name[i - 1] == ' '))
            {
                count++;
            }
        }

        return count;
    }

    /// <summary>
    /// A claimant name's capitalized words and its folded form, computed once per name: the claimant comparisons ask
    /// for them for every pair of claimants, for every event. Keyed by the name's string instance (the mentions of a
    /// document share them), so an entry lives as long as the document's claimants do. Read-only once built.
    /// </summary>
    private sealed class NameFacts
    {
        private static readonly ConditionalWeakTable<string, NameFacts> Cache = new();

        private NameFacts(string name)
        {
            Names = new HashSet<string>(StringComparer.Ordinal);
            foreach (var part in name.Split([' ', ',', '(', ')'], StringSplitOptions.RemoveEmptyEntries))
            {
                if (part.Length > 1 && char.IsUpper(part[0]) && part is not ("The" or "A" or "An"))
                {
                    Names.Add(ClaimantNames.Fold(part));
                }
            }

            _name = name;
        }

        private readonly string _name;
        private string? _folded;

        public HashSet<string> Names { get; }

        public string Folded => _folded ??= ClaimantNames.Fold(_name);

        public static NameFacts Of(string name) => Cache.GetValue(name, static n => new NameFacts(n));
    }
}
