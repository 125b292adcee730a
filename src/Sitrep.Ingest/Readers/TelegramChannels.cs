using System.Collections.Frozen;
using System.Globalization;

namespace Sitrep.Ingest.Readers;

/// <summary>
/// The public usernames of Telegram chats, which a single-chat export does not record: one username for every export
/// (<c>--channel NAME</c>), or a mapping file naming each chat by its numeric id or its name as the export gives them.
/// A message's URL is <c>https://t.me/&lt;username&gt;/&lt;id&gt;</c> when its chat's username is known.
/// <para>
/// The mapping file is UTF-8 text, one chat a line: the chat's id or name, then whitespace, then the username (its last
/// word, with or without '@' or <c>https://t.me/</c>); blank lines and lines starting with '#' are ignored.
/// </para>
/// Immutable and thread-safe.
/// </summary>
public sealed class TelegramChannels
{
    private readonly string? _everyExport;
    private readonly FrozenDictionary<string, string> _byKey;

    private TelegramChannels(string? everyExport, Dictionary<string, string> byKey)
    {
        _everyExport = everyExport;
        _byKey = byKey.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>No usernames known: channels get <c>https://t.me/c/&lt;chat id&gt;/&lt;id&gt;</c> URLs.</summary>
    public static TelegramChannels None { get; } = new(null, []);

    /// <summary>One username for every export read.</summary>
    public static TelegramChannels Every(string username) =>
        TryUsername(username, out var u) ? new TelegramChannels(u, []) : throw new ArgumentException(BadUsername(username), nameof(username));

    /// <summary>
    /// Reads <c>--channel</c>'s value: a username (<c>name</c>, <c>@name</c>, <c>https://t.me/name</c>) or the path of a
    /// mapping file. Null and an error sentence that says what to write when it is neither.
    /// </summary>
    public static TelegramChannels? TryParseOption(string value, out string? error)
    {
        error = null;
        if (TryUsername(value, out var username) && !File.Exists(value))
        {
            return new TelegramChannels(username, []);
        }

        if (File.Exists(value))
        {
            return TryReadMapping(value, out error);
        }

        error = value.Contains('/', StringComparison.Ordinal) || value.Contains('.', StringComparison.Ordinal)
            ? $"the mapping file '{value}' does not exist. Check the path, or give the channel's username (letters, digits and '_')."
            : BadUsername(value);
        return null;
    }

    /// <summary>Reads a mapping file; null and a sentence naming the line when a line cannot be read.</summary>
    public static TelegramChannels? TryReadMapping(string path, out string? error)
    {
        error = null;
        string[] lines;
        try
        {
            lines = File.ReadAllLines(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            error = $"the mapping file '{path}' could not be read: {e.Message}";
            return null;
        }

        var map = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var cut = line.LastIndexOfAny([' ', '\t']);
            if (cut < 0 || !TryUsername(line[(cut + 1)..], out var username))
            {
                error = $"line {(i + 1).ToString(CultureInfo.InvariantCulture)} of the mapping file '{path}' is not 'CHAT-ID-OR-NAME USERNAME' (e.g. '1234567890 my_channel'): '{Clip(line)}'.";
                return null;
            }

            map[line[..cut].Trim()] = username;
        }

        return new TelegramChannels(null, map);
    }

    /// <summary>The username of a chat, by its id (digits, or <c>channel123</c> as <c>from_id</c> writes it) or its name.</summary>
    public string? UsernameOf(string? chatId, string? chatName)
    {
        if (_everyExport is not null)
        {
            return _everyExport;
        }

        if (chatId is not null && (_byKey.TryGetValue(chatId, out var u) || _byKey.TryGetValue("channel" + chatId, out u)))
        {
            return u;
        }

        return chatName is not null && _byKey.TryGetValue(chatName.Trim(), out u) ? u : null;
    }

    /// <summary>A Telegram username: a letter, then letters, digits and '_', 4 to 32 in all; '@' and <c>https://t.me/</c> dropped.</summary>
    public static bool TryUsername(string value, out string username)
    {
        var s = value.Trim();
        foreach (var prefix in (string[])["https://t.me/", "http://t.me/", "t.me/", "@"])
        {
            if (s.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            {
                s = s[prefix.Length..].TrimEnd('/');
                break;
            }
        }

        username = s;
        if (s.Length is < 4 or > 32 || !char.IsAsciiLetter(s[0]))
        {
            return false;
        }

        foreach (var c in s)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c != '_')
            {
                return false;
            }
        }

        return true;
    }

    private static string BadUsername(string value) =>
        $"'{Clip(value)}' is not a Telegram channel username (a letter, then letters, digits and '_', 4 to 32 in all, as in t.me/NAME) nor an existing mapping file.";

    private static string Clip(string s) => s.Length > 60 ? s[..60] + "…" : s;
}
