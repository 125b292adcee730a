using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Sitrep.Storage;

namespace Sitrep.Web.Http;

/// <summary>
/// The server's <see cref="AttackReadModel"/>: the one of the store's current change version, or none. A request that
/// finds the model older than the version it read (a write since) is answered by the store, and starts one read of a
/// new model in the background (one at a time); the store stays the source of truth, the model only ever answers for
/// the version it was read at. The version is read before the rows, so rows a write adds during the read are at worst
/// newer than the tag, never older (the next request, seeing the newer version, asks for another).
/// A read gives up when the server stops (Ctrl-C, SIGTERM: the host's stopping token), and none starts after; disposing
/// (the host's end, before the store it reads is disposed) waits a few seconds for a read under way to give up.
/// </summary>
internal sealed class AttackReadModels(IEventStore store, ServeOptions options, IHostApplicationLifetime lifetime, ILogger<AttackReadModels> log) : IAsyncDisposable
{
    /// <summary>How long disposing waits for a read under way to see the stop (each row checks it; SQLite's sort of the member keys may take a second).</summary>
    private static readonly TimeSpan GiveUp = TimeSpan.FromSeconds(5);

    private readonly CancellationTokenSource _stop = CancellationTokenSource.CreateLinkedTokenSource(lifetime.ApplicationStopping);
    private readonly Lock _gate = new();
    private AttackReadModel? _model;
    private Task? _reading;

    /// <summary>The model of <paramref name="version"/>, or null (and a read of it begun) when there is none yet.</summary>
    public AttackReadModel? For(string? version)
    {
        if (version is null || !options.AttackModel || store is not IAttackIndexSource source)
        {
            return null;
        }

        var model = Volatile.Read(ref _model);
        if (model is not null && string.Equals(model.Version, version, StringComparison.Ordinal))
        {
            return model;
        }

        lock (_gate)
        {
            if (!_stop.IsCancellationRequested && (_reading is null || _reading.IsCompleted))
            {
                _reading = Task.Run(() => ReadAsync(source, version));
            }
        }

        return null;
    }

    /// <summary>Makes sure the model of the store's version now is read (waiting for the read under way, if any): the server's warm-up.</summary>
    public async Task ReadCurrentAsync(CancellationToken ct)
    {
        if (store is not IStoreVersion versions || await versions.ChangeVersionAsync(ct).ConfigureAwait(false) is not { } version || For(version) is not null)
        {
            return;
        }

        Task? reading;
        lock (_gate)
        {
            reading = _reading;
        }

        if (reading is not null)
        {
            await reading.WaitAsync(ct).ConfigureAwait(false);
        }
    }

    /// <summary>Reads the model of <paramref name="version"/> now (what <see cref="For"/> starts; tests and the warm-up await it).</summary>
    public async Task ReadAsync(IAttackIndexSource source, string version)
    {
        try
        {
            var model = await AttackReadModel.ReadAsync(source, version, _stop.Token).ConfigureAwait(false);
            Volatile.Write(ref _model, model);
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
            // The server is stopping.
        }
#pragma warning disable CA1031 // A model that could not be read leaves the store answering; the next request tries again.
        catch (Exception e)
#pragma warning restore CA1031
        {
            log.LogWarning(e, "Reading the attacks into memory failed; the store answers listings.");
        }
    }

    public async ValueTask DisposeAsync()
    {
        Task? reading;
        lock (_gate)
        {
            reading = _reading;
            _stop.Cancel();
        }

        if (reading is not null)
        {
            try
            {
                await reading.WaitAsync(GiveUp).ConfigureAwait(false);
            }
            catch (TimeoutException)
            {
                log.LogWarning("Reading the attacks into memory did not stop within {Seconds} s of the server's stop.", GiveUp.TotalSeconds);
            }
        }

        _stop.Dispose();
    }
}
