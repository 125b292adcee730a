using System.Text.RegularExpressions;
using Spectre.Console;

namespace Sitrep.Cli.Tests.Ledger;

/// <summary>
/// The ingest progress bar: Spectre.Console draws it on a terminal, and nothing of it reaches a redirected stream.
/// </summary>
public sealed class ProgressTests
{
    private static readonly string Samples = Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", "..", "samples");

    /// <summary>The summary with the run's own timing masked ("in 0.4s (12/s)"), the rest byte for byte.</summary>
    private static string Masked(string summary, string db) =>
        Regex.Replace(summary.Replace(db, "DB", StringComparison.Ordinal), @" in .+? \(\d+/s\) into ", " in T (R/s) into ");

    [Fact]
    public async Task Redirected_ingest_writes_what_it_wrote_without_a_terminal()
    {
        using var dir = new TempDir();
        var inProcess = Cli.Run("ingest", Samples, "--db", dir.Path("a.db"));
        var piped = await Cli.RunProcessAsync(TimeSpan.FromSeconds(120), "ingest", Samples, "--db", dir.Path("b.db"));

        Assert.Equal(0, inProcess.Code);
        Assert.Equal(0, piped.Code);
        Assert.Contains("ingest: ", piped.Out, StringComparison.Ordinal);
        Assert.Equal(Masked(inProcess.Out, dir.Path("a.db")), Masked(piped.Out, dir.Path("b.db")));
        Assert.Equal(inProcess.Err, piped.Err);
        foreach (var text in new[] { piped.Out, piped.Err })
        {
            Assert.DoesNotContain('\u001b', text);
            Assert.DoesNotContain('\r', text);
        }
    }

    [Fact]
    public void On_a_terminal_Spectre_draws_the_bar_on_the_terminal_only()
    {
        using var dir = new TempDir();
        var terminalText = new StringWriter();
        var terminal = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.Yes,
            Interactive = InteractionSupport.Yes,
            Out = new AnsiConsoleOutput(terminalText),
        });
        var o = new StringWriter();
        var e = new StringWriter();

        var code = Program.Run(["ingest", Samples, "--db", dir.Path("t.db")], new CliConsole(o, e, interactive: true, terminal));

        Assert.Equal(0, code);
        Assert.Contains("\u001b[", terminalText.ToString(), StringComparison.Ordinal);
        Assert.Contains("failed", terminalText.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain('\u001b', o.ToString());
        Assert.DoesNotContain('\u001b', e.ToString());
    }

    [Fact]
    public void Without_a_person_watching_there_is_no_terminal()
    {
        var terminal = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(new StringWriter()) });
        Assert.Null(new CliConsole(TextWriter.Null, TextWriter.Null, interactive: false, terminal).Terminal);
    }
}
