namespace Sitrep.Extraction.Text;

/// <summary>
/// A memo of a pure function of one word: the value kept for a word's string, so that a stage asks a costly question
/// of a word (a gazetteer lookup) once per distinct word rather than once per occurrence. Direct-mapped like
/// <see cref="WordCache"/>: each word has one slot, by a hash of its length and end characters, and a word that
/// finds another in its slot takes it over; so it never grows, needs no clearing, and a lookup is a few character
/// reads and one comparison (by reference first: the tokenizer shares one string per word). A memo answers only
/// for words it was given, exactly as the function did; a caller must not keep one across functions. Not
/// thread-safe: one per thread.
/// </summary>
internal sealed class WordMemo<T>
{
    private readonly string?[] _keys;
    private readonly T[] _values;
    private readonly int _mask;

    /// <param name="slots">How many words it holds at most: rounded up to a power of two.</param>
    public WordMemo(int slots = WordCache.DefaultSlots)
    {
        var size = (int)System.Numerics.BitOperations.RoundUpToPowerOf2((uint)Math.Max(2, slots));
        _keys = new string?[size];
        _values = new T[size];
        _mask = size - 1;
    }

    /// <summary>The value kept for <paramref name="word"/>, when it is kept.</summary>
    public bool TryGet(string word, out T value)
    {
        var slot = Slot(word);
        var key = _keys[slot];
        if (key is not null && (ReferenceEquals(key, word) || string.Equals(key, word, StringComparison.Ordinal)))
        {
            value = _values[slot];
            return true;
        }

        value = default!;
        return false;
    }

    /// <summary>Keeps <paramref name="value"/> for <paramref name="word"/>, in place of the word in its slot.</summary>
    public void Set(string word, T value)
    {
        var slot = Slot(word);
        _keys[slot] = word;
        _values[slot] = value;
    }

    private int Slot(string word)
    {
        var n = word.Length;
        var h = (uint)n * 0x9E3779B1u;
        if (n > 0)
        {
            h = (h ^ word[0]) * 16777619u;
            h = (h ^ word[n - 1]) * 16777619u;
            h = (h ^ word[n >> 1]) * 16777619u;
            if (n > 3)
            {
                h = (h ^ word[1]) * 16777619u;
                h = (h ^ word[n - 2]) * 16777619u;
            }
        }

        return (int)((h ^ (h >> 15)) & (uint)_mask);
    }
}
