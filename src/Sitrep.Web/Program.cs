namespace Sitrep.Web;

/// <summary>
/// Runs the web host on its own (<c>dotnet Sitrep.Web.dll --Sitrep:Db=PATH --urls=http://127.0.0.1:8080</c>); the usual
/// way is <c>sitrep serve</c>, which builds the same app. Test hosts start it through this entry point.
/// </summary>
public sealed class Program
{
    private Program()
    {
    }

    public static async Task<int> Main(string[] args)
    {
        var app = SitrepWebApp.Create(args);
        await app.RunAsync().ConfigureAwait(false);
        return 0;
    }
}
