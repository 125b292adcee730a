using Sitrep.Core;

namespace Sitrep.Extraction.Tests.Stages;

/// <summary>
/// Vague quantities ("dozens of drones", "кілька ракет") are kept as claims with the vague qualifier and their evidence,
/// and never become an event's count.
/// </summary>
public class VagueQuantityTests
{
    [Theory]
    [InlineData("The governor said dozens of drones attacked the Sumy region overnight.", "launched", "drone", "dozens of drones")]
    [InlineData("Air defence shot down several missiles over the Lviv region on Monday.", "destroyed", "missile", "several missiles")]
    [InlineData("Уночі над Полтавщиною збили десятки дронів, повідомив губернатор.", "destroyed", "drone", "десятки дронів")]
    [InlineData("Вночі ворог випустив кілька ракет по Черкащині.", "launched", "missile", "кілька ракет")]
    [InlineData("Ночью над Курской областью сбили несколько ракет.", "destroyed", "missile", "несколько ракет")]
    public void A_vague_quantity_is_a_vague_claim_and_no_count(string text, string kind, string family, string evidence)
    {
        var e = Assert.Single(Annotate.Extract(text, new DateOnly(2026, 3, 2)).Events);
        var use = Assert.Single(e.Weapons);
        var claim = Assert.Single(use.Claims);
        Assert.Equal((kind, family, 0, "vague"), (claim.Kind.ToContract(), use.Weapon.Category.Family().ToContract(), claim.Value, claim.Qualifier.ToContract()));
        Assert.False(claim.IsCount);
        Assert.Equal(evidence, claim.Evidence.Text);
        Assert.EndsWith("vague-quantity", claim.Rule, StringComparison.Ordinal);
        Assert.Null(use.Current(claim.Kind));
    }

    [Fact]
    public void A_vague_quantity_beside_a_number_leaves_the_number_as_the_count()
    {
        var e = Assert.Single(Annotate.Extract("Russia launched 42 drones at Odesa overnight; dozens of drones were shot down.", new DateOnly(2026, 3, 2)).Events);
        var use = Assert.Single(e.Weapons);
        Assert.Equal(42, use.Current(FigureKind.Launched)?.Value);
        Assert.Null(use.Current(FigureKind.Destroyed));
        Assert.Contains(use.Claims, c => c.Qualifier == Qualifier.Vague && c.Kind == FigureKind.Destroyed);
    }

    [Fact]
    public void The_json_writes_the_vague_claim_with_its_evidence_and_a_null_count()
    {
        var buffer = new System.IO.MemoryStream();
        using (var w = new System.Text.Json.Utf8JsonWriter(buffer))
        {
            Output.ExtractionJson.Write(w, Annotate.Extract("The mayor said several drones hit Kharkiv on Sunday.", new DateOnly(2026, 3, 2)));
        }

        var ev = System.Text.Json.JsonDocument.Parse(buffer.ToArray()).RootElement.GetProperty("events")[0];
        var weapon = ev.GetProperty("weapons")[0];
        Assert.Equal(System.Text.Json.JsonValueKind.Null, weapon.GetProperty("launched").ValueKind);
        var claim = ev.GetProperty("claims")[0];
        Assert.Equal("vague", claim.GetProperty("qualifier").GetString());
        Assert.Equal("several drones", claim.GetProperty("evidence").GetProperty("text").GetString());
    }
}
