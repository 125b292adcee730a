using System.Globalization;
using BenchmarkDotNet.Running;
using Sitrep.Benchmarks.Corpus;
using Sitrep.Benchmarks.Extraction;
using Sitrep.Benchmarks.Merge;

namespace Sitrep.Benchmarks;

/// <summary>
/// <c>corpus OUTDIR [--count N] [--seed S]</c> writes the generated corpus in the eval layout, <c>wire-corpus OUTDIR
/// [--count N] [--seed S]</c> the realistic one (wire length and shape, some Ukrainian and Russian), <c>constructions OUTDIR
/// [--count N] [--seed S]</c> short reports each exercising one construction of issue #12, gold tagged with it; <c>telegram-export
/// OUT.json [--count N] [--seed S] [--bad B]</c> writes a generated Telegram chat export and <c>telegram-read FILE</c>
/// times reading one (no extraction);
/// <c>--throughput [--wire | --dir FOLDER] [--count N] [--passes P]</c> times extraction quickly and profiles it per stage; <c>merge-eval ARTICLES_DIR OUT_DIR
/// [--gold-events GOLD_DIR]</c> extracts and merges a merge set for <c>score_merge.py</c>; <c>merge-timing [--events N]
/// [--days D]</c> times the merge of a generated window; <c>serve-load [--reports N] [--clients C] [--seconds S] [--db PATH] [--serve]</c>
/// loads the HTTP API on loopback; anything else goes to BenchmarkDotNet.
/// </summary>
internal static class Program
{
    public static int Main(string[] args)
    {
        if (args.Length > 0 && args[0] == "constructions")
        {
            return WriteConstructions(args);
        }

        if (args.Length > 0 && args[0] is "corpus" or "wire-corpus")
        {
            return WriteCorpus(args);
        }

        if (args.Length > 0 && args[0] == "telegram-export")
        {
            if (args.Length < 2 || args[1].StartsWith("--", StringComparison.Ordinal)
                || !TryOption(args, "--count", Corpus.TelegramExportWriter.DefaultCount, out var messages)
                || !TryOption(args, "--seed", Corpus.TelegramExportWriter.DefaultSeed, out var tgSeed) || !TryOption(args, "--bad", 0, out var bad))
            {
                Console.Error.WriteLine("usage: telegram-export OUT.json [--count N] [--seed S] [--bad B]   (a generated Telegram Desktop chat export)");
                return 2;
            }

            var written = Corpus.TelegramExportWriter.Write(args[1], messages, tgSeed, bad);
            Console.WriteLine($"wrote {Corpus.TelegramExportWriter.Describe(written)} to {Path.GetFullPath(args[1])}");
            return 0;
        }

        if (args.Length > 1 && args[0] == "telegram-read")
        {
            // Reads an export as ingest does, without extracting or storing: the reader's own speed and memory.
            var clock = System.Diagnostics.Stopwatch.StartNew();
            var tally = default(Sitrep.Ingest.Readers.TelegramTally);
            long chars = 0;
            foreach (var part in Sitrep.Ingest.ReportReader.ReadFileInParts(args[1]))
            {
                tally += part.Telegram ?? default;
                chars += part.Articles.Sum(a => (long)a.Text.Length);
            }

            clock.Stop();
            using var self = System.Diagnostics.Process.GetCurrentProcess();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{tally.Messages:N0} messages ({tally.Reports:N0} reports, {tally.Service:N0} service, {tally.NoText:N0} without text, {tally.Failed:N0} failed; {chars:N0} characters) from {new FileInfo(args[1]).Length / 1e6:N1} MB in {clock.Elapsed.TotalSeconds:N2} s: {tally.Messages / clock.Elapsed.TotalSeconds:N0} messages/s, peak working set {self.PeakWorkingSet64 / 1e6:N0} MB"));
            return 0;
        }

        if (args.Length > 0 && args[0] == "ledger-timing")
        {
            if (!TryOption(args, "--reports", 5000, out var reports) || !TryOption(args, "--days", 3, out var recent)
                || !TryOption(args, "--store-events", Storage.EventQueryBenchmarks.Events, out var storeEvents))
            {
                return 2;
            }

            return Storage.AttackLedgerTiming.RunAsync(reports, recent, storeEvents, Console.Out, backfill: args.Contains("--backfill")).GetAwaiter().GetResult();
        }

        if (args.Length > 0 && args[0] == "serve-load")
        {
            if (!TryOption(args, "--reports", 150_000, out var attacks) || !TryOption(args, "--clients", 50, out var clients)
                || !TryOption(args, "--seconds", 20, out var seconds))
            {
                return 2;
            }

            var db = args.SkipWhile(a => a != "--db").Skip(1).FirstOrDefault() ?? Path.Combine(Path.GetTempPath(), $"sitrep-serve-{attacks}.db");
            return Web.ServeBenchmark.RunAsync(db, attacks, clients, seconds, Console.Out, serveOnly: args.Contains("--serve")).GetAwaiter().GetResult();
        }

        if (args.Length > 1 && args[0] == "brief-timing")
        {
            if (!TryOption(args, "--runs", 7, out var briefRuns))
            {
                return 2;
            }

            var nights = args.Select((a, i) => (a, i)).Where(x => x.a == "--date" && x.i + 1 < args.Length)
                .Select(x => DateOnly.ParseExact(args[x.i + 1], "yyyy-MM-dd", CultureInfo.InvariantCulture)).ToList();
            return Brief.BriefTiming.RunAsync(args[1], nights, briefRuns, Console.Out).GetAwaiter().GetResult();
        }

        if (args.Length > 0 && args[0] == "merge-eval")
        {
            return MergeEval.Run(args);
        }

        if (args.Length > 0 && args[0] == "merge-timing")
        {
            if (!TryOption(args, "--events", 5000, out var events) || !TryOption(args, "--days", 5, out var days))
            {
                return 2;
            }

            return MergeTiming.Run(events, days, Console.Out);
        }

        if (args.Length > 0 && args[0] == "--throughput")
        {
            if (!TryOption(args, "--count", 1000, out var count) || !TryOption(args, "--passes", 5, out var passes) || passes < 1)
            {
                return 2;
            }

            var dir = args.SkipWhile(a => a != "--dir").Skip(1).FirstOrDefault();
            return Throughput.Run(count, passes, Console.Out, wire: args.Contains("--wire"), directory: dir);
        }

        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
        return 0;
    }

    private static int WriteCorpus(string[] args)
    {
        if (args.Length < 2 || args[1].StartsWith("--", StringComparison.Ordinal))
        {
            Console.Error.WriteLine("usage: corpus|wire-corpus OUTDIR [--count N] [--seed S]   (writes OUTDIR/articles/NNNN.txt and OUTDIR/gold/NNNN.json)");
            return 2;
        }

        if (!TryOption(args, "--count", args[0] == "wire-corpus" ? WireCorpus.DefaultCount : CorpusWriter.DefaultCount, out var count)
            || !TryOption(args, "--seed", args[0] == "wire-corpus" ? WireCorpus.DefaultSeed : CorpusWriter.DefaultSeed, out var seed))
        {
            return 2;
        }

        if (count is < 1 or > 9999)
        {
            Console.Error.WriteLine("corpus: --count must be between 1 and 9999 (report ids are four digits).");
            return 2;
        }

        var wire = args[0] == "wire-corpus";
        var reports = wire ? WireCorpus.Generate(count, seed) : CorpusWriter.Generate(count, seed);
        var words = CorpusWriter.WriteTo(args[1], reports);
        var events = reports.Sum(r => r.Gold.Events.Count);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"wrote {count} reports ({words:N0} words, {events} gold events) to {Path.GetFullPath(args[1])}/articles and /gold"));
        return 0;
    }

    /// <summary><c>constructions OUTDIR [--count N] [--seed S]</c>: the constructions corpus of issue #12, gold tagged per construction; score it with <c>bench/constructions-score.py</c>.</summary>
    private static int WriteConstructions(string[] args)
    {
        if (args.Length < 2 || args[1].StartsWith("--", StringComparison.Ordinal))
        {
            Console.Error.WriteLine("usage: constructions OUTDIR [--count N] [--seed S]   (writes OUTDIR/articles/NNNN.txt and OUTDIR/gold/NNNN.json, each tagged with its construction)");
            return 2;
        }

        if (!TryOption(args, "--count", ConstructionCorpus.DefaultCount, out var count) || !TryOption(args, "--seed", ConstructionCorpus.DefaultSeed, out var seed))
        {
            return 2;
        }

        if (count is < 1 or > 9999)
        {
            Console.Error.WriteLine("constructions: --count must be between 1 and 9999 (report ids are four digits).");
            return 2;
        }

        var reports = ConstructionCorpus.Generate(count, seed);
        var words = CorpusWriter.WriteTo(args[1], reports);
        var events = reports.Sum(r => r.Gold.Events.Count);
        var kinds = reports.Select(r => r.Gold.Construction).Distinct().Count();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"wrote {count} reports ({words:N0} words, {events} gold events, {kinds} constructions) to {Path.GetFullPath(args[1])}/articles and /gold"));
        return 0;
    }

    private static bool TryOption(string[] args, string name, int fallback, out int value)
    {
        value = fallback;
        var i = Array.IndexOf(args, name);
        if (i < 0)
        {
            return true;
        }

        if (i + 1 < args.Length && int.TryParse(args[i + 1], NumberStyles.Integer, CultureInfo.InvariantCulture, out value) && value > 0)
        {
            return true;
        }

        Console.Error.WriteLine($"{name} needs a positive whole number.");
        return false;
    }
}
