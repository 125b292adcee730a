using Sitrep.Extraction.Text;

namespace Sitrep.Extraction.Assembly;

/// <summary>
/// Each token's cue words, read once per article: the classify and segment steps scan every unit's tokens for seven
/// or so kinds of cue (attack words, "also", "separate", "during the attack", habits, threats …), each a set lookup
/// per token. <see cref="CuesOf"/> gives one bit per kind for every token of the document, built in one pass with one
/// memo lookup per token (a word's bits depend on its characters alone, so a thread works them out once per word),
/// and the scans test bits. Each bit is exactly the answer of the set it stands for (<see cref="BitsOf"/> asks them).
/// </summary>
public sealed partial class EventAssembler
{
    /// <summary>What a token is to the assembly's cue scans: one bit per cue set.</summary>
    [Flags]
    internal enum Cue : uint
    {
        None = 0,

        /// <summary><see cref="AttackWords"/> (English).</summary>
        AttackWord = 1u << 0,

        /// <summary><see cref="CyrillicAttackWords"/>, for a word whose first character is past ASCII.</summary>
        CyrillicAttack = 1u << 1,
        AttackNoun = 1u << 2,
        Also = 1u << 3,
        AlsoFirst = 1u << 4,
        AlsoVerb = 1u << 5,
        NewAttack = 1u << 6,
        Separate = 1u << 7,
        Gap = 1u << 8,
        WithinHead = 1u << 9,
        WithinFirst = 1u << 10,
        WithinDeterminer = 1u << 11,
        WithinNoun = 1u << 12,
        Habitual = 1u << 13,
        Recall = 1u << 14,
        OtherHeading = 1u << 15,
        WideScope = 1u << 16,
        Breakdown = 1u << 17,
        Coordinator = 1u << 18,

        /// <summary>A verb of threat or intent that <see cref="IsHypothetical"/> reads with a "to" after it ("threatened", "plans", "ready").</summary>
        Threat = 1u << 19,

        /// <summary>A modal <see cref="IsHypothetical"/> reads ("will", "would", "could", "might", "may").</summary>
        Modal = 1u << 20,

        /// <summary>"shelling" or "incident": attack nouns that a new-attack word before them does not make a new attack of.</summary>
        NotNewAttackNoun = 1u << 21,
    }

    /// <summary>The cue bits of a word, asking each set (the memo in <see cref="CuesOf"/> keeps them per word).</summary>
    internal static Cue BitsOf(string w)
    {
        var c = Cue.None;
        c |= AttackWords.Contains(w) ? Cue.AttackWord : 0;
        c |= w.Length > 0 && w[0] > 127 && CyrillicAttackWords.Contains(w) ? Cue.CyrillicAttack : 0;
        c |= AttackNouns.Contains(w) ? Cue.AttackNoun : 0;
        c |= AlsoWords.Contains(w) ? Cue.Also : 0;
        c |= AlsoFirstWords.Contains(w) ? Cue.AlsoFirst : 0;
        c |= AlsoVerbs.Contains(w) ? Cue.AlsoVerb : 0;
        c |= NewAttackWords.Contains(w) ? Cue.NewAttack : 0;
        c |= SeparateWords.Contains(w) ? Cue.Separate : 0;
        c |= GapWords.Contains(w) ? Cue.Gap : 0;
        c |= WithinHeads.Contains(w) ? Cue.WithinHead : 0;
        c |= WithinFirstWords.Contains(w) ? Cue.WithinFirst : 0;
        c |= WithinDeterminers.Contains(w) ? Cue.WithinDeterminer : 0;
        c |= WithinNouns.Contains(w) ? Cue.WithinNoun : 0;
        c |= Habitual.Contains(w) ? Cue.Habitual : 0;
        c |= RecallWords.Contains(w) ? Cue.Recall : 0;
        c |= OtherHeadingWords.Contains(w) ? Cue.OtherHeading : 0;
        c |= WideScopeWords.Contains(w) ? Cue.WideScope : 0;
        c |= BreakdownWords.Contains(w) ? Cue.Breakdown : 0;
        c |= Coordinators.Contains(w) ? Cue.Coordinator : 0;
        c |= w is "threatened" or "threatens" or "threaten" or "vowed" or "vows" or "plans" or "planning" or "intends" or "wants" or "wanted" or "ready" or "prepared" or "preparing" ? Cue.Threat : 0;
        c |= w is "will" or "would" or "could" or "might" or "may" ? Cue.Modal : 0;
        c |= w is "shelling" or "incident" ? Cue.NotNewAttackNoun : 0;
        return c;
    }

    [ThreadStatic]
    private static WordMemo<Cue>? t_cueMemo;

    [ThreadStatic]
    private static TokenList? t_cueTokens;

    [ThreadStatic]
    private static Cue[]? t_cues;

    /// <summary>
    /// The cue bits of every token of <paramref name="doc"/> (index by token; the array may be longer than the
    /// document). Kept for the last document this thread asked about, so that every step of one article shares one
    /// table; a document's tokens never change once it is built.
    /// </summary>
    internal static Cue[] CuesOf(Document doc)
    {
        var tokens = doc.Tokens;
        if (ReferenceEquals(t_cueTokens, tokens) && t_cues is { } kept)
        {
            return kept;
        }

        var memo = t_cueMemo ??= new WordMemo<Cue>(4096);
        var cues = t_cues is { } old && old.Length >= tokens.Count && old.Length <= Math.Max(1024, tokens.Count * 4) ? old : new Cue[Math.Max(tokens.Count, 256)];
        for (var i = 0; i < tokens.Count; i++)
        {
            var w = tokens[i].Lower;
            if (!memo.TryGet(w, out var c))
            {
                c = BitsOf(w);
                memo.Set(w, c);
            }

            cues[i] = c;
        }

        t_cues = cues;
        t_cueTokens = tokens;
        return cues;
    }
}
