using System.Collections.Immutable;
using Sitrep.Core;

namespace Sitrep.Ingest.Readers;

/// <summary>
/// Collects the articles and the bad records of an input that holds many (JSON Lines, a JSON array, a feed):
/// good records are kept, bad ones become one <see cref="ErrorCatalogue.SomeRecordsBad"/> error that names the first.
/// </summary>
internal sealed class RecordProblems(string source)
{
    private readonly List<Article> _articles = [];
    private ReadError? _first;
    private int _bad;

    public int Total { get; private set; }

    public void Add(Article article)
    {
        Total++;
        _articles.Add(article);
    }

    public void Fail(ReadError error)
    {
        Total++;
        _bad++;
        _first ??= error;
    }

    public ReadResult ToResult()
    {
        if (_first is null)
        {
            return new ReadResult(source, [.. _articles], null);
        }

        // A single record that failed is that record's own error, with its own code.
        if (Total == 1)
        {
            return ReadResult.Fail(source, _first);
        }

        return new ReadResult(source, _articles.ToImmutableArray(), ErrorCatalogue.SomeRecordsBad(source, _bad, Total, _first.Message));
    }
}
