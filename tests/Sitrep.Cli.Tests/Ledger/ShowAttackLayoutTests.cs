using Sitrep.Core;
using Sitrep.Ingest;
using Sitrep.Storage;

namespace Sitrep.Cli.Tests.Ledger;

/// <summary>How <c>sitrep show A1</c> lays out an attack's claims in 80 columns.</summary>
public sealed class ShowAttackLayoutTests
{
    [Fact]
    public async Task A_claim_that_wraps_keeps_its_words_under_its_text_and_the_marks_are_explained()
    {
        using var dir = new TempDir();
        var db = dir.Path("ledger.db");
        await using (var store = await EventStore.OpenAsync(StoreLocation.Sqlite(db)))
        {
            // An outlet name long enough that every claim's line wraps at 80 columns.
            var a = new Article("odesa", Reports.Text(0), "Drones target Odesa", "https://news.example.org/odesa", new DateOnly(2024, 5, 14),
                "The Southern Coast Evening Wire and Regional Broadcasting Service");
            await store.SaveAsync([new ReportSubmission(a, ContentHash.Of(a.Text), "odesa.txt", Reports.Odesa(a), "test/1")]);
        }

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
}
