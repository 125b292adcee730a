using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Sitrep.Storage;
using Sitrep.Storage.Tests;
using Microsoft.Extensions.DependencyInjection;
using Sitrep.Web.Http;

namespace Sitrep.Web.Tests;

/// <summary>
/// HEAD requests, and conditional GETs whose ETag is the store's change version: a repeat is a 304 while the store is
/// unchanged, and the first request after a write (by this server or another process) sees the write.
/// </summary>
public sealed class FreshnessTests(SamplesApi api) : IClassFixture<SamplesApi>
{
    private HttpClient Client => api.Client;

    [Theory]
    [InlineData("/api/attacks?attacker=RU")]
    [InlineData("/api/attacks/A1")]
    [InlineData("/api/attacks/count")]
    [InlineData("/api/events?limit=2")]
    [InlineData("/api/stats?format=csv")]
    [InlineData("/api/places")]
    [InlineData("/api/export?format=jsonl")]
    [InlineData("/api/attacks?limit=0")]
    [InlineData("/api/attacks/X1")]
    [InlineData("/")]
    [InlineData("/attacks/A1")]
    [InlineData("/api")]
    [InlineData("/app/app.css")]
    public async Task A_HEAD_answers_as_its_GET_does_without_a_body(string path)
    {
        using var get = await Client.GetAsync(path);
        using var head = await Client.SendAsync(new HttpRequestMessage(HttpMethod.Head, path));
        Assert.Equal(get.StatusCode, head.StatusCode);
        Assert.Equal(get.Content.Headers.ContentType?.MediaType, head.Content.Headers.ContentType?.MediaType);
        Assert.Empty(await head.Content.ReadAsByteArrayAsync());
        Assert.NotEmpty(await get.Content.ReadAsByteArrayAsync());
        // An export is streamed: its length is not known before it is written, so its HEAD cannot give one.
        if (get.Content.Headers.ContentLength is { } length && get.StatusCode == HttpStatusCode.OK && !path.StartsWith("/api/export", StringComparison.Ordinal))
        {
            Assert.Equal(length, head.Content.Headers.ContentLength);
        }

        Assert.Equal(get.Headers.ETag, head.Headers.ETag);
    }

    [Fact]
    public async Task A_path_that_takes_GET_names_HEAD_too_when_refusing_a_method()
    {
        using var response = await Client.DeleteAsync("/api/stats");
        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal("GET,HEAD", string.Join(",", response.Content.Headers.Allow));
    }

    [Fact]
    public async Task The_count_of_attacks_is_the_listings_length()
    {
        foreach (var filter in new[] { "", "attacker=RU", "attacker=UA&weapon=drone", "since=2100-01-01" })
        {
            var count = JsonDocument.Parse(await Client.GetStringAsync($"/api/attacks/count?{filter}")).RootElement.GetProperty("attacks").GetInt64();
            var listed = JsonDocument.Parse(await Client.GetStringAsync($"/api/attacks?limit=1000&{filter}")).RootElement.GetProperty("attacks").GetArrayLength();
            Assert.Equal(listed, count);
        }

        using var bad = await Client.GetAsync("/api/attacks/count?atacker=RU");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task An_ETag_holds_while_the_store_is_unchanged_and_a_write_by_another_process_ends_it(string backend)
    {
        await using var host = await ApiHost.SamplesAsync(backend);
        using var client = host.Client();
        const string Path = "/api/attacks?limit=1000";
        using var first = await client.GetAsync(Path);
        var etag = first.Headers.ETag!;
        var before = JsonDocument.Parse(await first.Content.ReadAsStringAsync()).RootElement.GetProperty("attacks").GetArrayLength();
        var statsBefore = await client.GetStringAsync("/api/stats");

        // PostgreSQL's version is the server's WAL position, which other databases' writes move too (the other tests'):
        // a repeat is a 304 whenever nothing was written in between, so it is asked again while something was.
        var notModified = false;
        for (var attempt = 0; attempt < 20 && !notModified; attempt++)
        {
            using var again = await client.SendAsync(Conditional(Path, etag));
            notModified = again.StatusCode == HttpStatusCode.NotModified;
            Assert.True(notModified || backend == "postgres", $"{again.StatusCode}: a repeat on an unchanged store is a 304");
            Assert.Equal(notModified ? etag : again.Headers.ETag, again.Headers.ETag);
            etag = again.Headers.ETag!;
        }

        Assert.True(notModified, "no 304 in 20 repeats");

        // Another process (the CLI's ingest) writes to the same store.
        await using (var other = await EventStore.OpenAsync(host.Store.Location))
        {
            await other.SaveAsync([Stores.PayloadReport()]);
        }

        using var after = await client.SendAsync(Conditional(Path, etag));
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
        Assert.NotEqual(etag, after.Headers.ETag);
        Assert.Equal(before + 1, JsonDocument.Parse(await after.Content.ReadAsStringAsync()).RootElement.GetProperty("attacks").GetArrayLength());
        Assert.NotEqual(statsBefore, await client.GetStringAsync("/api/stats"));
    }

    [Fact]
    public async Task The_same_question_is_read_once_until_the_store_changes()
    {
        await using var host = await ApiHost.SamplesAsync();
        using var client = host.Client();
        var freshness = (StoreFreshness)host.Factory.Services.GetService(typeof(StoreFreshness))!;
        var answers = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => client.GetStringAsync("/api/stats")));
        Assert.Single(answers.Distinct());
        Assert.Equal(1, freshness.Count);
        await client.GetStringAsync("/api/places");
        Assert.Equal(2, freshness.Count);
        await using (var other = await EventStore.OpenAsync(host.Store.Location))
        {
            await other.SaveAsync([Stores.PayloadReport()]);
        }

        Assert.NotEqual(answers[0], await client.GetStringAsync("/api/stats"));
        Assert.Equal(1, freshness.Count);

        // A problem is not kept.
        await client.GetAsync("/api/attacks/A999");
        Assert.Equal(1, freshness.Count);
    }

    [Theory]
    [InlineData("br", "br")]
    [InlineData("gzip", "gzip")]
    [InlineData("gzip, br", "br")]
    [InlineData("br;q=0, gzip", "gzip")]
    [InlineData("br;q=0", null)]
    public async Task A_kept_answer_is_sent_in_the_coding_asked_for_and_reads_the_same(string accept, string? coding)
    {
        var plain = await Client.GetStringAsync("/api/stats");
        for (var i = 0; i < 2; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/api/stats");
            request.Headers.TryAddWithoutValidation("Accept-Encoding", accept);
            using var response = await Client.SendAsync(request);
            Assert.Equal(coding, response.Content.Headers.ContentEncoding.SingleOrDefault());
            var bytes = await response.Content.ReadAsByteArrayAsync();
            Assert.Equal(bytes.Length, response.Content.Headers.ContentLength);
            using Stream raw = new MemoryStream(bytes);
            using Stream body = coding switch
            {
                "br" => new System.IO.Compression.BrotliStream(raw, System.IO.Compression.CompressionMode.Decompress),
                "gzip" => new System.IO.Compression.GZipStream(raw, System.IO.Compression.CompressionMode.Decompress),
                _ => raw,
            };
            using var reader = new StreamReader(body);
            Assert.Equal(plain, await reader.ReadToEndAsync());
        }
    }

    private static HttpRequestMessage Conditional(string path, EntityTagHeaderValue etag)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.IfNoneMatch.Add(etag);
        return request;
    }
}

/// <summary>The refresher, over a real server on loopback: the whole ledger's slow answers are ready before anyone asks, and again after a write.</summary>
public sealed class RefresherTests
{
    [Fact]
    public async Task Slow_answers_are_read_at_start_and_again_after_a_write()
    {
        await using var store = await TestStore.CreateAsync("sqlite");
        await Stores.IngestSamplesAsync(store.Store);
        var app = SitrepWebApp.Create([], new ServeOptions { Store = store.Location, Urls = "http://127.0.0.1:0", WholeLedgerAfter = TimeSpan.Zero });
        await app.StartAsync();
        try
        {
            var freshness = app.Services.GetRequiredService<StoreFreshness>();
            await Until(() => freshness.Count >= 2, "the whole ledger's stats and places, read at start");
            var before = freshness.Version;
            freshness.RememberSlow("/api/stats?attacker=RU");
            await using (var other = await EventStore.OpenAsync(store.Location))
            {
                await other.SaveAsync([Stores.PayloadReport()]);
            }

            await Until(() => freshness.Version != before && freshness.Count == 1, "the slow question, read again after the write");
        }
        finally
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }

    private static async Task Until(Func<bool> condition, string what)
    {
        for (var waited = 0; !condition(); waited += 50)
        {
            Assert.True(waited < 20_000, $"not within 20 s: {what}");
            await Task.Delay(50);
        }
    }
}
