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

    /// <summary>A store that only admits: it records each batch given to <see cref="IEventStore.SaveAsync"/>.</summary>
    public class RecordingStore : DispatchProxy
    {
        private List<List<string>> batches = [];

        public static IEventStore Create(out List<List<string>> batches)
        {
            var store = Create<IEventStore, RecordingStore>();
            batches = ((RecordingStore)(object)store).batches;
            return store;
        }

        protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
        {
            switch (targetMethod?.Name)
            {
                case nameof(IEventStore.SaveAsync):
                    var batch = (IReadOnlyList<ReportSubmission>)args![0]!;
                    batches.Add([.. batch.Select(b => b.Article.Url ?? "")]);
                    return Task.FromResult<IReadOnlyList<Admission>>([.. batch.Select((b, i) => new Admission(b.Key, AdmissionStatus.New, i + 1, 1))]);
                case nameof(IEventStore.FindKnownAsync):
                    return Task.FromResult<IReadOnlySet<ReportKey>>(new HashSet<ReportKey>());
                default:
                    throw new NotSupportedException($"the ingest writer is not expected to call {targetMethod?.Name}");
            }
        }
    }
}
