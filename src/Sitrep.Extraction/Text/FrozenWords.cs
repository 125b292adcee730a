using System.Collections.Frozen;

namespace Sitrep.Extraction.Text;

/// <summary>An immutable set of lowercase words with fast membership, shared across threads.</summary>
public sealed class FrozenWords
{
    private readonly FrozenSet<string> _set;

    private FrozenWords(IEnumerable<string> words) => _set = words.ToFrozenSet(StringComparer.Ordinal);

    public static FrozenWords Of(params string[] words) => new(words);

    public static FrozenWords Of(IEnumerable<string> words) => new(words);

    public bool Contains(string word) => _set.Contains(word);

    public int Count => _set.Count;
}
