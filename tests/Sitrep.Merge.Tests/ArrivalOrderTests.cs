using System.Globalization;
using Sitrep.Core;

namespace Sitrep.Merge.Tests;

/// <summary>
/// The store numbers reports as they arrive, so the same reports ingested in another order, in other batches or by
/// other workers get other keys. The attacks must not follow: events whose place in an attack is decided by a tie are
/// merged here under many arrival orders, and the attacks (named by report, not by key) must be the same each time.
/// </summary>
public sealed class ArrivalOrderTests
{
    /// <summary>
    /// Reports whose merge turns on ties: per day, two local drone strikes far apart, with far-apart figures, that do
    /// not merge with each other, told with equal detail, and a terser account naming no place that scores the same
    /// against both.
    /// </summary>
    private static List<(string Name, string Published, Strike Strike)> Reports()
    {
        var list = new List<(string, string, Strike)>();
        var pairs = new[] { ("Lviv", "Kharkiv"), ("Odesa", "Sumy"), ("Kherson", "Poltava") };
        for (var d = 0; d < pairs.Length; d++)
        {
            var day = new DateOnly(2024, 6, 3).AddDays(2 * d).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            var (west, east) = pairs[d];
            foreach (var (town, drones) in new[] { (west, 9), (east, 60) })
            {
                list.Add(($"{town}-{d}", day, new Strike
                {
                    Date = day, DateWords = "on Monday", Places = [town], Weapons = [new Arms(WeaponCategory.Drone, Launched: drones)],
                    Sentence = $"{drones} drones were sent at {town} on Monday, officials said.",
                }));
            }

            list.Add(($"terse-{d}", day, new Strike
            {
                Date = day, DateWords = "on Monday", Weapons = [new Arms(WeaponCategory.Drone)],
                Sentence = "Drones struck a city on Monday.",
            }));
        }

        return list;
    }

    /// <summary>The reports' events as the store would give them had they arrived in <paramref name="order"/>: report i of the order gets id i + 1, and its name as its identity.</summary>
    private static List<MergeEvent> Arrived(IReadOnlyList<(string Name, string Published, Strike Strike)> reports, IReadOnlyList<int> order)
    {
        var events = new List<MergeEvent>();
        for (var i = 0; i < order.Count; i++)
        {
            var (name, published, strike) = reports[order[i]];
            var e = strike.Build();
            var report = new MergeReport(i + 1L, 1, "Outlet " + name, DateOnly.ParseExact(published, "yyyy-MM-dd", CultureInfo.InvariantCulture), null)
            {
                LatestEventDate = MergeReport.LatestDateOf([e]),
                Identity = name,
            };
            events.Add(new MergeEvent(new EventKey(i + 1L, 0), report, e));
        }

        return events;
    }

    /// <summary>The attacks of the reports when they arrive in <paramref name="order"/>: report i of the order gets id i + 1.</summary>
    private static List<string> Attacks(List<(string Name, string Published, Strike Strike)> reports, IReadOnlyList<int> order)
    {
        var names = new Dictionary<long, string>();
        for (var i = 0; i < order.Count; i++)
        {
            names[i + 1L] = reports[order[i]].Name;
        }

        var result = new MergeEngine(FakeRegistry.Find).Merge(Arrived(reports, order));
        return [.. result.Attacks.Select(a => string.Join(",", a.Members.Select(m => names[m.Event.ReportId]).Order(StringComparer.Ordinal))
            + $" @{a.Location?.Name}").Order(StringComparer.Ordinal)];
    }

    [Fact]
    public void The_same_reports_arriving_in_any_order_make_the_same_attacks()
    {
        var reports = Reports();
        var expected = Attacks(reports, [.. Enumerable.Range(0, reports.Count)]);

        // The fixture does turn on ties: every terse account joins one of its day's two strikes.
        Assert.Equal(reports.Count - 3, expected.Count);

        var random = new Random(7);
        for (var round = 0; round < 40; round++)
        {
            var order = Enumerable.Range(0, reports.Count).ToArray();
            random.Shuffle(order);
            Assert.Equal(expected, Attacks(reports, order));
        }

        Assert.Equal(expected, Attacks(reports, [.. Enumerable.Range(0, reports.Count).Reverse()]));
    }

    [Fact]
    public void A_tie_goes_to_the_report_published_first_whatever_its_identity()
    {
        // One day's two strikes and the terse account that scores the same against both: the strike told by the report
        // published first leads, though the other's identity sorts first ("Kharkiv" < "Lviv"), in every arrival order.
        var day = new DateOnly(2024, 6, 3);
        var reports = Reports().Where(r => r.Name.EndsWith("-0", StringComparison.Ordinal)).Select(r => r.Name == "Kharkiv-0"
            ? r with { Published = day.AddDays(1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) }
            : r).ToList();
        var random = new Random(11);
        for (var round = 0; round < 10; round++)
        {
            var order = Enumerable.Range(0, reports.Count).ToArray();
            random.Shuffle(order);
            var attacks = Attacks(reports, order);
            Assert.Contains("Lviv-0,terse-0 @Lviv", attacks);
            Assert.Contains("Kharkiv-0 @Kharkiv", attacks);
        }
    }

    [Fact]
    public void A_figure_lists_its_claims_and_picks_its_best_one_the_same_way_whatever_the_arrival_order()
    {
        // Three outlets give the same count of the same strike, with words of their own: the claim marked best (its
        // evidence) and the order of the claims must follow the reports, not the ids they were given on arrival.
        var day = "2024-06-03";
        var reports = new[] { "north", "south", "west" }.Select(name => (name, day, new Strike
        {
            Date = day, DateWords = "on Monday", Places = ["Kharkiv"], Weapons = [new Arms(WeaponCategory.Drone, Launched: 36)],
            Sentence = $"36 drones were sent at Kharkiv on Monday, the {name} desk said.",
        })).ToList();

        string Picture(IReadOnlyList<int> order)
        {
            var attack = Assert.Single(new MergeEngine(FakeRegistry.Find).Merge(Arrived(reports, order)).Attacks);
            var launched = Assert.Single(attack.Figures, f => f.Key.Kind == FigureKind.Launched);
            return launched.BestClaim.Evidence.Text + " | " + string.Join(" | ", launched.Claims.Select(c => c.Evidence.Text));
        }

        var expected = Picture([0, 1, 2]);
        Assert.StartsWith("36 drones were sent at Kharkiv on Monday, the north desk said.", expected, StringComparison.Ordinal);
        int[][] orders = [[2, 1, 0], [1, 2, 0], [2, 0, 1], [1, 0, 2], [0, 2, 1]];
        foreach (var order in orders)
        {
            Assert.Equal(expected, Picture(order));
        }
    }
}

