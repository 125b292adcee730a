using System.Text;

namespace Sitrep.Ledger.Brief;

/// <summary>The brief's tab-separated word lists, embedded in the assembly (Brief/Lexicon/*.tsv).</summary>
internal static class LexiconFile
{
    /// <summary>
    /// The rows of Brief/Lexicon/<paramref name="file"/>, split at tabs, each with its line number; blank lines and
    /// lines starting with '#' are left out. <paramref name="what"/> names the list in the error when it is missing.
    /// </summary>
    public static IEnumerable<(int Line, string[] Cols)> Rows(string file, string what)
    {
        using var stream = typeof(LexiconFile).Assembly.GetManifestResourceStream("Sitrep.Ledger.Brief.Lexicon." + file)
                           ?? throw new InvalidOperationException($"The brief's {what} (Brief/Lexicon/{file}) are missing from the assembly.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var n = 0;
        while (reader.ReadLine() is { } line)
        {
            n++;
            if (line.Length > 0 && !line.StartsWith('#'))
            {
                yield return (n, line.Split('\t'));
            }
        }
    }
}
