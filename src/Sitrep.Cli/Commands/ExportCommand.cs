using System.Text;
using Sitrep.Ledger.Formats;
using Sitrep.Storage;

namespace Sitrep.Cli.Commands;

/// <summary><c>sitrep export --format csv|jsonl|geojson|acled [filters] [--out FILE]</c>: every matching event, streamed.</summary>
internal sealed class ExportCommand : ICommand
{
    public string Name => "export";

    public string Summary => "Export events as CSV, JSON Lines, GeoJSON or an ACLED-style table.";

    public string Usage => $"""
        Usage: sitrep export --format csv|jsonl|geojson|acled [FILTERS] [--out FILE] [--db DB]

        Writes every matching event (in the order they were stored), streamed, so a store of any
        size exports in constant memory.

          --format FORMAT    csv      one row per event: date, sides, places, weapons, counts, location, report
                             jsonl    one JSON object per event: the extraction contract's fields, ids, the
                                      report, and every figure claim with claimant and evidence
                             geojson  a FeatureCollection; a Point per event at its location (null geometry
                                      when it has none)
                             acled    ACLED's columns (event_date, time_precision, event_type, sub_event_type,
                                      actor1, country, admin1, location, latitude, longitude, geo_precision,
                                      source, notes, fatalities) plus injuries, launched, destroyed, weapons;
                                      the mapping is in the README under "The ledger"
          --out FILE         write to FILE instead of standard output
          --limit N          at most N events
        {Ledger.FilterUsage}
        {Ledger.DbUsage}
        """;

    public int Run(CommandLine args, CliConsole console)
    {
        var format = args.Get("format") ?? throw new UsageException("say which format: --format csv, jsonl, geojson or acled.");
        if (format is not ("csv" or "jsonl" or "geojson" or "acled"))
        {
            throw new UsageException($"unknown format '{format}'; use csv, jsonl, geojson or acled.");
        }

        var query = Ledger.Query(args, defaultLimit: null);
        var location = Ledger.Location(args);
        var outPath = args.Get("out");
        Ledger.RejectUnknown(args);
        using var stop = Ledger.OnStop();
        try
        {
            if (outPath is null)
            {
                var n = RunAsync(location, query, format, console.Out, stop.Token).GetAwaiter().GetResult();
                console.Out.Flush();
                return n >= 0 ? 0 : 1;
            }

            using (var file = new StreamWriter(outPath, append: false, new UTF8Encoding(false), 1 << 16))
            {
                var count = RunAsync(location, query, format, file, stop.Token).GetAwaiter().GetResult();
                console.Error.WriteLine($"sitrep export: {Ledger.N(count)} events written to {outPath}");
            }

            return 0;
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

    private static async Task<long> RunAsync(StoreLocation location, EventQuery query, string format, TextWriter o, CancellationToken ct)
    {
        await using var store = await EventStore.OpenAsync(location, ct).ConfigureAwait(false);
        EventFormats.All.TryGet(format, out var formatter);
        return await FormatterSet<StoredEvent>.WriteAllAsync(formatter, store.StreamEventsAsync(query, ct), o, ct).ConfigureAwait(false);
    }
}
