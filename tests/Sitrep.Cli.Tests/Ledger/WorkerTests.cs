using System.Globalization;
using System.Text.RegularExpressions;

namespace Sitrep.Cli.Tests.Ledger;

public partial class WorkerTests
{
    [GeneratedRegex(@"(\d[\d,]*) reports done")]
    private static partial Regex Done();

    [PostgresFact]
    public async Task Three_workers_on_one_server_do_every_report_exactly_once()
    {
        const int reports = 300;
        using var dir = new TempDir();
        for (var i = 0; i < reports; i++)
        {
            dir.Write($"in/{i:000}.txt", Reports.Text(i));
        }

        var schema = $"w_{Guid.NewGuid():N}";
        var url = await TestPostgres.CreateSchemaAsync(schema);
        try
        {
            var ingest = Cli.Run("ingest", dir.Path("in"), "--db", url, "--defer");
            Assert.True(ingest.Code == 0, ingest.Out + ingest.Err);
            Assert.Equal(reports, await TestPostgres.ScalarAsync<long>(url, "SELECT COUNT(*) FROM reports WHERE status = 'pending'"));

            var workers = Enumerable.Range(1, 3)
                .Select(w => Cli.RunProcessAsync(TimeSpan.FromMinutes(5), "worker", "--db", url, "--until-empty", "--batch", "4", "--jobs", "1", "--name", $"w{w}"))
                .ToArray();
            var results = await Task.WhenAll(workers);
            Assert.All(results, r => Assert.True(r.Code == 0, r.Out + r.Err));
            var perWorker = results.Select(r => int.Parse(Done().Match(r.Out).Groups[1].Value, NumberStyles.AllowThousands, CultureInfo.InvariantCulture)).ToArray();

            Assert.Equal(reports, perWorker.Sum());
            Assert.Equal(reports, await TestPostgres.ScalarAsync<long>(url, "SELECT COUNT(*) FROM extraction_runs"));
            Assert.Equal(reports, await TestPostgres.ScalarAsync<long>(url, "SELECT COUNT(DISTINCT report_id) FROM extraction_runs"));
            Assert.Equal(0, await TestPostgres.ScalarAsync<long>(url, "SELECT COUNT(*) FROM reports WHERE status <> 'done'"));
            Assert.Equal(0, await TestPostgres.ScalarAsync<long>(url, "SELECT COUNT(*) FROM reports r WHERE r.event_count <> (SELECT COUNT(*) FROM events e WHERE e.report_id = r.id)"));
            // Which worker did each report is recorded; the runs match what each worker said it did.
            foreach (var (w, n) in perWorker.Select((n, i) => ($"w{i + 1}", n)))
            {
                Assert.Equal(n, await TestPostgres.ScalarAsync<long>(url, $"SELECT COUNT(*) FROM extraction_runs WHERE worker = '{w}'"));
            }
        }
        finally
        {
            await TestPostgres.DropSchemaAsync(schema);
        }
    }

    [Fact]
    public void A_worker_on_sqlite_empties_the_queue_and_requeue_redoes_it()
    {
        using var dir = new TempDir();
        for (var i = 0; i < 20; i++)
        {
            dir.Write($"in/{i}.txt", Reports.Text(i));
        }

        var db = dir.Path("q.db");
        Assert.Equal(0, Cli.Run("ingest", dir.Path("in"), "--db", db, "--defer").Code);
        var run = Cli.Run("worker", "--db", db, "--until-empty", "--name", "solo");
        Assert.Equal(0, run.Code);
        Assert.Contains("worker solo: 20 reports done", run.Out, StringComparison.Ordinal);
        Assert.Equal(0, LedgerCommandTests.Count(db).Pending);

        Assert.Contains("20 reports marked pending", Cli.Run("worker", "--db", db, "--requeue").Out, StringComparison.Ordinal);
        Assert.Equal(20, LedgerCommandTests.Count(db).Pending);
        Assert.Contains("20 reports done", Cli.Run("worker", "--db", db, "--until-empty").Out, StringComparison.Ordinal);
    }
}
