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
        if (_entries.Count >= capacity)
        {
            _entries.Clear();
        }

        _entries[id] = (stamp, value);
    }
}
