namespace Sitrep.Cli.Commands;

/// <summary>
/// <c>sitrep completion bash|zsh</c>: prints a script that makes the shell complete sitrep's commands, options and
/// option values by asking sitrep itself (System.CommandLine's <c>[suggest:POSITION]</c> directive), so the completions
/// are always those of the sitrep that runs.
/// </summary>
internal sealed class CompletionCommand : ICommand
{
    public IReadOnlyList<OptionSpec> Options { get; } = [];

    public OperandSpec Operands => new("SHELL", 0, 1);

    public string Name => "completion";

    public string Summary => "Print the shell completion script for bash or zsh.";

    public string Usage => """
        Usage: sitrep completion bash|zsh

        Prints a script that completes sitrep's commands, options and their values in the shell. Enable it
        for every new shell by adding one line to the shell's start-up file:

          bash  (~/.bashrc)   eval "$(sitrep completion bash)"
          zsh   (~/.zshrc)    eval "$(sitrep completion zsh)"

        sitrep must be on the PATH under that name (for this checkout, e.g. a link to ./sitrep in
        ~/.local/bin). The script asks sitrep itself, through the [suggest:POSITION] directive, what
        may come next.
        """;

    public const string Bash = """
        # sitrep completion for bash: eval "$(sitrep completion bash)" in ~/.bashrc
        _sitrep_complete() {
            local IFS=$'\n'
            local words
            words=$("${COMP_WORDS[0]}" "[suggest:${COMP_POINT}]" "${COMP_LINE}" 2>/dev/null) || return
            COMPREPLY=($(compgen -W "$words" -- "${COMP_WORDS[COMP_CWORD]}"))
        }
        complete -o default -F _sitrep_complete sitrep
        """;

    public const string Zsh = """
        # sitrep completion for zsh: eval "$(sitrep completion zsh)" in ~/.zshrc
        _sitrep_complete() {
            local -a found
            found=("${(@f)$(${words[1]} "[suggest:${#${BUFFER[1,CURSOR]}}]" "$BUFFER" 2>/dev/null)}")
            compadd -a found
        }
        compdef _sitrep_complete sitrep
        """;

    public int Run(CommandLine args, CliConsole console)
    {
        var script = args.Positionals.FirstOrDefault() switch
        {
            "bash" => Bash,
            "zsh" => Zsh,
            null => throw new UsageException("name the shell: sitrep completion bash, or sitrep completion zsh."),
            var other => throw new UsageException($"no completion for '{other}'; sitrep completes in bash and zsh."),
        };
        console.Out.WriteLine(script);
        return 0;
    }
}
