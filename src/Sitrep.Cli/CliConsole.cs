using System.Runtime.CompilerServices;
using Spectre.Console;

namespace Sitrep.Cli;

/// <summary>Standard streams, and whether a person is watching (progress bars only then).</summary>
internal sealed class CliConsole
{
    private readonly Lazy<IAnsiConsole?> _terminal;

    /// <param name="width">The width of the terminal behind stdout, when stdout is one.</param>
    /// <param name="styled">Stdout is a terminal that may be sent escape sequences (not TERM=dumb, no NO_COLOR).</param>
    public CliConsole(TextWriter output, TextWriter error, bool interactive, IAnsiConsole? terminal = null, int? width = null, bool styled = false)
        : this(output, error, interactive, () => terminal, width, styled)
    {
    }

    private CliConsole(TextWriter output, TextWriter error, bool interactive, Func<IAnsiConsole?> terminal, int? width, bool styled)
    {
        Out = output;
        Error = error;
        Interactive = interactive;
        _terminal = new Lazy<IAnsiConsole?>(interactive ? terminal : () => null);
        Width = width is { } w ? Math.Clamp(w, 40, 200) : 80;
        Styled = styled;
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

    /// <summary>What tables and wrapped text fit: the terminal's width behind stdout, 80 columns when it is not one.</summary>
    public int Width { get; }

    /// <summary>True when <see cref="WriteStyled"/> reaches a terminal that shows bold text: headers are bold then.</summary>
    public bool Styled { get; }

    /// <summary>
    /// Text with the escape sequences the CLI itself chose (a bold header), past the filter that keeps a report's own
    /// control characters off the terminal; the caller has removed those from the text.
    /// </summary>
    public void WriteStyled(string text)
    {
        if (Out is TerminalSafeWriter safe)
        {
            safe.WriteUnfiltered(text);
        }
        else
        {
            Out.Write(text);
        }
    }

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

        // Tables fit the terminal behind stdout; bold headers only where escapes are wanted (https://no-color.org).
        var styled = WantsStyle(Console.IsOutputRedirected, Environment.GetEnvironmentVariable("NO_COLOR"), Environment.GetEnvironmentVariable("TERM"));
        return new CliConsole(stdout, stderr, interactive, ProgressTerminal, Console.IsOutputRedirected ? null : SafeWidth(), styled);
    }

    /// <summary>Escapes (a bold header) only for a terminal that takes them and a person who did not turn them off.</summary>
    internal static bool WantsStyle(bool redirected, string? noColor, string? term) =>
        !redirected && string.IsNullOrEmpty(noColor) && !string.IsNullOrEmpty(term) && term != "dumb";

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
