using Sitrep.Ingest;
using Sitrep.Storage;

namespace Sitrep.Ledger.Services;

/// <summary>One feed read in one round.</summary>
public sealed record FeedRound(int Round, DateTimeOffset At, string Feed, IngestSummary Summary);

/// <summary>
/// Polls feeds every so often and stores the items the ledger has not seen, exactly as ingest would. A feed that
/// cannot be read is reported in its round and tried again next round. Time comes from the <see cref="TimeProvider"/>.
/// </summary>
public sealed class WatchService(IEventStore store, LedgerExtractor? extractor, ReportFetcher fetcher, IngestOptions options, TimeProvider? time = null)
{
    private readonly TimeProvider _time = time ?? TimeProvider.System;

    /// <summary>
    /// Runs rounds <paramref name="every"/> apart, <paramref name="times"/> of them (null: until cancelled), calling
    /// <paramref name="onFeed"/> after each feed. Returns true when the last round read every feed.
    /// </summary>
    public async Task<bool> RunAsync(IReadOnlyList<string> feeds, TimeSpan every, int? times, Action<FeedRound> onFeed, CancellationToken ct)
    {
        var opts = extractor is null ? options with { Defer = true } : options with { Extractor = extractor.Name };
        Func<Sitrep.Core.Article, Sitrep.Core.Extraction>? extract = extractor is null ? null : extractor.Extract;
        var allRead = true;
        for (var round = 1; times is null || round <= times; round++)
        {
            allRead = true;
            foreach (var feed in feeds)
            {
                var items = ReportInputs.Expand([feed]).ToList();
                var summary = await new IngestRunner(store, extract, fetcher, opts).RunAsync(items, ct).ConfigureAwait(false);
                allRead &= summary.Complete;
                onFeed(new FeedRound(round, _time.GetUtcNow(), feed, summary));
                if (ct.IsCancellationRequested)
                {
                    return allRead;
                }
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
