namespace Sitrep.Cli;

/// <summary>Standard streams, and whether a person is watching (progress bars only then).</summary>
internal sealed class CliConsole(TextWriter output, TextWriter error, bool interactive)
{
    public TextWriter Out { get; } = output;

    public TextWriter Error { get; } = error;

    /// <summary>True when stderr is a terminal: show progress; false in pipes and CI.</summary>
    public bool Interactive { get; } = interactive;

    public int Width => Interactive ? Math.Clamp(SafeWidth(), 40, 200) : 120;

    public static CliConsole System()
    {
        var stdout = new StreamWriter(Console.OpenStandardOutput(), new System.Text.UTF8Encoding(false)) { AutoFlush = false };
        return new CliConsole(stdout, Console.Error, !Console.IsErrorRedirected && Environment.GetEnvironmentVariable("CI") is null);
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
