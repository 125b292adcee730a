using System.Globalization;
using Sitrep.Core;

namespace Sitrep.Ledger.Formats;

/// <summary>Values as the text outputs write them: invariant numbers, ISO dates, empty for unknown.</summary>
public static class Cells
{
    public static string Date(DateOnly? d) => d?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";

    public static string Inv(long? v) => v?.ToString(CultureInfo.InvariantCulture) ?? "";

    public static string Inv(int? v, string none = "") => v?.ToString(CultureInfo.InvariantCulture) ?? none;

    public static string Inv(double? v) => v?.ToString("0.######", CultureInfo.InvariantCulture) ?? "";

    public static string Kind(EventKind k) => k == EventKind.Aggregate ? "aggregate" : "strike";

    public static string? Host(string? url) => Uri.TryCreate(url, UriKind.Absolute, out var u) ? u.Host : null;

    /// <summary>The place's name for people: the gazetteer's, else as written.</summary>
    public static string PlaceName(PlaceRef? p) => p is null ? "" : p.Name ?? p.Text;
}
