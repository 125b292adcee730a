using System.CommandLine;
using System.CommandLine.Completions;
using System.CommandLine.Help;
using System.CommandLine.Invocation;
using System.CommandLine.Parsing;
using Sitrep.Core;
using Sitrep.Ledger.Filters;

namespace Sitrep.Cli;

/// <summary>
/// The <c>sitrep</c> command line as System.CommandLine parses it, built from each command's declared
/// <see cref="ICommand.Options"/> and <see cref="ICommand.Operands"/>: an option a command does not take, an option
/// without its value and a mistyped command are usage errors (with System.CommandLine's "did you mean" suggestions);
/// <c>--help</c> prints the command's own help fitted to the terminal; <c>--version</c>; the <c>[suggest]</c> directive
/// answers shell completion (<c>sitrep completion bash|zsh</c> prints the scripts that ask it). Response files
/// (<c>@file</c>) are off: a report path may begin with @.
/// </summary>
internal sealed class CliParser
{
    private readonly RootCommand _root;
    private readonly Dictionary<Command, ICommand> _commands = [];
    private readonly CliConsole _console;
    private readonly InvocationConfiguration _invocation;

    public CliParser(IReadOnlyList<ICommand> commands, CliConsole console, Action<CliConsole> rootHelp)
    {
        _console = console;
        _invocation = new InvocationConfiguration { Output = console.Out, Error = console.Error, EnableDefaultExceptionHandler = false };
        _root = new RootCommand("sitrep — turns strike reports into a ledger, every figure traced to its words.");
        foreach (var c in commands)
        {
            var command = new Command(c.Name, c.Summary);
            foreach (var o in c.Options)
            {
                command.Options.Add(Build(o));
            }

            if (c.Operands.Max == 1)
            {
                command.Arguments.Add(new Argument<string>(c.Operands.Name) { Arity = c.Operands.Min == 0 ? ArgumentArity.ZeroOrOne : ArgumentArity.ExactlyOne });
            }
            else if (c.Operands.Max > 1)
            {
                command.Arguments.Add(new Argument<string[]>(c.Operands.Name)
                {
                    Arity = new ArgumentArity(c.Operands.Min, c.Operands.Max == int.MaxValue ? ArgumentArity.ZeroOrMore.MaximumNumberOfValues : c.Operands.Max),
                });
            }

            _root.Subcommands.Add(command);
            _commands[command] = c;
        }

        foreach (var option in _root.Options)
        {
            switch (option)
            {
                case HelpOption help:
                    help.Action = new Answer(parsed =>
                    {
                        if (CommandOf(parsed) is { } c)
                        {
                            console.Out.WriteLine(HelpText.Fit(c.Usage + ShortForms(c), Math.Min(console.Width, 80)));
                        }
                        else
                        {
                            rootHelp(console);
                        }
                    });
                    break;
                case VersionOption version:
                    version.Action = new Answer(_ => console.Out.WriteLine(typeof(Program).Assembly.GetName().Version?.ToString(3) ?? "0.1.0"));
                    break;
            }
        }
    }

    public ParseResult Parse(IReadOnlyList<string> args) =>
        _root.Parse(args, new ParserConfiguration { ResponseFileTokenReplacer = null });

    /// <summary>The sitrep command <paramref name="parsed"/> names, or null for none (the root).</summary>
    public ICommand? CommandOf(ParseResult parsed) => _commands.GetValueOrDefault(parsed.CommandResult.Command);

    /// <summary>
    /// Answers <c>--help</c>, <c>--version</c> and completion requests (whatever else is on the line: help for a command
    /// called wrongly is what its user needs); returns the exit code, or null when the line is a command to run.
    /// </summary>
    public int? Terminal(ParseResult parsed)
    {
        if (_root.Directives.OfType<SuggestDirective>().Any(d => parsed.GetResult(d) is not null))
        {
            parsed.Invoke(_invocation);
            return 0;
        }

        switch (parsed.Action)
        {
            case Answer:
                parsed.Invoke(_invocation);
                return 0;
            case ParseErrorAction when parsed.Tokens.Any(t => t.Value is "--help" or "-h" or "-?"):
                ((Answer)_root.Options.OfType<HelpOption>().Single().Action!).Invoke(parsed);
                return 0;
            default:
                return null;
        }
    }

    /// <summary>
    /// What is wrong with the line: System.CommandLine's errors, and each word that looks like an option but is none of the
    /// command's (a command that takes paths would otherwise read <c>--jbos</c> as one), with the nearest option it may mean.
    /// </summary>
    public IReadOnlyList<string> Errors(ParseResult parsed)
    {
        var errors = parsed.Errors.Select(e => e.Message).ToList();
        if (errors.Count > 1)
        {
            errors.Remove("Required command was not provided.");
        }

        if (CommandOf(parsed) is not { } command)
        {
            return errors;
        }

        // Only the command's positionals before a '--': an option's value ("--note -5 drones") may start with a dash.
        var names = command.Options.Select(o => "--" + o.Name).ToList();
        var positionals = parsed.CommandResult.Children.OfType<ArgumentResult>().SelectMany(a => a.Tokens).ToHashSet(ReferenceEqualityComparer.Instance);
        var unmatched = parsed.UnmatchedTokens.ToHashSet(StringComparer.Ordinal);
        foreach (var token in parsed.Tokens.TakeWhile(t => t.Type != TokenType.DoubleDash))
        {
            if ((positionals.Contains(token) || unmatched.Contains(token.Value)) && token.Value.Length > 1 && token.Value[0] == '-'
                && !double.TryParse(token.Value, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out _))
            {
                // Said once, in sitrep's words with the nearest option, instead of the library's "Unrecognized … argument".
                errors.RemoveAll(e => e.Contains($"'{token.Value}'", StringComparison.Ordinal) && e.StartsWith("Unrecognized", StringComparison.Ordinal));
                var near = names.Select(n => (n, d: EditDistance.Between(n, token.Value.Split('=')[0]))).Where(x => x.d <= 2).OrderBy(x => x.d).Select(x => x.n).FirstOrDefault();
                errors.Add(near is null
                    ? $"unknown option '{token.Value}'; 'sitrep {command.Name} --help' lists the options (a path that starts with '-' goes after '--')."
                    : $"unknown option '{token.Value}'. Did you mean {near}?");
            }
        }

        return errors;
    }

    /// <summary>
    /// The one line for a first word that names no command ("unknown command 'extrct'. Did you mean extract?"), the
    /// nearest command by edit distance when one is within two edits, as for a mistyped option; null when the line
    /// begins with a command, an option or a directive.
    /// </summary>
    public string? UnknownCommand(IReadOnlyList<string> args)
    {
        if (args.Count == 0 || args[0].Length == 0 || args[0][0] is '-' or '[' || _root.Subcommands.Any(c => c.Name == args[0]))
        {
            return null;
        }

        var word = args[0];
        var near = _root.Subcommands.Select(c => (c.Name, d: EditDistance.Between(c.Name, word))).Where(x => x.d <= 2)
            .OrderBy(x => x.d).ThenBy(x => x.Name, StringComparer.Ordinal).Select(x => x.Name).FirstOrDefault();
        return near is null
            ? $"sitrep: unknown command '{word}'; 'sitrep --help' lists the commands."
            : $"sitrep: unknown command '{word}'. Did you mean {near}?";
    }

    /// <summary>Each error on a line of its own, System.CommandLine's suggestions for a mistyped command, and where help is.</summary>
    public void WriteErrors(ParseResult parsed, ICommand? command)
    {
        var prefix = command is null ? "sitrep" : $"sitrep {command.Name}";
        var errors = Errors(parsed);
        foreach (var e in errors)
        {
            _console.Error.WriteLine($"{prefix}: {e}");
        }

        if (errors.Count == 0)
        {
            _console.Error.WriteLine($"{prefix}: say which command to run.");
        }

        // The library's typo corrections ("'extrct' was not matched. Did you mean one of the following? extract"),
        // without its own copy of the errors, which are written above in sitrep's form.
        var suggestions = new StringWriter();
        if (parsed.Action is ParseErrorAction action)
        {
            action.ShowHelp = false;
            action.ShowTypoCorrections = true;
            parsed.Invoke(new InvocationConfiguration { Output = suggestions, Error = TextWriter.Null, EnableDefaultExceptionHandler = false });
        }

        foreach (var line in suggestions.ToString().Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            _console.Error.WriteLine(line);
        }

        _console.Error.WriteLine(command is null
            ? "Run 'sitrep --help' to see the commands."
            : $"Run 'sitrep {command.Name} --help' for usage.");
    }

    /// <summary>The help's line on short options ("Short forms: -f for --format, -o for --out."), or nothing.</summary>
    internal static string ShortForms(ICommand command)
    {
        var shorts = command.Options.Where(o => o.Short is not null).Select(o => $"-{o.Short} for --{o.Name}").ToList();
        return shorts.Count == 0 ? "" : $"\n\nShort forms: {string.Join(", ", shorts)}; -h for --help.";
    }

    private static Option Build(OptionSpec spec)
    {
        string[] aliases = spec.Short is { } s ? [$"-{s}"] : [];
        if (spec.IsFlag)
        {
            return new Option<bool>($"--{spec.Name}", aliases) { Arity = ArgumentArity.Zero };
        }

        // Each occurrence takes exactly one value (the last given counts); without one it is a usage error.
        var option = new Option<string[]>($"--{spec.Name}", aliases)
        {
            Arity = ArgumentArity.OneOrMore,
            AllowMultipleArgumentsPerToken = false,
            HelpName = spec.Value,
        };
        if (spec.Completions.Length > 0)
        {
            option.CompletionSources.Add(spec.Completions);
        }

        return option;
    }

    /// <summary>An option's action that answers and ends the run: help, version.</summary>
    private sealed class Answer(Action<ParseResult> answer) : SynchronousCommandLineAction
    {
        public override bool Terminating => true;

        public override int Invoke(ParseResult parseResult)
        {
            answer(parseResult);
            return 0;
        }
    }
}
