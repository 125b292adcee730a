using System.Reflection;

namespace Sitrep.Extraction.Text;

/// <summary>
/// Reads a lexicon data file embedded from a stage folder: tab-separated columns, '#' starts a comment,
/// blank lines ignored. Loaded once per stage type, at first use.
/// </summary>
public static class LexiconFile
{
    public static IReadOnlyList<string[]> Rows(string fileName)
    {
        var asm = typeof(LexiconFile).Assembly;
        using var stream = asm.GetManifestResourceStream("Sitrep.Lexicons." + fileName)
            ?? throw new InvalidOperationException($"Lexicon '{fileName}' is not embedded in {asm.GetName().Name}.");
        using var reader = new StreamReader(stream);
        var rows = new List<string[]>();
        while (reader.ReadLine() is { } line)
        {
            var hash = line.IndexOf('#', StringComparison.Ordinal);
            if (hash >= 0)
            {
                line = line[..hash];
            }

            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            rows.Add(line.Split('\t', StringSplitOptions.TrimEntries));
        }

        return rows;
    }

    /// <summary>
    /// The rows of a lexicon whose every row is <paramref name="valid"/> and whose <paramref name="key"/>s are all
    /// different; else it throws, naming the file and the row, when the stage is first used.
    /// </summary>
    public static IReadOnlyList<string[]> Rows(string fileName, Func<string[], bool> valid, Func<string[], string> key)
    {
        var rows = Rows(fileName);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            if (!valid(row) || !seen.Add(key(row)))
            {
                throw new InvalidOperationException($"{fileName}: bad or repeated row '{string.Join('\t', row)}'.");
            }
        }

        return rows;
    }
}
