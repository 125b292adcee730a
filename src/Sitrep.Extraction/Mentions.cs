using Sitrep.Core;
using Sitrep.Geo;

namespace Sitrep.Extraction;

/// <summary>
/// Something a stage found in the text: a half-open span over the original text, the rule that found it.
/// Immutable; typed subclasses carry the value.
/// </summary>
public abstract record Mention(TextSpan Span, string Rule);

/// <summary>A sentence (or headline) of the article; <see cref="Paragraph"/> counts lines with text.</summary>
public sealed record SentenceMention(TextSpan Span, int Index, int Paragraph, int FirstToken, int EndToken, bool IsHeadline)
    : Mention(Span, "sentence");

/// <summary>A number with its hedge: "at least 16" is 16 <see cref="Qualifier.AtLeast"/>.</summary>
/// <param name="ValueSpan">The number itself, without the qualifier words.</param>
/// <param name="IsAll">"all 14", "both": the whole of some set.</param>
public sealed record NumberMention(TextSpan Span, int Value, Qualifier Qualifier, TextSpan ValueSpan, int TokenIndex, int EndToken, string Rule)
    : Mention(Span, Rule)
{
    public bool IsAll { get; init; }

    /// <summary>Vague plurals coded the ACLED way: "dozens" = 12, "hundreds" = 100.</summary>
    public bool IsVague { get; init; }
}

/// <summary>A date or time expression and the date it resolves to against the publication date.</summary>
public sealed record DateMention(TextSpan Span, EventDate Date, int TokenIndex, string Rule) : Mention(Span, Rule)
{
    /// <summary>"since the war began", "so far this month": a period for totals, not one attack.</summary>
    public bool IsPeriod { get; init; }

    /// <summary>"a day earlier", "the day after": resolved against another date in the sentence.</summary>
    public bool IsRelative { get; init; }

    /// <summary>For a relative expression, the days from its anchor: -1 for "a day earlier".</summary>
    public int RelativeDays { get; init; }
}

/// <summary>A weapon named in the text: category, model when named, and whether it is plural.</summary>
public sealed record WeaponMention(TextSpan Span, WeaponRef Weapon, int TokenIndex, int EndToken, bool Plural, string Rule) : Mention(Span, Rule)
{
    /// <summary>The noun is used as an attack word ("shelling", "airstrike") rather than a counted object.</summary>
    public bool IsActivity { get; init; }
}

/// <summary>Whether the text called the place a region or a settlement.</summary>
public enum PlaceHint
{
    Any,
    Region,
    Settlement,
}

/// <summary>A place name found in the text with the gazetteer entries it may mean.</summary>
public sealed record PlaceMention(TextSpan Span, string Text, int TokenIndex, int EndToken, PlaceHint Hint, string Rule) : Mention(Span, Rule)
{
    public System.Collections.Immutable.ImmutableArray<GazetteerEntry> Candidates { get; init; } = [];

    /// <summary>"from Belarus", "west of Kyiv": a reference point, not a place hit.</summary>
    public bool IsReference { get; init; }

    /// <summary>Index in the place layer of a mention that contains this one ("Lozova in the Kharkiv region").</summary>
    public int? ContainerIndex { get; init; }
}

/// <summary>A killed or injured figure: "a woman was killed" = 1 killed.</summary>
public sealed record CasualtyMention(TextSpan Span, FigureKind Kind, int Value, Qualifier Qualifier, TextSpan ValueSpan, string Rule) : Mention(Span, Rule)
{
    /// <summary>"the toll rose to 33": this figure revises an earlier one.</summary>
    public bool IsRevision { get; init; }

    /// <summary>"Earlier reports said ten": superseded by a later figure.</summary>
    public bool IsSuperseded { get; init; }

    /// <summary>"another victim died in hospital", "two more people died": deaths added to the toll told before.</summary>
    public bool IsIncrement { get; init; }

    /// <summary>
    /// "The governor later specified that 11 had died": a revision that corrects the toll told before it, smaller or
    /// larger (a plain <see cref="IsRevision"/> supersedes only smaller figures). Always a revision too.
    /// </summary>
    public bool IsCorrection { get; init; }

    /// <summary>
    /// "He later died in hospital" of a victim counted injured, "one of the injured later died": a killed increment whose
    /// victim was counted injured, so the injured toll told before is one less.
    /// </summary>
    public bool IsInjuredDeath { get; init; }
}

/// <summary>A launched, destroyed or suppressed count for a weapon.</summary>
public sealed record FigureMention(TextSpan Span, FigureKind Kind, int Value, Qualifier Qualifier, WeaponRef Weapon, TextSpan ValueSpan, string Rule) : Mention(Span, Rule)
{
    /// <summary>"missiles and drones" counted together; used only when no per-weapon figure exists.</summary>
    public bool IsCombined { get; init; }

    /// <summary>"two more drones were destroyed", "a further five": added to the figure told before.</summary>
    public bool IsIncrement { get; init; }
}

/// <summary>
/// Who says something, as the text names them: "the air force said", "according to Governor X", "повідомив голова ОВА".
/// <see cref="Mention.Span"/> covers the claimant's words (as does <see cref="Claimant.Span"/>); pronouns and references
/// back ("he said", "the ministry added") are not claimant mentions but speaker mentions of the claimant they refer to.
/// </summary>
public sealed record ClaimantMention(TextSpan Span, Claimant Claimant, string Rule) : Mention(Span, Rule)
{
    /// <summary>How fully the words name the claimant: names count twice, titles and places once ("Zelenskyy" 2, "the President" 1).</summary>
    public int Fullness { get; init; }

    /// <summary>The words name a person ("Governor X", "the mayor", "Zelenskyy"), not a body ("the air force", "TASS").</summary>
    public bool IsPerson { get; init; }
}

/// <summary>
/// Words attributed to a claimant: <see cref="Mention.Span"/> is the attributed text (the sentence that names the
/// claimant, a quote "he wrote" closes, the sentences "this was reported by X" refers back to), <see cref="Cue"/> the
/// words that attribute it ("he wrote", "X said"). <see cref="Claimant"/> is the claimant as named, never a pronoun.
/// </summary>
public sealed record SpeakerMention(TextSpan Span, Claimant Claimant, TextSpan Cue, string Rule) : Mention(Span, Rule)
{
    /// <summary>The registry entry of <see cref="Claimant.Canonical"/>, when the registry knows the claimant.</summary>
    public ClaimantEntry? Entry { get; init; }
}

/// <summary>A cue to who attacked: "Russia launched", "a Ukrainian drone attack". Side is Ukraine or Russia.</summary>
public sealed record ActorMention(TextSpan Span, Side Side, bool IsAttacker, string Rule) : Mention(Span, Rule);
