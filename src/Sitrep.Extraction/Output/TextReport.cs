using System.Globalization;
using System.Text;
using Sitrep.Core;
using Sitrep.Core.Claimants;

namespace Sitrep.Extraction.Output;

/// <summary>A block per event, for people reading in a terminal; long evidence is cut to the width.</summary>
public static class TextReport
{
    public static string Render(Sitrep.Core.Extraction x, int width = 100)
    {
        var sb = new StringBuilder();
        var a = x.Article;
        sb.Append("── ").Append(a.Id);
        if (a.Title is { Length: > 0 } t)
        {
            sb.Append(" · ").Append(Cut(t, Math.Max(20, width - a.Id.Length - 8)));
        }

        sb.AppendLine();
        sb.Append("   published ").AppendLine(a.Published?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "unknown");
        if (x.Events.IsEmpty)
        {
            sb.AppendLine("   no strike events found");
        }

        var n = 0;
        foreach (var e in x.Events)
        {
            n++;
            sb.Append("   [").Append(n).Append("] ").Append(e.Kind == EventKind.Aggregate ? "AGGREGATE" : "STRIKE").Append("  ");
            sb.Append(e.Date.Date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "date unknown");
            sb.Append(" (").Append(e.Date.Precision.ToContract());
            if (e.Date.Text.Length > 0)
            {
                sb.Append(": \"").Append(e.Date.Text).Append('"');
            }

            sb.Append(")  ").Append(e.Attacker.ToContract()).Append(" → ").AppendLine(e.TargetCountry.ToContract());
            if (e.Places.Length > 0)
            {
                sb.Append("       places   ").AppendLine(string.Join(", ", e.Places.Select(p => p.Country is null ? p.Text : $"{p.Text} ({p.Country})")));
            }

            foreach (var u in e.Weapons)
            {
                sb.Append("       weapon   ").Append(u.Weapon.Category.ToContract());
                if (u.Weapon.Model is { } m)
                {
                    sb.Append(' ').Append(m);
                }

                // A model told only as a part of a stated total ("29 missiles, among them 18 Kh-101") shows its part.
                foreach (var (label, kind) in (ReadOnlySpan<(string, FigureKind)>)[("launched", FigureKind.Launched), ("destroyed", FigureKind.Destroyed), ("suppressed", FigureKind.Suppressed)])
                {
                    if (u.Current(kind) is { } current)
                    {
                        Figure(sb, label, current);
                    }
                    else if (u.Largest(kind, ClaimRole.PartOfTotal) is { } part)
                    {
                        Figure(sb, label, part);
                        sb.Append(" (part)");
                    }
                }

                sb.AppendLine();
            }

            if (e.Killed is not null || e.Injured is not null)
            {
                sb.Append("       toll    ");
                Figure(sb, "killed", e.Killed);
                Figure(sb, "injured", e.Injured);
                sb.AppendLine();
            }

            if (e.Claimants.Length > 0)
            {
                sb.Append("       source   ").AppendLine(Cut(string.Join("; ", e.Claimants.Select(Source)), width - 16));
            }

            foreach (var c in e.Weapons.SelectMany(u => u.Claims).Concat(e.Casualties))
            {
                sb.Append("         · ").Append(c.Kind.ToContract()).Append(' ').Append(c.IsCount ? c.Value.ToString(CultureInfo.InvariantCulture) : "vague").Append(c.IsCurrent ? "" : $" ({c.Role.Describe()})").Append(": \"")
                  .Append(Cut(c.Evidence.Text, width - 30)).AppendLine("\"");
            }
        }

        foreach (var d in x.Diagnostics)
        {
            sb.Append("   ! ").Append(d.Code).Append(' ').AppendLine(d.Message);
        }

        return sb.ToString();
    }

    private static void Figure(StringBuilder sb, string label, FigureClaim? c)
    {
        if (c is null)
        {
            return;
        }

        sb.Append("  ").Append(label).Append(' ');
        sb.Append(c.Qualifier switch
        {
            Qualifier.AtLeast => "≥",
            Qualifier.MoreThan => ">",
            Qualifier.About => "~",
            Qualifier.UpTo => "≤",
            Qualifier.LessThan => "<",
            _ => "",
        });
        sb.Append(c.Value);
    }

    /// <summary>A claimant as written, with the registry's name when it knows one: "the governor (Governor of Kursk Oblast)".</summary>
    private static string Source(Claimant c) =>
        c.Canonical is { } id && ClaimantRegistry.Default.TryGet(id, out var e) && !string.Equals(e.Name, c.Name, StringComparison.OrdinalIgnoreCase)
            ? $"{c.Name} ({e.Name})"
            : c.Name;

    private static string Cut(string s, int max)
    {
        s = s.Replace('\n', ' ');
        return s.Length <= max || max < 4 ? s : s[..(max - 1)] + "…";
    }
}
