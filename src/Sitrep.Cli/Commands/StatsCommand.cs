using System.Globalization;
using System.Text.Json;
using Sitrep.Ledger.Formats;
using Sitrep.Storage;

namespace Sitrep.Cli.Commands;

/// <summary><c>sitrep stats [filters] [--sum]</c>: per day and weapon family, launched, destroyed, interception rate, killed, injured.</summary>
internal sealed class StatsCommand : ICommand, IHasFlags
{
    public string Name => "stats";

    public string Summary => "Per day and weapon family: launched, destroyed, interception rate, killed, injured.";

    public string[] Flags => ["sum"];

    public string Usage => $"""
        Usage: sitrep stats [FILTERS] [--sum] [--format table|csv|json] [--db DB]

        One row per day and weapon family (drone, missile, bomb, artillery, other): events, reports,
        launched, destroyed, the interception rate (destroyed / launched), killed and injured. Killed
        and injured count once per event, under its main family (the one with most launched);
        'unspecified' holds events that name no weapon. Totals over many attacks (aggregates) and
        events without a date are left out.

        Many reports tell the same attack. By default each report is taken as one account of the
        day, and a figure is the largest any one report gives (so ten outlets repeating the air
        force's tally count it once). --sum adds every event instead: right only when each attack
        is in the store once.

          --sum              add events up instead of taking the largest account per day
          --format FORMAT    table (default), csv or json
        {Ledger.FilterUsage}
        {Ledger.DbUsage}
        """;

    public int Run(CommandLine args, CliConsole console)
    {
        var format = args.Get("format") ?? "table";
        if (format is not ("table" or "csv" or "json"))
        {
            throw new UsageException($"unknown format '{format}'; use table, csv or json.");
        }

        var mode = args.Has("sum") ? StatsMode.Sum : StatsMode.Max;
        var query = Ledger.Query(args, defaultLimit: null);
        var location = Ledger.Location(args);
        Ledger.RejectUnknown(args);
        try
        {
            return RunAsync(location, query, mode, format, console).GetAwaiter().GetResult();
        }
        catch (StoreException e)
        {
            console.Error.WriteLine($"sitrep stats: {e.Code}: {e.Message}");
            return 3;
        }
    }

    private static async Task<int> RunAsync(StoreLocation location, EventQuery query, StatsMode mode, string format, CliConsole console)
    {
        await using var store = await EventStore.OpenAsync(location).ConfigureAwait(false);
        var stats = await store.StatsAsync(query, mode).ConfigureAwait(false);
        var o = console.Out;
        switch (format)
        {
            case "csv":
                Csv.WriteLine(o, ["date", "family", "events", "reports", "launched", "destroyed", "interception_rate", "killed", "injured"]);
                foreach (var s in stats)
                {
                    Csv.WriteLine(o, [Cells.Date(s.Date), s.Family, Cells.Inv(s.Events), Cells.Inv(s.Reports), Cells.Inv(s.Launched), Cells.Inv(s.Destroyed), s.InterceptionRate?.ToString("0.####", CultureInfo.InvariantCulture) ?? "", Cells.Inv(s.Killed), Cells.Inv(s.Injured)]);
                }

                break;
            case "json":
                o.WriteLine(JsonSerializer.Serialize(stats.Select(s => new
                {
                    date = Cells.Date(s.Date),
                    family = s.Family,
                    events = s.Events,
                    reports = s.Reports,
                    launched = s.Launched,
                    destroyed = s.Destroyed,
                    interception_rate = s.InterceptionRate is { } r ? Math.Round(r, 4) : (double?)null,
                    killed = s.Killed,
                    injured = s.Injured,
                })));
                break;
            default:
                if (stats.Count == 0)
                {
                    o.WriteLine("No dated strikes match. (Store reports with 'sitrep ingest PATH'; loosen the filters.)");
                    break;
                }

                var table = new TextTable(
                    new("DATE", Min: 10), new("FAMILY", Min: 6), new("EVENTS", Right: true), new("REPORTS", Right: true),
                    new("LAUNCHED", Right: true), new("DESTROYED", Right: true), new("INTERCEPTED", Right: true),
                    new("KILLED", Right: true), new("INJURED", Right: true));
                foreach (var s in stats)
                {
                    table.Add(
                        Cells.Date(s.Date), s.Family, Cells.Inv(s.Events), Cells.Inv(s.Reports), Cells.Inv(s.Launched),
                        Cells.Inv(s.Destroyed), s.InterceptionRate is { } r ? r.ToString("0%", CultureInfo.InvariantCulture) : "",
                        Cells.Inv(s.Killed), Cells.Inv(s.Injured));
                }

                table.Write(o, console.Width);
                o.WriteLine(mode == StatsMode.Max
                    ? "Each figure is the largest any one report gives for that day (--sum to add events up)."
                    : "Each figure adds up every event (reports of one attack count more than once).");
                break;
        }

        o.Flush();
        return 0;
    }
}
