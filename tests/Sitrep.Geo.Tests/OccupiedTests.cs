using System.Globalization;

namespace Sitrep.Geo.Tests;

/// <summary>
/// The occupied flag of the compiled gazetteer against its dated list (<c>tools/geodata/occupied.tsv</c>, see the
/// README's "Places and occupied territory"): towns held by Russia since 2022 are flagged, their country is still
/// Ukraine; towns it took and lost, or took later, and the unoccupied cities are not flagged.
/// </summary>
public sealed class OccupiedTests
{
    private static Gazetteer G => CompiledGazetteer.Instance;

    [Theory]
    [InlineData("Lysychansk", "Luhansk Oblast")]
    [InlineData("Sievierodonetsk", "Luhansk Oblast")]
    [InlineData("Severodonetsk", "Luhansk Oblast")]
    [InlineData("Starobilsk", "Luhansk Oblast")]
    [InlineData("Mariupol", "Donetsk Oblast")]
    [InlineData("Volnovakha", "Donetsk Oblast")]
    [InlineData("Melitopol", "Zaporizhzhia Oblast")]
    [InlineData("Berdiansk", "Zaporizhzhia Oblast")]
    [InlineData("Enerhodar", "Zaporizhzhia Oblast")]
    [InlineData("Nova Kakhovka", "Kherson Oblast")]
    [InlineData("Henichesk", "Kherson Oblast")]
    [InlineData("Skadovsk", "Kherson Oblast")]
    public void Towns_held_since_2022_are_Ukraine_and_occupied(string text, string admin1)
    {
        var e = G.FindName(text)[0];
        Assert.Equal(("UA", admin1), (e.Country, e.Admin1));
        Assert.True(e.Occupied, $"{text} should be flagged occupied");
    }

    [Theory]
    [InlineData("Kherson")] // retaken in November 2022
    [InlineData("Izium")] // retaken in September 2022
    [InlineData("Kupiansk")]
    [InlineData("Bakhmut")] // taken in 2023: a strike on it before then was Russia's
    [InlineData("Avdiivka")]
    [InlineData("Zaporizhzhia")]
    [InlineData("Kramatorsk")]
    [InlineData("Orikhiv")]
    [InlineData("Beryslav")]
    public void Towns_retaken_taken_later_or_never_taken_are_not_flagged(string text) =>
        Assert.False(G.FindName(text)[0].Occupied, $"{text} should not be flagged occupied");

    /// <summary>Every row of the list: a town of the four oblasts, flagged, with a date of capture from 2014 on.</summary>
    [Fact]
    public void Every_row_of_the_dated_list_is_flagged_in_the_gazetteer()
    {
        var rows = Rows();
        Assert.True(rows.Count >= 40, $"only {rows.Count} rows");
        foreach (var f in rows)
        {
            var e = G.GetById(f[0]);
            Assert.True(e is not null, $"{f[0]} ({f[1]}) is not in the gazetteer");
            Assert.True(e.Occupied, $"{f[0]} ({f[1]}) is not flagged");
            Assert.Equal("UA", e.Country);
            Assert.Contains(f[2], new[] { "UA.05", "UA.08", "UA.14", "UA.26" });
            var since = f[3].Length switch { 4 => f[3] + "-01-01", 7 => f[3] + "-01", _ => f[3] };
            Assert.True(DateOnly.TryParseExact(since, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) && d.Year >= 2014 && d <= new DateOnly(2022, 12, 31),
                $"{f[0]} ({f[1]}): since '{f[3]}'");
        }
    }

    private static List<string[]> Rows()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "tools", "geodata", "occupied.tsv")))
        {
            dir = dir.Parent;
        }

        Assert.NotNull(dir);
        return [.. File.ReadLines(Path.Combine(dir.FullName, "tools", "geodata", "occupied.tsv")).Where(l => l.Length > 0 && l[0] != '#').Select(l => l.Split('\t'))];
    }
}
