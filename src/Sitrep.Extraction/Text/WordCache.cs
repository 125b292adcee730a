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

    public WordCache(int maxEntries = MaxEntries)
    {
        _maxEntries = maxEntries;
        _bySpan = _words.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>This thread's cache.</summary>
    public static WordCache Current => t_current ??= new WordCache();

    public int Count => _words.Count;

    /// <summary>A string equal to <paramref name="chars"/>: the cached one when there is one.</summary>
    public string Get(ReadOnlySpan<char> chars)
    {
        if (chars.Length > MaxLength)
        {
            return chars.ToString();
        }

        if (_bySpan.TryGetValue(chars, out var cached))
        {
            return cached;
        }

        if (_words.Count >= _maxEntries)
        {
            _words.Clear();
        }

        var s = chars.ToString();
        _words.Add(s, s);
        return s;
    }
}
