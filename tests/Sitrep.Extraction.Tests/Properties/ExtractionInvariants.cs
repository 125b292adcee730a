using Sitrep.Core;

namespace Sitrep.Extraction.Tests.Properties;

/// <summary>
/// The invariants every extraction must keep, whatever the text: each span lies inside the article text and slicing
/// the text there gives the words the extraction says it found; figures are not negative; no stage crashed.
/// </summary>
internal static class ExtractionInvariants
{
    /// <summary>Diagnostic codes the pipeline uses when a stage or the assembler threw (the crash was caught, but it is a bug).</summary>
    private static readonly HashSet<string> CrashCodes = ["SX100", "SX101"];

    /// <summary>Every broken invariant, as a sentence naming the item and the span; empty when all hold.</summary>
    public static List<string> Violations(Sitrep.Core.Extraction x)
    {
        var text = x.Article.Text;
        var problems = new List<string>();

        void Check(string what, TextSpan span, string expected)
        {
            if (!span.FitsIn(text.Length))
            {
                problems.Add($"{what}: span {span} lies outside the text (length {text.Length})");
                return;
            }

            var slice = span.Slice(text);
            if (!string.Equals(slice, expected, StringComparison.Ordinal))
            {
                problems.Add($"{what}: text at {span} is \"{Short(slice)}\" but the extraction says \"{Short(expected)}\"");
            }
        }

        void CheckClaimant(string what, Claimant? c)
        {
            if (c is null)
            {
                return;
            }

            if (!c.Span.FitsIn(text.Length))
            {
                problems.Add($"{what} claimant '{c.Name}': span {c.Span} lies outside the text (length {text.Length})");
            }
            else if (!string.Equals(c.Span.Slice(text).Trim(), c.Name, StringComparison.Ordinal))
            {
                problems.Add($"{what} claimant: text at {c.Span} is \"{Short(c.Span.Slice(text))}\" but the name is \"{Short(c.Name)}\"");
            }
        }

        void CheckFigure(string what, FigureClaim f)
        {
            Check($"{what} {f.Kind} {f.Value} evidence", f.Evidence.Span, f.Evidence.Text);
            CheckClaimant($"{what} {f.Kind} {f.Value}", f.Claimant);
            if (f.Value < 0)
            {
                problems.Add($"{what} {f.Kind} has a negative value {f.Value} (from \"{Short(f.Evidence.Text)}\")");
            }
        }

        for (var i = 0; i < x.Events.Length; i++)
        {
            var e = x.Events[i];
            var ev = $"event {i}";
            Check($"{ev} date", e.Date.Span, e.Date.Text);
            foreach (var p in e.Places)
            {
                Check($"{ev} place '{p.Text}'", p.Span, p.Text);
            }

            if (e.Location is { } loc)
            {
                Check($"{ev} location '{loc.Text}'", loc.Span, loc.Text);
            }

            foreach (var w in e.Weapons)
            {
                Check($"{ev} weapon {w.Weapon.Category}", w.Evidence.Span, w.Evidence.Text);
                foreach (var f in w.Claims)
                {
                    CheckFigure($"{ev} {w.Weapon.Category}", f);
                }
            }

            foreach (var f in e.Casualties)
            {
                CheckFigure(ev, f);
            }

            foreach (var c in e.Claimants)
            {
                CheckClaimant(ev, c);
            }

            foreach (var q in e.Quotes)
            {
                Check($"{ev} quote", q.Span, q.Text);
            }
        }

        foreach (var d in x.Diagnostics)
        {
            if (d.Span is { } s && !s.FitsIn(text.Length))
            {
                problems.Add($"diagnostic {d.Code}: span {s} lies outside the text (length {text.Length})");
            }

            if (CrashCodes.Contains(d.Code) || d.Message.Contains("failed on this article", StringComparison.Ordinal))
            {
                problems.Add($"a stage crashed: {d.Code} {d.Message}");
            }
        }

        return problems;
    }

    /// <summary>A compact, order-preserving fingerprint of everything extracted, for comparing runs.</summary>
    public static string Fingerprint(Sitrep.Core.Extraction x)
    {
        var sb = new System.Text.StringBuilder();
        foreach (var e in x.Events)
        {
            sb.Append('[').Append(e.Kind).Append(' ').Append(e.Date.Date).Append(e.Date.Span).Append(' ').Append(e.Attacker).Append('>').Append(e.TargetCountry);
            foreach (var p in e.Places)
            {
                sb.Append(" p:").Append(p.Text).Append(p.Span).Append(p.GazetteerId);
            }

            foreach (var w in e.Weapons)
            {
                sb.Append(" w:").Append(w.Weapon.Category).Append('/').Append(w.Weapon.Model);
                foreach (var f in w.Claims)
                {
                    sb.Append(' ').Append(f.Kind).Append('=').Append(f.Value).Append(f.Qualifier).Append(f.Evidence.Span).Append(f.IsCurrent);
                }
            }

            foreach (var f in e.Casualties)
            {
                sb.Append(" c:").Append(f.Kind).Append('=').Append(f.Value).Append(f.Evidence.Span).Append(f.IsCurrent);
            }

            sb.Append(" q:").Append(e.Quotes.Length).Append(']');
        }

        foreach (var d in x.Diagnostics)
        {
            sb.Append(" d:").Append(d.Code).Append(d.Span);
        }

        return sb.ToString();
    }

    private static string Short(string s)
    {
        var one = s.Replace("\n", "\\n", StringComparison.Ordinal);
        return one.Length <= 80 ? one : one[..77] + "...";
    }
}
