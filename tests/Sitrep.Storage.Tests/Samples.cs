using System.Text.Json;
using Sitrep.Core;
using Sitrep.Ingest;

namespace Sitrep.Storage.Tests;

/// <summary>Reports and events the tests build by hand, in sentences this project wrote.</summary>
internal static class Samples
{
    public const string OdesaText =
        "Drones hit Odesa port\n\nRussia launched 40 Shahed drones at Odesa overnight; air defences shot down 35, the air force said. " +
        "Two dock workers were injured, Governor Oleh Kiper said.";

    public static Article Article(string text, string? url = null, DateOnly? published = null, string id = "r") =>
        new(id, text, Title: text.Split('\n')[0], Url: url, Published: published, Source: "Example Wire", Language: "en")
        {
            Metadata = System.Collections.Immutable.ImmutableDictionary<string, string>.Empty.Add("format", "text").Add("url", url ?? ""),
        };

    public static ReportSubmission Submission(Article article, params ExtractedEvent[] events) =>
        new(article, ContentHash.Of(article.Text), "/reports/" + article.Id + ".txt", new Extraction(article) { Events = [.. events] }, "test-extractor/1");

    public static ReportSubmission Pending(Article article) => new(article, ContentHash.Of(article.Text), "/reports/" + article.Id + ".txt", null);

    private static Evidence Ev(string text, string sentence)
    {
        var i = text.IndexOf(sentence, StringComparison.Ordinal);
        return new Evidence(new TextSpan(i, i + sentence.Length), sentence);
    }

    /// <summary>The overnight Odesa attack in <see cref="OdesaText"/>, every field filled.</summary>
    public static ExtractedEvent Odesa(DateOnly date, int launched = 40, int destroyed = 35, int injured = 2)
    {
        var t = OdesaText;
        var airForce = new Claimant("the air force", Side.Ukraine, Ev(t, "the air force").Span) { Canonical = "ua.air_force" };
        var governor = new Claimant("Governor Oleh Kiper", Side.Ukraine, Ev(t, "Governor Oleh Kiper").Span) { Canonical = "ua.oblast.odesa", IsPerson = true };
        var sentence1 = Ev(t, "Russia launched 40 Shahed drones at Odesa overnight; air defences shot down 35, the air force said.");
        var sentence2 = Ev(t, "Two dock workers were injured, Governor Oleh Kiper said.");
        var shahed = new WeaponRef(WeaponCategory.Drone, "Shahed-136");
        var odesa = new PlaceRef("Odesa", Ev(t, "Odesa overnight").Span with { End = Ev(t, "Odesa overnight").Span.Start + 5 })
        {
            Name = "Odesa",
            GazetteerId = "gn:698740",
            Feature = "populated_place",
            Admin1 = "Odesa Oblast",
            Country = "UA",
            Latitude = 46.4775,
            Longitude = 30.7326,
            GeoPrecision = 1,
            WherePrecision = 1,
        };
        return new ExtractedEvent
        {
            Kind = EventKind.Strike,
            Date = new EventDate(date, DatePrecision.Night, "overnight", Ev(t, "overnight").Span) { Start = date.AddDays(-1) },
            Attacker = Side.Russia,
            TargetCountry = Country.Ukraine,
            Places = [odesa],
            Location = odesa,
            Weapons =
            [
                new WeaponUse(shahed, Ev(t, "40 Shahed drones"))
                {
                    Claims =
                    [
                        new FigureClaim(FigureKind.Launched, launched, Qualifier.Exact, sentence1, shahed, airForce) { Rule = "numbers/launched-at" },
                        new FigureClaim(FigureKind.Destroyed, destroyed, Qualifier.Exact, sentence1, shahed, airForce) { Rule = "numbers/shot-down" },
                    ],
                },
            ],
            Casualties =
            [
                new FigureClaim(FigureKind.Injured, injured, Qualifier.Exact, sentence2, null, governor) { Rule = "casualties/injured" },
            ],
            Claimants = [airForce, governor],
            Quotes = [sentence1, sentence2],
        };
    }

    /// <summary>A simple event with the fields the filters look at.</summary>
    public static ExtractedEvent Simple(
        DateOnly? date, string attacker, string target, string place, WeaponCategory category, string? model, int? launched, int? destroyed,
        int? killed = null, EventKind kind = EventKind.Strike, string? admin1 = null)
    {
        var weapon = new WeaponRef(category, model);
        var ev = new Evidence(new TextSpan(0, 10), "A sentence");
        var claims = new List<FigureClaim>();
        if (launched is { } l)
        {
            claims.Add(new FigureClaim(FigureKind.Launched, l, Qualifier.Exact, ev, weapon));
        }

        if (destroyed is { } d)
        {
            claims.Add(new FigureClaim(FigureKind.Destroyed, d, Qualifier.AtLeast, ev, weapon));
        }

        return new ExtractedEvent
        {
            Kind = kind,
            Date = date is null ? EventDate.Unknown : new EventDate(date, DatePrecision.Day, "on Sunday", new TextSpan(0, 9)),
            Attacker = Parties.ParseSide(attacker),
            TargetCountry = Parties.ParseCountry(target),
            Places = [new PlaceRef(place, new TextSpan(0, place.Length)) { Name = place, Admin1 = admin1 }],
            Weapons = [new WeaponUse(weapon, ev) { Claims = [.. claims] }],
            Casualties = killed is { } k ? [new FigureClaim(FigureKind.Killed, k, Qualifier.Exact, ev)] : [],
        };
    }

    private static readonly JsonSerializerOptions Json = new() { WriteIndented = false };

    /// <summary>A canonical form for comparing events (records holding ImmutableArrays do not compare by value).</summary>
    public static string Canonical(ExtractedEvent e) => JsonSerializer.Serialize(e, Json);
}
