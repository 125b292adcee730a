using System.Text;
using System.Text.Json;
using Sitrep.Ingest.Readers;

namespace Sitrep.Ingest.Tests;

public class TelegramExportReaderTests
{
    private static ReadResult Read(string json, TelegramChannels? channels = null) =>
        TelegramExportReader.Parse("result.json", "result", json, channels);

    [Fact]
    public void Each_message_with_text_is_a_report_and_the_others_are_counted()
    {
        var r = Read(TelegramExports.Channel, TelegramChannels.Every("made_up_ova"));
        Assert.True(r.Ok, r.Error?.ToString());
        Assert.Equal(["made_up_ova/11", "made_up_ova/12", "made_up_ova/14", "made_up_ova/15"], r.Articles.Select(a => a.Id));
        Assert.Equal(new TelegramTally(Messages: 7, Reports: 4, Service: 1, NoText: 2, Failed: 0), r.Telegram);
    }

    [Fact]
    public void Published_is_the_Kyiv_day_and_the_time_of_day_is_kept()
    {
        var r = Read(TelegramExports.Channel);
        var night = r.Articles.Single(a => a.Metadata["telegram_message_id"] == "11");

        // 22:30 UTC on 20 September is 01:30 on the 21st in Kyiv (summer time): the night's morning day.
        Assert.Equal(new DateOnly(2024, 9, 21), night.Published);
        Assert.Equal("2024-09-21T01:30:00+03:00", night.Metadata["published_at"]);
        var edited = r.Articles.Single(a => a.Metadata["telegram_message_id"] == "12");
        Assert.Equal("2024-09-21T08:30:00+03:00", edited.Metadata["published_at"]);
        Assert.Equal("2024-09-21T09:10:00+03:00", edited.Metadata["edited_at"]);
        Assert.False(night.Metadata.ContainsKey("edited_at"));
    }

    [Fact]
    public void Winter_times_are_two_hours_ahead_of_UTC()
    {
        const string json = """
            {"name": "Made-up Monitor", "type": "public_channel", "id": 5, "messages": [
              {"id": 1, "type": "message", "date_unixtime": "1705359600", "text": "Drones were shot down over the region."}]}
            """;
        var a = Assert.Single(Read(json).Articles);
        Assert.Equal(new DateOnly(2024, 1, 16), a.Published);
        Assert.Equal("2024-01-16T01:00:00+02:00", a.Metadata["published_at"]);
    }

    [Fact]
    public void The_text_is_the_entities_joined_in_order_so_each_entity_slices_out_of_it()
    {
        var r = Read(TelegramExports.Channel);
        var night = r.Articles.Single(a => a.Metadata["telegram_message_id"] == "11");
        using var doc = JsonDocument.Parse(TelegramExports.Channel);
        var entities = doc.RootElement.GetProperty("messages")[1].GetProperty("text_entities").EnumerateArray()
            .Select(e => e.GetProperty("text").GetString()!).ToList();
        Assert.Equal(string.Concat(entities), night.Text);
        var offset = 0;
        foreach (var e in entities)
        {
            Assert.Equal(e, night.Text.Substring(offset, e.Length));
            offset += e.Length;
        }

        Assert.Equal("Нічна атака", night.Title);

        // Without text_entities, the text array's strings and entities are joined the same way.
        var english = r.Articles.Single(a => a.Metadata["telegram_message_id"] == "15");
        Assert.Equal("Shelling hit the outskirts of Poltava this morning; no one was hurt.", english.Text);
    }

    [Fact]
    public void Urls_use_the_username_when_known_else_the_channel_link()
    {
        var named = Read(TelegramExports.Channel, TelegramChannels.Every("@made_up_ova"));
        Assert.Equal("https://t.me/made_up_ova/11", named.Articles[0].Url);
        var unnamed = Read(TelegramExports.Channel);
        Assert.Equal("https://t.me/c/1777000111/11", unnamed.Articles[0].Url);
        Assert.Equal("1777000111/11", unnamed.Articles[0].Id);

        // A personal chat has no public link: no URL without a username.
        var personal = Read(TelegramExports.Generated(3, type: "personal_chat"));
        Assert.All(personal.Articles, a => Assert.Null(a.Url));
    }

    [Fact]
    public void The_channel_is_the_source_and_a_forward_is_credited_to_its_origin()
    {
        var r = Read(TelegramExports.Channel);
        var own = r.Articles.Single(a => a.Metadata["telegram_message_id"] == "12");
        Assert.Equal("Вигадана ОВА", own.Source);
        Assert.Equal("Вигадана ОВА", own.Metadata["claimant"]);
        var forward = r.Articles.Single(a => a.Metadata["telegram_message_id"] == "14");
        Assert.Equal("Условная администрация", forward.Source);
        Assert.Equal("Условная администрация", forward.Metadata["claimant"]);
        Assert.Equal("Вигадана ОВА", forward.Metadata["channel"]);
        Assert.Equal("Условная администрация", forward.Metadata["forwarded_from"]);
    }

    [Fact]
    public void Bad_messages_are_counted_with_a_clear_error_and_the_others_read()
    {
        const string json = """
            {"name": "Made-up Monitor", "type": "public_channel", "id": 5, "messages": [
              {"id": 1, "type": "message", "date_unixtime": "1726871400", "text": "Drones were shot down over the region."},
              {"id": 2, "type": "message", "date_unixtime": "1726871400", "text": 42},
              {"type": "message", "date_unixtime": "1726871400", "text": "A message without an id."},
              {"id": 4, "type": "message", "date_unixtime": "yesterday", "text": "Shells hit a village."},
              "not a message",
              {"id": 6, "type": "message", "date_unixtime": "1726871400", "text_entities": [{"type": "bold"}]},
              {"id": 7, "type": "message", "date_unixtime": "1726871400", "text": "Two missiles were shot down."}
            ]}
            """;
        var r = Read(json);
        Assert.Equal(["5/1", "5/7"], r.Articles.Select(a => a.Id));
        Assert.Equal(new TelegramTally(7, 2, 0, 0, 5), r.Telegram);
        Assert.Equal("SR015", r.Error!.Code);
        Assert.Contains("5 of 7 messages could not be read", r.Error.Message, StringComparison.Ordinal);
        Assert.Contains("message 2 has a 'text' that is a number", r.Error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"id": 2, "type": "message", "text": 42}""", "SR020", "message 2 has a 'text' that is a number")]
    [InlineData("""{"type": "message", "text": "x"}""", "SR020", "has no numeric 'id'")]
    [InlineData("""{"id": 2, "date_unixtime": "soon", "text": "x"}""", "SR020", "date_unixtime 'soon'")]
    [InlineData("""{"id": 2, "text_entities": [7]}""", "SR020", "item 1 is a number")]
    public void One_bad_message_gets_its_own_coded_error(string message, string code, string words)
    {
        var r = Read($$"""{"name": "M", "type": "public_channel", "id": 5, "messages": [{{message}}]}""");
        Assert.Empty(r.Articles);
        Assert.Equal(new TelegramTally(1, 0, 0, 0, 1), r.Telegram);

        // The export's error names the message's own problem, with its code, and says what to do.
        Assert.Equal("SR015", r.Error!.Code);
        Assert.Contains($"First problem: {code}: ", r.Error.Message, StringComparison.Ordinal);
        Assert.Contains(words, r.Error.Message, StringComparison.Ordinal);
        Assert.Contains("export the chat again", r.Error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Json_that_breaks_off_keeps_the_messages_before_it()
    {
        var whole = TelegramExports.Generated(40);
        var cut = whole[..(whole.IndexOf("\"id\": 31,", StringComparison.Ordinal) + 12)];
        var r = Read(cut);
        Assert.Equal(27, r.Articles.Length); // 30 messages, every tenth a service message
        Assert.Equal("SR009", r.Error!.Code);
        Assert.Contains("could not be read past message 30", r.Error.Message, StringComparison.Ordinal);
        Assert.Contains("cut short", r.Error.Message, StringComparison.Ordinal);

        var garbled = whole.Replace("\"id\": 21,", "\"id\": 21,,", StringComparison.Ordinal);
        var g = Read(garbled);
        Assert.Equal(18, g.Articles.Length);
        Assert.Equal("SR009", g.Error!.Code);
        Assert.Contains("in message 21 of the export", g.Error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_message_over_the_cap_stops_the_export_there_with_the_size_error()
    {
        var big = new string('x', 300_000);
        var json = $$"""{"name": "M", "type": "public_channel", "id": 5, "messages": [{"id": 1, "text": "Drones were shot down."}, {"id": 2, "text": "{{big}}"}]}""";
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(json));
        var parts = TelegramExportReader.ReadParts(stream, "big.json", "big", null, maxMessageBytes: 128 * 1024).ToList();
        Assert.Equal(["5/1"], parts.SelectMany(p => p.Articles).Select(a => a.Id));
        Assert.Equal("SR005", parts[^1].Error!.Code);
        Assert.Contains("message 2 of the export is over", parts[^1].Error!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_export_is_streamed_in_parts_without_reading_it_all_first()
    {
        var json = Encoding.UTF8.GetBytes(TelegramExports.Generated(6000));
        using var stream = new CountingStream(json);
        long readAtFirstPart = -1;
        var parts = 0;
        var tally = default(TelegramTally);
        foreach (var part in TelegramExportReader.ReadParts(stream, "big.json", "big"))
        {
            if (parts++ == 0)
            {
                readAtFirstPart = stream.Position;
            }

            Assert.True(part.Articles.Length <= TelegramExportReader.PartSize);
            tally += part.Telegram!.Value;
        }

        Assert.InRange(readAtFirstPart, 1, json.Length / 4);
        Assert.True(parts >= 6000 / TelegramExportReader.PartSize);
        Assert.Equal(new TelegramTally(6000, 5400, 600, 0, 0), tally);
    }

    [Theory]
    [InlineData("""{"name": "A", "type": "public_channel", "id": 1, "messages": []}""", true)]
    [InlineData("""{"about": "x", "name": "A", "type": "private_supergroup", "id": 1, "messages": [{"id": 1}""", true)]
    [InlineData("""{"articles": [{"text": "Drones hit Sumy."}]}""", false)]
    [InlineData("""{"type": "public_channel", "text": "A report with a type field."}""", false)]
    [InlineData("""{"name": "A", "type": "newsletter", "messages": []}""", false)]
    [InlineData("""[{"type": "public_channel", "messages": []}]""", false)]
    public void The_format_is_told_by_content(string head, bool isExport)
    {
        Assert.Equal(isExport, TelegramExportReader.LooksLikeExport(head));
        Assert.Equal(isExport, ReportReader.Sniff(head) == ReportFormat.Telegram);
    }

    [Fact]
    public void The_registry_reads_a_json_file_that_is_an_export_as_one()
    {
        var path = TelegramExports.ToFile(TelegramExports.Channel);
        var whole = ReportReader.ReadFile(path);
        Assert.True(whole.Ok, whole.Error?.ToString());
        Assert.Equal(4, whole.Articles.Length);
        Assert.Equal(4, ReportReader.ReadFileInParts(path).Sum(p => p.Articles.Length));

        // Text sent as JSON (an HTTP body) is told apart the same way.
        Assert.Equal(4, ReportReader.Parse("body", "b", TelegramExports.Channel, ReportFormat.Json).Articles.Length);

        // Other JSON is read as before.
        var plain = TelegramExports.ToFile("""{"text": "Drones hit Sumy overnight.", "published": "2024-06-01"}""", "report.json");
        Assert.Equal("Drones hit Sumy overnight.", Assert.Single(ReportReader.ReadFileInParts(plain)).Articles[0].Text);
    }

    [Fact]
    public void An_export_without_messages_is_a_clear_error()
    {
        var r = Read("""{"name": "A", "type": "public_channel", "id": 1}""");
        Assert.Equal("SR009", r.Error!.Code);
        Assert.Contains("no 'messages' array", r.Error.Message, StringComparison.Ordinal);
    }

    private sealed class CountingStream(byte[] bytes) : MemoryStream(bytes, writable: false);
}
