using System.Buffers;
using System.Collections.Immutable;
using System.Text;
using System.Text.Json;

namespace Sitrep.Storage;

/// <summary>
/// The little JSON the store keeps in its own columns and parameters (a report's metadata object, SQLite's id lists for
/// <c>json_each</c>), written and read with <see cref="Utf8JsonWriter"/> and <see cref="JsonDocument"/>: no reflection,
/// so a command that reads one event does not pay for building the serializer's type metadata at start (tens of
/// milliseconds), and nothing here stands in the way of trimming. The bytes are those the reflection serializer wrote
/// (the same default escaping), so stored metadata compares equal across versions.
/// </summary>
internal static class StoreJson
{
    /// <summary>A JSON array of numbers or strings.</summary>
    public static string Array<T>(IReadOnlyCollection<T> values)
    {
        var buffer = new ArrayBufferWriter<byte>(16 + values.Count * 8);
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartArray();
            foreach (var v in values)
            {
                switch (v)
                {
                    case long l:
                        w.WriteNumberValue(l);
                        break;
                    case int i:
                        w.WriteNumberValue(i);
                        break;
                    case string s:
                        w.WriteStringValue(s);
                        break;
                    default:
                        throw new ArgumentException($"a store id list holds numbers or strings, not {typeof(T).Name}", nameof(values));
                }
            }

            w.WriteEndArray();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>A metadata object, its keys in ordinal order.</summary>
    public static string Object(ImmutableDictionary<string, string> metadata)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            foreach (var kv in metadata.OrderBy(kv => kv.Key, StringComparer.Ordinal))
            {
                w.WriteString(kv.Key, kv.Value);
            }

            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>
    /// A metadata object read back; empty when the column is empty, is not a JSON object of strings, or cannot be
    /// parsed (a later duplicate key, in any case, wins).
    /// </summary>
    public static ImmutableDictionary<string, string> ReadObject(string? json)
    {
        if (string.IsNullOrEmpty(json))
        {
            return ImmutableDictionary<string, string>.Empty;
        }

        try
        {
            using var doc = JsonDocument.Parse(json);
            if (doc.RootElement.ValueKind != JsonValueKind.Object)
            {
                return ImmutableDictionary<string, string>.Empty;
            }

            var b = ImmutableDictionary.CreateBuilder<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (var p in doc.RootElement.EnumerateObject())
            {
                if (p.Value.ValueKind != JsonValueKind.String)
                {
                    return ImmutableDictionary<string, string>.Empty;
                }

                b[p.Name] = p.Value.GetString()!;
            }

            return b.ToImmutable();
        }
        catch (JsonException)
        {
            return ImmutableDictionary<string, string>.Empty;
        }
    }
}
