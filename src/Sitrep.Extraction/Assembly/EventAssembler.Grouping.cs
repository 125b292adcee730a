using System.Collections.Immutable;
using Sitrep.Core;
using Sitrep.Extraction.Text;
using Sitrep.Geo;

namespace Sitrep.Extraction.Assembly;

/// <summary>
/// Steps 3 and 4, group and split: each attack unit, in text order, joins the event the first rule of
/// <see cref="JoinRules"/> that applies gives it; then each rule of <see cref="SplitRules"/> in turn may move it to
/// another event (an existing one, or a new one) or drop it. The rules that decided are recorded on the event's draft
/// ("paragraph>other-side"), for <see cref="Explain"/> and the tests.
/// </summary>
public sealed partial class EventAssembler
{
    /// <summary>A unit about to be grouped: its reading, and its date as the events told so far read it.</summary>
    private sealed record Candidate(int U, SentenceMention S, SentenceReading R, DateMention? Date)
    {
        public Side? Side => R.Side;

        public bool NewAttackCue => R.NewAttack is not null || R.Separate is not null;
    }

    /// <summary>A join rule: the event the unit joins, or null when the rule does not apply.</summary>
    private sealed record JoinRule(string Name, Func<Grouping, Candidate, Draft?> Join);

    /// <summary>A split rule: the event the unit moves to (<see cref="Drop"/>: none), or null to keep it where it is.</summary>
    private sealed record SplitRule(string Name, Func<Grouping, Candidate, Draft, Draft?> Split);

    /// <summary>The outcome of a split rule that takes the unit out of every event.</summary>
    private static readonly Draft Drop = new();

    /// <summary>The events being grouped, and what later units read of them (the event of each paragraph, section, unit).</summary>
    private sealed class Grouping(Document doc, Bucketed b, Buckets buckets, int[] sectionOf, HashSet<int> otherSections)
    {
        public Document Doc => doc;

        public Bucketed B => b;

        public Buckets Buckets => buckets;

        public int[] SectionOf => sectionOf;

        public HashSet<int> OtherSections => otherSections;

        public List<Draft> Drafts { get; } = [new Draft { IsLead = true }];

        public Draft Lead => Drafts[0];

        public Draft? Aggregate { get; set; }

        public Dictionary<int, Draft> ParagraphEvent { get; } = [];

        public Dictionary<int, Draft> SectionEvent { get; } = [];

        public Draft?[] DraftOfUnit { get; } = new Draft?[buckets.Count];

        /// <summary>The units a split rule dropped, with the rules that did.</summary>
        public Dictionary<int, string> Dropped { get; } = [];

        /// <summary>Whether the unit joined by rule <c>refers-back</c>: later rules leave it there.</summary>
        public bool RefersBack { get; set; }

        public int Strikes
        {
            get
            {
                var n = 0;
                foreach (var x in Drafts)
                {
                    n += x.IsAggregate ? 0 : 1;
                }

                return n;
            }
        }

        public Draft New(DateMention? date, Side? side)
        {
            var d = new Draft { Date = date, Side = side };
            Drafts.Add(d);
            return d;
        }
    }

    /// <summary>The join rules, in the order they are tried; the last always applies.</summary>
    private static readonly ImmutableArray<JoinRule> JoinRules =
    [
        // "On 20 February the governor said 26 drones were downed over the city" after an undated lead that told an
        // attack with counts of its own ("seven targets shot down so far"): a paragraph that opens with its own date and
        // counts what the lead counts, with none of the lead's values, recalls an earlier attack. An event of its own.
        new("recall-dated", (g, c) =>
        {
            var lead = g.Lead;
            if (c.Date is null || !Splits(c.Date) || c.R.Passing || c.R.Separate is not null || lead.Date is not null || g.ParagraphEvent.ContainsKey(c.S.Paragraph)
                || !CountsOtherThanLead(lead, c.U, g.B))
            {
                return null;
            }

            var d = DraftOfDay(g, c.Date, c.Side) ?? g.New(c.Date, c.Side);
            d.IsRecall = true;
            return d;
        }),

        // The first date of an attack dates the lead, which may already hold undated sentences (a headline); it
        // replaces a weak date (the day the report was filed).
        new("lead-date", (g, c) =>
        {
            var lead = g.Lead;
            // "Before that, on the night of 23 November, …" after an undated lead dates an earlier attack, not the lead's.
            if (c.Date is null || c.R.Passing || (c.R.Earlier && lead.Units.Count > 0) || !(lead.Date is null || (lead.DateIsWeak && Near(lead.Date, c.Date))) || g.Strikes != 1
                || !(c.Side is null || lead.Side is null || c.Side == lead.Side) || (IsBullet(g.Doc, c.S) && lead.Units.Count > 0) || TellsOtherAttack(lead, c.U, g.B))
            {
                return null;
            }

            lead.Date = c.Date;
            lead.DateIsWeak = false;
            return lead;
        }),

        // "Russian authorities announced today that a woman was killed": the report's day dates the lead until a
        // better date comes.
        new("lead-report-day", (g, c) =>
        {
            if (c.Date is not null || c.R.WeakDate is null || g.Lead.Date is not null || g.Strikes != 1)
            {
                return null;
            }

            g.Lead.Date = c.R.WeakDate;
            g.Lead.DateIsWeak = true;
            return g.Lead;
        }),

        // "Earlier, the ministry said 40 drones were downed. According to it, from midnight to 6 a.m. on 4 September
        // three regions were attacked": a dated sentence in the paragraph of an undated event other than the lead dates
        // that event and goes on with it.
        new("paragraph-dates-event", (g, c) =>
        {
            if (c.Date is null || c.R.Passing || c.NewAttackCue || !g.ParagraphEvent.TryGetValue(c.S.Paragraph, out var p) || p == g.Lead || p.IsAggregate || p.Date is not null
                || !(c.Side is null || p.Side is null || c.Side == p.Side))
            {
                return null;
            }

            p.Date = c.Date;
            return p;
        }),

        // "Нагадаємо, вчора вночі, 11 грудня, у Києві пролунали вибухи" after the evening's missiles over two other
        // regions that day: a recap of another day's attack joins that day's event only when it shares a region with it.
        new("recall-elsewhere", (g, c) =>
        {
            if (!c.R.Recall || c.Date is null || c.R.Passing || !Splits(c.Date) || SameDay(c.Date, g.Lead.Date) || !HasRegion(g.B.Places[c.U], g.B))
            {
                return null;
            }

            var sameDay = false;
            foreach (var d in g.Drafts)
            {
                if (d != g.Lead && !d.IsAggregate && d.Date is not null && SameDay(d.Date, c.Date))
                {
                    if (SharesRegion(d, c.U, g.B))
                    {
                        return null;
                    }

                    sameDay = true;
                }
            }

            return sameDay ? g.New(c.Date, c.Side) : null;
        }),

        // Another day than the lead's: the event of that day (and side), or a new one.
        new("other-day", (g, c) => c.Date is not null && !SameDay(c.Date, g.Lead.Date) && Splits(c.Date)
            ? FirstOfDay(g.Drafts, c.Date, c.Side, anySide: false) ?? g.New(c.Date, c.Side)
            : null),

        new("paragraph", (g, c) => c.Date is null && c.R.Separate is null && g.ParagraphEvent.TryGetValue(c.S.Paragraph, out var p) ? p : null),

        new("refers-back", (g, c) =>
        {
            if (c.Date is not null || c.R.Separate is not null || ReferredEvent(c.U, g.B, g.Buckets, g.DraftOfUnit) is not { } referred)
            {
                return null;
            }

            g.RefersBack = true;
            return referred;
        }),

        new("section", (g, c) => c.Date is null && c.R.Separate is null && g.SectionEvent.TryGetValue(g.SectionOf[c.U], out var d) ? d : null),

        // "Separately, …" keeps the day of the report's attack; another attack "later" or "in a separate incident"
        // has only the day its own words give.
        new("separate", (g, c) => c.R.Separate is not null && g.Lead.Units.Count > 0
            ? g.New(c.Date ?? (c.R.Separate == "separately" ? g.Lead.Date : null), c.Side)
            : null),

        new("same-day", (g, c) => c.Date is not null ? FirstOfDay(g.Drafts, c.Date, c.Side, anySide: true) : null),

        // After a recalled attack (rule recall-dated), an undated sentence no rule above places goes on with it.
        new("after-recall", (g, c) => c.Date is null && c.R.Separate is null && LastDraft(g, c.U) is { IsRecall: true } d ? d : null),

        new("lead", (g, _) => g.Lead),
    ];

    /// <summary>The split rules, applied in this order to the event a join rule gave.</summary>
    private static readonly ImmutableArray<SplitRule> SplitRules =
    [
        // An undated sentence joins the event it shares places (then weapons) with, when several could take it.
        new("shares-places", (g, c, _) =>
        {
            var b = g.B;
            if (c.Date is not null || g.RefersBack || g.ParagraphEvent.ContainsKey(c.S.Paragraph) || !SeveralStrikesWithUnits(g.Drafts) || c.NewAttackCue)
            {
                return null;
            }

            var names = b.Places[c.U].Where(p => !p.IsReference).Select(p => b.Resolved[p].Name ?? p.Text).ToHashSet(StringComparer.OrdinalIgnoreCase);
            var families = b.Weapons[c.U].Select(w => w.Weapon.Category.Family()).ToHashSet();
            return SharedMost(g.Drafts, names, families, b) is { } best && (c.Side is null || best.Side is null || best.Side == c.Side) ? best : null;
        }),

        // "Russian forces also used kamikaze drones and artillery in the Dnipropetrovsk region": another attack that
        // day, by other weapons, is another event. "Russia also fired two missiles during the attack" names no other
        // region: the same attack, with another weapon.
        new("other-weapons", (g, c, target) =>
        {
            var b = g.B;
            var weapons = b.Weapons[c.U];
            if (!c.NewAttackCue || c.R.WithinAttack || weapons.Count == 0 || target.Units.Count == 0 || (c.R.NewAttack == "also-verb" && c.R.Separate is null && WithinRegions(target, c.U, b)))
            {
                return null;
            }

            var had = target.Units.SelectMany(x => b.Weapons[x]).Select(w => w.Weapon.Category.Family()).ToHashSet();
            var now = weapons.Select(w => w.Weapon.Category.Family()).ToHashSet();
            var hadModels = target.Units.SelectMany(x => b.Weapons[x]).Select(w => w.Weapon.Model).ToHashSet(StringComparer.Ordinal);
            var otherModels = weapons.All(w => w.Weapon.Model is not null && !hadModels.Contains(w.Weapon.Model));
            return had.Count > 0 && (!had.Overlaps(now) || otherModels) ? g.New(target.Date, c.Side ?? target.Side) : null;
        }),

        // "Також сили спецоперацій вдарили по НПЗ у Самарській області", "Drones also struck a depot in the Bryansk
        // region": an attack told as another ("also" with an attack verb) on a region the event has not named is
        // another event, whatever its weapons.
        new("also-elsewhere", (g, c, target) =>
            c.R.NewAttack == "also-verb" && c.R.Separate is null && !c.R.WithinAttack && target.Units.Count > 0 && HasRegion(g.B.Places[c.U], g.B) && !SharesRegion(target, c.U, g.B)
            && !CountsWeaponOf(target, c.U, g.B)
                ? g.New(target.Date, c.Side ?? target.Side)
                : null),

        // "Elsewhere, in the Zaporizhzhia region, Russian forces struck Huliaipole with Grad rockets", "Тем временем ВСУ
        // обстреляли Валуйки из РСЗО" after drones on Cherkasy: a sentence that turns to another attack of a roundup
        // (rule roundup-opening), names only regions the event does not, and only weapons of other families, is another
        // attack. "Meanwhile, the mayor of Lviv reported 20 missiles" in a report of a missile wave shares its weapons:
        // the same wave.
        new("roundup-elsewhere", (g, c, target) =>
            c.R.Roundup && c.R.Separate is null && !c.R.WithinAttack && !g.RefersBack && target.Units.Count > 0 && g.B.Weapons[c.U].Count > 0 && HasRegion(g.B.Places[c.U], g.B)
            && !SharesRegion(target, c.U, g.B) && HasWeapons(target, g.B) && !CountsWeaponOf(target, c.U, g.B)
                ? g.New(c.Date ?? target.Date, c.Side ?? target.Side)
                : null),

        // "Overnight, drones attacked Kharkiv … In addition, during the day Russian troops dropped two guided bombs on
        // Kupiansk": a roundup's turn to towns the event does not name, in the same region, with only weapons of other
        // families, is another attack too.
        new("roundup-other-town", (g, c, target) =>
            c.R.Roundup && c.R.Separate is null && !c.R.WithinAttack && !g.RefersBack && target.Units.Count > 0 && g.B.Weapons[c.U].Count > 0
            && OtherSettlementsOnly(target, c.U, g.B) && HasWeapons(target, g.B) && !CountsWeaponOf(target, c.U, g.B)
                ? g.New(c.Date ?? target.Date, c.Side ?? target.Side)
                : null),

        // "Before that, the ministry said air defences shot down 40 drones over the regions", "Раніше дрони атакували
        // ГРЕС у Підмосков'ї": a sentence that goes back to an earlier time, names no region the event does, and has
        // counts of its own or places elsewhere, tells an earlier attack. ("Earlier, a missile was reported flying
        // towards the city" names the event's region: the same attack, told from its start.)
        new("earlier-elsewhere", (g, c, target) =>
        {
            if (!c.R.Earlier || g.RefersBack || target.Units.Count == 0)
            {
                return null;
            }

            if (!HasRegion(g.B.Places[c.U], g.B))
            {
                // no region of its own: nothing to overlap, so its counts alone decide
                return g.B.Figures[c.U].Count > 0 ? g.New(c.Date, c.Side ?? target.Side) : null;
            }

            var now = Regions(g.B.Places[c.U], g.B);
            return (g.B.Figures[c.U].Count > 0 || now.Count > 0) && !now.Overlaps(Regions(target.Units.SelectMany(x => g.B.Places[x]), g.B))
                ? g.New(c.Date, c.Side ?? target.Side)
                : null;
        }),

        // Opposite sides on one day are two events (Russia's wave on Ukraine, Ukraine's drones over Russia); a passing
        // mention of the other side's attacks ("to counter Russian attacks") is no event.
        new("other-side", (g, c, target) =>
        {
            if (c.Side is not { } side)
            {
                return null;
            }

            var b = g.B;
            target.Side ??= side;
            if (target.Side == side)
            {
                return null;
            }

            Draft? existing = null;
            foreach (var d in g.Drafts)
            {
                if (!d.IsAggregate && d.Side == side && SameDay(d.Date, target.Date) && SharesRegion(d, c.U, b))
                {
                    existing = d;
                    break;
                }
            }

            var concretePlace = false;
            foreach (var p in b.Places[c.U])
            {
                if (!p.IsReference && b.Resolved[p] is var r && r.Feature is "populated_place" or "facility" && !IsCapital(r))
                {
                    concretePlace = true;
                    break;
                }
            }

            if (existing is null && b.Figures[c.U].Count == 0 && b.Casualties[c.U].Count == 0 && !(c.Date is not null && b.Weapons[c.U].Count > 0) && !concretePlace)
            {
                return Drop;
            }

            return existing ?? g.New(target.Date, side);
        }),

        // In a roundup, "In the village of X, a drone injured two residents" after a toll told of the city Y is another
        // attack: a settlement of its own, not named in the event, with its own toll, while every toll of the event is
        // of other settlements.
        new("other-settlement-toll", (g, c, target) =>
            !c.R.Passing && !g.RefersBack && c.R.Separate is null && g.B.Casualties[c.U].Count > 0 && target.Units.Count > 0
            && (c.Date is null || SameDay(c.Date, target.Date)) && TollOfOtherSettlement(target, c.U, g.B)
                ? g.New(target.Date, target.Side)
                : null),

        // A section of the report that counts the attack again, differently ("12 missiles" on the city, then "70
        // missiles" across the country under a heading of its own), tells another scope of it: another event.
        new("other-scope-section", (g, c, target) =>
        {
            var section = g.SectionOf[c.U];
            if (c.R.Passing || section == 0 || g.SectionEvent.ContainsKey(section) || g.B.Figures[c.U].Count == 0 || !CountsOtherScope(UnitsBeforeSection(target, g.SectionOf, section), c.U, g.B))
            {
                return null;
            }

            var d = g.New(target.Date, target.Side);
            g.SectionEvent[section] = d;
            return d;
        }),

        // "A drone hit an oil depot in the Bryansk region, injuring a guard, the governor said. The defence ministry said
        // air defences destroyed 45 drones over several regions overnight": a local strike (every place of the event in
        // one region) and a larger count over many regions or the whole country that night are two scopes, two events.
        // A headline that gives the larger count ("Russia says it downed 45 drones") is the wide count's, and goes with it.
        new("other-scope", (g, c, target) =>
        {
            if (c.R.Passing || g.RefersBack || c.R.Separate is not null || c.R.WithinAttack || target.Units.Count == 0 || g.B.Figures[c.U].Count == 0 || !(c.Date is null || SameDay(c.Date, target.Date))
                || !WideScope(g.Doc, c.S, c.U, g.B))
            {
                return null;
            }

            return SplitOtherScope(g, c, target);
        }),

        // "The defence ministry said air defences intercepted 55 drones over the Kaluga, Volgograd and Bryansk regions.
        // In Klimovo, the governor said, two drones were downed above the town": rule other-scope the other way round.
        // After an event told by a wide tally alone (one sentence counting over many regions or a country), a count of
        // fewer weapons of the same family whose places all lie in one region is the local strike, another event; unless
        // the tally itemises its regions ("including 91 over the Moscow region"), when the local count is one of its
        // items. A wave told over several sentences ("Russia launched eight missiles … Russia targeted southern and
        // western oblasts") goes on with its local parts ("four missiles were shot down in Mykolaiv Oblast").
        new("local-after-wide", (g, c, target) =>
            !c.R.Passing && !g.RefersBack && c.R.Separate is null && !c.R.WithinAttack && target.Units.Count > 0 && g.B.Figures[c.U].Count > 0
            && (c.Date is null || SameDay(c.Date, target.Date)) && LocalAfterWide(g, c, target)
                ? g.New(c.Date ?? target.Date, c.Side ?? target.Side)
                : null),

        // Under "Attacks in other regions", the first attack told (not the heading) is another event, with the day its
        // own words give; the section's later sentences join it unless they give another day.
        new("other-attacks-section", (g, c, target) =>
        {
            var section = g.SectionOf[c.U];
            var heading = c.U > 0 && g.SectionOf[c.U - 1] != section;
            if (c.R.Passing || heading || !g.OtherSections.Contains(section) || target.Units.Count == 0)
            {
                return null;
            }

            if (!g.SectionEvent.TryGetValue(section, out var other))
            {
                var d = g.New(c.Date, c.Side);
                g.SectionEvent[section] = d;
                return d;
            }

            return c.Date is null || other.Date is null || SameDay(c.Date, other.Date) ? other : null;
        }),
    ];

    /// <summary>The names of the join rules, in order, then of the split rules, in order.</summary>
    internal static IReadOnlyList<string> GroupingRuleNames => [.. JoinRules.Select(r => r.Name), .. SplitRules.Select(r => r.Name)];

    /// <summary>
    /// Groups the units into drafts of events: an aggregate for totals over a period, and for attacks the event the
    /// rules give. Units that tell no attack join none.
    /// </summary>
    private static List<Draft> Group(Grouping g, IReadOnlyList<SentenceMention> units, IReadOnlyList<SentenceReading> readings)
    {
        for (var u = 0; u < units.Count; u++)
        {
            var s = units[u];
            var r = readings[u];
            if (r.Role == SentenceRole.Aggregate)
            {
                // Totals over a period ("since the war began", "in March") gather in one aggregate, dated by the first.
                if (g.Aggregate is null)
                {
                    g.Aggregate = new Draft { IsAggregate = true, Date = r.Date };
                    g.Drafts.Add(g.Aggregate);
                }

                g.Aggregate.Add(s, u, r.Rule);
                continue;
            }

            if (r.Role != SentenceRole.Attack)
            {
                continue;
            }

            g.RefersBack = false;
            var c = new Candidate(u, s, r, OvernightOfStoryDay(r.Date, g.Lead));
            Draft? target = null;
            var rule = "";
            foreach (var join in JoinRules)
            {
                if (join.Join(g, c) is { } joined)
                {
                    target = joined;
                    rule = join.Name;
                    break;
                }
            }

            foreach (var split in SplitRules)
            {
                if (split.Split(g, c, target!) is { } moved)
                {
                    target = moved;
                    rule += ">" + split.Name;
                    if (moved == Drop)
                    {
                        break;
                    }
                }
            }

            if (target == Drop)
            {
                g.Dropped[u] = rule;
                continue;
            }

            if (r.Passing && target != g.Lead && target!.Units.Count == 0)
            {
                target.IsPassing = true;
            }

            target!.Add(s, u, rule);
            g.DraftOfUnit[u] = target;
            if (!r.Passing && !target.IsPassing)
            {
                g.ParagraphEvent[s.Paragraph] = target;
            }
        }

        MergeUndatedLead(g.Drafts, g.B);
        return g.Drafts;
    }

    /// <summary>
    /// Rule <c>undated-lead</c>: a lead without a date of its own ("The death toll from the strike on Dnipro has risen
    /// to five") is the same attack as a dated event on the same place later in the report ("On the evening of 25
    /// October, Russian troops launched a missile attack on Dnipro"); not an earlier attack the report recalls with
    /// counts of its own (rule <c>recall-dated</c>).
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
        var matches = drafts.Skip(1).Where(d => !d.IsAggregate && !d.IsRecall && d.Sentences.Count > 0 && leadKeys.Count > 0 && Keys(d).Overlaps(leadKeys)).ToList();
        if (matches.Count != 1)
        {
            return;
        }

        var target = matches[0];
        var merged = lead.Entries().Select(e => e with { Rule = e.Rule + ">undated-lead" }).Concat(target.Entries()).OrderBy(x => x.Unit).ToList();
        target.Clear();
        foreach (var (sentence, unit, rule) in merged)
        {
            target.Add(sentence, unit, rule);
        }

        lead.Clear();
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

    private static readonly FrozenWords WideScopeWords = CueWords("wide-scope");

    /// <summary>
    /// Rule <c>other-scope</c>'s test of a count's scope: the unit names places hit in two regions or more, a country,
    /// or a word of many regions ("over several regions", "над регионами России").
    /// </summary>
    private static bool WideScope(Document doc, SentenceMention s, int u, Bucketed b)
    {
        if (AnyCue(CuesOf(doc), s.FirstToken, s.EndToken, Cue.WideScope))
        {
            return true;
        }

        return b.Places[u].Count >= 2 ? Regions(b.Places[u], b).Count >= 2 || b.Places[u].Any(p => !p.IsReference && b.Resolved[p].Feature == "country")
            : b.Places[u].Count == 1 && !b.Places[u][0].IsReference && b.Resolved[b.Places[u][0]].Feature == "country";
    }

    /// <summary>
    /// Rule <c>other-scope</c> once its cheap tests pass: the new event of the wide count, with the lead's headline
    /// when it gives that count; null when the local strike's body counts as many.
    /// </summary>
    private static Draft? SplitOtherScope(Grouping g, Candidate c, Draft target)
    {
        var b = g.B;
        bool Headline((SentenceMention Sentence, int Unit, string Rule) e) =>
            target == g.Lead && e.Sentence.Paragraph == 0 && g.Doc.Lower(e.Sentence.EndToken - 1) is not ("." or "!" or "\"" or ")");
        if (!CountsOtherScope(target.Entries().Where(e => !Headline(e)).Select(e => e.Unit), c.U, b) || ItemisesRegionOf(g.Doc, c.S, target, c.U, b))
        {
            return null;
        }

        var d = g.New(target.Date, c.Side ?? target.Side);
        var entries = target.Entries().ToList();
        var moved = entries.Where(e => Headline(e) && b.Figures[e.Unit].Any(h => b.Figures[c.U].Any(f => f.Kind == h.Kind && f.Value == h.Value && f.Weapon.Category.Family() == h.Weapon.Category.Family()))).ToList();
        if (moved.Count > 0)
        {
            target.Clear();
            foreach (var e in entries)
            {
                (moved.Contains(e) ? d : target).Add(e.Sentence, e.Unit, moved.Contains(e) ? e.Rule + ">other-scope" : e.Rule);
                g.DraftOfUnit[e.Unit] = moved.Contains(e) ? d : target;
            }
        }

        return d;
    }

    /// <summary>
    /// Rule <c>local-after-wide</c>'s test: unit <paramref name="c"/> is no wide count and names places of one region
    /// alone; every unit of the event that counts launched or destroyed weapons is a wide count that does not itemise
    /// its regions; and the unit counts that kind and family as fewer than the event does, and never as many.
    /// </summary>
    private static bool LocalAfterWide(Grouping g, Candidate c, Draft target)
    {
        var b = g.B;
        static bool Now(FigureMention f) => !f.IsIncrement && !f.IsCombined && f.Kind is FigureKind.Launched or FigureKind.Destroyed;
        if (!b.Figures[c.U].Any(Now) || WideScope(g.Doc, c.S, c.U, b) || Regions(b.Places[c.U], b).Count != 1)
        {
            return false;
        }

        // the tally alone: one sentence of the event beside a headline (the report's first paragraph, with no full stop)
        var told = 0;
        foreach (var e in target.Entries())
        {
            told += e.Sentence.Paragraph == 0 && g.Doc.Lower(e.Sentence.EndToken - 1) is not ("." or "!" or "\"" or ")") ? 0 : 1;
        }

        if (told != 1)
        {
            return false;
        }

        var smaller = false;
        foreach (var e in target.Entries())
        {
            var x = e.Unit;
            if (!b.Figures[x].Any(Now))
            {
                continue;
            }

            if (!WideScope(g.Doc, e.Sentence, x, b) || AnyCue(CuesOf(g.Doc), e.Sentence.FirstToken, e.Sentence.EndToken, Cue.Breakdown))
            {
                return false;
            }

            foreach (var w in b.Figures[x])
            {
                foreach (var f in b.Figures[c.U])
                {
                    if (Now(w) && Now(f) && w.Kind == f.Kind && w.Weapon.Category.Family() == f.Weapon.Category.Family())
                    {
                        if (f.Value >= w.Value)
                        {
                            return false;
                        }

                        smaller = true;
                    }
                }
            }
        }

        return smaller;
    }

    /// <summary>The event's units in sections before <paramref name="section"/>.</summary>
    private static List<int> UnitsBeforeSection(Draft d, int[] sectionOf, int section) => d.Units.Where(x => sectionOf[x] < section).ToList();

    /// <summary>An event other than the lead of <paramref name="date"/>'s day and of <paramref name="side"/> (or of no side).</summary>
    private static Draft? DraftOfDay(Grouping g, DateMention date, Side? side)
    {
        foreach (var d in g.Drafts)
        {
            if (d != g.Lead && !d.IsAggregate && d.Date is not null && SameDay(d.Date, date) && (side is null || d.Side is null || d.Side == side))
            {
                return d;
            }
        }

        return null;
    }

    /// <summary>The event of the last unit before <paramref name="u"/> that joined one.</summary>
    private static Draft? LastDraft(Grouping g, int u)
    {
        for (var k = u - 1; k >= 0; k--)
        {
            if (g.DraftOfUnit[k] is { } d)
            {
                return d;
            }
        }

        return null;
    }

    /// <summary>
    /// Rule <c>recall-dated</c>'s test: the lead counts, beyond its first paragraph (the headline), launched or destroyed
    /// weapons or a toll, and unit <paramref name="u"/> counts the same kinds (of one family, or one of them of no
    /// family: "air targets", counted together) with other values and none of the lead's. A revised toll is no count
    /// of its own.
    /// </summary>
    private static bool CountsOtherThanLead(Draft lead, int u, Bucketed b)
    {
        if (lead.Units.Count == 0 || (b.Figures[u].Count == 0 && b.Casualties[u].Count == 0))
        {
            return false;
        }

        var first = int.MaxValue;
        foreach (var s in lead.Sentences)
        {
            first = Math.Min(first, s.Paragraph);
        }

        static bool Counts(FigureMention f) =>
            f.Qualifier != Qualifier.Vague && (!f.IsCombined || f.Weapon.Category.Family() == WeaponFamily.Other) && f.Kind is FigureKind.Launched or FigureKind.Destroyed;
        static bool OneFamily(WeaponRef a, WeaponRef x) =>
            a.Category.Family() == x.Category.Family() || a.Category.Family() == WeaponFamily.Other || x.Category.Family() == WeaponFamily.Other;

        // Each pair of a count of the lead's body and one of the unit's, of one kind (and family): other values, or the same.
        var other = false;
        for (var k = 0; k < lead.Units.Count; k++)
        {
            if (lead.Sentences[k].Paragraph == first)
            {
                continue;
            }

            var x = lead.Units[k];
            foreach (var l in b.Figures[x])
            {
                if (!Counts(l))
                {
                    continue;
                }

                foreach (var f in b.Figures[u])
                {
                    if (Counts(f) && l.Kind == f.Kind && OneFamily(l.Weapon, f.Weapon))
                    {
                        if (l.Value == f.Value)
                        {
                            return false;
                        }

                        other = true;
                    }
                }
            }

            foreach (var l in b.Casualties[x])
            {
                if (l.Qualifier == Qualifier.Vague)
                {
                    continue;
                }

                foreach (var t in b.Casualties[u])
                {
                    if (t.Qualifier != Qualifier.Vague && !t.IsRevision && l.Kind == t.Kind)
                    {
                        if (l.Value == t.Value)
                        {
                            return false;
                        }

                        other = true;
                    }
                }
            }
        }

        return other;
    }

    /// <summary>
    /// Whether unit <paramref name="u"/> counts launched or destroyed weapons of a family that the event's units
    /// <paramref name="before"/> (all their places in one region) counted as fewer, and none as many.
    /// </summary>
    private static bool CountsOtherScope(IEnumerable<int> before, int u, Bucketed b)
    {
        if (b.Figures[u].Count == 0)
        {
            return false;
        }

        static bool Now(FigureMention f) => !f.IsIncrement && !f.IsCombined && f.Kind is FigureKind.Launched or FigureKind.Destroyed;
        var any = false;
        foreach (var f in b.Figures[u])
        {
            any |= Now(f);
        }

        if (!any)
        {
            return false;
        }

        // The units before tell of one region's strike (all their places in one region), the new count is larger.
        var earlier = before as List<int> ?? before.ToList();
        var regions = 0;
        string? region = null;
        foreach (var x in earlier)
        {
            foreach (var m in b.Places[x])
            {
                if (m.IsReference || b.Resolved[m] is var p && p.Feature == "country")
                {
                    continue;
                }

                var key = p.Admin1 ?? p.Name;
                if (regions == 0)
                {
                    (region, regions) = (key, 1);
                }
                else if (!string.Equals(key, region, StringComparison.Ordinal))
                {
                    return false;
                }
            }
        }

        if (regions != 1)
        {
            return false;
        }

        var larger = false;
        foreach (var x in earlier)
        {
            foreach (var g in b.Figures[x])
            {
                if (g.IsCombined)
                {
                    continue;
                }

                foreach (var f in b.Figures[u])
                {
                    if (Now(f) && g.Kind == f.Kind && g.Weapon.Category.Family() == f.Weapon.Category.Family())
                    {
                        if (g.Value >= f.Value)
                        {
                            return false;
                        }

                        larger = true;
                    }
                }
            }
        }

        return larger;
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
        if (!HasRegion(b.Places[u], b))
        {
            return true;
        }

        var now = Regions(b.Places[u], b);
        if (now.Count == 0)
        {
            return true;
        }

        var had = Regions(d.Units.SelectMany(x => b.Places[x]), b);
        return had.Count == 0 || had.Overlaps(now);
    }

    /// <summary>Whether unit <paramref name="u"/> names a weapon of a family the event names: a part of the same wave.</summary>
    private static bool CountsWeaponOf(Draft d, int u, Bucketed b)
    {
        var had = d.Units.SelectMany(x => b.Weapons[x]).Select(w => w.Weapon.Category.Family()).ToHashSet();
        return b.Weapons[u].Any(w => had.Contains(w.Weapon.Category.Family()));
    }

    /// <summary>Whether some unit of the event names a weapon.</summary>
    private static bool HasWeapons(Draft d, Bucketed b) => d.Units.Any(x => b.Weapons[x].Count > 0);

    /// <summary>Whether every region unit <paramref name="u"/> names (none, too) is one the event names.</summary>
    private static bool WithinRegions(Draft d, int u, Bucketed b)
    {
        if (!HasRegion(b.Places[u], b))
        {
            return true;
        }

        var now = Regions(b.Places[u], b);
        return now.Count == 0 || now.IsSubsetOf(Regions(d.Units.SelectMany(x => b.Places[x]), b));
    }

    /// <summary>
    /// Whether unit <paramref name="u"/> names only settlements (towns, villages) the event does not, and every unit
    /// of the event with a toll names a settlement, none of them these: another place's toll, another attack.
    /// </summary>
    private static bool TollOfOtherSettlement(Draft d, int u, Bucketed b)
    {
        if (!OtherSettlementsOnly(d, u, b))
        {
            return false;
        }

        var tolls = d.Units.Where(x => b.Casualties[x].Count > 0).ToList();
        return tolls.Count > 0 && tolls.All(x => b.Places[x].Any(p => !p.IsReference && b.Resolved[p].Feature == "populated_place"));
    }

    /// <summary>Whether unit <paramref name="u"/> names places hit, all of them settlements (towns, villages) the event does not name.</summary>
    private static bool OtherSettlementsOnly(Draft d, int u, Bucketed b)
    {
        static string Key(PlaceRef p) => p.Name ?? p.Text;
        var now = b.Places[u].Where(p => !p.IsReference).Select(p => b.Resolved[p]).ToList();
        if (now.Count == 0 || now.Any(p => p.Feature != "populated_place"))
        {
            return false;
        }

        var had = d.Units.SelectMany(x => b.Places[x]).Where(p => !p.IsReference).Select(p => Key(b.Resolved[p])).ToHashSet(StringComparer.OrdinalIgnoreCase);
        return !now.Any(p => had.Contains(Key(p)));
    }

    private static readonly FrozenWords BreakdownWords = CueWords("breakdown");

    /// <summary>
    /// Whether the wide count of unit <paramref name="u"/> itemises its regions and an item is the event's region ("74
    /// drones shot down near Moscow", then "337 drones over several regions, including 91 over the Moscow region"): the
    /// local count is the local view of that item, the same attack. A wide count that only names the region ("30 drones
    /// over the Kursk region and Moscow") is another scope. A city and the region around it that bears its name (Moscow
    /// and Moscow Oblast, Kyiv and Kyiv Oblast) are one region here.
    /// </summary>
    private static bool ItemisesRegionOf(Document doc, SentenceMention s, Draft d, int u, Bucketed b)
    {
        static string Fold(string region)
        {
            foreach (var suffix in (ReadOnlySpan<string>)[" Oblast", " City", " Region"])
            {
                if (region.EndsWith(suffix, StringComparison.Ordinal))
                {
                    return region[..^suffix.Length];
                }
            }

            return region;
        }

        var opens = -1;
        for (var i = s.FirstToken; i < s.EndToken && opens < 0; i++)
        {
            if ((CuesOf(doc)[i] & Cue.Breakdown) != 0)
            {
                opens = doc.Tokens[i].Start;
            }
        }

        if (opens < 0)
        {
            return false;
        }

        var items = Regions(b.Places[u].Where(p => p.Span.Start > opens), b).Select(Fold).ToHashSet(StringComparer.Ordinal);
        var local = Regions(d.Units.SelectMany(x => b.Places[x]), b).Select(Fold).ToList();
        return local.Count > 0 && local.All(items.Contains);
    }

    /// <summary>The regions (admin1, else the name) of the places hit among <paramref name="places"/>, countries left out.</summary>
    private static HashSet<string> Regions(IEnumerable<PlaceMention> places, Bucketed b) =>
        places.Where(p => !p.IsReference).Select(p => b.Resolved[p]).Where(p => p.Feature != "country").Select(p => p.Admin1 ?? p.Name ?? p.Text).ToHashSet(StringComparer.Ordinal);

    /// <summary>Some place hit among <paramref name="places"/> has a region: <see cref="Regions"/> would not be empty.</summary>
    private static bool HasRegion(List<PlaceMention> places, Bucketed b)
    {
        foreach (var p in places)
        {
            if (!p.IsReference && b.Resolved[p].Feature != "country")
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The first event, not an aggregate, of <paramref name="date"/>'s day and (unless <paramref name="anySide"/>) of
    /// <paramref name="side"/> or of no side.
    /// </summary>
    private static Draft? FirstOfDay(List<Draft> drafts, DateMention date, Side? side, bool anySide)
    {
        foreach (var d in drafts)
        {
            if (!d.IsAggregate && d.Date is not null && SameDay(d.Date, date) && (anySide || side is null || d.Side is null || d.Side == side))
            {
                return d;
            }
        }

        return null;
    }

    /// <summary>More than one event that is no aggregate holds units.</summary>
    private static bool SeveralStrikesWithUnits(List<Draft> drafts)
    {
        var n = 0;
        foreach (var x in drafts)
        {
            if (!x.IsAggregate && x.Units.Count > 0 && ++n > 1)
            {
                return true;
            }
        }

        return false;
    }
}
