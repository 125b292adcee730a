using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using FsCheck;
using FsCheck.Fluent;
using Microsoft.FSharp.Core;
using Sitrep.Ingest;

namespace Sitrep.Ingest.Tests;

/// <summary>
/// The hostile-input suite over the readers: documents of every format this project writes for the purpose, mutated
/// (cut, doubled, and sown with NULs, escapes, lone surrogates, deep markup, entities, brackets, header lines), are
/// read without a reader crashing, within 10 s each, with a catalogue code when refused, and with clean articles when
/// read. A fixed seed and a small budget in CI (about 800 inputs, a few seconds); SITREP_FUZZ=N runs N per property
/// and SITREP_FUZZ_SEED=S another seed: <c>SITREP_FUZZ=20000 dotnet test tests/Sitrep.Ingest.Tests --filter ReaderFuzz</c>.
/// </summary>
public sealed partial class ReaderFuzzTests
{
    private static readonly TimeSpan PerInput = TimeSpan.FromSeconds(10);

    private static readonly (string Name, ReportFormat Format, string Text)[] Documents =
    [
        ("report.txt", ReportFormat.Text, """
            url: https://desk.example.net/odesa-port
            published: 2024-09-03
            source: Desk Wire
            ---
            Drones strike Odesa port overnight
            Russia launched 41 Shahed drones and two Iskander-M missiles at Ukraine overnight, the air force said; 38 drones were shot down.
            A grain warehouse in the Odesa port caught fire and three dock workers were injured, the regional governor wrote.
            """),
        ("page.html", ReportFormat.Html, """
            <!doctype html><html><head><title>Kharkiv shelled</title><link rel="canonical" href="https://desk.example.net/kharkiv">
            <meta property="article:published_time" content="2024-10-11T06:00:00Z"></head>
            <body><nav><a href="/">Home</a></nav><article><h1>Kharkiv shelled</h1><p>Russian artillery hit two districts of Kharkiv on Friday &amp; a tram depot burned.</p>
            <p>One man was killed and <b>four</b> people were hurt, the mayor said.</p><script>var x = "<p>not text</p>";</script></article></body></html>
            """),
        ("batch.json", ReportFormat.Json, """
            {"articles": [
              {"title": "Sumy hit by glide bombs", "text": "Two guided bombs hit Sumy on Sunday, injuring five.", "url": "https://desk.example.net/sumy", "published": "2024-11-17"},
              {"headline": "Drones over Kyiv", "body": "Air defences downed 20 of 23 drones over Kyiv overnight.", "link": "https://desk.example.net/kyiv", "date": "2024-11-18T04:10:00+02:00", "language": "en"}
            ]}
            """),
        ("lines.jsonl", ReportFormat.JsonLines, """
            {"text": "A missile hit a depot near Dnipro on Tuesday; nobody was hurt.", "url": "https://desk.example.net/d1", "published": "2024-12-03"}
            {"text": "Shelling of Kherson killed an elderly woman on Wednesday, officials said.", "url": "https://desk.example.net/d2", "published": "2024-12-04"}
            """),
        ("feed.rss", ReportFormat.Feed, """
            <?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Desk</title>
            <item><title>Zaporizhzhia struck</title><link>https://desk.example.net/z</link><pubDate>Mon, 06 Jan 2025 07:00:00 GMT</pubDate>
            <description><![CDATA[<p>Russian forces struck Zaporizhzhia <i>twice</i> overnight, injuring seven.</p>]]></description></item>
            <item><title>Chernihiv drones</title><link>https://desk.example.net/c</link><description>Drones hit an energy site near Chernihiv.</description></item>
            </channel></rss>
            """),
        ("feed.atom", ReportFormat.Feed, """
            <?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Desk</title>
            <entry><title>Mykolaiv port hit</title><link href="https://desk.example.net/m"/><updated>2025-02-01T05:00:00Z</updated>
            <content type="html">&lt;p&gt;A missile hit the Mykolaiv port at dawn, the governor said.&lt;/p&gt;</content></entry></feed>
            """),
    ];

    /// <summary>What mutations sow: the characters and fragments that broke readers elsewhere or could.</summary>
    private static readonly string[] Seeds =
    [
        "\0", "\u001b[2J\u001b]0;x\u0007", "\uD800", "\uDFFF", "\uFEFF", "\r", "\r\n", "\n---\n", "key: value\n", ": ", "\t", "\u0085", "\u2028",
        "<", ">", "</", "<div>", "<p>", "</p>", "<b><i><u>", "<script>", "<!--", "-->", "<![CDATA[", "]]>", "&", "&amp;", "&#0;", "&#x110000;",
        "&nosuch;", "<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>", "&e;", "<?xml version=\"1.0\"?>", "xmlns=\"urn:x\"",
        "{", "}", "[", "]", "\"", "\\", "\\u0000", "\\ud800", ",", ":", "null", "true", "1e999", "-0", "99999999999999999999",
        "published: 31/31/2024\n", "published: 2024-02-30\n", "url: javascript:alert(1)\n", "𝄞", "ї", "ё", "٣", "\u202E",
    ];

    private static int Budget(int ci) =>
        int.TryParse(Environment.GetEnvironmentVariable("SITREP_FUZZ"), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : ci;

    private static Config Config(int ci)
    {
        var seed = ulong.TryParse(Environment.GetEnvironmentVariable("SITREP_FUZZ_SEED"), NumberStyles.None, CultureInfo.InvariantCulture, out var s) ? s : 20_261_201UL;
        return FsCheck.Config.QuickThrowOnFailure.WithMaxTest(Budget(ci)).WithEndSize(60)
            .WithReplay(FSharpOption<Replay>.Some(new Replay(new Rnd(seed, 0x9E3779B97F4A7C15UL), FSharpOption<int>.None)));
    }

    /// <summary>One edit of a text: sow a fragment (repeated), cut a range, double a range, or stop the text short.</summary>
    private sealed record Mutation(int Kind, double At, double Length, string Fragment, int Times)
    {
        public string Apply(string text)
        {
            var at = (int)(At * text.Length);
            var length = Math.Min(text.Length - at, (int)(Length * 200));
            return Kind switch
            {
                0 => text.Insert(at, string.Concat(Enumerable.Repeat(Fragment, Times))),
                1 => text.Remove(at, length),
                2 => text.Insert(at, text.Substring(at, length)),
                _ => text[..at],
            };
        }
    }

    private static readonly Gen<Mutation> Mutations =
        from kind in Gen.Frequency((6, Gen.Constant(0)), (2, Gen.Constant(1)), (2, Gen.Constant(2)), (1, Gen.Constant(3)))
        from at in Gen.Choose(0, 1000).Select(i => i / 1000.0)
        from length in Gen.Choose(0, 1000).Select(i => i / 1000.0)
        from fragment in Gen.Frequency((5, Gen.Elements(Seeds)), (1, ArbMap.Default.GeneratorFor<string>().Select(s => s ?? "")))
        from times in Gen.Frequency((8, Gen.Constant(1)), (2, Gen.Choose(2, 40)), (1, Gen.Choose(1000, 3000)))
        select new Mutation(kind, at, length, fragment, times);

    private static readonly Gen<(int Document, Mutation[] Edits)> Cases =
        from document in Gen.Choose(0, Documents.Length - 1)
        from edits in Gen.Choose(1, 8).SelectMany(n => Gen.ArrayOf(Mutations, n))
        select (document, edits);

    [GeneratedRegex(@"^SR\d{3}$")]
    private static partial Regex Code();

    /// <summary>What must hold of any read: no crash caught inside, a catalogue code when refused, clean articles when read.</summary>
    private static void Holds(string what, Func<ReadResult> read)
    {
        var clock = Stopwatch.StartNew();
        var result = read();
        Assert.True(clock.Elapsed < PerInput, $"{what}: took {clock.Elapsed}");
        if (result.Error is { } e)
        {
            Assert.Matches(Code(), e.Code);
            Assert.False(string.IsNullOrWhiteSpace(e.Message), what);
            Assert.False(e.Message.Contains("reader failed", StringComparison.Ordinal), $"{what}: {e.Message}"); // a crash the reader caught is still a bug
        }
        else
        {
            Assert.NotEmpty(result.Articles);
        }

        foreach (var a in result.Articles)
        {
            Assert.False(string.IsNullOrWhiteSpace(a.Text), $"{what}: an article without text");
            foreach (var s in new[] { a.Text, a.Title, a.Url, a.Source, a.Language }.Concat(a.Metadata.Keys).Concat(a.Metadata.Values))
            {
                Assert.True(s?.Contains('\0', StringComparison.Ordinal) != true, $"{what}: a NUL reached an article");
            }
        }
    }

    private static string Mutated((int Document, Mutation[] Edits) c) =>
        c.Edits.Aggregate(Documents[c.Document].Text, (text, m) => m.Apply(text));

    [Fact]
    public void Mutated_documents_of_every_format_are_read_or_refused_with_a_code() =>
        Check.One(Config(400), Prop.ForAll(Cases.ToArbitrary(), c =>
        {
            var (name, format, _) = Documents[c.Document];
            var text = Mutated(c);
            Holds($"{name} as {format}", () => ReportReader.Parse(name, "fuzz", text, format));
            Holds($"{name} sniffed", () => ReportReader.Parse(name, "fuzz", text));
        }));

    [Fact]
    public void Mutated_bytes_are_decoded_or_refused_with_a_code_and_files_read_the_same() =>
        Check.One(Config(200), Prop.ForAll(Cases.ToArbitrary(), Gen.ArrayOf(Gen.Choose(0, 255), 4).ToArbitrary(), (c, flips) =>
        {
            var (name, _, _) = Documents[c.Document];
            var bytes = Encoding.UTF8.GetBytes(Mutated(c));
            if (bytes.Length > 0)
            {
                // Bytes no encoder would write: flipped high bits, a multi-byte character cut short.
                for (var i = 0; i < flips.Length; i++)
                {
                    bytes[flips[i] * 7919 % bytes.Length] ^= (byte)(0x80 | flips[i]);
                }
            }

            var (decoded, error) = FileLoader.Decode(name, bytes);
            Assert.True(decoded is not null ^ error is not null, name);
            if (error is not null)
            {
                Assert.Matches(Code(), error.Code);
            }

            var path = Path.Combine(Path.GetTempPath(), $"sitrep-fuzz-{Environment.ProcessId}-{name}");
            try
            {
                File.WriteAllBytes(path, bytes);
                Holds($"{name} from a file", () => ReportReader.ReadFile(path));
            }
            finally
            {
                File.Delete(path);
            }
        }));

    [Fact]
    public void Generated_folders_of_links_end_and_take_every_file_once() =>
        Check.One(Config(40), Prop.ForAll(Gen.ArrayOf(Gen.Choose(0, 1000), 12).ToArbitrary(), picks =>
        {
            // A small tree of folders, files and links (to files, folders, parents, nothing), built from the picks.
            var root = Directory.CreateTempSubdirectory("sitrep-fuzz-walk-").FullName;
            try
            {
                var folders = new List<string> { root };
                var files = new HashSet<string>(StringComparer.Ordinal);
                for (var i = 0; i < picks.Length; i++)
                {
                    var p = picks[i];
                    var parent = folders[p % folders.Count];
                    var name = Path.Combine(parent, $"n{i}");
                    switch (p % 5)
                    {
                        case 0:
                            Directory.CreateDirectory(name);
                            folders.Add(name);
                            break;
                        case 1:
                            File.WriteAllText(name + ".txt", "Drones hit Sumy overnight.");
                            files.Add(name + ".txt");
                            break;
                        case 2:
                            Directory.CreateSymbolicLink(name, folders[p / 5 % folders.Count]);
                            break;
                        case 3:
                            File.CreateSymbolicLink(name + ".txt", files.Count > 0 ? files.ElementAt(p / 5 % files.Count) : Path.Combine(root, "nothing"));
                            break;
                        default:
                            // Up one folder; in the root, to itself (its parent is outside the tree).
                            Directory.CreateSymbolicLink(name, parent == root ? "." : "..");
                            break;
                    }
                }

                var items = Task.Run(() => ReportInputs.Expand([root]).ToList()).WaitAsync(PerInput).GetAwaiter().GetResult();
                var read = items.Where(i => i.Kind == InputKind.File).Select(i => ReportInputs.RealPath(i.Source)).Order(StringComparer.Ordinal).ToList();
                Assert.Equal(files.Select(ReportInputs.RealPath).Order(StringComparer.Ordinal), read); // every file, each once
                Assert.All(items.Where(i => i.Kind == InputKind.Invalid), i => Assert.Matches(Code(), i.Error!.Code));
            }
            finally
            {
                Directory.Delete(root, recursive: true);
            }
        }));
}
