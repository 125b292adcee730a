using System.Text.Json;
using System.Text.RegularExpressions;
using Sitrep.Benchmarks.Corpus;

namespace Sitrep.Extraction.Tests.Corpus;

/// <summary>
/// The constructions corpus (issue #12) is scored per construction, so each report must carry its construction, every
/// construction must be there in varied wording, and the gold must agree with the text it labels.
/// </summary>
public sealed partial class ConstructionCorpusTests
{
    private static readonly IReadOnlyList<CorpusReport> Reports = ConstructionCorpus.Generate(ConstructionCorpus.Catalog.Count * 15);

    [Fact]
    public void Same_seed_gives_the_same_reports_and_another_seed_others()
    {
        var again = ConstructionCorpus.Generate(50);
        for (var i = 0; i < again.Count; i++)
        {
            Assert.Equal(Reports[i].FileText, again[i].FileText);
            Assert.Equal(GoldJson.Serialize(Reports[i].Gold), GoldJson.Serialize(again[i].Gold));
        }

        Assert.NotEqual(Reports[0].Body, ConstructionCorpus.GenerateOne(1, seed: 7).Body);
    }

    [Fact]
    public void Every_construction_is_there_tagged_in_its_gold_and_in_each_of_its_languages()
    {
        var ids = ConstructionCorpus.Catalog.Select(c => c.Id).ToList();
        Assert.Equal(ids.Count, ids.Distinct(StringComparer.Ordinal).Count());
        foreach (var c in ConstructionCorpus.Catalog)
        {
            var mine = Reports.Where(r => r.Gold.Construction == c.Id).ToList();
            Assert.Equal(15, mine.Count);
            foreach (var language in c.Languages)
            {
                Assert.Contains(mine, r => (r.Language ?? "en") == language);
            }
        }

        using var doc = JsonDocument.Parse(GoldJson.Serialize(Reports[0].Gold));
        Assert.Equal(ConstructionCorpus.Catalog[0].Id, doc.RootElement.GetProperty("construction").GetString());
        Assert.Contains(Reports, r => r.Language == "uk");
        Assert.Contains(Reports, r => r.Language == "ru");
    }

    [Fact]
    public void The_other_corpora_s_gold_has_no_construction_field()
    {
        Assert.DoesNotContain("\"construction\"", GoldJson.Serialize(CorpusWriter.GenerateOne(1).Gold), StringComparison.Ordinal);
        Assert.DoesNotContain("\"construction\"", GoldJson.Serialize(WireCorpus.GenerateOne(1).Gold), StringComparison.Ordinal);
    }

    [Fact]
    public void Each_construction_is_written_in_more_than_one_wording()
    {
        foreach (var c in ConstructionCorpus.Catalog)
        {
            // The wording without its date cues and stock claim phrases, names, numbers and capitalised words masked:
            // templates, not one sentence with swapped names.
            var shapes = Reports.Where(r => r.Gold.Construction == c.Id).Select(Shape).Distinct(StringComparer.Ordinal).Count();
            Assert.True(shapes >= 2, $"{c.Id}: {shapes} wordings");
        }
    }

    [Fact]
    public void Reports_are_short_and_gold_agrees_with_the_text()
    {
        foreach (var r in Reports)
        {
            var body = r.Body[(r.Body.IndexOf('\n', StringComparison.Ordinal) + 1)..];
            var sentences = SentenceEnd().Matches(body).Count;
            Assert.InRange(sentences, 1, 7);
            Assert.NotEmpty(r.Gold.Events);
            foreach (var e in r.Gold.Events.Concat(r.Gold.Background))
            {
                Assert.NotEmpty(e.Quotes);
                Assert.All(e.Quotes, q => Assert.Contains(q, r.Body, StringComparison.Ordinal));
                Assert.All(e.Places, p => Assert.Contains(p.Replace(" region", "", StringComparison.Ordinal), r.Body, StringComparison.Ordinal));
                Assert.All(e.Weapons, w => Assert.True(w.Destroyed is null || w.Launched is null || w.Destroyed <= w.Launched, $"{r.Id}: destroyed > launched"));
                Assert.Contains(e.Attacker, new[] { "RU", "UA" });
            }

            foreach (var e in r.Gold.Events)
            {
                if (e.Date is { } d)
                {
                    Assert.InRange(d, r.Published.AddDays(-10), r.Published);
                    Assert.False(string.IsNullOrEmpty(e.DateText), $"{r.Id}: a date without its words");
                }
                else
                {
                    Assert.StartsWith("date.no-cue", r.Gold.Construction, StringComparison.Ordinal);
                }
            }
        }
    }

    [Theory]
    [InlineData("count.quantifier-all")]
    [InlineData("count.origin-list-all-down")]
    public void All_of_them_gives_launched_and_destroyed_alike(string id)
    {
        var weapons = Reports.Where(r => r.Gold.Construction == id).SelectMany(r => r.Gold.Events).SelectMany(e => e.Weapons).ToList();
        Assert.NotEmpty(weapons);
        Assert.All(weapons, w => Assert.True(w.Launched is > 0 && w.Launched == w.Destroyed));
    }

    [Fact]
    public void Vague_quantities_and_no_cue_dates_stay_null_and_scope_splits_make_two_events()
    {
        Assert.All(Reports.Where(r => r.Gold.Construction == "count.vague-quantity").SelectMany(r => r.Gold.Events).SelectMany(e => e.Weapons),
            w => Assert.True(w.Launched is null && w.Destroyed is null));
        Assert.All(Reports.Where(r => r.Gold.Construction == "date.no-cue").SelectMany(r => r.Gold.Events), e => Assert.Null(e.Date));
        Assert.All(Reports.Where(r => r.Gold.Construction is "segment.scope-split" or "segment.new-attack-cue"), r => Assert.Equal(2, r.Gold.Events.Count));
        Assert.All(Reports.Where(r => r.Gold.Construction is "segment.other-side-claim" or "segment.dated-non-attack" or "segment.also-continues"),
            r => Assert.Single(r.Gold.Events));
        Assert.All(Reports.Where(r => r.Gold.Construction == "casualty.period-total"), r => Assert.Single(r.Gold.Background));
    }

    private static string Shape(CorpusReport r)
    {
        var body = r.Body[(r.Body.IndexOf('\n', StringComparison.Ordinal) + 1)..];
        foreach (var cue in r.Gold.Events.Select(e => e.DateText).Where(t => t.Length > 0)
            .Concat(CorpusLexicon.AirForceClaims).Concat(CorpusLexicon.RuMinistryClaims).OrderByDescending(t => t.Length))
        {
            body = body.Replace(cue, "_", StringComparison.OrdinalIgnoreCase);
        }

        return Masked().Replace(body, "_");
    }

    [GeneratedRegex(@"[\p{Lu}\d][\p{L}\d'ʼ-]*|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:-\w+)?\b")]
    private static partial Regex Masked();

    [GeneratedRegex(@"[.!?](?=\s|$|"")")]
    private static partial Regex SentenceEnd();
}
