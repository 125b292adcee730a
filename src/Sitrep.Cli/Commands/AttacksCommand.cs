using System.Globalization;
using System.Text;
using Sitrep.Core;
using Sitrep.Ledger.Filters;
using Sitrep.Ledger.Formats;
using Sitrep.Storage;

namespace Sitrep.Cli.Commands;

/// <summary><c>sitrep attacks [filters] [--format table|json|jsonl|csv|geojson]</c>: the attack ledger, newest first.</summary>
internal sealed class AttacksCommand : ICommand
{
    public IReadOnlyList<OptionSpec> Options { get; } = [.. Ledger.FilterOptions, new("format", "FORMAT", 'f', "table", "json", "jsonl", "csv", "geojson"), Ledger.DbOption];

    public OperandSpec Operands => OperandSpec.None;

    public string Name => "attacks";

    public string Summary => "List attacks: each attack's reports merged, figures reconciled.";

    public string Usage => $"""
        Usage: sitrep attacks [FILTERS] [--format table|json|jsonl|csv|geojson] [--limit N] [--db DB]

        Lists the attacks in the ledger, newest first. An attack is one side's strike on one night
        or day, told by any number of reports: its figures are reconciled from every report's claims
        (best, and low-high where reports differ; 'sitrep show A12' has every claim, who makes it,
        the words, and why each report's event joined the attack).

        {Ledger.ListingUsage}
          --format FORMAT    table (default; fits the terminal), json, jsonl (the merged-ledger
                             contract of eval/SCHEMA.md, with claims), csv or geojson
          --limit N          at most N attacks (a table shows 50 unless told; other
                             formats write every one, in the table's order; --all for every
                             one)
          --offset N         skip the first N
          --oldest-first     oldest first instead
        {Ledger.DbUsage}
        """;

    public int Run(CommandLine args, CliConsole console)
    {
        var format = args.Get("format") ?? "table";
        if (format != "table" && !AttackFormats.All.TryGet(format, out _) || format == "acled")
        {
            throw new UsageException($"unknown format '{format}'; use table, json, jsonl, csv or geojson.");
        }

        var query = Ledger.ListingQuery(args, format);
        var location = Ledger.Location(args);
        Ledger.RejectUnknown(args);
        try
        {
            if (AttackFilterIds.Follow(location, query, console, "attacks") is not { } followed)
            {
                return 1;
            }

            return RunAsync(location, followed, format, console).GetAwaiter().GetResult();
        }
        catch (StoreException e)
        {
            console.Error.WriteLine($"sitrep attacks: {e.Code}: {e.Message}");
            return 3;
        }
    }

    private static async Task<int> RunAsync(StoreLocation location, EventQuery query, string format, CliConsole console)
    {
        await using var store = await EventStore.OpenExistingAsync(location).ConfigureAwait(false);
        await Ledger.WarnIfStaleAsync(store, console).ConfigureAwait(false);
        await Ledger.WarnIfPendingAsync(store, console, "attacks").ConfigureAwait(false);
        if (format == "table")
        {
            var (rows, more) = Ledger.Page(await store.FindAttacksAsync(Ledger.OneMore(query)).ConfigureAwait(false), query, "attacks");
            WriteTable(console, rows, more);
            return 0;
        }

        AttackFormats.All.TryGet(format, out var formatter);
        await FormatterSet<StoredAttack>.WriteAllAsync(formatter, ListingPages.AttacksAsync(store, query), console.Out, CancellationToken.None).ConfigureAwait(false);
        return 0;
    }

    private static void WriteTable(CliConsole console, IReadOnlyList<StoredAttack> rows, string? more)
    {
        if (rows.Count == 0)
        {
            console.Out.WriteLine("No attacks match. (Store reports with 'sitrep ingest PATH'; loosen the filters.)");
            console.Out.Flush();
            return;
        }

        var table = new TextTable(
            new("ID", Right: true, Whole: true),
            new("DATE", Whole: true),
            new("SIDES", Whole: true),
            new("PLACES", Flexible: true, Min: 9),
            new("WEAPONS (launched/down)", Flexible: true, Min: 10),
            new("KILLED", Right: true, Min: 3, Whole: true),
            new("HURT", Right: true, Min: 3, Whole: true),
            new("REP", Right: true, Min: 3, Whole: true),
            new("SRC", Right: true, Min: 3, Whole: true));
        foreach (var a in rows)
        {
            var date = a.Date is { } d ? Cells.Date(d) + (a.Precision == DatePrecision.Night ? "n" : "") : "?";
            table.Add(
                AttackIds.Format(a.Id), date, $"{Short(a.Attacker.ToContract())}→{Short(a.Target.ToContract())}{(a.Contested ? "!" : "")}", a.Places,
                a.Weapons, Cells.Inv(a.Killed), Cells.Inv(a.Injured), Cells.Inv(a.Reports), Cells.Inv(a.Sources));
        }

        table.Write(console);
        console.Out.WriteLine($"{Ledger.N(rows.Count)} attacks. n: overnight; !: the sides' figures differ.\n'sitrep show A12' for the claims.");
        if (more is not null)
        {
            console.Out.WriteLine(more);
        }

        console.Out.Flush();
    }

    internal static string Short(string s) => s switch
    {
        "unknown" => "?",
        "other" => "oth",
        _ => s,
    };
}
