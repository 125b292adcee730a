using System.Buffers;
using System.Text;
using System.Text.Json;
using Sitrep.Core;
using Sitrep.Extraction.Output;
using Sitrep.Ingest;
using Sitrep.Ingest.Readers;

namespace Sitrep.Cli.Commands;

/// <summary>
/// <c>sitrep extract PATH... [--published YYYY-MM-DD] [--format json|jsonl|text]</c>: reads report files
/// and folders, extracts strike events and writes them. A file that cannot be read gets a clear message on
/// stderr and the rest of the batch runs; the exit code is 0 only when every file was read.
/// </summary>
internal sealed class ExtractCommand : ICommand
{
    public IReadOnlyList<OptionSpec> Options { get; } = [new("published", "DATE", 'p'), new("format", "FORMAT", 'f', "json", "jsonl", "text"), new("channel", "NAME")];

    public OperandSpec Operands => OperandSpec.Any("PATH");

    public string Name => "extract";

    public string Summary => "Extract strike events from report files and folders.";

    public string Usage => """
        Usage: sitrep extract PATH... [--published YYYY-MM-DD] [--format json|jsonl|text] [--channel NAME]

        Reads reports from files and folders (recursively): plain text with an optional 'key: value' header
        ending with a '---' line, HTML, JSON, JSON Lines and RSS/Atom feeds, by extension, and Telegram
        Desktop chat exports (result.json, streamed), by content; writes the strike events found in each.
        A PATH of - reads one report from standard input, its format told by its content.

          --published DATE   publication date for reports whose header has none (relative dates
                             such as "overnight" or "on Sunday" resolve against it)
          --format FORMAT    json (default: one array), jsonl (one line per report), text (for people)
          --channel NAME     the Telegram channel's username, for its messages' URLs (t.me/NAME/ID),
                             or a file mapping chat ids or names to usernames

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

        DateOnly? published = null;
        if (args.Get("published") is { } ps)
        {
            if (!TextReportReader.TryParseDate(ps, out var pd))
            {
                throw new UsageException($"--published '{ps}' is not a date; write it as YYYY-MM-DD.");
            }

            published = pd;
        }

        var channels = IngestCommand.Channels(args);
        if (args.Unused().FirstOrDefault() is { } unknown)
        {
            throw new UsageException($"unknown option --{unknown}.");
        }

        if (args.Positionals.Count == 0)
        {
            throw new UsageException("name at least one report file or folder.");
        }

        var pipeline = Ledger.Extractor(console);
        var failed = 0;
        var inputs = 0;
        var buffer = new ArrayBufferWriter<byte>(1 << 16);
        var first = true;
        if (format == "json")
        {
            console.Out.Write('[');
        }

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
                    var a = article.Published is null && published is not null ? article with { Published = published } : article;
                    var extraction = pipeline.Extract(a);
                    if (format == "text")
                    {
                        console.Out.Write(TextReport.Render(extraction, console.Width));
                        console.Out.WriteLine();
                        continue;
                    }

                    buffer.ResetWrittenCount();
                    using (var json = new Utf8JsonWriter(buffer, format == "json" ? ExtractionJson.Pretty : ExtractionJson.Compact))
                    {
                        ExtractionJson.Write(json, extraction);
                    }

                    if (format == "json")
                    {
                        console.Out.Write(first ? "\n" : ",\n");
                    }

                    console.Out.Write(Encoding.UTF8.GetString(buffer.WrittenSpan));
                    if (format == "jsonl")
                    {
                        console.Out.Write('\n');
                    }

                    first = false;
                }
            }

            failed += fileFailed ? 1 : 0;
        }

        if (format == "json")
        {
            console.Out.Write(first ? "]\n" : "\n]\n");
        }

        console.Out.Flush();
        if (failed > 0)
        {
            console.Error.WriteLine($"sitrep extract: {failed} of {inputs} inputs could not be read whole; what could be read was extracted.");
        }

        return failed == 0 ? 0 : 1;
    }
}
