using System.Buffers;
using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Sitrep.Core;

namespace Sitrep.Ingest.Readers;

/// <summary>
/// Reads Telegram Desktop's export of one chat (<c>result.json</c>: <c>{"name", "type", "id", "messages": [...]}</c>),
/// streamed: the file is read in blocks and its messages parsed one at a time, so an export of any size needs memory
/// for one part (<see cref="PartSize"/> messages), never the whole file.
/// <list type="bullet">
/// <item>One report per message with text. Its text is the message's <c>text_entities</c> (else its <c>text</c>: a string,
/// or an array of strings and <c>{type, text}</c> entities) joined in order, nothing added or trimmed, so every span
/// the extraction gives points into exactly the words posted.</item>
/// <item>Published: the Kyiv calendar day of <c>date_unixtime</c> (else of <c>date</c>, the exporting machine's clock);
/// the time of day is kept in the metadata as <c>published_at</c> (Kyiv time with its offset), and an edit's as
/// <c>edited_at</c>.</item>
/// <item>Source: the chat's name, or for a forwarded message its origin (<c>forwarded_from</c>); the metadata's
/// <c>claimant</c> says the same, <c>channel</c> names the chat it was posted in.</item>
/// <item>URL: <c>https://t.me/&lt;username&gt;/&lt;id&gt;</c> when <see cref="TelegramChannels"/> knows the chat's
/// username, else <c>https://t.me/c/&lt;chat id&gt;/&lt;id&gt;</c> for a channel or supergroup (the link members
/// use). A message edited after an earlier export is then a new version of the report at its URL.</item>
/// <item>Service messages and messages without text (media only) are skipped and counted (<see cref="TelegramTally"/>);
/// a message that cannot be read is counted with its error, and the others are read.</item>
/// </list>
/// Never throws on content: JSON that breaks off or goes wrong part-way keeps the messages before it and ends the
/// export with an SR009 error.
/// </summary>
public static class TelegramExportReader
{
    /// <summary>Messages per part: the unit a streamed export is handed on in.</summary>
    public const int PartSize = 1024;

    private const int HeadBytes = 4096;

    /// <summary>Telegram's chat types; the export's <c>type</c> is one of them.</summary>
    private static readonly HashSet<string> ChatTypes = new(StringComparer.Ordinal)
    {
        "personal_chat", "bot_chat", "saved_messages", "private_group", "private_supergroup", "public_supergroup",
        "private_channel", "public_channel",
    };

    /// <summary>Chats with no <c>t.me/c/…</c> link: there a message without a known username has no URL.</summary>
    private static readonly HashSet<string> Unlinked = new(StringComparer.Ordinal) { "personal_chat", "bot_chat", "saved_messages", "private_group" };

    /// <summary>Whether a file starts as a single-chat Telegram export (reads its first 4 KB).</summary>
    public static bool IsExportFile(string path)
    {
        try
        {
            // A device, FIFO or socket stats as length 0 and is never opened (a FIFO blocks the open): FileLoader says what it is.
            var info = new FileInfo(path);
            if (!info.Exists || info.Length == 0)
            {
                return false;
            }

            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 1, FileOptions.SequentialScan);
            Span<byte> head = stackalloc byte[HeadBytes];
            var n = stream.ReadAtLeast(head, HeadBytes, throwOnEndOfStream: false);
            return LooksLikeExport(head[..n]);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <summary>Whether text starts as a single-chat Telegram export (looks at its first 4 KB).</summary>
    public static bool LooksLikeExport(string text)
    {
        var head = text.AsSpan(0, Math.Min(text.Length, HeadBytes));
        var bytes = new byte[Encoding.UTF8.GetMaxByteCount(head.Length)];
        return LooksLikeExport(bytes.AsSpan(0, Encoding.UTF8.GetBytes(head, bytes)));
    }

    /// <summary>
    /// The content test: a top-level object whose <c>type</c> is a Telegram chat type and that goes on to a
    /// <c>messages</c> array. An object of other fields, or one whose head is cut before <c>messages</c>, is not.
    /// </summary>
    public static bool LooksLikeExport(ReadOnlySpan<byte> head)
    {
        if (head.StartsWith("\uFEFF"u8))
        {
            head = head[3..];
        }

        var reader = new Utf8JsonReader(head, isFinalBlock: false, default);
        var typed = false;
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return false;
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var name = reader.GetString();
                if (!reader.Read())
                {
                    return false;
                }

                if (name == "messages")
                {
                    return typed && reader.TokenType == JsonTokenType.StartArray;
                }

                if (name == "type" && reader.TokenType == JsonTokenType.String)
                {
                    typed = ChatTypes.Contains(reader.GetString()!);
                }
                else if (!reader.TrySkip())
                {
                    return false;
                }
            }
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            // Not JSON, or a name that is an escaped half of a surrogate pair ("\ud800"): no export either way.
        }

        return false;
    }

    /// <summary>Reads an export already in memory, whole: one result with every report and the tally.</summary>
    public static ReadResult Parse(string source, string id, string text, TelegramChannels? channels = null, long maxMessageBytes = FileLoader.DefaultMaxBytes)
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(text), writable: false);
        return Gather(source, ReadParts(stream, source, id, channels, maxMessageBytes));
    }

    /// <summary>Reads an export file whole: one result with every report and the tally (memory for all of them).</summary>
    public static ReadResult ReadFile(string path, TelegramChannels? channels = null, long maxMessageBytes = FileLoader.DefaultMaxBytes) =>
        Gather(path, ReadParts(path, channels, maxMessageBytes));

    /// <summary>
    /// Reads an export file in parts of up to <see cref="PartSize"/> messages, each a result with its reports and its
    /// tally; the last part carries the export's error, if any (a file that cannot be opened is one failed part).
    /// </summary>
    public static IEnumerable<ReadResult> ReadParts(string path, TelegramChannels? channels = null, long maxMessageBytes = FileLoader.DefaultMaxBytes)
    {
        FileStream stream;
        try
        {
            stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 1, FileOptions.SequentialScan);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return [ReadResult.Fail(path, File.Exists(path) ? ErrorCatalogue.Unreadable(path, e.Message) : ErrorCatalogue.NotFound(path))];
        }

        return Owning(stream, ReadParts(stream, path, Path.GetFileNameWithoutExtension(path), channels, maxMessageBytes));
    }

    /// <summary>Reads an export from a stream in parts, as <see cref="ReadParts(string, TelegramChannels?, long)"/>.</summary>
    public static IEnumerable<ReadResult> ReadParts(Stream stream, string source, string id, TelegramChannels? channels = null, long maxMessageBytes = FileLoader.DefaultMaxBytes)
    {
        var parser = new TelegramStreamParser(stream, maxMessageBytes);
        var export = new ExportContext(source, id, channels ?? TelegramChannels.None);
        var articles = new List<Article>(PartSize);
        var tally = default(TelegramTally);
        var badMessages = 0L;
        ReadError? firstBad = null;
        (string Code, string Reason)? fatal = null;
        while (true)
        {
            var step = parser.Next(out var message);
            if (step == TelegramStreamParser.Step.End)
            {
                break;
            }

            if (step == TelegramStreamParser.Step.Header)
            {
                export.Header(parser.ChatName, parser.ChatType, parser.ChatId);
                continue;
            }

            if (step == TelegramStreamParser.Step.Broken)
            {
                fatal = parser.Problem;
                break;
            }

            tally += new TelegramTally(1, 0, 0, 0, 0);
            if (step == TelegramStreamParser.Step.NotAnObject)
            {
                tally += new TelegramTally(0, 0, 0, 0, 1);
                badMessages++;
                firstBad ??= ErrorCatalogue.BadTelegramMessage(source, $"message {N(parser.MessagesSeen)} of the export", "is not a JSON object");
            }
            else
            {
                using (message)
                {
                    var outcome = export.Read(message!.RootElement, parser.MessagesSeen, out var article, out var error);
                    tally += outcome switch
                    {
                        Outcome.Report => new TelegramTally(0, 1, 0, 0, 0),
                        Outcome.Service => new TelegramTally(0, 0, 1, 0, 0),
                        Outcome.NoText => new TelegramTally(0, 0, 0, 1, 0),
                        _ => new TelegramTally(0, 0, 0, 0, 1),
                    };
                    if (article is not null)
                    {
                        articles.Add(article);
                    }

                    if (error is not null)
                    {
                        badMessages++;
                        firstBad ??= error;
                    }
                }
            }

            if (parser.MessagesSeen % PartSize == 0)
            {
                yield return Part(source, articles, ref tally, null);
            }
        }

        if (fatal is null && !parser.SawMessages)
        {
            fatal = ("SR009", "it has no 'messages' array");
        }

        ReadError? last = null;
        if (fatal is { } f && parser.MessagesSeen > 0)
        {
            var reason = f.Reason + (badMessages > 0 ? $"; besides, {N(badMessages)} messages before it could not be read" : "");
            last = ErrorCatalogue.TelegramBrokenOff(source, f.Code, reason, parser.MessagesSeen);
        }
        else if (fatal is { } g)
        {
            last = g.Code switch
            {
                "SR006" => ErrorCatalogue.Unreadable(source, g.Reason),
                _ => ErrorCatalogue.Malformed(source, "a Telegram export", g.Reason),
            };
        }
        else if (firstBad is not null)
        {
            last = ErrorCatalogue.SomeMessagesBad(source, badMessages, parser.MessagesSeen, firstBad.ToString());
        }

        yield return Part(source, articles, ref tally, last);
    }

    private static ReadResult Part(string source, List<Article> articles, ref TelegramTally tally, ReadError? error)
    {
        var part = new ReadResult(source, [.. articles], error) { Telegram = tally };
        articles.Clear();
        tally = default;
        return part;
    }

    private static ReadResult Gather(string source, IEnumerable<ReadResult> parts)
    {
        var articles = ImmutableArray.CreateBuilder<Article>();
        var tally = default(TelegramTally);
        ReadError? error = null;
        foreach (var part in parts)
        {
            articles.AddRange(part.Articles);
            tally += part.Telegram ?? default;
            error ??= part.Error;
        }

        return new ReadResult(source, articles.ToImmutable(), error) { Telegram = tally };
    }

    private static IEnumerable<ReadResult> Owning(Stream stream, IEnumerable<ReadResult> parts)
    {
        using (stream)
        {
            foreach (var part in parts)
            {
                yield return part;
            }
        }
    }

    internal static string N(long n) => n.ToString("N0", CultureInfo.InvariantCulture);

    internal enum Outcome
    {
        Report,
        Service,
        NoText,
        Failed,
    }

    /// <summary>The export's chat, and how one of its messages becomes an article.</summary>
    private sealed class ExportContext(string source, string fileId, TelegramChannels channels)
    {
        private string? _chatName;
        private string? _chatType;
        private string? _chatId;
        private string? _username;

        public void Header(string? name, string? type, string? id)
        {
            _chatName = string.IsNullOrWhiteSpace(name) ? null : name.Trim();
            _chatType = type;
            _chatId = id;
            _username = channels.UsernameOf(id, _chatName);
        }

        public Outcome Read(JsonElement m, long ordinal, out Article? article, out ReadError? error)
        {
            article = null;
            error = null;
            if (m.TryGetProperty("id", out var idElement) is false || !TryId(idElement, out var id))
            {
                error = ErrorCatalogue.BadTelegramMessage(source, $"message {N(ordinal)} of the export", "has no numeric 'id'");
                return Outcome.Failed;
            }

            var where = $"message {id.ToString(CultureInfo.InvariantCulture)}";
            var type = m.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : "message";
            if (type == "service")
            {
                return Outcome.Service;
            }

            if (!TryText(m, out var text, out var textProblem))
            {
                error = ErrorCatalogue.BadTelegramMessage(source, where, textProblem!);
                return Outcome.Failed;
            }

            if (string.IsNullOrWhiteSpace(text))
            {
                return Outcome.NoText;
            }

            var meta = ImmutableDictionary.CreateBuilder<string, string>(StringComparer.OrdinalIgnoreCase);
            meta["format"] = "telegram";
            meta["telegram_message_id"] = id.ToString(CultureInfo.InvariantCulture);
            DateOnly? published = null;
            switch (TryTime(m, "date", out var posted))
            {
                case TimeResult.Bad:
                    error = ErrorCatalogue.BadTelegramMessage(source, where, $"has date_unixtime '{Clip(Raw(m, "date_unixtime") ?? Raw(m, "date"))}', which is not a Unix time in seconds (nor 'date' an ISO local time)");
                    return Outcome.Failed;
                case TimeResult.Found:
                    published = DateOnly.FromDateTime(posted.DateTime);
                    meta["published_at"] = Iso(posted);
                    break;
            }

            if (TryTime(m, "edited", out var edited) == TimeResult.Found)
            {
                meta["edited_at"] = Iso(edited);
            }

            var forwardedFrom = Str(m, "forwarded_from");
            var from = Str(m, "from");
            var chat = _chatName ?? from;
            var claimant = forwardedFrom ?? chat;
            Put(meta, "channel", chat);
            Put(meta, "channel_username", _username);
            Put(meta, "telegram_chat_id", _chatId);
            Put(meta, "telegram_chat_type", _chatType);
            Put(meta, "from", from);
            Put(meta, "from_id", Str(m, "from_id"));
            Put(meta, "forwarded_from", forwardedFrom);
            Put(meta, "claimant", claimant);

            string? url = null;
            if (_username is not null)
            {
                url = $"https://t.me/{_username}/{id.ToString(CultureInfo.InvariantCulture)}";
            }
            else if (_chatId is not null && _chatType is not null && !Unlinked.Contains(_chatType))
            {
                url = $"https://t.me/c/{_chatId}/{id.ToString(CultureInfo.InvariantCulture)}";
            }

            var articleId = (_username ?? _chatId ?? fileId) + "/" + id.ToString(CultureInfo.InvariantCulture);
            article = new Article(articleId, text, Title: FirstLine(text), Url: url, Published: published, Source: claimant)
            {
                Metadata = meta.ToImmutable(),
            };
            return Outcome.Report;
        }

        private static bool TryId(JsonElement e, out long id)
        {
            id = 0;
            return e.ValueKind switch
            {
                JsonValueKind.Number => e.TryGetInt64(out id),
                JsonValueKind.String => long.TryParse(e.GetString(), NumberStyles.None, CultureInfo.InvariantCulture, out id),
                _ => false,
            };
        }

        /// <summary>The text as posted: <c>text_entities</c> joined, else <c>text</c> (a string, or strings and entities joined).</summary>
        private static bool TryText(JsonElement m, out string text, out string? problem)
        {
            text = "";
            problem = null;
            if (m.TryGetProperty("text_entities", out var entities) && entities.ValueKind == JsonValueKind.Array)
            {
                return TryJoin(entities, "text_entities", out text, out problem);
            }

            if (!m.TryGetProperty("text", out var t) || t.ValueKind == JsonValueKind.Null)
            {
                return true;
            }

            switch (t.ValueKind)
            {
                case JsonValueKind.String:
                    text = t.GetString()!;
                    return true;
                case JsonValueKind.Array:
                    return TryJoin(t, "text", out text, out problem);
                default:
                    problem = $"has a 'text' that is a {Kind(t)}, not a string or a list of strings and {{type, text}} entities";
                    return false;
            }
        }

        private static bool TryJoin(JsonElement parts, string field, out string text, out string? problem)
        {
            text = "";
            problem = null;
            var sb = new StringBuilder();
            var i = 0;
            foreach (var p in parts.EnumerateArray())
            {
                i++;
                if (p.ValueKind == JsonValueKind.String)
                {
                    sb.Append(p.GetString());
                }
                else if (p.ValueKind == JsonValueKind.Object && p.TryGetProperty("text", out var pt) && pt.ValueKind == JsonValueKind.String)
                {
                    sb.Append(pt.GetString());
                }
                else
                {
                    problem = $"has a '{field}' whose item {i.ToString(CultureInfo.InvariantCulture)} is a {Kind(p)}, not a string or a {{type, text}} entity with a 'text' string";
                    return false;
                }
            }

            text = sb.ToString();
            return true;
        }

        private enum TimeResult
        {
            None,
            Found,
            Bad,
        }

        /// <summary><c>NAME_unixtime</c> (seconds, a string or a number) as Kyiv time; else <c>NAME</c>, an ISO local time, as written.</summary>
        private static TimeResult TryTime(JsonElement m, string name, out DateTimeOffset time)
        {
            time = default;
            if (m.TryGetProperty(name + "_unixtime", out var u) && u.ValueKind is JsonValueKind.String or JsonValueKind.Number)
            {
                var ok = u.ValueKind == JsonValueKind.Number
                    ? u.TryGetInt64(out var seconds)
                    : long.TryParse(u.GetString(), NumberStyles.None, CultureInfo.InvariantCulture, out seconds);
                if (!ok || seconds is < 0 or > 253_402_300_799)
                {
                    return TimeResult.Bad;
                }

                time = KyivTime.At(DateTimeOffset.FromUnixTimeSeconds(seconds));
                return TimeResult.Found;
            }

            if (m.TryGetProperty(name, out var d) && d.ValueKind == JsonValueKind.String)
            {
                if (!DateTime.TryParseExact(d.GetString(), "yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
                {
                    return TimeResult.Bad;
                }

                // The exporting machine's clock, zone unknown: kept as written.
                time = new DateTimeOffset(local, TimeSpan.Zero);
                return TimeResult.Found;
            }

            return TimeResult.None;
        }

        private static string Iso(DateTimeOffset t) => t.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

        private static string? Str(JsonElement m, string name) =>
            m.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(v.GetString()) ? v.GetString()!.Trim() : null;

        private static string? Raw(JsonElement m, string name) =>
            m.TryGetProperty(name, out var v) ? v.ValueKind == JsonValueKind.String ? v.GetString() : v.GetRawText() : null;

        private static void Put(ImmutableDictionary<string, string>.Builder meta, string key, string? value)
        {
            if (value is not null)
            {
                meta[key] = value.Length > 500 ? value[..500] : value;
            }
        }

        private static string Kind(JsonElement e) => e.ValueKind.ToString().ToLowerInvariant();

        private static string Clip(string? s) => s is null ? "" : s.Length > 40 ? s[..40] + "…" : s;

        private static string? FirstLine(string text)
        {
            var body = text.AsSpan().TrimStart();
            var nl = body.IndexOf('\n');
            var line = (nl < 0 ? body : body[..nl]).Trim();
            return line.Length == 0 ? null : line.Length > 300 ? line[..300].ToString() : line.ToString();
        }
    }
}
