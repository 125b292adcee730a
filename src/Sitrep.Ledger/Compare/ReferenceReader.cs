using System.Collections.Immutable;
using System.Globalization;
using CsvHelper;
using Sitrep.Ingest;

namespace Sitrep.Ledger.Compare;

/// <summary>
/// Reads the reference table that <c>sitrep compare</c> checks the ledger against: a CSV file in the shape of
/// Ukraine's air-force reports as tabulated by P. Ivaniuk (<c>missile_attacks_daily.csv</c>), one row per weapon
/// model per reporting window.
/// <list type="bullet">
/// <item>A header row, then one row per line, comma-separated; a field with a comma is in double quotes ("" for a
/// quote inside it). A UTF-8 byte order mark is allowed. Header names are matched without case or surrounding
/// spaces; their order does not matter.</item>
/// <item>Columns read: <c>time_end</c>, <c>model</c>, <c>launched</c>, <c>destroyed</c> (required) and
/// <c>time_start</c> (checked when present). All others (launch_place, target, source, …) are ignored.</item>
/// <item><c>time_end</c>: <c>2026-06-07 08:30</c> or <c>2026-06-07</c> (also <c>8:30</c>, seconds, or a T before
/// the time). The row's night is its date: an overnight window 18:00 → 08:30 is the morning's night, as the ledger
/// dates a night. <c>time_start</c>, when given, is in the same form and not after <c>time_end</c>.</item>
/// <item><c>model</c>: the weapon as the table names it, perhaps several ("Shahed-136/131", "X-101/X-555 and
/// Kalibr"); mapped to a weapon family by <see cref="ReferenceModels"/>.</item>
/// <item><c>launched</c>, <c>destroyed</c>: whole numbers of 0 or more, written <c>236</c> or <c>236.0</c>; empty
/// (or NaN) when not known. A row needs at least one of them.</item>
/// </list>
/// A row that breaks these rules is left out and reported (its line, what is wrong, what to write), and the rest
/// are read. The file as a whole fails only when it is missing, unreadable, empty, not CSV text, or lacks a required
/// column. Never throws on content.
/// </summary>
public static class ReferenceReader
{
    /// <summary>The columns a reference table must have.</summary>
    public static readonly ImmutableArray<string> RequiredColumns = ["time_end", "model", "launched", "destroyed"];

    /// <summary>The format for help texts, shaped for an 80-column terminal.</summary>
    public const string FormatUsage = """
        The reference is a CSV file in the shape of Ukraine's air-force reports as
        tabulated by P. Ivaniuk (missile_attacks_daily.csv): a header row, then one
        row per weapon model per reporting window, one row per line, fields with
        commas in double quotes. Columns read (others are ignored):
          time_end     when the window ends: 2026-06-07 08:30 or 2026-06-07; the row's
                       night is this date (18:00 -> 08:30 is the morning's night)
          time_start   optional; same form, not after time_end
          model        e.g. Shahed-136/131, X-101/X-555 and Kalibr; mapped to drone or
                       missile by the weapon lexicon, else by its words (UAV, Missile);
                       models it cannot map are listed and left out
          launched     a whole number (236 or 236.0); empty when not known
          destroyed    the same
        A bad row is reported by its line and left out; the others are read.
        """;

    private static readonly string[] TimeFormats =
    [
        "yyyy-MM-dd", "yyyy-MM-dd HH:mm", "yyyy-MM-dd H:mm", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd H:mm:ss",
        "yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss",
    ];

    /// <summary>Reads the reference table at <paramref name="path"/>.</summary>
    public static ReferenceReadResult Read(string path)
    {
        if (Directory.Exists(path))
        {
            return ReferenceReadResult.Fail(ErrorCatalogue.ReferenceNotCsv(path, "it is a folder"));
        }

        if (!File.Exists(path))
        {
            return ReferenceReadResult.Fail(ErrorCatalogue.ReferenceNotFound(path));
        }

        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return ReferenceReadResult.Fail(ErrorCatalogue.ReferenceUnreadable(path, e.Message));
        }

        return Read(bytes, path);
    }

    /// <summary>Reads a reference table from its bytes; <paramref name="source"/> names it in messages.</summary>
    public static ReferenceReadResult Read(ReadOnlyMemory<byte> bytes, string source)
    {
        var head = bytes.Span[..Math.Min(bytes.Length, 8192)];
        if (head.IndexOf((byte)0) >= 0)
        {
            return ReferenceReadResult.Fail(ErrorCatalogue.ReferenceNotCsv(source, "it looks like a binary file (it holds NUL bytes)"));
        }

        if (bytes.Span.Trim(" \t\r\n\uFEFF"u8).IsEmpty)
        {
            return ReferenceReadResult.Fail(ErrorCatalogue.ReferenceEmpty(source));
        }

        var problems = new List<ReferenceRowProblem>();
        var malformed = 0;
        var options = new CsvReaderOptions
        {
            Separator = ',',
            TrackLineNumbers = true,
            // One row per line: a stray quote then spoils its own line, not the rest of the file.
            AllowLineBreaksInQuotes = false,
            MalformedData = CsvMalformedDataHandling.Skip,
            FieldCountMismatch = CsvFieldCountHandling.Allow,
            OnMalformedRecord = r =>
            {
                malformed++;
                problems.Add(new ReferenceRowProblem((int)r.LineNumber, Malformed(r.Reason)));
            },
        };
        using var csv = CsvReader.Create(bytes, options);
        var header = csv.Headers.Select(h => h.Trim().ToLowerInvariant()).ToArray();
        var missing = RequiredColumns.Where(c => Array.IndexOf(header, c) < 0).ToList();
        if (missing.Count > 0)
        {
            return ReferenceReadResult.Fail(NotThisShape(source, missing, csv.Headers, bytes.Span));
        }

        int Column(string name) => Array.IndexOf(header, name);
        var (timeEnd, model, launched, destroyed, timeStart) = (Column("time_end"), Column("model"), Column("launched"), Column("destroyed"), Column("time_start"));
        var rows = ImmutableArray.CreateBuilder<ReferenceRow>();
        var read = 0;
        while (csv.Read())
        {
            read++;
            var line = (int)csv.LineNumber;
            if (csv.FieldCount != header.Length)
            {
                problems.Add(new ReferenceRowProblem(line, csv.FieldCount > header.Length
                    ? $"it has {csv.FieldCount} fields where the header has {header.Length}; a field with a comma is probably not in double quotes."
                    : $"it has {csv.FieldCount} fields where the header has {header.Length}; the row was cut short, or a quote is missing."));
                continue;
            }

            string Field(int i) => i >= 0 ? csv.GetString(i) ?? "" : "";
            var row = ReadRow(line, Field(timeStart), Field(timeEnd), Field(model), Field(launched), Field(destroyed));
            if (row.Problem is { } problem)
            {
                problems.Add(new ReferenceRowProblem(line, problem));
            }
            else
            {
                rows.Add(row.Row!);
            }
        }

        return new ReferenceReadResult(new ReferenceTable(source, read + malformed, rows.ToImmutable(), [.. problems.OrderBy(p => p.Line)]), null);
    }

    private static string Malformed(CsvMalformedReason reason) => "its quoting is broken: " + reason switch
    {
        CsvMalformedReason.StrayQuote => "a quote stands inside a field that does not start with one; double it (\"\") or quote the whole field.",
        CsvMalformedReason.TextAfterClosingQuote => "text follows a field's closing quote; double a quote inside a field (\"\").",
        CsvMalformedReason.UnterminatedQuote or CsvMalformedReason.LineBreakInQuotes => "a quoted field is not closed on its line; close it with a quote.",
        _ => "fix the row's quotes.",
    };

    private static ReadError NotThisShape(string source, List<string> missing, IReadOnlyList<string> header, ReadOnlySpan<byte> bytes)
    {
        var text = bytes.TrimStart(" \t\r\n\uFEFF"u8);
        if (text.Length > 0 && text[0] is (byte)'{' or (byte)'[')
        {
            return ErrorCatalogue.ReferenceNotCsv(source, "it looks like JSON");
        }

        if (text.Length > 0 && text[0] == (byte)'<')
        {
            return ErrorCatalogue.ReferenceNotCsv(source, "it looks like HTML or XML");
        }

        var shown = string.Join(", ", header.Take(8).Select(h => h.Length > 30 ? h[..29] + "…" : h)) + (header.Count > 8 ? ", …" : "");
        return ErrorCatalogue.ReferenceMissingColumns(source, string.Join(", ", missing), shown);
    }

    private static (ReferenceRow? Row, string? Problem) ReadRow(int line, string start, string end, string model, string launched, string destroyed)
    {
        if (!TryTime(end, out var until))
        {
            return (null, end.Trim().Length == 0
                ? "time_end is empty; write when the window ends, as YYYY-MM-DD HH:MM or YYYY-MM-DD."
                : $"time_end '{end}' is not a date; write it as YYYY-MM-DD HH:MM or YYYY-MM-DD.");
        }

        if (start.Trim().Length > 0)
        {
            if (!TryTime(start, out var since))
            {
                return (null, $"time_start '{start}' is not a date; write it as YYYY-MM-DD HH:MM or YYYY-MM-DD, or leave it empty.");
            }

            if (since > until)
            {
                return (null, $"time_start '{start.Trim()}' is after time_end '{end.Trim()}'; are the two swapped?");
            }
        }

        var name = model.Trim();
        if (name.Length == 0)
        {
            return (null, "model is empty; write the weapon the row counts (e.g. Shahed-136/131, Kalibr).");
        }

        if (!TryCount(launched, "launched", out var l, out var why) || !TryCount(destroyed, "destroyed", out var d, out why))
        {
            return (null, why);
        }

        if (l is null && d is null)
        {
            return (null, "launched and destroyed are both empty; the row counts nothing. Fill one in or remove the row.");
        }

        return (new ReferenceRow(line, DateOnly.FromDateTime(until), start.Trim(), end.Trim(), name, l, d, ReferenceModels.Resolve(name)), null);
    }

    private static bool TryTime(string text, out DateTime time) =>
        DateTime.TryParseExact(text.Trim(), TimeFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out time);

    /// <summary>"236", "236.0" → 236; "", "NaN" → null; anything else a problem that names the column.</summary>
    internal static bool TryCount(string text, string column, out int? count, out string? problem)
    {
        count = null;
        problem = null;
        var t = text.Trim();
        if (t.Length == 0 || t.Equals("nan", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        if (!decimal.TryParse(t, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var d))
        {
            problem = $"{column} '{t}' is not a number; write a whole number (236 or 236.0), or leave it empty when not known.";
            return false;
        }

        if (d != decimal.Truncate(d))
        {
            problem = $"{column} '{t}' is not a whole number; weapons are counted in whole numbers (236 or 236.0).";
            return false;
        }

        if (d > int.MaxValue)
        {
            problem = $"{column} '{t}' is too large to be a count of weapons.";
            return false;
        }

        count = (int)d;
        return true;
    }
}
