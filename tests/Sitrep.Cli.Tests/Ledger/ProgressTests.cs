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

    /// <summary>A child whose stderr is redirected but which otherwise looks like a person's terminal session.</summary>
    private static void AsIfOnATerminal(System.Diagnostics.ProcessStartInfo psi)
    {
        psi.Environment.Remove("CI");
        psi.Environment["TERM"] = "xterm-256color";
    }

    /// <summary>Two stores of the samples stored pending ('ingest --defer'), in-process.</summary>
    private static (string A, string B) TwoDeferredStores(TempDir dir)
    {
        var (a, b) = (dir.Path("a.db"), dir.Path("b.db"));
        Assert.Equal(0, Cli.Run("ingest", Samples, "--defer", "--db", a).Code);
        Assert.Equal(0, Cli.Run("ingest", Samples, "--defer", "--db", b).Code);
        return (a, b);
    }

    [Fact]
    public async Task Redirected_worker_and_merge_rebuild_write_what_they_write_without_a_terminal()
    {
        using var dir = new TempDir();
        var (a, b) = TwoDeferredStores(dir);
        // "in 0.18 s (34/s)", "in 0:10 (1/s)", "in 2.1 s:" masked.
        static string Timeless(string text, string db) =>
            Regex.Replace(text.Replace(db, "DB", StringComparison.Ordinal), @" in [0-9.:]+(\s?[a-z]+\b)?( \(\d+/s\))?", " in T");

        foreach (var command in new[] { new[] { "worker", "--until-empty", "--name", "w" }, ["merge", "--rebuild"] })
        {
            var inProcess = Cli.Run([.. command, "--db", a]);
            var piped = await Cli.RunProcessAsync(TimeSpan.FromSeconds(120), AsIfOnATerminal, [.. command, "--db", b]);

            Assert.Equal(0, inProcess.Code);
            Assert.True(piped.Code == 0, piped.Out + piped.Err);
            Assert.Contains(command[0] == "worker" ? "reports done" : "attacks of", piped.Out, StringComparison.Ordinal);
            Assert.Equal(Timeless(inProcess.Out, a), Timeless(piped.Out, b));
            Assert.Equal(inProcess.Err, piped.Err);
            foreach (var text in new[] { inProcess.Out, inProcess.Err, piped.Out, piped.Err })
            {
                Assert.DoesNotContain('\u001b', text);
                Assert.DoesNotContain('\r', text);
            }
        }
    }

    [Theory]
    [InlineData("ingest", "failed")]
    [InlineData("worker", "reports done")]
    [InlineData("merge", "months")]
    public void On_a_terminal_Spectre_draws_the_bar_on_the_terminal_only(string command, string counts)
    {
        using var dir = new TempDir();
        var a = command == "ingest" ? dir.Path("t.db") : TwoDeferredStores(dir).A;
        var terminalText = new StringWriter();
        var terminal = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.Yes,
            Interactive = InteractionSupport.Yes,
            Out = new AnsiConsoleOutput(terminalText),
        });
        var o = new StringWriter();
        var e = new StringWriter();
        string[] args = command switch
        {
            "ingest" => ["ingest", Samples, "--db", a],
            "worker" => ["worker", "--until-empty", "--name", "w", "--db", a],
            _ => ["merge", "--rebuild", "--db", a],
        };

        var code = Program.Run(args, new CliConsole(o, e, interactive: true, terminal));

        Assert.True(code == 0, o.ToString() + e);
        Assert.Contains("\u001b[", terminalText.ToString(), StringComparison.Ordinal);
        Assert.Contains(counts, terminalText.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain('\u001b', o.ToString());
        Assert.DoesNotContain('\u001b', e.ToString());
        Assert.DoesNotContain('\r', e.ToString());
    }

    [Fact]
    public void Without_a_person_watching_there_is_no_terminal()
    {
        var terminal = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(new StringWriter()) });
        Assert.Null(new CliConsole(TextWriter.Null, TextWriter.Null, interactive: false, terminal).Terminal);
    }
}
