using System.Collections.Immutable;
using System.Text.Json;
using Sitrep.Core;
using Sitrep.Ledger.Formats;
using Sitrep.Storage;

namespace Sitrep.Web.Http;

/// <summary>
/// Every attack's listing row held in memory at one change version of the store, answering the attack listing's
/// filters, sorts and cursors as the store's query does (<c>SqlEventStore.AttackWhere</c> and <c>Listing</c>): the same
/// rows in the same order, so the page written from them is the same bytes. Immutable; a new version of the store is a
/// new model (<see cref="AttackReadModels"/>). What it cannot answer (a report's or an attack's members) it declines,
/// and the store answers.
/// <para>
/// Rows are held newest first (date descending, undated last, then id descending: the listing's own order, whose
/// reverse is its oldest-first order), with the rows' positions also in each figure order (the figure, -1 when missing,
/// then id). Each row's summary JSON is written once, when first sent.
/// </para>
/// </summary>
internal sealed class AttackReadModel
{
    private const int NoDate = int.MinValue;

    private readonly StoredAttack[] _rows;
    private readonly int[] _days;
    private readonly int[] _categories;
    private readonly ImmutableArray<string>[] _models;
    private readonly ImmutableArray<string>[] _places;
    private readonly int[][] _figureOrders;
    private readonly Dictionary<string, int[]> _placeRows;
    private readonly byte[]?[] _json;

    private AttackReadModel(string version, IReadOnlyList<AttackIndexRow> index)
    {
        Version = version;
        var sorted = index.ToArray();
        Array.Sort(sorted, (x, y) => CompareNewestFirst(Day(x.Attack), x.Attack.Id, Day(y.Attack), y.Attack.Id));
        _rows = [.. sorted.Select(r => r.Attack)];
        _days = [.. _rows.Select(Day)];
        _categories = [.. sorted.Select(r => r.Categories)];
        _models = [.. sorted.Select(r => r.ModelKeys)];
        _places = [.. sorted.Select(r => r.PlaceKeys)];
        _json = new byte[]?[_rows.Length];
        _placeRows = Enumerable.Range(0, _rows.Length).SelectMany(p => _places[p].Select(k => (Key: k, Position: p)))
            .GroupBy(x => x.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Select(x => x.Position).ToArray(), StringComparer.Ordinal);
        _figureOrders = new int[4][];
        foreach (var sort in (LedgerSort[])[LedgerSort.Launched, LedgerSort.Destroyed, LedgerSort.Killed, LedgerSort.Injured])
        {
            var order = Enumerable.Range(0, _rows.Length).ToArray();
            Array.Sort(order, (x, y) => CompareFigureDescending(Figure(sort, _rows[x]), _rows[x].Id, Figure(sort, _rows[y]), _rows[y].Id));
            _figureOrders[(int)sort - 1] = order;
        }
    }

    /// <summary>The store's change version the rows are of.</summary>
    public string Version { get; }

    public int Count => _rows.Length;

    public static async Task<AttackReadModel> ReadAsync(IAttackIndexSource store, string version, CancellationToken ct) =>
        new(version, await store.ReadAttackIndexAsync(ct).ConfigureAwait(false));

    /// <summary>
    /// The rows of <paramref name="query"/> in its order, after its cursor, at most its limit; false when the model
    /// does not answer the query (a report or attack filter) and the store must.
    /// </summary>
    public bool TryFind(EventQuery query, out List<StoredAttack> rows)
    {
        rows = [];
        if (!Answers(query))
        {
            return false;
        }

        var filter = new Filter(this, query);
        var limit = query.Limit ?? int.MaxValue;
        var skip = query.Offset;
        foreach (var p in Walk(query, filter))
        {
            if (!filter.Matches(p))
            {
                continue;
            }

            if (skip > 0)
            {
                skip--;
                continue;
            }

            if (rows.Count >= limit)
            {
                break;
            }

            rows.Add(_rows[p]);
        }

        return true;
    }

    /// <summary>How many rows match <paramref name="query"/>'s filters (its sort, cursor and limit ignored); false as <see cref="TryFind"/>.</summary>
    public bool TryCount(EventQuery query, out long count)
    {
        count = 0;
        if (!Answers(query))
        {
            return false;
        }

        var filter = new Filter(this, query);
        var (from, to) = DateRange(query);
        for (var p = from; p < to; p++)
        {
            if (filter.Matches(p))
            {
                count++;
            }
        }

        return true;
    }

    /// <summary>The summary JSON of a row this model returned (<see cref="AttackFormats.WriteSummaryJson"/>'s bytes, kept).</summary>
    public void WriteSummary(Utf8JsonWriter w, StoredAttack row)
    {
        var p = Position(row);
        var bytes = Volatile.Read(ref _json[p]);
        if (bytes is null)
        {
            bytes = ApiResults.Bytes(jw => AttackFormats.WriteSummaryJson(jw, row));
            Volatile.Write(ref _json[p], bytes);
        }

        w.WriteRawValue(bytes, skipInputValidation: true);
    }

    private static bool Answers(EventQuery query) => query.ReportId is null && query.AttackId is null;

    /// <summary>A row's position, found by its place in the newest-first order.</summary>
    private int Position(StoredAttack row)
    {
        int lo = 0, hi = _rows.Length - 1, day = Day(row);
        while (lo <= hi)
        {
            var mid = (lo + hi) >>> 1;
            var c = CompareNewestFirst(_days[mid], _rows[mid].Id, day, row.Id);
            if (c == 0)
            {
                return mid;
            }

            if (c < 0)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid - 1;
            }
        }

        throw new ArgumentException("Not a row of this model.", nameof(row));
    }

    /// <summary>The positions of the query's order that come after its cursor, in that order.</summary>
    private IEnumerable<int> Walk(EventQuery query, Filter filter)
    {
        var asc = query.Ascending;
        var c = query.After;
        if (query.Sort == LedgerSort.Date)
        {
            var (from, to) = DateRange(query);
            if (c is not null)
            {
                // The first position after the cursor in newest-first order (ascending walks the part before it, backwards).
                var cut = FirstAfter(from, to, p => CompareNewestFirst(_days[p], _rows[p].Id, c.Date is { } d ? d.DayNumber : NoDate, c.Id) > 0);
                (from, to) = asc ? (from, cut) : (cut, to);
                if (asc)
                {
                    // Rows equal to the cursor are not after it either way.
                    while (to > from && CompareNewestFirst(_days[to - 1], _rows[to - 1].Id, c.Date is { } d2 ? d2.DayNumber : NoDate, c.Id) == 0)
                    {
                        to--;
                    }
                }
            }

            if (filter.PlaceRows is { } places)
            {
                return places.Where(p => p >= from && p < to).Reverse(asc);
            }

            return Range(from, to, asc);
        }

        var order = _figureOrders[(int)query.Sort - 1];
        int start = 0, end = order.Length;
        if (c is not null)
        {
            var cut = FirstAfter(0, order.Length, i => CompareFigureDescending(Figure(query.Sort, _rows[order[i]]), _rows[order[i]].Id, c.Value, c.Id) > 0);
            (start, end) = asc ? (0, cut) : (cut, order.Length);
            while (asc && end > start && CompareFigureDescending(Figure(query.Sort, _rows[order[end - 1]]), _rows[order[end - 1]].Id, c.Value, c.Id) == 0)
            {
                end--;
            }
        }

        return Range(start, end, asc).Select(i => order[i]);
    }

    private static IEnumerable<int> Range(int from, int to, bool backwards)
    {
        if (backwards)
        {
            for (var i = to - 1; i >= from; i--)
            {
                yield return i;
            }
        }
        else
        {
            for (var i = from; i < to; i++)
            {
                yield return i;
            }
        }
    }

    /// <summary>The positions (newest first) whose dates can match the query's since and until: undated rows match neither.</summary>
    private (int From, int To) DateRange(EventQuery query)
    {
        int from = 0, to = _rows.Length;
        if (query.Until is { } until)
        {
            var u = until.DayNumber;
            from = FirstAfter(0, _rows.Length, p => _days[p] <= u);
        }

        if (query.Since is { } since)
        {
            var s = since.DayNumber;
            to = FirstAfter(from, _rows.Length, p => _days[p] < s);
        }

        if (query.Since is not null || query.Until is not null)
        {
            to = Math.Min(to, FirstAfter(from, _rows.Length, p => _days[p] == NoDate));
        }

        return (from, to);
    }

    /// <summary>The first index in [from, to) where <paramref name="after"/> holds (it holds from there to the end), else <paramref name="to"/>.</summary>
    private static int FirstAfter(int from, int to, Func<int, bool> after)
    {
        int lo = from, hi = to;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (after(mid))
            {
                hi = mid;
            }
            else
            {
                lo = mid + 1;
            }
        }

        return lo;
    }

    private static int Day(StoredAttack a) => a.Date is { } d ? d.DayNumber : NoDate;

    /// <summary>Newest first: date descending with undated rows last, then id descending (the listing's order; negative when x comes first).</summary>
    private static int CompareNewestFirst(int dayX, long idX, int dayY, long idY)
    {
        if (dayX != dayY)
        {
            return dayX == NoDate ? 1 : dayY == NoDate ? -1 : dayY.CompareTo(dayX);
        }

        return idY.CompareTo(idX);
    }

    /// <summary>Largest figure first, then id descending (a figure order's descending listing).</summary>
    private static int CompareFigureDescending(long valueX, long idX, long valueY, long idY) =>
        valueX != valueY ? valueY.CompareTo(valueX) : idY.CompareTo(idX);

    /// <summary>A row's value for a figure sort, -1 when it has none (the store's <c>COALESCE(…, -1)</c>).</summary>
    private static long Figure(LedgerSort sort, StoredAttack a) => (sort switch
    {
        LedgerSort.Launched => a.Launched,
        LedgerSort.Destroyed => a.Destroyed,
        LedgerSort.Killed => a.Killed,
        _ => a.Injured,
    }) ?? -1;

    /// <summary>The query's filters over positions, as the store's WHERE reads them over attacks.</summary>
    private sealed class Filter
    {
        private readonly AttackReadModel _m;
        private readonly EventQuery _q;
        private readonly int? _since;
        private readonly int? _until;
        private readonly int _mask;
        private readonly string? _modelFrom;
        private readonly string? _modelTo;
        private readonly string? _place;
        private readonly bool _none;

        public Filter(AttackReadModel m, EventQuery q)
        {
            _m = m;
            _q = q;
            _since = q.Since?.DayNumber;
            _until = q.Until?.DayNumber;
            _none = q.Kind == EventKind.Aggregate; // attacks are strikes
            if (q.Weapon is { } weapon)
            {
                if (weapon.ModelPrefix is null)
                {
                    _mask = weapon.Categories.Aggregate(0, (mask, c) => mask | IAttackIndexSource.CategoryBit(c));
                    _none |= _mask == 0;
                }
                else
                {
                    _modelFrom = StoreKeys.Model(weapon.ModelPrefix) ?? "";
                    _modelTo = _modelFrom + "\uffff";
                }
            }

            _place = StoreKeys.Place(q.Place);
            if (_place is not null)
            {
                PlaceRows = m._placeRows.GetValueOrDefault(_place, []);
            }
        }

        /// <summary>With a place filter, the positions (newest first) of the rows in that place.</summary>
        public int[]? PlaceRows { get; }

        public bool Matches(int p)
        {
            if (_none)
            {
                return false;
            }

            var a = _m._rows[p];
            var day = _m._days[p];
            if ((_since is { } s && (day == NoDate || day < s)) || (_until is { } u && (day == NoDate || day > u)))
            {
                return false;
            }

            if ((_q.Attacker is { } attacker && a.Attacker != attacker) || (_q.Target is { } target && a.Target != target))
            {
                return false;
            }

            if ((_q.MinLaunched is { } minLaunched && !(a.Launched >= minLaunched)) || (_q.MinKilled is { } minKilled && !(a.Killed >= minKilled)))
            {
                return false;
            }

            if (_mask != 0 && (_m._categories[p] & _mask) == 0)
            {
                return false;
            }

            if (_modelFrom is not null && !_m._models[p].Any(k => string.CompareOrdinal(k, _modelFrom) >= 0 && string.CompareOrdinal(k, _modelTo) < 0))
            {
                return false;
            }

            return _place is null || _m._places[p].Contains(_place, StringComparer.Ordinal);
        }
    }
}

internal static class PositionOrder
{
    public static IEnumerable<int> Reverse(this IEnumerable<int> positions, bool backwards) => backwards ? Enumerable.Reverse(positions) : positions;
}
