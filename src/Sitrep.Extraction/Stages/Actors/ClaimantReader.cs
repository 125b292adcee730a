using System.Collections.Immutable;
using Sitrep.Core;
using Sitrep.Core.Claimants;
using Sitrep.Extraction.Text;

namespace Sitrep.Extraction.Stages.Actors;

/// <summary>
/// Reads who says what in one document: the claimants the text names and the words it attributes to each.
/// Structures, not phrasings (every word comes from claimant-words.tsv and speech-verbs.tsv):
/// <list type="bullet">
/// <item>a speech verb with its subject before it ("the air force said", "Kharkiv Mayor Ihor Terekhov reported",
/// "Ivan Fedorov, the head of …, announced", "Губернатор … заявил") or after it ("…, said Governor X",
/// "…, повідомив голова ОВА …", "сообщило Минобороны России", impersonal "повідомили в ОВА");</item>
/// <item>"according to X", "за словами X", "по данным X", "as reported by X", "This was reported by X";</item>
/// <item>a "Source:" line, a "Quote from X:" label, a headline "Governor X: …" or "… – officials";</item>
/// <item>pronouns and references back ("he wrote", "the ministry added", "уточнили в ведомстве", "the post
/// reads"): the claimant is the earlier one they refer to, never the pronoun;</item>
/// <item>attribution beyond the sentence: a quote takes the speaker of the words that close or open it, and
/// "X reported this" / "Про це повідомив X" takes the sentences before it.</item>
/// </list>
/// A name is kept when it is a name: a person's or body's name, a title ("the governor"), or a common noun with a
/// side, place or qualifier ("Ukrainian officials", "local authorities"); pronouns, bystanders, sentence fragments,
/// places, dates, and "officials", "the report", "media" alone never are. Names resolve in the registry for their
/// canonical id. One instance per document; not thread-safe.
/// </summary>
internal sealed class ClaimantReader
{
    /// <summary>How far back (in sentences) a pronoun or a "the ministry" may refer.</summary>
    private const int ReferenceReach = 12;

    /// <summary>How far (in characters) the words that attribute a quote may stand from it.</summary>
    private const int QuoteReach = 48;

    /// <summary>How many claimant kinds there are: a title naming fewer narrows the kinds (counted once; <see cref="Enum.GetValues{TEnum}()"/> copies its array on every call).</summary>
    private static readonly int KindCount = Enum.GetValues<ClaimantKind>().Length;

    private readonly Document _doc;
    private readonly TokenList _t;
    private readonly string _text;
    private readonly ClaimantRegistry _registry;
    private readonly Func<string, bool> _isPlace;
    private readonly ImmutableArray<SentenceMention> _sentences;
    /// <summary>Which tokens a place covers (the thread's buffer: only the first <see cref="_n"/> are this document's).</summary>
    private readonly bool[] _inPlace;

    /// <summary>Each token's word's facts, read once by the stage (the thread's buffer: the first <see cref="_n"/>).</summary>
    private readonly WordFacts[] _f;

    /// <summary>How many tokens the document has.</summary>
    private readonly int _n;

    private readonly ResolveMemo _memo;
    private readonly List<Known> _known = [];
    private readonly List<(TextSpan Cue, int Sentence, Claimant? Claimant, bool OpensQuote)> _cues = [];
    private readonly List<ClaimantMention> _claimants = [];
    private readonly List<SpeakerMention> _speakers = [];
    private int _groups;
    private readonly List<Claimant> _ambiguous = [];

    /// <summary>A claimant named so far: what later pronouns and "the ministry" may refer to.</summary>
    private sealed record Known(Claimant Claimant, bool IsPerson, int Position, int Sentence, string[] Words, ClaimantKind[] Kinds, int Group);

    /// <summary>Words that attribute: a name's tokens [Start, End), or a pronoun or "the post" (what they refer to is found later).</summary>
    private sealed record Cue(int Start, int End, string Rule, int Anchor)
    {
        public bool RefersBack { get; init; }
        public string? Pronoun { get; init; }
        public bool Message { get; init; }
        public bool OpensQuote { get; init; }
        public bool Relay { get; init; }
        public bool Headline { get; init; }
    }

    /// <param name="facts">Each token's <see cref="WordFacts.Of"/> its word (the words of <see cref="ClaimantLexicon.Default"/>), at least as many as the tokens.</param>
    /// <param name="inPlace">A buffer of at least as many flags as the tokens, for which tokens a place covers.</param>
    public ClaimantReader(Document doc, ClaimantRegistry registry, WordFacts[] facts, bool[] inPlace, Func<string, bool> isPlace)
    {
        _isPlace = isPlace;
        _doc = doc;
        _t = doc.Tokens;
        _n = _t.Count;
        _text = doc.Text;
        _registry = registry;
        _memo = ResolveMemo.For(registry);
        _sentences = doc.Layer<SentenceMention>(Layers.Sentences);
        if (facts.Length < _n || inPlace.Length < _n)
        {
            throw new ArgumentException("The buffers must hold a flag and a word's facts per token.");
        }

        _f = facts;
        _inPlace = inPlace;
        Array.Clear(inPlace, 0, _n);
        foreach (var p in doc.Layer<PlaceMention>(Layers.Places))
        {
            for (var k = p.TokenIndex; k < p.EndToken && k < _n; k++)
            {
                _inPlace[k] = true;
            }
        }
    }

    /// <summary>The claimant mentions and the speaker mentions of the document, in text order.</summary>
    public (List<ClaimantMention> Claimants, List<SpeakerMention> Speakers) Read()
    {
        var pendingHeadline = new List<(int Sentence, Cue Cue, WordInfo Head, string HeadWord, TextSpan Np)>();
        var found = new List<(Cue Cue, Claimant Claimant)>();
        for (var si = 0; si < _sentences.Length; si++)
        {
            var s = _sentences[si];
            found.Clear();
            foreach (var cue in Cues(s))
            {
                var before = found.Count;
                Resolve(cue, s, si, pendingHeadline, found);
                if (found.Count == before && (cue.Pronoun is not null || cue.Message))
                {
                    // "…,” he said' with no one to refer to: the quote is his, whoever he is, and no one else's
                    _cues.Add((Span(cue.Start, cue.End), si, null, false));
                }
            }

            if (found.Count == 0)
            {
                continue;
            }

            // An outlet that passes on an official's words in the same sentence is a relay, not the claimant.
            var named = 0;
            foreach (var f in found)
            {
                if (!IsOutlet(f.Claimant) && !f.Cue.Relay)
                {
                    named = 1; // only whether anyone is named matters
                    break;
                }
            }

            foreach (var (cue, c) in found)
            {
                if (named > 0 && (IsOutlet(c) || cue.Relay))
                {
                    _known.RemoveAll(k => ReferenceEquals(k.Claimant, c));
                    continue;
                }

                var cueSpan = Span(cue.Start < cue.End ? Math.Min(cue.Start, cue.Anchor) : cue.Anchor, Math.Max(cue.End, cue.Anchor + 1));
                _cues.Add((cueSpan, si, c, cue.OpensQuote));
                if (!cue.OpensQuote)
                {
                    _speakers.Add(new SpeakerMention(s.Span, c, cueSpan, cue.Rule));
                }

                if (cue.RefersBack && Before(si) is { } back)
                {
                    _speakers.Add(new SpeakerMention(back, c, cueSpan, cue.Rule + "/refers-back"));
                }
            }
        }

        foreach (var (si, cue, head, word, np) in pendingHeadline)
        {
            // A headline's "Governor:" names the governor the body names.
            var later = _known.FirstOrDefault(k => k.Sentence > si && Compatible(k, head, word));
            var c = later?.Claimant ?? (head is { Role: WordRole.Title, Keep: true } ? MakeClaimant(np, cue.Rule) : null);
            if (c is not null)
            {
                _speakers.Add(new SpeakerMention(_sentences[si].Span, c, np, cue.Rule));
            }
        }

        // "Air defence downed two drones. Mayor X reported this.": the one who tells of the act claims its figure.
        if (_speakers.Exists(o => o.Rule == OwnActRule))
        {
            _speakers.RemoveAll(o => o.Rule == OwnActRule && _speakers.Any(r => r.Rule.EndsWith("/refers-back", StringComparison.Ordinal) && r.Span.Start <= o.Span.Start && o.Span.End <= r.Span.End));
        }

        Quotes();
        ResolveAmbiguous();
        for (var k = 0; k < _speakers.Count; k++)
        {
            if (_speakers[k].Claimant.Canonical is { } id && _registry.TryGet(id, out var entry))
            {
                _speakers[k] = _speakers[k] with { Entry = entry };
            }
        }

        _speakers.Sort((a, b) => a.Span.Start.CompareTo(b.Span.Start));
        _claimants.Sort((a, b) => a.Span.Start.CompareTo(b.Span.Start));
        return (_claimants, _speakers);
    }

    private bool IsOutlet(Claimant c) => c.Canonical is { } id && _registry.TryGet(id, out var e) && e.Kind == ClaimantKind.Outlet;

    // ---------------------------------------------------------------- cues

    /// <summary>The one list <see cref="Cues"/> fills, sentence after sentence (read before the next sentence's).</summary>
    private readonly List<Cue> _sentenceCues = [];

    private List<Cue> Cues(SentenceMention s)
    {
        var first = s.FirstToken;
        var end = s.EndToken;
        var cues = _sentenceCues;
        cues.Clear();

        // "Source: Serhii Lysak, Head of …, on Telegram" / "Джерело: …" / "Источник: …, ГСЧС"
        if (first + 1 < end && Role(first) == WordRole.SourceLabel && IsPunct(first + 1, ":"))
        {
            var j = first + 2;
            while (j < end)
            {
                var (a, b) = Cyr(j) ? CyRight(j, end) : EnRight(j, end, apposition: true);
                if (b > a)
                {
                    cues.Add(new Cue(a, b, "source-label", first) { RefersBack = true });
                }

                j = Math.Max(b, j + 1);
                while (j < end && !IsPunct(j, ",") && !IsPunct(j, ";"))
                {
                    j++;
                }

                j++;
            }

            return cues;
        }

        // "Quote from Kim:" — the speaker of the quote that follows.
        if (first + 2 < end && Role(first) == WordRole.QuoteLabel && Info(first + 1) is { Role: WordRole.Connector, Value: "in" } or { Role: WordRole.Prep, Value: "from" })
        {
            var colon = Next(first + 2, end, ":");
            if (colon > first + 2)
            {
                cues.Add(new Cue(first + 2, colon, "quote-label", first) { OpensQuote = true });
                return cues;
            }
        }

        // "Air Force: Ukraine downs 92 of 151 aerial targets" — a body the registry knows, then a colon, opens a line of its words
        var lead = Next(first, Math.Min(end, first + 5), ":");
        if (!s.IsHeadline && lead > first && Resolve(first, lead, Side.Unknown) is { Rule: "alias" })
        {
            cues.Add(new Cue(first, lead, "line-colon", lead));
        }

        if (s.IsHeadline)
        {
            // "Governor Gladkov: a person died …"
            var colon = Next(first, Math.Min(end, first + 7), ":");
            if (colon > first)
            {
                cues.Add(new Cue(first, colon, "headline-colon", colon) { Headline = true });
            }

            // "Death toll rises to 11 – officials"
            for (var d = end - 2; d > first && d >= end - 6; d--)
            {
                if (IsPunct(d, "-"))
                {
                    cues.Add(new Cue(d + 1, end, "headline-dash", d) { Headline = true });
                    break;
                }
            }
        }

        for (var i = first; i < end; i++)
        {
            if (!IsWord(i))
            {
                continue;
            }

            var w = L(i);

            // Only a word of claimant-words.tsv or speech-verbs.tsv, or "according", opens a cue below.
            if (_f[i].Info is null && !_f[i].Verb && w != "according")
            {
                continue;
            }

            // "according to X"
            if (w == "according" && i + 1 < end && L(i + 1) == "to")
            {
                if (i + 2 < end && Role(i + 2) == WordRole.Pronoun)
                {
                    cues.Add(new Cue(i + 2, i + 3, "according-to", i) { Pronoun = Info(i + 2)!.Value });
                    continue;
                }

                var (a, b) = EnRight(SourceOfText(i + 2, end), end, apposition: true);
                if (b > a)
                {
                    cues.Add(new Cue(a, b, "according-to", i));
                }

                continue;
            }

            // "за словами X", "по данным X", "згідно з даними X"
            if (Role(i) == WordRole.AccordingPrep)
            {
                // "за його словами", "по ее данным": the pronoun stands before the noun and names the earlier speaker
                if (i + 2 < end && Role(i + 1) == WordRole.Pronoun && Role(i + 2) == WordRole.According)
                {
                    cues.Add(new Cue(i + 1, i + 2, "according-to", i) { Pronoun = Info(i + 1)!.Value });
                    continue;
                }

                var n = i + 1 < end && Role(i + 1) == WordRole.According ? i + 1
                    : i + 2 < end && Role(i + 1) == WordRole.AccordingPrep && Role(i + 2) == WordRole.According ? i + 2 : -1;
                if (n > 0 && n + 2 < end && Info(n + 1) is { Role: WordRole.Prep, Value: "on" })
                {
                    n++;
                }

                // "з посиланням на Telegram Повітряних сил": past where the words were posted
                while (n > 0 && n + 2 < end && Role(n + 1) == WordRole.Channel)
                {
                    n++;
                }

                if (n > 0 && n + 1 < end)
                {
                    if (Role(n + 1) == WordRole.Pronoun)
                    {
                        cues.Add(new Cue(n + 1, n + 2, "according-to", i) { Pronoun = Info(n + 1)!.Value });
                        continue;
                    }

                    var (a, b) = CyRight(n + 1, end);
                    if (b > a)
                    {
                        cues.Add(new Cue(a, b, "according-to", i));
                    }
                }

                continue;
            }

            if (Role(i) == WordRole.Act && !Cap(i))
            {
                OwnAct(i, first, cues);
                continue;
            }

            if (!_f[i].Verb)
            {
                continue;
            }

            var kind = _f[i].VerbKind;

            if (Cyr(i))
            {
                CyVerb(i, kind, first, end, cues);
            }
            else
            {
                EnVerb(i, kind, first, end, cues);
            }
        }

        // A body's own act gives its figure only when no one in the sentence is said to tell it.
        if (cues.Exists(c => c.Rule != OwnActRule))
        {
            cues.RemoveAll(c => c.Rule == OwnActRule);
        }

        // The first of the cues with the same words, pronoun and kind, in order.
        var kept = 0;
        for (var n = 0; n < cues.Count; n++)
        {
            var c = cues[n];
            var seen = false;
            for (var m = 0; m < kept && !seen; m++)
            {
                var d = cues[m];
                seen = d.Start == c.Start && d.End == c.End && d.Pronoun == c.Pronoun && d.Message == c.Message;
            }

            if (!seen)
            {
                cues[kept++] = c;
            }
        }

        cues.RemoveRange(kept, cues.Count - kept);
        return cues;
    }

    private const string OwnActRule = "own-act";

    /// <summary>
    /// "Ukraine's air defence downed 102 missiles", "Сили ППО збили 30 дронів": the subject of a military act claims its
    /// figure, when the registry knows it as an air force, military or defence ministry ("Russia downed" names no one).
    /// </summary>
    private void OwnAct(int i, int first, List<Cue> cues)
    {
        var k = i - 1;
        while (k >= first && IsWord(k) && Role(k) == WordRole.Adverb)
        {
            k--;
        }

        if (k < first || Role(k) == WordRole.Be)
        {
            return;
        }

        var (a, b) = Cyr(i) ? CyLeft(k, first) : EnLeft(k, first);
        if (b > a && Resolve(a, b, ContextSide(a, b)) is { Entry.Kind: ClaimantKind.AirForce or ClaimantKind.Military or ClaimantKind.DefenceMinistry or ClaimantKind.GeneralStaff })
        {
            cues.Add(new Cue(a, b, OwnActRule, i));
        }
    }

    private void EnVerb(int i, VerbKind kind, int first, int end, List<Cue> cues)
    {
        // "TASS, citing a statement from the Russian Ministry of Defense, reported" / "media cited a Defense Ministry statement"
        if (kind == VerbKind.Cite)
        {
            var (ca, cb) = EnRight(SourceOfText(i + 1, end), end, apposition: true);
            if (cb > ca)
            {
                cues.Add(new Cue(ca, cb, "citing", i));
            }

            var (ra, rb) = EnLeft(i - 1, first);
            if (rb > ra)
            {
                cues.Add(new Cue(ra, rb, "citing", i) { Relay = true });
            }

            return;
        }

        // "X reported this", "X reported on this", "X wrote about this": the words just said are X's
        var after = i + 2 < end && L(i + 1) is "on" or "about" && L(i + 2) is "this" ? i + 2 : i + 1;
        var refersBack = after < end && L(after) is "this" && (after + 1 >= end || !IsWord(after + 1) || Role(after + 1) is WordRole.Connector or WordRole.NotName)
            || first + 1 < end && L(first) is "this" or "about" && i - first <= 4;

        // "was reported by X", "as reported by Ukrinform", "was announced during a briefing by X"
        for (var by = i + 1; by < end && by <= i + 5; by++)
        {
            if (L(by) == "by")
            {
                var (a, b) = EnRight(by + 1, end, apposition: true);
                if (b > a)
                {
                    cues.Add(new Cue(a, b, "reported-by", i) { RefersBack = refersBack });
                    return;
                }

                break;
            }

            if (!IsWord(by) || Verb(by) || Role(by) is WordRole.Pronoun || Role(by) == WordRole.Boundary && L(by) != "during" || Cap(by))
            {
                break;
            }
        }

        var k = i - 1;
        while (k >= first && IsWord(k) && Role(k) == WordRole.Adverb)
        {
            k--;
        }

        if (k >= first && Role(k) == WordRole.Be)
        {
            return; // "no casualties were reported": a passive names no one
        }

        if (k >= first && Role(k) == WordRole.Pronoun && (k == first || !EnNp(k - 1)))
        {
            cues.Add(new Cue(k, k + 1, "speech", i) { Pronoun = Info(k)!.Value, RefersBack = refersBack });
            return;
        }

        if (k >= first && Role(k) == WordRole.Message && k - 1 >= first && IsDefinite(k - 1) && (k - 1 == first || !EnNp(k - 2)))
        {
            cues.Add(new Cue(k - 1, k + 1, "speech", i) { Message = true });
            return;
        }

        var (la, lb) = EnLeft(k, first);
        if (lb > la)
        {
            cues.Add(new Cue(la, lb, "speech", i) { RefersBack = refersBack, Relay = kind == VerbKind.Relay });
            return;
        }

        // "…, said Governor X" / "“…,” said X" / "…, the ministry said" handled above
        var inverted = k >= first && (IsPunct(k, ",") || IsPunct(k, "\"") || IsPunct(k, "-") || IsPunct(k, "'")) || k < first;
        if (inverted && i + 1 < end && L(i) is not "told" and not "tells")
        {
            if (Role(i + 1) == WordRole.Pronoun)
            {
                cues.Add(new Cue(i + 1, i + 2, "speech-inverted", i) { Pronoun = Info(i + 1)!.Value });
                return;
            }

            var (a, b) = EnRight(i + 1, end, apposition: true);
            if (b > a)
            {
                cues.Add(new Cue(a, b, "speech-inverted", i) { Relay = kind == VerbKind.Relay });
            }
        }
    }

    private void CyVerb(int i, VerbKind kind, int first, int end, List<Cue> cues)
    {
        // "Про це повідомив X", "Об этом губернатор … сообщил": the words just said are X's
        var refersBack = false;
        for (var k = first; k + 1 < i; k++)
        {
            refersBack |= Role(k) == WordRole.About && Role(k + 1) == WordRole.This;
        }

        // "йдеться у повідомленні X", "говорится в сообщении Минобороны", "сказано в сообщении"
        if (kind == VerbKind.Impersonal)
        {
            var j = i + 1;
            if (j + 1 < end && Role(j) == WordRole.Prep && Role(j + 1) == WordRole.Message)
            {
                var (a, b) = CyRight(j + 2, end);
                cues.Add(b > a ? new Cue(a, b, "text-says", i) : new Cue(j, j + 2, "text-says", i) { Message = true });
            }

            return;
        }

        // "посилаючись на Повітряні сили", "ссылаясь на Минобороны"
        if (kind == VerbKind.Cite)
        {
            var on = i + 1 < end && Info(i + 1) is { Role: WordRole.Prep, Value: "on" } ? i + 2 : i + 1;
            var (ca, cb) = CyRight(on, end);
            if (cb > ca)
            {
                cues.Add(new Cue(ca, cb, "citing", i));
            }

            return;
        }

        var left = i - 1;
        while (left >= first && IsWord(left) && Role(left) == WordRole.Adverb)
        {
            left--;
        }

        if (left >= first && Role(left) == WordRole.Pronoun)
        {
            cues.Add(new Cue(left, left + 1, "speech", i) { Pronoun = Info(left)!.Value, RefersBack = refersBack });
            return;
        }

        // "З заявою виступив X", "С заявлением выступил X": the noun before the verb is what was said, the speaker follows.
        if (left >= first && IsWord(left) && Role(left) is not (WordRole.According or WordRole.Message))
        {
            var (a, b) = CyLeft(left, first);
            if (b > a)
            {
                cues.Add(new Cue(a, b, "speech", i) { RefersBack = refersBack, Relay = kind == VerbKind.Relay });
                return;
            }
        }

        var r = i + 1;
        while (r < end && IsWord(r) && Role(r) == WordRole.Adverb)
        {
            r++;
        }

        if (r >= end)
        {
            return;
        }

        if (Role(r) == WordRole.Pronoun)
        {
            cues.Add(new Cue(r, r + 1, "speech-inverted", i) { Pronoun = Info(r)!.Value, RefersBack = refersBack });
            return;
        }

        // "повідомили в Донецькій обласній прокуратурі", "уточнили в ведомстве"
        if (kind == VerbKind.Plural && Info(r) is { Role: WordRole.Prep, Value: "in" })
        {
            while (r + 2 < end && Info(r + 1) is { Role: WordRole.Prep, Value: "in" })
            {
                r++; // "рассказали в в Воздушных силах": a doubled preposition
            }

            var (a, b) = CyRight(r + 1, end);
            if (b > a)
            {
                cues.Add(new Cue(a, b, "impersonal-in", i) { RefersBack = refersBack });
            }

            return;
        }

        // "повідомив у ефірі телеканалів речник Повітряних сил …": past where and how, to who
        var skipped = 0;
        while (r < end && IsWord(r) && Role(r) is WordRole.Prep or WordRole.Channel && skipped < 5)
        {
            r++;
            skipped++;
            while (r < end && IsWord(r) && !CyStart(r) && skipped < 5)
            {
                r++;
                skipped++;
            }
        }

        if (r < end && CyStart(r))
        {
            var (a, b) = CyRight(r, end);
            if (b > a)
            {
                cues.Add(new Cue(a, b, "speech-inverted", i) { RefersBack = refersBack, Relay = kind == VerbKind.Relay });
            }
        }
    }

    // ---------------------------------------------------------------- English names

    /// <summary>A token an English name may hold: a capitalized word that is not a clause word, or a title, modifier, generic, qualifier, witness or determiner.</summary>
    private bool EnNp(int i)
    {
        if (i < 0 || i >= _t.Count || !IsWord(i) || Verb(i))
        {
            return false;
        }

        var role = Role(i);
        if (role is WordRole.Title or WordRole.Modifier or WordRole.Generic or WordRole.Qualifier or WordRole.Witness or WordRole.Determiner or WordRole.SourceLabel or WordRole.Message)
        {
            return true;
        }

        return Cap(i) && role is null or WordRole.Act; // "Shot", an outlet, is no act
    }

    /// <summary>The name that ends at <paramref name="k"/> (inclusive) and is the subject of a verb after it: [start, end), or empty.</summary>
    private (int, int) EnLeft(int k, int first)
    {
        if (k < first)
        {
            return (0, 0);
        }

        // "Ivan Fedorov, the head of the … Administration, announced" / "Chief of the …, Roman Mrochko, posted"
        if (IsPunct(k, ","))
        {
            var b0 = ScanLeft(k - 1, first);
            if (b0 < k && b0 - 1 > first && IsPunct(b0 - 1, ","))
            {
                var a0 = ScanLeft(b0 - 2, first);
                if (a0 < b0 - 1 && (HasPersonName(a0, b0 - 1) && HasTitle(b0, k) || HasTitle(a0, b0 - 1) && HasPersonName(b0, k) && !HasTitle(b0, k)))
                {
                    return (a0, k);
                }

                // "The one from the Oriol region, Andreï Klychkov, reported" / "North Ossetia-Alania, Gov. Sergey Menyaylo, said":
                // the name between the commas
                if (b0 < k && HasPersonName(b0, k) && (Enumerable.Range(b0, k - b0).All(x => Cap(x) && Info(x) is null) || NameAfterTitle(b0, k)))
                {
                    return (b0, k);
                }
            }

            // "The Ukrainian authorities, for their part, have revised": an aside between the name and its verb
            for (var p = k - 1; p > first && p >= k - 5; p--)
            {
                if (IsPunct(p, ","))
                {
                    var aside = Enumerable.Range(p + 1, k - p - 1).All(x => IsWord(x) && !Cap(x) && !Verb(x) && Role(x) is not (WordRole.Title or WordRole.Generic or WordRole.Witness));
                    if (aside && p - 1 >= first && !IsPunct(p - 1, ","))
                    {
                        var subject = ScanLeft(p - 1, first);
                        if (subject < p)
                        {
                            return (subject, p);
                        }
                    }

                    break;
                }
            }

            return (0, 0);
        }

        var start = ScanLeft(k, first);
        return start <= k ? (start, k + 1) : (0, 0);
    }

    /// <summary>The first token of the English name that ends at <paramref name="k"/>; k + 1 when there is none.</summary>
    private int ScanLeft(int k, int first)
    {
        var start = k + 1;
        for (var j = k; j >= first; j--)
        {
            if (EnNp(j))
            {
                start = j;
                continue;
            }

            // "Gov. Roman Busargin": the full stop of an abbreviated title; "Censor.NET": a dot inside a name
            if (IsPunct(j, ".") && start == j + 1 && (j - 1 >= first && Role(j - 1) == WordRole.Title && L(j - 1).Length <= 4 || InnerDot(j)))
            {
                start = j;
                continue;
            }

            // "Ukrainian Railways (Ukrzaliznytsia)": a name in brackets after a name
            if (IsPunct(j, ")") && start == j + 1 && j - 2 >= first && IsPunct(j - 2, "(") && EnNp(j - 1) && j - 3 >= first && EnNp(j - 3))
            {
                start = j - 2;
                j -= 2;
                continue;
            }

            if (Info(j) is { Role: WordRole.Connector } conn && start == j + 1 && j - 1 >= first && EnNp(j - 1) && !(IsDeterminer(j - 1)))
            {
                var ok = conn.Value switch
                {
                    "of" => true,
                    "in" => Role(j - 1) is WordRole.Generic or WordRole.Title or WordRole.Message,
                    _ => (HasName(j + 1, Math.Min(j + 4, _t.Count)) || Role(j + 1) == WordRole.Title) && (Cap(j - 1) || Role(j - 1) == WordRole.Title),
                };
                if (ok)
                {
                    start = j;
                    continue;
                }
            }

            break;
        }

        // "Governor X and (a number of) local media reported": the name before "and" speaks too
        if (start <= k && CollectiveName(start, k + 1))
        {
            for (var q = start - 1; q - 1 >= first && q >= start - 4; q--)
            {
                if (Info(q) is { Role: WordRole.Connector, Value: "and" } && Cap(q - 1) && EnNp(q - 1))
                {
                    return ScanLeft(q - 1, first);
                }

                if (!IsWord(q) || Cap(q) || Verb(q) || Role(q) is WordRole.Boundary or WordRole.Pronoun)
                {
                    break;
                }
            }
        }

        return start;
    }

    /// <summary>A collective with a qualifier, side or place and no name: "local media", "regional authorities".</summary>
    private bool CollectiveName(int a, int b)
    {
        var generic = false;
        var qualified = false;
        for (var k = a; k < b; k++)
        {
            generic |= Info(k) is { Role: WordRole.Generic, Value: "people" };
            qualified |= Role(k) is WordRole.Qualifier or WordRole.Modifier || SideAt(k) != Side.Unknown || _inPlace[k];
        }

        return generic && qualified && !HasName(a, b);
    }

    /// <summary>The English name that starts at <paramref name="j"/>, up to a clause word, a preposition of place or time, or punctuation; with <paramref name="apposition"/>, ", head of …" after a name joins it.</summary>
    private (int, int) EnRight(int j, int end, bool apposition)
    {
        if (j >= end || !EnNp(j) || Role(j) == WordRole.Witness)
        {
            return (0, 0);
        }

        var k = j;
        while (k < end)
        {
            if (EnNp(k))
            {
                k++;
                continue;
            }

            if (IsPunct(k, ".") && k > j && k + 1 < end && (Role(k - 1) == WordRole.Title && L(k - 1).Length <= 4 && Cap(k + 1) || InnerDot(k)))
            {
                k++;
                continue;
            }

            if (IsPunct(k, "(") && k > j && k + 2 < end && EnNp(k + 1) && IsPunct(k + 2, ")"))
            {
                k += 3;
                continue;
            }

            if (Info(k) is { Role: WordRole.Connector } conn && k + 1 < end && EnNp(k + 1))
            {
                var ok = conn.Value switch
                {
                    "of" => true,
                    "in" => Role(k - 1) == WordRole.Generic,
                    _ => HasName(j, k) && (Cap(k + 1) || Role(k + 1) == WordRole.Title),
                };
                if (ok)
                {
                    k++;
                    continue;
                }
            }

            break;
        }

        // "Brigadier General Kyrylo Budanov, head of Ukraine's defense intelligence agency"
        if (apposition && k + 1 < end && IsPunct(k, ",") && HasName(j, k) && !HasTitle(j, k) && (Role(k + 1) == WordRole.Title || IsDeterminer(k + 1) && k + 2 < end && Role(k + 2) == WordRole.Title))
        {
            var (a, b) = EnRight(k + 1, end, apposition: false);
            if (b > a && HasTitle(a, b))
            {
                return (j, b);
            }
        }

        // "the head of the Kharkiv Regional Military Administration, Oleh Syniehubov," / "the city mayor, Ihor Terekhov."
        if (apposition && k + 1 < end && IsPunct(k, ",") && HasTitle(j, k) && !NameAfterTitle(j, k))
        {
            var n = k + 1;
            while (n < end && n - k <= 4 && IsWord(n) && Cap(n) && Info(n) is null && !Verb(n))
            {
                n++;
            }

            if (n > k + 1 && (n >= end || !IsWord(n) || Role(n) is WordRole.Boundary or WordRole.NotName or WordRole.Connector) && !(n < end && IsWord(n) && Cap(n)))
            {
                return (j, n);
            }
        }

        return (j, k);
    }

    /// <summary>"the updated data of Odesa RMA", "a statement from the ministry": where the source named after a text begins; <paramref name="j"/> otherwise.</summary>
    private int SourceOfText(int j, int end)
    {
        for (var k = j; k < end && k <= j + 4 && IsWord(k); k++)
        {
            if ((Role(k) == WordRole.Message || Info(k) is { Role: WordRole.Generic, Value: "info" }) && k + 2 < end && Info(k + 1) is { Role: WordRole.Connector } c && c.Value is "of" or "in" && L(k + 1) is "of" or "from" or "by" && EnNp(k + 2))
            {
                return k + 2;
            }

            if (!(IsDeterminer(k) || Role(k) is WordRole.Modifier or WordRole.Qualifier or WordRole.Message or WordRole.Generic || Verb(k) || Role(k) is null && !Cap(k)))
            {
                break;
            }
        }

        return j;
    }

    // ---------------------------------------------------------------- Ukrainian and Russian names

    /// <summary>A token a Ukrainian or Russian name may hold: a word that is no preposition, conjunction, adverb, channel, pronoun or verb.</summary>
    private bool CyNp(int i)
    {
        if (i < 0 || i >= _t.Count || !IsWord(i) || Verb(i) || _t[i].Kind == TokenKind.Number)
        {
            return false;
        }

        return Role(i) is null or WordRole.Title or WordRole.Modifier or WordRole.Generic or WordRole.Qualifier or WordRole.Witness;
    }

    /// <summary>A token a Ukrainian or Russian name may open with: a title, modifier, qualifier or generic, or a capitalized word.</summary>
    private bool CyStart(int i) => CyNp(i) && (Role(i) is WordRole.Title or WordRole.Modifier or WordRole.Qualifier or WordRole.Generic || Cap(i));

    private (int, int) CyLeft(int k, int first)
    {
        var start = k + 1;
        for (var j = k; j >= first && k - j < 10 && CyNp(j); j--)
        {
            start = j;
        }

        // The name opens at its first title, modifier or capitalized word: "У середу губернатор …" → "губернатор …".
        while (start <= k && !CyStart(start))
        {
            start++;
        }

        // A lone capitalized word at the start of a sentence is a name only when the registry knows it or a title goes with it.
        if (start == k && start == first && Role(start) is null && Resolve(L(start)) is null)
        {
            return (0, 0);
        }

        return start <= k ? (start, k + 1) : (0, 0);
    }

    private (int, int) CyRight(int j, int end)
    {
        if (j >= end || !CyStart(j))
        {
            return (0, 0);
        }

        var k = j;
        while (k < end && k - j < 10 && CyNp(k))
        {
            k++;
        }

        return (j, k);
    }

    // ---------------------------------------------------------------- resolving a cue to claimants

    /// <summary>Adds to <paramref name="found"/> the claimants <paramref name="cue"/> names or refers to, in order.</summary>
    private void Resolve(Cue cue, SentenceMention s, int si, List<(int, Cue, WordInfo, string, TextSpan)> pendingHeadline, List<(Cue Cue, Claimant Claimant)> found)
    {
        var position = _t[cue.Start].Start;
        var group = ++_groups;
        if (cue.Pronoun is { } kind)
        {
            // "they added" after "X and Y both stated": both of them
            if (kind == "group" && Antecedent(position, si, _ => true) is { } last && _known.Count(x => x.Group == last.Group) > 1)
            {
                foreach (var member in _known.Where(x => x.Group == last.Group))
                {
                    found.Add((cue, member.Claimant));
                }

                return;
            }

            var k = Antecedent(position, si, kind == "person" ? k => k.IsPerson : k => !k.IsPerson) ?? (kind == "group" ? Antecedent(position, si, _ => true) : null);
            if (k is not null)
            {
                found.Add((cue, k.Claimant));
            }

            return;
        }

        if (cue.Message)
        {
            if (Antecedent(position, si, _ => true) is { } k)
            {
                found.Add((cue, k.Claimant));
            }

            return;
        }

        Split(cue.Start, cue.End, _parts);
        foreach (var (a, b) in _parts)
        {
            var (na, nb) = Trim(a, b, s.FirstToken);
            if (nb > na && SourceOfText(na, nb) is var src && src > na)
            {
                (na, nb) = Trim(src, nb, s.FirstToken); // "a report from the Russian military" → the Russian military
            }

            if (nb <= na)
            {
                continue;
            }

            switch (Classify(na, nb, s.FirstToken, out var head, out var headWord, out var possessor))
            {
                case Reading.Name:
                    // A headline's "… – Sections" or "Skip to content:" is page furniture unless it names a known body or an office.
                    if (cue.Headline && !HasTitle(na, nb) && Resolve(na, nb, ContextSide(na, nb)) is null)
                    {
                        break;
                    }

                    var c = MakeClaimant(Span(na, nb), cue.Rule);
                    if (c is not null)
                    {
                        Remember(c, na, nb, si, group);
                        found.Add((cue, c));
                    }

                    break;
                case Reading.Possessor:
                    var p = MakeClaimant(possessor, cue.Rule);
                    if (p is not null)
                    {
                        Remember(p, na, na + 1, si, group);
                        found.Add((cue, p));
                    }

                    break;
                case Reading.Message:
                    if (Antecedent(position, si, _ => true) is { } m)
                    {
                        found.Add((cue, m.Claimant));
                    }

                    break;
                case Reading.Reference:
                    var earlier = Antecedent(position, si, k => Compatible(k, head!, headWord!));
                    if (earlier is not null)
                    {
                        found.Add((cue, earlier.Claimant));
                    }
                    else if (cue.Headline)
                    {
                        pendingHeadline.Add((si, cue, head!, headWord!, Span(na, nb)));
                    }
                    else if (head is { Role: WordRole.Title, Keep: true } && MakeClaimant(Span(na, nb), cue.Rule) is { } kept)
                    {
                        Remember(kept, na, nb, si, group);
                        found.Add((cue, kept));
                    }

                    break;
            }
        }
    }

    private enum Reading
    {
        None,
        Name,
        Reference,
        Message,
        Possessor,
    }

    /// <summary>
    /// What the words [a, b) are: a name; a reference back ("the governor", "the ministry", "в ведомстве");
    /// a text ("the statement") whose author is the claimant; a possessor ("Zelenskiy's post"); or nothing.
    /// </summary>
    private Reading Classify(int a, int b, int first, out WordInfo? head, out string? headWord, out TextSpan possessor)
    {
        head = null;
        headWord = null;
        possessor = default;
        if (b - a > 16)
        {
            return Reading.None;
        }

        int names = 0, titles = 0, properTitles = 0, people = 0, qualifiers = 0, sides = 0, places = 0, witnesses = 0, content = 0;
        var headAt = -1;
        for (var k = a; k < b; k++)
        {
            if (!IsWord(k))
            {
                continue;
            }

            var info = Info(k);
            var side = SideAt(k) != Side.Unknown;
            switch (info?.Role)
            {
                case WordRole.Title:
                    titles++;
                    properTitles += Cap(k) && k != first && !AllCaps(k) ? 1 : 0;
                    headAt = k;
                    head = info;
                    break;
                case WordRole.Generic or WordRole.SourceLabel:
                    people += info.Value == "info" ? 0 : 1;
                    headAt = k;
                    head = info;
                    break;
                case WordRole.Message:
                    headAt = k;
                    head = info;
                    break;
                case WordRole.Qualifier or WordRole.Modifier:
                    qualifiers++; // "local authorities", "regional authorities", "state media"
                    break;
                case WordRole.Witness:
                    witnesses++;
                    break;
                case null when side:
                    sides++;
                    break;
                case null when _inPlace[k]:
                    places++;
                    break;
                case null when Cap(k):
                    names++;
                    headAt = k;
                    break;
            }

            if (info?.Role is not (WordRole.Determiner or WordRole.Connector))
            {
                content++;
            }
        }

        if (headAt >= 0)
        {
            headWord = StripPossessive(L(headAt));
        }

        if (witnesses > 0 && titles == 0)
        {
            return Reading.None; // "a woman", "residents", "a 47-year-old woman named Yulia"
        }

        if (IsIndefinite(a) && titles == 0)
        {
            return Reading.None; // "a source", "an official"… without an office
        }

        // "the statement", "Zelenskiy's post", "preliminary information"
        if (head?.Role == WordRole.Message || head is { Role: WordRole.Generic, Value: "info" } && headAt == LastWord(a, b))
        {
            for (var k = headAt - 1; k >= a; k--)
            {
                if (L(k).EndsWith("'s", StringComparison.Ordinal) && EnNp(k))
                {
                    possessor = new TextSpan(_t[a].Start, _t[k].End - 2);
                    return Reading.Possessor;
                }
            }

            return head.Role == WordRole.Message && IsDefinite(a) ? Reading.Message : Reading.None;
        }

        // "Editor's note", "the Ukrainian claims": a possessive or an adjective is no name without its noun; but "Governor
        // Alexander Bogomaz's Telegram channel": the channel after the possessive is the possessor's, who speaks.
        var last = LastWord(a, b);
        if (last >= 0 && L(last).EndsWith("'s", StringComparison.Ordinal) && last == b - 1 && b < _t.Count && Role(b) == WordRole.Channel && HasName(a, last + 1))
        {
            possessor = new TextSpan(_t[a].Start, _t[last].End - 2);
            return Reading.Possessor;
        }

        if (last >= 0 && (L(last).EndsWith("'s", StringComparison.Ordinal) || SideAt(last) != Side.Unknown && content == 1 && !IsCountry(a, b)))
        {
            return Reading.None;
        }

        if (Resolve(a, b, ContextSide(a, b)) is { Rule: "alias" })
        {
            return Reading.Name; // "the air force", "the General Staff", "Belarus"
        }

        // "Kyiv says", "Moscow claimed": a place for its government is no claimant
        if (titles == 0 && people == 0 && names > 0 && names <= 3 && _isPlace(_doc.Slice(Span(IsDeterminer(a) ? a + 1 : a, b))))
        {
            return Reading.None;
        }

        if (names == 0 && titles == 0)
        {
            if (people > 0)
            {
                if (qualifiers + sides + places > 0)
                {
                    return Reading.Name; // "Ukrainian officials", "local authorities", "Authorities in Russia's Bryansk region"
                }

                return IsDefinite(a) ? Reading.Reference : Reading.None; // "the officials added" / "officials said"
            }

            return Reading.None; // places, dates, fragments
        }

        if (names == 0 && properTitles == 0 && places == 0 && sides == 0 && titles > 0)
        {
            return Reading.Reference; // "the governor", "the city mayor", "the head of the city", "очільник області"
        }

        return Reading.Name;
    }

    private static bool Compatible(Known k, WordInfo head, string word)
    {
        if (Array.IndexOf(k.Words, word) >= 0 || Array.IndexOf(k.Words, word.TrimEnd('s')) >= 0)
        {
            return true;
        }

        if (head.Kinds is not { } kinds || kinds.Length >= KindCount)
        {
            return false;
        }

        foreach (var x in k.Kinds)
        {
            if (kinds.Contains(x))
            {
                return true;
            }
        }

        return false;
    }

    private Known? Antecedent(int position, int sentence, Func<Known, bool> ok)
    {
        for (var n = _known.Count - 1; n >= 0; n--)
        {
            var k = _known[n];
            if (k.Position >= position)
            {
                continue;
            }

            if (sentence - k.Sentence > ReferenceReach)
            {
                break;
            }

            if (ok(k))
            {
                return k;
            }
        }

        return null;
    }

    private Claimant? MakeClaimant(TextSpan span, string rule)
    {
        var chars = _text.AsSpan(span.Start, span.Length).Trim().TrimEnd(",;:").Trim();
        if (chars.Length == 0)
        {
            return null;
        }

        var name = chars.ToString();

        var trimmed = new TextSpan(span.Start, span.Start + name.Length);
        var wordSide = SideOfWords(trimmed);
        var resolved = Resolve(name, wordSide != Side.Unknown ? wordSide : RecentSide(), out var ambiguous);
        var first = FirstTokenAt(trimmed.Start);
        var end = first;
        while (end < _t.Count && _t[end].End <= trimmed.End)
        {
            end++;
        }

        var person = end > first && PersonAt(first, end, resolved?.Entry.Kind);
        var c = new Claimant(name, resolved?.Entry.Side ?? wordSide, trimmed) { Canonical = resolved?.Entry.Id, IsPerson = person };
        if (resolved is null && ambiguous)
        {
            _ambiguous.Add(c); // "the President", "the defence ministry": the article's side decides, once it is read
        }

        var fullness = 0;
        for (var k = FirstTokenAt(trimmed.Start); k < _t.Count && _t[k].End <= trimmed.End; k++)
        {
            fullness += !IsWord(k) ? 0 : Role(k) == WordRole.Title || _inPlace[k] ? 1 : Cap(k) && Info(k) is null && SideAt(k) == Side.Unknown ? 2 : 0;
        }

        _claimants.Add(new ClaimantMention(trimmed, c, "claimants/" + rule) { Fullness = fullness, IsPerson = person });
        return c;
    }

    private void Remember(Claimant c, int a, int b, int si, int group)
    {
        // Its words, each once (what "the governor", "the ministry" may match), as a set was.
        var count = 0;
        for (var k = a; k < b; k++)
        {
            count += IsWord(k) ? 1 : 0;
        }

        var words = new string[count];
        count = 0;
        for (var k = a; k < b; k++)
        {
            if (IsWord(k))
            {
                var w = StripPossessive(L(k));
                if (Array.IndexOf(words, w, 0, count) < 0)
                {
                    words[count++] = w;
                }
            }
        }

        if (count < words.Length)
        {
            Array.Resize(ref words, count);
        }

        ClaimantKind? kind = c.Canonical is { } id && _registry.TryGet(id, out var e) ? e.Kind : null;
        var kinds = new List<ClaimantKind>(2);
        if (kind is { } known)
        {
            kinds.Add(known);
        }

        for (var k = a; k < b; k++)
        {
            // The kinds its titles name ("administration": regional or city authority); "head", "official" name any.
            if (Info(k) is { Role: WordRole.Title, Kinds: { } tk } && tk.Length < KindCount)
            {
                foreach (var x in tk)
                {
                    if (!kinds.Contains(x))
                    {
                        kinds.Add(x);
                    }
                }
            }
        }

        _known.Add(new Known(c, PersonAt(a, b, kind), _t[a].Start, si, words, [.. kinds], group));
    }

    /// <summary>
    /// The words [a, b) name a person: a title of a person ("governor", "голова") and none of a body before it, or a
    /// name alone that the registry does not know as a body ("Kruk"; not "TASS", "Ukrenergo", "Belarus").
    /// </summary>
    private bool PersonAt(int a, int b, ClaimantKind? kind)
    {
        var person = false;
        var body = false;
        for (var k = a; k < b; k++)
        {
            if (Info(k) is { Role: WordRole.Title } t)
            {
                person |= t.Value == "person";
                body |= t.Value == "body";
            }
        }

        if (person || body)
        {
            return person && (!body || HasPersonName(a, b));
        }

        if (kind is ClaimantKind.Outlet or ClaimantKind.Government or ClaimantKind.Other)
        {
            return false;
        }

        var caps = 0;
        for (var k = a; k < b; k++)
        {
            caps += Cap(k) ? 1 : 0;
        }

        return caps is >= 1 and <= 4;
    }

    /// <summary>An ambiguous name ("the President", "the defence ministry") the sentence left unresolved takes the side most of the article's known claimants speak for.</summary>
    private void ResolveAmbiguous()
    {
        if (_ambiguous.Count == 0)
        {
            return;
        }

        var sides = _claimants.Select(m => m.Claimant).Where(c => c.Canonical is not null && c.Side is Side.Ukraine or Side.Russia or Side.Belarus)
            .GroupBy(c => c.Side).OrderByDescending(g => g.Count()).ToList();
        if (sides.Count == 0 || sides.Count > 1 && sides[0].Count() == sides[1].Count())
        {
            return;
        }

        var map = new Dictionary<Claimant, Claimant>(ReferenceEqualityComparer.Instance);
        foreach (var c in _ambiguous)
        {
            if (Resolve(c.Name, sides[0].Key) is { } r)
            {
                map[c] = c with { Canonical = r.Entry.Id, Side = r.Entry.Side };
            }
        }

        for (var k = 0; k < _claimants.Count; k++)
        {
            if (map.TryGetValue(_claimants[k].Claimant, out var n))
            {
                _claimants[k] = _claimants[k] with { Claimant = n };
            }
        }

        for (var k = 0; k < _speakers.Count; k++)
        {
            if (map.TryGetValue(_speakers[k].Claimant, out var n))
            {
                _speakers[k] = _speakers[k] with { Claimant = n };
            }
        }
    }

    // ---------------------------------------------------------------- attribution beyond the sentence

    /// <summary>"X reported this" refers to the sentences before it in its paragraph, or to the previous paragraph when it opens its own.</summary>
    private TextSpan? Before(int si)
    {
        var s = _sentences[si];
        var k = si - 1;
        if (k < 0)
        {
            return null;
        }

        var paragraph = _sentences[k].Paragraph == s.Paragraph ? s.Paragraph : _sentences[k].Paragraph;
        var start = k;
        while (start - 1 >= 0 && _sentences[start - 1].Paragraph == paragraph)
        {
            start--;
        }

        return new TextSpan(_sentences[start].Span.Start, _sentences[k].Span.End);
    }

    /// <summary>Every quote takes the speaker of the words that close it ("…," he wrote) or open it (X said: "…"), else of the claimant just before it.</summary>
    private void Quotes()
    {
        foreach (var (qs, qe) in QuoteRegions(_text))
        {
            Claimant? who = null;
            TextSpan cue = default;
            foreach (var c in _cues)
            {
                // '…,” he wrote' / '…», – сказав Ігнат': only spaces and commas or dashes between
                var after = c.Cue.Start >= qe && c.Cue.Start - qe <= QuoteReach && _text.AsSpan(qe, c.Cue.Start - qe).Trim(" ,-–—\u00a0").IsEmpty;

                // 'Podolyak said in a tweet: “…' / 'He added: “…': a colon or comma ends the words before, in the same line
                var gap = c.Cue.End <= qs && qs - c.Cue.End <= QuoteReach ? _text.AsSpan(c.Cue.End, qs - c.Cue.End) : default;
                var before = gap.Length > 0 && gap.TrimEnd(" \u00a0–—-").Length > 0 && gap.TrimEnd(" \u00a0–—-")[^1] is ':' or ','
                    && !gap.ContainsAny('.', '!', '?') && !gap.Contains('\n');
                if (after || before || c.OpensQuote && c.Cue.End <= qs && qs - c.Cue.End <= QuoteReach)
                {
                    who = c.Claimant;
                    cue = c.Cue;
                    break;
                }
            }

            if (who is null && cue == default)
            {
                // Quoted words are mostly a person's: the person named just before, else whoever was.
                var si = SentenceAt(qs);
                if (si >= 0 && (Antecedent(qs, si, k => k.IsPerson && si - k.Sentence <= 2) ?? Antecedent(qs, si, _ => true)) is { } k && si - k.Sentence <= 2)
                {
                    who = k.Claimant;
                    cue = k.Claimant.Span;
                }
            }

            if (who is not null)
            {
                _speakers.Add(new SpeakerMention(new TextSpan(qs, qe), who, cue, "claimants/quote"));
            }
        }
    }

    /// <summary>What may open a quote, or end an open one's paragraph.</summary>
    private static readonly System.Buffers.SearchValues<char> QuoteOpeners = System.Buffers.SearchValues.Create("\n“«„\"");

    /// <summary>Quoted stretches of text: “…”, «…», „…“, "…"; an unclosed quote ends with its paragraph.</summary>
    internal static List<(int Start, int End)> QuoteRegions(string quoted)
    {
        var regions = new List<(int, int)>();
        var text = quoted.AsSpan();
        var open = -1;
        var closer = '\0';
        var i = 0;
        while (i < text.Length)
        {
            if (open < 0)
            {
                var j = text[i..].IndexOfAny(QuoteOpeners);
                if (j < 0)
                {
                    break;
                }

                i += j;
                var ch = text[i];
                closer = ch switch
                {
                    '“' => '”',
                    '«' => '»',
                    '„' => '“',
                    '"' => '"',
                    _ => '\0', // a newline outside a quote
                };
                if (closer != '\0')
                {
                    open = i;
                }

                i++;
                continue;
            }

            // '”' and '"' close each other's quotes
            var alt = closer == '”' ? '"' : closer == '"' ? '”' : closer;
            var k = text[i..].IndexOfAny('\n', closer, alt);
            if (k < 0)
            {
                break;
            }

            i += k;
            regions.Add(text[i] == '\n' ? (open, i) : (open, i + 1));
            open = -1;
            i++;
        }

        if (open >= 0)
        {
            regions.Add((open, text.Length));
        }

        return regions;
    }

    private int SentenceAt(int offset)
    {
        int lo = 0, hi = _sentences.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) / 2;
            if (_sentences[mid].Span.End <= offset)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo < _sentences.Length ? lo : -1;
    }

    // ---------------------------------------------------------------- helpers

    /// <summary>"Kharkiv Mayor Ihor Terekhov and Oleh Syniehubov, head of …", "Governor X and local media" are two claimants.</summary>
    /// <summary>The list <see cref="Split"/> fills for <see cref="Resolve(Cue, SentenceMention, int, List{ValueTuple{int, Cue, WordInfo, string, TextSpan}}, List{ValueTuple{Cue, Claimant}})"/>, which does not nest.</summary>
    private readonly List<(int, int)> _parts = [];

    private void Split(int a, int b, List<(int, int)> parts)
    {
        parts.Clear();
        var start = a;
        for (var k = a; k < b; k++)
        {
            if (Info(k) is { Role: WordRole.Connector, Value: "and" } && HasName(start, k) && (HasName(k + 1, b) || CollectiveName(k + 1, b)))
            {
                parts.Add((start, k));
                start = k + 1;
            }
        }

        parts.Add((start, b));
    }

    /// <summary>Drops what cannot open or close a name: punctuation, connectors, adverbs, clause words, "Earlier" at a sentence's start.</summary>
    private (int, int) Trim(int a, int b, int first)
    {
        while (a < b && (!IsWord(a) || Role(a) is WordRole.Connector or WordRole.Adverb or WordRole.Boundary or WordRole.Prep or WordRole.About or WordRole.As
                   or WordRole.AccordingPrep or WordRole.Be or WordRole.NotName or WordRole.Channel or WordRole.This || Verb(a)))
        {
            a++;
        }

        while (b > a && (!IsWord(b - 1) && !(IsPunct(b - 1, ")") && b - 3 >= a && IsPunct(b - 3, "("))
                         || Role(b - 1) is WordRole.Connector or WordRole.Determiner or WordRole.Adverb or WordRole.Boundary or WordRole.Prep or WordRole.Channel))
        {
            b--;
        }

        _ = first;
        return (a, b);
    }

    private Side ContextSide(int a, int b)
    {
        var s = SideOfWords(Span(a, b));
        return s != Side.Unknown ? s : RecentSide();
    }

    /// <summary>The side of the latest claimant the registry placed: what "the defence ministry" means after it.</summary>
    private Side RecentSide()
    {
        for (var n = _known.Count - 1; n >= 0; n--)
        {
            if (_known[n].Claimant.Canonical is not null && _known[n].Claimant.Side is Side.Russia or Side.Ukraine or Side.Belarus)
            {
                return _known[n].Claimant.Side;
            }
        }

        return Side.Unknown;
    }

    private Side SideOfWords(TextSpan span)
    {
        var ua = 0;
        var ru = 0;
        var k = FirstTokenAt(span.Start);
        for (; k < _t.Count && _t[k].End <= span.End; k++)
        {
            var side = SideAt(k);
            ua += side == Side.Ukraine ? 1 : 0;
            ru += side == Side.Russia ? 1 : 0;
        }

        return ua > ru ? Side.Ukraine : ru > ua ? Side.Russia : Side.Unknown;
    }

    /// <summary>The first token that starts at or after <paramref name="offset"/>.</summary>
    private int FirstTokenAt(int offset)
    {
        int lo = 0, hi = _t.Count;
        while (lo < hi)
        {
            var mid = (lo + hi) / 2;
            if (_t[mid].Start < offset)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }

    /// <summary>The words are a country's own name as the registry writes it ("Russia", not "Russian").</summary>
    private bool IsCountry(int a, int b)
    {
        var words = _doc.Slice(Span(a, b));
        return Resolve(words) is { Rule: "alias", Entry.Kind: ClaimantKind.Government } r
            && ClaimantNames.Fold(r.Matched) == ClaimantNames.Fold(IsDeterminer(a) ? _doc.Slice(Span(a + 1, b)) : words);
    }

    private bool HasName(int a, int b)
    {
        for (var k = a; k < b && k < _t.Count; k++)
        {
            if (IsWord(k) && Cap(k) && Info(k) is null or { Role: WordRole.Act } && !Verb(k) && SideAt(k) == Side.Unknown)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A capitalized word that is neither a title, a side nor a place: a person's (or body's) own name.</summary>
    private bool HasPersonName(int a, int b)
    {
        for (var k = a; k < b && k < _t.Count; k++)
        {
            if (IsWord(k) && Cap(k) && Info(k) is null && !Verb(k) && !_inPlace[k] && SideAt(k) == Side.Unknown)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A name after the last title of [a, b): "Governor Roman Starovoit" has one, "the head of the Sumy administration" none.</summary>
    private bool NameAfterTitle(int a, int b)
    {
        var last = -1;
        for (var k = a; k < b; k++)
        {
            if (Role(k) == WordRole.Title)
            {
                last = k;
            }
        }

        return last >= 0 && HasPersonName(last + 1, b);
    }

    private bool HasTitle(int a, int b)
    {
        for (var k = a; k < b && k < _t.Count; k++)
        {
            if (Role(k) == WordRole.Title)
            {
                return true;
            }
        }

        return false;
    }

    private int LastWord(int a, int b)
    {
        for (var k = b - 1; k >= a; k--)
        {
            if (IsWord(k))
            {
                return k;
            }
        }

        return -1;
    }

    private int Next(int from, int end, string punct)
    {
        for (var k = from; k < end; k++)
        {
            if (IsPunct(k, punct))
            {
                return k;
            }
        }

        return -1;
    }

    private static string StripPossessive(string w) =>
        w.Length > 2 && w.EndsWith("'s", StringComparison.Ordinal) ? w[..^2] : w.Length > 2 && w.EndsWith("s'", StringComparison.Ordinal) ? w[..^1] : w;

    private TextSpan Span(int a, int b) => new(_t[a].Start, _t[Math.Max(a, b - 1)].End);

    private string L(int i) => _t[i].Lower;

    private bool IsWord(int i) => i >= 0 && i < _t.Count && _t[i].Kind == TokenKind.Word;

    private bool IsPunct(int i, string p) => i >= 0 && i < _t.Count && _t[i].Kind == TokenKind.Punct && _t[i].Lower == p;

    private bool Cap(int i) => IsWord(i) && char.IsUpper(_text[_t[i].Start]);

    private bool AllCaps(int i)
    {
        if (!IsWord(i) || _t[i].End - _t[i].Start <= 1)
        {
            return false;
        }

        var chars = _text.AsSpan(_t[i].Start, _t[i].End - _t[i].Start);
        if (chars.IndexOfAnyInRange('a', 'z') >= 0)
        {
            return false;
        }

        foreach (var ch in chars)
        {
            if (char.IsLower(ch))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>A full stop inside a name, with letters on both sides and no space: "Censor.NET", "Lenta.ru".</summary>
    private bool InnerDot(int i) => IsPunct(i, ".") && i > 0 && i + 1 < _t.Count && _t[i - 1].End == _t[i].Start && _t[i + 1].Start == _t[i].End && IsWord(i - 1) && IsWord(i + 1);

    private bool Cyr(int i) => IsWord(i) && TextLanguage.StartsCyrillic(_t[i].Lower);

    /// <summary>The side the word at <paramref name="k"/> names ("Russian", "Ukraine's"), read once.</summary>
    private Side SideAt(int k) => (uint)k < (uint)_n ? _f[k].Side : throw new IndexOutOfRangeException();

    /// <summary>A word token that is a speech verb.</summary>
    private bool Verb(int i) => (uint)i < (uint)_n && _t[i].Kind == TokenKind.Word && _f[i].Verb;

    /// <summary>A word token's claimant-words.tsv entry.</summary>
    private WordInfo? Info(int i) => (uint)i < (uint)_n && _t[i].Kind == TokenKind.Word ? _f[i].Info : null;

    /// <summary>The registry's reading of some words (kept per thread by their characters: <see cref="ResolveMemo"/>).</summary>
    private ClaimantResolution? Resolve(string words, Side context = Side.Unknown) => _memo.Resolve(words, context, out _);

    private ClaimantResolution? Resolve(string words, Side context, out bool ambiguous) => _memo.Resolve(words, context, out ambiguous);

    /// <summary>The registry's reading of the text of tokens [a, b), without cutting it out as a string.</summary>
    private ClaimantResolution? Resolve(int a, int b, Side context)
    {
        var span = Span(a, b);
        return _memo.Resolve(_text.AsSpan(span.Start, span.Length), context, out _);
    }

    private WordRole? Role(int i) => (uint)i < (uint)_n && _t[i].Kind == TokenKind.Word ? _f[i].Role : null;

    private bool IsDeterminer(int i) => Role(i) == WordRole.Determiner;

    private bool IsDefinite(int i) => Info(i) is { Role: WordRole.Determiner, Value: "definite" };

    private bool IsIndefinite(int i) => Info(i) is { Role: WordRole.Determiner, Value: "indefinite" };
}
