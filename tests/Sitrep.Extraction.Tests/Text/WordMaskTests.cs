using FsCheck;
using FsCheck.Fluent;
using Sitrep.Extraction.Text;

namespace Sitrep.Extraction.Tests.Text;

/// <summary>
/// WordMask is one-sided: it never rules out a word of its set (so a lookup behind it answers as the set does), and it
/// does rule out words whose length, first letter or shape no word of the set has.
/// </summary>
public class WordMaskTests
{
    /// <summary>Letters that make many shared first and last letters: Latin, Cyrillic (Ukrainian and Russian), joiners, digits.</summary>
    private static readonly Gen<char> Letter = Gen.Elements("abcdeksxyz'-0159абвгдежзийклмнопрстуфхцчшщьюяєіїґёыэъʼ".ToCharArray());

    private static readonly Gen<string> Word = Gen.Sized(size => Gen.Choose(0, Math.Min(size, 70)).SelectMany(n => Gen.ArrayOf(Letter, n))).Select(a => new string(a));

    private static Config Config => FsCheck.Config.QuickThrowOnFailure.WithMaxTest(300).WithEndSize(70);

    [Fact]
    public void Never_rules_out_a_word_of_its_set() =>
        Check.One(Config, Prop.ForAll(Gen.ArrayOf(Word).ToArbitrary(), words =>
        {
            var mask = new WordMask(words);
            foreach (var w in words)
            {
                if (!mask.MayContain(w))
                {
                    throw new InvalidOperationException($"ruled out '{w}' of its own set");
                }
            }
        }));

    [Fact]
    public void A_lookup_behind_the_mask_answers_as_the_set() =>
        Check.One(Config, Prop.ForAll(Gen.ArrayOf(Word).ToArbitrary(), Gen.ArrayOf(Word).ToArbitrary(), (words, probes) =>
        {
            var set = new HashSet<string>(words, StringComparer.Ordinal);
            var frozen = FrozenWords.Of(words);
            var table = new WordTable<int>(words.Select((w, i) => (w, i)));
            foreach (var p in probes.Concat(words))
            {
                if (frozen.Contains(p) != set.Contains(p) || (table.Contains(p) != set.Contains(p) && !p.Any(c => c > 127)))
                {
                    throw new InvalidOperationException($"'{p}' answered differently from the set");
                }
            }
        }));

    [Fact]
    public void Every_word_of_every_stage_lexicon_passes_its_mask()
    {
        var asm = typeof(WordMask).Assembly;
        var names = asm.GetManifestResourceNames().Where(n => n.StartsWith("Sitrep.Lexicons.", StringComparison.Ordinal) && n.EndsWith(".tsv", StringComparison.Ordinal)).ToArray();
        Assert.NotEmpty(names);
        foreach (var name in names)
        {
            var words = LexiconFile.Rows(name["Sitrep.Lexicons.".Length..]).SelectMany(r => r).Where(w => w.Length > 0).Select(w => w.ToLowerInvariant()).Distinct().ToArray();
            var mask = new WordMask(words);
            Assert.All(words, w => Assert.True(mask.MayContain(w), $"{name}: '{w}'"));
        }
    }

    [Theory]
    [InlineData("drones")] // a length no word has
    [InlineData("ракет")] // a Cyrillic first letter no word has
    [InlineData("zeta")] // a Latin first letter no word has
    [InlineData("shia")] // first letter and length there, never with that last letter
    public void Rules_out_words_no_word_of_the_set_is_shaped_like(string probe)
    {
        var mask = new WordMask(["shahed", "shit", "обстріл", "дрон", "kh-101"]);
        Assert.False(mask.MayContain(probe));
        Assert.True(mask.MayContain("shahed"));
        Assert.True(mask.MayContain("обстріл"));
    }
}
