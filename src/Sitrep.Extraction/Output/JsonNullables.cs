using System.Text.Json;

namespace Sitrep.Extraction.Output;

/// <summary>Writes a property whose value may be missing as JSON null, the way every Sitrep output does.</summary>
public static class JsonNullables
{
    public static void WriteNumberOrNull(this Utf8JsonWriter w, string name, int? value)
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

    /// <summary>Coordinates and other decimals, rounded to <paramref name="digits"/> places.</summary>
    public static void WriteNumberOrNull(this Utf8JsonWriter w, string name, double? value, int digits = 5)
    {
        if (value is { } v)
        {
            w.WriteNumber(name, Math.Round(v, digits));
        }
        else
        {
            w.WriteNull(name);
        }
    }

    public static void WriteStringOrNull(this Utf8JsonWriter w, string name, string? value)
    {
        if (value is null)
        {
            w.WriteNull(name);
        }
        else
        {
            w.WriteString(name, value);
        }
    }

    public static void WriteNumberOrNull(this Utf8JsonWriter w, JsonEncodedText name, int? value)
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

    public static void WriteNumberOrNull(this Utf8JsonWriter w, JsonEncodedText name, double? value, int digits = 5)
    {
        if (value is { } v)
        {
            w.WriteNumber(name, Math.Round(v, digits));
        }
        else
        {
            w.WriteNull(name);
        }
    }

    public static void WriteStringOrNull(this Utf8JsonWriter w, JsonEncodedText name, string? value)
    {
        if (value is null)
        {
            w.WriteNull(name);
        }
        else
        {
            w.WriteString(name, value);
        }
    }
}
