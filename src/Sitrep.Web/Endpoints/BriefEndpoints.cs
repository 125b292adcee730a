using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Sitrep.Ledger;
using Sitrep.Ledger.Brief;
using Sitrep.Storage;
using Sitrep.Web.Http;

namespace Sitrep.Web.Endpoints;

/// <summary>
/// The daily brief, as <c>sitrep brief</c> writes it: <c>/brief/2024-11-13</c> is the night that ends on that morning
/// as a page (footnote links highlight the quoted span); <c>/api/brief</c> gives a night (<c>date</c>) or days
/// (<c>since</c>, <c>until</c>) as JSON, Markdown or HTML. Written from one read snapshot of the store.
/// </summary>
internal static class BriefEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapMethods("/brief/{date}", LedgerEndpoints.Reads, Page).ExcludeFromDescription();
        app.MapMethods("/api/brief", LedgerEndpoints.Reads, Api)
            .WithSummary("The daily situation report: a night (date=D, 18:00 to 09:00 Kyiv time ending on D's morning) or days (since, until), every sentence cited.")
            .WithDescription("format=json (default; sentences with their claims and citations), md or html, exactly as `sitrep brief` writes them.")
            .WithTags("brief")
            .WithMetadata(new LedgerQueryMetadata(Filtered: false, ("date", "YYYY-MM-DD: the night ending that morning"),
                ("since", "YYYY-MM-DD (first day) or an ISO 8601 time with its offset (start of a period)"),
                ("until", "YYYY-MM-DD (last day) or an ISO 8601 time with its offset (end of a period)"), ("format", "json (default), md or html"),
                ("lang", $"the brief's language: {string.Join(" or ", BriefTemplates.Languages)} (default {BriefTemplates.Reference})")));
    }

    private static async Task<IResult> Page(string date, HttpContext ctx, IEventStore store, CancellationToken ct)
    {
        if (!TryDate(date, out var morning))
        {
            return ApiResults.Problem(LedgerErrors.BadFilter($"'{date}' is not a date; the brief's page is /brief/YYYY-MM-DD."));
        }

        return Language(ctx) is { } language
            ? await Render(ctx, store, BriefWindow.Night(morning), "html", language, ct).ConfigureAwait(false)
            : LanguageProblem(ctx);
    }

    private static async Task<IResult> Api(HttpContext ctx, IEventStore store, CancellationToken ct)
    {
        var format = QueryFilters.Choice(ctx, "format", "json", [.. BriefFormats.All.Names]);
        if (format is null)
        {
            return ApiResults.Problem(LedgerErrors.UnknownFormat(ctx.Request.Query["format"].ToString(), [.. BriefFormats.All.Names]));
        }

        if (Language(ctx) is not { } language)
        {
            return LanguageProblem(ctx);
        }

        var q = ctx.Request.Query;
        DateOnly? date = null;
        if (q["date"].ToString() is { Length: > 0 } dateText)
        {
            if (!TryDate(dateText, out var d))
            {
                return ApiResults.Problem(LedgerErrors.BadFilter($"date '{dateText}' is not a date (YYYY-MM-DD)."));
            }

            date = d;
        }

        var bounds = new Dictionary<string, BriefBound?>();
        foreach (var name in new[] { "since", "until" })
        {
            var text = q[name].ToString();
            if (text.Length == 0)
            {
                bounds[name] = null;
            }
            else if (BriefBound.TryParse(text, out var bound, out var wrong))
            {
                bounds[name] = bound;
            }
            else
            {
                return ApiResults.Problem(LedgerErrors.BadFilter($"{name} {wrong}"));
            }
        }

        if (BriefWindow.From(date, bounds["since"], bounds["until"], openEnd: null, none: null, o => o, out var problem) is not { } window)
        {
            return ApiResults.Problem(LedgerErrors.BadFilter(problem!));
        }

        return await Render(ctx, store, window, format, language, ct).ConfigureAwait(false);
    }

    /// <summary>The <c>lang</c> asked for (the reference language when none is), or null when there are no templates for it.</summary>
    private static string? Language(HttpContext ctx) =>
        ctx.Request.Query["lang"].ToString() is { Length: > 0 } l ? (BriefTemplates.Languages.Contains(l) ? l : null) : BriefTemplates.Reference;

    private static IResult LanguageProblem(HttpContext ctx) => ApiResults.Problem(LedgerErrors.BadFilter(
        $"there are no brief templates for lang '{ctx.Request.Query["lang"]}'; use lang={string.Join(" or lang=", BriefTemplates.Languages)}."));

    private static async Task<IResult> Render(HttpContext ctx, IEventStore store, BriefWindow window, string format, string language, CancellationToken ct)
    {
        await using var snapshot = await store.OpenSnapshotAsync(ct).ConfigureAwait(false);
        var writer = BriefWriter.ForLanguage(language, BriefClaimantNames.Options(Sitrep.Core.Claimants.ClaimantRegistry.Default, language));
        var brief = await writer.WriteAsync(snapshot, window, ct).ConfigureAwait(false);
        BriefFormats.All.TryGet(format, out var formatter);
        if (format == "html")
        {
            // The brief's one stylesheet is inline: allowed by its hash, nothing else.
            ctx.Response.Headers.ContentSecurityPolicy = SecurityHeaders.ContentSecurityPolicy.Replace(
                "style-src 'self'", "style-src 'self' " + BriefFormats.StyleHash, StringComparison.Ordinal);
        }

        return ApiResults.Text(BriefFormats.Render(brief, format), formatter!.MediaType);
    }

    private static bool TryDate(string text, out DateOnly date) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);
}
