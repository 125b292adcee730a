using System.Text.RegularExpressions;
using Sitrep.Cli.Commands;
using Sitrep.Core;
using Sitrep.Ingest;
using Sitrep.Storage;
using Spectre.Console;

namespace Sitrep.Cli.Tests.Ledger;

/// <summary>
/// Every table (events, attacks, stats) fits 80 columns when stdout is not a terminal, however long its content, and
/// never cuts a date, an id or a figure; on a terminal it takes the terminal's width.
/// </summary>
public sealed partial class TableTests
{
    private const int Huge = 9_876_543; // a figure of seven digits, under the ceiling

    [GeneratedRegex(@"^\s*A?\d+\s+(\d{4}-\d{2}-\d{2}n?|\? Σ)\s")]
    private static partial Regex RowStart();

    /// <summary>A store of events with long places, weapons and claimants, seven-digit figures, a night and a total.</summary>
    private static async Task<string> LongStoreAsync(TempDir dir)
    {
        var db = dir.Path("long.db");
        await using var store = await EventStore.OpenAsync(StoreLocation.Sqlite(db));
        var batch = new List<ReportSubmission>();
        var claimant = new Claimant("the press service of the regional military administration of a far-away province", Side.Ukraine, new TextSpan(0, 3));
        for (var i = 0; i < 3; i++)
        {
            var text = $"Report {i}: a long night of drones and missiles over many towns of the region, the press service said.";
            var a = new Article($"long{i}", text, $"A long night ({i})", $"https://news.example.org/long/{i}", new DateOnly(2025, 3, 1 + i), "Example Wire");
            var evidence = new Evidence(new TextSpan(0, 10), text[..10]);
            var places = Enumerable.Range(0, 6).Select(k => new PlaceRef($"Novooleksandrivka-{k}-Zavodska", new TextSpan(0, 5))).ToArray();
            var weapons = new[] { "Shahed-136/Geran-2", "Kh-101/Kh-555", "Iskander-M" }.Select(m =>
            {
                var w = new WeaponRef(m.StartsWith("Shahed", StringComparison.Ordinal) ? WeaponCategory.Drone : WeaponCategory.CruiseMissile, m);
                return new WeaponUse(w, evidence)
                {
                    Claims =
                    [
                        new FigureClaim(FigureKind.Launched, Huge, Qualifier.Exact, evidence, w, claimant) { Rule = "figures/launched" },
                        new FigureClaim(FigureKind.Destroyed, Huge - 1, Qualifier.Exact, evidence, w, claimant) { Rule = "figures/shot-down" },
                    ],
                };
            }).ToArray();
            var e = new ExtractedEvent
            {
                Kind = i == 2 ? EventKind.Aggregate : EventKind.Strike,
                Date = i == 2 ? EventDate.Unknown : new EventDate(new DateOnly(2025, 3, 1 + i), i == 0 ? DatePrecision.Night : DatePrecision.Day, "overnight", new TextSpan(0, 9)),
                Attacker = Side.Russia,
                TargetCountry = Country.Ukraine,
                Places = [.. places],
                Weapons = [.. weapons],
                Casualties =
                [
                    new FigureClaim(FigureKind.Killed, Huge, Qualifier.Exact, evidence, null, claimant) { Rule = "casualties/killed" },
                    new FigureClaim(FigureKind.Injured, Huge, Qualifier.Exact, evidence, null, claimant) { Rule = "casualties/injured" },
                ],
                Claimants = [claimant],
            };
            batch.Add(new ReportSubmission(a, ContentHash.Of(text), $"long{i}.txt", new Sitrep.Core.Extraction(a) { Events = [e] }, "test/1"));
        }

        await store.SaveAsync(batch);
        return db;
    }

    [Theory]
    [InlineData("events")]
    [InlineData("attacks")]
    [InlineData("stats")]
    public async Task A_table_of_long_content_fits_80_columns_and_keeps_dates_ids_and_figures_whole(string command)
    {
        using var dir = new TempDir();
        var db = await LongStoreAsync(dir);
        var r = Cli.Run(command, "--db", db);
        Assert.Equal(0, r.Code);
        var lines = r.Out.Split('\n');
        Assert.All(lines, l => Assert.True(l.GetCellWidth() <= 80, $"{l.GetCellWidth()} columns: {l}"));
        // Every row shows its figures whole (a cut one would not contain them).
        var rows = lines.Skip(1).Where(l => l.Contains(Huge.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)).ToList();
        Assert.Equal(command switch { "events" => 3, "attacks" => 2, _ => 4 }, rows.Count);
        if (command == "stats")
        {
            Assert.All(rows, l => Assert.Matches(@"^2025-03-0\d  ", l));
        }
        else
        {
            Assert.All(rows, l => Assert.Matches(RowStart(), l));
            Assert.Contains(rows, l => l.Contains("2025-03-01n", StringComparison.Ordinal));
            Assert.Contains(rows, l => l.Contains('…', StringComparison.Ordinal)); // the long text is what gives way
        }

        // On a wide terminal the same table takes the room.
        var wide = Cli.RunAt(160, command, "--db", db).Out.Split('\n');
        Assert.All(wide, l => Assert.True(l.GetCellWidth() <= 160, l));
        Assert.Contains(wide, l => l.GetCellWidth() > 80);
    }

    [Fact]
    public void Cells_are_measured_in_terminal_cells_so_wide_characters_stay_aligned()
    {
        var t = new TextTable(new("ID", Right: true, Whole: true), new("PLACES", Flexible: true), new("N", Right: true, Whole: true));
        t.Add("1", "東京都 千代田区 丸の内 一丁目 二番地 三号 東京駅前広場", "40");
        t.Add("2", "Kyiv", "6");
        var w = new StringWriter();
        t.Write(w, 30);
        var lines = w.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, lines.Length);
        Assert.All(lines, l => Assert.True(l.GetCellWidth() <= 30, $"{l.GetCellWidth()}: {l}"));
        Assert.EndsWith("40", lines[1], StringComparison.Ordinal);
        Assert.Equal(lines[1].GetCellWidth(), lines[2].GetCellWidth()); // the figures line up
    }

    [Fact]
    public void Plain_tables_have_no_escape_and_styled_ones_a_bold_header_but_no_escape_from_the_text()
    {
        var t = new TextTable(new("ID", Right: true), new("PLACES", Flexible: true));
        t.Add("1", "Odesa\u001b[31m\a");
        var plain = t.Render(80, styled: false);
        Assert.DoesNotContain('\u001b', plain);
        Assert.Equal("ID  PLACES\n 1  Odesa\uFFFD[31m\uFFFD\n", plain);

        var styled = t.Render(80, styled: true);
        Assert.Contains("\u001b[1m", styled, StringComparison.Ordinal);
        var body = styled.Split('\n')[1];
        Assert.Equal(" 1  Odesa\uFFFD[31m\uFFFD", body);
    }

    [Theory]
    [InlineData(false, null, "xterm-256color", true)]
    [InlineData(true, null, "xterm-256color", false)] // redirected
    [InlineData(false, "1", "xterm-256color", false)] // NO_COLOR
    [InlineData(false, null, "dumb", false)]
    [InlineData(false, null, null, false)]
    public void Headers_are_bold_only_on_a_terminal_that_wants_escapes(bool redirected, string? noColor, string? term, bool styled) =>
        Assert.Equal(styled, CliConsole.WantsStyle(redirected, noColor, term));
}
