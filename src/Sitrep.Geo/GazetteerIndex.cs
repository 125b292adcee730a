using System.Collections.Immutable;

namespace Sitrep.Geo;

/// <summary>
/// How well a key names an entry: <see cref="Current"/> names come before <see cref="Former"/> ones when one
/// key means several places ("Pokrovsk" is today's name of the town in Donetsk Oblast and a former name of
/// Engels).
/// </summary>
public enum NameRank : byte
{
    /// <summary>The name the place is known by today, or a spelling or form of it.</summary>
    Current = 0,

    /// <summary>A former, foreign or alternate name from the data.</summary>
    Former = 1,

    /// <summary>
    /// A name the entry shares with the place it is named after: the bare "Kharkiv" of Kharkiv Oblast, or
    /// "Kyiv" of the city's admin1 unit. Ranked after the place itself.
    /// </summary>
    Shared = 2,
}

/// <summary>
/// Builds the two lookup tables of a gazetteer from (key, entry, rank) rows: exact folded keys, and the
/// romanisation skeletons of those keys (<see cref="PlaceNames.Skeleton(ReadOnlySpan{char}, Span{char})"/>).
/// Each table maps a key to entry indices ordered by rank, then population, then entry order. Mutable while
/// building, not thread-safe; the compiler writes its tables to the gazetteer file and
/// <see cref="Gazetteer.FromEntries"/> uses it in memory.
/// </summary>
public sealed class GazetteerIndex
{
    private readonly List<GazetteerEntry> entries = [];
    private readonly Dictionary<string, Dictionary<int, NameRank>> exact = new(StringComparer.Ordinal);

    /// <summary>The entries in the order they were added; indices in the tables point here.</summary>
    public IReadOnlyList<GazetteerEntry> Entries => entries;

    /// <summary>How many distinct exact keys there are.</summary>
    public int KeyCount => exact.Count;

    /// <summary>Adds an entry and returns its index.</summary>
    public int Add(GazetteerEntry entry)
    {
        entries.Add(entry);
        return entries.Count - 1;
    }

    /// <summary>
    /// Adds a name for the entry at <paramref name="index"/>. The name is folded here; names that fold to
    /// fewer than two characters are ignored. A name added twice keeps its best rank.
    /// </summary>
    public void AddName(string name, int index, NameRank rank = NameRank.Current)
    {
        var key = PlaceNames.Fold(name);
        AddKey(key, index, rank);
    }

    /// <summary>Adds an already folded key for the entry at <paramref name="index"/>.</summary>
    public void AddKey(string key, int index, NameRank rank = NameRank.Current)
    {
        if (key.Length < 2)
        {
            return;
        }

        if (!exact.TryGetValue(key, out var map))
        {
            map = [];
            exact[key] = map;
        }

        if (!map.TryGetValue(index, out var old) || rank < old)
        {
            map[index] = rank;
        }
    }

    /// <summary>The exact table: each folded key with its entry indices, best first.</summary>
    public List<KeyValuePair<string, int[]>> BuildExact() => Order(exact);

    /// <summary>
    /// The skeleton table: each skeleton with the entries of every key that has it, best first. Only
    /// skeletons of Latin keys are kept.
    /// </summary>
    public List<KeyValuePair<string, int[]>> BuildSkeletons()
    {
        var skeletons = new Dictionary<string, Dictionary<int, NameRank>>(StringComparer.Ordinal);
        foreach (var (key, map) in exact)
        {
            if (PlaceNames.HasCyrillic(key))
            {
                continue;
            }

            var skeleton = PlaceNames.Skeleton(key);
            if (!skeletons.TryGetValue(skeleton, out var merged))
            {
                merged = [];
                skeletons[skeleton] = merged;
            }

            foreach (var (index, rank) in map)
            {
                if (!merged.TryGetValue(index, out var old) || rank < old)
                {
                    merged[index] = rank;
                }
            }
        }

        return Order(skeletons);
    }

    private List<KeyValuePair<string, int[]>> Order(Dictionary<string, Dictionary<int, NameRank>> table)
    {
        var result = new List<KeyValuePair<string, int[]>>(table.Count);
        foreach (var (key, map) in table)
        {
            var indices = map.Keys.ToArray();
            Array.Sort(indices, (a, b) =>
            {
                var c = map[a].CompareTo(map[b]);
                if (c != 0)
                {
                    return c;
                }

                c = entries[b].Population.CompareTo(entries[a].Population);
                return c != 0 ? c : a.CompareTo(b);
            });
            result.Add(new(key, indices));
        }

        result.Sort((a, b) => string.CompareOrdinal(a.Key, b.Key));
        return result;
    }

    /// <summary>The immutable lookup over what was added.</summary>
    public Gazetteer ToGazetteer()
    {
        var (lists, exactKeys, skeletonKeys) = GazetteerFile.Tables(BuildExact(), BuildSkeletons());
        return new Gazetteer([.. entries], [.. lists], KeyTable.Create(exactKeys), KeyTable.Create(skeletonKeys));
    }
}
