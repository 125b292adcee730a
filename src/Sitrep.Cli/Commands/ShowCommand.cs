using System.Globalization;
using System.Text;
using Sitrep.Core;
using Sitrep.Ledger.Filters;
using Sitrep.Ledger.Formats;
using Sitrep.Storage;

namespace Sitrep.Cli.Commands;

/// <summary><c>sitrep show EVENT</c>: one event with every figure, who claims it, the sentence that says it and its report.</summary>
internal sealed class ShowCommand : ICommand
{
    public IReadOnlyList<OptionSpec> Options { get; } = [new("format", "FORMAT", 'f', "text", "json"), Ledger.DbOption];

    public OperandSpec Operands => OperandSpec.Any("ID");

    public string Name => "show";

    public string Summary => "Show an attack (A12) or event: figures, claims, evidence, reports.";

    public string Usage => $"""
        Usage: sitrep show A12 | EVENT-ID [--format text|json] [--db DB]

        An attack (its id starts with A, the first column of 'sitrep attacks'): its map location, with
        the words that name it, their span and the member event and report they are in; its figures,
        each with best, the range the reports give, ACLED's conservative value and the rule that chose
        best; every claim behind each figure (who says it, which report, the words); and every member
        event with why it joined the attack.

        An event (a number): one stored event: its date and the words that give it, who attacked whom, the places
        (with coordinates when the gazetteer knew them), each weapon with every figure claimed for it
        (value, hedge, who says so, the sentence that says it, the rule that read it, and whether a later
        figure revised it), casualties, the report it came from, and the report's diagnostics.
        Event ids are in the first column of 'sitrep events' ('sitrep events --attack A12': an
        attack's).

          --format FORMAT    text (default) or json
        {Ledger.DbUsage}
        """;

    public int Run(CommandLine args, CliConsole console)
    {
        var format = args.Get("format") ?? "text";
        if (format is not ("text" or "json"))
        {
            throw new UsageException($"unknown format '{format}'; use text or json.");
        }

        var location = Ledger.Location(args);
        Ledger.RejectUnknown(args);
        if (args.Positionals.Count == 1 && args.Positionals[0] is ['A' or 'a', ..] && AttackIds.TryParse(args.Positionals[0], out var attackId))
        {
            try
            {
                return ShowAttackAsync(location, attackId, format, console).GetAwaiter().GetResult();
            }
            catch (StoreException e)
            {
                console.Error.WriteLine($"sitrep show: {e.Code}: {e.Message}");
                return 3;
            }
        }

        if (args.Positionals.Count != 1 || !long.TryParse(args.Positionals[0], NumberStyles.None, CultureInfo.InvariantCulture, out var id))
        {
            throw new UsageException("name one attack (A12) or event (1234) by its id (the first column of 'sitrep attacks' or 'sitrep events').");
        }

        try
        {
            return RunAsync(location, id, format, console).GetAwaiter().GetResult();
        }
        catch (StoreException e)
        {
            console.Error.WriteLine($"sitrep show: {e.Code}: {e.Message}");
            return 3;
        }
    }

    private static async Task<int> ShowAttackAsync(StoreLocation location, long id, string format, CliConsole console)
    {
        await using var store = await EventStore.OpenExistingAsync(location).ConfigureAwait(false);
        var attack = await store.GetAttackAsync(id).ConfigureAwait(false);
        if (attack is null)
        {
            console.Error.WriteLine($"sitrep show: there is no attack A{id} in {location.Display}. 'sitrep attacks' lists the ids.");
            return 1;
        }

        if (attack.Id != id)
        {
            console.Error.WriteLine($"sitrep show: A{id} was merged into {AttackIds.Format(attack.Id)}; showing that.");
        }

        console.Out.Write(format == "json" ? Json.Of(w => AttackFormats.WriteJson(w, attack)) + "\n" : RenderAttack(attack, console.Width));
        console.Out.Flush();
        return 0;
    }

    internal static string RenderAttack(StoredAttack a, int width)
    {
        var sb = new StringBuilder();
        var date = a.Date is { } d ? Cells.Date(d) + (a.Precision == DatePrecision.Night ? " (night)" : "") : "date unknown";
        sb.AppendLine(CultureInfo.InvariantCulture, $"Attack {AttackIds.Format(a.Id)}: {date}, {a.Attacker.ToContract()} → {a.Target.ToContract()}{(a.Contested ? ", figures contested" : "")}");
        Wrap(sb, "  ", $"told by {a.Reports} report{(a.Reports == 1 ? "" : "s")} from {a.Sources} source{(a.Sources == 1 ? "" : "s")} ({a.Events} events): {string.Join(", ", AttackFormats.Sources(a))}", width);
        if (a.Places.Length > 0)
        {
            Wrap(sb, "  ", $"places: {a.Places}", width);
        }

        if (a.Location is { } loc)
        {
            Wrap(sb, "  ", "location " + Place(loc, isLocation: false), width, hanging: "    ");
            Wrap(sb, "    ", LocationEvidence(a, loc), width, hanging: "      ");
        }

        sb.AppendLine();
        sb.AppendLine("Figures (best, the range the reports give, ACLED's conservative value):");
        sb.AppendLine("  (claims: * the one best comes from; - stands; x set aside, and why)");
        foreach (var f in a.Figures)
        {
            var range = f.Low == f.High ? "" : string.Create(CultureInfo.InvariantCulture, $" ({f.Low}–{f.High})");
            sb.AppendLine(CultureInfo.InvariantCulture, $"  {f.Name,-26} {f.Best}{range}, conservative {f.Conservative}{(f.Contested ? ", CONTESTED" : "")}");
            Wrap(sb, "    ", f.Reason.Length > 0 ? f.Reason : f.Rule, width);
            foreach (var c in f.Claims)
            {
                var mark = c.IsBest ? "*" : c.Standing == "stands" ? "-" : "x";
                var who = c.ClaimedBy ?? "no claimant named";
                var line = $"{mark} {c.Qualifier.Hedged(c.Value)} — {who}{(c.ClaimantId is null ? "" : $" [{c.ClaimantId}]")}, {c.Source ?? "report " + c.ReportId}{(c.ReportDate is { } rd ? ", " + Cells.Date(rd) : "")}{(c.Standing == "stands" ? "" : ", " + c.Standing.Replace('_', ' '))}{(c.Partial ? ", partial account" : "")}";
                Wrap(sb, "    ", line, width, hanging: "      ");
                Wrap(sb, "        ", $"\"{c.Evidence.Text}\"", width);
            }
        }

        sb.AppendLine();
        sb.AppendLine("Members (each report's event, and why it joined):");
        foreach (var m in a.Members)
        {
            var r = m.Report;
            Wrap(sb, "  ", $"event {m.EventId} ({m.Article}#{m.StrikeIndex}) — {r?.Source ?? Cells.Host(r?.Url) ?? "report " + m.ReportId}: {MemberTitle(r?.Title)}", width);
            if (r?.Url is { } url)
            {
                Wrap(sb, "    ", url, width);
            }

            Wrap(sb, "    ", m.Explain, width);
        }

        sb.AppendLine();
        Wrap(sb, "", "*: the claim behind best; x: superseded. 'sitrep show EVENT-ID' shows one report's event.", width);
        return sb.ToString();
    }

    private static async Task<int> RunAsync(StoreLocation location, long id, string format, CliConsole console)
    {
        await using var store = await EventStore.OpenExistingAsync(location).ConfigureAwait(false);
        var stored = await store.GetEventAsync(id).ConfigureAwait(false);
        if (stored is null)
        {
            console.Error.WriteLine($"sitrep show: there is no event {id} in {location.Display}. 'sitrep events' lists the ids.");
            return 1;
        }

        var report = await store.GetReportAsync(stored.Report.Id).ConfigureAwait(false);
        console.Out.Write(format == "json" ? Json.Of(w => EventFormats.WriteJson(w, stored)) + "\n" : Render(stored, report, console.Width));
        console.Out.Flush();
        return 0;
    }

    internal static string Render(StoredEvent s, StoredReport? report, int width)
    {
        var e = s.Event;
        var sb = new StringBuilder();
        var kind = e.Kind == EventKind.Aggregate ? "Total over many attacks" : "Strike";
        var date = e.Date.Date is { } d ? Cells.Date(d) : "date unknown";
        sb.Append(CultureInfo.InvariantCulture, $"Event {s.Id}: {kind}, {date}");
        if (e.Date.Precision is not (DatePrecision.Day or DatePrecision.Unknown))
        {
            sb.Append(CultureInfo.InvariantCulture, $" ({e.Date.Precision.ToContract()}{(e.Date.Start is { } st ? $" from {Cells.Date(st)}" : "")})");
        }

        if (!string.IsNullOrEmpty(e.Date.Text))
        {
            sb.Append(CultureInfo.InvariantCulture, $" — \"{e.Date.Text}\"");
        }

        sb.AppendLine();
        sb.AppendLine(CultureInfo.InvariantCulture, $"  attacker {e.Attacker.ToContract()}, target {e.TargetCountry.ToContract()}");
        sb.AppendLine();

        sb.AppendLine("Places");
        if (e.Places.IsEmpty && e.Location is null)
        {
            sb.AppendLine("  (none found)");
        }

        foreach (var p in e.Places)
        {
            sb.AppendLine("  " + Place(p, p == e.Location));
        }

        if (e.Location is not null && !e.Places.Contains(e.Location))
        {
            sb.AppendLine("  " + Place(e.Location, true));
        }

        sb.AppendLine();
        sb.AppendLine("Weapons and figures");
        if (e.Weapons.IsEmpty)
        {
            sb.AppendLine("  (none named)");
        }

        foreach (var w in e.Weapons)
        {
            sb.AppendLine(CultureInfo.InvariantCulture, $"  {w.Weapon.Model ?? w.Weapon.Category.ToContract()}{(w.Weapon.Model is null ? "" : $" ({w.Weapon.Category.ToContract()})")} — \"{w.Evidence.Text}\"");
            foreach (var c in w.Claims)
            {
                Figure(sb, c, width);
            }
        }

        sb.AppendLine();
        sb.AppendLine("Casualties");
        if (e.Casualties.IsEmpty)
        {
            sb.AppendLine("  (none reported)");
        }

        foreach (var c in e.Casualties)
        {
            Figure(sb, c, width);
        }

        if (!e.Claimants.IsEmpty)
        {
            sb.AppendLine();
            sb.AppendLine("Claimed by");
            foreach (var c in e.Claimants)
            {
                sb.AppendLine(CultureInfo.InvariantCulture, $"  {c.Name} ({c.Side.ToContract()})");
            }
        }

        if (!e.Quotes.IsEmpty)
        {
            sb.AppendLine();
            sb.AppendLine("Quotes");
            foreach (var q in e.Quotes)
            {
                Wrap(sb, "    ", "\"" + q.Text + "\"", width);
            }
        }

        sb.AppendLine();
        var r = s.Report;
        sb.AppendLine(CultureInfo.InvariantCulture, $"Report {r.Id} (version {r.Version}): {r.Title ?? "(untitled)"}");
        if (r.Url is not null)
        {
            sb.AppendLine("  " + r.Url);
        }

        sb.AppendLine(CultureInfo.InvariantCulture, $"  published {(r.Published is { } pub ? Cells.Date(pub) : "unknown")}{(r.Source is null ? "" : ", " + r.Source)}; read from {r.Origin}");
        if (report is not null)
        {
            sb.AppendLine(CultureInfo.InvariantCulture, $"  extracted by {report.Extractor ?? "?"} on {report.ExtractedBy ?? "?"} at {report.ExtractedAt?.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture) ?? "?"}");
            foreach (var diag in report.Diagnostics)
            {
                sb.AppendLine(CultureInfo.InvariantCulture, $"  {diag.Severity.ToString().ToLowerInvariant()} {diag.Code}: {diag.Message}");
            }
        }

        return sb.ToString();
    }

    /// <summary>
    /// Where an attack's location is told: its words and span, and the member event and report they are in ("no member's
    /// words recorded" for a location stored before the store kept them that no member's place matches).
    /// </summary>
    internal static string LocationEvidence(StoredAttack a, PlaceRef loc)
    {
        if (a.LocationFrom is not { } from)
        {
            return "(no member's words recorded for it)";
        }

        var member = a.Members.FirstOrDefault(m => m.EventId == from.EventId);
        var where = member is null ? $"event {from.EventId}" : $"event {from.EventId} ({member.Article}#{member.StrikeIndex})";
        return string.Create(CultureInfo.InvariantCulture, $"\"{loc.Text}\" [{loc.Span.Start}..{loc.Span.End}) in {where}, report {from.ReportId}");
    }

    private static string Place(PlaceRef p, bool isLocation)
    {
        var sb = new StringBuilder(p.Text);
        if (p.Name is not null && !string.Equals(p.Name, p.Text, StringComparison.Ordinal))
        {
            sb.Append(" → ").Append(p.Name);
        }

        var where = string.Join(", ", new[] { p.Admin1, p.Country }.Where(x => !string.IsNullOrEmpty(x)));
        if (where.Length > 0)
        {
            sb.Append(", ").Append(where);
        }

        if (p.Latitude is { } lat && p.Longitude is { } lon)
        {
            sb.Append(CultureInfo.InvariantCulture, $" ({lat:0.####}, {lon:0.####})");
        }

        if (p.Feature is not null)
        {
            sb.Append(' ').Append(p.Feature);
        }

        if (p.Occupied)
        {
            sb.Append(", occupied");
        }

        if (isLocation)
        {
            sb.Append("  [map location]");
        }

        return sb.ToString();
    }

    private static void Figure(StringBuilder sb, FigureClaim c, int width)
    {
        var who = c.Claimant is null ? "no claimant named" : $"{c.Claimant.Name} ({c.Claimant.Side.ToContract()})";
        var revised = c.IsCurrent ? "" : $"  [{c.Role.Describe()}]";
        var rule = string.IsNullOrEmpty(c.Rule) ? "" : $"  rule {c.Rule}";
        sb.AppendLine(CultureInfo.InvariantCulture, $"    {c.Kind.ToContract(),-10} {c.Qualifier.Hedged(c.Value)}  — {who}{rule}{revised}");
        Wrap(sb, "        ", $"\"{c.Evidence.Text}\" [{c.Evidence.Span.Start}..{c.Evidence.Span.End})", width);
    }

    /// <summary>
    /// Appends <paramref name="text"/> word-wrapped to <paramref name="width"/>, its first line starting with
    /// <paramref name="indent"/> and the others with <paramref name="hanging"/> (default: the same indent), so a
    /// wrapped bullet's words stay under its text.
    /// </summary>
    private static void Wrap(StringBuilder sb, string indent, string text, int width, string? hanging = null)
    {
        var line = new StringBuilder(indent);
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (line.Length > indent.Length && line.Length + 1 + word.Length > width - 1)
            {
                sb.AppendLine(line.ToString());
                indent = hanging ?? indent;
                line.Clear().Append(indent);
            }

            if (line.Length > indent.Length)
            {
                line.Append(' ');
            }

            line.Append(word);
        }

        sb.AppendLine(line.ToString());
    }

    /// <summary>
    /// A member's title in at most <see cref="MemberTitleCells"/> terminal cells, cut on a word and ended with "…": a
    /// report without a headline line has its first paragraph as its title, which would fill the screen. JSON keeps the
    /// whole title, and so does <c>sitrep show EVENT-ID</c>.
    /// </summary>
    internal static string MemberTitle(string? title)
    {
        if (string.IsNullOrEmpty(title) || TextTable.CellWidth(title) <= MemberTitleCells)
        {
            return title ?? "";
        }

        var cut = TextTable.Cut(title, MemberTitleCells);
        var space = cut.LastIndexOf(' ');
        return space > MemberTitleCells / 2 ? cut[..space].TrimEnd(',', ';', ':', '-', '—') + " …" : cut;
    }

    internal const int MemberTitleCells = 120;
}
