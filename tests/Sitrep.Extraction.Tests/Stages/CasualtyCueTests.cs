using Sitrep.Core;
using Sitrep.Extraction.Stages.Casualties;
using Sitrep.Extraction.Text;

namespace Sitrep.Extraction.Tests.Stages;

/// <summary>
/// The casualty stage runs a rule only in a sentence that has the rule's cue, and reads the cues of a word that starts
/// with ASCII from one table built from the lexicons: that table must give what the lexicons give for every word, and
/// a rule must still fire where its cue is the sentence's only one.
/// </summary>
public class CasualtyCueTests
{
    /// <summary>Every word of the stage's lexicons (a stem with endings added), and words of my own, mixed.</summary>
    public static IEnumerable<string> Words()
    {
        foreach (var file in new[] { "casualty-words.tsv", "between-words.tsv", "person-words.tsv", "person-words-en.tsv", "revision-words.tsv" })
        {
            foreach (var row in LexiconFile.Rows(file))
            {
                var w = row[0];
                if (w.EndsWith('*'))
                {
                    var stem = w[..^1];
                    yield return stem;
                    yield return stem + "ими";
                    yield return stem + "а";
                }
                else
                {
                    yield return w;
                    yield return w + "s";
                    yield return w[..^1];
                }
            }
        }

        foreach (var w in new[] { "", "no", "none", "nobody", "without", "toll", "number", "numbers", "the", "a", "drones", "1", "(", "—", "без", "нет",
                     "немає", "ніхто", "никто", "неушкоджені", "невредимы", "загинули", "ранены", "uninjured", "é", "ßtoll" })
        {
            yield return w;
        }
    }

    [Fact]
    public void The_ascii_table_gives_the_lexicons_cues_for_every_word()
    {
        var checkedWords = 0;
        foreach (var w in Words())
        {
            Assert.True(CasualtyStage.CuesOf(w) == CasualtyStage.CueOf(w), $"'{w}': table {CasualtyStage.CuesOf(w)}, lexicons {CasualtyStage.CueOf(w)}");
            checkedWords++;
        }

        Assert.True(checkedWords > 300);
    }

    [Theory]
    [InlineData("toll", "Toll")]
    [InlineData("no", "Zero")]
    [InlineData("без", "Zero")]
    [InlineData("неушкоджені", "Zero")]
    [InlineData("drones", "None")]
    public void Rule_words_are_cues(string word, string cue)
    {
        var expected = Enum.Parse<CasualtyStage.Cue>(cue);
        Assert.True(expected == CasualtyStage.Cue.None ? CasualtyStage.CuesOf(word) == expected : CasualtyStage.CuesOf(word).HasFlag(expected));
    }

    private static string Tolls(string text) => string.Join(' ', Annotate.Layer<CasualtyMention>(text, Layers.Casualties)
        .Select(c => $"{c.Kind.ToContract()}:{c.Value}{(c.IsRevision ? "r" : "")}{(c.IsSuperseded ? "s" : "")}{(c.IsIncrement ? "+" : "")}").Order(StringComparer.Ordinal));

    [Theory]
    // The toll's word is the sentence's only cue.
    [InlineData("The toll stands at 14 after the night.", "killed:14r")]
    // Only words of none.
    [InlineData("Nobody was hurt on Tuesday.", "injured:0 killed:0")]
    // A pronoun and its verb: the injured victim told before died; told by an earlier report, the death is superseded.
    [InlineData("A guard was injured in the yard. He later died in hospital.", "injured:1 killed:1+")]
    [InlineData("A guard was injured in the yard. He later died, earlier reports said.", "injured:1 killed:1s+")]
    // A sentence with no cue gives nothing.
    [InlineData("Drones flew over the city at night and the sirens sounded.", "")]
    public void A_rule_fires_where_its_cue_is_the_only_one(string text, string expected) => Assert.Equal(expected, Tolls(text));
}
