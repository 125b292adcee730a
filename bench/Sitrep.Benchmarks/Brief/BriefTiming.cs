using System.Collections.Frozen;
using System.Diagnostics;
using System.Globalization;
using Sitrep.Core;
using Sitrep.Ledger.Brief;
using Sitrep.Storage;

namespace Sitrep.Benchmarks.Brief;

/// <summary>
/// <c>brief-timing DB [--date D]... [--runs N]</c>: the brief of a night, in process, by phase, on a store already
/// built (the ledger-timing store, or any). Each run reads the night twice from one snapshot, alternately: the whole
/// way (every attack whole: each claim's words, each member's features; every member event whole: what the brief read
/// before it read less) and as <see cref="BriefSource.ReadAsync"/> reads it (<see cref="BriefSource.Parts"/>); each
/// composes and renders md, html and json, and the two (and BriefSource.ReadAsync's own) must give the same bytes. Prints the median wall and CPU time of each phase over the runs after
/// the first (warm), and the first run's (cold, JIT included). Without --date: the median and the heaviest night of
/// the store (by member events).
/// </summary>
internal static class BriefTiming
{
    public static async Task<int> RunAsync(string path, IReadOnlyList<DateOnly> dates, int runs, TextWriter o)
    {
        await using var store = await EventStore.OpenExistingAsync(StoreLocation.Sqlite(path));
        if (dates.Count == 0)
        {
            var nights = (await store.FindAttacksAsync(new EventQuery { Limit = null }))
                .Where(a => a.Date is not null && a.Precision == DatePrecision.Night)
                .GroupBy(a => a.Date!.Value).Select(g => (Date: g.Key, Events: g.Sum(a => a.Events))).OrderBy(x => x.Events).ThenBy(x => x.Date).ToList();
            dates = [nights[nights.Count / 2].Date, nights[^1].Date];
        }

        var writer = BriefWriter.ForLanguage("en", BriefClaimantNames.Options(Sitrep.Core.Claimants.ClaimantRegistry.Default, "en"));
        foreach (var date in dates)
        {
            var window = BriefWindow.Night(date);
            var whole = new Phases();
            var light = new Phases();
            var (attacks, events, citations) = (0, 0, 0);
            for (var run = 0; run < runs; run++)
            {
                await using var snapshot = await store.OpenSnapshotAsync();
                var w = await TimeAsync(whole, run, "read", () => ReadAsync(snapshot, window, ReadParts.Whole, whole, run));
                var wBrief = Time(whole, run, "compose", () => writer.Write(w));
                var wBytes = Time(whole, run, "render", () => Render(wBrief));
                var l = await TimeAsync(light, run, "read", () => ReadAsync(snapshot, window, BriefSource.Parts, light, run));
                var lBrief = Time(light, run, "compose", () => writer.Write(l));
                var lBytes = Time(light, run, "render", () => Render(lBrief));
                if (wBytes != lBytes || Render(writer.Write(await BriefSource.ReadAsync(snapshot, window))) != lBytes)
                {
                    o.WriteLine($"{date:yyyy-MM-dd}: the brief read light differs from the brief read whole");
                    return 1;
                }

                (attacks, events, citations) = (w.Attacks.Length, w.Events.Count, wBrief.Citations.Length);
            }

            o.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"night {date:yyyy-MM-dd}: {attacks} attacks, {events:N0} member events, {citations} citations; same bytes both ways ({runs} runs)"));
            o.WriteLine("  phase     read whole: warm wall / CPU ms (cold)   read light: warm wall / CPU ms (cold)");
            foreach (var phase in new[] { "read", "-heads", "-attacks", "-events", "-backgr", "-reports", "compose", "render", "total" })
            {
                o.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"  {phase,-8}  {whole.Warm(phase, false),7:0} / {whole.Warm(phase, true),5:0} ({whole.Cold(phase),5:0})          {light.Warm(phase, false),7:0} / {light.Warm(phase, true),5:0} ({light.Cold(phase),5:0})"));
            }
        }

        return 0;
    }

    /// <summary>
    /// The brief's read (<see cref="BriefSource.ReadAsync"/>) by phase, with <paramref name="parts"/> of the attacks and
    /// events: <see cref="ReadParts.Whole"/> is the read the brief made before it read only what it writes.
    /// </summary>
    private static async Task<BriefSource> ReadAsync(IStoreSnapshot snapshot, BriefWindow window, ReadParts parts, Phases phases, int run)
    {
        var heads = await TimeAsync(phases, run, "-heads", () => snapshot.FindAttacksAsync(new EventQuery { Since = window.First, Until = window.Last, Limit = null }));
        var ids = heads.Where(a => window.Place(a.Date, a.Precision) != BriefPlacement.Outside).Select(a => a.Id).ToList();
        var attacks = await TimeAsync(phases, run, "-attacks", () => snapshot.GetAttacksAsync(ids, parts));
        var events = await TimeAsync(phases, run, "-events", () => snapshot.GetEventsAsync([.. attacks.SelectMany(a => a.Members).Select(m => m.EventId).Distinct()], parts));
        var reportIds = attacks.SelectMany(a => a.Members).Select(m => m.ReportId).Distinct().ToList();
        var background = await TimeAsync(phases, run, "-backgr", () => snapshot.GetEventsOfReportsAsync(reportIds, EventKind.Aggregate));
        var reports = await TimeAsync(phases, run, "-reports", () => snapshot.GetReportsAsync([.. reportIds.Concat(background.Select(b => b.Report.Id)).Distinct()]));
        return new BriefSource(window, [.. attacks], events.ToFrozenDictionary(e => e.Id), reports.ToFrozenDictionary(r => r.Id), [.. background]);
    }

    private static string Render(BriefDocument brief) =>
        string.Concat(BriefFormats.All.Names.Order(StringComparer.Ordinal).Select(f => BriefFormats.Render(brief, f)));

    private static T Time<T>(Phases phases, int run, string phase, Func<T> work)
    {
        var (wall, cpu) = (Stopwatch.StartNew(), Process.GetCurrentProcess().TotalProcessorTime);
        var result = work();
        phases.Add(run, phase, wall.Elapsed, Process.GetCurrentProcess().TotalProcessorTime - cpu);
        return result;
    }

    private static async Task<T> TimeAsync<T>(Phases phases, int run, string phase, Func<Task<T>> work)
    {
        var (wall, cpu) = (Stopwatch.StartNew(), Process.GetCurrentProcess().TotalProcessorTime);
        var result = await work();
        phases.Add(run, phase, wall.Elapsed, Process.GetCurrentProcess().TotalProcessorTime - cpu);
        return result;
    }

    /// <summary>Wall and CPU milliseconds per run and phase.</summary>
    private sealed class Phases
    {
        private readonly Dictionary<(int Run, string Phase), (double Wall, double Cpu)> _times = [];

        public void Add(int run, string phase, TimeSpan wall, TimeSpan cpu)
        {
            _times[(run, phase)] = (wall.TotalMilliseconds, cpu.TotalMilliseconds);
            if (phase.StartsWith('-'))
            {
                return;
            }

            var total = _times.GetValueOrDefault((run, "total"));
            _times[(run, "total")] = (total.Wall + wall.TotalMilliseconds, total.Cpu + cpu.TotalMilliseconds);
        }

        public double Cold(string phase) => _times.GetValueOrDefault((0, phase)).Wall;

        public double Warm(string phase, bool cpu)
        {
            var values = _times.Where(t => t.Key.Phase == phase && t.Key.Run > 0).Select(t => cpu ? t.Value.Cpu : t.Value.Wall).Order().ToList();
            return values.Count == 0 ? double.NaN : values[values.Count / 2];
        }
    }
}
