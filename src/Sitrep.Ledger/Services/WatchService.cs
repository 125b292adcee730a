using Sitrep.Ingest;
using Sitrep.Storage;

namespace Sitrep.Ledger.Services;

/// <summary>One feed read in one round.</summary>
public sealed record FeedRound(int Round, DateTimeOffset At, string Feed, IngestSummary Summary);

/// <summary>
/// Polls feeds every so often and stores the items the ledger has not seen, exactly as ingest would. A feed that
/// cannot be read is reported in its round and tried again next round. The feeds of a round are read at the same
/// time, at most <see cref="MaxConcurrentFeeds"/> at once, so one slow feed does not hold back the others; each is
/// reported as it ends. Time comes from the <see cref="TimeProvider"/>.
/// </summary>
public sealed class WatchService(IEventStore store, LedgerExtractor? extractor, ReportFetcher fetcher, IngestOptions options, TimeProvider? time = null)
{
    /// <summary>The most feeds read at once.</summary>
    public const int MaxConcurrentFeeds = 4;

    private readonly TimeProvider _time = time ?? TimeProvider.System;

    /// <summary>
    /// Runs rounds <paramref name="every"/> apart, <paramref name="times"/> of them (null: until cancelled), calling
    /// <paramref name="onFeed"/> after each feed (one call at a time, in the order the feeds end). Returns true when
    /// the last round read every feed.
    /// </summary>
    public async Task<bool> RunAsync(IReadOnlyList<string> feeds, TimeSpan every, int? times, Action<FeedRound> onFeed, CancellationToken ct)
    {
        var opts = extractor is null ? options with { Defer = true } : options with { Extractor = extractor.Name };
        Func<Sitrep.Core.Article, Sitrep.Core.Extraction>? extract = extractor is null ? null : extractor.Extract;
        var report = new Lock();
        var allRead = true;
        for (var round = 1; times is null || round <= times; round++)
        {
            var complete = true;
            var thisRound = round;
            try
            {
                await Parallel.ForEachAsync(feeds, new ParallelOptions { MaxDegreeOfParallelism = MaxConcurrentFeeds }, async (feed, _) =>
                {
                    // Each feed's ingest takes the caller's token: on a stop it stores what it has and ends.
                    var items = ReportInputs.Expand([feed]).ToList();
                    var summary = await new IngestRunner(store, extract, fetcher, opts).RunAsync(items, ct).ConfigureAwait(false);
                    lock (report)
                    {
                        complete &= summary.Complete;
                        onFeed(new FeedRound(thisRound, _time.GetUtcNow(), feed, summary));
                    }
                }).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                return false;
            }

            allRead = complete;
            if (ct.IsCancellationRequested)
            {
                return allRead;
            }

            if (times is not null && round == times)
            {
                break;
            }

            try
            {
                await Task.Delay(every, _time, ct).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }

        return allRead;
    }
}
