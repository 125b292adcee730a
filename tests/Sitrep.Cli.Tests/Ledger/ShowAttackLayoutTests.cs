namespace Sitrep.Cli.Tests.Ledger;

/// <summary>How <c>sitrep show A1</c> lays out an attack's claims in 80 columns.</summary>
public sealed class ShowAttackLayoutTests
{
    [Fact]
    public void A_claim_that_wraps_keeps_its_words_under_its_text_and_the_marks_are_explained()
    {
        using var dir = new TempDir();
        // An outlet name long enough that every claim's line wraps at 80 columns.
        var db = IngestedStores.Of(dir, "source: The Southern Coast Evening Wire and Regional Broadcasting Service\n" + Reports.Text(0));

        var shown = Cli.Run("show", "A1", "--db", db);
        Assert.Equal(0, shown.Code);
        var lines = shown.Out.Split('\n');
        Assert.Contains("  (claims: * the one best comes from; - stands; x set aside, and why)", lines);
        var wrapped = 0;
        for (var i = 0; i < lines.Length - 1; i++)
        {
            if (lines[i].Length < 6 || !lines[i].StartsWith("    ", StringComparison.Ordinal) || lines[i][4] is not ('*' or '-' or 'x') || lines[i][5] != ' ')
            {
                continue;
            }

            // A claim's next line is its evidence (8 spaces and a quote) or the rest of its words, under its text.
            var next = lines[i + 1];
            if (!next.StartsWith("        \"", StringComparison.Ordinal))
            {
                Assert.StartsWith("      ", next, StringComparison.Ordinal);
                wrapped++;
            }

            Assert.True(lines[i].Length <= 80, lines[i]);
        }

        Assert.True(wrapped > 0, shown.Out);
    }

    [Fact]
    public void A_member_without_a_headline_shows_the_start_of_its_title_and_json_keeps_it_whole()
    {
        using var dir = new TempDir();
        // No headline line: the first paragraph, several sentences long, becomes the report's title.
        var paragraph = "Russia launched 40 drones at Odesa overnight and air defences shot down 35 of them, the air force said, "
                        + "while debris fell on a warehouse in the port district and a fire broke out that crews put out by morning, "
                        + "the regional governor wrote on Telegram, adding that one man was injured.";
        var db = IngestedStores.Of(dir, "url: https://news.example.org/long\npublished: 2024-03-02\n---\n" + paragraph + "\n");

        var shown = Cli.Run("show", "A1", "--db", db);
        Assert.Equal(0, shown.Code);
        var member = shown.Out[shown.Out.IndexOf("Members", StringComparison.Ordinal)..];
        Assert.Contains("Russia launched 40 drones at Odesa", member, StringComparison.Ordinal);
        Assert.DoesNotContain("adding that one man was injured", member, StringComparison.Ordinal);
        Assert.Contains("…", member, StringComparison.Ordinal);

        var json = Cli.Run("show", "A1", "--db", db, "--format", "json");
        Assert.Contains("adding that one man was injured", json.Out, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Drones hit Odesa", "Drones hit Odesa")]
    [InlineData(null, "")]
    public void A_short_title_is_shown_whole(string? title, string shown) =>
        Assert.Equal(shown, Sitrep.Cli.Commands.ShowCommand.MemberTitle(title));
}
