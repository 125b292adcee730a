using System.Collections.Immutable;
using Sitrep.Core;
using Sitrep.Ingest;
using Sitrep.Ledger;
using Sitrep.Storage;

namespace Sitrep.Web.Tests;

/// <summary>Stores the web tests read: the project's sample reports ingested as <c>sitrep ingest samples</c> does, and reports that carry script payloads.</summary>
internal static class Stores
{
    private static readonly Lazy<LedgerExtractor> Extractor = new(LedgerExtractor.CreateDefault);

    public static string Root { get; } = FindRoot();

    public static string SamplesDir => Path.Combine(Root, "samples");

    /// <summary>Where screenshots and other test artifacts go: artifacts/ at the repository root.</summary>
    public static string Artifacts(string folder)
    {
        var dir = Path.Combine(Root, "artifacts", folder);
        Directory.CreateDirectory(dir);
        return dir;
    }

    private static string FindRoot()
    {
        for (var d = new DirectoryInfo(AppContext.BaseDirectory); d is not null; d = d.Parent)
        {
            if (File.Exists(Path.Combine(d.FullName, "Sitrep.slnx")))
            {
                return d.FullName;
            }
        }

        throw new InvalidOperationException("The repository root (Sitrep.slnx) was not found above the test assembly.");
    }

    /// <summary>Ingests every report in samples/ into the store, through the same runner as <c>sitrep ingest</c>.</summary>
    public static async Task IngestSamplesAsync(IEventStore store)
    {
        var extractor = Extractor.Value;
        var runner = new IngestRunner(store, extractor.Extract, null, new IngestOptions { Parallelism = 1, BatchSize = 1, Extractor = extractor.Name });
        var summary = await runner.RunAsync([.. ReportInputs.Expand([SamplesDir])]);
        if (!summary.Complete || summary.New == 0)
        {
            throw new InvalidOperationException($"The samples were not all ingested: {summary.Failures.Count} failures, {summary.New} new.");
        }
    }

    public static LedgerExtractor LedgerExtractor => Extractor.Value;

    /// <summary>What a page must never run: it sets <c>window.__xss</c> if it does.</summary>
    public const string ScriptPayload = "<script>window.__xss='script'</script>";

    public const string ImagePayload = "<img src=x onerror=\"window.__xss='img'\">";

    public const string UrlPayload = "javascript:window.__xss='url'";

    /// <summary>
    /// A report whose title, text, URL, place names and claimant carry script payloads, with its event written by hand (the
    /// extractor would not read a place named like markup): every field the dashboard shows.
    /// </summary>
    public static ReportSubmission PayloadReport()
    {
        var title = $"Drones hit {ScriptPayload} overnight";
        var text = $"{title}\nRussia launched 12 drones at {ImagePayload} overnight; air defences shot down 9, the {ScriptPayload} said. " +
                   $"Two people were injured in <svg onload=\"window.__xss='svg'\">.";
        var article = new Article("payload", text, Title: title, Url: UrlPayload, Published: new DateOnly(2025, 5, 1), Source: $"Wire {ImagePayload}", Language: "en");
        Evidence Ev(string words)
        {
            var i = text.IndexOf(words, StringComparison.Ordinal);
            return new Evidence(new TextSpan(i, i + words.Length), words);
        }

        var claimant = new Claimant($"the {ScriptPayload}", Side.Ukraine, Ev(ScriptPayload).Span);
        var drone = new WeaponRef(WeaponCategory.Drone, null);
        var launched = Ev("12 drones");
        var down = Ev("shot down 9");
        var place = new PlaceRef(ImagePayload, Ev(ImagePayload).Span)
        {
            Name = $"Town {ImagePayload}",
            Admin1 = "Kharkiv Oblast",
            Country = "UA",
            Latitude = 49.99,
            Longitude = 36.23,
            Feature = "populated_place",
            GeoPrecision = 1,
        };
        var ev = new ExtractedEvent
        {
            Kind = EventKind.Strike,
            Date = new EventDate(new DateOnly(2025, 5, 1), DatePrecision.Night, "overnight", Ev("overnight").Span),
            Attacker = Side.Russia,
            TargetCountry = Country.Ukraine,
            Places = [place],
            Location = place,
            Weapons =
            [
                new WeaponUse(drone, launched)
                {
                    Claims =
                    [
                        new FigureClaim(FigureKind.Launched, 12, Qualifier.Exact, launched, drone, claimant) { Rule = "test" },
                        new FigureClaim(FigureKind.Destroyed, 9, Qualifier.Exact, down, drone, claimant) { Rule = "test" },
                    ],
                },
            ],
            Casualties = [new FigureClaim(FigureKind.Injured, 2, Qualifier.Exact, Ev("Two people were injured"), null, claimant) { Rule = "test" }],
            Claimants = [claimant],
            Quotes = [Ev(text.Split('\n')[1])],
        };
        return new ReportSubmission(article, ContentHash.Of(text), "payload.txt", new Sitrep.Core.Extraction(article) { Events = [ev] }, "test/1");
    }

    /// <summary>A text report (with header) whose title and body carry payloads, for POST /api/reports.</summary>
    public static string PayloadText => $"""
        url: https://wire.example/payload-post
        published: 2025-05-02
        ---
        Strike on Odesa {ScriptPayload}
        Russia launched 20 drones at Odesa overnight; air defences shot down 15 {ImagePayload}, the air force said.
        """;

    public static ImmutableArray<string> Payloads => [ScriptPayload, ImagePayload];
}
