using System.Text.Json;
using Sitrep.Extraction.Output;
using Sitrep.Storage;

namespace Sitrep.Ledger.Formats;

/// <summary>The output formats of attacks counted by place: json (an array of rows) and csv.</summary>
public static class PlaceFormats
{
    public static readonly FormatterSet<PlaceCount> All = new(new JsonArray(), new CsvRows());

    public static void WriteJson(Utf8JsonWriter w, PlaceCount p)
    {
        w.WriteStartObject();
        w.WriteString("name", p.Name);
        w.WriteStringOrNull("admin1", p.Admin1);
        w.WriteStringOrNull("country", p.Country);
        w.WriteNumberOrNull("lat", p.Latitude);
        w.WriteNumberOrNull("lon", p.Longitude);
        w.WriteNumber("attacks", p.Attacks);
        WriteLong(w, "launched", p.Launched);
        WriteLong(w, "destroyed", p.Destroyed);
        WriteLong(w, "killed", p.Killed);
        WriteLong(w, "injured", p.Injured);
        w.WriteEndObject();
    }

    /// <summary>A sum over many attacks (64-bit, so it never wraps), or null.</summary>
    internal static void WriteLong(Utf8JsonWriter w, string name, long? value)
    {
        if (value is { } v)
        {
            w.WriteNumber(name, v);
        }
        else
        {
            w.WriteNull(name);
        }
    }

    private sealed class JsonArray : JsonArrayFormatter<PlaceCount>
    {
        protected override void WriteObject(Utf8JsonWriter w, PlaceCount record) => WriteJson(w, record);
    }

    private sealed class CsvRows() : CsvFormatter<PlaceCount>("csv", ["name", "admin1", "country", "latitude", "longitude", "attacks", "launched", "destroyed", "killed", "injured"])
    {
        public override IReadOnlyList<string> Row(PlaceCount p) =>
        [
            p.Name, p.Admin1 ?? "", p.Country ?? "", Cells.Inv(p.Latitude), Cells.Inv(p.Longitude), Cells.Inv(p.Attacks), Cells.Inv(p.Launched),
            Cells.Inv(p.Destroyed), Cells.Inv(p.Killed), Cells.Inv(p.Injured),
        ];
    }
}

/// <summary>
/// A page of a listing as JSON: <c>{"NAME": [rows…], "next": cursor or null}</c>. Rows are written by the record's own
/// writer, so a page holds exactly the objects the listing's other outputs hold.
/// </summary>
public static class PageFormats
{
    public static void WritePage<T>(Utf8JsonWriter w, string name, IEnumerable<T> rows, Action<Utf8JsonWriter, T> writeRow, string? next)
    {
        w.WriteStartObject();
        w.WriteStartArray(name);
        foreach (var r in rows)
        {
            writeRow(w, r);
        }

        w.WriteEndArray();
        w.WriteStringOrNull("next", next);
        w.WriteEndObject();
    }
}
