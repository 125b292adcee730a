using System.Collections.Immutable;
using Sitrep.Core;
using Sitrep.Extraction.Text;
using Sitrep.Geo;

namespace Sitrep.Extraction.Assembly;

/// <summary>What a sentence says about attacks: attack words, threats, habits, captions, cues of another attack.</summary>
public sealed partial class EventAssembler
{
    private static readonly FrozenWords AttackWords = FrozenWords.Of(
        "attack", "attacks", "attacked", "attacking", "strike", "strikes", "struck", "shelling", "shelled", "bombardment", "bombarded", "bombing", "bombings", "assault", "raid", "raids",
        "barrage", "launched", "fired", "targeted", "hit", "hits", "pounded", "bombed", "airstrike", "airstrikes", "explosions", "explosion", "blasts", "blast", "intercepted", "downed",
        "destroyed", "shot", "damage", "debris", "fragments", "wreckage", "damaged", "killed", "injured", "wounded", "casualties", "dead", "died", "fire", "repelled", "hit");

    /// <summary>"- On May 30, …", "• …": an item of a list of other attacks, not the lead's own story.</summary>
    private static bool IsBullet(Document doc, SentenceMention s) =>
        doc.Tokens[s.FirstToken].Lower is "-" or "•" or "*" or "·" or "▪" && (s.FirstToken == 0 || doc.Text.AsSpan(doc.Tokens[s.FirstToken - 1].End, doc.Tokens[s.FirstToken].Start - doc.Tokens[s.FirstToken - 1].End).Contains('\n'));

    /// <summary>
    /// "Putin threatened to target Kyiv", "Russia could strike again": the attack words all sit in a clause of
    /// threat, intent or possibility, so no attack happened. "vowed revenge for a drone attack on Kazan" still
    /// reports one: its attack words stand outside the vow.
    /// </summary>
    private static bool IsHypothetical(Document doc, SentenceMention s)
    {
        var tokens = doc.Tokens;
        var cues = CuesOf(doc);
        bool[]? covered = null;
        var any = false;
        for (var i = s.FirstToken; i + 1 < s.EndToken; i++)
        {
            var c = cues[i];
            if ((c & (Cue.Threat | Cue.Modal)) == 0)
            {
                continue;
            }

            var w = tokens[i].Lower;
            var trigger = ((c & Cue.Threat) != 0
                           && (tokens[i + 1].Lower == "to" || (i + 2 < s.EndToken && tokens[i + 2].Lower == "to")))
                          || ((c & Cue.Modal) != 0 && ((cues[i + 1] & Cue.AttackWord) != 0
                              || (w == "will" && tokens[i + 1].IsWord && tokens[i + 1].Lower is not ("be" or "have" or "not"))));
            if (!trigger)
            {
                continue;
            }

            any = true;
            covered ??= new bool[s.EndToken - s.FirstToken];
            for (var k = i; k < Math.Min(s.EndToken, i + 9); k++)
            {
                if (k > i + 1 && tokens[k].Lower is "for" or "after" or "," or "following")
                {
                    break;
                }

                covered[k - s.FirstToken] = true;
            }
        }

        if (!any)
        {
            return false;
        }

        for (var i = s.FirstToken; i < s.EndToken; i++)
        {
            if (!covered![i - s.FirstToken] && (cues[i] & Cue.AttackWord) != 0)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Kyiv, Moscow, Minsk: named as often for their governments as for the places.</summary>
    private static bool IsCapital(PlaceRef p) =>
        p.GazetteerId is "703448" or "524901" or "625144" || p.Name is "Kyiv" or "Kiev" or "Moscow" or "Minsk";

    private static readonly FrozenWords AttackNouns = CueWords("attack-noun");
    private static readonly FrozenWords AlsoWords = CueWords("also");
    private static readonly FrozenWords AlsoFirstWords = CueFirstWords("also");
    private static readonly FrozenWords EarlierOpenings = CueWords("earlier-opening");
    private static readonly FrozenWords EarlierFirstWords = CueFirstWords("earlier-opening");

    private static readonly FrozenWords LongAgoUnits = CueWords("long-ago-unit");
    private static readonly FrozenWords LongAgoWords = CueWords("long-ago");

    /// <summary>
    /// Rule <c>long-ago</c>: the sentence opens with months or years back, in its first four words ("A year ago, …",
    /// "Two years ago …", "Рік тому …", "Год назад …").
    /// </summary>
    internal static bool OpensLongAgo(Document doc, SentenceMention s)
    {
        for (var i = s.FirstToken; i + 1 < Math.Min(s.EndToken, s.FirstToken + 4); i++)
        {
            if (LongAgoUnits.Contains(doc.Tokens[i].Lower) && LongAgoWords.Contains(doc.Tokens[i + 1].Lower))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Rule <c>earlier-opening</c>: the sentence opens by going back to an earlier time than the story told so far
    /// ("Before that, the ministry said …", "Раніше …", "До этого губернатор сообщал …"; the first word, or the
    /// first two).
    /// </summary>
    internal static bool OpensEarlier(Document doc, SentenceMention s)
    {
        var first = doc.Lower(s.FirstToken);
        return EarlierOpenings.Contains(first)
               || (EarlierFirstWords.Contains(first) && s.FirstToken + 1 < s.EndToken && EarlierOpenings.Contains(first + " " + doc.Lower(s.FirstToken + 1)));
    }
    private static readonly FrozenWords RoundupOpenings = CueWords("roundup-opening");
    private static readonly FrozenWords RoundupFirstWords = CueFirstWords("roundup-opening");

    /// <summary>
    /// Rule <c>roundup-opening</c>: the sentence's first word, or first two, turn to another attack within a roundup
    /// ("Meanwhile, …", "Elsewhere, in the Donetsk region, …", "Тем временем …", "Тим часом …", "Окремо …",
    /// "Кроме того …"); a leading conjunction ("And meanwhile") is passed over. Whether it is another attack its
    /// places and weapons decide (rule <c>roundup-elsewhere</c>).
    /// </summary>
    internal static bool OpensRoundup(Document doc, SentenceMention s)
    {
        var i = s.FirstToken;
        if (doc.Lower(i) is "and" or "but" or "а" or "і" or "и" or "но" or "але")
        {
            i++;
        }

        if (i >= s.EndToken)
        {
            return false;
        }

        var first = doc.Lower(i);
        return RoundupOpenings.Contains(first)
               || (RoundupFirstWords.Contains(first) && i + 1 < s.EndToken && RoundupOpenings.Contains(first + " " + doc.Lower(i + 1)));
    }

    private static readonly FrozenWords RecallWords = CueWords("recall");

    /// <summary>
    /// Rule <c>recall-opening</c>: one of the sentence's first four words recaps what was reported before
    /// ("Нагадаємо, вчора …", "Напомним, что …", "As a reminder, …", "We will remind you that …").
    /// </summary>
    internal static bool OpensRecall(Document doc, SentenceMention s)
    {
        var cues = CuesOf(doc);
        for (var i = s.FirstToken; i < Math.Min(s.EndToken, s.FirstToken + 4); i++)
        {
            if ((cues[i] & Cue.Recall) != 0)
            {
                return true;
            }
        }

        return false;
    }

    private static readonly WordTable<bool> AlsoVerbs = new(LexiconFile.Rows("assembly-cues.tsv").Where(r => r.Length > 1 && r[1] == "also-verb").Select(r => (r[0], true)));
    private static readonly FrozenWords NewAttackWords = CueWords("new-attack");
    private static readonly FrozenWords SeparateWords = CueWords("separate");
    private static readonly FrozenWords GapWords = CueWords("gap");
    private static readonly FrozenWords EpisodeWords = CueWords("episode");

    /// <summary>
    /// A cue that the sentence tells of another attack than the one it would join, to be split off when its weapons
    /// differ. Named rules: <c>also-verb</c> ("Russian forces also used glide bombs", "Також цієї ночі ворог застосував
    /// ракети"), <c>additionally</c>,
    /// <c>new-attack-noun</c> ("a new drone attack", "another strike"), <c>earlier-that-day</c> ("Earlier on
    /// Saturday, officials reported shooting down 32 drones").
    /// </summary>
    internal static string? NewAttackRule(Document doc, SentenceMention s, IReadOnlyList<DateMention> dates)
    {
        var tokens = doc.Tokens;
        var cues = CuesOf(doc);
        for (var i = s.FirstToken; i < s.EndToken; i++)
        {
            var c = cues[i];
            if (((c & Cue.Also) != 0 || ((c & Cue.AlsoFirst) != 0 && i + 1 < s.EndToken && AlsoWords.Contains(tokens[i].Lower + " " + tokens[i + 1].Lower))) && AnyCue(cues, i + 1, Math.Min(s.EndToken, i + 6), Cue.AlsoVerb))
            {
                return "also-verb";
            }

            if (i == s.FirstToken && tokens[i].Lower == "additionally")
            {
                return "additionally";
            }

            if ((c & Cue.NewAttack) != 0)
            {
                for (var k = i + 1; k < Math.Min(s.EndToken, i + 4); k++)
                {
                    if ((cues[k] & (Cue.AttackNoun | Cue.NotNewAttackNoun)) == Cue.AttackNoun)
                    {
                        return "new-attack-noun";
                    }
                }
            }
        }

        if (EpisodeWords.Contains(doc.Lower(s.FirstToken)) && dates.Any(d => !d.IsPeriod && d.TokenIndex <= s.FirstToken + 2))
        {
            return "earlier-that-day";
        }

        return null;
    }

    private static readonly FrozenWords WithinHeads = CueWords("within-attack-head");
    private static readonly FrozenWords WithinFirstWords = CueFirstWords("within-attack-head");
    private static readonly FrozenWords WithinDeterminers = CueWords("within-attack-determiner");
    private static readonly FrozenWords WithinNouns = CueWords("within-attack-noun");

    /// <summary>
    /// Rule <c>within-attack</c>: the sentence puts what it tells inside the attack told so far ("Russia also fired
    /// two missiles at Mykolaiv during the attack", "during the same strike", "під час цієї атаки", "в ходе этой
    /// атаки"): a head, at most two determiners, and an attack noun. "During the night" names no attack, and "during
    /// an attack on Kherson" (no determiner) may be another one.
    /// </summary>
    internal static bool TellsWithinAttack(Document doc, SentenceMention s)
    {
        var tokens = doc.Tokens;
        var cues = CuesOf(doc);
        for (var i = s.FirstToken; i < s.EndToken; i++)
        {
            var c = cues[i];
            int k;
            if ((c & Cue.WithinHead) != 0)
            {
                k = i + 1;
            }
            else if ((c & Cue.WithinFirst) != 0 && i + 1 < s.EndToken && WithinHeads.Contains(tokens[i].Lower + " " + tokens[i + 1].Lower))
            {
                k = i + 2;
            }
            else
            {
                continue;
            }

            var determiners = 0;
            while (k < s.EndToken && determiners < 2 && (cues[k] & Cue.WithinDeterminer) != 0)
            {
                k++;
                determiners++;
            }

            if (k < s.EndToken && ((cues[k] & Cue.WithinNoun) != 0 || (determiners > 0 && (cues[k] & Cue.AttackNoun) != 0)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// A cue that the sentence tells of another attack whatever its weapons, an event of its own. Named rules:
    /// <c>separately</c> ("Separately, the mayor reported …"), <c>separate-attack</c> ("a boy was killed in a separate
    /// incident"), <c>later-attack</c> ("Russia later launched a second attack on the city hours later"). "The second
    /// attack" with its article points back at one already told, and is no cue.
    /// </summary>
    internal static string? SeparateAttackRule(Document doc, SentenceMention s)
    {
        var tokens = doc.Tokens;
        if (doc.Lower(s.FirstToken) == "separately")
        {
            return "separately";
        }

        var cues = CuesOf(doc);
        var gap = AnyCue(cues, s.FirstToken, s.EndToken, Cue.Gap);
        for (var i = s.FirstToken; i < s.EndToken; i++)
        {
            if ((cues[i] & Cue.NewAttack) == 0 || (i > s.FirstToken && tokens[i - 1].Lower == "the"))
            {
                continue;
            }

            var w = tokens[i].Lower;
            for (var k = i + 1; k < Math.Min(s.EndToken, i + 4); k++)
            {
                if ((cues[k] & Cue.AttackNoun) != 0)
                {
                    if ((cues[i] & Cue.Separate) != 0)
                    {
                        return "separate-attack";
                    }

                    if (gap && w != "new")
                    {
                        return "later-attack";
                    }
                }
            }
        }

        return null;
    }

    /// <summary>
    /// The section of the report each unit is in: a heading (a paragraph of one short sentence with no full stop, or a
    /// question: "What is known about the attack on Kharkiv?") starts the next section. The headline is section 0.
    /// Sections under a heading of other attacks ("Attacks in other regions") go to <paramref name="otherSections"/>.
    /// </summary>
    private static readonly FrozenWords UpdateWords = CueWords("update");

    /// <summary>
    /// The dates of a sentence less those in the head of an update line ("Обновлено 15 марта в 10:15: число погибших
    /// возросло", "UPD 15.03: …"): that is the day the update was written, so the line goes on with the event told so
    /// far instead of starting one on that day. The head runs from the cue word to the first ':', '.', '-' or bracket
    /// that a space follows, within ten tokens; without one, the two tokens after the cue.
    /// </summary>
    internal static List<DateMention> DatesOutsideUpdateHead(Document doc, SentenceMention s, List<DateMention> dates)
    {
        if (dates.Count == 0)
        {
            return dates;
        }

        var first = s.FirstToken;
        if (doc.Lower(first) is "(" or "[" && first + 1 < s.EndToken)
        {
            first++;
        }

        if (!UpdateWords.Contains(doc.Lower(first)))
        {
            return dates;
        }

        var headEnd = Math.Min(s.EndToken, first + 3);
        for (var k = first + 1; k < Math.Min(s.EndToken, first + 11); k++)
        {
            var t = doc.Tokens[k];
            if (t.Kind == TokenKind.Punct && t.Lower is ":" or "." or "-" or ")" or "]" && (t.End >= doc.Text.Length || char.IsWhiteSpace(doc.Text[t.End])))
            {
                headEnd = k;
                break;
            }
        }

        return dates.Where(d => d.TokenIndex < first || d.TokenIndex >= headEnd).ToList();
    }

    private static readonly FrozenWords OtherHeadingWords = CueWords("other-heading");

    private static int[] Sections(Document doc, List<SentenceMention> units, HashSet<int> otherSections)
    {
        var sections = new int[units.Count];
        var section = 0;
        for (var u = 0; u < units.Count; u++)
        {
            var s = units[u];
            var alone = (u == 0 || units[u - 1].Paragraph != s.Paragraph) && (u + 1 == units.Count || units[u + 1].Paragraph != s.Paragraph);
            var last = doc.Tokens[s.EndToken - 1].Lower;
            if (u > 0 && alone && s.EndToken - s.FirstToken <= 16 && (last == "?" || last is not ("." or "\"" or "!" or ")" or ":")))
            {
                section++;

                // "Attacks in other regions", "Elsewhere": a section of other attacks than the report's own.
                if (AnyCue(CuesOf(doc), s.FirstToken, s.EndToken, Cue.OtherHeading))
                {
                    otherSections.Add(section);
                }
            }

            sections[u] = section;
        }

        return sections;
    }

    private static readonly FrozenWords Habitual = FrozenWords.Of(
        "repeatedly", "regularly", "routinely", "often", "frequently", "constantly", "daily", "nightly", "continually", "increasingly", "usually", "typically", "generally",
        "continuing", "produces", "produce", "manufactures", "stockpiling", "stockpiled", "supplies", "supply", "supplying", "deliveries", "procure", "purchases", "imports");

    /// <summary>
    /// "Russia has repeatedly targeted Ukraine's energy system", "Russia now produces thousands of drones",
    /// "losses estimated at 315,000 soldiers wounded or killed": about the war, not an attack.
    /// </summary>
    private static bool IsGeneric(Document doc, SentenceMention s)
    {
        var cues = CuesOf(doc);
        for (var i = s.FirstToken; i < s.EndToken; i++)
        {
            if ((cues[i] & Cue.Habitual) != 0)
            {
                return true;
            }

            ref readonly var t = ref doc.Tokens[i];
            if (t.Kind == TokenKind.Number && t.Lower.Length is > 4 and < 10 && int.TryParse(t.Lower, System.Globalization.CultureInfo.InvariantCulture, out var n) && n > Stages.Casualties.CasualtyStage.MaxPerStrike
                && !CountsConsequence(doc, s, i))
            {
                return true;
            }
        }

        return false;
    }

    private static readonly FrozenWords ConsequenceWords = CueWords("consequence");

    /// <summary>
    /// Whether the large number at <paramref name="i"/> counts an attack's consequences: a consequence noun, or
    /// "without", within the three words after it ("leaving 30,000 households without power", "left 40,000 people without
    /// electricity").
    /// </summary>
    private static bool CountsConsequence(Document doc, SentenceMention s, int i)
    {
        for (var k = i + 1; k < Math.Min(s.EndToken, i + 4); k++)
        {
            if (ConsequenceWords.Contains(doc.Tokens[k].Lower))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A photo caption or credit line ("In this photo taken …", "Photo: …", "Credit: AP") shows, not reports.</summary>
    private static bool IsCaption(Document doc, SentenceMention s)
    {
        for (var i = s.FirstToken; i < Math.Min(s.EndToken, s.FirstToken + 6); i++)
        {
            if (doc.Tokens[i].Lower is "photo" or "photos" or "pictured" or "picture" or "credit" or "illustrative" or "caption" or "video" && (i == s.FirstToken || doc.Tokens[i - 1].Lower is "this" or "file" or "(" or "in" || (i + 1 < s.EndToken && doc.Tokens[i + 1].Lower == ":")))
            {
                return true;
            }
        }

        // The line a credit follows is the caption it credits: "Firefighters put out a fire in Kharkiv. Credit: AP".
        var next = s.EndToken;
        return next + 1 < doc.Tokens.Count && doc.Tokens[next].Lower is "credit" or "photo" && doc.Tokens[next + 1].Lower == ":"
            && !doc.Text.AsSpan(doc.Tokens[s.EndToken - 1].End, doc.Tokens[next].Start - doc.Tokens[s.EndToken - 1].End).Contains('\n');
    }

    private static readonly WordTable<bool> CyrillicAttackWords = new(new[]
    {
        "атак*", "удар*", "обстріл*", "обстрел*", "вибух*", "взрыв*", "влучан*", "попадан*", "уламк*", "обломк*", "пошкоджен*", "поврежден*", "руйнуван*", "разрушен*",
        "збит*", "сбит*", "знищ*", "уничтож*", "вдари*", "ударил*", "атакува*", "атаковал*", "обстріля*", "обстреля*", "завдал*", "нанес*",
    }.Select(w => (w, true)));

    private static bool HasAttackWord(Document doc, SentenceMention s)
    {
        return AnyCue(CuesOf(doc), s.FirstToken, s.EndToken, Cue.AttackWord | Cue.CyrillicAttack);
    }

    /// <summary>Some token in [<paramref name="from"/>, <paramref name="to"/>) has one of the cues <paramref name="cue"/>.</summary>
    private static bool AnyCue(Cue[] cues, int from, int to, Cue cue)
    {
        for (var k = from; k < to; k++)
        {
            if ((cues[k] & cue) != 0)
            {
                return true;
            }
        }

        return false;
    }
}
