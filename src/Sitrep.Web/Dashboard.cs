using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
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
        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = files,
            OnPrepareResponse = c => c.Context.Response.Headers.CacheControl = "no-cache",
        });
        app.MapGet("/", () => Page(files, "index.html")).ExcludeFromDescription();
        app.MapGet("/attacks/{id}", (string id) => Page(files, "index.html")).ExcludeFromDescription();
        app.MapGet("/api", () => Page(files, "api.html")).ExcludeFromDescription();
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
