namespace Sitrep.Extraction.Text;

/// <summary>
/// The lowercased strings of the words a thread has tokenized, looked up by their characters, so that a word's
/// string is made once per distinct word rather than once per occurrence (a report says "drones" and "region" many
/// times, and a run of reports shares most of its words). Direct-mapped: each word has one slot, by a hash of its
/// characters, and a word that finds another in its slot takes it over; so the cache never grows past its slots, needs
/// no clearing, and a lookup is one hash and one comparison. Strings are immutable, so sharing them is safe. Words of
/// more than <see cref="MaxLength"/> characters are not kept. One per thread: not thread-safe, never shared.
/// </summary>
internal sealed class WordCache
{
    public const int DefaultSlots = 8192;

    public const int MaxLength = 40;

    [ThreadStatic]
    private static WordCache? t_current;

    private readonly string?[] _keys;
    private readonly string?[] _values;
    private readonly int _shift;
    private readonly Make? _make;

    /// <summary>The string a cache keeps for a word's characters (<see langword="null"/>: the characters themselves).</summary>
    public delegate string Make(ReadOnlySpan<char> chars);

    /// <param name="slots">How many words it holds at most: rounded up to a power of two.</param>
    /// <param name="make">What it keeps for a word; none: a string of the word's characters.</param>
    public WordCache(int slots = DefaultSlots, Make? make = null)
    {
        var bits = Math.Max(1, 32 - System.Numerics.BitOperations.LeadingZeroCount((uint)Math.Max(2, slots) - 1));
        _keys = new string?[1 << bits];
        _values = make is null ? _keys : new string?[1 << bits];
        _shift = 32 - bits;
        _make = make;
    }

    /// <summary>This thread's cache of the tokenizer's lowered words.</summary>
    public static WordCache Current => t_current ??= new WordCache();

    /// <summary>How many slots hold a word.</summary>
    public int Count => _keys.Count(k => k is not null);

    public int Slots => _keys.Length;

    /// <summary>
    /// A string equal to <paramref name="chars"/> (or, for a cache made with a <see cref="Make"/>, the string it makes
    /// of them): the cached one when there is one.
    /// </summary>
    public string Get(ReadOnlySpan<char> chars) => Get(chars, Hash(chars));

    /// <summary>As <see cref="Get(ReadOnlySpan{char})"/>, given <see cref="Hash"/> of <paramref name="chars"/> (the tokenizer hashes a word as it reads it).</summary>
    internal string Get(ReadOnlySpan<char> chars, uint hash) => Get(chars, hash, out _);

    /// <summary>As <see cref="Get(ReadOnlySpan{char}, uint)"/>, saying which slot holds the string now (-1: a word too long to keep).</summary>
    internal string Get(ReadOnlySpan<char> chars, uint hash, out int slot)
    {
        if (chars.Length > MaxLength)
        {
            slot = -1;
            return _make is null ? chars.ToString() : _make(chars);
        }

        slot = (int)((hash * 0x9E3779B1u) >> _shift);
        var key = _keys[slot];
        if (key is not null && chars.SequenceEqual(key))
        {
            return _values[slot]!;
        }

        key = chars.ToString();
        var value = _make is null ? key : _make(chars);
        _keys[slot] = key;
        _values[slot] = value;
        return value;
    }

    /// <summary>The start of <see cref="Hash"/> (FNV-1a's offset basis).</summary>
    internal const uint HashSeed = 2166136261u;

    /// <summary>One character more of <see cref="Hash"/>.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    internal static uint HashStep(uint hash, char c) => (hash ^ c) * 16777619u;

    /// <summary>FNV-1a over the characters; the cache mixes it for its slot.</summary>
    internal static uint Hash(ReadOnlySpan<char> chars)
    {
        var h = HashSeed;
        foreach (var c in chars)
        {
            h = HashStep(h, c);
        }

        return h;
    }
}
