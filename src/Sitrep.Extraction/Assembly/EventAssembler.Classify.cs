using Sitrep.Core;

namespace Sitrep.Extraction.Assembly;

/// <summary>What a unit is to event assembly, as the classify step reads it.</summary>
internal enum SentenceRole
{
    /// <summary>Tells no attack: no figure, toll, weapon or attack word; or only a threat or a habit.</summary>
    NotAttack,

    /// <summary>A photo caption or credit line: shows, does not report.</summary>
    Caption,

    /// <summary>A period's tally with no figure ("shelled 27 times over the past day"): no attack of its own.</summary>
    Tally,

    /// <summary>A total over a period ("since the war began", "in March"): joins the report's aggregate.</summary>
    Aggregate,

    /// <summary>Tells an attack: grouped into an event.</summary>
    Attack,
}

/// <summary>
/// One unit as the classify step reads it, before any grouping: its role and the rule that gave it, and for an
/// attack the date it gives (a weak one, the report's day, when that is all), the attacker its own words imply, and
/// its cues of another attack.
/// </summary>
internal sealed record SentenceReading(SentenceRole Role, string Rule)
{
    public DateMention? Date { get; init; }

    /// <summary>The report's day, when only that dates the sentence ("announced today that …").</summary>
    public DateMention? WeakDate { get; init; }

    public Side? Side { get; init; }

    /// <summary>The rule of <see cref="EventAssembler.ReadSide"/> that gave <see cref="Side"/>, or null when none did.</summary>
    public string? SideRule { get; init; }

    /// <summary>The date is of an attack told in passing ("the day after a bombardment killed 39").</summary>
    public bool Passing { get; init; }

    /// <summary>A cue of another attack whatever its weapons (<see cref="EventAssembler.SeparateAttackRule"/>).</summary>
    public string? Separate { get; init; }

    /// <summary>The sentence opens by going back to an earlier time (<see cref="EventAssembler.OpensEarlier"/>).</summary>
    public bool Earlier { get; init; }

    /// <summary>The sentence opens with a recap of what was reported before (<see cref="EventAssembler.OpensRecall"/>).</summary>
    public bool Recall { get; init; }

    /// <summary>A cue of another attack when its weapons differ (<see cref="EventAssembler.NewAttackRule"/>).</summary>
    public string? NewAttack { get; init; }

    /// <summary>The sentence opens by turning to another attack of a roundup (<see cref="EventAssembler.OpensRoundup"/>).</summary>
    public bool Roundup { get; init; }

    /// <summary>The sentence tells its facts inside the attack told so far (<see cref="EventAssembler.TellsWithinAttack"/>).</summary>
    public bool WithinAttack { get; init; }
}

/// <summary>Step 2, classify: each unit's role and facts, read from its own mentions alone.</summary>
public sealed partial class EventAssembler
{
    /// <summary>
    /// Reads unit <paramref name="u"/>. Named rules: <c>no-attack</c>, <c>hypothetical</c>, <c>generic</c>,
    /// <c>caption</c>, <c>long-ago</c> (an undated recall, "A year ago, a strike on the same building killed 46"),
    /// <c>period-tally</c>; aggregates <c>period</c>, <c>since-record</c> ("has not struck Kyiv
    /// since August 26, when it launched 200 drones"), <c>month-total</c> ("In March, Ukraine fired 90 drones");
    /// else <c>attack</c>.
    /// </summary>
    private static readonly SentenceReading NoAttack = new(SentenceRole.NotAttack, "no-attack");
    private static readonly SentenceReading Hypothetical = new(SentenceRole.NotAttack, "hypothetical");
    private static readonly SentenceReading Generic = new(SentenceRole.NotAttack, "generic");
    private static readonly SentenceReading CaptionReading = new(SentenceRole.Caption, "caption");
    private static readonly SentenceReading PeriodTally = new(SentenceRole.Tally, "period-tally");
    private static readonly SentenceReading LongAgo = new(SentenceRole.NotAttack, "long-ago");

    private static SentenceReading Classify(Document doc, SentenceMention s, int u, Bucketed b)
    {
        var counted = b.Figures[u].Count > 0 || b.Casualties[u].Count > 0;
        if (!counted)
        {
            if (b.Weapons[u].Count == 0 && !HasAttackWord(doc, s) && !OpensPartOfCount(doc, s))
            {
                return NoAttack;
            }

            if (IsHypothetical(doc, s))
            {
                return Hypothetical;
            }

            if (IsGeneric(doc, s))
            {
                return Generic;
            }
        }

        if (IsCaption(doc, s))
        {
            return CaptionReading;
        }

        if (b.Dates[u].Count == 0 && OpensLongAgo(doc, s))
        {
            return LongAgo;
        }

        var dates = DatesOutsideUpdateHead(doc, s, b.Dates[u]);
        DateMention? period = null;
        foreach (var d in dates)
        {
            if (d.IsPeriod)
            {
                period = d;
                break;
            }
        }

        if (period is not null)
        {
            return counted ? new(SentenceRole.Aggregate, "period") { Date = period } : PeriodTally;
        }

        var date = ChooseDate(doc, s, dates, out var weak);
        if (date is not null && doc.Lower(date.TokenIndex - 1) == "since" && counted)
        {
            return new(SentenceRole.Aggregate, "since-record") { Date = date };
        }

        if (date is not null && date.Date.Precision == DatePrecision.Month && counted && date.Date.Date is null)
        {
            return new(SentenceRole.Aggregate, "month-total") { Date = date };
        }

        var (side, sideRule) = ReadSide(doc, s, u, b, counted || b.Weapons[u].Count > 0);
        return new(SentenceRole.Attack, "attack")
        {
            Date = date,
            WeakDate = weak,
            Side = side,
            SideRule = sideRule,
            Passing = IsPassingDate(date),
            Separate = SeparateAttackRule(doc, s),
            NewAttack = NewAttackRule(doc, s, dates),
            Earlier = OpensEarlier(doc, s),
            Recall = OpensRecall(doc, s),
            Roundup = OpensRoundup(doc, s),
            WithinAttack = TellsWithinAttack(doc, s),
        };
    }

    /// <summary>
    /// "Of them, 20 over the Kursk region and 9 over the Bryansk region", "Из них 20 — над территорией Курской области":
    /// a sentence that opens by taking part of the count told before, with a number of its own, goes on with that attack
    /// (its places are the attack's), though it names no weapon or verb.
    /// </summary>
    private static bool OpensPartOfCount(Document doc, SentenceMention s)
    {
        var k = s.FirstToken;
        if (k + 2 >= s.EndToken || doc.Lower(k) is not ("of" or "из" or "з" or "із" or "зі") || doc.Lower(k + 1) is not ("them" or "these" or "those" or "which" or "них" or "яких" or "которых"))
        {
            return false;
        }

        for (var i = k + 2; i < s.EndToken && i < k + 6; i++)
        {
            if (doc.Tokens[i].Kind == Text.TokenKind.Number)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The one side whose forces defend in the unit (rule side-defends of the actor stage or of the direction reading), or null.</summary>
    private static Side? DefendedSide(List<ActorMention> actors)
    {
        Side? found = null;
        foreach (var a in actors)
        {
            if (a.Rule != "side-defends" || a.Side is not (Side.Russia or Side.Ukraine))
            {
                continue;
            }

            if (found is not null && found != a.Side)
            {
                return null;
            }

            found = a.Side;
        }

        return found;
    }

    /// <summary>
    /// Who attacked, as an attack unit's own words tell it, and the rule that says so (null, null when they do not).
    /// Named rules, in order: <c>other-side-claims</c> (one side's authorities claim the other side's strike, "Russian
    /// officials said a Ukrainian drone attack on X …", "власти России обвинили ВСУ в ударе по …": the side the cue
    /// names, wherever X is; its cues name the side of an attack, not the agent of a passive), <c>occupied-yields</c> (the places voting against the one side cued are all occupied,
    /// whose control moved during the war: "a Russian artillery attack on Sievierodonetsk"), <c>subject-attacks</c> (the
    /// side cued is the subject of an attack verb right after it), <c>side-defends</c> (no attacker cued, a side's forces
    /// defend: the other side attacked), <c>places</c> (the places
    /// hit, launch areas and reference points aside), <c>side-cue</c> (the one side cued, when the unit counts or names
    /// a weapon), <c>target-country</c> ("a bombardment across Ukraine").
    /// </summary>
    private static (Side? Side, string? Rule) ReadSide(Document doc, SentenceMention s, int u, Bucketed b, bool hasFigures)
    {
        // The sides the attacker cues name (how many distinct, the one when one), and whether each cue claims a strike.
        var sides = 0;
        var first = default(Side);
        var allClaimed = true;
        foreach (var a in b.Actors[u])
        {
            if (!a.IsAttacker)
            {
                continue;
            }

            allClaimed &= ClaimedAttackRules.Contains(a.Rule);
            if (sides == 0)
            {
                (first, sides) = (a.Side, 1);
            }
            else if (a.Side != first)
            {
                sides = 2;
            }
        }

        var places = b.Places[u];
        var placeSide = AttackerFromPlaces(places, b.Resolved);
        Side? cue = sides == 1 ? first : null;
        if (cue is { } attacker && placeSide is { } voted && voted != attacker)
        {
            if (allClaimed && SpeakingSide(doc, s, b.Speakers[u]) is { } speaker && speaker != attacker)
            {
                return (attacker, "other-side-claims");
            }

            if (OccupiedWhereSided(places, b.Resolved))
            {
                return (attacker, "occupied-yields");
            }

            if (SubjectOfAttackVerb(doc, b.Actors[u]))
            {
                return (attacker, "subject-attacks");
            }
        }

        // "Russian air defence systems intercepted three missiles over the Luhansk region": with no attacker cued, the
        // side whose forces defend is attacked by the other, whatever country the places are in.
        if (cue is null && sides == 0 && DefendedSide(b.Actors[u]) is { } defended)
        {
            return (defended == Side.Russia ? Side.Ukraine : Side.Russia, "side-defends");
        }

        if (placeSide is not null)
        {
            return (placeSide, "places");
        }

        if (cue is not null && hasFigures)
        {
            return (cue, "side-cue");
        }

        return sides == 0 && hasFigures && AttackerFromTargetCountry(doc, b.Places[u], b.Resolved) is { } t ? (t, "target-country") : (null, null);
    }

    /// <summary>
    /// Rule <c>subject-attacks</c>: a side named as the subject of an attack verb in the active voice, right before it
    /// ("Russia attacked Ukraine with 120 drones", "Ukraine launched 40 drones at …"; English verbs): the attacker the
    /// text says, whatever place a word of the unit resolves to.
    /// </summary>
    private static bool SubjectOfAttackVerb(Document doc, List<ActorMention> actors)
    {
        foreach (var a in actors)
        {
            if (!a.IsAttacker || a.Rule != "side-before-attack")
            {
                continue;
            }

            var i = TokenAt(doc, a.Span.Start);
            var next = i >= 0 && i + 1 < doc.Tokens.Count ? doc.Tokens[i + 1].Lower : "";
            if (next is "launched" or "fired" or "attacked" or "struck" or "shelled" or "hit" or "pounded" or "bombarded" or "targeted" or "sent" or "unleashed")
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The actor stage's rules whose cue names the side of an attack ("the Ukrainian strike", "удар ЗСУ", "a strike by
    /// Ukraine"), as a claim about a strike does; not the agent of a passive ("airfields used by Russian bombers").
    /// </summary>
    private static readonly HashSet<string> ClaimedAttackRules = ["side-before-attack", "attack-of-side", "attack-by-side"];

    /// <summary>Each unit of the article with the attacker its own words tell and the rule of <see cref="ReadSide"/> that gave it (attack units only).</summary>
    internal IReadOnlyList<(string Text, Side? Side, string? Rule)> ReadSides(Document doc)
    {
        var (_, steps) = Run(doc);
        return steps is null
            ? []
            : [.. steps.Units.Select((x, u) => (x, u)).Where(p => steps.Readings[p.u].Role == SentenceRole.Attack)
                .Select(p => (doc.Text[p.x.Span.Start..p.x.Span.End], steps.Readings[p.u].Side, steps.Readings[p.u].SideRule))];
    }

    /// <summary>The attacker a place hit implies: Russia for Ukraine, Ukraine for Russia, Belarus or occupied Ukraine; null for a country or elsewhere.</summary>
    private static Side? SideOfPlace(PlaceRef p) =>
        p.Country is null || p.Feature == "country" ? null
        : p.Country == "UA" && !p.Occupied ? Side.Russia
        : p.Country is "RU" or "BY" || p.Occupied ? Side.Ukraine
        : null;

    /// <summary>
    /// Who attacked, judged from the places hit in a sentence: places in Ukraine mean Russia attacked; places in
    /// Russia, Belarus or occupied Ukraine mean Ukraine did. Null when the places disagree or there are none.
    /// </summary>
    private static Side? AttackerFromPlaces(List<PlaceMention> places, Dictionary<PlaceMention, PlaceRef> resolved)
    {
        Side? side = null;
        foreach (var m in places)
        {
            if (m.IsReference)
            {
                continue;
            }

            var s = SideOfPlace(resolved[m]);
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

    /// <summary>Every place hit (references aside) that implies an attacker is in occupied Ukraine (true when none does).</summary>
    private static bool OccupiedWhereSided(List<PlaceMention> places, Dictionary<PlaceMention, PlaceRef> resolved)
    {
        foreach (var m in places)
        {
            if (!m.IsReference && resolved[m] is var p && SideOfPlace(p) is not null && !p.Occupied)
            {
                return false;
            }
        }

        return true;
    }
}
