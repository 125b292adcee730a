using Sitrep.Cli.Commands;
using Sitrep.Ingest;

namespace Sitrep.Cli.Tests.Ledger;

public class OutputTests
{
    [Theory]
    [InlineData(40)]
    [InlineData(60)]
    [InlineData(200)]
    public void Tables_fit_the_width_and_cut_long_cells_with_an_ellipsis(int width)
    {
        var t = new TextTable(new("ID", Right: true), new("DATE", Min: 10), new("PLACES", Flexible: true), new("N", Right: true));
        t.Add("1", "2024-05-14", "Odesa; Odesa Oblast; Chornomorsk; Izmail; the Danube ports of the Odesa region", "40");
        t.Add("12", "2024-05-15", "Kharkiv", "6");
        var w = new StringWriter();
        t.Write(w, width);
        var lines = w.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, lines.Length);
        Assert.All(lines, l => Assert.True(l.Length <= width, $"{l.Length} > {width}: {l}"));
        Assert.Contains("2024-05-14", lines[1], StringComparison.Ordinal);
        Assert.Equal(width < 100, lines[1].Contains('…', StringComparison.Ordinal));
    }

    [Fact]
    public void The_progress_line_shows_count_rate_eta_and_counts_within_the_width()
    {
        var line = ProgressLine.Counts(new IngestProgress());
        Assert.Equal("0/1  0/s  ETA ?  new 0  known 0  failed 0", line);
        Assert.True(line.Length + 22 < 80); // beside the 20-column bar
    }

    [Theory]
    [InlineData("30s", 30)]
    [InlineData("5m", 300)]
    [InlineData("1h30m", 5400)]
    [InlineData("90", 90)]
    [InlineData("7d", 604800)]
    public void Durations_are_read(string text, int seconds) => Assert.Equal(TimeSpan.FromSeconds(seconds), Commands.Ledger.Duration(text, "every"));

    [Theory]
    [InlineData("5x")]
    [InlineData("m")]
    [InlineData("0s")]
    [InlineData("100000h")]
    [InlineData("99999999999999999999999d")]
    public void Bad_durations_are_usage_mistakes(string text) => Assert.Throws<UsageException>(() => Commands.Ledger.Duration(text, "every"));
}
