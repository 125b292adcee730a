using Spectre.Console;

namespace Sitrep.Cli;

/// <summary>Standard streams, and whether a person is watching (progress bars only then).</summary>
internal sealed class CliConsole(TextWriter output, TextWriter error, bool interactive, IAnsiConsole? terminal = null)
{
    public TextWriter Out { get; } = output;

    public TextWriter Error { get; } = error;

    /// <summary>True when stderr is a terminal: show progress; false in pipes and CI.</summary>
    public bool Interactive { get; } = interactive;

    /// <summary>
    /// Spectre.Console over the terminal behind stderr, for the progress bar only; null unless stderr is a terminal
    /// a person watches (<see cref="Interactive"/>), so nothing of it reaches a pipe, a file or CI's log.
    /// </summary>
    public IAnsiConsole? Terminal { get; } = interactive ? terminal : null;

    /// <summary>
    /// Standard output as bytes, for a binary format (Parquet), after what was written as text; null when standard output is
    /// not a byte stream (a terminal, or a test's string writer).
    /// </summary>
    public Stream? OpenBinaryOut()
    {
        Out.Flush();
        return Out is StreamWriter { BaseStream: var s } ? s : null;
    }

    public int Width => Interactive ? Math.Clamp(SafeWidth(), 40, 200) : 120;

    public static CliConsole System()
    {
        // What reaches a terminal has no control characters from report text; what goes to a pipe or file is as written.
        TextWriter stdout = new StreamWriter(new OutputStream(Console.OpenStandardOutput()), new System.Text.UTF8Encoding(false)) { AutoFlush = false };
        if (!Console.IsOutputRedirected)
        {
            stdout = new TerminalSafeWriter(stdout);
        }

        var stderr = Console.IsErrorRedirected ? Console.Error : new TerminalSafeWriter(Console.Error);
        var interactive = !Console.IsErrorRedirected && Environment.GetEnvironmentVariable("CI") is null;

        // The bar's own escapes go to the terminal as Spectre writes them (the safe writer would strip them); it
        // carries only counts, never report text. Fitted to 80 columns at most.
        IAnsiConsole? terminal = null;
        if (interactive)
        {
            terminal = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
            terminal.Profile.Width = Math.Min(terminal.Profile.Width, 80);

            // A terminal that cannot redraw in place (TERM=dumb) would get Spectre's fallback, a line per step: no bar.
            if (!terminal.Profile.Capabilities.Ansi || !terminal.Profile.Capabilities.Interactive)
            {
                terminal = null;
            }
        }

        return new CliConsole(stdout, stderr, interactive, terminal);
    }

    private static int SafeWidth()
    {
        try
        {
            return Console.WindowWidth;
        }
        catch (IOException)
        {
            return 100;
        }
    }
}
