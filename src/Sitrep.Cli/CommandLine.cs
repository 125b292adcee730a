using System.CommandLine;
using System.CommandLine.Parsing;

namespace Sitrep.Cli;

/// <summary>
/// One option a command takes, as declared: its long name without dashes, the placeholder of its value (null for a flag,
/// which takes none), a one-letter short form where one is natural, and the values a shell may complete.
/// </summary>
internal sealed record OptionSpec(string Name, string? Value, char? Short = null, params string[] Completions)
{
    public bool IsFlag => Value is null;

    /// <summary>A flag: <c>--defer</c>.</summary>
    public static OptionSpec Flag(string name, char? shortName = null) => new(name, null, shortName);
}

/// <summary>The positional arguments a command takes: their placeholder and how many (0 to <see cref="Max"/>).</summary>
internal sealed record OperandSpec(string Name, int Min, int Max)
{
    public static readonly OperandSpec None = new("", 0, 0);

    /// <summary>Any number; the command says what is missing in its own words.</summary>
    public static OperandSpec Any(string name) => new(name, 0, int.MaxValue);
}

/// <summary>
/// The arguments of one command as System.CommandLine parsed them: the positionals, and each option given with its values
/// in the order given (the last one counts). Commands read options by name; an option a command declares but never reads
/// is a mistake in the command, reported by <see cref="Unused"/>.
/// </summary>
internal sealed class CommandLine
{
    private readonly Dictionary<string, List<string>> _options = new(StringComparer.Ordinal);
    private readonly HashSet<string> _used = new(StringComparer.Ordinal);

    public List<string> Positionals { get; } = [];

    /// <summary>The arguments of <paramref name="parsed"/>'s command, which <see cref="CliParser"/> built from <paramref name="command"/>.</summary>
    internal static CommandLine From(ParseResult parsed)
    {
        var cl = new CommandLine();
        foreach (var child in parsed.CommandResult.Children)
        {
            switch (child)
            {
                case OptionResult { Option: var option, Implicit: false } o when option.Name != "--help":
                    var name = option.Name.TrimStart('-');
                    if (!cl._options.TryGetValue(name, out var list))
                    {
                        cl._options[name] = list = [];
                    }

                    list.AddRange(o.Tokens.Count == 0 ? ["true"] : o.Tokens.Select(t => t.Value));
                    break;
                case ArgumentResult a:
                    cl.Positionals.AddRange(a.Tokens.Select(t => t.Value));
                    break;
            }
        }

        return cl;
    }

    /// <summary>
    /// <paramref name="args"/> parsed for <paramref name="command"/> alone, as <c>sitrep NAME ARGS</c> would be: for a host
    /// or test that runs one command. A parse error is a <see cref="UsageException"/>.
    /// </summary>
    internal static CommandLine Parse(ICommand command, IReadOnlyList<string> args)
    {
        var parser = new CliParser([command], new CliConsole(TextWriter.Null, TextWriter.Null, interactive: false), _ => { });
        var parsed = parser.Parse([command.Name, .. args]);
        return parsed.Errors.Count > 0 ? throw new UsageException(parsed.Errors[0].Message) : From(parsed);
    }

    public bool Has(string name)
    {
        _used.Add(name);
        return _options.ContainsKey(name);
    }

    public string? Get(string name)
    {
        _used.Add(name);
        return _options.TryGetValue(name, out var v) ? v[^1] : null;
    }

    public IReadOnlyList<string> GetAll(string name)
    {
        _used.Add(name);
        return _options.TryGetValue(name, out var v) ? v : [];
    }

    /// <summary>Options given but never asked for: declared by the command, read by none of its code.</summary>
    public IEnumerable<string> Unused() => _options.Keys.Where(k => !_used.Contains(k) && k != "help");
}
