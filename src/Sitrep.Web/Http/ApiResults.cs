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
/// The API's answers: bodies written by the ledger's own writers, with an ETag (a hash of the body) that turns a repeated
/// request into a 304; and errors as RFC 7807 problem details carrying the project's error code.
/// </summary>
internal static class ApiResults
{
    public const string ProblemMediaType = "application/problem+json";

    /// <summary>A JSON body written by <paramref name="write"/>.</summary>
    public static IResult Json(Action<Utf8JsonWriter> write, string mediaType = "application/json") => new BodyResult(Bytes(write), mediaType, StatusCodes.Status200OK);

    /// <summary>A JSON answer to a write (no ETag): <paramref name="status"/> 200 or 201.</summary>
    public static IResult Written(byte[] json, int status) => new BodyResult(json, "application/json", status);

    /// <summary>A text body (CSV, GeoJSON written by a formatter).</summary>
    public static IResult Text(string body, string mediaType) => new BodyResult(Encoding.UTF8.GetBytes(body), mediaType, StatusCodes.Status200OK);

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
        await ctx.Response.Body.WriteAsync(body, ctx.RequestAborted).ConfigureAwait(false);
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

    private sealed class BodyResult(byte[] body, string mediaType, int status) : IResult
    {
        public async Task ExecuteAsync(HttpContext httpContext)
        {
            var response = httpContext.Response;
            if (status == StatusCodes.Status200OK && HttpMethods.IsGet(httpContext.Request.Method) || HttpMethods.IsHead(httpContext.Request.Method))
            {
                var etag = ETagOf(body);
                response.Headers.ETag = etag;
                response.Headers.CacheControl = "no-cache";
                if (NotModified(httpContext.Request, etag))
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
            response.ContentType = mediaType.StartsWith("text/", StringComparison.Ordinal) ? mediaType + "; charset=utf-8" : mediaType;
            response.ContentLength = body.Length;
            if (!HttpMethods.IsHead(httpContext.Request.Method))
            {
                await response.Body.WriteAsync(body, httpContext.RequestAborted).ConfigureAwait(false);
            }
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
