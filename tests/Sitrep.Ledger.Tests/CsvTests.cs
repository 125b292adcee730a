using Sitrep.Ledger.Formats;

namespace Sitrep.Ledger.Tests;

public sealed class CsvTests
{
    private static string Line(params string[] cells)
    {
        var w = new StringWriter();
        Csv.WriteLine(w, cells);
        return w.ToString();
    }

    [Theory]
    [InlineData("=HYPERLINK(\"http://x.example\",\"Kyiv\")", "\"'=HYPERLINK(\"\"http://x.example\"\",\"\"Kyiv\"\")\"")]
    [InlineData("+1 drone", "\"'+1 drone\"")]
    [InlineData("-cmd|' /C calc'!A0", "\"'-cmd|' /C calc'!A0\"")]
    [InlineData("@SUM(A1)", "\"'@SUM(A1)\"")]
    [InlineData("\tOdesa", "\"'\tOdesa\"")]
    public void A_cell_a_spreadsheet_would_run_is_written_as_text(string cell, string written) =>
        Assert.Equal($"1,{written}\r\n", Line("1", cell));

    [Theory]
    [InlineData("-3.7")]
    [InlineData("+12")]
    [InlineData("Odesa; Izmail")]
    [InlineData("2024-05-14")]
    public void Numbers_and_plain_text_are_written_as_they_are(string cell) => Assert.Equal($"{cell}\r\n", Line(cell));

    [Fact]
    public void Commas_quotes_and_line_breaks_are_quoted() =>
        Assert.Equal("\"a,b\",\"say \"\"hi\"\"\",\"x\ny\"\r\n", Line("a,b", "say \"hi\"", "x\ny"));
}
