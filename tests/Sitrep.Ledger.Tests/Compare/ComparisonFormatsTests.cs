using System.Text.Json;
using Sitrep.Core;
using Sitrep.Ledger.Compare;
using static Sitrep.Ledger.Tests.Compare.ReferenceCsv;

namespace Sitrep.Ledger.Tests.Compare;

public sealed class ComparisonFormatsTests
{
    private static ComparisonReport Sample() => ReferenceComparison.Compare(
        Reference(
            Row("2026-03-01 18:00", "2026-03-02 08:30", "Shahed-136/131", "236.0", "215.0"),
            Row("2026-03-01 18:00", "2026-03-02 08:30", "Kalibr", "6.0", ""),
            Row("2026-03-02 18:00", "2026-03-03 08:30", "Shahed-136/131", "100.0", "90.0"),
            Row("2026-03-02 18:00", "2026-03-03 08:30", "Zubr-9", "3.0", "3.0")),
        [Attack(12, "2026-03-02", 200, 180), Attack(13, "2026-03-03", 98, 88), Attack(14, "2026-03-03", missileLaunched: 2)]);

    [Fact]
    public void The_json_is_one_object_with_nights_and_a_summary()
    {
        var sw = new StringWriter();
        ComparisonJson.Write(sw, Sample());
        using var doc = JsonDocument.Parse(sw.ToString());
        var root = doc.RootElement;
        Assert.Equal(["reference", "span", "nights", "summary"], root.EnumerateObject().Select(p => p.Name));

        var nights = root.GetProperty("nights").EnumerateArray().ToList();
        Assert.Equal(4, nights.Count);
        var first = nights[0];
        Assert.Equal(["night", "family", "agreement", "ledger", "reference", "reference_rows", "attacks"], first.EnumerateObject().Select(p => p.Name));
        Assert.Equal("2026-03-02", first.GetProperty("night").GetString());
        Assert.Equal("drone", first.GetProperty("family").GetString());
        Assert.Equal("mismatch", first.GetProperty("agreement").GetString());
        Assert.Equal(200, first.GetProperty("ledger").GetProperty("launched").GetInt32());
        Assert.Equal(215, first.GetProperty("reference").GetProperty("destroyed").GetInt32());
        Assert.Equal(["A12"], first.GetProperty("attacks").EnumerateArray().Select(a => a.GetString()));
        var missile = nights[1];
        Assert.Equal("only_reference", missile.GetProperty("agreement").GetString());
        Assert.Equal(JsonValueKind.Null, missile.GetProperty("ledger").ValueKind);
        Assert.Equal(JsonValueKind.Null, missile.GetProperty("reference").GetProperty("destroyed").ValueKind);
        Assert.Equal(["mismatch", "only_reference", "within_10pct", "only_ledger"], nights.Select(n => n.GetProperty("agreement").GetString()));

        var s = root.GetProperty("summary");
        Assert.Equal(2, s.GetProperty("compared").GetInt32());
        Assert.Equal(2, s.GetProperty("nights_in_both").GetInt32());
        Assert.Equal(0, s.GetProperty("exact").GetProperty("count").GetInt32());
        Assert.Equal(0.5, s.GetProperty("within_10pct").GetProperty("share").GetDouble());
        Assert.Equal(1, s.GetProperty("mismatch").GetProperty("count").GetInt32());
        Assert.Equal("2026-03-02", Assert.Single(s.GetProperty("mismatches").EnumerateArray().ToList()).GetProperty("night").GetString());
        Assert.Equal(1, s.GetProperty("reference_rows").GetProperty("unmapped").GetInt32());
        Assert.Equal("Zubr-9", s.GetProperty("unmapped_models")[0].GetProperty("model").GetString());

        var span = root.GetProperty("span");
        Assert.Equal(("2026-03-02", "2026-03-03", "ledger"), (span.GetProperty("since").GetString(), span.GetProperty("until").GetString(), span.GetProperty("since_from").GetString()));
        var reference = root.GetProperty("reference");
        Assert.Equal(("test.csv", 4, 4), (reference.GetProperty("file").GetString(), reference.GetProperty("rows").GetInt32(), reference.GetProperty("rows_read").GetInt32()));
        Assert.Empty(reference.GetProperty("bad_rows").EnumerateArray());
    }

    [Fact]
    public void Table_rows_write_figures_as_launched_over_destroyed()
    {
        var r = Sample();
        Assert.Equal(["2026-03-02", "drone", "200/180", "236/215", "mismatch", "A12"], ComparisonText.Row(r.Nights[0]));
        Assert.Equal(["2026-03-02", "missile", "-", "6/?", "reference only", ""], ComparisonText.Row(r.Nights[1]));
        Assert.Equal(ComparisonText.Header.Count, ComparisonText.Row(r.Nights[0]).Count);
    }

    [Fact]
    public void The_summary_says_the_span_the_shares_and_what_was_left_out_in_short_lines()
    {
        var lines = ComparisonText.Summary(Sample());
        Assert.All(lines, l => Assert.True(l.Length <= ComparisonText.Width, $"{l.Length}: {l}"));
        var text = string.Join(" ", lines.Select(l => l.Trim()));
        Assert.Contains("Nights 2026-03-02 to 2026-03-03 (2; from the ledger's first night to the ledger's last night)", text, StringComparison.Ordinal);
        Assert.Contains("Nights x families compared: 2. Exact: 0 (0%); within 10%: 1 (50%); mismatch: 1 (50%).", text, StringComparison.Ordinal);
        Assert.Contains("Only in the ledger: 1; only in the reference: 1.", text, StringComparison.Ordinal);
        Assert.Contains("Zubr-9: 1, the weapon lexicon does not know 'Zubr-9'", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_a_span_the_summary_says_what_to_do()
    {
        var report = ReferenceComparison.Compare(Reference(Row("2026-03-01", "2026-03-02", "Kalibr", "1.0", "1.0")), []);
        Assert.Contains("--since and --until", string.Join(" ", ComparisonText.Summary(report)), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("one two three four five six", 9, "one two|  three|  four|  five|  six")]
    [InlineData("short", 78, "short")]
    [InlineData("a verylongwordthatdoesnotfit b", 10, "a|  verylon…|  b")]
    public void Wrap_keeps_lines_within_the_width(string text, int width, string lines)
    {
        var wrapped = ComparisonText.Wrap(text, width, "  ").ToList();
        Assert.Equal(lines.Split('|'), wrapped);
        Assert.All(wrapped, l => Assert.True(l.Length <= width));
    }

    [Fact]
    public void Agreements_have_contract_names()
    {
        Assert.Equal(["exact", "within_10pct", "mismatch", "no_common_figure", "only_ledger", "only_reference"],
            Enum.GetValues<Agreement>().Select(ComparisonJson.Name));
        Assert.Equal(WeaponFamily.Drone, ReferenceComparison.Families[0]);
    }
}
