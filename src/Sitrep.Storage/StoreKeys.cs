using System.Text;

namespace Sitrep.Storage;

/// <summary>Normalized keys the store matches on. Pure functions; the same in every backend.</summary>
public static class StoreKeys
{
    private static readonly string[] PlaceSuffixes =
    [
        " oblast", " region", " province", " district", " raion", " city", " governorate", " krai", " republic", " municipality", " hromada",
    ];

    /// <summary>
    /// A URL as a key: trimmed, scheme and host lowercased, fragment and trailing slash dropped, default ports
    /// dropped. Query strings are kept (they may name the story). Empty when there is no URL.
    /// </summary>
    public static string Url(string? url)
    {
        if (string.IsNullOrWhiteSpace(url))
        {
            return "";
        }

        url = url.Trim();
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            return url;
        }

        var path = uri.AbsolutePath.Length > 1 ? uri.AbsolutePath.TrimEnd('/') : "";
        var port = uri.IsDefaultPort ? "" : ":" + uri.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return $"{uri.Scheme}://{uri.Host.ToLowerInvariant()}{port}{path}{uri.Query}";
    }

    /// <summary>
    /// A place name as a key: lowercase, common Latin and Cyrillic accents folded, apostrophes dropped, hyphens and
    /// whitespace as single spaces, and "city of", "the", "region", "oblast" and the like dropped, so "Kharkiv
    /// Oblast", "Kharkiv region" and "kharkiv" meet. Null for blank input.
    /// </summary>
    public static string? Place(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return null;
        }

        var folded = Fold(name, keepSpaces: true);
        foreach (var prefix in (string[])["city of ", "the ", "town of ", "village of "])
        {
            if (folded.StartsWith(prefix, StringComparison.Ordinal))
            {
                folded = folded[prefix.Length..];
            }
        }

        foreach (var suffix in PlaceSuffixes)
        {
            if (folded.EndsWith(suffix, StringComparison.Ordinal) && folded.Length > suffix.Length)
            {
                folded = folded[..^suffix.Length];
                break;
            }
        }

        return folded.Length == 0 ? null : folded;
    }

    /// <summary>A weapon model as a key: lowercase letters and digits only ("Shahed-136" → "shahed136").</summary>
    public static string? Model(string? model)
    {
        if (string.IsNullOrWhiteSpace(model))
        {
            return null;
        }

        var folded = Fold(model, keepSpaces: false);
        return folded.Length == 0 ? null : folded;
    }

    private static string Fold(string s, bool keepSpaces)
    {
        var sb = new StringBuilder(s.Length);
        var space = false;
        foreach (var ch in s)
        {
            if (ch is '\'' or '’' or 'ʼ' or '‘' or '`' or '´' or 'ʹ')
            {
                continue;
            }

            var c = FoldChar(char.ToLowerInvariant(ch));
            if (char.IsLetterOrDigit(c))
            {
                if (space && sb.Length > 0)
                {
                    sb.Append(' ');
                }

                space = false;
                sb.Append(c);
            }
            else
            {
                space = keepSpaces;
            }
        }

        return sb.ToString();
    }

    private static char FoldChar(char c) => c switch
    {
        'á' or 'à' or 'â' or 'ä' or 'ã' or 'å' or 'ā' or 'ą' => 'a',
        'é' or 'è' or 'ê' or 'ë' or 'ē' or 'ę' or 'ě' => 'e',
        'í' or 'ì' or 'î' or 'ï' or 'ī' => 'i',
        'ó' or 'ò' or 'ô' or 'ö' or 'õ' or 'ø' or 'ō' => 'o',
        'ú' or 'ù' or 'û' or 'ü' or 'ū' or 'ů' => 'u',
        'ý' or 'ÿ' => 'y',
        'ç' or 'č' or 'ć' => 'c',
        'š' or 'ś' => 's',
        'ž' or 'ź' or 'ż' => 'z',
        'ł' => 'l',
        'ñ' or 'ń' => 'n',
        'ř' => 'r',
        'ё' => 'е',
        'ї' => 'і',
        'й' => 'и',
        _ => c,
    };
}
