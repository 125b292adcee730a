using System.Globalization;
using System.Runtime.InteropServices;
using Sitrep.Core;
using Sitrep.Extraction;
using Sitrep.Geo;
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

    public const string FilterUsage = """
          --since DATE       events on or after DATE (YYYY-MM-DD)
          --until DATE       events on or before DATE
          --attacker SIDE    RU, UA or unknown
          --target COUNTRY   UA, RU, BY or other (names work too: ukraine, russia)
          --place NAME       a place as written, its gazetteer name or its region ("Kharkiv",
                             "Kharkiv region"); case, accents and "oblast"/"region" are ignored
          --weapon WEAPON    drone, missile, cruise_missile, ballistic_missile, bomb, artillery,
                             rocket, or a model or the start of one ("shahed", "Kh-101")
          --min-launched N   events with at least N launched
          --min-killed N     events with at least N killed
          --kind KIND        strike or aggregate (default: both)
          --report ID        events of one stored report
        """;

    public static StoreLocation Location(CommandLine args) => StoreLocation.Resolve(args.Get("db"));

    public static IEventStore Open(CommandLine args, CancellationToken ct = default) =>
        EventStore.OpenAsync(Location(args), ct).GetAwaiter().GetResult();

    /// <summary>The filter options every query command takes.</summary>
    public static EventQuery Query(CommandLine args, int? defaultLimit)
    {
        var q = new EventQuery
        {
            Since = Date(args, "since"),
            Until = Date(args, "until"),
            Attacker = args.Get("attacker") is { } a ? (Parties.TryParseSide(a, out var side) && side is not Side.Other and not Side.Belarus ? side : throw new UsageException($"--attacker '{a}' is not RU, UA or unknown.")) : null,
            Target = args.Get("target") is { } t ? (Parties.TryParseCountry(t, out var country) ? country : throw new UsageException($"--target '{t}' is not UA, RU, BY or other.")) : null,
            Place = args.Get("place"),
            Weapon = args.Get("weapon"),
            MinLaunched = Int(args, "min-launched"),
            MinKilled = Int(args, "min-killed"),
            ReportId = Int(args, "report"),
            Kind = args.Get("kind") switch
            {
                null => null,
                "strike" or "strikes" => EventKind.Strike,
                "aggregate" or "aggregates" => EventKind.Aggregate,
                var k => throw new UsageException($"--kind '{k}' is not strike or aggregate."),
            },
            Limit = args.Has("all") ? null : Int(args, "limit") ?? defaultLimit,
            Offset = Int(args, "offset") ?? 0,
            Ascending = args.Has("oldest-first"),
        };
        return q;
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

    /// <summary>"30s", "5m", "1h", "1h30m", or plain seconds.</summary>
    public static TimeSpan Duration(string value, string option)
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
                number = number * 10 + (c - '0');
                any = true;
                continue;
            }

            if (!any)
            {
                throw new UsageException($"--{option} '{value}' is not a duration; write it like 30s, 5m, 1h or 1h30m.");
            }

            total += c switch
            {
                's' => TimeSpan.FromSeconds(number),
                'm' => TimeSpan.FromMinutes(number),
                'h' => TimeSpan.FromHours(number),
                'd' => TimeSpan.FromDays(number),
                _ => throw new UsageException($"--{option} '{value}' is not a duration; write it like 30s, 5m, 1h or 1h30m."),
            };
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

    /// <summary>The extraction pipeline with the gazetteer when there is one, and its name for the ledger.</summary>
    public static (Func<Article, Sitrep.Core.Extraction> Extract, string Name) Extractor(CliConsole console)
    {
        IPlaceLookup? places = null;
        try
        {
            places = Gazetteer.LoadDefault();
        }
        catch (GazetteerException e)
        {
            console.Error.WriteLine($"sitrep: places will not be put on the map: {e.Message}");
        }

        var pipeline = ExtractionPipeline.CreateDefault(places);
        var version = typeof(ExtractionPipeline).Assembly.GetName().Version?.ToString(3) ?? "0";
        return (pipeline.Extract, $"sitrep-extraction/{version}{(places is null ? " (no gazetteer)" : "")}");
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
