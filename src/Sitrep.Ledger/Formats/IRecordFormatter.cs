using System.Buffers;
using System.Text;
using System.Text.Json;
using Sitrep.Extraction.Output;

namespace Sitrep.Ledger.Formats;

/// <summary>
/// Writes records of one kind (events, attacks) in one output format, one record at a time, so any number of
/// records stream in constant memory (Serilog's ITextFormatter is the model). Every host writes through these:
/// no host writes its own JSON, CSV or GeoJSON for a record.
/// </summary>
public interface IRecordFormatter<in T>
{
    /// <summary>The format's name as hosts accept it: json, jsonl, csv, geojson, acled.</summary>
    string Name { get; }

    /// <summary>The media type an HTTP host sends it as.</summary>
    string MediaType { get; }

    /// <summary>What comes before the first record (a CSV header, "[", a FeatureCollection's start).</summary>
    void WriteStart(TextWriter output);

    /// <summary>One record; <paramref name="index"/> counts from 0 (the separator before all but the first).</summary>
    void Write(T record, long index, TextWriter output);

    /// <summary>What comes after the last record; <paramref name="count"/> records were written.</summary>
    void WriteEnd(TextWriter output, long count);
}

/// <summary>A set of formatters of one kind of record, by name.</summary>
public sealed class FormatterSet<T>(params IRecordFormatter<T>[] formatters)
{
    public IReadOnlyList<string> Names { get; } = [.. formatters.Select(f => f.Name)];

    public bool TryGet(string name, out IRecordFormatter<T> formatter)
    {
        formatter = formatters.FirstOrDefault(f => string.Equals(f.Name, name, StringComparison.OrdinalIgnoreCase))!;
        return formatter is not null;
    }

    /// <summary>Writes every record of <paramref name="records"/>; returns how many.</summary>
    public static async Task<long> WriteAllAsync(IRecordFormatter<T> formatter, IAsyncEnumerable<T> records, TextWriter output, CancellationToken ct)
    {
        formatter.WriteStart(output);
        long n = 0;
        await foreach (var r in records.WithCancellation(ct).ConfigureAwait(false))
        {
            formatter.Write(r, n++, output);
        }

        formatter.WriteEnd(output, n);
        await output.FlushAsync(ct).ConfigureAwait(false);
        return n;
    }

    /// <summary>
    /// Writes every record of <paramref name="records"/> as <see cref="WriteAllAsync"/> does, but hands <paramref name="output"/>
    /// only asynchronous writes of chunks of about <paramref name="chunkChars"/> characters: for outputs that must not block
    /// (an HTTP response body). Returns how many records.
    /// </summary>
    public static async Task<long> WriteAllChunkedAsync(IRecordFormatter<T> formatter, IAsyncEnumerable<T> records, TextWriter output, CancellationToken ct, int chunkChars = 32 * 1024)
    {
        using var buffer = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
        var text = buffer.GetStringBuilder();
        formatter.WriteStart(buffer);
        long n = 0;
        await foreach (var r in records.WithCancellation(ct).ConfigureAwait(false))
        {
            formatter.Write(r, n++, buffer);
            if (text.Length >= chunkChars)
            {
                await output.WriteAsync(text, ct).ConfigureAwait(false);
                text.Clear();
            }
        }

        formatter.WriteEnd(buffer, n);
        await output.WriteAsync(text, ct).ConfigureAwait(false);
        await output.FlushAsync(ct).ConfigureAwait(false);
        return n;
    }
}

/// <summary>A JSON array: "[", one compact object per line, "]".</summary>
public abstract class JsonArrayFormatter<T> : IRecordFormatter<T>
{
    public string Name => "json";

    public string MediaType => "application/json";

    public void WriteStart(TextWriter output) => output.Write('[');

    public void Write(T record, long index, TextWriter output)
    {
        output.Write(index == 0 ? "\n" : ",\n");
        output.Write(Json.Of(w => WriteObject(w, record)));
    }

    public void WriteEnd(TextWriter output, long count) => output.Write(count == 0 ? "]\n" : "\n]\n");

    protected abstract void WriteObject(Utf8JsonWriter w, T record);
}

/// <summary>JSON Lines: one compact object per line.</summary>
public abstract class JsonLinesFormatter<T> : IRecordFormatter<T>
{
    public string Name => "jsonl";

    public string MediaType => "application/x-ndjson";

    public void WriteStart(TextWriter output)
    {
    }

    public void Write(T record, long index, TextWriter output)
    {
        output.Write(Json.Of(w => WriteObject(w, record)));
        output.Write('\n');
    }

    public void WriteEnd(TextWriter output, long count)
    {
    }

    protected abstract void WriteObject(Utf8JsonWriter w, T record);
}

/// <summary>CSV (RFC 4180): a header row, then one row per record; cells quoted only when they must be.</summary>
public abstract class CsvFormatter<T>(string name, IReadOnlyList<string> header) : IRecordFormatter<T>
{
    public string Name => name;

    public string MediaType => "text/csv";

    public IReadOnlyList<string> Header => header;

    public void WriteStart(TextWriter output) => Csv.WriteLine(output, header);

    public void Write(T record, long index, TextWriter output) => Csv.WriteLine(output, Row(record));

    public void WriteEnd(TextWriter output, long count)
    {
    }

    public abstract IReadOnlyList<string> Row(T record);
}

/// <summary>A GeoJSON FeatureCollection, one Feature per line.</summary>
public abstract class GeoJsonFormatter<T> : IRecordFormatter<T>
{
    public string Name => "geojson";

    public string MediaType => "application/geo+json";

    public void WriteStart(TextWriter output) => output.Write("{\"type\":\"FeatureCollection\",\"features\":[");

    public void Write(T record, long index, TextWriter output)
    {
        output.Write(index == 0 ? "\n" : ",\n");
        output.Write(Json.Of(w => WriteFeature(w, record)));
    }

    public void WriteEnd(TextWriter output, long count) => output.Write("\n]}\n");

    protected abstract void WriteFeature(Utf8JsonWriter w, T record);

    /// <summary>A Point geometry at (lat, lon), or null when either is unknown.</summary>
    protected static void WritePoint(Utf8JsonWriter w, double? lat, double? lon)
    {
        w.WritePropertyName("geometry");
        if (lat is { } y && lon is { } x)
        {
            w.WriteStartObject();
            w.WriteString("type", "Point");
            w.WriteStartArray("coordinates");
            w.WriteNumberValue(x);
            w.WriteNumberValue(y);
            w.WriteEndArray();
            w.WriteEndObject();
        }
        else
        {
            w.WriteNullValue();
        }
    }
}

/// <summary>
/// CSV cells and rows. A text cell that a spreadsheet would run as a formula (it begins with <c>=</c>, <c>+</c>,
/// <c>-</c>, <c>@</c>, a tab or a carriage return; report titles, URLs and outlets are untrusted) is written with a
/// leading <c>'</c> and quoted, as OWASP advises for CSV injection; numbers ("-3.7") are written as they are.
/// </summary>
public static class Csv
{
    public static void WriteLine(TextWriter w, IEnumerable<string> cells)
    {
        var first = true;
        foreach (var cell in cells)
        {
            if (!first)
            {
                w.Write(',');
            }

            first = false;
            var formula = IsFormula(cell);
            var c = formula ? "'" + cell : cell;
            if (formula || c.AsSpan().IndexOfAny(",\"\r\n") >= 0)
            {
                w.Write('"');
                w.Write(c.Replace("\"", "\"\"", StringComparison.Ordinal));
                w.Write('"');
            }
            else
            {
                w.Write(c);
            }
        }

        w.Write("\r\n");
    }

    /// <summary>True when a spreadsheet would read <paramref name="cell"/> as a formula and it is not a number.</summary>
    public static bool IsFormula(string cell) =>
        cell.Length > 0 && cell[0] is '=' or '+' or '-' or '@' or '\t' or '\r'
        && !double.TryParse(cell, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out _);
}

/// <summary>Compact JSON written through a reusable buffer.</summary>
public static class Json
{
    [ThreadStatic]
    private static ArrayBufferWriter<byte>? _buffer;

    public static string Of(Action<Utf8JsonWriter> write)
    {
        var buffer = _buffer ??= new ArrayBufferWriter<byte>(4096);
        buffer.ResetWrittenCount();
        using (var w = new Utf8JsonWriter(buffer, ExtractionJson.Compact))
        {
            write(w);
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
