using System.Collections.Immutable;
using Sitrep.Core;
using Sitrep.Ingest;

namespace Sitrep.Ledger.Compare;

/// <summary>
/// One row of the reference table: one weapon model in one reporting window, as read. <see cref="Night"/> is the
/// date of the window's end (an overnight window 18:00 → 08:30 is the morning's night, as the ledger dates a
/// night). <see cref="Launched"/> and <see cref="Destroyed"/> are null when the row leaves them empty, never 0.
/// <see cref="Line"/> is the line in the file where the row starts (the header is line 1).
/// </summary>
public sealed record ReferenceRow(
    int Line, DateOnly Night, string TimeStart, string TimeEnd, string Model, int? Launched, int? Destroyed, ModelMapping Mapping)
{
    /// <summary>The row's weapon family; null when its model could not be mapped (see <see cref="ModelMapping.Problem"/>).</summary>
    public WeaponFamily? Family => Mapping.Family;
}

/// <summary>A row that could not be read and was left out: where it starts, and a sentence that says what is wrong and what to write.</summary>
public sealed record ReferenceRowProblem(int Line, string Message)
{
    public override string ToString() => $"line {Line}: {Message}";
}

/// <summary>A model name of the reference that no weapon family could be given to, with how many rows carry it (their figures are not compared).</summary>
public sealed record UnmappedModel(string Model, string Problem, int Rows, long Launched, DateOnly FirstNight, DateOnly LastNight);

/// <summary>
/// The reference table as read: the good rows in file order, the rows left out and why, and the models that could
/// not be mapped to a family. Immutable. <see cref="RowCount"/> counts every data row (good and bad).
/// </summary>
public sealed record ReferenceTable(string Source, int RowCount, ImmutableArray<ReferenceRow> Rows, ImmutableArray<ReferenceRowProblem> BadRows)
{
    /// <summary>The models of good rows that have no family, most rows first.</summary>
    public ImmutableArray<UnmappedModel> UnmappedModels { get; } = Unmapped(Rows);

    /// <summary>The one error that sums up the bad rows (naming the first), or null when every row was read.</summary>
    public ReadError? BadRowsError => BadRows.IsEmpty
        ? null
        : ErrorCatalogue.ReferenceSomeRowsBad(Source, BadRows.Length, RowCount, BadRows[0].ToString());

    internal static ImmutableArray<UnmappedModel> Unmapped(IEnumerable<ReferenceRow> rows) =>
    [
        .. rows.Where(r => !r.Mapping.Mapped)
            .GroupBy(r => r.Model, StringComparer.Ordinal)
            .Select(g => new UnmappedModel(g.Key, g.First().Mapping.Problem ?? "", g.Count(), g.Sum(r => (long)(r.Launched ?? 0)),
                g.Min(r => r.Night), g.Max(r => r.Night)))
            .OrderByDescending(m => m.Rows)
            .ThenBy(m => m.Model, StringComparer.Ordinal),
    ];
}

/// <summary>What reading the reference gave: the table (perhaps with bad rows), or the error that stopped it. Never both.</summary>
public sealed record ReferenceReadResult(ReferenceTable? Table, ReadError? Error)
{
    public bool Ok => Table is not null;

    public static ReferenceReadResult Fail(ReadError error) => new(null, error);
}
