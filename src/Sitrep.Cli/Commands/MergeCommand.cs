using System.Globalization;
using Sitrep.Ledger.Filters;
using Sitrep.Storage;

namespace Sitrep.Cli.Commands;

/// <summary>
/// <c>sitrep merge --rebuild | --join A B | --split EVENT | --decisions</c>: the attack ledger's maintenance and an
/// analyst's decisions, which every later merge and rebuild honours.
/// </summary>
internal sealed class MergeCommand : ICommand
{
    public IReadOnlyList<OptionSpec> Options { get; } = [OptionSpec.Flag("rebuild"), new("join", "A"), OptionSpec.Flag("split"), new("note", "TEXT"), new("by", "NAME"), OptionSpec.Flag("decisions"), Ledger.DbOption];

    public OperandSpec Operands => OperandSpec.Any("ID");

    public string Name => "merge";

    public string Summary => "Rebuild the attacks, or record an analyst's join or split.";

    public string Usage => $"""
        Usage: sitrep merge --rebuild [--db DB]
               sitrep merge --join A12 A15 [--note TEXT] [--by NAME] [--db DB]
               sitrep merge --split EVENT-ID [--note TEXT] [--by NAME] [--db DB]
               sitrep merge --decisions [--db DB]

        Every ingest merges the reports it stores into attacks in the same transaction, so the
        ledger is always of attacks; these are for the rest:

          --rebuild          recompute every attack from the stored events and decisions (ids are
                             kept where an attack keeps most of its members); needed once for a
                             store made before attacks existed
          --join A B         the two attacks are one: stored as a decision, honoured by every
                             later merge and rebuild
          --split EVENT      the event (an id from 'sitrep events --attack A12') stands alone
          --note TEXT        why, kept with the decision
          --by NAME          who decided (default: $USER)
          --decisions        list the decisions in force
        {Ledger.DbUsage}
        """;

    public int Run(CommandLine args, CliConsole console)
    {
        var rebuild = args.Has("rebuild");
        var split = args.Has("split");
        var list = args.Has("decisions");
        var join = args.Get("join");
        var note = args.Get("note");
        var by = args.Get("by") ?? Environment.GetEnvironmentVariable("USER") ?? Environment.UserName;
        var location = Ledger.Location(args);
        Ledger.RejectUnknown(args);
        var actions = (rebuild ? 1 : 0) + (split ? 1 : 0) + (list ? 1 : 0) + (join is null ? 0 : 1);
        if (actions != 1)
        {
            throw new UsageException("say what to do: --rebuild, --join A B, --split EVENT or --decisions (one of them).");
        }

        MergeDecisionRequest? request = null;
        if (join is not null)
        {
            // "--join A12 A15": the option takes the first id, the second is a positional.
            if (args.Positionals.Count != 1 || !AttackIds.TryParse(join, out var a) || !AttackIds.TryParse(args.Positionals[0], out var b))
            {
                throw new UsageException("name two attacks to join: --join A12 A15.");
            }

            if (a == b)
            {
                throw new UsageException($"A{a} is one attack; name two different ones.");
            }

            request = MergeDecisionRequest.Join(a, b, by, note);
        }
        else if (split)
        {
            if (args.Positionals.Count != 1 || !long.TryParse(args.Positionals[0], NumberStyles.None, CultureInfo.InvariantCulture, out var e))
            {
                throw new UsageException("name the event to split off by its id: --split 1234 ('sitrep events --attack A12' lists them).");
            }

            request = MergeDecisionRequest.Split(e, by, note);
        }
        else if (args.Positionals.Count > 0)
        {
            throw new UsageException($"unexpected '{args.Positionals[0]}'.");
        }

        using var stop = Ledger.OnStop();
        try
        {
            return RunAsync(location, rebuild, list, request, console, stop.Token).GetAwaiter().GetResult();
        }
        catch (StoreException e)
        {
            console.Error.WriteLine($"sitrep merge: {e.Code}: {e.Message}");
            return e.Code is "ST020" or "ST021" ? 1 : 3;
        }
        catch (OperationCanceledException)
        {
            console.Error.WriteLine("sitrep merge: stopped; the months already rebuilt are stored, run it again to finish.");
            return 1;
        }
    }

    private static async Task<int> RunAsync(StoreLocation location, bool rebuild, bool list, MergeDecisionRequest? request, CliConsole console, CancellationToken ct)
    {
        await using var store = await EventStore.OpenAsync(location, ct).ConfigureAwait(false);
        if (list)
        {
            var decisions = await store.GetDecisionsAsync(ct).ConfigureAwait(false);
            if (decisions.Count == 0)
            {
                console.Out.WriteLine("No decisions: every attack is as the merge made it.");
            }

            foreach (var d in decisions)
            {
                var what = d.Kind == "join" ? $"join events {d.EventId} and {d.OtherEventId}" : $"split event {d.EventId} off";
                console.Out.WriteLine($"{d.Id,4}  {d.MadeAt:yyyy-MM-dd HH:mm}  {d.MadeBy}: {what}{(d.Note is null ? "" : $" — {d.Note}")}");
            }

            console.Out.Flush();
            return 0;
        }

        MergeSummary s;
        if (rebuild)
        {
            var months = new LatestProgress<(int Done, int Total)>((0, 0));
            ProgressLine.Snapshot Now()
            {
                var (done, total) = months.Value;
                return new(done, total > 0 ? total : null, $"{ProgressLine.Rate(done, total, months.Elapsed)} months");
            }

            using (new ProgressLine(console, Now))
            {
                s = await store.RebuildAttacksAsync(months, ct).ConfigureAwait(false);
            }
        }
        else
        {
            s = await store.DecideAsync(request!, ct).ConfigureAwait(false);
        }

        console.Out.WriteLine($"merge: {Ledger.N(s.Attacks)} attacks of {Ledger.N(s.Events)} events recomputed in {Ledger.Seconds(s.Elapsed)}: {Ledger.N(s.Kept)} kept their ids ({Ledger.N(s.Unchanged)} unchanged), {Ledger.N(s.Created)} new, {Ledger.N(s.Gone)} ids now lead to another attack.");
        console.Out.Flush();
        return 0;
    }
}
