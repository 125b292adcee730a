using System.Collections.Immutable;
using Sitrep.Core;
using Sitrep.Extraction.Text;

namespace Sitrep.Extraction;

/// <summary>
/// An article and the annotation layers stages add over its text. The text and tokens never change;
/// each layer is written once, by the stage that produces it, and read by the stages after.
/// Not thread-safe: one document belongs to one extraction.
/// </summary>
public sealed class Document
{
    private readonly Dictionary<string, ImmutableArray<Mention>> _layers = new(StringComparer.Ordinal);
    private readonly List<Diagnostic> _diagnostics = [];
    private readonly Dictionary<(string Layer, Type Type), object> _typed = [];

    public Document(Article article)
    {
        Article = article;
        Text = article.Text;
        Tokens = TokenList.Of(Text);
    }

    public Article Article { get; }

    public string Text { get; }

    public TokenList Tokens { get; }

    public IReadOnlyList<Diagnostic> Diagnostics => _diagnostics;

    public bool Has(string layer) => _layers.ContainsKey(layer);

    public void SetLayer(string layer, ImmutableArray<Mention> mentions)
    {
        if (!_layers.TryAdd(layer, mentions))
        {
            throw new InvalidOperationException($"Layer '{layer}' was already produced.");
        }
    }

    /// <summary>The mentions of a layer, of one type; empty when the layer was not produced. Cached: layers never change.</summary>
    public ImmutableArray<T> Layer<T>(string layer)
        where T : Mention
    {
        if (!_layers.TryGetValue(layer, out var all))
        {
            return [];
        }

        if (_typed.TryGetValue((layer, typeof(T)), out var cached))
        {
            return (ImmutableArray<T>)cached;
        }

        var b = ImmutableArray.CreateBuilder<T>(all.Length);
        foreach (var m in all)
        {
            if (m is T t)
            {
                b.Add(t);
            }
        }

        var typed = b.ToImmutable();
        _typed[(layer, typeof(T))] = typed;
        return typed;
    }

    public void Report(Diagnostic diagnostic) => _diagnostics.Add(diagnostic);

    public string Slice(TextSpan span) => Text.Substring(span.Start, span.Length);

    public Evidence Evidence(TextSpan span) => new(span, Slice(span));

    /// <summary>The lowercased word at <paramref name="i"/>, or "" outside the tokens.</summary>
    public string Lower(int i) => i >= 0 && i < Tokens.Count ? Tokens[i].Lower : "";
}

/// <summary>The names of the layers the standard stages produce.</summary>
public static class Layers
{
    public const string Sentences = "sentences";
    public const string Numbers = "numbers";
    public const string Dates = "dates";
    public const string Weapons = "weapons";
    public const string Places = "places";
    public const string Casualties = "casualties";
    public const string Figures = "figures";
    public const string Claimants = "claimants";
    public const string Actors = "actors";
}
