using System.Collections.Immutable;
using Sitrep.Core;
using Sitrep.Extraction.Text;
using Sitrep.Geo;

namespace Sitrep.Extraction.Assembly;

/// <summary>
/// Turns an annotated document into events, in six named steps: <see cref="Segment"/> cuts the sentences into
/// units (a sentence that tells two attacks becomes two); <see cref="Classify"/> reads each unit's role (an attack,
/// a period's total, no attack) and facts; <see cref="Group"/> gives each attack unit the event the first applicable
/// rule of <see cref="JoinRules"/> says, and <see cref="SplitRules"/> may move it to another; <see cref="Build"/>
/// turns each draft into an event (figures as claims, the event's numbers derived from them; places resolved with
/// the article's other places as context); <see cref="BackFill"/> gives an event with no clue to its attacker the
/// attacker of the report's other events. <see cref="Explain"/> shows what each step decided for each unit.
/// </summary>
public sealed partial class EventAssembler(IPlaceLookup? places)
{
    private sealed class Draft
    {
        public DateMention? Date { get; set; }
        public bool IsAggregate { get; set; }
        public bool IsLead { get; set; }
        public bool DateIsWeak { get; set; }

        /// <summary>Started by an attack told in passing ("the day after a bombardment killed 39"): it takes no later sentences by paragraph.</summary>
        public bool IsPassing { get; set; }

        /// <summary>Started by rule <c>recall-dated</c>: an earlier attack the report recalls, which undated sentences after it go on with.</summary>
        public bool IsRecall { get; set; }
        public Side? Side { get; set; }
        public List<SentenceMention> Sentences { get; } = [];

        /// <summary>Indexes of <see cref="Sentences"/> in the unit list, in the same order.</summary>
        public List<int> Units { get; } = [];

        /// <summary>The rules that put each of <see cref="Sentences"/> here ("paragraph>other-side"), in the same order.</summary>
        public List<string> Rules { get; } = [];

        public void Add(SentenceMention s, int unit, string rule)
        {
            Sentences.Add(s);
            Units.Add(unit);
            Rules.Add(rule);
        }

        public IEnumerable<(SentenceMention Sentence, int Unit, string Rule)> Entries() =>
            Sentences.Select((s, k) => (s, Units[k], Rules[k]));

        public void Clear()
        {
            Sentences.Clear();
            Units.Clear();
            Rules.Clear();
        }
    }

    /// <summary>Mentions of each layer, bucketed by the unit (sentence or part of one) their start falls in.</summary>
    private sealed class Buckets(IReadOnlyList<SentenceMention> units)
    {
        private readonly int[] _starts = units.Select(u => u.Span.Start).ToArray();

        public int Count => _starts.Length;

        public int UnitOf(Mention m) => UnitAt(m.Span.Start);

        /// <summary>The unit the character at <paramref name="position"/> falls in, or -1 between units.</summary>
        public int UnitAt(int position)
        {
            var i = Array.BinarySearch(_starts, position);
            if (i < 0)
            {
                i = ~i - 1;
            }

            return i >= 0 && position < units[i].Span.End ? i : -1;
        }

        /// <summary>
        /// The mentions of each unit, in their order. A unit with none shares one empty list (the steps only read
        /// these lists), and the others are made as long as they need, in two passes over the mentions.
        /// </summary>
        public List<T>[] Of<T>(ImmutableArray<T> mentions)
            where T : Mention
        {
            var lists = new List<T>[_starts.Length];
            Span<int> unitOf = mentions.Length <= 256 ? stackalloc int[mentions.Length] : new int[mentions.Length];
            Span<int> counts = _starts.Length <= 256 ? stackalloc int[_starts.Length] : new int[_starts.Length];
            counts.Clear();
            for (var i = 0; i < mentions.Length; i++)
            {
                var u = unitOf[i] = UnitOf(mentions[i]);
                if (u >= 0)
                {
                    counts[u]++;
                }
            }

            for (var k = 0; k < lists.Length; k++)
            {
                lists[k] = counts[k] == 0 ? EmptyList<T>.Value : new List<T>(counts[k]);
            }

            for (var i = 0; i < mentions.Length; i++)
            {
                if (unitOf[i] >= 0)
                {
                    lists[unitOf[i]].Add(mentions[i]);
                }
            }

            return lists;
        }
    }

    /// <summary>The one empty list the buckets of units without mentions share: read, never written.</summary>
    private static class EmptyList<T>
    {
        public static readonly List<T> Value = new(0);
    }

    private readonly PlaceResolver? _resolver = places is null ? null : new PlaceResolver(places);

    /// <summary>The events of an article, and every place it names, resolved with the others as context.</summary>
    public (ImmutableArray<ExtractedEvent> Events, ImmutableArray<PlaceRef> Places) Assemble(Document doc)
    {
        var (resolvedPlaces, steps) = Run(doc);
        if (steps is null)
        {
            return ([], resolvedPlaces);
        }

        var built = new List<BuiltEvent>();
        foreach (var d in steps.Drafts)
        {
            if (d.Sentences.Count > 0 && Build(doc, d, steps.B) is { } ev)
            {
                built.Add(new BuiltEvent(ev, [.. d.Sentences.Select(s => s.Index)], d.IsPassing));
            }
        }

        var events = BackFill(built);
        Diagnose(doc, events, steps.B.AllPlaces, resolvedPlaces);
        return (events, resolvedPlaces);
    }

    /// <summary>
    /// What the steps decided for each unit of the article, in text order: its text, its role and the rule of it
    /// (<see cref="Classify"/>), and for an attack unit the join and split rules that placed it ("paragraph>other-side")
    /// and the index of its draft among the drafts that hold units (-1 when a rule dropped it).
    /// </summary>
    internal IReadOnlyList<UnitDecision> Explain(Document doc)
    {
        var (_, steps) = Run(doc);
        if (steps is null)
        {
            return [];
        }

        var decisions = new UnitDecision[steps.Units.Count];
        for (var u = 0; u < decisions.Length; u++)
        {
            steps.Dropped.TryGetValue(u, out var dropped);
            decisions[u] = new UnitDecision(doc.Text[steps.Units[u].Span.Start..steps.Units[u].Span.End], steps.Readings[u].Role, steps.Readings[u].Rule, dropped, -1);
        }

        var k = 0;
        foreach (var d in steps.Drafts.Where(d => d.Units.Count > 0))
        {
            foreach (var (_, unit, rule) in d.Entries())
            {
                decisions[unit] = decisions[unit] with { Event = k, Grouping = rule };
            }

            k++;
        }

        return decisions;
    }

    /// <summary>
    /// The build step alone: the event the given units of the article make as one draft (none when they hold no
    /// fact), whatever the grouping would have made of them.
    /// </summary>
    internal ExtractedEvent? BuildUnits(Document doc, IReadOnlyList<int> units)
    {
        var (_, steps) = Run(doc);
        if (steps is null)
        {
            return null;
        }

        var d = new Draft { IsLead = true };
        foreach (var u in units)
        {
            d.Add(steps.Units[u], u, "build-units");
        }

        return Build(doc, d, steps.B);
    }

    /// <summary>The steps up to the drafts: each unit, its reading, and the drafts they were grouped into.</summary>
    private sealed record Steps(List<SentenceMention> Units, SentenceReading[] Readings, List<Draft> Drafts, Dictionary<int, string> Dropped, Bucketed B);

    private (ImmutableArray<PlaceRef> Places, Steps? Steps) Run(Document doc)
    {
        var sentences = doc.Layer<SentenceMention>(Layers.Sentences);
        var allPlaces = doc.Layer<PlaceMention>(Layers.Places);
        var resolvedPlaces = ResolveAll(allPlaces);
        if (sentences.IsEmpty)
        {
            return (resolvedPlaces, null);
        }

        var resolvedOf = new Dictionary<PlaceMention, PlaceRef>(ReferenceEqualityComparer.Instance);
        for (var k = 0; k < allPlaces.Length; k++)
        {
            resolvedOf[allPlaces[k]] = resolvedPlaces[k];
        }

        var dates = doc.Layer<DateMention>(Layers.Dates);
        var weapons = doc.Layer<WeaponMention>(Layers.Weapons);
        var actors = ReadDirection(doc, doc.Layer<ActorMention>(Layers.Actors), weapons);
        var speakers = doc.Layer<SpeakerMention>(Layers.Actors);

        var figures = doc.Layer<FigureMention>(Layers.Figures);
        var casualties = doc.Layer<CasualtyMention>(Layers.Casualties);
        var counts = new List<int>(figures.Length + casualties.Length);
        foreach (var m in figures)
        {
            counts.Add(m.Span.Start);
        }

        foreach (var m in casualties)
        {
            counts.Add(m.Span.Start);
        }

        var units = Segment(doc, sentences, dates, counts);
        var buckets = new Buckets(units);
        var b = new Bucketed(buckets.Of(dates), buckets.Of(weapons), buckets.Of(allPlaces), buckets.Of(casualties), buckets.Of(figures),
            buckets.Of(actors), SpeakersByUnit(units, speakers), resolvedOf, SentenceOf(sentences), allPlaces, buckets);

        var readings = new SentenceReading[units.Count];
        for (var u = 0; u < units.Count; u++)
        {
            readings[u] = Classify(doc, units[u], u, b);
        }

        var otherSections = new HashSet<int>();
        var sectionOf = Sections(doc, units, otherSections);
        var grouping = new Grouping(doc, b, buckets, sectionOf, otherSections);
        var drafts = Group(grouping, units, readings);
        return (resolvedPlaces, new Steps(units, readings, drafts, grouping.Dropped, b));
    }

    /// <summary>
    /// For rule <c>shares-places</c>: the event, of those with units and not an aggregate, that shares the most with a
    /// unit (two points a mention of one of its places <paramref name="names"/>, one a weapon family of
    /// <paramref name="families"/>), when it shares something and no other event shares as much; null otherwise.
    /// </summary>
    private static Draft? SharedMost(List<Draft> drafts, HashSet<string> names, HashSet<WeaponFamily> families, Bucketed b)
    {
        if (names.Count == 0 && families.Count == 0)
        {
            return null;
        }

        Draft? best = null;
        int bestScore = 0, runnerUp = 0;
        Span<bool> seen = stackalloc bool[WeaponFamilyCount];
        foreach (var x in drafts)
        {
            if (x.IsAggregate || x.Units.Count == 0)
            {
                continue;
            }

            var score = 0;
            seen.Clear();
            foreach (var y in x.Units)
            {
                if (names.Count > 0)
                {
                    foreach (var p in b.Places[y])
                    {
                        if (!p.IsReference && names.Contains(b.Resolved[p].Name ?? p.Text))
                        {
                            score += 2;
                        }
                    }
                }

                foreach (var w in b.Weapons[y])
                {
                    var family = w.Weapon.Category.Family();
                    if (!seen[(int)family])
                    {
                        seen[(int)family] = true;
                        score += families.Contains(family) ? 1 : 0;
                    }
                }
            }

            if (best is null || score > bestScore)
            {
                runnerUp = best is null ? int.MinValue : bestScore;
                (best, bestScore) = (x, score);
            }
            else
            {
                runnerUp = Math.Max(runnerUp, score);
            }
        }

        return best is not null && bestScore > 0 && bestScore > runnerUp ? best : null;
    }

    private static readonly int WeaponFamilyCount = Enum.GetValues<WeaponFamily>().Length;

    /// <summary>What the engine could not resolve, said once per article so that an analyst can check it.</summary>
    private static void Diagnose(Document doc, IEnumerable<ExtractedEvent> events, ImmutableArray<PlaceMention> mentions, ImmutableArray<PlaceRef> resolved)
    {
        foreach (var e in events)
        {
            if (e.Date.Date is null && e.Date.Text.Length > 0 && e.Date.Precision is DatePrecision.Day or DatePrecision.Night)
            {
                doc.Report(new Diagnostic("SX201", DiagnosticSeverity.Warning,
                    doc.Article.Published is null
                        ? $"The date \"{e.Date.Text}\" could not be resolved: the report has no publication date. Add 'published:' to its header or pass --published."
                        : $"The date \"{e.Date.Text}\" could not be resolved against the publication date.",
                    e.Date.Span));
            }
        }

        var said = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var k = 0; k < resolved.Length; k++)
        {
            if (resolved[k].Latitude is null && said.Add(resolved[k].Text))
            {
                doc.Report(new Diagnostic("SX300", DiagnosticSeverity.Info,
                    $"The place \"{resolved[k].Text}\" is not in the gazetteer; it is kept with its text and no coordinates. Add it to tools/geodata/supplement.tsv to map it.",
                    mentions[k].Span));
            }
        }
    }

    private sealed record Bucketed(
        List<DateMention>[] Dates,
        List<WeaponMention>[] Weapons,
        List<PlaceMention>[] Places,
        List<CasualtyMention>[] Casualties,
        List<FigureMention>[] Figures,
        List<ActorMention>[] Actors,
        List<SpeakerMention>[] Speakers,
        Dictionary<PlaceMention, PlaceRef> Resolved,
        Func<Mention, int> SentenceOf,
        ImmutableArray<PlaceMention> AllPlaces,
        Buckets Index)
    {
        private ClaimantNamings? _namings;

        /// <summary>The article's namings of claimants, read once for all its events.</summary>
        public ClaimantNamings NamingsOf(Document doc) => _namings ??= new ClaimantNamings(doc);
    }

    /// <summary>
    /// Resolves every place mention of the article in one call, so that each is read in the light of the others
    /// ("Lozova in the Kharkiv region"); without a gazetteer, places keep their text only.
    /// </summary>
    private ImmutableArray<PlaceRef> ResolveAll(ImmutableArray<PlaceMention> mentions)
    {
        if (mentions.IsEmpty)
        {
            return [];
        }

        if (_resolver is null)
        {
            // Without a gazetteer the place stage finds nothing; a mention made elsewhere keeps its text only.
            return [.. mentions.Select(m => new PlaceRef(m.Text, m.Span))];
        }

        var queries = new PlaceQuery[mentions.Length];
        for (var k = 0; k < queries.Length; k++)
        {
            var m = mentions[k];
            queries[k] = new PlaceQuery(m.Text, m.Span, m.Candidates, (PlaceQueryHint)(int)m.Hint, m.ContainerIndex);
        }

        return _resolver.Resolve(queries, null);
    }
}
