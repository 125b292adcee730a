namespace Sitrep.Cli.Commands;

internal sealed class ExtractCommand : ICommand
{
    public string Name => "extract";

    public string Summary => "Extract strike events from report files and folders.";

    public string Usage => "sitrep extract PATH... [--published YYYY-MM-DD] [--format json|jsonl|text]";

    public int Run(CommandLine args, CliConsole console) => 0;
}
