using System.Text;
using Sitrep.Core;
using Sitrep.Ledger.Formats;
using Sitrep.Storage;

namespace Sitrep.Cli.Commands;

/// <summary><c>sitrep events [filters] [--format table|json|jsonl|csv|geojson]</c>: lists stored events, newest first.</summary>
internal sealed class EventsCommand : ICommand
{
    public IReadOnlyList<OptionSpec> Options { get; } = [.. Ledger.FilterOptions, new("format", "FORMAT", 'f', "table", "json", "jsonl", "csv", "geojson"), Ledger.DbOption];

    public OperandSpec Operands => OperandSpec.None;

    public string Name => "events";

    public string Summary => "List stored events, filtered by date, side, place, weapon, size.";

    public string Usage => $"""
        Usage: sitrep events [FILTERS] [--format table|json|jsonl|csv|geojson] [--limit N] [--db DB]

        Lists the events in the ledger, newest first (events without a date last). Launched and
        destroyed are the best current claims summed over the event's weapons; killed and injured the
        largest current claim. Each event comes from one report: 'sitrep show ID' has every figure
        with who claims it and the words that say it.

        {Ledger.ListingUsage}
          --format FORMAT    table (default; fits the terminal), json, jsonl (the objects of
                             json, one a line), csv or geojson
          --limit N          at most N events (a table shows 50 unless told; other
                             formats write every one, in the table's order; --all for every
                             one)
          --offset N         skip the first N
          --oldest-first     oldest first instead
        {Ledger.DbUsage}
        """;

    public int Run(CommandLine args, CliConsole console)
    {
        var format = args.Get("format") ?? "table";
        if (format is not ("table" or "json" or "jsonl" or "csv" or "geojson"))
        {
            throw new UsageException($"unknown format '{format}'; use table, json, jsonl, csv or geojson.");
        }

        var query = Ledger.ListingQuery(args, format);
        var location = Ledger.Location(args);
        Ledger.RejectUnknown(args);
        try
        {
            if (AttackFilterIds.Follow(location, query, console, "events") is not { } followed)
            {
                return 1;
            }

            return RunAsync(location, followed, format, console).GetAwaiter().GetResult();
        }
        catch (StoreException e)
        {
            console.Error.WriteLine($"sitrep events: {e.Code}: {e.Message}");
            return 3;
        }
    }

    private static async Task<int> RunAsync(StoreLocation location, EventQuery query, string format, CliConsole console)
    {
        await using var store = await EventStore.OpenExistingAsync(location).ConfigureAwait(false);
        await Ledger.WarnIfPendingAsync(store, console, "events").ConfigureAwait(false);
        if (format == "table")
        {
            var (page, more) = Ledger.Page(await store.FindEventsAsync(Ledger.OneMore(query)).ConfigureAwait(false), query, "events");
            WriteTable(console, page, more);
            return 0;
        }

        var rows = await store.FindEventsAsync(query).ConfigureAwait(false);

        var events = await store.GetEventsAsync([.. rows.Select(r => r.Id)]).ConfigureAwait(false);
        EventFormats.All.TryGet(format, out var formatter);
        formatter.WriteStart(console.Out);
        for (var i = 0; i < events.Count; i++)
        {
            formatter.Write(events[i], i, console.Out);
        }

        formatter.WriteEnd(console.Out, events.Count);
        console.Out.Flush();
        return 0;
    }

    private static void WriteTable(CliConsole console, IReadOnlyList<EventSummary> rows, string? more)
    {
        if (rows.Count == 0)
        {
            console.Out.WriteLine("No events match. (Store reports with 'sitrep ingest PATH'; loosen the filters.)");
            console.Out.Flush();
            return;
        }

        var table = new TextTable(
            new("ID", Right: true, Whole: true),
            new("DATE", Whole: true),
            new("SIDES", Whole: true),
            new("PLACES", Flexible: true, Min: 9),
            new("WEAPONS (launched/destroyed)", Flexible: true, Min: 10),
            new("LAUNCH", Right: true, Min: 3, Whole: true, Optional: true), // the weapons' figures, summed
            new("DOWN", Right: true, Min: 3, Whole: true, Optional: true),
            new("KILLED", Right: true, Min: 3, Whole: true),
            new("HURT", Right: true, Min: 3, Whole: true),
            new("CLAIMED BY", Flexible: true, Min: 6));
        foreach (var r in rows)
        {
            var date = r.Date is { } d ? Cells.Date(d) + (r.Precision == DatePrecision.Night ? "n" : "") : "?";
            if (r.Kind == EventKind.Aggregate)
            {
                date += " Σ";
            }

            table.Add(
                Cells.Inv(r.Id), date, $"{Short(r.Attacker.ToContract())}→{Short(r.TargetCountry.ToContract())}", r.Places, r.Weapons, Cells.Inv(r.Launched),
                Cells.Inv(r.Destroyed), Cells.Inv(r.Killed), Cells.Inv(r.Injured), r.ClaimedBy ?? "");
        }

        table.Write(console);
        var legend = new StringBuilder($"{Ledger.N(rows.Count)} events. n: overnight, dated by the morning; Σ: a total over many attacks.\n'sitrep show ID' for the claims.");
        console.Out.WriteLine(legend.ToString());
        if (more is not null)
        {
            console.Out.WriteLine(more);
        }

        console.Out.Flush();
    }

    private static string Short(string s) => s switch
    {
        "unknown" => "?",
        "other" => "oth",
        _ => s,
    };
}
