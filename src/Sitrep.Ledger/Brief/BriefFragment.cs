using System.Collections.Immutable;

namespace Sitrep.Ledger.Brief;

/// <summary>
/// A piece of a sentence as the writer builds it: text, the values in it (spans relative to this piece) and the
/// citations it needs. Immutable; <see cref="Then"/> joins two pieces, shifting the second's values.
/// </summary>
internal sealed record BriefFragment(string Text, ImmutableArray<BriefValue> Values, ImmutableArray<int> Citations)
{
    public static readonly BriefFragment Empty = new("", [], []);

    /// <summary>
    /// The other forms of a word, by name (a case: <c>acc</c>, <c>gen</c>), for templates whose slot asks for one
    /// (<c>{target:acc}</c>); null for most pieces. A joined piece has none.
    /// </summary>
    public System.Collections.Immutable.ImmutableDictionary<string, BriefFragment>? Forms { get; init; }

    public static BriefFragment Of(string text) => new(text, [], []);

    /// <summary>A value shown as <paramref name="text"/>; its span is the whole piece.</summary>
    public static BriefFragment Value(string text, BriefValue value, IEnumerable<int>? citations = null) =>
        new(text, [value with { Start = 0, End = text.Length }], [.. (citations ?? []).Distinct()]);

    public BriefFragment Then(BriefFragment next) => next.Text.Length == 0 && next.Values.IsEmpty && next.Citations.IsEmpty ? this with { Forms = null }
        : new(Text + next.Text, Values.AddRange(next.Values.Select(v => v.Shift(Text.Length))), [.. Citations.Concat(next.Citations).Distinct()]);

    public BriefFragment Cite(IEnumerable<int> citations) => this with { Citations = [.. Citations.Concat(citations).Distinct()] };

    /// <summary>The piece as a sentence of <paramref name="kind"/>.</summary>
    public BriefSentence Sentence(string kind) => new(kind, Text, Values, [.. Citations.Order()]);
}
