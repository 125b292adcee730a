using System.Text;
using System.Text.Json;
using Sitrep.Ingest;

namespace Sitrep.Cli.Tests.Ledger;

/// <summary>The command line as System.CommandLine parses it: usage errors, suggestions, short forms, stdin, completion.</summary>
public sealed class CommandLineTests
{
    private const string Report = """
        url: https://news.example.org/stdin-1
        published: 2024-05-14
        ---
        Drones target Odesa overnight
        Russia launched 40 drones at Odesa overnight; air defences shot down 35, the air force said.
        """;

    [Theory]
    [InlineData(new[] { "extrct", "samples" }, "sitrep: unknown command 'extrct'. Did you mean extract?")]
    [InlineData(new[] { "atacks", "--bogus", "x" }, "sitrep: unknown command 'atacks'. Did you mean attacks?")]
    [InlineData(new[] { "brif" }, "sitrep: unknown command 'brif'. Did you mean brief?")]
    [InlineData(new[] { "frobnicate", "samples" }, "sitrep: unknown command 'frobnicate'; 'sitrep --help' lists the commands.")]
    public void A_mistyped_command_is_one_line_that_suggests_the_command(string[] args, string line)
    {
        var r = Cli.Run(args);
        Assert.Equal(2, r.Code);
        Assert.Equal(line + Environment.NewLine, r.Err);
        Assert.Empty(r.Out);
    }

    [Fact]
    public void A_line_without_a_command_still_says_so()
    {
        var r = Cli.Run("--db", "x.db");
        Assert.Equal(2, r.Code);
        Assert.DoesNotContain("unknown command", r.Err, StringComparison.Ordinal);
        Assert.Contains("sitrep --help", r.Err, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("extract", "--format")]
    [InlineData("events", "--place")]
    [InlineData("export", "--format", "csv", "--out")]
    [InlineData("attacks", "--limit")]
    public void An_option_without_its_value_is_a_usage_error(params string[] args)
    {
        using var dir = new TempDir();
        var r = Cli.Run([.. args]);
        Assert.Equal(2, r.Code);
        Assert.Contains($"'{args[^1]}'", r.Err, StringComparison.Ordinal);
        Assert.Contains($"Run 'sitrep {args[0]} --help' for usage.", r.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_option_names_the_nearest_one()
    {
        var r = Cli.Run("events", "--plase", "Odesa");
        Assert.Equal(2, r.Code);
        Assert.Contains("unknown option '--plase'. Did you mean --place?", r.Err, StringComparison.Ordinal);

        // Even where the command takes paths, a word that looks like an option is not read as a path.
        var extract = Cli.Run("extract", "--publshed", "2024-05-14", "x.txt");
        Assert.Equal(2, extract.Code);
        Assert.Contains("Did you mean --published?", extract.Err, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("attacks")]
    [InlineData("events")]
    [InlineData("stats")]
    [InlineData("export", "--format", "csv")]
    public void A_weapon_no_lexicon_entry_names_is_a_usage_error_not_an_empty_listing(params string[] command)
    {
        using var dir = new TempDir();
        var db = IngestedStores.Of(dir, Report.Replace("40 drones", "40 Shahed-136 drones", StringComparison.Ordinal));
        var r = Cli.Run([.. command, "--db", db, "--weapon", "banana"]);
        Assert.Equal(2, r.Code);
        Assert.Empty(r.Out);
        Assert.Contains($"sitrep {command[0]}: --weapon 'banana' is no weapon family or model the ledger knows.", r.Err, StringComparison.Ordinal);
        Assert.Contains("Families: drone, missile,", r.Err, StringComparison.Ordinal);

        var typo = Cli.Run([.. command, "--db", db, "--weapon", "dronnes"]);
        Assert.Equal(2, typo.Code);
        Assert.Contains("Did you mean drones?", typo.Err, StringComparison.Ordinal);

        // A name the lexicon reads finds what it names: Geran-2 is how Russia calls the Shahed-136.
        var alias = Cli.Run([.. command, "--db", db, "--weapon", "Geran-2"]);
        Assert.Equal(0, alias.Code);
        Assert.Contains("2024-05-14", alias.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void A_stray_argument_is_a_usage_error() => Assert.Equal(2, Cli.Run("stats", "2024-05-14").Code);

    [Fact]
    public void Version_is_listed_and_answers()
    {
        var v = Cli.Run("--version");
        Assert.Equal(0, v.Code);
        Assert.Matches(@"^\d+\.\d+\.\d+\s*$", v.Out);
        Assert.Contains("--version", Cli.Run("--help").Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_commands_help_fits_80_columns_and_names_its_short_forms()
    {
        foreach (var command in Program.Commands)
        {
            var r = Cli.Run(command.Name, "--help");
            Assert.Equal(0, r.Code);
            Assert.StartsWith("Usage: sitrep " + command.Name, r.Out, StringComparison.Ordinal);
            Assert.All(r.Out.Split('\n'), l => Assert.True(l.TrimEnd('\r').Length <= 80, $"{command.Name}: {l}"));
        }

        Assert.Contains("-f for --format", Cli.Run("extract", "-h").Out, StringComparison.Ordinal);
        // Help wins over a line that is otherwise wrong: it is what its user needs.
        Assert.Equal(0, Cli.Run("events", "--plase", "--help").Code);
    }

    [Fact]
    public void Short_forms_equal_forms_and_repeats_read_as_before()
    {
        using var dir = new TempDir();
        var file = dir.Write("a.txt", Report);
        var longForm = Cli.Run("extract", file, "--format", "jsonl", "--published", "2024-05-01");
        Assert.Equal(0, longForm.Code);
        Assert.Equal(longForm.Out, Cli.Run("extract", file, "-f", "jsonl", "-p", "2024-05-01").Out);
        Assert.Equal(longForm.Out, Cli.Run("extract", file, "--format=jsonl", "--published=2024-05-01").Out);
        Assert.Equal(longForm.Out, Cli.Run("extract", file, "--format", "text", "--format", "jsonl", "--published", "2024-05-01").Out); // the last counts
        Assert.Equal(longForm.Out, Cli.Run("extract", "--format", "jsonl", "--published", "2024-05-01", "--", file).Out);

        // An option's value may start with a dash; only a positional that looks like an option is refused.
        var note = Cli.Run("merge", "--join", "A1", "A2", "--note", "-a typo", "--db", dir.Path("none.db"));
        Assert.DoesNotContain("unknown option", note.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void A_dash_reads_standard_input_in_extract_and_ingest()
    {
        using var dir = new TempDir();
        var previous = FileLoader.OpenStandardInput;
        try
        {
            FileLoader.OpenStandardInput = () => new MemoryStream(Encoding.UTF8.GetBytes(Report));
            var r = Cli.Run("extract", "-", "--format", "jsonl");
            Assert.Equal(0, r.Code);
            var report = JsonDocument.Parse(r.Out).RootElement;
            Assert.Equal("stdin", report.GetProperty("article").GetString());
            Assert.Equal("https://news.example.org/stdin-1", report.GetProperty("url").GetString());
            Assert.Equal(40, report.GetProperty("events")[0].GetProperty("weapons")[0].GetProperty("launched").GetInt32());

            var db = dir.Path("ledger.db");
            var jsonl = "{\"text\": \"Drones hit Sumy overnight; 12 of 15 were downed.\", \"url\": \"https://news.example.org/s1\", \"published\": \"2024-05-15\"}\n"
                + "{\"text\": \"A guided bomb hit a village near Zaporizhzhia, killing one.\", \"url\": \"https://news.example.org/s2\", \"published\": \"2024-05-15\"}\n";
            FileLoader.OpenStandardInput = () => new MemoryStream(Encoding.UTF8.GetBytes(jsonl));
            var ingest = Cli.Run("ingest", "-", "--db", db);
            Assert.Equal(0, ingest.Code);
            Assert.Contains("new              2 reports", ingest.Out, StringComparison.Ordinal);
            using (var conn = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={db};Pooling=False"))
            {
                conn.Open();
                using var origins = conn.CreateCommand();
                origins.CommandText = "SELECT group_concat(DISTINCT origin) FROM reports";
                Assert.Equal("-", origins.ExecuteScalar()); // standard input is stored as '-', as it was named
            }

            FileLoader.OpenStandardInput = () => new MemoryStream([]);
            var empty = Cli.Run("extract", "-");
            Assert.Equal(1, empty.Code);
            Assert.Contains("SR002: '-' is empty", empty.Err, StringComparison.Ordinal);
        }
        finally
        {
            FileLoader.OpenStandardInput = previous;
        }
    }

    [Fact]
    public async Task Completion_scripts_ask_sitrep_what_comes_next()
    {
        var bash = Cli.Run("completion", "bash");
        Assert.Equal(0, bash.Code);
        Assert.Contains("complete -o default -F _sitrep_complete sitrep", bash.Out, StringComparison.Ordinal);
        Assert.Contains("compdef _sitrep_complete sitrep", Cli.Run("completion", "zsh").Out, StringComparison.Ordinal);
        Assert.Equal(2, Cli.Run("completion", "fish").Code);

        // What the scripts ask: the built sitrep, as the shell runs it.
        var commands = await Cli.RunProcessAsync(TimeSpan.FromSeconds(60), "[suggest:10]", "sitrep ext");
        Assert.Equal(0, commands.Code);
        Assert.Equal(["extract"], commands.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        var formats = await Cli.RunProcessAsync(TimeSpan.FromSeconds(60), "[suggest:24]", "sitrep export --format ");
        Assert.Equal(["acled", "csv", "geojson", "jsonl", "parquet"], formats.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }
}
