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
            List<SpeakerMention>? over = null;
            foreach (var s in speakers)
            {
                if (s.Span.Start < units[u].Span.End && units[u].Span.Start < s.Span.End)
                {
                    (over ??= []).Add(s);
                }
            }

            lists[u] = over ?? EmptyList<SpeakerMention>.Value;
        }

        return lists;
    }

    /// <summary>The claimant of the narrowest attribution over <paramref name="span"/>; the nearest one named when two are as narrow.</summary>
    private static Claimant? SpeakerOf(List<SpeakerMention> speakers, TextSpan span) => Narrowest(speakers, span)?.Claimant;

    /// <summary>
    /// The narrowest speaker mention over <paramref name="span"/>, the nearest cue when two are as narrow, the first of
    /// equals; null when none covers it.
    /// </summary>
    private static SpeakerMention? Narrowest(List<SpeakerMention> speakers, TextSpan span)
    {
        SpeakerMention? best = null;
        int bestLength = 0, bestDistance = 0;
        foreach (var s in speakers)
        {
            if (s.Span.Start > span.Start || span.End > s.Span.End)
            {
                continue;
            }

            var length = s.Span.Length;
            var distance = Math.Abs(s.Cue.Start - span.Start);
            if (best is null || length < bestLength || (length == bestLength && distance < bestDistance))
            {
                best = s;
                bestLength = length;
                bestDistance = distance;
            }
        }

        return best;
    }

    /// <summary><paramref name="inner"/> lies inside <paramref name="outer"/>.</summary>
    private static bool Covers(TextSpan outer, TextSpan inner) => outer.Start <= inner.Start && inner.End <= outer.End;

    private static ImmutableArray<Claimant> EventClaimants(Document doc, List<int> units, TextSpan[] unitSpans, Bucketed b, List<Mention> figures)
    {
        // The speakers of its units, each once (as Distinct() keeps them: by value, in first order).
        var unitSpeakers = new List<SpeakerMention>();
        foreach (var u in units)
        {
            foreach (var s in b.Speakers[u])
            {
                if (!unitSpeakers.Contains(s))
                {
                    unitSpeakers.Add(s);
                }
            }
        }

        // The claimants of its figures; when no figure has one, the claimants of its sentences.
        var found = new List<SpeakerMention>();
        foreach (var s in unitSpeakers)
        {
            foreach (var f in figures)
            {
                if (Covers(s.Span, f.Span))
                {
                    found.Add(s);
                    break;
                }
            }
        }

        found = found.Count == 0 ? unitSpeakers : WithoutRestatements(found, unitSpeakers, figures);

        // A regional or city authority telling of the attack on its own region ("the governor of Lviv confirmed an attack on Stryi district").
        foreach (var u in units)
        {
            foreach (var s in b.Speakers[u])
            {
                if (s.Entry is { Kind: ClaimantKind.RegionalAuthority or ClaimantKind.CityAuthority } entry && TellsOfOwnRegion(s, entry, b.Places[u], b))
                {
                    found.Add(s);
                }
            }
        }

        // Vague namings give way to named claimants: "local officials", "the mayor's office", "Ukraine said" are most often
        // the official the report names as well.
        var distinct = Distinct(doc, found, unitSpans, b);
        var named = 0;
        foreach (var (c, entry) in distinct)
        {
            named += Weak(c, entry) ? 0 : 1;
        }

        var result = ImmutableArray.CreateBuilder<Claimant>(named > 0 ? named : distinct.Count);
        foreach (var (c, entry) in distinct)
        {
            if (named == 0 || !Weak(c, entry))
            {
                result.Add(c);
            }
        }

        return result.MoveToImmutable();
    }

    /// <summary>A place of the authority's own region named inside its words.</summary>
    private static bool TellsOfOwnRegion(SpeakerMention s, ClaimantEntry entry, List<PlaceMention> places, Bucketed b)
    {
        foreach (var p in places)
        {
            if (!p.IsReference && b.Resolved[p].Admin1 == entry.Admin1 && Covers(s.Span, p.Span))
            {
                return true;
            }
        }

        return false;
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
            (FigureKind, int)? key = m switch
            {
                FigureMention f => (f.Kind, f.Value),
                CasualtyMention c => (c.Kind, c.Value),
                _ => null,
            };
            if (key is { } k && Narrowest(speakers, m.Span) is { } by)
            {
                said.Add((k, by.Claimant, SideCollective(by)));
            }
        }

        var kept = new List<SpeakerMention>(found.Count);
        foreach (var s in found)
        {
            if (!Restates(s, said))
            {
                kept.Add(s);
            }
        }

        return kept;

        static bool Restates(SpeakerMention s, List<((FigureKind Kind, int Value) Figure, Claimant Claimant, bool Collective)> said)
        {
            if (!SideCollective(s))
            {
                return false;
            }

            // Every figure it gives, a claimant that is no collective gives too.
            var own = false;
            foreach (var x in said)
            {
                if (!ReferenceEquals(x.Claimant, s.Claimant))
                {
                    continue;
                }

                own = true;
                var named = false;
                foreach (var y in said)
                {
                    if (!y.Collective && y.Figure == x.Figure)
                    {
                        named = true;
                        break;
                    }
                }

                if (!named)
                {
                    return false;
                }
            }

            return own;
        }
    }

    /// <summary>A side and a collective word, no name: "Russian authorities", "Ukrainian officials", "the Russian government".</summary>
    private static bool SideCollective(SpeakerMention s) =>
        Words(s.Claimant.Name) >= 2 && s.Entry is null or { Kind: ClaimantKind.Government } && NameFacts.Of(s.Claimant.Name).AllSideWords;

    /// <summary>
    /// One claimant once, in the order first attributed, each shown by its fullest naming in the event's sentences
    /// (in the article's, when the event names it only by a pronoun). A person and the body they speak for are two
    /// claimants ("Interior Minister Ihor Klymenko" and "the Interior Ministry").
    /// </summary>
    private static List<(Claimant Claimant, ClaimantEntry? Entry)> Distinct(Document doc, List<SpeakerMention> found, TextSpan[] spans, Bucketed b)
    {
        var namings = b.NamingsOf(doc);
        var result = new List<(Claimant, ClaimantEntry?)>();
        var resultFacts = new List<(NameFacts Facts, bool Person)>();
        // In the order of their claimants' first words, equals in their order.
        foreach (var s in StableByStart(found, static s => s.Claimant.Span.Start))
        {
            var c = s.Claimant;
            var facts = NameFacts.Of(c.Name);
            var person = namings.PersonOf(c.Span);
            var seen = false;
            for (var r = 0; r < result.Count && !seen; r++)
            {
                seen = resultFacts[r].Person == person && SameClaimant(result[r].Item1, resultFacts[r].Facts, c, facts);
            }

            if (seen)
            {
                continue;
            }

            // The fullest naming: in the event's sentences first, then the fullest, the most words, the first named.
            ClaimantMention? best = null;
            var bestInEvent = false;
            int bestFullness = 0, bestWords = 0;
            for (var k = 0; k < namings.All.Length; k++)
            {
                var n = namings.All[k];
                if (namings.Person[k] != person || !SameClaimant(n.Claimant, namings.Facts[k], c, facts))
                {
                    continue;
                }

                var inEvent = InSpans(spans, n.Span);
                var words = namings.Words[k];
                if (best is null || Better(inEvent, n.Fullness, words, n.Span.Start, bestInEvent, bestFullness, bestWords, best.Span.Start))
                {
                    best = n;
                    bestInEvent = inEvent;
                    bestFullness = n.Fullness;
                    bestWords = words;
                }
            }

            var shown = best?.Claimant ?? c;
            result.Add((shown, s.Entry));
            resultFacts.Add((NameFacts.Of(shown.Name), namings.PersonOf(shown.Span)));
        }

        return result;

        static bool Better(bool inEvent, int fullness, int words, int start, bool bestInEvent, int bestFullness, int bestWords, int bestStart) =>
            inEvent != bestInEvent ? inEvent
            : fullness != bestFullness ? fullness > bestFullness
            : words != bestWords ? words > bestWords
            : start < bestStart;
    }

    private static bool InSpans(TextSpan[] spans, TextSpan span)
    {
        foreach (var u in spans)
        {
            if (Covers(u, span))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The article's namings of claimants (of 16 words or fewer), with each one's name facts, word count and whether its
    /// words name a person (as the first naming of those words says), built once per article for every event's
    /// <see cref="Distinct"/>.
    /// </summary>
    private sealed class ClaimantNamings
    {
        private readonly Dictionary<TextSpan, bool> _person = [];

        public ClaimantNamings(Document doc)
        {
            var all = new List<ClaimantMention>();
            var words = new List<int>();
            foreach (var m in doc.Layer<ClaimantMention>(Layers.Actors))
            {
                var w = Words(m.Claimant.Name);
                if (w <= 16)
                {
                    all.Add(m);
                    words.Add(w);
                    _person.TryAdd(m.Claimant.Span, m.IsPerson);
                }
            }

            All = [.. all];
            Words = [.. words];
            Facts = new NameFacts[All.Length];
            Person = new bool[All.Length];
            for (var k = 0; k < All.Length; k++)
            {
                Facts[k] = NameFacts.Of(All[k].Claimant.Name);
                Person[k] = PersonOf(All[k].Claimant.Span);
            }
        }

        public ClaimantMention[] All { get; }

        public NameFacts[] Facts { get; }

        public int[] Words { get; }

        public bool[] Person { get; }

        public bool PersonOf(TextSpan span) => _person.GetValueOrDefault(span);
    }

    /// <summary>Words with no name in them ("the mayor's office", "local officials"), or a country alone ("Ukraine said").</summary>
    private static bool Weak(Claimant c, ClaimantEntry? entry) =>
        entry is not null ? entry.Kind == ClaimantKind.Government && Words(c.Name) == 1 : c.Canonical is null && Names(c.Name).Count == 0;

    private static bool SameClaimant(Claimant a, Claimant b) =>
        a.Canonical is not null && b.Canonical is not null ? a.Canonical == b.Canonical : SameClaimant(a, NameFacts.Of(a.Name), b, NameFacts.Of(b.Name));

    /// <summary><see cref="SameClaimant(Claimant, Claimant)"/> with the names' facts at hand.</summary>
    private static bool SameClaimant(Claimant a, NameFacts x, Claimant b, NameFacts y)
    {
        if (a.Canonical is not null && b.Canonical is not null)
        {
            return a.Canonical == b.Canonical;
        }

        if (ReferenceEquals(x, y))
        {
            return true;
        }

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
        /// <summary>
        /// This thread's facts by name: a name's facts depend on its characters alone, and reports repeat their
        /// claimants' names ("the air force", a governor's), so they are worked out once per name, not per string
        /// (each report's names are new strings, which a table by reference never found again).
        /// </summary>
        [ThreadStatic]
        private static Text.WordMemo<NameFacts>? t_facts;

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
        private bool? _allSideWords;

        public HashSet<string> Names { get; }

        public string Folded => _folded ??= ClaimantNames.Fold(_name);

        /// <summary>The name has capitalized words, and each is a side's word ("Russian", "Ukrainian"): a side's collective.</summary>
        public bool AllSideWords => _allSideWords ??= Names.Count > 0 && Names.All(n => Stages.Actors.ActorStage.SideOfWord(n) != Side.Unknown);

        public static NameFacts Of(string name)
        {
            var memo = t_facts ??= new Text.WordMemo<NameFacts>(1024);
            if (!memo.TryGet(name, out var facts))
            {
                facts = new NameFacts(name);
                memo.Set(name, facts);
            }

            return facts;
        }
    }
}
