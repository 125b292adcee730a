using System.Collections;

namespace Sitrep.Extraction.Text;

/// <summary>
/// A document's tokens, in text order: an array that never changes once built. A sealed class rather than an
/// <see cref="IReadOnlyList{T}"/> so that a stage's <c>tokens[i]</c> is a direct, inlined read by reference (no
/// interface call and no copy of the token per access), which every stage does for every word.
/// </summary>
public sealed class TokenList : IReadOnlyList<Token>
{
    private readonly Token[] items;

    public TokenList(IEnumerable<Token> tokens) => items = [.. tokens];

    /// <summary>A copy of <paramref name="tokens"/>, exactly as long.</summary>
    public TokenList(ReadOnlySpan<Token> tokens) => items = tokens.ToArray();

    /// <summary>
    /// The tokens of <paramref name="text"/>: tokenized into this thread's reused list, then copied once into an
    /// array of the exact length (no list growing per document, no spare capacity kept).
    /// </summary>
    public static TokenList Of(string text)
    {
        var scratch = t_scratch ??= new List<Token>(1024);
        scratch.Clear();
        Tokenizer.TokenizeInto(text, scratch, WordCache.Current);
        var list = new TokenList(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(scratch));
        if (scratch.Capacity > 1 << 16)
        {
            t_scratch = null; // a huge document's list is not kept for the thread's life
        }

        return list;
    }

    [ThreadStatic]
    private static List<Token>? t_scratch;

    public int Count => items.Length;

    public ref readonly Token this[int index] => ref items[index];

    Token IReadOnlyList<Token>.this[int index] => items[index];

    /// <summary>The tokens as a span, for loops that read many.</summary>
    public ReadOnlySpan<Token> AsSpan() => items;

    public ReadOnlySpan<Token>.Enumerator GetEnumerator() => new ReadOnlySpan<Token>(items).GetEnumerator();

    IEnumerator<Token> IEnumerable<Token>.GetEnumerator() => ((IEnumerable<Token>)items).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => items.GetEnumerator();
}
