using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Sitrep.Ledger.Formats;
using Sitrep.Storage;
using Sitrep.Storage.Tests;

namespace Sitrep.Web.Tests;

/// <summary>The samples store behind one app, shared by the read-only API tests.</summary>
public sealed class SamplesApi : IAsyncLifetime
{
    internal ApiHost Host { get; private set; } = null!;

    public HttpClient Client { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Host = await ApiHost.SamplesAsync();
        Client = Host.Client();
    }

    public async Task DisposeAsync()
    {
        Client.Dispose();
        await Host.DisposeAsync();
    }
}

/// <summary>The HTTP API over a real SQLite store filled from samples/: shapes, filters, paging, errors, caching, compression, headers.</summary>
public sealed class ApiTests(SamplesApi api) : IClassFixture<SamplesApi>
{
    private HttpClient Client => api.Client;

    private async Task<JsonElement> Get(string path)
    {
        using var response = await Client.GetAsync(path);
        Assert.True(response.IsSuccessStatusCode, $"{path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }

    private async Task<JsonElement> Problem(string path, HttpStatusCode status, string code)
    {
        using var response = await Client.GetAsync(path);
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var p = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
        Assert.Equal(code, p.GetProperty("code").GetString());
        Assert.Equal((int)status, p.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrEmpty(p.GetProperty("detail").GetString()));
        Assert.Equal("urn:sitrep:error:" + code, p.GetProperty("type").GetString());
        return p;
    }

    private static List<string> Ids(JsonElement page) => [.. page.GetProperty("attacks").EnumerateArray().Select(a => a.GetProperty("id").GetString()!)];

    [Fact]
    public async Task Attacks_are_listed_newest_first_in_brief()
    {
        var page = await Get("/api/attacks");
        var attacks = page.GetProperty("attacks").EnumerateArray().ToList();
        Assert.Equal(7, attacks.Count);
        Assert.Equal(JsonValueKind.Null, page.GetProperty("next").ValueKind);
        var dates = attacks.Select(a => a.GetProperty("date").GetString()).ToList();
        Assert.Equal(dates.OrderDescending(StringComparer.Ordinal), dates);
        var first = attacks[0];
        foreach (var field in new[] { "id", "date", "date_precision", "attacker", "target_country", "n_reports", "n_sources", "places", "weapons", "location", "launched", "destroyed", "killed", "injured" })
        {
            Assert.True(first.TryGetProperty(field, out _), field);
        }
    }

    [Fact]
    public async Task The_CLIs_filters_work_as_query_parameters()
    {
        var ua = await Get("/api/attacks?attacker=UA");
        Assert.All(ua.GetProperty("attacks").EnumerateArray(), a => Assert.Equal("UA", a.GetProperty("attacker").GetString()));
        Assert.Single(ua.GetProperty("attacks").EnumerateArray());
        var since = await Get("/api/attacks?since=2025-01-01&weapon=drone");
        Assert.All(since.GetProperty("attacks").EnumerateArray(), a => Assert.True(string.CompareOrdinal(a.GetProperty("date").GetString(), "2025-01-01") >= 0));
        Assert.Equal(2, Ids(since).Count);
        var big = await Get("/api/attacks?min-launched=100");
        Assert.Equal(["A1"], Ids(big));
        var place = await Get("/api/attacks?place=Dnipropetrovsk%20region");
        Assert.Contains("A1", Ids(place));
    }

    [Fact]
    public async Task A_bad_or_unknown_parameter_is_a_problem_with_the_ledgers_error_code()
    {
        var bad = await Problem("/api/attacks?since=1%20June", HttpStatusCode.BadRequest, "SL001");
        Assert.Equal("since", bad.GetProperty("errors")[0].GetProperty("name").GetString());
        Assert.Contains("YYYY-MM-DD", bad.GetProperty("detail").GetString(), StringComparison.Ordinal);
        var typo = await Problem("/api/attacks?atacker=RU", HttpStatusCode.BadRequest, "SL001");
        Assert.Equal("atacker", typo.GetProperty("errors")[0].GetProperty("name").GetString());
        await Problem("/api/attacks?limit=5000", HttpStatusCode.BadRequest, "SL001");
        await Problem("/api/attacks?format=pdf", HttpStatusCode.BadRequest, "SL002");
        await Problem("/api/attacks/A999", HttpStatusCode.NotFound, "SL003");
        await Problem("/api/attacks/B7", HttpStatusCode.BadRequest, "SL006");
        await Problem("/api/events/999999", HttpStatusCode.NotFound, "SL004");
        await Problem("/api/reports/999999", HttpStatusCode.NotFound, "SL005");
        await Problem("/api/nothing/here", HttpStatusCode.NotFound, "SL007");
        await Problem("/api/attacks?cursor=not-a-cursor", HttpStatusCode.BadRequest, "SL001");
        // The messages name the query parameters, not the CLI's options.
        var zero = await Problem("/api/attacks?limit=0&min-launched=x", HttpStatusCode.BadRequest, "SL001");
        Assert.Equal("min-launched 'x' is not a whole number. limit must be at least 1.", zero.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task A_path_served_by_another_method_is_a_405_that_says_which()
    {
        using var response = await Client.DeleteAsync("/api/attacks");
        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal("GET,HEAD", string.Join(",", response.Content.Headers.Allow));
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("SW405", problem.GetProperty("code").GetString());
        using var put = await Client.PutAsync("/api/attacks/A1", new StringContent(""));
        Assert.Equal(HttpStatusCode.MethodNotAllowed, put.StatusCode);
        using var get = await Client.GetAsync("/api/reports");
        Assert.Equal(HttpStatusCode.MethodNotAllowed, get.StatusCode);
        Assert.Equal("POST", string.Join(",", get.Content.Headers.Allow));
    }

    [Theory]
    [InlineData("date", "desc")]
    [InlineData("date", "asc")]
    [InlineData("launched", "desc")]
    [InlineData("killed", "asc")]
    public async Task Cursor_pages_walk_the_whole_listing_once_in_its_order(string sort, string order)
    {
        var whole = Ids(await Get($"/api/attacks?sort={sort}&order={order}&limit=100"));
        var walked = new List<string>();
        string? cursor = null;
        for (var pages = 0; pages < 10; pages++)
        {
            using var response = await Client.GetAsync($"/api/attacks?sort={sort}&order={order}&limit=2{(cursor is null ? "" : "&cursor=" + Uri.EscapeDataString(cursor))}");
            var page = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
            walked.AddRange(Ids(page));
            cursor = page.GetProperty("next").GetString();
            if (cursor is null)
            {
                break;
            }

            Assert.Contains("rel=\"next\"", response.Headers.GetValues("Link").Single(), StringComparison.Ordinal);
        }

        Assert.Equal(whole, walked);
        Assert.Equal(7, walked.Distinct().Count());
    }

    [Fact]
    public async Task A_sort_orders_by_its_figure_largest_first_and_a_cursor_of_another_order_is_refused()
    {
        var page = await Get("/api/attacks?sort=launched&limit=3");
        var launched = page.GetProperty("attacks").EnumerateArray().Select(a => a.GetProperty("launched").ValueKind == JsonValueKind.Null ? -1 : a.GetProperty("launched").GetInt32()).ToList();
        Assert.Equal(launched.OrderDescending(), launched);
        Assert.Equal(172, launched[0]);
        var cursor = page.GetProperty("next").GetString()!;
        var p = await Problem($"/api/attacks?sort=killed&limit=3&cursor={Uri.EscapeDataString(cursor)}", HttpStatusCode.BadRequest, "SL001");
        Assert.Equal("cursor", p.GetProperty("errors")[0].GetProperty("name").GetString());
    }

    [Fact]
    public async Task An_attack_is_the_CLIs_JSON_figures_claims_with_evidence_members_and_why()
    {
        await using var store = await EventStore.OpenAsync(api.Host.Store.Location);
        var stored = await store.GetAttackAsync(1);
        Assert.NotNull(stored);
        using var response = await Client.GetAsync("/api/attacks/A1");
        var body = await response.Content.ReadAsStringAsync();
        // The same writer as `sitrep show A1 --format json`.
        Assert.Equal(Json.Of(w => AttackFormats.WriteJson(w, stored)), body);
        var a = JsonDocument.Parse(body).RootElement;
        var launched = a.GetProperty("figures").GetProperty("drone.launched");
        Assert.Equal(143, launched.GetProperty("best").GetInt32());
        var claim = launched.GetProperty("claims")[0];
        Assert.Equal("143 drones", claim.GetProperty("evidence").GetProperty("text").GetString());
        Assert.True(claim.TryGetProperty("claimed_by", out _));
        var member = a.GetProperty("members")[0];
        Assert.False(string.IsNullOrEmpty(member.GetProperty("why").GetString()));
        Assert.Equal(JsonValueKind.Array, member.GetProperty("features").ValueKind);

        // The list's full view holds the same objects.
        var full = await Get("/api/attacks?view=full&min-launched=100");
        Assert.Equal(body, full.GetProperty("attacks")[0].GetRawText());
        Assert.Equal(body, (await Client.GetStringAsync("/api/attacks/1")));
    }

    [Fact]
    public async Task A_report_has_its_text_versions_events_and_every_span_lies_in_its_text()
    {
        var attack = await Get("/api/attacks/A1");
        var reportId = attack.GetProperty("members")[0].GetProperty("report_id").GetInt64();
        var r = await Get($"/api/reports/{reportId}");
        var text = r.GetProperty("text").GetString()!;
        Assert.StartsWith("Russia hits Ukraine's power grid", text, StringComparison.Ordinal);
        Assert.Equal("https://sitrep.example/samples/01-overnight-wave-ukraine", r.GetProperty("url").GetString());
        Assert.Single(r.GetProperty("versions").EnumerateArray());
        Assert.NotEmpty(r.GetProperty("events").EnumerateArray());
        var spans = r.GetProperty("spans").EnumerateArray().ToList();
        Assert.Contains(spans, s => s.GetProperty("kind").GetString() == "claim");
        Assert.Contains(spans, s => s.GetProperty("kind").GetString() == "place");
        foreach (var s in spans)
        {
            Assert.InRange(s.GetProperty("start").GetInt32(), 0, s.GetProperty("end").GetInt32() - 1);
            Assert.True(s.GetProperty("end").GetInt32() <= text.Length);
        }

        // Every claim's evidence is where the attack says it is in the report's text.
        foreach (var c in attack.GetProperty("figures").EnumerateObject().SelectMany(f => f.Value.GetProperty("claims").EnumerateArray()))
        {
            var e = c.GetProperty("evidence");
            var (start, end) = (e.GetProperty("start").GetInt32(), e.GetProperty("end").GetInt32());
            Assert.Equal(e.GetProperty("text").GetString(), text[start..end]);
        }
    }

    [Fact]
    public async Task Events_are_pages_of_whole_events_and_one_event_is_its_JSON()
    {
        var page = await Get("/api/events?limit=3");
        var events = page.GetProperty("events").EnumerateArray().ToList();
        Assert.Equal(3, events.Count);
        Assert.NotNull(page.GetProperty("next").GetString());
        var id = events[0].GetProperty("id").GetInt64();
        var one = await Get($"/api/events/{id}");
        Assert.Equal(events[0].GetRawText(), one.GetRawText());
        Assert.True(one.TryGetProperty("claims", out _));
        var ofAttack = await Get("/api/events?attack=A1");
        Assert.All(ofAttack.GetProperty("events").EnumerateArray(), e => Assert.Equal("A1", e.GetProperty("attack").GetString()));
    }

    [Fact]
    public async Task Stats_places_and_exports_are_the_ledgers_formats()
    {
        var stats = await Get("/api/stats?attacker=RU");
        var rows = stats.EnumerateArray().ToList();
        Assert.NotEmpty(rows);
        Assert.All(rows, r => Assert.Equal("RU", r.GetProperty("attacker").GetString()));
        Assert.Contains(rows, r => r.GetProperty("family").GetString() == "drone" && r.GetProperty("interception_rate").ValueKind == JsonValueKind.Number);
        var csv = await Client.GetStringAsync("/api/stats?format=csv");
        Assert.StartsWith("date,attacker,target_country,family,attacks", csv, StringComparison.Ordinal);

        var places = await Get("/api/places");
        Assert.Contains(places.EnumerateArray(), p => p.GetProperty("name").GetString() == "Dnipropetrovsk Oblast" && p.GetProperty("attacks").GetInt32() >= 1);
        var towns = await Get("/api/places?level=place");
        Assert.Contains(towns.EnumerateArray(), p => p.GetProperty("name").GetString() == "Pavlohrad" && p.GetProperty("lat").ValueKind == JsonValueKind.Number);

        using var export = await Client.GetAsync("/api/export?format=jsonl");
        Assert.Equal("application/x-ndjson", export.Content.Headers.ContentType?.MediaType);
        Assert.Contains("attachment", export.Content.Headers.ContentDisposition?.ToString() ?? "", StringComparison.Ordinal);
        var lines = (await export.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(7, lines.Length);
        var acled = await Client.GetStringAsync("/api/export?format=acled&attacker=RU");
        Assert.StartsWith("event_id_cnty,", acled, StringComparison.Ordinal);
        var geo = await Get("/api/export?format=geojson");
        Assert.Equal("FeatureCollection", geo.GetProperty("type").GetString());
        var events = await Client.GetStringAsync("/api/export?format=csv&events");
        Assert.StartsWith("id,attack,", events, StringComparison.Ordinal);
        var mapPage = await Get("/api/attacks?format=geojson&limit=100");
        Assert.Equal(7, mapPage.GetProperty("features").GetArrayLength());
        Assert.Contains(mapPage.GetProperty("features").EnumerateArray(), f => f.GetProperty("properties").GetProperty("killed").ValueKind == JsonValueKind.Number);
    }

    [Theory]
    [InlineData("/api/export?format=parquet", 7)]
    [InlineData("/api/export?format=parquet&attacker=UA", 0)]
    public async Task Parquet_export_streams_typed_rows_through_the_api(string path, int atLeast)
    {
        using var export = await Client.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        Assert.Equal("application/vnd.apache.parquet", export.Content.Headers.ContentType?.MediaType);
        Assert.Contains("sitrep-attacks.parquet", export.Content.Headers.ContentDisposition?.ToString() ?? "", StringComparison.Ordinal);
        var bytes = await export.Content.ReadAsByteArrayAsync();
        Assert.Equal("PAR1"u8.ToArray(), bytes[..4]);
        Assert.Equal("PAR1"u8.ToArray(), bytes[^4..]);
        await using var reader = await Parquet.ParquetReader.CreateAsync(new MemoryStream(bytes));
        var rows = 0L;
        for (var g = 0; g < reader.RowGroupCount; g++)
        {
            using var group = reader.OpenRowGroupReader(g);
            rows += group.RowCount;
        }

        Assert.True(rows >= atLeast);
        var jsonl = await Client.GetStringAsync(path.Replace("parquet", "jsonl", StringComparison.Ordinal));
        Assert.Equal(jsonl.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length, rows);
        Assert.Contains("id", reader.Schema.GetDataFields().Select(f => f.Name));

        using var events = await Client.GetAsync(path + "&events");
        var eventBytes = await events.Content.ReadAsByteArrayAsync();
        await using var eventReader = await Parquet.ParquetReader.CreateAsync(new MemoryStream(eventBytes));
        Assert.Contains("sitrep-events.parquet", events.Content.Headers.ContentDisposition?.ToString() ?? "", StringComparison.Ordinal);
        Assert.True(eventReader.RowGroupCount >= 1);
    }

    [Fact]
    public async Task A_repeated_request_with_its_ETag_is_a_304_and_answers_are_compressed()
    {
        using var first = await Client.GetAsync("/api/attacks?attacker=RU");
        var etag = first.Headers.ETag;
        Assert.NotNull(etag);
        using var again = new HttpRequestMessage(HttpMethod.Get, "/api/attacks?attacker=RU");
        again.Headers.IfNoneMatch.Add(etag);
        using var second = await Client.SendAsync(again);
        Assert.Equal(HttpStatusCode.NotModified, second.StatusCode);
        using var other = new HttpRequestMessage(HttpMethod.Get, "/api/attacks?attacker=UA");
        other.Headers.IfNoneMatch.Add(etag);
        Assert.Equal(HttpStatusCode.OK, (await Client.SendAsync(other)).StatusCode);
        using var item = await Client.GetAsync("/api/attacks/A1");
        Assert.NotNull(item.Headers.ETag);

        using var zipped = new HttpRequestMessage(HttpMethod.Get, "/api/export?format=jsonl");
        zipped.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue("br"));
        using var compressed = await Client.SendAsync(zipped);
        Assert.Equal("br", compressed.Content.Headers.ContentEncoding.Single());
    }

    [Fact]
    public async Task Every_answer_carries_a_policy_without_inline_script()
    {
        foreach (var path in new[] { "/", "/api/attacks", "/attacks/A1", "/api/nothing" })
        {
            using var r = await Client.GetAsync(path);
            var csp = r.Headers.GetValues("Content-Security-Policy").Single();
            Assert.Contains("script-src 'self'", csp, StringComparison.Ordinal);
            Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
            Assert.DoesNotContain("unsafe-eval", csp, StringComparison.Ordinal);
            Assert.Contains("require-trusted-types-for 'script'", csp, StringComparison.Ordinal);
            Assert.Equal("nosniff", r.Headers.GetValues("X-Content-Type-Options").Single());
        }

        var page = await Client.GetStringAsync("/attacks/A1");
        Assert.Contains("<script type=\"module\" src=\"/app/main.js\">", page, StringComparison.Ordinal);
        Assert.DoesNotMatch("<script>[^<]", page);
    }

    [Fact]
    public async Task The_brief_is_served_as_a_page_and_through_the_api()
    {
        var latest = (await Get("/api/attacks?limit=1")).GetProperty("attacks")[0].GetProperty("date").GetString()!;
        using var page = await Client.GetAsync($"/brief/{latest}");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        Assert.Equal("text/html; charset=utf-8", string.Join(", ", page.Content.Headers.GetValues("Content-Type")));
        var csp = page.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("style-src 'self' 'sha256-", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
        var html = await page.Content.ReadAsStringAsync();
        Assert.DoesNotMatch("<script", html);
        Assert.Contains("href=\"#", html, StringComparison.Ordinal); // citations link to their notes

        var json = await Get($"/api/brief?date={latest}");
        Assert.Equal("night", json.GetProperty("window").GetProperty("kind").GetString());
        Assert.Equal(latest, json.GetProperty("window").GetProperty("last").GetString());
        var md = await Client.GetStringAsync($"/api/brief?since={latest}&until={latest}&format=md");
        Assert.Contains("[^1]", md, StringComparison.Ordinal);

        // As the CLI: a language, registry names, and a period given by times with their offsets.
        var uk = await Client.GetStringAsync($"/api/brief?date={latest}&format=md&lang=uk");
        Assert.Matches("[А-Яа-яІіЇїЄє]{4}", uk);
        Assert.Contains("[^1]", uk, StringComparison.Ordinal);
        using var ru = await Client.GetAsync($"/brief/{latest}?lang=ru");
        Assert.Equal("text/html; charset=utf-8", string.Join(", ", ru.Content.Headers.GetValues("Content-Type")));
        var ruPage = await ru.Content.ReadAsStringAsync();
        Assert.Contains("<html lang=\"ru\">", ruPage, StringComparison.Ordinal);
        Assert.Contains("Данные по состоянию на ", ruPage, StringComparison.Ordinal);
        var before = DateOnly.ParseExact(latest, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture).AddDays(-1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var period = await Get($"/api/brief?since={before}T18:00%2B03:00&until={latest}T09:00%2B03:00");
        Assert.Equal("period", period.GetProperty("window").GetProperty("kind").GetString());
        await Problem($"/api/brief?date={latest}&lang=xx", HttpStatusCode.BadRequest, "SL001");
        await Problem($"/api/brief?since={latest}T18:00", HttpStatusCode.BadRequest, "SL001");

        await Problem("/api/brief?date=yesterday", HttpStatusCode.BadRequest, "SL001");
        await Problem("/api/brief", HttpStatusCode.BadRequest, "SL001");
        await Problem($"/api/brief?date={latest}&format=pdf", HttpStatusCode.BadRequest, "SL002");
        await Problem("/brief/someday", HttpStatusCode.BadRequest, "SL001");
    }

    [Fact]
    public async Task The_OpenAPI_document_lists_the_endpoints_and_their_filters()
    {
        var doc = await Get("/openapi/v1.json");
        var paths = doc.GetProperty("paths");
        foreach (var p in new[] { "/api/attacks", "/api/attacks/{id}", "/api/events", "/api/events/{id}", "/api/reports/{id}", "/api/stats", "/api/places", "/api/export", "/api/reports", "/api/brief" })
        {
            Assert.True(paths.TryGetProperty(p, out _), p);
        }

        var names = paths.GetProperty("/api/attacks").GetProperty("get").GetProperty("parameters").EnumerateArray().Select(x => x.GetProperty("name").GetString()).ToList();
        Assert.Contains("since", names);
        Assert.Contains("cursor", names);
        Assert.Contains("view", names);
        var apiPage = await Client.GetStringAsync("/api");
        Assert.Contains("/app/api-page.js", apiPage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_dashboards_pages_and_files_are_served()
    {
        Assert.Contains("id=\"dashboard-view\"", await Client.GetStringAsync("/"), StringComparison.Ordinal);
        Assert.Contains("id=\"attack-view\"", await Client.GetStringAsync("/attacks/A1"), StringComparison.Ordinal);
        using var js = await Client.GetAsync("/app/main.js");
        Assert.Equal(HttpStatusCode.OK, js.StatusCode);
        using var shapes = await Client.GetAsync("/shapes/shapes.json");
        Assert.Equal(HttpStatusCode.OK, shapes.StatusCode);
        using var leaflet = await Client.GetAsync("/vendor/leaflet/leaflet.js");
        Assert.Equal(HttpStatusCode.OK, leaflet.StatusCode);

        // The libraries and shapes go out compressed at build time, as the browser takes them.
        using var ask = new HttpRequestMessage(HttpMethod.Get, "/shapes/shapes.json");
        ask.Headers.AcceptEncoding.ParseAdd("gzip, br");
        using var small = await Client.SendAsync(ask);
        Assert.Equal("br", small.Content.Headers.ContentEncoding.Single());
        Assert.Equal("application/json", small.Content.Headers.ContentType?.MediaType);
        Assert.True((await small.Content.ReadAsByteArrayAsync()).Length < (await shapes.Content.ReadAsByteArrayAsync()).Length / 3);
    }

    [Fact]
    public async Task A_read_only_server_refuses_reports()
    {
        using var body = new StringContent(Stores.PayloadText, Encoding.UTF8, "text/plain");
        using var r = await Client.PostAsync("/api/reports", body);
        Assert.Equal(HttpStatusCode.Forbidden, r.StatusCode);
        Assert.Contains("SW401", await r.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}

/// <summary>POST /api/reports: the key, the cap, the rate limit; and the API on PostgreSQL.</summary>
public sealed class ApiWriteTests
{
    private const string Key = "test-key-5f1c";

    private static HttpRequestMessage Post(string body, string mediaType, string? key)
    {
        var m = new HttpRequestMessage(HttpMethod.Post, "/api/reports") { Content = new StringContent(body, Encoding.UTF8, mediaType) };
        if (key is not null)
        {
            m.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        }

        return m;
    }

    [Fact]
    public async Task Reports_are_stored_only_with_the_key_once_each_and_within_the_cap()
    {
        await using var host = await ApiHost.StartAsync("sqlite", _ => Task.CompletedTask, apiKey: Key, maxBody: 64 * 1024);
        using var client = host.Client();
        using (var none = await client.SendAsync(Post(Stores.PayloadText, "text/plain", null)))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, none.StatusCode);
            Assert.Contains("SW402", await none.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        using (var wrong = await client.SendAsync(Post(Stores.PayloadText, "text/plain", Key + "x")))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        }

        using var created = await client.SendAsync(Post(Stores.PayloadText, "text/plain", Key));
        var answer = JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(1, answer.GetProperty("new").GetInt32());
        var id = answer.GetProperty("reports")[0].GetProperty("id").GetInt64();
        var report = JsonDocument.Parse(await client.GetStringAsync($"/api/reports/{id}")).RootElement;
        Assert.Contains(Stores.ScriptPayload, report.GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.NotEmpty(report.GetProperty("events").EnumerateArray());

        using (var again = await client.SendAsync(Post(Stores.PayloadText, "text/plain", Key)))
        {
            Assert.Equal(HttpStatusCode.OK, again.StatusCode);
            Assert.Equal(1, JsonDocument.Parse(await again.Content.ReadAsStringAsync()).RootElement.GetProperty("known").GetInt32());
        }

        var batch = "{\"title\":\"Drones over Sumy\",\"text\":\"Russia launched 9 drones at Sumy overnight, the air force said.\",\"url\":\"https://wire.example/a\",\"published\":\"2025-05-03\"}\n" +
                    "{\"title\":\"Shelling of Nikopol\",\"text\":\"Russian artillery shelled Nikopol on Saturday, injuring two people, the governor said.\",\"url\":\"https://wire.example/b\",\"published\":\"2025-05-03\"}\n";
        using (var lines = await client.SendAsync(Post(batch, "application/x-ndjson", Key)))
        {
            Assert.Equal(HttpStatusCode.Created, lines.StatusCode);
            Assert.Equal(2, JsonDocument.Parse(await lines.Content.ReadAsStringAsync()).RootElement.GetProperty("new").GetInt32());
        }

        using (var big = await client.SendAsync(Post(new string('x', 70 * 1024), "text/plain", Key)))
        {
            Assert.Equal(HttpStatusCode.RequestEntityTooLarge, big.StatusCode);
            Assert.Contains("SW413", await big.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        using (var pdf = await client.SendAsync(Post("%PDF-1.7", "application/pdf", Key)))
        {
            Assert.Equal(HttpStatusCode.UnsupportedMediaType, pdf.StatusCode);
            Assert.Contains("SW415", await pdf.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        using (var broken = await client.SendAsync(Post("{\"title\": ", "application/json", Key)))
        {
            Assert.Equal(HttpStatusCode.UnprocessableEntity, broken.StatusCode);
            Assert.Contains("SR009", await broken.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Posts_beyond_the_rate_limit_are_told_to_wait()
    {
        await using var host = await ApiHost.StartAsync("sqlite", _ => Task.CompletedTask, apiKey: Key, postsPerMinute: 2);
        using var client = host.Client();
        for (var i = 0; i < 2; i++)
        {
            using var ok = await client.SendAsync(Post(Stores.PayloadText, "text/plain", "wrong"));
            Assert.Equal(HttpStatusCode.Unauthorized, ok.StatusCode);
        }

        using var limited = await client.SendAsync(Post(Stores.PayloadText, "text/plain", Key));
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.Contains("SW429", await limited.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.NotNull(limited.Headers.RetryAfter);
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task The_API_answers_the_same_on_either_store(string backend)
    {
        await using var host = await ApiHost.SamplesAsync(backend);
        using var client = host.Client();
        var page = JsonDocument.Parse(await client.GetStringAsync("/api/attacks?limit=3&sort=launched")).RootElement;
        Assert.Equal([172, 43, 18], page.GetProperty("attacks").EnumerateArray().Select(a => a.GetProperty("launched").GetInt32()).ToList());
        var next = page.GetProperty("next").GetString()!;
        var rest = JsonDocument.Parse(await client.GetStringAsync($"/api/attacks?limit=10&sort=launched&cursor={Uri.EscapeDataString(next)}")).RootElement;
        Assert.Equal(4, rest.GetProperty("attacks").GetArrayLength());
        var attack = JsonDocument.Parse(await client.GetStringAsync("/api/attacks/A1")).RootElement;
        Assert.Equal(143, attack.GetProperty("figures").GetProperty("drone.launched").GetProperty("best").GetInt32());
        var places = JsonDocument.Parse(await client.GetStringAsync("/api/places?attacker=RU")).RootElement;
        Assert.Contains(places.EnumerateArray(), p => p.GetProperty("name").GetString() == "Dnipropetrovsk Oblast");
        var stats = JsonDocument.Parse(await client.GetStringAsync("/api/stats")).RootElement;
        Assert.NotEmpty(stats.EnumerateArray());
        Assert.Equal(7, (await client.GetStringAsync("/api/export?format=jsonl")).Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
    }
}
