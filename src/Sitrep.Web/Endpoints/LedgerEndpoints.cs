using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Sitrep.Ledger;
using Sitrep.Ledger.Filters;
using Sitrep.Ledger.Formats;
using Sitrep.Storage;
using Sitrep.Web.Http;

namespace Sitrep.Web.Endpoints;

/// <summary>
/// The read side of the API: attacks, events, reports, stats, places and exports, each a thin call into the store and
/// the ledger's formatters (the same JSON the CLI writes). Lists are pages: <c>limit</c>, <c>sort</c>, <c>order</c> and
/// the <c>cursor</c> of the page before, which every page hands out as <c>next</c> and in a <c>Link</c> header.
/// </summary>
internal static class LedgerEndpoints
{
    /// <summary>The most rows one page of a listing holds (the map asks for more, as GeoJSON).</summary>
    public const int MaxPage = 1000;

    /// <summary>The most attacks one GeoJSON page holds (the map's points).</summary>
    public const int MaxMapPoints = 10_000;

    /// <summary>What every read endpoint answers: GET, and HEAD (the same headers, no body).</summary>
    public static readonly string[] Reads = [HttpMethods.Get, HttpMethods.Head];

    public static void Map(IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api");
        var read = api.MapGroup("").AddEndpointFilter(StoreFreshness.Filter);
        read.MapMethods("/attacks", Reads, ListAttacks)
            .WithSummary("Attacks, newest first (or as sorted), a page at a time.")
            .WithDescription("Each attack once, however many reports tell it. view=summary (default) gives each attack's head and best totals; view=full the whole attack as `sitrep attacks --format json` writes it (figures with claims, members with why). format=geojson gives the page as a FeatureCollection (up to 10,000 points, for maps).")
            .WithTags("attacks")
            .WithMetadata(new LedgerQueryMetadata(Filtered: true, ("format", "json (default) or geojson"), ("view", "summary (default) or full")));
        read.MapMethods("/attacks/count", Reads, CountAttacks)
            .WithSummary("How many attacks the filters match: {\"attacks\": N} (a listing's pages say where they are in it).")
            .WithTags("attacks")
            .WithMetadata(new LedgerQueryMetadata(Filtered: true));
        read.MapMethods("/attacks/{id}", Reads, GetAttack)
            .WithSummary("One attack whole: best/low/high figures, every claim with claimant, report and evidence span, member events and why they merged.")
            .WithDescription("An id a re-merge retired answers 308 with the attack that took most of its members.")
            .WithTags("attacks")
            .WithMetadata(new LedgerQueryMetadata(Filtered: false));
        read.MapMethods("/events", Reads, ListEvents)
            .WithSummary("Each report's events (one report's account of an attack), a page at a time.")
            .WithDescription("Whole events as `sitrep events --format json` writes them: places, weapons, claims with evidence spans, the report and the attack.")
            .WithTags("events")
            .WithMetadata(new LedgerQueryMetadata(Filtered: true));
        read.MapMethods("/events/{id}", Reads, GetEvent)
            .WithSummary("One event: every figure, who claims it, the words that say it, its report and attack.")
            .WithTags("events")
            .WithMetadata(new LedgerQueryMetadata(Filtered: false));
        read.MapMethods("/reports/{id}", Reads, GetReport)
            .WithSummary("One stored report: its text and metadata, every version at its URL, its events, and every span of the text they were read from.")
            .WithTags("reports")
            .WithMetadata(new LedgerQueryMetadata(Filtered: false));
        read.MapMethods("/stats", Reads, Stats)
            .WithSummary("Per day × attacker → target × weapon family, over attacks: attacks, reports, launched, destroyed, interception rate, killed, injured.")
            .WithTags("stats")
            .WithMetadata(new LedgerQueryMetadata(Filtered: true, ("format", "json (default) or csv")));
        read.MapMethods("/places", Reads, Places)
            .WithSummary("Attacks counted by their map location's region (level=admin1, default) or by the location itself (level=place), with launched, destroyed, killed and injured summed.")
            .WithTags("places")
            .WithMetadata(new LedgerQueryMetadata(Filtered: true, ("level", "admin1 (default) or place"), ("format", "json (default) or csv")));
        api.MapMethods("/export", Reads, Export)
            .WithSummary("Every matching attack (or, with events, every report's event), streamed in id order.")
            .WithDescription("format=csv, jsonl (the merged-ledger contract), geojson, acled, json or parquet (typed columns, binary), exactly as `sitrep export` writes them.")
            .WithTags("export")
            .WithMetadata(new LedgerQueryMetadata(Filtered: true, ("format", "csv, jsonl, geojson, acled, json or parquet"), ("events", "present: export events instead of attacks")));
    }

    /// <summary>The in-memory model of the version this request is answered at, or null (the store answers).</summary>
    private static AttackReadModel? ModelOf(HttpContext ctx, AttackReadModels models) => models.For(ctx.Items[StoreFreshness.VersionKey] as string);

    private static async Task<IResult> ListAttacks(HttpContext ctx, IEventStore store, AttackReadModels models, CancellationToken ct)
    {
        var format = QueryFilters.Choice(ctx, "format", "json", "json", "geojson");
        var view = QueryFilters.Choice(ctx, "view", "summary", "summary", "full");
        if (format is null || view is null)
        {
            return format is null
                ? ApiResults.Problem(LedgerErrors.UnknownFormat(ctx.Request.Query["format"].ToString(), ["json", "geojson"]))
                : ApiResults.Problem(LedgerErrors.BadFilter($"view '{ctx.Request.Query["view"]}' is not summary or full."));
        }

        var geo = format == "geojson";
        if (!QueryFilters.TryRead(ctx, geo ? 2000 : 50, geo ? MaxMapPoints : MaxPage, out var query, out var problem, "format", "view"))
        {
            return problem;
        }

        var model = ModelOf(ctx, models);
        IReadOnlyList<StoredAttack> found = [];
        if (model is null || !model.TryFind(query, out var inMemory))
        {
            model = null;
            found = await store.FindAttacksAsync(query, ct).ConfigureAwait(false);
        }
        else
        {
            found = inMemory;
        }

        var rows = found;
        var next = PageCursors.Next(rows, query);
        var link = next is null ? null : QueryFilters.WithCursor(ctx.Request, next);
        if (geo)
        {
            AttackFormats.All.TryGet("geojson", out var formatter);
            return ApiResults.Text(Write(formatter, rows), formatter.MediaType, link);
        }

        if (view == "full")
        {
            var whole = await store.GetAttacksAsync([.. rows.Select(r => r.Id)], ct).ConfigureAwait(false);
            return ApiResults.Json(w => PageFormats.WritePage(w, "attacks", whole, (jw, a) => AttackFormats.WriteJson(jw, a), next), next: link);
        }

        // An answer from memory is not kept: at thousands of different questions a second, keeping them filled the
        // answer cache's 64 MB every fraction of a second, and the collections that followed were the listing's slowest 1%.
        return ApiResults.Json(w => PageFormats.WritePage(w, "attacks", rows, model is null ? AttackFormats.WriteSummaryJson : model.WriteSummary, next), next: link, keep: model is null);
    }

    private static async Task<IResult> CountAttacks(HttpContext ctx, IEventStore store, AttackReadModels models, CancellationToken ct)
    {
        if (!QueryFilters.TryRead(ctx, null, null, out var query, out var problem))
        {
            return problem;
        }

        if (store is not IAttackCounter counter)
        {
            return ApiResults.Problem(LedgerErrors.NotFound(ctx.Request.Path));
        }

        var n = ModelOf(ctx, models) is { } model && model.TryCount(query, out var counted) ? counted : await counter.CountAttacksAsync(query, ct).ConfigureAwait(false);
        return ApiResults.Json(w =>
        {
            w.WriteStartObject();
            w.WriteNumber("attacks", n);
            w.WriteEndObject();
        });
    }

    private static async Task<IResult> GetAttack(string id, HttpContext ctx, IEventStore store, CancellationToken ct)
    {
        if (!AttackIds.TryParse(id, out var n))
        {
            return ApiResults.Problem(LedgerErrors.BadId("an attack id (A12 or 12)", id));
        }

        var attack = await store.GetAttackAsync(n, ct).ConfigureAwait(false);
        if (attack is null)
        {
            return ApiResults.Problem(LedgerErrors.NoAttack(AttackIds.Format(n)));
        }

        if (attack.Id != n)
        {
            return Results.Redirect($"/api/attacks/{AttackIds.Format(attack.Id)}", permanent: true, preserveMethod: true);
        }

        return ApiResults.Json(w => AttackFormats.WriteJson(w, attack));
    }

    private static async Task<IResult> ListEvents(HttpContext ctx, IEventStore store, CancellationToken ct)
    {
        if (!QueryFilters.TryRead(ctx, 50, MaxPage, out var query, out var problem))
        {
            return problem;
        }

        var rows = await store.FindEventsAsync(query, ct).ConfigureAwait(false);
        var next = PageCursors.Next(rows, query);
        var link = next is null ? null : QueryFilters.WithCursor(ctx.Request, next);
        var events = await store.GetEventsAsync([.. rows.Select(r => r.Id)], ct).ConfigureAwait(false);
        return ApiResults.Json(w => PageFormats.WritePage(w, "events", events, EventFormats.WriteJson, next), next: link);
    }

    private static async Task<IResult> GetEvent(string id, IEventStore store, CancellationToken ct)
    {
        if (!long.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var n))
        {
            return ApiResults.Problem(LedgerErrors.BadId("an event id (a whole number)", id));
        }

        var e = await store.GetEventAsync(n, ct).ConfigureAwait(false);
        return e is null ? ApiResults.Problem(LedgerErrors.NoEvent(id)) : ApiResults.Json(w => EventFormats.WriteJson(w, e));
    }

    private static async Task<IResult> GetReport(string id, IEventStore store, CancellationToken ct)
    {
        if (!long.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var n))
        {
            return ApiResults.Problem(LedgerErrors.BadId("a report id (a whole number)", id));
        }

        var report = await store.GetReportAsync(n, ct).ConfigureAwait(false);
        if (report is null)
        {
            return ApiResults.Problem(LedgerErrors.NoReport(id));
        }

        var versions = string.IsNullOrEmpty(report.Article.Url) ? [report] : await store.GetReportVersionsAsync(report.Article.Url, ct).ConfigureAwait(false);
        var rows = await store.FindEventsAsync(new EventQuery { ReportId = n, Limit = null }, ct).ConfigureAwait(false);
        var events = await store.GetEventsAsync([.. rows.Select(r => r.Id)], ct).ConfigureAwait(false);
        var view = new ReportView(report, [.. versions], [.. events.OrderBy(e => e.Ordinal)]);
        return ApiResults.Json(w => ReportFormats.WriteJson(w, view));
    }

    private static async Task<IResult> Stats(HttpContext ctx, IEventStore store, CancellationToken ct)
    {
        var format = QueryFilters.Choice(ctx, "format", "json", StatFormats.All.Names.ToArray());
        if (format is null)
        {
            return ApiResults.Problem(LedgerErrors.UnknownFormat(ctx.Request.Query["format"].ToString(), StatFormats.All.Names));
        }

        if (!QueryFilters.TryRead(ctx, null, null, out var query, out var problem, "format"))
        {
            return problem;
        }

        var stats = await store.AttackStatsAsync(query, ct).ConfigureAwait(false);
        StatFormats.All.TryGet(format, out var formatter);
        return ApiResults.Text(Write(formatter, stats), formatter.MediaType);
    }

    private static async Task<IResult> Places(HttpContext ctx, IEventStore store, CancellationToken ct)
    {
        var format = QueryFilters.Choice(ctx, "format", "json", PlaceFormats.All.Names.ToArray());
        var level = QueryFilters.Choice(ctx, "level", "admin1", "admin1", "place");
        if (format is null)
        {
            return ApiResults.Problem(LedgerErrors.UnknownFormat(ctx.Request.Query["format"].ToString(), PlaceFormats.All.Names));
        }

        if (level is null)
        {
            return ApiResults.Problem(LedgerErrors.BadFilter($"level '{ctx.Request.Query["level"]}' is not admin1 or place."));
        }

        if (!QueryFilters.TryRead(ctx, null, null, out var query, out var problem, "format", "level"))
        {
            return problem;
        }

        var places = await store.PlaceCountsAsync(query, level == "place" ? PlaceLevel.Place : PlaceLevel.Admin1, ct).ConfigureAwait(false);
        PlaceFormats.All.TryGet(format, out var formatter);
        return ApiResults.Text(Write(formatter, places), formatter.MediaType);
    }

    private static async Task<IResult> Export(HttpContext ctx, IEventStore store, CancellationToken ct)
    {
        var events = ctx.Request.Query.ContainsKey("events");
        IReadOnlyList<string> names = [.. events ? EventFormats.All.Names : AttackFormats.All.Names, "parquet"];
        var format = QueryFilters.Choice(ctx, "format", "csv", [.. names]);
        if (format is null)
        {
            return ApiResults.Problem(LedgerErrors.UnknownFormat(ctx.Request.Query["format"].ToString(), names));
        }

        if (!QueryFilters.TryRead(ctx, null, null, out var query, out var problem, "format", "events"))
        {
            return problem;
        }

        var extension = format switch { "acled" => "acled.csv", var f => f };
        var response = ctx.Response;
        response.Headers.ContentDisposition = $"attachment; filename=\"sitrep-{(events ? "events" : "attacks")}.{extension}\"";
        response.Headers.CacheControl = "no-store";
        if (HttpMethods.IsHead(ctx.Request.Method))
        {
            response.ContentType = format == "parquet" ? ParquetFormats.Events.MediaType
                : MediaType(events ? (EventFormats.All.TryGet(format, out var ef) ? ef.MediaType : "") : (AttackFormats.All.TryGet(format, out var af) ? af.MediaType : ""));
            return Results.Empty;
        }

        if (format == "parquet")
        {
            // Streamed a row group at a time (bounded memory); the body is binary and its footer comes last.
            response.ContentType = ParquetFormats.Events.MediaType;
            var body = new RowGroupStream(response.Body);
            await using (body.ConfigureAwait(false))
            {
                _ = events
                    ? await ParquetFormats.Events.WriteAllAsync(store.StreamEventsAsync(query, ct), body, ct).ConfigureAwait(false)
                    : await ParquetFormats.Attacks.WriteAllAsync(store.StreamAttacksAsync(query, ct), body, ct).ConfigureAwait(false);
                await body.FlushAsync(ct).ConfigureAwait(false);
            }

            return Results.Empty;
        }

        var writer = new StreamWriter(response.Body, new UTF8Encoding(false), 16 * 1024);
        await using (writer.ConfigureAwait(false))
        {
            if (events)
            {
                EventFormats.All.TryGet(format, out var f);
                response.ContentType = MediaType(f.MediaType);
                await FormatterSet<StoredEvent>.WriteAllChunkedAsync(f, store.StreamEventsAsync(Acled.EventQuery(query, format), ct), writer, ct).ConfigureAwait(false);
            }
            else
            {
                AttackFormats.All.TryGet(format, out var f);
                response.ContentType = MediaType(f.MediaType);
                await FormatterSet<StoredAttack>.WriteAllChunkedAsync(f, store.StreamAttacksAsync(query, ct), writer, ct).ConfigureAwait(false);
            }
        }

        return Results.Empty;
    }

    private static string MediaType(string mediaType) => mediaType.StartsWith("text/", StringComparison.Ordinal) ? mediaType + "; charset=utf-8" : mediaType;

    /// <summary>Every record through a formatter, as one string (a page or a small listing; exports stream instead).</summary>
    private static string Write<T>(IRecordFormatter<T> formatter, IReadOnlyList<T> records)
    {
        using var w = new StringWriter(CultureInfo.InvariantCulture);
        formatter.WriteStart(w);
        for (var i = 0; i < records.Count; i++)
        {
            formatter.Write(records[i], i, w);
        }

        formatter.WriteEnd(w, records.Count);
        return w.ToString();
    }
}

/// <summary>
/// Marks an endpoint that reads the ledger's query parameters (the filters and paging, when <see cref="Filtered"/>) and
/// the parameters of its own, so the OpenAPI document lists them (the handlers read them through <see cref="QueryFilters"/>).
/// </summary>
internal sealed record LedgerQueryMetadata(bool Filtered, params (string Name, string Description)[] Own);
