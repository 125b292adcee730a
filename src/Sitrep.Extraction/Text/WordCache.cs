namespace Sitrep.Extraction.Text;

/// <summary>
/// The lowercased strings of the words a thread has tokenized, looked up by their characters, so that a word's
/// string is made once per distinct word rather than once per occurrence (a report says "drones" and "region" many
/// times, and a run of reports shares most of its words). Strings are immutable, so sharing them is safe; the cache
/// holds at most <see cref="MaxEntries"/> words (or the number it is made with) of at most <see cref="MaxLength"/> characters and starts over when
/// full. One per thread: not thread-safe, never shared.
/// </summary>
internal sealed class WordCache
{
    public const int MaxEntries = 32_768;

    public const int MaxLength = 40;

    [ThreadStatic]
    private static WordCache? t_current;

    private readonly Dictionary<string, string> _words = new(1024, StringComparer.Ordinal);
    private readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _bySpan;

    private readonly int _maxEntries;
    private readonly Make? _make;

    /// <summary>The string a cache keeps for a word's characters (<see langword="null"/>: the characters themselves).</summary>
    public delegate string Make(ReadOnlySpan<char> chars);

    public WordCache(int maxEntries = MaxEntries, Make? make = null)
    {
        _maxEntries = maxEntries;
        _make = make;
        _bySpan = _words.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>This thread's cache of the tokenizer's lowered words.</summary>
    public static WordCache Current => t_current ??= new WordCache();

    public int Count => _words.Count;

    /// <summary>
    /// A string equal to <paramref name="chars"/> (or, for a cache made with a <see cref="Make"/>, the string it makes
    /// of them): the cached one when there is one.
    /// </summary>
    public string Get(ReadOnlySpan<char> chars)
    {
        if (chars.Length > MaxLength)
        {
            return _make is null ? chars.ToString() : _make(chars);
        }

        if (_bySpan.TryGetValue(chars, out var cached))
        {
            return cached;
        }

        if (_words.Count >= _maxEntries)
        {
            _words.Clear();
        }

        var key = chars.ToString();
        var value = _make is null ? key : _make(chars);
        _words.Add(key, value);
        return value;
    }
}
