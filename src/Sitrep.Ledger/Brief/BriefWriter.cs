using Sitrep.Storage;

namespace Sitrep.Ledger.Brief;

/// <summary>
/// Writes briefs: reads a window's attacks, their events and reports from one snapshot of the store
/// (<see cref="BriefSource"/>), and composes the document from the language's templates. Every host (the CLI's
/// <c>sitrep brief</c>, the web's <c>/brief/DATE</c>) writes through it. Thread-safe; build one per language.
/// </summary>
public sealed class BriefWriter(BriefTemplates templates, BriefOptions? options = null)
{
    private readonly BriefOptions _options = options ?? new BriefOptions();

    public BriefTemplates Templates => templates;

    /// <summary>A writer in <paramref name="language"/> (the templates Sitrep ships: <see cref="BriefTemplates.Languages"/>).</summary>
    public static BriefWriter ForLanguage(string language = BriefTemplates.Reference, BriefOptions? options = null) => new(BriefTemplates.Load(language), options);

    /// <summary>The brief of a source already read (pure: the same source gives the same document).</summary>
    public BriefDocument Write(BriefSource source) => new BriefComposer(templates, _options, source).Compose();

    /// <summary>The brief of <paramref name="window"/> as <paramref name="snapshot"/> sees the store.</summary>
    public async Task<BriefDocument> WriteAsync(IStoreSnapshot snapshot, BriefWindow window, CancellationToken cancellationToken = default) =>
        Write(await BriefSource.ReadAsync(snapshot, window, cancellationToken).ConfigureAwait(false));

    /// <summary>The brief of <paramref name="window"/> from one snapshot of <paramref name="store"/>, taken now.</summary>
    public async Task<BriefDocument> WriteAsync(IEventStore store, BriefWindow window, CancellationToken cancellationToken = default)
    {
        var snapshot = await store.OpenSnapshotAsync(cancellationToken).ConfigureAwait(false);
        await using (snapshot.ConfigureAwait(false))
        {
            return await WriteAsync(snapshot, window, cancellationToken).ConfigureAwait(false);
        }
    }
}
