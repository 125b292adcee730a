using System.Collections.Frozen;
using System.Collections.Immutable;
using Sitrep.Core;
using Sitrep.Extraction.Text;

namespace Sitrep.Extraction.Stages.Weapons;

/// <summary>
/// Finds weapons named in the text from the lexicon in <c>weapons.tsv</c>: the longest phrase wins
/// ("kamikaze drones" over "drones"); a model joined by slashes keeps the whole name ("Kh-101/Kh-555").
/// "X-type" and "Shahed-type" forms resolve to their model. Activities ("shelling", "airstrike") are marked.
/// </summary>
public sealed class WeaponStage : IStage
{
    private sealed record Entry(string[] Words, WeaponCategory Category, string? Model, bool Activity);

    private static readonly Entry[] All = Load();

    /// <summary>Singular forms of the Ukrainian and Russian weapon nouns (<c>singular-forms.tsv</c>): "ракетою", "дрон".</summary>
    private static readonly FrozenWords CyrillicSingulars = LoadSingulars();

    private static readonly FrozenDictionary<string, Entry[]> ByFirstWord = All.Where(e => !e.Words[0].EndsWith('*'))
        .GroupBy(e => e.Words[0], StringComparer.Ordinal).ToFrozenDictionary(g => g.Key, g => g.ToArray(), StringComparer.Ordinal);

    /// <summary>The first words of <see cref="ByFirstWord"/>: most words of a report are none, and are passed over without a lookup.</summary>
    private static readonly WordMask FirstWords = new(ByFirstWord.Keys);

    /// <summary>Entries whose first word is a stem ("ракет*"), for inflected languages.</summary>
    private static readonly Entry[] Stemmed = [.. All.Where(e => e.Words[0].EndsWith('*'))];

    public string Name => "weapons";

    public ImmutableArray<string> Requires => [];

    public string Produces => Layers.Weapons;

    public ImmutableArray<Mention> Run(Document document)
    {
        var tokens = document.Tokens;
        var result = ImmutableArray.CreateBuilder<Mention>();
        for (var i = 0; i < tokens.Count; i++)
        {
            if (!tokens[i].IsWord)
            {
                continue;
            }

            if (!TryFirstWord(tokens[i].Lower, out var entries))
            {
                // Inflected languages: "ракетами", "безпілотників" by their stems.
                if (tokens[i].Lower[0] < 128)
                {
                    continue;
                }

                entries = StemmedOf(tokens[i].Lower);
                if (entries.Length == 0)
                {
                    continue;
                }
            }

            Entry? best = null;
            foreach (var e in entries)
            {
                if (Matches(tokens, i, e.Words) && (best is null || e.Words.Length > best.Words.Length))
                {
                    best = e;
                }
            }

            if (best is null)
            {
                continue;
            }

            var end = i + best.Words.Length;
            var model = best.Model;

            // "Kh-101/Kh-555/Kh-55", "Shahed-136/131", "S-300/S-400"
            while (model is not null && end + 1 < tokens.Count && tokens[end].Lower == "/" && tokens[end].Start == tokens[end - 1].End
                   && tokens[end + 1].Kind != TokenKind.Punct && tokens[end + 1].Start == tokens[end].End)
            {
                end += 2;
            }

            // A generic noun right after a model ("Shahed-136 drones", "Kalibr cruise missiles") belongs to it.
            if (model is not null && end < tokens.Count && TryFirstWord(tokens[end].Lower, out var tail))
            {
                var noun = LongestNoun(tail, tokens, end);
                if (noun is not null)
                {
                    end += noun.Words.Length;
                }
            }

            var span = new TextSpan(tokens[i].Start, tokens[end - 1].End);
            if (model is not null && end - i > best.Words.Length)
            {
                var slashed = document.Slice(new TextSpan(tokens[i].Start, tokens[i + best.Words.Length - 1].End));
                var k = i + best.Words.Length;
                while (k + 1 < end && tokens[k].Lower == "/")
                {
                    slashed += "/" + document.Slice(tokens[k + 1].Span);
                    k += 2;
                }

                if (slashed.Contains('/', StringComparison.Ordinal))
                {
                    model = NormalizeModel(slashed);
                }
            }

            var last = tokens[end - 1].Lower;
            // A Cyrillic noun is singular only in a form the lexicon lists ("ракету"); "бпла" and the rest count as plural.
            var plural = last[0] > 127 ? !CyrillicSingulars.Contains(last) : last.EndsWith('s') && !last.EndsWith("ss", StringComparison.Ordinal) || last is "uavs";
            result.Add(new WeaponMention(span, new WeaponRef(best.Category, model), i, end, plural, best.Model is null ? "generic" : "model") { IsActivity = best.Activity });
            i = end - 1;
        }

        return result.ToImmutable();
    }

    private static bool TryFirstWord(string word, out Entry[] entries)
    {
        if (FirstWords.MayContain(word))
        {
            return ByFirstWord.TryGetValue(word, out entries!);
        }

        entries = null!;
        return false;
    }

    /// <summary>The longest generic noun (no model, no activity) of <paramref name="entries"/> at <paramref name="i"/>; the first of equals.</summary>
    private static Entry? LongestNoun(Entry[] entries, TokenList tokens, int i)
    {
        Entry? noun = null;
        foreach (var x in entries)
        {
            if (x.Model is null && !x.Activity && Matches(tokens, i, x.Words) && (noun is null || x.Words.Length > noun.Words.Length))
            {
                noun = x;
            }
        }

        return noun;
    }

    /// <summary>"X-101/X-555" → "Kh-101/Kh-555": the Latin transliteration used by the catalogue.</summary>
    private static string NormalizeModel(string raw)
    {
        var parts = raw.Split('/');
        for (var p = 0; p < parts.Length; p++)
        {
            var s = parts[p];
            if (s.StartsWith("X-", StringComparison.Ordinal) || s.StartsWith("Х-", StringComparison.Ordinal))
            {
                parts[p] = "Kh-" + s[2..];
            }
            else if (p > 0 && s.All(char.IsAsciiDigit) && parts[0].Contains('-', StringComparison.Ordinal))
            {
                parts[p] = s; // "Shahed-136/131"
            }
        }

        return string.Join('/', parts);
    }

    /// <summary>The stemmed entries whose first stem starts <paramref name="word"/>, in lexicon order; most words have none, and get no array.</summary>
    private static Entry[] StemmedOf(string word)
    {
        var first = -1;
        var count = 0;
        for (var k = 0; k < Stemmed.Length; k++)
        {
            if (WordPattern.Matches(word, Stemmed[k].Words[0]))
            {
                first = count++ == 0 ? k : first;
            }
        }

        if (count == 0)
        {
            return [];
        }

        var found = new Entry[count];
        for (int k = first, n = 0; n < count; k++)
        {
            if (WordPattern.Matches(word, Stemmed[k].Words[0]))
            {
                found[n++] = Stemmed[k];
            }
        }

        return found;
    }

    private static bool Matches(TokenList tokens, int i, string[] words)
    {
        if (i + words.Length > tokens.Count)
        {
            return false;
        }

        for (var k = 0; k < words.Length; k++)
        {
            if (!WordPattern.Matches(tokens[i + k].Lower, words[k]))
            {
                return false;
            }
        }

        return true;
    }

    private static FrozenWords LoadSingulars()
    {
        var forms = new List<string>();
        foreach (var row in LexiconFile.Rows("singular-forms.tsv"))
        {
            forms.AddRange(row[1].Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(e => e == "-" ? row[0] : row[0] + e));
        }

        return FrozenWords.Of(forms);
    }

    private static Entry[] Load()
    {
        var entries = new List<Entry>();
        foreach (var row in LexiconFile.Rows("weapons.tsv"))
        {
            var category = ContractNames.ParseCategory(row[1]);
            var model = row.Length > 2 && row[2].Length > 0 ? row[2] : null;
            var activity = row.Length > 3 && row[3] == "activity";
            // Words as the tokenizer reads them; a trailing '*' marks a stem.
            var words = row[0].Split(' ', StringSplitOptions.RemoveEmptyEntries)
                .Select(w => w.EndsWith('*') ? Tokenizer.Tokenize(w[..^1])[0].Lower + "*" : string.Join(' ', Tokenizer.Tokenize(w).Select(t => t.Lower)))
                .ToArray();
            entries.Add(new Entry(words, category, model, activity));
        }

        return [.. entries];
    }
}
