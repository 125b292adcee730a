using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Text;

namespace Sitrep.Ledger.Brief;

/// <summary>
/// The words the brief reads in reports (not the words it writes, which are its templates): which sentences tell
/// damage, from <c>Lexicon/damage-words.tsv</c> (per report language; a word ending in * is a stem). A report of
/// unknown language is read with every language's words.
/// </summary>
internal static class BriefLexicon
{
    private static readonly Lazy<FrozenDictionary<string, ImmutableArray<string>>> Words = new(Load);

    private static readonly Lazy<FrozenDictionary<string, WordSet>> Sets = new(() =>
        Words.Value.ToFrozenDictionary(kv => kv.Key, kv => new WordSet(kv.Value), StringComparer.Ordinal));

    private static readonly Lazy<WordSet> AllWords = new(() => new WordSet([.. Words.Value.Values.SelectMany(w => w)]));

    /// <summary>True when <paramref name="sentence"/> holds a damage word of <paramref name="language"/>.</summary>
    public static bool TellsDamage(string sentence, string? language)
    {
        var set = language is not null && Sets.Value.TryGetValue(language, out var one) ? one : AllWords.Value;
        Span<char> buffer = stackalloc char[64];
        var length = 0;
        var overflow = false;
        for (var i = 0; i <= sentence.Length; i++)
        {
            var c = i < sentence.Length ? sentence[i] : ' ';
            if (char.IsLetter(c) || c == '\'' || c == '’')
            {
                if (length < buffer.Length)
                {
                    buffer[length++] = char.ToLowerInvariant(c);
                }
                else
                {
                    overflow = true;
                }

                continue;
            }

            // A token longer than the buffer is no whole damage word (none is that long), but may start with a stem.
            if (length > 0 && set.Matches(buffer[..length], whole: !overflow))
            {
                return true;
            }

            length = 0;
            overflow = false;
        }

        return false;
    }

    /// <summary>One language's damage words, split into whole words (a set) and stems (matched as prefixes).</summary>
    private sealed class WordSet
    {
        private readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> _exact;
        private readonly string[] _stems;

        public WordSet(IEnumerable<string> words)
        {
            var list = words.Distinct(StringComparer.Ordinal).ToList();
            _exact = list.Where(w => !w.EndsWith('*')).ToFrozenSet(StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();
            _stems = [.. list.Where(w => w.EndsWith('*')).Select(w => w[..^1])];
        }

        /// <summary>True when the token is a word of the set, or starts with a stem; a token not <paramref name="whole"/> (cut short) only by a stem.</summary>
        public bool Matches(ReadOnlySpan<char> token, bool whole)
        {
            if (whole && _exact.Contains(token))
            {
                return true;
            }

            foreach (var stem in _stems)
            {
                if (token.StartsWith(stem, StringComparison.Ordinal))
                {
                    return true;
                }
            }

            return false;
        }
    }

    private static FrozenDictionary<string, ImmutableArray<string>> Load()
    {
        var byLanguage = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var (n, cols) in LexiconFile.Rows("damage-words.tsv", "damage words"))
        {
            if (cols.Length != 2 || cols[1].Trim().Length == 0)
            {
                throw new InvalidOperationException($"damage-words.tsv:{n}: a row is a language and a word, separated by a tab.");
            }

            var lang = cols[0].Trim();
            if (!byLanguage.TryGetValue(lang, out var list))
            {
                byLanguage[lang] = list = [];
            }

            list.Add(cols[1].Trim().ToLowerInvariant());
        }

        return byLanguage.ToFrozenDictionary(kv => kv.Key, kv => kv.Value.Distinct(StringComparer.Ordinal).ToImmutableArray(), StringComparer.Ordinal);
    }
}
