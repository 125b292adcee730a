using System.Collections.Concurrent;
using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using System.Threading.Channels;
using Sitrep.Core;
using Sitrep.Storage;

namespace Sitrep.Ingest;

/// <summary>Settings of one ingest run.</summary>
public sealed record IngestOptions
{
    /// <summary>Workers that read, hash, check and extract in parallel; the CPU count by default.</summary>
    public int Parallelism { get; init; } = Environment.ProcessorCount;

    /// <summary>Reports per write transaction: a batch is written once it holds this many (or has waited <see cref="MaxBatchDelay"/>).</summary>
    public int BatchSize { get; init; } = 256;

    /// <summary>
    /// The most reports one write transaction takes: what extraction finished while the last batch was written joins
    /// the next one, up to this (group commit), so a backlog costs fewer transactions and fewer merges of its window.
    /// Each write re-merges every event of the days its reports fall on, so on a dense ledger the write's cost is
    /// mostly that window's, whatever the batch: large batches are what keeps a backlog's ingest fast.
    /// </summary>
    public int MaxBatchSize { get; init; } = 8192;

    /// <summary>The most report text (UTF-16 characters) one group-committed batch holds, so large reports keep batches small.</summary>
    public long MaxBatchChars { get; init; } = 32L * 1024 * 1024;

    /// <summary>The longest a report waits for its batch to fill before it is written anyway.</summary>
    public TimeSpan MaxBatchDelay { get; init; } = TimeSpan.FromMilliseconds(200);

    /// <summary>
    /// The longest the writer rests after a write before it starts the next while reports are still being extracted:
    /// it rests as long as the last write took, up to this. On a full ledger a write's cost is mostly its merge window's
    /// (every event of its days, whatever the batch), so a write started as soon as the last ended takes few reports for
    /// the same cost, and its CPU is taken from the workers; resting as long as it wrote keeps the writer to about half
    /// of the time, and the next write takes what the workers extracted meanwhile. The end of the input ends a rest.
    /// </summary>
    public TimeSpan MaxWriteRest { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// Into a store that holds no report yet (or whose last such load was cut short), store without merging and build
    /// every attack once at the end (<see cref="IBulkMerge"/>), instead of merging write by write: a bulk load's reports
    /// fall on every day of its span, so each write would recompute the whole ledger so far. The attacks are the same;
    /// until the end the store says they are not built yet. Off, writes merge as they land.
    /// </summary>
    public bool MergeOnceIntoEmptyStore { get; init; }

    /// <summary>
    /// The fewest inputs that make a run a bulk load for <see cref="MergeOnceIntoEmptyStore"/>: fewer are stored in one or
    /// two writes, where merging as they land costs no more than one merge at the end and the attacks are there as soon
    /// as each write commits.
    /// </summary>
    public int BulkMinInputs { get; init; } = 1024;

    /// <summary>Store reports pending, for <c>sitrep worker</c>, instead of extracting here.</summary>
    public bool Defer { get; init; }

    /// <summary>Publication date for reports that carry none.</summary>
    public DateOnly? DefaultPublished { get; init; }

    public long MaxBytes { get; init; } = FileLoader.DefaultMaxBytes;

    /// <summary>Name and version of the extractor, stored with what it produced.</summary>
    public string Extractor { get; init; } = "";

    /// <summary>The usernames of Telegram chats, for the URLs of exported messages (<c>--channel</c>).</summary>
    public Readers.TelegramChannels? Telegram { get; init; }
}

/// <summary>An input that was not (wholly) read, and why.</summary>
public sealed record IngestFailure(string Source, ReadError Error);

/// <summary>What a run did. <see cref="Complete"/> when every input was read whole and the run was not stopped.</summary>
public sealed record IngestSummary(
    int Inputs, int InputsRead, int Skipped, long Reports, long New, long NewVersions, long Known, IReadOnlyList<IngestFailure> Failures,
    bool Interrupted, TimeSpan Elapsed)
{
    public bool Complete => Failures.Count == 0 && !Interrupted;

    /// <summary>The messages of the Telegram exports read; null when none was.</summary>
    public Readers.TelegramTally? Telegram { get; init; }

    /// <summary>The one merge of a bulk load into an empty store (<see cref="IngestOptions.MergeOnceIntoEmptyStore"/>); null when writes merged as they landed.</summary>
    public MergeSummary? MergedAtEnd { get; init; }
}

/// <summary>Live counters of a run, safe to read from another thread (for a progress bar).</summary>
public sealed class IngestProgress
{
    internal long InputsDoneField;
    internal long ReportsField;
    internal long NewField;
    internal long KnownField;
    internal long FailedField;

    public int Inputs { get; internal set; }

    public long InputsDone => Interlocked.Read(ref InputsDoneField);

    public long Reports => Interlocked.Read(ref ReportsField);

    /// <summary>New reports and new versions written so far.</summary>
    public long Stored => Interlocked.Read(ref NewField);

    public long Known => Interlocked.Read(ref KnownField);

    public long Failed => Interlocked.Read(ref FailedField);

    public Stopwatch Clock { get; } = new();
}

/// <summary>
/// The parallel ingest loop. Inputs flow through bounded channels: workers (one per core) read each input,
/// hash its reports, drop those the store already has, and extract the rest; one writer stores them in batched
/// transactions. A bad input is a failure in the summary, never the end of the run. Stopping (the token) lets
/// the writer store what was already extracted; whatever was not stored is read again next time, and nothing
/// is stored twice.
/// </summary>
public sealed class IngestRunner(IEventStore store, Func<Article, Extraction>? extract, ReportFetcher? fetcher, IngestOptions options)
{
    private readonly ConcurrentDictionary<UInt128, byte> _seen = new();
    private readonly ConcurrentQueue<IngestFailure> _failures = new();
    private long _newVersions;

    /// <summary>
    /// The caller's stop, checked beside the workers' linked token: a stop is set on it before any of its callbacks run,
    /// while the linked token is cancelled by one of them, so a read that a stop cut short (standard input) could
    /// otherwise be seen before the linked token says so, and be counted as a failed input instead of one not read.
    /// </summary>
    private CancellationToken _callerStop;
    private long _telegramExports;
    private Readers.TelegramTally _telegram;
    private readonly Lock _telegramLock = new();

    public IngestProgress Progress { get; } = new();

    public async Task<IngestSummary> RunAsync(IReadOnlyList<InputItem> items, CancellationToken cancellationToken = default)
    {
        _callerStop = cancellationToken;
        if (!options.Defer && extract is null)
        {
            throw new ArgumentException("An extractor is needed unless reports are deferred to workers.", nameof(extract));
        }

        Progress.Clock.Start();
        var skipped = items.Count(i => i.Kind == InputKind.Skipped);
        var work = items.Where(i => i.Kind != InputKind.Skipped).ToList();
        // A load cut short before its merge is finished as one, whatever this run's size.
        var bulk = options.MergeOnceIntoEmptyStore && !options.Defer && store is IBulkMerge b
            && await b.TryBeginBulkMergeAsync(startIfEmpty: work.Count >= options.BulkMinInputs, cancellationToken).ConfigureAwait(false) ? b : null;
        Progress.Inputs = work.Count;

        var inputs = Channel.CreateBounded<InputItem>(new BoundedChannelOptions(options.Parallelism * 4) { SingleWriter = true });
        var toWrite = Channel.CreateBounded<ReportSubmission>(new BoundedChannelOptions(Math.Max(options.BatchSize, options.MaxBatchSize)) { SingleReader = true });

        // The writer does not take the caller's token: on a stop it still stores what the workers finished.
        // If the writer fails (the store went away), the workers stop too, and its error ends the run.
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var inputDone = new CancellationTokenSource();
        var writer = Task.Run(() => WriteAsync(toWrite.Reader, inputDone.Token, CancellationToken.None), CancellationToken.None);
        _ = writer.ContinueWith(_ => stop.Cancel(), CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
        var workers = Enumerable.Range(0, Math.Max(1, options.Parallelism))
            .Select(_ => Task.Run(() => WorkAsync(inputs.Reader, toWrite.Writer, stop.Token), CancellationToken.None))
            .ToArray();
        // A worker that fails (the store refused its known-report check) stops the run too: else, with every worker gone,
        // nothing reads the inputs and the loop below waits on a full queue for ever; its error ends the run.
        foreach (var worker in workers)
        {
            _ = worker.ContinueWith(_ => stop.Cancel(), CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
        }

        var interrupted = false;
        try
        {
            foreach (var item in work)
            {
                await inputs.Writer.WriteAsync(item, stop.Token).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException)
        {
            interrupted = true;
        }

        inputs.Writer.TryComplete();
        try
        {
            await Task.WhenAll(workers).ConfigureAwait(false);
        }
        finally
        {
            toWrite.Writer.TryComplete();
            await inputDone.CancelAsync().ConfigureAwait(false);
        }

        await writer.ConfigureAwait(false);
        interrupted |= cancellationToken.IsCancellationRequested;
        MergeSummary? merged = null;
        if (bulk is not null && !interrupted)
        {
            // A stop during it leaves the load's mark: the next run (or 'sitrep merge --rebuild') builds the attacks.
            try
            {
                merged = await bulk.FinishBulkMergeAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                interrupted = true;
            }
        }

        Progress.Clock.Stop();

        var failures = _failures.ToList();
        var read = (int)Progress.InputsDone - failures.Count(f => f.Error.Code != "SR015");
        return new IngestSummary(
            work.Count, Math.Max(0, read), skipped, Progress.Reports, Progress.Stored - Interlocked.Read(ref _newVersions),
            Interlocked.Read(ref _newVersions), Progress.Known, [.. failures.OrderBy(f => f.Source, StringComparer.Ordinal)], interrupted,
            Progress.Clock.Elapsed)
        {
            Telegram = Interlocked.Read(ref _telegramExports) > 0 ? _telegram : null,
            MergedAtEnd = merged,
        };
    }

    /// <summary>Most new reports a worker checks against the store in one query (inputs already waiting join it).</summary>
    private const int KnownCheckBatch = 64;

    private async Task WorkAsync(ChannelReader<InputItem> inputs, ChannelWriter<ReportSubmission> output, CancellationToken ct)
    {
        var fresh = new List<Fresh>();
        try
        {
            await foreach (var item in inputs.ReadAllAsync(ct).ConfigureAwait(false))
            {
                // Inputs already waiting join this one, so many small files cost one query for the reports the store
                // has, not one each; a part of many reports (a Telegram export's, a JSON array's) is checked on its own.
                var taken = 1;
                await TakeAsync(item, fresh, output, ct).ConfigureAwait(false);
                while (fresh.Count < KnownCheckBatch && inputs.TryRead(out var next))
                {
                    // Standard input or an address may wait for a long time (a pipe still open, a slow server): what
                    // was read before it goes on to be stored first, not held back behind it.
                    if (MayWait(next))
                    {
                        await FlushAsync(fresh, output, ct).ConfigureAwait(false);
                        Interlocked.Add(ref Progress.InputsDoneField, taken);
                        taken = 0;
                    }

                    taken++;
                    await TakeAsync(next, fresh, output, ct).ConfigureAwait(false);
                }

                await FlushAsync(fresh, output, ct).ConfigureAwait(false);
                Interlocked.Add(ref Progress.InputsDoneField, taken);
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested || _callerStop.IsCancellationRequested)
        {
        }
    }

    private static bool MayWait(InputItem item) =>
        item.Kind == InputKind.Url || item.Source == ReportInputs.StandardInput;

    /// <summary>A report read and hashed, new to this run, with the input it came from.</summary>
    private readonly record struct Fresh(Article Article, string Hash, ReportKey Key, string Source);

    /// <summary>Reads an input's reports into <paramref name="fresh"/>, checking them in a batch whenever it fills.</summary>
    private async Task TakeAsync(InputItem item, List<Fresh> fresh, ChannelWriter<ReportSubmission> output, CancellationToken ct)
    {
        // A Telegram export comes in parts, streamed; any other input is one part.
        var parts = item.Kind == InputKind.File
            ? ReportReader.ReadFileInParts(item.Source, ReportFormat.Auto, options.MaxBytes, options.Telegram)
            : [await ReadAsync(item, ct).ConfigureAwait(false)];
        foreach (var result in parts)
        {
            if (ct.IsCancellationRequested || _callerStop.IsCancellationRequested)
            {
                throw new OperationCanceledException(ct);
            }

            Count(result);
            if (result.Error is not null)
            {
                _failures.Enqueue(new IngestFailure(item.Source, result.Error));
                Interlocked.Increment(ref Progress.FailedField);
            }

            foreach (var a in result.Articles)
            {
                var article = a.Published is null && options.DefaultPublished is not null ? a with { Published = options.DefaultPublished } : a;
                var hash = ContentHash.Of(article.Text);
                var key = ReportKey.Of(article, hash);
                Interlocked.Increment(ref Progress.ReportsField);
                if (!_seen.TryAdd(Fingerprint(key), 0))
                {
                    Interlocked.Increment(ref Progress.KnownField);
                    continue;
                }

                fresh.Add(new Fresh(article, hash, key, item.Source));
            }

            if (fresh.Count >= KnownCheckBatch)
            {
                await FlushAsync(fresh, output, ct).ConfigureAwait(false);
            }
        }
    }

    /// <summary>Drops the reports the store already has, extracts the rest and hands them to the writer.</summary>
    private async Task FlushAsync(List<Fresh> fresh, ChannelWriter<ReportSubmission> output, CancellationToken ct)
    {
        if (fresh.Count == 0)
        {
            return;
        }

        var known = await store.FindKnownAsync([.. fresh.Select(f => f.Key)], ct).ConfigureAwait(false);
        Interlocked.Add(ref Progress.KnownField, fresh.RemoveAll(f => known.Contains(f.Key)));
        var extractions = ExtractAll(fresh, ct);
        for (var i = 0; i < fresh.Count; i++)
        {
            var f = fresh[i];
            await output.WriteAsync(new ReportSubmission(f.Article, f.Hash, f.Source, extractions?[i], options.Extractor), ct).ConfigureAwait(false);
        }

        fresh.Clear();
    }

    private void Count(ReadResult result)
    {
        if (result.Telegram is { } t)
        {
            lock (_telegramLock)
            {
                _telegram += t;
            }

            Interlocked.Exchange(ref _telegramExports, 1);
        }
    }

    private async Task<ReadResult> ReadAsync(InputItem item, CancellationToken ct)
    {
        switch (item.Kind)
        {
            case InputKind.Invalid:
                return ReadResult.Fail(item.Source, item.Error ?? ErrorCatalogue.UnsupportedAddress(item.Source));
            case InputKind.Url when fetcher is not null:
                return (await fetcher.FetchAsync(item.Source, ReportFormat.Auto, ct).ConfigureAwait(false)).Result;
            case InputKind.Url:
                return ReadResult.Fail(item.Source, ErrorCatalogue.UnsupportedAddress(item.Source));
            default:
                return ReportReader.ReadFile(item.Source, ReportFormat.Auto, options.MaxBytes);
        }
    }

    /// <summary>
    /// The extractions of a batch of new reports, in order; null when deferred. The reports of one input (a Telegram
    /// export's, a JSON array's) are extracted on every core, so one big input is not extracted by one worker alone.
    /// </summary>
    private Extraction[]? ExtractAll(List<Fresh> fresh, CancellationToken ct)
    {
        if (options.Defer)
        {
            return null;
        }

        // Reports of several inputs are extracted here, one after the other: the other workers keep the other cores busy.
        var extractions = new Extraction[fresh.Count];
        if (fresh.Count == 1 || options.Parallelism <= 1 || fresh.Exists(f => f.Source != fresh[0].Source))
        {
            for (var i = 0; i < fresh.Count; i++)
            {
                extractions[i] = SafeExtract(fresh[i].Article);
            }

            return extractions;
        }

        Parallel.For(0, fresh.Count, new ParallelOptions { MaxDegreeOfParallelism = options.Parallelism, CancellationToken = ct },
            i => extractions[i] = SafeExtract(fresh[i].Article));
        return extractions;
    }

    private Extraction SafeExtract(Article article)
    {
        try
        {
            return extract!(article);
        }
#pragma warning disable CA1031 // The engine promises not to throw; if it does, that report carries the error, the run goes on.
        catch (Exception e)
#pragma warning restore CA1031
        {
            return new Extraction(article)
            {
                Diagnostics = [new Diagnostic("ST100", DiagnosticSeverity.Error, $"Extraction failed: {e.GetType().Name}: {e.Message}")],
            };
        }
    }

    private async Task WriteAsync(ChannelReader<ReportSubmission> reader, CancellationToken inputDone, CancellationToken ct)
    {
        var batch = new List<ReportSubmission>(options.BatchSize);
        var warm = store as IMergeWarmup;
        var rest = TimeSpan.Zero;
        while (await reader.WaitToReadAsync(ct).ConfigureAwait(false))
        {
            // After a write, rest as long as it took (see IngestOptions.MaxWriteRest) while the workers go on: until the
            // input ends or the queue is full.
            var restUntil = Stopwatch.GetTimestamp() + (long)(rest.TotalSeconds * Stopwatch.Frequency);
            while (!inputDone.IsCancellationRequested && reader.Count < options.MaxBatchSize
                   && Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), restUntil) is var left && left > TimeSpan.Zero)
            {
                try
                {
                    await Task.Delay(left < RestPoll ? left : RestPoll, inputDone).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (inputDone.IsCancellationRequested)
                {
                }
            }

            var deadline = Stopwatch.GetTimestamp() + (long)(options.MaxBatchDelay.TotalSeconds * Stopwatch.Frequency);
            var chars = 0L;
            while (batch.Count < options.BatchSize && chars < options.MaxBatchChars)
            {
                if (reader.TryRead(out var s))
                {
                    batch.Add(s);
                    chars += s.Article.Text.Length;
                    continue;
                }

                var wait = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), deadline);
                if (wait <= TimeSpan.Zero)
                {
                    break;
                }

                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
                timeout.CancelAfter(wait);
                try
                {
                    if (!await reader.WaitToReadAsync(timeout.Token).ConfigureAwait(false))
                    {
                        break;
                    }
                }
                catch (OperationCanceledException) when (!ct.IsCancellationRequested)
                {
                    break;
                }
            }

            // Before the first write, the stored events its merge will read are read while the workers go on extracting
            // (on a full ledger, the first write of a process would otherwise spend a second reading them cold).
            if (warm is not null && batch.Count > 0)
            {
                await warm.WarmMergeAsync(batch, ct).ConfigureAwait(false);
                warm = null;
            }

            // Whatever else is already waiting joins it (group commit), up to the batch's size and text limits.
            while (batch.Count < Math.Max(options.BatchSize, options.MaxBatchSize) && chars < options.MaxBatchChars && reader.TryRead(out var more))
            {
                batch.Add(more);
                chars += more.Article.Text.Length;
            }

            if (batch.Count > 0)
            {
                var started = Stopwatch.GetTimestamp();
                await SaveAsync(batch, ct).ConfigureAwait(false);
                batch.Clear();
                rest = Stopwatch.GetElapsedTime(started);
                rest = rest < options.MaxWriteRest ? rest : options.MaxWriteRest;
            }
        }
    }

    /// <summary>How often a resting writer checks whether its queue is full.</summary>
    private static readonly TimeSpan RestPoll = TimeSpan.FromMilliseconds(50);

    private async Task SaveAsync(List<ReportSubmission> batch, CancellationToken ct)
    {
        var admissions = await store.SaveAsync(batch, ct).ConfigureAwait(false);
        foreach (var a in admissions)
        {
            switch (a.Status)
            {
                case AdmissionStatus.Known:
                    Interlocked.Increment(ref Progress.KnownField);
                    break;
                case AdmissionStatus.NewVersion:
                    Interlocked.Increment(ref _newVersions);
                    Interlocked.Increment(ref Progress.NewField);
                    break;
                default:
                    Interlocked.Increment(ref Progress.NewField);
                    break;
            }
        }
    }

    /// <summary>128 bits of SHA-256 over the key: enough to tell a run's reports apart, in 16 bytes each.</summary>
    private static UInt128 Fingerprint(ReportKey key)
    {
        Span<byte> digest = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(key.UrlKey + "\n" + key.ContentHash), digest);
        return System.Buffers.Binary.BinaryPrimitives.ReadUInt128LittleEndian(digest);
    }
}
