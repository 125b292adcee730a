using System.Collections.Immutable;
using Sitrep.Core;

namespace Sitrep.Ingest;

/// <summary>
/// What reading one input gave: the articles in it (a feed or a JSON Lines file holds many), or the
/// reason it could not be read. Readers return this and never throw on content.
/// </summary>
public sealed record ReadResult(string Source, ImmutableArray<Article> Articles, ReadError? Error)
{
    public bool Ok => Error is null;

    public static ReadResult Success(string source, params Article[] articles) => new(source, [.. articles], null);

    public static ReadResult Fail(string source, ReadError error) => new(source, [], error);
}

/// <summary>Why an input could not be read, as a code from <see cref="ErrorCatalogue"/> and a sentence that says what to do.</summary>
public sealed record ReadError(string Code, string Message)
{
    public override string ToString() => $"{Code}: {Message}";
}
