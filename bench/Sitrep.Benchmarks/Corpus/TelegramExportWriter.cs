using System.Globalization;
using System.Text.Json;

namespace Sitrep.Benchmarks.Corpus;

/// <summary>
/// Writes a fictional Telegram Desktop single-chat export (<c>result.json</c>) of generated messages, seeded so the same
/// every time: posts of a made-up channel in Ukrainian, Russian and English about drone, missile and shelling attacks,
/// with bold, hashtag and link entities, edits, forwards from other made-up channels, service messages, media-only
/// posts and, on request, messages that cannot be read. Every sentence is written here; no real channel's text.
/// Streamed to the file with <see cref="Utf8JsonWriter"/>, so a million messages cost no more memory than ten.
/// </summary>
internal static class TelegramExportWriter
{
    public const int DefaultCount = 10_000;
    public const int DefaultSeed = 9;

    /// <summary>What was written, by kind: a reader should count the same.</summary>
    public sealed record Written(int Messages, int WithText, int Service, int MediaOnly, int Bad, int Forwarded, int Edited);

    // Towns as (Ukrainian nominative, Ukrainian genitive, Russian dative, English, region in English).
    private static readonly (string Uk, string UkGen, string RuDat, string En, string Region)[] Towns =
    [
        ("Харків", "Харкова", "Харькову", "Kharkiv", "Kharkiv"),
        ("Суми", "Сум", "Сумам", "Sumy", "Sumy"),
        ("Одеса", "Одеси", "Одессе", "Odesa", "Odesa"),
        ("Дніпро", "Дніпра", "Днепру", "Dnipro", "Dnipropetrovsk"),
        ("Миколаїв", "Миколаєва", "Николаеву", "Mykolaiv", "Mykolaiv"),
        ("Херсон", "Херсона", "Херсону", "Kherson", "Kherson"),
        ("Запоріжжя", "Запоріжжя", "Запорожью", "Zaporizhzhia", "Zaporizhzhia"),
        ("Чернігів", "Чернігова", "Чернигову", "Chernihiv", "Chernihiv"),
    ];

    private static readonly string[] RussianRegions = ["Белгородской", "Курской", "Брянской", "Воронежской"];

    private static readonly string[] Forwarders = ["Вигадана міська рада", "Условная областная администрация", "Example Regional Desk"];

    public static Written Write(string path, int count, int seed, int bad)
    {
        var r = new Random(seed);
        using var file = File.Create(path);
        using var w = new Utf8JsonWriter(file, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        const string channel = "Вигаданий моніторинговий канал";
        w.WriteStartObject();
        w.WriteString("name", channel);
        w.WriteString("type", "public_channel");
        w.WriteNumber("id", 1_500_000_009);
        w.WriteStartArray("messages");

        // Bad messages sit at evenly spread positions.
        var badAt = new HashSet<int>(Enumerable.Range(0, Math.Min(bad, count)).Select(i => (int)((i + 0.5) * count / Math.Max(1, bad))));
        var t = new DateTimeOffset(2024, 3, 1, 4, 0, 0, TimeSpan.Zero).ToUnixTimeSeconds();
        int withText = 0, service = 0, media = 0, badN = 0, forwarded = 0, edited = 0;
        for (var i = 0; i < count; i++)
        {
            var id = i + 1;
            t += r.Next(600, 3600);
            w.WriteStartObject();
            if (badAt.Contains(i))
            {
                // A message the reader must count as failed: text that is a number.
                w.WriteNumber("id", id);
                w.WriteString("type", "message");
                w.WriteString("date_unixtime", t.ToString(CultureInfo.InvariantCulture));
                w.WriteNumber("text", 7);
                w.WriteEndObject();
                badN++;
                continue;
            }

            w.WriteNumber("id", id);
            var roll = r.NextDouble();
            w.WriteString("type", roll < 0.05 ? "service" : "message");
            var local = DateTimeOffset.FromUnixTimeSeconds(t).ToOffset(TimeSpan.FromHours(3));
            w.WriteString("date", local.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture));
            w.WriteString("date_unixtime", t.ToString(CultureInfo.InvariantCulture));
            if (roll < 0.05)
            {
                w.WriteString("actor", channel);
                w.WriteString("actor_id", "channel1500000009");
                w.WriteString("action", "pin_message");
                w.WriteNumber("message_id", Math.Max(1, id - 1));
                w.WriteString("text", "");
                w.WriteStartArray("text_entities");
                w.WriteEndArray();
                w.WriteEndObject();
                service++;
                continue;
            }

            w.WriteString("from", channel);
            w.WriteString("from_id", "channel1500000009");
            if (roll < 0.11)
            {
                w.WriteString("photo", $"photos/photo_{id}@{local:dd-MM-yyyy_HH-mm-ss}.jpg");
                w.WriteNumber("width", 1280);
                w.WriteNumber("height", 960);
                w.WriteString("text", "");
                w.WriteStartArray("text_entities");
                w.WriteEndArray();
                w.WriteEndObject();
                media++;
                continue;
            }

            if (r.NextDouble() < 0.15)
            {
                var e = t + r.Next(60, 1800);
                w.WriteString("edited", DateTimeOffset.FromUnixTimeSeconds(e).ToOffset(TimeSpan.FromHours(3)).ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture));
                w.WriteString("edited_unixtime", e.ToString(CultureInfo.InvariantCulture));
                edited++;
            }

            if (r.NextDouble() < 0.10)
            {
                w.WriteString("forwarded_from", Forwarders[r.Next(Forwarders.Length)]);
                forwarded++;
            }

            var parts = Compose(r, local);
            if (r.NextDouble() < 0.3 && parts.All(p => p.Type == "plain"))
            {
                w.WriteString("text", string.Concat(parts.Select(p => p.Text)));
            }
            else
            {
                w.WriteStartArray("text");
                foreach (var p in parts)
                {
                    if (p.Type == "plain")
                    {
                        w.WriteStringValue(p.Text);
                    }
                    else
                    {
                        WriteEntity(w, p);
                    }
                }

                w.WriteEndArray();
            }

            w.WriteStartArray("text_entities");
            foreach (var p in parts)
            {
                WriteEntity(w, p);
            }

            w.WriteEndArray();
            w.WriteEndObject();
            withText++;
        }

        w.WriteEndArray();
        w.WriteEndObject();
        w.Flush();
        return new Written(count, withText, service, media, badN, forwarded, edited);
    }

    private readonly record struct Part(string Type, string Text, string? Href = null);

    private static void WriteEntity(Utf8JsonWriter w, Part p)
    {
        w.WriteStartObject();
        w.WriteString("type", p.Type);
        w.WriteString("text", p.Text);
        if (p.Href is not null)
        {
            w.WriteString("href", p.Href);
        }

        w.WriteEndObject();
    }

    private static List<Part> Compose(Random r, DateTimeOffset local)
    {
        var town = Towns[r.Next(Towns.Length)];
        var launched = r.Next(3, 90);
        var destroyed = Math.Max(0, launched - r.Next(0, 12));
        var hurt = r.Next(1, 9);
        var parts = new List<Part>();
        void Plain(string s) => parts.Add(new Part("plain", s));
        string N(int n) => n.ToString(CultureInfo.InvariantCulture);
        switch (r.Next(7))
        {
            case 0:
                parts.Add(new Part("bold", "Оновлено."));
                Plain($" Цієї ночі ворог випустив по області {N(launched)} дронів-камікадзе, сили ППО знешкодили {N(destroyed)} з них.\n");
                parts.Add(new Part("hashtag", "#" + town.Uk));
                break;
            case 1:
                Plain($"Унаслідок обстрілу {town.UkGen} поранено {N(hurt)} людей, пошкоджено кілька приватних будинків. ");
                parts.Add(new Part("italic", "Інформація уточнюється."));
                break;
            case 2:
                Plain($"Вранці {town.Uk} атакували {N(launched % 9 + 2)} ракетами, збито {N(launched % 9)}. Деталі ");
                parts.Add(new Part("text_link", "на сайті адміністрації", "https://example.org/news"));
                Plain(".");
                break;
            case 3:
                Plain($"Сегодня ночью над территорией {RussianRegions[r.Next(RussianRegions.Length)]} области средствами ПВО уничтожены {N(launched)} беспилотников. Пострадавших нет.");
                break;
            case 4:
                Plain($"В результате удара по {town.RuDat} пострадали {N(hurt + 4)} человек, ");
                parts.Add(new Part("bold", "на месте работают экстренные службы"));
                Plain(".");
                break;
            case 5:
                Plain($"Overnight Russia sent {N(launched)} attack drones towards the {town.Region} region; air defence brought down {N(destroyed)}, ");
                parts.Add(new Part("mention", "@example_desk"));
                Plain(" reports.");
                break;
            default:
                Plain($"Shelling of {town.En} on {local.ToString("d MMMM", CultureInfo.InvariantCulture)} wounded {N(hurt)} civilians and damaged a school.");
                break;
        }

        return parts;
    }

    /// <summary>The same counts as a reader's tally would be, for a check.</summary>
    public static string Describe(Written w) => string.Create(CultureInfo.InvariantCulture,
        $"{w.Messages:N0} messages: {w.WithText:N0} with text ({w.Forwarded:N0} forwarded, {w.Edited:N0} edited), {w.Service:N0} service, {w.MediaOnly:N0} media-only, {w.Bad:N0} unreadable");
}
