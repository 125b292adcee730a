namespace Sitrep.Geo.Tests;

/// <summary>
/// <see cref="Gazetteer.MayBeginLongerName"/>: the place stage looks a name of several words up only when it answers
/// true for the first word, so it must never say false for a word that begins a name <see cref="Gazetteer.Find"/>
/// answers for (exactly, by skeleton, or with a possessive s), and should say false for most other words.
/// </summary>
public sealed class FirstWordTests
{
    private static readonly GazetteerEntry Rih = new("gn:703845", "Kryvyi Rih", PlaceFeature.PopulatedPlace, "UA", "Dnipropetrovsk Oblast", 47.9, 33.4, 600_000);
    private static readonly GazetteerEntry Novgorod = new("gn:520555", "Nizhny Novgorod", PlaceFeature.PopulatedPlace, "RU", "Nizhny Novgorod Oblast", 56.3, 44.0, 1_250_000);
    private static readonly GazetteerEntry Kharkiv = new("gn:706483", "Kharkiv", PlaceFeature.PopulatedPlace, "UA", "Kharkiv Oblast", 49.98, 36.25, 1_430_885);
    private static readonly GazetteerEntry Oblast = new("admin1:UA.21", "Sumy Oblast", PlaceFeature.Admin1, "UA", "Sumy Oblast", 50.9, 34.0, 1_000_000);

    private static Gazetteer Small() => Gazetteer.FromEntries(
    [
        ("Kryvyi Rih", Rih),
        ("Nizhny Novgorod", Novgorod),
        ("Kharkiv", Kharkiv),
        ("Сумської області", Oblast),
    ]);

    [Theory]
    [InlineData("kryvyi", true)]
    [InlineData("kryvyy", true)] // the skeleton of "kryvyy rih" is the key's
    [InlineData("kriviy", true)]
    [InlineData("nizhny", true)]
    [InlineData("nizhniy", true)]
    [InlineData("сумської", true)]
    [InlineData("kharkiv", false)] // a key of one word only
    [InlineData("novgorod", false)] // the second word of a key
    [InlineData("rih", false)]
    [InlineData("сумська", false)] // Cyrillic has no skeleton
    [InlineData("Сумської", true)] // folded as the stage folds it
    [InlineData("drones", false)]
    public void First_words_of_keys_of_several_words(string word, bool expected) =>
        Assert.Equal(expected, Small().MayBeginLongerName(PlaceNames.Fold(word)));

    [Theory]
    [InlineData("kryvyy rih")]
    [InlineData("kryvyi rihs")]
    [InlineData("Kryvyi Rih's")]
    [InlineData("nizhniy novgorod")]
    [InlineData("сумської області")]
    public void A_name_found_has_a_first_word_that_may_begin_it(string name)
    {
        var folded = PlaceNames.Fold(name);
        var gazetteer = Small();
        Assert.False(gazetteer.Find(folded).IsEmpty);
        Assert.True(gazetteer.MayBeginLongerName(folded.AsSpan(0, folded.IndexOf(' ', StringComparison.Ordinal))));
    }

    /// <summary>Spellings of every key of several words of the compiled gazetteer: each one it finds begins with a word it may begin a name with.</summary>
    [Fact]
    public void Every_spelling_found_in_the_compiled_gazetteer_may_begin_a_name()
    {
        var gazetteer = CompiledGazetteer.Instance;
        var random = new Random(5);
        var (tried, found, pruned) = (0, 0, 0);
        var swaps = new (string From, string To)[] { ("y", "i"), ("i", "y"), ("ia", "ya"), ("ya", "ia"), ("kh", "h"), ("h", "kh"), ("zh", "zhzh"), ("iy", "y"), ("yi", "i"), ("ts", "c"), ("", "") };
        foreach (var entry in gazetteer.Entries)
        {
            foreach (var name in new[] { entry.Name, entry.Name + "s", entry.Name + " region" })
            {
                var folded = PlaceNames.Fold(name);
                var (from, to) = swaps[random.Next(swaps.Length)];
                var variant = from.Length == 0 ? folded : folded.Replace(from, to, StringComparison.Ordinal);
                var space = variant.IndexOf(' ');
                if (space <= 0)
                {
                    continue;
                }

                tried++;
                if (!gazetteer.Find(variant).IsEmpty)
                {
                    found++;
                    Assert.True(gazetteer.MayBeginLongerName(variant.AsSpan(0, space)), $"'{variant}' is found but its first word may not begin a name");
                }
            }
        }

        foreach (var word in new[] { "drones", "struck", "overnight", "governor", "said", "missiles", "officials", "ukraine", "kharkiv", "odesa" })
        {
            pruned += gazetteer.MayBeginLongerName(word) ? 0 : 1;
        }

        Assert.True(found > 1000, $"only {found} of {tried} spellings found: the test does not exercise the lookup");
        Assert.True(pruned >= 5, $"only {pruned} of 10 ordinary words are ruled out");
    }
}
