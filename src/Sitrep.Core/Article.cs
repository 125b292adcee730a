using System.Collections.Immutable;

namespace Sitrep.Core;

/// <summary>
/// One report as read from its source: the text is owned once and never changed afterwards;
/// every span in the pipeline points into <see cref="Text"/>.
/// </summary>
/// <param name="Id">Stable identifier, usually the file stem or a content hash.</param>
/// <param name="Text">The article body. The first line is the headline when the source has no title field.</param>
/// <param name="Published">Publication date, when known; dates in the text resolve against it.</param>
/// <param name="Metadata">Header fields as read (url, published, language, …), kept verbatim.</param>
public sealed record Article(
    string Id,
    string Text,
    string? Title = null,
    string? Url = null,
    DateOnly? Published = null,
    string? Source = null,
    string? Language = null)
{
    public ImmutableDictionary<string, string> Metadata { get; init; } = ImmutableDictionary<string, string>.Empty;
}
