using Sitrep.Ledger.Extraction;

namespace Sitrep.Ledger.Tests.Extraction;

/// <summary>The ordered, bounded parallel map <c>sitrep extract</c> runs on: input order kept, the window held, errors surfaced.</summary>
public sealed class OrderedParallelTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(4)]
    public void Results_reach_the_sink_in_input_order_however_long_each_map_takes(int workers)
    {
        var written = new List<int>();
        OrderedParallel.Run(Enumerable.Range(0, 300), i =>
        {
            // later items often finish first
            Thread.SpinWait((300 - i) % 7 * 20_000);
            return i * 10;
        }, written.Add, workers);

        Assert.Equal(Enumerable.Range(0, 300).Select(i => i * 10), written);
    }

    [Fact]
    public void No_more_items_are_read_ahead_of_the_sink_than_the_window()
    {
        var read = 0;
        var sunk = 0;
        var worst = 0;
        IEnumerable<int> Items()
        {
            for (var i = 0; i < 500; i++)
            {
                read++;
                worst = Math.Max(worst, read - sunk);
                yield return i;
            }
        }

        OrderedParallel.Run(Items(), i => i, _ => sunk++, workers: 2, window: 8);
        Assert.Equal(500, sunk);

        // the window's 8 in flight, and the one just read before the head is written
        Assert.InRange(worst, 2, 9);
    }

    [Fact]
    public void Maps_run_at_once_on_up_to_the_workers_and_no_more()
    {
        var running = 0;
        var most = 0;
        OrderedParallel.Run(Enumerable.Range(0, 64), i =>
        {
            var now = Interlocked.Increment(ref running);
            InterlockedMax(ref most, now);
            Thread.Sleep(5);
            Interlocked.Decrement(ref running);
            return i;
        }, _ => { }, workers: 3);

        Assert.InRange(most, 1, 3);
    }

    [Fact]
    public void A_failing_map_is_rethrown_at_its_turn_and_nothing_after_it_is_written()
    {
        var written = new List<int>();
        var e = Assert.Throws<InvalidOperationException>(() => OrderedParallel.Run(Enumerable.Range(0, 100),
            i => i == 40 ? throw new InvalidOperationException("forty") : i, written.Add, workers: 2));

        Assert.Equal("forty", e.Message);
        Assert.Equal(Enumerable.Range(0, 40), written);
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int seen;
        while ((seen = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, seen) != seen)
        {
        }
    }
}
