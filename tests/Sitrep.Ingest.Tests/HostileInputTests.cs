using System.Diagnostics;
using Sitrep.Ingest;
using Sitrep.Ingest.Readers;

namespace Sitrep.Ingest.Tests;

/// <summary>Inputs that once killed the process or corrupted what was stored: each is refused or cleaned, with a code.</summary>
public sealed class HostileInputTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("sitrep-hostile-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static string Nested(string open, string close, int levels, string inner = "Drones hit Sumy overnight.") =>
        string.Concat(Enumerable.Repeat(open, levels)) + inner + string.Concat(Enumerable.Repeat(close, levels));

    [Theory]
    [InlineData("<div>", "</div>")]
    [InlineData("<b><i><u>", "</u></i></b>")]
    public void A_page_nested_thousands_deep_is_refused_with_a_code_and_quickly(string open, string close)
    {
        var html = "<html><body>" + Nested(open, close, 30_000) + "</body></html>";
        var clock = Stopwatch.StartNew();
        var r = ReportReader.Parse("deep.html", "deep", html, ReportFormat.Html);
        Assert.Equal("SR018", r.Error?.Code);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"{clock.Elapsed}");
    }

    [Fact]
    public void A_page_nested_deep_but_under_the_cap_is_read_whole()
    {
        var html = "<html><body><article>" + Nested("<div>", "</div>", 1_500, "<p>Drones hit Sumy overnight.</p><p>Two people were hurt.</p>") + "</article></body></html>";
        var r = ReportReader.Parse("deep.html", "deep", html, ReportFormat.Html);
        Assert.True(r.Ok, r.Error?.ToString());
        Assert.Contains("Drones hit Sumy overnight.\n\nTwo people were hurt.", r.Articles[0].Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Unclosed_paragraphs_and_void_elements_do_not_count_as_depth()
    {
        var page = string.Concat(Enumerable.Repeat("<p>One more line<br><img src=x>", 5_000));
        Assert.True(HtmlText.NestingDepth(page) < 5);
        Assert.Equal(3, HtmlText.NestingDepth("<div><section><span>x</span><br/></section><div></div></div>"));
    }

    [Fact]
    public void A_deep_json_record_or_feed_item_is_refused_and_the_others_are_read()
    {
        var deep = Nested("<div>", "</div>", 20_000);
        var json = $$"""[{"text": "Drones hit Sumy overnight."}, {"text": "{{deep}}"}]""";
        var r = ReportReader.Parse("batch.json", "batch", json, ReportFormat.Json);
        Assert.Single(r.Articles);
        Assert.Contains("nests its HTML elements", r.Error?.ToString(), StringComparison.Ordinal);

        var rss = $"""<?xml version="1.0"?><rss version="2.0"><channel><title>T</title><item><title>One</title><description>Drones hit Sumy.</description></item><item><title>Two</title><description>{System.Security.SecurityElement.Escape(deep)}</description></item></channel></rss>""";
        var f = ReportReader.Parse("feed.xml", "feed", rss, ReportFormat.Feed);
        Assert.Single(f.Articles);
        Assert.Contains("nests its HTML elements", f.Error?.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_nul_anywhere_becomes_a_space_in_the_text_and_is_dropped_elsewhere()
    {
        var json = """{"title": "Sumy\u0000 strike", "url": "https://example.org/a\u0000", "text": "Drones hit\u0000Sumy. Two people were hurt."}""";
        var a = Assert.Single(ReportReader.Parse("a.json", "a", json, ReportFormat.Json).Articles);
        Assert.EndsWith("Drones hit Sumy. Two people were hurt.", a.Text, StringComparison.Ordinal);
        Assert.DoesNotContain('\0', a.Text);
        Assert.Equal("Sumy  strike", a.Title);
        Assert.Equal("https://example.org/a", a.Url);

        // A NUL past the first 8 KB of a text file (the binary sniff reads only the head).
        var path = Path.Combine(_dir, "late-nul.txt");
        File.WriteAllText(path, new string('x', 9000) + "\nDrones hit\0Sumy.");
        var t = Assert.Single(ReportReader.ReadFile(path).Articles);
        Assert.DoesNotContain('\0', t.Text);
        Assert.EndsWith("Drones hit Sumy.", t.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/dev/zero")]
    [InlineData("/dev/urandom")]
    public void A_device_is_never_read(string device)
    {
        if (!File.Exists(device))
        {
            return;
        }

        Assert.Equal("SR002", ReportReader.ReadFile(device).Error?.Code);
    }

    [Fact]
    public async Task A_fifo_is_refused_without_waiting_for_a_writer()
    {
        var fifo = Path.Combine(_dir, "pipe");
        using (var mk = Process.Start(new ProcessStartInfo("mkfifo", fifo) { UseShellExecute = false }))
        {
            if (mk is null)
            {
                return;
            }

            await mk.WaitForExitAsync();
        }

        var read = await Task.Run(() => ReportReader.ReadFile(fifo)).WaitAsync(TimeSpan.FromSeconds(10)); // throws when it blocks
        Assert.Equal("SR002", read.Error?.Code);
    }

    [Theory]
    [InlineData(ReportFormat.Json, """[{"text": "Drones hit Sumy overnight."}, {"text": "Shelling hit Kherson \ud800 at dawn."}, {"text": "A missile hit Dnipro."}]""")]
    [InlineData(ReportFormat.JsonLines, "{\"text\": \"Drones hit Sumy overnight.\"}\n{\"text\": \"Shelling hit Kherson \\ud800 at dawn.\"}\n{\"text\": \"A missile hit Dnipro.\"}")]
    public void A_record_escaping_half_a_surrogate_pair_costs_only_that_record(ReportFormat format, string json)
    {
        // Found by the reader fuzzer: the whole file was refused as a reader crash.
        var r = ReportReader.Parse("batch", "batch", json, format);
        Assert.Equal(2, r.Articles.Length);
        Assert.Equal("SR015", r.Error?.Code);
        Assert.Contains("surrogate", r.Error?.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_json_lines_line_with_a_lone_surrogate_in_the_text_itself_costs_only_that_line()
    {
        var r = ReportReader.Parse("batch", "batch", "{\"text\": \"Drones hit Sumy overnight.\"}\n{\"text\": \"Kherson \uD800\"}\n", ReportFormat.JsonLines);
        Assert.Single(r.Articles);
        Assert.Equal("SR015", r.Error?.Code);
    }
}
