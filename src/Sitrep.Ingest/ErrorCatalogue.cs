namespace Sitrep.Ingest;

/// <summary>
/// Every error about input a user can see, with a stable code. Messages are whole sentences that say
/// what went wrong and what to do.
/// </summary>
public static class ErrorCatalogue
{
    public static ReadError NotFound(string path) =>
        new("SR001", $"'{path}' does not exist. Check the path, or quote it if it has spaces.");

    public static ReadError Empty(string path) =>
        new("SR002", $"'{path}' is empty. Nothing to extract; remove it or fill it with the report's text.");

    public static ReadError Binary(string path) =>
        new("SR003", $"'{path}' looks like a binary file, not a report. Pass text, HTML, JSON or a feed.");

    public static ReadError NotUtf8(string path, string encodingGuess) =>
        new("SR004", $"'{path}' is not UTF-8 ({encodingGuess}). Convert it, e.g. 'iconv -f {encodingGuess} -t UTF-8 IN > OUT', and try again.");

    public static ReadError TooLarge(string path, long bytes, long limit) =>
        new("SR005", $"'{path}' is {bytes / (1024 * 1024)} MB, over the {limit / (1024 * 1024)} MB limit for one report. Split it into one file per report.");

    public static ReadError Unreadable(string path, string reason) =>
        new("SR006", $"'{path}' could not be read: {reason}");

    public static ReadError BadHeader(string path, string reason) =>
        new("SR007", $"'{path}' has a header that could not be read: {reason}. Header lines are 'key: value', ending with a line '---'.");

    public static ReadError NoText(string path) =>
        new("SR008", $"'{path}' has a header but no report text after the '---' line.");

    public static ReadError Malformed(string path, string format, string reason) =>
        new("SR009", $"'{path}' is not valid {format}: {reason}. Fix the file or pass it as plain text.");

    public static ReadError Unreachable(string url, string reason) =>
        new("SR010", $"'{url}' could not be fetched: {reason}. Check the address and your connection.");
}
