using System.Text;
using Wcwidth;

namespace Sitrep.Cli.Commands;

/// <summary>
/// A table of one line per row that fits a width, without borders: each column takes its natural width (in terminal
/// cells, as Spectre.Console measures them: <see cref="CellWidth"/>),
/// and when the total is too wide the flexible ones (long text) shrink first, then the others, down to their minimum;
/// a <see cref="Column.Whole"/> column (dates, ids, figures) never cuts a value, only its header; when even that is too
/// wide, <see cref="Column.Optional"/> columns (what another column shows too) are left out, the last first. Cut cells
/// end in "…".
/// Plain text (no escape sequence) unless <c>styled</c>, which makes the header bold.
/// </summary>
internal sealed class TextTable(params TextTable.Column[] columns)
{
    private const int Gap = 2;

    private readonly List<string[]> _rows = [];

    private readonly List<int[]> _cellWidths = [];

    /// <param name="Flexible">Shrinks first when the table is too wide.</param>
    /// <param name="Whole">Its values are never cut (the column is at least as wide as the widest), only its header.</param>
    /// <param name="Optional">Left out when the table cannot fit the width with it.</param>
    public sealed record Column(string Header, bool Right = false, bool Flexible = false, int Min = 4, bool Whole = false, bool Optional = false);

    public int Count => _rows.Count;

    /// <summary>The columns, as given.</summary>
    internal IReadOnlyList<Column> Columns => columns;

    /// <summary>The rows' cells as stored: control characters replaced, not yet cut.</summary>
    internal IReadOnlyList<string[]> Rows => _rows;

    public void Add(params string?[] cells)
    {
        string[] row = [.. cells.Select(c => Clean(c ?? ""))];
        _rows.Add(row);
        _cellWidths.Add([.. row.Select(CellWidth)]);
    }

    /// <summary>The table as plain text, fitted to <paramref name="width"/>.</summary>
    public void Write(TextWriter w, int width) => w.Write(Render(width, styled: false));

    /// <summary>The table on standard output, fitted to the console's width (or <paramref name="width"/> when narrower).</summary>
    public void Write(CliConsole console, int? width = null)
    {
        var fit = Math.Min(width ?? console.Width, console.Width);
        if (console.Styled)
        {
            console.WriteStyled(Render(fit, styled: true));
        }
        else
        {
            console.Out.Write(Render(fit, styled: false));
        }
    }

    internal string Render(int width, bool styled)
    {
        var (shown, widths) = Layout(width);
        var sb = new StringBuilder();
        AppendLine(sb, shown, widths, k => columns[shown[k]].Header, bold: styled);
        foreach (var row in _rows)
        {
            AppendLine(sb, shown, widths, k => row[shown[k]], bold: false);
        }

        // No blank line before the first or after the last.
        return sb.ToString().TrimStart('\n').TrimEnd('\n') + "\n";
    }

    /// <summary>The columns shown (an optional one left out when the rest cannot fit without it) and their widths.</summary>
    internal (List<int> Shown, int[] Widths) Layout(int width)
    {
        var shown = Enumerable.Range(0, columns.Length).ToList();
        var widths = Fit(shown, width);
        while (widths.Sum() + (Gap * (shown.Count - 1)) > width && shown.FindLastIndex(i => columns[i].Optional) is var last and >= 0)
        {
            shown.RemoveAt(last);
            widths = Fit(shown, width);
        }

        return (shown, widths);
    }

    /// <summary>
    /// One line: each cell cut to its column's width and padded to it (on the left when the column is right-aligned), two
    /// spaces between columns, none after the last text. The widths are chosen and the cells cut here, so the line is
    /// written directly: a row is one line, never wrapped. Bold around a cell's text when <paramref name="bold"/>.
    /// </summary>
    private void AppendLine(StringBuilder sb, List<int> shown, int[] widths, Func<int, string> cell, bool bold)
    {
        var start = sb.Length;
        for (var k = 0; k < shown.Count; k++)
        {
            var text = Cut(cell(k), widths[k]);
            var pad = widths[k] - CellWidth(text);
            var right = columns[shown[k]].Right;
            if (right)
            {
                sb.Append(' ', pad);
            }

            if (bold)
            {
                AppendBold(sb, text);
            }
            else
            {
                sb.Append(text);
            }
            if (!right)
            {
                sb.Append(' ', pad);
            }

            if (k < shown.Count - 1)
            {
                sb.Append(' ', Gap);
            }
        }

        var end = sb.Length;
        while (end > start && sb[end - 1] == ' ')
        {
            end--;
        }

        sb.Length = end;
        sb.Append('\n');
    }

    /// <summary>Each word bold, the spaces between them not (as Spectre.Console writes a styled line's words).</summary>
    private static void AppendBold(StringBuilder sb, string text)
    {
        var i = 0;
        while (i < text.Length)
        {
            var j = i;
            var space = text[i] == ' ';
            while (j < text.Length && (text[j] == ' ') == space)
            {
                j++;
            }

            if (space)
            {
                sb.Append(text, i, j - i);
            }
            else
            {
                sb.Append("\u001b[1m").Append(text, i, j - i).Append("\u001b[22m");
            }

            i = j;
        }
    }

    private int Widest(int column) => _cellWidths.Count == 0 ? 0 : _cellWidths.Max(r => r[column]);

    /// <summary>
    /// Terminal cells: one per character of printable ASCII, else what Wcwidth's table gives each character (2 wide, 0
    /// combining), as Spectre.Console measures a string (its <c>GetCellWidth</c>, the same table, reached directly here:
    /// Spectre's measure first fills its cache of every character's width, tens of methods for the JIT at each start).
    /// </summary>
    internal static int CellWidth(string text)
    {
        if (Ascii.IsValid(text))
        {
            return text.Length;
        }

        var sum = 0;
        foreach (var rune in text.EnumerateRunes())
        {
            sum += RuneWidth(rune);
        }

        return sum;
    }

    /// <summary>
    /// One character's cells, as Spectre.Console counts them: a line break one, an unpaired surrogate (read as U+FFFD)
    /// one, a control character -1, as Wcwidth gives it.
    /// </summary>
    private static int RuneWidth(Rune rune) => rune.Value is >= 0x20 and < 0x7F or '\n' ? 1 : UnicodeCalculator.GetWidth(rune);

    /// <summary>The widths of the <paramref name="shown"/> columns: natural, then shrunk towards <paramref name="width"/>.</summary>
    private int[] Fit(List<int> shown, int width)
    {
        var widths = shown.Select(i => Math.Max(CellWidth(columns[i].Header), Widest(i))).ToArray();
        var gaps = Gap * (shown.Count - 1);
        var mins = shown.Select((i, k) => columns[i].Whole ? Math.Max(Math.Min(columns[i].Min, widths[k]), Widest(i)) : columns[i].Min).ToArray();
        foreach (var flexibleFirst in new[] { true, false })
        {
            while (widths.Sum() + gaps > width)
            {
                // Take one cell from the widest column that may still shrink.
                var best = -1;
                for (var i = 0; i < widths.Length; i++)
                {
                    var min = Math.Max(mins[i], flexibleFirst ? 0 : 1);
                    if ((!flexibleFirst || columns[shown[i]].Flexible) && widths[i] > min && (best < 0 || widths[i] > widths[best]))
                    {
                        best = i;
                    }
                }

                if (best < 0)
                {
                    break;
                }

                widths[best]--;
            }
        }

        return widths;
    }

    /// <summary>The text in at most <paramref name="width"/> terminal cells: whole, or its start and "…".</summary>
    internal static string Cut(string text, int width)
    {
        if (CellWidth(text) <= width)
        {
            return text;
        }

        var sb = new StringBuilder();
        var used = 0;
        Span<char> units = stackalloc char[2];
        foreach (var rune in text.EnumerateRunes())
        {
            var w = RuneWidth(rune);
            if (used + w > width - 1)
            {
                break;
            }

            sb.Append(units[..rune.EncodeToUtf16(units)]);
            used += w;
        }

        return sb.Append('…').ToString();
    }

    /// <summary>Line breaks and tabs become spaces; other control characters (a report's escape or bell) U+FFFD.</summary>
    private static string Clean(string s) => string.Create(s.Length, s, (span, text) =>
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            span[i] = c is '\n' or '\r' or '\t' ? ' ' : TerminalSafeWriter.IsControl(c) ? '\uFFFD' : c;
        }
    });
}
