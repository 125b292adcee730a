using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Sitrep.Storage;

namespace Sitrep.Web.Tests;

/// <summary>
/// The dashboard's first load over a big store (the serve-load benchmark's, about 100,000 attacks): run when
/// SITREP_BENCH_DB names it, e.g. SITREP_BENCH_DB=/tmp/sitrep-serve-150000.db. Writes what it measured to
/// artifacts/screenshots/first-load-big.txt.
/// </summary>
public sealed class BigStoreFirstLoadTests
{
    private static readonly string? Db = Environment.GetEnvironmentVariable("SITREP_BENCH_DB");

    public sealed class BigStoreFactAttribute : FactAttribute
    {
        public BigStoreFactAttribute()
        {
            if (string.IsNullOrEmpty(Db) || !File.Exists(Db))
            {
                Skip = "Set SITREP_BENCH_DB to the serve-load benchmark's store to measure the first load over it.";
            }
            else if (Chromium.SkipReason is { } reason)
            {
                Skip = reason;
            }
        }
    }

    [BigStoreFact]
    public async Task The_landing_view_loads_within_a_second_and_a_megabyte()
    {
        var app = SitrepWebApp.Create([], new ServeOptions { Store = StoreLocation.Sqlite(Db!), Urls = "http://127.0.0.1:0" });
        await app.StartAsync();
        await SitrepWebApp.WarmUpAsync(app, CancellationToken.None); // as sitrep serve does before it says where it listens
        var baseUrl = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var (playwright, browser) = await Chromium.LaunchAsync();
        var lines = new List<string>();
        try
        {
            foreach (var (name, path) in new[] { ("landing (last night), the first browser", "/"), ("landing again", "/"), ("a month", "/?since=2021-03-01&until=2021-03-31") })
            {
                var context = await browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 800 } });
                var page = await context.NewPageAsync();
                await page.GotoAsync(baseUrl.TrimEnd('/') + path);
                await page.WaitForSelectorAsync("body[data-ready=true]", new PageWaitForSelectorOptions { Timeout = 30_000 });
                var load = await FirstLoad.MeasureAsync(page);
                lines.Add($"{name}: {load}");
                Assert.InRange(load.Bytes, 1, 1024 * 1024);
                if (name.StartsWith("landing (", StringComparison.Ordinal))
                {
                    await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Stores.Artifacts("screenshots"), "dashboard-big-store.png") });
                }

                await context.CloseAsync();
            }
        }
        finally
        {
            await File.WriteAllLinesAsync(Path.Combine(Stores.Artifacts("screenshots"), "first-load-big.txt"), lines);
            await browser.CloseAsync();
            playwright.Dispose();
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }
}
