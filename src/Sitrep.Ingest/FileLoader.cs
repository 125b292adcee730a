using System.Text;

namespace Sitrep.Ingest;

/// <summary>
/// Reads a file's bytes as UTF-8 text with the checks every input gets: exists, not empty, not too large,
/// not binary, valid UTF-8. Never throws; the error says what to do.
/// </summary>
public static class FileLoader
{
    /// <summary>The largest single report accepted (a report is a few KB; 50 MB is a mistake).</summary>
    public const long DefaultMaxBytes = 16L * 1024 * 1024;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private static readonly AsyncLocal<Func<Stream>?> StandardInputOverride = new();

    /// <summary>
    /// Where <see cref="ReportInputs.StandardInput"/> reads from: the console's, unless this flow of work (and the tasks it
    /// starts after) was given its own, as <c>sitrep ingest</c> gives a stream that a stop ends, or a test its bytes.
    /// Set per flow, so one command's stream is never read by another running beside it in the same process.
    /// </summary>
    public static Func<Stream> OpenStandardInput
    {
        get => StandardInputOverride.Value ?? Console.OpenStandardInput;
        set => StandardInputOverride.Value = value;
    }

    /// <summary>
    /// Reads a file (or, for <c>-</c>, standard input) as UTF-8 text, counting bytes against <paramref name="maxBytes"/>
    /// as they are read: a link is checked at its target, a FIFO, device or socket is refused without being opened.
    /// </summary>
    public static (string? Text, ReadError? Error) ReadText(string path, long maxBytes = DefaultMaxBytes)
    {
        byte[] bytes;
        if (path == ReportInputs.StandardInput)
        {
            try
            {
                using var stdin = OpenStandardInput();
                var read = ReadCapped(stdin, path, 0, maxBytes);
                if (read.Error is not null)
                {
                    return (null, read.Error);
                }

                return read.Bytes!.Length == 0 ? (null, ErrorCatalogue.Empty(path)) : Decode(path, read.Bytes);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                return (null, ErrorCatalogue.Unreadable(path, e.Message));
            }
        }

        try
        {
            var info = new FileInfo(path);
            if (info.LinkTarget is not null)
            {
                // The file a link leads to is what is checked and read: a link to a FIFO or a device is refused like one.
                if (info.ResolveLinkTarget(returnFinalTarget: true) is not FileInfo target || !target.Exists)
                {
                    return (null, ErrorCatalogue.DanglingLink(path, info.LinkTarget));
                }

                info = target;
            }

            if (!info.Exists)
            {
                return (null, ErrorCatalogue.NotFound(path));
            }

            if (info.Length == 0)
            {
                // A device, FIFO or socket stats as length 0: it is never opened (a FIFO blocks the open, /dev/zero never ends).
                return (null, ErrorCatalogue.NoLength(path));
            }

            if (info.Length > maxBytes)
            {
                return (null, ErrorCatalogue.TooLarge(path, info.Length, maxBytes));
            }

            // Counted: a file that grows after its length was read is still cut at the cap.
            using var stream = new FileStream(info.FullName, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 1, FileOptions.SequentialScan);
            var read = ReadCapped(stream, path, info.Length, maxBytes);
            if (read.Error is not null)
            {
                return (null, read.Error);
            }

            bytes = read.Bytes!;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return (null, ErrorCatalogue.Unreadable(path, e.Message));
        }

        return Decode(path, bytes);
    }

    private static (byte[]? Bytes, ReadError? Error) ReadCapped(Stream stream, string path, long expected, long maxBytes)
    {
        using var content = new MemoryStream((int)Math.Min(Math.Max(expected, 4096), maxBytes));
        var chunk = new byte[64 * 1024];
        for (int n; (n = stream.Read(chunk)) > 0;)
        {
            if (content.Length + n > maxBytes)
            {
                return (null, ErrorCatalogue.TooLarge(path, content.Length + n, maxBytes));
            }

            content.Write(chunk, 0, n);
        }

        return (content.ToArray(), null);
    }

    public static (string? Text, ReadError? Error) Decode(string path, ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length == 0 || bytes.Trim((byte)' ').Trim("\r\n\t"u8).IsEmpty)
        {
            return (null, ErrorCatalogue.Empty(path));
        }

        if (LooksBinary(bytes))
        {
            return (null, ErrorCatalogue.Binary(path));
        }

        if (bytes.Length >= 2 && ((bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF)))
        {
            return (null, ErrorCatalogue.NotUtf8(path, "UTF-16"));
        }

        try
        {
            return (StrictUtf8.GetString(bytes), null);
        }
        catch (DecoderFallbackException)
        {
            return (null, DamagedUtf8(bytes) is { } damage
                ? ErrorCatalogue.DamagedUtf8(path, damage.Bad, damage.AtEnd)
                : ErrorCatalogue.NotUtf8(path, GuessEncoding(bytes)));
        }
    }

    /// <summary>NUL bytes, or many control characters in the first 8 KB, mean binary.</summary>
    private static bool LooksBinary(ReadOnlySpan<byte> bytes)
    {
        var head = bytes[..Math.Min(bytes.Length, 8192)];
        if (head.Length >= 2 && ((head[0] == 0xFF && head[1] == 0xFE) || (head[0] == 0xFE && head[1] == 0xFF)))
        {
            return false;
        }

        var control = 0;
        foreach (var b in head)
        {
            if (b == 0)
            {
                return true;
            }

            if (b < 32 && b is not (9 or 10 or 12 or 13))
            {
                control++;
            }
        }

        return control > head.Length / 20 + 1;
    }

    /// <summary>
    /// Whether bytes that are not valid UTF-8 are UTF-8 all the same, cut or damaged in places: more well-formed
    /// multi-byte characters than bad sequences (a single-byte encoding's Cyrillic or accents rarely form one). Then
    /// converting from another encoding would garble it; null when the bytes look like another encoding.
    /// </summary>
    private static (int Bad, bool AtEnd)? DamagedUtf8(ReadOnlySpan<byte> bytes)
    {
        var good = 0;
        var bad = 0;
        var atEnd = false;
        while (!bytes.IsEmpty)
        {
            var status = System.Text.Rune.DecodeFromUtf8(bytes, out _, out var used);
            if (status == System.Buffers.OperationStatus.Done)
            {
                if (used > 1)
                {
                    good++;
                }
            }
            else
            {
                bad++;
                atEnd = status == System.Buffers.OperationStatus.NeedMoreData;
            }

            bytes = bytes[Math.Max(used, 1)..];
        }

        return bad > 0 && good > bad ? (bad, atEnd) : null;
    }

    private static string GuessEncoding(ReadOnlySpan<byte> bytes)
    {
        // Cyrillic single-byte text has many bytes in 0xC0–0xFF: windows-1251 is the usual culprit.
        var high = 0;
        foreach (var b in bytes)
        {
            if (b >= 0xC0)
            {
                high++;
            }
        }

        return high > bytes.Length / 10 ? "WINDOWS-1251" : "ISO-8859-1";
    }
}
