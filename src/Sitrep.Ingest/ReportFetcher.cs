using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using Sitrep.Core;

namespace Sitrep.Ingest;

/// <summary>
/// Fetches the URLs a user names (a page, a JSON file or a feed) and reads them; never follows links in what
/// it fetched. Remembers each URL's ETag and Last-Modified so that polling a feed that has not changed costs a
/// 304. Thread-safe. Every failure (DNS, refused, timeout, HTTP error, oversized body) is a
/// <see cref="ErrorCatalogue.Unreachable"/> or <see cref="ErrorCatalogue.TooLarge"/> result, never an exception.
/// </summary>
public sealed class ReportFetcher(HttpClient http, long maxBytes = FileLoader.DefaultMaxBytes)
{
    private readonly ConcurrentDictionary<string, (string? ETag, DateTimeOffset? LastModified)> _validators = new(StringComparer.Ordinal);

    /// <summary>A client with a 30 s timeout, redirects followed, and a User-Agent that names Sitrep.</summary>
    public static HttpClient CreateClient()
    {
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = true,
            MaxAutomaticRedirections = 5,
            AutomaticDecompression = DecompressionMethods.All,
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        };
        var client = new HttpClient(handler) { Timeout = TimeSpan.FromSeconds(30) };
        client.DefaultRequestHeaders.UserAgent.Add(new ProductInfoHeaderValue("sitrep", "0.1"));
        return client;
    }

    /// <summary>True when the last fetch of <paramref name="url"/> answered 304 Not Modified.</summary>
    public async Task<(ReadResult Result, bool NotModified)> FetchAsync(string url, ReportFormat format = ReportFormat.Auto, CancellationToken cancellationToken = default)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            return (ReadResult.Fail(url, ErrorCatalogue.UnsupportedAddress(url)), false);
        }

        using var request = new HttpRequestMessage(HttpMethod.Get, uri);
        if (_validators.TryGetValue(url, out var v))
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

        try
        {
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
            if (response.StatusCode == HttpStatusCode.NotModified)
            {
                return (ReadResult.Success(url), true);
            }

            if (!response.IsSuccessStatusCode)
            {
                return (ReadResult.Fail(url, ErrorCatalogue.Unreachable(url, $"the server answered {(int)response.StatusCode} {response.ReasonPhrase}")), false);
            }

            if (response.Content.Headers.ContentLength is { } declared && declared > maxBytes)
            {
                return (ReadResult.Fail(url, ErrorCatalogue.TooLarge(url, declared, maxBytes)), false);
            }

            var bytes = await ReadCappedAsync(response.Content, maxBytes, cancellationToken).ConfigureAwait(false);
            if (bytes is null)
            {
                return (ReadResult.Fail(url, ErrorCatalogue.TooLarge(url, maxBytes + 1, maxBytes)), false);
            }

            _validators[url] = (response.Headers.ETag?.ToString(), response.Content.Headers.LastModified);
            var (text, error) = FileLoader.Decode(url, bytes);
            if (error is not null)
            {
                return (ReadResult.Fail(url, error), false);
            }

            if (format == ReportFormat.Auto)
            {
                format = ReportReader.FormatOfMediaType(response.Content.Headers.ContentType?.MediaType);
            }

            var result = ReportReader.Parse(url, url, text!, format);
            return (WithUrl(result, url), false);
        }
        catch (HttpRequestException e)
        {
            return (ReadResult.Fail(url, ErrorCatalogue.Unreachable(url, e.InnerException?.Message ?? e.Message)), false);
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return (ReadResult.Fail(url, ErrorCatalogue.Unreachable(url, $"no answer within {http.Timeout.TotalSeconds:0} seconds")), false);
        }
        catch (IOException e)
        {
            return (ReadResult.Fail(url, ErrorCatalogue.Unreachable(url, e.Message)), false);
        }
    }

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
