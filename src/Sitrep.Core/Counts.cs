namespace Sitrep.Core;

/// <summary>
/// What the ledger takes as a count, and how counts add up. A figure is a whole number from 0 to
/// <see cref="Ceiling"/>: a larger number in a report ("99999999999999999999 drones", "999,999,999 missiles") is a
/// typo, an id or a hoax, not a count, and is not read as a figure. Sums of figures (an event's weapons, an attack's
/// family, a night's brief) stop at <see cref="int.MaxValue"/> instead of wrapping round to a negative number.
/// </summary>
public static class Counts
{
    /// <summary>The largest number read as a count: ten million (a war's whole toll is told in millions at most).</summary>
    public const int Ceiling = 10_000_000;

    /// <summary>True when <paramref name="value"/> can be a count: 0 to <see cref="Ceiling"/>.</summary>
    public static bool IsCount(long value) => value is >= 0 and <= Ceiling;

    /// <summary><paramref name="a"/> + <paramref name="b"/>, stopping at <see cref="int.MaxValue"/> (and <see cref="int.MinValue"/>).</summary>
    public static int Add(int a, int b) => (int)Math.Clamp((long)a + b, int.MinValue, int.MaxValue);

    /// <summary>The sum so far plus a figure that may be missing: null only while nothing was added.</summary>
    public static int? Add(int? sum, int? value) => value is null ? sum : Add(sum ?? 0, value.Value);

    /// <summary>The sum of <paramref name="values"/>, stopping at <see cref="int.MaxValue"/>; never throws on overflow (LINQ's Sum does).</summary>
    public static int Sum(IEnumerable<int> values)
    {
        long sum = 0;
        foreach (var v in values)
        {
            sum = Math.Clamp(sum + v, int.MinValue, int.MaxValue);
        }

        return (int)sum;
    }

    /// <inheritdoc cref="Sum(IEnumerable{int})"/>
    public static int Sum<T>(IEnumerable<T> items, Func<T, int> value) => Sum(items.Select(value));
}
