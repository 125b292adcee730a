using System.Text;
using Sitrep.Core;
using Sitrep.Ledger.Compare;
using static Sitrep.Ledger.Tests.Compare.ReferenceCsv;

namespace Sitrep.Ledger.Tests.Compare;

public sealed class ReferenceReaderTests
{
    [Theory]
    [InlineData("2026-03-01 18:00", "2026-03-02 08:30", "2026-03-02")] // overnight: the morning's night
    [InlineData("2026-03-02", "2026-03-02", "2026-03-02")] // a day's tally, dates only
    [InlineData("2026-03-01 19:00", "2026-03-02 7:30", "2026-03-02")] // one-digit hour
    [InlineData("2026-03-02", "2026-03-02 ", "2026-03-02")] // a trailing space
    [InlineData("2026-03-02", "2026-03-02 10:00", "2026-03-02")]
    [InlineData("", "2026-03-02T04:00:00", "2026-03-02")] // no start; ISO time
    [InlineData("2026-03-01 22:00", "2026-03-02 00:30", "2026-03-02")] // past midnight
    public void A_window_belongs_to_the_night_of_its_end(string start, string end, string night)
    {
        var t = Reference(Row(start, end, "Shahed-136/131", "120.0", "100.0"));
        var row = Assert.Single(t.Rows);
        Assert.Equal(DateOnly.Parse(night, System.Globalization.CultureInfo.InvariantCulture), row.Night);
        Assert.Equal(2, row.Line);
    }

    [Theory]
    [InlineData("236.0", 236)]
    [InlineData("236", 236)]
    [InlineData("0.0", 0)]
    [InlineData(" 12.00 ", 12)]
    [InlineData("", null)]
    [InlineData("NaN", null)]
    public void Numbers_are_whole_counts_written_with_or_without_decimals(string written, int? count)
    {
        var t = Reference(Row("2026-03-01 18:00", "2026-03-02 08:30", "Kalibr", written, "3.0"));
        Assert.Equal(count, Assert.Single(t.Rows).Launched);
    }

    [Theory]
    [InlineData("Shahed-136/131", WeaponFamily.Drone, "Shahed-136,Shahed-131")]
    [InlineData("X-101/X-555 and Kalibr", WeaponFamily.Missile, "Kh-101,Kh-555,Kalibr")]
    [InlineData("Iskander-M/KN-23", WeaponFamily.Missile, "Iskander-M,KN-23")]
    [InlineData("C-300/C-400", WeaponFamily.Missile, "S-300,S-400")]
    [InlineData("Orlan-10 and ZALA and Supercam", WeaponFamily.Drone, "Orlan-10,ZALA,Supercam")]
    public void Combined_model_names_are_split_and_mapped(string model, WeaponFamily family, string models)
    {
        var row = Assert.Single(Reference(Row("2026-03-01 18:00", "2026-03-02 08:30", model, "10.0", "8.0")).Rows);
        Assert.Equal(family, row.Family);
        Assert.Equal(models.Split(','), row.Mapping.Parts.Select(p => p.Weapon!.Value.Model));
    }

    [Fact]
    public void Quoted_fields_with_commas_are_one_field()
    {
        var t = Reference(Row("2026-03-01 18:00", "2026-03-02 08:30", "Shahed-136/131", "80.0", "70.0", launchPlace: "Primorsko-Akhtarsk, Kursk oblast and \"Chauda\", Crimea"));
        var row = Assert.Single(t.Rows);
        Assert.Equal((80, 70), (row.Launched, row.Destroyed));
    }

    [Fact]
    public void A_bad_row_is_reported_by_its_line_and_the_others_are_read()
    {
        var r = Read(Table(
            Row("2026-03-01 18:00", "2026-03-02 08:30", "Shahed-136/131", "80.0", "70.0"),
            Row("2026-03-02 18:00", "2026-03-03 08:30", "Shahed-136/131", "eighty", "70.0"),
            Row("2026-03-03 18:00", "2026-03-04 08:30", "Kalibr", "4.0", "3.0")));
        var t = r.Table!;
        Assert.True(r.Ok);
        Assert.Equal(3, t.RowCount);
        Assert.Equal([2, 4], t.Rows.Select(x => x.Line));
        var bad = Assert.Single(t.BadRows);
        Assert.Equal(3, bad.Line);
        Assert.Contains("launched 'eighty' is not a number", bad.Message, StringComparison.Ordinal);
        Assert.Equal("SR105", t.BadRowsError!.Code);
        Assert.Contains("1 of 3 rows", t.BadRowsError.Message, StringComparison.Ordinal);
        Assert.Contains("line 3:", t.BadRowsError.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2026-03-01 18:00", "2026-13-02 08:30", "Kalibr", "4.0", "3.0", "time_end '2026-13-02 08:30' is not a date")]
    [InlineData("2026-03-01 18:00", "", "Kalibr", "4.0", "3.0", "time_end is empty")]
    [InlineData("yesterday", "2026-03-02 08:30", "Kalibr", "4.0", "3.0", "time_start 'yesterday' is not a date")]
    [InlineData("2026-03-02 18:00", "2026-03-02 08:30", "Kalibr", "4.0", "3.0", "time_start '2026-03-02 18:00' is after time_end")]
    [InlineData("2026-03-01 18:00", "2026-03-02 08:30", " ", "4.0", "3.0", "model is empty")]
    [InlineData("2026-03-01 18:00", "2026-03-02 08:30", "Kalibr", "2.5", "3.0", "launched '2.5' is not a whole number")]
    [InlineData("2026-03-01 18:00", "2026-03-02 08:30", "Kalibr", "-3", "3.0", "launched '-3' is not a number")]
    [InlineData("2026-03-01 18:00", "2026-03-02 08:30", "Kalibr", "1e3", "3.0", "launched '1e3' is not a number")]
    [InlineData("2026-03-01 18:00", "2026-03-02 08:30", "Kalibr", "4.0", "three", "destroyed 'three' is not a number")]
    [InlineData("2026-03-01 18:00", "2026-03-02 08:30", "Kalibr", "", "", "launched and destroyed are both empty")]
    public void What_makes_a_row_bad_is_said_in_a_sentence(string start, string end, string model, string launched, string destroyed, string problem)
    {
        var t = Read(Table(Row(start, end, model, launched, destroyed))).Table!;
        Assert.Empty(t.Rows);
        Assert.Contains(problem, Assert.Single(t.BadRows).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Rows_with_the_wrong_number_of_fields_or_broken_quotes_are_bad_on_their_own_line()
    {
        var good = Row("2026-03-01 18:00", "2026-03-02 08:30", "Kalibr", "4.0", "3.0");
        var t = Read(Table(
            good,
            "2026-03-02 18:00,2026-03-03 08:30,Kalibr,Kursk, Oryol,Ukraine,,4.0,3.0,0.0,,{},,,,,,,,,,,x", // unquoted comma: 23 fields
            "2026-03-02 18:00,2026-03-03 08:30,Kalibr,4.0",
            "2026-03-02 18:00,2026-03-03 08:30,Kalibr,\"Kursk,Ukraine,,4.0,3.0,0.0,,{},,,,,,,,,,,x", // a quote never closed
            good)).Table!;
        Assert.Equal(5, t.RowCount);
        Assert.Equal([2, 6], t.Rows.Select(r => r.Line));
        Assert.Equal([3, 4, 5], t.BadRows.Select(p => p.Line));
        Assert.Contains("23 fields where the header has 22", t.BadRows[0].Message, StringComparison.Ordinal);
        Assert.Contains("4 fields where the header has 22", t.BadRows[1].Message, StringComparison.Ordinal);
        Assert.Contains("quoting is broken", t.BadRows[2].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_header_is_matched_without_case_spaces_or_order_and_a_byte_order_mark_is_allowed()
    {
        var csv = "\uFEFF Model ,LAUNCHED,destroyed,Time_End\nKalibr,4.0,3.0,2026-03-02 08:30\n";
        var row = Assert.Single(Read(csv).Table!.Rows);
        Assert.Equal(("Kalibr", 4, 3, new DateOnly(2026, 3, 2)), (row.Model, row.Launched, row.Destroyed, row.Night));
    }

    [Fact]
    public void A_file_without_the_needed_columns_says_which_are_missing()
    {
        var r = Read("date,weapon,launched\n2026-03-02,Kalibr,4\n");
        Assert.False(r.Ok);
        Assert.Equal("SR104", r.Error!.Code);
        Assert.Contains("no column time_end, model, destroyed", r.Error.Message, StringComparison.Ordinal);
        Assert.Contains("its header is: date, weapon, launched", r.Error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("[{\"time_end\": \"2026-03-02\", \"model\": \"Kalibr\"}]", "SR103", "looks like JSON")]
    [InlineData("{\"rows\": []}", "SR103", "looks like JSON")]
    [InlineData("<html><body>no table</body></html>", "SR103", "looks like HTML or XML")]
    [InlineData("Overnight, Russia launched 80 drones.\n", "SR104", "no column time_end")]
    [InlineData("", "SR102", "is empty")]
    [InlineData(" \n\n", "SR102", "is empty")]
    public void A_file_that_is_not_the_reference_csv_is_an_error(string text, string code, string says)
    {
        var r = Read(text);
        Assert.False(r.Ok);
        Assert.Null(r.Table);
        Assert.Equal(code, r.Error!.Code);
        Assert.Contains(says, r.Error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_binary_file_is_not_csv()
    {
        var r = ReferenceReader.Read(new byte[] { 0x50, 0x4B, 0x03, 0x04, 0x00, 0x00, 0x08, 0x00 }, "table.xlsx");
        Assert.Equal("SR103", r.Error!.Code);
        Assert.Contains("binary", r.Error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_file_or_a_folder_is_an_error_that_names_it()
    {
        var missing = Path.Combine(Path.GetTempPath(), "sitrep-no-such-" + Guid.NewGuid().ToString("N") + ".csv");
        var r = ReferenceReader.Read(missing);
        Assert.Equal("SR101", r.Error!.Code);
        Assert.Contains(missing, r.Error.Message, StringComparison.Ordinal);
        Assert.Equal("SR103", ReferenceReader.Read(Path.GetTempPath()).Error!.Code);
    }

    [Fact]
    public void A_file_on_disk_is_read()
    {
        var path = Path.Combine(Path.GetTempPath(), "sitrep-ref-" + Guid.NewGuid().ToString("N") + ".csv");
        File.WriteAllText(path, Table(Row("2026-03-01 18:00", "2026-03-02 08:30", "Kalibr", "4.0", "3.0")), new UTF8Encoding(true));
        try
        {
            var r = ReferenceReader.Read(path);
            Assert.True(r.Ok);
            Assert.Equal(path, r.Table!.Source);
            Assert.Single(r.Table.Rows);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Models_without_a_family_are_listed_not_guessed()
    {
        var t = Reference(
            Row("2026-03-01 18:00", "2026-03-02 08:30", "Zubr-9", "5.0", "5.0"),
            Row("2026-03-02 18:00", "2026-03-03 08:30", "Zubr-9", "2.0", "1.0"),
            Row("2026-03-02 18:00", "2026-03-03 08:30", "Shahed-136 and Kalibr", "9.0", "9.0"),
            Row("2026-03-02 18:00", "2026-03-03 08:30", "Kalibr", "4.0", "3.0"));
        Assert.Equal(4, t.Rows.Length);
        Assert.Equal(
            [
                new UnmappedModel("Zubr-9", "the weapon lexicon does not know 'Zubr-9'", 2, 7, new DateOnly(2026, 3, 2), new DateOnly(2026, 3, 3)),
                new UnmappedModel("Shahed-136 and Kalibr", "it names weapons of drone and missile, and one row's figures cannot be split between them", 1, 9,
                    new DateOnly(2026, 3, 3), new DateOnly(2026, 3, 3)),
            ],
            t.UnmappedModels.ToArray());
    }
}
