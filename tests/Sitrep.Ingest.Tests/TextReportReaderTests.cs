using System.Text;
using Sitrep.Ingest;
using Sitrep.Ingest.Readers;

namespace Sitrep.Ingest.Tests;

public class TextReportReaderTests
{
    [Fact]
    public void Header_fields_become_metadata_and_body_is_the_article()
    {
        var r = TextReportReader.Parse("a.txt", "a", "url: https://example.org/x\npublished: 2024-03-02\n---\nDrones hit Sumy\nBody line.\n");
        Assert.True(r.Ok);
        var a = Assert.Single(r.Articles);
        Assert.Equal(new DateOnly(2024, 3, 2), a.Published);
        Assert.Equal("https://example.org/x", a.Url);
        Assert.Equal("Drones hit Sumy", a.Title);
        Assert.StartsWith("Drones hit Sumy", a.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_published_is_null_and_no_header_means_whole_text()
    {
        var r = TextReportReader.Parse("a.txt", "a", "published: unknown\n---\nText.");
        Assert.Null(r.Articles[0].Published);
        var plain = TextReportReader.Parse("b.txt", "b", "Kharkiv: two people were hurt.\nMore text.");
        Assert.Equal("Kharkiv: two people were hurt.\nMore text.", plain.Articles[0].Text);
    }

    [Fact]
    public void Bad_published_date_is_a_clear_error()
    {
        var r = TextReportReader.Parse("a.txt", "a", "published: last tuesday\n---\nText.");
        Assert.False(r.Ok);
        Assert.Equal("SR007", r.Error!.Code);
    }

    [Theory]
    [InlineData(new byte[0], "SR002")]
    [InlineData(new byte[] { 0x50, 0x4B, 0x03, 0x04, 0x00, 0x00 }, "SR003")]
    [InlineData(new byte[] { 0x4B, 0x69, 0xE5, 0xE2, 0x20, 0xEE, 0xE1, 0xEB }, "SR004")]
    public void Bad_bytes_give_coded_errors(byte[] bytes, string code)
    {
        var (text, error) = FileLoader.Decode("x", bytes);
        Assert.Null(text);
        Assert.Equal(code, error!.Code);
    }

    [Fact]
    public void Valid_utf8_cyrillic_is_read()
    {
        var (text, error) = FileLoader.Decode("x", Encoding.UTF8.GetBytes("Київ: вибухи"));
        Assert.Null(error);
        Assert.Equal("Київ: вибухи", text);
    }
}
