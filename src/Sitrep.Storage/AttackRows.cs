using System.Buffers;
using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Sitrep.Core;
using Sitrep.Merge;

namespace Sitrep.Storage;

internal sealed record AttackRow(
    long Id, DateOnly? Home, DateOnly? Date, string DatePrecision, string Attacker, string TargetCountry, int Events, int Reports, int Sources,
    string? LocationName, string? LocationAdmin1, string? LocationCountry, double? Latitude, double? Longitude, int? GeoPrecision,
    string? LocationText, int? LocationStart, int? LocationEnd, string? LocationGazetteerId, string? LocationFeature, int? LocationWherePrecision,
    bool? LocationOccupied, long? LocationEventId, long? LocationReportId,
    string PlacesText, string WeaponsText, int Categories, string? PrimaryFamily, int? Launched, int? Destroyed, int? Killed, int? Injured,
    bool Contested, DateTimeOffset UpdatedAt)
{
    /// <summary>A hash of everything stored for the attack but its id and time (its row, members and figures): equal digests, nothing to rewrite.</summary>
    public string Digest { get; init; } = "";
}

internal sealed record MemberRow(
    long EventId, long AttackId, long ReportId, int Ordinal, string Kind, double Score, bool Partial, long? Decision, string Features, string Explain);

internal sealed record AttackFigureRow(
    long AttackId, int Ordinal, string Figure, string Kind, string? Family, string? Model, int Best, int Low, int High, int Conservative,
    bool Contested, string Rule, string Reason, long? BestEventId, string Claims);

internal sealed record AliasRow(long OldId, long AttackId, DateTimeOffset At);

/// <summary>
/// Every row of one attack as stored (members in key order, figures by ordinal), and which row each member and figure
/// object gave: an attack extended from these (<see cref="AttackDraft.TryExtend"/>) keeps the very objects of the members
/// and figures it left as they were, and so their rows.
/// </summary>
internal sealed record AttackRows(AttackRow Row, MemberRow[] Members, AttackFigureRow[] Figures)
{
    public Dictionary<AttackMember, MemberRow> ByMember { get; } = new(ReferenceEqualityComparer.Instance);

    public Dictionary<AttackFigure, AttackFigureRow> ByFigure { get; } = new(ReferenceEqualityComparer.Instance);
}

/// <summary>The rows of the attacks a merge stored: attacks, their members, their figures, and ids that now lead elsewhere.</summary>
internal sealed class AttackRowSet
{
    private static readonly JsonWriterOptions Compact = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public List<AttackRow> Attacks { get; } = [];
    public List<MemberRow> Members { get; } = [];
    public List<AttackFigureRow> Figures { get; } = [];
    public List<AliasRow> Aliases { get; } = [];

    /// <summary>Rows of attacks already stored that an extension changes in place (<see cref="Add"/> with rows to keep).</summary>
    public List<AttackRow> Updated { get; } = [];

    /// <summary>Figure rows of updated attacks to delete before <see cref="Figures"/> are written: each ordinal whose row changes or goes.</summary>
    public List<(long AttackId, int Ordinal)> DroppedFigures { get; } = [];

    /// <summary>
    /// Adds one merged attack under <paramref name="id"/>. <paramref name="events"/> maps every member's key to the
    /// stored event (for its id, places, weapons and the claims' event ids). With <paramref name="stored"/>, the rows of
    /// the attack as it is stored under the same id: a member or figure that is the very object one of those rows came
    /// from keeps that row, and only the rest are to be written (<see cref="Members"/>, <see cref="Figures"/>, with the
    /// ordinals they replace in <see cref="DroppedFigures"/>); the attack's row then goes to <see cref="Updated"/>. The
    /// rows and digest are the same either way.
    /// </summary>
    public AttackRows Add(long id, Attack attack, IReadOnlyDictionary<EventKey, StoredEvent> events, DateTimeOffset now, AttackRows? stored = null)
    {
        var members = attack.Members.Select(m => (Member: m, Event: events[m.Event])).ToList();
        var memberRows = new MemberRow[members.Count];
        for (var i = 0; i < members.Count; i++)
        {
            var (m, e) = members[i];
            if (stored is not null && stored.ByMember.TryGetValue(m, out var kept))
            {
                memberRows[i] = kept;
                continue;
            }

            memberRows[i] = new MemberRow(e.Id, id, m.ReportId, m.Event.Ordinal, Kind(m.Kind), m.Score, m.IsPartial, m.DecisionSequence, FeaturesJson(m.Features), m.Explain());
            Members.Add(memberRows[i]);
        }

        var figureRows = new AttackFigureRow[attack.Figures.Length];
        var keptOrdinals = new HashSet<int>();
        for (var ordinal = 0; ordinal < figureRows.Length; ordinal++)
        {
            var f = attack.Figures[ordinal];
            if (stored is not null && stored.ByFigure.TryGetValue(f, out var kept))
            {
                if (kept.Ordinal == ordinal)
                {
                    figureRows[ordinal] = kept;
                    keptOrdinals.Add(ordinal);
                    continue;
                }

                figureRows[ordinal] = kept with { Ordinal = ordinal };
            }
            else
            {
                figureRows[ordinal] = new AttackFigureRow(
                    id, ordinal, f.Key.ToContract(), f.Key.Kind.ToContract(), f.Key.Family?.ToContract(), f.Key.Model, f.Best, f.Low, f.High,
                    f.Conservative, f.Contested, f.BestRule, f.BestReason, events.TryGetValue(f.BestClaim.Event, out var be) ? be.Id : null,
                    ClaimsJson(f, events));
            }

            Figures.Add(figureRows[ordinal]);
        }

        if (stored is not null)
        {
            foreach (var old in stored.Figures)
            {
                if (!keptOrdinals.Contains(old.Ordinal))
                {
                    DroppedFigures.Add((id, old.Ordinal));
                }
            }
        }

        var categories = 0;
        var places = new List<string>();
        foreach (var (_, e) in members)
        {
            foreach (var w in e.Event.Weapons)
            {
                categories |= RowSet.CategoryBit(w.Weapon.Category);
            }

            foreach (var p in e.Event.Places)
            {
                var name = p.Name ?? p.Text;
                if (!places.Contains(name, StringComparer.OrdinalIgnoreCase))
                {
                    places.Add(name);
                }
            }
        }

        int? launched = null, destroyed = null;
        string? primary = null;
        var most = -1;
        var weapons = new StringBuilder();
        foreach (var family in Enum.GetValues<WeaponFamily>())
        {
            var l = attack.Figure(FigureKey.Launched(family))?.Best;
            var x = attack.Figure(FigureKey.Destroyed(family))?.Best;
            if (l is null && x is null)
            {
                continue;
            }

            launched = Counts.Add(launched, l);
            destroyed = Counts.Add(destroyed, x);
            if ((l ?? 0) > most)
            {
                most = l ?? 0;
                primary = family.ToContract();
            }

            weapons.Append(weapons.Length > 0 ? "; " : "").Append(family.ToContract()).Append(' ')
                .Append(l?.ToString(CultureInfo.InvariantCulture) ?? "?").Append('/').Append(x?.ToString(CultureInfo.InvariantCulture) ?? "?");
        }

        if (primary is null)
        {
            // No counts: the family named most often among the members' weapons.
            primary = members.SelectMany(x => x.Event.Event.Weapons).GroupBy(w => w.Weapon.Category.Family())
                .OrderByDescending(g => g.Count()).ThenBy(g => g.Key).Select(g => g.Key.ToContract()).FirstOrDefault();
            if (primary is not null && weapons.Length == 0)
            {
                weapons.Append(string.Join("; ", members.SelectMany(x => x.Event.Event.Weapons).Select(w => w.Weapon.Category.Family().ToContract()).Distinct()));
            }
        }

        var loc = attack.Location;
        var from = attack.LocationEvent is { } key ? events[key] : null;
        var row = new AttackRow(
            id, attack.Home, attack.Date, attack.Precision.ToContract(), attack.Attacker.ToContract(), attack.TargetCountry.ToContract(),
            attack.Members.Length, attack.ReportCount, attack.SourceCount, loc is null ? null : loc.Name ?? loc.Text, loc?.Admin1, loc?.Country,
            loc?.Latitude, loc?.Longitude, loc?.GeoPrecision, loc?.Text, loc?.Span.Start, loc?.Span.End, loc?.GazetteerId, loc?.Feature,
            loc?.WherePrecision, loc?.Occupied, from?.Id, attack.LocationEvent?.ReportId, string.Join("; ", places), weapons.ToString(), categories, primary, launched, destroyed,
            attack.Figure(FigureKey.Killed)?.Best, attack.Figure(FigureKey.Injured)?.Best, attack.Figures.Any(f => f.Contested), now);
        row = row with { Digest = DigestOf(row, memberRows, figureRows) };
        (stored is null ? Attacks : Updated).Add(row);
        var rows = new AttackRows(row, memberRows, figureRows);
        for (var i = 0; i < memberRows.Length; i++)
        {
            rows.ByMember[attack.Members[i]] = memberRows[i];
        }

        for (var i = 0; i < figureRows.Length; i++)
        {
            rows.ByFigure[attack.Figures[i]] = figureRows[i];
        }

        return rows;
    }

    /// <summary>Leaves out the rows of one attack (its stored rows are already what a recompute gives).</summary>
    public void Remove(long id)
    {
        Attacks.RemoveAll(a => a.Id == id);
        Updated.RemoveAll(a => a.Id == id);
        Members.RemoveAll(m => m.AttackId == id);
        Figures.RemoveAll(f => f.AttackId == id);
        DroppedFigures.RemoveAll(f => f.AttackId == id);
    }

    /// <summary>
    /// SHA-256 of the UTF-8 of each row's text (<c>ToString</c>, without the attack id and time) and a newline, fed row
    /// by row: an attack of hundreds of members is megabytes of text. A figure's claims, most of that text, are fed as
    /// they are, between the rest of its row's text, instead of being copied into one string with it; the bytes hashed
    /// are the same.
    /// </summary>
    internal static string DigestOf(AttackRow row, IEnumerable<MemberRow> members, IEnumerable<AttackFigureRow> figures)
    {
        using var sha = System.Security.Cryptography.IncrementalHash.CreateHash(System.Security.Cryptography.HashAlgorithmName.SHA256);
        var buffer = ArrayPool<byte>.Shared.Rent(16384);
        try
        {
            void Text(ReadOnlySpan<char> text)
            {
                // Encoded a buffer at a time; a surrogate pair is never cut (the encoder stops before what does not fit).
                while (true)
                {
                    var status = System.Text.Unicode.Utf8.FromUtf16(text, buffer, out var read, out var written);
                    sha.AppendData(buffer, 0, written);
                    if (status != OperationStatus.DestinationTooSmall)
                    {
                        return;
                    }

                    text = text[read..];
                }
            }

            void Line(string text)
            {
                Text(text);
                Text("\n");
            }

            Line((row with { Id = 0, UpdatedAt = default }).ToString());
            foreach (var m in members)
            {
                Line((m with { AttackId = 0 }).ToString());
            }

            foreach (var f in figures)
            {
                // The row's text with no claims ends "Claims =  }": its claims go where the last two characters begin.
                var rest = (f with { AttackId = 0, Claims = "" }).ToString();
                Text(rest.AsSpan(0, rest.Length - 2));
                Text(f.Claims);
                Text(rest.AsSpan(rest.Length - 2));
                Text("\n");
            }

            return Convert.ToHexString(sha.GetHashAndReset());
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    public static string Kind(MembershipKind k) => k switch
    {
        MembershipKind.Seed => "seed",
        MembershipKind.SameDay => "same_day",
        MembershipKind.AssumedDate => "assumed_date",
        MembershipKind.AnalystJoin => "analyst_join",
        MembershipKind.AnalystSplit => "analyst_split",
        MembershipKind.Undated => "undated",
        _ => "vague_date",
    };

    public static string Standing(ClaimStanding s) => s switch
    {
        ClaimStanding.RevisedInReport => "revised_in_report",
        ClaimStanding.SupersededByClaimant => "superseded_by_claimant",
        ClaimStanding.ContestedInReport => "contested_in_report",
        _ => "stands",
    };

    private static readonly JsonEncodedText NameName = JsonEncodedText.Encode("name");
    private static readonly JsonEncodedText ValueName = JsonEncodedText.Encode("value");
    private static readonly JsonEncodedText ReasonName = JsonEncodedText.Encode("reason");
    private static readonly JsonEncodedText EventIdName = JsonEncodedText.Encode("event_id");
    private static readonly JsonEncodedText ReportIdName = JsonEncodedText.Encode("report_id");
    private static readonly JsonEncodedText QualifierName = JsonEncodedText.Encode("qualifier");
    private static readonly JsonEncodedText ClaimedByName = JsonEncodedText.Encode("claimed_by");
    private static readonly JsonEncodedText ClaimantIdName = JsonEncodedText.Encode("claimant_id");
    private static readonly JsonEncodedText ClaimantSideName = JsonEncodedText.Encode("claimant_side");
    private static readonly JsonEncodedText SourceName = JsonEncodedText.Encode("source");
    private static readonly JsonEncodedText ReportDateName = JsonEncodedText.Encode("report_date");
    private static readonly JsonEncodedText AuthorityName = JsonEncodedText.Encode("authority");
    private static readonly JsonEncodedText StandingName = JsonEncodedText.Encode("standing");
    private static readonly JsonEncodedText PartialName = JsonEncodedText.Encode("partial");
    private static readonly JsonEncodedText BestName = JsonEncodedText.Encode("best");
    private static readonly JsonEncodedText SideClaimName = JsonEncodedText.Encode("side_claim");
    private static readonly JsonEncodedText StartName = JsonEncodedText.Encode("start");
    private static readonly JsonEncodedText EndName = JsonEncodedText.Encode("end");

    private static string FeaturesJson(ImmutableArray<MergeFeature> features) => Json(features, static (w, features) =>
    {
        w.WriteStartArray();
        foreach (var f in features.IsDefault ? [] : features)
        {
            w.WriteStartObject();
            w.WriteString(NameName, f.Name);
            w.WriteNumber(ValueName, Math.Round(f.Value, 4));
            w.WriteString(ReasonName, f.Reason);
            w.WriteEndObject();
        }

        w.WriteEndArray();
    });

    private static string ClaimsJson(AttackFigure f, IReadOnlyDictionary<EventKey, StoredEvent> events) => Json((f, events), static (w, x) =>
    {
        var (f, events) = x;
        Span<char> date = stackalloc char[10];
        w.WriteStartArray();
        foreach (var c in f.Claims)
        {
            w.WriteStartObject();
            w.WriteNumber(EventIdName, events.TryGetValue(c.Event, out var e) ? e.Id : 0);
            w.WriteNumber(ReportIdName, c.Event.ReportId);
            w.WriteNumber(ValueName, c.Value);
            w.WriteString(QualifierName, c.Qualifier.ToContract());
            w.WriteString(ClaimedByName, c.Claimant?.Name);
            w.WriteString(ClaimantIdName, c.Registered?.Id ?? c.Claimant?.Canonical);
            w.WriteString(ClaimantSideName, c.ClaimantSide.ToContract());
            w.WriteString(SourceName, c.Source);
            if (c.ReportDate is { } d)
            {
                d.TryFormat(date, out _, "yyyy-MM-dd", CultureInfo.InvariantCulture);
                w.WriteString(ReportDateName, date);
            }
            else
            {
                w.WriteNull(ReportDateName);
            }

            w.WriteNumber(AuthorityName, c.Authority);
            w.WriteString(StandingName, Standing(c.Standing));
            w.WriteBoolean(PartialName, c.IsPartial);
            w.WriteBoolean(BestName, ReferenceEquals(c, f.BestClaim) || c == f.BestClaim);
            w.WriteBoolean(SideClaimName, f.SideClaims.Contains(c));
            // The words themselves are the event's figure rows' (and the report's): the span finds them on reading.
            w.WriteNumber(StartName, c.Evidence.Span.Start);
            w.WriteNumber(EndName, c.Evidence.Span.End);
            w.WriteEndObject();
        }

        w.WriteEndArray();
    });

    /// <summary>One writer and buffer per thread, reset for each document (a merge writes thousands of small ones).</summary>
    [ThreadStatic]
    private static (ArrayBufferWriter<byte> Buffer, Utf8JsonWriter Writer)? _json;

    private static string Json<TState>(TState state, Action<Utf8JsonWriter, TState> write)
    {
        if (_json is not { } json)
        {
            var buffer = new ArrayBufferWriter<byte>(4096);
            _json = json = (buffer, new Utf8JsonWriter(buffer, Compact));
        }

        json.Buffer.ResetWrittenCount();
        json.Writer.Reset(json.Buffer);
        write(json.Writer, state);
        json.Writer.Flush();
        return Encoding.UTF8.GetString(json.Buffer.WrittenSpan);
    }

    /// <summary>Reads back what <see cref="ClaimsJson"/> wrote; <paramref name="words"/> gives the evidence text of an event's span.</summary>
    public static ImmutableArray<StoredAttackClaim> ReadClaims(string json, Func<long, TextSpan, string> words)
    {
        using var doc = JsonDocument.Parse(json);
        var list = ImmutableArray.CreateBuilder<StoredAttackClaim>();
        foreach (var c in doc.RootElement.EnumerateArray())
        {
            string? S(string n) => c.TryGetProperty(n, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
            list.Add(new StoredAttackClaim(
                c.GetProperty("event_id").GetInt64(), c.GetProperty("report_id").GetInt64(), c.GetProperty("value").GetInt32(),
                ContractNames.ParseQualifier(S("qualifier") ?? "exact"), S("claimed_by"), S("claimant_id"),
                Parties.TryParseSide(S("claimant_side"), out var side) ? side : Side.Unknown, S("source"),
                S("report_date") is { } d ? DateOnly.ParseExact(d, "yyyy-MM-dd", CultureInfo.InvariantCulture) : null,
                c.GetProperty("authority").GetInt32(), S("standing") ?? "stands", c.GetProperty("partial").GetBoolean(),
                c.GetProperty("best").GetBoolean(), c.GetProperty("side_claim").GetBoolean(),
                Evidence(c.GetProperty("event_id").GetInt64(), new TextSpan(c.GetProperty("start").GetInt32(), c.GetProperty("end").GetInt32()))));
            Evidence Evidence(long eventId, TextSpan span) => new(span, words(eventId, span));
        }

        return list.ToImmutable();
    }

    public static ImmutableArray<StoredFeature> ReadFeatures(string json)
    {
        using var doc = JsonDocument.Parse(json);
        return [.. doc.RootElement.EnumerateArray().Select(f => new StoredFeature(f.GetProperty("name").GetString() ?? "", f.GetProperty("value").GetDouble(), f.GetProperty("reason").GetString() ?? ""))];
    }
}
