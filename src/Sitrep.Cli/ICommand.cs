namespace Sitrep.Cli;

/// <summary>One <c>sitrep</c> sub-command. Each lives in its own file under Commands/ and is listed in <see cref="Program.Commands"/>.</summary>
internal interface ICommand
{
    string Name { get; }

    /// <summary>One line for <c>sitrep --help</c>.</summary>
    string Summary { get; }

    /// <summary>Full usage text for <c>sitrep NAME --help</c>.</summary>
    string Usage { get; }

    /// <summary>Every option the command takes; anything else on its command line is a usage error (exit code 2).</summary>
    IReadOnlyList<OptionSpec> Options { get; }

    /// <summary>The positional arguments it takes.</summary>
    OperandSpec Operands { get; }

    /// <summary>Runs the command; returns the process exit code.</summary>
    int Run(CommandLine args, CliConsole console);
}
