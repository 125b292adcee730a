using System.Collections.Immutable;
using Sitrep.Core;

namespace Sitrep.Ingest;

/// <summary>
/// What reading one input gave: the articles in it (a feed or a JSON Lines file holds many), or the
/// reason it could not be read. Readers return this and never throw on content.
/// </summary>
public sealed record ReadResult(string Source, ImmutableArray<Article> Articles, ReadError? Error)
{
    /// <summary>
    /// The articles, with no NUL character anywhere (PostgreSQL refuses NUL in text, SQLite cuts text at it): in the text a
    /// NUL becomes a space (its length, and so every span, unchanged), as in the title it may open; in the URL, source and
    /// metadata it is dropped.
    /// Both stores and every reader get the same text, before it is hashed and extracted.
    /// </summary>
    public ImmutableArray<Article> Articles { get; init; } = [.. Articles.Select(WithoutNul)];

    public bool Ok => Error is null;

    /// <summary>For a Telegram export (or a part of one): its messages read, reports, skipped and failed; null for other inputs.</summary>
    public Readers.TelegramTally? Telegram { get; init; }

    private static Article WithoutNul(Article a)
    {
        if (!Has(a.Text) && !Has(a.Title) && !Has(a.Url) && !Has(a.Source) && !Has(a.Language) && !a.Metadata.Any(kv => Has(kv.Key) || Has(kv.Value)))
        {
            return a;
        }

        return a with
        {
            Text = a.Text.Replace('\0', ' '),
            Title = a.Title?.Replace('\0', ' '),
            Url = Drop(a.Url),
            Source = Drop(a.Source),
            Language = Drop(a.Language),
            Metadata = Clean(a.Metadata),
        };

        static ImmutableDictionary<string, string> Clean(ImmutableDictionary<string, string> metadata)
        {
            var clean = metadata.Clear().ToBuilder();
            foreach (var (key, value) in metadata)
            {
                clean[Drop(key)!] = Drop(value)!;
            }

            return clean.ToImmutable();
        }

        static bool Has(string? s) => s?.Contains('\0', StringComparison.Ordinal) == true;
        static string? Drop(string? s) => s?.Replace("\0", "", StringComparison.Ordinal);
    }

    public static ReadResult Success(string source, params Article[] articles) => new(source, [.. articles], null);

    public static ReadResult Fail(string source, ReadError error) => new(source, [], error);
}

/// <summary>Why an input could not be read, as a code from <see cref="ErrorCatalogue"/> and a sentence that says what to do.</summary>
public sealed record ReadError(string Code, string Message)
{
    public override string ToString() => $"{Code}: {Message}";
}
