using Sitrep.Core;

namespace Sitrep.Extraction.Text;

public enum TokenKind : byte
{
    Word,
    Number,
    Punct,
}

/// <summary>
/// A word, a number or a punctuation mark: a half-open span over the original text, plus the text
/// lowercased (apostrophes as <c>'</c>, dashes as <c>-</c>) for matching. Immutable.
/// </summary>
public readonly record struct Token(int Start, int End, TokenKind Kind, string Lower)
{
    public TextSpan Span => new(Start, End);

    public bool IsWord => Kind == TokenKind.Word;

    /// <summary>True when the original text starts with an uppercase letter.</summary>
    public bool IsCapitalized(string text) => char.IsUpper(text[Start]);
}
