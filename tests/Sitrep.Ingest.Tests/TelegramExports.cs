using System.Globalization;
using System.Text;

namespace Sitrep.Ingest.Tests;

/// <summary>
/// Telegram Desktop exports the tests write: made-up channels and messages in Ukrainian, Russian and English, shaped
/// like the real format (service messages, media-only posts, entities, edits, forwards). No real channel's text.
/// </summary>
internal static class TelegramExports
{
    /// <summary>A channel's export: seven messages of every kind the reader tells apart.</summary>
    public const string Channel = """
        {
         "name": "Вигадана ОВА",
         "type": "public_channel",
         "id": 1777000111,
         "messages": [
          {
           "id": 10,
           "type": "service",
           "date": "2024-09-20T12:00:00",
           "date_unixtime": "1726822800",
           "actor": "Вигадана ОВА",
           "actor_id": "channel1777000111",
           "action": "pin_message",
           "message_id": 9,
           "text": "",
           "text_entities": []
          },
          {
           "id": 11,
           "type": "message",
           "date": "2024-09-21T01:30:00",
           "date_unixtime": "1726871400",
           "from": "Вигадана ОВА",
           "from_id": "channel1777000111",
           "text": [
            {"type": "bold", "text": "Нічна атака"},
            "\nОкупанти запустили по області 12 дронів. Сили ППО збили 9 над ",
            {"type": "hashtag", "text": "#Полтава"},
            ". Подробиці ",
            {"type": "text_link", "text": "тут", "href": "https://example.org/night"},
            "."
           ],
           "text_entities": [
            {"type": "bold", "text": "Нічна атака"},
            {"type": "plain", "text": "\nОкупанти запустили по області 12 дронів. Сили ППО збили 9 над "},
            {"type": "hashtag", "text": "#Полтава"},
            {"type": "plain", "text": ". Подробиці "},
            {"type": "text_link", "text": "тут", "href": "https://example.org/night"},
            {"type": "plain", "text": "."}
           ]
          },
          {
           "id": 12,
           "type": "message",
           "date": "2024-09-21T08:30:00",
           "date_unixtime": "1726896600",
           "edited": "2024-09-21T09:10:00",
           "edited_unixtime": "1726899000",
           "from": "Вигадана ОВА",
           "from_id": "channel1777000111",
           "text": "Оновлено: унаслідок удару поранено трьох людей.",
           "text_entities": [{"type": "plain", "text": "Оновлено: унаслідок удару поранено трьох людей."}]
          },
          {
           "id": 13,
           "type": "message",
           "date": "2024-09-21T09:00:00",
           "date_unixtime": "1726898400",
           "from": "Вигадана ОВА",
           "from_id": "channel1777000111",
           "photo": "photos/photo_13@21-09-2024_09-00-00.jpg",
           "width": 1280,
           "height": 853,
           "text": "",
           "text_entities": []
          },
          {
           "id": 14,
           "type": "message",
           "date": "2024-09-21T10:00:00",
           "date_unixtime": "1726902000",
           "from": "Вигадана ОВА",
           "from_id": "channel1777000111",
           "forwarded_from": "Условная администрация",
           "text": "Ночью над областью сбиты 4 беспилотника, пострадавших нет.",
           "text_entities": [{"type": "plain", "text": "Ночью над областью сбиты 4 беспилотника, пострадавших нет."}]
          },
          {
           "id": 15,
           "type": "message",
           "date": "2024-09-21T10:40:00",
           "date_unixtime": "1726904400",
           "from": "Вигадана ОВА",
           "from_id": "channel1777000111",
           "text": ["Shelling hit the outskirts of ", {"type": "bold", "text": "Poltava"}, " this morning; no one was hurt."]
          },
          {
           "id": 16,
           "type": "message",
           "date": "2024-01-16T01:00:00",
           "date_unixtime": 1705359600,
           "from": "Вигадана ОВА",
           "from_id": "channel1777000111",
           "sticker_emoji": "🙏",
           "file": "stickers/sticker.webp",
           "text": "   ",
           "text_entities": [{"type": "plain", "text": "   "}]
          }
         ]
        }
        """;

    /// <summary>A generated export of <paramref name="count"/> short messages (every tenth a service message).</summary>
    public static string Generated(int count, string type = "public_channel", long chatId = 1777000222)
    {
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $$"""{"name": "Made-up Monitor", "type": "{{type}}", "id": {{chatId}}, "messages": [""");
        for (var i = 1; i <= count; i++)
        {
            sb.Append(i == 1 ? "\n" : ",\n");
            var t = 1_717_200_000L + i * 600;
            var message = i % 10 == 0
                ? $$"""{"id": {{i}}, "type": "service", "date_unixtime": "{{t}}", "action": "pin_message", "text": ""}"""
                : $$"""{"id": {{i}}, "type": "message", "date_unixtime": "{{t}}", "from": "Made-up Monitor", "text": ["Post {{i}}: ", {"type": "bold", "text": "{{i % 50}} drones"}, " were shot down over the region overnight."]}""";
            sb.Append(message);
        }

        sb.Append("\n]}\n");
        return sb.ToString();
    }

    /// <summary>Writes an export to a new file in a new temporary folder and returns its path.</summary>
    public static string ToFile(string json, string name = "result.json")
    {
        var dir = Path.Combine(Path.GetTempPath(), "sitrep-tg-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(dir);
        var path = Path.Combine(dir, name);
        File.WriteAllText(path, json, new UTF8Encoding(false));
        return path;
    }
}
