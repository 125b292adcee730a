using System.Text.Json;

namespace Sitrep.Cli.Tests.Ledger;

/// <summary><c>sitrep stats</c>: the attacks without a date are shown, and options it has no use for are refused.</summary>
public sealed class StatsCommandTests
{
    private const string Dated = """
        url: https://news.example.org/stats-dated
        published: 2024-05-14
        ---
        Drones target Odesa overnight
        Russia launched 40 drones at Odesa overnight; air defences shot down 35, the air force said.
        """;

    // No publication date and no date in the words: an attack on no day.
    private const string Undated = """
        url: https://news.example.org/stats-undated
        ---
        Missiles hit Lviv
        Russia fired six cruise missiles at Lviv; four were shot down and two people were killed, the mayor said.
        """;

    [Fact]
    public void Undated_attacks_have_rows_of_their_own_in_every_format()
    {
        using var dir = new TempDir();
        var db = IngestedStores.Of(dir, Dated, Undated);

        var table = Cli.Run("stats", "--db", db);
        Assert.Equal(0, table.Code);
        var lines = table.Out.Split('\n');
        Assert.Contains(lines, l => l.StartsWith("2024-05-14", StringComparison.Ordinal) && l.Contains("drone", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("undated", StringComparison.Ordinal) && l.Contains("missile", StringComparison.Ordinal));
        Assert.Contains("\n1 attack without a date is counted in the 'undated' rows, on no day.\n", table.Out, StringComparison.Ordinal);
        Assert.All(lines, l => Assert.True(l.Length <= 80, l));

        var rows = JsonDocument.Parse(Cli.Run("stats", "--db", db, "--format", "json").Out).RootElement.EnumerateArray().ToList();
        Assert.Equal(2, rows.Count);
        Assert.Equal("2024-05-14", rows[0].GetProperty("date").GetString());
        Assert.Equal(JsonValueKind.Null, rows[1].GetProperty("date").ValueKind);
        Assert.Equal("missile", rows[1].GetProperty("family").GetString());
        Assert.Equal(6, rows[1].GetProperty("launched").GetInt32());

        var csv = Cli.Run("stats", "--db", db, "--format", "csv").Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith(",RU,UA,missile,1,1,6,4,", csv[^1], StringComparison.Ordinal);

        // A date filter asks for days: what has no date is not in them.
        var since = Cli.Run("stats", "--db", db, "--since", "2024-01-01");
        Assert.DoesNotContain("undated", since.Out, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0, null)]
    [InlineData(1, "1 attack without a date is counted in the 'undated' rows, on no day.")]
    [InlineData(3, "3 attacks without a date are counted in the 'undated' rows, on no day.")]
    [InlineData(12345, "12,345 attacks without a date are counted in the 'undated' rows, on no day.")]
    public void The_undated_footer_agrees_with_its_count(int attacks, string? footer)
    {
        Assert.Equal(footer, Sitrep.Cli.Commands.StatsCommand.UndatedFooter(attacks));
        Assert.True((footer?.Length ?? 0) <= 80);
    }

    [Fact]
    public void Two_undated_attacks_are_told_in_the_plural_and_none_gives_no_footer()
    {
        using var dir = new TempDir();
        const string second = """
            url: https://news.example.org/stats-undated-2
            ---
            Drones hit Sumy
            Ukraine's air force said Russia sent twelve drones at Sumy; nine were downed.
            """;
        var db = IngestedStores.Of(dir, Undated, second);
        var table = Cli.Run("stats", "--db", db);
        Assert.Contains("\n2 attacks without a date are counted in the 'undated' rows, on no day.\n", table.Out, StringComparison.Ordinal);

        using var other = new TempDir();
        var dated = Cli.Run("stats", "--db", IngestedStores.Of(other, Dated));
        Assert.DoesNotContain("without a date", dated.Out, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("stats", "--sort", "launched")]
    [InlineData("stats", "--order", "asc")]
    [InlineData("stats", "--limit", "3")]
    [InlineData("stats", "--offset", "3")]
    [InlineData("stats", "--oldest-first")]
    [InlineData("stats", "--all")]
    [InlineData("export", "--format", "csv", "--sort", "killed")]
    [InlineData("export", "--format", "csv", "--offset", "2")]
    [InlineData("export", "--format", "csv", "--oldest-first")]
    public void An_option_the_command_would_ignore_is_a_usage_error(params string[] args)
    {
        using var dir = new TempDir();
        var db = IngestedStores.Of(dir, Dated);
        var option = args.First(a => a.StartsWith("--", StringComparison.Ordinal) && a != "--format");
        var r = Cli.Run([.. args, "--db", db]);
        Assert.Equal(2, r.Code);
        Assert.Empty(r.Out);
        Assert.Contains($"'{option}'", r.Err, StringComparison.Ordinal);
    }
}
