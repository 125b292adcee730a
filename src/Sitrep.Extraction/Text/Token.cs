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
    /// <summary>One more than the slot of <see cref="Lower"/> in the tokenizer's <see cref="WordCache"/>; 0: none.</summary>
    private readonly int _slot;

    /// <summary>A token whose lowered string the tokenizer found or kept in slot <paramref name="slot"/> of its word cache (-1: none).</summary>
    internal Token(int start, int end, TokenKind kind, string lower, int slot)
        : this(start, end, kind, lower) => _slot = slot + 1;

    public TextSpan Span => new(Start, End);

    public bool IsWord => Kind == TokenKind.Word;

    /// <summary>True when the original text starts with an uppercase letter.</summary>
    public bool IsCapitalized(string text) => char.IsUpper(text[Start]);

    /// <summary>
    /// The slot of <see cref="Lower"/> in the word cache that tokenized it, or -1 (a word too long to cache, punctuation,
    /// a token made by hand). A hint only: a slot is reused by the next word of its hash, so a reader keyed by it
    /// (<see cref="WordFactTable{T}"/>) checks that the slot still holds this very string. Not part of equality.
    /// </summary>
    internal int WordSlot => _slot - 1;

    public bool Equals(Token other) =>
        Start == other.Start && End == other.End && Kind == other.Kind && string.Equals(Lower, other.Lower, StringComparison.Ordinal);

    public override int GetHashCode() => HashCode.Combine(Start, End, Kind, Lower);
}
