using System.Collections.Immutable;
using System.Text;

namespace Sitrep.Geo;

/// <summary>
/// The compiled gazetteer's binary format (data/gazetteer.bin), little-endian, strings as .NET's
/// <see cref="BinaryWriter"/> writes them (7-bit length, UTF-8):
/// <code>
/// "SITREPGZ" version:int32
/// entries:int32 { id name feature:byte country admin1 admin2 lat:double lon:double population:int32 occupied:bool }
/// exact keys:int32 { key count:7bit index:7bit* }     -- indices best first, keys in ordinal order
/// skeleton keys:int32 { key count:7bit index:7bit* }
/// </code>
/// An empty admin1 or admin2 string means none. The compiler writes it; <see cref="Gazetteer.Load"/> reads it.
/// </summary>
public static class GazetteerFile
{
    /// <summary>Bumped whenever the layout changes; a reader refuses other versions.</summary>
    public const int Version = 1;

    private static ReadOnlySpan<byte> Magic => "SITREPGZ"u8;

    /// <summary>Writes the index's entries and tables.</summary>
    public static void Write(Stream stream, GazetteerIndex index)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(index);
        using var w = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true);
        w.Write(Magic);
        w.Write(Version);
        w.Write(index.Entries.Count);
        foreach (var e in index.Entries)
        {
            w.Write(e.Id);
            w.Write(e.Name);
            w.Write((byte)e.Feature);
            w.Write(e.Country);
            w.Write(e.Admin1 ?? "");
            w.Write(e.Admin2 ?? "");
            w.Write(e.Latitude);
            w.Write(e.Longitude);
            w.Write(e.Population);
            w.Write(e.Occupied);
        }

        WriteTable(w, index.BuildExact());
        WriteTable(w, index.BuildSkeletons());
    }

    /// <summary>Reads a file written by <see cref="Write"/>. Throws <see cref="InvalidDataException"/> on a bad file.</summary>
    public static Gazetteer Read(Stream stream)
    {
        using var r = new BinaryReader(stream, Encoding.UTF8, leaveOpen: true);
        Span<byte> magic = stackalloc byte[8];
        r.BaseStream.ReadExactly(magic);
        if (!magic.SequenceEqual(Magic))
        {
            throw new InvalidDataException("not a Sitrep gazetteer file");
        }

        var version = r.ReadInt32();
        if (version != Version)
        {
            throw new InvalidDataException($"gazetteer format version {version}, this build reads version {Version}");
        }

        var count = r.ReadInt32();
        var entries = ImmutableArray.CreateBuilder<GazetteerEntry>(count);
        var pool = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < count; i++)
        {
            var id = r.ReadString();
            var name = r.ReadString();
            var feature = (PlaceFeature)r.ReadByte();
            var country = Intern(pool, r.ReadString());
            var admin1 = r.ReadString();
            var admin2 = r.ReadString();
            var lat = r.ReadDouble();
            var lon = r.ReadDouble();
            var population = r.ReadInt32();
            var occupied = r.ReadBoolean();
            entries.Add(new GazetteerEntry(id, name, feature, country, admin1.Length == 0 ? null : Intern(pool, admin1), lat, lon, population, occupied)
            {
                Admin2 = admin2.Length == 0 ? null : Intern(pool, admin2),
            });
        }

        var exact = ReadTable(r, count);
        var skeletons = ReadTable(r, count);
        return new Gazetteer(entries.MoveToImmutable(), exact, skeletons);
    }

    private static void WriteTable(BinaryWriter w, List<KeyValuePair<string, int[]>> table)
    {
        w.Write(table.Count);
        foreach (var (key, indices) in table)
        {
            w.Write(key);
            w.Write7BitEncodedInt(indices.Length);
            foreach (var i in indices)
            {
                w.Write7BitEncodedInt(i);
            }
        }
    }

    private static List<KeyValuePair<string, int[]>> ReadTable(BinaryReader r, int entryCount)
    {
        var n = r.ReadInt32();
        var table = new List<KeyValuePair<string, int[]>>(n);
        for (var k = 0; k < n; k++)
        {
            var key = r.ReadString();
            var m = r.Read7BitEncodedInt();
            var indices = new int[m];
            for (var j = 0; j < m; j++)
            {
                var i = r.Read7BitEncodedInt();
                if ((uint)i >= (uint)entryCount)
                {
                    throw new InvalidDataException($"key '{key}' points at entry {i} of {entryCount}");
                }

                indices[j] = i;
            }

            table.Add(new(key, indices));
        }

        return table;
    }

    private static string Intern(Dictionary<string, string> pool, string s)
    {
        if (pool.TryGetValue(s, out var existing))
        {
            return existing;
        }

        pool[s] = s;
        return s;
    }
}
