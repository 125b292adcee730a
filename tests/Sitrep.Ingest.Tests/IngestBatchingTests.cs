using System.Reflection;
using Sitrep.Core;
using Sitrep.Storage;

namespace Sitrep.Ingest.Tests;

/// <summary>How the ingest writer cuts its stream of extracted reports into write transactions.</summary>
public class IngestBatchingTests
{
    [Fact]
    public async Task A_batch_stops_at_its_text_limit_and_every_report_is_written_once()
    {
        var dir = Directory.CreateTempSubdirectory("sitrep-batching-");
        try
        {
            for (var i = 0; i < 20; i++)
            {
                var body = string.Join(' ', Enumerable.Repeat($"Drones hit depot {i} overnight, officials said.", 6));
                await File.WriteAllTextAsync(Path.Combine(dir.FullName, $"{i:00}.txt"), $"url: https://batching.example/{i}\n---\n{body}\n");
            }

            var store = RecordingStore.Create(out var batches);
            var options = new IngestOptions { Parallelism = 1, BatchSize = 100, MaxBatchChars = 1000, MaxBatchDelay = TimeSpan.FromSeconds(30), Extractor = "test/1" };
            var runner = new IngestRunner(store, a => new Extraction(a), null, options);
            var summary = await runner.RunAsync([.. ReportInputs.Expand([dir.FullName])]);

            Assert.Equal(20, summary.Reports);
            Assert.Equal(20, batches.Sum(b => b.Count));
            Assert.All(batches, b => Assert.True(b.Count <= 4, $"a batch of {b.Count} reports of about 300 characters each is over the 1,000-character limit"));
            Assert.Equal(20, batches.SelectMany(b => b).Distinct().Count());
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    /// <summary>
    /// After a write, the writer rests as long as the write took (up to <see cref="IngestOptions.MaxWriteRest"/>) while
    /// reports are still being extracted, so the next write takes what came meanwhile; the end of the input ends a rest.
    /// Only lower bounds on times are asserted (a loaded machine only makes them longer).
    /// </summary>
    [Fact]
    public async Task The_writer_rests_as_long_as_its_last_write_took_while_reports_still_come()
    {
        var dir = Directory.CreateTempSubdirectory("sitrep-rest-");
        try
        {
            // More than two of the workers' known-report checks (64 reports each, extracted together before they go to the
            // writer), so reports reach the writer in several lots however late it is scheduled on a busy machine; with
            // every input queued at once, fewer would reach it as one lot and make one write.
            const int reports = 140;
            for (var i = 0; i < reports; i++)
            {
                await File.WriteAllTextAsync(Path.Combine(dir.FullName, $"{i:000}.txt"), $"url: https://rest.example/{i}\n---\nShelling hit a school in district {i}, the mayor said.\n");
            }

            var write = TimeSpan.FromMilliseconds(400);
            var store = RecordingStore.Create(out var batches, write);
            var clock = System.Diagnostics.Stopwatch.StartNew();
            var lastExtracted = TimeSpan.Zero;
            var options = new IngestOptions { Parallelism = 1, BatchSize = 1, MaxBatchDelay = TimeSpan.Zero, MaxWriteRest = TimeSpan.FromSeconds(1), Extractor = "test/1" };
            var runner = new IngestRunner(store, a =>
            {
                Thread.Sleep(10);
                lastExtracted = clock.Elapsed;
                return new Extraction(a);
            }, null, options);
            var summary = await runner.RunAsync([.. ReportInputs.Expand([dir.FullName])]);

            Assert.Equal(reports, batches.Sum(b => b.Count));
            var writes = RecordingStore.Times(store);
            Assert.True(writes.Count >= 2, $"{writes.Count} writes");
            for (var k = 1; k < writes.Count; k++)
            {
                // Each rest lasts the last write (at least 400 ms), or until the last report was extracted if that came first.
                var (prevStart, prevEnd) = writes[k - 1];
                var rest = writes[k].Start - prevEnd;
                var expected = Math.Min((prevEnd - prevStart).TotalMilliseconds, (lastExtracted - prevEnd).TotalMilliseconds) - 20;
                Assert.True(rest.TotalMilliseconds >= expected, $"write {k + 1} started {rest.TotalMilliseconds:0} ms after write {k} ended, which took {(prevEnd - prevStart).TotalMilliseconds:0} ms; writes {string.Join(", ", writes.Select(w => $"{w.Start.TotalMilliseconds:0}-{w.End.TotalMilliseconds:0}"))}, batches {string.Join(",", batches.Select(b => b.Count))}, last extracted {lastExtracted.TotalMilliseconds:0}");
            }

            Assert.True(batches.Count < reports, "every report written alone: the writer never waited for more");
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    /// <summary>
    /// A store that fails the workers' known-report checks ends the run with its error, not a hang: more inputs than the
    /// input queue holds, so with the workers gone nothing would read the rest.
    /// </summary>
    [Fact]
    public async Task A_store_failing_the_known_report_check_ends_the_run_with_its_error()
    {
        var dir = Directory.CreateTempSubdirectory("sitrep-known-fails-");
        try
        {
            for (var i = 0; i < 40; i++)
            {
                await File.WriteAllTextAsync(Path.Combine(dir.FullName, $"{i:00}.txt"), $"url: https://fails.example/{i}\n---\nA drone hit a warehouse in village {i}.\n");
            }

            var store = RecordingStore.Create(out _, failKnown: true);
            var options = new IngestOptions { Parallelism = 1, Extractor = "test/1" };
            var runner = new IngestRunner(store, a => new Extraction(a), null, options);
            var run = runner.RunAsync([.. ReportInputs.Expand([dir.FullName])]);
            var e = await Assert.ThrowsAsync<InvalidOperationException>(() => run.WaitAsync(TimeSpan.FromSeconds(60)));
            Assert.Equal("the store is gone", e.Message);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    /// <summary>A store that only admits: it records each batch given to <see cref="IEventStore.SaveAsync"/>.</summary>
    public class RecordingStore : DispatchProxy
    {
        private List<List<string>> batches = [];
        private readonly List<(TimeSpan Start, TimeSpan End)> times = [];
        private readonly System.Diagnostics.Stopwatch clock = System.Diagnostics.Stopwatch.StartNew();
        private TimeSpan writeTakes;
        private bool failKnown;

        /// <param name="writeTakes">How long each write takes.</param>
        /// <param name="failKnown">Whether the known-report check fails.</param>
        public static IEventStore Create(out List<List<string>> batches, TimeSpan writeTakes = default, bool failKnown = false)
        {
            var store = Create<IEventStore, RecordingStore>();
            var recording = (RecordingStore)(object)store;
            recording.writeTakes = writeTakes;
            recording.failKnown = failKnown;
            batches = recording.batches;
            return store;
        }

        /// <summary>When each write started and ended, since the store was made.</summary>
        public static List<(TimeSpan Start, TimeSpan End)> Times(IEventStore store) => ((RecordingStore)(object)store).times;

        protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
        {
            switch (targetMethod?.Name)
            {
                case nameof(IEventStore.SaveAsync):
                    var batch = (IReadOnlyList<ReportSubmission>)args![0]!;
                    var start = clock.Elapsed;
                    if (writeTakes > TimeSpan.Zero)
                    {
                        Thread.Sleep(writeTakes);
                    }

                    times.Add((start, clock.Elapsed));
                    batches.Add([.. batch.Select(b => b.Article.Url ?? "")]);
                    return Task.FromResult<IReadOnlyList<Admission>>([.. batch.Select((b, i) => new Admission(b.Key, AdmissionStatus.New, i + 1, 1))]);
                case nameof(IEventStore.FindKnownAsync) when failKnown:
                    return Task.FromException<IReadOnlySet<ReportKey>>(new InvalidOperationException("the store is gone"));
                case nameof(IEventStore.FindKnownAsync):
                    return Task.FromResult<IReadOnlySet<ReportKey>>(new HashSet<ReportKey>());
                default:
                    throw new NotSupportedException($"the ingest writer is not expected to call {targetMethod?.Name}");
            }
        }
    }
}
