using FsCheck;
using FsCheck.Fluent;
using Sitrep.Extraction.Tests.Properties;
using Sitrep.Extraction.Text;

namespace Sitrep.Extraction.Tests.Text;

/// <summary>
/// The tokenizer's word cache changes which string object a token holds, never its characters: tokens made through a
/// warm cache equal those made without one, for the words and joiners of all three languages.
/// </summary>
public class WordCacheTests
{
    private static readonly string[] All =
    [
        // English: mixed case, possessives with three apostrophes, inner hyphens and dashes, numbers with separators.
        "Russia's DRONES hit Kharkiv’s south; the Air Force said 1,400 Shahed-136 drones and Kh-101s flew 14-15 October.",
        "Drones drones DRONES dRoNeS, twenty-eight of them – and O`Neill‘s 2.5 km‐long line. Dnipropetrovs'k oblast.",
        // Ukrainian: the modifier apostrophe, the typewriter and the curly one, hyphenated words, capitals.
        "У Дніпрі пʼятеро поранених; п'ять будинків і п’ять авто пошкоджено. ППО збила 25 «Шахедів» над Києвом і КИЄВОМ.",
        "Північно-східна частина Харківщини: обстріл о 03:40, загинули 2 людини. Сили оборони збили Х-101 та Х-59.",
        // Russian: ё, capitals, hyphenated adjectives.
        "Минобороны России сообщило: сбито 41 беспилотник над Белгородской и Курской областями. Ещё ЁЛКИ и ёлки.",
        // Cyrillic/Latin homoglyphs: Latin "x" against Cyrillic "х", Latin "c"/"o" against Cyrillic "с"/"о".
        "X-101 and Х-101, Kh-101; cобор and собор, oбласть and область; Cумы and Сумы.",
    ];

    public static TheoryData<string> Texts() => [.. All];

    private static void SameTokens(List<Token> expected, List<Token> actual)
    {
        Assert.Equal(expected.Count, actual.Count);
        for (var k = 0; k < expected.Count; k++)
        {
            Assert.Equal(expected[k], actual[k]);
            Assert.Equal(expected[k].Lower, actual[k].Lower, StringComparer.Ordinal);
        }
    }

    [Theory]
    [MemberData(nameof(Texts))]
    public void Tokens_through_a_warm_cache_equal_tokens_without_one(string text)
    {
        var cache = new WordCache();

        // Warm the cache with every text, in another order and case, then with this one.
        foreach (var other in All)
        {
            Tokenizer.Tokenize(other.ToUpperInvariant(), cache);
            Tokenizer.Tokenize(other, cache);
        }

        SameTokens(Tokenizer.Tokenize(text, null), Tokenizer.Tokenize(text, cache));
        SameTokens(Tokenizer.Tokenize(text, null), Tokenizer.Tokenize(text));
    }

    [Fact]
    public void A_repeated_word_is_one_string_whatever_its_case_and_apostrophe()
    {
        var cache = new WordCache();
        var tokens = Tokenizer.Tokenize("Drones, DRONES and drones. Kyiv's, Kyiv’s and KYIV'S. пʼять, п'ять", cache);
        var words = tokens.Where(t => t.IsWord).Select(t => t.Lower).ToArray();

        Assert.Equal(["drones", "drones", "and", "drones", "kyiv's", "kyiv's", "and", "kyiv's", "п'ять", "п'ять"], words);
        Assert.Same(words[0], words[1]);
        Assert.Same(words[0], words[3]);
        Assert.Same(words[4], words[7]);
        Assert.Same(words[8], words[9]);
    }

    [Fact]
    public void A_cache_of_fewer_slots_than_words_still_answers_right()
    {
        var cache = new WordCache(slots: 8);
        var words = Enumerable.Range(0, 50).Select(i => "word" + (char)('a' + (i % 26)) + (i / 26)).ToArray();
        foreach (var round in new[] { 0, 1 })
        {
            foreach (var w in words)
            {
                Assert.Equal(w, cache.Get(w.AsSpan()), StringComparer.Ordinal);
                Assert.InRange(cache.Count, 1, 8);
                Assert.Same(cache.Get(w.AsSpan()), cache.Get(w.AsSpan()));
            }
        }

        // A word past the cached length is still returned whole.
        var longWord = new string('ж', WordCache.MaxLength + 5);
        Assert.Equal(longWord, cache.Get(longWord.AsSpan()), StringComparer.Ordinal);
    }

    [Fact]
    public void A_cache_that_makes_its_strings_answers_as_the_maker_uncached()
    {
        // The places stage keeps gazetteer keys of names this way: the key of "Біла Церква" is made once.
        var cache = new WordCache(slots: 4, make: Sitrep.Geo.PlaceNames.Fold);
        string[] names = ["біла церква", "кривий ріг", "запоріжжя", "дніпро", "біла церква", "п'ятихатки", "київ", "кривий ріг", new string('ї', 50)];
        foreach (var round in new[] { 0, 1 })
        {
            foreach (var n in names)
            {
                Assert.Equal(Sitrep.Geo.PlaceNames.Fold(n), cache.Get(n.AsSpan()), StringComparer.Ordinal);
            }
        }
    }

    [Fact]
    public void Any_text_tokenizes_the_same_through_one_shared_cache() =>
        Check.One(
            FsCheck.Config.QuickThrowOnFailure.WithMaxTest(400).WithEndSize(80),
            Prop.ForAll(Gen.OneOf(TextGenerators.ReportLike, TextGenerators.AnyString, TextGenerators.Paragraphs).ToArbitrary(), text =>
            {
                var cache = SharedCache;
                var cached = Tokenizer.Tokenize(text, cache);
                var plain = Tokenizer.Tokenize(text, null);
                if (!cached.SequenceEqual(plain))
                {
                    throw new InvalidOperationException($"cached tokens differ on: {text}");
                }
            }));

    [Theory]
    [MemberData(nameof(Texts))]
    public void The_tokenizer_hashes_a_word_as_the_cache_does(string text)
    {
        // The tokenizer hashes a word while it reads it and hands the hash to the cache: the cache finds the string it
        // kept there again by the word's characters alone (a hash that differed would keep it in another slot).
        var cache = new WordCache(slots: 1 << 16);
        foreach (var t in Tokenizer.Tokenize(text, cache).Where(t => t.Kind != TokenKind.Punct && t.Lower.Length <= WordCache.MaxLength))
        {
            Assert.Same(t.Lower, cache.Get(t.Lower.AsSpan()));
            Assert.Equal(WordCache.Hash(t.Lower), WordCache.Hash(t.Lower.AsSpan()));
        }
    }

    [Fact]
    public void Every_ascii_character_joins_a_word_as_char_does()
    {
        // The tokenizer reads ASCII through a table; each character must do what char.IsLetterOrDigit and
        // char.ToLowerInvariant say: a letter or digit continues the word, lowered; anything else ends it.
        for (var c = (char)0; c < 128; c++)
        {
            var tokens = Tokenizer.Tokenize("Qx" + c, null);
            if (char.IsLetterOrDigit(c))
            {
                Assert.Equal("qx" + char.ToLowerInvariant(c), Assert.Single(tokens).Lower);
            }
            else
            {
                Assert.Equal("qx", tokens[0].Lower);
                Assert.True(tokens.Count <= 2, $"U+{(int)c:X4}");
            }
        }
    }

    /// <summary>One cache across every generated text, so that words recur in it as they do across reports.</summary>
    private static readonly WordCache SharedCache = new(slots: 512);
}
