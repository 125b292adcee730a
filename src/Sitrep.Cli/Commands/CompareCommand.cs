using Sitrep.Ledger.Compare;
using Sitrep.Storage;

namespace Sitrep.Cli.Commands;

/// <summary>
/// <c>sitrep compare --reference FILE</c>: the ledger's launched and destroyed, night by night and per weapon family,
/// checked against a reference table. The reading, the comparison and the formats are the ledger layer's
/// (<see cref="ReferenceReader"/>, <see cref="ReferenceComparison"/>, <see cref="ComparisonJson"/>,
/// <see cref="ComparisonText"/>); this class parses the options, lays the table out and picks the exit code.
/// The attacks come through <see cref="IAttackNights"/>: from the store by default, from code in tests.
/// </summary>
internal sealed class CompareCommand(Func<CommandLine, IAttackNights> attacks) : ICommand
{
    public CompareCommand()
        : this(Ledger.AttackNights)
    {
    }

    public IReadOnlyList<OptionSpec> Options { get; } = [new("reference", "FILE"), new("since", "DATE"), new("until", "DATE"), new("format", "FORMAT", 'f', "table", "json"), OptionSpec.Flag("all"), Ledger.DbOption];

    public OperandSpec Operands => OperandSpec.Any("ARG");

    public string Name => "compare";

    public string Summary => "Check the ledger's figures against a reference table, per night.";

    public string Usage => $"""
        Usage: sitrep compare --reference FILE [--since DATE] [--until DATE]
                              [--format table|json] [--all] [--db DB]

        Checks the ledger against a reference table, night by night: for each night
        and weapon family (drone, missile), the reference's launched/destroyed (its
        rows of that night and family added up) against the ledger's (the best
        figures of that night's attacks by Russia on Ukraine, added up).

        Agreement, where both sides give a figure:
          exact           every figure both give is equal
          within 10%      each differs by at most 10% of the reference's
          mismatch        some figure differs by more
          no common       one gives only launched, the other only destroyed
          ledger only     the reference has no row for that night and family
          reference only  the ledger has no figure for it
        Only nights in the span count: --since to --until; an end not given is the
        ledger's first or last dated attack (any attacker), so a ledger of three
        nights is not blamed for the reference's other nights.

          --reference FILE   the reference table (CSV; see below)
          --since DATE       first night compared (YYYY-MM-DD)
          --until DATE       last night compared
          --format FORMAT    table (default) or json (an object: reference, span, nights —
                             one row per night and family compared — and summary)
          --all              the table also lists the reference-only nights (by
                             default counted in the summary, not listed; json
                             always has every night)
        {Ledger.DbUsage}

        {ReferenceReader.FormatUsage}
        Exit codes: 0 compared (also when figures disagree, or some rows were bad),
        1 the reference could not be read, 2 usage, 3 store error.
        """;

    public int Run(CommandLine args, CliConsole console)
    {
        var format = args.Get("format") ?? "table";
        if (format is not ("table" or "json"))
        {
            throw new UsageException($"unknown format '{format}'; use table or json.");
        }

        var path = args.Get("reference");
        if (string.IsNullOrWhiteSpace(path))
        {
            throw new UsageException("--reference FILE is required: the reference table's CSV file (e.g. missile_attacks_daily.csv).");
        }

        var since = Ledger.Date(args, "since");
        var until = Ledger.Date(args, "until");
        if (since is { } s && until is { } u && u < s)
        {
            throw new UsageException($"--until {u:yyyy-MM-dd} is before --since {s:yyyy-MM-dd}; swap them.");
        }

        if (args.Positionals.Count > 0)
        {
            throw new UsageException($"unexpected argument '{args.Positionals[0]}'; pass the reference with --reference FILE.");
        }

        args.Get("db"); // read by the attack source, after the reference
        var all = args.Has("all");
        Ledger.RejectUnknown(args);

        var read = ReferenceReader.Read(path);
        if (read.Table is not { } reference)
        {
            console.Error.WriteLine($"sitrep compare: {read.Error}");
            return 1;
        }

        if (reference.BadRowsError is { } bad)
        {
            console.Error.WriteLine($"sitrep compare: {bad}");
            foreach (var p in reference.BadRows.Skip(1).Take(9))
            {
                console.Error.WriteLine($"  {p}");
            }

            if (reference.BadRows.Length > 10)
            {
                console.Error.WriteLine($"  … and {reference.BadRows.Length - 10} more{(format == "json" ? " (all in reference.bad_rows)" : " (all with --format json)")}.");
            }
        }

        IReadOnlyList<LedgerAttackFigures> ledger;
        try
        {
            ledger = attacks(args).ReadAsync(since, until).GetAwaiter().GetResult();
        }
        catch (StoreException e)
        {
            console.Error.WriteLine($"sitrep compare: {e.Code}: {e.Message}");
            return 3;
        }

        var report = ReferenceComparison.Compare(reference, ledger, since, until);
        if (format == "json")
        {
            ComparisonJson.Write(console.Out, report);
        }
        else
        {
            WriteTable(report, console, all);
        }

        console.Out.Flush();
        return 0;
    }

    private static void WriteTable(ComparisonReport report, CliConsole console, bool all)
    {
        var o = console.Out;
        var width = Math.Min(console.Width, ComparisonText.Width);
        var listed = all ? [.. report.Nights] : report.Nights.Where(n => n.Agreement != Agreement.OnlyReference).ToList();
        if (listed.Count > 0)
        {
            var table = Table(ComparisonText.Header);
            foreach (var n in listed)
            {
                table.Add([.. ComparisonText.Row(n)]);
            }

            table.Write(console, width);
            o.WriteLine();
        }

        if (listed.Count < report.Nights.Length)
        {
            o.WriteLine($"{report.Nights.Length - listed.Count} reference-only rows (night and family) not listed; --all lists them.");
            o.WriteLine();
        }

        foreach (var line in ComparisonText.Summary(report))
        {
            o.WriteLine(line);
        }

        var mismatches = report.Summary.Mismatches;
        if (!mismatches.IsEmpty)
        {
            o.WriteLine();
            o.WriteLine($"Mismatches ({mismatches.Length}):");
            var header = ComparisonText.Header.Where(h => h != "AGREEMENT").ToArray();
            var table = Table(header);
            foreach (var n in mismatches)
            {
                table.Add([.. ComparisonText.Row(n).Where((_, i) => ComparisonText.Header[i] != "AGREEMENT")]);
            }

            table.Write(console, width);
        }
    }

    /// <summary>The comparison's columns: dates and families kept whole, figures right-aligned, attack ids shrinking first.</summary>
    private static TextTable Table(IReadOnlyList<string> header) => new([.. header.Select(h => h switch
    {
        "NIGHT" => new TextTable.Column(h, Whole: true),
        "FAMILY" => new TextTable.Column(h, Min: 7),
        "LEDGER" or "REFERENCE" => new TextTable.Column(h, Right: true, Min: 7, Whole: true),
        "AGREEMENT" => new TextTable.Column(h, Min: 14),
        _ => new TextTable.Column(h, Flexible: true, Min: 8),
    })]);
}
