using System.Text;
using Spectre.Console;

namespace Sitrep.Cli.Commands;

/// <summary>
/// A table of one line per row that fits a width, drawn by Spectre.Console's <see cref="Table"/> without borders. This
/// adapter only chooses the column widths: each takes its natural width (in terminal cells, as Spectre measures them),
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
        var shown = Enumerable.Range(0, columns.Length).ToList();
        var widths = Fit(shown, width);
        while (widths.Sum() + (Gap * (shown.Count - 1)) > width && shown.FindLastIndex(i => columns[i].Optional) is var last and >= 0)
        {
            shown.RemoveAt(last);
            widths = Fit(shown, width);
        }

        var table = new Table { Border = TableBorder.None, ShowHeaders = true };
        for (var k = 0; k < shown.Count; k++)
        {
            var c = columns[shown[k]];
            table.AddColumn(new TableColumn(new Text(Cut(c.Header, widths[k]), styled ? new Style(decoration: Decoration.Bold) : Style.Plain))
            {
                Width = widths[k],
                NoWrap = true,
                Alignment = c.Right ? Justify.Right : Justify.Left,
                Padding = new Padding(0, 0, k < shown.Count - 1 ? Gap : 0, 0),
            });
        }

        foreach (var row in _rows)
        {
            // Cut here, not by Spectre: its text wraps at spaces, and a row is one line.
            table.AddRow(shown.Select((i, k) => (Spectre.Console.Rendering.IRenderable)new Text(Cut(row[i], widths[k]))));
        }

        // Segments straight from the table (no console to detect): wide enough for the widths chosen above, so that
        // Spectre never cuts further (it would cut every column alike). Bold is the one style written.
        var full = Math.Max(width, widths.Sum() + (Gap * (shown.Count - 1)));
        var segments = ((Spectre.Console.Rendering.IRenderable)table).Render(new Spectre.Console.Rendering.RenderOptions(new PlainCapabilities(), new Size(full, 25)), full);
        var sb = new StringBuilder();
        var line = new StringBuilder();
        foreach (var segment in segments)
        {
            if (segment.IsLineBreak)
            {
                EndLine(sb, line);
                continue;
            }

            var bold = styled && segment.Style.Decoration.HasFlag(Decoration.Bold) && !segment.IsWhiteSpace;
            line.Append(bold ? "\u001b[1m" : "").Append(segment.Text).Append(bold ? "\u001b[22m" : "");
        }

        EndLine(sb, line);
        return sb.ToString().TrimEnd('\n') + "\n";
    }

    private int Widest(int column) => _cellWidths.Count == 0 ? 0 : _cellWidths.Max(r => r[column]);

    /// <summary>Terminal cells: one per character of printable ASCII, else as Spectre measures them (wide, combining).</summary>
    private static int CellWidth(string text) => Ascii.IsValid(text) ? text.Length : text.GetCellWidth();

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
        foreach (var rune in text.EnumerateRunes())
        {
            var w = rune.IsAscii ? 1 : rune.ToString().GetCellWidth();
            if (used + w > width - 1)
            {
                break;
            }

            sb.Append(rune.ToString());
            used += w;
        }

        return sb.Append('…').ToString();
    }

    /// <summary>The line without the padding after its last cell; no blank line before the first.</summary>
    private static void EndLine(StringBuilder sb, StringBuilder line)
    {
        var text = line.ToString().TrimEnd(' ');
        line.Clear();
        if (text.Length > 0 || sb.Length > 0)
        {
            sb.Append(text).Append('\n');
        }
    }

    /// <summary>What the segments are drawn for: Unicode text, no escapes (the bold header is written by this table).</summary>
    private sealed class PlainCapabilities : IReadOnlyCapabilities
    {
        public ColorSystem ColorSystem => ColorSystem.NoColors;

        public bool Ansi => false;

        public bool Links => false;

        public bool Legacy => false;

        public bool Interactive => false;

        public bool Unicode => true;

        public bool AlternateBuffer => false;
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
