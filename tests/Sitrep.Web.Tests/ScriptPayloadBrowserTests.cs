using System.Text.Json;
using Microsoft.Playwright;

namespace Sitrep.Web.Tests;

/// <summary>
/// Reports are untrusted. Reports whose title, text, URL, place names, outlet and claimant carry &lt;script&gt;,
/// &lt;img onerror&gt;, &lt;svg onload&gt; and javascript: payloads are shown on every view, and none of it runs: the words
/// appear as words, no element of theirs exists, no dialog opens, and a javascript: address is no link.
/// </summary>
public sealed class ScriptPayloadBrowserTests(ServedPayloads served) : IClassFixture<ServedPayloads>
{
    private static readonly string Shots = Stores.Artifacts("screenshots");

    private async Task<List<string>> PayloadAttackIdsAsync()
    {
        using var http = new HttpClient();
        var page = JsonDocument.Parse(await http.GetStringAsync(served.BaseUrl + "/api/attacks?since=2025-05-01")).RootElement;
        return [.. page.GetProperty("attacks").EnumerateArray().Select(a => a.GetProperty("id").GetString()!)];
    }

    private static async Task AssertNothingRanAsync(IPage page, List<string> problems)
    {
        Assert.Null(await page.EvaluateAsync<string?>("() => window.__xss ?? null"));
        Assert.DoesNotContain(problems, p => p.StartsWith("dialog", StringComparison.Ordinal));
        Assert.Equal(0, await page.Locator("img[src='x'], img[onerror], svg[onload], [onerror], [onload]").CountAsync());
        var scripts = await page.EvaluateAsync<string[]>("() => [...document.scripts].map(s => s.getAttribute('src') || 'INLINE:' + s.textContent)");
        Assert.All(scripts, s => Assert.True(s.StartsWith("/app/", StringComparison.Ordinal) || s.StartsWith("/vendor/", StringComparison.Ordinal), "unexpected script: " + s));
        Assert.Equal(0, await page.Locator("a[href^='javascript:' i]").CountAsync());
    }

    [BrowserFact]
    public async Task Payloads_in_titles_text_places_and_claimants_are_shown_as_words_and_never_run()
    {
        var ids = await PayloadAttackIdsAsync();
        Assert.Equal(2, ids.Count);
        var (page, problems) = await served.PageAsync();
        await page.GotoAsync(served.BaseUrl + "/?since=2025-05-01");
        await page.WaitForSelectorAsync("body[data-ready=true]", new PageWaitForSelectorOptions { Timeout = 20_000 });
        var table = await page.TextContentAsync("#attacks") ?? "";
        Assert.Contains(Stores.ImagePayload, table, StringComparison.Ordinal);
        await page.ClickAsync("path.attack-point");
        await page.WaitForSelectorAsync(".leaflet-popup .card");
        await AssertNothingRanAsync(page, problems);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Shots, "payloads-dashboard.png") });

        foreach (var id in ids)
        {
            await page.EvaluateAsync("() => { document.body.dataset.ready = ''; }");
            await page.GotoAsync($"{served.BaseUrl}/attacks/{id}");
            await page.WaitForSelectorAsync("body[data-ready=true]", new PageWaitForSelectorOptions { Timeout = 20_000 });
            await page.WaitForSelectorAsync(".report-text");
            var text = await page.TextContentAsync("#attack-view") ?? "";
            Assert.Contains(Stores.ScriptPayload, text, StringComparison.Ordinal);
            await AssertNothingRanAsync(page, problems);
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Shots, $"payloads-attack-{id}.png"), FullPage = true });
        }

        // The hand-written report's URL is javascript:…: shown as text, never as a link.
        Assert.Empty(problems);
        Assert.All(served.Requests, u => Assert.True(u.StartsWith("data:", StringComparison.Ordinal) || new Uri(u).Host == "127.0.0.1", u));
    }

    [BrowserFact]
    public async Task The_page_itself_refuses_to_put_HTML_strings_into_the_document()
    {
        var (page, _) = await served.PageAsync();
        await page.GotoAsync(served.BaseUrl + "/");
        await page.WaitForSelectorAsync("body[data-ready=true]", new PageWaitForSelectorOptions { Timeout = 20_000 });
        // Trusted Types: even a script on the page cannot write markup with innerHTML.
        var refused = await page.EvaluateAsync<bool>("""
            () => { try { document.body.insertAdjacentElement('beforeend', document.createElement('div')).innerHTML = '<img src=x onerror="window.__xss=1">'; return false; } catch (e) { return true; } }
            """);
        Assert.True(refused);
        Assert.Null(await page.EvaluateAsync<string?>("() => window.__xss ?? null"));
    }
}
