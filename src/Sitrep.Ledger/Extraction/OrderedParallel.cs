namespace Sitrep.Ledger.Extraction;

/// <summary>
/// Maps items on several threads and hands the results to one sink in input order, with at most a fixed number of
/// items between being read and being written: the caller's enumeration (reading files) and the sink (writing output)
/// run on the calling thread, the map (extracting, formatting) on up to <c>workers</c> threads. Memory stays flat
/// however long the input, and the output is the same as mapping one item after another.
/// </summary>
/// <remarks>
/// With one worker nothing is scheduled: each item is mapped and written before the next is read. An exception thrown
/// by the map is rethrown, on the calling thread, when its item's turn to be written comes; the items after it are
/// not written.
/// </remarks>
public static class OrderedParallel
{
    /// <summary>In-flight items per worker when no window is given: enough to keep every worker busy while the sink writes.</summary>
    public const int WindowPerWorker = 16;

    /// <summary>
    /// Maps each of <paramref name="items"/> with <paramref name="map"/> on up to <paramref name="workers"/> threads and
    /// calls <paramref name="sink"/> with the results in the order of <paramref name="items"/>, holding at most
    /// <paramref name="window"/> (default <see cref="WindowPerWorker"/> × workers) items mapped or being mapped but not yet written.
    /// </summary>
    public static void Run<TIn, TOut>(IEnumerable<TIn> items, Func<TIn, TOut> map, Action<TOut> sink, int workers, int window = 0)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(map);
        ArgumentNullException.ThrowIfNull(sink);
        if (workers <= 1)
        {
            foreach (var item in items)
            {
                sink(map(item));
            }

            return;
        }

        window = window > 0 ? window : workers * WindowPerWorker;
        var scheduler = new ConcurrentExclusiveSchedulerPair(TaskScheduler.Default, workers).ConcurrentScheduler;
        var factory = new TaskFactory<TOut>(CancellationToken.None, TaskCreationOptions.None, TaskContinuationOptions.None, scheduler);
        var pending = new Queue<Task<TOut>>(window);
        try
        {
            foreach (var item in items)
            {
                if (pending.Count >= window)
                {
                    sink(pending.Dequeue().GetAwaiter().GetResult());
                }

                var captured = item;
                pending.Enqueue(factory.StartNew(() => map(captured)));
            }

            while (pending.Count > 0)
            {
                sink(pending.Dequeue().GetAwaiter().GetResult());
            }
        }
        finally
        {
            // On an exception (the map's, the sink's, the enumeration's), let what was started finish before returning, so
            // that no map runs on after the caller has moved on; their results are dropped.
            foreach (var t in pending)
            {
                try
                {
                    t.Wait();
                }
                catch (AggregateException)
                {
                }
            }
        }
    }
}
