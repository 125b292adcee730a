using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Globalization;
using System.Text;

namespace Sitrep.Ledger.Brief;

/// <summary>
/// The words of a brief in one language, as data: <c>Templates/brief.LANG.tsv</c>, one row per template (key, plural
/// category, text with <c>{slot}</c>s). The writer asks for a template by key and fills its slots; it writes no words
/// of its own. Loading checks the file: three columns, known plural categories, no digits outside slots (every
/// number comes from a slot, with its evidence), balanced braces, a form for every plural category of the language
/// (<see cref="PluralRules"/>), and, for a translation, every key of the English file, each using only its slots.
/// <para>
/// A translation may add forms of an English key: <c>KEY.FORM</c> (<c>country.UA.acc</c>, Україну) is the form
/// <c>FORM</c> of the word <c>KEY</c>, which a template asks for by writing its slot <c>{target:acc}</c>; a slot whose
/// word has no such form gets the word itself. A form of a template key (<c>figures.launched.drone</c>) is likewise
/// the template for that family, as English has <c>figures.launched.bomb</c>.
/// </para>
/// Immutable and thread-safe once loaded.
/// </summary>
public sealed class BriefTemplates
{
    /// <summary>The language every translation is checked against.</summary>
    public const string Reference = "en";

    private static readonly ConcurrentLazyCache Cache = new();

    private readonly FrozenDictionary<string, ImmutableArray<Template>> _byKey;
    private readonly FrozenDictionary<string, ImmutableArray<string>> _forms;
    private readonly string _thousands;

    private BriefTemplates(string language, FrozenDictionary<string, ImmutableArray<Template>> byKey, FrozenDictionary<string, ImmutableArray<string>> forms)
    {
        Language = language;
        _byKey = byKey;
        _forms = forms;
        _thousands = byKey.TryGetValue("format.thousands", out var t) && t[0].Parts is [{ IsSlot: false } p] ? p.Text : ",";
    }

    public string Language { get; }

    /// <summary>Every key, sorted.</summary>
    public IEnumerable<string> Keys => _byKey.Keys.Order(StringComparer.Ordinal);

    /// <summary>The languages whose template file ships with Sitrep.</summary>
    public static ImmutableArray<string> Languages { get; } =
        [.. typeof(BriefTemplates).Assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal) && n.EndsWith(".tsv", StringComparison.Ordinal))
            .Select(n => n[ResourcePrefix.Length..^4]).Order(StringComparer.Ordinal)];

    private const string ResourcePrefix = "Sitrep.Ledger.Brief.Templates.brief.";

    /// <summary>The templates of <paramref name="language"/> that ship with Sitrep; throws <see cref="BriefTemplateException"/> for an unknown language or a bad file.</summary>
    public static BriefTemplates Load(string language) => Cache.Get(language, () =>
    {
        var text = ResourceText(language)
                   ?? throw new BriefTemplateException($"There are no brief templates for the language '{language}'; the brief is written in {string.Join(", ", Languages)}.");
        var reference = language == Reference ? null : Load(Reference);
        return Parse(language, text, $"brief.{language}.tsv", reference);
    });

    private static string? ResourceText(string language)
    {
        using var stream = typeof(BriefTemplates).Assembly.GetManifestResourceStream(ResourcePrefix + language + ".tsv");
        if (stream is null)
        {
            return null;
        }

        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }

    /// <summary>
    /// Reads a template file. <paramref name="reference"/>, when given, is the language it translates: every key of it
    /// must be here with the same slots, and no other key.
    /// </summary>
    public static BriefTemplates Parse(string language, string text, string fileName, BriefTemplates? reference = null)
    {
        var problems = new List<string>();
        var categories = PluralRules.Categories(language);
        var rows = new Dictionary<string, List<Template>>(StringComparer.Ordinal);
        var lineNo = 0;
        foreach (var raw in text.Split('\n'))
        {
            lineNo++;
            var line = raw.TrimEnd('\r');
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var cols = line.Split('\t');
            if (cols.Length != 3)
            {
                problems.Add($"{fileName}:{lineNo}: a row has three columns separated by tabs (key, plural, text); this one has {cols.Length}.");
                continue;
            }

            var (key, plural, body) = (cols[0].Trim(), cols[1].Trim(), cols[2]);
            if (plural != "*" && !categories.Contains(plural))
            {
                problems.Add($"{fileName}:{lineNo}: '{plural}' is not a plural category of '{language}'; write * or one of {string.Join(", ", categories)}.");
                continue;
            }

            if (!TryParseBody(body, out var parts, out var why))
            {
                problems.Add($"{fileName}:{lineNo}: {why}");
                continue;
            }

            if (!rows.TryGetValue(key, out var list))
            {
                rows[key] = list = [];
            }

            if (list.Any(t => t.Plural == plural))
            {
                problems.Add($"{fileName}:{lineNo}: '{key}' has two rows for plural '{plural}'; keep one.");
                continue;
            }

            list.Add(new Template(key, plural, parts, lineNo));
        }

        foreach (var (key, list) in rows)
        {
            var slots = list[0].Slots;
            if (list.Any(t => !t.Slots.SetEquals(slots)))
            {
                problems.Add($"{fileName}:{list[0].Line}: the plural forms of '{key}' must have the same slots.");
            }

            if (list.Any(t => t.Plural == "*") && list.Count > 1)
            {
                problems.Add($"{fileName}:{list[0].Line}: '{key}' has a row for every count (*) and rows per plural category; keep one or the other.");
            }
            else if (list[0].Plural != "*" && categories.FirstOrDefault(c => list.All(t => t.Plural != c)) is { } missing)
            {
                problems.Add($"{fileName}:{list[0].Line}: '{key}' has no form for the plural category '{missing}' of '{language}'.");
            }
        }

        // A translation's key that English lacks is a form of the English key before its last dot.
        var forms = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        if (reference is not null)
        {
            foreach (var key in reference.Keys)
            {
                if (!rows.TryGetValue(key, out var list))
                {
                    problems.Add($"{fileName}: the key '{key}' of brief.{reference.Language}.tsv is missing.");
                }
                else if (!list[0].Slots.IsSubsetOf(reference._byKey[key][0].Slots))
                {
                    problems.Add($"{fileName}:{list[0].Line}: '{key}' may use only the slots of brief.{reference.Language}.tsv: {string.Join(", ", reference._byKey[key][0].Slots.Order(StringComparer.Ordinal))}.");
                }
            }

            foreach (var (key, list) in rows.Where(r => !reference._byKey.ContainsKey(r.Key)).OrderBy(r => r.Value[0].Line))
            {
                var dot = key.LastIndexOf('.');
                var (base_, form) = dot > 0 ? (key[..dot], key[(dot + 1)..]) : ("", "");
                if (!reference._byKey.TryGetValue(base_, out var of) || form.Length == 0 || !form.All(ch => ch is (>= 'a' and <= 'z') or '_'))
                {
                    problems.Add($"{fileName}:{list[0].Line}: '{key}' is not a key of brief.{reference.Language}.tsv, nor a form (KEY.FORM, in lowercase letters) of one.");
                }
                else if (!list[0].Slots.IsSubsetOf(of[0].Slots))
                {
                    problems.Add($"{fileName}:{list[0].Line}: '{key}', a form of '{base_}', may use only its slots in brief.{reference.Language}.tsv: {string.Join(", ", of[0].Slots.Order(StringComparer.Ordinal))}.");
                }
                else
                {
                    if (!forms.TryGetValue(base_, out var fs))
                    {
                        forms[base_] = fs = [];
                    }

                    fs.Add(form);
                }
            }
        }

        if (problems.Count > 0)
        {
            throw new BriefTemplateException(string.Join("\n", problems));
        }

        return new BriefTemplates(language, rows.ToFrozenDictionary(r => r.Key, r => r.Value.ToImmutableArray(), StringComparer.Ordinal),
            forms.ToFrozenDictionary(f => f.Key, f => f.Value.ToImmutableArray(), StringComparer.Ordinal));
    }

    private static bool TryParseBody(string body, out ImmutableArray<Part> parts, out string why)
    {
        var list = ImmutableArray.CreateBuilder<Part>();
        var literal = new StringBuilder();
        why = "";
        parts = [];
        for (var i = 0; i < body.Length; i++)
        {
            var c = body[i];
            if (c == '{')
            {
                var close = body.IndexOf('}', i + 1);
                var inner = close < 0 ? "" : body[(i + 1)..close];
                var colon = inner.IndexOf(':');
                var (name, form) = colon < 0 ? (inner, null) : (inner[..colon], inner[(colon + 1)..]);
                if (close < 0 || !IsName(name) || (form is not null && !IsName(form)))
                {
                    why = "a slot is written {name} or {name:form}, each in lowercase letters and underscores.";
                    return false;
                }

                if (literal.Length > 0)
                {
                    list.Add(new Part(literal.ToString(), false));
                    literal.Clear();
                }

                list.Add(new Part(name, true) { Form = form });
                i = close;
            }
            else if (c == '}')
            {
                why = "a '}' closes no slot.";
                return false;
            }
            else if (char.IsDigit(c))
            {
                why = $"the words of a template hold no digits ('{c}'): every number in a brief comes from a slot, with its evidence.";
                return false;
            }
            else
            {
                literal.Append(c);
            }
        }

        if (literal.Length > 0)
        {
            list.Add(new Part(literal.ToString(), false));
        }

        parts = list.ToImmutable();
        return true;

        static bool IsName(string n) => n.Length > 0 && n.All(ch => ch is (>= 'a' and <= 'z') or '_');
    }

    /// <summary>True when the templates have <paramref name="key"/>.</summary>
    public bool Has(string key) => _byKey.ContainsKey(key);

    /// <summary>
    /// The template <paramref name="key"/> (its form for <paramref name="count"/> when it has plural forms) with its slots
    /// filled. Every slot of the template must be given (a translation may leave some of the English slots out, as
    /// Ukrainian names only a night's morning): a missing one is a bug in the writer, not in the data.
    /// </summary>
    internal BriefFragment Render(string key, int? count, params (string Slot, BriefFragment Value)[] slots)
    {
        var template = Pick(key, count);
        var given = slots.Select(s => s.Slot).ToHashSet(StringComparer.Ordinal);
        if (!template.Slots.IsSubsetOf(given))
        {
            throw new InvalidOperationException($"The template '{key}' has the slots {{{string.Join("}, {", template.Slots.Order(StringComparer.Ordinal))}}}; the writer gave {{{string.Join("}, {", given.Order(StringComparer.Ordinal))}}}.");
        }

        var result = BriefFragment.Empty;
        foreach (var part in template.Parts)
        {
            result = result.Then(part.IsSlot ? InForm(slots.First(s => s.Slot == part.Text).Value, part.Form) : BriefFragment.Of(part.Text));
        }

        return result;
    }

    /// <summary>A template without slots, as text (a heading, a noun).</summary>
    internal string Text(string key, int? count = null) => Render(key, count).Text;

    /// <summary>A word (a template without slots) with the forms the language gives it (<c>KEY.FORM</c>), for slots that ask for one.</summary>
    internal BriefFragment Word(string key, int? count = null)
    {
        var word = BriefFragment.Of(Text(key, count));
        return _forms.TryGetValue(key, out var forms)
            ? word with { Forms = forms.ToImmutableDictionary(f => f, f => BriefFragment.Of(Text(key + "." + f, count)), StringComparer.Ordinal) }
            : word;
    }

    /// <summary>The forms of <paramref name="key"/> this language adds (<c>acc</c> for <c>country.UA.acc</c>).</summary>
    public ImmutableArray<string> FormsOf(string key) => _forms.TryGetValue(key, out var forms) ? forms : [];

    private static BriefFragment InForm(BriefFragment value, string? form) =>
        form is not null && value.Forms is { } forms && forms.TryGetValue(form, out var inForm) ? inForm : value;

    /// <summary>A number as the language writes it: "1,400".</summary>
    internal string Number(int n)
    {
        var digits = Math.Abs(n).ToString(CultureInfo.InvariantCulture);
        var sb = new StringBuilder(n < 0 ? "-" : "");
        for (var i = 0; i < digits.Length; i++)
        {
            if (i > 0 && (digits.Length - i) % 3 == 0)
            {
                sb.Append(_thousands);
            }

            sb.Append(digits[i]);
        }

        return sb.ToString();
    }

    private Template Pick(string key, int? count)
    {
        if (!_byKey.TryGetValue(key, out var forms))
        {
            throw new InvalidOperationException($"The brief templates of '{Language}' have no '{key}'.");
        }

        if (forms.Length == 1 && forms[0].Plural == "*")
        {
            return forms[0];
        }

        var category = PluralRules.Category(Language, count ?? throw new InvalidOperationException($"The template '{key}' has plural forms; the writer must give a count."));
        return forms.FirstOrDefault(f => f.Plural == category) ?? forms.First(f => f.Plural == "other");
    }

    /// <summary>Literal words, or a slot by name with the form of its word it asks for (null: the word as it is).</summary>
    private sealed record Part(string Text, bool IsSlot)
    {
        public string? Form { get; init; }
    }

    private sealed record Template(string Key, string Plural, ImmutableArray<Part> Parts, int Line)
    {
        public HashSet<string> Slots { get; } = [.. Parts.Where(p => p.IsSlot).Select(p => p.Text)];
    }

    /// <summary>Templates loaded once per language per process.</summary>
    private sealed class ConcurrentLazyCache
    {
        private readonly System.Collections.Concurrent.ConcurrentDictionary<string, Lazy<BriefTemplates>> _loaded = new(StringComparer.Ordinal);

        public BriefTemplates Get(string language, Func<BriefTemplates> load) => _loaded.GetOrAdd(language, _ => new Lazy<BriefTemplates>(load)).Value;
    }
}

/// <summary>A template file that cannot be used: each line names the file, the row and what to change.</summary>
public sealed class BriefTemplateException : Exception
{
    public BriefTemplateException()
    {
    }

    public BriefTemplateException(string message)
        : base(message)
    {
    }

    public BriefTemplateException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

/// <summary>
/// CLDR plural categories for whole numbers, per language: which form of a word a count takes. English: one, other;
/// Ukrainian and Russian: one (1, 21, 31 …), few (2–4, 22–24 …), many (the rest).
/// </summary>
public static class PluralRules
{
    public static ImmutableArray<string> Categories(string language) => language switch
    {
        "uk" or "ru" => ["one", "few", "many"],
        _ => ["one", "other"],
    };

    public static string Category(string language, int n)
    {
        n = Math.Abs(n);
        switch (language)
        {
            case "uk" or "ru":
                var (ten, hundred) = (n % 10, n % 100);
                return ten == 1 && hundred != 11 ? "one" : ten is >= 2 and <= 4 && hundred is < 12 or > 14 ? "few" : "many";
            default:
                return n == 1 ? "one" : "other";
        }
    }
}
