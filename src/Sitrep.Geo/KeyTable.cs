using System.Runtime.InteropServices;

namespace Sitrep.Geo;

/// <summary>
/// An immutable hash table from folded keys to list ids, built for loading fast and looking up without
/// allocating: all keys live in one char array, and an open-addressing bucket array (linear probing, a
/// power of two at most three-quarters full) points at them. The hash is FNV-1a over UTF-16 code units, so it does
/// not change between runs. Thread-safe once built.
/// </summary>
internal sealed class KeyTable
{
    private readonly char[] blob;
    private readonly int[] offsets;
    private readonly int[] lengths;
    private readonly int[] lists;
    private readonly int[] buckets;
    private readonly int mask;

    /// <summary>A table over keys stored back to back in <paramref name="blob"/>, with its buckets when known.</summary>
    public KeyTable(char[] blob, int[] offsets, int[] lengths, int[] lists, int[]? prebuilt = null)
    {
        this.blob = blob;
        this.offsets = offsets;
        this.lengths = lengths;
        this.lists = lists;
        if (prebuilt is not null)
        {
            buckets = prebuilt;
            mask = prebuilt.Length - 1;
            return;
        }

        var size = 16;
        while (size < offsets.Length + (offsets.Length / 3) + 1)
        {
            size <<= 1;
        }

        buckets = new int[size];
        mask = size - 1;
        for (var k = 0; k < offsets.Length; k++)
        {
            var slot = (int)(Hash(Key(k)) & (uint)mask);
            while (buckets[slot] != 0)
            {
                slot = (slot + 1) & mask;
            }

            buckets[slot] = k + 1;
        }
    }

    /// <summary>How many keys there are.</summary>
    public int Count => offsets.Length;

    /// <summary>The key with index <paramref name="k"/>.</summary>
    public ReadOnlySpan<char> Key(int k) => blob.AsSpan(offsets[k], lengths[k]);

    /// <summary>The list id of a key; false when the key is not in the table.</summary>
    public bool TryGet(ReadOnlySpan<char> key, out int list)
    {
        var slot = (int)(Hash(key) & (uint)mask);
        while (true)
        {
            var k = buckets[slot] - 1;
            if (k < 0)
            {
                list = -1;
                return false;
            }

            if (lengths[k] == key.Length && blob.AsSpan(offsets[k], lengths[k]).SequenceEqual(key))
            {
                list = lists[k];
                return true;
            }

            slot = (slot + 1) & mask;
        }
    }

    /// <summary>Builds a table from keys and their list ids.</summary>
    public static KeyTable Create(IReadOnlyList<(string Key, int List)> keys)
    {
        var total = 0;
        foreach (var (key, _) in keys)
        {
            total += key.Length;
        }

        var blob = new char[total];
        var offsets = new int[keys.Count];
        var lengths = new int[keys.Count];
        var lists = new int[keys.Count];
        var at = 0;
        for (var k = 0; k < keys.Count; k++)
        {
            var (key, list) = keys[k];
            key.CopyTo(blob.AsSpan(at));
            offsets[k] = at;
            lengths[k] = key.Length;
            lists[k] = list;
            at += key.Length;
        }

        return new KeyTable(blob, offsets, lengths, lists);
    }

    /// <summary>Writes the table: key count, blob length, bucket count, blob (UTF-16), offsets, lengths, list ids, buckets.</summary>
    public void Write(BinaryWriter w)
    {
        w.Write(offsets.Length);
        w.Write(blob.Length);
        w.Write(buckets.Length);
        w.Write(MemoryMarshal.AsBytes(blob.AsSpan()));
        w.Write(MemoryMarshal.AsBytes(offsets.AsSpan()));
        w.Write(MemoryMarshal.AsBytes(lengths.AsSpan()));
        w.Write(MemoryMarshal.AsBytes(lists.AsSpan()));
        w.Write(MemoryMarshal.AsBytes(buckets.AsSpan()));
    }

    /// <summary>Reads a table written by <see cref="Write"/>; list ids must be below <paramref name="listCount"/>.</summary>
    public static KeyTable Read(Stream stream, BinaryReader r, int listCount)
    {
        var count = r.ReadInt32();
        var chars = r.ReadInt32();
        var size = r.ReadInt32();
        if (count < 0 || chars < 0 || size < 16 || (size & (size - 1)) != 0 || size < count)
        {
            throw new InvalidDataException("bad key table sizes");
        }

        var blob = new char[chars];
        stream.ReadExactly(MemoryMarshal.AsBytes(blob.AsSpan()));
        var offsets = new int[count];
        var lengths = new int[count];
        var lists = new int[count];
        stream.ReadExactly(MemoryMarshal.AsBytes(offsets.AsSpan()));
        stream.ReadExactly(MemoryMarshal.AsBytes(lengths.AsSpan()));
        stream.ReadExactly(MemoryMarshal.AsBytes(lists.AsSpan()));
        var buckets = new int[size];
        stream.ReadExactly(MemoryMarshal.AsBytes(buckets.AsSpan()));
        var empty = 0;
        foreach (var b in buckets)
        {
            if ((uint)b > (uint)count)
            {
                throw new InvalidDataException("bucket out of range");
            }

            empty += b == 0 ? 1 : 0;
        }

        if (empty == 0)
        {
            throw new InvalidDataException("key table has no empty bucket");
        }

        for (var k = 0; k < count; k++)
        {
            if ((uint)offsets[k] > (uint)chars || (uint)lengths[k] > (uint)(chars - offsets[k]) || (uint)lists[k] >= (uint)listCount)
            {
                throw new InvalidDataException($"key {k} is out of range");
            }
        }

        return new KeyTable(blob, offsets, lengths, lists, buckets);
    }

    /// <summary>FNV-1a over UTF-16 code units.</summary>
    public static uint Hash(ReadOnlySpan<char> key)
    {
        var h = 2166136261u;
        foreach (var c in key)
        {
            h = (h ^ c) * 16777619u;
        }

        return h ^ (h >> 15);
    }
}
