using System.Globalization;
using Sitrep.Core;

namespace Sitrep.Cli.Tests.Ledger;

/// <summary>Report texts written for these tests, shaped like real reporting, and hand-built events.</summary>
internal static class Reports
{
    private static readonly string[] Places = ["Odesa", "Kharkiv", "Sumy", "Dnipro", "Zaporizhzhia", "Mykolaiv", "Kherson", "Chernihiv"];

    /// <summary>A distinct short report; <paramref name="i"/> picks the place, numbers and date.</summary>
    public static string Text(int i)
    {
        var place = Places[i % Places.Length];
        var launched = 10 + i % 50;
        var down = launched - i % 7;
        var day = new DateOnly(2024, 1, 1).AddDays(i % 300).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        return $"""
            url: https://news.example.org/{i}
            published: {day}
            ---
            Drones target {place} overnight (report {i})
            Russia launched {launched} drones at {place} overnight; air defences shot down {down}, the air force said.
            One person was injured, the regional governor wrote on Telegram.
            """;
    }

    public static Sitrep.Core.Extraction Odesa(Article a)
    {
        var t = a.Text;
        var sentence = new Evidence(new TextSpan(0, Math.Min(t.Length, 40)), t[..Math.Min(t.Length, 40)]);
        var airForce = new Claimant("the air force", Side.Ukraine, new TextSpan(0, 3));
        var weapon = new WeaponRef(WeaponCategory.Drone, "Shahed-136");
        var odesa = new PlaceRef("Odesa", new TextSpan(0, 5)) { Name = "Odesa", Country = "UA", Admin1 = "Odesa Oblast", Latitude = 46.48, Longitude = 30.73, Feature = "populated_place", GeoPrecision = 1 };
        return new Sitrep.Core.Extraction(a)
        {
            Events =
            [
                new ExtractedEvent
                {
                    Date = new EventDate(new DateOnly(2024, 5, 14), DatePrecision.Night, "overnight", new TextSpan(0, 9)),
                    Attacker = Side.Russia,
                    TargetCountry = Country.Ukraine,
                    Places = [odesa],
                    Location = odesa,
                    Weapons =
                    [
                        new WeaponUse(weapon, sentence)
                        {
                            Claims =
                            [
                                new FigureClaim(FigureKind.Launched, 40, Qualifier.Exact, sentence, weapon, airForce) { Rule = "figures/launched" },
                                new FigureClaim(FigureKind.Destroyed, 35, Qualifier.AtLeast, sentence, weapon, airForce) { Rule = "figures/shot-down" },
                            ],
                        },
                    ],
                    Casualties = [new FigureClaim(FigureKind.Injured, 2, Qualifier.Exact, sentence, null, airForce) { Rule = "casualties/injured" }],
                    Claimants = [airForce],
                    Quotes = [sentence],
                },
            ],
        };
    }
}
