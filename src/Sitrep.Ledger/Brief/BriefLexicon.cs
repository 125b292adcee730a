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

    /// <summary>True when <paramref name="sentence"/> holds a damage word of <paramref name="language"/>.</summary>
    public static bool TellsDamage(string sentence, string? language)
    {
        var words = Words.Value;
        var lists = language is not null && words.TryGetValue(language, out var one) ? [one] : words.Values.ToArray();
        foreach (var token in Tokens(sentence))
        {
            foreach (var list in lists)
            {
                foreach (var w in list)
                {
                    if (w.EndsWith('*') ? token.StartsWith(w.AsSpan(0, w.Length - 1), StringComparison.Ordinal) : token == w)
                    {
                        return true;
                    }
                }
            }
        }

        return false;
    }

    private static IEnumerable<string> Tokens(string text)
    {
        var sb = new StringBuilder();
        foreach (var c in text)
        {
            if (char.IsLetter(c) || c == '\'' || c == '’')
            {
                sb.Append(char.ToLowerInvariant(c));
            }
            else if (sb.Length > 0)
            {
                yield return sb.ToString();
                sb.Clear();
            }
        }

        if (sb.Length > 0)
        {
            yield return sb.ToString();
        }
    }

    private static FrozenDictionary<string, ImmutableArray<string>> Load()
    {
        using var stream = typeof(BriefLexicon).Assembly.GetManifestResourceStream("Sitrep.Ledger.Brief.Lexicon.damage-words.tsv")
                           ?? throw new InvalidOperationException("The brief's damage words (Brief/Lexicon/damage-words.tsv) are missing from the assembly.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var byLanguage = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var n = 0;
        while (reader.ReadLine() is { } line)
        {
            n++;
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var cols = line.Split('\t');
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
