using System.IO.Compression;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace Sitrep.Web.Http;

/// <summary>The content codings the API's own answers are sent in: Brotli, else gzip, as the request's Accept-Encoding allows.</summary>
internal static class Encodings
{
    /// <summary>"br", "gzip", or null (identity): the first the request takes with a quality above 0, Brotli first on a tie.</summary>
    public static string? Preferred(HttpRequest request)
    {
        var header = request.Headers.AcceptEncoding;
        if (header.Count == 0 || !StringWithQualityHeaderValue.TryParseList(header, out var offered))
        {
            return null;
        }

        string? best = null;
        double bestQuality = 0;
        foreach (var coding in new[] { "br", "gzip" })
        {
            var quality = Quality(offered, coding);
            if (quality > bestQuality)
            {
                best = coding;
                bestQuality = quality;
            }
        }

        return best;
    }

    private static double Quality(IList<StringWithQualityHeaderValue> offered, string coding)
    {
        double? named = null, any = null;
        foreach (var o in offered)
        {
            if (o.Value.Equals(coding, StringComparison.OrdinalIgnoreCase))
            {
                named = o.Quality ?? 1;
            }
            else if (o.Value.Equals("*", StringComparison.Ordinal))
            {
                any = o.Quality ?? 1;
            }
        }

        return named ?? any ?? 0;
    }

    /// <summary><paramref name="body"/> compressed (fastest level, as the compression middleware does).</summary>
    public static byte[] Compress(byte[] body, string coding)
    {
        using var output = new MemoryStream(body.Length / 4 + 64);
        using (Stream z = coding == "br" ? new BrotliStream(output, CompressionLevel.Fastest, leaveOpen: true) : new GZipStream(output, CompressionLevel.Fastest, leaveOpen: true))
        {
            z.Write(body);
        }

        return output.ToArray();
    }
}
