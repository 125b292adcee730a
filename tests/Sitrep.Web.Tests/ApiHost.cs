using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Sitrep.Storage;
using Sitrep.Storage.Tests;

namespace Sitrep.Web.Tests;

/// <summary>The web app under WebApplicationFactory (an in-memory server) over a real store.</summary>
internal sealed class ApiHost : IAsyncDisposable
{
    private ApiHost(TestStore store, WebApplicationFactory<Program> factory)
    {
        Store = store;
        Factory = factory;
    }

    public TestStore Store { get; }

    public WebApplicationFactory<Program> Factory { get; }

    public HttpClient Client() => Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    /// <summary>A fresh store of <paramref name="backend"/> (sqlite or postgres), filled by <paramref name="fill"/>, and the app over it.</summary>
    public static async Task<ApiHost> StartAsync(string backend, Func<IEventStore, Task> fill, string? apiKey = null, int postsPerMinute = 30, long maxBody = 4 * 1024 * 1024)
    {
        var store = await TestStore.CreateAsync(backend);
        await fill(store.Store);
        var options = new ServeOptions { Store = store.Location, ApiKey = apiKey, PostsPerMinute = postsPerMinute, MaxBodyBytes = maxBody };
        var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton(options)));
        return new ApiHost(store, factory);
    }

    public static Task<ApiHost> SamplesAsync(string backend = "sqlite", string? apiKey = null, int postsPerMinute = 30, long maxBody = 4 * 1024 * 1024) =>
        StartAsync(backend, Stores.IngestSamplesAsync, apiKey, postsPerMinute, maxBody);

    public async ValueTask DisposeAsync()
    {
        await Factory.DisposeAsync();
        await Store.DisposeAsync();
    }
}
