using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;

namespace Sitrep.Core.Claimants;

/// <summary>
/// The claimant registry: the canonical bodies and offices that speak of strikes (Ukraine's air force, a regional
/// military administration, Russia's defence ministry, a governor, an outlet), and the words that name them in
/// English, Ukrainian and Russian. Data, not code: four tab-separated files embedded beside this class —
/// <c>claimants.tsv</c> (id, side, kind, place, admin1, name), <c>aliases.tsv</c> (names, abbreviations, people),
/// <c>places.tsv</c> (the names of the places its regional and city authorities speak for) and
/// <c>resolution-words.tsv</c> (synonyms, titles, scope words). Their headers say how to extend them.
/// <para>
/// Resolution (<see cref="TryResolve(string, Side, out ClaimantEntry?)"/>) folds the words (case, diacritics,
/// apostrophes and quotes, possessive 's, articles and the synonyms of the words file), then tries, in order:
/// an alias (the one with the most words wins, then the first in the text; an ambiguous alias takes the entry of
/// the context's side), and a title with a place ("the governor of the Kursk region", "head of the Sumy Regional
/// Military Administration", "голова Харківської ОВА" → that place's authority). The registry keeps its own
/// place names (it is in Core, which knows no gazetteer); they follow the region names of the gazetteer's
/// sources, and the Extraction stage passes the registry only the claimant's words.
/// </para>
/// Not a gazetteer and not an extractor: it says which known body some words name, never whether the words are a
/// claimant. Immutable and thread-safe (it remembers readings it has made, a bounded cache); load it once
/// (<see cref="Default"/>) and share it.
/// </summary>
public sealed partial class ClaimantRegistry
{
    public const string ClaimantsFile = "claimants.tsv";
    public const string AliasesFile = "aliases.tsv";
    public const string PlacesFile = "places.tsv";
    public const string WordsFile = "resolution-words.tsv";

    // The embedded registry starts with its entries alone (what naming a stored claim's canonical claimant needs: a
    // short command's JSON and CSV); what it resolves with is read at the first resolution.
    private static readonly Lazy<ClaimantRegistry> DefaultRegistry = new(() => ParseDeferred(
        DefaultText(ClaimantsFile), DefaultText(AliasesFile), DefaultText(PlacesFile), DefaultText(WordsFile)));

    private readonly FrozenDictionary<string, ClaimantEntry> _byId;
    private readonly Lazy<Index> _index;
    private const int PrefixLength = 3;

    private ClaimantRegistry(ImmutableArray<ClaimantEntry> entries, ImmutableArray<Alias> aliases, ImmutableArray<PlaceName> placeNames,
        Dictionary<string, List<ClaimantEntry>> byPlace, Words words)
    {
        Entries = entries;
        _byId = entries.ToFrozenDictionary(e => e.Id, StringComparer.Ordinal);
        _index = new Lazy<Index>(new Index(aliases, placeNames, byPlace, words));
    }

    /// <summary>A registry of <paramref name="entries"/> whose resolution indexes are built by <paramref name="index"/> at first use.</summary>
    private ClaimantRegistry(ImmutableArray<ClaimantEntry> entries, Func<Index> index)
    {
        Entries = entries;
        _byId = entries.ToFrozenDictionary(e => e.Id, StringComparer.Ordinal);
        _index = new Lazy<Index>(index, LazyThreadSafetyMode.ExecutionAndPublication);
    }

    private Index Resolver => _index.Value;

    /// <summary>The registry of the embedded data files; loaded and validated at first use.</summary>
    public static ClaimantRegistry Default => DefaultRegistry.Value;

    /// <summary>Every entry, in the order of <c>claimants.tsv</c>.</summary>
    public ImmutableArray<ClaimantEntry> Entries { get; }

    /// <summary>The text of one of the embedded data files (<see cref="ClaimantsFile"/>, <see cref="AliasesFile"/>, …).</summary>
    public static string DefaultText(string fileName)
    {
        var asm = typeof(ClaimantRegistry).Assembly;
        using var stream = asm.GetManifestResourceStream("Sitrep.Core.Claimants." + fileName)
            ?? throw new ClaimantRegistryException($"{fileName}: the claimant registry file is not embedded in {asm.GetName().Name}; check the EmbeddedResource item of Sitrep.Core.csproj.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>The entry with this id.</summary>
    public bool TryGet(string id, [NotNullWhen(true)] out ClaimantEntry? entry) => _byId.TryGetValue(id, out entry);

    /// <summary>The entry these words name ("the Russian Defence Ministry", "Gov. Vyacheslav Gladkov", "the governor of the Kursk region").</summary>
    public bool TryResolve(string words, [NotNullWhen(true)] out ClaimantEntry? entry) => TryResolve(words, Side.Unknown, out entry);

    /// <summary>
    /// The entry these words name; <paramref name="context"/> (the side the surrounding text speaks of) chooses among
    /// the entries of an ambiguous alias ("the defence ministry"), which names none without it.
    /// </summary>
    public bool TryResolve(string words, Side context, [NotNullWhen(true)] out ClaimantEntry? entry)
    {
        entry = Resolve(words, context)?.Entry;
        return entry is not null;
    }

    /// <summary>
    /// True when one word is a title ("голова", "губернатор", "mayor") or a place an authority speaks for
    /// ("Харківської", "Брянской"): words that name an office, never a person. False for several words.
    /// </summary>
    public bool IsTitleOrPlaceWord(string word)
    {
        var ix = Resolver;
        var tokens = ix.Words.Normalize(ClaimantNames.Tokens(word));
        if (tokens.Length != 1)
        {
            return false;
        }

        var t = tokens[0];
        if (ix.Words.RoleOf(t).Role is WordRole.Title or WordRole.Scope)
        {
            return true;
        }

        var candidates = ix.PlacesByWord.TryGetValue(t, out var exact) ? exact : [];
        var stemmed = t.Length >= PrefixLength && ix.PlacesByPrefix.TryGetValue(t[..PrefixLength], out var s) ? s : [];
        return candidates.Concat(stemmed).Concat(ix.ShortPlaces).Any(i => ix.PlaceNames[i].Tokens.Length == 1 && ix.PlaceNames[i].Find(tokens) is not null);
    }

    /// <summary>The entry these words name and how (<see cref="ClaimantResolution.Rule"/>: alias or title+place), or null.</summary>
    public ClaimantResolution? Resolve(string words, Side context = Side.Unknown) => Resolve(words, context, out _);

    /// <summary>
    /// The entry these words name, or null; <paramref name="ambiguous"/> says that they would name one with another
    /// context (an ambiguous alias with no context, or one of another side: "the defence ministry").
    /// </summary>
    public ClaimantResolution? Resolve(string words, Side context, out bool ambiguous)
    {
        // Claimants' words repeat across reports ("the Ukrainian air force"): their readings are kept, up to a bound.
        if (_cache.TryGetValue((words, context), out var known))
        {
            ambiguous = known.Ambiguous;
            return known.Resolution;
        }

        ambiguous = false;
        var ix = Resolver;
        var tokens = ix.Words.Normalize(ClaimantNames.Tokens(words));
        var whole = false;
        var resolution = tokens.Length == 0 ? null : ByAlias(tokens, context, ref ambiguous, ref whole);
        if (resolution is null || resolution.Entry.Kind == ClaimantKind.Government && !whole)
        {
            // "Authorities in Russia's Bryansk region": a title with a place names that place's authority, not the state's.
            resolution = ByTitleAndPlace(tokens, context) ?? resolution;
        }

        // The embedded registry's indexes come from a second reading of its files: name this registry's own entry.
        if (resolution is not null && _byId.TryGetValue(resolution.Entry.Id, out var own) && !ReferenceEquals(own, resolution.Entry))
        {
            resolution = resolution with { Entry = own };
        }

        if (_cache.Count < CacheLimit)
        {
            _cache.TryAdd((words, context), (resolution, ambiguous));
        }

        return resolution;
    }

    private const int CacheLimit = 50_000;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<(string, Side), (ClaimantResolution? Resolution, bool Ambiguous)> _cache = new();

    private ClaimantResolution? ByAlias(ImmutableArray<string> tokens, Side context, ref bool ambiguous, ref bool whole)
    {
        var ix = Resolver;
        Span<bool> seen = ix.Aliases.Length <= 4096 ? stackalloc bool[ix.Aliases.Length] : new bool[ix.Aliases.Length];
        var found = new List<(int Alias, int Position)>(4);
        void Try(int k, Span<bool> seen)
        {
            if (!seen[k])
            {
                seen[k] = true;
                if (ix.Aliases[k].Match(tokens) is int position)
                {
                    found.Add((k, position));
                }
            }
        }

        foreach (var t in tokens)
        {
            if (ix.AliasesByWord.TryGetValue(t, out var list))
            {
                foreach (var k in list)
                {
                    Try(k, seen);
                }
            }

            if (t.Length >= PrefixLength && ix.AliasesByPrefix.TryGetValue(t[..PrefixLength], out var stemmed))
            {
                foreach (var k in stemmed)
                {
                    Try(k, seen);
                }
            }
        }

        foreach (var k in ix.StemAliases)
        {
            Try(k, seen);
        }

        // The alias with the most words wins, then the first in the text, then the first in the file.
        found.Sort((x, y) => ix.Aliases[y.Alias].Tokens.Length != ix.Aliases[x.Alias].Tokens.Length
            ? ix.Aliases[y.Alias].Tokens.Length.CompareTo(ix.Aliases[x.Alias].Tokens.Length)
            : x.Position != y.Position ? x.Position.CompareTo(y.Position) : x.Alias.CompareTo(y.Alias));
        foreach (var (k, _) in found)
        {
            var alias = ix.Aliases[k];
            var entry = alias.Ids.Length == 1 ? alias.Ids[0] : null;
            if (entry is null && context != Side.Unknown)
            {
                foreach (var e in alias.Ids)
                {
                    if (e.Side == context)
                    {
                        entry = e;
                        break;
                    }
                }
            }

            if (entry is not null)
            {
                whole = alias.Whole;
                return new ClaimantResolution(entry, "alias", alias.Text);
            }

            ambiguous = true;
        }

        return null;
    }

    private ClaimantResolution? ByTitleAndPlace(ImmutableArray<string> tokens, Side context)
    {
        var ix = Resolver;
        PlaceName? place = null;
        var placeAt = -1;
        var candidates = new List<int>(ix.ShortPlaces);
        foreach (var t in tokens)
        {
            if (ix.PlacesByWord.TryGetValue(t, out var exact))
            {
                candidates.AddRange(exact);
            }

            if (t.Length >= PrefixLength && ix.PlacesByPrefix.TryGetValue(t[..PrefixLength], out var stemmed))
            {
                candidates.AddRange(stemmed);
            }
        }

        if (candidates.Count == 0)
        {
            return null;
        }

        candidates.Sort();
        var previous = -1;
        foreach (var index in candidates)
        {
            if (index == previous)
            {
                continue;
            }

            previous = index;
            var p = ix.PlaceNames[index];
            // "the Moscow-installed governor of Kherson": the place before "installed" is who installed him.
            if (p.Find(tokens) is int at && !(at + p.Tokens.Length < tokens.Length && ix.Words.RoleOf(tokens[at + p.Tokens.Length]).Role == WordRole.Occupied)
                && (place is null || p.Tokens.Length > place.Tokens.Length || p.Tokens.Length == place.Tokens.Length && at < placeAt))
            {
                place = p;
                placeAt = at;
            }
        }

        if (place is null)
        {
            return null;
        }

        var title = false;
        var city = false;
        var region = false;
        var occupied = false;
        for (var k = 0; k < tokens.Length; k++)
        {
            if (k >= placeAt && k < placeAt + place.Tokens.Length)
            {
                continue;
            }

            switch (ix.Words.RoleOf(tokens[k]))
            {
                case (WordRole.Title, var scope):
                    title = true;
                    city |= scope == "city";
                    region |= scope == "region";
                    break;
                case (WordRole.Scope, "none"):
                    return null; // a district or village head: not an authority the registry lists
                case (WordRole.Scope, var scope):
                    city |= scope == "city";
                    region |= scope == "region";
                    break;
                case (WordRole.Occupied, _):
                    occupied = true;
                    break;
            }
        }

        if (!title || !ix.ByPlace.TryGetValue(place.Place, out var entries))
        {
            return null;
        }

        occupied |= context == Side.Russia && entries.Any(e => e.Side == Side.Russia) && entries.Any(e => e.Side != Side.Russia);
        var kind = city && !region ? ClaimantKind.CityAuthority : ClaimantKind.RegionalAuthority;
        var pick = occupied
            ? entries.FirstOrDefault(e => e.Kind == kind && e.Side == Side.Russia) ?? entries.FirstOrDefault(e => e.Side == Side.Russia)
            : entries.FirstOrDefault(e => e.Kind == kind) ?? entries[0];
        return pick is null ? null : new ClaimantResolution(pick, "title+place", place.Text);
    }

    /// <summary>
    /// Reads and validates the four data files (their texts); throws <see cref="ClaimantRegistryException"/> naming
    /// the file and row of every problem: column counts, unknown kinds or sides, malformed or duplicate ids,
    /// duplicate aliases or place names, aliases or entries that name unknown ids or places.
    /// </summary>
    public static ClaimantRegistry Parse(string claimants, string aliases, string places, string words)
    {
        var problems = new List<string>();
        var w = Words.Parse(words, problems);

        // Places first: entries name them.
        var placeNames = ImmutableArray.CreateBuilder<PlaceName>();
        var placeKeys = new HashSet<string>(StringComparer.Ordinal);
        var nameRows = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (line, cols) in Rows(places))
        {
            if (cols.Length != 2)
            {
                problems.Add($"{PlacesFile}, row {line}: {cols.Length} columns; write 2 (place, names) separated by a tab.");
                continue;
            }

            if (!KeyPattern().IsMatch(cols[0]))
            {
                problems.Add($"{PlacesFile}, row {line}: '{cols[0]}' is not a place key; use lowercase letters, digits and '_'.");
                continue;
            }

            if (!placeKeys.Add(cols[0]))
            {
                problems.Add($"{PlacesFile}, row {line}: the place '{cols[0]}' is listed twice; give each place one row.");
                continue;
            }

            foreach (var name in cols[1].Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            {
                var tokens = w.NormalizePattern(ClaimantNames.Tokens(name, keepStems: true));
                if (tokens.Length == 0)
                {
                    problems.Add($"{PlacesFile}, row {line}: the name '{name}' has no letters.");
                    continue;
                }

                var key = string.Join(' ', tokens.Select(t => t.ToString()));
                if (nameRows.TryGetValue(key, out var other))
                {
                    problems.Add($"{PlacesFile}, row {line}: the name '{name}' is also on row {other}; write every name once.");
                    continue;
                }

                nameRows[key] = line;
                placeNames.Add(new PlaceName(cols[0], name, tokens));
            }
        }

        var entries = ImmutableArray.CreateBuilder<ClaimantEntry>();
        var byId = new Dictionary<string, (ClaimantEntry Entry, int Line)>(StringComparer.Ordinal);
        var places0 = new Dictionary<string, List<ClaimantEntry>>(StringComparer.Ordinal);
        var kinds = Enum.GetNames<ClaimantKind>().ToHashSet(StringComparer.Ordinal);
        foreach (var (line, cols) in Rows(claimants))
        {
            if (cols.Length != 6)
            {
                problems.Add($"{ClaimantsFile}, row {line}: {cols.Length} columns; write 6 (id, side, kind, place, admin1, name) separated by tabs.");
                continue;
            }

            var (id, sideText, kindText, place, admin1, name) = (cols[0], cols[1], cols[2], cols[3], cols[4], cols[5]);
            var ok = true;
            if (!IdPattern().IsMatch(id))
            {
                problems.Add($"{ClaimantsFile}, row {line}: '{id}' is not an id; write lowercase words of letters, digits and '_' joined by dots (ua.air_force).");
                ok = false;
            }
            else if (byId.TryGetValue(id, out var dup))
            {
                problems.Add($"{ClaimantsFile}, row {line}: the id '{id}' is also on row {dup.Line}; ids are unique.");
                ok = false;
            }

            if (!Parties.TryParseSide(sideText, out var side) || sideText.Length == 0)
            {
                problems.Add($"{ClaimantsFile}, row {line}: '{sideText}' is not a side; write UA, RU, BY, other or unknown.");
                ok = false;
            }

            if (!kinds.Contains(kindText))
            {
                problems.Add($"{ClaimantsFile}, row {line}: '{kindText}' is not a kind; write one of {string.Join(", ", kinds)}.");
                ok = false;
            }

            var kind = ok ? Enum.Parse<ClaimantKind>(kindText) : default;
            if (place != "-" && !placeKeys.Contains(place))
            {
                problems.Add($"{ClaimantsFile}, row {line}: the place '{place}' is not in {PlacesFile}; add it there or write '-'.");
                ok = false;
            }

            if (ok && kind is ClaimantKind.RegionalAuthority or ClaimantKind.CityAuthority && (place == "-" || admin1 == "-"))
            {
                problems.Add($"{ClaimantsFile}, row {line}: a {kind} needs its place and admin1.");
                ok = false;
            }

            if (name is "" or "-")
            {
                problems.Add($"{ClaimantsFile}, row {line}: the entry '{id}' has no name.");
                ok = false;
            }

            if (!ok)
            {
                continue;
            }

            var entry = new ClaimantEntry(id, name, side, kind) { Admin1 = admin1 == "-" ? null : admin1 };
            byId[id] = (entry, line);
            if (place != "-")
            {
                if (!places0.TryGetValue(place, out var list))
                {
                    places0[place] = list = [];
                }

                list.Add(entry);
            }
        }

        var aliasRows = new List<(int Line, string Text, string[] Ids, bool Whole, ImmutableArray<Pattern> Tokens)>();
        var aliasKeys = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (line, cols) in Rows(aliases))
        {
            if (cols.Length is not (3 or 4))
            {
                problems.Add($"{AliasesFile}, row {line}: {cols.Length} columns; write 3 (alias, ids, match) or 4 (and a note) separated by tabs.");
                continue;
            }

            var tokens = w.NormalizePattern(ClaimantNames.Tokens(cols[0], keepStems: true));
            if (tokens.Length == 0)
            {
                problems.Add($"{AliasesFile}, row {line}: the alias '{cols[0]}' has no words once articles and prepositions are dropped.");
                continue;
            }

            if (cols[2] is not ("part" or "whole"))
            {
                problems.Add($"{AliasesFile}, row {line}: the match '{cols[2]}' is unknown; write part or whole.");
                continue;
            }

            var ids = cols[1].Split('|', StringSplitOptions.TrimEntries);
            var unknown = ids.Where(i => !byId.ContainsKey(i)).ToList();
            if (unknown.Count > 0)
            {
                problems.Add($"{AliasesFile}, row {line}: the alias '{cols[0]}' names the unknown id{(unknown.Count > 1 ? "s" : "")} {string.Join(", ", unknown.Select(u => $"'{u}'"))}; add {(unknown.Count > 1 ? "them" : "it")} to {ClaimantsFile} or correct the id.");
                continue;
            }

            var key = string.Join(' ', tokens.Select(t => t.ToString()));
            if (aliasKeys.TryGetValue(key, out var other))
            {
                problems.Add($"{AliasesFile}, row {line}: the alias '{cols[0]}' is also on row {other} (both read '{key}'); write every alias once, with all its ids '|'-separated when it is ambiguous.");
                continue;
            }

            aliasKeys[key] = line;
            aliasRows.Add((line, cols[0], ids, cols[2] == "whole", tokens));
        }

        if (problems.Count > 0)
        {
            throw new ClaimantRegistryException(problems.Count == 1
                ? "The claimant registry is invalid: " + problems[0]
                : $"The claimant registry is invalid ({problems.Count} problems):{Environment.NewLine}" + string.Join(Environment.NewLine, problems));
        }

        var aliasesOf = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var row in aliasRows)
        {
            AddAlias(aliasesOf, row.Text, row.Ids);
        }

        var final = new Dictionary<string, ClaimantEntry>(StringComparer.Ordinal);
        foreach (var (id, (entry, _)) in byId)
        {
            final[id] = Entry(id, entry.Name, entry.Side, entry.Kind, entry.Admin1 ?? "-", aliasesOf);
        }

        foreach (var (_, (entry, _)) in byId.OrderBy(p => p.Value.Line))
        {
            entries.Add(final[entry.Id]);
        }

        var builtAliases = aliasRows.Select(r => new Alias(r.Text, [.. r.Ids.Select(i => final[i])], r.Whole, r.Tokens)).ToImmutableArray();
        var builtPlaces = places0.ToDictionary(p => p.Key, p => p.Value.Select(e => final[e.Id]).ToList(), StringComparer.Ordinal);
        return new ClaimantRegistry(entries.ToImmutable(), builtAliases, placeNames.ToImmutable(), builtPlaces, w);
    }

    /// <summary>
    /// The entries of valid files as <see cref="Parse"/> makes them (each with its aliases, in file order), read without
    /// validating or building what resolution needs (<see cref="ParseDeferred"/>).
    /// </summary>
    private static ImmutableArray<ClaimantEntry> ReadEntries(string claimants, string aliases)
    {
        var aliasesOf = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var (_, cols) in Rows(aliases))
        {
            if (cols.Length is 3 or 4)
            {
                AddAlias(aliasesOf, cols[0], cols[1].Split('|', StringSplitOptions.TrimEntries));
            }
        }

        var entries = ImmutableArray.CreateBuilder<ClaimantEntry>();
        foreach (var (_, cols) in Rows(claimants))
        {
            if (cols.Length == 6 && Parties.TryParseSide(cols[1], out var side) && Enum.TryParse<ClaimantKind>(cols[2], out var kind))
            {
                entries.Add(Entry(cols[0], cols[5], side, kind, cols[4], aliasesOf));
            }
        }

        return entries.ToImmutable();
    }

    /// <summary>One entry of <c>claimants.tsv</c> with the aliases that name it ('-' for no admin1).</summary>
    private static ClaimantEntry Entry(string id, string name, Side side, ClaimantKind kind, string admin1, Dictionary<string, List<string>> aliasesOf) =>
        new(id, name, side, kind)
        {
            Admin1 = admin1 == "-" ? null : admin1,
            Aliases = aliasesOf.TryGetValue(id, out var list) ? [.. list] : [],
        };

    private static void AddAlias(Dictionary<string, List<string>> aliasesOf, string text, string[] ids)
    {
        foreach (var id in ids)
        {
            if (!aliasesOf.TryGetValue(id, out var list))
            {
                aliasesOf[id] = list = [];
            }

            list.Add(text);
        }
    }

    /// <summary>What resolution reads: the aliases and place names indexed by their first word, the places' authorities, the words.</summary>
    private sealed class Index
    {
        public Index(ImmutableArray<Alias> aliases, ImmutableArray<PlaceName> placeNames, Dictionary<string, List<ClaimantEntry>> byPlace, Words words)
        {
            Aliases = aliases;
            // Every word of an alias or place name must be in the words, so one is found through its first word: exactly,
            // or by the first letters of a stem.
            (AliasesByWord, AliasesByPrefix, StemAliases) = IndexByFirstWord(aliases.Select(a => a.Tokens[0]));
            PlaceNames = placeNames;
            (PlacesByWord, PlacesByPrefix, ShortPlaces) = IndexByFirstWord(placeNames.Select(p => p.Tokens[0]));
            ByPlace = byPlace.ToFrozenDictionary(p => p.Key, p => p.Value.ToImmutableArray(), StringComparer.Ordinal);
            Words = words;
        }

        public ImmutableArray<Alias> Aliases { get; }

        public FrozenDictionary<string, ImmutableArray<int>> AliasesByWord { get; }

        public FrozenDictionary<string, ImmutableArray<int>> AliasesByPrefix { get; }

        public ImmutableArray<int> StemAliases { get; }

        public ImmutableArray<PlaceName> PlaceNames { get; }

        public FrozenDictionary<string, ImmutableArray<int>> PlacesByWord { get; }

        public FrozenDictionary<string, ImmutableArray<int>> PlacesByPrefix { get; }

        public ImmutableArray<int> ShortPlaces { get; }

        public FrozenDictionary<string, ImmutableArray<ClaimantEntry>> ByPlace { get; }

        public Words Words { get; }
    }

    /// <summary>
    /// A registry whose entries (<see cref="TryGet"/>, <see cref="Entries"/>) are read now and whose words, aliases and
    /// place names are read, validated and indexed by <see cref="Parse"/> at the first resolution (<see cref="Resolve(string, Side, out bool)"/>,
    /// <see cref="IsTitleOrPlaceWord"/>), which throws <see cref="ClaimantRegistryException"/> then when the files are
    /// invalid. For files known to be valid (the embedded ones, which the tests parse in full), where a short command
    /// only names stored claimants: the indexes cost a few tens of milliseconds of a process's start, mostly JIT.
    /// </summary>
    public static ClaimantRegistry ParseDeferred(string claimants, string aliases, string places, string words) =>
        new(ReadEntries(claimants, aliases), () => Parse(claimants, aliases, places, words).Resolver);

    /// <summary>Positions by their first word: exact words, stems by their first letters, and stems too short for that.</summary>
    private static (FrozenDictionary<string, ImmutableArray<int>> ByWord, FrozenDictionary<string, ImmutableArray<int>> ByPrefix, ImmutableArray<int> Short) IndexByFirstWord(IEnumerable<Pattern> firstWords)
    {
        var byWord = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        var byPrefix = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        var rest = ImmutableArray.CreateBuilder<int>();
        var k = 0;
        foreach (var key in firstWords)
        {
            if (!key.IsStem)
            {
                Add(byWord, key.Text, k);
            }
            else if (key.Text.Length >= PrefixLength)
            {
                Add(byPrefix, key.Text[..PrefixLength], k);
            }
            else
            {
                rest.Add(k);
            }

            k++;
        }

        return (byWord.ToFrozenDictionary(p => p.Key, p => p.Value.ToImmutableArray(), StringComparer.Ordinal),
            byPrefix.ToFrozenDictionary(p => p.Key, p => p.Value.ToImmutableArray(), StringComparer.Ordinal),
            rest.ToImmutable());
    }

    private static void Add(Dictionary<string, List<int>> index, string key, int value)
    {
        if (!index.TryGetValue(key, out var list))
        {
            index[key] = list = [];
        }

        list.Add(value);
    }

    /// <summary>The data rows of a tab-separated file: 1-based line number and trimmed columns; '#' starts a comment.</summary>
    private static IEnumerable<(int Line, string[] Columns)> Rows(string text)
    {
        var line = 0;
        using var reader = new StringReader(text);
        while (reader.ReadLine() is { } raw)
        {
            line++;
            var hash = raw.IndexOf('#', StringComparison.Ordinal);
            var content = hash >= 0 ? raw[..hash] : raw;
            if (string.IsNullOrWhiteSpace(content))
            {
                continue;
            }

            yield return (line, content.TrimEnd().Split('\t', StringSplitOptions.TrimEntries));
        }
    }

    [GeneratedRegex(@"^[a-z]{2,}(\.[a-z0-9_]+)*$", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex IdPattern();

    [GeneratedRegex(@"^[a-z0-9_]+$", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex KeyPattern();

    /// <summary>One word of an alias or place name: a folded word, or a stem that matches every word it starts.</summary>
    internal readonly record struct Pattern(string Text, bool IsStem)
    {
        public bool Matches(string token) => IsStem ? token.StartsWith(Text, StringComparison.Ordinal) : token == Text;

        public override string ToString() => IsStem ? Text + "*" : Text;
    }

    /// <summary>An alias and the entries it names; <see cref="Match"/> gives the first word it covers, or null.</summary>
    private sealed record Alias(string Text, ImmutableArray<ClaimantEntry> Ids, bool Whole, ImmutableArray<Pattern> Tokens)
    {
        /// <summary>The alias's words in any order within a window of its length plus two ("Ministry of Defense of the Russian Federation").</summary>
        public int? Match(ImmutableArray<string> words)
        {
            var n = Tokens.Length;
            if (Whole)
            {
                if (words.Length != n)
                {
                    return null;
                }

                for (var k = 0; k < n; k++)
                {
                    if (!Tokens[k].Matches(words[k]))
                    {
                        return null;
                    }
                }

                return 0;
            }

            Span<bool> used = stackalloc bool[Math.Min(words.Length, 64)];
            for (var start = 0; start < words.Length && start < 64; start++)
            {
                var opens = false;
                foreach (var t in Tokens)
                {
                    opens |= t.Matches(words[start]);
                }

                if (!opens)
                {
                    continue;
                }

                used.Clear();
                var end = Math.Min(Math.Min(words.Length, 64), start + n + 2);
                var all = true;
                foreach (var t in Tokens)
                {
                    var hit = false;
                    for (var k = start; k < end; k++)
                    {
                        if (!used[k] && t.Matches(words[k]))
                        {
                            used[k] = true;
                            hit = true;
                            break;
                        }
                    }

                    if (!hit)
                    {
                        all = false;
                        break;
                    }
                }

                if (all)
                {
                    return start;
                }
            }

            return null;
        }
    }

    /// <summary>One name of a place; <see cref="Find"/> gives where its words stand in order, or null.</summary>
    private sealed record PlaceName(string Place, string Text, ImmutableArray<Pattern> Tokens)
    {
        public int? Find(ImmutableArray<string> words)
        {
            for (var start = 0; start + Tokens.Length <= words.Length; start++)
            {
                var all = true;
                for (var k = 0; k < Tokens.Length && all; k++)
                {
                    all = Tokens[k].Matches(words[start + k]);
                }

                if (all)
                {
                    return start;
                }
            }

            return null;
        }
    }

    private enum WordRole
    {
        None,
        Same,
        Stop,
        Title,
        Scope,
        Occupied,
    }

    /// <summary>The resolution words: synonyms and stop words applied while normalizing, titles and scopes read by title+place.</summary>
    private sealed class Words
    {
        private readonly FrozenDictionary<string, (WordRole Role, string Value)> _exact;
        private readonly ImmutableArray<(string Stem, WordRole Role, string Value)> _stems;
        private readonly FrozenDictionary<string, ImmutableArray<(string Stem, WordRole Role, string Value)>> _stemsByPrefix;

        private Words(Dictionary<string, (WordRole, string)> exact, List<(string, WordRole, string)> stems)
        {
            _exact = exact.ToFrozenDictionary(StringComparer.Ordinal);
            var ordered = stems.OrderByDescending(s => s.Item1.Length).ToList();
            _stems = [.. ordered.Where(s => s.Item1.Length < PrefixLength)];
            _stemsByPrefix = ordered.Where(s => s.Item1.Length >= PrefixLength).GroupBy(s => s.Item1[..PrefixLength])
                .ToFrozenDictionary(g => g.Key, g => g.ToImmutableArray(), StringComparer.Ordinal);
        }

        public static Words Parse(string text, List<string> problems)
        {
            var exact = new Dictionary<string, (WordRole, string)>(StringComparer.Ordinal);
            var stems = new List<(string, WordRole, string)>();
            var rows = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var (line, cols) in Rows(text))
            {
                if (cols.Length is not (2 or 3))
                {
                    problems.Add($"{WordsFile}, row {line}: {cols.Length} columns; write word, role and (for same, title and scope) a value, separated by tabs.");
                    continue;
                }

                var role = cols[1] switch
                {
                    "same" => WordRole.Same,
                    "stop" => WordRole.Stop,
                    "title" => WordRole.Title,
                    "scope" => WordRole.Scope,
                    "occupied" => WordRole.Occupied,
                    _ => WordRole.None,
                };
                var value = cols.Length == 3 ? cols[2] : "";
                var valid = role switch
                {
                    WordRole.None => $"the role '{cols[1]}' is unknown; write same, stop, title, scope or occupied",
                    WordRole.Same when ClaimantNames.Tokens(value).Length != 1 => "a 'same' word needs the one word it means",
                    WordRole.Title when value is not ("region" or "city" or "any") => "a title needs what it names by itself: region, city or any",
                    WordRole.Scope when value is not ("region" or "city" or "none") => "a scope needs region, city or none",
                    WordRole.Stop or WordRole.Occupied when value.Length > 0 => $"a '{cols[1]}' word takes no value",
                    _ => null,
                };
                var tokens = ClaimantNames.Tokens(cols[0], keepStems: true);
                if (valid is null && tokens.Length != 1)
                {
                    valid = $"'{cols[0]}' is not one word";
                }

                if (valid is not null)
                {
                    problems.Add($"{WordsFile}, row {line}: {valid}.");
                    continue;
                }

                var word = tokens[0];
                if (rows.TryGetValue(word, out var other))
                {
                    problems.Add($"{WordsFile}, row {line}: '{cols[0]}' is also on row {other}; write every word once.");
                    continue;
                }

                rows[word] = line;
                var v = role == WordRole.Same ? ClaimantNames.Tokens(value)[0] : value;
                if (word.EndsWith('*'))
                {
                    stems.Add((word[..^1], role, v));
                }
                else
                {
                    exact[word] = (role, v);
                }
            }

            return new Words(exact, stems);
        }

        public (WordRole Role, string Value) RoleOf(string token)
        {
            if (_exact.TryGetValue(token, out var r))
            {
                return r;
            }

            if (token.Length >= PrefixLength && _stemsByPrefix.TryGetValue(token[..PrefixLength], out var candidates))
            {
                foreach (var (stem, role, value) in candidates)
                {
                    if (token.StartsWith(stem, StringComparison.Ordinal))
                    {
                        return (role, value);
                    }
                }
            }

            foreach (var (stem, role, value) in _stems)
            {
                if (token.StartsWith(stem, StringComparison.Ordinal))
                {
                    return (role, value);
                }
            }

            return (WordRole.None, "");
        }

        /// <summary>Text tokens with synonyms applied and stop words dropped.</summary>
        public ImmutableArray<string> Normalize(ImmutableArray<string> tokens)
        {
            var b = ImmutableArray.CreateBuilder<string>(tokens.Length);
            foreach (var t in tokens)
            {
                switch (RoleOf(t))
                {
                    case (WordRole.Stop, _):
                        break;
                    case (WordRole.Same, var v):
                        b.Add(v);
                        break;
                    default:
                        b.Add(t);
                        break;
                }
            }

            return b.ToImmutable();
        }

        /// <summary>Data-file tokens (a trailing '*' marks a stem) normalized like text: a stem keeps its letters as written.</summary>
        public ImmutableArray<Pattern> NormalizePattern(ImmutableArray<string> tokens)
        {
            var b = ImmutableArray.CreateBuilder<Pattern>(tokens.Length);
            foreach (var t in tokens)
            {
                if (t.EndsWith('*'))
                {
                    b.Add(new Pattern(t[..^1], true));
                    continue;
                }

                switch (RoleOf(t))
                {
                    case (WordRole.Stop, _):
                        break;
                    case (WordRole.Same, var v):
                        b.Add(new Pattern(v, false));
                        break;
                    default:
                        b.Add(new Pattern(t, false));
                        break;
                }
            }

            return b.ToImmutable();
        }
    }
}

/// <summary>How some words resolved: the entry, the rule (alias or title+place) and the alias or place name that decided.</summary>
public sealed record ClaimantResolution(ClaimantEntry Entry, string Rule, string Matched);

/// <summary>The claimant registry's data files are invalid; the message names the file and row of every problem.</summary>
public sealed class ClaimantRegistryException : Exception
{
    public ClaimantRegistryException()
    {
    }

    public ClaimantRegistryException(string message)
        : base(message)
    {
    }

    public ClaimantRegistryException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
