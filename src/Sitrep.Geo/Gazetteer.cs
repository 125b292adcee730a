using System.Collections.Immutable;

namespace Sitrep.Geo;

/// <summary>
/// The offline gazetteer: every populated place of Ukraine, Russia, Belarus and Moldova in the GeoNames
/// data, the world's countries, capitals and large cities, the admin1 and admin2 divisions of the region,
/// and the project's supplement, each under all its folded names (see <see cref="PlaceNames.Fold"/>).
/// Immutable and thread-safe once built; load it once (<see cref="LoadDefault"/>) and share it.
/// <see cref="Find"/> allocates nothing, on a hit or a miss.
/// </summary>
public sealed class Gazetteer : IPlaceLookup
{
    /// <summary>The file the compiler writes (tools/Sitrep.GeoBuild), relative to the repository root.</summary>
    public const string DefaultRelativePath = "data/gazetteer.bin";

    /// <summary>The environment variable that names a gazetteer file to use instead of the default one.</summary>
    public const string PathVariable = "SITREP_GAZETTEER";

    private const int MinSkeletonLength = 4;
    private const int MinPossessiveLength = 5;

    private readonly ImmutableArray<GazetteerEntry>[] lists;
    private readonly KeyTable exact;
    private readonly KeyTable skeletons;
    private readonly Dictionary<string, GazetteerEntry> byId;
    private readonly Dictionary<string, GazetteerEntry> admin1ByName;

    internal Gazetteer(ImmutableArray<GazetteerEntry> entries, int[][] lists, KeyTable exact, KeyTable skeletons)
    {
        Entries = entries;
        this.exact = exact;
        this.skeletons = skeletons;
        this.lists = new ImmutableArray<GazetteerEntry>[lists.Length];
        for (var l = 0; l < lists.Length; l++)
        {
            var builder = ImmutableArray.CreateBuilder<GazetteerEntry>(lists[l].Length);
            foreach (var i in lists[l])
            {
                builder.Add(entries[i]);
            }

            this.lists[l] = builder.MoveToImmutable();
        }

        var maxWords = 1;
        for (var k = 0; k < exact.Count; k++)
        {
            maxWords = Math.Max(maxWords, exact.Key(k).Count(' ') + 1);
        }

        MaxWords = maxWords;
        var ids = new Dictionary<string, GazetteerEntry>(entries.Length, StringComparer.Ordinal);
        var admin1 = new Dictionary<string, GazetteerEntry>(StringComparer.Ordinal);
        foreach (var e in entries)
        {
            ids.TryAdd(e.Id, e);
            if (e.Feature == PlaceFeature.Admin1)
            {
                admin1.TryAdd(e.Country + "|" + e.Name, e);
            }
        }

        byId = ids;
        admin1ByName = admin1;
    }

    /// <summary>Every entry, in file order.</summary>
    public ImmutableArray<GazetteerEntry> Entries { get; }

    /// <inheritdoc/>
    public int MaxWords { get; }

    /// <summary>How many exact folded keys there are.</summary>
    public int KeyCount => exact.Count;

    /// <summary>
    /// The entries a folded name may mean (see <see cref="IPlaceLookup.Find"/>): first the exact key; then, for a
    /// Latin name of four letters or more, its romanisation skeleton ("Zaporozhzhia", "Avdiyivka"); then, for a
    /// name ending in "s", the name without it when that is a city of 10,000 or more, a region or a country
    /// ("Kharkivs" from "Kharkiv's"). Empty when nothing matches. Allocates nothing.
    /// </summary>
    public ImmutableArray<GazetteerEntry> Find(ReadOnlySpan<char> foldedName)
    {
        var hits = FindCore(foldedName);
        if (!hits.IsEmpty)
        {
            return hits;
        }

        if (foldedName.Length >= MinPossessiveLength && foldedName[^1] == 's' && foldedName[^2] != ' ')
        {
            hits = FindCore(foldedName[..^1]);
            if (!hits.IsEmpty && IsSignificant(hits[0]))
            {
                return hits;
            }
        }

        return [];
    }

    /// <summary>The entries under exactly this folded key, with no spelling variants; empty when none.</summary>
    public ImmutableArray<GazetteerEntry> FindExact(ReadOnlySpan<char> foldedName) =>
        exact.TryGet(foldedName, out var list) ? lists[list] : [];

    /// <summary>Folds <paramref name="name"/> and finds it (<see cref="Find"/>). Allocates the folded string.</summary>
    public ImmutableArray<GazetteerEntry> FindName(string name) => Find(PlaceNames.Fold(name));

    /// <summary>The entry with this id ("gn:703448", "admin1:UA.07"), or null.</summary>
    public GazetteerEntry? GetById(string id) => byId.GetValueOrDefault(id);

    /// <summary>The admin1 entry of a country by its canonical name ("UA", "Kharkiv Oblast"), or null.</summary>
    public GazetteerEntry? FindAdmin1(string country, string? admin1) =>
        admin1 is null ? null : admin1ByName.GetValueOrDefault(country + "|" + admin1);

    /// <summary>Loads a gazetteer file written by the compiler. Throws <see cref="GazetteerException"/> when it is missing or unreadable.</summary>
    public static Gazetteer Load(string path)
    {
        if (!File.Exists(path))
        {
            throw new GazetteerException($"GEO001: The gazetteer file '{path}' does not exist. Run ./setup.sh (or tools/build-gazetteer.sh) to build it.");
        }

        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
            return GazetteerFile.Read(stream);
        }
        catch (Exception ex) when (ex is IOException or InvalidDataException or EndOfStreamException or UnauthorizedAccessException)
        {
            throw new GazetteerException($"GEO002: The gazetteer file '{path}' could not be read ({ex.Message}). Rebuild it with ./setup.sh (or tools/build-gazetteer.sh).", ex);
        }
    }

    /// <summary>
    /// Loads the default gazetteer: the file named by the SITREP_GAZETTEER environment variable, else
    /// data/gazetteer.bin found by walking up from the application's directory and then from the current
    /// directory. Throws <see cref="GazetteerException"/> saying to run ./setup.sh when there is none.
    /// </summary>
    public static Gazetteer LoadDefault() => Load(FindDefaultPath() ?? throw new GazetteerException(
        $"GEO001: No gazetteer found: {DefaultRelativePath} is missing (looked upwards from '{AppContext.BaseDirectory}' and '{Environment.CurrentDirectory}', and {PathVariable} is not set). Run ./setup.sh to build it."));

    /// <summary>The path <see cref="LoadDefault"/> would load, or null when there is none.</summary>
    public static string? FindDefaultPath()
    {
        var fromEnv = Environment.GetEnvironmentVariable(PathVariable);
        if (!string.IsNullOrWhiteSpace(fromEnv))
        {
            return fromEnv;
        }

        foreach (var start in new[] { AppContext.BaseDirectory, Environment.CurrentDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, DefaultRelativePath);
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        return null;
    }

    /// <summary>
    /// A gazetteer from (name, entry) pairs, for tests and small lookups. Names are folded; an entry that
    /// appears under several names is one entry (by reference or equal value). Every name is ranked
    /// <see cref="NameRank.Current"/>; skeletons are built as for the compiled file.
    /// </summary>
    public static Gazetteer FromEntries(IEnumerable<(string name, GazetteerEntry entry)> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var index = new GazetteerIndex();
        var seen = new Dictionary<GazetteerEntry, int>();
        foreach (var (name, entry) in entries)
        {
            if (!seen.TryGetValue(entry, out var i))
            {
                i = index.Add(entry);
                seen[entry] = i;
            }

            index.AddName(name, i);
        }

        return index.ToGazetteer();
    }

    private ImmutableArray<GazetteerEntry> FindCore(ReadOnlySpan<char> folded)
    {
        if (folded.IsEmpty)
        {
            return [];
        }

        if (exact.TryGet(folded, out var list))
        {
            return lists[list];
        }

        if (folded.Length < MinSkeletonLength || folded.Length > PlaceNames.MaxSkeletonInput || folded[0] > 'z')
        {
            return [];
        }

        Span<char> buffer = stackalloc char[(folded.Length * 2) + 2]; // as small as the name: a stack buffer is zeroed on every call
        var n = PlaceNames.Skeleton(folded, buffer);
        return n > 0 && skeletons.TryGet(buffer[..n], out list) ? lists[list] : [];
    }

    /// <summary>
    /// False only when no key of two words or more begins with <paramref name="firstWord"/> (a folded word), nor, for a Latin
    /// word, a skeleton key with its skeleton: then no name of several words that begins with it is found (the skeleton of
    /// a name is its words' skeletons, a space between each). Allocates nothing once the tables are made (on first use).
    /// </summary>
    public bool MayBeginLongerName(ReadOnlySpan<char> firstWord)
    {
        var first = firstWords ?? MakeFirstWords();
        if (first.Exact.Contains(firstWord))
        {
            return true;
        }

        if (firstWord.IsEmpty || firstWord.Length > PlaceNames.MaxSkeletonInput || firstWord[0] > 'z')
        {
            return false; // no skeleton is looked up for such a name
        }

        Span<char> buffer = stackalloc char[(firstWord.Length * 2) + 2];
        var n = PlaceNames.Skeleton(firstWord, buffer);
        return n < 0 || first.Skeleton.Contains(buffer[..n]);
    }

    private FirstWords? firstWords;

    /// <summary>The first words of the keys of several words, exact and skeleton; made once, then only read.</summary>
    private sealed class FirstWords(KeyTable exact, KeyTable skeletons)
    {
        public HashSet<string>.AlternateLookup<ReadOnlySpan<char>> Exact { get; } = Of(exact);

        public HashSet<string>.AlternateLookup<ReadOnlySpan<char>> Skeleton { get; } = Of(skeletons);

        private static HashSet<string>.AlternateLookup<ReadOnlySpan<char>> Of(KeyTable table)
        {
            var words = new HashSet<string>(StringComparer.Ordinal);
            for (var k = 0; k < table.Count; k++)
            {
                var key = table.Key(k);
                var space = key.IndexOf(' ');
                if (space >= 0)
                {
                    words.Add(key[..space].ToString());
                }
            }

            return words.GetAlternateLookup<ReadOnlySpan<char>>();
        }
    }

    private FirstWords MakeFirstWords()
    {
        Interlocked.CompareExchange(ref firstWords, new FirstWords(exact, skeletons), null);
        return firstWords;
    }

    private static bool IsSignificant(GazetteerEntry e) =>
        e.Feature is PlaceFeature.Admin1 or PlaceFeature.Country || e.Population >= 10_000;
}

/// <summary>The gazetteer file is missing or unreadable; the message says what to do.</summary>
public sealed class GazetteerException : Exception
{
    public GazetteerException()
    {
    }

    public GazetteerException(string message)
        : base(message)
    {
    }

    public GazetteerException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
