namespace Sitrep.Extraction.Text;

/// <summary>
/// A lexicon word as a pattern: ending in <c>*</c> it is a stem that matches every word it starts ("ракет*":
/// ракети, ракетами), else it matches only itself. Compared on spans: matching never makes a substring.
/// </summary>
public static class WordPattern
{
    public static bool IsStem(string pattern) => pattern.EndsWith('*');

    /// <summary>True when <paramref name="word"/> starts with <paramref name="stem"/>, ordinally.</summary>
    public static bool StartsWith(string word, ReadOnlySpan<char> stem) => word.AsSpan().StartsWith(stem, StringComparison.Ordinal);

    public static bool Matches(string word, string pattern) =>
        IsStem(pattern) ? StartsWith(word, pattern.AsSpan(0, pattern.Length - 1)) : string.Equals(word, pattern, StringComparison.Ordinal);
}
