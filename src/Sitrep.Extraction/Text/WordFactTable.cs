namespace Sitrep.Extraction.Text;

/// <summary>
/// The shared per-token facts layer: a pure function of a lowercase word (a stage's cue bits, the tables a word is in)
/// answered once per distinct word a thread sees and read for every token of a document in one pass. Each stage that
/// asks its lexicons about every token keeps one static table of its facts and reads <see cref="Of(Document)"/>
/// instead of building its own per-word memo and per-document array.
/// <para>
/// How it is cheap: the tokenizer tells each token the slot its string has in the thread's <see cref="WordCache"/>
/// (<see cref="Token.WordSlot"/>), and the table keeps its values in slots parallel to the cache's, so a token's facts
/// are one array read and one reference comparison (the slot still holds this very string), no hashing and no
/// character comparison. A token with no slot (punctuation, a word longer than <see cref="WordCache.MaxLength"/>,
/// tokens made by hand or by another cache) goes through a <see cref="WordMemo{T}"/>; a word whose slot was taken
/// over is computed again. Either way a token gets exactly what <c>compute</c> returns for its word.
/// </para>
/// <para>
/// Thread-safe to share (one static table per function): every thread has its own slots and per-document array.
/// The array <see cref="Of(Document)"/> returns belongs to the thread and holds the facts of the last document the
/// thread asked this table about; it stays valid until the thread asks about another.
/// </para>
/// </summary>
/// <typeparam name="T">The facts of a word: a small struct (bits, a few bytes), the default for a word of no fact.</typeparam>
internal sealed class WordFactTable<T>
    where T : struct
{
    private const int KeepLimit = 1 << 16;

    private readonly Func<string, T> _compute;
    private readonly ThreadLocal<State> _state;

    /// <param name="compute">The facts of a lowercase word: a pure function of the word, safe to call from any thread.</param>
    /// <param name="memoSlots">The size of the memo for tokens without a cache slot.</param>
    public WordFactTable(Func<string, T> compute, int memoSlots = 1024)
    {
        _compute = compute;
        _state = new ThreadLocal<State>(() => new State(memoSlots));
    }

    /// <summary>The facts of one word, as <c>compute</c> gives them (kept per distinct word by this thread).</summary>
    public T OfWord(string lower)
    {
        var memo = _state.Value!.Memo;
        if (!memo.TryGet(lower, out var value))
        {
            value = _compute(lower);
            memo.Set(lower, value);
        }

        return value;
    }

    /// <summary>
    /// The facts of every token of <paramref name="doc"/>, index by token: at least <c>doc.Tokens.Count</c> long (it may
    /// be longer; read no further). Computed once per document: asked again about the same document it returns the same
    /// array. Valid until this thread asks this table about another document.
    /// </summary>
    public T[] Of(Document doc) => Of(doc.Tokens);

    /// <summary>As <see cref="Of(Document)"/>, for a document's tokens.</summary>
    public T[] Of(TokenList tokens)
    {
        var s = _state.Value!;
        if (ReferenceEquals(s.Tokens, tokens))
        {
            return s.Facts;
        }

        var n = tokens.Count;
        if (s.Facts.Length < n || s.Facts.Length > KeepLimit && n <= KeepLimit)
        {
            s.Facts = new T[Math.Max(1024, (int)System.Numerics.BitOperations.RoundUpToPowerOf2((uint)n))];
        }

        var facts = s.Facts;
        var keys = s.Keys;
        var values = s.Values;
        var span = tokens.AsSpan();
        for (var i = 0; i < span.Length; i++)
        {
            ref readonly var t = ref span[i];
            var slot = t.WordSlot;
            if ((uint)slot < (uint)keys.Length)
            {
                if (!ReferenceEquals(keys[slot], t.Lower))
                {
                    values[slot] = _compute(t.Lower);
                    keys[slot] = t.Lower;
                }

                facts[i] = values[slot];
            }
            else
            {
                facts[i] = OfWord(t.Lower, s.Memo);
            }
        }

        s.Tokens = tokens;
        return facts;
    }

    private T OfWord(string lower, WordMemo<T> memo)
    {
        if (!memo.TryGet(lower, out var value))
        {
            value = _compute(lower);
            memo.Set(lower, value);
        }

        return value;
    }

    private sealed class State(int memoSlots)
    {
        /// <summary>The word each slot's value is for, slot for slot with <see cref="WordCache.Current"/>.</summary>
        public readonly string?[] Keys = new string?[WordCache.DefaultSlots];

        public readonly T[] Values = new T[WordCache.DefaultSlots];

        public readonly WordMemo<T> Memo = new(memoSlots);

        public T[] Facts = new T[1024];

        /// <summary>The tokens <see cref="Facts"/> is of (a document's tokens never change).</summary>
        public TokenList? Tokens;
    }
}
