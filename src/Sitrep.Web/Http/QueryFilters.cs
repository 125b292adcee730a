using System.Text;
using Microsoft.AspNetCore.Http;
using Sitrep.Ledger;
using Sitrep.Ledger.Filters;
using Sitrep.Storage;

namespace Sitrep.Web.Http;

/// <summary>
/// The ledger's filters read from a request's query string, by <see cref="LedgerFilter"/> (the names, rules and messages
/// of the CLI's options). A parameter that is neither a filter nor one the endpoint takes is an error, as an unknown
/// option is on the command line: a misspelt filter must not quietly widen an answer.
/// </summary>
internal static class QueryFilters
{
    public static bool TryRead(HttpContext ctx, int? defaultLimit, int? maxLimit, out EventQuery query, out IResult problem, params string[] endpointParameters)
    {
        var q = ctx.Request.Query;
        var asked = new HashSet<string>(endpointParameters, StringComparer.Ordinal);
        string? Value(string name)
        {
            asked.Add(name);
            return q.TryGetValue(name, out var v) ? v.ToString() : null;
        }

        var result = LedgerFilter.ParseQuery(Value, defaultLimit, maxLimit);
        var errors = result.Errors.ToList();
        foreach (var unknown in q.Keys.Where(k => !asked.Contains(k)).Order(StringComparer.Ordinal))
        {
            errors.Add(new FilterError(unknown, $"'{unknown}' is not a parameter here; use {string.Join(", ", LedgerFilter.Parameters.Select(p => p.Name).Concat(endpointParameters).Distinct(StringComparer.Ordinal))}."));
        }

        query = result.Query;
        if (errors.Count == 0)
        {
            problem = Results.Empty;
            return true;
        }

        problem = ApiResults.Problem(LedgerErrors.BadFilter(string.Join(" ", errors.Select(e => e.Message))), errors);
        return false;
    }

    /// <summary>A parameter that picks one of a few words (format, view, level), or its default; null when the value is not one of them.</summary>
    public static string? Choice(HttpContext ctx, string name, string fallback, params string[] allowed)
    {
        var v = ctx.Request.Query.TryGetValue(name, out var given) ? given.ToString().Trim().ToLowerInvariant() : fallback;
        return allowed.Contains(v, StringComparer.Ordinal) ? v : null;
    }

    /// <summary>This request's path and query with <c>cursor</c> set to <paramref name="cursor"/>: the next page's link.</summary>
    public static string WithCursor(HttpRequest request, string cursor)
    {
        var sb = new StringBuilder(request.PathBase + request.Path).Append('?');
        foreach (var (k, v) in request.Query.Where(kv => kv.Key != "cursor"))
        {
            sb.Append(Uri.EscapeDataString(k)).Append('=').Append(Uri.EscapeDataString(v.ToString())).Append('&');
        }

        return sb.Append("cursor=").Append(Uri.EscapeDataString(cursor)).ToString();
    }
}
