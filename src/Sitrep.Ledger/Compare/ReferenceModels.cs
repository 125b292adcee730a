using System.Collections.Concurrent;
using System.Collections.Immutable;
using Sitrep.Core;
using Sitrep.Extraction.Stages.Weapons;
using Sitrep.Extraction.Text;

namespace Sitrep.Ledger.Compare;

/// <summary>How one name inside a reference model was resolved: <c>lexicon</c> (the name is a lexicon phrase) or <c>words</c> (phrases inside it are).</summary>
public readonly record struct ModelPart(string Name, WeaponRef? Weapon, string? Rule)
{
    public bool Resolved => Weapon is not null;
}

/// <summary>
/// What a reference row's <c>model</c> ("X-101/X-555 and Kalibr") says about its weapon family: the family every
/// named weapon belongs to, or the problem that left it without one (a name the weapon lexicon does not know, or
/// names of two families, whose figures one row cannot split). Never a guess: a row is given a family only when
/// every name in it resolves, and all to that family.
/// </summary>
public sealed record ModelMapping(string Model, WeaponFamily? Family, ImmutableArray<ModelPart> Parts, string? Problem)
{
    public bool Mapped => Family is not null;
}

/// <summary>
/// Maps the reference table's model names to weapon families through the project's weapon lexicon
/// (<see cref="WeaponLexicon"/>), so that the reference and the ledger count by the same words.
/// <list type="number">
/// <item>A combined name is split on " and " ("X-101/X-555 and Kalibr"), then on "/" ("Iskander-M/KN-23",
/// "C-300/C-400"); a bare number after a slash takes the first name's prefix ("Shahed-136/131" → Shahed-136,
/// Shahed-131).</item>
/// <item>Each name is looked up whole (rule <c>lexicon</c>); when it is not a lexicon phrase, the phrases inside it
/// are ("Unknown UAV" → "UAV" → drone, "X-47 Kinzhal", "Intercontinental Ballistic Missile"; rule <c>words</c>), and
/// they must agree on one family.</item>
/// </list>
/// Thread-safe; results are cached per model name.
/// </summary>
public static class ReferenceModels
{
    private static readonly ConcurrentDictionary<string, ModelMapping> Cache = new(StringComparer.Ordinal);

    public static ModelMapping Resolve(string model) => Cache.GetOrAdd(model ?? "", Map);

    private static ModelMapping Map(string model)
    {
        var names = Split(model);
        if (names.Count == 0)
        {
            return new ModelMapping(model, null, [], "it names no weapon");
        }

        var resolved = names.Select(ResolvePart).ToList();
        var parts = resolved.Select(r => r.Part).ToImmutableArray();
        var unknown = resolved.Where(r => !r.Part.Resolved && r.Families is null).Select(r => $"'{r.Part.Name}'").ToList();
        if (unknown.Count > 0)
        {
            return new ModelMapping(model, null, parts, $"the weapon lexicon does not know {string.Join(", ", unknown)}");
        }

        var mixed = resolved.Where(r => r.Families is not null).Select(r => $"'{r.Part.Name}' has words of {r.Families}").ToList();
        if (mixed.Count > 0)
        {
            return new ModelMapping(model, null, parts, string.Join("; ", mixed));
        }

        var families = parts.Select(p => p.Weapon!.Value.Category.Family()).Distinct().ToList();
        if (families.Count > 1)
        {
            return new ModelMapping(model, null, parts,
                $"it names weapons of {string.Join(" and ", families.Select(f => f.ToContract()))}, and one row's figures cannot be split between them");
        }

        return new ModelMapping(model, families[0], parts, null);
    }

    /// <summary>"X-101/X-555 and Kalibr" → X-101, X-555, Kalibr; "Shahed-136/131" → Shahed-136, Shahed-131.</summary>
    internal static List<string> Split(string model)
    {
        var names = new List<string>();
        foreach (var group in model.Split(" and ", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var slashed = group.Split('/', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            for (var i = 0; i < slashed.Length; i++)
            {
                var name = slashed[i];
                var dash = slashed[0].LastIndexOf('-');
                if (i > 0 && name.All(char.IsAsciiDigit) && dash > 0)
                {
                    name = slashed[0][..(dash + 1)] + name;
                }

                names.Add(name);
            }
        }

        return names;
    }

    /// <summary>The part, and when its words name weapons of several families, which ("drone and missile").</summary>
    private static (ModelPart Part, string? Families) ResolvePart(string name)
    {
        if (WeaponLexicon.TryResolve(name, out var whole))
        {
            return (new ModelPart(name, whole, "lexicon"), null);
        }

        // The phrases inside the name, longest first from each word, as the weapon stage scans text.
        var words = Tokenizer.Tokenize(name).Where(t => t.Kind != TokenKind.Punct).Select(t => t.Lower).ToArray();
        var found = new List<WeaponRef>();
        for (var i = 0; i < words.Length;)
        {
            var matched = 0;
            for (var n = words.Length - i; n >= 1 && matched == 0; n--)
            {
                if (n == words.Length)
                {
                    continue; // the whole name was looked up above
                }

                if (WeaponLexicon.TryResolve(string.Join(' ', words, i, n), out var w))
                {
                    found.Add(w);
                    matched = n;
                }
            }

            i += Math.Max(1, matched);
        }

        var families = found.Select(w => w.Category.Family()).Distinct().ToList();
        if (families.Count != 1)
        {
            return (new ModelPart(name, null, null), families.Count == 0 ? null : string.Join(" and ", families.Select(f => f.ToContract())));
        }

        // The most specific: the one model named, else the first weapon found.
        var models = found.Where(w => w.Model is not null).Select(w => w.Model).Distinct(StringComparer.Ordinal).ToList();
        var weapon = models.Count == 1 ? found.First(w => w.Model == models[0]) : found[0];
        return (new ModelPart(name, weapon, "words"), null);
    }
}
