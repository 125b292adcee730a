using Microsoft.Extensions.Configuration;
using Sitrep.Storage;

namespace Sitrep.Web;

/// <summary>
/// How <c>sitrep serve</c> runs: the store it answers from, where it listens, the API key that lets a client send
/// reports (none: the server is read-only), and the limits on what a client may send.
/// </summary>
public sealed record ServeOptions
{
    /// <summary>Loopback only: a server the analyst starts answers this machine unless told otherwise.</summary>
    public const string DefaultUrls = "http://127.0.0.1:8080";

    public required StoreLocation Store { get; init; }

    /// <summary>Where Kestrel listens (ASP.NET Core's <c>urls</c>: one or more addresses separated by ';').</summary>
    public string Urls { get; init; } = DefaultUrls;

    /// <summary>The key <c>POST /api/reports</c> requires; null or empty: no one may post and the server is read-only.</summary>
    public string? ApiKey { get; init; }

    /// <summary>The most a request body may carry.</summary>
    public long MaxBodyBytes { get; init; } = 4 * 1024 * 1024;

    /// <summary>How many report posts one client address may make a minute.</summary>
    public int PostsPerMinute { get; init; } = 30;

    /// <summary>The dashboard's files (null: <c>wwwroot</c> beside the assembly, else under the content root).</summary>
    public string? WebRoot { get; init; }

    /// <summary>
    /// How many store reads the API runs at once (the rest wait their turn without holding a thread); 0 (the default,
    /// or <c>SITREP_SERVE_READS</c>): no limit. Measured under 50 clients on two cores, a limit of 4 made no difference
    /// to requests/s and none for the better to p99, so it is a knob to try, not a default.
    /// </summary>
    public int MaxConcurrentReads { get; init; } =
        int.TryParse(Environment.GetEnvironmentVariable("SITREP_SERVE_READS"), out var reads) && reads >= 0 ? reads : 0;

    /// <summary>
    /// How long after it starts listening the server reads the whole ledger's stats and places (seconds over a big
    /// store), so the dashboard's whole-ledger view finds them ready; late enough not to slow the first visitor's
    /// landing view. Null: not at all.
    /// </summary>
    public TimeSpan? WholeLedgerAfter { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Whether attack listings and counts are answered from the in-memory read model of every attack's row
    /// (<c>Http.AttackReadModel</c>, read at start and again after each write; tens of MB for 100,000 attacks) rather than
    /// by a store query each time. On unless <c>SITREP_SERVE_MODEL=off</c>; the answers are the same bytes either way.
    /// </summary>
    public bool AttackModel { get; init; } = !string.Equals(Environment.GetEnvironmentVariable("SITREP_SERVE_MODEL"), "off", StringComparison.OrdinalIgnoreCase);

    public bool ReadOnly => string.IsNullOrEmpty(ApiKey);

    /// <summary>
    /// Options from configuration, for the app started on its own or by a test host: <c>Sitrep:Db</c> (else
    /// <c>SITREP_DB</c> and the default store), <c>urls</c>, <c>SITREP_API_KEY</c> (or <c>Sitrep:ApiKey</c>),
    /// <c>Sitrep:MaxBodyBytes</c>, <c>Sitrep:PostsPerMinute</c>, <c>Sitrep:WebRoot</c>.
    /// </summary>
    public static ServeOptions From(IConfiguration config) => new()
    {
        Store = StoreLocation.Resolve(config["Sitrep:Db"]),
        Urls = config["urls"] ?? DefaultUrls,
        ApiKey = config["Sitrep:ApiKey"] ?? config["SITREP_API_KEY"],
        MaxBodyBytes = long.TryParse(config["Sitrep:MaxBodyBytes"], out var max) && max > 0 ? max : 4 * 1024 * 1024,
        PostsPerMinute = int.TryParse(config["Sitrep:PostsPerMinute"], out var rate) && rate > 0 ? rate : 30,
        WebRoot = config["Sitrep:WebRoot"],
    };
}
