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

    /// <summary>Forty reports of different lengths and shapes, written for this test, so that workers finish out of order.</summary>
    private void WriteBatch()
    {
        string[] towns = ["Odesa", "Kharkiv", "Sumy", "Dnipro", "Zaporizhzhia"];
        for (var i = 0; i < 40; i++)
        {
            var town = towns[i % towns.Length];
            var body = new StringBuilder($"Strikes on {town}\n");
            body.Append($"Russia launched {10 + i} drones at Ukraine overnight; air defences destroyed {5 + i} of them, the air force said.\n");
            for (var k = 0; k < i % 9; k++)
            {
                body.Append($"In {town}, {1 + k} people were injured and a school was damaged, the regional governor said on {(k % 2 == 0 ? "Monday" : "Tuesday")}.\n");
            }

            Write($"r{i:D2}.txt", $"url: https://example.org/{i}\npublished: 2024-11-{1 + (i % 28):D2}\n---\n{body}");
        }
    }

    [Theory]
    [InlineData("json")]
    [InlineData("jsonl")]
    [InlineData("text")]
    public void Output_on_several_workers_is_the_same_as_on_one(string format)
    {
        WriteBatch();
        var one = CliRunner.Run("extract", _dir, "--format", format, "--jobs", "1");
        var three = CliRunner.Run("extract", _dir, "--format", format, "--jobs", "3");
        Assert.Equal(0, one.Code);
        Assert.Equal(0, three.Code);
        Assert.Contains("r39", one.Out, StringComparison.Ordinal);
        Assert.Equal(one.Out, three.Out);
    }

    [Fact]
    public async Task Bytes_written_to_a_pipe_on_two_workers_are_the_bytes_of_one()
    {
        WriteBatch();
        var one = await CliRunner.RunProcessAsync(TimeSpan.FromMinutes(2), "extract", _dir, "--format", "jsonl", "--jobs", "1");
        var two = await CliRunner.RunProcessAsync(TimeSpan.FromMinutes(2), "extract", _dir, "--format", "jsonl", "--jobs", "2");
        Assert.Equal(0, one.Code);
        Assert.Equal(40, one.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.Equal(one.Out, two.Out);

        // and the same as the in-process writer's text
        Assert.Equal(CliRunner.Run("extract", _dir, "--format", "jsonl").Out, two.Out);
    }

    [Fact]
    public void Profile_prints_a_row_per_stage_on_stderr_and_leaves_the_output_alone()
    {
        WriteBatch();
        var plain = CliRunner.Run("extract", _dir, "--format", "jsonl");
        var profiled = CliRunner.Run("extract", "--profile", _dir, "--format", "jsonl");
        Assert.Equal(0, profiled.Code);
        Assert.Equal(plain.Out, profiled.Out);
        foreach (var step in new[] { "tokenize", "sentences", "numbers", "dates", "weapons", "places", "casualties", "figures", "actors", "assembly" })
        {
            Assert.Matches($"(?m)^{step} +[0-9.]+ ", profiled.Err);
        }

        Assert.Contains("40 reports in", profiled.Err, StringComparison.Ordinal);

        // and where the rest of the process's time went: its phases, the JIT's and the collector's work
        Assert.Matches(@"(?m)^whole process: [0-9.]+ s wall, [0-9.]+ s CPU", profiled.Err);
        foreach (var phase in new[] { "start-up", "pipeline", "run", "read", "extract", "format", "write" })
        {
            Assert.Matches($"(?m)^ +{phase} +[0-9.]+ s", profiled.Err);
        }

        Assert.Matches(@"(?m)^  JIT +[0-9,]+ methods compiled in [0-9.]+ s", profiled.Err);
        Assert.Matches(@"(?m)^  GC +[0-9,]+ collections .* MB allocated; (workstation|server) GC", profiled.Err);
    }

    /// <summary>Rule casualties/scoped-zero with the real gazetteer, which knows the Ukrainian and Russian names of regions.</summary>
    [Theory]
    [InlineData("Уночі 3 травня російські дрони атакували Україну. У Харкові двоє людей дістали поранення, повідомив мер. На Полтавщині обійшлося без постраждалих, повідомив голова ОВА.")]
    [InlineData("Ночью 3 мая российские дроны атаковали Украину. В Харькове пострадали два человека, сообщил мэр. В Полтавской области обошлось без пострадавших, сообщил губернатор.")]
    public void A_regions_zero_in_ukrainian_or_russian_does_not_zero_an_event_of_several(string text)
    {
        Write("zero.txt", "published: 2025-05-03\n\n" + text + "\n");
        var r = CliRunner.Run("extract", Path.Combine(_dir, "zero.txt"), "--format", "jsonl");
        Assert.True(r.Code == 0, r.Err);
        var e = Assert.Single(System.Text.Json.JsonDocument.Parse(r.Out).RootElement.GetProperty("events").EnumerateArray());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, e.GetProperty("killed").ValueKind);
        Assert.Equal(2, e.GetProperty("injured").GetInt32());
    }
}
