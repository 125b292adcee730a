using System.Buffers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;
using Sitrep.Extraction.Output;
using Sitrep.Ledger;
using Sitrep.Ledger.Filters;

namespace Sitrep.Web.Http;

/// <summary>
/// The API's answers: bodies written by the ledger's own writers, with an ETag that turns a repeated request into a
/// 304 (the store's change version and the request, set by <see cref="StoreFreshness"/>, else a hash of the body); and
/// errors as RFC 7807 problem details carrying the project's error code. A HEAD request gets the headers of its GET.
/// </summary>
internal static class ApiResults
{
    public const string ProblemMediaType = "application/problem+json";

    /// <summary>Where <see cref="StoreFreshness"/> leaves the ETag of this request's answer (HttpContext.Items).</summary>
    public const string ETagKey = "sitrep.etag";

    /// <summary>
    /// A JSON body written by <paramref name="write"/>; <paramref name="next"/>: the next page's address, sent as a <c>Link</c> header;
    /// <paramref name="keep"/> false: not worth keeping in the answer cache (written from memory in less time than keeping it costs).
    /// </summary>
    public static IResult Json(Action<Utf8JsonWriter> write, string mediaType = "application/json", string? next = null, bool keep = true) =>
        new BodyResult(Bytes(write), mediaType, StatusCodes.Status200OK, next, keep);

    /// <summary>A JSON answer to a write (no ETag): <paramref name="status"/> 200 or 201.</summary>
    public static IResult Written(byte[] json, int status) => new BodyResult(json, "application/json", status, null);

    /// <summary>A text body (CSV, GeoJSON written by a formatter).</summary>
    public static IResult Text(string body, string mediaType, string? next = null, bool keep = true) => new BodyResult(Encoding.UTF8.GetBytes(body), mediaType, StatusCodes.Status200OK, next, keep);

    /// <summary>A 304 with the ETag the client already holds.</summary>
    public static IResult NotModifiedResult(string etag) => new NotModifiedAnswer(etag);

    /// <summary>The size of a cacheable answer's body (a 200 with a body), or null for anything else (a problem, a redirect).</summary>
    public static int? CacheableSize(IResult result) => result is BodyResult { Status: StatusCodes.Status200OK, Keep: true } b ? b.Size : null;

    public static IResult Problem(LedgerError error, IReadOnlyList<FilterError>? errors = null, TimeSpan? retryAfter = null) =>
        new ProblemResult(error, errors ?? [], retryAfter);

    public static byte[] Bytes(Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>(8192);
        using (var w = new Utf8JsonWriter(buffer, ExtractionJson.Compact))
        {
            write(w);
        }

        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>The problem details object of <paramref name="error"/> at <paramref name="instance"/>.</summary>
    public static byte[] ProblemBytes(LedgerError error, string instance, IReadOnlyList<FilterError> errors) => Bytes(w =>
    {
        w.WriteStartObject();
        w.WriteString("type", "urn:sitrep:error:" + error.Code);
        w.WriteString("title", error.Title);
        w.WriteNumber("status", error.Status);
        w.WriteString("detail", error.Detail);
        w.WriteString("code", error.Code);
        w.WriteString("instance", instance);
        if (errors.Count > 0)
        {
            w.WriteStartArray("errors");
            foreach (var e in errors)
            {
                w.WriteStartObject();
                w.WriteString("name", e.Name);
                w.WriteString("message", e.Message);
                w.WriteEndObject();
            }

            w.WriteEndArray();
        }

        w.WriteEndObject();
    });

    public static async Task WriteProblemAsync(HttpContext ctx, LedgerError error, IReadOnlyList<FilterError>? errors = null)
    {
        var body = ProblemBytes(error, ctx.Request.Path + ctx.Request.QueryString, errors ?? []);
        ctx.Response.StatusCode = error.Status;
        ctx.Response.ContentType = ProblemMediaType;
        ctx.Response.Headers.CacheControl = "no-store";
        ctx.Response.ContentLength = body.Length;
        if (!HttpMethods.IsHead(ctx.Request.Method))
        {
            await ctx.Response.Body.WriteAsync(body, ctx.RequestAborted).ConfigureAwait(false);
        }
    }

    /// <summary>A weak ETag of a body: the first 128 bits of its SHA-256 (weak, since compression changes the bytes sent).</summary>
    public static string ETagOf(ReadOnlySpan<byte> body) => "W/\"" + Convert.ToHexStringLower(SHA256.HashData(body).AsSpan(0, 16)) + "\"";

    /// <summary>True when the request's If-None-Match names <paramref name="etag"/> (or is "*").</summary>
    public static bool NotModified(HttpRequest request, string etag)
    {
        var given = request.Headers.IfNoneMatch;
        if (given.Count == 0)
        {
            return false;
        }

        var tag = new EntityTagHeaderValue(etag[2..], isWeak: true);
        return EntityTagHeaderValue.TryParseList(given, out var tags) && tags.Any(t => t.Equals(EntityTagHeaderValue.Any) || t.Compare(tag, useStrongComparison: false));
    }

    /// <summary>Bodies smaller than this are sent as they are (compressing them costs more than it saves).</summary>
    public const int CompressFrom = 1024;

    /// <summary>
    /// A body with its type; immutable, so one made for a request can answer others (<see cref="StoreFreshness"/>'s
    /// cache). It compresses itself, once per encoding, for the clients that take Brotli or gzip: an answer kept in the
    /// cache is compressed once, not on every request (six megabytes of whole-ledger stats took 170 ms a time).
    /// </summary>
    private sealed class BodyResult(byte[] body, string mediaType, int status, string? next, bool keep = true) : IResult
    {
        public bool Keep => keep;

        private byte[]? _brotli;
        private byte[]? _gzip;

        public int Status => status;

        public int Size => body.Length + (_brotli?.Length ?? 0) + (_gzip?.Length ?? 0);

        private (byte[] Bytes, string? Encoding) For(HttpRequest request)
        {
            if (body.Length < CompressFrom)
            {
                return (body, null);
            }

            return Encodings.Preferred(request) switch
            {
                "br" => (LazyInitializer.EnsureInitialized(ref _brotli, () => Encodings.Compress(body, "br")), "br"),
                "gzip" => (LazyInitializer.EnsureInitialized(ref _gzip, () => Encodings.Compress(body, "gzip")), "gzip"),
                _ => (body, null),
            };
        }

        public async Task ExecuteAsync(HttpContext httpContext)
        {
            var response = httpContext.Response;
            var request = httpContext.Request;
            if (next is not null)
            {
                response.Headers.Link = $"<{next}>; rel=\"next\"";
            }

            if (status == StatusCodes.Status200OK && (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method)))
            {
                var etag = httpContext.Items[ETagKey] as string ?? ETagOf(body);
                response.Headers.ETag = etag;
                response.Headers.CacheControl = "no-cache";
                if (NotModified(request, etag))
                {
                    response.StatusCode = StatusCodes.Status304NotModified;
                    return;
                }
            }
            else
            {
                response.Headers.CacheControl = "no-store";
            }

            response.StatusCode = status;
            // A text type gets its charset once: the brief's formats already name theirs ("text/html; charset=utf-8").
            response.ContentType = mediaType.StartsWith("text/", StringComparison.Ordinal) && !mediaType.Contains("charset=", StringComparison.OrdinalIgnoreCase)
                ? mediaType + "; charset=utf-8" : mediaType;
            var (bytes, encoding) = For(request);
            if (body.Length >= CompressFrom)
            {
                response.Headers.Vary = "Accept-Encoding";
            }

            if (encoding is not null)
            {
                response.Headers.ContentEncoding = encoding; // the compression middleware leaves an encoded answer as it is
            }

            response.ContentLength = bytes.Length;
            if (!HttpMethods.IsHead(request.Method))
            {
                await response.Body.WriteAsync(bytes, httpContext.RequestAborted).ConfigureAwait(false);
            }
        }
    }

    private sealed class NotModifiedAnswer(string etag) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.Headers.ETag = etag;
            httpContext.Response.Headers.CacheControl = "no-cache";
            httpContext.Response.StatusCode = StatusCodes.Status304NotModified;
            return Task.CompletedTask;
        }
    }

    private sealed class ProblemResult(LedgerError error, IReadOnlyList<FilterError> errors, TimeSpan? retryAfter) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            if (retryAfter is { } wait)
            {
                httpContext.Response.Headers.RetryAfter = ((int)Math.Ceiling(wait.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
            }

            return WriteProblemAsync(httpContext, error, errors);
        }
    }
}
