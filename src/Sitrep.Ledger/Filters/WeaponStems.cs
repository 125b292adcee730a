using System.Collections.Immutable;
using Sitrep.Core;
using Sitrep.Extraction.Text;

namespace Sitrep.Ledger.Filters;

/// <summary>
/// The stem rows of the weapon lexicon (<c>weapons.tsv</c>: "шахед*", "калібр*", "крилат* ракет*"), read for a weapon
/// filter's words as the extraction reads them in running text: each word of the row, a stem matching any word it
/// starts ("шахеди", "Шахедів"), a plain word only itself, so "--weapon калібр" finds what "--weapon kalibr" finds.
/// Activity rows are read too: "обстріли" asks for artillery as "shelling" does.
/// </summary>
public static class WeaponStems
{
    private static readonly ImmutableArray<(string[] Words, WeaponRef Weapon)> Rows =
    [
        .. LexiconFile.Rows("weapons.tsv")
            .Where(r => r[0].Contains('*', StringComparison.Ordinal))
            .Select(r => (r[0].Split(' ', StringSplitOptions.RemoveEmptyEntries), new WeaponRef(ContractNames.ParseCategory(r[1]), r.Length > 2 && r[2].Length > 0 ? r[2] : null))),
    ];

    /// <summary>The weapon of the first stem row (in the file's order) whose words <paramref name="text"/>'s words match; false for none.</summary>
    public static bool TryResolve(string? text, out WeaponRef weapon)
    {
        weapon = default;
        var words = (text ?? "").Trim().ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 0)
        {
            return false;
        }

        foreach (var (stems, w) in Rows)
        {
            if (stems.Length == words.Length && stems.Zip(words).All(p => WordPattern.Matches(p.Second, p.First)))
            {
                weapon = w;
                return true;
            }
        }

        return false;
    }
}
