namespace Sitrep.Cli.Tests;

public sealed class HelpTextTests
{
    public static IEnumerable<object[]> Commands() => Program.Commands.Select(c => new object[] { c.Name });

    [Theory]
    [MemberData(nameof(Commands))]
    public void Every_help_fits_80_columns_and_keeps_every_word(string name)
    {
        var command = Program.Commands.Single(c => c.Name == name);
        var fitted = HelpText.Fit(command.Usage, 80);
        Assert.All(fitted.Split('\n'), l => Assert.True(l.Length <= 80, $"{l.Length}: {l}"));
        static string Words(string s) => string.Join(' ', s.Split([' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal(Words(command.Usage), Words(fitted));
    }

    [Fact]
    public void The_command_list_fits_80_columns()
    {
        var o = new StringWriter();
        Assert.Equal(0, Program.Run(["--help"], new CliConsole(o, new StringWriter(), interactive: false, width: 80)));
        var lines = o.ToString().Split('\n');
        Assert.Contains(lines, l => l.StartsWith("  attacks ", StringComparison.Ordinal));
        Assert.All(lines, l => Assert.True(l.TrimEnd('\r').Length <= 80, $"{l.Length}: {l}"));
    }

    [Fact]
    public void Each_form_of_a_command_under_usage_keeps_its_own_line()
    {
        var text = "Usage: sitrep tally --rebuild [--db DB]\n       sitrep tally --join A B [--note TEXT] [--db DB]\n       sitrep tally --list\n\nProse.";
        var lines = HelpText.Fit(text, 80).Split('\n');
        Assert.Equal("Usage: sitrep tally --rebuild [--db DB]", lines[0]);
        Assert.Equal("       sitrep tally --join A B [--note TEXT] [--db DB]", lines[1]);
        Assert.Equal("       sitrep tally --list", lines[2]);

        // A usage too long for its line still wraps under the command.
        var wrapped = HelpText.Fit("Usage: sitrep tally --reference FILE [--since DATE] [--until DATE] [--format table|json]", 50).Split('\n');
        Assert.True(wrapped.Length > 1);
        Assert.All(wrapped.Skip(1), l => Assert.StartsWith("       ", l, StringComparison.Ordinal));
    }

    [Fact]
    public void Options_hang_under_their_description()
    {
        var text = "  --db DB            the store: a SQLite file path, or a PostgreSQL URL of the form postgres://user@host/db (the default is the XDG data folder)";
        var lines = HelpText.Fit(text, 60).Split('\n');
        Assert.True(lines.Length > 1);
        Assert.StartsWith("  --db DB            the store:", lines[0], StringComparison.Ordinal);
        Assert.All(lines.Skip(1), l => Assert.StartsWith(new string(' ', 21), l, StringComparison.Ordinal));
    }

    [Fact]
    public void A_paragraph_is_reflowed_as_one()
    {
        var text = "Lists the attacks in the ledger, newest first. An attack is one side's strike\non one night or day.";
        Assert.Equal("Lists the attacks in the ledger,\nnewest first. An attack is one\nside's strike on one night or day.", HelpText.Fit(text, 34));
    }

    [Fact]
    public void Terms_of_a_list_keep_their_lines_and_examples_stand_alone()
    {
        var text = "Kinds:\n  one pair     the first text\n  another      the second, long enough to wrap here\n\nExamples:\n  sitrep a\n  sitrep b";
        Assert.Equal(
            "Kinds:\n  one pair     the first text\n  another      the second, long enough to\n               wrap here\n\nExamples:\n  sitrep a\n  sitrep b",
            HelpText.Fit(text, 44));
    }
}

public sealed class TerminalSafeWriterTests
{
    [Fact]
    public void Escape_sequences_and_bells_from_report_text_never_reach_the_terminal()
    {
        var w = new StringWriter();
        using var safe = new TerminalSafeWriter(w);
        safe.Write("Title \u001b]0;owned\u0007 and \u001b[2J");
        safe.Write('\u009b');
        safe.WriteLine(" end\tcol");
        safe.Write("\r[####----] 40%");
        safe.Flush();
        Assert.Equal("Title \uFFFD]0;owned\uFFFD and \uFFFD[2J\uFFFD end\tcol" + w.NewLine + "\r[####----] 40%", w.ToString());
    }
}
