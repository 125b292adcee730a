using System.Globalization;
using Sitrep.Core;
using Sitrep.Ledger.Formats;
using Sitrep.Storage;

namespace Sitrep.Cli.Commands;

/// <summary><c>sitrep stats [filters]</c>: per day, attacker and weapon family, over attacks: launched, destroyed, interception rate, killed, injured.</summary>
internal sealed class StatsCommand : ICommand
{
    public IReadOnlyList<OptionSpec> Options { get; } = [.. Ledger.FilterOnlyOptions, new("format", "FORMAT", 'f', "table", "csv", "json"), Ledger.DbOption];

    public OperandSpec Operands => OperandSpec.None;

    public string Name => "stats";

    public string Summary => "Attacks per day, side and weapon: launched, down, killed, hurt.";

    public string Usage => $"""
        Usage: sitrep stats [FILTERS] [--format table|csv|json] [--db DB]

        One row per day, attacker and weapon family (drone, missile, bomb, artillery, other), counted
        over attacks — each attack once however many reports tell it: attacks, the reports behind
        them, the sum of their best launched and destroyed, the interception rate (destroyed /
        launched), killed and injured (each attack's under its main family; 'unspecified' holds
        attacks that give no count). The two sides' attacks are separate rows, so one side's drones
        never go into the other's interception rate. Attacks without a date (no report dates them)
        are on no day: their rows come last, dated 'undated' (csv: an empty date; json: null), and a
        date filter leaves them out.

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

        var query = Ledger.Query(args, defaultLimit: null);
        var location = Ledger.Location(args);
        Ledger.RejectUnknown(args);
        try
        {
            if (AttackFilterIds.Follow(location, query, console, "stats") is not { } followed)
            {
                return 1;
            }

            return RunAsync(location, followed, format, console).GetAwaiter().GetResult();
        }
        catch (StoreException e)
        {
            console.Error.WriteLine($"sitrep stats: {e.Code}: {e.Message}");
            return 3;
        }
    }

    private static async Task<int> RunAsync(StoreLocation location, EventQuery query, string format, CliConsole console)
    {
        await using var store = await EventStore.OpenExistingAsync(location).ConfigureAwait(false);
        await Ledger.WarnIfStaleAsync(store, console).ConfigureAwait(false);
        await Ledger.WarnIfPendingAsync(store, console, "stats").ConfigureAwait(false);
        var undated = await store.UndatedAttackStatsAsync(query).ConfigureAwait(false);
        IReadOnlyList<AttackStat> stats = [.. await store.AttackStatsAsync(query).ConfigureAwait(false), .. undated.Rows];
        var o = console.Out;
        switch (format)
        {
            case "csv":
            case "json":
                StatFormats.All.TryGet(format, out var formatter);
                formatter.WriteStart(o);
                for (var i = 0; i < stats.Count; i++)
                {
                    formatter.Write(stats[i], i, o);
                }

                formatter.WriteEnd(o, stats.Count);
                break;
            default:
                if (stats.Count == 0)
                {
                    o.WriteLine("No attacks match. (Store reports with 'sitrep ingest PATH'; loosen the filters.)");
                    break;
                }

                var table = new TextTable(
                    new("DATE", Whole: true), new("SIDES", Whole: true), new("FAMILY", Whole: true), new("ATTACKS", Right: true, Min: 3, Whole: true),
                    new("REPORTS", Right: true, Min: 3, Whole: true), new("LAUNCHED", Right: true, Min: 3, Whole: true), new("DOWN", Right: true, Min: 3, Whole: true),
                    new("RATE", Right: true, Min: 3, Whole: true), new("KILLED", Right: true, Min: 3, Whole: true), new("HURT", Right: true, Min: 3, Whole: true));
                foreach (var s in stats)
                {
                    table.Add(
                        s.Date is { } date ? Cells.Date(date) : "undated", $"{AttacksCommand.Short(s.Attacker.ToContract())}→{AttacksCommand.Short(s.Target.ToContract())}", s.Family,
                        Cells.Inv(s.Attacks), Cells.Inv(s.Reports), Cells.Inv(s.Launched), Cells.Inv(s.Destroyed), s.InterceptionRate?.ToString("0%", CultureInfo.InvariantCulture) ?? "",
                        Cells.Inv(s.Killed), Cells.Inv(s.Injured));
                }

                table.Write(console);
                o.WriteLine("Each attack counts once, with its best figures (the reports' ranges:");
                o.WriteLine("'sitrep attacks', 'sitrep show A12').");
                if (UndatedFooter(undated.Attacks) is { } footer)
                {
                    o.WriteLine(footer);
                }

                break;
        }

        o.Flush();
        return 0;
    }

    /// <summary>
    /// The table's line on the attacks without a date (nothing when there are none): how many, with the verb that
    /// agrees, and where they are counted.
    /// </summary>
    internal static string? UndatedFooter(int attacks) => attacks switch
    {
        <= 0 => null,
        1 => "1 attack without a date is counted in the 'undated' rows, on no day.",
        _ => $"{Ledger.N(attacks)} attacks without a date are counted in the 'undated' rows, on no day.",
    };
}
