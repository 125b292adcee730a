using Npgsql;

namespace Sitrep.Storage.Postgres;

/// <summary>Turns a <c>postgres://user:password@host:port/database?key=value</c> URL into an Npgsql connection string.</summary>
internal static class PostgresUrl
{
    /// <summary>
    /// The URL with its password (whatever lies between the user's ':' and the last '@') shown as ***, for messages;
    /// when the URL is too broken to tell, more is hidden, never less.
    /// </summary>
    public static string Redacted(string url)
    {
        var start = url.IndexOf("://", StringComparison.Ordinal);
        var at = url.LastIndexOf('@');
        if (start < 0 || at < start + 3)
        {
            return url;
        }

        var colon = url.IndexOf(':', start + 3);
        return colon < 0 || colon > at ? url : string.Concat(url.AsSpan(0, colon + 1), "***", url.AsSpan(at));
    }

    public static string ToConnectionString(string url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri))
        {
            throw new StoreException("ST001", $"'{Redacted(url)}' is not a PostgreSQL URL (check the port is a number and special characters in the password are %-escaped, e.g. @ as %40). Write it as postgres://user:password@host:5432/database.");
        }

        var b = new NpgsqlConnectionStringBuilder
        {
            Host = string.IsNullOrEmpty(uri.Host) ? "127.0.0.1" : uri.Host,
            Port = uri.Port > 0 ? uri.Port : 5432,
            Database = Uri.UnescapeDataString(uri.AbsolutePath.TrimStart('/')) is { Length: > 0 } db ? db : "sitrep",
        };
        if (uri.UserInfo.Length > 0)
        {
            var colon = uri.UserInfo.IndexOf(':', StringComparison.Ordinal);
            b.Username = Uri.UnescapeDataString(colon < 0 ? uri.UserInfo : uri.UserInfo[..colon]);
            if (colon >= 0)
            {
                b.Password = Uri.UnescapeDataString(uri.UserInfo[(colon + 1)..]);
            }
        }

        foreach (var pair in uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var eq = pair.IndexOf('=', StringComparison.Ordinal);
            var key = Uri.UnescapeDataString(eq < 0 ? pair : pair[..eq]).ToLowerInvariant();
            var value = eq < 0 ? "" : Uri.UnescapeDataString(pair[(eq + 1)..]);
            switch (key)
            {
                case "sslmode":
                    b.SslMode = Enum.TryParse<SslMode>(value.Replace("-", "", StringComparison.Ordinal), ignoreCase: true, out var mode) ? mode : SslMode.Prefer;
                    break;
                case "search_path" or "schema":
                    b.SearchPath = value;
                    break;
                case "application_name":
                    b.ApplicationName = value;
                    break;
                case "connect_timeout":
                    b.Timeout = int.TryParse(value, System.Globalization.CultureInfo.InvariantCulture, out var t) ? t : 15;
                    break;
                default:
                    try
                    {
                        b[key] = value;
                    }
                    catch (ArgumentException e)
                    {
                        throw new StoreException("ST001", $"'{key}' in the PostgreSQL URL is not a setting Sitrep knows ({e.Message}). Remove it.", e);
                    }

                    break;
            }
        }

        b.ApplicationName ??= "sitrep";
        return b.ConnectionString;
    }
}
