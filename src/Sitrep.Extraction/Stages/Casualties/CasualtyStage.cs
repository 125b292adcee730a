using System.Collections.Frozen;
using System.Collections.Immutable;
using Sitrep.Core;
using Sitrep.Extraction.Text;

namespace Sitrep.Extraction.Stages.Casualties;

/// <summary>
/// Finds killed and injured figures: "three people were injured", "killing at least 25 people",
/// "a woman was killed" (= 1), "injured another nine", "the death toll rose to 33" (a revision),
/// "no casualties were reported" (= 0 killed and 0 injured). Sub-counts ("including nine children") and
/// vague plurals are left out; earlier figures ("Earlier reports said ten") are marked superseded.
/// </summary>
public sealed class CasualtyStage : IStage
{
    private static readonly WordTable<(FigureKind Kind, string Role)> Keywords = new(LexiconFile.Rows("casualty-words.tsv")
        .Select(r => (r[0], (Enum.Parse<FigureKind>(r[1]), r[2]))));

    /// <summary>
    /// Words that may stand between a number and its casualty word (between-words.tsv), and the plural of every English
    /// word for one person (person-words-en.tsv): "two teachers were injured", "five miners were killed".
    /// </summary>
    private static readonly WordTable<bool> Between = new(LexiconFile.Rows("between-words.tsv").Select(r => r[0])
        .Concat(LexiconFile.Rows("person-words-en.tsv").Where(r => r[1] == "one").Select(r => EnglishPlural(r[0])))
        .Distinct(StringComparer.Ordinal).Select(w => (w, true)));

    /// <summary>The plural of an English noun for a person: "teacher" → "teachers", "fisherman" → "fishermen", "baby" → "babies", "wife" → "wives".</summary>
    internal static string EnglishPlural(string w) => w switch
    {
        "child" => "children",
        "person" => "people",
        _ when w.EndsWith("man", StringComparison.Ordinal) => w[..^3] + "men",
        _ when w.EndsWith("fe", StringComparison.Ordinal) => w[..^2] + "ves",
        _ when w.Length > 1 && w[^1] == 'y' && !"aeiou".Contains(w[^2], StringComparison.Ordinal) => w[..^1] + "ies",
        _ when w.EndsWith('s') || w.EndsWith("sh", StringComparison.Ordinal) || w.EndsWith("ch", StringComparison.Ordinal) || w.EndsWith('x') => w + "es",
        _ => w + "s",
    };

    /// <summary>English words for one person (person-words-en.tsv): "a woman", "a night watchman", "one worker".</summary>
    private static readonly FrozenWords SingularPersons = FrozenWords.Of(LexiconFile.Rows("person-words-en.tsv").Where(r => r[1] == "one").Select(r => r[0]));

    /// <summary>Ukrainian and Russian people, lists and toll words by role (person-words.tsv): one, many, modifier, count, rise, survive, and, from, receive, fatal.</summary>
    private static readonly WordTable<string> People = new(LexiconFile.Rows("person-words.tsv").Where(r => r[1] != "age").Select(r => (r[0], r[1])));

    /// <summary>Parts of a word that make it an age standing for a person ("79-летняя", "57-річний").</summary>
    private static readonly string[] AgeParts = [.. LexiconFile.Rows("person-words.tsv").Where(r => r[1] == "age").Select(r => r[0])];

    /// <summary>Words of a toll's revision by role (revision-words.tsv): correct ("уточнив", "specified"), total ("casualties", "пострадавших").</summary>
    private static readonly WordTable<string> RevisionWords = new(LexiconFile.Rows("revision-words.tsv").Select(r => (r[0], r[1])));

    private static readonly FrozenWords RiseWords = FrozenWords.Of("rose", "risen", "rises", "rise", "increased", "increases", "climbed", "climbs", "reached", "grew", "grown", "jumped", "up");

    public string Name => "casualties";

    public ImmutableArray<string> Requires => [Layers.Sentences, Layers.Numbers];

    public string Produces => Layers.Casualties;

    public ImmutableArray<Mention> Run(Document document)
    {
        var tokens = document.Tokens;
        var numbersByToken = NumberIndex.Of(document);

        var result = ImmutableArray.CreateBuilder<Mention>();
        var used = t_used ??= [];
        foreach (var s in document.Layer<SentenceMention>(Layers.Sentences))
        {
            used.Clear();
            var fromSentence = result.Count;
            var cues = Cue.None;
            for (var i = s.FirstToken; i < s.EndToken; i++)
            {
                cues |= CuesOf(tokens[i].Lower);
            }

            // Whether the sentence tells an earlier report's figures: asked only of a sentence with a cue (or, by
            // FollowUpDeath, of one whose pronoun and verb it matched).
            var superseded = cues != Cue.None && IsEarlierReport(document, s);
            if ((cues & Cue.Zero) != 0)
            {
                Zeroes(document, s, result);
            }

            if ((cues & Cue.Keyword) != 0)
            {
                for (var i = s.FirstToken; i < s.EndToken; i++)
                {
                    var w = tokens[i].Lower;
                    if (!TryKeyword(w, out var kw))
                    {
                        continue;
                    }

                    // "Водитель не пострадал", "не поранений": a negated casualty word is no count (Zeroes reads "ніхто не постраждав").
                    if (TextLanguage.StartsCyrillic(w) && i > s.FirstToken && tokens[i - 1].Lower is "не")
                    {
                        continue;
                    }

                    // "травми отримали шестеро людей", "смертельні травми отримали 57-річна жінка та 64-річний чоловік"
                    if (TextLanguage.StartsCyrillic(w) && i + 1 < s.EndToken && Role(tokens[i + 1].Lower) == "receive"
                        && ReceivedBy(document, s, i, numbersByToken, kw.Kind, result, superseded, used))
                    {
                        continue;
                    }

                    // "Чоловік отримав поранення", "Женщина получила ранения": one person received them; "… і помер на
                    // місці", "… и скончался": one killed, as "was injured and died" is.
                    if (TextLanguage.StartsCyrillic(w) && i - 2 >= s.FirstToken && Role(tokens[i - 1].Lower) == "receive" && Role(tokens[i - 2].Lower) == "one")
                    {
                        var died = i + 2 < s.EndToken && tokens[i + 1].Lower is "і" or "та" or "и" or "й" && Role(tokens[i + 2].Lower) == "died" ? i + 2 : -1;
                        Add(result, document, null, died > 0 ? FigureKind.Killed : kw.Kind, died > 0 ? died : i, died > 0 ? "person-received-harm-died" : "person-received-harm",
                            superseded, used, TextSpan.Cover(tokens[i - 2].Span, tokens[died > 0 ? died : i].Span));
                        continue;
                    }

                    // "lives" only in "claimed/took the lives of N" and "N people lost their lives"
                    if (w is "lives" or "life")
                    {
                        if (i - 2 >= s.FirstToken && tokens[i - 2].Lower == "lost" && tokens[i - 1].Lower is "their" or "his" or "her")
                        {
                            TryNumberBefore(document, s, i - 2, numbersByToken, FigureKind.Killed, result, superseded, used);
                            continue;
                        }

                        if (i + 2 < s.EndToken && tokens[i + 1].Lower == "of" && numbersByToken.TryGetValue(NumberStart(document, numbersByToken, i + 2), out var ln))
                        {
                            Add(result, document, ln, FigureKind.Killed, i, "lives-of-N", superseded, used);
                        }

                        continue;
                    }

                    // "reported the deaths of a total of four people", "the injuries of 12 civilians"
                    if (w is "deaths" or "injuries" && i + 2 < s.EndToken && tokens[i + 1].Lower == "of")
                    {
                        var k = i + 2;
                        if (k + 2 < s.EndToken && tokens[k].Lower == "a" && tokens[k + 1].Lower == "total" && tokens[k + 2].Lower == "of")
                        {
                            k += 3;
                        }

                        if (numbersByToken.TryGetValue(NumberStart(document, numbersByToken, k), out var dn) && !dn.IsVague && !used.Contains(dn.TokenIndex)
                            && dn.EndToken < s.EndToken && Between.Contains(tokens[dn.EndToken].Lower))
                        {
                            Add(result, document, dn, kw.Kind, i, w + "-of-N", superseded, used);
                            continue;
                        }
                    }

                    // "Есть погибший", "є поранена": one
                    if (i > s.FirstToken && tokens[i - 1].Lower is "є" or "есть" && (w.EndsWith("ший", StringComparison.Ordinal) || w.EndsWith("ий", StringComparison.Ordinal) || w.EndsWith("ый", StringComparison.Ordinal) || w.EndsWith("ая", StringComparison.Ordinal) || w.EndsWith("на", StringComparison.Ordinal)))
                    {
                        Add(result, document, null, kw.Kind, i, "is-one", superseded, used, TextSpan.Cover(tokens[i - 1].Span, tokens[i].Span));
                        continue;
                    }

                    var found = false;
                    if (kw.Role is "after" or "both")
                    {
                        found = TryNumberBefore(document, s, i, numbersByToken, kw.Kind, result, superseded, used);
                    }

                    if (!found && kw.Role is "before" or "both")
                    {
                        TryNumberAfter(document, s, i, numbersByToken, kw.Kind, result, superseded, used);
                    }
                }
            }

            // Each rule runs only where its cue is; in the order they always ran (a rule reads what those before it took).
            if ((cues & Cue.Keyword) != 0)
            {
                Singulars(document, s, result, superseded, used);
            }

            FollowUpDeath(document, s, result, cues != Cue.None ? superseded : null);
            if ((cues & Cue.Keyword) != 0)
            {
                OneOfTheInjuredDied(document, s, numbersByToken, result, superseded, used);
            }

            if ((cues & Cue.Survive) != 0)
            {
                Survivors(document, s, numbersByToken, result, superseded, used);
            }

            if ((cues & Cue.Toll) != 0)
            {
                Tolls(document, s, numbersByToken, result, used);
            }

            if ((cues & Cue.Keyword) != 0)
            {
                CyrillicTolls(document, s, numbersByToken, result, used);
            }

            if ((cues & Cue.Correct) != 0)
            {
                MarkCorrections(document, s, result, fromSentence);
            }
        }

        DropTotalsOfBoth(document, result);
        numbersByToken.Release();
        return result.ToImmutable();
    }

    /// <summary>The tokens of a sentence's counts already taken; one set per thread, cleared for each sentence.</summary>
    [ThreadStatic]
    private static HashSet<int>? t_used;

    /// <summary>
    /// The number mention covering each token of a document (the last one listed, where two cover a token): an array
    /// by token index, this thread's, reused from document to document, so a lookup is one read instead of a hash.
    /// </summary>
    internal sealed class NumberIndex
    {
        [ThreadStatic]
        private static NumberIndex? t_index;

        private NumberMention?[] _byToken = new NumberMention?[1024];
        private int _count;

        public static NumberIndex Of(Document document)
        {
            var index = t_index ?? new NumberIndex();
            t_index = null; // taken: a nested use on this thread gets its own
            var n = document.Tokens.Count;
            if (index._byToken.Length < n)
            {
                index._byToken = new NumberMention?[Math.Max(n, index._byToken.Length * 2)];
            }

            index._count = n;
            foreach (var m in document.Layer<NumberMention>(Layers.Numbers))
            {
                for (var t = m.TokenIndex; t < m.EndToken; t++)
                {
                    if ((uint)t < (uint)n)
                    {
                        index._byToken[t] = m;
                    }
                }
            }

            return index;
        }

        public bool TryGetValue(int token, out NumberMention value)
        {
            if ((uint)token < (uint)_count && _byToken[token] is { } m)
            {
                value = m;
                return true;
            }

            value = null!;
            return false;
        }

        /// <summary>Clears the index and gives it back to the thread (a huge document's array is not kept).</summary>
        public void Release()
        {
            Array.Clear(_byToken, 0, _count);
            _count = 0;
            if (_byToken.Length <= 1 << 16)
            {
                t_index = this;
            }
        }
    }

    private static int NumberStart(Document doc, NumberIndex numbers, int k)
    {
        // The number mention whose qualifier starts at token k ("at least 7").
        for (var j = k; j < Math.Min(doc.Tokens.Count, k + 4); j++)
        {
            if (numbers.TryGetValue(j, out var n) && n.Span.Start == doc.Tokens[k].Start)
            {
                return j;
            }
        }

        return k;
    }

    private static bool TryNumberBefore(Document doc, SentenceMention s, int kwIndex, NumberIndex numbers, FigureKind kind, ImmutableArray<Mention>.Builder result, bool superseded, HashSet<int> used)
    {
        var tokens = doc.Tokens;
        var k = kwIndex - 1;
        var steps = 0;
        while (k >= s.FirstToken && steps < 9)
        {
            var w = tokens[k].Lower;
            if (numbers.TryGetValue(k, out var n))
            {
                if (IsSubCount(doc, s, n) || n.IsVague || used.Contains(k))
                {
                    return false;
                }

                // "12 adults and two children were killed": two groups of people, one toll.
                var first = n.TokenIndex;
                while (first > s.FirstToken && tokens[first - 1].End > n.Span.Start)
                {
                    first--;
                }

                if (first - 3 >= s.FirstToken && tokens[first - 1].Lower == "and" && Between.Contains(tokens[first - 2].Lower) && tokens[first - 2].IsWord
                    && numbers.TryGetValue(first - 3, out var m) && m != n && !m.IsVague && !used.Contains(first - 3) && !IsSubCount(doc, s, m) && m.Value + n.Value <= MaxPerStrike)
                {
                    used.Add(m.TokenIndex);
                    used.Add(n.TokenIndex);
                    result.Add(new CasualtyMention(TextSpan.Cover(m.Span, tokens[kwIndex].Span), kind, m.Value + n.Value, m.Qualifier, TextSpan.Cover(m.ValueSpan, n.ValueSpan), "N-and-M-people-" + tokens[kwIndex].Lower)
                    {
                        IsSuperseded = superseded,
                    });
                    return true;
                }

                // "a 75-year-old": never; "one of the": not a count of people
                Add(result, doc, n, kind, kwIndex, "N-people-" + tokens[kwIndex].Lower, superseded, used,
                    increment: IsMore(doc, s, n) && (tokens[kwIndex].Lower == "died" || FollowsTollOf(result, kind, n.Span.Start)));
                return true;
            }

            // "ще 25 — поранені", "еще 12 — ранены": the dash of an elided verb, right before a Cyrillic casualty word.
            var elidedDash = w is "—" or "–" or "-" && k + 1 == kwIndex && TextLanguage.StartsCyrillic(tokens[kwIndex].Lower);
            if (elidedDash || w is "\"" or "'" || Between.Contains(w) || (SingularPersons.Contains(w) && k - 1 >= s.FirstToken && numbers.TryGetValue(k - 1, out var one) && one.Value == 1)
                || w.EndsWith("-year-old", StringComparison.Ordinal) || w.EndsWith("-old", StringComparison.Ordinal))
            {
                k--;
                steps++;
                continue;
            }

            // Skip one parenthetical: ", aged 57 and 43," / ", including 9 children,"
            if (w == "," && steps <= 6)
            {
                var j = k - 1;
                var inner = 0;
                while (j >= s.FirstToken && tokens[j].Lower != "," && inner < 7)
                {
                    j--;
                    inner++;
                }

                if (j >= s.FirstToken && tokens[j].Lower == "," && inner is > 0 and < 7 && tokens[j + 1].Lower is "aged" or "including" or "among" or "mostly" or "many" or "most")
                {
                    k = j - 1;
                    steps++;
                    continue;
                }
            }

            return false;
        }

        return false;
    }

    private static void TryNumberAfter(Document doc, SentenceMention s, int kwIndex, NumberIndex numbers, FigureKind kind, ImmutableArray<Mention>.Builder result, bool superseded, HashSet<int> used)
    {
        var tokens = doc.Tokens;
        var k = kwIndex + 1;
        if (k < s.EndToken && tokens[k].Lower is "another" or "a" && k + 1 < s.EndToken && tokens[k + 1].Lower is "further")
        {
            k += 2;
        }
        else if (k < s.EndToken && tokens[k].Lower is "another" or "an" && (k + 1 >= s.EndToken || tokens[k + 1].Kind == TokenKind.Punct || tokens[k + 1].Lower is "and" or "person" or "civilian" or "man" or "woman" or "one"))
        {
            // "injured another" / "injured another person" = 1
            Add(result, doc, null, kind, kwIndex, "another", superseded, used, new TextSpan(tokens[kwIndex].Start, tokens[k].End));
            return;
        }
        else if (k < s.EndToken && tokens[k].Lower == "another")
        {
            k++;
        }
        var possessive = 0;
        if (k == kwIndex + 1 && k + 1 < s.EndToken && tokens[k].Lower is "its" or "their" && numbers.TryGetValue(NumberStart(doc, numbers, k + 1), out _))
        {
            (k, possessive) = (k + 1, 1); // "wounding its two occupants", "killing their three children": the count after the possessive
        }

        // "постраждали ще троє", "injured a further three": more than the toll told before.
        var increment = k > kwIndex + 1 + possessive;
        if (k < s.EndToken && Role(tokens[k].Lower) == "more")
        {
            k++;
            increment = true;
        }

        if (k >= s.EndToken)
        {
            return;
        }

        var start = NumberStart(doc, numbers, k);
        if (numbers.TryGetValue(start, out var n) && !n.IsVague && !used.Contains(start))
        {
            // "killed 25 people", "injuring at least 72", but not "killed 3 of 10 drones" (no such thing) or "wounded in 2 places".
            var after = n.EndToken < s.EndToken ? tokens[n.EndToken].Lower : "";
            if (after is "of" or "times" or "days" or "hours" || Role(after) == "from")
            {
                return; // "постраждав один з об'єктів інфраструктури": one of the objects, no person
            }

            if (TextLanguage.StartsCyrillic(tokens[kwIndex].Lower) && AndPeople(doc, s, n) is (> 0 and var more, var end) && n.Value + more <= MaxPerStrike)
            {
                // "Погибли двое 40-летних мужчин и 25-летняя женщина": the number and the people after it, one toll.
                used.Add(n.TokenIndex);
                result.Add(new CasualtyMention(TextSpan.Cover(tokens[kwIndex].Span, tokens[end - 1].Span), kind, n.Value + more, n.Qualifier, TextSpan.Cover(n.ValueSpan, tokens[end - 1].Span), tokens[kwIndex].Lower + "-N-and-people")
                {
                    IsSuperseded = superseded,
                });
                return;
            }

            Add(result, doc, n, kind, kwIndex, tokens[kwIndex].Lower + "-N", superseded, used, increment: increment && FollowsTollOf(result, kind, n.Span.Start));
            return;
        }

        // "пострадала 90-летняя женщина", "погиб мирный житель" (one); "Ранены 79-летняя, 35-летняя и 60-летняя женщины" (three).
        if (TextLanguage.StartsCyrillic(tokens[kwIndex].Lower))
        {
            if (PeopleList(doc, s, k) is (> 0 and var count, var end))
            {
                Add(result, doc, null, kind, kwIndex, count == 1 ? "kw-person" : "kw-people", superseded, used, new TextSpan(tokens[kwIndex].Start, tokens[end - 1].End), count: count);
            }

            return;
        }

        // "killing the driver", "injuring his wife": one victim named by role or kin
        if (k + 1 < s.EndToken && IsNamedVictim(tokens[k].Lower, tokens[k + 1].Lower))
        {
            Add(result, doc, null, kind, kwIndex, "kw-the-person", superseded, used, new TextSpan(tokens[kwIndex].Start, tokens[k + 1].End));
            return;
        }

        // "injuring a 48-year-old man", "killing one civilian" (one is a number), "killed a woman"
        if (tokens[k].Lower is "a" or "an")
        {
            var j = PersonAfterArticle(tokens, s, k);
            if (j >= 0)
            {
                // "wounded a 62-year-old woman and a 70-year-old man", "killing a man and his son": each person joined on is one more.
                var count = 1;
                while (j + 2 < s.EndToken && tokens[j + 1].Lower is "and" or ",")
                {
                    var d = j + 2;
                    if (d + 1 < s.EndToken && IsNamedVictim(tokens[d].Lower, tokens[d + 1].Lower))
                    {
                        (j, count) = (d + 1, count + 1);
                        continue;
                    }

                    if (tokens[d].Lower is not ("a" or "an") || PersonAfterArticle(tokens, s, d) is not (>= 0 and var p))
                    {
                        break;
                    }

                    (j, count) = (p, count + 1);
                }

                Add(result, doc, null, kind, kwIndex, count == 1 ? "kw-a-person" : "kw-persons", superseded, used, new TextSpan(tokens[kwIndex].Start, tokens[j].End), count: count);
            }
        }
    }

    /// <summary>"a woman was killed", "an elderly woman died", "the driver of one of the trucks was killed", "another was injured".</summary>
    private static void Singulars(Document doc, SentenceMention s, ImmutableArray<Mention>.Builder result, bool superseded, HashSet<int> used)
    {
        var tokens = doc.Tokens;
        for (var i = s.FirstToken; i < s.EndToken; i++)
        {
            var w = tokens[i].Lower;
            if (w is not ("a" or "an" or "another" or "the" or "his" or "her" or "their"))
            {
                continue;
            }

            var j = i + 1;
            if (w == "another" && j < s.EndToken && tokens[j].Lower is "was" or "has" or "is")
            {
                j = i; // "another was injured"
            }
            else
            {
                while (j < s.EndToken && j <= i + 3 && !IsPerson(tokens[j].Lower) && tokens[j].IsWord)
                {
                    j++;
                }

                if (j >= s.EndToken || !IsPerson(tokens[j].Lower))
                {
                    continue;
                }

                // "a 64-year-old man": the age and the person are one
                if (j + 1 < s.EndToken && SingularPersons.Contains(tokens[j + 1].Lower))
                {
                    j++;
                }

                if (w is "the" or "his" or "her" or "their" && !IsNamedVictim(w, tokens[j].Lower))
                {
                    continue;
                }

                // "a 64-year-old man suffered a concussion", "a woman received shrapnel wounds", "a man lost his life"
                if (HarmTaken(doc, s, j + 1) is ({ } taken, var harmEnd))
                {
                    Add(result, doc, null, taken, harmEnd, "a-person-" + tokens[j + 1].Lower + "-harm", superseded, used, new TextSpan(tokens[i].Start, tokens[harmEnd].End));
                    continue;
                }
            }

            // then: (of one of the trucks)? (was|has been|is)? (reportedly)? KW
            var k = j + 1;
            var limit = Math.Min(s.EndToken, k + 7);
            while (k < limit && !IsKeyword(tokens[k].Lower))
            {
                if (tokens[k].Lower is "," or "and" or "who" or "which" or "that" or "." || IsKeyword(tokens[k].Lower))
                {
                    break;
                }

                k++;
            }

            if (k < limit && TryKeyword(tokens[k].Lower, out var kw) && kw.Role is "after" or "both" && tokens[k].Lower is not ("lives" or "life" or "concussion" or "concussions" or "casualties" or "injuries" or "wounds" or "deaths"))
            {
                var between = Enumerable.Range(j + 1, k - j - 1).Select(x => tokens[x].Lower).ToList();
                if (between.Count <= 1 || between.Contains("was") || between.Contains("been") || between.Contains("of"))
                {
                    // "a passenger was badly wounded and later died", "a man was injured and died at the scene": one victim, killed
                    var died = k + 2 < s.EndToken && tokens[k + 1].Lower == "and" ? (FollowUpAdverbs.Contains(tokens[k + 2].Lower) ? k + 3 : k + 2) : -1;
                    if (kw.Kind == FigureKind.Injured && died > 0 && died < s.EndToken && tokens[died].Lower == "died")
                    {
                        Add(result, doc, null, FigureKind.Killed, died, "a-person-wounded-later-died", superseded, used, new TextSpan(tokens[i].Start, tokens[died].End),
                            increment: w != "the" && FollowsTollOf(result, FigureKind.Killed, tokens[i].Start));
                        continue;
                    }

                    Add(result, doc, null, kw.Kind, k, (w == "another" ? "another-person-" : "a-person-") + tokens[k].Lower, superseded, used, new TextSpan(tokens[i].Start, tokens[k].End), increment: w == "another" && tokens[k].Lower == "died");
                }
            }
        }
    }

    private static readonly FrozenWords FollowUpPronouns = FrozenWords.Of(LexiconFile.Rows("person-words-en.tsv").Where(r => r[1] == "pronoun").Select(r => r[0]));
    private static readonly FrozenWords FollowUpAdverbs = FrozenWords.Of(LexiconFile.Rows("person-words-en.tsv").Where(r => r[1] == "later").Select(r => r[0]));
    private static readonly FrozenWords FollowUpAuxiliaries = FrozenWords.Of(LexiconFile.Rows("person-words-en.tsv").Where(r => r[1] == "aux").Select(r => r[0]));

    /// <summary>
    /// Rule <c>pronoun-later-died</c>: "He later died in hospital", "She has since died of her wounds" after a sentence
    /// that counted one injured victim: that victim died, one more killed than told before (an increment, added by assembly to
    /// the toll so far) and one less injured. A pronoun with no single victim before it ("He died a hero") is no toll.
    /// </summary>
    private static void FollowUpDeath(Document doc, SentenceMention s, ImmutableArray<Mention>.Builder result, bool? superseded)
    {
        var tokens = doc.Tokens;
        var i = s.FirstToken;
        while (i < s.EndToken && tokens[i].Kind == TokenKind.Punct)
        {
            i++;
        }

        if (i >= s.EndToken || !FollowUpPronouns.Contains(tokens[i].Lower))
        {
            return;
        }

        var k = i + 1;
        var later = false;
        while (k < Math.Min(s.EndToken, i + 4) && (FollowUpAdverbs.Contains(tokens[k].Lower) || FollowUpAuxiliaries.Contains(tokens[k].Lower)))
        {
            later |= FollowUpAdverbs.Contains(tokens[k].Lower);
            k++;
        }

        // "He died at the scene" describes a victim already counted dead; "he later died" tells a death after the count.
        if (!later || k >= s.EndToken || tokens[k].Lower != "died")
        {
            return;
        }

        var counted = result.OfType<CasualtyMention>().Any(c => c.Span.End <= s.Span.Start && c.Kind == FigureKind.Injured && c.Value == 1 && !c.IsRevision);
        if (!counted)
        {
            return;
        }

        result.Add(new CasualtyMention(TextSpan.Cover(tokens[i].Span, tokens[k].Span), FigureKind.Killed, 1, Qualifier.Exact, tokens[k].Span, "pronoun-later-died")
        {
            IsSuperseded = superseded ?? IsEarlierReport(doc, s),
            IsIncrement = true,
            IsInjuredDeath = true,
        });
    }

    /// <summary>
    /// Rule <c>one-of-injured-died</c>: "One of the injured later died in hospital", "помер один з поранених", "скончался один
    /// из раненых": one victim counted injured before has died, one more killed (an increment, as for "he later died"; the
    /// injured count told before is one less: see <see cref="CasualtyMention.IsInjuredDeath"/>).
    /// </summary>
    private static void OneOfTheInjuredDied(Document doc, SentenceMention s, NumberIndex numbers, ImmutableArray<Mention>.Builder result, bool superseded, HashSet<int> used)
    {
        var tokens = doc.Tokens;
        for (var i = s.FirstToken; i + 2 < s.EndToken; i++)
        {
            if (!numbers.TryGetValue(i, out var one) || one.Value != 1 || one.TokenIndex != i || one.EndToken >= s.EndToken || used.Contains(i)
                || (tokens[one.EndToken].Lower != "of" && Role(tokens[one.EndToken].Lower) != "from"))
            {
                continue;
            }

            var k = one.EndToken + 1;
            if (k < s.EndToken && tokens[k].Lower == "the")
            {
                k++;
            }

            if (k >= s.EndToken || !TryKeyword(tokens[k].Lower, out var victims) || victims.Kind != FigureKind.Injured)
            {
                continue;
            }

            // The verb of dying before the count ("помер один з поранених") or a few words after ("one of the injured later died").
            var died = -1;
            for (var v = Math.Max(s.FirstToken, i - 3); v < Math.Min(s.EndToken, k + 4) && died < 0; v++)
            {
                if (v != k && (Role(tokens[v].Lower) == "died" || (v > k && tokens[v].Lower == "died")))
                {
                    died = v;
                }
            }

            if (died < 0)
            {
                continue;
            }

            used.Add(i);
            result.Add(new CasualtyMention(TextSpan.Cover(tokens[Math.Min(i, died)].Span, tokens[Math.Max(k, died)].Span), FigureKind.Killed, 1, Qualifier.Exact, one.ValueSpan, "one-of-injured-died")
            {
                IsSuperseded = superseded,
                IsIncrement = true,
                IsInjuredDeath = true,
            });
        }
    }

    /// <summary>The word for one person within three words after the article at <paramref name="article"/> ("a 48-year-old man"), or -1.</summary>
    private static int PersonAfterArticle(TokenList tokens, SentenceMention s, int article)
    {
        for (var j = article + 1; j < s.EndToken && j <= article + 3; j++)
        {
            if (SingularPersons.Contains(tokens[j].Lower))
            {
                return j;
            }
        }

        return -1;
    }

    /// <summary>
    /// One victim named by role or kin: "the" and a role ("the driver was killed", "killing the driver"), or a possessive
    /// and a role or kin ("his passenger was wounded", "injuring his wife"); "the wife" and "his man" are not.
    /// </summary>
    private static bool IsNamedVictim(string determiner, string noun) =>
        determiner == "the" ? IsNamedRole(noun) : determiner is "his" or "her" or "their" && (IsKin(noun) || IsNamedRole(noun));

    /// <summary>A victim's role ("driver", "passenger"), after "the" or a possessive: one who was not counted before.</summary>
    private static bool IsNamedRole(string w) => w is "driver" or "passenger" or "owner" or "pilot";

    /// <summary>A victim named by kin after a possessive: "his wife was hospitalised", "killing her son".</summary>
    private static bool IsKin(string w) => w is "wife" or "husband" or "son" or "daughter" or "mother" or "father" or "brother" or "sister" or "grandmother" or "grandfather" or "child" or "neighbour" or "neighbor";

    private static readonly FrozenWords HarmVerbs = FrozenWords.Of("suffered", "sustained", "received", "lost");
    private static readonly FrozenWords HarmNouns = FrozenWords.Of("injury", "injuries", "wounds", "wound", "concussion", "burns", "trauma", "life");

    /// <summary>
    /// "suffered a concussion", "sustained shrapnel wounds", "received serious injuries", "lost his life": a verb of harm taken, up
    /// to three words, and the harm; the kind it gives (a life lost is a death) and the harm's token, or none.
    /// </summary>
    private static (FigureKind? Kind, int End) HarmTaken(Document doc, SentenceMention s, int k)
    {
        var tokens = doc.Tokens;
        if (k >= s.EndToken || !HarmVerbs.Contains(tokens[k].Lower))
        {
            return (null, k);
        }

        var lost = tokens[k].Lower == "lost";
        for (var j = k + 1; j < s.EndToken && j <= k + 4; j++)
        {
            var w = tokens[j].Lower;
            if (HarmNouns.Contains(w))
            {
                return lost == (w == "life") ? (lost ? FigureKind.Killed : FigureKind.Injured, j) : (null, k);
            }

            if (!tokens[j].IsWord || w is "and" or "or" or "in" or "to" or "when" or "after")
            {
                break;
            }
        }

        return (null, k);
    }

    /// <summary>"a woman", "a resident", or an age standing for a person: "a 9-year-old was killed".</summary>
    private static bool IsPerson(string w) =>
        SingularPersons.Contains(w) || (w.EndsWith("-year-old", StringComparison.Ordinal) && w.Length > 9 && char.IsAsciiDigit(w[0]));

    /// <summary>
    /// "the death toll rose to 11", "the number of injured has increased to 14", "the toll was revised to 11", "officials
    /// updated the death toll to 11"; "casualties rose to 9", "the number of casualties rose to 9" (rule
    /// <c>total-rose-to</c>: a total of killed and injured, see <see cref="DropTotalsOfBoth"/>).
    /// </summary>
    private static void Tolls(Document doc, SentenceMention s, NumberIndex numbers, ImmutableArray<Mention>.Builder result, HashSet<int> used)
    {
        var tokens = doc.Tokens;
        for (var i = s.FirstToken; i < s.EndToken; i++)
        {
            var w = tokens[i].Lower;
            FigureKind? kind = null;
            var total = false;
            if (w == "toll")
            {
                kind = i > s.FirstToken && tokens[i - 1].Lower is "injury" or "casualty" ? FigureKind.Injured : FigureKind.Killed;
                total = i > s.FirstToken && Revision(tokens[i - 1].Lower) == "total";
            }
            else if (w == "number" && i + 2 < s.EndToken && tokens[i + 1].Lower == "of")
            {
                for (var j = i + 2; j < Math.Min(s.EndToken, i + 6); j++)
                {
                    if (tokens[j].Lower is "dead" or "killed" or "deaths" or "fatalities")
                    {
                        kind = FigureKind.Killed;
                        break;
                    }

                    if (tokens[j].Lower is "injured" or "wounded" or "victims" or "casualties")
                    {
                        kind = tokens[j].Lower == "victims" && Enumerable.Range(j, Math.Min(3, s.EndToken - j)).Any(x => tokens[x].Lower == "killed") ? FigureKind.Killed : FigureKind.Injured;
                        total = kind == FigureKind.Injured && Revision(tokens[j].Lower) == "total";
                        break;
                    }
                }
            }
            else if (Revision(w) == "total" && (i == s.FirstToken || tokens[i - 1].Lower is not ("of" or "no")))
            {
                // "casualties rose to 9", "casualties have risen to 9": the verb right after the word
                var verb = i + 1 < s.EndToken && FollowUpAuxiliaries.Contains(tokens[i + 1].Lower) || i + 1 < s.EndToken && tokens[i + 1].Lower is "have" ? i + 2 : i + 1;
                if (verb < s.EndToken && RiseWords.Contains(tokens[verb].Lower))
                {
                    kind = FigureKind.Injured;
                    total = true;
                }
            }

            if (kind is null)
            {
                continue;
            }

            var rule = total ? "total-rose-to" : "toll-rose-to";

            // "officials updated the death toll to 11": the correcting verb before the toll, its figure right after
            if (i + 2 < s.EndToken && tokens[i + 1].Lower == "to" && Enumerable.Range(Math.Max(s.FirstToken, i - 4), i - Math.Max(s.FirstToken, i - 4)).Any(x => Revision(tokens[x].Lower) == "correct"))
            {
                var at = NumberStart(doc, numbers, i + 2);
                if (numbers.TryGetValue(at, out var cn) && !used.Contains(at))
                {
                    Add(result, doc, cn, kind.Value, i, rule, superseded: false, used, revision: true);
                }

                continue;
            }

            for (var j = i + 1; j < Math.Min(s.EndToken, i + 30); j++)
            {
                if (RiseWords.Contains(tokens[j].Lower) || tokens[j].Lower is "brought" or "stands" or "stood" || Revision(tokens[j].Lower) == "correct")
                {
                    var k = j + 1;
                    if (k < s.EndToken && tokens[k].Lower is "to" or "at")
                    {
                        k++;
                    }

                    var start = NumberStart(doc, numbers, k);
                    if (numbers.TryGetValue(start, out var n) && !used.Contains(start))
                    {
                        Add(result, doc, n, kind.Value, i, rule, superseded: false, used, revision: true);
                    }

                    break;
                }
            }
        }
    }

    /// <summary>
    /// Rule of a correction: a figure told after a correcting verb of its sentence ("The governor later specified that 11
    /// had died", "уточнив, що загинули 11 людей", "the toll was revised to 11") corrects the toll told before, smaller
    /// or larger; assembly supersedes what it corrects. An earlier report's figure ("Earlier, officials specified …")
    /// and an increment ("another died") correct nothing.
    /// </summary>
    private static void MarkCorrections(Document doc, SentenceMention s, ImmutableArray<Mention>.Builder result, int from)
    {
        var tokens = doc.Tokens;
        var at = -1;
        for (var i = s.FirstToken; i < s.EndToken && at < 0; i++)
        {
            if (Revision(tokens[i].Lower) == "correct")
            {
                at = tokens[i].Start;
            }
        }

        if (at < 0)
        {
            return;
        }

        for (var r = from; r < result.Count; r++)
        {
            if (result[r] is CasualtyMention { IsSuperseded: false, IsIncrement: false } c && c.ValueSpan.Start > at)
            {
                result[r] = c with { IsRevision = true, IsCorrection = true };
            }
        }
    }

    /// <summary>
    /// "killed two people and injured five … casualties rose to 9", "погибли двое, ранены пятеро … число пострадавших
    /// возросло до 9": a total of the killed and the injured is not the injured figure where the report names both
    /// with their own words; it is dropped (with no killed figure told, it stands as the injured figure).
    /// </summary>
    private static void DropTotalsOfBoth(Document doc, ImmutableArray<Mention>.Builder result)
    {
        static bool IsTotal(Mention m) => m.Rule is "total-rose-to" or "кількість-постраждалих-зросла-до";
        if (!result.Any(IsTotal))
        {
            return;
        }

        var killed = result.Any(m => m is CasualtyMention { Kind: FigureKind.Killed, Value: > 0 } && !IsTotal(m));
        var injured = result.Any(m => m is CasualtyMention { Kind: FigureKind.Injured, Value: > 0 } c && !IsTotal(m) && !NamesTotal(doc, c.Span));
        if (killed && injured)
        {
            result.RemoveAll(IsTotal);
        }
    }

    /// <summary>Whether a word of <paramref name="span"/> is a total's ("пострадали пятеро", "9 casualties").</summary>
    private static bool NamesTotal(Document doc, TextSpan span)
    {
        foreach (var t in doc.Tokens)
        {
            if (t.Start >= span.End)
            {
                break; // tokens are in text order
            }

            if (t.Start >= span.Start && t.End <= span.End && Revision(t.Lower) == "total")
            {
                return true;
            }
        }

        return false;
    }

    private static string? Revision(string w) => w.Length > 0 && RevisionWords.TryGetValue(w, out var r) ? r : null;

    /// <summary>"no casualties were reported", "no one was killed", "without any injuries", "no immediate reports of fatalities"; not "no mention of casualties".</summary>
    private static void Zeroes(Document doc, SentenceMention s, ImmutableArray<Mention>.Builder result)
    {
        var tokens = doc.Tokens;
        for (var i = s.FirstToken; i < s.EndToken; i++)
        {
            var w = tokens[i].Lower;

            // "без постраждалих", "обошлось без жертв", "пострадавших нет", "ніхто не постраждав"
            if (w.StartsWith("неушкоджен", StringComparison.Ordinal) || w.StartsWith("невредим", StringComparison.Ordinal))
            {
                // "Люди неушкоджені": no one hurt
                result.Add(new CasualtyMention(tokens[i].Span, FigureKind.Killed, 0, Qualifier.Exact, tokens[i].Span, "no-casualties"));
                result.Add(new CasualtyMention(tokens[i].Span, FigureKind.Injured, 0, Qualifier.Exact, tokens[i].Span, "no-casualties"));
                continue;
            }

            if (w is "без" or "немає" or "нет" or "ніхто" or "никто")
            {
                var j = w is "без" ? i + 1 : w is "ніхто" or "никто" ? i + 2 : i - 1;
                if (w == "без")
                {
                    // "без пожежі та постраждалих"
                    while (j < Math.Min(s.EndToken, i + 5) && !IsKeyword(tokens[j].Lower) && tokens[j].IsWord)
                    {
                        j++;
                    }
                }
                else if (w is "немає" or "нет")
                {
                    // "Пострадавших среди мирных жителей нет": the casualty word a few words before
                    while (j > Math.Max(s.FirstToken, i - 5) && !IsKeyword(tokens[j].Lower) && tokens[j].IsWord)
                    {
                        j--;
                    }
                }

                if (j >= s.FirstToken && j < s.EndToken && IsKeyword(tokens[j].Lower) && (w is not ("ніхто" or "никто") || tokens[i + 1].Lower == "не"))
                {
                    // "без жертв і постраждалих", "Жертв и пострадавших нет": both words say none
                    var other = w is "без" ? j + 2 : j - 2;
                    var pair = other >= s.FirstToken && other < s.EndToken && Role(tokens[(j + other) / 2].Lower) == "and" && IsKeyword(tokens[other].Lower);
                    var span0 = TextSpan.Cover(tokens[i].Span, tokens[pair ? other : j].Span);
                    var kinds0 = new HashSet<FigureKind>(ZeroKinds(tokens[j].Lower));
                    if (pair)
                    {
                        kinds0.UnionWith(ZeroKinds(tokens[other].Lower));
                    }

                    foreach (var kind in kinds0.Order())
                    {
                        result.Add(new CasualtyMention(span0, kind, 0, Qualifier.Exact, tokens[i].Span, "no-casualties"));
                    }
                }

                continue;
            }

            if (w is not ("no" or "without" or "nobody" or "none"))
            {
                continue;
            }

            // "injuring no one", "the blast killed nobody", "harming no one": the verb's object is no one.
            var oneEnd = w == "nobody" ? i : w == "no" && i + 1 < s.EndToken && tokens[i + 1].Lower == "one" ? i + 1 : -1;
            if (oneEnd >= 0 && i > s.FirstToken && HarmVerbKinds(tokens[i - 1].Lower) is { Length: > 0 } harmed)
            {
                var span = new TextSpan(tokens[i - 1].Start, tokens[oneEnd].End);
                foreach (var kind in harmed)
                {
                    result.Add(new CasualtyMention(span, kind, 0, Qualifier.Exact, tokens[i].Span, "verb-no-one"));
                }

                continue;
            }

            // "no information on any damage or casualties" says nothing; "no reports of casualties" says none.
            var limit = Math.Min(s.EndToken, i + 7);
            for (var j = i + 1; j < limit; j++)
            {
                var x = tokens[j].Lower;
                if (x is "information" or "details" or "data" or "word" or "indication" or "immediate" && j + 1 < limit && tokens[j + 1].Lower is "information" or "details" or "data" or "on" or "about")
                {
                    break;
                }

                // "made no mention of casualties", "gave no comment on injuries": silence, not a toll of none.
                if (x is "information" or "details" or "data" or "word" or "mention" or "mentions" or "comment" or "comments")
                {
                    break;
                }

                FigureKind[] kinds = x switch
                {
                    "casualties" or "victims" => [FigureKind.Killed, FigureKind.Injured],
                    "fatalities" or "deaths" or "dead" or "killed" => [FigureKind.Killed],
                    "injuries" or "injured" or "wounded" => [FigureKind.Injured],
                    "hurt" or "harmed" => [FigureKind.Killed, FigureKind.Injured], // "no civilians were hurt": no one at all
                    _ => [],
                };
                if (w is "nobody" or "none" || (w == "no" && j == i + 1 && x == "one"))
                {
                    // "no one was killed", "nobody was hurt"
                    var k = j;
                    while (k < limit && !(tokens[k].Lower is "killed" or "injured" or "hurt" or "harmed" or "wounded" or "died"))
                    {
                        k++;
                    }

                    if (k < limit)
                    {
                        var kind = tokens[k].Lower is "killed" or "died" ? FigureKind.Killed : FigureKind.Injured;
                        var end = k;
                        // "no one was killed or injured"
                        if (k + 2 < s.EndToken && tokens[k + 1].Lower is "or" or "and" && tokens[k + 2].Lower is "killed" or "injured" or "hurt" or "wounded" or "died"
                            && (tokens[k + 2].Lower is "killed" or "died" ? FigureKind.Killed : FigureKind.Injured) != kind)
                        {
                            end = k + 2;
                            result.Add(new CasualtyMention(new TextSpan(tokens[i].Start, tokens[end].End), kind == FigureKind.Killed ? FigureKind.Injured : FigureKind.Killed, 0, Qualifier.Exact, tokens[i].Span, "no-one"));
                        }

                        // "no one was hurt", "nobody was harmed": no one at all, as "ніхто не постраждав"
                        if (end == k && tokens[k].Lower is "hurt" or "harmed")
                        {
                            result.Add(new CasualtyMention(new TextSpan(tokens[i].Start, tokens[end].End), FigureKind.Killed, 0, Qualifier.Exact, tokens[i].Span, "no-one-hurt"));
                        }

                        result.Add(new CasualtyMention(new TextSpan(tokens[i].Start, tokens[end].End), kind, 0, Qualifier.Exact, tokens[i].Span, "no-one"));
                    }

                    break;
                }

                if (kinds.Length > 0)
                {
                    var span = new TextSpan(tokens[i].Start, tokens[j].End);
                    foreach (var kind in kinds)
                    {
                        result.Add(new CasualtyMention(span, kind, 0, Qualifier.Exact, new TextSpan(tokens[i].Start, tokens[i].End), "no-casualties"));
                    }

                    if (j + 1 < limit && tokens[j + 1].Lower == "or" && j + 2 < limit && kinds.Length == 1)
                    {
                        continue; // "no deaths or injuries"
                    }

                    break;
                }
            }
        }
    }

    /// <summary>What a verb of harm before "no one" says none of: "killing no one" killed, "injuring no one" injured, "harming no one" both.</summary>
    private static FigureKind[] HarmVerbKinds(string w) => w switch
    {
        "killing" or "killed" or "kill" => [FigureKind.Killed],
        "injuring" or "injured" or "injure" or "wounding" or "wounded" or "wound" => [FigureKind.Injured],
        "hurting" or "hurt" or "harming" or "harmed" or "harm" => [FigureKind.Killed, FigureKind.Injured],
        _ => [],
    };

    /// <summary>
    /// What a Cyrillic word of none says: "без жертв" no one killed; "пострадавших нет", "без потерпілих", "ніхто не
    /// постраждав" no one hurt, killed or injured; "загиблих немає" no one killed; "поранених немає" no one injured.
    /// </summary>
    private static FigureKind[] ZeroKinds(string w) =>
        w.StartsWith("жертв", StringComparison.Ordinal) ? [FigureKind.Killed]
        : w.StartsWith("постражда", StringComparison.Ordinal) || w.StartsWith("пострада", StringComparison.Ordinal) || w.StartsWith("потерпіл", StringComparison.Ordinal) ? [FigureKind.Killed, FigureKind.Injured]
        : Keywords.TryGetValue(w, out var kw) ? [kw.Kind] : [];

    private static string? Role(string w) => w.Length > 0 && People.TryGetValue(w, out var r) ? r : null;

    private static bool TryKeyword(string w, out (FigureKind Kind, string Role) kw) => Keywords.TryGetValue(w, out kw);

    private static bool IsKeyword(string w) => Keywords.TryGetValue(w, out _);

    /// <summary>
    /// What a word can start among the stage's rules; a rule that needs a cue its sentence lacks cannot match there
    /// and is not run (most sentences of a report tell no casualty: one pass over their words skips every rule).
    /// </summary>
    [Flags]
    internal enum Cue : byte
    {
        None = 0,

        /// <summary>A casualty word (<see cref="Keywords"/>): the main scan, singulars, one of the injured, Cyrillic tolls.</summary>
        Keyword = 1,

        /// <summary>A word of none: "no", "without", "без", "нет", "неушкоджені" (<see cref="Zeroes"/>).</summary>
        Zero = 2,

        /// <summary>A word of surviving (role survive: <see cref="Survivors"/>).</summary>
        Survive = 4,

        /// <summary>"toll", "number", or a total's word (<see cref="Tolls"/>).</summary>
        Toll = 8,

        /// <summary>A correcting verb (<see cref="MarkCorrections"/>).</summary>
        Correct = 16,
    }

    /// <summary>The cues of a word, straight from the lexicons and the rules' own words.</summary>
    internal static Cue CueOf(string w)
    {
        var cue = Cue.None;
        if (IsKeyword(w))
        {
            cue |= Cue.Keyword;
        }

        if (w.StartsWith("неушкоджен", StringComparison.Ordinal) || w.StartsWith("невредим", StringComparison.Ordinal)
            || w is "без" or "немає" or "нет" or "ніхто" or "никто" or "no" or "without" or "nobody" or "none")
        {
            cue |= Cue.Zero;
        }

        if (Role(w) == "survive")
        {
            cue |= Cue.Survive;
        }

        var revision = Revision(w);
        if (w is "toll" or "number" || revision == "total")
        {
            cue |= Cue.Toll;
        }

        if (revision == "correct")
        {
            cue |= Cue.Correct;
        }

        return cue;
    }

    /// <summary>
    /// The cues of the words that start with an ASCII character: the tables match such a word only exactly (their stems
    /// are Cyrillic), so a word not among these has none. Built once from the tables' exact words.
    /// </summary>
    private static readonly FrozenDictionary<string, Cue> AsciiCues = Keywords.ExactWords.Concat(People.ExactWords).Concat(RevisionWords.ExactWords)
        .Concat(["no", "without", "nobody", "none", "toll", "number"])
        .Where(w => w.Length > 0 && w[0] <= 127).Distinct(StringComparer.Ordinal)
        .Select(w => (Word: w, Cue: CueOf(w))).Where(x => x.Cue != Cue.None)
        .ToFrozenDictionary(x => x.Word, x => x.Cue, StringComparer.Ordinal);

    private static readonly WordMask AsciiCueMask = new(AsciiCues.Keys);

    /// <summary>As <see cref="CueOf"/>: for a word starting with an ASCII character, one mask test and at most one lookup.</summary>
    internal static Cue CuesOf(string w) =>
        w.Length > 0 && w[0] > 127 ? CueOf(w) : AsciiCueMask.MayContain(w) && AsciiCues.TryGetValue(w, out var cue) ? cue : Cue.None;

    private static bool IsAge(string w) => w.Length > 0 && char.IsAsciiDigit(w[0]) && AgeParts.Any(a => w.Contains(a, StringComparison.Ordinal));

    /// <summary>
    /// Ukrainian or Russian people from token <paramref name="k"/>: "мирный житель" (1), "57-річна жінка та 64-річний
    /// чоловік" (2), "79-летняя, 35-летняя и 60-летняя женщины" (3: the ages count them). A plural with no age
    /// ("ранены женщины") counts no one. The count, and the end of the list (exclusive); (0, k) when none.
    /// </summary>
    private static (int Count, int End) PeopleList(Document doc, SentenceMention s, int k)
    {
        var tokens = doc.Tokens;
        var count = 0;
        var noun = false;
        var end = k;
        var j = k;
        while (j < s.EndToken)
        {
            var age = false;
            var item = j;
            while (j < s.EndToken && j < item + 4 && (IsAge(tokens[j].Lower) || Role(tokens[j].Lower) == "modifier"))
            {
                age |= IsAge(tokens[j].Lower);
                j++;
            }

            var role = j < s.EndToken ? Role(tokens[j].Lower) : null;
            if (role is "many" && !age || role is not ("one" or "many") && !age)
            {
                return role is "many" ? (0, k) : noun ? (count, end) : (0, k);
            }

            if (role is "one" or "many")
            {
                noun = true;
                j++;
            }

            count++;
            end = j;
            if (role is "many" || j + 1 >= s.EndToken || !(tokens[j].Lower == "," || Role(tokens[j].Lower) == "and"))
            {
                break;
            }

            j++;
        }

        return noun ? (count, end) : (0, k);
    }

    /// <summary>"двое 40-летних мужчин и 25-летняя женщина": the people joined after a number (1 here); (0, 0) when none.</summary>
    private static (int More, int End) AndPeople(Document doc, SentenceMention s, NumberMention n)
    {
        var tokens = doc.Tokens;
        var j = n.EndToken;
        while (j < s.EndToken && j < n.EndToken + 3 && (IsAge(tokens[j].Lower) || Role(tokens[j].Lower) is "modifier" or "many" || Between.Contains(tokens[j].Lower) && tokens[j].IsWord))
        {
            j++;
        }

        if (j + 1 < s.EndToken && Role(tokens[j].Lower) == "and" && PeopleList(doc, s, j + 1) is (> 0 and var more, var end))
        {
            return (more, end);
        }

        return (0, 0);
    }

    /// <summary>"травми отримали шестеро людей" (6 injured), "смертельні травми отримали 57-річна жінка та 64-річний чоловік" (2 killed).</summary>
    private static bool ReceivedBy(Document doc, SentenceMention s, int kwIndex, NumberIndex numbers, FigureKind kind, ImmutableArray<Mention>.Builder result, bool superseded, HashSet<int> used)
    {
        var tokens = doc.Tokens;
        if (kwIndex > s.FirstToken && Role(tokens[kwIndex - 1].Lower) == "fatal")
        {
            kind = FigureKind.Killed;
        }

        var k = kwIndex + 2;
        var start = k < s.EndToken ? NumberStart(doc, numbers, k) : k;
        if (numbers.TryGetValue(start, out var n) && !n.IsVague && !used.Contains(start))
        {
            Add(result, doc, n, kind, kwIndex, tokens[kwIndex].Lower + "-received-by-N", superseded, used);
            return true;
        }

        if (PeopleList(doc, s, k) is (> 0 and var count, var end))
        {
            Add(result, doc, null, kind, kwIndex, tokens[kwIndex].Lower + "-received-by-people", superseded, used, new TextSpan(tokens[kwIndex].Start, tokens[end - 1].End), count: count);
            return true;
        }

        return false;
    }

    /// <summary>"не вижив 30-річний чоловік", "не выжил мирный житель": one killed (or the people listed).</summary>
    private static void Survivors(Document doc, SentenceMention s, NumberIndex numbers, ImmutableArray<Mention>.Builder result, bool superseded, HashSet<int> used)
    {
        var tokens = doc.Tokens;
        for (var i = s.FirstToken + 1; i < s.EndToken; i++)
        {
            if (Role(tokens[i].Lower) != "survive" || tokens[i - 1].Lower != "не")
            {
                continue;
            }

            if (PeopleList(doc, s, i + 1) is (> 0 and var count, var end))
            {
                Add(result, doc, null, FigureKind.Killed, i, "не-вижив", superseded, used, new TextSpan(tokens[i - 1].Start, tokens[end - 1].End), count: count);
            }
            else if (i + 1 < s.EndToken && numbers.TryGetValue(NumberStart(doc, numbers, i + 1), out var n) && !n.IsVague && !used.Contains(n.TokenIndex))
            {
                Add(result, doc, n, FigureKind.Killed, i, "не-вижив-N", superseded, used);
            }
        }
    }

    /// <summary>"кількість загиблих зросла до п'яти", "число жертв выросло до двух": a revised toll.</summary>
    private static void CyrillicTolls(Document doc, SentenceMention s, NumberIndex numbers, ImmutableArray<Mention>.Builder result, HashSet<int> used)
    {
        var tokens = doc.Tokens;
        for (var i = s.FirstToken; i + 1 < s.EndToken; i++)
        {
            if (Role(tokens[i].Lower) != "count" || !TryKeyword(tokens[i + 1].Lower, out var kw))
            {
                continue;
            }

            for (var j = i + 2; j < Math.Min(s.EndToken, i + 14); j++)
            {
                if (Role(tokens[j].Lower) != "rise")
                {
                    continue;
                }

                var k = j + 1 < s.EndToken && tokens[j + 1].Lower == "до" ? j + 2 : j + 1;
                if (k < s.EndToken && numbers.TryGetValue(NumberStart(doc, numbers, k), out var n) && !n.IsVague && !used.Contains(n.TokenIndex))
                {
                    var rule = Revision(tokens[i + 1].Lower) == "total" ? "кількість-постраждалих-зросла-до" : "кількість-зросла-до";
                    Add(result, doc, n, kw.Kind, i + 1, rule, superseded: false, used, revision: true);
                }

                break;
            }
        }
    }

    /// <summary>A toll's participle at <paramref name="k"/>, after up to two words for people: "people injured", "killed".</summary>
    private static bool IsTollAfter(Document doc, SentenceMention s, int k)
    {
        var tokens = doc.Tokens;
        for (var j = k; j < s.EndToken && j <= k + 2; j++)
        {
            if (tokens[j].Lower is "injured" or "wounded" or "killed" or "hurt" or "dead")
            {
                return true;
            }

            if (!Between.Contains(tokens[j].Lower))
            {
                return false;
            }
        }

        return false;
    }

    private static bool IsSubCount(Document doc, SentenceMention s, NumberMention n)
    {
        var tokens = doc.Tokens;
        var first = n.TokenIndex;
        while (first > s.FirstToken && tokens[first - 1].End > n.Span.Start)
        {
            first--;
        }

        for (var k = first - 1; k >= Math.Max(s.FirstToken, first - 3); k--)
        {
            var w = tokens[k].Lower;
            if (w is "including" or "among" or "whom" or "them" or "incl")
            {
                // "Two children were among four people injured": the count after "among" with its toll's participle
                // right after it is the whole toll the subject is part of.
                return !(w == "among" && IsTollAfter(doc, s, n.EndToken));
            }

            if (w is "," or "." or ";")
            {
                break;
            }
        }

        return false;
    }

    private static bool IsEarlierReport(Document doc, SentenceMention s)
    {
        var tokens = doc.Tokens;
        for (var i = s.FirstToken; i < Math.Min(s.EndToken, s.FirstToken + 6); i++)
        {
            if (tokens[i].Lower is "earlier" or "previously" or "initially" && (i == s.FirstToken || tokens[i - 1].Lower is "," or "\""))
            {
                return true;
            }

            if (tokens[i].Lower is "earlier" or "previous" or "initial" && i + 1 < s.EndToken && tokens[i + 1].Lower is "reports" or "reported" or "figures" or "data")
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>No single strike kills or injures this many; larger figures are war totals ("315,000 soldiers wounded or killed").</summary>
    public const int MaxPerStrike = 5000;

    private static void Add(ImmutableArray<Mention>.Builder result, Document doc, NumberMention? n, FigureKind kind, int kwIndex, string rule, bool superseded, HashSet<int> used, TextSpan? span = null, bool revision = false, bool increment = false, int count = 1)
    {
        var tokens = doc.Tokens;
        if (n is not null && n.Value > MaxPerStrike)
        {
            return;
        }

        TextSpan full;
        if (n is not null)
        {
            used.Add(n.TokenIndex);
            var kw = tokens[kwIndex].Span;
            full = TextSpan.Cover(n.Span, kw);
        }
        else
        {
            full = span ?? tokens[kwIndex].Span;
        }

        result.Add(new CasualtyMention(full, kind, n?.Value ?? count, n?.Qualifier ?? Qualifier.Exact, n?.ValueSpan ?? full, rule)
        {
            IsRevision = revision,
            IsSuperseded = superseded,
            IsIncrement = increment,
        });
    }

    /// <summary>
    /// Whether the toll told last before <paramref name="at"/> is of <paramref name="kind"/>: "seven injured … three more
    /// injured" adds to it, while "two killed … another two were hurt" tells others than the dead, not more hurt.
    /// </summary>
    private static bool FollowsTollOf(ImmutableArray<Mention>.Builder result, FigureKind kind, int at)
    {
        CasualtyMention? last = null;
        foreach (var m in result)
        {
            if (m is CasualtyMention c && c.Span.End <= at && (last is null || c.Span.Start > last.Span.Start))
            {
                last = c;
            }
        }

        return last is not null && last.Kind == kind;
    }

    /// <summary>
    /// "another two died", "a further three died", "two more people were injured", "ще троє", "еще двое": people added to the
    /// toll of their kind told before (assembly adds an increment only to a toll of its kind before it, so "killed two, and
    /// three more were injured" stays three injured).
    /// </summary>
    private static bool IsMore(Document doc, SentenceMention s, NumberMention n)
    {
        var tokens = doc.Tokens;
        var first = n.TokenIndex;
        while (first > s.FirstToken && tokens[first - 1].End > n.Span.Start)
        {
            first--;
        }

        return (first > s.FirstToken && (tokens[first - 1].Lower is "another" or "further" || Role(tokens[first - 1].Lower) == "more"))
               || (n.EndToken < s.EndToken && tokens[n.EndToken].Lower == "more");
    }
}
