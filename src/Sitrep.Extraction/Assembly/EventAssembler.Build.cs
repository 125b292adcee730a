using System.Collections.Immutable;
using Sitrep.Core;
using Sitrep.Extraction.Stages.Figures;
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
        var evFigures = new List<FigureMention>();
        var evCasualties = new List<CasualtyMention>();
        var evWeapons = new List<WeaponMention>();
        foreach (var u in d.Units)
        {
            evFigures.AddRange(b.Figures[u]);
            evCasualties.AddRange(b.Casualties[u]);
            evWeapons.AddRange(b.Weapons[u]);
        }

        // The claimant of a figure is the one its words are attributed to (see EventAssembler.Claimants.cs).
        var uses = WeaponUses(doc, evFigures, evWeapons, b);
        var uniquePlaces = PlacesHit(doc, d, b);
        DropScopedZeroes(doc, b, evCasualties, uniquePlaces);
        var casualtyClaims = CasualtyClaims(doc, evCasualties, b);
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

        // A contested toll's claimant says nothing of the event's figures.
        var said = new List<Mention>(evFigures.Count + evCasualties.Count);
        said.AddRange(evFigures);
        for (var i = 0; i < evCasualties.Count; i++)
        {
            if (casualtyClaims[i].Role != ClaimRole.OtherSidesClaim)
            {
                said.Add(evCasualties[i]);
            }
        }

        var spans = new TextSpan[d.Sentences.Count];
        var quotes = ImmutableArray.CreateBuilder<Evidence>(d.Sentences.Count);
        for (var k = 0; k < spans.Length; k++)
        {
            spans[k] = d.Sentences[k].Span;
            quotes.Add(doc.Evidence(spans[k]));
        }

        var claimants = EventClaimants(doc, d.Units, spans, b, said);
        if (attacker == Side.Unknown && !d.IsAggregate && uses.Length > 0 && DefenderClaims(doc, d, claimants) is { } defender)
        {
            attacker = defender == Side.Russia ? Side.Ukraine : Side.Russia;
            target = target == Country.Other ? defender.Home() ?? target : target;
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
            Claimants = claimants,
            Quotes = quotes.MoveToImmutable(),
            Location = PlaceResolver.BestLocation(uniquePlaces),
        };
    }

    /// <summary>The claimant of the narrowest attribution over a figure or toll of the article (see EventAssembler.Claimants.cs).</summary>
    private static Claimant? ClaimantOf(Bucketed b, Mention m) => b.Index.UnitOf(m) is var u and >= 0 ? SpeakerOf(b.Speakers[u], m.Span) : null;

    /// <summary>"figures/" or "casualties/" before a stage's rule name, made once per rule name (a claim's rule).</summary>
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> FigureRules = new(StringComparer.Ordinal);
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> CasualtyRules = new(StringComparer.Ordinal);

    private static readonly int FigureKindCount = Enum.GetValues<FigureKind>().Length;
    private static readonly int SideCount = Enum.GetValues<Side>().Length;

    /// <summary>
    /// Rule <c>attacker-claim</c>: a toll the attacking side gives for its own strike ("Russian authorities claimed that
    /// the strike killed 85"), where the report also gives that toll from someone else (the side hit, officials, the
    /// report itself), is a contested claim: kept with role <see cref="ClaimRole.OtherSidesClaim"/>, so the event's figure is the other's. Alone, the
    /// attacker's toll stays the figure.
    /// </summary>

    private static ImmutableArray<FigureClaim> ContestAttackerTolls(ImmutableArray<FigureClaim> claims, Side attacker)
    {
        if (attacker == Side.Unknown)
        {
            return claims;
        }

        var any = false;
        foreach (var c in claims)
        {
            any |= c.IsCurrent && c.Claimant?.Side == attacker;
        }

        if (!any)
        {
            return claims;
        }

        var b = ImmutableArray.CreateBuilder<FigureClaim>(claims.Length);
        foreach (var c in claims)
        {
            b.Add(c.IsCurrent && c.Claimant?.Side == attacker && OtherSideGives(claims, c.Kind, attacker) ? c with { Role = ClaimRole.OtherSidesClaim, Rule = c.Rule + ClaimRoles.OtherSidesClaimTag } : c);
        }

        return b.MoveToImmutable();

        static bool OtherSideGives(ImmutableArray<FigureClaim> claims, FigureKind kind, Side attacker)
        {
            foreach (var o in claims)
            {
                if (o.Kind == kind && o.IsCurrent && o.Claimant?.Side != attacker)
                {
                    return true;
                }
            }

            return false;
        }
    }

    /// <summary>The weapons of an event, by family: figures decide the category when they have one.</summary>
    private static ImmutableArray<WeaponUse> WeaponUses(Document doc, List<FigureMention> evFigures, List<WeaponMention> evWeapons, Bucketed b)
    {
        var perWeapon = false;
        foreach (var f in evFigures)
        {
            perWeapon |= !f.IsCombined;
        }

        var useFigures = perWeapon ? evFigures.FindAll(f => !f.IsCombined) : evFigures;
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

        if (families.Count == 0)
        {
            return [];
        }

        var uses = ImmutableArray.CreateBuilder<WeaponUse>();
        var famFigures = new List<FigureMention>();
        var famMentions = new List<WeaponMention>();
        foreach (var family in families)
        {
            famFigures.Clear();
            famMentions.Clear();
            foreach (var f in useFigures)
            {
                if (f.Weapon.Category.Family() == family)
                {
                    famFigures.Add(f);
                }
            }

            foreach (var w in evWeapons)
            {
                if (w.Weapon.Category.Family() == family)
                {
                    famMentions.Add(w);
                }
            }

            if (family == WeaponFamily.Other && famFigures.Count == 0)
            {
                continue; // an airstrike named with no weapon says nothing countable
            }

            var evidenceSpan = famMentions.Count > 0 ? famMentions[0].Span : famFigures[0].Span;
            var groups = GroupByWeapon(famFigures, b.SentenceOf);
            if (groups.Count <= 1)
            {
                uses.Add(new WeaponUse(new WeaponRef(MostSpecific(famFigures, famMentions), FirstModel(famFigures, famMentions)), doc.Evidence(evidenceSpan)) { Claims = Claims(doc, famFigures, b) });
                continue;
            }

            // Several models of one family ("5 KN-23 and 7 Kinzhal ballistic missiles and 20 cruise missiles"): one entry each.
            var first = uses.Count;
            foreach (var (weapon, figs) in groups)
            {
                uses.Add(new WeaponUse(weapon, doc.Evidence(figs[0].Span)) { Claims = Claims(doc, figs, b) });
            }

            PartsOfTotal(uses, first, FigureKind.Launched);
            PartsOfTotal(uses, first, FigureKind.Destroyed);
        }

        return uses.ToImmutable();
    }

    /// <summary>The rule of a count the text tells as a part of the total before it ("among them 4 Kinzhal").</summary>
    private const string StatedPartRule = "figures/" + FigureStage.BreakdownItemRule;

    /// <summary>
    /// Rule <c>part-of-total</c>: "29 missiles" and then "18 Kh-101, seven Iskander-M and four Kinzhal" are 29 missiles, the
    /// models its breakdown. When the entries of one family from <paramref name="first"/> on hold one total with no model
    /// and modelled entries whose launched counts sum to no more than it (and to at least half of it), those counts are the total's parts: they stay as
    /// claims of role <see cref="ClaimRole.PartOfTotal"/> (not revisions), so the family's launched figure is the total and is
    /// never added up to 58, while each model keeps its own count. Destroyed counts the same: "shot down 25 missiles,
    /// including 16 Kh-101".
    /// </summary>
    private static void PartsOfTotal(ImmutableArray<WeaponUse>.Builder uses, int first, FigureKind kind)
    {
        WeaponUse? total = null;
        var sum = 0;
        var parts = 0;
        var stated = true;
        for (var i = first; i < uses.Count; i++)
        {
            if (uses[i].Current(kind) is not { } c)
            {
                continue;
            }

            if (uses[i].Weapon.Model is null && uses[i].Weapon.Category is WeaponCategory.Missile or WeaponCategory.Drone)
            {
                if (total is not null)
                {
                    return; // two totals: no telling which the models break down
                }

                total = uses[i];
            }
            else
            {
                sum = Counts.Add(sum, c.Value);
                parts++;
                stated &= c.Rule == StatedPartRule;
            }
        }

        // Parts far under the total ("7 S-300" beside "260 missiles" since the summer, an aggregate) break nothing down,
        // unless the text told them as its parts ("29 missiles, among them 4 Kinzhal": figures/breakdown-item).
        if (total?.Current(kind) is not { } t || parts == 0 || sum > t.Value || (2L * sum < t.Value && !stated))
        {
            return;
        }

        for (var i = first; i < uses.Count; i++)
        {
            if (!ReferenceEquals(uses[i], total) && uses[i].Current(kind) is not null)
            {
                uses[i] = uses[i] with
                {
                    Claims = [.. uses[i].Claims.Select(c => c.Kind == kind && c.IsCurrent ? c with { Role = ClaimRole.PartOfTotal, Rule = c.Rule + ClaimRoles.PartOfTotalTag } : c)],
                };
            }
        }
    }

    /// <summary>The first model named, by the figures, then by the mentions; null when none is.</summary>
    private static string? FirstModel(List<FigureMention> figures, List<WeaponMention> mentions)
    {
        foreach (var f in figures)
        {
            if (f.Weapon.Model is { } m)
            {
                return m;
            }
        }

        foreach (var w in mentions)
        {
            if (w.Weapon.Model is { } m)
            {
                return m;
            }
        }

        return null;
    }

    /// <summary>The claims of a weapon's figures, in text order: "two more drones were destroyed" adds to the figure told before it.</summary>
    private static ImmutableArray<FigureClaim> Claims(Document doc, List<FigureMention> figs, Bucketed b)
    {
        var ordered = StableByStart(figs, static f => f.Span.Start);
        var claims = ImmutableArray.CreateBuilder<FigureClaim>(ordered.Length);
        Span<int> running = stackalloc int[FigureKindCount];
        Span<bool> told = stackalloc bool[running.Length];
        foreach (var f in ordered)
        {
            var k = (int)f.Kind;
            var value = f.IsIncrement && told[k] ? Counts.Add(running[k], f.Value) : f.Value;
            running[k] = value;
            told[k] = true;
            claims.Add(new FigureClaim(f.Kind, value, f.Qualifier, doc.Evidence(f.Span), f.Weapon, ClaimantOf(b, f))
            {
                Rule = value != f.Value ? "figures/" + f.Rule + "+earlier" : FigureRules.GetOrAdd(f.Rule, static r => "figures/" + r),
            });
        }

        return claims.MoveToImmutable();
    }

    /// <summary>
    /// <paramref name="items"/> ordered by <paramref name="start"/>, equals in their order (a stable sort, as OrderBy,
    /// without its allocations: the lists are a sentence's or an event's few mentions).
    /// </summary>
    private static T[] StableByStart<T>(List<T> items, Func<T, int> start)
    {
        var sorted = items.ToArray();
        for (var i = 1; i < sorted.Length; i++)
        {
            var x = sorted[i];
            var key = start(x);
            var j = i - 1;
            while (j >= 0 && start(sorted[j]) > key)
            {
                sorted[j + 1] = sorted[j];
                j--;
            }

            sorted[j + 1] = x;
        }

        return sorted;
    }

    /// <summary>
    /// Rule casualties/scoped-zero: "no casualties were reported in the Poltava region" is that region's zero, not the
    /// event's; when the event also hits a place the zero's sentence does not name (another region's toll), the zero
    /// says nothing of the event's toll and is dropped. A zero whose sentence names no place, or names every place the
    /// event hits, stands.
    /// </summary>
    private static void DropScopedZeroes(Document doc, Bucketed b, List<CasualtyMention> evCasualties, List<PlaceRef> hit)
    {
        if (hit.Count < 2 || !evCasualties.Exists(c => c.Value == 0 && c.Rule == "no-casualties"))
        {
            return;
        }

        var sentences = doc.Layer<SentenceMention>(Layers.Sentences);
        evCasualties.RemoveAll(c =>
        {
            if (c.Value != 0 || c.Rule != "no-casualties" || b.SentenceOf(c) is not (>= 0 and var k) || k >= sentences.Length)
            {
                return false;
            }

            var span = sentences[k].Span;
            var named = b.AllPlaces.Where(p => !p.IsReference && span.Start <= p.Span.Start && p.Span.End <= span.End).ToList();
            return named.Count > 0 && hit.Exists(h => !named.Exists(n => Covers(n, h)));
        });

        // The zero's place names the hit place, or the region it lies in ("Poltava region" covers Kremenchuk, Poltava Oblast).
        static bool Covers(PlaceMention n, PlaceRef h)
        {
            var word = n.Text.Split(' ')[0];
            return string.Equals(n.Text, h.Text, StringComparison.OrdinalIgnoreCase)
                || (h.Name is { } name && name.StartsWith(word, StringComparison.OrdinalIgnoreCase))
                || (h.Admin1 is { } a1 && a1.StartsWith(word, StringComparison.OrdinalIgnoreCase))
                || (n.Span.Start <= h.Span.Start && h.Span.End <= n.Span.End);
        }
    }

    /// <summary>The killed and injured claims of an event: a revision supersedes what it revises, an increment adds to the toll before it.</summary>
    private static ImmutableArray<FigureClaim> CasualtyClaims(Document doc, List<CasualtyMention> evCasualties, Bucketed b)
    {
        if (evCasualties.Count == 0)
        {
            return [];
        }

        var builder = ImmutableArray.CreateBuilder<FigureClaim>(evCasualties.Count);
        foreach (var c in evCasualties)
        {
            builder.Add(new FigureClaim(c.Kind, c.Value, c.Qualifier, doc.Evidence(c.Span), null, ClaimantOf(b, c))
            {
                Rule = CasualtyRules.GetOrAdd(c.Rule, static r => "casualties/" + r),
                IsCurrent = !c.IsSuperseded,
            });
        }

        var claims = MarkRevised(builder.MoveToImmutable(), evCasualties);
        claims = AddIncrements(claims, evCasualties, b.SentenceOf, doc.Layer<SentenceMention>(Layers.Sentences));
        return LessInjured(claims, evCasualties);
    }

    /// <summary>
    /// Rule casualties/…-less-injured: "injuring a man … He later died in hospital", "injuring seven … one of the injured
    /// later died": the victim who died was counted injured, so besides the killed increment the injured toll told before
    /// is one less, a claim of its own (the larger injured claims before it stay, superseded). With no injured toll told
    /// before, nothing changes.
    /// </summary>
    private static ImmutableArray<FigureClaim> LessInjured(ImmutableArray<FigureClaim> claims, List<CasualtyMention> mentions)
    {
        if (!mentions.Exists(m => m.IsInjuredDeath))
        {
            return claims;
        }

        // claims[i] was made from mentions[i]; mentions are in text order.
        var b = claims.ToBuilder();
        for (var i = 0; i < mentions.Count; i++)
        {
            if (!mentions[i].IsInjuredDeath || !b[i].IsCurrent)
            {
                continue;
            }

            var told = -1;
            for (var j = 0; j < i; j++)
            {
                if (b[j].Kind == FigureKind.Injured && b[j].IsCurrent && b[j].IsCount && b[j].Value > 0 && (told < 0 || b[j].Value > b[told].Value))
                {
                    told = j;
                }
            }

            if (told < 0)
            {
                continue;
            }

            var left = b[told] with { Value = b[told].Value - 1, Evidence = b[i].Evidence, Claimant = b[i].Claimant ?? b[told].Claimant, Rule = "casualties/" + mentions[i].Rule + "-less-injured" };
            for (var j = 0; j < i; j++)
            {
                if (b[j].Kind == FigureKind.Injured && b[j].IsCurrent && b[j].Value > left.Value)
                {
                    b[j] = b[j] with { IsCurrent = false };
                }
            }

            b.Add(left);
        }

        return b.ToImmutable();
    }

    /// <summary>Places hit: not reference points, not whole countries at war, a city's district as its city, one place once.</summary>
    private static List<PlaceRef> PlacesHit(Document doc, Draft d, Bucketed b)
    {
        var evPlaces = new List<PlaceMention>();
        var titled = false;
        foreach (var u in d.Units.Concat(DamagePlaceUnits(doc, d, b)))
        {
            foreach (var p in b.Places[u])
            {
                if (!p.IsReference)
                {
                    evPlaces.Add(p);
                    titled |= p.Rule == "official-title";
                }
            }
        }

        // "the governor of the Leningrad region said" after a strike on Kirishi: a region named only in an official's
        // title (rule official-title) is a place hit when the event hits a place inside it; "the governor of Kharkiv
        // said" of a strike on Sumy names no place hit.
        if (titled)
        {
            var hitRegions = evPlaces.Where(m => m.Rule != "official-title").Select(m => b.Resolved[m]).Where(p => p.Feature != "admin1")
                .Select(p => p.Admin1).OfType<string>().ToHashSet(StringComparer.Ordinal);
            evPlaces.RemoveAll(m => m.Rule == "official-title" && !(b.Resolved[m] is { Feature: "admin1", Name: { } region } && hitRegions.Contains(region)));
        }

        if (evPlaces.Count == 0)
        {
            return [];
        }

        var kept = new List<PlaceRef>(evPlaces.Count);
        foreach (var m in evPlaces)
        {
            var p = b.Resolved[m];
            if (p.Feature != "country" && (p.Country is null or "UA" or "RU" or "BY" or "MD"))
            {
                kept.Add(p);
            }
        }

        // A place named in the event brings the region the report puts it in ("Tatarstan, where Kazan is located").
        var named = evPlaces.Count;
        for (var i = 0; i < named; i++)
        {
            var m = evPlaces[i];
            // The link may sit on another mention of the same place.
            var linked = m.ContainerIndex is not null ? m : b.Resolved[m].GazetteerId is { } id ? LinkedMention(id, b) : null;
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
        var districts = evPlaces.FindAll(m => IsCityDistrict(doc, m, kept, b));
        if (districts.Count > 0)
        {
            var districtNames = districts.Select(m => PlaceNames.Fold(m.Text.Split(' ')[0])).ToHashSet(StringComparer.Ordinal);
            kept.RemoveAll(p => districts.Any(m => ReferenceEquals(b.Resolved[m], p)) || (p.Feature != "admin1" && districtNames.Contains(PlaceNames.Fold(p.Text.Split(' ')[0]))));
        }

        // A region written as its city's name is its city (rule region-as-city-name).
        kept.RemoveAll(p => IsRegionWrittenAsCity(p, kept));

        // One place once, however often and however spelled ("Oriol region", "Oriol"), as first named; a facility named
        // twice ("the Dnipro Dam", "the Dnipro Hydroelectric Power Plant") by its fullest name.
        var uniquePlaces = new List<PlaceRef>(kept.Count);
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

    /// <summary>The first mention of the article linked to a container that resolved to the place <paramref name="id"/>, or null.</summary>
    private static PlaceMention? LinkedMention(string id, Bucketed b)
    {
        foreach (var o in b.AllPlaces)
        {
            if (o.ContainerIndex is not null && b.Resolved[o].GazetteerId == id)
            {
                return o;
            }
        }

        return null;
    }

    private static readonly FrozenWords DefenderVerbs = CueWords("defender-verb");

    /// <summary>
    /// Rule <c>defender-claims</c>, for an event no cue or place gives an attacker: its claimants of a known side are
    /// all of one side, Russia or Ukraine, and a unit of it tells the defence bringing weapons down ("The Ukrainian air
    /// force said 20 Kh-101 … had been launched. Air defence downed them all", "сбиты", "збито"): that side defends,
    /// so it is the side attacked; but when the verb's object is the other side's ("it had destroyed a Russian landing
    /// ship"), the other side is. Null when the claimants name both sides, none, or the event tells no defence.
    /// </summary>
    private static Side? DefenderClaims(Document doc, Draft d, ImmutableArray<Claimant> claimants)
    {
        Side? side = null;
        foreach (var c in claimants)
        {
            if (c.Side is Side.Unknown)
            {
                continue;
            }

            if (c.Side is not (Side.Russia or Side.Ukraine) || (side is not null && side != c.Side))
            {
                return null;
            }

            side = c.Side;
        }

        if (side is null)
        {
            return null;
        }

        foreach (var s in d.Sentences)
        {
            for (var k = s.FirstToken; k < s.EndToken; k++)
            {
                if (!DefenderVerbs.Contains(doc.Tokens[k].Lower))
                {
                    continue;
                }

                // "Ukraine's navy said it had destroyed a Russian landing ship": the verb's object is the other side's,
                // so the claimant's side struck it (rule claimant-strikes-other-side); the side attacked is the object's.
                for (var j = k + 1; j < Math.Min(s.EndToken, k + 4); j++)
                {
                    if (Stages.Actors.ActorStage.SideOfWord(doc.Tokens[j].Lower) is var objectSide and (Side.Russia or Side.Ukraine) && objectSide != side)
                    {
                        return objectSide;
                    }
                }

                return side;
            }
        }

        return null;
    }

    /// <summary>The attacker (explicit cues, then the target's country) and the country attacked.</summary>
    private static (Side Attacker, Country Target) AttackerOf(Document doc, Draft d, Bucketed b, List<PlaceRef> uniquePlaces)
    {
        // The side most often cued as the attacker, when no other is cued as often.
        Span<int> cued = stackalloc int[SideCount];
        foreach (var u in d.Units)
        {
            foreach (var a in b.Actors[u])
            {
                if (a.IsAttacker)
                {
                    cued[(int)a.Side]++;
                }
            }
        }

        Side? bySides = null;
        int most = 0, ties = 0;
        for (var k = 0; k < cued.Length; k++)
        {
            if (cued[k] > most)
            {
                (bySides, most, ties) = ((Side)k, cued[k], 1);
            }
            else if (cued[k] == most && most > 0)
            {
                ties++;
            }
        }

        bySides = ties == 1 ? bySides : null;

        // The country most places are in, the first named of equals.
        string? targetCountry = null;
        var countryCount = 0;
        var occupied = uniquePlaces.Count > 0;
        for (var i = 0; i < uniquePlaces.Count; i++)
        {
            var p = uniquePlaces[i];
            occupied &= p.Occupied;
            if (p.Country is not { } country || country == targetCountry)
            {
                continue;
            }

            var n = 0;
            var firstAt = -1;
            for (var j = 0; j < uniquePlaces.Count; j++)
            {
                if (uniquePlaces[j].Country == country)
                {
                    n++;
                    firstAt = firstAt < 0 ? j : firstAt;
                }
            }

            if (firstAt == i && n > countryCount)
            {
                targetCountry = country;
                countryCount = n;
            }
        }

        var attacker = d.Side ?? bySides
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
