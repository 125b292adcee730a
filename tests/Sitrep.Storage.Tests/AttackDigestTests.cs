using System.Security.Cryptography;
using System.Text;

namespace Sitrep.Storage.Tests;

/// <summary>An attack's digest is SHA-256 over the UTF-8 of each of its rows' text and a newline, however the rows are fed.</summary>
public sealed class AttackDigestTests
{
    private static readonly AttackRow Row = new(
        0, new DateOnly(2024, 5, 14), new DateOnly(2024, 5, 14), "night", "RU", "UA", 3, 2, 2, "Odesa", "Odesa Oblast", "UA", 46.4775, 30.7326, 1,
        "Одеса", 31, 36, "698740", "populated_place", 1, false, 11, 5, "Odesa; Одеса", "drone 20/18", 1, "drone", 20, 18, 1, 4, false, default);

    private static readonly MemberRow Member = new(11, 0, 5, 0, "seed", 0, false, null, "[]", "first of its attack");

    /// <summary>Claims JSON: ASCII, Cyrillic, an emoji (a surrogate pair) placed across the encoder's 16 KiB buffer, a lone surrogate, and far longer than the buffer.</summary>
    public static TheoryData<string> Claims() => new()
    {
        "",
        """[{"event_id":11,"claimed_by":"Повітряні сили","source":"UKRINFORM"}]""",
        new string('x', 16383) + "🚀" + new string('y', 40),
        new string('a', 5461) + "Харків" + "\uD83D" + " tail",
        string.Concat(Enumerable.Repeat("""{"claimed_by":"Минобороны России 🛰","value":30},""", 4000)),
    };

    [Theory]
    [MemberData(nameof(Claims))]
    public void Digest_is_the_hash_of_each_rows_text_and_a_newline(string claims)
    {
        var figures = new[]
        {
            new AttackFigureRow(0, 0, "launched:drone", "launched", "drone", null, 20, 18, 22, 18, false, "latest-authority", "the air force's latest", 11, claims),
            new AttackFigureRow(0, 1, "killed", "killed", null, null, 1, 1, 2, 1, true, "latest-authority", "the governor's", null, claims + "]"),
        };

        var expected = new StringBuilder();
        expected.Append(Row).Append('\n').Append(Member).Append('\n');
        foreach (var f in figures)
        {
            expected.Append(f).Append('\n');
        }

        Assert.Equal(Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(expected.ToString()))), AttackRowSet.DigestOf(Row, [Member], figures));
    }
}
