namespace Sitrep.Ledger;

/// <summary>An error a host shows: a stable code, the HTTP status an API answers it with, a short title, and a sentence that says what to do.</summary>
public sealed record LedgerError(string Code, int Status, string Title, string Detail);

/// <summary>
/// The errors of asking the ledger (SL) and of reaching it through a network host (SW), beside the readers' SR, the
/// store's ST and the extraction's SX codes. The CLI turns them into exit codes and messages, the API into RFC 7807
/// problem details whose <c>code</c> is the code here.
/// </summary>
public static class LedgerErrors
{
    public static LedgerError BadFilter(string detail) => new("SL001", 400, "A filter could not be read", detail);

    public static LedgerError UnknownFormat(string format, IEnumerable<string> formats) =>
        new("SL002", 400, "Unknown format", $"'{format}' is not a format of this listing; use {string.Join(", ", formats)}.");

    public static LedgerError NoAttack(string id) =>
        new("SL003", 404, "No such attack", $"There is no attack {id} in the ledger. /api/attacks lists the attacks and their ids.");

    public static LedgerError NoEvent(string id) =>
        new("SL004", 404, "No such event", $"There is no event {id} in the ledger. /api/events lists the events and their ids.");

    public static LedgerError NoReport(string id) =>
        new("SL005", 404, "No such report", $"There is no report {id} in the ledger. An event's or attack member's report.id names one.");

    public static LedgerError BadId(string what, string text) =>
        new("SL006", 400, "Not an id", $"'{text}' is not {what}.");

    public static LedgerError NotFound(string path) =>
        new("SL007", 404, "Not found", $"Nothing is served at {path}. /openapi/v1.json lists the API; / is the dashboard.");

    public static LedgerError MethodNotAllowed(string method, string path, IEnumerable<string> allowed) =>
        new("SW405", 405, "Method not allowed", $"{path} does not take {method}; it takes {string.Join(", ", allowed)}. /openapi/v1.json lists the API.");

    public static LedgerError ReadOnly() =>
        new("SW401", 403, "The server is read-only", "This server takes no reports: start it with SITREP_API_KEY set to accept them from holders of that key.");

    public static LedgerError BadKey() =>
        new("SW402", 401, "API key missing or wrong", "Send the key the server was started with (SITREP_API_KEY) as 'Authorization: Bearer KEY' or 'X-Api-Key: KEY'.");

    public static LedgerError TooLarge(long limit) =>
        new("SW413", 413, "Body too large", $"The body is over the {limit / 1024} KB a request may carry. Send the reports in smaller batches.");

    public static LedgerError UnsupportedMedia(string? mediaType) =>
        new("SW415", 415, "Unsupported media type", $"'{mediaType ?? "(none)"}' is not a report format this server reads; send text/plain (a report with its optional header), application/json, application/x-ndjson, text/html or an RSS/Atom feed.");

    public static LedgerError TooManyRequests() =>
        new("SW429", 429, "Too many requests", "Too many reports were sent in a short time. Wait a minute and send the rest, in fewer, larger batches.");

    public static LedgerError Unreadable(string code, string detail) => new(code, 422, "The reports could not be read", detail);

    public static LedgerError StoreFailed(string code, string detail) => new(code, 503, "The store could not answer", detail);

    public static LedgerError DashboardMissing() =>
        new("SW503", 503, "The dashboard's files are missing", "The server's wwwroot folder was not found beside it. Build it with ./setup.sh (or tools/build-web.sh, then a build); the API under /api works without it.");

    public static LedgerError Internal() => new("SW500", 500, "Internal error", "The server failed to answer; its log says why. Please report it.");
}
