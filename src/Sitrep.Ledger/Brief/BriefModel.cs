using System.Collections.Immutable;
using Sitrep.Core;

namespace Sitrep.Ledger.Brief;

/// <summary>
/// A daily situation report written from the ledger: its window, its sections of sentences, and the citations behind
/// them. Every sentence is made from templates (<see cref="BriefTemplates"/>) over the ledger's data, never free text;
/// every number in a sentence is a <see cref="BriefValue"/> that says where it comes from (a claim it cites, a sum of
/// claims it cites, a rate of two figures beside it, a count of what the brief lists). Immutable; the formats
/// (<see cref="BriefFormats"/>) render it as Markdown, HTML or JSON, and <see cref="BriefChecker"/> checks it against the store.
/// </summary>
/// <param name="Language">The templates' language ("en").</param>
/// <param name="Attacks">Every attack in the window, in the order the brief tells them (main ones, then those without a time of day).</param>
/// <param name="Cutoff">The latest report used; null when the window holds no attack.</param>
public sealed record BriefDocument(
    string Language,
    BriefWindow Window,
    string Title,
    BriefCutoff? Cutoff,
    ImmutableArray<BriefSection> Sections,
    ImmutableArray<BriefCitation> Citations,
    ImmutableArray<long> Attacks)
{
    /// <summary>The heading of the list of citations, in the brief's language.</summary>
    public string SourcesHeading { get; init; } = "Sources";

    /// <summary>Every sentence, in document order.</summary>
    public IEnumerable<BriefSentence> Sentences => Sections.SelectMany(s => s.Paragraphs).SelectMany(p => p.Sentences);

    /// <summary>The citation numbered <paramref name="number"/> (numbers start at 1 and follow first use).</summary>
    public BriefCitation Citation(int number) => Citations[number - 1];
}

/// <summary>The data cutoff: the report used that was stored last, when, and what it is.</summary>
public sealed record BriefCutoff(long ReportId, DateTimeOffset StoredAt, DateOnly? Published, string? Source);

/// <summary>A part of the brief: <c>header</c>, <c>key_figures</c>, <c>attacks</c>, <c>untimed</c> (a night's attacks without a time of day) or <c>background</c>.</summary>
public sealed record BriefSection(string Key, string Heading, ImmutableArray<BriefParagraph> Paragraphs);

/// <summary>
/// A paragraph: a run of sentences, with its own heading (an attack's id and date, a direction of attack) and the
/// groups it sits in (target country, then region) when it tells one attack.
/// </summary>
public sealed record BriefParagraph(ImmutableArray<BriefSentence> Sentences)
{
    public string? Heading { get; init; }

    /// <summary>The attack the paragraph tells, or null.</summary>
    public long? AttackId { get; init; }

    /// <summary>The headings above it, outermost first: target country, region. Empty outside the attack sections.</summary>
    public ImmutableArray<string> Groups { get; init; } = [];
}

/// <summary>
/// One sentence: its text (without citation marks), the values in it (every number, date, name and quotation, by its
/// span in <see cref="Text"/>), and the citations it carries, in order.
/// </summary>
/// <param name="Kind">What the sentence says: window, cutoff, none, count, family, casualties, untimed, lead, places, weapons, contested, damage, told, background.</param>
public sealed record BriefSentence(string Kind, string Text, ImmutableArray<BriefValue> Values, ImmutableArray<int> Citations)
{
    /// <summary>Kinds that state the brief's own terms (its window, an empty window) and cite nothing.</summary>
    public static readonly ImmutableHashSet<string> Uncited = ["window", "none"];

    public string TextOf(BriefValue v) => Text[v.Start..v.End];
}

/// <summary>What a value in a sentence is.</summary>
public enum BriefValueKind
{
    /// <summary>A figure: launched, destroyed, killed, injured (a claim's value, or a sum of claims' values).</summary>
    Figure,
    /// <summary>An interception rate: destroyed over launched, in whole percent.</summary>
    Rate,
    /// <summary>A count of what the brief lists (attacks, reports, outlets).</summary>
    Count,
    /// <summary>A date (the window's, an attack's, a report's).</summary>
    Date,
    /// <summary>A clock time (the window's bounds, the cutoff).</summary>
    Time,
    /// <summary>A name: a place, a claimant, an outlet, a weapon model (numbers in it, like Kh-101's, are part of the name).</summary>
    Name,
    /// <summary>A report's own words, exactly as its citation quotes them.</summary>
    Quote,
}

/// <summary>
/// A value in a sentence: its kind, its half-open span <c>[Start, End)</c> in the sentence's text, and where it comes from.
/// A figure's <see cref="Derivation"/> is <c>claim</c> (one claim's value) or <c>sum</c> (the claims' values added); a
/// rate's is <c>rate</c> (<see cref="Numerator"/> over <see cref="Denominator"/>); a count's is <c>count</c> (of <see cref="Items"/>).
/// </summary>
public sealed record BriefValue(BriefValueKind Kind, int Start, int End)
{
    /// <summary>The number a figure, rate or count shows.</summary>
    public int? Number { get; init; }

    public string Derivation { get; init; } = "";

    /// <summary>The claims a figure comes from.</summary>
    public ImmutableArray<BriefClaimRef> Claims { get; init; } = [];

    /// <summary>A rate's destroyed figure.</summary>
    public int? Numerator { get; init; }

    /// <summary>A rate's launched figure.</summary>
    public int? Denominator { get; init; }

    /// <summary>What a count counts: attack ids ("A12"), report ids ("R7"), outlets ("outlet:Harbour Desk").</summary>
    public ImmutableArray<string> Items { get; init; } = [];

    /// <summary>A date as yyyy-MM-dd, a time as HH:mm.</summary>
    public string? Iso { get; init; }

    /// <summary>The citation whose words a quotation (or a name) is.</summary>
    public int? Citation { get; init; }

    public BriefValue Shift(int offset) => this with { Start = Start + offset, End = End + offset };
}

/// <summary>
/// A claim behind a figure: the citation of its words, the event that states it, the attack and figure it belongs to
/// (<c>drone.launched</c>; null attack for a background total), and its value.
/// </summary>
public sealed record BriefClaimRef(int Citation, long EventId, long? AttackId, string Figure, int Value);

/// <summary>
/// One citation: a span of one report's text and the words there, with the report's outlet, title, URL and date, who
/// the claims it backs say it (as written and canonical), and the words around it in its paragraph (what an HTML view shows,
/// the span highlighted). Numbered from 1 in order of first use; one per report and span however many claims it backs.
/// </summary>
public sealed record BriefCitation(int Number, long ReportId, string? Source, string? Url, string? Title, DateOnly? Published, TextSpan Span, string Quote)
{
    public string? ClaimedBy { get; init; }

    public string? ClaimantId { get; init; }

    /// <summary>The words of the paragraph before the span (at most a few hundred characters).</summary>
    public string Before { get; init; } = "";

    /// <summary>The words of the paragraph after the span.</summary>
    public string After { get; init; } = "";
}
