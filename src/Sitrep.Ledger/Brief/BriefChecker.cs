using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Sitrep.Core;
using Sitrep.Ledger.Filters;
using Sitrep.Storage;

namespace Sitrep.Ledger.Brief;

/// <summary>
/// What <see cref="BriefChecker"/> found in one brief: how many numbers, citations and attacks it checked and how many
/// held, and a sentence per problem. A brief passes when there is no problem.
/// </summary>
public sealed record BriefCheck
{
    public int Sentences { get; init; }

    /// <summary>Sentences that carry citations.</summary>
    public int CitedSentences { get; init; }

    /// <summary>Sentences that state the brief's own terms (its window; an empty window) and need none.</summary>
    public int TermsSentences { get; init; }

    /// <summary>Every numeral in the brief's sentences.</summary>
    public int Numbers { get; init; }

    /// <summary>Numerals that are the value of a claim the sentence cites.</summary>
    public int FromClaims { get; init; }

    /// <summary>Numerals that are the sum of the values of claims the sentence cites (a night's total over its attacks).</summary>
    public int Sums { get; init; }

    /// <summary>Numerals that are an interception rate of two figures in the same sentence.</summary>
    public int Rates { get; init; }

    /// <summary>Numerals that count what the brief lists (attacks in the window, an attack's reports and outlets).</summary>
    public int Counts { get; init; }

    /// <summary>Numerals inside quotations: the cited report's own words.</summary>
    public int InQuotes { get; init; }

    /// <summary>Numerals that are part of a date, a clock time or a name (Kh-101).</summary>
    public int InDatesAndNames { get; init; }

    /// <summary>Claims behind figures, and how many the store holds with that value, report and span.</summary>
    public int Claims { get; init; }

    public int ClaimsFound { get; init; }

    public int Citations { get; init; }

    /// <summary>Citations whose span slices their report's text to exactly the quoted words.</summary>
    public int CitationsSliced { get; init; }

    /// <summary>Attacks the store places in the window, and how many the brief tells.</summary>
    public int AttacksInWindow { get; init; }

    public int AttacksShown { get; init; }

    public ImmutableArray<string> Problems { get; init; } = [];

    public bool Passed => Problems.IsEmpty;

    /// <summary>Numerals that are figures, rates or counts (what must come from claims or from what the brief lists).</summary>
    public int Figures => Numbers - InQuotes - InDatesAndNames;

    /// <summary>Of those, how many are backed: a cited claim's value, a sum of cited claims, a rate of figures beside it, a count of what is listed.</summary>
    public int FiguresBacked => FromClaims + Sums + Rates + Counts;

    /// <summary>Adds two checks (of many briefs) together.</summary>
    public BriefCheck Plus(BriefCheck o) => new()
    {
        Sentences = Sentences + o.Sentences,
        CitedSentences = CitedSentences + o.CitedSentences,
        TermsSentences = TermsSentences + o.TermsSentences,
        Numbers = Numbers + o.Numbers,
        FromClaims = FromClaims + o.FromClaims,
        Sums = Sums + o.Sums,
        Rates = Rates + o.Rates,
        Counts = Counts + o.Counts,
        InQuotes = InQuotes + o.InQuotes,
        InDatesAndNames = InDatesAndNames + o.InDatesAndNames,
        Claims = Claims + o.Claims,
        ClaimsFound = ClaimsFound + o.ClaimsFound,
        Citations = Citations + o.Citations,
        CitationsSliced = CitationsSliced + o.CitationsSliced,
        AttacksInWindow = AttacksInWindow + o.AttacksInWindow,
        AttacksShown = AttacksShown + o.AttacksShown,
        Problems = Problems.AddRange(o.Problems),
    };

    /// <summary>The counts as lines for people.</summary>
    public string Summary()
    {
        static string Pct(int n, int of) => of == 0 ? "—" : (100.0 * n / of).ToString("0.0", CultureInfo.InvariantCulture) + "%";
        var sb = new StringBuilder();
        sb.AppendLine(CultureInfo.InvariantCulture, $"numbers: {Figures} figures, rates and counts in {Sentences} sentences; {FiguresBacked} backed ({Pct(FiguresBacked, Figures)}): {FromClaims} a cited claim's value, {Sums} sums of cited claims, {Rates} rates of the figures beside them, {Counts} counts of what the brief lists");
        sb.AppendLine(CultureInfo.InvariantCulture, $"claims: {ClaimsFound} of {Claims} claims behind the figures found in the store with that value, report and span ({Pct(ClaimsFound, Claims)}); {InQuotes} numerals inside quotations, {InDatesAndNames} in dates, times and names");
        sb.AppendLine(CultureInfo.InvariantCulture, $"citations: {CitationsSliced} of {Citations} spans slice their report's text to the quoted words ({Pct(CitationsSliced, Citations)}); {CitedSentences} of {Sentences - TermsSentences} sentences cited ({Pct(CitedSentences, Sentences - TermsSentences)}), {TermsSentences} state the window");
        sb.AppendLine(CultureInfo.InvariantCulture, $"attacks: {AttacksShown} of {AttacksInWindow} attacks in the window appear ({Pct(AttacksShown, AttacksInWindow)})");
        sb.Append(CultureInfo.InvariantCulture, $"problems: {Problems.Length}");
        return sb.ToString();
    }
}

/// <summary>
/// Checks a brief against the store it was written from: every number in a sentence is backed (a claim the sentence
/// cites holds that value, with that report and span; or it is a sum of such claims, a rate of two figures in the
/// sentence, or a count of what the brief lists), every citation's span slices its report's text to the quoted
/// words, every quotation is its citation's words, every sentence but the window's carries a citation, and every
/// attack the store places in the window appears. It reads the store itself (the attacks of the window, their
/// claims, the reports' text) rather than trusting the brief, and reads the sentence text for numerals rather than
/// trusting its values.
/// </summary>
public static partial class BriefChecker
{
    /// <summary>An interception rate in whole percent: destroyed over launched, half away from zero.</summary>
    public static int Percent(int destroyed, int launched) => (int)Math.Round(100.0 * destroyed / launched, MidpointRounding.AwayFromZero);

    public static async Task<BriefCheck> CheckAsync(BriefDocument brief, IStoreSnapshot snapshot, CancellationToken cancellationToken = default)
    {
        var problems = new List<string>();
        var window = brief.Window;

        // What the store says.
        var heads = await snapshot.FindAttacksAsync(new EventQuery { Since = window.First, Until = window.Last, Limit = null }, cancellationToken).ConfigureAwait(false);
        var inWindow = heads.Where(a => window.Place(a.Date, a.Precision) != BriefPlacement.Outside).Select(a => a.Id).ToHashSet();
        var refs = brief.Sentences.SelectMany(s => s.Values).SelectMany(v => v.Claims).ToList();
        var attacks = (await snapshot.GetAttacksAsync([.. refs.Where(r => r.AttackId is not null).Select(r => r.AttackId!.Value).Concat(brief.Attacks).Distinct()], cancellationToken).ConfigureAwait(false))
            .ToDictionary(a => a.Id);
        var events = (await snapshot.GetEventsAsync([.. refs.Where(r => r.AttackId is null).Select(r => r.EventId).Distinct()], cancellationToken).ConfigureAwait(false))
            .ToDictionary(e => e.Id);
        var reports = (await snapshot.GetReportsAsync([.. brief.Citations.Select(c => c.ReportId).Distinct()], cancellationToken).ConfigureAwait(false))
            .ToDictionary(r => r.Id);

        // Citations.
        var sliced = 0;
        for (var i = 0; i < brief.Citations.Length; i++)
        {
            var c = brief.Citations[i];
            if (c.Number != i + 1)
            {
                problems.Add($"citation {i + 1} is numbered {c.Number}.");
            }

            if (!reports.TryGetValue(c.ReportId, out var report))
            {
                problems.Add($"citation {c.Number}: report {c.ReportId} is not in the store.");
                continue;
            }

            var text = report.Article.Text;
            if (c.Span.Start < 0 || c.Span.End > text.Length || c.Span.Start > c.Span.End)
            {
                problems.Add($"citation {c.Number}: the span [{c.Span.Start}, {c.Span.End}) lies outside report {c.ReportId}'s text ({text.Length} characters).");
                continue;
            }

            var slice = text[c.Span.Start..c.Span.End];
            if (slice != c.Quote)
            {
                problems.Add($"citation {c.Number}: report {c.ReportId}'s text at [{c.Span.Start}, {c.Span.End}) is \"{slice}\", not the quoted \"{c.Quote}\".");
            }
            else if (!text.AsSpan(0, c.Span.Start).EndsWith(c.Before, StringComparison.Ordinal) || !text.AsSpan(c.Span.End).StartsWith(c.After, StringComparison.Ordinal))
            {
                problems.Add($"citation {c.Number}: the words shown around the quote are not the report's.");
            }
            else
            {
                sliced++;
            }
        }

        // Sentences.
        int sentences = 0, cited = 0, terms = 0, numbers = 0, fromClaims = 0, sums = 0, rates = 0, counts = 0, inQuotes = 0, inNames = 0;
        var claimsChecked = new HashSet<BriefClaimRef>();
        var claimsFound = new HashSet<BriefClaimRef>();
        foreach (var (section, paragraph, s) in brief.Sections.SelectMany(sec => sec.Paragraphs.SelectMany(p => p.Sentences.Select(x => (sec, p, x)))))
        {
            sentences++;
            var where = $"{section.Key}{(paragraph.AttackId is { } id ? " " + AttackIds.Format(id) : "")}: \"{Short(s.Text)}\"";
            if (s.Citations.IsEmpty)
            {
                if (BriefSentence.Uncited.Contains(s.Kind))
                {
                    terms++;
                }
                else
                {
                    problems.Add($"{where} cites nothing.");
                }
            }
            else
            {
                cited++;
            }

            foreach (var n in s.Citations.Where(n => n < 1 || n > brief.Citations.Length))
            {
                problems.Add($"{where} cites [{n}], which the brief does not have.");
            }

            if (s.Values.Any(v => v.Start < 0 || v.End > s.Text.Length || v.Start > v.End))
            {
                problems.Add($"{where} has a value outside its text.");
                continue;
            }

            // Every numeral in the text, read from the text.
            foreach (Match m in Numeral().Matches(s.Text))
            {
                numbers++;
                var v = s.Values.FirstOrDefault(v => v.Start <= m.Index && m.Index + m.Length <= v.End);
                switch (v?.Kind)
                {
                    case null:
                        problems.Add($"{where}: the number {m.Value} comes from no value of the brief.");
                        break;
                    case BriefValueKind.Quote:
                        inQuotes++;
                        break;
                    case BriefValueKind.Date or BriefValueKind.Time or BriefValueKind.Name:
                        inNames++;
                        if (v.Kind != BriefValueKind.Name && !InDateOrTime(v, m.Value))
                        {
                            problems.Add($"{where}: {m.Value} is not part of the {v.Kind.ToString().ToLowerInvariant()} {v.Iso}.");
                        }

                        break;
                    default:
                        var shown = int.TryParse(m.Value.Replace(",", "", StringComparison.Ordinal).Replace("\u00A0", "", StringComparison.Ordinal).Replace("\u202F", "", StringComparison.Ordinal),
                            NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) ? parsed : (int?)null;
                        if (m.Index != v.Start || m.Index + m.Length != v.End || shown != v.Number)
                        {
                            problems.Add($"{where}: the text shows {m.Value} where the value is {v.Number}.");
                            break;
                        }

                        switch (Backing(s, v, brief, paragraph.AttackId, inWindow, attacks, events, claimsChecked, claimsFound, out var why))
                        {
                            case "claim": fromClaims++; break;
                            case "sum": sums++; break;
                            case "rate": rates++; break;
                            case "count": counts++; break;
                            default: problems.Add($"{where}: {m.Value} {why}"); break;
                        }

                        break;
                }
            }

            foreach (var q in s.Values.Where(v => v.Kind == BriefValueKind.Quote))
            {
                if (q.Citation is not { } n || !s.Citations.Contains(n) || n > brief.Citations.Length || brief.Citation(n).Quote != s.TextOf(q))
                {
                    problems.Add($"{where}: the quotation \"{Short(s.TextOf(q))}\" is not the words of a citation it carries.");
                }
            }
        }

        // Attacks.
        var shownIds = brief.Sections.Where(sec => sec.Key is "attacks" or "untimed").SelectMany(sec => sec.Paragraphs).Select(p => p.AttackId).OfType<long>().ToList();
        foreach (var missing in inWindow.Where(id => !shownIds.Contains(id)).Order())
        {
            problems.Add($"{AttackIds.Format(missing)} is in the window but not in the brief.");
        }

        foreach (var extra in shownIds.Where(id => !inWindow.Contains(id)))
        {
            problems.Add($"{AttackIds.Format(extra)} is told but is not in the window.");
        }

        if (!brief.Attacks.SequenceEqual(shownIds))
        {
            problems.Add("the brief's list of attacks is not the attacks it tells, in order.");
        }

        return new BriefCheck
        {
            Sentences = sentences,
            CitedSentences = cited,
            TermsSentences = terms,
            Numbers = numbers,
            FromClaims = fromClaims,
            Sums = sums,
            Rates = rates,
            Counts = counts,
            InQuotes = inQuotes,
            InDatesAndNames = inNames,
            Claims = claimsChecked.Count,
            ClaimsFound = claimsFound.Count,
            Citations = brief.Citations.Length,
            CitationsSliced = sliced,
            AttacksInWindow = inWindow.Count,
            AttacksShown = shownIds.Count(inWindow.Contains),
            Problems = [.. problems],
        };
    }

    /// <summary>How a figure, rate or count is backed ("claim", "sum", "rate", "count"), or null with why not.</summary>
    private static string? Backing(BriefSentence s, BriefValue v, BriefDocument brief, long? attackId, HashSet<long> inWindow, Dictionary<long, StoredAttack> attacks,
        Dictionary<long, StoredEvent> events, HashSet<BriefClaimRef> checkedRefs, HashSet<BriefClaimRef> found, out string why)
    {
        why = "";
        switch (v.Kind)
        {
            case BriefValueKind.Figure:
                if (v.Claims.IsEmpty)
                {
                    why = "cites no claim.";
                    return null;
                }

                foreach (var r in v.Claims)
                {
                    checkedRefs.Add(r);
                    if (!s.Citations.Contains(r.Citation) || r.Citation > brief.Citations.Length)
                    {
                        why = $"comes from a claim whose citation [{r.Citation}] the sentence does not carry.";
                        return null;
                    }

                    if (!InStore(r, brief.Citation(r.Citation), attacks, events))
                    {
                        why = $"comes from a claim ({r.Figure} {r.Value}, citation [{r.Citation}]) the store does not hold with that value, report and span.";
                        return null;
                    }

                    found.Add(r);
                }

                if (v.Derivation == "claim" && v.Claims.Length == 1 && v.Claims[0].Value == v.Number)
                {
                    return "claim";
                }

                if (v.Derivation == "sum" && Counts.Sum(v.Claims, c => c.Value) == v.Number)
                {
                    return "sum";
                }

                why = $"is not {(v.Derivation == "sum" ? "the sum" : "the value")} of the claims it cites ({string.Join(" + ", v.Claims.Select(c => c.Value))}).";
                return null;

            case BriefValueKind.Rate:
                var figures = s.Values.Where(x => x.Kind == BriefValueKind.Figure).Select(x => x.Number).ToHashSet();
                if (v.Numerator is { } d && v.Denominator is { } l && l > 0 && Percent(d, l) == v.Number && figures.Contains(d) && figures.Contains(l))
                {
                    return "rate";
                }

                why = $"is not the rate of two figures of the sentence ({v.Numerator} of {v.Denominator}).";
                return null;

            case BriefValueKind.Count:
                var items = v.Items.Distinct(StringComparer.Ordinal).ToList();
                // A report counted is one the sentence cites, or one of the reports of the attack the paragraph tells, as the store has it.
                var reportsCited = s.Citations.Where(n => n <= brief.Citations.Length).Select(n => "R" + brief.Citation(n).ReportId.ToString(CultureInfo.InvariantCulture))
                    .Concat(attackId is { } told && attacks.TryGetValue(told, out var stored) ? stored.Members.Select(m => "R" + m.ReportId.ToString(CultureInfo.InvariantCulture)) : [])
                    .ToHashSet();
                if (items.Count != v.Number)
                {
                    why = $"counts {items.Count} items.";
                    return null;
                }

                if (items.FirstOrDefault(i => IsId(i, 'A') && (!AttackIds.TryParse(i, out var a) || !inWindow.Contains(a))) is { } outside)
                {
                    why = $"counts {outside}, which is not in the window.";
                    return null;
                }

                if (items.FirstOrDefault(i => IsId(i, 'R') && !reportsCited.Contains(i)) is { } uncited)
                {
                    why = $"counts report {uncited[1..]}, which the sentence does not cite and the attack does not hold.";
                    return null;
                }

                return "count";

            default:
                why = "is not a figure.";
                return null;
        }
    }

    /// <summary>True when the store holds the claim: an attack figure's claim (or a background event's) with its value, report and span.</summary>
    private static bool InStore(BriefClaimRef r, BriefCitation c, Dictionary<long, StoredAttack> attacks, Dictionary<long, StoredEvent> events)
    {
        if (r.AttackId is { } attackId)
        {
            return attacks.TryGetValue(attackId, out var a) && a.Figure(r.Figure) is { } f
                && f.Claims.Any(x => x.EventId == r.EventId && x.ReportId == c.ReportId && x.Evidence.Span == c.Span && x.Value == r.Value);
        }

        return events.TryGetValue(r.EventId, out var e) && e.Report.Id == c.ReportId
            && e.Event.Weapons.SelectMany(w => w.Claims).Concat(e.Event.Casualties).Any(x => x.Evidence.Span == c.Span && x.Value == r.Value);
    }

    /// <summary>True for an attack id ("A12") or a report id ("R7"), as a count lists them; an outlet is listed as "outlet:NAME".</summary>
    private static bool IsId(string item, char prefix) => item.Length > 1 && item[0] == prefix && item.AsSpan(1).IndexOfAnyExceptInRange('0', '9') < 0;

    private static bool InDateOrTime(BriefValue v, string numeral)
    {
        if (v.Iso is null)
        {
            return false;
        }

        if (v.Kind == BriefValueKind.Time)
        {
            return v.Iso.Split(':').Contains(numeral, StringComparer.Ordinal);
        }

        return DateOnly.TryParseExact(v.Iso, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
            && (numeral == d.Day.ToString(CultureInfo.InvariantCulture) || numeral == d.Year.ToString(CultureInfo.InvariantCulture));
    }

    private static string Short(string s) => s.Length <= 80 ? s : s[..77] + "…";

    /// <summary>A run of digits, with thousands separators (comma, no-break spaces) between groups of three.</summary>
    [GeneratedRegex(@"\d+(?:[,\u00A0\u202F]\d{3})*", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Numeral();
}
