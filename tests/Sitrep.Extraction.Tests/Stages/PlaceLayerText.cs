using System.Text;

namespace Sitrep.Extraction.Tests.Stages;

/// <summary>Random sentences of given words and a full dump of a document's place layer, for tests that compare two ways of finding places.</summary>
internal static class PlaceLayerText
{
    /// <summary>Two to six sentences of two to thirteen words drawn from <paramref name="words"/>.</summary>
    public static string Sentences(Random random, string[] words)
    {
        var text = new StringBuilder();
        for (var s = random.Next(2, 7); s > 0; s--)
        {
            for (var w = random.Next(2, 14); w > 0; w--)
            {
                text.Append(words[random.Next(words.Length)]).Append(' ');
            }

            text.Append(". ");
        }

        return text.ToString();
    }

    /// <summary>Every place mention with its span, text, tokens, hint, rule, reference, container and candidates.</summary>
    public static string Describe(Document doc) => string.Join('\n', doc.Layer<PlaceMention>(Layers.Places).Select(p =>
        $"{p.Span} {p.Text} {p.TokenIndex}-{p.EndToken} {p.Hint} {p.Rule} {p.IsReference} {p.ContainerIndex} {string.Join(',', p.Candidates.Select(c => c.Id))}"));
}
