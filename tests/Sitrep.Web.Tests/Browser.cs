using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Sitrep.Storage;
using Sitrep.Storage.Tests;

namespace Sitrep.Web.Tests;

/// <summary>
/// Debian's Chromium, driven by Playwright (headless; Playwright's own browser download is never used). Outside CI the
/// browser tests are skipped, with a message, when /usr/bin/chromium is missing; in CI they always run.
/// </summary>
internal static class Chromium
{
    public const string Path = "/usr/bin/chromium";

    public static string? SkipReason =>
        File.Exists(Path) || !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CI"))
            ? null
            : $"Browser tests skipped: {Path} is missing (./setup.sh installs Debian's chromium).";

    public static async Task<(IPlaywright Playwright, IBrowser Browser)> LaunchAsync()
    {
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Path,
            Headless = true,
            Args = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-dev-shm-usage"],
        });
        return (playwright, browser);
    }
}

/// <summary>
/// What a page's first load took, from the browser's own timings: milliseconds from navigation to the view drawn
/// (the app's <c>sitrep-ready</c> mark), every byte fetched as sent (compressed), the requests, and the app's marks on
/// the way (the shapes drawn, the landing day known, the data in), which say where the time went.
/// </summary>
internal sealed record FirstLoad(double Ms, double Bytes, int Requests, string Marks)
{
    public static async Task<FirstLoad> MeasureAsync(IPage page)
    {
        var load = await page.EvaluateAsync<System.Text.Json.JsonElement>("""
            () => {
              const ready = performance.getEntriesByName('sitrep-ready')[0];
              const entries = [...performance.getEntriesByType('navigation'), ...performance.getEntriesByType('resource')];
              const marks = performance.getEntriesByType('mark').map(m => `${m.name.replace('sitrep-', '')} ${Math.round(m.startTime)}`).join(', ');
              return { ms: ready ? ready.startTime : -1, bytes: entries.reduce((n, e) => n + (e.transferSize || 0), 0), requests: entries.length, marks };
            }
            """);
        return new FirstLoad(load.GetProperty("ms").GetDouble(), load.GetProperty("bytes").GetDouble(), load.GetProperty("requests").GetInt32(), load.GetProperty("marks").GetString() ?? "");
    }

    public override string ToString() => string.Create(System.Globalization.CultureInfo.InvariantCulture,
        $"{Ms:0} ms to drawn, {Bytes / 1024:0} KB in {Requests} requests (marks, ms: {Marks})");
}

/// <summary>
/// Readable colours: every piece of text on a page that a person can see, against the background it is drawn on, has
/// WCAG 2's contrast ratio of at least 4.5 (3 for large text). Disabled controls are exempt, as WCAG exempts them.
/// </summary>
internal static class Readability
{
    private const string LowContrast = """
        () => {
          const parse = c => (c.match(/[\d.]+/g) || ['0', '0', '0', '0']).map(Number);
          const alpha = c => { const m = parse(c); return c.startsWith('rgba') ? m[3] : 1; };
          const lum = c => { const [r, g, b] = parse(c).slice(0, 3).map(v => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; }); return 0.2126 * r + 0.7152 * g + 0.0722 * b; };
          const bg = e => { for (; e; e = e.parentElement) { const c = getComputedStyle(e).backgroundColor; if (alpha(c) > 0.5) return c; } return 'rgb(255, 255, 255)'; };
          const bad = new Set();
          const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
          for (let n = walker.nextNode(); n; n = walker.nextNode()) {
            const e = n.parentElement;
            if (!e || !n.textContent.trim() || e.closest('[hidden], svg, canvas, :disabled')) continue;
            const r = e.getBoundingClientRect();
            if (r.width === 0 || r.height === 0) continue;
            const s = getComputedStyle(e);
            if (s.visibility === 'hidden' || alpha(s.color) < 0.5) continue;
            const l1 = lum(s.color), l2 = lum(bg(e));
            const ratio = (Math.max(l1, l2) + 0.05) / (Math.min(l1, l2) + 0.05);
            const size = parseFloat(s.fontSize), large = size >= 24 || (size >= 18.66 && +s.fontWeight >= 700);
            if (ratio < (large ? 3 : 4.5)) bad.add(`${e.tagName.toLowerCase()}.${e.className} ${ratio.toFixed(2)} ${s.color} on ${bg(e)}: "${n.textContent.trim().slice(0, 30)}"`);
          }
          return [...bad];
        }
        """;

    /// <summary>Each text whose contrast is too low: its element, ratio, colours and words.</summary>
    public static async Task<string[]> LowContrastAsync(IPage page) => await page.EvaluateAsync<string[]>(LowContrast);
}

/// <summary>A browser test: runs when Chromium is there (see <see cref="Chromium"/>).</summary>
public sealed class BrowserFactAttribute : FactAttribute
{
    public BrowserFactAttribute()
    {
        if (Chromium.SkipReason is { } reason)
        {
            Skip = reason;
        }
    }
}

/// <summary>
/// The real server (Kestrel on a free loopback port, exactly as <c>sitrep serve</c> runs it) over a store, and a browser.
/// Every request any page makes is recorded, so a test can prove none left 127.0.0.1.
/// </summary>
public abstract class ServedLedger : IAsyncLifetime
{
    private TestStore? _store;
    private WebApplication? _app;

    public string BaseUrl { get; private set; } = "";

    public IBrowser Browser { get; private set; } = null!;

    private IPlaywright? _playwright;

    /// <summary>Every URL a page of this fixture asked for.</summary>
    public ConcurrentQueue<string> Requests { get; } = new();

    internal IEventStore Store => _store!.Store;

    protected abstract Task FillAsync(IEventStore store);

    public async Task InitializeAsync()
    {
        _store = await TestStore.CreateAsync("sqlite");
        await FillAsync(_store.Store);
        _app = SitrepWebApp.Create([], new ServeOptions { Store = _store.Location, Urls = "http://127.0.0.1:0" });
        await _app.StartAsync();
        BaseUrl = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');
        await SitrepWebApp.WarmUpAsync(_app, CancellationToken.None); // as sitrep serve does before it says where it listens
        if (Chromium.SkipReason is null)
        {
            (_playwright, Browser) = await Chromium.LaunchAsync();
        }
    }

    /// <summary>A new page of <paramref name="width"/>×<paramref name="height"/> whose requests, console errors, dialogs and CSP violations are recorded.</summary>
    public async Task<(IPage Page, List<string> Problems)> PageAsync(int width = 1280, int height = 800)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = width, Height = height } });
        var page = await context.NewPageAsync();
        var problems = new List<string>();
        page.Request += (_, r) => Requests.Enqueue(r.Url);
        page.Console += (_, m) =>
        {
            if (m.Type == "error")
            {
                lock (problems)
                {
                    problems.Add("console: " + m.Text);
                }
            }
        };
        page.PageError += (_, e) =>
        {
            lock (problems)
            {
                problems.Add("page error: " + e);
            }
        };
        page.Dialog += async (_, d) =>
        {
            lock (problems)
            {
                problems.Add("dialog: " + d.Message);
            }

            await d.DismissAsync();
        };
        return (page, problems);
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }

        _playwright?.Dispose();
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }

        if (_store is not null)
        {
            await _store.DisposeAsync();
        }
    }
}

/// <summary>The project's sample reports, ingested as <c>sitrep ingest samples</c> would.</summary>
public sealed class ServedSamples : ServedLedger
{
    protected override Task FillAsync(IEventStore store) => Stores.IngestSamplesAsync(store);
}

/// <summary>The samples and reports whose title, text, URL, places and claimants carry script payloads.</summary>
public sealed class ServedPayloads : ServedLedger
{
    protected override async Task FillAsync(IEventStore store)
    {
        await Stores.IngestSamplesAsync(store);
        await store.SaveAsync([Stores.PayloadReport()]);
        await Sitrep.Ledger.ReportIntake.IngestAsync(store, Stores.LedgerExtractor, Stores.PayloadText, Sitrep.Ingest.ReportFormat.Text, "test");
    }
}
