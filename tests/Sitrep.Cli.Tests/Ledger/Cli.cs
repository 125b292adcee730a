using System.Diagnostics;
using Sitrep.Cli;

namespace Sitrep.Cli.Tests.Ledger;

/// <summary>Runs sitrep commands in-process, or the built CLI as a child process.</summary>
internal static class Cli
{
    public sealed record Result(int Code, string Out, string Err);

    public static Result Run(params string[] args) => RunAt(null, args);

    /// <summary>As on a terminal <paramref name="width"/> columns wide (null: stdout redirected, 80 columns).</summary>
    public static Result RunAt(int? width, params string[] args)
    {
        var o = new StringWriter();
        var e = new StringWriter();
        var code = Program.Run(args, new CliConsole(o, e, interactive: false, width: width));
        return new Result(code, o.ToString(), e.ToString());
    }

    /// <summary>The built sitrep.dll beside the tests (the test project references the CLI).</summary>
    public static string Dll => Path.Combine(AppContext.BaseDirectory, "sitrep.dll");

    public static ProcessStartInfo Start(params string[] args)
    {
        var psi = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        psi.ArgumentList.Add(Dll);
        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }

        psi.Environment.Remove("SITREP_DB");
        psi.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        return psi;
    }

    public static Task<Result> RunProcessAsync(TimeSpan timeout, params string[] args) => RunProcessAsync(timeout, null, args);

    /// <param name="configure">Changes to the child's start (its environment).</param>
    public static async Task<Result> RunProcessAsync(TimeSpan timeout, Action<ProcessStartInfo>? configure, params string[] args)
    {
        var psi = Start(args);
        configure?.Invoke(psi);
        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await p.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            p.Kill(entireProcessTree: true);
            throw new TimeoutException($"sitrep {string.Join(' ', args)} did not finish within {timeout}.");
        }

        return new Result(p.ExitCode, await stdout, await stderr);
    }
}

/// <summary>A temporary folder, removed after the test.</summary>
internal sealed class TempDir : IDisposable
{
    public TempDir() => Directory.CreateDirectory(Root);

    public string Root { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "sitrep-cli-" + Guid.NewGuid().ToString("N"));

    public string Path(string relative) => System.IO.Path.Combine(Root, relative);

    public string Write(string relative, string text)
    {
        var p = Path(relative);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(p)!);
        File.WriteAllText(p, text);
        return p;
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
