using System.Runtime.CompilerServices;

// The command tests run commands in-process (Program.Run with a captured CliConsole).
[assembly: InternalsVisibleTo("Sitrep.Cli.Tests")]
