using Sitrep.Ingest.Readers;

namespace Sitrep.Ingest.Tests.Readers;

public class JsonReportReaderTests
{
    [Fact]
    public void One_object_with_documented_fields()
    {
        const string json = """
            {"title": "Missiles hit Lviv region", "body": "Russia fired six cruise missiles at the Lviv region overnight; four were shot down.",
             "url": "https://example.org/lviv", "published": "2024-03-24T07:10:00Z", "source": "Example Wire", "lang": "en"}
            """;
        var r = JsonReportReader.ParseJson("a.json", "a", json);
        Assert.True(r.Ok, r.Error?.ToString());
        var a = Assert.Single(r.Articles);
        Assert.Equal("Missiles hit Lviv region", a.Title);
        Assert.Equal("Missiles hit Lviv region\n\nRussia fired six cruise missiles at the Lviv region overnight; four were shot down.", a.Text);
        Assert.Equal("https://example.org/lviv", a.Url);
        Assert.Equal(new DateOnly(2024, 3, 24), a.Published);
        Assert.Equal("Example Wire", a.Source);
        Assert.Equal("en", a.Language);
    }

    [Theory]
    [InlineData("text")]
    [InlineData("content")]
    [InlineData("Body")]
    public void Text_field_names(string field)
    {
        var r = JsonReportReader.ParseJson("a.json", "a", $$"""{"{{field}}": "Shelling hit Nikopol; no one was hurt."}""");
        Assert.Equal("Shelling hit Nikopol; no one was hurt.", r.Articles[0].Text);
    }

    [Fact]
    public void Array_and_wrapped_array_hold_many_records()
    {
        const string arr = """[{"text": "Drones hit Sumy."}, {"text": "Missiles hit Kharkiv."}]""";
        Assert.Equal(2, JsonReportReader.ParseJson("a.json", "a", arr).Articles.Length);
        const string wrapped = """{"articles": [{"text": "Drones hit Sumy."}, {"text": "Missiles hit Kharkiv."}, {"text": "Shells hit Kherson."}]}""";
        Assert.Equal(3, JsonReportReader.ParseJson("b.json", "b", wrapped).Articles.Length);
    }

    [Fact]
    public void Html_in_the_text_field_becomes_text()
    {
        var r = JsonReportReader.ParseJson("a.json", "a", """{"content": "<p>Drones hit <b>Sumy</b>.</p><p>Two were hurt.</p>"}""");
        Assert.Equal("Drones hit Sumy.\n\nTwo were hurt.", r.Articles[0].Text);
    }

    [Fact]
    public void Json_lines_keep_good_lines_and_report_bad_ones()
    {
        const string jsonl = """
            {"id": "r1", "text": "Russia launched 25 drones at Kyiv overnight; 23 were shot down.", "published": "2024-06-01"}
            {"id": "r2", "text": "Ukraine said it hit an oil depot in Bryansk region with drones."
            {"id": "r3", "title": "No text here"}
            {"id": "r4", "text": "Artillery shelled Kupiansk in the morning, injuring two.", "published": "yesterday"}

            {"id": "r5", "text": "A guided bomb hit a village near Zaporizhzhia, killing one."}
            """;
        var r = JsonReportReader.ParseJsonLines("f.jsonl", "f", jsonl);
        Assert.False(r.Ok);
        Assert.Equal("SR015", r.Error!.Code);
        Assert.Contains("3 of 5 records", r.Error.Message, StringComparison.Ordinal);
        Assert.Contains("line 2", r.Error.Message, StringComparison.Ordinal);
        Assert.Equal(["r1", "r5"], r.Articles.Select(a => a.Id));
        Assert.Equal(new DateOnly(2024, 6, 1), r.Articles[0].Published);
    }

    [Theory]
    [InlineData("{\"text\": ", "SR009")]
    [InlineData("42", "SR009")]
    [InlineData("{\"title\": \"only a title\"}", "SR013")]
    [InlineData("{\"text\": \"Drones hit Sumy.\", \"published\": \"not a date\"}", "SR014")]
    public void Bad_json_gives_coded_errors(string json, string code)
    {
        var r = JsonReportReader.ParseJson("x.json", "x", json);
        Assert.False(r.Ok);
        Assert.Equal(code, r.Error!.Code);
    }

    [Fact]
    public void Gdelt_compact_dates_are_read()
    {
        var r = JsonReportReader.ParseJson("a.json", "a", """{"text": "Drones hit Sumy.", "seendate": "20240601T101500Z"}""");
        Assert.Equal(new DateOnly(2024, 6, 1), r.Articles[0].Published);
    }
}
