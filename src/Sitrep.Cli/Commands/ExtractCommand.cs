using System.Buffers;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Sitrep.Core;
using Sitrep.Extraction.Output;
using Sitrep.Ingest;
using Sitrep.Ingest.Readers;
using Sitrep.Ledger.Extraction;

namespace Sitrep.Cli.Commands;

/// <summary>
/// <c>sitrep extract PATH... [--published YYYY-MM-DD] [--format json|jsonl|text]</c>: reads report files
/// and folders, extracts strike events and writes them. A file that cannot be read gets a clear message on
/// stderr and the rest of the batch runs; the exit code is 0 only when every file was read.
/// </summary>
internal sealed class ExtractCommand : ICommand
{
    public IReadOnlyList<OptionSpec> Options { get; } = [new("published", "DATE", 'p'), new("format", "FORMAT", 'f', "json", "jsonl", "text"), new("channel", "NAME"), new("jobs", "N", 'j'), OptionSpec.Flag("profile")];

    public OperandSpec Operands => OperandSpec.Any("PATH");

    public string Name => "extract";

    public string Summary => "Extract strike events from report files and folders.";

    public string Usage => """
        Usage: sitrep extract PATH... [--published YYYY-MM-DD] [--format json|jsonl|text] [--channel NAME]
                              [--jobs N] [--profile]

        Reads reports from files and folders (recursively): plain text with an optional 'key: value' header
        ending with a '---' line, HTML, JSON, JSON Lines and RSS/Atom feeds, by extension, and Telegram
        Desktop chat exports (result.json, streamed), by content; writes the strike events found in each.
        A PATH of - reads one report from standard input, its format told by its content.

          --published DATE   publication date for reports whose header has none (relative dates
                             such as "overnight" or "on Sunday" resolve against it)
          --format FORMAT    json (default: one array), jsonl (one line per report), text (for people)
          --channel NAME     the Telegram channel's username, for its messages' URLs (t.me/NAME/ID),
                             or a file mapping chat ids or names to usernames
          --jobs N           parallel workers (default: the number of cores); the output is the same
          --profile          after the output, a table on stderr of the time and memory per report of
                             each extraction stage, the run's reports/s, and where the rest of the
                             process's time went (start-up, reading, formatting, writing, JIT, GC)

        Exit code: 0 when every file was read, 1 when some could not be (each is named on stderr),
        2 when the command was called wrongly.
        """;

    public int Run(CommandLine args, CliConsole console)
    {
        var format = args.Get("format") ?? "json";
        if (format is not ("json" or "jsonl" or "text"))
        {
            throw new UsageException($"unknown format '{format}'; use json, jsonl or text.");
        }

        // The flag's date is YYYY-MM-DD only (as its help says), like every other date flag: "1/2/2024" is refused, not
        // read as 2 January.
        var published = Ledger.Date(args, "published");

        var channels = IngestCommand.Channels(args);
        var jobs = Ledger.Int(args, "jobs") is { } j and > 0 ? j : Environment.ProcessorCount;
        var profiled = args.Has("profile");
        if (args.Unused().FirstOrDefault() is { } unknown)
        {
            throw new UsageException($"unknown option --{unknown}.");
        }

        if (args.Positionals.Count == 0)
        {
            throw new UsageException("name at least one report file or folder.");
        }

        var run = profiled ? new RunProfile() : null;
        var pipeline = Ledger.Extractor(console);
        var profile = profiled ? pipeline.CreateProfile() : null;
        run?.Built();
        var clock = Stopwatch.StartNew();
        var cpu0 = Process.GetCurrentProcess().TotalProcessorTime;
        var failed = 0;
        var inputs = 0;
        var reports = 0;
        var first = true;
        var width = console.Width;

        // Output goes to standard output as UTF-8 bytes, straight to its stream when it is one (not a terminal, not a test's writer).
        console.Out.Flush();
        // Not disposed: that would close standard output under the writer, which Main flushes once more.
        var stream = console.Out is StreamWriter { BaseStream: var s } ? new BufferedStream(s, 1 << 16) : null;
        void Put(ReadOnlySpan<byte> bytes)
        {
            if (stream is not null)
            {
                stream.Write(bytes);
            }
            else
            {
                console.Out.Write(Encoding.UTF8.GetString(bytes));
            }
        }

        // Read on this thread (in input order, errors named as they are met), extract and format on `jobs` workers,
        // written here in input order: the bytes are the same as one report after another.
        IEnumerable<Article> Articles()
        {
            // The walker ingest uses: links followed once, loops ended, what cannot be read named and counted.
            foreach (var item in ReportInputs.Expand(args.Positionals))
            {
                if (item.Kind == InputKind.Skipped)
                {
                    continue;
                }

                // A Telegram export is streamed in parts; any other file is one part (good records of a partly bad file kept).
                inputs++;
                IEnumerable<ReadResult> parts = item.Kind switch
                {
                    InputKind.File => ReportReader.ReadFileInParts(item.Source, telegram: channels),
                    InputKind.Url => [ReadResult.Fail(item.Source, ErrorCatalogue.UrlNotExtracted(item.Source))],
                    _ => [ReadResult.Fail(item.Source, item.Error ?? ErrorCatalogue.NotFound(item.Source))],
                };
                var fileFailed = false;
                foreach (var result in parts)
                {
                    if (result.Error is { } error)
                    {
                        console.Error.WriteLine($"sitrep extract: {error}");
                        fileFailed = true;
                    }

                    foreach (var article in result.Articles)
                    {
                        yield return article.Published is null && published is not null ? article with { Published = published } : article;
                    }
                }

                failed += fileFailed ? 1 : 0;
            }
        }

        Rendered Render(Article article)
        {
            var extraction = pipeline.Extract(article, profile);
            var t0 = Stopwatch.GetTimestamp();
            try
            {
                return Format(extraction);
            }
            finally
            {
                run?.AddFormat(t0);
            }
        }

        Rendered Format(Core.Extraction extraction)
        {
            if (format == "text")
            {
                var text = TextReport.Render(extraction, width) + Environment.NewLine;
                var bytes = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(text.Length));
                return new Rendered(bytes, Encoding.UTF8.GetBytes(text, bytes));
            }

            var buffer = JsonBuffer ??= new ArrayBufferWriter<byte>(1 << 16);
            buffer.ResetWrittenCount();
            using (var json = new Utf8JsonWriter(buffer, format == "json" ? ExtractionJson.Pretty : ExtractionJson.Compact))
            {
                ExtractionJson.Write(json, extraction);
            }

            var copy = ArrayPool<byte>.Shared.Rent(buffer.WrittenCount);
            buffer.WrittenSpan.CopyTo(copy);
            return new Rendered(copy, buffer.WrittenCount);
        }

        void Write(Rendered r)
        {
            var t0 = Stopwatch.GetTimestamp();
            if (format == "json")
            {
                Put(first ? "\n"u8 : ",\n"u8);
            }

            Put(r.Bytes.AsSpan(0, r.Length));
            if (format == "jsonl")
            {
                Put("\n"u8);
            }

            ArrayPool<byte>.Shared.Return(r.Bytes);
            first = false;
            reports++;
            run?.AddWrite(t0);
        }

        if (format == "json")
        {
            Put("["u8);
        }

        // The raw stream is the OutputStream under the writer: a failed write is its one line and exit code 1.
        OrderedParallel.Run(run is null ? Articles() : run.TimeReads(Articles()), Render, Write, jobs);

        if (format == "json")
        {
            Put(first ? "]\n"u8 : "\n]\n"u8);
        }

        stream?.Flush();
        console.Out.Flush();
        if (profile is not null)
        {
            var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpu0;
            console.Error.Write(profile.Format());
            console.Error.Write(run!.Format(reports, Enumerable.Range(0, profile.Steps.Length).Select(profile.Elapsed).Aggregate(TimeSpan.Zero, (a, b) => a + b)));
            console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{reports:N0} reports in {clock.Elapsed.TotalSeconds:F2} s wall ({reports / Math.Max(1e-9, clock.Elapsed.TotalSeconds):N0} reports/s) and {cpu.TotalSeconds:F2} s CPU on {jobs} worker(s), after start-up and the gazetteer's load"));
        }

        if (failed > 0)
        {
            console.Error.WriteLine($"sitrep extract: {failed} of {inputs} inputs could not be read whole; what could be read was extracted.");
        }

        return failed == 0 ? 0 : 1;
    }

    /// <summary>One worker's formatting buffer, reused for its every report.</summary>
    [ThreadStatic]
    private static ArrayBufferWriter<byte>? JsonBuffer;

    /// <summary>A report's output as UTF-8: the first <see cref="Length"/> bytes of a pooled array, returned once written.</summary>
    private readonly record struct Rendered(byte[] Bytes, int Length);
}
