using System.Collections.Immutable;
using Sitrep.Core;
using Sitrep.Extraction.Text;
using Sitrep.Geo;

namespace Sitrep.Extraction.Assembly;

/// <summary>
/// Turns an annotated document into events. Sentences that speak of an attack are grouped: a sentence
/// with its own date that differs from the lead attack's starts (or joins) the event of that date; a
/// sentence that sets a period ("since the war began") feeds an aggregate; other sentences join the event of
/// their paragraph, else the lead event. Within an event, figures become claims and the event's numbers
/// derive from them (per weapon family: the largest current figure; casualties likewise, a revision
/// superseding what it revises). Places resolve with the event's other places as context.
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
        public Side? Side { get; set; }
        public List<SentenceMention> Sentences { get; } = [];

        /// <summary>Indexes of <see cref="Sentences"/> in the unit list, in the same order.</summary>
        public List<int> Units { get; } = [];

        public void Add(SentenceMention s, int unit)
        {
            Sentences.Add(s);
            Units.Add(unit);
        }
    }

    /// <summary>Mentions of each layer, bucketed by the unit (sentence or part of one) their start falls in.</summary>
    private sealed class Buckets(IReadOnlyList<SentenceMention> units)
    {
        private readonly int[] _starts = units.Select(u => u.Span.Start).ToArray();

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

        public List<T>[] Of<T>(ImmutableArray<T> mentions)
            where T : Mention
        {
            var lists = new List<T>[_starts.Length];
            for (var k = 0; k < lists.Length; k++)
            {
                lists[k] = [];
            }

            foreach (var m in mentions)
            {
                var u = UnitOf(m);
                if (u >= 0)
                {
                    lists[u].Add(m);
                }
            }

            return lists;
        }
    }

    private readonly PlaceResolver? _resolver = places is null ? null : new PlaceResolver(places);

    /// <summary>The events of an article, and every place it names, resolved with the others as context.</summary>
    public (ImmutableArray<ExtractedEvent> Events, ImmutableArray<PlaceRef> Places) Assemble(Document doc)
    {
        var sentences = doc.Layer<SentenceMention>(Layers.Sentences);
        var allPlaces = doc.Layer<PlaceMention>(Layers.Places);
        var resolvedPlaces = ResolveAll(allPlaces);
        if (sentences.IsEmpty)
        {
            return ([], resolvedPlaces);
        }

        var resolvedOf = new Dictionary<PlaceMention, PlaceRef>(ReferenceEqualityComparer.Instance);
        for (var k = 0; k < allPlaces.Length; k++)
        {
            resolvedOf[allPlaces[k]] = resolvedPlaces[k];
        }

        var dates = doc.Layer<DateMention>(Layers.Dates);
        var weapons = doc.Layer<WeaponMention>(Layers.Weapons);
        var placeMentions = doc.Layer<PlaceMention>(Layers.Places);
        var casualties = doc.Layer<CasualtyMention>(Layers.Casualties);
        var figures = doc.Layer<FigureMention>(Layers.Figures);
        var actors = ReadDirection(doc, doc.Layer<ActorMention>(Layers.Actors), weapons);
        var speakers = doc.Layer<SpeakerMention>(Layers.Actors);

        var units = Segments(doc, sentences, dates).ToList();
        var buckets = new Buckets(units);
        var b = new Bucketed(buckets.Of(dates), buckets.Of(weapons), buckets.Of(placeMentions), buckets.Of(casualties), buckets.Of(figures), buckets.Of(actors), SpeakersByUnit(units, speakers), resolvedOf, SentenceOf(sentences), allPlaces);

        var drafts = new List<Draft>();
        var lead = new Draft { IsLead = true };
        drafts.Add(lead);
        Draft? aggregate = null;
        var paragraphEvent = new Dictionary<int, Draft>();
        var otherSections = new HashSet<int>();
        var sectionOf = Sections(doc, units, otherSections);
        var sectionEvent = new Dictionary<int, Draft>();
        var draftOfUnit = new Draft?[units.Count];

        // Totals over a period ("since the war began", "in March") gather in one aggregate, dated by the first.
        void ToAggregate(DateMention period, SentenceMention s, int u)
        {
            if (aggregate is null)
            {
                aggregate = new Draft { IsAggregate = true, Date = period };
                drafts.Add(aggregate);
            }

            aggregate.Add(s, u);
        }

        for (var u = 0; u < units.Count; u++)
        {
            var s = units[u];
            var sFigures = b.Figures[u];
            var sCasualties = b.Casualties[u];
            var sWeapons = b.Weapons[u];
            var isAttack = sFigures.Count > 0 || sCasualties.Count > 0 || ((sWeapons.Count > 0 || HasAttackWord(doc, s)) && !IsHypothetical(doc, s) && !IsGeneric(doc, s));
            if (!isAttack)
            {
                continue;
            }

            if (IsCaption(doc, s))
            {
                continue;
            }

            var sDates = DatesOutsideUpdateHead(doc, s, b.Dates[u]);
            if (sDates.Any(d => d.IsPeriod) && sFigures.Count == 0 && sCasualties.Count == 0)
            {
                continue; // "shelled border communities 27 times over the past day": a tally, no attack of its own
            }

            if (sDates.Any(d => d.IsPeriod))
            {
                ToAggregate(sDates.First(d => d.IsPeriod), s, u);
                continue;
            }

            var date = OvernightOfStoryDay(ChooseDate(doc, s, sDates, out var weakDate), lead);
            if (date is not null && doc.Lower(date.TokenIndex - 1) == "since" && (sFigures.Count > 0 || sCasualties.Count > 0))
            {
                // "has not struck Kyiv since August 26, when it launched more than 200 drones": a record, told as background.
                ToAggregate(date, s, u);
                continue;
            }
            var sideCue = b.Actors[u].Where(a => a.IsAttacker).Select(a => a.Side).Distinct().ToList();
            var placeSide = AttackerFromPlaces(b.Places[u].Where(p => !p.IsReference).Select(p => resolvedOf[p]));
            var hasFigures = sFigures.Count > 0 || sCasualties.Count > 0 || sWeapons.Count > 0;
            var side = placeSide ?? (sideCue.Count == 1 && hasFigures ? sideCue[0] : (Side?)null)
                       ?? (sideCue.Count == 0 && hasFigures ? AttackerFromTargetCountry(doc, b.Places[u], resolvedOf) : null);
            Draft target;
            if (date is not null && date.Date.Precision == DatePrecision.Month && sFigures.Count + sCasualties.Count > 0 && date.Date.Date is null)
            {
                // "In March, Ukraine fired dozens of drones": a month's total, not one attack.
                ToAggregate(date, s, u);
                continue;
            }

            var passing = IsPassingDate(date);
            var separate = SeparateAttackRule(doc, s);
            var refersBack = false;
            if (date is not null && !passing && (lead.Date is null || (lead.DateIsWeak && Near(lead.Date, date))) && drafts.Count(x => !x.IsAggregate) == 1 && (side is null || lead.Side is null || side == lead.Side)
                && !(IsBullet(doc, s) && lead.Units.Count > 0) && !TellsOtherAttack(lead, u, b))
            {
                // The first date of an attack dates the lead, which may already hold undated sentences (a headline);
                // it replaces a weak date (the day the report was filed).
                lead.Date = date;
                lead.DateIsWeak = false;
                target = lead;
            }
            else if (date is null && weakDate is not null && lead.Date is null && drafts.Count(x => !x.IsAggregate) == 1)
            {
                // "Russian authorities announced today that a woman was killed": the report's day dates the lead
                // until a better date comes.
                lead.Date = weakDate;
                lead.DateIsWeak = true;
                target = lead;
            }
            else if (date is not null && !SameDay(date, lead.Date) && Splits(date))
            {
                target = drafts.FirstOrDefault(d => !d.IsAggregate && d.Date is not null && SameDay(d.Date, date) && (side is null || d.Side is null || d.Side == side))
                         ?? New(drafts, date, side);
            }
            else if (date is null && paragraphEvent.TryGetValue(s.Paragraph, out var p) && separate is null)
            {
                target = p;
            }
            else if (date is null && separate is null && ReferredEvent(u, b, buckets, draftOfUnit) is { } referred)
            {
                target = referred;
                refersBack = true;
            }
            else if (date is null && sectionEvent.TryGetValue(sectionOf[u], out var sectionDraft) && separate is null)
            {
                target = sectionDraft;
            }
            else if (separate is not null && lead.Units.Count > 0)
            {
                // "Separately, …" keeps the day of the report's attack; another attack "later" or "in a separate
                // incident" has only the day its own words give.
                target = New(drafts, date ?? (separate == "separately" ? lead.Date : null), side);
            }
            else
            {
                target = date is not null ? drafts.FirstOrDefault(d => !d.IsAggregate && d.Date is not null && SameDay(d.Date, date)) ?? lead : lead;
            }

            // An undated sentence joins the event it shares places (then weapons) with, when several could take it.
            var newAttackRule = NewAttackRule(doc, s, sDates);
            var newAttackCue = newAttackRule is not null || separate is not null;
            if (date is null && !refersBack && !paragraphEvent.ContainsKey(s.Paragraph) && drafts.Count(x => !x.IsAggregate && x.Units.Count > 0) > 1 && !newAttackCue)
            {
                var names = b.Places[u].Where(p => !p.IsReference).Select(p => resolvedOf[p].Name ?? p.Text).ToHashSet(StringComparer.OrdinalIgnoreCase);
                var families = sWeapons.Select(w => w.Weapon.Category.Family()).ToHashSet();
                var scored = drafts.Where(x => !x.IsAggregate && x.Units.Count > 0)
                    .Select(x => (Draft: x, Score: (2 * x.Units.SelectMany(y => b.Places[y]).Count(p => !p.IsReference && names.Contains(resolvedOf[p].Name ?? p.Text)))
                                                   + x.Units.SelectMany(y => b.Weapons[y]).Select(w => w.Weapon.Category.Family()).Distinct().Count(families.Contains)))
                    .OrderByDescending(x => x.Score).ToList();
                if (scored[0].Score > 0 && (scored.Count == 1 || scored[0].Score > scored[1].Score) && (side is null || scored[0].Draft.Side is null || scored[0].Draft.Side == side))
                {
                    target = scored[0].Draft;
                }
            }

            // "Russian forces also used kamikaze drones and artillery in the Dnipropetrovsk region": another attack
            // that day, by other weapons, is another event. "Russia also fired two missiles during the attack" names
            // no other region: the same attack, with another weapon.
            if (newAttackCue && sWeapons.Count > 0 && target.Units.Count > 0 && (newAttackRule != "also-verb" || separate is not null || !SharesRegion(target, u, b)))
            {
                var had = target.Units.SelectMany(x => b.Weapons[x]).Select(w => w.Weapon.Category.Family()).ToHashSet();
                var now = sWeapons.Select(w => w.Weapon.Category.Family()).ToHashSet();
                var hadModels = target.Units.SelectMany(x => b.Weapons[x]).Select(w => w.Weapon.Model).ToHashSet(StringComparer.Ordinal);
                var otherModels = sWeapons.All(w => w.Weapon.Model is not null && !hadModels.Contains(w.Weapon.Model));
                if (had.Count > 0 && (!had.Overlaps(now) || otherModels))
                {
                    var d3 = target.Date;
                    var s3 = side ?? target.Side;
                    target = New(drafts, d3, s3);
                }
            }

            // Opposite sides on one day are two events (Russia's wave on Ukraine, Ukraine's drones over Russia).
            if (side is not null)
            {
                target.Side ??= side;
                if (target.Side != side)
                {
                    var d2 = target.Date;
                    var existing = drafts.FirstOrDefault(d => !d.IsAggregate && d.Side == side && SameDay(d.Date, d2) && SharesRegion(d, u, b));
                    var concretePlace = b.Places[u].Any(p => !p.IsReference && resolvedOf[p].Feature is "populated_place" or "facility" && !IsCapital(resolvedOf[p]));
                    if (existing is null && sFigures.Count == 0 && sCasualties.Count == 0 && !(date is not null && sWeapons.Count > 0) && !concretePlace)
                    {
                        // A passing mention of the other side's attacks ("to counter Russian attacks") is no event.
                        continue;
                    }

                    target = existing ?? New(drafts, d2, side);
                }
            }

            // Rule other-settlement-toll: in a roundup, "In the village of X, a drone injured two residents" after
            // a toll told of the city Y is another attack: a settlement of its own, not named in the event, with its
            // own toll, while every toll of the event is of other settlements.
            if (!passing && !refersBack && separate is null && sCasualties.Count > 0 && target.Units.Count > 0
                && (date is null || SameDay(date, target.Date)) && TollOfOtherSettlement(target, u, b))
            {
                target = New(drafts, target.Date, target.Side);
            }

            // A section of the report that counts the attack again, differently ("12 missiles" on the city, then "70
            // missiles" across the country under a heading of its own), tells another scope of it: another event.
            if (!passing && sectionOf[u] > 0 && !sectionEvent.ContainsKey(sectionOf[u]) && CountsOtherScope(target, u, sectionOf, b))
            {
                target = New(drafts, target.Date, target.Side);
                sectionEvent[sectionOf[u]] = target;
            }

            // Under "Attacks in other regions", the first attack told (not the heading) is another event, with the day
            // its own words give; the section's later sentences join it unless they give another day.
            var heading = u > 0 && sectionOf[u - 1] != sectionOf[u];
            if (!passing && !heading && otherSections.Contains(sectionOf[u]) && target.Units.Count > 0)
            {
                if (!sectionEvent.TryGetValue(sectionOf[u], out var other))
                {
                    target = New(drafts, date, side);
                    sectionEvent[sectionOf[u]] = target;
                }
                else if (date is null || other.Date is null || SameDay(date, other.Date))
                {
                    target = other;
                }
            }

            if (passing && target != lead && target.Units.Count == 0)
            {
                target.IsPassing = true;
            }

            target.Add(s, u);
            draftOfUnit[u] = target;
            if (!passing && !target.IsPassing)
            {
                paragraphEvent[s.Paragraph] = target;
            }
        }

        MergeUndatedLead(drafts, b);


        var built = new List<(Draft Draft, ExtractedEvent Event)>();
        foreach (var d in drafts)
        {
            if (d.Sentences.Count == 0)
            {
                continue;
            }

            var ev = Build(doc, d, b);
            if (ev is not null)
            {
                built.Add((d, ev));
            }
        }

        // An event with no clue to its attacker shares the attacker of the event its sentence also tells of
        // ("the toll of the Russian attack on December 29 …, and that of the strikes on the night of …").
        for (var k = 0; k < built.Count; k++)
        {
            var (d, ev) = built[k];
            if (ev.Attacker != Side.Unknown)
            {
                continue;
            }

            var sibling = d.IsPassing ? default : built.FirstOrDefault(o => o.Draft != d && o.Event.Attacker != Side.Unknown && o.Draft.Sentences.Any(x => d.Sentences.Any(y => y.Index == x.Index)));
            if (sibling.Event is not null)
            {
                built[k] = (d, ev with { Attacker = sibling.Event.Attacker, TargetCountry = ev.TargetCountry == Country.Other ? sibling.Event.TargetCountry : ev.TargetCountry });
            }
        }

        // Still no clue: when every other attack the report tells is by one side, so is this one
        // ("Separately, the mayor reported a drone attack" in a report of Russian strikes).
        var sides = built.Select(x => x.Event.Attacker).Where(a => a != Side.Unknown).Distinct().ToList();
        if (sides.Count == 1)
        {
            for (var k = 0; k < built.Count; k++)
            {
                if (built[k].Event.Attacker == Side.Unknown && built[k].Event.Kind == EventKind.Strike)
                {
                    var ev = built[k].Event;
                    built[k] = (built[k].Draft, ev with { Attacker = sides[0], TargetCountry = ev.TargetCountry == Country.Other ? (sides[0] == Side.Russia ? Country.Ukraine : Country.Russia) : ev.TargetCountry });
                }
            }
        }

        Diagnose(doc, built.Select(x => x.Event), allPlaces, resolvedPlaces);
        return ([.. built.Select(x => x.Event)], resolvedPlaces);
    }

    /// <summary>
    /// Who attacked, judged from the places hit in a sentence: places in Ukraine mean Russia attacked; places in
    /// Russia, Belarus or occupied Ukraine mean Ukraine did. Null when the places disagree or there are none.
    /// </summary>
    private static Side? AttackerFromPlaces(IEnumerable<PlaceRef> places)
    {
        Side? side = null;
        foreach (var p in places)
        {
            if (p.Country is null || p.Feature == "country")
            {
                continue;
            }

            Side? s = p.Country == "UA" && !p.Occupied ? Side.Russia : p.Country is "RU" or "BY" || p.Occupied ? Side.Ukraine : null;
            if (s is null)
            {
                continue;
            }

            if (side is not null && side != s)
            {
                return null;
            }

            side = s;
        }

        return side;
    }

    /// <summary>
    /// "On March 2, a Russian drone struck a building in the city, killing 12" late in a report whose undated lead told
    /// of a missile strike that killed 20: a sentence with its own toll and only other weapons than the lead's is
    /// another attack, and its date is not the lead's.
    /// </summary>
    private static bool TellsOtherAttack(Draft lead, int u, Bucketed b)
    {
        if (lead.Units.Count == 0 || b.Casualties[u].Count == 0 || b.Weapons[u].Count == 0)
        {
            return false;
        }

        var leadCasualties = lead.Units.SelectMany(x => b.Casualties[x]).ToList();
        var otherToll = b.Casualties[u].Any(c => !c.IsRevision && leadCasualties.Any(l => l.Kind == c.Kind) && !leadCasualties.Any(l => l.Kind == c.Kind && l.Value == c.Value));
        var leadFamilies = lead.Units.SelectMany(x => b.Weapons[x]).Select(w => w.Weapon.Category.Family()).ToHashSet();
        var otherWeapons = leadFamilies.Count > 0 && !b.Weapons[u].Any(w => leadFamilies.Contains(w.Weapon.Category.Family()));
        return otherToll && otherWeapons;
    }

    /// <summary>
    /// Whether the sentence counts launched or destroyed weapons of a family that the event counted differently in an
    /// earlier section of the report.
    /// </summary>
    private static bool CountsOtherScope(Draft target, int u, int[] sectionOf, Bucketed b)
    {
        var now = b.Figures[u].Where(f => !f.IsIncrement && !f.IsCombined && f.Kind is FigureKind.Launched or FigureKind.Destroyed).ToList();
        if (now.Count == 0)
        {
            return false;
        }

        // The earlier sections tell of one region's strike (all their places in one region), the new count is larger.
        var earlier = target.Units.Where(x => sectionOf[x] < sectionOf[u]).ToList();
        var regions = earlier.SelectMany(x => b.Places[x]).Where(p => !p.IsReference).Select(p => b.Resolved[p]).Where(p => p.Feature != "country").Select(p => p.Admin1 ?? p.Name).Distinct().ToList();
        if (regions.Count != 1)
        {
            return false;
        }

        var before = earlier.SelectMany(x => b.Figures[x]).Where(f => !f.IsCombined).ToList();
        return now.Any(f => before.Any(g => g.Kind == f.Kind && g.Weapon.Category.Family() == f.Weapon.Category.Family() && g.Value < f.Value))
               && !now.Any(f => before.Any(g => g.Kind == f.Kind && g.Weapon.Category.Family() == f.Weapon.Category.Family() && g.Value >= f.Value));
    }

    /// <summary>
    /// Rule <c>refers-back</c>: a sentence whose words are attributed by a pronoun or a reference back ("According to
    /// him, …", "…, she added", "the ministry also said") to someone named in an earlier sentence continues the event
    /// that sentence told, the nearest such one when several are referred to.
    /// </summary>
    private static Draft? ReferredEvent(int u, Bucketed b, Buckets buckets, Draft?[] draftOfUnit)
    {
        Draft? found = null;
        var at = -1;
        foreach (var sp in b.Speakers[u])
        {
            var named = sp.Claimant.Span;
            var unit = sp.Cue.Start >= sp.Span.Start && named.End <= sp.Span.Start && named.End <= sp.Cue.Start ? buckets.UnitAt(named.Start) : -1;
            if (unit >= 0 && unit < u && unit > at && draftOfUnit[unit] is { IsAggregate: false } d && !SpeaksInOthers(sp.Claimant, d))
            {
                found = d;
                at = unit;
            }
        }

        return found;

        // Someone who spoke of several attacks already ("the governor" of both strikes on a city) says nothing of which.
        bool SpeaksInOthers(Claimant c, Draft d)
        {
            for (var k = 0; k < u; k++)
            {
                if (draftOfUnit[k] is { IsAggregate: false } other && other != d && b.Speakers[k].Any(x => x.Cue.Start >= x.Span.Start && SameClaimant(x.Claimant, c)))
                {
                    return true;
                }
            }

            return false;
        }
    }

    /// <summary>
    /// Rule <c>other-region</c>, for a sentence that would join an event told before: it may when either names no place
    /// hit, or some place of each lies in one region ("the airbase near Engels" and "the Saratov region"); a sentence
    /// that names only places in other regions ("Authorities in the Bryansk region also reported shooting down
    /// drones") tells another attack.
    /// </summary>
    private static bool SharesRegion(Draft d, int u, Bucketed b)
    {
        var now = Regions(b.Places[u], b);
        if (now.Count == 0)
        {
            return true;
        }

        var had = Regions(d.Units.SelectMany(x => b.Places[x]), b);
        return had.Count == 0 || had.Overlaps(now);
    }

    /// <summary>
    /// Whether unit <paramref name="u"/> names only settlements (towns, villages) the event does not, and every unit
    /// of the event with a toll names a settlement, none of them these: another place's toll, another attack.
    /// </summary>
    private static bool TollOfOtherSettlement(Draft d, int u, Bucketed b)
    {
        static string Key(PlaceRef p) => p.Name ?? p.Text;
        var now = b.Places[u].Where(p => !p.IsReference).Select(p => b.Resolved[p]).ToList();
        if (now.Count == 0 || now.Any(p => p.Feature != "populated_place"))
        {
            return false;
        }

        var had = d.Units.SelectMany(x => b.Places[x]).Where(p => !p.IsReference).Select(p => Key(b.Resolved[p])).ToHashSet(StringComparer.OrdinalIgnoreCase);
        if (now.Any(p => had.Contains(Key(p))))
        {
            return false;
        }

        var tolls = d.Units.Where(x => b.Casualties[x].Count > 0).ToList();
        return tolls.Count > 0 && tolls.All(x => b.Places[x].Any(p => !p.IsReference && b.Resolved[p].Feature == "populated_place"));
    }

    /// <summary>The regions (admin1, else the name) of the places hit among <paramref name="places"/>, countries left out.</summary>
    private static HashSet<string> Regions(IEnumerable<PlaceMention> places, Bucketed b) =>
        places.Where(p => !p.IsReference).Select(p => b.Resolved[p]).Where(p => p.Feature != "country").Select(p => p.Admin1 ?? p.Name ?? p.Text).ToHashSet(StringComparer.Ordinal);

    private static Draft New(List<Draft> drafts, DateMention? date, Side? side)
    {
        var d = new Draft { Date = date, Side = side };
        drafts.Add(d);
        return d;
    }

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

    /// <summary>
    /// A lead without a date of its own ("The death toll from the strike on Dnipro has risen to five") is the
    /// same attack as a dated event on the same place later in the report ("On the evening of 25 October,
    /// Russian troops launched a missile attack on Dnipro").
    /// </summary>
    private static void MergeUndatedLead(List<Draft> drafts, Bucketed b)
    {
        var lead = drafts[0];
        if (lead.Date is not null || lead.Sentences.Count == 0)
        {
            return;
        }

        HashSet<string> Keys(Draft d) => d.Units.SelectMany(u => b.Places[u]).Where(p => !p.IsReference).Select(p => PlaceNames.Fold(p.Text.Split(' ')[0])).ToHashSet(StringComparer.Ordinal);
        var leadKeys = Keys(lead);
        var matches = drafts.Skip(1).Where(d => !d.IsAggregate && d.Sentences.Count > 0 && (leadKeys.Count == 0 ? false : Keys(d).Overlaps(leadKeys))).ToList();
        if (matches.Count != 1)
        {
            return;
        }

        var target = matches[0];
        var merged = lead.Sentences.Zip(lead.Units).Concat(target.Sentences.Zip(target.Units)).OrderBy(x => x.Second).ToList();
        target.Sentences.Clear();
        target.Units.Clear();
        foreach (var (sentence, unit) in merged)
        {
            target.Add(sentence, unit);
        }

        lead.Sentences.Clear();
        lead.Units.Clear();
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
        ImmutableArray<PlaceMention> AllPlaces);

    private ExtractedEvent? Build(Document doc, Draft d, Bucketed b)
    {
        var evFigures = d.Units.SelectMany(u => b.Figures[u]).ToList();
        var evWeapons = d.Units.SelectMany(u => b.Weapons[u]).ToList();
        var evCasualties = d.Units.SelectMany(u => b.Casualties[u]).ToList();

        // The claimant of a figure is the one its words are attributed to (see EventAssembler.Claimants.cs).
        var unitOfFigure = new Dictionary<Mention, int>(ReferenceEqualityComparer.Instance);
        foreach (var u in d.Units)
        {
            foreach (var f in b.Figures[u])
            {
                unitOfFigure[f] = u;
            }

            foreach (var c in b.Casualties[u])
            {
                unitOfFigure[c] = u;
            }
        }

        Claimant? ClaimantOfMention(Mention m) => unitOfFigure.TryGetValue(m, out var u) ? SpeakerOf(b.Speakers[u], m.Span) : null;

        // Weapons, by family: figures decide the category when they have one.
        var perWeapon = evFigures.Any(f => !f.IsCombined);
        var useFigures = evFigures.Where(f => perWeapon ? !f.IsCombined : true).ToList();
        var families = new List<WeaponFamily>();
        foreach (var f in useFigures)
        {
            AddOnce(families, f.Weapon.Category.Family());
        }

        foreach (var w in evWeapons)
        {
            if (w.Weapon.Category != WeaponCategory.Other || !w.IsActivity)
            {
                AddOnce(families, w.Weapon.Category.Family());
            }
        }

        var uses = ImmutableArray.CreateBuilder<WeaponUse>();
        foreach (var family in families)
        {
            var famFigures = useFigures.Where(f => f.Weapon.Category.Family() == family).ToList();
            var famMentions = evWeapons.Where(w => w.Weapon.Category.Family() == family).ToList();
            if (family == WeaponFamily.Other && famFigures.Count == 0)
            {
                continue; // an airstrike named with no weapon says nothing countable
            }

            var evidenceSpan = famMentions.Count > 0 ? famMentions[0].Span : famFigures[0].Span;
            var groups = GroupByWeapon(famFigures, b.SentenceOf);
            if (groups.Count <= 1)
            {
                var category = MostSpecific(famFigures.Select(f => f.Weapon.Category).Concat(famMentions.Select(m => m.Weapon.Category)));
                var model = famFigures.Select(f => f.Weapon.Model).Concat(famMentions.Select(m => m.Weapon.Model)).FirstOrDefault(m => m is not null);
                uses.Add(new WeaponUse(new WeaponRef(category, model), doc.Evidence(evidenceSpan)) { Claims = Claims(famFigures) });
                continue;
            }

            // Several models of one family ("5 KN-23 and 7 Kinzhal ballistic missiles and 20 cruise missiles"): one entry each.
            foreach (var (weapon, figs) in groups)
            {
                uses.Add(new WeaponUse(weapon, doc.Evidence(figs[0].Span)) { Claims = Claims(figs) });
            }
        }

        ImmutableArray<FigureClaim> Claims(List<FigureMention> figs)
        {
            // "two more drones were destroyed" adds to the figure told before it.
            var running = new Dictionary<FigureKind, int>();
            var claims = ImmutableArray.CreateBuilder<FigureClaim>(figs.Count);
            foreach (var f in figs.OrderBy(f => f.Span.Start))
            {
                var value = f.IsIncrement && running.TryGetValue(f.Kind, out var before) ? Counts.Add(before, f.Value) : f.Value;
                running[f.Kind] = value;
                claims.Add(new FigureClaim(f.Kind, value, f.Qualifier, doc.Evidence(f.Span), f.Weapon, ClaimantOfMention(f))
                {
                    Rule = "figures/" + f.Rule + (value != f.Value ? "+earlier" : ""),
                });
            }

            return claims.MoveToImmutable();
        }

        var casualtyClaims = evCasualties.Select(c => new FigureClaim(c.Kind, c.Value, c.Qualifier, doc.Evidence(c.Span), null, ClaimantOfMention(c))
        {
            Rule = "casualties/" + c.Rule,
            IsCurrent = !c.IsSuperseded,
        }).ToImmutableArray();
        casualtyClaims = MarkRevised(casualtyClaims, evCasualties);
        var sentences = doc.Layer<SentenceMention>(Layers.Sentences);
        casualtyClaims = AddIncrements(casualtyClaims, evCasualties, b.SentenceOf, m => sentences[b.SentenceOf(m)].IsHeadline);

        // Places hit: not reference points, not whole countries at war.
        var evPlaces = d.Units.SelectMany(u => b.Places[u]).Where(p => !p.IsReference).ToList();
        var resolved = evPlaces.Select(p => b.Resolved[p]).ToList();
        var kept = resolved.Where(p => p.Feature != "country" && (p.Country is null or "UA" or "RU" or "BY" or "MD")).ToList();
        // A place named in the event brings the region the report puts it in ("Tatarstan, where Kazan is located").
        foreach (var m in evPlaces.ToList())
        {
            // The link may sit on another mention of the same place.
            var id = b.Resolved[m].GazetteerId;
            var linked = m.ContainerIndex is not null ? m : b.AllPlaces.FirstOrDefault(o => o.ContainerIndex is not null && id is not null && b.Resolved[o].GazetteerId == id);
            if (linked?.ContainerIndex is int c && c >= 0 && c < b.AllPlaces.Length && !evPlaces.Contains(b.AllPlaces[c]) && !b.AllPlaces[c].IsReference)
            {
                evPlaces.Add(b.AllPlaces[c]);
                if (b.Resolved[b.AllPlaces[c]] is { Feature: not "country" } container)
                {
                    kept.Add(container);
                }
            }
        }

        // A city's district is its city (rule city-district), however often it is named.
        var districts = evPlaces.Where(m => IsCityDistrict(doc, m, kept, b)).ToList();
        var districtNames = districts.Select(m => PlaceNames.Fold(m.Text.Split(' ')[0])).ToHashSet(StringComparer.Ordinal);
        kept.RemoveAll(p => districts.Any(m => ReferenceEquals(b.Resolved[m], p)) || (p.Feature != "admin1" && districtNames.Contains(PlaceNames.Fold(p.Text.Split(' ')[0]))));

        // One place once, however often and however spelled ("Oriol region", "Oriol"), as first named; a facility named
        // twice ("the Dnipro Dam", "the Dnipro Hydroelectric Power Plant") by its fullest name.
        var uniquePlaces = new List<PlaceRef>();
        var seenNames = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var p in kept)
        {
            var key = p.GazetteerId ?? PlaceNames.Fold(p.Text);
            if (!seenNames.TryGetValue(key, out var at))
            {
                seenNames[key] = uniquePlaces.Count;
                uniquePlaces.Add(p);
            }
            else if (Stages.Places.PlaceStage.IsFacilityName(p.Text) && Stages.Places.PlaceStage.IsFacilityName(uniquePlaces[at].Text) && p.Text.Length > uniquePlaces[at].Text.Length)
            {
                uniquePlaces[at] = p;
            }
        }

        // Attacker: explicit cues, then the target's country.
        var sides = d.Units.SelectMany(u => b.Actors[u]).Where(a => a.IsAttacker).GroupBy(a => a.Side).OrderByDescending(g => g.Count()).ToList();
        var targetCountry = uniquePlaces.Where(p => p.Country is not null).GroupBy(p => p.Country!).OrderByDescending(g => g.Count()).Select(g => g.Key).FirstOrDefault();
        var occupied = uniquePlaces.Count > 0 && uniquePlaces.All(p => p.Occupied);
        var attacker = d.Side ?? (sides.Count > 0 && (sides.Count == 1 || sides[0].Count() > sides[1].Count()) ? sides[0].Key : (Side?)null)
                          ?? (occupied ? Side.Ukraine : targetCountry switch { "UA" => Side.Russia, "RU" or "BY" => Side.Ukraine, _ => (Side?)null })
                          ?? AttackerFromTargetCountry(doc, d.Units.SelectMany(u => b.Places[u]), b.Resolved) ?? Side.Unknown;
        var target = targetCountry is null ? attacker switch { Side.Russia => Country.Ukraine, Side.Ukraine => Country.Russia, _ => Country.Other } : Parties.CountryOfIso(targetCountry);
        if (target.SideOf() == attacker && !occupied)
        {
            target = attacker == Side.Russia ? Country.Ukraine : Country.Russia;
        }

        casualtyClaims = ContestAttackerTolls(casualtyClaims, attacker);
        var hasFacts = uses.Count > 0 || casualtyClaims.Length > 0 || uniquePlaces.Count > 0;
        if (!hasFacts)
        {
            return null;
        }

        var date = d.Date?.Date ?? (d.IsLead && !d.IsAggregate && doc.Article.Published is { } pub
            ? new EventDate(pub, DatePrecision.Day, "", default)
            : EventDate.Unknown);
        if (d.IsAggregate)
        {
            date = d.Date?.Date is { } ad ? ad with { Date = ad.Date } : EventDate.Unknown;
        }

        return new ExtractedEvent
        {
            Kind = d.IsAggregate ? EventKind.Aggregate : EventKind.Strike,
            Date = date,
            Attacker = attacker,
            TargetCountry = target,
            Places = [.. uniquePlaces],
            Weapons = uses.ToImmutable(),
            Casualties = casualtyClaims,
            // A contested toll's claimant says nothing of the event's figures.
            Claimants = EventClaimants(doc, d.Units, [.. d.Sentences.Select(s => s.Span)], b, evFigures.Concat<Mention>(evCasualties.Where((_, i) => !casualtyClaims[i].Rule.EndsWith(AttackerClaim, StringComparison.Ordinal)))),
            Quotes = [.. d.Sentences.Select(s => doc.Evidence(s.Span))],
            Location = PlaceResolver.BestLocation(uniquePlaces),
        };
    }

    /// <summary>
    /// Rule <c>attacker-claim</c>: a toll the attacking side gives for its own strike ("Russian authorities claimed that
    /// the strike killed 85"), where the report also gives that toll from someone else (the side hit, officials, the
    /// report itself), is a contested claim: kept, not current, so the event's figure is the other's. Alone, the
    /// attacker's toll stays the figure.
    /// </summary>
    private const string AttackerClaim = "+attacker-claim";

    private static ImmutableArray<FigureClaim> ContestAttackerTolls(ImmutableArray<FigureClaim> claims, Side attacker)
    {
        if (attacker == Side.Unknown || !claims.Any(c => c.IsCurrent && c.Claimant?.Side == attacker))
        {
            return claims;
        }

        return [.. claims.Select(c => c.IsCurrent && c.Claimant?.Side == attacker
                                      && claims.Any(o => o.Kind == c.Kind && o.IsCurrent && o.Claimant?.Side != attacker)
            ? c with { IsCurrent = false, Rule = c.Rule + AttackerClaim }
            : c)];
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

        var queries = mentions.Select(m => new PlaceQuery(m.Text, m.Span, m.Candidates, (PlaceQueryHint)(int)m.Hint, m.ContainerIndex)).ToList();
        return _resolver.Resolve(queries, null);
    }
}
