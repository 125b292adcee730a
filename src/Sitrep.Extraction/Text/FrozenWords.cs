using System.Collections.Frozen;

namespace Sitrep.Extraction.Text;

/// <summary>
/// An immutable set of lowercase words with fast membership, shared across threads. Most words a scan asks about
/// are not in the set: a word the set's <see cref="WordMask"/> rules out is answered without the frozen set (event
/// assembly asks several sets about every token of a sentence).
/// </summary>
public sealed class FrozenWords
{
    private readonly FrozenSet<string> _set;
    private readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> _chars;
    private readonly WordMask _mask;

    private FrozenWords(IEnumerable<string> words)
    {
        _set = words.ToFrozenSet(StringComparer.Ordinal);
        _chars = _set.GetAlternateLookup<ReadOnlySpan<char>>();
        _mask = new WordMask(_set);
    }

    public static FrozenWords Of(params string[] words) => new(words);

    public static FrozenWords Of(IEnumerable<string> words) => new(words);

    public bool Contains(string word) => _mask.MayContain(word) && _set.Contains(word);

    /// <summary>As <see cref="Contains(string)"/>, for a part of a word (a suffix after a hyphen) without making its string.</summary>
    public bool Contains(ReadOnlySpan<char> word) => _mask.MayContain(word) && _chars.Contains(word);

    public int Count => _set.Count;
}

/// <summary>
/// A quick, one-sided test of whether a word may be one of a fixed set of words: false means it certainly is not
/// (no word of the set has its length, its first character, or its first and last characters at that length);
/// true means ask the set. Built once from the words, immutable, thread-safe. A word longer than 63 characters
/// counts as 63 long.
/// </summary>
public sealed class WordMask
{
    private const int HashBits = 12;

    /// <summary>Bit n: a word of n characters (bit 63: of 63 or more).</summary>
    private readonly ulong _lengths;

    /// <summary>The first characters of the words: bits 0–127 for U+0000–U+007F, 128–255 for Cyrillic U+0400–U+047F.</summary>
    private readonly ulong[] _first = new ulong[4];

    /// <summary>A word starts with a character outside those two blocks.</summary>
    private readonly bool _firstOther;

    /// <summary>One bit per hash of (first character, last character, length) of a word.</summary>
    private readonly ulong[] _shape = new ulong[(1 << HashBits) / 64];

    public WordMask(IEnumerable<string> words)
    {
        foreach (var w in words)
        {
            _lengths |= 1UL << Math.Min(w.Length, 63);
            if (w.Length == 0)
            {
                continue;
            }

            var f = FirstIndex(w[0]);
            if (f < 0)
            {
                _firstOther = true;
            }
            else
            {
                _first[f >> 6] |= 1UL << f;
            }

            var h = Shape(w);
            _shape[h >> 6] |= 1UL << h;
        }
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    public bool MayContain(ReadOnlySpan<char> word)
    {
        // Every stage asks this of nearly every word, so it is one inlined body (no calls for the first character's
        // index or the shape): the length's bit first, then the first character's, then the shape's.
        var n = word.Length;
        var len = n < 63 ? n : 63;
        if ((_lengths & (1UL << len)) == 0)
        {
            return false;
        }

        if (n == 0)
        {
            return true;
        }

        uint first = word[0];
        var f = FirstIndex((char)first);
        if (f < 0 ? !_firstOther : (_first[f >> 6] & (1UL << f)) == 0)
        {
            return false;
        }

        var h = Shape(first, word[n - 1], len);
        return (_shape[h >> 6] & (1UL << h)) != 0;
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    private static int FirstIndex(char c) => c < 128 ? c : c is >= '\u0400' and < '\u0480' ? c - '\u0400' + 128 : -1;

    private static int Shape(ReadOnlySpan<char> w) => Shape(w[0], w[^1], Math.Min(w.Length, 63));

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    private static int Shape(uint first, uint last, int length)
    {
        var x = (first << 16 | last) * 0x9E3779B1u ^ (uint)length * 0x85EBCA6Bu;
        return (int)((x * 0xC2B2AE35u) >> (32 - HashBits));
    }
}
