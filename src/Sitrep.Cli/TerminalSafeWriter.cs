using System.Buffers;
using System.Text;

namespace Sitrep.Cli;

/// <summary>
/// A writer for a terminal: control characters from untrusted text (an escape sequence or a bell in a report's title
/// or a file's name) are shown as U+FFFD instead of reaching the terminal, which would run them. Tab, line feed and
/// carriage return (the progress line's redraw) pass.
/// </summary>
internal sealed class TerminalSafeWriter(TextWriter inner) : TextWriter
{
    private static readonly SearchValues<char> Controls = SearchValues.Create(
        [.. Enumerable.Range(0, 0x20).Where(c => c is not ('\t' or '\n' or '\r')).Concat(Enumerable.Range(0x7F, 0x21)).Select(c => (char)c)]);

    public override Encoding Encoding => inner.Encoding;

    public override IFormatProvider FormatProvider => inner.FormatProvider;

    public override string NewLine
    {
        get => inner.NewLine;
#pragma warning disable CS8765 // the base allows null
        set => inner.NewLine = value;
#pragma warning restore CS8765
    }

    public static bool IsControl(char c) => Controls.Contains(c);

    public override void Write(char value) => inner.Write(IsControl(value) ? '\uFFFD' : value);

    public override void Write(string? value) => Write(value.AsSpan());

    public override void Write(char[] buffer, int index, int count) => Write(buffer.AsSpan(index, count));

    public override void Write(ReadOnlySpan<char> buffer)
    {
        while (buffer.Length > 0)
        {
            var i = buffer.IndexOfAny(Controls);
            if (i < 0)
            {
                inner.Write(buffer);
                return;
            }

            inner.Write(buffer[..i]);
            inner.Write('\uFFFD');
            buffer = buffer[(i + 1)..];
        }
    }

    /// <summary>Text whose control characters the CLI chose itself (a style's escape sequence), as it is.</summary>
    public void WriteUnfiltered(string text) => inner.Write(text);

    public override void WriteLine(string? value)
    {
        Write(value);
        inner.WriteLine();
    }

    public override void Flush() => inner.Flush();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }

        base.Dispose(disposing);
    }
}
