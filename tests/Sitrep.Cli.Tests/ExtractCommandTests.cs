using System.Text;
using System.Text.Json;
using CliRunner = Sitrep.Cli.Tests.Ledger.Cli;

namespace Sitrep.Cli.Tests;

/// <summary><c>sitrep extract</c> over a batch with bad files in it: each bad file is named, the rest is extracted.</summary>
public sealed class ExtractCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("sitrep-extract-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Write(string name, string text)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllText(path, text, new UTF8Encoding(false));
        return path;
    }

    private const string Report = """
        url: https://example.org/a
        published: 2024-11-14
        ---
        Drones hit Odesa
        Russia launched 40 drones at Ukraine overnight; air defences destroyed 35 of them, the air force said.
        """;

    [Fact]
    public void Jsonl_has_one_line_per_report_in_the_contract()
    {
        Write("a.txt", Report);
        var r = CliRunner.Run("extract", _dir, "--format", "jsonl");
        Assert.Equal(0, r.Code);
        var line = Assert.Single(r.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        using var doc = JsonDocument.Parse(line);
        var root = doc.RootElement;
        Assert.Equal("a", root.GetProperty("article").GetString());
        Assert.Equal("2024-11-14", root.GetProperty("published").GetString());
        var ev = root.GetProperty("events")[0];
        Assert.Equal("RU", ev.GetProperty("attacker").GetString());
        var w = ev.GetProperty("weapons")[0];
        Assert.Equal("drone", w.GetProperty("category").GetString());
        Assert.Equal(40, w.GetProperty("launched").GetInt32());
        Assert.Equal(35, w.GetProperty("destroyed").GetInt32());

        // Every claim's evidence slices the article text at its offsets.
        var text = Report[(Report.IndexOf("---\n", StringComparison.Ordinal) + 4)..];
        foreach (var c in ev.GetProperty("claims").EnumerateArray())
        {
            var e = c.GetProperty("evidence");
            var start = e.GetProperty("start").GetInt32();
            var end = e.GetProperty("end").GetInt32();
            Assert.Equal(e.GetProperty("text").GetString(), text[start..end]);
        }
    }

    [Fact]
    public void Bad_files_get_a_clear_message_each_and_the_rest_of_the_batch_runs()
    {
        Write("good.txt", Report);
        Write("empty.txt", "");
        File.WriteAllBytes(Path.Combine(_dir, "binary.txt"), [0x50, 0x4B, 0x03, 0x04, 0x00, 0x00, 0x14, 0x00]);
        File.WriteAllBytes(Path.Combine(_dir, "cp1251.txt"), Encoding.Latin1.GetBytes("Kharkiv: ") .Concat(new byte[] { 0xD0, 0xE0, 0xEA, 0xE5, 0xF2, 0xE0 }).ToArray());
        using (var big = File.Create(Path.Combine(_dir, "huge.txt")))
        {
            big.SetLength(50L * 1024 * 1024);
        }

        var r = CliRunner.Run("extract", _dir, "--format", "jsonl");
        Assert.Equal(1, r.Code);
        Assert.Single(r.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("SR002", r.Err, StringComparison.Ordinal); // empty
        Assert.Contains("SR003", r.Err, StringComparison.Ordinal); // binary
        Assert.Contains("SR004", r.Err, StringComparison.Ordinal); // not UTF-8
        Assert.Contains("SR005", r.Err, StringComparison.Ordinal); // too large
        Assert.Contains("4 of 5 inputs could not be read", r.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void Html_and_json_reports_are_read_too()
    {
        Write("page.html", "<html><head><title>Drones hit Odesa</title><meta property=\"article:published_time\" content=\"2024-11-14T07:00:00Z\"></head>"
            + "<body><nav>Home | World</nav><article><p>Russia launched 40 drones at Odesa overnight; air defences destroyed 35 of them.</p></article></body></html>");
        Write("items.jsonl", "{\"text\": \"Russia fired 6 missiles at Kharkiv overnight.\", \"published\": \"2024-11-14\", \"url\": \"https://example.org/b\"}\n");
        var r = CliRunner.Run("extract", _dir, "--format", "jsonl");
        Assert.Equal(0, r.Code);
        var lines = r.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        Assert.Contains(lines, l => l.Contains("\"launched\":40", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("\"launched\":6", StringComparison.Ordinal));
    }

    [Fact]
    public void Published_option_dates_reports_without_a_header()
    {
        Write("plain.txt", "Russia attacked Kharkiv with drones overnight, injuring two people.");
        var r = CliRunner.Run("extract", _dir, "--format", "jsonl", "--published", "2025-02-03");
        Assert.Equal(0, r.Code);
        using var doc = JsonDocument.Parse(r.Out);
        Assert.Equal("2025-02-03", doc.RootElement.GetProperty("events")[0].GetProperty("date").GetString());
    }

    [Fact]
    public void Text_format_is_a_block_per_event()
    {
        Write("a.txt", Report);
        var r = CliRunner.Run("extract", _dir, "--format", "text");
        Assert.Contains("STRIKE", r.Out, StringComparison.Ordinal);
        Assert.Contains("launched 40", r.Out, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--format", "xml")]
    [InlineData("--published", "yesterday")]
    [InlineData("--frmat", "json")]
    public void Wrong_options_say_what_to_do(string option, string value)
    {
        Write("a.txt", Report);
        var r = CliRunner.Run("extract", _dir, option, value);
        Assert.Equal(2, r.Code);
        Assert.Contains("sitrep extract", r.Err, StringComparison.Ordinal);
    }
}
