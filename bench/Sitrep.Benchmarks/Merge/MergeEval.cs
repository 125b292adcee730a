using System.Buffers;
using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Sitrep.Core;
using Sitrep.Extraction;
using Sitrep.Extraction.Output;
using Sitrep.Geo;
using Sitrep.Ingest;
using Sitrep.Merge;

namespace Sitrep.Benchmarks.Merge;

/// <summary>
/// <c>merge-eval ARTICLES_DIR OUT_DIR [--gold-events GOLD_DIR]</c>: extracts every report of a folder as
/// <c>sitrep extract --format jsonl</c> does (or, with <c>--gold-events</c>, builds the per-report events from a merge
/// set's gold files, to measure the merge apart from extraction errors), merges them, and writes
/// <c>OUT_DIR/extraction.jsonl</c> and <c>OUT_DIR/attacks.jsonl</c> in the contract <c>score_merge.py</c> reads
/// (members named by the article's file stem and the index among the article's strike events).
/// </summary>
internal static class MergeEval
{
    public static int Run(string[] args)
    {
        var positional = new List<string>();
        string? goldDir = null;
        for (var i = 1; i < args.Length; i++)
        {
            if (args[i] == "--gold-events" && i + 1 < args.Length)
            {
                goldDir = args[++i];
            }
            else if (args[i].StartsWith("--", StringComparison.Ordinal))
            {
                Console.Error.WriteLine($"merge-eval: unknown option {args[i]}.");
                return 2;
            }
            else
            {
                positional.Add(args[i]);
            }
        }

        if (positional.Count != 2 || !Directory.Exists(positional[0]))
        {
            Console.Error.WriteLine("usage: merge-eval ARTICLES_DIR OUT_DIR [--gold-events GOLD_DIR]");
            return 2;
        }

        var outDir = positional[1];
        Directory.CreateDirectory(outDir);
        var gazetteer = Gazetteer.LoadDefault();
        var articles = ReadArticles(positional[0]);
        var watch = Stopwatch.StartNew();
        List<Sitrep.Core.Extraction> extractions;
        if (goldDir is null)
        {
            var pipeline = ExtractionPipeline.CreateDefault(gazetteer);
            extractions = [.. articles.Select(pipeline.Extract)];
        }
        else
        {
            var resolver = new PlaceResolver(gazetteer);
            extractions = [.. articles.Select(a => GoldEvents.Read(Path.Combine(goldDir, a.Id + ".json"), a, resolver))];
        }

        var extractMs = watch.Elapsed.TotalMilliseconds;
        WriteExtraction(Path.Combine(outDir, "extraction.jsonl"), extractions);

        var events = new List<MergeEvent>();
        var stems = new Dictionary<long, string>();
        var strikeIndex = new Dictionary<EventKey, int>();
        for (var r = 0; r < extractions.Count; r++)
        {
            var x = extractions[r];
            var id = r + 1L;
            stems[id] = x.Article.Id;
            var report = new MergeReport(id, 1, x.Article.Source, x.Article.Published, x.Article.Url) { LatestEventDate = MergeReport.LatestDateOf(x.Events) };
            var strikes = 0;
            for (var o = 0; o < x.Events.Length; o++)
            {
                var key = new EventKey(id, o);
                if (x.Events[o].Kind == EventKind.Strike)
                {
                    strikeIndex[key] = strikes++;
                }

                events.Add(new MergeEvent(key, report, x.Events[o]));
            }
        }

        watch.Restart();
        var result = new MergeEngine(ClaimantLookup.Default).Merge(events);
        var mergeMs = watch.Elapsed.TotalMilliseconds;
        WriteAttacks(Path.Combine(outDir, "attacks.jsonl"), result, stems, strikeIndex);
        WriteExplanations(Path.Combine(outDir, "attacks.txt"), result, stems, strikeIndex);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"merge-eval: {extractions.Count} reports, {events.Count} events, {result.Attacks.Length} attacks; events {(goldDir is null ? "extracted" : "from gold")} in {extractMs:0} ms, merged in {mergeMs:0.0} ms; wrote {outDir}/extraction.jsonl, attacks.jsonl, attacks.txt"));
        return 0;
    }

    /// <summary>The reports of a folder, read as <c>sitrep extract</c> reads them (every report format, in ordinal path order).</summary>
    private static List<Article> ReadArticles(string dir)
    {
        var files = Directory.EnumerateFiles(dir, "*", SearchOption.AllDirectories)
            .Where(f => ReportReader.ReportExtensions.Contains(Path.GetExtension(f)) && !Path.GetFileName(f).StartsWith('.'))
            .Order(StringComparer.Ordinal);
        var articles = new List<Article>();
        foreach (var f in files)
        {
            var read = ReportReader.ReadFile(f);
            if (!read.Ok)
            {
                Console.Error.WriteLine($"merge-eval: {read.Error}");
                continue;
            }

            articles.AddRange(read.Articles);
        }

        return articles;
    }

    private static void WriteExtraction(string path, List<Sitrep.Core.Extraction> extractions)
    {
        using var file = File.Create(path);
        var buffer = new ArrayBufferWriter<byte>(1 << 16);
        foreach (var x in extractions)
        {
            buffer.ResetWrittenCount();
            using (var json = new Utf8JsonWriter(buffer, ExtractionJson.Compact))
            {
                ExtractionJson.Write(json, x);
            }

            file.Write(buffer.WrittenSpan);
            file.WriteByte((byte)'\n');
        }
    }

    private static void WriteAttacks(string path, MergeResult result, Dictionary<long, string> stems, Dictionary<EventKey, int> strikeIndex)
    {
        using var file = File.Create(path);
        var n = 0;
        foreach (var a in result.Attacks)
        {
            using (var w = new Utf8JsonWriter(file, ExtractionJson.Compact))
            {
                w.WriteStartObject();
                w.WriteString("id", "A" + (++n).ToString(CultureInfo.InvariantCulture));
                WriteDate(w, "date", a.Date);
                w.WriteString("precision", a.Precision.ToContract());
                WriteDate(w, "home", a.Home);
                w.WriteString("attacker", a.Attacker.ToContract());
                w.WriteString("target_country", a.TargetCountry.ToContract());
                w.WriteNumber("n_reports", a.ReportCount);
                w.WriteNumber("n_sources", a.SourceCount);
                if (a.Location is { } loc)
                {
                    w.WriteString("location", loc.Name ?? loc.Text);
                }

                w.WriteStartArray("members");
                foreach (var m in a.Members)
                {
                    w.WriteStartObject();
                    w.WriteString("article", stems[m.ReportId]);
                    w.WriteNumber("event", strikeIndex[m.Event]);
                    w.WriteString("how", m.Kind.ToString());
                    w.WriteNumber("score", m.Score);
                    w.WriteBoolean("partial", m.IsPartial);
                    w.WriteEndObject();
                }

                w.WriteEndArray();
                w.WritePropertyName("figures");
                w.WriteStartObject();
                foreach (var f in a.Figures.Where(f => f.Key.Model is null))
                {
                    w.WritePropertyName(f.Key.ToContract());
                    w.WriteStartObject();
                    w.WriteNumber("best", f.Best);
                    w.WriteNumber("low", f.Low);
                    w.WriteNumber("high", f.High);
                    w.WriteNumber("conservative", f.Conservative);
                    w.WriteBoolean("contested", f.Contested);
                    w.WriteString("rule", f.BestRule);
                    w.WriteString("basis", stems[f.BestClaim.Event.ReportId]);
                    w.WriteEndObject();
                }

                w.WriteEndObject();
                w.WriteEndObject();
            }

            file.WriteByte((byte)'\n');
        }
    }

    /// <summary>For people: every attack, why each member joined, and where each best figure comes from.</summary>
    private static void WriteExplanations(string path, MergeResult result, Dictionary<long, string> stems, Dictionary<EventKey, int> strikeIndex)
    {
        var sb = new StringBuilder();
        var n = 0;
        foreach (var a in result.Attacks)
        {
            sb.Append(CultureInfo.InvariantCulture, $"A{++n}  {a.Date:yyyy-MM-dd} ({a.Precision.ToContract()}, home {a.Home:yyyy-MM-dd})  {a.Attacker.ToContract()}->{a.TargetCountry.ToContract()}  {a.ReportCount} reports, {a.SourceCount} sources  {a.Location?.Name}\n");
            foreach (var m in a.Members)
            {
                sb.Append(CultureInfo.InvariantCulture, $"   {stems[m.ReportId]}[{strikeIndex[m.Event]}]{(m.IsPartial ? " (partial)" : "")}  {m.Explain()}\n");
            }

            foreach (var f in a.Figures.Where(f => f.Key.Model is null))
            {
                sb.Append(CultureInfo.InvariantCulture, $"   {f.Key.ToContract(),-20} best {f.Best} [{f.Low}, {f.High}] conservative {f.Conservative}{(f.Contested ? " CONTESTED" : "")}  {f.BestRule}: {f.BestReason} ({stems[f.BestClaim.Event.ReportId]}, {f.BestClaim.Claimant?.Name ?? "unattributed"})\n");
            }

            sb.Append('\n');
        }

        File.WriteAllText(path, sb.ToString());
    }

    private static void WriteDate(Utf8JsonWriter w, string name, DateOnly? d)
    {
        if (d is { } x)
        {
            w.WriteString(name, x.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        }
        else
        {
            w.WriteNull(name);
        }
    }
}

/// <summary>
/// The claimant lookup the harness uses: none until the claimant registry lands in Core, so claimants rank by the side
/// the text gives them. With the registry: <c>id => ClaimantRegistry.Default.TryGet(id, out var e) ? e : null</c>.
/// </summary>
internal static class ClaimantLookup
{
    public static Func<string, ClaimantEntry?>? Default => null;
}

/// <summary>
/// Per-report events built from a merge set's gold file instead of the extraction: the gold's dates, sides, places
/// (resolved with the gazetteer's resolver), weapons and figures, tolls, and its <c>claimed_by</c> as the event's
/// claimants. Background items become aggregates.
/// </summary>
internal static class GoldEvents
{
    public static Sitrep.Core.Extraction Read(string path, Article article, PlaceResolver resolver)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(path));
        var root = doc.RootElement;
        var published = root.TryGetProperty("published", out var p) && p.ValueKind == JsonValueKind.String && DateOnly.TryParse(p.GetString(), CultureInfo.InvariantCulture, out var pd)
            ? pd
            : (DateOnly?)null;
        var a = article with { Published = published ?? article.Published };
        var events = ImmutableArray.CreateBuilder<ExtractedEvent>();
        foreach (var e in Items(root, "events"))
        {
            events.Add(Event(e, EventKind.Strike, resolver));
        }

        foreach (var e in Items(root, "background"))
        {
            events.Add(Event(e, EventKind.Aggregate, resolver));
        }

        return new Sitrep.Core.Extraction(a) { Events = events.ToImmutable() };
    }

    private static IEnumerable<JsonElement> Items(JsonElement root, string name) =>
        root.TryGetProperty(name, out var list) && list.ValueKind == JsonValueKind.Array ? list.EnumerateArray() : [];

    private static ExtractedEvent Event(JsonElement e, EventKind kind, PlaceResolver resolver)
    {
        var attacker = Parties.TryParseSide(Str(e, "attacker"), out var s) ? s : Side.Unknown;
        var target = Parties.TryParseCountry(Str(e, "target_country"), out var c) ? c : Country.Other;
        var dateText = Str(e, "date_text") ?? "";
        var date = Str(e, "date") is { } ds && DateOnly.TryParse(ds, CultureInfo.InvariantCulture, out var d)
            ? new EventDate(d, DatePrecision.Day, dateText.Length > 0 ? dateText : "(gold date)", default)
            : EventDate.Unknown;

        var queries = new List<PlaceQuery>();
        if (e.TryGetProperty("places", out var places) && places.ValueKind == JsonValueKind.Array)
        {
            foreach (var pl in places.EnumerateArray())
            {
                var text = pl.ValueKind == JsonValueKind.String ? pl.GetString() : Str(pl, "name") ?? Str(pl, "text");
                if (!string.IsNullOrWhiteSpace(text))
                {
                    queries.Add(new PlaceQuery(text, default, default, Hint(text)));
                }
            }
        }

        var resolved = queries.Count > 0 ? resolver.Resolve(queries, target == Country.Other ? null : target.ToContract()) : [];
        var claimants = (Str(e, "claimed_by") ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(n => new Claimant(n, Side.Unknown, default)).ToImmutableArray();
        var weapons = ImmutableArray.CreateBuilder<WeaponUse>();
        if (e.TryGetProperty("weapons", out var ws) && ws.ValueKind == JsonValueKind.Array)
        {
            foreach (var w in ws.EnumerateArray())
            {
                var category = ContractNames.TryParseCategory(Str(w, "category"), out var cat) ? cat : WeaponCategory.Other;
                var weapon = new WeaponRef(category, Str(w, "model"));
                var claims = ImmutableArray.CreateBuilder<FigureClaim>();
                foreach (var (name, fk) in (ReadOnlySpan<(string, FigureKind)>)[("launched", FigureKind.Launched), ("destroyed", FigureKind.Destroyed)])
                {
                    if (Int(w, name) is { } v)
                    {
                        claims.Add(new FigureClaim(fk, v, Qualifier.Exact, new Evidence(default, name), weapon));
                    }
                }

                weapons.Add(new WeaponUse(weapon, new Evidence(default, weapon.Model ?? category.ToContract())) { Claims = claims.ToImmutable() });
            }
        }

        var casualties = ImmutableArray.CreateBuilder<FigureClaim>();
        if (Int(e, "killed") is { } k)
        {
            casualties.Add(new FigureClaim(FigureKind.Killed, k, Qualifier.Exact, new Evidence(default, "killed")));
        }

        if (Int(e, "injured") is { } i)
        {
            casualties.Add(new FigureClaim(FigureKind.Injured, i, Qualifier.Exact, new Evidence(default, "injured")));
        }

        return new ExtractedEvent
        {
            Kind = kind,
            Date = date,
            Attacker = attacker,
            TargetCountry = target,
            Places = resolved,
            Weapons = weapons.ToImmutable(),
            Casualties = casualties.ToImmutable(),
            Claimants = claimants,
            Location = PlaceResolver.BestLocation(resolved),
        };
    }

    private static PlaceQueryHint Hint(string text)
    {
        var t = text.ToLowerInvariant();
        return t.Contains("region", StringComparison.Ordinal) || t.Contains("oblast", StringComparison.Ordinal) ? PlaceQueryHint.Region : PlaceQueryHint.Any;
    }

    private static string? Str(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static int? Int(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number && v.TryGetInt32(out var n) ? n : null;
}
