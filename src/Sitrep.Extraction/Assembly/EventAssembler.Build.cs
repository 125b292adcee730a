using System.Collections.Immutable;
using Sitrep.Core;
using Sitrep.Extraction.Text;
using Sitrep.Geo;

namespace Sitrep.Extraction.Assembly;

/// <summary>
/// Step 5, build: a draft's units become an event. Its figures become claims (per weapon family, see
/// <see cref="GroupByWeapon"/>; casualties with their revisions), its places the places hit, its attacker the one its
/// cues and places say; a draft with no fact makes no event.
/// </summary>
public sealed partial class EventAssembler
{
    private static ExtractedEvent? Build(Document doc, Draft d, Bucketed b)
    {
        var evFigures = d.Units.SelectMany(u => b.Figures[u]).ToList();
        var evCasualties = d.Units.SelectMany(u => b.Casualties[u]).ToList();

        // The claimant of a figure is the one its words are attributed to (see EventAssembler.Claimants.cs).
        var unitOfFigure = new Dictionary<Mention, int>(ReferenceEqualityComparer.Instance);
        foreach (var u in d.Units)
        {
            foreach (var f in b.Figures[u])
            {
                unitOfFigure[f] = u;
            }

            foreach (var c in b.Casualties[u])
            {
                unitOfFigure[c] = u;
            }
        }

        Claimant? ClaimantOfMention(Mention m) => unitOfFigure.TryGetValue(m, out var u) ? SpeakerOf(b.Speakers[u], m.Span) : null;

        var uses = WeaponUses(doc, evFigures, d.Units.SelectMany(u => b.Weapons[u]).ToList(), b, ClaimantOfMention);
        var casualtyClaims = CasualtyClaims(doc, evCasualties, b, ClaimantOfMention);
        var uniquePlaces = PlacesHit(doc, d, b);
        var (attacker, target) = AttackerOf(doc, d, b, uniquePlaces);
        casualtyClaims = ContestAttackerTolls(casualtyClaims, attacker);
        var hasFacts = uses.Length > 0 || casualtyClaims.Length > 0 || uniquePlaces.Count > 0;
        if (!hasFacts)
        {
            return null;
        }

        var date = d.Date?.Date ?? (d.IsLead && !d.IsAggregate && doc.Article.Published is { } pub
            ? new EventDate(pub, DatePrecision.Day, "", default)
            : EventDate.Unknown);
        if (d.IsAggregate)
        {
            date = d.Date?.Date is { } ad ? ad with { Date = ad.Date } : EventDate.Unknown;
        }

        return new ExtractedEvent
        {
            Kind = d.IsAggregate ? EventKind.Aggregate : EventKind.Strike,
            Date = date,
            Attacker = attacker,
            TargetCountry = target,
            Places = [.. uniquePlaces],
            Weapons = uses,
            Casualties = casualtyClaims,
            // A contested toll's claimant says nothing of the event's figures.
            Claimants = EventClaimants(doc, d.Units, [.. d.Sentences.Select(s => s.Span)], b, evFigures.Concat<Mention>(evCasualties.Where((_, i) => !casualtyClaims[i].Rule.EndsWith(AttackerClaim, StringComparison.Ordinal)))),
            Quotes = [.. d.Sentences.Select(s => doc.Evidence(s.Span))],
            Location = PlaceResolver.BestLocation(uniquePlaces),
        };
    }

    /// <summary>
    /// Rule <c>attacker-claim</c>: a toll the attacking side gives for its own strike ("Russian authorities claimed that
    /// the strike killed 85"), where the report also gives that toll from someone else (the side hit, officials, the
    /// report itself), is a contested claim: kept, not current, so the event's figure is the other's. Alone, the
    /// attacker's toll stays the figure.
    /// </summary>
    private const string AttackerClaim = "+attacker-claim";

    private static ImmutableArray<FigureClaim> ContestAttackerTolls(ImmutableArray<FigureClaim> claims, Side attacker)
    {
        if (attacker == Side.Unknown || !claims.Any(c => c.IsCurrent && c.Claimant?.Side == attacker))
        {
            return claims;
        }

        return [.. claims.Select(c => c.IsCurrent && c.Claimant?.Side == attacker
                                      && claims.Any(o => o.Kind == c.Kind && o.IsCurrent && o.Claimant?.Side != attacker)
            ? c with { IsCurrent = false, Rule = c.Rule + AttackerClaim }
            : c)];
    }

    /// <summary>The weapons of an event, by family: figures decide the category when they have one.</summary>
    private static ImmutableArray<WeaponUse> WeaponUses(Document doc, List<FigureMention> evFigures, List<WeaponMention> evWeapons, Bucketed b, Func<Mention, Claimant?> claimantOf)
    {
        var perWeapon = evFigures.Any(f => !f.IsCombined);
        var useFigures = evFigures.Where(f => perWeapon ? !f.IsCombined : true).ToList();
        var families = new List<WeaponFamily>();
        foreach (var f in useFigures)
        {
            AddOnce(families, f.Weapon.Category.Family());
        }

        foreach (var w in evWeapons)
        {
            if (w.Weapon.Category != WeaponCategory.Other || !w.IsActivity)
            {
                AddOnce(families, w.Weapon.Category.Family());
            }
        }

        var uses = ImmutableArray.CreateBuilder<WeaponUse>();
        foreach (var family in families)
        {
            var famFigures = useFigures.Where(f => f.Weapon.Category.Family() == family).ToList();
            var famMentions = evWeapons.Where(w => w.Weapon.Category.Family() == family).ToList();
            if (family == WeaponFamily.Other && famFigures.Count == 0)
            {
                continue; // an airstrike named with no weapon says nothing countable
            }

            var evidenceSpan = famMentions.Count > 0 ? famMentions[0].Span : famFigures[0].Span;
            var groups = GroupByWeapon(famFigures, b.SentenceOf);
            if (groups.Count <= 1)
            {
                var category = MostSpecific(famFigures.Select(f => f.Weapon.Category).Concat(famMentions.Select(m => m.Weapon.Category)));
                var model = famFigures.Select(f => f.Weapon.Model).Concat(famMentions.Select(m => m.Weapon.Model)).FirstOrDefault(m => m is not null);
                uses.Add(new WeaponUse(new WeaponRef(category, model), doc.Evidence(evidenceSpan)) { Claims = Claims(famFigures) });
                continue;
            }

            // Several models of one family ("5 KN-23 and 7 Kinzhal ballistic missiles and 20 cruise missiles"): one entry each.
            foreach (var (weapon, figs) in groups)
            {
                uses.Add(new WeaponUse(weapon, doc.Evidence(figs[0].Span)) { Claims = Claims(figs) });
            }
        }

        ImmutableArray<FigureClaim> Claims(List<FigureMention> figs)
        {
            // "two more drones were destroyed" adds to the figure told before it.
            var running = new Dictionary<FigureKind, int>();
            var claims = ImmutableArray.CreateBuilder<FigureClaim>(figs.Count);
            foreach (var f in figs.OrderBy(f => f.Span.Start))
            {
                var value = f.IsIncrement && running.TryGetValue(f.Kind, out var before) ? Counts.Add(before, f.Value) : f.Value;
                running[f.Kind] = value;
                claims.Add(new FigureClaim(f.Kind, value, f.Qualifier, doc.Evidence(f.Span), f.Weapon, claimantOf(f))
                {
                    Rule = "figures/" + f.Rule + (value != f.Value ? "+earlier" : ""),
                });
            }

            return claims.MoveToImmutable();
        }

        return uses.ToImmutable();
    }

    /// <summary>The killed and injured claims of an event: a revision supersedes what it revises, an increment adds to the toll before it.</summary>
    private static ImmutableArray<FigureClaim> CasualtyClaims(Document doc, List<CasualtyMention> evCasualties, Bucketed b, Func<Mention, Claimant?> claimantOf)
    {
        var claims = evCasualties.Select(c => new FigureClaim(c.Kind, c.Value, c.Qualifier, doc.Evidence(c.Span), null, claimantOf(c))
        {
            Rule = "casualties/" + c.Rule,
            IsCurrent = !c.IsSuperseded,
        }).ToImmutableArray();
        claims = MarkRevised(claims, evCasualties);
        var sentences = doc.Layer<SentenceMention>(Layers.Sentences);
        return AddIncrements(claims, evCasualties, b.SentenceOf, m => sentences[b.SentenceOf(m)].IsHeadline);

    }

    /// <summary>Places hit: not reference points, not whole countries at war, a city's district as its city, one place once.</summary>
    private static List<PlaceRef> PlacesHit(Document doc, Draft d, Bucketed b)
    {
        var evPlaces = d.Units.SelectMany(u => b.Places[u]).Where(p => !p.IsReference).ToList();
        var resolved = evPlaces.Select(p => b.Resolved[p]).ToList();
        var kept = resolved.Where(p => p.Feature != "country" && (p.Country is null or "UA" or "RU" or "BY" or "MD")).ToList();
        // A place named in the event brings the region the report puts it in ("Tatarstan, where Kazan is located").
        foreach (var m in evPlaces.ToList())
        {
            // The link may sit on another mention of the same place.
            var id = b.Resolved[m].GazetteerId;
            var linked = m.ContainerIndex is not null ? m : b.AllPlaces.FirstOrDefault(o => o.ContainerIndex is not null && id is not null && b.Resolved[o].GazetteerId == id);
            if (linked?.ContainerIndex is int c && c >= 0 && c < b.AllPlaces.Length && !evPlaces.Contains(b.AllPlaces[c]) && !b.AllPlaces[c].IsReference)
            {
                evPlaces.Add(b.AllPlaces[c]);
                if (b.Resolved[b.AllPlaces[c]] is { Feature: not "country" } container)
                {
                    kept.Add(container);
                }
            }
        }

        // A city's district is its city (rule city-district), however often it is named.
        var districts = evPlaces.Where(m => IsCityDistrict(doc, m, kept, b)).ToList();
        var districtNames = districts.Select(m => PlaceNames.Fold(m.Text.Split(' ')[0])).ToHashSet(StringComparer.Ordinal);
        kept.RemoveAll(p => districts.Any(m => ReferenceEquals(b.Resolved[m], p)) || (p.Feature != "admin1" && districtNames.Contains(PlaceNames.Fold(p.Text.Split(' ')[0]))));

        // One place once, however often and however spelled ("Oriol region", "Oriol"), as first named; a facility named
        // twice ("the Dnipro Dam", "the Dnipro Hydroelectric Power Plant") by its fullest name.
        var uniquePlaces = new List<PlaceRef>();
        var seenNames = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var p in kept)
        {
            var key = p.GazetteerId ?? PlaceNames.Fold(p.Text);
            if (!seenNames.TryGetValue(key, out var at))
            {
                seenNames[key] = uniquePlaces.Count;
                uniquePlaces.Add(p);
            }
            else if (Stages.Places.PlaceStage.IsFacilityName(p.Text) && Stages.Places.PlaceStage.IsFacilityName(uniquePlaces[at].Text) && p.Text.Length > uniquePlaces[at].Text.Length)
            {
                uniquePlaces[at] = p;
            }
        }

        return uniquePlaces;
    }

    /// <summary>The attacker (explicit cues, then the target's country) and the country attacked.</summary>
    private static (Side Attacker, Country Target) AttackerOf(Document doc, Draft d, Bucketed b, List<PlaceRef> uniquePlaces)
    {
        var sides = d.Units.SelectMany(u => b.Actors[u]).Where(a => a.IsAttacker).GroupBy(a => a.Side).OrderByDescending(g => g.Count()).ToList();
        var targetCountry = uniquePlaces.Where(p => p.Country is not null).GroupBy(p => p.Country!).OrderByDescending(g => g.Count()).Select(g => g.Key).FirstOrDefault();
        var occupied = uniquePlaces.Count > 0 && uniquePlaces.All(p => p.Occupied);
        var attacker = d.Side ?? (sides.Count > 0 && (sides.Count == 1 || sides[0].Count() > sides[1].Count()) ? sides[0].Key : (Side?)null)
                          ?? (occupied ? Side.Ukraine : targetCountry switch { "UA" => Side.Russia, "RU" or "BY" => Side.Ukraine, _ => (Side?)null })
                          ?? AttackerFromTargetCountry(doc, d.Units.SelectMany(u => b.Places[u]), b.Resolved) ?? Side.Unknown;
        var target = targetCountry is null ? attacker switch { Side.Russia => Country.Ukraine, Side.Ukraine => Country.Russia, _ => Country.Other } : Parties.CountryOfIso(targetCountry);
        if (target.SideOf() == attacker && !occupied)
        {
            target = attacker == Side.Russia ? Country.Ukraine : Country.Russia;
        }

        return (attacker, target);
    }
}
