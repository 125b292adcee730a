using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using Sitrep.Core;

namespace Sitrep.Ingest;

/// <summary>
/// Fetches the URLs a user names (a page, a JSON file or a feed) and reads them; never follows links in what
/// it fetched. Remembers each URL's ETag and Last-Modified so that polling a feed that has not changed costs a
/// 304. Thread-safe. Redirects are followed here, not by the client (at most <see cref="MaxRedirects"/>, each to an
/// http(s) address only: a redirect to <c>file:</c> or any other scheme is refused). One deadline covers the whole
/// fetch — every redirect, the headers and the body — so a server that trickles its body cannot hold a run; the size
/// cap holds over redirects too. Every failure (DNS, refused, deadline, HTTP error, refused redirect, oversized body)
/// is a <see cref="ErrorCatalogue.Unreachable"/> or <see cref="ErrorCatalogue.TooLarge"/> result, never an exception.
/// </summary>
public sealed class ReportFetcher(HttpClient http, long maxBytes = FileLoader.DefaultMaxBytes, TimeSpan? deadline = null)
{
    /// <summary>The longest one fetch may take, headers and body and redirects together.</summary>
    public static readonly TimeSpan DefaultDeadline = TimeSpan.FromSeconds(60);

    /// <summary>The most redirects one fetch follows.</summary>
    public const int MaxRedirects = 5;

    private readonly ConcurrentDictionary<string, (string? ETag, DateTimeOffset? LastModified)> _validators = new(StringComparer.Ordinal);

    private readonly TimeSpan _deadline = deadline ?? DefaultDeadline;

    /// <summary>A client with a 30 s limit on each request's headers, redirects left to the fetcher, and a User-Agent that names Sitrep.</summary>
    public static HttpClient CreateClient()
    {
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            AutomaticDecompression = DecompressionMethods.All,
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            ConnectTimeout = TimeSpan.FromSeconds(15),
        };
        var client = new HttpClient(handler) { Timeout = TimeSpan.FromSeconds(30) };
        client.DefaultRequestHeaders.UserAgent.Add(new ProductInfoHeaderValue("sitrep", "0.1"));
        return client;
    }

    /// <summary>True when the last fetch of <paramref name="url"/> answered 304 Not Modified.</summary>
    public async Task<(ReadResult Result, bool NotModified)> FetchAsync(string url, ReportFormat format = ReportFormat.Auto, CancellationToken cancellationToken = default)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || !IsHttp(uri))
        {
            return (ReadResult.Fail(url, ErrorCatalogue.UnsupportedAddress(url)), false);
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_deadline);
        var ct = timeout.Token;
        try
        {
            for (var hop = 0; ; hop++)
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, uri);
                if (hop == 0 && _validators.TryGetValue(url, out var v))
                {
                    if (v.ETag is not null && EntityTagHeaderValue.TryParse(v.ETag, out var etag))
                    {
                        request.Headers.IfNoneMatch.Add(etag);
                    }

                    if (v.LastModified is { } lm)
                    {
                        request.Headers.IfModifiedSince = lm;
                    }
                }

                using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct).ConfigureAwait(false);
                if (IsRedirect(response.StatusCode))
                {
                    if (response.Headers.Location is not { } location)
                    {
                        return Fail(ErrorCatalogue.Unreachable(url, $"the server answered {(int)response.StatusCode} (a redirect) without saying where to"));
                    }

                    var next = location.IsAbsoluteUri ? location : new Uri(uri, location);
                    if (!IsHttp(next))
                    {
                        return Fail(ErrorCatalogue.Unreachable(url, $"it redirects to '{Shown(next)}', which is not an http(s) address; such a redirect is never followed"));
                    }

                    if (hop >= MaxRedirects)
                    {
                        return Fail(ErrorCatalogue.Unreachable(url, $"it redirected more than {MaxRedirects} times (last to '{Shown(next)}')"));
                    }

                    uri = next;
                    continue;
                }

                if (response.StatusCode == HttpStatusCode.NotModified)
                {
                    return (ReadResult.Success(url), true);
                }

                if (!response.IsSuccessStatusCode)
                {
                    return Fail(ErrorCatalogue.Unreachable(url, $"the server answered {(int)response.StatusCode} {response.ReasonPhrase}"));
                }

                if (response.Content.Headers.ContentLength is { } declared && declared > maxBytes)
                {
                    return Fail(ErrorCatalogue.TooLarge(url, declared, maxBytes));
                }

                var bytes = await ReadCappedAsync(response.Content, maxBytes, ct).ConfigureAwait(false);
                if (bytes is null)
                {
                    return Fail(ErrorCatalogue.TooLarge(url, maxBytes + 1, maxBytes));
                }

                _validators[url] = (response.Headers.ETag?.ToString(), response.Content.Headers.LastModified);
                var (text, error) = FileLoader.Decode(url, bytes);
                if (error is not null)
                {
                    return Fail(error);
                }

                if (format == ReportFormat.Auto)
                {
                    format = ReportReader.FormatOfMediaType(response.Content.Headers.ContentType?.MediaType);
                }

                var result = ReportReader.Parse(url, url, text!, format);
                return (WithUrl(result, url), false);
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested && timeout.IsCancellationRequested)
        {
            return Fail(ErrorCatalogue.Unreachable(url, $"it did not finish within {_deadline.TotalSeconds:0} seconds (the server sent it too slowly, or not at all)"));
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return Fail(ErrorCatalogue.Unreachable(url, $"no answer within {http.Timeout.TotalSeconds:0} seconds"));
        }
        catch (HttpRequestException e)
        {
            return Fail(ErrorCatalogue.Unreachable(url, e.InnerException?.Message ?? e.Message));
        }
        catch (IOException e)
        {
            return Fail(ErrorCatalogue.Unreachable(url, e.Message));
        }

        (ReadResult, bool) Fail(ReadError error) => (ReadResult.Fail(url, error), false);
    }

    private static bool IsHttp(Uri uri) => uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps;

    private static bool IsRedirect(HttpStatusCode status) =>
        status is HttpStatusCode.MovedPermanently or HttpStatusCode.Found or HttpStatusCode.SeeOther or HttpStatusCode.TemporaryRedirect
            or HttpStatusCode.PermanentRedirect or HttpStatusCode.MultipleChoices;

    /// <summary>A redirect's target as shown in a message: scheme, host and path, without user info or query.</summary>
    private static string Shown(Uri uri) =>
        uri.IsAbsoluteUri ? uri.GetComponents(UriComponents.SchemeAndServer | UriComponents.Path, UriFormat.SafeUnescaped) : uri.ToString();

    /// <summary>A single page read from a URL takes that URL when it names no canonical one.</summary>
    private static ReadResult WithUrl(ReadResult result, string url)
    {
        if (result.Articles.Length != 1 || result.Articles[0].Url is not null)
        {
            return result;
        }

        return result with { Articles = [result.Articles[0] with { Url = url }] };
    }

    private static async Task<byte[]?> ReadCappedAsync(HttpContent content, long maxBytes, CancellationToken ct)
    {
        var stream = await content.ReadAsStreamAsync(ct).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            using var buffer = new MemoryStream();
            var chunk = new byte[81920];
            int read;
            while ((read = await stream.ReadAsync(chunk, ct).ConfigureAwait(false)) > 0)
            {
                if (buffer.Length + read > maxBytes)
                {
                    return null;
                }

                buffer.Write(chunk, 0, read);
            }

            return buffer.ToArray();
        }
    }
}
