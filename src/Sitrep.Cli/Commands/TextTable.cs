using System.Text;

namespace Sitrep.Cli.Commands;

/// <summary>
/// A plain-text table that fits a width: columns take their natural width, and when the total is too wide the
/// flexible ones (long text) shrink first, then the others, down to their minimum; cut cells end in "…".
/// </summary>
internal sealed class TextTable(params TextTable.Column[] columns)
{
    private readonly List<string[]> _rows = [];

    /// <param name="Flexible">Shrinks first when the table is too wide.</param>
    public sealed record Column(string Header, bool Right = false, bool Flexible = false, int Min = 4);

    public int Count => _rows.Count;

    public void Add(params string?[] cells) => _rows.Add([.. cells.Select(c => Clean(c ?? ""))]);

    public void Write(TextWriter w, int width)
    {
        var widths = columns.Select((c, i) => Math.Max(c.Header.Length, _rows.Count == 0 ? 0 : _rows.Max(r => r[i].Length))).ToArray();
        Fit(widths, width);
        w.WriteLine(Line(columns.Select(c => c.Header).ToArray(), widths).TrimEnd());
        foreach (var row in _rows)
        {
            w.WriteLine(Line(row, widths).TrimEnd());
        }
    }

    private void Fit(int[] widths, int width)
    {
        var gaps = 2 * (columns.Length - 1);
        foreach (var flexibleFirst in new[] { true, false })
        {
            while (widths.Sum() + gaps > width)
            {
                // Take one character from the widest column that may still shrink.
                var best = -1;
                for (var i = 0; i < widths.Length; i++)
                {
                    var min = Math.Max(columns[i].Min, flexibleFirst ? 0 : 1);
                    if ((!flexibleFirst || columns[i].Flexible) && widths[i] > min && (best < 0 || widths[i] > widths[best]))
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
    }

    private string Line(string[] cells, int[] widths)
    {
        var sb = new StringBuilder();
        for (var i = 0; i < cells.Length; i++)
        {
            if (i > 0)
            {
                sb.Append("  ");
            }

            var cell = cells[i].Length > widths[i] ? cells[i][..Math.Max(0, widths[i] - 1)] + "…" : cells[i];
            sb.Append(columns[i].Right ? cell.PadLeft(widths[i]) : cell.PadRight(widths[i]));
        }

        return sb.ToString();
    }

    private static string Clean(string s) => s.Replace('\n', ' ').Replace('\r', ' ').Replace('\t', ' ');
}
