using System.Text;

namespace Sitrep.Ingest.Tests;

public class ReportReaderTests
{
    [Theory]
    [InlineData("<?xml version=\"1.0\"?><rss version=\"2.0\">", ReportFormat.Feed)]
    [InlineData("  <feed xmlns=\"http://www.w3.org/2005/Atom\">", ReportFormat.Feed)]
    [InlineData("<!DOCTYPE html><html><body>", ReportFormat.Html)]
    [InlineData("[{\"text\": \"a\"}]", ReportFormat.Json)]
    [InlineData("{\"text\": \"a\"}", ReportFormat.Json)]
    [InlineData("{\"text\": \"a\"}\n{\"text\": \"b\"}\n", ReportFormat.JsonLines)]
    [InlineData("url: https://example.org\n---\nDrones hit Sumy", ReportFormat.Text)]
    public void Sniffs_the_format(string head, ReportFormat format) => Assert.Equal(format, ReportReader.Sniff(head));

    [Fact]
    public void Reads_each_format_from_files_by_extension_and_by_sniffing()
    {
        using var dir = new TempDir();
        dir.Write("a.txt", "published: 2024-02-01\n---\nDrones hit Sumy overnight.");
        dir.Write("b.html", "<html><body><article><p>A missile hit Dnipro.</p></article></body></html>");
        dir.Write("c.jsonl", "{\"text\": \"Shells hit Kherson.\"}\n{\"text\": \"Drones hit Odesa.\"}\n");
        dir.Write("d.rss", "<rss><channel><item><title>Rockets hit Kharkiv</title></item></channel></rss>");
        dir.Write("e", "<rss><channel><item><title>No extension feed</title></item></channel></rss>");
        Assert.Equal(new DateOnly(2024, 2, 1), ReportReader.ReadFile(dir.Path("a.txt")).Articles[0].Published);
        Assert.Equal("A missile hit Dnipro.", ReportReader.ReadFile(dir.Path("b.html")).Articles[0].Text);
        Assert.Equal(2, ReportReader.ReadFile(dir.Path("c.jsonl")).Articles.Length);
        Assert.Equal("Rockets hit Kharkiv", ReportReader.ReadFile(dir.Path("d.rss")).Articles[0].Text);
        Assert.Equal("No extension feed", ReportReader.ReadFile(dir.Path("e")).Articles[0].Text);
    }

    [Fact]
    public void Walker_reads_folders_in_order_skips_hidden_and_foreign_files_and_flags_missing_paths()
    {
        using var dir = new TempDir();
        dir.Write("b/2.txt", "Two.");
        dir.Write("a.txt", "One.");
        dir.Write("b/1.json", "{\"text\": \"x\"}");
        dir.Write(".hidden.txt", "Hidden.");
        dir.Write(".git/x.txt", "Hidden folder.");
        dir.Write("photo.png", "not a report");
        var items = ReportInputs.Expand([dir.Root, dir.Path("missing.txt"), "https://example.org/feed", "ftp://example.org/x"]).ToList();
        Assert.Equal(
            [("a.txt", InputKind.File), ("photo.png", InputKind.Skipped), ("b/1.json", InputKind.File), ("b/2.txt", InputKind.File)],
            items.Take(4).Select(i => (System.IO.Path.GetRelativePath(dir.Root, i.Source), i.Kind)));
        Assert.Equal(InputKind.Invalid, items[4].Kind);
        Assert.Equal("SR001", items[4].Error!.Code);
        Assert.Equal(InputKind.Url, items[5].Kind);
        Assert.Equal("SR012", items[6].Error!.Code);
    }

    [Fact]
    public void Random_bytes_and_text_never_throw_in_any_reader()
    {
        var rng = new Random(20240601);
        var alphabet = "<>{}[]\"':,/\\&;#!?-=\n\r\t abcxyzКиївї😀\u0000\uFEFF<?xml<rss<feed<html{\"text\":";
        foreach (var format in Enum.GetValues<ReportFormat>())
        {
            for (var i = 0; i < 300; i++)
            {
                var len = rng.Next(0, 200);
                var sb = new StringBuilder(len);
                for (var j = 0; j < len; j++)
                {
                    sb.Append(rng.Next(4) == 0 ? (char)rng.Next(0, 0xD7FF) : alphabet[rng.Next(alphabet.Length)]);
                }

                var r = ReportReader.Parse("fuzz", "fuzz", sb.ToString(), format);
                Assert.True(r.Ok || r.Error is not null);
                foreach (var a in r.Articles)
                {
                    Assert.False(string.IsNullOrWhiteSpace(a.Text));
                }
            }
        }
    }
}

internal sealed class TempDir : IDisposable
{
    public TempDir() => Directory.CreateDirectory(Root);

    public string Root { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "sitrep-test-" + Guid.NewGuid().ToString("N"));

    public string Path(string relative) => System.IO.Path.Combine(Root, relative);

    public void Write(string relative, string text)
    {
        var p = Path(relative);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(p)!);
        File.WriteAllText(p, text);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
