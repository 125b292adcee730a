using System.Diagnostics;
using Sitrep.Core;
using Sitrep.Storage;

namespace Sitrep.Ledger.Services;

/// <summary>How a worker runs.</summary>
public sealed record WorkerOptions
{
    /// <summary>Reports claimed per transaction.</summary>
    public int Batch { get; init; } = 32;
    /// <summary>Reports extracted in parallel within a batch.</summary>
    public int Parallelism { get; init; } = Environment.ProcessorCount;
    /// <summary>Stop when nothing is pending, instead of waiting for more.</summary>
    public bool UntilEmpty { get; init; }
    /// <summary>How often to look for work when the queue is empty.</summary>
    public TimeSpan Poll { get; init; } = TimeSpan.FromSeconds(2);
    /// <summary>This worker's name in the ledger.</summary>
    public string Name { get; init; } = $"{Environment.MachineName}:{Environment.ProcessId}";
}

/// <summary>What a worker did so far.</summary>
public sealed record WorkerProgress(long Done, TimeSpan Elapsed)
{
    public double Rate => Done / Math.Max(0.001, Elapsed.TotalSeconds);
}

/// <summary>
/// The extraction worker: claims pending reports from a shared store, extracts them and stores their events, until
/// the queue is empty (<see cref="WorkerOptions.UntilEmpty"/>) or it is cancelled. A stop finishes the batch in hand
/// (its transaction commits or rolls back whole). Time comes from the <see cref="TimeProvider"/>, so tests drive the
/// polling without waiting.
/// </summary>
public sealed class WorkerService(IEventStore store, LedgerExtractor extractor, WorkerOptions options, TimeProvider? time = null)
{
    private readonly TimeProvider _time = time ?? TimeProvider.System;

    /// <summary>Runs until done or cancelled; reports progress after each batch. Returns how many reports it did.</summary>
    public async Task<WorkerProgress> RunAsync(IProgress<WorkerProgress>? progress, CancellationToken ct)
    {
        var start = _time.GetTimestamp();
        long done = 0;
        IReadOnlyList<Sitrep.Core.Extraction> Extract(IReadOnlyList<Article> articles) => extractor.ExtractAll(articles, options.Parallelism);
        while (!ct.IsCancellationRequested)
        {
            var n = await store.ProcessPendingAsync(options.Batch, options.Name, extractor.Name, Extract, CancellationToken.None).ConfigureAwait(false);
            done += n;
            progress?.Report(new WorkerProgress(done, _time.GetElapsedTime(start)));
            if (n > 0)
            {
                continue;
            }

            if (options.UntilEmpty)
            {
                break;
            }

            try
            {
                await Task.Delay(options.Poll, _time, ct).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }

        return new WorkerProgress(done, _time.GetElapsedTime(start));
    }
}
