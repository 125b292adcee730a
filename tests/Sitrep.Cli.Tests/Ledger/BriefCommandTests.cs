namespace Sitrep.Cli.Tests.Ledger;

public sealed class BriefCommandTests
{
    private const string Report = """
        url: https://river-post.example/2025/06/02/dnipro
        published: 2025-06-02
        source: River Post
        ---
        Drones hit Dnipro overnight, two injured
        Russia launched 20 Shahed drones at Ukraine overnight, and air defences shot down 17 of them, Ukraine's air force said on Monday.
        Two people were injured in Dnipro, regional governor Serhiy Lysak said.
        """;

    [Fact]
    public void Brief_writes_the_night_in_every_format_and_checks_it()
    {
        using var dir = new TempDir();
        dir.Write("in/dnipro.txt", Report);
        var db = dir.Path("b.db");
        Assert.Equal(0, Cli.Run("ingest", dir.Path("in"), "--db", db).Code);

        var md = Cli.Run("brief", "--date", "2025-06-02", "--check", "--db", db);
        Assert.Equal(0, md.Code);
        Assert.StartsWith("# Sitrep brief: the night of 1 to 2 June 2025\n", md.Out, StringComparison.Ordinal);
        // Claimants named by the registry in English; the footnote keeps the report's words.
        Assert.Contains("Drones: 20 launched and 17 destroyed, an interception rate of 85%, according to the Ukrainian air force.[^", md.Out, StringComparison.Ordinal);
        Assert.Contains(": “20 Shahed drones” (Ukraine's air force)", md.Out, StringComparison.Ordinal);
        Assert.Contains("problems: 0", md.Err, StringComparison.Ordinal);

        var html = Cli.Run("brief", "--date", "2025-06-02", "--format", "html", "--db", db);
        Assert.Equal(0, html.Code);
        Assert.StartsWith("<!doctype html>", html.Out, StringComparison.Ordinal);
        var json = Cli.Run("brief", "--since", "2025-06-01", "--until", "2025-06-03", "--format", "json", "--db", db);
        Assert.Equal(0, json.Code);
        Assert.Contains("\"key\": \"2025-06-01..2025-06-03\"", json.Out, StringComparison.Ordinal);

        var empty = Cli.Run("brief", "--date", "2025-01-01", "--db", db);
        Assert.Contains("The ledger holds no attack dated to this window.", empty.Out, StringComparison.Ordinal);

        var uk = Cli.Run("brief", "--date", "2025-06-02", "--lang", "uk", "--check", "--db", db);
        Assert.Equal(0, uk.Code);
        Assert.StartsWith("# Зведення Sitrep: ніч з 1 на 2 червня 2025 р.\n", uk.Out, StringComparison.Ordinal);
        Assert.Contains("Дрони: запущено 20 і знищено 17, рівень перехоплення — 85%, за даними: Ukraine's air force.[^", uk.Out, StringComparison.Ordinal);
        Assert.Contains("problems: 0", uk.Err, StringComparison.Ordinal);

        var period = Cli.Run("brief", "--since", "2025-06-01T18:00+03:00", "--until", "2025-06-02T06:00Z", "--check", "--db", db);
        Assert.Equal(0, period.Code);
        Assert.StartsWith("# Sitrep brief: 18:00 1 June to 09:00 2 June 2025\n", period.Out, StringComparison.Ordinal);
        Assert.Contains("Drones: 20 launched and 17 destroyed", period.Out, StringComparison.Ordinal);
        Assert.Contains("--check (2025-06-01T18:00+03:00..2025-06-02T06:00+00:00)", period.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void Brief_says_how_to_write_a_time_it_cannot_read()
    {
        using var dir = new TempDir();
        var result = Cli.Run("brief", "--since", "2025-06-01T18:00", "--db", dir.Path("none.db"));
        Assert.Equal(2, result.Code);
        Assert.Contains("--since '2025-06-01T18:00' has no offset; add the offset from UTC, as in 2025-06-01T18:00+03:00", result.Err, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--format", "pdf")]
    [InlineData("--lang", "fr")]
    [InlineData("--since", "2025-06-02T09:00+03:00", "--until", "2025-06-02T08:00+03:00")]
    [InlineData("--date", "2025-06-02", "--since", "2025-06-01T18:00+03:00")]
    [InlineData("--date", "2025-06-02", "--since", "2025-06-01")]
    [InlineData("--until", "2025-06-01")]
    [InlineData("--since", "2025-06-03", "--until", "2025-06-01")]
    public void Brief_refuses_what_it_cannot_write_with_a_usage_error(params string[] args)
    {
        using var dir = new TempDir();
        var result = Cli.Run(["brief", .. args, "--db", dir.Path("none.db")]);
        Assert.Equal(2, result.Code);
        Assert.Contains("sitrep brief: ", result.Err, StringComparison.Ordinal);
    }
}
