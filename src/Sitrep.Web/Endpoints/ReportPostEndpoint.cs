using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Net.Http.Headers;
using Sitrep.Ingest;
using Sitrep.Ledger;
using Sitrep.Storage;
using Sitrep.Web.Http;

namespace Sitrep.Web.Endpoints;

/// <summary>
/// <c>POST /api/reports</c>: one report (a text report with its optional header, or HTML) or a batch (JSON, JSON Lines, a
/// feed), read, extracted and stored in one transaction, exactly as <c>sitrep ingest</c> stores a file. Only for holders
/// of the server's API key (compared in constant time); bodies are capped and each client address rate-limited.
/// Without a key configured the server is read-only.
/// </summary>
internal static class ReportPostEndpoint
{
    public const string RateLimitPolicy = "reports";

    public static void Map(IEndpointRouteBuilder app) =>
        app.MapPost("/api/reports", PostAsync)
            .WithSummary("Store one report or a batch (needs the API key).")
            .WithDescription("Body: text/plain (a report, with an optional 'key: value' header ending in '---'), text/html, application/json (a record, an array, or {\"reports\": [...]}), application/x-ndjson, or an RSS/Atom feed. Send the key as 'Authorization: Bearer KEY' or 'X-Api-Key: KEY'. 201 when something new was stored, 200 when every report was already known.")
            .WithTags("reports")
            .WithMetadata(new LedgerQueryMetadata(Filtered: false))
            .RequireRateLimiting(RateLimitPolicy);

    private static async Task<IResult> PostAsync(HttpContext ctx, IEventStore store, ServeOptions options, ExtractorHolder extractor, CancellationToken ct)
    {
        if (options.ReadOnly)
        {
            return ApiResults.Problem(LedgerErrors.ReadOnly());
        }

        if (!KeyMatches(ctx.Request, options.ApiKey!))
        {
            return ApiResults.Problem(LedgerErrors.BadKey());
        }

        var mediaType = MediaTypeHeaderValue.TryParse(ctx.Request.ContentType, out var mt) ? mt.MediaType.Value : null;
        var format = ReportReader.FormatOfMediaType(mediaType);
        if (format == ReportFormat.Auto && mediaType is not ("application/xml" or "text/xml"))
        {
            return ApiResults.Problem(LedgerErrors.UnsupportedMedia(mediaType));
        }

        if (ctx.Request.ContentLength > options.MaxBodyBytes)
        {
            return ApiResults.Problem(LedgerErrors.TooLarge(options.MaxBodyBytes));
        }

        byte[]? body;
        try
        {
            body = await ReadCappedAsync(ctx.Request.Body, options.MaxBodyBytes, ct).ConfigureAwait(false);
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            body = null;
        }

        if (body is null)
        {
            return ApiResults.Problem(LedgerErrors.TooLarge(options.MaxBodyBytes));
        }

        string text;
        try
        {
            text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(body);
        }
        catch (DecoderFallbackException)
        {
            var e = ErrorCatalogue.NotUtf8("the request body", "not UTF-8");
            return ApiResults.Problem(LedgerErrors.Unreadable(e.Code, e.Message));
        }

        var result = await ReportIntake.IngestAsync(store, extractor.Extractor, text, format, "POST /api/reports", ct).ConfigureAwait(false);
        if (result.Admissions.IsEmpty)
        {
            var e = result.Error ?? ErrorCatalogue.Empty("the request body");
            return ApiResults.Problem(LedgerErrors.Unreadable(e.Code, e.Message));
        }

        var json = ApiResults.Bytes(w => IntakeFormats.WriteJson(w, result));
        return ApiResults.Written(json, result.New + result.NewVersions > 0 ? StatusCodes.Status201Created : StatusCodes.Status200OK);
    }

    /// <summary>The key from <c>Authorization: Bearer KEY</c> or <c>X-Api-Key</c>, compared with the server's in constant time (as hashes, so lengths leak nothing).</summary>
    internal static bool KeyMatches(HttpRequest request, string expected)
    {
        string? given = null;
        var auth = request.Headers.Authorization.ToString();
        if (auth.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            given = auth["Bearer ".Length..].Trim();
        }
        else if (request.Headers.TryGetValue("X-Api-Key", out var header))
        {
            given = header.ToString().Trim();
        }

        if (string.IsNullOrEmpty(given))
        {
            return false;
        }

        return CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(given)), SHA256.HashData(Encoding.UTF8.GetBytes(expected)));
    }

    /// <summary>The body, or null when it is over <paramref name="max"/> bytes (reading stops there).</summary>
    private static async Task<byte[]?> ReadCappedAsync(Stream body, long max, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int n;
        while ((n = await body.ReadAsync(chunk, ct).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + n > max)
            {
                return null;
            }

            buffer.Write(chunk, 0, n);
        }

        return buffer.ToArray();
    }
}

/// <summary>The ledger's extractor, built on the first report posted (loading the gazetteer takes a moment a read-only server never needs).</summary>
internal sealed class ExtractorHolder
{
    private readonly Lazy<LedgerExtractor> _extractor = new(LedgerExtractor.CreateDefault, LazyThreadSafetyMode.ExecutionAndPublication);

    public LedgerExtractor Extractor => _extractor.Value;
}
