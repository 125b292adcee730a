using System.Text.Json;

namespace Sitrep.Cli.Tests.Ledger;

/// <summary>
/// An attack's map location in <c>sitrep attacks</c>' machine formats and in <c>sitrep show A1</c>: the words and span of
/// the member it came from, its gazetteer entry, and which member and report that is.
/// </summary>
public sealed class AttackLocationCliTests
{
    private static readonly string[] Texts =
    [
        "source: Harbour Gazette\npublished: 2024-06-10\n---\nDrones over Odesa\n\nRussia sent 24 drones at Odesa overnight and air defences downed 20 of them, the air force said.\n",
        "source: Steppe Radio\npublished: 2024-06-10\n---\nNight attack\n\nOvernight the port city of Odesa was attacked: Russia launched 24 drones, 20 were shot down, the air force said.\n",
    ];

    [Fact]
    public void Attacks_jsonl_gives_the_locations_span_and_gazetteer_entry_as_its_member_extracted_them()
    {
        using var dir = new TempDir();
        var db = IngestedStores.Of(dir, Texts);
        var listed = Cli.Run("attacks", "--db", db, "--all", "--format", "jsonl");
        Assert.Equal(0, listed.Code);
        var attack = JsonDocument.Parse(Assert.Single(listed.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries))).RootElement;
        var loc = attack.GetProperty("location");
        var from = attack.GetProperty("location_from");
        Assert.Equal("Odesa", loc.GetProperty("text").GetString());
        Assert.False(string.IsNullOrEmpty(loc.GetProperty("gazetteer_id").GetString()));
        Assert.Equal("populated_place", loc.GetProperty("feature").GetString());
        Assert.Equal(1, loc.GetProperty("where_prec").GetInt32());

        // The span is the place's span in that member's own extraction.
        var article = from.GetProperty("article").GetString()!;
        var extracted = Cli.Run("extract", dir.Path($"reports/{article}.txt"), "--format", "jsonl");
        var ev = JsonDocument.Parse(extracted.Out).RootElement.GetProperty("events")[from.GetProperty("event").GetInt32()];
        var place = ev.GetProperty("places").EnumerateArray().First(p => p.GetProperty("text").GetString() == "Odesa");
        Assert.Equal(place.GetProperty("start").GetInt32(), loc.GetProperty("start").GetInt32());
        Assert.Equal(place.GetProperty("end").GetInt32(), loc.GetProperty("end").GetInt32());
        Assert.True(loc.GetProperty("end").GetInt32() > loc.GetProperty("start").GetInt32());
        Assert.Contains(attack.GetProperty("members").EnumerateArray(),
            m => m.GetProperty("event_id").GetInt64() == from.GetProperty("event_id").GetInt64() && m.GetProperty("report_id").GetInt64() == from.GetProperty("report_id").GetInt64());

        var geojson = Cli.Run("attacks", "--db", db, "--all", "--format", "geojson");
        Assert.Contains("\"location\":\"Odesa\"", geojson.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Show_prints_the_location_with_its_evidence_in_80_columns()
    {
        using var dir = new TempDir();
        var db = IngestedStores.Of(dir, Texts);
        var json = JsonDocument.Parse(Cli.Run("show", "A1", "--db", db, "--format", "json").Out).RootElement;
        var loc = json.GetProperty("location");
        var from = json.GetProperty("location_from");

        var shown = Cli.Run("show", "A1", "--db", db);
        Assert.Equal(0, shown.Code);
        var lines = shown.Out.Split('\n');
        var at = Array.FindIndex(lines, l => l.StartsWith("  location Odesa", StringComparison.Ordinal));
        Assert.True(at >= 0, shown.Out);
        Assert.Contains("populated_place", lines[at], StringComparison.Ordinal);
        var evidence = lines[at + 1];
        Assert.Equal(
            $"    \"Odesa\" [{loc.GetProperty("start").GetInt32()}..{loc.GetProperty("end").GetInt32()}) in event {from.GetProperty("event_id").GetInt64()} ({from.GetProperty("article").GetString()}#{from.GetProperty("event").GetInt32()}), report {from.GetProperty("report_id").GetInt64()}",
            evidence);
        Assert.All(lines, l => Assert.True(l.Length <= 80, l));
    }
}
