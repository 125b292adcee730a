using Sitrep.Cli.Commands;
using Sitrep.Storage;

namespace Sitrep.Cli;

internal static class Program
{
    /// <summary>Every sub-command; add new ones here.</summary>
    internal static readonly ICommand[] Commands =
    [
        new ExtractCommand(),
        new IngestCommand(),
        new AttacksCommand(),
        new EventsCommand(),
        new ShowCommand(),
        new ExportCommand(),
        new StatsCommand(),
        new MergeCommand(),
        new WorkerCommand(),
        new WatchCommand(),
        new CompareCommand(),
        new BriefCommand(),
        new ServeCommand(),
        new CompletionCommand(),
    ];

    public static int Main(string[] args)
    {
        var console = CliConsole.System();
        try
        {
            var code = Run(args, console);
            console.Out.Flush();
            return code;
        }
        catch (OutputException e)
        {
            // A full disk or a closed file behind stdout ('sitrep extract > /dev/full'): one line, no stack trace.
            console.Error.WriteLine($"sitrep{(args.Length > 0 && Commands.Any(c => c.Name == args[0]) ? " " + args[0] : "")}: the output could not be written ({e.InnerException?.Message ?? e.Message}). Check that the disk has room, or write somewhere else.");
            return 1;
        }
    }

    internal static int Run(string[] args, CliConsole console)
    {
        if (args.Length == 0 || args[0] == "help")
        {
            PrintHelp(console);
            return args.Length == 0 ? 2 : 0;
        }

        // A line that names a command is parsed with that command alone: the same result without building the other
        // commands' options at every start. Anything else (--help, --version, completion, a mistyped command) gets the
        // whole tree, which its answers and suggestions need.
        var named = Array.Find(Commands, c => c.Name == args[0]);
        var parser = new CliParser(named is null ? Commands : [named], console, PrintHelp);
        var parsed = parser.Parse(args);
        if (parser.Terminal(parsed) is { } shown)
        {
            return shown; // --help, --version or a shell's completion request, answered
        }

        var command = parser.CommandOf(parsed);
        if (command is null && parser.UnknownCommand(args) is { } unknown)
        {
            console.Error.WriteLine(unknown); // one line, as for a mistyped option; the rest of the line is not read
            return 2;
        }

        if (command is null || parser.Errors(parsed).Count > 0)
        {
            parser.WriteErrors(parsed, command);
            return 2;
        }

        try
        {
            return command.Run(CommandLine.From(parsed), console);
        }
        catch (UsageException e)
        {
            console.Error.WriteLine($"sitrep {command.Name}: {e.Message}");
            console.Error.WriteLine($"Run 'sitrep {command.Name} --help' for usage.");
            return 2;
        }
        catch (StoreException e)
        {
            // Raised before a command's own handling, e.g. by a --db that is not a store address (ST001).
            console.Error.WriteLine($"sitrep {command.Name}: {e.Code}: {e.Message}");
            return 3;
        }
    }

    private static void PrintHelp(CliConsole console)
    {
        console.Out.WriteLine("sitrep — turns strike reports into a ledger, every figure traced to its words.");
        console.Out.WriteLine();
        console.Out.WriteLine("Usage: sitrep COMMAND [ARGS...]   (sitrep COMMAND --help for details)");
        console.Out.WriteLine();
        foreach (var c in Commands)
        {
            console.Out.WriteLine($"  {c.Name,-10} {c.Summary}");
        }

        console.Out.WriteLine();
        console.Out.WriteLine("  --version  the version of sitrep");
        console.Out.WriteLine("  --help     this text (-h)");
    }
}

/// <summary>A mistake in how the command was called; the message says what to do.</summary>
internal sealed class UsageException(string message) : Exception(message);
