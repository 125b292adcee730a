using System.Collections.Concurrent;

namespace Sitrep.Storage;

/// <summary>
/// Values kept by id under a stamp (a report's extraction time as the store gives it): a value is found only under the
/// stamp it was put with, so an entry made before a re-extraction, or for an id a rolled-back write had used, is never
/// served. Bounded: past its capacity it starts again empty. Thread-safe.
/// </summary>
internal sealed class StampedCache<T>(int capacity)
{
    private readonly ConcurrentDictionary<long, (string Stamp, T Value)> _entries = new();

    /// <summary>About how many entries there are (ConcurrentDictionary's own Count takes every lock, on every put).</summary>
    private int _count;

    /// <summary>About how many entries there are.</summary>
    public int Count => Volatile.Read(ref _count);

    /// <summary>Forgets every entry.</summary>
    public void Clear()
    {
        _entries.Clear();
        Volatile.Write(ref _count, 0);
    }

    public bool TryGet(long id, string stamp, out T value)
    {
        if (_entries.TryGetValue(id, out var hit) && hit.Stamp == stamp)
        {
            value = hit.Value;
            return true;
        }

        value = default!;
        return false;
    }

    public void Put(long id, string stamp, T value)
    {
        if (Volatile.Read(ref _count) >= capacity)
        {
            _entries.Clear();
            Volatile.Write(ref _count, 0);
        }

        if (_entries.TryAdd(id, (stamp, value)))
        {
            Interlocked.Increment(ref _count);
        }
        else
        {
            _entries[id] = (stamp, value);
        }
    }
}
