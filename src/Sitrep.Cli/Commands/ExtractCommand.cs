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
    public string Name => "extract";

    public string Summary => "Extract strike events from report files and folders.";

    public string Usage => """
        Usage: sitrep extract PATH... [--published YYYY-MM-DD] [--format json|jsonl|text] [--channel NAME]

        Reads reports from files and folders (recursively): plain text with an optional 'key: value' header
        ending with a '---' line, HTML, JSON, JSON Lines and RSS/Atom feeds, by extension, and Telegram
        Desktop chat exports (result.json, streamed), by content; writes the strike events found in each.

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
        var files = ExpandPaths(args.Positionals, out var missing);
        var failed = 0;
        foreach (var m in missing)
        {
            console.Error.WriteLine($"sitrep extract: {ErrorCatalogue.NotFound(m)}");
            failed++;
        }

        var buffer = new ArrayBufferWriter<byte>(1 << 16);
        var first = true;
        if (format == "json")
        {
            console.Out.Write('[');
        }

        foreach (var file in files)
        {
            // A Telegram export is streamed in parts; any other file is one part.
            var fileFailed = false;
            foreach (var result in ReportReader.ReadFileInParts(file, telegram: channels))
            {
                if (!result.Ok)
                {
                    console.Error.WriteLine($"sitrep extract: {result.Error}");
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
            console.Error.WriteLine($"sitrep extract: {failed} of {files.Count + missing.Count} inputs could not be read; the others were extracted.");
        }

        return failed == 0 ? 0 : 1;
    }

    /// <summary>Reads one file in any format the ledger reads (text with header, HTML, JSON, JSON Lines, RSS/Atom), by its extension.</summary>
    internal static ReadResult Read(string file) => ReportReader.ReadFile(file);

    /// <summary>Files named, and the *.txt files under folders named, in a stable order.</summary>
    internal static List<string> ExpandPaths(IEnumerable<string> paths, out List<string> missing)
    {
        var files = new List<string>();
        missing = [];
        foreach (var p in paths)
        {
            if (Directory.Exists(p))
            {
                files.AddRange(Directory.EnumerateFiles(p, "*", SearchOption.AllDirectories)
                    .Where(f => ReportReader.ReportExtensions.Contains(Path.GetExtension(f)) && !Path.GetFileName(f).StartsWith('.'))
                    .Order(StringComparer.Ordinal));
            }
            else if (File.Exists(p))
            {
                files.Add(p);
            }
            else
            {
                missing.Add(p);
            }
        }

        return files;
    }
}
