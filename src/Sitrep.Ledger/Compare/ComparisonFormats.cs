using System.Globalization;
using System.Text;
using System.Text.Json;
using Sitrep.Core;
using Sitrep.Extraction.Output;
using Sitrep.Ledger.Filters;
using Sitrep.Ledger.Formats;

namespace Sitrep.Ledger.Compare;

/// <summary>
/// The comparison as one JSON object, the shape every host sends: <c>reference</c> (the file, its rows, bad rows
/// and unmapped models), <c>span</c>, <c>nights</c> (one object per night and family, with both sides' figures, the
/// agreement and the attack ids) and <c>summary</c>. Agreements by their contract names (<see cref="Name"/>).
/// </summary>
public static class ComparisonJson
{
    public const string MediaType = "application/json";

    /// <summary>The agreement's contract name: exact, within_10pct, mismatch, no_common_figure, only_ledger, only_reference.</summary>
    public static string Name(Agreement a) => a switch
    {
        Agreement.Exact => "exact",
        Agreement.Within10Percent => "within_10pct",
        Agreement.Mismatch => "mismatch",
        Agreement.NoCommonFigure => "no_common_figure",
        Agreement.OnlyLedger => "only_ledger",
        _ => "only_reference",
    };

    /// <summary>The report as compact JSON, with a closing newline.</summary>
    public static void Write(TextWriter output, ComparisonReport report)
    {
        output.Write(Json.Of(w => Write(w, report)));
        output.Write('\n');
    }

    public static void Write(Utf8JsonWriter w, ComparisonReport report)
    {
        var s = report.Summary;
        w.WriteStartObject();
        WriteReference(w, report.Reference);
        w.WritePropertyName("span");
        if (report.Span is { } span)
        {
            w.WriteStartObject();
            w.WriteString("since", Cells.Date(span.Since));
            w.WriteString("until", Cells.Date(span.Until));
            w.WriteString("since_from", span.SinceFrom == SpanEnd.Given ? "given" : "ledger");
            w.WriteString("until_from", span.UntilFrom == SpanEnd.Given ? "given" : "ledger");
            w.WriteNumber("nights", span.Nights);
            w.WriteEndObject();
        }
        else
        {
            w.WriteNullValue();
        }

        w.WriteStartArray("nights");
        foreach (var n in report.Nights)
        {
            WriteNight(w, n);
        }

        w.WriteEndArray();

        w.WriteStartObject("summary");
        w.WriteNumber("nights_in_ledger", s.NightsInLedger);
        w.WriteNumber("nights_in_reference", s.NightsInReference);
        w.WriteNumber("nights_in_both", s.NightsInBoth);
        w.WriteNumber("compared", s.Compared);
        WriteShare(w, "exact", s.Exact);
        WriteShare(w, "within_10pct", s.Within10Percent);
        WriteShare(w, "mismatch", s.Mismatch);
        WriteShare(w, "no_common_figure", s.NoCommonFigure);
        w.WriteNumber("only_ledger", s.OnlyLedger);
        w.WriteNumber("only_reference", s.OnlyReference);
        w.WriteStartArray("mismatches");
        foreach (var n in s.Mismatches)
        {
            WriteNight(w, n);
        }

        w.WriteEndArray();
        w.WriteStartObject("ledger_attacks");
        w.WriteNumber("in_span", s.LedgerAttacks);
        w.WriteNumber("compared", s.LedgerAttacksCompared);
        w.WriteNumber("other_parties", s.LedgerAttacksOtherParties);
        w.WriteNumber("undated", s.LedgerAttacksUndated);
        w.WriteEndObject();
        w.WriteStartObject("reference_rows");
        w.WriteNumber("in_span", s.ReferenceRowsInSpan);
        w.WriteNumber("unmapped", s.ReferenceRowsUnmapped);
        w.WriteStartObject("other_families");
        foreach (var (family, count) in s.ReferenceRowsOtherFamilies.OrderBy(p => p.Key))
        {
            w.WriteNumber(family.ToContract(), count);
        }

        w.WriteEndObject();
        w.WriteEndObject();
        WriteUnmapped(w, "unmapped_models", s.UnmappedModels);
        w.WriteEndObject();
        w.WriteEndObject();
    }

    private static void WriteReference(Utf8JsonWriter w, ReferenceTable t)
    {
        w.WriteStartObject("reference");
        w.WriteString("file", t.Source);
        w.WriteNumber("rows", t.RowCount);
        w.WriteNumber("rows_read", t.Rows.Length);
        w.WriteStartArray("bad_rows");
        foreach (var p in t.BadRows)
        {
            w.WriteStartObject();
            w.WriteNumber("line", p.Line);
            w.WriteString("problem", p.Message);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        WriteUnmapped(w, "unmapped_models", t.UnmappedModels);
        w.WriteEndObject();
    }

    private static void WriteNight(Utf8JsonWriter w, NightComparison n)
    {
        w.WriteStartObject();
        w.WriteString("night", Cells.Date(n.Night));
        w.WriteString("family", n.Family.ToContract());
        w.WriteString("agreement", Name(n.Agreement));
        WriteFigures(w, "ledger", n.Ledger);
        WriteFigures(w, "reference", n.Reference);
        w.WriteNumber("reference_rows", n.ReferenceRows);
        w.WriteStartArray("attacks");
        foreach (var id in n.AttackIds)
        {
            w.WriteStringValue(AttackIds.Format(id));
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void WriteFigures(Utf8JsonWriter w, string name, NightFigures? figures)
    {
        if (figures is not { } f)
        {
            w.WriteNull(name);
            return;
        }

        w.WriteStartObject(name);
        w.WriteNumberOrNull("launched", f.Launched);
        w.WriteNumberOrNull("destroyed", f.Destroyed);
        w.WriteEndObject();
    }

    private static void WriteShare(Utf8JsonWriter w, string name, ShareCount share)
    {
        w.WriteStartObject(name);
        w.WriteNumber("count", share.Count);
        w.WriteNumberOrNull("share", share.Share, 4);
        w.WriteEndObject();
    }

    private static void WriteUnmapped(Utf8JsonWriter w, string name, IEnumerable<UnmappedModel> models)
    {
        w.WriteStartArray(name);
        foreach (var m in models)
        {
            w.WriteStartObject();
            w.WriteString("model", m.Model);
            w.WriteString("problem", m.Problem);
            w.WriteNumber("rows", m.Rows);
            w.WriteNumber("launched", m.Launched);
            w.WriteString("first_night", Cells.Date(m.FirstNight));
            w.WriteString("last_night", Cells.Date(m.LastNight));
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }
}

/// <summary>
/// The comparison for people: the cells of its table (one row per night and family; a host lays them out, e.g. the
/// CLI's width-fitting table) and the summary as lines of at most <see cref="Width"/> characters. Figures are
/// written launched/destroyed, "?" for one a side does not know, "-" for a side with nothing.
/// </summary>
public static class ComparisonText
{
    /// <summary>The widest line the summary writes.</summary>
    public const int Width = 78;

    public static readonly IReadOnlyList<string> Header = ["NIGHT", "FAMILY", "LEDGER", "REFERENCE", "AGREEMENT", "ATTACKS"];

    /// <summary>The agreement for people: exact, within 10%, mismatch, no common, ledger only, reference only.</summary>
    public static string Name(Agreement a) => a switch
    {
        Agreement.Exact => "exact",
        Agreement.Within10Percent => "within 10%",
        Agreement.Mismatch => "mismatch",
        Agreement.NoCommonFigure => "no common",
        Agreement.OnlyLedger => "ledger only",
        _ => "reference only",
    };

    public static IReadOnlyList<string> Row(NightComparison n) =>
        [Cells.Date(n.Night), n.Family.ToContract(), Figures(n.Ledger), Figures(n.Reference), Name(n.Agreement), Attacks(n)];

    /// <summary>"236/215"; "236/?" when destroyed is unknown; "-" for a side with nothing.</summary>
    public static string Figures(NightFigures? f) =>
        f is { } x ? $"{Cells.Inv(x.Launched, "?")}/{Cells.Inv(x.Destroyed, "?")}" : "-";

    public static string Attacks(NightComparison n) => string.Join(' ', n.AttackIds.Select(AttackIds.Format));

    /// <summary>The summary, each line at most <see cref="Width"/> characters.</summary>
    public static IReadOnlyList<string> Summary(ComparisonReport report)
    {
        var s = report.Summary;
        var lines = new List<string>();
        void Say(string text) => lines.AddRange(Wrap(text, Width, "  "));
        if (report.Span is not { } span)
        {
            Say("Nothing compared: the ledger has no dated attack to choose the nights from. Give --since and --until to compare those nights.");
            return lines;
        }

        var from = span.SinceFrom == SpanEnd.Given ? "--since" : "the ledger's first night";
        var to = span.UntilFrom == SpanEnd.Given ? "--until" : "the ledger's last night";
        Say($"Nights {Cells.Date(span.Since)} to {Cells.Date(span.Until)} ({span.Nights}; from {from} to {to}). Figures are launched/destroyed; ledger: Russia's attacks on Ukraine, best figures summed per night.");
        Say($"Nights: {s.NightsInLedger} in the ledger, {s.NightsInReference} in the reference, {s.NightsInBoth} in both.");
        Say($"Nights x families compared: {s.Compared}. Exact: {Share(s.Exact)}; within 10%: {Share(s.Within10Percent)}; mismatch: {Share(s.Mismatch)}"
            + (s.NoCommonFigure.Count > 0 ? $"; no common figure: {Share(s.NoCommonFigure)}." : "."));
        Say($"Only in the ledger: {s.OnlyLedger}; only in the reference: {s.OnlyReference}.");
        if (s.LedgerAttacksOtherParties > 0 || s.LedgerAttacksUndated > 0)
        {
            Say($"Ledger attacks not compared: {s.LedgerAttacksOtherParties} not by Russia on Ukraine, {s.LedgerAttacksUndated} without a date.");
        }

        if (s.ReferenceRowsOtherFamilies.Count > 0)
        {
            Say("Reference rows of families not compared: "
                + string.Join(", ", s.ReferenceRowsOtherFamilies.OrderBy(p => p.Key).Select(p => $"{p.Value} {p.Key.ToContract()}")) + ".");
        }

        if (s.UnmappedModels.Length > 0)
        {
            Say($"Reference rows left out, their model not mapped to a family: {s.ReferenceRowsUnmapped} ("
                + string.Join("; ", s.UnmappedModels.Select(m => $"{m.Model}: {m.Rows}, {m.Problem}")) + ").");
        }

        return lines;
    }

    /// <summary>Words of <paramref name="text"/> in lines of at most <paramref name="width"/>; lines after the first start with <paramref name="indent"/>.</summary>
    public static IEnumerable<string> Wrap(string text, int width, string indent = "")
    {
        var line = new StringBuilder();
        var empty = true;
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (!empty && line.Length + 1 + word.Length > width)
            {
                yield return line.ToString();
                line.Clear().Append(indent);
                empty = true;
            }

            if (!empty)
            {
                line.Append(' ');
            }

            var room = width - line.Length;
            line.Append(word.Length > room ? word[..Math.Max(0, room - 1)] + "…" : word);
            empty = false;
        }

        if (!empty)
        {
            yield return line.ToString();
        }
    }

    private static string Share(ShareCount c) =>
        c.Share is { } share ? $"{c.Count} ({share.ToString("0%", CultureInfo.InvariantCulture)})" : Cells.Inv(c.Count);
}
