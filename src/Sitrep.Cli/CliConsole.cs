using System.Runtime.CompilerServices;
using Spectre.Console;

namespace Sitrep.Cli;

/// <summary>Standard streams, and whether a person is watching (progress bars only then).</summary>
internal sealed class CliConsole
{
    private readonly Lazy<IAnsiConsole?> _terminal;

    public CliConsole(TextWriter output, TextWriter error, bool interactive, IAnsiConsole? terminal = null)
        : this(output, error, interactive, () => terminal)
    {
    }

    private CliConsole(TextWriter output, TextWriter error, bool interactive, Func<IAnsiConsole?> terminal)
    {
        Out = output;
        Error = error;
        Interactive = interactive;
        _terminal = new Lazy<IAnsiConsole?>(interactive ? terminal : () => null);
    }

    public TextWriter Out { get; }

    public TextWriter Error { get; }

    /// <summary>True when stderr is a terminal: show progress; false in pipes and CI.</summary>
    public bool Interactive { get; }

    /// <summary>
    /// Spectre.Console over the terminal behind stderr, for the progress bar only; null unless stderr is a terminal
    /// a person watches (<see cref="Interactive"/>), so nothing of it reaches a pipe, a file or CI's log. Made when first
    /// asked for: the commands that draw no bar do not load Spectre.Console or probe the terminal (~10 ms of a start).
    /// </summary>
    public IAnsiConsole? Terminal => _terminal.Value;

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

        return new CliConsole(stdout, stderr, interactive, ProgressTerminal);
    }

    /// <summary>Spectre.Console over stderr for the progress bar, or null when the terminal cannot redraw in place.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static IAnsiConsole? ProgressTerminal()
    {
        // The bar's own escapes go to the terminal as Spectre writes them (the safe writer would strip them); it
        // carries only counts, never report text. Fitted to 80 columns at most.
        var terminal = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
        terminal.Profile.Width = Math.Min(terminal.Profile.Width, 80);

        // A terminal that cannot redraw in place (TERM=dumb) would get Spectre's fallback, a line per step: no bar.
        return terminal.Profile.Capabilities.Ansi && terminal.Profile.Capabilities.Interactive ? terminal : null;
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
