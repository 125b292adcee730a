using Npgsql;
using Sitrep.Storage.Postgres;
using Sitrep.Storage.Sqlite;

namespace Sitrep.Storage;

public enum StoreKind
{
    Sqlite,
    Postgres,
}

/// <summary>
/// Where the ledger lives: a SQLite file, or a PostgreSQL database. <see cref="Display"/> names it without a
/// password, for messages.
/// </summary>
public sealed record StoreLocation(StoreKind Kind, string Target, string Display)
{
    /// <summary>The environment variable that names the store when <c>--db</c> is not given.</summary>
    public const string EnvironmentVariable = "SITREP_DB";

    /// <summary>
    /// From <c>--db</c>, else <c>SITREP_DB</c>, else the default SQLite file. A value is a PostgreSQL URL
    /// (<c>postgres://user:password@host:port/database?sslmode=…&amp;search_path=…</c>), an Npgsql connection
    /// string (<c>Host=…;Database=…</c>), or a SQLite file path (optionally <c>sqlite:PATH</c>).
    /// </summary>
    public static StoreLocation Resolve(string? db, Func<string, string?>? environment = null)
    {
        environment ??= Environment.GetEnvironmentVariable;
        var value = string.IsNullOrWhiteSpace(db) ? environment(EnvironmentVariable) : db;
        return string.IsNullOrWhiteSpace(value) ? Sqlite(DefaultSqlitePath(environment)) : Parse(value.Trim());
    }

    public static StoreLocation Parse(string value)
    {
        if (value.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase) || value.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase))
        {
            return Postgres(PostgresUrl.ToConnectionString(value));
        }

        if (value.Contains("Host=", StringComparison.OrdinalIgnoreCase) && value.Contains(';', StringComparison.Ordinal))
        {
            try
            {
                return Postgres(value);
            }
            catch (Exception e) when (e is ArgumentException or FormatException)
            {
                // Npgsql's message may quote the string, password and all: say what is wrong without it.
                throw new StoreException("ST001", "The PostgreSQL connection string could not be read (a setting Npgsql does not know, or a value of the wrong kind). Write it as postgres://user:password@host:5432/database, or as Host=…;Port=5432;Database=…;Username=….");
            }
        }

        if (value.StartsWith("sqlite:", StringComparison.OrdinalIgnoreCase))
        {
            value = value["sqlite:".Length..];
        }

        return Sqlite(value);
    }

    public static StoreLocation Sqlite(string path)
    {
        var full = Path.GetFullPath(path);
        return new StoreLocation(StoreKind.Sqlite, full, full);
    }

    public static StoreLocation Postgres(string connectionString)
    {
        var b = new NpgsqlConnectionStringBuilder(connectionString);
        var display = $"postgres://{(b.Username is null ? "" : b.Username + "@")}{b.Host}:{b.Port}/{b.Database}";
        if (!string.IsNullOrEmpty(b.SearchPath))
        {
            display += $"?search_path={b.SearchPath}";
        }

        return new StoreLocation(StoreKind.Postgres, connectionString, display);
    }

    /// <summary><c>$XDG_DATA_HOME/sitrep/sitrep.db</c>, else <c>~/.local/share/sitrep/sitrep.db</c>.</summary>
    public static string DefaultSqlitePath(Func<string, string?>? environment = null)
    {
        environment ??= Environment.GetEnvironmentVariable;
        var dataHome = environment("XDG_DATA_HOME");
        if (string.IsNullOrWhiteSpace(dataHome) || !Path.IsPathRooted(dataHome))
        {
            var home = environment("HOME");
            if (string.IsNullOrWhiteSpace(home))
            {
                home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
            }

            dataHome = Path.Combine(home, ".local", "share");
        }

        return Path.Combine(dataHome, "sitrep", "sitrep.db");
    }

    public override string ToString() => Display;
}

/// <summary>Opens the store at a location, creating it and applying migrations when needed.</summary>
public static class EventStore
{
    public static async Task<IEventStore> OpenAsync(StoreLocation location, CancellationToken cancellationToken = default) => location.Kind switch
    {
        StoreKind.Postgres => await PostgresEventStore.OpenAsync(location, cancellationToken).ConfigureAwait(false),
        _ => await SqliteEventStore.OpenAsync(location, cancellationToken).ConfigureAwait(false),
    };

    /// <summary>
    /// Opens a store that must already exist (for reading commands): a SQLite path with no file there is refused
    /// (ST006) instead of becoming a new empty store, so a mistyped <c>--db</c> says so.
    /// </summary>
    public static Task<IEventStore> OpenExistingAsync(StoreLocation location, CancellationToken cancellationToken = default)
    {
        if (location.Kind == StoreKind.Sqlite && !File.Exists(location.Target))
        {
            throw new StoreException("ST006", $"There is no store at '{location.Display}'. Check --db (or $SITREP_DB), or create one with 'sitrep ingest FILES --db {location.Display}'.");
        }

        return OpenAsync(location, cancellationToken);
    }
}

/// <summary>A store could not be opened or used; the message says what to do.</summary>
public sealed class StoreException(string code, string message, Exception? inner = null) : Exception(message, inner)
{
    public string Code { get; } = code;

    public override string ToString() => $"{Code}: {Message}";
}
