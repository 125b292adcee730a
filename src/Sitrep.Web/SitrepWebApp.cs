using System.IO.Compression;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Sitrep.Ledger;
using Sitrep.Storage;
using Sitrep.Web.Endpoints;
using Sitrep.Web.Http;

namespace Sitrep.Web;

/// <summary>
/// The web host of the ledger: the HTTP API under <c>/api</c>, its OpenAPI document and page, and the dashboard, all
/// answered from one store through Sitrep.Ledger (this project holds no query, figure or format of its own).
/// </summary>
public static class SitrepWebApp
{
    /// <summary>
    /// Builds the app. <paramref name="options"/> null: read them from configuration when the services start (what a
    /// test host or <c>dotnet Sitrep.Web.dll --Sitrep:Db=…</c> sets).
    /// </summary>
    public static WebApplication Create(string[] args, ServeOptions? options = null)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = args, ApplicationName = typeof(SitrepWebApp).Assembly.GetName().Name });
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Logging.AddFilter("Microsoft.Hosting.Lifetime", LogLevel.Warning);
        if (options is not null)
        {
            builder.WebHost.UseUrls(options.Urls);
            builder.WebHost.ConfigureKestrel(k =>
            {
                k.AddServerHeader = false;
                k.Limits.MaxRequestBodySize = options.MaxBodyBytes;
            });
        }

        var services = builder.Services;
        services.AddSingleton(sp => options ?? ServeOptions.From(sp.GetRequiredService<Microsoft.Extensions.Configuration.IConfiguration>()));
        services.AddSingleton(sp => EventStore.OpenAsync(sp.GetRequiredService<ServeOptions>().Store).GetAwaiter().GetResult());
        services.AddSingleton<ExtractorHolder>();
        services.AddSingleton<StoreFreshness>();
        services.AddSingleton<AttackReadModels>();
        services.AddHostedService<StoreRefresher>();
        services.AddResponseCompression(o =>
        {
            o.EnableForHttps = true;
            o.Providers.Add<BrotliCompressionProvider>();
            o.Providers.Add<GzipCompressionProvider>();
            o.MimeTypes = ResponseCompressionDefaults.MimeTypes.Concat(
                ["application/geo+json", "application/x-ndjson", "text/csv", "application/problem+json", "image/svg+xml", "text/javascript"]);
        });
        services.Configure<BrotliCompressionProviderOptions>(o => o.Level = CompressionLevel.Fastest);
        services.Configure<GzipCompressionProviderOptions>(o => o.Level = CompressionLevel.Fastest);
        services.AddRateLimiter(o =>
        {
            o.AddPolicy(ReportPostEndpoint.RateLimitPolicy, ctx =>
            {
                var perMinute = ctx.RequestServices.GetRequiredService<ServeOptions>().PostsPerMinute;
                return RateLimitPartition.GetFixedWindowLimiter(ctx.Connection.RemoteIpAddress?.ToString() ?? "local", _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = perMinute,
                    Window = TimeSpan.FromMinutes(1),
                    QueueLimit = 0,
                });
            });
            o.OnRejected = async (context, ct) =>
            {
                context.HttpContext.Response.Headers.RetryAfter = "60";
                await ApiResults.WriteProblemAsync(context.HttpContext, LedgerErrors.TooManyRequests()).ConfigureAwait(false);
            };
        });
        ApiDocument.AddTo(services);

        var app = builder.Build();
        app.Use(SecurityHeaders.Apply);
        app.UseResponseCompression();
        app.Use(Failures);
        app.UseRateLimiter();
        ApiDocument.Map(app);
        LedgerEndpoints.Map(app);
        ReportPostEndpoint.Map(app);
        BriefEndpoints.Map(app);
        Dashboard.Map(app, options);
        app.MapFallback("/api/{**rest}", (HttpContext ctx, EndpointDataSource endpoints) => NoEndpoint(ctx, endpoints));
        return app;
    }

    /// <summary>
    /// What answers a request no endpoint took: 405 with <c>Allow</c> when an endpoint serves the path by another method
    /// (DELETE /api/attacks), else 404 (routing's own 405 never comes, since this fallback takes every method).
    /// </summary>
    private static IResult NoEndpoint(HttpContext ctx, EndpointDataSource endpoints)
    {
        var path = ctx.Request.Path.Value ?? "";
        var allowed = endpoints.Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText is { } raw && !raw.Contains("**", StringComparison.Ordinal) && SameShape(raw, path))
            .SelectMany(e => e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? [])
            .Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.Ordinal).ToList();
        if (allowed.Count == 0)
        {
            return ApiResults.Problem(LedgerErrors.NotFound(path));
        }

        ctx.Response.Headers.Allow = string.Join(", ", allowed);
        return ApiResults.Problem(LedgerErrors.MethodNotAllowed(ctx.Request.Method, path, allowed));
    }

    /// <summary>True when <paramref name="path"/> has the segments of <paramref name="pattern"/> (a <c>{parameter}</c> takes any one).</summary>
    private static bool SameShape(string pattern, string path)
    {
        var want = pattern.Trim('/').Split('/');
        var have = path.Trim('/').Split('/');
        return want.Length == have.Length && want.Zip(have).All(p => p.First.StartsWith('{') || string.Equals(p.First, p.Second, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>The requests the dashboard's landing view makes, in its order: what <see cref="WarmUpAsync"/> asks for.</summary>
    private static readonly string[] WarmUpPaths =
    [
        "/", "/app/main.js", "/shapes/shapes.json", "/api/attacks?limit=1", "/api/attacks?format=geojson&limit=1",
        "/api/attacks?limit=1&sort=launched", "/api/places?level=admin1&since=2100-01-01", "/api/stats?since=2100-01-01",
    ];

    /// <summary>
    /// Asks the started server for what the dashboard's first view asks (its page, a library, the shapes, a page of
    /// attacks, the stats and places of a window), each once and bounded in time, and reads the attacks into memory (<see cref="AttackReadModels"/>), so the first person to open it does not
    /// wait for the server's code to compile (a second or two on a busy machine). What fails is ignored: it is only a warm-up.
    /// </summary>
    public static async Task WarmUpAsync(WebApplication app, CancellationToken ct)
    {
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault();
        if (address is null || !Uri.TryCreate(Loopback(address), UriKind.Absolute, out var root))
        {
            return;
        }

        using var http = new HttpClient(new SocketsHttpHandler { AutomaticDecompression = System.Net.DecompressionMethods.All, UseProxy = false })
        {
            BaseAddress = root,
            Timeout = TimeSpan.FromSeconds(10),
        };
        foreach (var path in WarmUpPaths)
        {
            try
            {
                using var response = await http.GetAsync(path, ct).ConfigureAwait(false);
                await response.Content.ReadAsByteArrayAsync(ct).ConfigureAwait(false);
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException) when (!ct.IsCancellationRequested)
            {
            }
        }

        // The attack listings' in-memory model, so the first listings are answered from it.
        await app.Services.GetRequiredService<AttackReadModels>().ReadCurrentAsync(ct).ConfigureAwait(false);
    }

    /// <summary>A listening address as this machine reaches it (a wildcard host becomes 127.0.0.1).</summary>
    internal static string Loopback(string address) => address.Replace("://0.0.0.0", "://127.0.0.1", StringComparison.Ordinal)
        .Replace("://[::]", "://127.0.0.1", StringComparison.Ordinal).Replace("://+", "://127.0.0.1", StringComparison.Ordinal)
        .Replace("://*", "://127.0.0.1", StringComparison.Ordinal);

    /// <summary>Turns what fails under a request into problem details: the store's ST codes as 503, anything else as 500 (and logged).</summary>
    private static async Task Failures(HttpContext ctx, Func<Task> next)
    {
        try
        {
            await next().ConfigureAwait(false);
        }
        catch (StoreException e) when (!ctx.Response.HasStarted)
        {
            await ApiResults.WriteProblemAsync(ctx, LedgerErrors.StoreFailed(e.Code, e.Message)).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (ctx.RequestAborted.IsCancellationRequested)
        {
            // The client went away.
        }
#pragma warning disable CA1031 // Whatever fails under one request becomes that request's 500, never the server's end.
        catch (Exception e) when (!ctx.Response.HasStarted)
#pragma warning restore CA1031
        {
            ctx.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("Sitrep.Web").LogError(e, "{Method} {Path} failed", ctx.Request.Method, ctx.Request.Path);
            await ApiResults.WriteProblemAsync(ctx, LedgerErrors.Internal()).ConfigureAwait(false);
        }
    }
}
