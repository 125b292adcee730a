using System.Text;
using Sitrep.Cli.Commands;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace Sitrep.Cli.Tests.Ledger;

/// <summary>
/// The tables write their lines themselves (Spectre.Console's table layout started cold cost a short command tens of
/// milliseconds, and a stats table of 12,000 rows 1.5 s): each line must be what Spectre's borderless table draws with
/// the same widths, alignment and padding, byte for byte, plain and with the bold header. Seeded tables of every kind of
/// cell (wide and combining letters, emoji, spaces at either end, empty cells, control characters, long text to cut).
/// </summary>
public sealed class TableLayoutTests
{
    private static readonly string[] Cells =
    [
        "", " ", "Kyiv", "Odesa Oblast", "  two leading", "trailing  ", "a  double  space", "東京都 千代田区", "Ä̈ combining",
        "🚀 drone", "Shahed-136/Geran-2 (drone) 45/40", "1234567", "?", "—", "line\nbreak\tand tab", "esc\u001b[31m bell\a",
        "Novooleksandrivka-Zavodska; Pokrovsk; Kramatorsk; Sloviansk", "Σ", "2025-03-01n", "…", "ЗСУ Повітряні сили", "x",
    ];

    // Headers are the CLI's own words: letters, spaces, signs; never empty, never a control character.
    private static readonly string[] Headers = ["ID", "DATE", "WEAPONS (LAUNCHED/DOWN)", "PLACES", "Σ", "A  B", " LEAD", "東京", "RATE %"];

    [Fact]
    public void Lines_are_what_the_Spectre_table_draws_with_the_same_widths()
    {
        var random = new Random(1107);
        for (var n = 0; n < 400; n++)
        {
            var columns = Enumerable.Range(0, random.Next(1, 8)).Select(k => new TextTable.Column(
                Headers[random.Next(Headers.Length)],
                Right: random.Next(2) == 0, Flexible: random.Next(2) == 0, Min: random.Next(1, 8), Whole: random.Next(3) == 0, Optional: k > 0 && random.Next(4) == 0)).ToArray(); // a table always keeps a column
            var table = new TextTable(columns);
            for (var r = random.Next(0, 6); r > 0; r--)
            {
                table.Add([.. columns.Select(_ => Pick(random))]);
            }

            var width = random.Next(10, 161);
            foreach (var styled in new[] { false, true })
            {
                var expected = Spectre(table, width, styled);
                var actual = table.Render(width, styled);
                Assert.True(expected == actual, $"table {n}, width {width}, styled {styled}, columns {string.Join(" | ", columns.Select(c => c.ToString()))}, rows {string.Join(" / ", table.Rows.Select(r => string.Join(" | ", r)))}, layout {string.Join(",", table.Layout(width).Widths)}:\n{expected.Replace("\u001b", "^", StringComparison.Ordinal)}\n---\n{actual.Replace("\u001b", "^", StringComparison.Ordinal)}");
            }
        }
    }

    /// <summary>
    /// The widths the table measures itself (Spectre.Console is not loaded for a table on a pipe) are Spectre's: every
    /// UTF-16 unit alone (wide, combining, C1 controls, unpaired surrogates), and seeded strings of them with emoji
    /// (surrogate pairs) among them, without control characters: a cell never holds one (they are replaced first).
    /// </summary>
    [Fact]
    public void Cell_widths_are_what_Spectre_measures()
    {
        for (var c = 0x20; c <= char.MaxValue; c++)
        {
            if (c == 0x7F)
            {
                continue;
            }

            var one = ((char)c).ToString();
            Assert.True(one.GetCellWidth() == TextTable.CellWidth(one), $"U+{c:X4}: Spectre {one.GetCellWidth()}, table {TextTable.CellWidth(one)}");
        }

        var random = new Random(2203);
        for (var n = 0; n < 2000; n++)
        {
            var sb = new StringBuilder();
            for (var k = random.Next(1, 12); k > 0; k--)
            {
                sb.Append(random.Next(4) switch
                {
                    0 => char.ConvertFromUtf32(random.Next(0x1F300, 0x1FAFF)),
                    1 => Pick(random) is var cell && !cell.Any(char.IsControl) ? cell : "x",
                    2 => ((char)random.Next(0x20, 0x7F)).ToString(),
                    _ => ((char)random.Next(0xA0, 0xD800)).ToString(),
                });
            }

            var text = sb.ToString();
            Assert.True(text.GetCellWidth() == TextTable.CellWidth(text), $"'{text}': Spectre {text.GetCellWidth()}, table {TextTable.CellWidth(text)}");
            var cut = random.Next(1, 20);
            Assert.True(TextTable.CellWidth(TextTable.Cut(text, cut)) <= cut, $"'{text}' cut to {cut}");
        }
    }

    private static string Pick(Random random) => Cells[random.Next(Cells.Length)];

    /// <summary>The table drawn by Spectre.Console's <see cref="Table"/>, as the CLI drew it before (the reference).</summary>
    private static string Spectre(TextTable t, int width, bool styled)
    {
        const int Gap = 2;
        var (shown, widths) = t.Layout(width);
        var table = new Table { Border = TableBorder.None, ShowHeaders = true };
        for (var k = 0; k < shown.Count; k++)
        {
            var c = t.Columns[shown[k]];
            table.AddColumn(new TableColumn(new Text(TextTable.Cut(c.Header, widths[k]), styled ? new Style(decoration: Decoration.Bold) : Style.Plain))
            {
                Width = widths[k],
                NoWrap = true,
                Alignment = c.Right ? Justify.Right : Justify.Left,
                Padding = new Padding(0, 0, k < shown.Count - 1 ? Gap : 0, 0),
            });
        }

        foreach (var row in t.Rows)
        {
            table.AddRow(shown.Select((i, k) => (IRenderable)new Text(TextTable.Cut(row[i], widths[k]))));
        }

        var full = Math.Max(width, widths.Sum() + (Gap * (shown.Count - 1)));
        var segments = ((IRenderable)table).Render(new RenderOptions(new Plain(), new Size(full, 25)), full);
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

        static void EndLine(StringBuilder sb, StringBuilder line)
        {
            var text = line.ToString().TrimEnd(' ');
            line.Clear();
            if (text.Length > 0 || sb.Length > 0)
            {
                sb.Append(text).Append('\n');
            }
        }
    }

    private sealed class Plain : IReadOnlyCapabilities
    {
        public ColorSystem ColorSystem => ColorSystem.NoColors;

        public bool Ansi => false;

        public bool Links => false;

        public bool Legacy => false;

        public bool Interactive => false;

        public bool Unicode => true;

        public bool AlternateBuffer => false;
    }
}
