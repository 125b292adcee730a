using System.Text;
using System.Text.Json;
using CliRunner = Sitrep.Cli.Tests.Ledger.Cli;

namespace Sitrep.Cli.Tests;

/// <summary><c>sitrep extract</c> and <c>sitrep ingest</c> of a Telegram export the test writes, with <c>--channel</c>.</summary>
public sealed class TelegramCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("sitrep-telegram-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    // A made-up channel: an air-defence tally with entities, a service message, a photo without a caption, a forward.
    private const string Export = """
        {
         "name": "Вигадане командування",
         "type": "public_channel",
         "id": 1888000333,
         "messages": [
          {"id": 1, "type": "service", "date_unixtime": "1726822800", "action": "pin_message", "text": "", "text_entities": []},
          {"id": 2, "type": "message", "date_unixtime": "1726896600", "from": "Вигадане командування",
           "text_entities": [
            {"type": "bold", "text": "Увага!"},
            {"type": "plain", "text": " Вночі противник атакував Україну 30 ударними БпЛА. Сили ППО збили 26 дронів над "},
            {"type": "hashtag", "text": "#Одеса"},
            {"type": "plain", "text": "."}
           ]},
          {"id": 3, "type": "message", "date_unixtime": "1726897000", "photo": "photos/p.jpg", "text": "", "text_entities": []},
          {"id": 4, "type": "message", "date_unixtime": "1726900000", "forwarded_from": "Made-up City Council",
           "text": "Russia launched 12 drones at Odesa overnight; air defence destroyed 10 of them."}
         ]
        }
        """;

    private string WriteExport()
    {
        var path = Path.Combine(_dir, "result.json");
        File.WriteAllText(path, Export, new UTF8Encoding(false));
        return path;
    }

    [Fact]
    public void Extract_gives_a_report_per_message_with_text_its_url_and_evidence_in_its_text()
    {
        var r = CliRunner.Run("extract", WriteExport(), "--format", "jsonl", "--channel", "made_up_command");
        Assert.True(r.Code == 0, r.Err);
        var lines = r.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        using var first = JsonDocument.Parse(lines[0]);
        var root = first.RootElement;
        Assert.Equal("https://t.me/made_up_command/2", root.GetProperty("url").GetString());
        Assert.Equal("2024-09-21", root.GetProperty("published").GetString());
        var text = "Увага! Вночі противник атакував Україну 30 ударними БпЛА. Сили ППО збили 26 дронів над #Одеса.";
        var claims = root.GetProperty("events").EnumerateArray().SelectMany(e => e.GetProperty("claims").EnumerateArray()).ToList();
        Assert.NotEmpty(claims);
        foreach (var c in claims)
        {
            var e = c.GetProperty("evidence");
            Assert.Equal(e.GetProperty("text").GetString(), text[e.GetProperty("start").GetInt32()..e.GetProperty("end").GetInt32()]);
        }

        using var second = JsonDocument.Parse(lines[1]);
        Assert.Equal("https://t.me/made_up_command/4", second.RootElement.GetProperty("url").GetString());
    }

    [Fact]
    public void Ingest_summary_counts_the_messages_and_what_was_skipped()
    {
        var r = CliRunner.Run("ingest", WriteExport(), "--db", Path.Combine(_dir, "t.db"), "--channel", "@made_up_command");
        Assert.True(r.Code == 0, r.Err + r.Out);
        Assert.Contains("messages         4 read from Telegram exports: 2 reports, 0 failed", r.Out, StringComparison.Ordinal);
        Assert.Contains("skipped          2 messages: 1 service, 1 without text (media only)", r.Out, StringComparison.Ordinal);
        Assert.All(r.Out.Split('\n').Where(l => l.StartsWith("  messages", StringComparison.Ordinal) || l.StartsWith("  skipped", StringComparison.Ordinal)),
            line => Assert.True(line.Length <= 80, line));
    }

    [Theory]
    [InlineData("not a name!", "is not a Telegram channel username")]
    [InlineData("missing/channels.tsv", "does not exist")]
    public void A_bad_channel_is_a_usage_error_that_says_what_to_write(string channel, string words)
    {
        var r = CliRunner.Run("extract", WriteExport(), "--channel", channel);
        Assert.Equal(2, r.Code);
        Assert.Contains(words, r.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void A_mapping_file_names_the_channel_by_its_id()
    {
        var map = Path.Combine(_dir, "channels.tsv");
        File.WriteAllText(map, "# chat id or name, then the username\n1888000333\tmade_up_command\nВигадана ОВА made_up_ova\n");
        var r = CliRunner.Run("extract", WriteExport(), "--format", "jsonl", "--channel", map);
        Assert.True(r.Code == 0, r.Err);
        using var first = JsonDocument.Parse(r.Out.Split('\n')[0]);
        Assert.Equal("https://t.me/made_up_command/2", first.RootElement.GetProperty("url").GetString());
    }
}
