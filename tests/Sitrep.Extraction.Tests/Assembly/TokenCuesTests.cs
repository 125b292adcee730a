using Sitrep.Extraction.Assembly;
using Sitrep.Extraction.Tests.Stages;
using Cue = Sitrep.Extraction.Assembly.EventAssembler.Cue;

namespace Sitrep.Extraction.Tests.Assembly;

/// <summary>
/// The per-article table of each token's cue bits (<see cref="EventAssembler.CuesOf"/>) that the classify and segment
/// scans read instead of asking each cue set per token: it must give, token by token, what the sets give. Every
/// sentence here is written for the test.
/// </summary>
public class TokenCuesTests
{
    [Theory]
    [InlineData("attack", "AttackWord, AttackNoun")]
    [InlineData("separate", "NewAttack, Separate")]
    [InlineData("also", "Also")]
    [InlineData("later", "Gap")]
    [InlineData("during", "WithinHead")]
    [InlineData("same", "WithinDeterminer")]
    [InlineData("repeatedly", "Habitual")]
    [InlineData("threatened", "Threat")]
    [InlineData("could", "Modal")]
    [InlineData("incident", "AttackNoun, NotNewAttackNoun")]
    [InlineData("regions", "WideScope")]
    [InlineData("напомним", "Recall")]
    [InlineData("обстріляли", "CyrillicAttack, AlsoVerb")]
    [InlineData("kitchen", "None")]
    public void A_word_has_the_bits_of_the_sets_it_is_in(string word, string bitNames)
    {
        var expected = Enum.Parse<Cue>(bitNames);
        // Each bit is tested on its own, so a word the lexicon gives further roles later fails only on the bits named.
        var bits = EventAssembler.BitsOf(word);
        foreach (var bit in Enum.GetValues<Cue>().Where(b => b != Cue.None && expected.HasFlag(b)))
        {
            Assert.True(bits.HasFlag(bit), $"{word}: {bit}");
        }

        if (expected == Cue.None)
        {
            Assert.Equal(Cue.None, bits);
        }
    }

    [Fact]
    public void The_table_gives_each_token_its_words_bits_and_is_rebuilt_for_another_document()
    {
        var first = Annotate.Doc("Russia also struck Kharkiv during the same attack, and a separate strike hit Odesa later.");
        var second = Annotate.Doc("The weather was mild in the city on Monday, officials said.");

        AssertTable(first);
        AssertTable(second);
        AssertTable(first); // the thread keeps one table: going back must not read the other document's bits

        static void AssertTable(Document doc)
        {
            var cues = EventAssembler.CuesOf(doc);
            Assert.True(cues.Length >= doc.Tokens.Count);
            for (var i = 0; i < doc.Tokens.Count; i++)
            {
                Assert.Equal(EventAssembler.BitsOf(doc.Tokens[i].Lower), cues[i]);
            }
        }
    }

    [Theory]
    [InlineData("Moscow threatened to strike Kyiv again.", "hypothetical")]
    [InlineData("Russia could attack the port of Odesa.", "hypothetical")]
    [InlineData("Officials vowed revenge for a drone attack on the refinery in Kursk.", "attack")]
    [InlineData("The region has repeatedly come under attack by drones.", "generic")]
    public void Classify_reads_threats_and_habits_through_the_table(string text, string rule)
    {
        var reading = new EventAssembler(Annotate.Places).Explain(Annotate.Doc(text))[0].Reading;
        Assert.Equal(rule, reading);
    }
}
