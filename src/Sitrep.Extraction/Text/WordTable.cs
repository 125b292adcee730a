using System.Collections.Frozen;

namespace Sitrep.Extraction.Text;

/// <summary>
/// Words to values, where a lexicon word ending in <c>*</c> is a stem that matches every inflected form
/// ("збит*" finds збито, збили, збиті). Exact words win over stems; the longest stem wins among stems.
/// Immutable and thread-safe.
/// </summary>
public sealed class WordTable<T>
{
    private readonly FrozenDictionary<string, T> _exact;
    private readonly FrozenDictionary<string, T>.AlternateLookup<ReadOnlySpan<char>> _exactChars;
    private readonly WordMask _exactMask;
    private readonly (string Stem, T Value)[] _stems;
    private readonly FrozenDictionary<char, (string Stem, T Value)[]> _stemsByFirst;

    public WordTable(IEnumerable<(string Word, T Value)> rows)
    {
        var exact = new Dictionary<string, T>(StringComparer.Ordinal);
        var stems = new List<(string, T)>();
        foreach (var (word, value) in rows)
        {
            if (word.EndsWith('*'))
            {
                stems.Add((word[..^1], value));
            }
            else
            {
                exact.TryAdd(word, value);
            }
        }

        _exact = exact.ToFrozenDictionary(StringComparer.Ordinal);
        _exactChars = _exact.GetAlternateLookup<ReadOnlySpan<char>>();
        _exactMask = new WordMask(_exact.Keys);
        _stems = [.. stems.OrderByDescending(s => s.Item1.Length)];
        _stemsByFirst = _stems.Where(s => s.Stem.Length > 0).GroupBy(s => s.Stem[0]).ToFrozenDictionary(g => g.Key, g => g.ToArray());
    }

    public bool TryGetValue(string word, out T value) => TryGetValue(word.AsSpan(), out value);

    /// <summary>The value of a word given as characters (a part of one: "twenty" of "twenty-eight"), without making its string.</summary>
    public bool TryGetValue(ReadOnlySpan<char> word, out T value)
    {
        if (_exactMask.MayContain(word) && _exactChars.TryGetValue(word, out value!))
        {
            return true;
        }

        // Stems are for inflected languages; an ASCII word never needs the scan.
        if (_stems.Length > 0 && word.Length > 0 && word[0] > 127 && _stemsByFirst.TryGetValue(word[0], out var candidates))
        {
            // A stem that matches starts with the word's first letter; longest first, as in _stems.
            foreach (var (stem, v) in candidates)
            {
                if (word.StartsWith(stem, StringComparison.Ordinal))
                {
                    value = v;
                    return true;
                }
            }
        }

        value = default!;
        return false;
    }

    public bool Contains(string word) => TryGetValue(word, out _);

    /// <summary>The table's exact words (its stems left out).</summary>
    public IEnumerable<string> ExactWords => _exact.Keys;
}
