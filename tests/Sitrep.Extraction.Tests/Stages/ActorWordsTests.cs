using Sitrep.Core;
using Sitrep.Core.Claimants;
using Sitrep.Extraction.Stages.Actors;
using Sitrep.Extraction.Text;

namespace Sitrep.Extraction.Tests.Stages;

/// <summary>
/// The actor stage reads each word's facts once (a per-thread memo behind a bit-mask filter) and the registry's
/// readings through a per-thread memo: both must answer exactly as the tables and the registry asked per call do.
/// </summary>
public class ActorWordsTests
{
    // Sentences written for these tests: English, Ukrainian and Russian, with sides, titles, verbs, possessives and punctuation.
    private static readonly string[] Sentences =
    [
        "Russian forces launched 40 drones overnight, the Ukrainian air force said on Telegram.",
        "Kharkiv Governor Oleh Petrenko's post reads: \"Two people were hurt.\" Ukraine's military denied it.",
        "According to the regional administration, the occupiers shelled the town; officials in Kyiv's suburbs reported fires.",
        "Уночі противник атакував 40 ударними БпЛА, повідомили у Повітряних силах ЗСУ.",
        "Внаслідок удару ЗСУ по місту загинули двоє, сказав голова ОВА Іван Коваль.",
        "Ракети, запущені Росією, збили над областю, заявив губернатор.",
        "По данным Минобороны России, средства ПВО сбили 12 беспилотников, выпущенных Украиной.",
        "Об этом сообщил губернатор области; атаки ВСУ продолжаются, передает ТАСС.",
        "The ministry's statement, citing the General Staff, said residents' homes were hit by Shahed drones.",
        "It's the governors' view that Moscow's strikes, carried out by Russia, targeted energy sites - officials.",
    ];

    private static IEnumerable<string> Words()
    {
        foreach (var s in Sentences)
        {
            var tokens = TokenList.Of(s);
            for (var k = 0; k < tokens.Count; k++)
            {
                yield return tokens[k].Lower;
            }
        }

        foreach (var w in ClaimantLexicon.Default.ExactWords)
        {
            yield return w;
            yield return w + "'s";
            yield return w + "s'";
            yield return w + "x";
        }

        yield return "";
        yield return "'s";
        yield return "s'";
    }

    private static void AssertSame(WordFacts expected, WordFacts actual, string word)
    {
        Assert.True(ReferenceEquals(expected.Info, actual.Info), $"Info of '{word}'");
        Assert.True(expected.Role == actual.Role, $"Role of '{word}'");
        Assert.True(expected.Verb == actual.Verb && expected.VerbKind == actual.VerbKind, $"Verb of '{word}'");
        Assert.True(expected.Side == actual.Side, $"Side of '{word}'");
        Assert.True(expected.Genitive == actual.Genitive && expected.Instrumental == actual.Instrumental, $"Genitive/Instrumental of '{word}'");
        Assert.True(expected.Flags == actual.Flags, $"Flags of '{word}': {expected.Flags} vs {actual.Flags}");
    }

    [Fact]
    public void Memoized_facts_are_the_tables_answers_asked_per_call()
    {
        // Twice: the first pass fills the memo, the second reads it.
        for (var pass = 0; pass < 2; pass++)
        {
            foreach (var w in Words())
            {
                AssertSame(ActorStage.FactsOf(w), WordFacts.Of(w), w);
            }
        }
    }

    [Fact]
    public void A_word_the_mask_rules_out_has_no_facts()
    {
        var ruledOut = 0;
        foreach (var w in Words())
        {
            if (ActorStage.NamesNothing(w))
            {
                ruledOut++;
                AssertSame(default, ActorStage.FactsOf(w), w);
            }
        }

        Assert.True(ruledOut > 20, $"only {ruledOut} words were ruled out");
    }

    [Fact]
    public void Facts_agree_with_the_lexicon_and_the_side_words()
    {
        var lex = ClaimantLexicon.Default;
        foreach (var w in Words())
        {
            var f = WordFacts.Of(w);
            Assert.True(ReferenceEquals(lex.Info(w), f.Info), w);
            Assert.Equal(lex.TryVerb(w, out var kind), f.Verb);
            Assert.Equal(f.Verb ? kind : default, f.VerbKind);
            var side = ActorStage.SideOfWord(w);
            if (side == Side.Unknown && w.EndsWith("'s", StringComparison.Ordinal))
            {
                side = ActorStage.SideOfWord(w[..^2]);
            }

            Assert.Equal(side, f.Side);
        }
    }

    [Theory]
    [InlineData("russian", "Russia")]
    [InlineData("окупанти", "Russia")]
    [InlineData("ukrainian", "Ukraine")]
    [InlineData("противника", "UkrainianEnemy")]
    [InlineData("запущених", "CyrillicPassive")]
    [InlineData("удару", "CyrillicAttackNoun, AttackWord")]
    [InlineData("drones", "AttackWord")]
    [InlineData("said", "Verb")]
    [InlineData("region", "None")]
    public void Flags_name_the_tables_a_word_is_in(string word, string flags) => Assert.Equal(flags, WordFacts.Of(word).Flags.ToString());

    [Theory]
    [InlineData("зсу", Side.Ukraine, Side.Unknown)]
    [InlineData("росії", Side.Russia, Side.Unknown)]
    [InlineData("росією", Side.Unknown, Side.Russia)]
    [InlineData("рф", Side.Russia, Side.Russia)]
    [InlineData("ukraine", Side.Unknown, Side.Unknown)]
    public void Genitive_and_instrumental_sides(string word, Side genitive, Side instrumental)
    {
        Assert.Equal(genitive, WordFacts.Of(word).Genitive);
        Assert.Equal(instrumental, WordFacts.Of(word).Instrumental);
    }

    [Fact]
    public void The_resolve_memo_answers_as_the_registry()
    {
        var registry = ClaimantRegistry.Default;
        var memo = ResolveMemo.For(registry);
        string[] names = ["the Ukrainian air force", "Air Force", "the defence ministry", "Минобороны России", "Повітряних силах ЗСУ", "the governor", "TASS", "Ivan Koval", "Kyiv", ""];
        foreach (var context in new[] { Side.Unknown, Side.Russia, Side.Ukraine })
        {
            for (var pass = 0; pass < 2; pass++)
            {
                foreach (var name in names)
                {
                    // Cut from a longer text, as the reader passes a name's characters.
                    var text = "<" + name + ">";
                    var expected = registry.Resolve(name, context, out var ambiguous);
                    var actual = memo.Resolve(text.AsSpan(1, name.Length), context, out var memoAmbiguous);
                    Assert.Equal(expected?.Entry.Id, actual?.Entry.Id);
                    Assert.Equal(expected?.Rule, actual?.Rule);
                    Assert.Equal(ambiguous, memoAmbiguous);
                }
            }
        }
    }

    // The quote regions as the reader found them before, one character at a time: the oracle.
    private static List<(int, int)> QuoteRegionsByCharacter(string text)
    {
        var regions = new List<(int, int)>();
        var open = -1;
        var closer = '\0';
        for (var i = 0; i < text.Length; i++)
        {
            var ch = text[i];
            if (ch == '\n')
            {
                if (open >= 0)
                {
                    regions.Add((open, i));
                    open = -1;
                }

                continue;
            }

            if (open < 0)
            {
                (var opens, closer) = ch switch
                {
                    '“' => (true, '”'),
                    '«' => (true, '»'),
                    '„' => (true, '“'),
                    '"' => (true, '"'),
                    _ => (false, '\0'),
                };
                if (opens)
                {
                    open = i;
                }

                continue;
            }

            if (ch == closer || closer == '”' && ch == '"' || closer == '"' && ch == '”')
            {
                regions.Add((open, i + 1));
                open = -1;
            }
        }

        if (open >= 0)
        {
            regions.Add((open, text.Length));
        }

        return regions;
    }

    [Theory]
    [InlineData("He said: “Two were hurt.” Then “more” came.")]
    [InlineData("«Ракети летять», – сказав він. „Тихо“ тепер.")]
    [InlineData("A \"plain quote\" and a mixed “one\" and \"another” end.")]
    [InlineData("An open “quote runs\nto its paragraph's end, «and this\none too")]
    [InlineData("No quotes at all.\n\nJust lines.")]
    [InlineData("“")]
    [InlineData("\"")]
    [InlineData("")]
    [InlineData("«nested “inner” still» out")]
    public void Quote_regions_are_those_found_character_by_character(string text) =>
        Assert.Equal(QuoteRegionsByCharacter(text), ClaimantReader.QuoteRegions(text));

    [Fact]
    public void Quote_regions_of_every_test_sentence_joined()
    {
        var text = string.Join("\n", Sentences) + " “" + string.Join(" ", Sentences);
        Assert.Equal(QuoteRegionsByCharacter(text), ClaimantReader.QuoteRegions(text));
    }
}
