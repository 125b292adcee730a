using System.Collections.Frozen;
using System.Collections.Immutable;
using Sitrep.Core;
using Sitrep.Extraction.Text;

namespace Sitrep.Extraction.Stages.Weapons;

/// <summary>
/// Looks up one weapon name, as a table or a form writes it ("Kalibr", "X-101", "Iskander-M", "UAV"), in the
/// lexicon <see cref="WeaponStage"/> reads (<c>weapons.tsv</c>), so that names outside running text resolve to the
/// same category and model as the extraction gives them.
/// <para>
/// It is not a text scanner: the whole name must be one lexicon phrase (case, spacing and dash forms as the
/// tokenizer folds them). Stems (<c>ракет*</c>) and activities ("shelling") are not matched, and combined names
/// ("X-101/X-555 and Kalibr") are the caller's to split. One transliteration is read the way the stage's model
/// names are written: a leading "X-"/"Х-" is also tried as "Kh-", and a leading Latin or Cyrillic "C-"/"С-" as
/// "S-" ("X-31" → Kh-31, "C-300" → S-300). Nothing else is guessed.
/// </para>
/// Thread-safe; the lexicon is loaded once, at first use.
/// </summary>
public static class WeaponLexicon
{
    private static readonly FrozenDictionary<string, WeaponRef> ByPhrase = Load();

    /// <summary>
    /// Every model the lexicon names (each once, as the extraction writes it: "Shahed-136", "Kh-101"), in the file's
    /// order: the models a stored weapon can have.
    /// </summary>
    public static readonly ImmutableArray<string> Models = [.. LexiconFile.Rows("weapons.tsv")
        .Where(row => row.Length > 2 && row[2].Length > 0).Select(row => row[2]).Distinct(StringComparer.Ordinal)];

    /// <summary>The lexicon's whole phrases (no stems, no activities), as <see cref="TryResolve"/> reads them: "geran-2", "cruise missiles".</summary>
    public static IEnumerable<string> Phrases => ByPhrase.Keys;

    /// <summary>
    /// The weapon <paramref name="name"/> names, when it is a lexicon phrase (or one by the transliteration above);
    /// false, and <paramref name="weapon"/> default, for anything else, including empty names. Never throws.
    /// </summary>
    public static bool TryResolve(string? name, out WeaponRef weapon)
    {
        weapon = default;
        if (string.IsNullOrWhiteSpace(name))
        {
            return false;
        }

        var key = Key(name);
        if (key.Length == 0)
        {
            return false;
        }

        if (ByPhrase.TryGetValue(key, out weapon))
        {
            return true;
        }

        var transliterated = Transliterate(key);
        return transliterated is not null && ByPhrase.TryGetValue(transliterated, out weapon);
    }

    /// <summary>The phrase as the lexicon's keys are written: the tokenizer's lowercased tokens, one space apart.</summary>
    private static string Key(string text) => string.Join(' ', Tokenizer.Tokenize(text.Trim()).Select(t => t.Lower));

    /// <summary>"x-101" → "kh-101", "с-300" → "s-300"; null when the key starts with neither.</summary>
    private static string? Transliterate(string key)
    {
        if (key.Length < 3 || key[1] != '-')
        {
            return null;
        }

        return key[0] switch
        {
            'x' or 'х' => "kh" + key[1..],
            'c' or 'с' => "s" + key[1..],
            _ => null,
        };
    }

    private static FrozenDictionary<string, WeaponRef> Load()
    {
        var byPhrase = new Dictionary<string, WeaponRef>(StringComparer.Ordinal);
        foreach (var row in LexiconFile.Rows("weapons.tsv"))
        {
            var activity = row.Length > 3 && row[3] == "activity";
            if (activity || row[0].Contains('*', StringComparison.Ordinal))
            {
                continue;
            }

            var model = row.Length > 2 && row[2].Length > 0 ? row[2] : null;
            // A phrase listed twice keeps its first row, as the stage does.
            byPhrase.TryAdd(Key(row[0]), new WeaponRef(ContractNames.ParseCategory(row[1]), model));
        }

        return byPhrase.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
