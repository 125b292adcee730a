namespace Sitrep.Core;

/// <summary>
/// A half-open range <c>[Start, End)</c> of UTF-16 offsets into an article's original text.
/// Whatever normalising a stage does, spans always point back at the original characters.
/// </summary>
public readonly record struct TextSpan(int Start, int End)
{
    public int Length => End - Start;

    public bool IsEmpty => End <= Start;

    public bool Contains(TextSpan other) => other.Start >= Start && other.End <= End;

    public bool Overlaps(TextSpan other) => !IsEmpty && !other.IsEmpty && other.Start < End && Start < other.End;

    public static TextSpan Cover(TextSpan a, TextSpan b) => new(Math.Min(a.Start, b.Start), Math.Max(a.End, b.End));

    /// <summary>The characters this span covers in <paramref name="text"/>.</summary>
    public string Slice(string text) => text.Substring(Start, Length);

    /// <summary>True when the span lies inside a text of <paramref name="length"/> characters.</summary>
    public bool FitsIn(int length) => Start >= 0 && End <= length && Start <= End;

    public override string ToString() => $"[{Start},{End})";
}
