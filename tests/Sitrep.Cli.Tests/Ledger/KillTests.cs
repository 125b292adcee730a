using System.Diagnostics;
using Microsoft.Data.Sqlite;

namespace Sitrep.Cli.Tests.Ledger;

/// <summary>An ingest killed with SIGKILL half-way and run again stores every report exactly once.</summary>
public class KillTests
{
    [Fact]
    public async Task Sigkilled_ingest_rerun_stores_every_report_exactly_once()
    {
        const int reports = 4000;
        using var dir = new TempDir();
        for (var i = 0; i < reports; i++)
        {
            dir.Write($"in/{i / 500:00}/{i:00000}.txt", Reports.Text(i));
        }

        var db = dir.Path("ledger.db");
        var psi = Cli.Start("ingest", dir.Path("in"), "--db", db, "--batch", "25", "--jobs", "2");
        psi.Environment["XDG_DATA_HOME"] = dir.Path("xdg");
        using var p = Process.Start(psi)!;
        _ = p.StandardOutput.ReadToEndAsync();
        _ = p.StandardError.ReadToEndAsync();

        // Kill it (SIGKILL: no chance to clean up) once some batches are committed and well before the end.
        var atKill = 0L;
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromMinutes(3) && !p.HasExited)
        {
            atKill = StoredReports(db);
            if (atKill >= 100)
            {
                break;
            }

            await Task.Delay(10);
        }

        Assert.False(p.HasExited, $"the ingest ended (exit {(p.HasExited ? p.ExitCode : 0)}) before it could be killed");
        p.Kill();
        await p.WaitForExitAsync();
        atKill = StoredReports(db);
        Assert.InRange(atKill, 1, reports - 1);

        var rerun = await Cli.RunProcessAsync(TimeSpan.FromMinutes(5), "ingest", dir.Path("in"), "--db", db);
        Assert.True(rerun.Code == 0, rerun.Out + rerun.Err);
        Assert.Contains($"known    {atKill.ToString("#,0", System.Globalization.CultureInfo.InvariantCulture),9} reports", rerun.Out, StringComparison.Ordinal);

        using var conn = new SqliteConnection($"Data Source={db};Pooling=False");
        conn.Open();
        Assert.Equal("ok", Scalar<string>(conn, "PRAGMA integrity_check"));
        Assert.Equal(reports, Scalar<long>(conn, "SELECT COUNT(*) FROM reports"));
        Assert.Equal(reports, Scalar<long>(conn, "SELECT COUNT(DISTINCT url_key) FROM reports"));
        Assert.Equal(reports, Scalar<long>(conn, "SELECT COUNT(DISTINCT origin) FROM reports"));
        // Each report was extracted and written once: one run per report, and its events stored once.
        Assert.Equal(reports, Scalar<long>(conn, "SELECT COUNT(*) FROM extraction_runs"));
        Assert.Equal(reports, Scalar<long>(conn, "SELECT COUNT(DISTINCT report_id) FROM extraction_runs"));
        Assert.Equal(0, Scalar<long>(conn, "SELECT COUNT(*) FROM reports WHERE status <> 'done'"));
        Assert.Equal(0, Scalar<long>(conn, "SELECT COUNT(*) FROM reports r WHERE r.event_count <> (SELECT COUNT(*) FROM events e WHERE e.report_id = r.id)"));
    }

    internal static long StoredReports(string db)
    {
        if (!File.Exists(db))
        {
            return 0;
        }

        try
        {
            using var conn = new SqliteConnection($"Data Source={db};Mode=ReadOnly;Pooling=False");
            conn.Open();
            return Scalar<long>(conn, "SELECT COUNT(*) FROM reports");
        }
        catch (SqliteException)
        {
            return 0; // not created yet
        }
    }

    internal static T Scalar<T>(SqliteConnection conn, string sql)
    {
        using var cmd = conn.CreateCommand();
        cmd.CommandText = sql;
        return (T)cmd.ExecuteScalar()!;
    }
}
