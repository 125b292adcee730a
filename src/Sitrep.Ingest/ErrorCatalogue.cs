namespace Sitrep.Ingest;

/// <summary>
/// Every error about input a user can see, with a stable code. Messages are whole sentences that say
/// what went wrong and what to do.
/// </summary>
public static class ErrorCatalogue
{
    public static ReadError NotFound(string path) =>
        new("SR001", $"'{path}' does not exist. Check the path, or quote it if it has spaces.");

    /// <summary>A file of length 0: empty, or a device, FIFO or socket (which stat as length 0 and are never opened).</summary>
    public static ReadError NoLength(string path) =>
        new("SR002", $"'{path}' is empty, or not a regular file (a device, pipe or socket). Pass a report file.");

    public static ReadError Empty(string path) =>
        new("SR002", $"'{path}' is empty. Nothing to extract; remove it or fill it with the report's text.");

    public static ReadError Binary(string path) =>
        new("SR003", $"'{path}' looks like a binary file, not a report. Pass text, HTML, JSON or a feed.");

    public static ReadError NotUtf8(string path, string encodingGuess) =>
        new("SR004", $"'{path}' is not UTF-8 ({encodingGuess}). Convert it, e.g. 'iconv -f {encodingGuess} -t UTF-8 IN > OUT', and try again.");

    /// <summary>UTF-8 with a few bad sequences (a cut last character, a damaged byte): no other encoding to convert from.</summary>
    public static ReadError DamagedUtf8(string path, int bad, bool atEnd) =>
        new("SR004", atEnd && bad == 1
            ? $"'{path}' is UTF-8 cut off in the middle of its last character (an interrupted download or copy). Fetch or copy it again whole."
            : $"'{path}' is UTF-8 with {bad} damaged byte sequence{(bad == 1 ? "" : "s")}; it is not read. Fetch or copy it again, or repair it with 'iconv -c -f UTF-8 -t UTF-8 IN > OUT' (drops the bad bytes).");

    public static ReadError TooLarge(string path, long bytes, long limit) =>
        new("SR005", $"'{path}' is {bytes / (1024 * 1024)} MB, over the {limit / (1024 * 1024)} MB limit for one report. Split it into one file per report.");

    public static ReadError Unreadable(string path, string reason) =>
        new("SR006", $"'{path}' could not be read: {reason}");

    public static ReadError FolderUnreadable(string path, string reason) =>
        new("SR006", $"'{path}' is a folder that could not be listed ({reason}); its files were not read. Check its permissions ('ls -ld'), or leave it out.");

    public static ReadError DanglingLink(string path, string target) =>
        new("SR001", $"'{path}' is a link to '{target}', which does not exist. Fix the link or remove it.");

    public static ReadError LinkLoop(string path) =>
        new("SR006", $"'{path}' is a link that leads round in a loop of links; it is not read. Fix the link or remove it.");

    public static ReadError BadHeader(string path, string reason) =>
        new("SR007", $"'{path}' has a header that could not be read: {reason}. Header lines are 'key: value', ending with a line '---'.");

    public static ReadError NoText(string path) =>
        new("SR008", $"'{path}' has a header but no report text after the '---' line.");

    public static ReadError Malformed(string path, string format, string reason) =>
        new("SR009", $"'{path}' is not valid {format}: {reason}. Fix the file or pass it as plain text.");

    public static ReadError Unreachable(string url, string reason) =>
        new("SR010", $"'{url}' could not be fetched: {reason}. Check the address and your connection.");

    public static ReadError NoArticle(string path, string format) =>
        new("SR011", $"'{path}' is {format} but holds no report text (only navigation, scripts or markup). Point at the article page itself, or save its text as a .txt file.");

    public static ReadError UnsupportedAddress(string address) =>
        new("SR012", $"'{address}' is not a file, a folder or an http(s) address. Pass a path, or a URL starting with http:// or https://.");

    /// <summary>A URL given to <c>extract</c>, which reads local files only.</summary>
    public static ReadError UrlNotExtracted(string url) =>
        new("SR012", $"'{url}' is a URL; extract reads files and folders. Fetch it with 'sitrep ingest URL', or save the page and extract the file.");

    public static ReadError MissingText(string path, string record) =>
        new("SR013", $"'{path}' {record} has no report text. Give each record a 'text', 'body' or 'content' field (a feed item a description, content or summary).");

    public static ReadError BadField(string path, string record, string field, string value, string expected) =>
        new("SR014", $"'{path}' {record} has {field} '{value}', which is not {expected}. Fix the field or remove it.");

    /// <summary>Some records of a many-record input (JSON Lines, a JSON array, a feed) were bad; the others were read.</summary>
    public static ReadError SomeRecordsBad(string path, int bad, int total, string first) =>
        new("SR015", $"'{path}': {bad} of {total} records could not be read and were left out; the others were read. First problem: {first}");

    public static ReadError NotAFeed(string path, string root) =>
        new("SR016", $"'{path}' is XML but not an RSS or Atom feed (its root element is <{root}>). Pass an RSS 2.0, RSS 1.0 or Atom feed.");

    public static ReadError TooDeep(string path, string? record, int depth) =>
        new("SR018", $"'{path}'{(record is null ? "" : " " + record)} nests its HTML elements over {depth:N0} deep (a report page nests a few dozen); it is not read. Save the report's text as a .txt file.");

    // Telegram exports (SR02x): a message is a record of the export; one bad message never stops the others.

    public static ReadError BadTelegramMessage(string path, string message, string problem) =>
        new("SR020", $"'{path}' {message} {problem}; it was left out. Fix it in the export, or export the chat again from Telegram Desktop (format JSON).");

    /// <summary>Some messages of a Telegram export were bad; the others were read (SR015, as for other many-record inputs).</summary>
    public static ReadError SomeMessagesBad(string path, long bad, long total, string first) =>
        new("SR015", $"'{path}': {bad:N0} of {total:N0} messages could not be read and were left out; the others were read. First problem: {first}");

    /// <summary>A Telegram export whose JSON breaks off or goes wrong after some messages: those were read, the rest not.</summary>
    public static ReadError TelegramBrokenOff(string path, string code, string reason, long read) =>
        new(code, $"'{path}' could not be read past message {read:N0}: {reason}. The {read:N0} messages before it were read; export the chat again (Telegram Desktop, format JSON) and ingest it again: what was stored is kept, nothing is stored twice.");

    public static ReadError Interrupted(string source) =>
        new("SR017", $"'{source}' was not finished because the run was stopped. Run the same command again; what was stored is kept and nothing is stored twice.");

    // The reference table that `sitrep compare` checks the ledger against (SR1xx).

    public static ReadError ReferenceNotFound(string path) =>
        new("SR101", $"'{path}' does not exist. Pass the reference table's CSV file with --reference (e.g. missile_attacks_daily.csv); quote the path if it has spaces.");

    public static ReadError ReferenceEmpty(string path) =>
        new("SR102", $"'{path}' is empty. The reference table needs a header row (time_start, time_end, model, launched, destroyed, …) and one row per weapon model per reporting window.");

    public static ReadError ReferenceNotCsv(string path, string reason) =>
        new("SR103", $"'{path}' is not a CSV table: {reason}. Pass the reference table as CSV: a header row, then comma-separated rows, fields with commas in double quotes.");

    public static ReadError ReferenceMissingColumns(string path, string missing, string header) =>
        new("SR104", $"'{path}' has no column {missing}; its header is: {header}. The reference table needs the columns time_end, model, launched and destroyed (time_start is checked when present; others are ignored). Check that the first row is the header and that the file is comma-separated.");

    /// <summary>Some rows of the reference table were bad and were left out; the others were read.</summary>
    public static ReadError ReferenceSomeRowsBad(string path, int bad, int total, string first) =>
        new("SR105", $"'{path}': {bad} of {total} rows could not be read and were left out; the others were compared. First problem: {first}");

    public static ReadError ReferenceUnreadable(string path, string reason) =>
        new("SR106", $"'{path}' could not be read: {reason}. Check that it is a file you may read, and pass it again.");
}
