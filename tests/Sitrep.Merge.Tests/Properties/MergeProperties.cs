using FsCheck;
using FsCheck.Fluent;
using Sitrep.Benchmarks.Merge;

namespace Sitrep.Merge.Tests.Properties;

/// <summary>
/// The merge is a function of the set of events and decisions (never of their order), and recomputing windows as the
/// store does — after every batch of added or removed events and new decisions, in any order — ends exactly where
/// one rebuild of the whole ledger does.
/// </summary>
public sealed class MergeProperties
{
    private static readonly DateOnly Start = new(2024, 8, 20);

    private static Config Config(int tests) => FsCheck.Config.QuickThrowOnFailure.WithMaxTest(tests);

    /// <summary>A case: the generator's seed, how many events over how many days, and the seed of everything random after.</summary>
    private static Arbitrary<(int Seed, int Events, int Days, int Shuffle, bool Hard)> Cases(int maxEvents) =>
        (from seed in Gen.Choose(0, 1_000_000)
         from events in Gen.Choose(1, maxEvents)
         from days in Gen.Choose(1, 10)
         from shuffle in Gen.Choose(0, 1_000_000)
         from hard in Gen.Frequency((1, Gen.Constant(false)), (3, Gen.Constant(true)))
         select (seed, events, days, shuffle, hard)).ToArbitrary();

    /// <summary>A case's events, its random source (after the decisions were drawn), up to five decisions, and an engine.</summary>
    private static (List<MergeEvent> Events, Random Rng, List<MergeDecision> Decisions, MergeEngine Engine) Setup((int Seed, int Events, int Days, int Shuffle, bool Hard) c)
    {
        var events = SyntheticLedger.Generate(c.Events, c.Days, c.Seed, Start, hard: c.Hard);
        var rng = new Random(c.Shuffle);
        var decisions = RandomDecisions(rng, events, rng.Next(0, 6));
        return (events, rng, decisions, new MergeEngine(FakeRegistry.Find));
    }

    [Fact]
    public void The_result_does_not_depend_on_the_order_of_events_or_decisions() =>
        Check.One(Config(40), Prop.ForAll(Cases(100), c =>
        {
            var (events, rng, decisions, engine) = Setup(c);
            var expected = Canonical.Of(engine.Merge(events, decisions));
            var shuffled = events.OrderBy(_ => rng.Next()).ToList();
            var actual = Canonical.Of(engine.Merge(shuffled, decisions.OrderBy(_ => rng.Next()).ToList()));
            Assert.True(expected == actual, Canonical.FirstDifference(actual, expected));
        }));

    [Fact]
    public void Every_strike_event_is_in_exactly_one_attack_and_best_lies_in_low_high() =>
        Check.One(Config(60), Prop.ForAll(Cases(200), c =>
        {
            var events = SyntheticLedger.Generate(c.Events, c.Days, c.Seed, Start, hard: c.Hard);
            var rng = new Random(c.Shuffle);
            var result = new MergeEngine(FakeRegistry.Find).Merge(events, RandomDecisions(rng, events, rng.Next(0, 6)));
            var strikes = events.Where(e => e.Event.Kind == Core.EventKind.Strike).Select(e => e.Key).Order().ToList();
            var members = result.Attacks.SelectMany(a => a.Members.Select(m => m.Event)).Order().ToList();
            Assert.Equal(strikes, members);
            var anchors = events.ToDictionary(e => e.Key, MergeEngine.AnchorOf);
            foreach (var a in result.Attacks)
            {
                Assert.Equal(a.Members.Min(m => m.Event), a.Key);
                foreach (var f in a.Figures)
                {
                    Assert.InRange(f.Best, f.Low, f.High);
                    Assert.InRange(f.Conservative, f.Low, f.High);
                    Assert.Contains(f.BestClaim, f.Claims);
                    Assert.Equal(f.Best, f.BestClaim.Value);
                }

                foreach (var m in a.Members)
                {
                    Assert.Equal(Math.Round(m.Features.Sum(x => x.Value), 3), Math.Round(m.Score, 3));
                }

                if (a.Home is { } home && a.Members.All(m => m.Kind != MembershipKind.AnalystJoin))
                {
                    foreach (var m in a.Members)
                    {
                        var anchor = anchors[m.Event];
                        Assert.True(anchor is { } d && Math.Abs(d.DayNumber - home.DayNumber) <= 1, $"{m.Event} anchored {anchor} in an attack filed under {home}");
                    }
                }
            }
        }));

    [Fact]
    public void A_partition_drafts_the_attacks_the_merge_builds() =>
        Check.One(Config(30), Prop.ForAll(Cases(150), c =>
        {
            var (events, _, decisions, engine) = Setup(c);
            var partition = engine.Partition(events, decisions);
            var built = engine.Merge(events, decisions).Attacks;
            Assert.Equal(built.Length, partition.Drafts.Length);
            for (var i = 0; i < built.Length; i++)
            {
                var d = partition.Drafts[i];
                Assert.Equal((built[i].Key, built[i].Home), (d.Key, d.Home));
                Assert.Equal(built[i].Members.Select(m => m.Event).Order(), d.Members);
                Assert.Same(d.Build(), d.Build());
                Assert.Equal(Canonical.Of(new MergeResult([built[i]])), Canonical.Of(new MergeResult([d.Build()])));
            }
        }));

    [Fact]
    public void Windowed_recomputes_in_any_order_end_where_a_rebuild_does() =>
        Check.One(Config(40), Prop.ForAll(Cases(120), c =>
        {
            var all = SyntheticLedger.Generate(c.Events, c.Days, c.Seed, Start, hard: c.Hard);
            var rng = new Random(c.Shuffle);
            var engine = new MergeEngine(FakeRegistry.Find);
            var store = new SimulatedStore(engine);
            var pending = all.OrderBy(_ => rng.Next()).ToList();
            long sequence = 0;
            while (pending.Count > 0)
            {
                var roll = rng.NextDouble();
                if (roll < 0.15 && store.Events.Count > 0)
                {
                    // Remove a few stored events (a report withdrawn or replaced).
                    var gone = store.Events.Values.OrderBy(_ => rng.Next()).Take(rng.Next(1, 4)).ToList();
                    store.Remove(gone);
                }
                else if (roll < 0.3 && store.Events.Count > 1)
                {
                    // An analyst's decision about stored events.
                    store.Decide(RandomDecisions(rng, [.. store.Events.Values], 1, ++sequence));
                }
                else
                {
                    var batch = pending.Take(rng.Next(1, 12)).ToList();
                    pending.RemoveRange(0, batch.Count);
                    store.Add(batch);
                }

                store.AssertPartition();
            }

            var expected = Canonical.Of(engine.Merge(store.Events.Values, store.Decisions));
            var actual = Canonical.Of(store.Attacks);
            Assert.True(expected == actual, Canonical.FirstDifference(actual, expected));
        }));

    [Fact]
    public void A_memo_kept_across_partitions_never_changes_one() =>
        Check.One(Config(40), Prop.ForAll(Cases(150), c =>
        {
            // Successive partitions of a changing set of events — added, removed, re-extracted (the same key, another
            // event), their report's dates changed, decisions made — with one memo give what partitions without it give.
            var (events, rng, decisions, engine) = Setup(c);
            var memo = new MergeMemo();
            var current = events.Take(Math.Max(1, events.Count / 2)).ToDictionary(e => e.Key);
            var spare = events.Skip(current.Count).ToList();
            for (var step = 0; step < 6; step++)
            {
                var withMemo = Canonical.Of(engine.Partition(current.Values, decisions, memo).Build());
                var without = Canonical.Of(engine.Merge(current.Values, decisions));
                Assert.True(without == withMemo, $"step {step}: " + Canonical.FirstDifference(withMemo, without));

                foreach (var k in current.Keys.OrderBy(_ => rng.Next()).Take(rng.Next(0, 4)).ToList())
                {
                    var e = current[k];
                    var other = events[rng.Next(events.Count)];
                    switch (rng.Next(3))
                    {
                        case 0:
                            current.Remove(k);
                            break;
                        case 1:
                            current[k] = e with { Event = other.Event with { Kind = e.Event.Kind } };
                            break;
                        default:
                            var report = e.Report with { Published = e.Report.Published?.AddDays(rng.Next(-1, 2)), LatestEventDate = other.Report.LatestEventDate };
                            foreach (var sibling in current.Values.Where(x => x.Key.ReportId == k.ReportId).ToList())
                            {
                                current[sibling.Key] = sibling with { Report = report };
                            }

                            break;
                    }
                }

                foreach (var e in spare.Take(rng.Next(0, 20)).ToList())
                {
                    current[e.Key] = e;
                    spare.Remove(e);
                }

                decisions = [.. decisions, .. RandomDecisions(rng, [.. current.Values], rng.Next(0, 2), decisions.Count + 1)];
            }
        }));

    [Fact]
    public void A_window_of_every_event_recomputes_the_whole_ledger()
    {
        var events = SyntheticLedger.Generate(300, 8, 7, Start);
        var window = MergeEngine.Window(events.Select(AnchoredKey.Of), [], _ => null);
        Assert.All(events, e => Assert.True(MergeEngine.AnchorOf(e) is { } a ? window.Loads(a) : window.LoadAlso.Contains(e.Key)));
        var result = new MergeEngine().Merge(events);
        Assert.All(result.Attacks, a => Assert.True(window.Owns(a)));
    }

    /// <summary>Random joins and splits between the given events.</summary>
    internal static List<MergeDecision> RandomDecisions(Random rng, List<MergeEvent> events, int count, long firstSequence = 1)
    {
        var strikes = events.Where(e => e.Event.Kind == Core.EventKind.Strike).ToList();
        var result = new List<MergeDecision>();
        for (var i = 0; i < count && strikes.Count > 0; i++)
        {
            var a = strikes[rng.Next(strikes.Count)].Key;
            if (rng.NextDouble() < 0.6 && strikes.Count > 1)
            {
                var b = strikes[rng.Next(strikes.Count)].Key;
                result.Add(MergeDecision.Join(firstSequence + i, a, b));
            }
            else
            {
                result.Add(MergeDecision.Split(firstSequence + i, a));
            }
        }

        return result;
    }
}

/// <summary>
/// A store as the lead will build it, in memory: it keeps events, decisions and attacks, and after every change
/// asks for the window, loads what it says, merges, and replaces the attacks the window owns.
/// </summary>
internal sealed class SimulatedStore(MergeEngine engine)
{
    public Dictionary<EventKey, MergeEvent> Events { get; } = [];

    public List<MergeDecision> Decisions { get; } = [];

    public List<Attack> Attacks { get; } = [];

    public void Add(List<MergeEvent> batch)
    {
        foreach (var e in batch)
        {
            Events[e.Key] = e;
        }

        Recompute(batch.Select(AnchoredKey.Of));
    }

    public void Remove(List<MergeEvent> gone)
    {
        foreach (var e in gone)
        {
            Events.Remove(e.Key);
        }

        Recompute(gone.Select(AnchoredKey.Of));
    }

    public void Decide(List<MergeDecision> decisions)
    {
        Decisions.AddRange(decisions);
        var named = decisions.SelectMany(d => d.Events).Distinct().Select(k => new AnchoredKey(k, AnchorOf(k)));
        Recompute(named);
    }

    public void AssertPartition()
    {
        var members = Attacks.SelectMany(a => a.Members.Select(m => m.Event)).ToList();
        Assert.Equal(members.Count, members.Distinct().Count());
        var strikes = Events.Values.Where(e => e.Event.Kind == Core.EventKind.Strike).Select(e => e.Key).ToHashSet();
        Assert.True(strikes.SetEquals(members), "the stored attacks hold every stored strike event once");
    }

    private DateOnly? AnchorOf(EventKey k) => Events.TryGetValue(k, out var e) ? MergeEngine.AnchorOf(e) : null;

    private void Recompute(IEnumerable<AnchoredKey> changed)
    {
        var window = MergeEngine.Window([.. changed], Decisions, AnchorOf);
        var also = window.LoadAlso.ToHashSet();
        var loaded = Events.Values.Where(e => MergeEngine.AnchorOf(e) is { } a ? window.Loads(a) : also.Contains(e.Key)).ToList();
        var result = engine.Merge(loaded, Decisions);
        Attacks.RemoveAll(window.Owns);
        Attacks.AddRange(result.Within(window));
    }
}
