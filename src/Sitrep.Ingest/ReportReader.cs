using Sitrep.Ingest.Readers;

namespace Sitrep.Ingest;

/// <summary>The input formats Sitrep reads.</summary>
public enum ReportFormat
{
    /// <summary>Decide from the file extension, the HTTP content type, or the first characters.</summary>
    Auto,
    /// <summary>Plain text with an optional <c>key: value</c> header ending in <c>---</c>.</summary>
    Text,
    Html,
    Json,
    JsonLines,
    /// <summary>RSS 2.0, RSS 1.0 or Atom.</summary>
    Feed,
    /// <summary>Telegram Desktop's export of one chat (<c>result.json</c>), told from other JSON by its content.</summary>
    Telegram,
}

/// <summary>
/// Picks the reader for an input by its extension, its HTTP content type or, when neither says, by sniffing the
/// first characters, and runs it. Never throws: every problem is a <see cref="ReadResult"/> error.
/// </summary>
public static class ReportReader
{
    /// <summary>Extensions a folder walk reads; other files in a folder are skipped (a file named directly is always read).</summary>
    public static readonly IReadOnlySet<string> ReportExtensions = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        ".txt", ".text", ".md", ".html", ".htm", ".xhtml", ".json", ".jsonl", ".ndjson", ".xml", ".rss", ".atom", "",
    };

    public static ReportFormat FormatOfPath(string path) => Path.GetExtension(path).ToLowerInvariant() switch
    {
        ".txt" or ".text" or ".md" => ReportFormat.Text,
        ".html" or ".htm" or ".xhtml" => ReportFormat.Html,
        ".json" => ReportFormat.Json,
        ".jsonl" or ".ndjson" => ReportFormat.JsonLines,
        ".rss" or ".atom" => ReportFormat.Feed,
        _ => ReportFormat.Auto,
    };

    /// <summary>The format an HTTP <c>Content-Type</c> names; <see cref="ReportFormat.Auto"/> for generic XML and unknown types.</summary>
    public static ReportFormat FormatOfMediaType(string? mediaType) => mediaType?.ToLowerInvariant() switch
    {
        "text/html" or "application/xhtml+xml" => ReportFormat.Html,
        "application/rss+xml" or "application/atom+xml" or "application/rdf+xml" => ReportFormat.Feed,
        "application/json" => ReportFormat.Json,
        "application/x-ndjson" or "application/jsonl" or "application/x-jsonlines" => ReportFormat.JsonLines,
        "text/plain" => ReportFormat.Text,
        _ => ReportFormat.Auto,
    };

    /// <summary>Guesses the format from the first non-blank characters.</summary>
    public static ReportFormat Sniff(string text)
    {
        var head = text.AsSpan(0, Math.Min(text.Length, 4096)).TrimStart("\uFEFF \t\r\n");
        if (head.StartsWith("<"))
        {
            if (head.Contains("<rss", StringComparison.OrdinalIgnoreCase) || head.Contains("<feed", StringComparison.OrdinalIgnoreCase)
                || head.Contains("<rdf:RDF", StringComparison.OrdinalIgnoreCase))
            {
                return ReportFormat.Feed;
            }

            return head.StartsWith("<?xml", StringComparison.OrdinalIgnoreCase) && !head.Contains("<html", StringComparison.OrdinalIgnoreCase)
                ? ReportFormat.Feed
                : ReportFormat.Html;
        }

        if (head.StartsWith("["))
        {
            return ReportFormat.Json;
        }

        if (head.StartsWith("{"))
        {
            if (TelegramExportReader.LooksLikeExport(text))
            {
                return ReportFormat.Telegram;
            }

            // Several lines that each open an object: JSON Lines.
            var nl = head.IndexOf('\n');
            if (nl > 0 && head[..nl].TrimEnd().EndsWith("}") && head[(nl + 1)..].TrimStart().StartsWith("{"))
            {
                return ReportFormat.JsonLines;
            }

            return ReportFormat.Json;
        }

        return ReportFormat.Text;
    }

    /// <summary>
    /// Reads one file. The id of a single report is the file name without its extension. A Telegram export (told by
    /// its content) is read whole here; <see cref="ReadFileInParts"/> streams it.
    /// </summary>
    public static ReadResult ReadFile(string path, ReportFormat format = ReportFormat.Auto, long maxBytes = FileLoader.DefaultMaxBytes, TelegramChannels? telegram = null)
    {
        if (IsTelegram(path, format))
        {
            return TelegramExportReader.ReadFile(path, telegram, maxBytes);
        }

        var (text, error) = FileLoader.ReadText(path, maxBytes);
        if (error is not null)
        {
            return ReadResult.Fail(path, error);
        }

        if (format == ReportFormat.Auto)
        {
            format = FormatOfPath(path);
        }

        // Standard input has no name: its report is "stdin", its format sniffed from its content.
        return path == ReportInputs.StandardInput
            ? Parse(path, "stdin", text!, ReportFormat.Auto, telegram)
            : Parse(path, Path.GetFileNameWithoutExtension(path), text!, format, telegram);
    }

    /// <summary>
    /// Reads one file as parts: a Telegram export streamed in parts of <see cref="TelegramExportReader.PartSize"/>
    /// messages (any size: <paramref name="maxBytes"/> caps one message, not the file), any other file as one part.
    /// </summary>
    public static IEnumerable<ReadResult> ReadFileInParts(string path, ReportFormat format = ReportFormat.Auto, long maxBytes = FileLoader.DefaultMaxBytes, TelegramChannels? telegram = null) =>
        IsTelegram(path, format) ? TelegramExportReader.ReadParts(path, telegram, maxBytes) : [ReadFile(path, format, maxBytes, telegram)];

    /// <summary>A Telegram export: asked for, or a .json (or extension-less) file whose first bytes are one.</summary>
    private static bool IsTelegram(string path, ReportFormat format) =>
        format == ReportFormat.Telegram
        || (format is ReportFormat.Auto or ReportFormat.Json && FormatOfPath(path) is ReportFormat.Json or ReportFormat.Auto
            && File.Exists(path) && TelegramExportReader.IsExportFile(path));

    /// <summary>Parses text already loaded; <paramref name="format"/> <see cref="ReportFormat.Auto"/> sniffs.</summary>
    public static ReadResult Parse(string source, string id, string text, ReportFormat format = ReportFormat.Auto, TelegramChannels? telegram = null)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return ReadResult.Fail(source, ErrorCatalogue.Empty(source));
        }

        if (format == ReportFormat.Auto || (format == ReportFormat.Json && TelegramExportReader.LooksLikeExport(text)))
        {
            format = Sniff(text);
        }

        try
        {
            return format switch
            {
                ReportFormat.Html => HtmlReportReader.Parse(source, id, text),
                ReportFormat.Json => JsonReportReader.ParseJson(source, id, text),
                ReportFormat.JsonLines => JsonReportReader.ParseJsonLines(source, id, text),
                ReportFormat.Feed => FeedReader.Parse(source, id, text),
                ReportFormat.Telegram => TelegramExportReader.Parse(source, id, text, telegram),
                _ => TextReportReader.Parse(source, id, text),
            };
        }
#pragma warning disable CA1031 // A reader bug must cost one input, never the batch: it becomes that input's error.
        catch (Exception e)
#pragma warning restore CA1031
        {
            return ReadResult.Fail(source, ErrorCatalogue.Unreadable(source, $"the {format} reader failed ({e.GetType().Name}: {e.Message}). Please report this with the file"));
        }
    }
}
