using Microsoft.Playwright;
using Sitrep.Core;
using Sitrep.Ingest;
using Sitrep.Storage;

namespace Sitrep.Web.Tests;

/// <summary>A ledger longer than a page of the table: 60 attacks, one a night in its own town, written by hand.</summary>
public sealed class ServedManyNights : ServedLedger
{
    public const int Attacks = 60;

    private static readonly (string Town, string Admin1, double Lat, double Lon)[] Towns =
    [
        ("Kharkiv", "Kharkiv Oblast", 49.99, 36.23), ("Odesa", "Odesa Oblast", 46.48, 30.73), ("Dnipro", "Dnipropetrovsk Oblast", 48.45, 34.98),
        ("Sumy", "Sumy Oblast", 50.91, 34.80), ("Poltava", "Poltava Oblast", 49.59, 34.55),
    ];

    protected override Task FillAsync(IEventStore store) => store.SaveAsync([.. Enumerable.Range(0, Attacks).Select(Night)]);

    /// <summary>Night <paramref name="i"/>: a strike on one town with 10 + i drones launched, most of them shot down.</summary>
    private static ReportSubmission Night(int i)
    {
        var (town, admin1, lat, lon) = Towns[i % Towns.Length];
        var day = new DateOnly(2024, 1, 1).AddDays(i * 3);
        var launched = 10 + i;
        var text = $"Night strike on {town}\nRussian forces sent {launched} drones toward {town} overnight; {launched - 2} were downed, the regional governor reported.";
        Evidence Ev(string words)
        {
            var at = text.IndexOf(words, StringComparison.Ordinal);
            return new Evidence(new TextSpan(at, at + words.Length), words);
        }

        var article = new Article($"night-{i}", text, Title: text.Split('\n')[0], Url: $"https://wire.example/nights/{i}", Published: day, Source: "Wire", Language: "en");
        var drone = new WeaponRef(WeaponCategory.Drone, null);
        var governor = new Claimant("the regional governor", Side.Ukraine, Ev("the regional governor").Span);
        var sent = Ev($"{launched} drones");
        var downed = Ev($"{launched - 2} were downed");
        var place = new PlaceRef(town, Ev(town).Span) { Name = town, Admin1 = admin1, Country = "UA", Latitude = lat, Longitude = lon, Feature = "populated_place", GeoPrecision = 1 };
        var ev = new ExtractedEvent
        {
            Kind = EventKind.Strike,
            Date = new EventDate(day, DatePrecision.Night, "overnight", Ev("overnight").Span),
            Attacker = Side.Russia,
            TargetCountry = Country.Ukraine,
            Places = [place],
            Location = place,
            Weapons =
            [
                new WeaponUse(drone, sent)
                {
                    Claims =
                    [
                        new FigureClaim(FigureKind.Launched, launched, Qualifier.Exact, sent, drone, governor) { Rule = "test" },
                        new FigureClaim(FigureKind.Destroyed, launched - 2, Qualifier.Exact, downed, drone, governor) { Rule = "test" },
                    ],
                },
            ],
            Claimants = [governor],
            Quotes = [Ev(text.Split('\n')[1])],
        };
        return new ReportSubmission(article, ContentHash.Of(text), $"night-{i}.txt", new Sitrep.Core.Extraction(article) { Events = [ev] }, "test/1");
    }
}

/// <summary>The table's pages in Chromium: next and previous walk the whole listing, each row once, and the pager says which rows of how many.</summary>
public sealed class PagingBrowserTests(ServedManyNights served) : IClassFixture<ServedManyNights>
{
    [BrowserFact]
    public async Task Next_and_previous_walk_every_attack_once_and_say_where_they_are()
    {
        var (page, problems) = await served.PageAsync();
        await page.GotoAsync(served.BaseUrl + "/?view=all");
        await page.WaitForSelectorAsync("body[data-ready=true]", new PageWaitForSelectorOptions { Timeout = 20_000 });
        var pager = page.Locator("#pager .page-no");
        var next = page.Locator("#pager button", new PageLocatorOptions { HasText = "Next" });
        var previous = page.Locator("#pager button", new PageLocatorOptions { HasText = "Previous" });

        async Task<List<string>> Rows() => [.. await page.Locator("#attacks tbody tr td:first-child a").AllTextContentsAsync()];
        async Task Shows(string text) => await Assertions.Expect(pager).ToHaveTextAsync(text, new LocatorAssertionsToHaveTextOptions { Timeout = 10_000 });

        await Shows("Page 1 of 3 · Attacks 1–25 of 60");
        Assert.True(await previous.IsDisabledAsync());
        var first = await Rows();
        Assert.Equal(25, first.Count);

        await next.ClickAsync();
        await Shows("Page 2 of 3 · Attacks 26–50 of 60");
        var second = await Rows();
        Assert.Equal(25, second.Count);

        await next.ClickAsync();
        await Shows("Page 3 of 3 · Attacks 51–60 of 60");
        var third = await Rows();
        Assert.Equal(10, third.Count);
        Assert.True(await next.IsDisabledAsync(), "the last page has no next");

        // Every attack once across the pages, newest first throughout.
        var all = first.Concat(second).Concat(third).ToList();
        Assert.Equal(ServedManyNights.Attacks, all.Distinct().Count());
        var ids = all.Select(id => int.Parse(id.TrimStart('A'), System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(ids.OrderDescending(), ids);

        await previous.ClickAsync();
        await Shows("Page 2 of 3 · Attacks 26–50 of 60");
        Assert.Equal(second, await Rows());
        await page.Locator("#pager button", new PageLocatorOptions { HasText = "First" }).ClickAsync();
        await Shows("Page 1 of 3 · Attacks 1–25 of 60");
        Assert.Equal(first, await Rows());
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Stores.Artifacts("screenshots"), "dashboard-paging.png"), FullPage = true });

        // A narrower view counts its own rows.
        await page.GotoAsync(served.BaseUrl + "/?place=Odesa");
        await Shows("Page 1 of 1 · Attacks 1–12 of 12");
        Assert.True(await next.IsDisabledAsync());
        Assert.Empty(problems);
    }
}
