using System.Collections.Immutable;
using System.Text;

namespace Sitrep.Geo;

/// <summary>
/// The compiled gazetteer's binary format (data/gazetteer.bin), little-endian, strings as .NET's
/// <see cref="BinaryWriter"/> writes them (7-bit length, UTF-8):
/// <code>
/// "SITREPGZ" version:int32
/// entries:int32 { id name feature:byte country admin1 admin2 lat:double lon:double population:int32 occupied:bool }
/// lists:int32 { count:7bit index:7bit* }                -- distinct entry lists, best entry first
/// exact table, skeleton table: keys:int32 chars:int32 size:int32 blob:char[chars] offsets:int32[keys] lengths:int32[keys] lists:int32[keys] buckets:int32[size]
/// </code>
/// An empty admin1 or admin2 string means none. Keys are folded names in UTF-16; the arrays are raw
/// little-endian, so loading is a few bulk reads. The compiler writes it; <see cref="Gazetteer.Load"/> reads it.
/// </summary>
public static class GazetteerFile
{
    /// <summary>Bumped whenever the layout changes; a reader refuses other versions.</summary>
    public const int Version = 3;

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

        var (lists, exact, skeletons) = Tables(index.BuildExact(), index.BuildSkeletons());
        w.Write(lists.Count);
        foreach (var list in lists)
        {
            w.Write7BitEncodedInt(list.Length);
            foreach (var i in list)
            {
                w.Write7BitEncodedInt(i);
            }
        }

        KeyTable.Create(exact).Write(w);
        KeyTable.Create(skeletons).Write(w);
    }

    /// <summary>Distinct entry lists, and both tables' keys pointing at them.</summary>
    internal static (List<int[]> Lists, List<(string, int)> Exact, List<(string, int)> Skeletons) Tables(
        List<KeyValuePair<string, int[]>> exact,
        List<KeyValuePair<string, int[]>> skeletons)
    {
        var lists = new List<int[]>();
        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        List<(string, int)> Map(List<KeyValuePair<string, int[]>> table)
        {
            var result = new List<(string, int)>(table.Count);
            foreach (var (key, indices) in table)
            {
                var signature = string.Join(',', indices);
                if (!ids.TryGetValue(signature, out var id))
                {
                    id = lists.Count;
                    lists.Add(indices);
                    ids[signature] = id;
                }

                result.Add((key, id));
            }

            return result;
        }

        var e = Map(exact);
        var s = Map(skeletons);
        return (lists, e, s);
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

        var listCount = r.ReadInt32();
        var lists = new int[listCount][];
        for (var l = 0; l < listCount; l++)
        {
            var m = r.Read7BitEncodedInt();
            var indices = new int[m];
            for (var j = 0; j < m; j++)
            {
                var i = r.Read7BitEncodedInt();
                if ((uint)i >= (uint)count)
                {
                    throw new InvalidDataException($"list {l} points at entry {i} of {count}");
                }

                indices[j] = i;
            }

            lists[l] = indices;
        }

        var exact = KeyTable.Read(stream, r, listCount);
        var skeletons = KeyTable.Read(stream, r, listCount);
        return new Gazetteer(entries.MoveToImmutable(), lists, exact, skeletons);
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
