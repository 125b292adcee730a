namespace Sitrep.Cli;

/// <summary>
/// Parsed arguments of one command: positionals, and options as <c>--name value</c>, <c>--name=value</c>
/// or bare <c>--flag</c>. Options named in <c>flags</c> never take a value.
/// </summary>
internal sealed class CommandLine
{
    private readonly Dictionary<string, List<string>> _options = new(StringComparer.Ordinal);
    private readonly HashSet<string> _used = new(StringComparer.Ordinal);

    public List<string> Positionals { get; } = [];

    public static CommandLine Parse(IReadOnlyList<string> args, params string[] flags)
    {
        var cl = new CommandLine();
        var flagSet = new HashSet<string>(flags, StringComparer.Ordinal) { "help" };
        for (var i = 0; i < args.Count; i++)
        {
            var a = args[i];
            if (a == "--")
            {
                cl.Positionals.AddRange(args.Skip(i + 1));
                break;
            }

            if (a.StartsWith("--", StringComparison.Ordinal) && a.Length > 2)
            {
                var name = a[2..];
                string? value = null;
                var eq = name.IndexOf('=', StringComparison.Ordinal);
                if (eq >= 0)
                {
                    value = name[(eq + 1)..];
                    name = name[..eq];
                }
                else if (!flagSet.Contains(name) && i + 1 < args.Count && !args[i + 1].StartsWith("--", StringComparison.Ordinal))
                {
                    value = args[++i];
                }

                if (!cl._options.TryGetValue(name, out var list))
                {
                    cl._options[name] = list = [];
                }

                list.Add(value ?? "true");
            }
            else if (a == "-h")
            {
                cl._options["help"] = ["true"];
            }
            else
            {
                cl.Positionals.Add(a);
            }
        }

        return cl;
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

    /// <summary>Options given but never asked for: a typo the user should hear about.</summary>
    public IEnumerable<string> Unused() => _options.Keys.Where(k => !_used.Contains(k) && k != "help");
}
