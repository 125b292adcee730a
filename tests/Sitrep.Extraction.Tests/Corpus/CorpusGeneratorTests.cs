using System.Text.Json;
using Sitrep.Benchmarks.Corpus;

namespace Sitrep.Extraction.Tests.Corpus;

/// <summary>The generated corpus is what the benchmark and the corpus tests stand on: it must be deterministic, varied and self-consistent.</summary>
public sealed class CorpusGeneratorTests
{
    private static readonly IReadOnlyList<CorpusReport> Reports = CorpusWriter.Generate(1000);

    [Fact]
    public void Same_seed_gives_the_same_corpus()
    {
        var again = CorpusWriter.Generate(60);
        for (var i = 0; i < again.Count; i++)
        {
            Assert.Equal(Reports[i].FileText, again[i].FileText);
            Assert.Equal(GoldJson.Serialize(Reports[i].Gold), GoldJson.Serialize(again[i].Gold));
        }

        Assert.NotEqual(Reports[0].Body, CorpusWriter.GenerateOne(1, seed: 7).Body);
    }

    [Fact]
    public void Reports_are_distinct_and_150_to_600_words()
    {
        Assert.Equal(Reports.Count, Reports.Select(r => r.Body).Distinct(StringComparer.Ordinal).Count());
        Assert.All(Reports, r => Assert.InRange(r.WordCount, 150, 600));
    }

    [Fact]
    public void The_corpus_covers_both_directions_one_to_four_attacks_aggregates_and_no_casualty_reports()
    {
        var events = Reports.SelectMany(r => r.Gold.Events).ToList();
        Assert.Contains(events, e => e.Attacker == "RU");
        Assert.Contains(events, e => e.Attacker == "UA");
        // One to four attacks, and a governor's local count beside the ministry's wider one may make a fifth event.
        Assert.All(Reports, r => Assert.InRange(r.Gold.Events.Count, 1, 5));
        for (var n = 1; n <= 4; n++)
        {
            Assert.Contains(Reports, r => r.Gold.Events.Count == n);
        }

        Assert.Contains(Reports, r => r.Gold.Background.Count > 0);
        Assert.Contains(events, e => e is { Killed: 0, Injured: 0 });
        Assert.Contains(Reports, r => r.Body.Contains("toll rose to", StringComparison.Ordinal));
        Assert.Contains(Reports, r => r.Body.Contains("on the night of", StringComparison.Ordinal));
        Assert.Contains(Reports, r => r.Body.Contains("a day earlier", StringComparison.Ordinal));
        Assert.Contains(Reports, r => r.Body.Contains("a dozen", StringComparison.Ordinal));
        foreach (var category in new[] { "drone", "cruise_missile", "ballistic_missile", "missile", "guided_bomb", "artillery", "rocket" })
        {
            Assert.Contains(events, e => e.Weapons.Any(w => w.Category == category));
        }
    }

    [Fact]
    public void Gold_is_consistent_with_the_text()
    {
        foreach (var r in Reports)
        {
            var dates = new HashSet<DateOnly>();
            foreach (var e in r.Gold.Events.Concat(r.Gold.Background))
            {
                Assert.All(e.Quotes, q => Assert.Contains(q, r.Body, StringComparison.Ordinal));
                Assert.All(e.Places, p => Assert.Contains(p.Replace(" region", "", StringComparison.Ordinal), r.Body, StringComparison.Ordinal));
                Assert.NotEmpty(e.Quotes);
                foreach (var w in e.Weapons)
                {
                    Assert.True(w.Destroyed is null || w.Launched is null || w.Destroyed <= w.Launched, $"{r.Id}: destroyed > launched");
                }
            }

            foreach (var e in r.Gold.Events)
            {
                Assert.NotNull(e.Date);
                Assert.True(e.Date <= r.Published, $"{r.Id}: event dated {e.Date} after publication {r.Published}");
                Assert.True(e.Date >= r.Published.AddDays(-40), $"{r.Id}: event dated {e.Date} long before publication {r.Published}");
                // Two events on one date only as two scopes of one night: a local count over one town and a wider one.
                Assert.True(dates.Add(e.Date!.Value) || r.Gold.Events.Any(x => x != e && x.Date == e.Date && x.Attacker == e.Attacker && (x.Places.Count == 1 || e.Places.Count == 1)),
                    $"{r.Id}: two events on {e.Date}");
                Assert.Contains(e.DateText, r.Body, StringComparison.OrdinalIgnoreCase);
                Assert.Contains(e.Attacker, new[] { "RU", "UA" });
            }
        }
    }

    [Fact]
    public void Gold_json_has_the_eval_shape()
    {
        using var doc = JsonDocument.Parse(GoldJson.Serialize(Reports[0].Gold));
        var root = doc.RootElement;
        Assert.Equal("0001", root.GetProperty("article").GetString());
        var e = root.GetProperty("events")[0];
        foreach (var field in new[] { "date", "date_text", "attacker", "target_country", "places", "weapons", "killed", "injured", "claimed_by", "quotes" })
        {
            Assert.True(e.TryGetProperty(field, out _), $"gold event lacks '{field}'");
        }

        Assert.Equal(JsonValueKind.Array, root.GetProperty("background").ValueKind);
    }

    [Fact]
    public void Writes_the_eval_layout()
    {
        var dir = Path.Combine(Path.GetTempPath(), "sitrep-corpus-" + Guid.NewGuid().ToString("N"));
        try
        {
            CorpusWriter.WriteTo(dir, Reports.Take(3));
            Assert.Equal(["0001.txt", "0002.txt", "0003.txt"], Directory.GetFiles(Path.Combine(dir, "articles")).Select(Path.GetFileName).Order(StringComparer.Ordinal));
            Assert.True(File.Exists(Path.Combine(dir, "gold", "0002.json")));
            var text = File.ReadAllText(Path.Combine(dir, "articles", "0001.txt"));
            Assert.StartsWith("url: ", text, StringComparison.Ordinal);
            Assert.Contains("\npublished: ", text, StringComparison.Ordinal);
            Assert.Contains("\n---\n", text, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
