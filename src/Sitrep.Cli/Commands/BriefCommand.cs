using Sitrep.Core;
using Sitrep.Ledger.Brief;
using Sitrep.Storage;

namespace Sitrep.Cli.Commands;

/// <summary><c>sitrep brief [--date D | --since T --until T] [--format md|html|json] [--lang en|uk] [--check]</c>: the daily situation report.</summary>
internal sealed class BriefCommand(TimeProvider clock) : ICommand
{
    public BriefCommand()
        : this(TimeProvider.System)
    {
    }

    public IReadOnlyList<OptionSpec> Options { get; } = [new("date", "D"), new("since", "T"), new("until", "T"), new("format", "FORMAT", 'f', "md", "html", "json"), new("lang", "LANG", null, "en", "uk", "ru"), OptionSpec.Flag("check"), Ledger.DbOption];

    public OperandSpec Operands => OperandSpec.None;

    public string Name => "brief";

    public string Summary => "Write a night's or days' situation report, every sentence cited.";

    public string Usage => $"""
        Usage: sitrep brief [--date D | --since T [--until T]] [--format md|html|json] [--lang LANG]
                            [--check] [--db DB]

        Writes the situation report of a night, a day or a range of days from the ledger: the window
        and the data cutoff (the latest report used) first; then the key figures (attacks; launched
        and destroyed per weapon family with interception rates; killed and injured; each the best
        figure with its range where reports differ, and who gives it); then a paragraph per attack,
        largest first, by target country and region (when, places, weapons, figures, casualties,
        figures the sides contest, damage in the reports' words, which reports tell it); then totals
        over longer periods, apart. Every sentence cites the reports' words behind it. The brief is
        read from one snapshot of the store, and the same store and window give the same bytes.

        A night covers 18:00 to 09:00 Kyiv time and holds the attacks the ledger dates to it;
        attacks dated to either of its days without a time of day are told apart. A day or a range
        holds every attack dated within it (a night is dated by the morning it ends).

          --date D           the night that ends on the morning of D (YYYY-MM-DD; default: the
                             night that ended this morning, Kyiv time)
          --since T          the first day of a range of days (YYYY-MM-DD); one day when
                             --until is the same day. Or a time with its offset
                             (2024-09-20T18:00+03:00, 2024-09-20T15:00Z): the brief of a
                             period, holding the attacks dated to a night or day wholly
                             within it (those partly within it are told apart)
          --until T          the last day of the range (default: today, Kyiv time), or the
                             time the period ends (not included)
          --format FORMAT    md (default; Markdown with footnotes), html (a page whose citations
                             highlight the report's words) or json (the brief as data)
          --lang LANG        the language of the brief: {string.Join(" or ", BriefTemplates.Languages)} (default en); the
                             reports' own words (quotations, names as written) stay as written.
                             In English, claimants the registry knows are named by it ("the
                             State Emergency Service of Ukraine"); others as the reports wrote
                             them
          --check            check the brief against the store and print the counts on stderr:
                             every number backed by a claim it cites, every citation's span
                             slicing its report to the quoted words, every attack of the window
                             present; exit 1 when one does not hold
        {Ledger.DbUsage}
        """;

    public int Run(CommandLine args, CliConsole console)
    {
        var format = args.Get("format") ?? "md";
        if (!BriefFormats.All.TryGet(format, out var formatter))
        {
            throw new UsageException($"unknown format '{format}'; use md, html or json.");
        }

        var language = args.Get("lang") ?? BriefTemplates.Reference;
        if (!BriefTemplates.Languages.Contains(language))
        {
            throw new UsageException($"there are no brief templates for '{language}'; use --lang {string.Join(" or ", BriefTemplates.Languages)}.");
        }

        var window = Window(args);
        var check = args.Has("check");
        var location = Ledger.Location(args);
        Ledger.RejectUnknown(args);
        try
        {
            var writer = BriefWriter.ForLanguage(language, BriefClaimantNames.Options(Sitrep.Core.Claimants.ClaimantRegistry.Default, language));
            return RunAsync(location, window, writer, formatter, check, console).GetAwaiter().GetResult();
        }
        catch (StoreException e)
        {
            console.Error.WriteLine($"sitrep brief: {e.Code}: {e.Message}");
            return 3;
        }
    }

    private BriefWindow Window(CommandLine args)
    {
        var today = KyivTime.Today(clock);
        return BriefWindow.From(Ledger.Date(args, "date"), Bound(args, "since"), Bound(args, "until"), today, today, o => "--" + o, out var problem)
            ?? throw new UsageException(problem!);
    }

    private static BriefBound? Bound(CommandLine args, string name) => args.Get(name) is not { } v ? null
        : BriefBound.TryParse(v, out var bound, out var problem) ? bound
        : throw new UsageException($"--{name} {problem}");

    private static async Task<int> RunAsync(
        StoreLocation location, BriefWindow window, BriefWriter writer, Sitrep.Ledger.Formats.IRecordFormatter<BriefDocument> formatter, bool check, CliConsole console)
    {
        await using var store = await EventStore.OpenExistingAsync(location).ConfigureAwait(false);
        await Ledger.WarnIfStaleAsync(store, console).ConfigureAwait(false);
        await using var snapshot = await store.OpenSnapshotAsync().ConfigureAwait(false);
        var brief = await writer.WriteAsync(snapshot, window).ConfigureAwait(false);
        formatter.Write(brief, 0, console.Out);
        console.Out.Flush();
        if (!check)
        {
            return 0;
        }

        var result = await BriefChecker.CheckAsync(brief, snapshot).ConfigureAwait(false);
        console.Error.WriteLine($"sitrep brief --check ({window.Key}):");
        console.Error.WriteLine(result.Summary());
        foreach (var p in result.Problems)
        {
            console.Error.WriteLine("  " + p);
        }

        return result.Passed ? 0 : 1;
    }
}
