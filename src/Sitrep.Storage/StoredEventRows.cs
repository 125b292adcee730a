using System.Collections.Immutable;
using Sitrep.Core;

namespace Sitrep.Storage;

/// <summary>
/// The one construction of a stored event from its rows' values: the loader calls it with the columns it reads, and a
/// write calls it with the rows it has just written (<see cref="Build"/>), so the merge of that write can use the
/// batch's own events without reading them back — and gets exactly what a later load would give.
/// </summary>
internal static class StoredEventRows
{
    /// <summary>The reference of a report as stored: what the loader reads back from its row.</summary>
    public static ReportRef Report(long id, Article a, string origin, int version) => new(id, a.Title, a.Url, a.Published, a.Source, origin, version);

    public static ExtractedEvent Head(string kind, DateOnly? date, DateOnly? start, string precision, string dateText, int spanStart, int spanEnd, string attacker, string target) => new()
    {
        Kind = kind == "aggregate" ? EventKind.Aggregate : EventKind.Strike,
        Date = new EventDate(date, Names.Precision(precision), dateText, new TextSpan(spanStart, spanEnd)) { Start = start },
        Attacker = Names.Side(attacker),
        TargetCountry = Names.Country(target),
    };

    public static WeaponUse Use(string category, string? model, int evidenceStart, int evidenceEnd, string evidenceText) =>
        new(new WeaponRef(Names.Category(category), model), new Evidence(new TextSpan(evidenceStart, evidenceEnd), evidenceText));

    public static FigureClaim Claim(
        string kind, int value, string qualifier, int evidenceStart, int evidenceEnd, string evidenceText, string? weaponCategory, string? weaponModel,
        string? claimantName, string? claimantSide, int? claimantStart, int? claimantEnd, bool isCurrent, string rule,
        string? claimantId, bool claimantPerson) => new(
            Names.Figure(kind),
            value,
            Names.Qualifier(qualifier),
            new Evidence(new TextSpan(evidenceStart, evidenceEnd), evidenceText),
            weaponCategory is null ? null : new WeaponRef(Names.Category(weaponCategory), weaponModel),
            claimantName is null ? null : Claimant(claimantName, claimantSide ?? "", claimantStart ?? 0, claimantEnd ?? 0, claimantId, claimantPerson))
        {
            Role = ClaimRoles.FromStored(isCurrent, rule),
            Rule = rule,
        };

    public static PlaceRef Place(
        string text, int spanStart, int spanEnd, string? name, string? gazetteerId, string? feature, string? admin1, string? country,
        double? latitude, double? longitude, int? geoPrecision, int? wherePrecision, bool occupied) => new(text, new TextSpan(spanStart, spanEnd))
        {
            Name = name,
            GazetteerId = gazetteerId,
            Feature = feature,
            Admin1 = admin1,
            Country = country,
            Latitude = latitude,
            Longitude = longitude,
            GeoPrecision = geoPrecision,
            WherePrecision = wherePrecision,
            Occupied = occupied,
        };

    public static Claimant Claimant(string name, string side, int spanStart, int spanEnd, string? canonical, bool isPerson) =>
        new(name, Names.Side(side), new TextSpan(spanStart, spanEnd)) { Canonical = canonical, IsPerson = isPerson };

    public static Evidence Quote(int spanStart, int spanEnd, string text) => new(new TextSpan(spanStart, spanEnd), text);

    /// <summary>A head with its children (each list in its rows' ordinal order; claims keyed by weapon row id).</summary>
    public static ExtractedEvent Complete(
        ExtractedEvent head, List<(long Id, WeaponUse Use)>? weapons, IReadOnlyDictionary<long, ImmutableArray<FigureClaim>.Builder> weaponClaims,
        List<FigureClaim>? casualties, List<PlaceRef>? places, PlaceRef? location, List<Claimant>? claimants, List<Evidence>? quotes) => head with
        {
            Weapons = weapons is null ? [] : [.. weapons.Select(w => weaponClaims.TryGetValue(w.Id, out var c) ? w.Use with { Claims = c.ToImmutable() } : w.Use)],
            Casualties = casualties is null ? [] : [.. casualties],
            Places = places is null ? [] : [.. places],
            Location = location,
            Claimants = claimants is null ? [] : [.. claimants],
            Quotes = quotes is null ? [] : [.. quotes],
        };

    /// <summary>
    /// The strike events of rows just written, as a load of them would give them (no attack yet), for reports whose
    /// references are in <paramref name="reports"/> (events of other reports are left out).
    /// </summary>
    public static List<StoredEvent> Build(RowSet rows, IReadOnlyDictionary<long, ReportRef> reports)
    {
        var weapons = new Dictionary<long, List<(long Id, WeaponUse Use)>>();
        foreach (var w in rows.Weapons)
        {
            Bucket(weapons, w.EventId).Add((w.Id, Use(w.Category, w.Model, w.EvidenceStart, w.EvidenceEnd, w.EvidenceText)));
        }

        var weaponClaims = new Dictionary<long, ImmutableArray<FigureClaim>.Builder>();
        var casualties = new Dictionary<long, List<FigureClaim>>();
        foreach (var f in rows.Figures)
        {
            var claim = Claim(f.Kind, f.Value, f.Qualifier, f.EvidenceStart, f.EvidenceEnd, f.EvidenceText, f.WeaponCategory, f.WeaponModel,
                f.ClaimantName, f.ClaimantSide, f.ClaimantStart, f.ClaimantEnd, f.IsCurrent, f.Rule, f.ClaimantId, f.ClaimantPerson);
            if (f.WeaponId is { } weaponId)
            {
                if (!weaponClaims.TryGetValue(weaponId, out var b))
                {
                    weaponClaims[weaponId] = b = ImmutableArray.CreateBuilder<FigureClaim>();
                }

                b.Add(claim);
            }
            else
            {
                Bucket(casualties, f.EventId).Add(claim);
            }
        }

        var places = new Dictionary<long, List<PlaceRef>>();
        var locations = new Dictionary<long, PlaceRef>();
        foreach (var p in rows.Places)
        {
            var place = Place(p.Text, p.SpanStart, p.SpanEnd, p.Name, p.GazetteerId, p.Feature, p.Admin1, p.Country, p.Latitude, p.Longitude,
                p.GeoPrecision, p.WherePrecision, p.Occupied);
            if (p.IsTarget)
            {
                Bucket(places, p.EventId).Add(place);
            }

            if (p.IsLocation)
            {
                locations[p.EventId] = place;
            }
        }

        var claimants = new Dictionary<long, List<Claimant>>();
        foreach (var c in rows.Claimants)
        {
            Bucket(claimants, c.EventId).Add(Claimant(c.Name, c.Side, c.SpanStart, c.SpanEnd, c.Canonical, c.IsPerson));
        }

        var quotes = new Dictionary<long, List<Evidence>>();
        foreach (var q in rows.Quotes)
        {
            Bucket(quotes, q.EventId).Add(Quote(q.SpanStart, q.SpanEnd, q.Text));
        }

        var result = new List<StoredEvent>(rows.Events.Count);
        foreach (var e in rows.Events)
        {
            if (e.Kind != "strike" || !reports.TryGetValue(e.ReportId, out var report))
            {
                continue;
            }

            var head = Head(e.Kind, e.Date, e.DateStart, e.DatePrecision, e.DateText, e.DateSpanStart, e.DateSpanEnd, e.Attacker, e.TargetCountry);
            var ev = Complete(head, weapons.GetValueOrDefault(e.Id), weaponClaims, casualties.GetValueOrDefault(e.Id), places.GetValueOrDefault(e.Id),
                locations.GetValueOrDefault(e.Id), claimants.GetValueOrDefault(e.Id), quotes.GetValueOrDefault(e.Id));
            result.Add(new StoredEvent(e.Id, e.Ordinal, report, ev));
        }

        return result;
    }

    public static List<T> Bucket<TKey, T>(Dictionary<TKey, List<T>> d, TKey key)
        where TKey : notnull
    {
        if (!d.TryGetValue(key, out var list))
        {
            d[key] = list = [];
        }

        return list;
    }
}
