using System.Diagnostics;
using Microsoft.Data.Sqlite;

namespace Sitrep.Cli.Tests.Ledger;

/// <summary>
/// An ingest that waits on its input (standard input that never ends) stops on SIGTERM and on SIGINT within seconds,
/// exit code 1, and keeps what it stored before the signal, the store intact.
/// </summary>
public sealed class SignalTests
{
    private const int Files = 5;

    [Theory]
    [InlineData("TERM")]
    [InlineData("INT")]
    public async Task A_waiting_ingest_stops_on_the_signal_and_keeps_what_it_stored(string signal)
    {
        using var dir = new TempDir();
        for (var i = 0; i < Files; i++)
        {
            dir.Write($"in/{i}.txt", Reports.Text(i));
        }

        var db = dir.Path("ledger.db");

        // The reports of the folder, one transaction each, then standard input: a pipe the test never writes nor closes.
        var psi = Cli.Start("ingest", dir.Path("in"), "-", "--batch", "1", "--jobs", "1", "--db", db);
        psi.RedirectStandardInput = true;

        // A child of a shell's background job inherits SIGINT ignored; the child is started with it at its default.
        psi.ArgumentList.Insert(0, psi.FileName);
        psi.ArgumentList.Insert(0, "--default-signal=INT");
        psi.FileName = "env";
        psi.Environment["XDG_DATA_HOME"] = dir.Path("xdg");
        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();

        var clock = Stopwatch.StartNew();
        while (KillTests.StoredReports(db) < Files && !p.HasExited && clock.Elapsed < TimeSpan.FromMinutes(2))
        {
            await Task.Delay(50);
        }

        if (p.HasExited)
        {
            Assert.Fail($"the ingest ended (exit {p.ExitCode}) before the signal: {await stdout}{await stderr}");
        }

        Assert.Equal(Files, KillTests.StoredReports(db));
        await Task.Delay(300); // waiting on standard input now

        using (var kill = Process.Start("kill", ["-s", signal, p.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])!)
        {
            await kill.WaitForExitAsync();
        }

        clock.Restart();
        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        try
        {
            await p.WaitForExitAsync(patience.Token);
        }
        catch (OperationCanceledException)
        {
            p.Kill(entireProcessTree: true);
            Assert.Fail($"SIG{signal} did not stop the ingest within 20 s");
        }

        var (o, e) = (await stdout, await stderr);
        Assert.True(p.ExitCode == 1, $"exit {p.ExitCode}: {o}{e}");
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"SIG{signal} took {clock.Elapsed} to stop the ingest");
        Assert.True(o.Contains("stopped before the end: 1 inputs not read", StringComparison.Ordinal), o); // standard input
        Assert.Contains($"new      {Files,9} reports", o, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", o + e, StringComparison.Ordinal);

        using var conn = new SqliteConnection($"Data Source={db};Pooling=False");
        conn.Open();
        Assert.Equal("ok", KillTests.Scalar<string>(conn, "PRAGMA integrity_check"));
        Assert.Equal(Files, KillTests.Scalar<long>(conn, "SELECT COUNT(*) FROM reports"));
        Assert.Equal(Files, KillTests.Scalar<long>(conn, "SELECT COUNT(*) FROM extraction_runs"));
        Assert.Equal(0, KillTests.Scalar<long>(conn, "SELECT COUNT(*) FROM reports WHERE status <> 'done'"));
        Assert.Equal(0, KillTests.Scalar<long>(conn, "SELECT COUNT(*) FROM reports r WHERE r.event_count <> (SELECT COUNT(*) FROM events e WHERE e.report_id = r.id)"));
        Assert.True(KillTests.Scalar<long>(conn, "SELECT COUNT(*) FROM attacks") > 0);
    }
}
