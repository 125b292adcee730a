using System.Collections.Immutable;
using Sitrep.Core;
using Sitrep.Extraction.Text;

namespace Sitrep.Extraction.Stages.Sentences;

/// <summary>
/// Splits the text into sentences over the tokens. A line break always ends a sentence (headlines rarely
/// have a full stop); '.', '!' and '?' end one unless they close a known abbreviation ("Gov.", "U.S.",
/// "Nov.") or an initial, and a closing quote after the mark stays with its sentence.
/// </summary>
public sealed class SentenceStage : IStage
{
    private static readonly FrozenWords Abbreviations = FrozenWords.Of(
        "gov", "mr", "mrs", "ms", "dr", "gen", "lt", "col", "maj", "capt", "sgt", "st", "no", "nos", "vs", "etc", "inc", "ltd", "co", "corp",
        "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "approx", "est", "fig", "rep", "sen", "pres", "prof",
        "u", "s", "a", "m", "p", "e", "g", "i", "k", "sr", "jr", "dept", "adm", "cmdr", "govt", "mt");

    public string Name => "sentences";

    public ImmutableArray<string> Requires => [];

    public string Produces => Layers.Sentences;

    public ImmutableArray<Mention> Run(Document document)
    {
        var text = document.Text;
        var tokens = document.Tokens;
        var result = ImmutableArray.CreateBuilder<Mention>();
        var start = 0;
        var paragraph = 0;
        for (var i = 0; i < tokens.Count; i++)
        {
            var end = false;
            var t = tokens[i];
            if (t.Kind == TokenKind.Punct && t.Lower is "." or "!" or "?" or "…")
            {
                end = IsSentenceEnd(text, tokens, i);
                if (end)
                {
                    // Keep closing quotes and brackets with the sentence.
                    while (i + 1 < tokens.Count && tokens[i + 1].Kind == TokenKind.Punct && tokens[i + 1].Lower is "\"" or "'" or ")" && !HasLineBreak(text, tokens[i].End, tokens[i + 1].Start))
                    {
                        i++;
                    }
                }
            }

            var nextBreak = i + 1 >= tokens.Count || HasLineBreak(text, tokens[i].End, tokens[i + 1].Start);
            if (end || nextBreak)
            {
                Add(result, document, start, i + 1, ref paragraph);
                start = i + 1;
            }
        }

        return result.ToImmutable();
    }

    private static void Add(ImmutableArray<Mention>.Builder result, Document doc, int first, int endToken, ref int paragraph)
    {
        if (endToken <= first)
        {
            return;
        }

        var tokens = doc.Tokens;
        var span = new TextSpan(tokens[first].Start, tokens[endToken - 1].End);
        if (result.Count > 0)
        {
            var prev = (SentenceMention)result[^1];
            if (HasLineBreak(doc.Text, prev.Span.End, span.Start))
            {
                paragraph++;
            }
        }

        var headline = result.Count == 0 && !EndsWithStop(doc.Text, span);
        result.Add(new SentenceMention(span, result.Count, paragraph, first, endToken, headline));
    }

    private static bool EndsWithStop(string text, TextSpan span)
    {
        var last = text[span.End - 1];
        return last is '.' or '!' or '?' or '"' or '”' or '…';
    }

    private static bool HasLineBreak(string text, int from, int to)
    {
        for (var k = from; k < to && k < text.Length; k++)
        {
            if (text[k] is '\n' or '\r' or '\u2028' or '\u2029')
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsSentenceEnd(string text, TokenList tokens, int i)
    {
        var t = tokens[i];
        if (t.Lower != ".")
        {
            return true;
        }

        if (i + 1 >= tokens.Count)
        {
            return true;
        }

        var next = tokens[i + 1];
        var gap = next.Start > t.End;
        if (!gap && next.Kind != TokenKind.Punct)
        {
            return false; // "U.S" or "3.5" or a URL
        }

        if (i > 0)
        {
            var prev = tokens[i - 1];
            if (prev.End == t.Start && prev.IsWord)
            {
                if (prev.Lower.Length == 1 && char.IsLetter(prev.Lower[0]) && (prev.Lower != "i" || char.IsUpper(text[prev.Start])))
                {
                    // An initial ("Andriy V. Kozak") or part of "U.S." / "a.m.": ends a sentence only before a capital after "a.m."/"p.m.".
                    return IsMeridiem(tokens, i) && next.IsWord && char.IsUpper(text[next.Start]) && !IsWeekdayOrTz(next.Lower);
                }

                if (Abbreviations.Contains(prev.Lower) && char.IsUpper(text[prev.Start]))
                {
                    return false;
                }
            }
        }

        // A lowercase word after the full stop is a continuation ("at 2 a.m. local time"), not a new sentence.
        if (next.IsWord && char.IsLower(text[next.Start]))
        {
            return false;
        }

        return true;
    }

    private static bool IsMeridiem(TokenList tokens, int i) =>
        i >= 3 && tokens[i - 1].Lower == "m" && tokens[i - 2].Lower == "." && tokens[i - 3].Lower is "a" or "p";

    private static bool IsWeekdayOrTz(string w) =>
        w is "gmt" or "utc" or "kyiv" or "moscow" or "local" or "monday" or "tuesday" or "wednesday" or "thursday" or "friday" or "saturday" or "sunday" or "cet" or "eet" or "msk";
}
