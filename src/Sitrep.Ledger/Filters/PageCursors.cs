using System.Buffers.Text;
using System.Globalization;
using System.Text;
using Sitrep.Storage;

namespace Sitrep.Ledger.Filters;

/// <summary>
/// Cursors of paged listings as hosts hand them out: an opaque token that names the listing's order (so a cursor is
/// never read against another order) and the last row of the page (its sort value, date and id). Tokens are URL-safe
/// base64 of <c>v1|sort|asc|value|date|id</c>; nothing in them is secret, and a token that does not decode is refused.
/// </summary>
public static class PageCursors
{
    private const string Version = "v1";

    /// <summary>The sort field as hosts write it: date, launched, destroyed, killed, injured.</summary>
    public static string SortName(LedgerSort sort) => sort.ToString().ToLowerInvariant();

    public static bool TryParseSort(string text, out LedgerSort sort)
    {
        sort = LedgerSort.Date;
        var t = text.Trim().ToLowerInvariant();
        foreach (var s in Enum.GetValues<LedgerSort>())
        {
            if (SortName(s) == t)
            {
                sort = s;
                return true;
            }
        }

        return false;
    }

    public static string Encode(PageCursor cursor, LedgerSort sort, bool ascending)
    {
        var text = string.Create(CultureInfo.InvariantCulture,
            $"{Version}|{SortName(sort)}|{(ascending ? "asc" : "desc")}|{cursor.Value}|{(cursor.Date is { } d ? d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : "")}|{cursor.Id}");
        return Base64Url.EncodeToString(Encoding.UTF8.GetBytes(text));
    }

    public static bool TryDecode(string token, out PageCursor cursor, out LedgerSort sort, out bool ascending)
    {
        cursor = new PageCursor(0, null, 0);
        sort = LedgerSort.Date;
        ascending = false;
        if (token.Length > 200 || !Base64Url.IsValid(token))
        {
            return false;
        }

        var parts = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(token)).Split('|');
        if (parts.Length != 6 || parts[0] != Version || !TryParseSort(parts[1], out sort) || parts[2] is not ("asc" or "desc")
            || !long.TryParse(parts[3], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)
            || !long.TryParse(parts[5], NumberStyles.None, CultureInfo.InvariantCulture, out var id))
        {
            return false;
        }

        DateOnly? date = null;
        if (parts[4].Length > 0)
        {
            if (!DateOnly.TryParseExact(parts[4], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
            {
                return false;
            }

            date = d;
        }

        ascending = parts[2] == "asc";
        cursor = new PageCursor(value, date, id);
        return true;
    }

    /// <summary>The cursor of the page after <paramref name="page"/>, or null when it was the last (fewer rows than the limit).</summary>
    public static string? Next(IReadOnlyList<StoredAttack> page, EventQuery query) =>
        query.Limit is { } limit && page.Count >= limit && page.Count > 0
            ? Encode(After(page[^1], query.Sort), query.Sort, query.Ascending)
            : null;

    /// <summary>Where a listing in <paramref name="sort"/> goes on after the attack <paramref name="last"/>.</summary>
    public static PageCursor After(StoredAttack last, LedgerSort sort) =>
        new(SortValue(sort, last.Launched, last.Destroyed, last.Killed, last.Injured), last.Date, last.Id);

    /// <summary>The cursor of the page of events after <paramref name="page"/>, or null when it was the last.</summary>
    public static string? Next(IReadOnlyList<EventSummary> page, EventQuery query) =>
        query.Limit is { } limit && page.Count >= limit && page.Count > 0
            ? Encode(new PageCursor(SortValue(query.Sort, page[^1].Launched, page[^1].Destroyed, page[^1].Killed, page[^1].Injured), page[^1].Date, page[^1].Id), query.Sort, query.Ascending)
            : null;

    /// <summary>A row's value for a figure sort, -1 when it has none (as the store orders them); 0 for a date sort.</summary>
    private static long SortValue(LedgerSort sort, int? launched, int? destroyed, int? killed, int? injured) => sort switch
    {
        LedgerSort.Launched => launched ?? -1,
        LedgerSort.Destroyed => destroyed ?? -1,
        LedgerSort.Killed => killed ?? -1,
        LedgerSort.Injured => injured ?? -1,
        _ => 0,
    };
}
