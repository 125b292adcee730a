using System.Collections.Frozen;

namespace Sitrep.Extraction.Text;

/// <summary>
/// An immutable set of lowercase words with fast membership, shared across threads. Most words a scan asks about
/// are not in the set: a word whose length or first letter no word of the set has is answered without the frozen
/// set (event assembly asks several sets about every token of a sentence).
/// </summary>
public sealed class FrozenWords
{
    private readonly FrozenSet<string> _set;

    /// <summary>Bit n: a word of n characters (bit 63: of 63 or more).</summary>
    private readonly ulong _lengths;

    /// <summary>The first characters below 128 of the words, one bit each.</summary>
    private readonly ulong _firstLow;
    private readonly ulong _firstHigh;

    /// <summary>A word starts with a character of 128 or more.</summary>
    private readonly bool _firstOther;

    private FrozenWords(IEnumerable<string> words)
    {
        _set = words.ToFrozenSet(StringComparer.Ordinal);
        foreach (var w in _set)
        {
            _lengths |= 1UL << Math.Min(w.Length, 63);
            if (w.Length == 0)
            {
                continue;
            }

            var c = w[0];
            if (c < 64)
            {
                _firstLow |= 1UL << c;
            }
            else if (c < 128)
            {
                _firstHigh |= 1UL << (c - 64);
            }
            else
            {
                _firstOther = true;
            }
        }
    }

    public static FrozenWords Of(params string[] words) => new(words);

    public static FrozenWords Of(IEnumerable<string> words) => new(words);

    public bool Contains(string word)
    {
        if ((_lengths & (1UL << Math.Min(word.Length, 63))) == 0)
        {
            return false;
        }

        if (word.Length > 0)
        {
            var c = word[0];
            var may = c < 64 ? (_firstLow & (1UL << c)) != 0 : c < 128 ? (_firstHigh & (1UL << (c - 64))) != 0 : _firstOther;
            if (!may)
            {
                return false;
            }
        }

        return _set.Contains(word);
    }

    public int Count => _set.Count;
}
