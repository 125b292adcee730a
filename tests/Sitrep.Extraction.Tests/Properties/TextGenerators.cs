using System.Globalization;
using FsCheck;
using FsCheck.Fluent;
using Sitrep.Core;

namespace Sitrep.Extraction.Tests.Properties;

/// <summary>
/// FsCheck generators for property tests: texts that mix the vocabulary of strike reports (numbers, weapons, places,
/// verbs, dates, claimants) with hostile Unicode, so the properties reach the engine's rules and not only its empty path.
/// </summary>
internal static class TextGenerators
{
    private static readonly CultureInfo Ci = CultureInfo.InvariantCulture;

    /// <summary>Words and phrases of real reporting, written for these tests.</summary>
    public static readonly string[] Vocabulary =
    [
        "Russia", "Ukraine", "Russian", "Ukrainian", "forces", "launched", "fired", "attacked", "struck", "shelled",
        "shot down", "destroyed", "intercepted", "were intercepted", "of them", "out of", "all", "both", "of the",
        "killed", "was killed", "were killed", "injured", "were injured", "wounded", "hurt", "died", "dead",
        "a woman was killed", "three people were injured", "no casualties were reported", "the toll rose to",
        "the death toll rose to", "drones", "drone", "missiles", "missile", "Shahed", "Shahed-136", "Geran-2", "Kh-101",
        "X-101", "Kalibr", "Iskander-M", "Kinzhal", "KN-23", "S-300", "KAB", "guided bombs", "Grad", "HIMARS", "ATACMS",
        "Storm Shadow", "cruise missiles", "ballistic missiles", "UAVs", "kamikaze drones", "artillery", "rockets",
        "at least", "more than", "about", "up to", "over", "nearly", "a dozen", "dozens", "hundreds", "a", "one",
        "overnight", "early Thursday", "on Sunday", "on the night of Sunday to Monday", "a day earlier", "yesterday",
        "today", "earlier this week", "last week", "on March 3", "3 March", "2024-11-13", "since the war began",
        "the air force said", "according to the governor", "wrote on Telegram", "the defence ministry said", "Gov.",
        "U.S.", "Kharkiv", "Odesa", "Dnipro", "Kyiv", "Sumy", "Zaporizhzhia", "Belgorod", "Kursk region",
        "the Belgorod, Kursk and Bryansk regions", "Crimea", "Sevastopol", "Kherson", "Lviv region", "Moscow",
        "region", "oblast", "village of", "city of", "in", "at", "and", "the", "over", "near", "said", ".", ",", ";",
        ":", "\"", "“", "”", "‘", "’", "—", "-", "(", ")", "\n", "\n\n", "...", "!", "?",
    ];

    /// <summary>Cyrillic, RTL and other scripts, control and format characters, lone and paired surrogates.</summary>
    public static readonly string[] Hostile =
    [
        "Харків", "Бєлгород", "ракета", "беспилотник", "збито 28", "загинули", "Київщина", "Ё", "ё", "й",
        "\u200F", "\u200E", "\u202E", "\u202B", "\u2066", "\u2069", "مسيرة", "טיל", "\u0645\u0650",
        "\0", "\u0001", "\u0007", "\b", "\t", "\r", "\r\n", "\u000B", "\f", "\u001B", "\u007F", "\u0085", "\u009C",
        "\uD800", "\uDBFF", "\uDC00", "\uDFFF", "\uDC00\uD800", "\uD83D\uDE80", "\uD83D", "\uDE80", "🚀💥",
        "\uFEFF", "\u200B", "\u200D", "\u2028", "\u2029", "\u00A0", "\u202F", "\uFFFD", "\uFFFE", "\uFFFF",
        "e\u0301", "\u0301", "\u0336\u0336\u0336", "ﬁ", "İ", "ı", "ß", "Ⅻ",
        "１２", "٣٤", "۵", "²", "½", "१२", "〇",
    ];

    public static readonly string[] NumberWords =
    [
        "zero", "one", "two", "three", "twelve", "twenty", "twenty-eight", "thirty-one", "forty", "ninety-nine",
        "one hundred", "a hundred and forty", "one thousand", "a dozen", "dozens", "hundreds", "thousands", "both",
        "a couple", "a few", "several", "million", "billion", "trillion", "one million two hundred thousand",
    ];

    /// <summary>Numbers as text: small and large, separators, words, and pathological digit strings.</summary>
    public static Gen<string> Number { get; } = Gen.Frequency(
        (4, Gen.Choose(0, 500).Select(n => n.ToString(Ci))),
        (2, Gen.Choose(1000, 2_000_000).Select(n => n.ToString("#,0", Ci))),
        (2, Gen.Elements(NumberWords)),
        (1, Gen.Choose(1, 400).SelectMany(len => Gen.ArrayOf(Gen.Choose('0', '9').Select(c => (char)c), len)).Select(a => new string(a))),
        (1, Gen.Elements("-5", "−12", "3.5", "1,4", "1,", ",000", "1,000,000,000,000", "10th", "1st", "24-year-old", "2147483647",
            "2147483648", "-2147483648", "99999999999999999999", "1e9", "0x1F", "007", "5-6", "5 to 6", "10–12", "1 000", "1.400")));

    /// <summary>Any UTF-16 code unit, surrogates and controls included.</summary>
    public static Gen<char> AnyChar { get; } = Gen.Choose(0, 0xFFFF).Select(i => (char)i);

    public static Gen<string> AnyString { get; } = Gen.ArrayOf(AnyChar).Select(a => new string(a));

    public static Gen<string> Token { get; } = Gen.Frequency(
        (8, Gen.Elements(Vocabulary)),
        (4, Number),
        (2, Gen.Elements(Hostile)),
        (1, AnyString.Select(s => s.Length > 8 ? s[..8] : s)));

    private static readonly string[] Separators = [" ", " ", " ", " ", "", "\n", "  ", "\u00A0", "\t"];

    /// <summary>A report-like text: many tokens of vocabulary, numbers and hostile Unicode.</summary>
    public static Gen<string> ReportLike { get; } = Gen.Sized(size =>
        Gen.ArrayOf(Token.SelectMany(t => Gen.Elements(Separators).Select(sep => t + sep)), Math.Max(1, size * 3))
            .Select(parts => string.Concat(parts)));

    /// <summary>Sentences shaped like real reports with slots filled from the vocabulary, numbers and hostile strings.</summary>
    public static Gen<string> SentenceLike { get; } =
        from subject in Gen.Elements("Russia", "Ukraine", "Russian forces", "Ukrainian drones", "The enemy", "")
        from verb in Gen.Elements("launched", "fired", "shot down", "destroyed", "attacked", "killed", "injured")
        from n in Number
        from weapon in Gen.Elements("drones", "missiles", "Shahed drones", "Kh-101 cruise missiles", "Iskander-M missiles", "guided bombs", "people", "")
        from place in Gen.Elements("Kharkiv", "Odesa", "the Kursk region", "Belgorod", "Dnipro", "Харків", "")
        from date in Gen.Elements("overnight", "on the night of Sunday to Monday", "a day earlier", "early Thursday", "on March 3", "")
        from claim in Gen.Elements("the air force said", "according to the governor", "the governor wrote on Telegram", "")
        from junk in Gen.Frequency((3, Gen.Constant("")), (1, Gen.Elements(Hostile)), (1, Number))
        from n2 in Number
        select $"{subject} {verb} {n} {weapon} at {place} {date}, {claim}{junk}. {n2} of them were {verb}. ";

    public static Gen<string> Paragraphs { get; } = Gen.Sized(size =>
        Gen.ArrayOf(Gen.Frequency((3, SentenceLike), (1, ReportLike.Resize(8))), Math.Max(1, size / 4)).Select(s => string.Concat(s)));

    /// <summary>Publication dates: none, ordinary ones, year ends and leap days, and the odd century.</summary>
    public static Gen<DateOnly?> Published { get; } = Gen.Frequency(
        (2, Gen.Constant<DateOnly?>(null)),
        (6, Gen.Choose(0, 4000).Select(d => (DateOnly?)new DateOnly(2020, 1, 1).AddDays(d))),
        (1, Gen.Elements<DateOnly?>(new DateOnly(2024, 2, 29), new DateOnly(2023, 1, 1), new DateOnly(2022, 12, 31), new DateOnly(1900, 1, 1), new DateOnly(2099, 12, 31))));

    /// <summary>The first and last days DateOnly can hold: relative dates ("a day earlier", "on March 3") must not overflow.</summary>
    public static Gen<DateOnly?> CalendarEnds { get; } = Gen.Elements<DateOnly?>(
        DateOnly.MinValue, DateOnly.MinValue.AddDays(1), DateOnly.MinValue.AddDays(6), DateOnly.MaxValue, DateOnly.MaxValue.AddDays(-1));

    public static Gen<Article> Articles(Gen<string> text) => Articles(text, Published);

    public static Gen<Article> Articles(Gen<string> text, Gen<DateOnly?> published) =>
        from t in text
        from p in published
        select new Article("prop", t, Published: p);
}
