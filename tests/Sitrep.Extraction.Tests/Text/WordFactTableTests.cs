using Sitrep.Core;
using Sitrep.Extraction.Stages.Actors;
using Sitrep.Extraction.Text;

namespace Sitrep.Extraction.Tests.Text;

/// <summary>
/// The shared per-token facts layer gives every token exactly what its function gives the token's word: whatever
/// slot the tokenizer's cache gave the word, when another word has since taken the slot over, for punctuation and
/// words too long to cache, and for tokens made by another cache.
/// </summary>
public class WordFactTableTests
{
    private static string Function(string w) => $"{w.Length}:{w}";

    private readonly record struct Fact(string Value);

    private static Fact Compute(string w) => new(Function(w));

    private static string RandomText(Random random)
    {
        string[] words =
        [
            "Drones", "struck", "the", "oblast", "overnight", "Kharkiv", "ракети", "збили", "пʼять", "1,400", "2.5",
            "Shahed-136", "Dnipropetrovs'k", "air", "defence", "said", ",", ".", "—", "«", "»",
            new string('x', WordCache.MaxLength + 3), "Verylongwordthatnocachekeepsbecauseitgoesonandonandon",
        ];
        return string.Join(' ', Enumerable.Range(0, random.Next(1, 120)).Select(_ => words[random.Next(words.Length)]));
    }

    [Fact]
    public void Every_token_gets_its_words_facts_across_documents()
    {
        var table = new WordFactTable<Fact>(Compute);
        var random = new Random(5);
        for (var d = 0; d < 300; d++)
        {
            var doc = new Document(new Article($"d{d}", RandomText(random)));
            var facts = table.Of(doc);
            Assert.True(facts.Length >= doc.Tokens.Count);
            for (var i = 0; i < doc.Tokens.Count; i++)
            {
                Assert.Equal(Function(doc.Tokens[i].Lower), facts[i].Value);
            }
        }
    }

    [Fact]
    public void Tokens_of_a_tiny_cache_whose_slots_keep_changing_hands_get_their_own_words_facts()
    {
        // Two slots: nearly every word takes over another's, and the slots the tokens carry are not the thread cache's.
        var cache = new WordCache(2);
        var table = new WordFactTable<Fact>(Compute, memoSlots: 2);
        var random = new Random(8);
        for (var d = 0; d < 200; d++)
        {
            var text = RandomText(random);
            var tokens = new TokenList(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(Tokenizer.Tokenize(text, cache)));
            var facts = table.Of(tokens);
            for (var i = 0; i < tokens.Count; i++)
            {
                Assert.Equal(Function(tokens[i].Lower), facts[i].Value);
            }
        }
    }

    [Fact]
    public void A_word_is_computed_once_while_its_slot_holds_it_and_a_document_once()
    {
        var calls = new Dictionary<string, int>();
        var table = new WordFactTable<Fact>(w =>
        {
            calls[w] = calls.GetValueOrDefault(w) + 1;
            return Compute(w);
        });
        var doc = new Document(new Article("a", "Drones struck the oblast; the drones struck again, the oblast said."));
        var first = table.Of(doc);
        Assert.Same(first, table.Of(doc));
        Assert.Equal(1, calls["drones"]);
        Assert.Equal(1, calls["the"]);
        Assert.Equal(1, calls["struck"]);

        // Another document with the same words: read from the slots, not computed again.
        var again = new Document(new Article("b", "The drones struck the oblast."));
        table.Of(again);
        Assert.Equal(1, calls["drones"]);
        Assert.Equal(1, calls["oblast"]);
    }

    [Fact]
    public void Tokens_made_by_hand_and_equal_tokens_compare_as_before()
    {
        var made = new Token(0, 6, TokenKind.Word, "drones");
        var tokenized = Tokenizer.Tokenize("Drones")[0];
        Assert.Equal(made, tokenized);
        Assert.Equal(made.GetHashCode(), tokenized.GetHashCode());
        Assert.Equal(-1, made.WordSlot);
        Assert.True(tokenized.WordSlot >= 0);
        Assert.Equal(-1, Tokenizer.Tokenize(new string('y', WordCache.MaxLength + 1))[0].WordSlot);
        Assert.Equal(-1, Tokenizer.Tokenize(",")[0].WordSlot);
    }

    [Theory]
    [InlineData("Russian forces launched drones at Kharkiv, the Ukrainian air force said on Telegram.")]
    [InlineData("Окупанти атакували місто; Повітряні сили ЗСУ повідомили про збиті ракети.")]
    [InlineData("Russia's army and Ukraine's defence ministry: both claimed hits.")]
    public void Actor_facts_through_the_layer_are_the_tables_answers(string text)
    {
        var doc = new Document(new Article("a", text));
        var facts = WordFacts.Of(doc);
        for (var i = 0; i < doc.Tokens.Count; i++)
        {
            var w = doc.Tokens[i].Lower;
            var expected = ActorStage.NamesNothing(w) ? default : ActorStage.FactsOf(w);
            Assert.Equal(expected.Flags, facts[i].Flags);
            Assert.Equal(expected.Side, facts[i].Side);
            Assert.Equal(expected.Genitive, facts[i].Genitive);
            Assert.Equal(expected.Instrumental, facts[i].Instrumental);
            Assert.Equal(expected.VerbKind, facts[i].VerbKind);
            Assert.Same(expected.Info, facts[i].Info);
        }
    }
}
