using System.Collections.Immutable;
using System.Globalization;
using Sitrep.Core;
using Sitrep.Extraction.Stages.Weapons;
using Sitrep.Storage;

namespace Sitrep.Ledger.Filters;

/// <summary>A filter value that could not be read: which option, and a sentence that says what to write instead.</summary>
public sealed record FilterError(string Name, string Message);

/// <summary>A parsed filter, or the errors that stopped it.</summary>
public sealed record FilterResult(EventQuery Query, ImmutableArray<FilterError> Errors)
{
    public bool Ok => Errors.IsEmpty;
}

/// <summary>
/// The filters every host takes over events and attacks, parsed and validated in one place: the CLI's options
/// (<c>--since 2024-06-01</c>) and the API's query parameters (<c>?since=2024-06-01</c>) use the same names,
/// the same rules and the same messages. Reads values through a lookup so that it knows nothing of either host.
/// </summary>
public static class LedgerFilter
{
    /// <summary>The filter names, in the order help texts list them.</summary>
    public static readonly ImmutableArray<string> Names =
        ["since", "until", "attacker", "target", "place", "weapon", "min-launched", "min-killed", "kind", "report", "attack"];

    /// <summary>Every filter and paging parameter with one sentence on it: what an API document lists for a query.</summary>
    public static readonly ImmutableArray<(string Name, string Description)> Parameters =
    [
        ("since", "On or after this date (YYYY-MM-DD)."),
        ("until", "On or before this date (YYYY-MM-DD)."),
        ("attacker", "RU, UA or unknown (names work too: russia, ukraine)."),
        ("target", "The target country: UA, RU, BY or other."),
        ("place", "A place as written, its gazetteer name or its region (\"Kharkiv\", \"Kharkiv region\"); case, accents and \"oblast\"/\"region\" are ignored."),
        ("weapon", "drone, missile, cruise_missile, ballistic_missile, bomb, artillery, rocket, or a model or the start of one (\"shahed\", \"Kh-101\")."),
        ("min-launched", "At least this many launched (best figure)."),
        ("min-killed", "At least this many killed (best figure)."),
        ("kind", "strike or aggregate (events; attacks are strikes)."),
        ("report", "Only what one stored report tells (its id)."),
        ("attack", "Only the events of one attack (A12 or 12)."),
        ("sort", "date (default), launched, destroyed, killed or injured; then by id."),
        ("order", "desc (default: newest or largest first) or asc."),
        ("limit", "At most this many rows."),
        ("cursor", "Where the previous page ended (its \"next\" value): the page after it."),
    ];

    /// <summary>The help text for the filters (without the order: <see cref="SortUsage"/>), shaped for an 80-column terminal.</summary>
    public const string Usage = """
          --since DATE       on or after DATE (YYYY-MM-DD)
          --until DATE       on or before DATE
          --attacker SIDE    RU, UA or unknown (names work too: russia, ukraine)
          --target COUNTRY   UA, RU, BY or other (names work too: ukraine, russia)
          --place NAME       a place as written, its gazetteer name or its region ("Kharkiv",
                             "Kharkiv region"); case, accents and "oblast"/"region" are ignored
          --weapon WEAPON    drone, missile, cruise_missile, ballistic_missile, bomb, artillery,
                             rocket, or a model or the start of one ("shahed", "Kh-101"); the
                             lexicon's Ukrainian and Russian names too ("шахеди", "калібр")
          --min-launched N   at least N launched
          --min-killed N     at least N killed
          --kind KIND        strike or aggregate (default: both)
          --report ID        events of one stored report
          --attack ID        events of one attack (A12 or 12)
        """;

    /// <summary>The help text for the order of a listing (events, attacks), shaped for an 80-column terminal.</summary>
    public const string SortUsage = """
          --sort FIELD       date (default), launched, destroyed, killed or injured
          --order ORDER      desc (default: newest or largest first) or asc
          --cursor CURSOR    start after the row a listing's "next" cursor names (the HTTP
                             API's pages; the same sort and order as that listing)
        """;

    /// <summary>
    /// Reads the filters from <paramref name="value"/> (a name without dashes → its value, null when absent).
    /// <paramref name="defaultLimit"/> is the page size when <c>limit</c> is absent (null: no limit); <c>all</c>
    /// lifts the limit.
    /// </summary>
    public static FilterResult Parse(Func<string, string?> value, int? defaultLimit) => Parse(value, defaultLimit, maxLimit: null);

    /// <summary>
    /// Reads the filters of a page as <see cref="Parse(Func{string, string?}, int?, int?)"/> does, for a host that takes
    /// them as query parameters: the same rules and sentences, naming <c>limit</c> where the CLI's name <c>--limit</c>.
    /// </summary>
    public static FilterResult ParseQuery(Func<string, string?> value, int? defaultLimit, int? maxLimit)
    {
        var result = Parse(value, defaultLimit, maxLimit);
        if (result.Ok)
        {
            return result;
        }

        return result with { Errors = [.. result.Errors.Select(e => e with { Message = AsQueryParameters(e.Message) })] };
    }

    private static string AsQueryParameters(string message)
    {
        message = message.Replace(" (--all for every row)", "", StringComparison.Ordinal);
        foreach (var (name, _) in Parameters.OrderByDescending(p => p.Name.Length))
        {
            message = message.Replace("--" + name, name, StringComparison.Ordinal);
        }

        return message;
    }

    /// <summary>
    /// Reads the filters as <see cref="Parse(Func{string, string?}, int?)"/> does; a limit over <paramref name="maxLimit"/> (and
    /// <c>all</c>, when there is a maximum) is an error, for hosts that serve pages rather than whole exports.
    /// </summary>
    public static FilterResult Parse(Func<string, string?> value, int? defaultLimit, int? maxLimit)
    {
        var errors = ImmutableArray.CreateBuilder<FilterError>();
        T? Read<T>(string name, Func<string, (bool Ok, T Value)> parse, string message)
            where T : struct
        {
            if (value(name) is not { } v)
            {
                return null;
            }

            var (ok, parsed) = parse(v);
            if (!ok)
            {
                errors.Add(new FilterError(name, string.Format(CultureInfo.InvariantCulture, message, v)));
                return null;
            }

            return parsed;
        }

        var since = Read("since", ParseDate, "--since '{0}' is not a date; write it as YYYY-MM-DD.");
        var until = Read("until", ParseDate, "--until '{0}' is not a date; write it as YYYY-MM-DD.");
        if (since is { } s && until is { } u && u < s)
        {
            errors.Add(new FilterError("until", $"--until {u:yyyy-MM-dd} is before --since {s:yyyy-MM-dd}; swap them."));
        }

        var attacker = Read("attacker", v => (Parties.TryParseSide(v, out var side) && side is Side.Russia or Side.Ukraine or Side.Unknown, side),
            "--attacker '{0}' is not RU, UA or unknown.");
        var target = Read("target", v => (Parties.TryParseCountry(v, out var c), c), "--target '{0}' is not UA, RU, BY or other.");
        var weapon = value("weapon") is { } w ? Weapon(w, errors) : null;

        var kind = Read("kind", v => v.Trim().ToLowerInvariant() switch
        {
            "strike" or "strikes" => (true, EventKind.Strike),
            "aggregate" or "aggregates" => (true, EventKind.Aggregate),
            _ => (false, EventKind.Strike),
        }, "--kind '{0}' is not strike or aggregate.");
        const string whole = "--{1} '{0}' is not a whole number.";
        int? Count(string name) => Read(name, ParseCount, whole.Replace("{1}", name, StringComparison.Ordinal));
        var minLaunched = Count("min-launched");
        var minKilled = Count("min-killed");
        var limit = Count("limit");
        var offset = Count("offset");
        var report = Read("report", v => (long.TryParse(v, NumberStyles.None, CultureInfo.InvariantCulture, out var id), id), "--report '{0}' is not a report id (a whole number).");
        var attack = Read("attack", v => (AttackIds.TryParse(v, out var id), id), "--attack '{0}' is not an attack id; write it as A12 or 12.");
        // A place is a name: one of only punctuation or spaces ("%", "*", "--") would match nothing, or everything once
        // folded, so it is refused rather than quietly meaning no filter.
        if (value("place") is { Length: > 0 } placeText && !placeText.Any(char.IsLetterOrDigit))
        {
            errors.Add(new FilterError("place", $"--place '{placeText}' names no place (no letter or digit); write a place name, e.g. Kharkiv, or leave --place out."));
        }

        if (limit is 0)
        {
            errors.Add(new FilterError("limit", "--limit must be at least 1 (--all for every row)."));
        }

        if (maxLimit is { } max && (limit > max || value("all") is not null))
        {
            errors.Add(new FilterError("limit", string.Create(CultureInfo.InvariantCulture, $"--limit is at most {max} a page; follow the page's cursor for more, or export every row.")));
        }

        var sort = Read("sort", v => PageCursors.TryParseSort(v, out var field) ? (true, field) : (false, LedgerSort.Date),
            "--sort '{0}' is not date, launched, destroyed, killed or injured.");
        var order = Read("order", v => v.Trim().ToLowerInvariant() switch
        {
            "asc" or "ascending" => (true, true),
            "desc" or "descending" => (true, false),
            _ => (false, false),
        }, "--order '{0}' is not asc or desc.");
        var ascending = order ?? value("oldest-first") is not null;
        PageCursor? after = null;
        if (value("cursor") is { Length: > 0 } token)
        {
            if (!PageCursors.TryDecode(token, out var cursor, out var cursorSort, out var cursorAscending))
            {
                errors.Add(new FilterError("cursor", "--cursor is not a cursor this ledger gave; start from the first page (leave it out)."));
            }
            else if (cursorSort != (sort ?? LedgerSort.Date) || cursorAscending != ascending)
            {
                errors.Add(new FilterError("cursor", "--cursor belongs to a listing in another order; start from the first page of this one (leave it out)."));
            }
            else
            {
                after = cursor;
            }
        }

        var query = new EventQuery
        {
            Since = since,
            Until = until,
            Attacker = attacker,
            Target = target,
            Place = value("place") is { Length: > 0 } place ? place : null,
            Weapon = weapon,
            MinLaunched = minLaunched,
            MinKilled = minKilled,
            Kind = kind,
            ReportId = report,
            AttackId = attack,
            Limit = value("all") is not null ? null : limit ?? defaultLimit,
            Offset = offset ?? 0,
            Ascending = ascending,
            Sort = sort ?? LedgerSort.Date,
            After = after,
        };
        return new FilterResult(query, errors.ToImmutable());
    }

    /// <summary>The families a weapon filter names, as the errors list them.</summary>
    private const string WeaponFamilies = WeaponSelector.FamilyWords;

    /// <summary>The lexicon's models as stored weapons' model keys ("shahed136"), beside the names they fold from.</summary>
    private static readonly ImmutableArray<(string Key, string Name)> ModelKeys =
        [.. WeaponLexicon.Models.Select(m => (StoreKeys.Model(m) ?? "", m)).Where(m => m.Item1.Length > 0)];

    /// <summary>
    /// A weapon filter that can match: a family, a model the lexicon knows or the start of one ("shahed", "kh-5"), or
    /// another name the lexicon reads ("geran-2" → Shahed-136, "x-101" → Kh-101, "unmanned aerial vehicle" → drone),
    /// a Ukrainian or Russian word included, inflected as its stem allows ("Шахеди" → Shahed, "калібр" → Kalibr).
    /// Words that name none ("banana") would match nothing and look like an empty ledger: an error that names the
    /// nearest weapon, or the families and models when none is near.
    /// </summary>
    private static WeaponSelector? Weapon(string text, ImmutableArray<FilterError>.Builder errors)
    {
        if (!WeaponSelector.TryParse(text, out var selector, out var why))
        {
            errors.Add(new FilterError("weapon", $"--weapon: {why}"));
            return null;
        }

        if (selector.ModelPrefix is not { } prefix || StoreKeys.Model(prefix) is { } key && ModelKeys.Any(m => m.Key.StartsWith(key, StringComparison.Ordinal)))
        {
            return selector;
        }

        if (WeaponLexicon.TryResolve(prefix, out var named) || WeaponStems.TryResolve(prefix, out named))
        {
            return WeaponSelector.Of(named, selector.Text);
        }

        var hint = NearestWeapon(prefix) is { } near
            ? $"Did you mean {near}? Families: {WeaponFamilies}."
            : $"Families: {WeaponFamilies}. Models (or the start of one): {string.Join(", ", WeaponLexicon.Models.Order(StringComparer.OrdinalIgnoreCase))}.";
        errors.Add(new FilterError("weapon", $"--weapon '{prefix}' is no weapon family or model the ledger knows. {hint}"));
        return null;
    }

    /// <summary>
    /// The family word, model or lexicon phrase nearest to <paramref name="text"/> (folded as model keys are), when it
    /// is within two edits and the edits are less than half the word; null otherwise.
    /// </summary>
    private static string? NearestWeapon(string text)
    {
        var key = StoreKeys.Model(text) ?? "";
        var names = WeaponFamilies.Split(", ").Concat(WeaponLexicon.Models).Concat(WeaponLexicon.Phrases);
        return names.Select(n => (Name: n, Edits: EditDistance.Between(key, StoreKeys.Model(n) ?? "")))
            .Where(n => n.Edits <= 2 && n.Edits * 2 < key.Length)
            .OrderBy(n => n.Edits).ThenBy(n => n.Name, StringComparer.Ordinal).Select(n => n.Name).FirstOrDefault();
    }

    private static (bool, DateOnly) ParseDate(string v) =>
        (DateOnly.TryParseExact(v.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d), d);

    private static (bool, int) ParseCount(string v) =>
        (int.TryParse(v.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var n), n);
}

/// <summary>Attack ids as people write them: "A12" (how the ledger shows them) or "12".</summary>
public static class AttackIds
{
    public static string Format(long id) => "A" + id.ToString(CultureInfo.InvariantCulture);

    public static bool TryParse(string? text, out long id)
    {
        var t = (text ?? "").Trim();
        if (t.Length > 1 && t[0] is 'A' or 'a')
        {
            t = t[1..];
        }

        return long.TryParse(t, NumberStyles.None, CultureInfo.InvariantCulture, out id) && id > 0;
    }
}
