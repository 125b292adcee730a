using System.Globalization;
using Microsoft.Playwright;

namespace Sitrep.Web.Tests;

/// <summary>
/// The dashboard in Debian's Chromium over the samples: the landing view, filters, brushing, the attack page with its
/// evidence, a phone's width, the keyboard, and that no page asks anything of any host but 127.0.0.1. Each view is
/// saved as a screenshot in artifacts/screenshots/.
/// </summary>
public sealed class DashboardBrowserTests(ServedSamples served) : IClassFixture<ServedSamples>
{
    private static readonly string Shots = Stores.Artifacts("screenshots");

    private static async Task ReadyAsync(IPage page) => await page.WaitForSelectorAsync("body[data-ready=true]", new PageWaitForSelectorOptions { Timeout = 20_000 });

    /// <summary>Does <paramref name="act"/> and waits for the view it leads to.</summary>
    private static async Task AfterAsync(IPage page, Func<Task> act)
    {
        await page.EvaluateAsync("() => { document.body.dataset.ready = ''; }");
        await act();
        await ReadyAsync(page);
    }

    private static Task Shot(IPage page, string name, bool fullPage = true) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Shots, name), FullPage = fullPage });

    private void AssertOnlyLoopback(List<string> problems)
    {
        Assert.Empty(problems);
        var outside = served.Requests.Where(u => !u.StartsWith("data:", StringComparison.Ordinal) && new Uri(u).Host != "127.0.0.1").ToList();
        Assert.True(outside.Count == 0, "requests outside 127.0.0.1: " + string.Join(", ", outside));
        Assert.NotEmpty(served.Requests);
    }

    [BrowserFact]
    public async Task Last_night_loads_map_timeline_and_table_from_this_machine_alone_within_a_second_and_a_megabyte()
    {
        var (page, problems) = await served.PageAsync();
        int LatestAsked() => served.Requests.Count(u => u.EndsWith("/api/attacks?limit=1", StringComparison.Ordinal));
        var asked = LatestAsked();
        await page.GotoAsync(served.BaseUrl + "/");
        await ReadyAsync(page);
        Assert.Equal(asked + 1, LatestAsked()); // the page's preload of the latest day is the request the script takes up
        Assert.Contains("Last night: 2025-04-24", await page.TextContentAsync("#view-title"), StringComparison.Ordinal);
        Assert.True(await page.Locator("path.attack-point").CountAsync() >= 1);
        Assert.Equal(2, await page.Locator(".uplot").CountAsync());
        Assert.Equal(1, await page.Locator("#attacks tbody tr").CountAsync());
        Assert.True(await page.Locator(".leaflet-overlay-pane path, .leaflet-regions-pane path").CountAsync() > 50, "the regions are drawn");
        await Shot(page, "dashboard-last-night.png", fullPage: false);
        await Shot(page, "dashboard-last-night-full.png");

        // First load: from navigation to the dashboard drawn, and every byte the page fetched (compressed, as sent).
        var load = await FirstLoad.MeasureAsync(page);
        await File.WriteAllTextAsync(Path.Combine(Shots, "first-load.txt"), $"first load of the landing view over the samples: {load}\n");
        Assert.InRange(load.Bytes, 1, 1024 * 1024);
        Assert.InRange(load.Ms, 0, 5000); // the target is 1 s on a quiet machine; this one is shared, so the test allows slack
        AssertOnlyLoopback(problems);
    }

    [BrowserFact]
    public async Task Filters_set_in_the_form_are_in_the_address_and_narrow_the_map_and_the_table()
    {
        var (page, problems) = await served.PageAsync();
        await page.GotoAsync(served.BaseUrl + "/?view=all");
        await ReadyAsync(page);
        Assert.Equal(7, await page.Locator("#attacks tbody tr").CountAsync());
        Assert.Empty(await Readability.LowContrastAsync(page));
        await page.SelectOptionAsync("select[name=attacker]", "RU");
        await page.FillAsync("input[name=weapon]", "drone");
        await AfterAsync(page, () => page.ClickAsync("#filters button[type=submit]"));
        Assert.Contains("attacker=RU", page.Url, StringComparison.Ordinal);
        Assert.Contains("weapon=drone", page.Url, StringComparison.Ordinal);
        var sides = await page.Locator("#attacks tbody td:nth-child(3)").AllTextContentsAsync();
        Assert.NotEmpty(sides);
        Assert.All(sides, s => Assert.StartsWith("RU", s.Trim(), StringComparison.Ordinal));
        Assert.Equal(sides.Count, await page.Locator("path.attack-point").CountAsync() + await ClusteredAsync(page));
        await Shot(page, "dashboard-filtered.png");

        // The same address in a new page gives the same view.
        var (again, _) = await served.PageAsync();
        await again.GotoAsync(page.Url);
        await ReadyAsync(again);
        Assert.Equal(sides.Count, await again.Locator("#attacks tbody tr").CountAsync());
        Assert.Equal("RU", await again.InputValueAsync("select[name=attacker]"));

        // Sorting by a figure from the keyboard.
        await page.FocusAsync("button.sort >> text=Launched");
        await AfterAsync(page, () => page.Keyboard.PressAsync("Enter"));
        Assert.Contains("sort=launched", page.Url, StringComparison.Ordinal);
        Assert.Equal("A1", (await page.Locator("#attacks tbody tr td a").First.TextContentAsync())?.Trim());
        AssertOnlyLoopback(problems);
    }

    private static async Task<int> ClusteredAsync(IPage page)
    {
        var total = 0;
        foreach (var t in await page.Locator(".cluster span").AllTextContentsAsync())
        {
            total += int.Parse(t, CultureInfo.InvariantCulture);
        }

        return total;
    }

    [BrowserFact]
    public async Task Brushing_the_timeline_narrows_the_map_and_the_table_to_the_days_picked()
    {
        var (page, problems) = await served.PageAsync();
        await page.GotoAsync(served.BaseUrl + "/?view=all");
        await ReadyAsync(page);
        var over = await page.Locator("#timeline-figures .u-over").BoundingBoxAsync();
        Assert.NotNull(over);
        // The right half of the timeline: the attacks of 2024 and 2025.
        await AfterAsync(page, async () =>
        {
            await page.Mouse.MoveAsync(over.X + over.Width * 0.55f, over.Y + over.Height / 2);
            await page.Mouse.DownAsync();
            await page.Mouse.MoveAsync(over.X + over.Width * 0.8f, over.Y + over.Height / 2, new MouseMoveOptions { Steps = 8 });
            await page.Mouse.MoveAsync(over.X + over.Width - 2, over.Y + over.Height / 2, new MouseMoveOptions { Steps = 4 });
            await page.Mouse.UpAsync();
        });
        Assert.Contains("from=", page.Url, StringComparison.Ordinal);
        var rows = await page.Locator("#attacks tbody tr").CountAsync();
        Assert.InRange(rows, 1, 6);
        Assert.Contains("Map and table:", await page.TextContentAsync("#brush"), StringComparison.Ordinal);
        await Shot(page, "dashboard-brushed.png", fullPage: false);
        AssertOnlyLoopback(problems);
    }

    [BrowserFact]
    public async Task An_attack_opens_from_the_table_and_from_its_address_with_its_evidence_highlighted()
    {
        var (page, problems) = await served.PageAsync();
        await page.GotoAsync(served.BaseUrl + "/?view=all");
        await ReadyAsync(page);
        await AfterAsync(page, () => page.ClickAsync("#attacks a[href='/attacks/A1']"));
        Assert.EndsWith("/attacks/A1", page.Url, StringComparison.Ordinal);
        await page.WaitForSelectorAsync("mark.evidence");
        Assert.Contains("Attack A1", await page.TextContentAsync("#attack-view h1"), StringComparison.Ordinal);
        var marks = await page.Locator(".report-text mark.evidence").AllTextContentsAsync();
        Assert.Contains("143 drones", marks);
        Assert.Contains("three dead", marks);
        Assert.Equal("https://sitrep.example/samples/01-overnight-wave-ukraine", await page.GetAttributeAsync(".report-meta a", "href"));
        Assert.Contains("Drones launched", await page.TextContentAsync(".figure-table"), StringComparison.Ordinal);
        await Shot(page, "attack.png");
        Assert.Empty(await Readability.LowContrastAsync(page));

        // A claim's words lead to its mark in the report's text.
        await page.ClickAsync("a.evidence-link >> text=“143 drones”");
        Assert.Contains("#ev-", page.Url, StringComparison.Ordinal);
        Assert.Equal("143 drones", await page.EvaluateAsync<string>("() => document.querySelector(':target').textContent"));

        // Opened directly, as a shared link.
        var (direct, directProblems) = await served.PageAsync();
        await direct.GotoAsync(served.BaseUrl + "/attacks/A1");
        await ReadyAsync(direct);
        await direct.WaitForSelectorAsync("mark.evidence");
        Assert.Contains("Attack A1", await direct.TextContentAsync("#attack-view h1"), StringComparison.Ordinal);
        Assert.Empty(directProblems);
        AssertOnlyLoopback(problems);
    }

    [BrowserFact]
    public async Task It_fits_a_phones_width_and_works_from_the_keyboard()
    {
        var (page, problems) = await served.PageAsync(390, 844);
        await page.GotoAsync(served.BaseUrl + "/?view=all");
        await ReadyAsync(page);
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth + 1"), "no sideways scrolling");
        await Shot(page, "dashboard-phone.png");
        Assert.Empty(await Readability.LowContrastAsync(page));

        // Tab to the first attack in the table and open it with Enter.
        for (var i = 0; i < 80; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            if (await page.EvaluateAsync<bool>("() => !!document.activeElement.closest('#attacks') && document.activeElement.matches('a[href^=\"/attacks/\"]')"))
            {
                break;
            }
        }

        var href = await page.EvaluateAsync<string>("() => document.activeElement.getAttribute('href') ?? ('not a link: ' + document.activeElement.outerHTML.slice(0, 200))");
        Assert.StartsWith("/attacks/", href, StringComparison.Ordinal);
        await AfterAsync(page, () => page.Keyboard.PressAsync("Enter"));
        Assert.EndsWith(href, page.Url, StringComparison.Ordinal);
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth + 1"), "no sideways scrolling");
        await Shot(page, "attack-phone.png");
        AssertOnlyLoopback(problems);
    }

    [BrowserFact]
    public async Task The_API_page_reads_the_OpenAPI_document_offline()
    {
        var (page, problems) = await served.PageAsync();
        await page.GotoAsync(served.BaseUrl + "/api");
        await ReadyAsync(page);
        Assert.True(await page.Locator("section.operation").CountAsync() >= 9);
        Assert.Contains("/api/attacks", await page.TextContentAsync("#api-operations"), StringComparison.Ordinal);
        await Shot(page, "api.png");
        AssertOnlyLoopback(problems);
    }
}
