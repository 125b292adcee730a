using System.Globalization;
using System.Text.Json;

namespace Sitrep.Ingest.Readers;

/// <summary>
/// The tokenizer under <see cref="TelegramExportReader"/>: reads a Telegram export's stream in blocks with
/// <see cref="Utf8JsonReader"/>, takes the chat's <c>name</c>, <c>type</c> and <c>id</c> before <c>messages</c>, then
/// hands over one message at a time as its own small <see cref="JsonDocument"/>. Only the block being read and one
/// message are in memory; a message longer than the block grows it, up to the cap. Not thread-safe; one per stream.
/// </summary>
internal sealed class TelegramStreamParser(Stream stream, long maxMessageBytes)
{
    private const int BlockBytes = 64 * 1024;

    private byte[] _buffer = new byte[BlockBytes];
    private int _start;
    private int _end;
    private bool _eof;
    private bool _started;
    private long _offset;
    private JsonReaderState _state = new(new JsonReaderOptions { MaxDepth = 64 });
    private Phase _phase;
    private string? _broken;

    public enum Step
    {
        /// <summary>The chat's fields are read (<see cref="ChatName"/>, …) and its messages begin.</summary>
        Header,
        /// <summary>A message, as a document the caller disposes.</summary>
        Message,
        /// <summary>An item of <c>messages</c> that is not an object (counted as a message that could not be read).</summary>
        NotAnObject,
        /// <summary>The end of <c>messages</c>, or of the top-level object.</summary>
        End,
        /// <summary>The JSON went wrong or broke off, or the stream could not be read: nothing more is read.</summary>
        Broken,
        Continue,
    }

    private enum Phase
    {
        Start,
        Top,
        Messages,
        Done,
    }

    public string? ChatName { get; private set; }

    public string? ChatType { get; private set; }

    public string? ChatId { get; private set; }

    public bool SawMessages { get; private set; }

    /// <summary>Items of <c>messages</c> handed over so far.</summary>
    public long MessagesSeen { get; private set; }

    public Step Next(out JsonDocument? message)
    {
        message = null;
        while (_phase != Phase.Done)
        {
            if (!_started && !Start())
            {
                return Step.Broken;
            }

            // Never the final block: data that ends part-way is "need more", and at the end of the file, cut short.
            var reader = new Utf8JsonReader(_buffer.AsSpan(_start, _end - _start), isFinalBlock: false, _state);
            Step? step;
            try
            {
                step = TryStep(ref reader, out message);
            }
            catch (JsonException e)
            {
                return Stop("SR009", $"its JSON is not valid: {JsonReportReader.FirstSentence(e.Message)}, near byte {TelegramExportReader.N(_offset + reader.BytesConsumed + 1)}{Where()}");
            }
            catch (InvalidOperationException)
            {
                return Stop("SR009", $"its JSON holds text that is not valid Unicode (an escaped half of a surrogate pair), near byte {TelegramExportReader.N(_offset + reader.BytesConsumed + 1)}{Where()}");
            }

            if (step is { } s)
            {
                _start += (int)reader.BytesConsumed;
                _offset += reader.BytesConsumed;
                _state = reader.CurrentState;
                if (s == Step.Broken)
                {
                    return Stop("SR009", _broken!);
                }

                if (s is Step.Message or Step.NotAnObject)
                {
                    MessagesSeen++;
                }

                if (s != Step.Continue)
                {
                    return s;
                }

                continue;
            }

            if (_eof)
            {
                return Stop("SR009", $"it ends part-way{Where()} (the file was cut short, or is still being written)");
            }

            if (!Fill())
            {
                return Step.Broken;
            }
        }

        return Step.End;
    }

    /// <summary>What broke the export, once <see cref="Next"/> gave <see cref="Step.Broken"/>: a catalogue code and a reason.</summary>
    public (string Code, string Reason)? Problem { get; private set; }

    private Step Stop(string code, string reason)
    {
        _phase = Phase.Done;
        Problem = (code, reason);
        return Step.Broken;
    }

    private string Where() => _phase == Phase.Messages ? $" in message {TelegramExportReader.N(MessagesSeen + 1)} of the export" : "";

    /// <summary>One step from the reader's position; null when the block ends first (read more and try again from the same place).</summary>
    private Step? TryStep(ref Utf8JsonReader reader, out JsonDocument? message)
    {
        message = null;
        if (!reader.Read())
        {
            return null;
        }

        switch (_phase)
        {
            case Phase.Start:
                if (reader.TokenType != JsonTokenType.StartObject)
                {
                    _broken = $"its top level is a {reader.TokenType.ToString().ToLowerInvariant()}, not the object of a single-chat export";
                    return Step.Broken;
                }

                _phase = Phase.Top;
                return Step.Continue;

            case Phase.Top:
                if (reader.TokenType == JsonTokenType.EndObject)
                {
                    _phase = Phase.Done;
                    return Step.End;
                }

                var name = reader.GetString();
                if (!reader.Read())
                {
                    return null;
                }

                if (name == "messages")
                {
                    if (reader.TokenType != JsonTokenType.StartArray)
                    {
                        _broken = "its 'messages' is not an array";
                        return Step.Broken;
                    }

                    SawMessages = true;
                    _phase = Phase.Messages;
                    return Step.Header;
                }

                switch (name)
                {
                    case "name" when reader.TokenType == JsonTokenType.String:
                        ChatName = reader.GetString();
                        break;
                    case "type" when reader.TokenType == JsonTokenType.String:
                        ChatType = reader.GetString();
                        break;
                    case "id" when reader.TokenType is JsonTokenType.Number or JsonTokenType.String:
                        ChatId = reader.TokenType == JsonTokenType.Number
                            ? (reader.TryGetInt64(out var n) ? n.ToString(CultureInfo.InvariantCulture) : null)
                            : reader.GetString();
                        break;
                    default:
                        if (!reader.TrySkip())
                        {
                            return null;
                        }

                        break;
                }

                return Step.Continue;

            case Phase.Messages:
                switch (reader.TokenType)
                {
                    case JsonTokenType.EndArray:
                        _phase = Phase.Done;
                        return Step.End;
                    case JsonTokenType.StartObject:
                        var probe = reader;
                        if (!probe.TrySkip())
                        {
                            return null;
                        }

                        message = JsonDocument.ParseValue(ref reader);
                        return Step.Message;
                    default:
                        return reader.TrySkip() ? Step.NotAnObject : null;
                }

            default:
                return Step.End;
        }
    }

    private bool Start()
    {
        _started = true;
        while (!_eof && _end < 3)
        {
            if (!Fill())
            {
                return false;
            }
        }

        if (_end >= 3 && _buffer[0] == 0xEF && _buffer[1] == 0xBB && _buffer[2] == 0xBF)
        {
            _start = 3;
            _offset = 3;
        }

        return true;
    }

    /// <summary>Keeps the unread bytes, growing the block when one message fills it, and reads more after them.</summary>
    private bool Fill()
    {
        if (_start > 0)
        {
            Buffer.BlockCopy(_buffer, _start, _buffer, 0, _end - _start);
            _end -= _start;
            _start = 0;
        }

        if (_end == _buffer.Length)
        {
            if (_buffer.Length >= maxMessageBytes)
            {
                Stop("SR005", $"message {TelegramExportReader.N(MessagesSeen + 1)} of the export is over {maxMessageBytes / (1024 * 1024)} MB (a message is a few KB)");
                return false;
            }

            Array.Resize(ref _buffer, (int)Math.Min(Math.Min((long)_buffer.Length * 2, maxMessageBytes), Array.MaxLength));
        }

        try
        {
            var n = stream.Read(_buffer, _end, _buffer.Length - _end);
            if (n == 0)
            {
                _eof = true;
            }

            _end += n;
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Stop("SR006", $"{e.Message.TrimEnd('.')} (after byte {TelegramExportReader.N(_offset + _end)})");
            return false;
        }
    }
}
