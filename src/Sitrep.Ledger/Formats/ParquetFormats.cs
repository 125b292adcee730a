using System.Collections.Immutable;
using Parquet;
using Parquet.Schema;
using Sitrep.Core;
using Sitrep.Ledger.Filters;
using Sitrep.Storage;

namespace Sitrep.Ledger.Formats;

/// <summary>
/// Apache Parquet (through Parquet.Net): one typed column per field, the same fields as the CSV of the same records (plus
/// <c>geo_precision</c>), numbers as int32/int64/double, dates as DATE, flags as booleans, unknown as null, so pandas, R
/// (arrow) and DuckDB read it without parsing. Records stream in row groups of <see cref="RowGroupSize"/>, so memory stays
/// bounded by one group. Parquet is binary and its footer comes last: it is written to a <see cref="Stream"/>, not
/// through <see cref="IRecordFormatter{T}"/>'s text writer.
/// </summary>
public sealed class ParquetFormatter<T>(ImmutableArray<ParquetColumn<T>> columns)
{
    public const int RowGroupSize = 10_000;

    public string Name => "parquet";

    public string MediaType => "application/vnd.apache.parquet";

    public ImmutableArray<ParquetColumn<T>> Columns => columns;

    public ParquetSchema Schema { get; } = new([.. columns.Select(c => (Field)c.Field)]);

    /// <summary>Writes every record of <paramref name="records"/> to <paramref name="output"/>; returns how many.</summary>
    public async Task<long> WriteAllAsync(IAsyncEnumerable<T> records, Stream output, CancellationToken ct)
    {
        var buffers = columns.Select(c => c.NewBuffer()).ToArray();
        long n = 0;
        var inGroup = 0;
        await using var writer = await ParquetWriter.CreateAsync(Schema, output, cancellationToken: ct).ConfigureAwait(false);
        await foreach (var r in records.WithCancellation(ct).ConfigureAwait(false))
        {
            foreach (var b in buffers)
            {
                b.Add(r);
            }

            n++;
            if (++inGroup == RowGroupSize)
            {
                await FlushAsync(writer, buffers, ct).ConfigureAwait(false);
                await output.FlushAsync(ct).ConfigureAwait(false); // a streamed response sends the group now
                inGroup = 0;
            }
        }

        if (inGroup > 0 || n == 0)
        {
            await FlushAsync(writer, buffers, ct).ConfigureAwait(false);
        }

        return n;
    }

    private static async Task FlushAsync(ParquetWriter writer, ParquetColumnBuffer<T>[] buffers, CancellationToken ct)
    {
        using var group = writer.CreateRowGroup();
        foreach (var b in buffers)
        {
            await b.WriteAsync(group, ct).ConfigureAwait(false);
            b.Clear();
        }
    }
}

/// <summary>One typed Parquet column of records of type <typeparamref name="T"/>: its field and how a record fills it.</summary>
public abstract class ParquetColumn<T>
{
    public abstract DataField Field { get; }

    public string Name => Field.Name;

    internal abstract ParquetColumnBuffer<T> NewBuffer();

    public static ParquetColumn<T> Text(string name, Func<T, string?> value) => new TextColumn(name, value);

    public static ParquetColumn<T> Int(string name, Func<T, int?> value) => new Nullable<int>(name, value);

    public static ParquetColumn<T> Long(string name, Func<T, long?> value) => new Nullable<long>(name, value);

    public static ParquetColumn<T> Double(string name, Func<T, double?> value) => new Nullable<double>(name, value);

    public static ParquetColumn<T> Bool(string name, Func<T, bool> value) => new Nullable<bool>(name, r => value(r));

    public static ParquetColumn<T> Date(string name, Func<T, DateOnly?> value) => new Nullable<DateOnly>(name, value);

    private sealed class TextColumn(string name, Func<T, string?> value) : ParquetColumn<T>
    {
        public override DataField Field { get; } = new DataField<string>(name, nullable: true);

        internal override ParquetColumnBuffer<T> NewBuffer() => new TextBuffer(Field, value);
    }

    private sealed class Nullable<TValue>(string name, Func<T, TValue?> value) : ParquetColumn<T>
        where TValue : struct
    {
        public override DataField Field { get; } = new DataField<TValue?>(name);

        internal override ParquetColumnBuffer<T> NewBuffer() => new ValueBuffer<TValue>(Field, value);
    }

    private sealed class TextBuffer(DataField field, Func<T, string?> value) : ParquetColumnBuffer<T>
    {
        private readonly List<string?> _values = [];

        public override void Add(T record) => _values.Add(value(record));

        public override Task WriteAsync(ParquetRowGroupWriter group, CancellationToken ct) =>
            group.WriteAsync(field, _values, (ReadOnlyMemory<int>?)null);

        public override void Clear() => _values.Clear();
    }

    private sealed class ValueBuffer<TValue>(DataField field, Func<T, TValue?> value) : ParquetColumnBuffer<T>
        where TValue : struct
    {
        private readonly List<TValue?> _values = [];

        public override void Add(T record) => _values.Add(value(record));

        public override Task WriteAsync(ParquetRowGroupWriter group, CancellationToken ct) =>
            group.WriteAsync(field, new ReadOnlyMemory<TValue?>([.. _values]), null, null, ct);

        public override void Clear() => _values.Clear();
    }
}

/// <summary>A row group's values of one column, gathered record by record.</summary>
public abstract class ParquetColumnBuffer<T>
{
    public abstract void Add(T record);

    public abstract Task WriteAsync(ParquetRowGroupWriter group, CancellationToken ct);

    public abstract void Clear();
}

/// <summary>The Parquet formatters of attacks and events: the CSV's fields, typed.</summary>
public static class ParquetFormats
{
    public static readonly ParquetFormatter<StoredAttack> Attacks = new(
    [
        ParquetColumn<StoredAttack>.Text("id", a => AttackIds.Format(a.Id)),
        ParquetColumn<StoredAttack>.Date("date", a => a.Date),
        ParquetColumn<StoredAttack>.Text("date_precision", a => a.Precision.ToContract()),
        ParquetColumn<StoredAttack>.Text("attacker", a => a.Attacker.ToContract()),
        ParquetColumn<StoredAttack>.Text("target_country", a => a.Target.ToContract()),
        ParquetColumn<StoredAttack>.Int("n_events", a => a.Events),
        ParquetColumn<StoredAttack>.Int("n_reports", a => a.Reports),
        ParquetColumn<StoredAttack>.Int("n_sources", a => a.Sources),
        ParquetColumn<StoredAttack>.Text("places", a => a.Places),
        ParquetColumn<StoredAttack>.Text("weapons", a => a.Weapons),
        ParquetColumn<StoredAttack>.Int("launched", a => a.Launched),
        ParquetColumn<StoredAttack>.Int("destroyed", a => a.Destroyed),
        ParquetColumn<StoredAttack>.Int("killed", a => a.Figure("killed")?.Best),
        ParquetColumn<StoredAttack>.Int("killed_low", a => a.Figure("killed")?.Low),
        ParquetColumn<StoredAttack>.Int("killed_high", a => a.Figure("killed")?.High),
        ParquetColumn<StoredAttack>.Int("injured", a => a.Figure("injured")?.Best),
        ParquetColumn<StoredAttack>.Int("injured_low", a => a.Figure("injured")?.Low),
        ParquetColumn<StoredAttack>.Int("injured_high", a => a.Figure("injured")?.High),
        ParquetColumn<StoredAttack>.Bool("contested", a => a.Contested),
        ParquetColumn<StoredAttack>.Text("location", a => a.Location is null ? null : Cells.PlaceName(a.Location)),
        ParquetColumn<StoredAttack>.Text("admin1", a => a.Location?.Admin1),
        ParquetColumn<StoredAttack>.Text("country", a => a.Location?.Country),
        ParquetColumn<StoredAttack>.Double("latitude", a => a.Location?.Latitude),
        ParquetColumn<StoredAttack>.Double("longitude", a => a.Location?.Longitude),
        ParquetColumn<StoredAttack>.Int("geo_precision", a => Acled.GeoPrecision(a.Location)),
        ParquetColumn<StoredAttack>.Text("sources", a => string.Join("; ", AttackFormats.Sources(a))),
    ]);

    public static readonly ParquetFormatter<StoredEvent> Events = new(
    [
        ParquetColumn<StoredEvent>.Long("id", s => s.Id),
        ParquetColumn<StoredEvent>.Text("attack", s => s.AttackId is { } a ? AttackIds.Format(a) : null),
        ParquetColumn<StoredEvent>.Date("date", s => s.Event.Date.Date),
        ParquetColumn<StoredEvent>.Text("date_precision", s => s.Event.Date.Precision.ToContract()),
        ParquetColumn<StoredEvent>.Text("kind", s => Cells.Kind(s.Event.Kind)),
        ParquetColumn<StoredEvent>.Text("attacker", s => s.Event.Attacker.ToContract()),
        ParquetColumn<StoredEvent>.Text("target_country", s => s.Event.TargetCountry.ToContract()),
        ParquetColumn<StoredEvent>.Text("places", s => EventFigures.PlacesText(s.Event)),
        ParquetColumn<StoredEvent>.Text("weapons", s => EventFigures.Of(s.Event).WeaponsText),
        ParquetColumn<StoredEvent>.Int("launched", s => EventFigures.Of(s.Event).Launched),
        ParquetColumn<StoredEvent>.Int("destroyed", s => EventFigures.Of(s.Event).Destroyed),
        ParquetColumn<StoredEvent>.Int("killed", s => EventFigures.Of(s.Event).Killed),
        ParquetColumn<StoredEvent>.Int("injured", s => EventFigures.Of(s.Event).Injured),
        ParquetColumn<StoredEvent>.Text("claimed_by", s => EventFigures.ClaimedBy(s.Event)),
        ParquetColumn<StoredEvent>.Text("location", s => s.Event.Location is null ? null : Cells.PlaceName(s.Event.Location)),
        ParquetColumn<StoredEvent>.Text("admin1", s => s.Event.Location?.Admin1),
        ParquetColumn<StoredEvent>.Text("country", s => s.Event.Location?.Country),
        ParquetColumn<StoredEvent>.Double("latitude", s => s.Event.Location?.Latitude),
        ParquetColumn<StoredEvent>.Double("longitude", s => s.Event.Location?.Longitude),
        ParquetColumn<StoredEvent>.Int("geo_precision", s => Acled.GeoPrecision(s.Event.Location)),
        ParquetColumn<StoredEvent>.Long("report_id", s => s.Report.Id),
        ParquetColumn<StoredEvent>.Text("report_title", s => s.Report.Title),
        ParquetColumn<StoredEvent>.Text("report_url", s => s.Report.Url),
        ParquetColumn<StoredEvent>.Date("report_published", s => s.Report.Published),
    ]);
}
