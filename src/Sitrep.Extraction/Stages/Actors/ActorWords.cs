using Sitrep.Core;
using Sitrep.Core.Claimants;
using Sitrep.Extraction.Text;

namespace Sitrep.Extraction.Stages.Actors;

/// <summary>The yes-or-no answers the actor stage's word tables give for one word (<see cref="WordFacts"/>).</summary>
[Flags]
internal enum ActorFlags : byte
{
    None = 0,
    /// <summary>A word of Russia's side ("russian", "окупанти").</summary>
    Russia = 1,
    /// <summary>A word of Ukraine's side ("ukrainian", "зсу").</summary>
    Ukraine = 2,
    /// <summary>"противник*": Russia in Ukrainian text only.</summary>
    UkrainianEnemy = 4,
    /// <summary>A Ukrainian or Russian passive participle of launching ("запущених").</summary>
    CyrillicPassive = 8,
    /// <summary>A Ukrainian or Russian attack noun before the side in the genitive ("удар", "атаки").</summary>
    CyrillicAttackNoun = 16,
    /// <summary>An English or Cyrillic attack word after a side ("launched", "drones", "атакували").</summary>
    AttackWord = 32,
    /// <summary>A speech verb (speech-verbs.tsv).</summary>
    Verb = 64,
}

/// <summary>
/// Everything the actor stage and its <see cref="ClaimantReader"/> ask of one lowercase word, answered by the same
/// tables as before and read once per distinct word (<see cref="Of"/>), not once per token per question. 16 bytes.
/// </summary>
internal readonly struct WordFacts
{
    /// <summary>The word's claimant-words.tsv entry (<see cref="ClaimantLexicon.Info"/>).</summary>
    public readonly WordInfo? Info;

    private readonly byte _role;
    private readonly byte _side;
    private readonly byte _genitive;
    private readonly byte _instrumental;

    public readonly VerbKind VerbKind;

    public readonly ActorFlags Flags;

    public WordFacts(WordInfo? info, bool verb, VerbKind verbKind, Side side, Side genitive, Side instrumental, ActorFlags flags)
    {
        Info = info;
        _role = info is null ? (byte)0 : (byte)(info.Role + 1);
        _side = (byte)side;
        _genitive = (byte)genitive;
        _instrumental = (byte)instrumental;
        VerbKind = verb ? verbKind : default;
        Flags = verb ? flags | ActorFlags.Verb : flags & ~ActorFlags.Verb;
    }

    /// <summary>The entry's role, or null for a word of no entry.</summary>
    public WordRole? Role => _role == 0 ? null : (WordRole)(_role - 1);

    /// <summary>A speech verb (<see cref="ClaimantLexicon.TryVerb"/>), of <see cref="VerbKind"/>.</summary>
    public bool Verb => (Flags & ActorFlags.Verb) != 0;

    /// <summary>The side the word names, trying it without a possessive 's ("Ukraine's"): what <c>ClaimantReader.SideAt</c> read.</summary>
    public Side Side => (Side)_side;

    /// <summary>The side the word names in the genitive after an attack noun ("зсу", "росії"), or Unknown.</summary>
    public Side Genitive => (Side)_genitive;

    /// <summary>The side the word names in the instrumental, the agent of a passive ("росією"), or Unknown.</summary>
    public Side Instrumental => (Side)_instrumental;

    public bool Has(ActorFlags flag) => (Flags & flag) != 0;

    /// <summary>
    /// <see cref="ActorStage.FactsOf"/> per distinct word, read per token through the shared facts layer
    /// (<see cref="WordFactTable{T}"/>): a token's facts are one slot read by its word-cache slot.
    /// </summary>
    internal static readonly WordFactTable<WordFacts> Table = new(Compute);

    /// <summary>The facts of a lowercase word, computed once per distinct word a thread sees.</summary>
    public static WordFacts Of(string lower) => Table.OfWord(lower);

    /// <summary>Each token's facts, index by token (valid until this thread asks about another document).</summary>
    public static WordFacts[] Of(Document doc) => Table.Of(doc);

    /// <summary>
    /// Most words ("drones", "region", names, punctuation) are in no table: a few bit tests say so before the tables
    /// are asked one by one.
    /// </summary>
    private static WordFacts Compute(string lower) => ActorStage.NamesNothing(lower) ? default : ActorStage.FactsOf(lower);
}

/// <summary>
/// A thread's buffers for the actor stage, reused from document to document (the stage runs one document at a time
/// on a thread): which tokens a place covers (the tokens' facts are <see cref="WordFacts.Table"/>'s). Dropped when a huge document grew them.
/// </summary>
internal sealed class ActorScratch
{
    private const int KeepLimit = 1 << 16;

    [ThreadStatic]
    private static ActorScratch? t_current;

    public bool[] InPlace = new bool[1024];

    public static ActorScratch For(int tokens)
    {
        var s = t_current;
        if (s is null || s.InPlace.Length > KeepLimit && tokens <= KeepLimit)
        {
            t_current = s = new ActorScratch();
        }

        if (s.InPlace.Length < tokens)
        {
            s.InPlace = new bool[(int)System.Numerics.BitOperations.RoundUpToPowerOf2((uint)tokens)];
        }

        return s;
    }
}

/// <summary>
/// This thread's memo of <see cref="ClaimantRegistry.Resolve(string, Side, out bool)"/> by the words' characters, so
/// that a name the reports repeat ("the Ukrainian air force", "Air Force:") is neither cut out of its text as a new
/// string nor hashed into the registry's shared cache again. Direct-mapped like <see cref="WordCache"/>: one slot
/// per hash, a newcomer takes it over; it never grows. Kept for one registry: another clears it. The registry's
/// reading is a pure function of the words and the context, so the memo answers exactly as the registry does.
/// Not thread-safe: one per thread.
/// </summary>
internal sealed class ResolveMemo
{
    private const int Slots = 1 << SlotBits;

    private const int SlotBits = 13;

    private const int MaxLength = 120;

    [ThreadStatic]
    private static ResolveMemo? t_current;

    private readonly ClaimantRegistry _registry;
    private readonly string?[] _words = new string?[Slots];
    private readonly Side[] _contexts = new Side[Slots];
    private readonly (ClaimantResolution? Resolution, bool Ambiguous)[] _values = new (ClaimantResolution?, bool)[Slots];

    private ResolveMemo(ClaimantRegistry registry) => _registry = registry;

    public static ResolveMemo For(ClaimantRegistry registry)
    {
        var m = t_current;
        if (m is null || !ReferenceEquals(m._registry, registry))
        {
            t_current = m = new ResolveMemo(registry);
        }

        return m;
    }

    public ClaimantResolution? Resolve(ReadOnlySpan<char> words, Side context, out bool ambiguous)
    {
        if (words.Length > MaxLength)
        {
            return _registry.Resolve(words.ToString(), context, out ambiguous);
        }

        var slot = Slot(words, context);
        var key = _words[slot];
        if (key is not null && _contexts[slot] == context && words.SequenceEqual(key))
        {
            (var known, ambiguous) = _values[slot];
            return known;
        }

        var text = words.ToString();
        var resolution = _registry.Resolve(text, context, out ambiguous);
        _words[slot] = text;
        _contexts[slot] = context;
        _values[slot] = (resolution, ambiguous);
        return resolution;
    }

    private static int Slot(ReadOnlySpan<char> chars, Side context)
    {
        var h = 2166136261u ^ (uint)context;
        foreach (var c in chars)
        {
            h = (h ^ c) * 16777619u;
        }

        return (int)((h * 0x9E3779B1u) >> (32 - SlotBits));
    }
}
