using System.Globalization;
using System.Text.Json;
using Sitrep.Core;
using Sitrep.Extraction.Output;
using Sitrep.Storage;

namespace Sitrep.Ledger.Formats;

/// <summary>
/// The output formats of the attack ledger's per-day statistics: json (an array of rows) and csv. The sums are 64-bit: many
/// attacks' figures add up without wrapping. A row of the attacks without a date has a null date (csv: empty).
/// </summary>
public static class StatFormats
{
    public static readonly FormatterSet<AttackStat> All = new(new JsonArray(), new CsvRows());

    /// <summary>The interception rate as a share rounded to 4 places, or null.</summary>
    public static double? Rate(AttackStat s) => s.InterceptionRate is { } r ? Math.Round(r, 4) : null;

    private sealed class JsonArray : JsonArrayFormatter<AttackStat>
    {
        protected override void WriteObject(Utf8JsonWriter w, AttackStat s)
        {
            w.WriteStartObject();
            if (s.Date is { } date)
            {
                w.WriteString("date", Cells.Date(date));
            }
            else
            {
                w.WriteNull("date"); // the attacks without a date
            }

            w.WriteString("attacker", s.Attacker.ToContract());
            w.WriteString("target_country", s.Target.ToContract());
            w.WriteString("family", s.Family);
            w.WriteNumber("attacks", s.Attacks);
            w.WriteNumber("reports", s.Reports);
            PlaceFormats.WriteLong(w, "launched", s.Launched);
            PlaceFormats.WriteLong(w, "destroyed", s.Destroyed);
            w.WriteNumberOrNull("interception_rate", Rate(s));
            PlaceFormats.WriteLong(w, "killed", s.Killed);
            PlaceFormats.WriteLong(w, "injured", s.Injured);
            w.WriteEndObject();
        }
    }

    private sealed class CsvRows() : CsvFormatter<AttackStat>("csv",
        ["date", "attacker", "target_country", "family", "attacks", "reports", "launched", "destroyed", "interception_rate", "killed", "injured"])
    {
        public override IReadOnlyList<string> Row(AttackStat s) =>
        [
            Cells.Date(s.Date), s.Attacker.ToContract(), s.Target.ToContract(), s.Family, Cells.Inv(s.Attacks), Cells.Inv(s.Reports),
            Cells.Inv(s.Launched), Cells.Inv(s.Destroyed), Rate(s)?.ToString("0.####", CultureInfo.InvariantCulture) ?? "", Cells.Inv(s.Killed),
            Cells.Inv(s.Injured),
        ];
    }
}
