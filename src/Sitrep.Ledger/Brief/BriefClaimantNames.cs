using System.Collections.Frozen;
using System.Text;
using Sitrep.Core;
using Sitrep.Core.Claimants;

namespace Sitrep.Ledger.Brief;

/// <summary>
/// Names claimants in a brief by the claimant registry: "according to the State Emergency Service of Ukraine", not the
/// registry's title "State Emergency Service of Ukraine" nor the report's "the SES". English only (the registry's names
/// are English). A claim stored without a canonical id is resolved by its words and side; one the registry does not
/// know, or in another language, keeps the words as the report wrote them.
/// The rule, and the names it gets wrong, are in <c>Brief/Lexicon/claimant-names.en.tsv</c>.
/// </summary>
public static class BriefClaimantNames
{
    private static readonly Lazy<(FrozenSet<string> Titles, FrozenDictionary<string, string> Names)> Lexicon = new(Load);

    /// <summary>
    /// The brief's options for <paramref name="language"/> with claimants named by <paramref name="registry"/>: English
    /// names for English, none otherwise (so claimants keep their words as written).
    /// </summary>
    public static BriefOptions Options(ClaimantRegistry registry, string language) =>
        language == BriefTemplates.Reference
            ? new BriefOptions { ClaimantName = English(registry), ResolveClaimant = (words, side) => registry.TryResolve(words, side, out var e) ? e.Id : null }
            : new BriefOptions();

    /// <summary>A claimant id's English name as a sentence writes it, or null for an id the registry does not have.</summary>
    public static Func<string, string?> English(ClaimantRegistry registry)
    {
        var names = registry.Entries.ToFrozenDictionary(e => e.Id, Name, StringComparer.Ordinal);
        return id => names.GetValueOrDefault(id);
    }

    /// <summary>The name of one registry entry, by the rule or its row in the lexicon.</summary>
    public static string Name(ClaimantEntry entry)
    {
        var (titles, overrides) = Lexicon.Value;
        if (overrides.TryGetValue(entry.Id, out var written))
        {
            return written;
        }

        var name = entry.Name.Trim();
        var open = name.LastIndexOf(" (", StringComparison.Ordinal);
        if (open > 0 && name.EndsWith(')') && !IsAbbreviation(name.AsSpan(open + 2, name.Length - open - 3)))
        {
            name = name[..open].TrimEnd();
        }

        if (name.StartsWith("The ", StringComparison.Ordinal))
        {
            return entry.Kind == ClaimantKind.Outlet ? name : "the " + name[4..];
        }

        if (entry.Kind == ClaimantKind.Outlet || (entry.Kind == ClaimantKind.Other && !name.Contains(' ', StringComparison.Ordinal)))
        {
            return name;
        }

        var first = name.Split(' ')[0];
        return "the " + (titles.Contains(first) ? char.ToLowerInvariant(name[0]) + name[1..] : name);
    }

    /// <summary>"SBU", "HUR", "EMERCOM": capitals (and digits, dots) only, a few of them.</summary>
    private static bool IsAbbreviation(ReadOnlySpan<char> s) =>
        s.Length is > 0 and <= 8 && !s.ContainsAnyExcept("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.");

    private static (FrozenSet<string>, FrozenDictionary<string, string>) Load()
    {
        var titles = new HashSet<string>(StringComparer.Ordinal);
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (n, cols) in LexiconFile.Rows("claimant-names.en.tsv", "claimant names"))
        {
            switch (cols)
            {
                case ["title", var word] when word.Trim().Length > 0:
                    titles.Add(word.Trim());
                    break;
                case ["name", var id, var name] when ClaimantRegistry.Default.TryGet(id.Trim(), out _) && name.Trim().Length > 0 && names.TryAdd(id.Trim(), name.Trim()):
                    break;
                default:
                    throw new InvalidOperationException($"claimant-names.en.tsv:{n}: a row is 'title<TAB>WORD' or 'name<TAB>ID<TAB>NAME' with an id of the claimant registry, each id once.");
            }
        }

        return (titles.ToFrozenSet(StringComparer.Ordinal), names.ToFrozenDictionary(StringComparer.Ordinal));
    }
}
