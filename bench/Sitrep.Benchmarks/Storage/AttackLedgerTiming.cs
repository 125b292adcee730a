using System.Diagnostics;
using System.Globalization;
using Sitrep.Core;
using Sitrep.Extraction;
using Sitrep.Geo;
using Sitrep.Ingest;
using Sitrep.Storage;

namespace Sitrep.Benchmarks.Storage;

/// <summary>
/// <c>ledger-timing [--reports N] [--days D] [--store-events E] [--backfill]</c>: the attack ledger at scale, measured whole. Builds (once) the SQLite
/// store of 1,000,000 events that the query benchmarks use, merged into attacks; then ingests N new report files
/// (published over the D days after the store's last day: a day's news arriving at a full ledger) end to end — read,
/// extract with the real pipeline and gazetteer, store, merge into attacks — and reports reports/s; then times the
/// first page of filtered <c>sitrep attacks</c> queries (median of 21 runs each). Targets: ingest ≥ 1,000 reports/s on
/// a 2-core machine; each query under 50 ms. With <c>--backfill</c> the new reports are dated over the D days that end
/// on the corpus's last day instead (an archive's backfill into the dense ledger: every write's window is full).
/// </summary>
internal static class AttackLedgerTiming
{
    public static async Task<int> RunAsync(int reports, int days, int storeEvents, TextWriter o, bool backfill = false)
    {
        var path = EventQueryBenchmarks.PathFor(storeEvents);
        var built = await LedgerCorpus.EnsureStoreAsync(path, storeEvents);
        if (built > TimeSpan.Zero)
        {
            o.WriteLine($"built a {storeEvents:N0}-event store at {path} in {built.TotalSeconds:0} s");
        }

        // New report files, numbered after every report ingested so far (each run's are new to the store), published
        // over the days after the newest attack the store holds: each run is the next days' news, not a pile-up of
        // every run's reports on the same days.
        DateOnly newest;
        await using (var probe = await EventStore.OpenAsync(StoreLocation.Sqlite(path)))
        {
            newest = (await probe.FindAttacksAsync(new EventQuery { Limit = 1 })).FirstOrDefault()?.Date ?? LedgerCorpus.Last;
        }

        var dir = Path.Combine(Path.GetTempPath(), $"sitrep-ledger-timing-{Guid.NewGuid():N}");
        Directory.CreateDirectory(dir);
        var offset = 1_000_000 + (int)(DateTime.UtcNow.Ticks % 1_000_000) * 10;
        var from = backfill ? LedgerCorpus.Last.AddDays(-days) : newest;
        for (var i = 0; i < reports; i++)
        {
            await File.WriteAllTextAsync(Path.Combine(dir, $"{i:000000}.txt"), LedgerCorpus.ReportFile(offset + i, days, from));
        }

        o.WriteLine(backfill
            ? $"new reports published over the {days} days up to {LedgerCorpus.Last:yyyy-MM-dd}, the corpus's last day (a backfill into the dense ledger)"
            : $"new reports published over the {days} days after {newest:yyyy-MM-dd}, the store's newest attack");

        IPlaceLookup? places = null;
        try
        {
            places = Gazetteer.LoadDefault();
        }
        catch (GazetteerException e)
        {
            o.WriteLine($"no gazetteer ({e.Message}): places are not resolved");
        }

        var pipeline = ExtractionPipeline.CreateDefault(places);
        await using (var store = await EventStore.OpenAsync(StoreLocation.Sqlite(path)))
        {
            var before = await store.CountAsync();
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            var clock = Stopwatch.StartNew();
            var summary = await new IngestRunner(store, pipeline.Extract, null, new IngestOptions { Extractor = "bench" }).RunAsync(ReportInputs.Expand([dir]).ToList(), CancellationToken.None);
            var elapsed = clock.Elapsed;
            cpu = Process.GetCurrentProcess().TotalProcessorTime - cpu;
            var after = await store.CountAsync();
            o.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"ingest into a store of {before.Events:N0} events: {summary.Reports:N0} reports ({after.Events - before.Events:N0} events)\n"
                + $"  read, extracted, stored, merged in {elapsed.TotalSeconds:0.00} s = {summary.Reports / elapsed.TotalSeconds:0} reports/s\n"
                + $"  (CPU {cpu.TotalSeconds:0.0} s, load average {LoadAverage()})"));

            NamedQuery[] queries =
            [
                new("latest 50", new EventQuery { Limit = 50 }),
                new("RU attacks, March 2024, >=20 launched", new EventQuery { Attacker = Side.Russia, Since = new(2024, 3, 1), Until = new(2024, 3, 31), MinLaunched = 20, Limit = 50 }),
                new("place Kharkiv region", new EventQuery { Place = "Kharkiv region", Limit = 50 }),
                new("drones on Ukraine", new EventQuery { Weapon = WeaponSelector.Parse("drone"), Target = Country.Ukraine, Limit = 50 }),
                new("model shahed", new EventQuery { Weapon = WeaponSelector.Parse("shahed"), Limit = 50 }),
                new("UA attacks, >=3 killed", new EventQuery { Attacker = Side.Ukraine, MinKilled = 3, Limit = 50 }),
            ];
            foreach (var q in queries)
            {
                var times = new List<double>();
                var rows = 0;
                for (var run = 0; run < 21; run++)
                {
                    var t = Stopwatch.StartNew();
                    rows = (await store.FindAttacksAsync(q.Query)).Count;
                    times.Add(t.Elapsed.TotalMilliseconds);
                }

                times.Sort();
                o.WriteLine(string.Create(CultureInfo.InvariantCulture, $"attacks first page, {q.Name}: {times[times.Count / 2]:0.0} ms median ({rows} rows)"));
            }
        }

        Directory.Delete(dir, recursive: true);
        return 0;
    }

    /// <summary>The machine's one-minute load average (Linux), or "?": a shared machine's timings mean little without it.</summary>
    private static string LoadAverage()
    {
        try
        {
            return File.ReadAllText("/proc/loadavg").Split(' ')[0];
        }
        catch (IOException)
        {
            return "?";
        }
        catch (UnauthorizedAccessException)
        {
            return "?";
        }
    }
}
