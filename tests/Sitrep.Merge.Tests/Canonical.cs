using System.Globalization;
using System.Text;

namespace Sitrep.Merge.Tests;

/// <summary>A complete, deterministic text of a set of attacks: two results are the same merge when their texts are equal.</summary>
internal static class Canonical
{
    public static string Of(MergeResult result) => Of(result.Attacks);

    public static string Of(IEnumerable<Attack> attacks)
    {
        var sb = new StringBuilder();
        foreach (var a in attacks.OrderBy(a => a.Key))
        {
            sb.Append(CultureInfo.InvariantCulture, $"{a.Key} home {a.Home:yyyy-MM-dd} date {a.Date:yyyy-MM-dd} {a.Precision} {a.Attacker}->{a.TargetCountry} at {a.Location?.GazetteerId} [{a.Location?.Span.Start}..{a.Location?.Span.End}) from {a.LocationEvent} reports {a.ReportCount} sources {a.SourceCount}\n");
            foreach (var m in a.Members)
            {
                sb.Append(CultureInfo.InvariantCulture, $"  {m.Event} {m.Kind} {m.Score:R} partial={m.IsPartial} decision={m.DecisionSequence}\n");
                foreach (var f in m.Features)
                {
                    sb.Append(CultureInfo.InvariantCulture, $"    {f.Name} {f.Value:R} {f.Reason}\n");
                }
            }

            foreach (var f in a.Figures)
            {
                sb.Append(CultureInfo.InvariantCulture, $"  {f.Key} best {f.Best} [{f.Low},{f.High}] cons {f.Conservative} contested={f.Contested} {f.BestRule} '{f.BestReason}' from {f.BestClaim.Event}\n");
                foreach (var c in f.Claims)
                {
                    sb.Append(CultureInfo.InvariantCulture, $"    {c.Event} {c.Value} {c.Qualifier} {c.Standing} partial={c.IsPartial} rank={c.Authority} by={c.Claimant?.Name}\n");
                }

                foreach (var c in f.SideClaims)
                {
                    sb.Append(CultureInfo.InvariantCulture, $"    side {c.ClaimantSide} {c.Event} {c.Value}\n");
                }
            }
        }

        return sb.ToString();
    }

    /// <summary>The first differing line of two texts, for failure messages.</summary>
    public static string FirstDifference(string a, string b)
    {
        var la = a.Split('\n');
        var lb = b.Split('\n');
        for (var i = 0; i < Math.Max(la.Length, lb.Length); i++)
        {
            var x = i < la.Length ? la[i] : "<end>";
            var y = i < lb.Length ? lb[i] : "<end>";
            if (x != y)
            {
                return $"line {i + 1}:\n  expected: {y}\n  actual:   {x}";
            }
        }

        return "no difference";
    }
}
