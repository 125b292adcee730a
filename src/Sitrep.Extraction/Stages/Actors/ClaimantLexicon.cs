using System.Collections.Frozen;
using System.Collections.Immutable;
using Sitrep.Core;
using Sitrep.Extraction.Text;

namespace Sitrep.Extraction.Stages.Actors;

/// <summary>What a speech verb does (speech-verbs.tsv).</summary>
internal enum VerbKind : byte
{
    /// <summary>An act of saying; its subject, before or after it, is the claimant.</summary>
    Speech,
    /// <summary>A Ukrainian or Russian plural or neuter past: impersonal without a subject ("повідомили в ОВА").</summary>
    Plural,
    /// <summary>"йдеться у повідомленні X", "говорится в сообщении X".</summary>
    Impersonal,
    /// <summary>An outlet passing on another's words: "Censor.NET informs", "передает ТАСС".</summary>
    Relay,
    /// <summary>Its object is the source: "citing the defence ministry", "cited a Defense Ministry statement".</summary>
    Cite,
}

/// <summary>The role of a word in claimant-words.tsv; see the file's header.</summary>
internal enum WordRole : byte
{
    Title,
    Modifier,
    Generic,
    Qualifier,
    Witness,
    Pronoun,
    Determiner,
    Boundary,
    Prep,
    Adverb,
    Be,
    NotName,
    Channel,
    SourceLabel,
    QuoteLabel,
    According,
    AccordingPrep,
    As,
    About,
    This,
    Message,
    Connector,
    Act,
}

/// <summary>A word's entry: its role and the role's values (person/body, people/info, in, …), the kinds a title refers back to.</summary>
internal sealed record WordInfo(WordRole Role, string Value, ImmutableArray<ClaimantKind>? Kinds, bool Keep);

/// <summary>
/// The claimant vocabulary of the actor stage, read once from its data files (speech-verbs.tsv, claimant-words.tsv)
/// and validated: an unknown role or kind fails with the file and word. Immutable and thread-safe.
/// </summary>
internal sealed class ClaimantLexicon
{
    private static readonly Lazy<ClaimantLexicon> Shared = new(() => new ClaimantLexicon(LexiconFile.Rows("speech-verbs.tsv"), LexiconFile.Rows("claimant-words.tsv")));

    private readonly WordTable<VerbKind> _verbs;
    private readonly WordTable<WordInfo> _words;

    private ClaimantLexicon(IReadOnlyList<string[]> verbs, IReadOnlyList<string[]> words)
    {
        _verbs = new WordTable<VerbKind>(verbs.Select(r => (r[0], r.Length == 2 && Enum.TryParse<VerbKind>(r[1], ignoreCase: true, out var k) && !int.TryParse(r[1], out _)
            ? k
            : throw new InvalidOperationException($"speech-verbs.tsv: '{string.Join('\t', r)}' needs a word and a kind (speech, plural, impersonal, relay or cite)."))));
        _words = new WordTable<WordInfo>(words.Select(r => (r[0], Parse(r))));

        // Every exact word of either table, with its entry and whether it is a speech verb, as Info and TryVerb answer.
        _classes = _words.ExactWords.Concat(_verbs.ExactWords).Distinct(StringComparer.Ordinal)
            .ToFrozenDictionary(w => w, w => (Info(w), TryVerb(w, out _)), StringComparer.Ordinal);
    }

    private readonly FrozenDictionary<string, (WordInfo? Info, bool Verb)> _classes;

    /// <summary>
    /// A running text's lowercase word's entry (<see cref="Info"/>) and whether it is a speech verb (<see cref="TryVerb"/>),
    /// in one lookup for most words: a word of neither table that neither is a possessive nor starts with a letter
    /// beyond ASCII (where the stems are) has neither.
    /// </summary>
    public (WordInfo? Info, bool Verb) Classify(string lower)
    {
        if (_classes.TryGetValue(lower, out var known))
        {
            return known;
        }

        if ((lower.Length == 0 || lower[0] <= 127) && !(lower.Length > 2 && (lower.EndsWith("'s", StringComparison.Ordinal) || lower.EndsWith("s'", StringComparison.Ordinal))))
        {
            return (null, false);
        }

        return (Info(lower), TryVerb(lower, out _));
    }

    public static ClaimantLexicon Default => Shared.Value;

    /// <summary>Every exact word of either table (their stems left out).</summary>
    public IEnumerable<string> ExactWords => _classes.Keys;

    public bool TryVerb(string lower, out VerbKind kind) => _verbs.TryGetValue(lower, out kind);

    /// <summary>The entry of a lowercase word, trying it without a possessive 's ("governor's", "region's").</summary>
    public WordInfo? Info(string lower)
    {
        if (_words.TryGetValue(lower, out var info))
        {
            return info;
        }

        if (lower.Length > 2 && lower.EndsWith("'s", StringComparison.Ordinal) && _words.TryGetValue(lower[..^2], out info))
        {
            return info;
        }

        return lower.Length > 2 && lower.EndsWith("s'", StringComparison.Ordinal) && _words.TryGetValue(lower[..^1], out info) ? info : null;
    }

    public bool Is(string lower, WordRole role) => Info(lower)?.Role == role;

    private static WordInfo Parse(string[] r)
    {
        string Where() => $"claimant-words.tsv: '{string.Join('\t', r)}'";
        if (r.Length < 2)
        {
            throw new InvalidOperationException($"{Where()} needs a word and a role.");
        }

        var role = r[1] switch
        {
            "title" => WordRole.Title,
            "modifier" => WordRole.Modifier,
            "generic" => WordRole.Generic,
            "qualifier" => WordRole.Qualifier,
            "witness" => WordRole.Witness,
            "pronoun" => WordRole.Pronoun,
            "determiner" => WordRole.Determiner,
            "boundary" => WordRole.Boundary,
            "prep" => WordRole.Prep,
            "adverb" => WordRole.Adverb,
            "be" => WordRole.Be,
            "notname" => WordRole.NotName,
            "channel" => WordRole.Channel,
            "source-label" => WordRole.SourceLabel,
            "quote-label" => WordRole.QuoteLabel,
            "according" => WordRole.According,
            "according-prep" => WordRole.AccordingPrep,
            "as" => WordRole.As,
            "about" => WordRole.About,
            "this" => WordRole.This,
            "message" => WordRole.Message,
            "connector" => WordRole.Connector,
            "act" => WordRole.Act,
            _ => throw new InvalidOperationException($"{Where()}: the role '{r[1]}' is unknown; see the file's header."),
        };
        var value = r.Length > 2 ? r[2] : "";
        var ok = role switch
        {
            WordRole.Title => value is "person" or "body" && r.Length == 5 && r[4] is "keep" or "drop",
            WordRole.Generic => value is "people" or "info",
            WordRole.Pronoun => value is "person" or "group",
            WordRole.Determiner => value is "definite" or "indefinite",
            WordRole.Prep => value is "" or "in" or "on" or "from",
            WordRole.Connector => value is "of" or "in" or "and",
            _ => r.Length == 2,
        };
        if (!ok)
        {
            throw new InvalidOperationException($"{Where()}: wrong values for the role '{r[1]}'; see the file's header.");
        }

        ImmutableArray<ClaimantKind>? kinds = null;
        if (role == WordRole.Title && r[3] != "-")
        {
            kinds = r[3] == "*"
                ? [.. Enum.GetValues<ClaimantKind>()]
                : [.. r[3].Split(',').Select(k => Enum.TryParse<ClaimantKind>(k, out var kind) && Enum.IsDefined(kind) && !int.TryParse(k, out _)
                    ? kind
                    : throw new InvalidOperationException($"{Where()}: '{k}' is not a claimant kind."))];
        }

        return new WordInfo(role, value, kinds, role != WordRole.Title || r[4] == "keep");
    }
}
