using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Sitrep.Storage;

namespace Sitrep.Web.Http;

/// <summary>
/// What keeps reads off the store when the store has not changed, for the API's read endpoints: each answer's ETag is
/// made from the store's change version (<see cref="IStoreVersion"/>) and the request's path and query, so a repeat
/// with <c>If-None-Match</c> is a 304 before any query runs; and a 200 is kept, under that same tag, in a cache that
/// the next change of the store empties, so the same question asked again (the whole ledger's stats, the latest page)
/// is answered from memory and the same question asked at once by many clients is read once. Store reads that do run
/// may pass a gate of a few at a time (<see cref="ServeOptions.MaxConcurrentReads"/>; off unless set).
/// <para>
/// A store that cannot give a version (a PostgreSQL standby) gets none of this: its answers carry a hash of the body.
/// </para>
/// </summary>
internal sealed class StoreFreshness(ServeOptions options)
{
    /// <summary>Where the filter leaves the store version this request is answered at (HttpContext.Items), for <see cref="AttackReadModels"/>.</summary>
    public const string VersionKey = "sitrep.version";

    /// <summary>The most bytes the cache holds; past it, it starts again empty.</summary>
    public const long MaxBytes = 64L * 1024 * 1024;

    private readonly ConcurrentDictionary<string, Lazy<Task<IResult>>> _answers = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim? _gate = options.MaxConcurrentReads > 0 ? new SemaphoreSlim(options.MaxConcurrentReads) : null;
    private readonly Lock _reset = new();
    private string? _version;
    private long _bytes;

    /// <summary>An answer that took longer than this to read is asked again, in the background, after each write.</summary>
    public static readonly TimeSpan Slow = TimeSpan.FromMilliseconds(250);

    /// <summary>The slow questions (path and query) and when each was last asked; at most <see cref="MaxSlow"/>.</summary>
    private readonly ConcurrentDictionary<string, long> _slow = new(StringComparer.Ordinal);

    public const int MaxSlow = 8;

    /// <summary>How many answers the cache holds (for tests).</summary>
    public int Count => _answers.Count;

    /// <summary>The version the cache's answers are of (null before the first).</summary>
    public string? Version => Volatile.Read(ref _version);

    /// <summary>The questions that were slow to read, most recently asked first: what <see cref="StoreRefresher"/> asks again after a write.</summary>
    public IReadOnlyList<string> SlowQuestions => [.. _slow.OrderByDescending(kv => kv.Value).Select(kv => kv.Key)];

    /// <summary>The endpoint filter: 304, a kept answer, or the handler's (through the gate, then kept).</summary>
    public static async ValueTask<object?> Filter(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var self = http.RequestServices.GetRequiredService<StoreFreshness>();
        var version = http.RequestServices.GetRequiredService<IEventStore>() is IStoreVersion v
            ? await v.ChangeVersionAsync(http.RequestAborted).ConfigureAwait(false)
            : null;
        if (version is null)
        {
            return await self.GatedAsync(() => next(context).AsTask(), http.RequestAborted).ConfigureAwait(false);
        }

        var etag = Tag(version, http.Request.Path + http.Request.QueryString);
        http.Items[ApiResults.ETagKey] = etag;
        http.Items[VersionKey] = version;
        if (ApiResults.NotModified(http.Request, etag))
        {
            return ApiResults.NotModifiedResult(etag);
        }

        var question = http.Request.Path + http.Request.QueryString;
        if (self._slow.ContainsKey(question))
        {
            self._slow[question] = Environment.TickCount64;
        }

        return await self.AnswerAsync(version, etag, async () =>
        {
            var started = Environment.TickCount64;
            var answer = await next(context).ConfigureAwait(false);
            if (Environment.TickCount64 - started >= Slow.TotalMilliseconds && ApiResults.CacheableSize(answer as IResult ?? Results.Empty) is not null)
            {
                self.RememberSlow(question);
            }

            return answer;
        }, http.RequestAborted).ConfigureAwait(false);
    }

    internal void RememberSlow(string question)
    {
        _slow[question] = Environment.TickCount64;
        while (_slow.Count > MaxSlow && _slow.OrderBy(kv => kv.Value).FirstOrDefault() is { Key: { } oldest })
        {
            _slow.TryRemove(oldest, out _);
        }
    }

    /// <summary>A weak ETag of a version and a request: 128 bits of SHA-256 over both.</summary>
    public static string Tag(string version, string pathAndQuery) =>
        "W/\"v" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(version + "\n" + pathAndQuery)).AsSpan(0, 16)) + "\"";

    private async Task<IResult> AnswerAsync(string version, string key, Func<Task<object?>> handler, CancellationToken ct)
    {
        if (!string.Equals(Volatile.Read(ref _version), version, StringComparison.Ordinal))
        {
            lock (_reset)
            {
                if (!string.Equals(_version, version, StringComparison.Ordinal))
                {
                    _answers.Clear();
                    _bytes = 0;
                    Volatile.Write(ref _version, version);
                }
            }
        }

        var mine = new Lazy<Task<IResult>>(() => AsResultAsync(GatedAsync(handler, ct)));
        var entry = _answers.GetOrAdd(key, mine);
        IResult result;
        try
        {
            result = await entry.Value.ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!ReferenceEquals(entry, mine) && !ct.IsCancellationRequested)
        {
            // The request that was reading for this one went away: read again for this one.
            _answers.TryRemove(new KeyValuePair<string, Lazy<Task<IResult>>>(key, entry));
            return await AsResultAsync(GatedAsync(handler, ct)).ConfigureAwait(false);
        }
        catch
        {
            _answers.TryRemove(new KeyValuePair<string, Lazy<Task<IResult>>>(key, entry));
            throw;
        }

        if (ReferenceEquals(entry, mine))
        {
            if (ApiResults.CacheableSize(result) is { } size)
            {
                if (Interlocked.Add(ref _bytes, size) > MaxBytes)
                {
                    lock (_reset)
                    {
                        _answers.Clear();
                        _bytes = 0;
                    }
                }
            }
            else
            {
                _answers.TryRemove(new KeyValuePair<string, Lazy<Task<IResult>>>(key, entry));
            }
        }

        return result;
    }

    private static async Task<IResult> AsResultAsync(Task<object?> answer) =>
        await answer.ConfigureAwait(false) as IResult ?? Results.Empty;

    private async Task<object?> GatedAsync(Func<Task<object?>> handler, CancellationToken ct)
    {
        if (_gate is null)
        {
            return await handler().ConfigureAwait(false);
        }

        await _gate.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            return await handler().ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }
}
