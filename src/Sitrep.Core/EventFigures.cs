using System.Collections.Immutable;
using System.Globalization;
using System.Text;

namespace Sitrep.Core;

/// <summary>The current launched, destroyed and suppressed figures of one weapon family in one event.</summary>
public readonly record struct FamilyFigures(WeaponFamily Family, int? Launched, int? Destroyed, int? Suppressed);

/// <summary>
/// The figures of one event, derived from its claims: the one derivation that the store's columns, every listing,
/// export and the merge use. Sums stop at <see cref="int.MaxValue"/> (<see cref="Counts"/>), never wrap. Per weapon, the largest current claim of each kind (a revision has already marked the
/// figures it revises not current); launched, destroyed and suppressed summed over the event's weapons and over each
/// family's weapons; killed and injured the largest current claim. Nothing here overwrites a claim.
/// </summary>
public sealed record EventFigures(
    int? Launched,
    int? Destroyed,
    int? Suppressed,
    int? Killed,
    int? Injured,
    WeaponFamily? PrimaryFamily,
    ImmutableArray<FamilyFigures> Families,
    string WeaponsText)
{
    public static EventFigures Of(ExtractedEvent e)
    {
        int? launched = null, destroyed = null, suppressed = null;
        WeaponFamily? primary = null;
        var primaryLaunched = -1;
        var families = new List<FamilyFigures>();
        var text = new StringBuilder();
        foreach (var use in e.Weapons)
        {
            var l = use.Current(FigureKind.Launched)?.Value;
            var x = use.Current(FigureKind.Destroyed)?.Value;
            var s = use.Current(FigureKind.Suppressed)?.Value;
            launched = Add(launched, l);
            destroyed = Add(destroyed, x);
            suppressed = Add(suppressed, s);
            var family = use.Weapon.Category.Family();
            if ((l ?? 0) > primaryLaunched)
            {
                primaryLaunched = l ?? 0;
                primary = family;
            }

            var k = families.FindIndex(f => f.Family == family);
            if (k < 0)
            {
                families.Add(new FamilyFigures(family, l, x, s));
            }
            else
            {
                var f = families[k];
                families[k] = f with { Launched = Add(f.Launched, l), Destroyed = Add(f.Destroyed, x), Suppressed = Add(f.Suppressed, s) };
            }

            if (text.Length > 0)
            {
                text.Append("; ");
            }

            text.Append(WeaponName(use.Weapon));
            if (l is not null || x is not null)
            {
                text.Append(' ').Append(Num(l)).Append('/').Append(Num(x));
            }
        }

        return new EventFigures(launched, destroyed, suppressed, e.Killed?.Value, e.Injured?.Value, primary, [.. families], text.ToString());
    }

    /// <summary>The figures of one family; all null when the event does not name it.</summary>
    public FamilyFigures Of(WeaponFamily family)
    {
        foreach (var f in Families)
        {
            if (f.Family == family)
            {
                return f;
            }
        }

        return new FamilyFigures(family, null, null, null);
    }

    /// <summary>"Shahed-136 (drone)" for a model, "drone" for a category alone.</summary>
    public static string WeaponName(WeaponRef w) =>
        w.Model is null ? w.Category.ToContract() : $"{w.Model} ({w.Category.ToContract()})";

    /// <summary>The event's places as a list for people: each once, by gazetteer name when it has one, joined by "; ".</summary>
    public static string PlacesText(ExtractedEvent e) =>
        string.Join("; ", e.Places.Select(p => p.Name ?? p.Text).Distinct(StringComparer.OrdinalIgnoreCase));

    /// <summary>
    /// Who speaks in the event, each once, joined by "; "; empty when nobody is named. English words as written; words in
    /// Cyrillic by the registry's English name and the person named (<see cref="Claimants.ClaimantEnglish"/>).
    /// </summary>
    public static string ClaimedBy(ExtractedEvent e) =>
        string.Join("; ", e.Claimants.Select(c => Claimants.ClaimantEnglish.Name(c, Claimants.ClaimantRegistry.Default)).Distinct(StringComparer.OrdinalIgnoreCase));

    private static int? Add(int? sum, int? value) => Counts.Add(sum, value);

    private static string Num(int? v) => v?.ToString(CultureInfo.InvariantCulture) ?? "?";
}
