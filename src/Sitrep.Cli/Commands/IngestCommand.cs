using Sitrep.Ingest;
using Sitrep.Storage;

namespace Sitrep.Cli.Commands;

/// <summary>
/// <c>sitrep ingest PATH|URL... [--db DB]</c>: reads reports, extracts their events in parallel and stores
/// both; a report already stored is not stored again.
/// </summary>
internal sealed class IngestCommand : ICommand
{
    public IReadOnlyList<OptionSpec> Options { get; } = [OptionSpec.Flag("defer"), OptionSpec.Flag("no-merge"), new("published", "DATE", 'p'), new("channel", "NAME"), new("jobs", "N", 'j'), new("batch", "N"), OptionSpec.Flag("quiet", 'q'), Ledger.DbOption];

    public OperandSpec Operands => OperandSpec.Any("PATH");

    public string Name => "ingest";

    public string Summary => "Read reports (files, folders, URLs, feeds) into the ledger.";

    public string Usage => $"""
        Usage: sitrep ingest PATH|URL... [--db DB] [--defer] [--published DATE] [--jobs N] [--batch N]

        Reads reports and stores them, with the events extracted from them, in the ledger. Inputs are
        files, folders (walked recursively; .txt .md .html .htm .json .jsonl .ndjson .xml .rss .atom and
        files without an extension are read, others skipped) and http(s) URLs of pages, JSON or feeds
        (only the URL named is fetched; links in it are not followed). A PATH of - reads standard
        input: one report, or JSON Lines, a feed or a JSON array of many, told by its content.

        Formats: plain text with an optional 'key: value' header ending in '---'; HTML (the article
        body, title, canonical URL and published date); JSON and JSON Lines (fields text|body|content,
        title, url, published, source, language, id); RSS and Atom (each item is a report); a
        Telegram Desktop chat export (result.json, streamed: each message with text is a report).

        A report is known by its URL and the hash of its text: one already stored is not stored again;
        an edited report at a known URL is stored as a new version, and the old one kept. Extraction
        runs on every core; writes go in batches, each one transaction, so a run stopped at any point
        (Ctrl-C, a crash, a kill) is finished by running the same command again.

        {Ledger.DbUsage}
          --defer            store the reports only, pending, for 'sitrep worker' to extract
          --no-merge         do not merge into attacks as the reports are stored (a bulk backfill
                             of history): run 'sitrep merge --rebuild' after it
          --published DATE   publication date for reports that carry none
          --channel NAME     the username of the Telegram channel an export is of (its messages'
                             URLs are t.me/NAME/ID), or a file mapping chat ids or names to them
          --jobs N           parallel workers (default: the number of cores)
          --batch N          reports per write transaction (default 256)
          --quiet            no summary unless something failed

        On a terminal a progress bar shows the count, rate and time left. At the end a summary says
        how many inputs were read, how many reports were new or already known, and each failure.
        Exit code: 0 when every input was read, 1 when some were not (each is listed), 2 for a usage
        mistake, 3 when the store could not be used.
        """;

    public int Run(CommandLine args, CliConsole console)
    {
        var options = new IngestOptions
        {
            Defer = args.Has("defer"),
            DefaultPublished = Ledger.Date(args, "published"),
            Parallelism = Ledger.Int(args, "jobs") is { } j and > 0 ? j : Environment.ProcessorCount,
            BatchSize = Ledger.Int(args, "batch") is { } b and > 0 ? b : 256,
            Telegram = Channels(args),
        };
        var quiet = args.Has("quiet");
        var noMerge = args.Has("no-merge");
        // Into a new store, the attacks are built once at the end rather than write by write (the same attacks).
        options = options with { MergeOnceIntoEmptyStore = !noMerge };
        var location = Ledger.Location(args);
        Ledger.RejectUnknown(args);
        if (args.Positionals.Count == 0)
        {
            throw new UsageException("name at least one report file, folder or URL.");
        }

        using var stop = Ledger.OnStop();

        // A stop (SIGTERM, Ctrl-C) also ends a read of standard input that waits for more.
        var openStdin = FileLoader.OpenStandardInput;
        FileLoader.OpenStandardInput = () => new StoppableStream(openStdin(), stop.Token);
        try
        {
            return RunAsync(args.Positionals, location, options, quiet, noMerge, console, stop.Token).GetAwaiter().GetResult();
        }
        catch (StoreException e)
        {
            console.Error.WriteLine($"sitrep ingest: {e.Code}: {e.Message}");
            return 3;
        }
        finally
        {
            FileLoader.OpenStandardInput = openStdin;
        }
    }

    private static async Task<int> RunAsync(IReadOnlyList<string> inputs, StoreLocation location, IngestOptions options, bool quiet, bool noMerge, CliConsole console, CancellationToken ct)
    {
        var items = ReportInputs.Expand(inputs).ToList();
        await using var store = await EventStore.OpenAsync(location, ct).ConfigureAwait(false);
        if (noMerge)
        {
            await store.SuspendMergingAsync(ct).ConfigureAwait(false);
        }

        Func<Sitrep.Core.Article, Sitrep.Core.Extraction>? extract = null;
        if (!options.Defer)
        {
            var extractor = Ledger.Extractor(console);
            extract = extractor.Extract;
            options = options with { Extractor = extractor.Name };
        }

        using var http = items.Any(i => i.Kind == InputKind.Url) ? ReportFetcher.CreateClient() : null;
        var runner = new IngestRunner(store, extract, http is null ? null : new ReportFetcher(http), options);
        IngestSummary summary;
        using (ProgressLine.Ingest(console, runner.Progress))
        {
            summary = await runner.RunAsync(items, ct).ConfigureAwait(false);
        }

        if (!quiet || !summary.Complete)
        {
            WriteSummary(console, summary, store.Location, options.Defer);
        }

        if (noMerge)
        {
            console.Error.WriteLine("ingest: attacks were not merged (--no-merge); run 'sitrep merge --rebuild' to build them.");
        }

        return summary.Complete ? 0 : 1;
    }

    /// <summary><c>--channel</c>: a Telegram username for every export, or a mapping file; null when not given.</summary>
    internal static Sitrep.Ingest.Readers.TelegramChannels? Channels(CommandLine args)
    {
        if (args.Get("channel") is not { } value)
        {
            return null;
        }

        return Sitrep.Ingest.Readers.TelegramChannels.TryParseOption(value, out var error) ?? throw new UsageException($"--channel {error}");
    }

    internal static void WriteSummary(CliConsole console, IngestSummary s, StoreLocation location, bool deferred)
    {
        var o = console.Out;
        var rate = s.Elapsed.TotalSeconds > 0 ? s.Reports / s.Elapsed.TotalSeconds : 0;
        o.WriteLine($"ingest: {Ledger.N(s.Inputs)} inputs, {Ledger.N(s.Reports)} reports in {Ledger.Seconds(s.Elapsed)} ({rate:0}/s) into {location.Display}");
        o.WriteLine($"  read     {Ledger.N(s.InputsRead),9} inputs");
        o.WriteLine($"  new      {Ledger.N(s.New + s.NewVersions),9} reports{(s.NewVersions > 0 ? $" ({Ledger.N(s.NewVersions)} new versions of known URLs)" : "")}{(deferred ? ", pending for 'sitrep worker'" : "")}");
        o.WriteLine($"  known    {Ledger.N(s.Known),9} reports already in the store");
        if (s.Telegram is { } t)
        {
            o.WriteLine($"  messages {Ledger.N(t.Messages),9} read from Telegram exports: {Ledger.N(t.Reports)} reports, {Ledger.N(t.Failed)} failed");
            o.WriteLine($"  skipped  {Ledger.N(t.Service + t.NoText),9} messages: {Ledger.N(t.Service)} service, {Ledger.N(t.NoText)} without text (media only)");
        }

        o.WriteLine($"  failed   {Ledger.N(s.Failures.Count),9} inputs");
        foreach (var f in s.Failures)
        {
            o.WriteLine($"    {f.Source}: {f.Error}");
        }

        if (s.Skipped > 0)
        {
            o.WriteLine($"  skipped  {Ledger.N(s.Skipped),9} files that are not reports (by extension)");
        }

        if (s.Interrupted)
        {
            var left = s.Inputs - s.InputsRead - s.Failures.Count;
            o.WriteLine($"  stopped before the end{(left > 0 ? $": {Ledger.N(left)} inputs not read" : "")}. Run the same command again to finish; nothing is stored twice.");
        }

        o.Flush();
    }
}
