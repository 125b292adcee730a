using System.Collections.Immutable;
using System.Globalization;
using Sitrep.Core;

namespace Sitrep.Merge;

/// <summary>
/// One real-world attack: the per-report events of every report that tells it, and its figures reconciled from
/// their claims. Immutable; built only by <see cref="MergeEngine.Merge"/>.
/// Invariants: <see cref="Members"/> is non-empty and ordered by key; every member has the attack's target country;
/// members with a known attacker all have <see cref="Attacker"/>; every figure's best lies in <c>[Low, High]</c>.
/// </summary>
public sealed record Attack
{
    /// <summary>The smallest member key: identifies the attack within one result. The store's lasting id comes from <see cref="AttackIdentity"/>.</summary>
    public required EventKey Key { get; init; }

    /// <summary>
    /// The day the attack is filed under for windowed recomputes (<see cref="MergeWindow.Owns(Attack)"/>): the anchor
    /// day of the cluster it grew from (a member's anchor is never more than one day from it). Null only for an attack
    /// whose members have no anchor at all (undated events of undated reports, alone or joined by an analyst).
    /// </summary>
    public DateOnly? Home { get; init; }

    /// <summary>
    /// The attack's date: the day the night ends, or the day of a daytime strike, as most members whose text dates them
    /// give it; null when no member's text dates it (the attack is then filed under <see cref="Home"/>, its reports' day).
    /// </summary>
    public DateOnly? Date { get; init; }

    public DatePrecision Precision { get; init; } = DatePrecision.Unknown;

    /// <summary>The members' known attacker; <see cref="Side.Unknown"/> when no member names one.</summary>
    public Side Attacker { get; init; } = Side.Unknown;

    public Country TargetCountry { get; init; } = Country.Other;

    /// <summary>The most precise place the most members share (for maps); null when no member names a resolved place.</summary>
    public PlaceRef? Location { get; init; }

    /// <summary>
    /// The member whose words give <see cref="Location"/> (its span is in that member's report): the first member, in
    /// the merge's order of reports, naming the place. Null exactly when <see cref="Location"/> is.
    /// </summary>
    public EventKey? LocationEvent { get; init; }

    /// <summary>Every member, ordered by key, with why it is in the attack.</summary>
    public ImmutableArray<AttackMember> Members { get; init; } = [];

    /// <summary>Distinct reports among the members.</summary>
    public int ReportCount { get; init; }

    /// <summary>Distinct outlets among the members' reports (reports with no outlet each count as their own).</summary>
    public int SourceCount { get; init; }

    /// <summary>The reconciled figures, ordered by <see cref="FigureKey"/>; a figure exists when some member gives it.</summary>
    public ImmutableArray<AttackFigure> Figures { get; init; } = [];

    /// <summary>The figure for <paramref name="key"/>, or null when no member gives it.</summary>
    public AttackFigure? Figure(FigureKey key)
    {
        foreach (var f in Figures)
        {
            if (f.Key == key)
            {
                return f;
            }
        }

        return null;
    }

    /// <summary>The member for an event key, or null.</summary>
    public AttackMember? Member(EventKey key)
    {
        foreach (var m in Members)
        {
            if (m.Event == key)
            {
                return m;
            }
        }

        return null;
    }
}

/// <summary>How an event came to be in its attack.</summary>
public enum MembershipKind
{
    /// <summary>The first event of its attack (the most informative of its day): the others were scored against it.</summary>
    Seed,

    /// <summary>Joined an attack of its own anchor day on its score.</summary>
    SameDay,

    /// <summary>An event whose date is assumed (no date words, or the report's date) that joined an attack of its anchor day or the day before or after on its score.</summary>
    AssumedDate,

    /// <summary>United with this attack by an analyst's <see cref="MergeDecisionKind.Join"/>.</summary>
    AnalystJoin,

    /// <summary>Alone because an analyst split it off (<see cref="MergeDecisionKind.Split"/>).</summary>
    AnalystSplit,

    /// <summary>Alone because nothing dates it: no date, no publication date, no dated event in its report.</summary>
    Undated,

    /// <summary>Alone because its date is only a week, month or year.</summary>
    VagueDate,
}

/// <summary>
/// Why an event is a member: how it joined, its score, and the features that decided it, each with its value and a
/// short sentence, so <c>sitrep show</c> can print the reasons. <see cref="Score"/> is the sum of the features'
/// values; it is 0 with no features for a seed, an analyst's decision and an event alone for want of a date.
/// </summary>
/// <param name="Event">The member event.</param>
/// <param name="Kind">How it joined.</param>
/// <param name="Score">The score it joined on (the features' sum).</param>
/// <param name="Features">What decided it, strongest first.</param>
public sealed record AttackMember(EventKey Event, MembershipKind Kind, double Score, ImmutableArray<MergeFeature> Features)
{
    /// <summary>The report of the event.</summary>
    public long ReportId => Event.ReportId;

    /// <summary>
    /// True when the member tells only part of the attack (a city's own account of a nationwide wave): its figures
    /// are listed but left out of best, low and high while whole accounts exist.
    /// </summary>
    public bool IsPartial { get; init; }

    /// <summary>The decision that made this membership, for <see cref="MembershipKind.AnalystJoin"/> and <see cref="MembershipKind.AnalystSplit"/>.</summary>
    public long? DecisionSequence { get; init; }

    /// <summary>One line for people: "same day, score 3.5: both name Kharkiv (+1.5); …".</summary>
    public string Explain()
    {
        var head = Kind switch
        {
            MembershipKind.Seed => "first of its attack",
            MembershipKind.SameDay => "same day",
            MembershipKind.AssumedDate => "date assumed",
            MembershipKind.AnalystJoin => $"joined by analyst decision {DecisionSequence}",
            MembershipKind.AnalystSplit => $"split off by analyst decision {DecisionSequence}",
            MembershipKind.Undated => "alone: nothing dates it",
            _ => "alone: its date is only a week, month or year",
        };
        if (Features.IsDefaultOrEmpty)
        {
            return head;
        }

        return string.Create(CultureInfo.InvariantCulture, $"{head}, score {Score:0.##}: ") + string.Join("; ", Features.Select(f => f.ToString()));
    }
}

/// <summary>One feature of a membership decision: a stable name ("shared-town"), its value in the score, and a sentence.</summary>
public sealed record MergeFeature(string Name, double Value, string Reason)
{
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Reason} ({Value:+0.##;-0.##;0})");
}

/// <summary>The attacks of one merge run, ordered by key. Immutable.</summary>
public sealed class MergeResult
{
    private readonly Lazy<Dictionary<EventKey, Attack>> byEvent;

    public MergeResult(ImmutableArray<Attack> attacks)
    {
        Attacks = attacks.IsDefault ? [] : attacks;
        byEvent = new(() => Index(Attacks));
    }

    /// <summary>Every attack, ordered by <see cref="Attack.Key"/>; every strike event given is a member of exactly one.</summary>
    public ImmutableArray<Attack> Attacks { get; }

    /// <summary>The attack holding the event, or null (an aggregate, or an event not given).</summary>
    public Attack? AttackOf(EventKey key) => byEvent.Value.GetValueOrDefault(key);

    /// <summary>The attacks the window owns (<see cref="MergeWindow.Owns(Attack)"/>): the ones to store after a windowed recompute.</summary>
    public ImmutableArray<Attack> Within(MergeWindow window)
    {
        ArgumentNullException.ThrowIfNull(window);
        return [.. Attacks.Where(window.Owns)];
    }

    private static Dictionary<EventKey, Attack> Index(ImmutableArray<Attack> attacks)
    {
        var d = new Dictionary<EventKey, Attack>();
        foreach (var a in attacks)
        {
            foreach (var m in a.Members)
            {
                d[m.Event] = a;
            }
        }

        return d;
    }
}

/// <summary>
/// The membership of every attack, before any is built: what a windowed recompute needs to keep ids and to tell which
/// attacks it must build at all (reconciling an attack's figures is most of what building it costs).
/// </summary>
public sealed class MergePartition
{
    internal MergePartition(ImmutableArray<AttackDraft> drafts) => Drafts = drafts;

    /// <summary>Every attack's draft, ordered by <see cref="AttackDraft.Key"/> (the order of <see cref="MergeResult.Attacks"/>).</summary>
    public ImmutableArray<AttackDraft> Drafts { get; }

    /// <summary>The drafts the window owns (<see cref="MergeWindow.Owns(DateOnly?, IEnumerable{EventKey})"/>).</summary>
    public ImmutableArray<AttackDraft> Within(MergeWindow window)
    {
        ArgumentNullException.ThrowIfNull(window);
        return [.. Drafts.Where(d => window.Owns(d.Home, d.Members))];
    }

    /// <summary>Every attack, built.</summary>
    public MergeResult Build() => new([.. Drafts.Select(d => d.Build())]);
}

/// <summary>One attack's home and members; <see cref="Build"/> makes the attack (once).</summary>
public sealed class AttackDraft
{
    private readonly Lazy<(Attack Attack, AttackState State)> attack;
    private readonly Group group;
    private readonly Reconciler reconciler;

    internal AttackDraft(Group group, Reconciler reconciler)
    {
        this.group = group;
        this.reconciler = reconciler;
        var keys = new EventKey[group.Members.Count];
        for (var i = 0; i < keys.Length; i++)
        {
            keys[i] = group.Members[i].Profile.Key;
        }

        Array.Sort(keys);
        Members = System.Runtime.InteropServices.ImmutableCollectionsMarshal.AsImmutableArray(keys);
        Home = group.Home;
        attack = new(() => AttackBuilder.Build(group, reconciler));
    }

    /// <summary>The attack's key: its smallest member (<see cref="Attack.Key"/>).</summary>
    public EventKey Key => Members[0];

    /// <summary>The day the attack is filed under (<see cref="Attack.Home"/>).</summary>
    public DateOnly? Home { get; }

    /// <summary>Its members' keys, sorted.</summary>
    public ImmutableArray<EventKey> Members { get; }

    /// <summary>The attack, with its reconciled figures.</summary>
    public Attack Build() => attack.Value.Attack;

    /// <summary>The attack built whole (<see cref="Build"/>), with the state a later extension can start from.</summary>
    public AttackState BuildState() => attack.Value.State;

    /// <summary>
    /// The attack built from <paramref name="previous"/> — the state of this attack before it gained members — and the
    /// new members alone, with its state; null when that is not provably what <see cref="Build"/> gives (a member of
    /// <paramref name="previous"/> is gone, changed or joined differently, no member is new, a decision names a member,
    /// or the home, target, attacker, regions or an old member's partial flag differ): build it whole then. Members and
    /// figures the new members leave as they were are the very objects of <paramref name="previous"/>.<see cref="AttackState.Attack"/>.
    /// </summary>
    public AttackState? TryExtend(AttackState previous)
    {
        ArgumentNullException.ThrowIfNull(previous);
        return AttackBuilder.Extend(group, previous, reconciler)?.State;
    }
}
