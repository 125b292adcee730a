using System.Text;
using Sitrep.Ledger.Formats;
using Sitrep.Storage;

namespace Sitrep.Cli.Commands;

/// <summary><c>sitrep export --format csv|jsonl|geojson|acled [--events] [filters] [--out FILE]</c>: every matching attack (or event), streamed.</summary>
internal sealed class ExportCommand : ICommand
{
    public IReadOnlyList<OptionSpec> Options { get; } = [.. Ledger.FilterOnlyOptions, new("limit", "N", 'n'), OptionSpec.Flag("all"), new("format", "FORMAT", 'f', "csv", "jsonl", "geojson", "acled", "parquet"), OptionSpec.Flag("events"), new("out", "FILE", 'o'), Ledger.DbOption];

    public OperandSpec Operands => OperandSpec.None;

    public string Name => "export";

    public string Summary => "Export attacks or events: CSV, JSON Lines, GeoJSON, ACLED, Parquet.";

    public string Usage => $"""
        Usage: sitrep export --format csv|jsonl|geojson|acled|parquet [--events] [FILTERS] [--out FILE]
               [--db DB]

        Writes every matching attack — one row per real attack, however many reports tell it — in id
        order, streamed, so a store of any size exports in constant memory. --events writes each
        report's events instead (one row per report's account).

          --format FORMAT    csv      one row per attack: date, sides, places, weapons, best figures and the
                                      ranges of killed and injured, location, sources
                             jsonl    one JSON object per attack: the merged-ledger contract (members, figures
                                      with best/low/high/conservative, every claim with its evidence)
                             geojson  a FeatureCollection; a Point per attack at its location (null geometry
                                      when it has none)
                             acled    ACLED's 31 columns in ACLED's order, one row per attack (fatalities:
                                      the conservative killed; source: the outlets; notes: how many reports,
                                      ranges, contested figures; empty where Sitrep does not code a column),
                                      then injuries, launched, destroyed, weapons; with --events, strikes only
                                      unless --kind says; the mapping is in the README's data dictionary
                             parquet  the csv's fields as typed Parquet columns, for pandas, R and DuckDB
          --events           export each report's events instead of attacks
          --out FILE         write to FILE instead of standard output
          --limit N          at most N rows (the first N in id order; --all: every row, the default)
        {Ledger.FilterUsage}
        {Ledger.DbUsage}
        """;

    public int Run(CommandLine args, CliConsole console)
    {
        var format = args.Get("format") ?? throw new UsageException("say which format: --format csv, jsonl, geojson, acled or parquet.");
        if (format is not ("csv" or "jsonl" or "geojson" or "acled" or "parquet"))
        {
            throw new UsageException($"unknown format '{format}'; use csv, jsonl, geojson, acled or parquet.");
        }

        var query = Ledger.Query(args, defaultLimit: null);
        var events = args.Has("events");
        if (events)
        {
            query = Acled.EventQuery(query, format);
        }

        var location = Ledger.Location(args);
        var outPath = args.Get("out");
        Ledger.RejectUnknown(args);
        using var stop = Ledger.OnStop();
        try
        {
            if (AttackFilterIds.Follow(location, query, console, "export") is not { } followed)
            {
                return 1;
            }

            query = followed;
            if (outPath is null && format == "parquet")
            {
                if (console.OpenBinaryOut() is not { } binary)
                {
                    throw new UsageException("Parquet is binary: give --out FILE, or redirect the output to a file.");
                }

                var n = RunParquetAsync(location, query, events, binary, stop.Token).GetAwaiter().GetResult();
                return n >= 0 ? 0 : 1;
            }

            if (outPath is null)
            {
                var n = RunAsync(location, query, format, events, console.Out, stop.Token).GetAwaiter().GetResult();
                console.Out.Flush();
                return n >= 0 ? 0 : 1;
            }

            if (RefuseOutput(outPath, location) is { } refusal)
            {
                console.Error.WriteLine($"sitrep export: {refusal}");
                return 2;
            }

            // Written beside the output and moved over it when complete: a failed or stopped export leaves any file
            // that was there as it was.
            var partial = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(outPath))!, $".{Path.GetFileName(outPath)}.{Environment.ProcessId}.partial");
            try
            {
                long count;
                if (format == "parquet")
                {
                    using var stream = new FileStream(partial, FileMode.CreateNew, FileAccess.Write);
                    count = RunParquetAsync(location, query, events, stream, stop.Token).GetAwaiter().GetResult();
                }
                else
                {
                    using var file = new StreamWriter(new FileStream(partial, FileMode.CreateNew, FileAccess.Write), new UTF8Encoding(false), 1 << 16);
                    count = RunAsync(location, query, format, events, file, stop.Token).GetAwaiter().GetResult();
                }

                File.Move(partial, outPath, overwrite: true);
                console.Error.WriteLine($"sitrep export: {Ledger.N(count)} {(events ? "events" : "attacks")} written to {outPath}");
            }
            finally
            {
                File.Delete(partial);
            }

            return 0;
        }
        catch (UnauthorizedAccessException e)
        {
            console.Error.WriteLine($"sitrep export: cannot write '{outPath}': {e.Message}");
            return 1;
        }
        catch (StoreException e)
        {
            console.Error.WriteLine($"sitrep export: {e.Code}: {e.Message}");
            return 3;
        }
        catch (IOException e)
        {
            console.Error.WriteLine($"sitrep export: cannot write '{outPath}': {e.Message}");
            return 1;
        }
        catch (OperationCanceledException)
        {
            console.Error.WriteLine("sitrep export: stopped; the output is incomplete.");
            return 1;
        }
    }

    /// <summary>Why <paramref name="outPath"/> may not be written: a folder, the store itself, or any SQLite file.</summary>
    private static string? RefuseOutput(string outPath, StoreLocation location)
    {
        var full = Path.GetFullPath(outPath);
        if (Directory.Exists(full))
        {
            return $"'{outPath}' is a folder. Give --out a file path, e.g. {Path.Combine(outPath, "attacks.csv")}.";
        }

        if (location.Kind == StoreKind.Sqlite && string.Equals(Path.GetFullPath(location.Target), full, StringComparison.Ordinal))
        {
            return $"'{outPath}' is the store being exported; export will not write over it. Give --out another file.";
        }

        if (File.Exists(full))
        {
            Span<byte> head = stackalloc byte[16];
            using var f = new FileStream(full, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            if (f.ReadAtLeast(head, head.Length, throwOnEndOfStream: false) == 16 && head.SequenceEqual("SQLite format 3\0"u8))
            {
                return $"'{outPath}' is a SQLite database; export will not write over it. Give --out another file.";
            }
        }

        var folder = Path.GetDirectoryName(full);
        return folder is not null && !Directory.Exists(folder) ? $"the folder of '{outPath}' does not exist. Create it first." : null;
    }

    private static async Task<long> RunParquetAsync(StoreLocation location, EventQuery query, bool events, Stream o, CancellationToken ct)
    {
        await using var store = await EventStore.OpenExistingAsync(location, ct).ConfigureAwait(false);
        var n = events
            ? await ParquetFormats.Events.WriteAllAsync(store.StreamEventsAsync(query, ct), o, ct).ConfigureAwait(false)
            : await ParquetFormats.Attacks.WriteAllAsync(store.StreamAttacksAsync(query, ct), o, ct).ConfigureAwait(false);
        await o.FlushAsync(ct).ConfigureAwait(false);
        return n;
    }

    private static async Task<long> RunAsync(StoreLocation location, EventQuery query, string format, bool events, TextWriter o, CancellationToken ct)
    {
        await using var store = await EventStore.OpenExistingAsync(location, ct).ConfigureAwait(false);
        if (events)
        {
            EventFormats.All.TryGet(format, out var formatter);
            return await FormatterSet<StoredEvent>.WriteAllAsync(formatter, store.StreamEventsAsync(query, ct), o, ct).ConfigureAwait(false);
        }

        AttackFormats.All.TryGet(format, out var attacks);
        return await FormatterSet<StoredAttack>.WriteAllAsync(attacks, store.StreamAttacksAsync(query, ct), o, ct).ConfigureAwait(false);
    }
}
