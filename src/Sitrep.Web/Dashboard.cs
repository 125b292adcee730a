using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.FileProviders;
using Sitrep.Ledger;
using Sitrep.Web.Http;

namespace Sitrep.Web;

/// <summary>
/// The dashboard's files (wwwroot: the app's own pages, scripts and styles, and the libraries and shapes
/// tools/build-web.sh puts beside them) and its pages: <c>/</c> and <c>/attacks/{id}</c> (one page that reads its
/// address, so a link to an attack opens it directly) and <c>/api</c> (the API's readable page).
/// </summary>
internal static class Dashboard
{
    public static void Map(WebApplication app, ServeOptions? options)
    {
        var root = Root(options?.WebRoot ?? app.Configuration["Sitrep:WebRoot"], app.Environment.ContentRootPath);
        IFileProvider files = root is null ? new NullFileProvider() : new PhysicalFileProvider(root);
        var types = new FileExtensionContentTypeProvider();
        app.Use((ctx, next) => Precompressed(ctx, next, files, types));
        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = files,
            ContentTypeProvider = new PrecompressedTypes(types),
            OnPrepareResponse = c =>
            {
                c.Context.Response.Headers.CacheControl = "no-cache";
                if (c.Context.Items[EncodingKey] is string encoding)
                {
                    c.Context.Response.Headers.ContentEncoding = encoding;
                    c.Context.Response.Headers.Vary = "Accept-Encoding";
                }
            },
        });
        app.MapMethods("/", Endpoints.LedgerEndpoints.Reads, () => Page(files, "index.html")).ExcludeFromDescription();
        app.MapMethods("/attacks/{id}", Endpoints.LedgerEndpoints.Reads, (string id) => Page(files, "index.html")).ExcludeFromDescription();
        app.MapMethods("/api", Endpoints.LedgerEndpoints.Reads, () => Page(files, "api.html")).ExcludeFromDescription();
    }

    private const string EncodingKey = "sitrep.encoding";

    /// <summary>
    /// The libraries and shapes tools/build-web.sh compressed at the best levels (file.br, file.gz beside file): sent as
    /// they are to a browser that takes them, rather than compressed again, faster and larger, on every request.
    /// </summary>
    private static Task Precompressed(HttpContext ctx, Func<Task> next, IFileProvider files, FileExtensionContentTypeProvider types)
    {
        var path = ctx.Request.Path.Value ?? "";
        if ((HttpMethods.IsGet(ctx.Request.Method) || HttpMethods.IsHead(ctx.Request.Method)) && (path.StartsWith("/vendor/", StringComparison.Ordinal) || path.StartsWith("/shapes/", StringComparison.Ordinal))
            && types.TryGetContentType(path, out _))
        {
            var accepts = ctx.Request.Headers.AcceptEncoding.ToString();
            foreach (var (encoding, suffix) in new[] { ("br", ".br"), ("gzip", ".gz") })
            {
                if (accepts.Contains(encoding, StringComparison.OrdinalIgnoreCase) && files.GetFileInfo(path + suffix).Exists)
                {
                    ctx.Request.Path = path + suffix;
                    ctx.Items[EncodingKey] = encoding;
                    break;
                }
            }
        }

        return next();
    }

    /// <summary>A precompressed file's type is its original's ("leaflet.js.br" is JavaScript).</summary>
    private sealed class PrecompressedTypes(FileExtensionContentTypeProvider types) : IContentTypeProvider
    {
        public bool TryGetContentType(string subpath, out string contentType) =>
            types.TryGetContentType(subpath.EndsWith(".br", StringComparison.Ordinal) || subpath.EndsWith(".gz", StringComparison.Ordinal) ? subpath[..^3] : subpath, out contentType!);
    }

    /// <summary>True when the libraries tools/build-web.sh builds are in place (the dashboard needs them; the API does not).</summary>
    public static bool HasLibraries(ServeOptions options, string contentRoot) =>
        Root(options.WebRoot, contentRoot) is { } root && File.Exists(Path.Combine(root, "vendor", "leaflet", "leaflet.js"));

    private static string? Root(string? configured, string contentRoot)
    {
        foreach (var candidate in new[] { configured, Path.Combine(AppContext.BaseDirectory, "wwwroot"), Path.Combine(contentRoot, "wwwroot") })
        {
            if (!string.IsNullOrEmpty(candidate) && File.Exists(Path.Combine(candidate, "index.html")))
            {
                return Path.GetFullPath(candidate);
            }
        }

        return null;
    }

    private static IResult Page(IFileProvider files, string name)
    {
        var file = files.GetFileInfo(name);
        if (!file.Exists || file.PhysicalPath is null)
        {
            return ApiResults.Problem(LedgerErrors.DashboardMissing());
        }

        return ApiResults.Text(File.ReadAllText(file.PhysicalPath), "text/html");
    }
}
