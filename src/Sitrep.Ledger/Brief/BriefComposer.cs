using System.Collections.Immutable;
using System.Globalization;
using Sitrep.Core;
using Sitrep.Ledger.Filters;
using Sitrep.Storage;

namespace Sitrep.Ledger.Brief;

/// <summary>
/// Writes one brief from its source: pure (no store, no clock), deterministic (the same source gives the same
/// document), and made only of templates filled with the ledger's values, each value keeping where it comes from.
/// Citations are numbered in the order the document first uses them. Single use.
/// </summary>
internal sealed class BriefComposer(BriefTemplates t, BriefOptions options, BriefSource source)
{
    private static readonly WeaponFamily[] FamilyOrder = [WeaponFamily.Drone, WeaponFamily.Missile, WeaponFamily.Bomb, WeaponFamily.Artillery, WeaponFamily.Other];

    private readonly CitationBook _book = new(source.Reports);
    private readonly Dictionary<long, StoredAttack> _attackOfEvent = source.Attacks.SelectMany(a => a.Members.Select(m => (m.EventId, Attack: a)))
        .GroupBy(x => x.EventId).ToDictionary(g => g.Key, g => g.First().Attack);

    private readonly Dictionary<(long Attack, Side Side, string Name), string> _fullNames = [];
    private readonly BriefWindow _window = source.Window;
    private readonly Dictionary<long, string> _regions = [];
    private readonly Dictionary<(string, string?), bool> _tellsDamage = [];
    private readonly Dictionary<(string, Side), string?> _resolved = [];

    public BriefDocument Compose()
    {
        var main = Ranked(source.Attacks.Where(a => _window.Place(a.Date, a.Precision) == BriefPlacement.Main));
        var untimed = Ranked(source.Attacks.Where(a => _window.Place(a.Date, a.Precision) == BriefPlacement.Untimed));
        var sections = ImmutableArray.CreateBuilder<BriefSection>();
        var cutoff = Cutoff();
        sections.Add(new BriefSection("header", "", [new BriefParagraph(Header(cutoff))]));
        sections.Add(new BriefSection("key_figures", t.Text("heading.key"), KeyFigures(main, untimed)));
        var told = new List<long>();
        if (main.Length > 0)
        {
            sections.Add(new BriefSection("attacks", t.Text("heading.attacks"), AttackParagraphs(main, told)));
        }

        if (untimed.Length > 0)
        {
            sections.Add(new BriefSection("untimed", t.Text(_window.Kind == BriefWindowKind.Period ? "heading.untimed.period" : "heading.untimed"), AttackParagraphs(untimed, told)));
        }

        var background = Background();
        if (background.Length > 0)
        {
            sections.Add(new BriefSection("background", t.Text("heading.background"), [new BriefParagraph(background)]));
        }

        return new BriefDocument(t.Language, _window, Title(), cutoff, sections.ToImmutable(), _book.All, [.. told]) { SourcesHeading = t.Text("heading.sources") };
    }

    // ---- the header ----

    private string Title() => _window.Kind switch
    {
        BriefWindowKind.Night => t.Render("title.night", null, ("evening", Evening(_window.First, _window.Last)), ("morning", Date(_window.Last, "date.full"))).Text,
        BriefWindowKind.Day => t.Render("title.day", null, ("day", Date(_window.Last, "date.full"))).Text,
        BriefWindowKind.Period => t.Render("title.period", null, PeriodSlots()).Text,
        _ => t.Render("title.range", null, ("first", Evening(_window.First, _window.Last, dayOnly: false)), ("last", Date(_window.Last, "date.full"))).Text,
    };

    /// <summary>A period's ends in Kyiv time: "18:00 20 September" to "09:00 21 September 2024", the first date as short as the second allows.</summary>
    private (string, BriefFragment)[] PeriodSlots()
    {
        var (since, until) = (KyivTime.Of(_window.Since!.Value), KyivTime.Of(_window.Until!.Value));
        var (first, last) = (DateOnly.FromDateTime(since), DateOnly.FromDateTime(until));
        return
        [
            ("start", Time(since.Hour, since.Minute)), ("first", Date(first, first.Year == last.Year ? "date.day" : "date.full")),
            ("end", Time(until.Hour, until.Minute)), ("last", Date(last, "date.full")),
        ];
    }

    private BriefCutoff? Cutoff()
    {
        var used = source.Attacks.SelectMany(a => a.Members).Select(m => m.ReportId).Concat(source.Background.Select(b => b.Report.Id)).ToHashSet();
        var latest = used.Where(source.Reports.ContainsKey).Select(id => source.Reports[id])
            .OrderByDescending(r => r.IngestedAt).ThenByDescending(r => r.Id).FirstOrDefault();
        return latest is null ? null : new BriefCutoff(latest.Id, latest.IngestedAt, latest.Article.Published, Outlet(latest));
    }

    private ImmutableArray<BriefSentence> Header(BriefCutoff? cutoff)
    {
        var list = ImmutableArray.CreateBuilder<BriefSentence>();
        list.Add((_window.Kind switch
        {
            BriefWindowKind.Night => t.Render("window.night", null,
                ("start", Time(BriefWindow.NightStartHour, 0)), ("evening", Date(_window.First, _window.First.Year == _window.Last.Year ? "date.day" : "date.full")),
                ("end", Time(BriefWindow.NightEndHour, 0)), ("morning", Date(_window.Last, "date.full"))),
            BriefWindowKind.Day => t.Render("window.day", null, ("day", Date(_window.Last, "date.full"))),
            BriefWindowKind.Period => t.Render("window.period", null, PeriodSlots()),
            _ => t.Render("window.range", null, ("first", Evening(_window.First, _window.Last, dayOnly: false)), ("last", Date(_window.Last, "date.full"))),
        }).Sentence("window"));
        if (cutoff is not null)
        {
            var at = KyivTime.Of(cutoff.StoredAt);
            var report = source.Reports[cutoff.ReportId];
            var outlet = Name(cutoff.Source ?? "?").Cite([_book.Headline(report)]);
            var date = Date(DateOnly.FromDateTime(at), "date.full");
            var sentence = cutoff.Published is { } published
                ? t.Render("cutoff", null, ("time", Time(at.Hour, at.Minute)), ("date", date), ("source", outlet), ("published", Date(published, "date.full")))
                : t.Render("cutoff.undated", null, ("time", Time(at.Hour, at.Minute)), ("date", date), ("source", outlet));
            list.Add(sentence.Sentence("cutoff"));
        }

        return list.ToImmutable();
    }

    // ---- key figures ----

    private ImmutableArray<BriefParagraph> KeyFigures(ImmutableArray<StoredAttack> main, ImmutableArray<StoredAttack> untimed)
    {
        var paragraphs = ImmutableArray.CreateBuilder<BriefParagraph>();
        if (main.IsEmpty)
        {
            paragraphs.Add(new BriefParagraph([t.Render("key.none", null).Sentence("none")]));
        }

        foreach (var direction in main.GroupBy(a => (a.Attacker, a.Target)))
        {
            var attacks = direction.ToList();
            var (attacker, target) = direction.Key;
            var sentences = ImmutableArray.CreateBuilder<BriefSentence>();
            var known = attacker is Side.Russia or Side.Ukraine or Side.Belarus;
            var count = Count(attacks.Count, attacks.Select(a => AttackIds.Format(a.Id)));
            sentences.Add(t.Render(known ? "key.count" : "key.count.unknown", attacks.Count, ("count", count), ("attacker", SideName(attacker)), ("target", CountryName(target)))
                .Cite(attacks.Select(Dating)).Sentence("count"));
            foreach (var family in FamilyOrder)
            {
                if (KeyFamily(attacks, family) is { } s)
                {
                    sentences.Add(s);
                }
            }

            if (KeyCasualties(attacks, target) is { } c)
            {
                sentences.Add(c);
            }

            var heading = t.Render("heading.direction", null, ("attacker", known ? SideName(attacker) : BriefFragment.Of(t.Text("heading.attacker.unknown"))), ("target", CountryName(target))).Text;
            paragraphs.Add(new BriefParagraph(sentences.ToImmutable()) { Heading = heading });
        }

        if (!untimed.IsEmpty && _window.Kind == BriefWindowKind.Period)
        {
            var count = Count(untimed.Length, untimed.Select(a => AttackIds.Format(a.Id)));
            paragraphs.Add(new BriefParagraph([t.Render("key.untimed.period", untimed.Length, ("count", count)).Cite(untimed.Select(Dating)).Sentence("untimed")]));
        }
        else if (!untimed.IsEmpty)
        {
            var days = t.Render("key.untimed.days", null, ("a", Evening(_window.First, _window.Last)), ("b", Date(_window.Last, "date.full")));
            var count = Count(untimed.Length, untimed.Select(a => AttackIds.Format(a.Id)));
            paragraphs.Add(new BriefParagraph([t.Render("key.untimed", untimed.Length, ("count", count), ("days", days)).Cite(untimed.Select(Dating)).Sentence("untimed")]));
        }

        return paragraphs.ToImmutable();
    }

    private BriefSentence? KeyFamily(List<StoredAttack> attacks, WeaponFamily family)
    {
        var f = family.ToContract();
        var launched = attacks.Select(a => (Attack: a, Figure: a.Figure(f + ".launched"))).Where(x => x.Figure is not null).ToList();
        var destroyed = attacks.Select(a => (Attack: a, Figure: a.Figure(f + ".destroyed"))).Where(x => x.Figure is not null).ToList();
        if (launched.Count == 0 && destroyed.Count == 0)
        {
            return null;
        }

        var l = launched.Count == 0 ? null : Part(Verb("figures.launched", family), SumAmount(launched!), BestClaims(launched!));
        var d = destroyed.Count == 0 ? null : Part("figures.destroyed", SumAmount(destroyed!), BestClaims(destroyed!));
        var rated = l is not null && d is not null && launched.Select(x => x.Attack.Id).Order().SequenceEqual(destroyed.Select(x => x.Attack.Id).Order());
        return FamilySentence(family, l, d, rated).Sentence("family");
    }

    /// <summary>The template <paramref name="key"/> of a weapon family when the language has one ("figures.launched.bomb": bombs are dropped), else the general one.</summary>
    private string Verb(string key, WeaponFamily family) => t.Has(key + "." + family.ToContract()) ? key + "." + family.ToContract() : key;

    private static List<StoredAttackClaim> BestClaims(IEnumerable<(StoredAttack Attack, StoredAttackFigure Figure)> parts) =>
        [.. parts.Select(x => BestClaim(x.Figure)).OfType<StoredAttackClaim>()];

    /// <summary>"36 launched (30–36)": one figure of a family's sentence, its best and the claims behind it.</summary>
    private sealed record FamilyPart(BriefFragment Text, int Best, List<StoredAttackClaim> Claims);

    private FamilyPart Part(string key, AmountParts amount, List<StoredAttackClaim> claims, BriefFragment? models = null) =>
        new(t.Render(key, amount.Best, ("amount", amount.Amount), ("range", amount.Range)).Then(models ?? BriefFragment.Empty), amount.Best, claims);

    /// <summary>
    /// "Drones: 48 launched and 40 destroyed, an interception rate of 83%, according to the air force." When launched and
    /// destroyed come from different claimants, each figure is followed by its own.
    /// </summary>
    private BriefFragment FamilySentence(WeaponFamily family, FamilyPart? l, FamilyPart? d, bool rated)
    {
        var name = BriefFragment.Of(t.Text("family." + family.ToContract()));
        if (l is not null && d is not null)
        {
            var (ls, ds) = (Sources(l.Claims), Sources(d.Claims));
            if (ls.Text != ds.Text)
            {
                return t.Render("family.split", null, ("family", name), ("launched", l.Text), ("launched_sources", ls), ("destroyed", d.Text), ("destroyed_sources", ds),
                    ("rate", rated ? Rate(d.Best, l.Best, "figures.rate.split") : BriefFragment.Empty));
            }
        }

        var figures = List([.. new[] { l, d }.OfType<FamilyPart>().Select(p => p.Text)]);
        if (rated && l is not null && d is not null)
        {
            figures = figures.Then(Rate(d.Best, l.Best, "figures.rate"));
        }

        return t.Render("family", null, ("family", name), ("figures", figures), ("sources", Sources([.. new[] { l, d }.OfType<FamilyPart>().SelectMany(p => p.Claims)])));
    }

    private BriefSentence? KeyCasualties(List<StoredAttack> attacks, Country target)
    {
        var killed = attacks.Select(a => (Attack: a, Figure: a.Figure("killed"))).Where(x => x.Figure is not null).ToList();
        var injured = attacks.Select(a => (Attack: a, Figure: a.Figure("injured"))).Where(x => x.Figure is not null).ToList();
        if (killed.Count == 0 && injured.Count == 0)
        {
            return null;
        }

        var claims = killed.Concat(injured).Select(x => BestClaim(x.Figure!)).OfType<StoredAttackClaim>().ToList();
        if (killed.Concat(injured).All(x => x.Figure!.Best == 0 && x.Figure.High == 0))
        {
            return t.Render("key.casualties.none", null, ("target", CountryName(target)), ("sources", Sources(claims))).Cite(claims.Select(Cite)).Sentence("casualties");
        }

        var k = killed.Count == 0 ? null : Part("casualty.killed", SumAmount(killed!), BestClaims(killed!));
        var i = injured.Count == 0 ? null : Part("casualty.injured", SumAmount(injured!), BestClaims(injured!));
        if (k is not null && i is not null && Sources(k.Claims) is var ks && Sources(i.Claims) is var iss && ks.Text != iss.Text)
        {
            return t.Render("key.casualties.two", null, ("target", CountryName(target)), ("killed", k.Text), ("killed_sources", ks), ("injured", i.Text), ("injured_sources", iss)).Sentence("casualties");
        }

        var parts = new[] { k, i }.OfType<FamilyPart>().ToList();
        return t.Render("key.casualties", null, ("target", CountryName(target)), ("casualties", List([.. parts.Select(p => p.Text)])), ("sources", Sources(claims))).Sentence("casualties");
    }

    // ---- attacks ----

    private ImmutableArray<BriefParagraph> AttackParagraphs(ImmutableArray<StoredAttack> ranked, List<long> told)
    {
        var paragraphs = ImmutableArray.CreateBuilder<BriefParagraph>();
        foreach (var country in ranked.Select(a => a.Target).Distinct())
        {
            var inCountry = ranked.Where(a => a.Target == country).ToList();
            foreach (var region in inCountry.Select(Region).Distinct(StringComparer.Ordinal))
            {
                foreach (var a in inCountry.Where(a => Region(a) == region))
                {
                    told.Add(a.Id);
                    paragraphs.Add(new BriefParagraph(AttackSentences(a))
                    {
                        Heading = t.Render("heading.attack", null, ("id", BriefFragment.Of(AttackIds.Format(a.Id))), ("when", HeadingWhen(a))).Text,
                        AttackId = a.Id,
                        Groups = [Capitalized(CountryName(country).Text), region],
                    });
                }
            }
        }

        return paragraphs.ToImmutable();
    }

    private ImmutableArray<BriefSentence> AttackSentences(StoredAttack a)
    {
        var list = ImmutableArray.CreateBuilder<BriefSentence>();
        list.Add(Lead(a));
        if (Places(a) is { } places)
        {
            list.Add(places);
        }

        foreach (var family in FamilyOrder)
        {
            if (AttackFamily(a, family) is { } s)
            {
                list.Add(s);
            }
        }

        if (UncountedWeapons(a) is { } weapons)
        {
            list.Add(weapons);
        }

        if (AttackCasualties(a) is { } casualties)
        {
            list.Add(casualties);
        }

        list.AddRange(Contested(a));
        if (Damage(a) is { } damage)
        {
            list.Add(damage);
        }

        list.Add(Told(a));
        return list.ToImmutable();
    }

    private BriefSentence Lead(StoredAttack a)
    {
        var words = new List<BriefFragment>();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var e in MemberEvents(a))
        {
            var d = e.Event.Date;
            if (d.Text.Length > 0 && words.Count < 3 && seen.Add(d.Text))
            {
                words.Add(Quote(e.Report.Id, new Evidence(d.Span, d.Text)));
            }
        }

        var known = a.Attacker is Side.Russia or Side.Ukraine or Side.Belarus;
        var key = (known ? "attack.lead" : "attack.lead.unknown") + (words.Count == 0 ? ".nowords" : "");
        var slots = new List<(string, BriefFragment)> { ("target", CountryName(a.Target)), ("when", When(a)) };
        if (known)
        {
            slots.Add(("attacker", SideName(a.Attacker)));
        }

        if (words.Count > 0)
        {
            slots.Add(("words", List(words)));
        }

        var sentence = t.Render(key, null, [.. slots]);
        if (words.Count == 0 && a.Members.FirstOrDefault() is { } first && source.Reports.TryGetValue(first.ReportId, out var report))
        {
            sentence = sentence.Cite([_book.Headline(report)]);
        }

        return Capitalize(sentence).Sentence("lead");
    }

    private BriefSentence? Places(StoredAttack a)
    {
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var places = new List<(string Name, string? Region, bool IsRegion, int Citation)>();
        foreach (var e in MemberEvents(a))
        {
            foreach (var p in e.Event.Places)
            {
                var name = p.Name ?? p.Text;
                if (name.Length > 0 && seen.Add(name))
                {
                    places.Add((name, p.Admin1, p.Feature == "admin1" || string.Equals(p.Admin1, name, StringComparison.OrdinalIgnoreCase), _book.Cite(e.Report.Id, new Evidence(p.Span, p.Text))));
                }
            }
        }

        if (places.Count == 0)
        {
            return null;
        }

        var items = new List<BriefFragment>();
        foreach (var region in places.Select(p => p.Region ?? (p.IsRegion ? p.Name : null)).Distinct())
        {
            if (region is null)
            {
                items.AddRange(places.Where(p => p.Region is null && !p.IsRegion).Select(p => Name(p.Name, p.Citation)));
                continue;
            }

            var towns = places.Where(p => p.Region == region && !p.IsRegion).Select(p => Name(p.Name, p.Citation)).ToList();
            var mention = places.FirstOrDefault(p => p.IsRegion && string.Equals(p.Region ?? p.Name, region, StringComparison.OrdinalIgnoreCase));
            var regionName = mention.Name is null ? Name(region) : Name(region, mention.Citation);
            items.Add(towns.Count == 0 ? regionName : t.Render("attack.place.region", null, ("places", List(towns)), ("region", regionName)));
        }

        return t.Render("attack.places", null, ("places", List(items))).Sentence("places");
    }

    private BriefSentence? AttackFamily(StoredAttack a, WeaponFamily family)
    {
        var f = family.ToContract();
        var launched = a.Figure(f + ".launched");
        var destroyed = a.Figure(f + ".destroyed");
        if (launched is null && destroyed is null)
        {
            return null;
        }

        var l = launched is null ? null : Part(Verb("figures.launched", family), Amount(a, launched), [.. new[] { BestClaim(launched) }.OfType<StoredAttackClaim>()], Models(a, f + ".launched:", launched.Best));
        var d = destroyed is null ? null : Part("figures.destroyed", Amount(a, destroyed), [.. new[] { BestClaim(destroyed) }.OfType<StoredAttackClaim>()], Models(a, f + ".destroyed:", destroyed.Best));
        return FamilySentence(family, l, d, l is not null && d is not null).Sentence("figures");
    }

    private BriefFragment Models(StoredAttack a, string prefix, int familyBest)
    {
        var models = a.Figures.Where(x => x.Name.StartsWith(prefix, StringComparison.Ordinal) && x.Model is not null)
            .OrderByDescending(x => x.Best).ThenBy(x => x.Model, StringComparer.Ordinal).ToList();
        if (models.Count == 0 || (models.Count == 1 && models[0].Best == familyBest))
        {
            return BriefFragment.Empty;
        }

        var items = models.Select(m => t.Render("figures.model", m.Best, ("value", Figure(m.Best, [(BestClaim(m), a.Id, m.Name)])), ("model", Name(m.Model!)))).ToList();
        return t.Render("figures.models", null, ("models", List(items)));
    }

    private BriefSentence? UncountedWeapons(StoredAttack a)
    {
        var counted = a.Figures.Where(f => f.IsFamilyFigure).Select(f => f.Family).ToHashSet();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var items = new List<BriefFragment>();
        foreach (var e in MemberEvents(a))
        {
            foreach (var w in e.Event.Weapons)
            {
                if (counted.Contains(w.Weapon.Category.Family()))
                {
                    continue;
                }

                var category = BriefFragment.Of(t.Text("category." + w.Weapon.Category.ToContract()));
                var item = w.Weapon.Model is { } model ? t.Render("weapon.model", null, ("model", Name(model)), ("category", category)) : category;
                if (seen.Add(item.Text))
                {
                    items.Add(item.Cite([_book.Cite(e.Report.Id, w.Evidence)]));
                }
            }
        }

        return items.Count == 0 ? null : t.Render("attack.weapons", null, ("weapons", List(items))).Sentence("weapons");
    }

    private BriefSentence? AttackCasualties(StoredAttack a)
    {
        var killed = a.Figure("killed");
        var injured = a.Figure("injured");
        if (killed is null && injured is null)
        {
            return null;
        }

        var kc = killed is null ? null : BestClaim(killed);
        var ic = injured is null ? null : BestClaim(injured);
        var all = new[] { kc, ic }.OfType<StoredAttackClaim>().ToList();
        if (new[] { killed, injured }.OfType<StoredAttackFigure>().All(f => f.Best == 0 && f.High == 0) && killed is not null && injured is not null)
        {
            return t.Render("attack.casualties.none", null, ("sources", Sources(all))).Cite(all.Select(Cite)).Sentence("casualties");
        }

        var k = killed is null ? null : Amount(a, killed) is var ka ? t.Render("casualty.killed", ka.Best, ("amount", ka.Amount), ("range", ka.Range)) : null;
        var i = injured is null ? null : Amount(a, injured) is var ia ? t.Render("casualty.injured", ia.Best, ("amount", ia.Amount), ("range", ia.Range)) : null;
        if (k is not null && i is not null)
        {
            var ks = Sources([kc!]);
            var iss = Sources([ic!]);
            return ks.Text == iss.Text
                ? Capitalize(t.Render("attack.casualties", null, ("casualties", List([k, i])), ("sources", Sources(all)))).Sentence("casualties")
                : Capitalize(t.Render("attack.casualties.two", null, ("killed", k), ("killed_sources", ks), ("injured", i), ("injured_sources", iss))).Sentence("casualties");
        }

        return Capitalize(t.Render("attack.casualties", null, ("casualties", (k ?? i)!), ("sources", Sources(all)))).Sentence("casualties");
    }

    private IEnumerable<BriefSentence> Contested(StoredAttack a)
    {
        foreach (var f in a.Figures)
        {
            if (ContestedSides(a, f) is not var (x, y))
            {
                continue;
            }

            var what = f.Kind switch
            {
                FigureKind.Launched => t.Render("what.launched", x.Value, ("noun", t.Word("noun." + f.Family!.Value.ToContract(), x.Value))),
                FigureKind.Destroyed => t.Render("what.destroyed", x.Value, ("noun", t.Word("noun." + f.Family!.Value.ToContract(), x.Value))),
                FigureKind.Killed => t.Render("what.killed", x.Value),
                _ => t.Render("what.injured", x.Value),
            };
            yield return Capitalize(t.Render("attack.contested", x.Value,
                ("a", Who(x)), ("a_value", Figure(x.Value, [(x, a.Id, f.Name)])), ("what", what),
                ("b", Who(y)), ("b_value", Figure(y.Value, [(y, a.Id, f.Name)])))).Sentence("contested");
        }
    }

    private BriefSentence? Damage(StoredAttack a)
    {
        var quotes = new List<BriefFragment>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var e in MemberEvents(a))
        {
            if (quotes.Count >= 2)
            {
                break;
            }

            if (e.Event.Quotes.IsEmpty)
            {
                continue;
            }

            var language = source.Reports.TryGetValue(e.Report.Id, out var r) ? r.Article.Language : null;
            List<TextSpan>? claims = null;
            foreach (var q in e.Event.Quotes)
            {
                if (quotes.Count >= 2)
                {
                    break;
                }

                if (q.Text.Length is 0 or > 320 || seen.Contains(q.Text) || !TellsDamage(q.Text, language))
                {
                    continue;
                }

                claims ??= [.. e.Event.Weapons.SelectMany(w => w.Claims).Concat(e.Event.Casualties).Select(c => c.Evidence.Span)];
                if (!claims.Any(c => c.Start < q.Span.End && q.Span.Start < c.End))
                {
                    seen.Add(q.Text);
                    quotes.Add(Quote(e.Report.Id, WithoutFullStop(q)));
                }
            }
        }

        return quotes.Count == 0 ? null : t.Render("attack.damage", null, ("quotes", List(quotes))).Sentence("damage");
    }

    /// <summary>Whether a sentence tells damage, asked once per sentence and language (reports that repeat an agency's words repeat its sentences).</summary>
    private bool TellsDamage(string sentence, string? language)
    {
        var key = (sentence, language);
        if (!_tellsDamage.TryGetValue(key, out var tells))
        {
            _tellsDamage[key] = tells = BriefLexicon.TellsDamage(sentence, language);
        }

        return tells;
    }

    private BriefSentence Told(StoredAttack a)
    {
        var reports = a.Members.Select(m => m.ReportId).Distinct().Where(source.Reports.ContainsKey).Select(id => source.Reports[id]).ToList();
        var outlets = new List<(string Outlet, StoredReport First)>();
        foreach (var r in reports)
        {
            var outlet = Outlet(r) ?? "?";
            if (!outlets.Any(o => string.Equals(o.Outlet, outlet, StringComparison.OrdinalIgnoreCase)))
            {
                outlets.Add((outlet, r));
            }
        }

        var reportCount = Count(reports.Count, reports.Select(r => "R" + r.Id.ToString(CultureInfo.InvariantCulture)));
        var outletCount = Count(outlets.Count, outlets.Select(o => "outlet:" + o.Outlet));
        var names = outlets.Select(o => Name(o.Outlet, _book.Headline(o.First))).ToList();
        return t.Render("attack.told", null,
            ("reports", t.Render("count.reports", reports.Count, ("n", reportCount))),
            ("outlets", t.Render("count.outlets", outlets.Count, ("n", outletCount))),
            ("names", List(names))).Sentence("told");
    }

    // ---- background ----

    private ImmutableArray<BriefSentence> Background()
    {
        // Reports that repeat the same total (an agency story run by several outlets) make one sentence citing each.
        var sentences = new List<BriefFragment>();
        foreach (var e in source.Background.OrderBy(e => e.Report.Id).ThenBy(e => e.Ordinal))
        {
            var claims = e.Event.Weapons.SelectMany(w => w.Claims.Where(c => c.Kind is FigureKind.Launched or FigureKind.Destroyed).Select(c => (Claim: c, Weapon: (WeaponRef?)w.Weapon)))
                .Concat(e.Event.Casualties.Where(c => c.Kind is FigureKind.Killed or FigureKind.Injured).Select(c => (Claim: c, Weapon: (WeaponRef?)null)))
                .Where(x => x.Claim.IsCurrent && x.Claim.IsCount).ToList();
            foreach (var byClaimant in claims.GroupBy(x => Who(Id(x.Claim.Claimant?.Canonical, x.Claim.Claimant?.Name, x.Claim.Claimant?.Side ?? Side.Unknown), x.Claim.Claimant?.Name) ?? ""))
            {
                var figures = new List<BriefFragment>();
                foreach (var (claim, weapon) in byClaimant)
                {
                    var family = (weapon?.Category ?? claim.Weapon?.Category)?.Family();
                    var name = claim.Kind is FigureKind.Killed or FigureKind.Injured ? claim.Kind.ToContract() : $"{(family ?? WeaponFamily.Other).ToContract()}.{claim.Kind.ToContract()}";
                    var citation = _book.Cite(e.Report.Id, claim.Evidence, claim.Claimant?.Name, Id(claim.Claimant?.Canonical, claim.Claimant?.Name, claim.Claimant?.Side ?? Side.Unknown));
                    var value = BriefFragment.Value(t.Number(claim.Value), new BriefValue(BriefValueKind.Figure, 0, 0)
                    {
                        Number = claim.Value,
                        Derivation = "claim",
                        Claims = [new BriefClaimRef(citation, e.Id, null, name, claim.Value)],
                    }, [citation]);
                    var amount = t.Render("amount." + claim.Qualifier.ToContract(), claim.Value, ("n", value));
                    figures.Add(claim.Kind switch
                    {
                        FigureKind.Killed => t.Render("background.killed", claim.Value, ("amount", amount)),
                        FigureKind.Injured => t.Render("background.injured", claim.Value, ("amount", amount)),
                        _ => t.Render(Verb("background." + claim.Kind.ToContract(), family ?? WeaponFamily.Other), claim.Value, ("amount", amount), ("noun", t.Word("noun." + (family ?? WeaponFamily.Other).ToContract(), claim.Value))),
                    });
                }

                var claimant = byClaimant.Key.Length > 0
                    ? Name(byClaimant.Key)
                    : t.Render("source.unnamed", null, ("outlet", Name(Outlet(e.Report) ?? "?")));
                var sentence = Capitalize(e.Event.Date.Text.Length > 0
                    ? t.Render("background.figures", null, ("claimant", claimant), ("figures", List(figures)), ("period", Quote(e.Report.Id, new Evidence(e.Event.Date.Span, e.Event.Date.Text))))
                    : t.Render("background.figures.noperiod", null, ("claimant", claimant), ("figures", List(figures))));
                var same = sentences.FindIndex(x => x.Text == sentence.Text);
                if (same < 0)
                {
                    sentences.Add(sentence);
                }
                else
                {
                    sentences[same] = sentences[same].Cite(sentence.Citations);
                }
            }
        }

        return [.. sentences.Select(x => x.Sentence("background"))];
    }

    // ---- figures ----

    /// <summary>A figure's best value with its hedge ("at least 3"), and, apart, its range when the reports differ (" (3–5)").</summary>
    private sealed record AmountParts(BriefFragment Amount, BriefFragment Range, int Best);

    /// <summary>A figure's best value with its hedge, and its range when the reports differ: "at least 3" and " (3–5)".</summary>
    private AmountParts Amount(StoredAttack a, StoredAttackFigure f)
    {
        var best = BestClaim(f);
        var amount = t.Render("amount." + (best?.Qualifier ?? Qualifier.Exact).ToContract(), f.Best, ("n", Figure(f.Best, [(best, a.Id, f.Name)])));
        var range = f.Low == f.High ? BriefFragment.Empty
            : t.Render(f.Contested ? "range.contested" : "range", null, ("low", Figure(f.Low, [(ClaimOf(f, f.Low), a.Id, f.Name)])), ("high", Figure(f.High, [(ClaimOf(f, f.High), a.Id, f.Name)])));
        return new AmountParts(amount, range, f.Best);
    }

    /// <summary>The sum of a figure over several attacks, with the hedge their best claims share and the range of their ranges.</summary>
    private AmountParts SumAmount(List<(StoredAttack Attack, StoredAttackFigure Figure)> parts)
    {
        if (parts.Count == 1)
        {
            return Amount(parts[0].Attack, parts[0].Figure);
        }

        var best = Counts.Sum(parts, p => p.Figure.Best);
        var qualifier = Combined(parts.Select(p => BestClaim(p.Figure)?.Qualifier ?? Qualifier.Exact));
        var amount = t.Render("amount." + qualifier.ToContract(), best, ("n", Figure(best, parts.Select(p => (BestClaim(p.Figure), p.Attack.Id, p.Figure.Name)))));
        if (parts.All(p => p.Figure.Low == p.Figure.High))
        {
            return new AmountParts(amount, BriefFragment.Empty, best);
        }

        var low = Figure(Counts.Sum(parts, p => p.Figure.Low), parts.Select(p => (ClaimOf(p.Figure, p.Figure.Low), p.Attack.Id, p.Figure.Name)));
        var high = Figure(Counts.Sum(parts, p => p.Figure.High), parts.Select(p => (ClaimOf(p.Figure, p.Figure.High), p.Attack.Id, p.Figure.Name)));
        return new AmountParts(amount, t.Render(parts.Any(p => p.Figure.Contested) ? "range.contested" : "range", null, ("low", low), ("high", high)), best);
    }

    /// <summary>The hedge of a sum: exact when every part is; "at least" when the hedges all bound from below, "up to" from above; else "about".</summary>
    private static Qualifier Combined(IEnumerable<Qualifier> qualifiers)
    {
        var set = qualifiers.ToHashSet();
        set.Remove(Qualifier.Exact);
        return set.Count == 0 ? Qualifier.Exact
            : set.IsSubsetOf([Qualifier.AtLeast, Qualifier.MoreThan]) ? Qualifier.AtLeast
            : set.IsSubsetOf([Qualifier.UpTo, Qualifier.LessThan]) ? Qualifier.UpTo
            : Qualifier.About;
    }

    /// <summary>", an interception rate of 82%": destroyed over launched in whole percent, when it is a rate (some launched, no more destroyed than launched).</summary>
    private BriefFragment Rate(int destroyed, int launched, string key)
    {
        if (launched <= 0 || destroyed > launched || destroyed < 0)
        {
            return BriefFragment.Empty;
        }

        var rate = BriefChecker.Percent(destroyed, launched);
        return t.Render(key, rate, ("rate", BriefFragment.Value(t.Number(rate), new BriefValue(BriefValueKind.Rate, 0, 0)
        {
            Number = rate,
            Derivation = "rate",
            Numerator = destroyed,
            Denominator = launched,
        })));
    }

    /// <summary>A figure shown as <paramref name="value"/>: one claim's value, or the sum of several, each claim cited.</summary>
    private BriefFragment Figure(int value, IEnumerable<(StoredAttackClaim? Claim, long Attack, string Figure)> claims)
    {
        var refs = ImmutableArray.CreateBuilder<BriefClaimRef>();
        foreach (var (claim, attack, figure) in claims)
        {
            if (claim is not null)
            {
                refs.Add(new BriefClaimRef(Cite(claim), claim.EventId, attack, figure, claim.Value));
            }
        }

        return BriefFragment.Value(t.Number(value), new BriefValue(BriefValueKind.Figure, 0, 0)
        {
            Number = value,
            Derivation = refs.Count == 1 ? "claim" : "sum",
            Claims = refs.ToImmutable(),
        }, refs.Select(r => r.Citation));
    }

    /// <summary>
    /// The two sides' claims a contested figure (a family's, or a toll) is told with: the target's side first, then by
    /// event; null when the figure is not contested or fewer than two claims are the sides'.
    /// </summary>
    private static (StoredAttackClaim, StoredAttackClaim)? ContestedSides(StoredAttack a, StoredAttackFigure f)
    {
        if (!f.Contested || !(f.IsFamilyFigure || f.Kind is FigureKind.Killed or FigureKind.Injured))
        {
            return null;
        }

        var sides = f.Claims.Where(c => c.IsSideClaim).OrderBy(c => c.ClaimantSide == a.Target.SideOf() ? 0 : 1).ThenBy(c => c.EventId).Take(2).ToList();
        return sides.Count < 2 ? null : (sides[0], sides[1]);
    }

    /// <summary>
    /// Every claim of a figure whose words a brief may cite: the claims behind its best, low and high values, and the
    /// sides' claims when it is contested. The brief reads the words of these claims only (<see cref="BriefSource"/>).
    /// </summary>
    internal static IEnumerable<StoredAttackClaim> CitableClaims(StoredAttack head, StoredAttackFigure f)
    {
        if (BestClaim(f) is { } best)
        {
            yield return best;
        }

        if (ClaimOf(f, f.Low) is { } low)
        {
            yield return low;
        }

        if (ClaimOf(f, f.High) is { } high)
        {
            yield return high;
        }

        if (ContestedSides(head, f) is var (x, y))
        {
            yield return x;
            yield return y;
        }
    }

    /// <summary>The claim behind a figure's best value.</summary>
    private static StoredAttackClaim? BestClaim(StoredAttackFigure f) =>
        f.Claims.FirstOrDefault(c => c.IsBest && c.Value == f.Best) ?? ClaimOf(f, f.Best);

    /// <summary>A claim of the figure with this value: a whole member's standing one first.</summary>
    private static StoredAttackClaim? ClaimOf(StoredAttackFigure f, int value) =>
        f.Claims.Where(c => c.Value == value).OrderBy(c => c.Partial ? 1 : 0).ThenBy(c => c.Standing == "stands" ? 0 : 1).ThenBy(c => c.EventId).FirstOrDefault();

    private int Cite(StoredAttackClaim c) => _book.Cite(c.ReportId, c.Evidence, c.ClaimedBy, Id(c));

    // ---- names, sources, dates ----

    /// <summary>"Ukraine's air force and Governor Oleh Kiper": who says the claims, each once, in order; an unattributed claim by its outlet.</summary>
    private BriefFragment Sources(IEnumerable<StoredAttackClaim> claims)
    {
        var items = new List<BriefFragment>();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var c in claims)
        {
            var who = Who(c);
            if ((Id(c) is not { } id || seen.Add("id:" + id)) && seen.Add(who.Text))
            {
                items.Add(who);
            }
        }

        return List(items);
    }

    private BriefFragment Who(StoredAttackClaim c) => Who(Id(c), c.ClaimedBy) is { } name
        ? Name(FullName(c, name))
        : t.Render("source.unnamed", null, ("outlet", Name(c.Source ?? "?")));

    /// <summary>
    /// The fullest way the reports of the claim's attack name its claimant: a written name that ends another claim's
    /// name of the same side in the same attack ("the air force" and "Ukraine's air force", "Kiper" and "governor Oleh
    /// Kiper") is shown as the longer one, so one claimant is not listed as two. The footnote keeps the words as written.
    /// </summary>
    private string FullName(StoredAttackClaim c, string name)
    {
        // A claimant the registry names is named by it; one known only by its words (no id, or an id the names lack) is
        // named the fullest way the attack's reports write it.
        if (Registered(Id(c)) is not null || !_attackOfEvent.TryGetValue(c.EventId, out var attack))
        {
            return name;
        }

        var key = (attack.Id, c.ClaimantSide, name);
        if (_fullNames.TryGetValue(key, out var full))
        {
            return full;
        }

        // Names of the same side (or any side, for a claim whose side is unknown) that end with this one after a space;
        // taken only when they agree, each ending the longest, so an ambiguous short name stays as written.
        var bare = Bare(name);
        var longer = attack.Figures.SelectMany(f => f.Claims)
            .Where(x => x.ClaimantSide == c.ClaimantSide || c.ClaimantSide == Side.Unknown)
            .Select(x => Who(Id(x), x.ClaimedBy)).OfType<string>().Distinct(StringComparer.Ordinal)
            .Where(o => EndsWithWords(Bare(o), bare)).OrderByDescending(o => o.Length).ThenBy(o => o, StringComparer.Ordinal).ToList();
        full = longer.Count > 0 && longer.All(o => o == longer[0] || EndsWithWords(Bare(longer[0]), Bare(o)) || string.Equals(Bare(o), Bare(longer[0]), StringComparison.OrdinalIgnoreCase)) ? longer[0] : name;
        _fullNames[key] = full;
        return full;

        static string Bare(string n) => n.StartsWith("the ", StringComparison.OrdinalIgnoreCase) ? n[4..] : n;

        static bool EndsWithWords(string whole, string end) =>
            whole.Length > end.Length && whole.EndsWith(end, StringComparison.OrdinalIgnoreCase) && whole[whole.Length - end.Length - 1] == ' ';
    }

    private string? Id(StoredAttackClaim c) => Id(c.ClaimantId, c.ClaimedBy, c.ClaimantSide);

    /// <summary>
    /// A claim's canonical claimant: the one it was stored with, else the one <see cref="BriefOptions.ResolveClaimant"/>
    /// finds for its words (asked once per words and side), else none.
    /// </summary>
    private string? Id(string? stored, string? claimedBy, Side side)
    {
        if (stored is not null || options.ResolveClaimant is not { } resolve || string.IsNullOrWhiteSpace(claimedBy))
        {
            return stored;
        }

        var key = (claimedBy, side);
        if (!_resolved.TryGetValue(key, out var id))
        {
            _resolved[key] = id = resolve(claimedBy, side);
        }

        return id;
    }

    /// <summary>The registry's name for a canonical claimant id; null without an id or when the names have none for it.</summary>
    private string? Registered(string? claimantId) =>
        claimantId is { } id && options.ClaimantName?.Invoke(id) is { Length: > 0 } name ? name : null;

    /// <summary>The claimant's name: the registry's English name for its canonical id, else its words as written (trimmed); null when it has none.</summary>
    private string? Who(string? claimantId, string? claimedBy)
    {
        if (Registered(claimantId) is { } registered)
        {
            return registered;
        }

        var written = claimedBy?.Trim().TrimEnd(',', ';', ':', '.').Trim().Trim('"', '“', '”', '\'').Trim();
        return string.IsNullOrEmpty(written) ? null : written;
    }

    private static string? Outlet(StoredReport r) => r.Article.Source ?? Formats.Cells.Host(r.Article.Url);

    private static string? Outlet(ReportRef r) => r.Source ?? Formats.Cells.Host(r.Url);

    private BriefFragment Name(string text, int? citation = null) =>
        BriefFragment.Value(text, new BriefValue(BriefValueKind.Name, 0, 0) { Citation = citation }, citation is { } c ? [c] : null);

    private BriefFragment Quote(long reportId, Evidence words)
    {
        var citation = _book.Cite(reportId, words);
        return t.Render("quote", null, ("text", BriefFragment.Value(words.Text, new BriefValue(BriefValueKind.Quote, 0, 0) { Citation = citation }, [citation])));
    }

    /// <summary>A sentence's words without the full stop that ends them, so the brief's own punctuation follows the quotation.</summary>
    private static Evidence WithoutFullStop(Evidence q)
    {
        var end = q.Text.Length;
        while (end > 1 && (q.Text[end - 1] == '.' || char.IsWhiteSpace(q.Text[end - 1])))
        {
            end--;
        }

        return end == q.Text.Length ? q : new Evidence(new TextSpan(q.Span.Start, q.Span.Start + end), q.Text[..end]);
    }

    private BriefFragment Count(int n, IEnumerable<string> items) =>
        BriefFragment.Value(t.Number(n), new BriefValue(BriefValueKind.Count, 0, 0) { Number = n, Derivation = "count", Items = [.. items] });

    private BriefFragment SideName(Side side) => t.Word("side." + side.ToContract());

    private BriefFragment CountryName(Country country) => t.Word("country." + country.ToContract());

    private BriefFragment Date(DateOnly d, string format) =>
        BriefFragment.Value(t.Render(format, null,
            ("day", BriefFragment.Of(d.Day.ToString(CultureInfo.InvariantCulture))),
            ("month", t.Word("month." + d.Month.ToString(CultureInfo.InvariantCulture))),
            ("year", BriefFragment.Of(d.Year.ToString(CultureInfo.InvariantCulture)))).Text,
            new BriefValue(BriefValueKind.Date, 0, 0) { Iso = d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) });

    /// <summary>The first day of a pair as short as the second allows: "11" before "12 February 2025", "30 September" before "1 October 2024".</summary>
    private BriefFragment Evening(DateOnly first, DateOnly last, bool dayOnly = true) =>
        Date(first, first.Year != last.Year ? "date.full" : first.Month != last.Month || !dayOnly ? "date.day" : "date.dayonly");

    private BriefFragment Time(int hour, int minute) =>
        BriefFragment.Value(t.Render("time", null,
            ("hour", BriefFragment.Of(hour.ToString("00", CultureInfo.InvariantCulture))),
            ("minute", BriefFragment.Of(minute.ToString("00", CultureInfo.InvariantCulture)))).Text,
            new BriefValue(BriefValueKind.Time, 0, 0) { Iso = $"{hour:00}:{minute:00}" });

    private BriefFragment When(StoredAttack a) => a.Date is not { } d ? t.Render("when.none", null) : a.Precision switch
    {
        DatePrecision.Night => t.Render("when.night", null, ("evening", Evening(d.AddDays(-1), d)), ("morning", Date(d, "date.full"))),
        DatePrecision.Week => t.Render("when.week", null, ("day", Date(d, "date.full"))),
        DatePrecision.Month or DatePrecision.Year => t.Render("when.month", null, ("month", Date(d, "date.month"))),
        _ => t.Render("when.day", null, ("day", Date(d, "date.full"))),
    };

    private BriefFragment HeadingWhen(StoredAttack a) => a.Date is not { } d ? t.Render("heading.when.none", null) : a.Precision switch
    {
        DatePrecision.Night => t.Render("heading.when.night", null, ("evening", Evening(d.AddDays(-1), d)), ("morning", Date(d, "date.full"))),
        DatePrecision.Week => t.Render("heading.when.week", null, ("day", Date(d, "date.full"))),
        DatePrecision.Month or DatePrecision.Year => t.Render("heading.when.month", null, ("month", Date(d, "date.month"))),
        _ => t.Render("heading.when.day", null, ("day", Date(d, "date.full"))),
    };

    /// <summary>"a, b and c", by the language's list templates.</summary>
    private BriefFragment List(IReadOnlyList<BriefFragment> items)
    {
        if (items.Count == 0)
        {
            return BriefFragment.Empty;
        }

        if (items.Count == 1)
        {
            return items[0];
        }

        if (items.Count == 2)
        {
            return t.Render("list.two", null, ("a", items[0]), ("b", items[1]));
        }

        var acc = items[0];
        for (var i = 1; i < items.Count - 1; i++)
        {
            acc = t.Render("list.next", null, ("a", acc), ("b", items[i]));
        }

        return t.Render("list.last", null, ("a", acc), ("b", items[^1]));
    }

    /// <summary>The citation that puts an attack in the window: the first member's words for when, else its first report's headline.</summary>
    private int Dating(StoredAttack a)
    {
        foreach (var e in MemberEvents(a))
        {
            if (e.Event.Date.Text.Length > 0)
            {
                return _book.Cite(e.Report.Id, new Evidence(e.Event.Date.Span, e.Event.Date.Text));
            }
        }

        var first = a.Members.Select(m => m.ReportId).FirstOrDefault(source.Reports.ContainsKey);
        return _book.Headline(source.Reports[first]);
    }

    private IEnumerable<StoredEvent> MemberEvents(StoredAttack a) =>
        a.Members.Select(m => source.Events.GetValueOrDefault(m.EventId)).OfType<StoredEvent>();

    /// <summary>The region an attack is grouped under: the one region its places name in its target country, "Several regions", or its map location's.</summary>
    private string Region(StoredAttack a)
    {
        if (_regions.TryGetValue(a.Id, out var known))
        {
            return known;
        }

        var country = a.Target.ToContract();
        var regions = MemberEvents(a).SelectMany(e => e.Event.Places)
            .Where(p => p.Admin1 is not null && (p.Country is null || p.Country == country))
            .Select(p => p.Admin1!).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        return _regions[a.Id] = regions.Count switch
        {
            1 => regions[0],
            > 1 => t.Text("heading.several"),
            _ => a.Location?.Admin1 ?? t.Text("heading.noregion"),
        };
    }

    /// <summary>Attacks largest first: most launched (else destroyed), then most killed and injured, then most reports; ties by id.</summary>
    private static ImmutableArray<StoredAttack> Ranked(IEnumerable<StoredAttack> attacks) =>
        [.. attacks.OrderByDescending(a => a.Launched ?? a.Destroyed ?? 0).ThenByDescending(a => (long)(a.Killed ?? 0) + (a.Injured ?? 0))
            .ThenByDescending(a => a.Reports).ThenBy(a => a.Id)];

    private static BriefFragment Capitalize(BriefFragment f) =>
        f.Text.Length == 0 || char.IsUpper(f.Text[0]) || f.Values.Any(v => v.Start == 0 && v.Kind is BriefValueKind.Quote)
            ? f
            : f with { Text = char.ToUpperInvariant(f.Text[0]) + f.Text[1..] };

    private static string Capitalized(string s) => s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s[1..];
}

/// <summary>
/// The citations of one brief: one per report and span, numbered from 1 in order of first use, each with the report's
/// outlet, title, URL and date and the words around the span in its paragraph.
/// </summary>
internal sealed class CitationBook(IReadOnlyDictionary<long, StoredReport> reports)
{
    /// <summary>How many characters of the paragraph an excerpt shows on each side of the span, at most.</summary>
    private const int Context = 280;

    /// <summary>How many characters of a report's first line a headline citation quotes, at most.</summary>
    private const int HeadlineLength = 200;

    private readonly Dictionary<(long, int, int), int> _numbers = [];
    private readonly List<BriefCitation> _list = [];

    public ImmutableArray<BriefCitation> All => [.. _list];

    public int Cite(long reportId, Evidence words, string? claimedBy = null, string? claimantId = null)
    {
        var key = (reportId, words.Span.Start, words.Span.End);
        if (_numbers.TryGetValue(key, out var n))
        {
            return n;
        }

        n = _list.Count + 1;
        _numbers[key] = n;
        reports.TryGetValue(reportId, out var r);
        var text = r?.Article.Text ?? "";
        var (before, after) = Around(text, words.Span);
        _list.Add(new BriefCitation(n, reportId, r?.Article.Source ?? Formats.Cells.Host(r?.Article.Url), r?.Article.Url, r?.Article.Title, r?.Article.Published, words.Span, words.Text)
        {
            ClaimedBy = claimedBy,
            ClaimantId = claimantId,
            Before = before,
            After = after,
        });
        return n;
    }

    /// <summary>The citation of a report's headline: its text's first non-empty line.</summary>
    public int Headline(StoredReport r)
    {
        var text = r.Article.Text;
        var start = 0;
        while (start < text.Length && char.IsWhiteSpace(text[start]))
        {
            start++;
        }

        var end = text.IndexOf('\n', start);
        end = end < 0 ? text.Length : end;
        if (end - start > HeadlineLength)
        {
            // A first line that is a paragraph (a report without a headline): its first sentence, or its first words.
            var stop = text.IndexOf(". ", start, HeadlineLength, StringComparison.Ordinal);
            var space = text.LastIndexOf(' ', start + HeadlineLength, HeadlineLength);
            end = stop > start ? stop + 1 : space > start ? space : start + HeadlineLength;
        }

        while (end > start && char.IsWhiteSpace(text[end - 1]))
        {
            end--;
        }

        return Cite(r.Id, new Evidence(new TextSpan(start, end), text[start..end]));
    }

    /// <summary>The words of the span's paragraph before and after it, cut at a space to at most <see cref="Context"/> characters.</summary>
    private static (string Before, string After) Around(string text, TextSpan span)
    {
        if (span.Start < 0 || span.End > text.Length || span.Start > span.End)
        {
            return ("", "");
        }

        var lineStart = span.Start == 0 ? 0 : text.LastIndexOf('\n', span.Start - 1) + 1;
        var lineEnd = text.IndexOf('\n', span.End);
        lineEnd = lineEnd < 0 ? text.Length : lineEnd;
        var from = Math.Max(lineStart, span.Start - Context);
        if (from > lineStart)
        {
            var space = text.IndexOf(' ', from, span.Start - from);
            from = space < 0 ? span.Start : space + 1;
        }

        var to = Math.Min(lineEnd, span.End + Context);
        if (to < lineEnd)
        {
            var space = text.LastIndexOf(' ', to - 1, to - span.End);
            to = space < 0 ? span.End : space;
        }

        return (text[from..span.Start], text[span.End..to]);
    }
}
