namespace Sitrep.Extraction.Text;

/// <summary>
/// Splits text into tokens. A word is a run of letters and digits that may hold inner hyphens and
/// apostrophes ("Shahed-136", "twenty-eight", "Dnipropetrovs'k"); a number is a run of digits that may hold
/// thousands separators ("1,400", "1 400") or a decimal point ("2.5"); anything else that is not a space is
/// one punctuation token. Never throws.
/// </summary>
public static class Tokenizer
{
    public static List<Token> Tokenize(string text) => Tokenize(text, WordCache.Current);

    /// <summary>As <see cref="Tokenize(string)"/>, the lowered strings taken from <paramref name="cache"/> (none: a new string per token).</summary>
    internal static List<Token> Tokenize(string text, WordCache? cache)
    {
        var tokens = new List<Token>(text.Length / 5 + 4);
        TokenizeInto(text, tokens, cache);
        return tokens;
    }

    /// <summary>Appends the tokens of <paramref name="text"/> to <paramref name="tokens"/>.</summary>
    internal static void TokenizeInto(string text, List<Token> tokens, WordCache? cache) => TokenizeInto(text, tokens, cache, asciiWords: true);

    /// <summary>As <see cref="TokenizeInto(string, List{Token}, WordCache?)"/>; <paramref name="asciiWords"/> false: every word by the full loop (tests compare the two).</summary>
    internal static void TokenizeInto(string text, List<Token> tokens, WordCache? cache, bool asciiWords)
    {
        var i = 0;
        var n = text.Length;
        var sb = new CharBuffer(Buffer);
        while (i < n)
        {
            var c = text[i];
            if (c == ' ' || char.IsWhiteSpace(c) || char.IsControl(c) || c == '\u200b' || c == '\u00ad')
            {
                i++;
                continue;
            }

            if (asciiWords && c < 128 && AsciiWordChar[c] != 0 && TryAsciiWord(text, ref i, tokens, cache, ref sb))
            {
                continue;
            }

            if (char.IsLetterOrDigit(c) && c != ModifierApostrophe || char.IsSurrogate(c) && char.IsLetter(text, i) && i + 1 < n)
            {
                var start = i;
                var allDigits = true;
                sb.Clear();
                while (i < n)
                {
                    c = text[i];
                    // The modifier letter apostrophe (U+02BC, "пʼять") is a letter to .NET; inside a word it is the
                    // apostrophe, folded as ' and ’ are, so a lexicon holds each word once.
                    if (c == ModifierApostrophe)
                    {
                        if (i + 1 < n && char.IsLetter(text[i + 1]) && !allDigits)
                        {
                            sb.Append('\'');
                            i++;
                            continue;
                        }

                        break;
                    }

                    if (c < 128)
                    {
                        // ASCII, most of the text: one table read says digit, letter (and its lowercase) or neither.
                        var lowered = AsciiWordChar[c];
                        if (lowered != 0)
                        {
                            allDigits &= char.IsAsciiDigit(c);
                            sb.Append(lowered);
                            i++;
                            continue;
                        }
                    }
                    else if (char.IsLetterOrDigit(c) || char.GetUnicodeCategory(c) == System.Globalization.UnicodeCategory.NonSpacingMark)
                    {
                        allDigits &= char.IsAsciiDigit(c);
                        sb.Append(char.ToLowerInvariant(c));
                        i++;
                        continue;
                    }

                    if (char.IsHighSurrogate(c) && i + 1 < n && char.IsLowSurrogate(text[i + 1]) && char.IsLetter(text, i))
                    {
                        allDigits = false;
                        sb.Append(c);
                        sb.Append(text[i + 1]);
                        i += 2;
                        continue;
                    }

                    if (i + 1 < n && char.IsLetterOrDigit(text[i + 1]))
                    {
                        // Inner joiners: hyphens and apostrophes between word characters.
                        if (IsHyphen(c) && !(allDigits && char.IsAsciiDigit(text[i + 1]) && LooksLikeRange(text, start, i)))
                        {
                            allDigits = false;
                            sb.Append('-');
                            i++;
                            continue;
                        }

                        if (IsApostrophe(c) && char.IsLetter(text[i + 1]) && !allDigits)
                        {
                            sb.Append('\'');
                            i++;
                            continue;
                        }

                        // Thousands separators and decimal points inside numbers.
                        if (allDigits && (c == ',' || c == '.') && IsGroupOf3(text, i + 1))
                        {
                            i++;
                            continue;
                        }

                        if (allDigits && c == '.' && char.IsAsciiDigit(text[i + 1]))
                        {
                            sb.Append('.');
                            i++;
                            continue;
                        }
                    }

                    break;
                }

                var lower = sb.Chars;
                var kind = allDigits || IsDecimal(lower) ? TokenKind.Number : TokenKind.Word;
                if (cache is null)
                {
                    tokens.Add(new Token(start, i, kind, lower.ToString()));
                }
                else
                {
                    var word = cache.Get(lower, sb.Hash, out var slot);
                    tokens.Add(new Token(start, i, kind, word, slot));
                }
                continue;
            }

            var len = char.IsHighSurrogate(c) && i + 1 < n && char.IsLowSurrogate(text[i + 1]) ? 2 : 1;
            tokens.Add(new Token(i, i + len, TokenKind.Punct, NormalizePunct(c, text.AsSpan(i, len))));
            i += len;
        }

        Buffer = sb.Array;
    }

    /// <summary>
    /// Most words are a run of ASCII letters and digits that ends at a space or a punctuation mark: read it in one pass
    /// (no character appended anywhere when it is already lowercase) and add its token, as the full loop would. False,
    /// <paramref name="i"/> unchanged, when the run ends where the full loop may go on (a joiner before a letter or a
    /// digit, a character outside ASCII): the caller reads the word with the full loop.
    /// </summary>
    private static bool TryAsciiWord(string text, ref int i, List<Token> tokens, WordCache? cache, ref CharBuffer sb)
    {
        var start = i;
        var n = text.Length;
        var table = AsciiWordChar;
        var hash = WordCache.HashSeed;
        var allDigits = true;
        var upper = false;
        var k = start;
        for (; k < n; k++)
        {
            var c = text[k];
            if (c >= 128)
            {
                return false;
            }

            var lowered = table[c];
            if (lowered == 0)
            {
                if (c is '-' or '\'' or '`' or ',' or '.' && k + 1 < n && char.IsLetterOrDigit(text[k + 1]))
                {
                    return false;
                }

                break;
            }

            hash = WordCache.HashStep(hash, lowered);
            allDigits &= char.IsAsciiDigit(c);
            upper |= lowered != c;
        }

        var length = k - start;
        ReadOnlySpan<char> lower;
        if (upper)
        {
            sb.Clear();
            for (var j = start; j < k; j++)
            {
                sb.Append(table[text[j]]);
            }

            lower = sb.Chars;
        }
        else
        {
            lower = text.AsSpan(start, length);
        }

        var kind = allDigits ? TokenKind.Number : TokenKind.Word;
        if (cache is null)
        {
            tokens.Add(new Token(start, k, kind, lower.ToString()));
        }
        else
        {
            var word = cache.Get(lower, hash, out var slot);
            tokens.Add(new Token(start, k, kind, word, slot));
        }

        i = k;
        return true;
    }

    /// <summary>This thread's buffer for a word's lowered characters (kept at the size of the longest word yet).</summary>
    [ThreadStatic]
    private static char[]? t_buffer;

    private static char[] Buffer
    {
        get => t_buffer ??= new char[64];
        set => t_buffer = value;
    }

    /// <summary>A word's lowered characters as they are appended: a growable array, no string until the word ends.</summary>
    private ref struct CharBuffer(char[] array)
    {
        private int _length;

        /// <summary>The FNV-1a hash of the characters appended since <see cref="Clear"/> (<see cref="WordCache.Hash"/> of <see cref="Chars"/>).</summary>
        private uint _hash = WordCache.HashSeed;

        public char[] Array { get; private set; } = array;

        public readonly uint Hash => _hash;

        public readonly ReadOnlySpan<char> Chars => Array.AsSpan(0, _length);

        public void Clear()
        {
            _length = 0;
            _hash = WordCache.HashSeed;
        }

        public void Append(char c)
        {
            _hash = WordCache.HashStep(_hash, c);
            var a = Array;
            var n = _length;
            if ((uint)n < (uint)a.Length)
            {
                a[n] = c;
                _length = n + 1;
            }
            else
            {
                Grow(c);
            }
        }

        /// <summary>Kept out of <see cref="Append"/> so that the common case inlines into the tokenizer's loop.</summary>
        [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
        private void Grow(char c)
        {
            var bigger = new char[Array.Length * 2];
            Array.AsSpan().CopyTo(bigger);
            Array = bigger;
            Array[_length++] = c;
        }
    }

    private const char ModifierApostrophe = '\u02bc';

    public static bool IsHyphen(char c) => c is '-' or '‐' or '‑' or '–';

    public static bool IsApostrophe(char c) => c is '\'' or '’' or 'ʼ' or '‘' or '`' or '´';

    private static string NormalizePunct(char c, ReadOnlySpan<char> raw) => c switch
    {
        '“' or '”' or '„' or '«' or '»' or '"' => "\"",
        '’' or '‘' or 'ʼ' or '`' or '´' => "'",
        '–' or '—' or '‐' or '‑' => "-",
        _ => raw.Length == 1 && c < 128 ? CachedAscii[c] : raw.ToString(),
    };

    /// <summary>For each ASCII character: its lowercase when it is a letter or a digit (what the word loop appends), else 0.</summary>
    private static readonly char[] AsciiWordChar = Enumerable.Range(0, 128)
        .Select(i => char.IsLetterOrDigit((char)i) ? char.ToLowerInvariant((char)i) : '\0').ToArray();

    private static readonly string[] CachedAscii = Enumerable.Range(0, 128).Select(i => ((char)i).ToString()).ToArray();

    /// <summary>"14-15 October" is a range of two numbers, not one token; "Kh-101" is a word.</summary>
    private static bool LooksLikeRange(string text, int start, int hyphen) => hyphen > start;

    private static bool IsGroupOf3(string text, int i) =>
        i + 3 <= text.Length && char.IsAsciiDigit(text[i]) && char.IsAsciiDigit(text[i + 1]) && char.IsAsciiDigit(text[i + 2])
        && (i + 3 == text.Length || !char.IsLetterOrDigit(text[i + 3]) || text[i + 3] == ',');

    private static bool IsDecimal(ReadOnlySpan<char> sb)
    {
        if (sb.Length == 0 || !char.IsAsciiDigit(sb[0]))
        {
            return false;
        }

        for (var k = 0; k < sb.Length; k++)
        {
            if (!char.IsAsciiDigit(sb[k]) && sb[k] != '.')
            {
                return false;
            }
        }

        return true;
    }
}
