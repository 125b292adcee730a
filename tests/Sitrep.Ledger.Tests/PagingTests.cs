using Sitrep.Core;
using Sitrep.Ledger.Filters;
using Sitrep.Ledger.Formats;
using Sitrep.Storage;

namespace Sitrep.Ledger.Tests;

/// <summary>Sorts and cursors as every host reads them, and the spans of a report.</summary>
public sealed class PagingTests
{
    private static FilterResult Parse(params (string Name, string Value)[] values) =>
        LedgerFilter.Parse(n => values.FirstOrDefault(v => v.Name == n).Value, defaultLimit: 50, maxLimit: 1000);

    [Theory]
    [InlineData(LedgerSort.Date, false, 0L, "2024-06-01", 17L)]
    [InlineData(LedgerSort.Launched, true, -1L, null, 3L)]
    [InlineData(LedgerSort.Killed, false, 250L, "2023-01-31", 123456789L)]
    public void A_cursor_reads_back_as_it_was_written(LedgerSort sort, bool ascending, long value, string? date, long id)
    {
        var cursor = new PageCursor(value, date is null ? null : DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture), id);
        var token = PageCursors.Encode(cursor, sort, ascending);
        Assert.DoesNotContain('+', token);
        Assert.DoesNotContain('/', token);
        Assert.True(PageCursors.TryDecode(token, out var back, out var backSort, out var backAscending));
        Assert.Equal((cursor, sort, ascending), (back, backSort, backAscending));
    }

    [Fact]
    public void Read_as_query_parameters_the_messages_name_the_parameters_not_the_options()
    {
        var cli = Parse(("limit", "0"), ("until", "2024-01-01"), ("since", "2024-02-01"));
        var api = LedgerFilter.ParseQuery(n => n switch { "limit" => "0", "until" => "2024-01-01", "since" => "2024-02-01", _ => null }, 50, 1000);
        Assert.Equal(["--until 2024-01-01 is before --since 2024-02-01; swap them.", "--limit must be at least 1 (--all for every row)."], cli.Errors.Select(e => e.Message));
        Assert.Equal(["until 2024-01-01 is before since 2024-02-01; swap them.", "limit must be at least 1."], api.Errors.Select(e => e.Message));
        Assert.Equal(cli.Errors.Select(e => e.Name), api.Errors.Select(e => e.Name));
    }

    [Theory]
    [InlineData("")]
    [InlineData("not a cursor")]
    [InlineData("djF8ZGF0ZXxkZXNjfDB8fA")]
    public void A_token_the_ledger_did_not_give_is_refused(string token) => Assert.False(PageCursors.TryDecode(token, out _, out _, out _));

    [Fact]
    public void Sort_order_and_cursor_are_read_with_the_filters()
    {
        var first = Parse(("sort", "killed"), ("order", "asc"));
        Assert.True(first.Ok);
        Assert.Equal((LedgerSort.Killed, true, (PageCursor?)null), (first.Query.Sort, first.Query.Ascending, first.Query.After));
        var token = PageCursors.Encode(new PageCursor(4, new DateOnly(2024, 5, 1), 9), LedgerSort.Killed, true);
        var next = Parse(("sort", "killed"), ("order", "asc"), ("cursor", token));
        Assert.Equal(new PageCursor(4, new DateOnly(2024, 5, 1), 9), next.Query.After);
        Assert.Equal("cursor", Assert.Single(Parse(("cursor", token)).Errors).Name);
        Assert.Equal("sort", Assert.Single(Parse(("sort", "size")).Errors).Name);
        Assert.Equal("order", Assert.Single(Parse(("order", "up")).Errors).Name);
        Assert.Equal("limit", Assert.Single(Parse(("limit", "5000")).Errors).Name);
        Assert.Equal("limit", Assert.Single(Parse(("all", "")).Errors).Name);
        Assert.True(LedgerFilter.Parse(n => n == "all" ? "" : null, 50).Ok);
    }

    [Fact]
    public void A_page_gives_the_next_cursor_only_when_it_is_full()
    {
        var q = new EventQuery { Limit = 2, Sort = LedgerSort.Launched };
        StoredAttack A(long id, int? launched) => new(id, new DateOnly(2024, 1, 1), DatePrecision.Day, Side.Russia, Country.Ukraine, 1, 1, 1, null, "", "", false, DateTimeOffset.UnixEpoch) { Launched = launched };
        Assert.Null(PageCursors.Next([A(1, 5)], q));
        var token = PageCursors.Next([A(3, 9), A(2, null)], q)!;
        Assert.True(PageCursors.TryDecode(token, out var c, out var sort, out _));
        Assert.Equal((new PageCursor(-1, new DateOnly(2024, 1, 1), 2), LedgerSort.Launched), (c, sort));
    }

    [Fact]
    public void A_reports_spans_are_every_place_weapon_claim_claimant_and_quote_inside_its_text()
    {
        const string text = "Drones hit Odesa overnight. Russia launched 40 drones; 35 were shot down, the air force said.";
        Evidence Ev(string w) => new(new TextSpan(text.IndexOf(w, StringComparison.Ordinal), text.IndexOf(w, StringComparison.Ordinal) + w.Length), w);
        var drone = new WeaponRef(WeaponCategory.Drone, "Shahed-136");
        var e = new ExtractedEvent
        {
            Date = new EventDate(new DateOnly(2024, 5, 1), DatePrecision.Night, "overnight", Ev("overnight").Span),
            Places = [new PlaceRef("Odesa", Ev("Odesa").Span) { Name = "Odesa" }, new PlaceRef("Nowhere", new TextSpan(500, 507))],
            Weapons = [new WeaponUse(drone, Ev("40 drones")) { Claims = [new FigureClaim(FigureKind.Launched, 40, Qualifier.Exact, Ev("40 drones"), drone)] }],
            Claimants = [new Claimant("the air force", Side.Ukraine, Ev("the air force").Span)],
            Quotes = [Ev("Russia launched 40 drones; 35 were shot down, the air force said.")],
        };
        var report = new ReportRef(1, "t", null, null, null, "x", 1);
        var spans = ReportFormats.SpansOf([new StoredEvent(7, 0, report, e)], text.Length);
        Assert.Equal(["claim", "claimant", "date", "place", "quote", "weapon"], spans.Select(s => s.Kind).Distinct().Order(StringComparer.Ordinal).ToArray());
        Assert.All(spans, s => Assert.InRange(s.End, s.Start + 1, text.Length));
        Assert.Contains(spans, s => s.Kind == "claim" && s.Label == "launched 40" && text[s.Start..s.End] == "40 drones");
        Assert.DoesNotContain(spans, s => s.Label == "Nowhere");
        Assert.Equal(spans.OrderBy(s => s.Start).Select(s => s.Start), spans.Select(s => s.Start));
    }
}
