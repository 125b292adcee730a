namespace Sitrep.Core;

/// <summary>
/// Which of the languages Sitrep reads a text is in (en, uk, ru), and the one test for a Cyrillic letter. A header's
/// <see cref="Article.Language"/> wins; otherwise a cheap detector reads the letters: mostly Cyrillic is Ukrainian
/// when letters only Ukrainian writes (і, ї, є, ґ) outnumber those only Russian writes (ы, э, ё, ъ), else Russian;
/// anything else is English. Pure functions over the text; never throws.
/// </summary>
public static class TextLanguage
{
    public const string English = "en";
    public const string Ukrainian = "uk";
    public const string Russian = "ru";

    /// <summary>True for a letter of the Cyrillic block (U+0400–U+04FF).</summary>
    public static bool IsCyrillic(char c) => c is >= '\u0400' and <= '\u04FF';

    /// <summary>True when the word begins with a Cyrillic letter.</summary>
    public static bool StartsCyrillic(ReadOnlySpan<char> word) => word.Length > 0 && IsCyrillic(word[0]);

    /// <summary>True when the text has a Cyrillic letter.</summary>
    public static bool HasCyrillic(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (IsCyrillic(c))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The article's language: its header's (en, uk, ru; "ua" read as uk), else what <see cref="Detect"/> reads from its text.</summary>
    public static string Of(Article article)
    {
        var declared = article.Language?.Trim().ToLowerInvariant();
        return declared switch
        {
            "en" or "eng" or "english" => English,
            "uk" or "ua" or "ukr" or "ukrainian" => Ukrainian,
            "ru" or "rus" or "russian" => Russian,
            _ => Detect(article.Text.AsSpan(0, Math.Min(article.Text.Length, 4000))),
        };
    }

    /// <summary>uk or ru when most letters are Cyrillic (by the letters only one of them writes), else en.</summary>
    public static string Detect(ReadOnlySpan<char> text)
    {
        if (text.IndexOfAnyInRange('\u0400', '\u04FF') < 0)
        {
            return English; // no Cyrillic letter (a vectorized search): none outnumbers the Latin ones
        }

        int cyrillic = 0, latin = 0, ukrainian = 0, russian = 0;
        foreach (var c in text)
        {
            if (IsCyrillic(c))
            {
                cyrillic++;
                switch (char.ToLowerInvariant(c))
                {
                    case 'і' or 'ї' or 'є' or 'ґ':
                        ukrainian++;
                        break;
                    case 'ы' or 'э' or 'ё' or 'ъ':
                        russian++;
                        break;
                }
            }
            else if (c is >= 'a' and <= 'z' or >= 'A' and <= 'Z')
            {
                latin++;
            }
        }

        if (cyrillic <= latin)
        {
            return English;
        }

        return ukrainian > russian ? Ukrainian : Russian;
    }
}
