using System.Globalization;
using System.Runtime.InteropServices;
using Sitrep.Core;
using Sitrep.Ledger;
using Sitrep.Ledger.Compare;
using Sitrep.Ledger.Filters;
using Sitrep.Storage;

namespace Sitrep.Cli.Commands;

/// <summary>What the ledger commands share: where the store is, the event filters, stopping on Ctrl-C or SIGTERM.</summary>
internal static class Ledger
{
    public const string DbUsage = """
          --db DB            the store: a SQLite file path, or postgres://user:pass@host:port/db
                             (default: $SITREP_DB, else $XDG_DATA_HOME/sitrep/sitrep.db, else
                             ~/.local/share/sitrep/sitrep.db)
        """;

    public const string FilterUsage = LedgerFilter.Usage;

    /// <summary>The filters and the order of a listing (events, attacks).</summary>
    public const string ListingUsage = LedgerFilter.Usage + "\n" + LedgerFilter.SortUsage;

    /// <summary>The store option of every command that opens one.</summary>
    public static readonly OptionSpec DbOption = new("db", "DB");

    /// <summary>
    /// The filters alone, for the commands whose rows have an order of their own (stats by day, export by id): an order,
    /// offset or cursor they would not follow is refused as an unknown option rather than quietly ignored.
    /// </summary>
    public static readonly OptionSpec[] FilterOnlyOptions = [.. LedgerFilter.Names.Select(n => new OptionSpec(n, n.ToUpperInvariant()))];

    /// <summary>The filter, order and paging options of the listing commands (events, attacks).</summary>
    public static readonly OptionSpec[] FilterOptions =
    [
        .. FilterOnlyOptions,
        new("sort", "FIELD", null, "date", "launched", "destroyed", "killed", "injured"),
        new("order", "ORDER", null, "desc", "asc"),
        new("limit", "N", 'n'),
        new("offset", "N"),
        new("cursor", "CURSOR"),
        OptionSpec.Flag("all"),
        OptionSpec.Flag("oldest-first"),
    ];

    public static StoreLocation Location(CommandLine args) => StoreLocation.Resolve(args.Get("db"));

    public static IEventStore Open(CommandLine args, CancellationToken ct = default) =>
        EventStore.OpenAsync(Location(args), ct).GetAwaiter().GetResult();

    /// <summary>The ledger's attacks for <c>sitrep compare</c>, from the store --db names.</summary>
    public static IAttackNights AttackNights(CommandLine args) => new StoreAttackNights(Location(args));

    /// <summary>The filter options every query command takes (parsed by the ledger layer; a bad value is a usage error).</summary>
    public static EventQuery Query(CommandLine args, int? defaultLimit)
    {
        var result = LedgerFilter.Parse(args.Get, defaultLimit);
        return result.Ok ? result.Query : throw new UsageException(string.Join(" ", result.Errors.Select(e => e.Message)));
    }

    /// <summary>The page size of a table when --limit is not given; other formats write every row unless --limit says.</summary>
    public const int TableRows = 50;

    /// <summary>The filters of a listing: a table stops at <see cref="TableRows"/> by default, json, csv and the rest never do.</summary>
    public static EventQuery ListingQuery(CommandLine args, string format) => Query(args, format == "table" ? TableRows : null);

    /// <summary>The query a table runs: one row more than it shows, so that it can say whether more match.</summary>
    public static EventQuery OneMore(EventQuery query) => query.Limit is { } n and < int.MaxValue ? query with { Limit = n + 1 } : query;

    /// <summary>Rows a table shows of what <see cref="OneMore"/> fetched, and the line that says there are more (or null).</summary>
    public static (IReadOnlyList<T> Rows, string? More) Page<T>(IReadOnlyList<T> fetched, EventQuery query, string what)
    {
        if (query.Limit is not { } limit || fetched.Count <= limit)
        {
            return (fetched, null);
        }

        var next = query.Offset + limit;
        return ([.. fetched.Take(limit)],
            $"{char.ToUpperInvariant(what[0])}{what[1..]} {Ledger.N(query.Offset + 1)}-{Ledger.N(next)} shown, more match: --limit N, --offset {next} (next page) or --all.");
    }

    public static DateOnly? Date(CommandLine args, string name)
    {
        var v = args.Get(name);
        if (v is null)
        {
            return null;
        }

        return DateOnly.TryParseExact(v, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
            ? d
            : throw new UsageException($"--{name} '{v}' is not a date; write it as YYYY-MM-DD.");
    }

    public static int? Int(CommandLine args, string name)
    {
        var v = args.Get(name);
        if (v is null)
        {
            return null;
        }

        return int.TryParse(v, NumberStyles.None, CultureInfo.InvariantCulture, out var n)
            ? n
            : throw new UsageException($"--{name} '{v}' is not a whole number.");
    }

    /// <summary>The longest duration an option takes (a week): a timer cannot wait much longer, and nobody means more.</summary>
    public static readonly TimeSpan MaxDuration = TimeSpan.FromDays(7);

    /// <summary>"30s", "5m", "1h", "1h30m", "1d", or plain seconds; up to <see cref="MaxDuration"/>.</summary>
    public static TimeSpan Duration(string value, string option)
    {
        var d = ParseDuration(value, option);
        return d <= MaxDuration
            ? d
            : throw new UsageException($"--{option} '{value}' is longer than a week, the most it takes; write a shorter duration, e.g. 5m, 1h or 1d.");
    }

    private static TimeSpan ParseDuration(string value, string option)
    {
        if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
        {
            return TimeSpan.FromSeconds(seconds);
        }

        var total = TimeSpan.Zero;
        var number = 0L;
        var any = false;
        foreach (var c in value.Trim().ToLowerInvariant())
        {
            if (char.IsAsciiDigit(c))
            {
                // A number this large is over the week refused below; stop counting before it wraps.
                number = Math.Min(number * 10 + (c - '0'), 1_000_000_000L);
                any = true;
                continue;
            }

            if (!any)
            {
                throw new UsageException($"--{option} '{value}' is not a duration; write it like 30s, 5m, 1h or 1h30m.");
            }

            var part = c switch
            {
                's' => number,
                'm' => number * 60,
                'h' => number * 3600,
                'd' => number * 86_400,
                _ => throw new UsageException($"--{option} '{value}' is not a duration; write it like 30s, 5m, 1h or 1h30m."),
            };
            total = TimeSpan.FromSeconds(Math.Min(total.TotalSeconds + part, 1e11));
            number = 0;
            any = false;
        }

        if (any || total <= TimeSpan.Zero)
        {
            throw new UsageException($"--{option} '{value}' is not a duration; write it like 30s, 5m, 1h or 1h30m.");
        }

        return total;
    }

    public static void RejectUnknown(CommandLine args)
    {
        if (args.Unused().FirstOrDefault() is { } unknown)
        {
            throw new UsageException($"unknown option --{unknown}.");
        }
    }

    /// <summary>A token cancelled by Ctrl-C or SIGTERM (the first asks to stop cleanly; a second Ctrl-C ends at once).</summary>
    public static StopSignal OnStop() => new();

    /// <summary>The ledger's extractor; says on stderr when places will not be put on the map.</summary>
    public static LedgerExtractor Extractor(CliConsole console)
    {
        var extractor = LedgerExtractor.CreateDefault();
        if (extractor.GazetteerProblem is { } problem)
        {
            console.Error.WriteLine($"sitrep: places will not be put on the map: {problem}");
        }

        return extractor;
    }

    /// <summary>Says on stderr when the store holds events no merge has seen (a store made before attacks existed).</summary>
    public static async Task WarnIfStaleAsync(IEventStore store, CliConsole console)
    {
        if (await store.NeedsRebuildAsync().ConfigureAwait(false))
        {
            console.Error.WriteLine($"sitrep: the attacks of {store.Location.Display} are not built yet (the store was made before attacks existed); run 'sitrep merge --rebuild'.");
        }
    }

    /// <summary>
    /// Says on stderr how many reports wait for a worker (stored with <c>--defer</c>): what a listing shows leaves them out
    /// until <c>sitrep worker</c> has extracted them.
    /// </summary>
    public static async Task WarnIfPendingAsync(IEventStore store, CliConsole console, string command)
    {
        var pending = await store.CountPendingAsync().ConfigureAwait(false);
        if (pending > 0)
        {
            console.Error.WriteLine($"sitrep {command}: {N(pending)} report{(pending == 1 ? " is" : "s are")} stored but not extracted yet (pending, e.g. from 'sitrep ingest --defer'), so {(pending == 1 ? "its" : "their")} events are not listed; run 'sitrep worker --until-empty' to extract them.");
        }
    }

    public static string N(long n) => n.ToString("#,0", CultureInfo.InvariantCulture);

    public static string Seconds(TimeSpan t) => t.TotalSeconds < 10
        ? t.TotalSeconds.ToString("0.00", CultureInfo.InvariantCulture) + " s"
        : t.TotalHours >= 1 ? $"{(int)t.TotalHours}:{t.Minutes:00}:{t.Seconds:00}" : $"{(int)t.TotalMinutes}:{t.Seconds:00}";
}

/// <summary>Cancels its token on Ctrl-C or SIGTERM; disposing unhooks it.</summary>
internal sealed class StopSignal : IDisposable
{
    private readonly CancellationTokenSource _cts = new();
    private readonly PosixSignalRegistration? _term;
    private int _presses;

    public StopSignal()
    {
        Console.CancelKeyPress += OnCancel;
        try
        {
            _term = PosixSignalRegistration.Create(PosixSignal.SIGTERM, ctx =>
            {
                ctx.Cancel = true;
                _cts.Cancel();
            });
        }
        catch (PlatformNotSupportedException)
        {
        }
    }

    public CancellationToken Token => _cts.Token;

    private void OnCancel(object? sender, ConsoleCancelEventArgs e)
    {
        // The first Ctrl-C stops cleanly (what is read is stored); a second one ends the process.
        e.Cancel = Interlocked.Increment(ref _presses) == 1;
        _cts.Cancel();
    }

    public void Dispose()
    {
        Console.CancelKeyPress -= OnCancel;
        _term?.Dispose();
        _cts.Dispose();
    }
}
