using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Globalization;
using Sitrep.Core;
using Sitrep.Extraction.Text;

namespace Sitrep.Extraction.Stages.Numbers;

/// <summary>
/// Finds counts: digits with separators ("1,400"), number words ("twenty-eight", "a dozen", "both",
/// "all 14", "dozens" = 12 and "hundreds" = 100 as ACLED codes them) with the hedge before them
/// ("at least", "more than", "about", "up to"). Leaves out what is not a count: times ("10:15"),
/// dates ("25 October", "December 29"), years, ages ("aged 57"), measures ("40 km", "20%"), ordinals.
/// </summary>
public sealed class NumberStage : IStage
{
    private static readonly WordTable<(int Value, string Flag)> Words = LoadWords();
    private static readonly List<(string[] Words, Qualifier Q)> Qualifiers = LoadQualifiers();

    /// <summary>
    /// <see cref="Qualifiers"/> by their last word, each list in the order of <see cref="Qualifiers"/> (longest first):
    /// a number asks only the hedges that can end on the word before it, and finds the one the whole list would.
    /// </summary>
    private static readonly FrozenDictionary<string, (string[] Words, Qualifier Q)[]> QualifiersByLastWord =
        Qualifiers.GroupBy(q => q.Words[^1], StringComparer.Ordinal).ToFrozenDictionary(g => g.Key, g => g.ToArray(), StringComparer.Ordinal);

    /// <summary>Cardinal case endings after digits: "58-ма", "2-х" (<c>numeral-suffixes.tsv</c>).</summary>
    private static readonly FrozenWords CaseSuffixes = FrozenWords.Of(LexiconFile.Rows("numeral-suffixes.tsv").Select(r => r[0]));

    private static readonly FrozenWords Units = FrozenWords.Of(
        "km", "kilometers", "kilometres", "kilometer", "kilometre", "miles", "mile", "m", "meters", "metres", "kg", "tons", "tonnes", "percent",
        "per", "%", "years", "year", "hours", "hour", "minutes", "minute", "seconds", "days", "day", "months", "month", "weeks", "week", "mm",
        "am", "pm", "a.m", "p.m", "gmt", "utc", "hrs", "hectares", "sq", "square", "degrees", "storey", "floors", "floor", "st", "th", "nd", "rd",
        "million", "billion", "times", "км", "кілометрів", "километров", "років", "року", "лет", "года", "годин", "часов", "хвилин", "минут", "разів", "раз", "o'clock", "°", "ft", "feet", "mph", "mw", "kw", "gw", "uah", "usd", "dollars", "euros", "rubles", "hryvnias");

    public static readonly FrozenWords Months = FrozenWords.Of(
        "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december",
        "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
        "січня", "лютого", "березня", "квітня", "травня", "червня", "липня", "серпня", "вересня", "жовтня", "листопада", "грудня",
        "января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября", "октября", "ноября", "декабря");

    public string Name => "numbers";

    public ImmutableArray<string> Requires => [];

    public string Produces => Layers.Numbers;

    public ImmutableArray<Mention> Run(Document document)
    {
        var tokens = document.Tokens;
        var result = ImmutableArray.CreateBuilder<Mention>();
        for (var i = 0; i < tokens.Count; i++)
        {
            if (!TryReadNumber(document, i, out var value, out var end, out var flag))
            {
                continue;
            }

            var first = i;
            var last = end - 1;
            if (value == 1 && first > 0 && tokens[first - 1].Lower is "no" && tokens[first].Lower == "one")
            {
                continue; // "no one"
            }

            if (IsNotACount(document, first, end, value))
            {
                i = end - 1;
                continue;
            }

            var q = Qualifier.Exact;
            var spanStart = tokens[first].Start;
            var isAll = flag == "all";
            if (first > 0 && tokens[first - 1].Lower is "all" or "всі" or "усі" or "все" or "всех" or "всіх" && flag != "all" && SameLine(document.Text, tokens[first - 1].End, tokens[first].Start))
            {
                isAll = true;
                spanStart = tokens[first - 1].Start;
            }
            else
            {
                foreach (var (words, qual) in first > 0 && QualifiersByLastWord.TryGetValue(tokens[first - 1].Lower, out var hedges) ? hedges : [])
                {
                    if (EndsWith(tokens, first, words) && SameLine(document.Text, tokens[first - words.Length].End, tokens[first].Start))
                    {
                        q = qual;
                        spanStart = tokens[first - words.Length].Start;
                        break;
                    }
                }
            }

            // "20 or more", "50-plus"
            if (end + 1 < tokens.Count && tokens[end].Lower == "or" && tokens[end + 1].Lower is "more" or "so")
            {
                q = tokens[end + 1].Lower == "more" ? Qualifier.AtLeast : Qualifier.About;
            }

            var valueSpan = new TextSpan(tokens[first].Start, tokens[last].End);
            result.Add(new NumberMention(new TextSpan(spanStart, tokens[last].End), value, q, valueSpan, first, end, flag == "" ? "digits-or-words" : flag)
            {
                IsAll = isAll,
                IsVague = flag == "vague",
            });
            i = end - 1;
        }

        return result.ToImmutable();
    }

    /// <summary>Reads a number starting at token <paramref name="i"/>: digits, or number words that combine.</summary>
    public static bool TryReadNumber(Document doc, int i, out int value, out int end, out string flag)
    {
        var tokens = doc.Tokens;
        value = 0;
        end = i;
        flag = "";
        var t = tokens[i];
        if (t.Kind == TokenKind.Number)
        {
            // A number over the ceiling ("99999999999999999999 drones") is not a count (Counts.Ceiling).
            if (t.Lower.Contains('.', StringComparison.Ordinal) || t.Lower.Length > 9 || !int.TryParse(t.Lower, NumberStyles.None, CultureInfo.InvariantCulture, out value)
                || !Counts.IsCount(value))
            {
                value = 0;
                return false;
            }

            end = i + 1;
            // "1.5 thousand", "2 thousand"
            if (end < tokens.Count && tokens[end].Lower == "thousand" && value < 1000)
            {
                value *= 1000;
                end++;
            }

            return true;
        }

        if (!t.IsWord)
        {
            return false;
        }

        // "58-ма ударними БпЛА", "9-ти дронов": digits with a cardinal case ending.
        if (TryDigitsWithCaseEnding(t.Lower, out value))
        {
            end = i + 1;
            return true;
        }

        // "a dozen", "a hundred"
        if (t.Lower is "a" or "an" && i + 1 < tokens.Count && tokens[i + 1].Lower is "dozen" or "hundred" or "thousand" or "couple")
        {
            Words.TryGetValue(tokens[i + 1].Lower, out var unit);
            value = unit.Value;
            end = i + 2;
            if (tokens[i + 1].Lower == "couple" && end < tokens.Count && tokens[end].Lower == "of")
            {
                end++;
            }

            return true;
        }

        if (!TryWord(t.Lower, out var v, out flag))
        {
            return false;
        }

        if (flag == "none")
        {
            return false; // "no" is handled by the stages that read "no casualties".
        }

        if (t.Lower is "dozen" or "pair" or "couple" && flag == "")
        {
            return false; // bare, without "a"
        }

        long total = 0, current = v;
        end = i + 1;
        while (end < tokens.Count)
        {
            var w = tokens[end].Lower;
            if (w == "and" && end + 1 < tokens.Count && TryWord(tokens[end + 1].Lower, out var v2, out var f2) && f2 == "" && v2 < 100 && current >= 100)
            {
                current += v2;
                end += 2;
                continue;
            }

            if (!TryWord(w, out var nv, out var nf) || nf != "")
            {
                break;
            }

            if (total + current > Counts.Ceiling)
            {
                break;
            }

            if (nv == 100)
            {
                current = Math.Max(current, 1) * 100;
            }
            else if (nv == 1000)
            {
                total += Math.Max(current, 1) * 1000;
                current = 0;
            }
            else if (current % 100 == 0 && current >= 100 || (current >= 20 && current % 10 == 0 && nv < 10))
            {
                current += nv;
            }
            else
            {
                break;
            }

            end++;
        }

        if (!Counts.IsCount(total + current))
        {
            // "thousand thousand thousand …": words that multiply past the ceiling are not a count.
            value = 0;
            return false;
        }

        value = (int)(total + current);
        return true;
    }

    private static bool TryDigitsWithCaseEnding(string w, out int value)
    {
        value = 0;
        if (w.Length < 3 || !char.IsAsciiDigit(w[0]))
        {
            return false; // digits first, then '-' and an ending
        }

        var dash = w.IndexOf('-', StringComparison.Ordinal);
        if (dash <= 0 || dash > 7 || !CaseSuffixes.Contains(w.AsSpan(dash + 1)))
        {
            return false;
        }

        for (var k = 0; k < dash; k++)
        {
            if (!char.IsAsciiDigit(w[k]))
            {
                return false;
            }
        }

        // "у 1990-х роках": a decade, not a count.
        return int.TryParse(w.AsSpan(0, dash), NumberStyles.None, CultureInfo.InvariantCulture, out value) && Counts.IsCount(value) && value is < 1900 or > 2100;
    }

    [ThreadStatic]
    private static WordMemo<(bool Found, int Value, string Flag)>? t_words;

    /// <summary>
    /// The number a word says ("seven", "twenty-eight", "dozens"), with its flag: <see cref="ReadWord"/>'s answer, for a
    /// Cyrillic word kept per distinct word on this thread (its stems are scanned once, not at every occurrence).
    /// </summary>
    private static bool TryWord(string w, out int value, out string flag)
    {
        if (w.Length == 0 || w[0] <= 127)
        {
            // The table matches a word that starts with ASCII only exactly (its stems are Cyrillic): its mask answers
            // most such words at once, cheaper than the memo.
            return ReadWord(w, out value, out flag);
        }

        var memo = t_words ??= new WordMemo<(bool, int, string)>();
        if (!memo.TryGet(w, out var e))
        {
            var found = ReadWord(w, out var v, out var f);
            e = (found, v, f);
            memo.Set(w, e);
        }

        value = e.Value;
        flag = e.Flag;
        return e.Found;
    }

    /// <summary>What <see cref="TryWord"/> answers, from the table.</summary>
    internal static bool ReadWord(string w, out int value, out string flag)
    {
        if (Words.TryGetValue(w, out var e))
        {
            value = e.Value;
            flag = e.Flag;
            return true;
        }

        // "twenty-eight"
        var dash = w.IndexOf('-', StringComparison.Ordinal);
        if (dash > 0 && Words.TryGetValue(w.AsSpan(0, dash), out var tens) && tens.Value is >= 20 and < 100 && tens.Value % 10 == 0
            && Words.TryGetValue(w.AsSpan(dash + 1), out var ones) && ones.Value is > 0 and < 10)
        {
            value = tens.Value + ones.Value;
            flag = "";
            return true;
        }

        value = 0;
        flag = "";
        return false;
    }

    private static bool IsNotACount(Document doc, int first, int end, int value)
    {
        var tokens = doc.Tokens;
        var text = doc.Text;
        var prev = first > 0 ? tokens[first - 1].Lower : "";
        var next = end < tokens.Count ? tokens[end].Lower : "";
        var next2 = end + 1 < tokens.Count ? tokens[end + 1].Lower : "";

        // Times: "10:15", "21:29" (but "down 92: 55 drones and 37 missiles" is a total and its parts); "№1"; "No. 1"
        if (next == ":" && end + 1 < tokens.Count && tokens[end + 1].Kind == TokenKind.Number && tokens[end].Start == tokens[end - 1].End && tokens[end + 1].Start == tokens[end].End)
        {
            return true;
        }

        if (prev == ":" && first >= 2 && tokens[first - 2].Kind == TokenKind.Number && tokens[first - 1].Start == tokens[first - 2].End && tokens[first].Start == tokens[first - 1].End)
        {
            return true;
        }

        if (prev is "№" or "#" || (prev == "." && first >= 2 && tokens[first - 2].Lower == "no"))
        {
            return true;
        }

        // Measures, ages, times of day.
        if (Units.Contains(next) || next == "%" || (next == "-" && Units.Contains(next2)))
        {
            return true;
        }

        if (prev is "aged" or "age" or "ages" or "page" or "article" or "resolution" or "number" or "from" && tokens[first].Kind == TokenKind.Number && prev != "from")
        {
            return true;
        }

        if (prev == "and" && first >= 3 && tokens[first - 3].Lower == "aged")
        {
            return true;
        }

        // Dates: "December 29", "Nov. 6", "25 October", "2024".
        if (Months.Contains(prev) || (prev == "." && first >= 2 && Months.Contains(tokens[first - 2].Lower)) || Months.Contains(next))
        {
            return true;
        }

        if (prev == "of" && first >= 2 && tokens[first - 2].Lower == "night")
        {
            return true; // "the night of 14-15 October"
        }

        if (tokens[first].Kind == TokenKind.Number && value is >= 1900 and <= 2100 && !text.AsSpan(tokens[first].Start, tokens[first].End - tokens[first].Start).Contains(','))
        {
            return true;
        }

        // Ordinal words and clock times spelled in digits like "0030GMT" are words, not numbers, already.
        return false;
    }

    /// <summary>A hedge on the line before ("at least\n16") belongs to another sentence.</summary>
    private static bool SameLine(string text, int from, int to) => text.AsSpan(from, Math.Max(0, to - from)).IndexOfAny('\n', '\r') < 0;

    private static bool EndsWith(TokenList tokens, int before, string[] words)
    {
        if (before < words.Length)
        {
            return false;
        }

        for (var k = 0; k < words.Length; k++)
        {
            if (tokens[before - words.Length + k].Lower != words[k])
            {
                return false;
            }
        }

        return true;
    }

    private static WordTable<(int, string)> LoadWords()
    {
        // A word listed twice keeps its last row.
        var d = new Dictionary<string, (int, string)>(StringComparer.Ordinal);
        foreach (var row in LexiconFile.Rows("number-words.tsv"))
        {
            d[row[0]] = (int.Parse(row[1], CultureInfo.InvariantCulture), row.Length > 2 ? row[2] : "");
        }

        return new WordTable<(int, string)>(d.Select(kv => (kv.Key, kv.Value)));
    }

    private static List<(string[], Qualifier)> LoadQualifiers()
    {
        var list = new List<(string[], Qualifier)>();
        foreach (var row in LexiconFile.Rows("qualifiers.tsv"))
        {
            list.Add((row[0].Split(' '), Enum.Parse<Qualifier>(row[1])));
        }

        // Longest first, so "no fewer than" wins over "fewer than".
        list.Sort((a, b) => b.Item1.Length.CompareTo(a.Item1.Length));
        return list;
    }
}
