using Sitrep.Extraction.Output;
using Sitrep.Extraction.Tests.Stages;

namespace Sitrep.Extraction.Tests.Reports;

/// <summary>The text report's weapon lines: a model told only as a part of a stated total shows that part, marked.</summary>
public class TextReportTests
{
    private static List<string> WeaponLines(string text) =>
        TextReport.Render(Annotate.Extract(text)).Split('\n').Select(l => l.Trim()).Where(l => l.StartsWith("weapon", StringComparison.Ordinal)).ToList();

    [Theory]
    [InlineData("Air defence shot down 22 missiles overnight, including 15 Kh-101 cruise missiles, the military said.",
        "weapon   missile  destroyed 22|weapon   cruise_missile Kh-101  destroyed 15 (part)")]
    [InlineData("Russia launched 16 missiles on Tuesday, including 11 Kalibr and 5 Iskander-M.",
        "weapon   missile  launched 16|weapon   cruise_missile Kalibr  launched 11 (part)|weapon   ballistic_missile Iskander-M  launched 5 (part)")]
    [InlineData("Russia launched 11 Kalibr missiles on Tuesday.", "weapon   cruise_missile Kalibr  launched 11")]
    public void A_part_of_a_stated_total_is_shown_as_a_part(string text, string expected) =>
        Assert.Equal(expected, string.Join('|', WeaponLines(text)));
}
