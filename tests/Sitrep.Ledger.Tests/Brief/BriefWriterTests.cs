using System.Text.Json;
using Sitrep.Ledger.Brief;
using Sitrep.Storage;

namespace Sitrep.Ledger.Tests.Brief;

public sealed class BriefWriterTests(BriefStore fixture) : IClassFixture<BriefStore>
{
    private static readonly BriefWindow Night = BriefWindow.Night(new DateOnly(2025, 3, 5));

    private readonly BriefWriter _writer = BriefWriter.ForLanguage();

    private async Task<(BriefDocument Brief, BriefCheck Check)> WriteAndCheck(BriefWindow window, BriefWriter? writer = null)
    {
        await using var snapshot = await fixture.Store.OpenSnapshotAsync();
        var brief = await (writer ?? _writer).WriteAsync(snapshot, window);
        return (brief, await BriefChecker.CheckAsync(brief, snapshot));
    }

    [Fact]
    public async Task The_night_states_its_window_then_key_figures_then_attacks_largest_first_by_country_and_region()
    {
        var (brief, check) = await WriteAndCheck(Night);
        Assert.True(check.Passed, string.Join("\n", check.Problems));
        Assert.Equal(["header", "key_figures", "attacks", "background"], brief.Sections.Select(s => s.Key));
        var header = brief.Sections[0].Paragraphs.Single().Sentences;
        Assert.Equal("Covers 18:00 4 March to 09:00 5 March 2025, Kyiv time: the attacks the ledger dates to that night.", header[0].Text);
        Assert.StartsWith("Data cutoff: ", header[1].Text, StringComparison.Ordinal);
        Assert.NotNull(brief.Cutoff);

        // Key figures: one paragraph per direction of attack, so interception rates are the attacker's own.
        var key = brief.Sections[1].Paragraphs;
        Assert.Equal(["Russia on Ukraine", "Ukraine on Russia"], key.Select(p => p.Heading));
        var ru = key[0].Sentences.Select(s => s.Text).ToList();
        Assert.Equal("2 attacks by Russia on Ukraine.", ru[0]);
        // "The air force" of one report is the "Ukraine's air force" of another: one claimant, named in full.
        Assert.Contains("Drones: 48 launched and 40 destroyed, an interception rate of 83%, according to Ukraine's air force.", ru);

        Assert.Contains("Guided bombs: 1 dropped, according to regional governor Oleh Syniehubov.", ru);

        // Each figure with its own claimants when they differ.
        Assert.Contains("In Ukraine: 3 killed (1–3), according to governor Oleh Kiper; 9 injured (6–9), according to governor Oleh Kiper and regional governor Oleh Syniehubov.", ru);

        // Attacks: largest first, under target country then region.
        var attacks = brief.Sections[2].Paragraphs;
        Assert.Equal(3, attacks.Length);
        Assert.Equal(["Ukraine", "Odesa Oblast"], attacks[0].Groups.ToArray());
        Assert.Equal(["Ukraine", "Kharkiv Oblast"], attacks[1].Groups.ToArray());
        Assert.Equal(["Russia", "Belgorod Oblast"], attacks[2].Groups.ToArray());
        Assert.Equal(brief.Attacks.ToArray(), attacks.Select(p => p.AttackId!.Value).ToArray());
        var odesa = attacks[0].Sentences.Select(s => s.Text).ToList();
        Assert.StartsWith("Russia attacked Ukraine on the night of 4 to 5 March 2025 (the reports' words: “overnight”).", odesa[0], StringComparison.Ordinal);
        Assert.Contains("3 killed (1–3) and 5 injured (2–5), according to governor Oleh Kiper.", odesa);
        Assert.Contains("Told by 2 reports from 2 outlets: Harbour Desk and Southern Wire.", odesa);

        // Background totals stand apart, with their period in the report's words.
        var background = Assert.Single(brief.Sections[3].Paragraphs.Single().Sentences);
        Assert.Equal("More than 1,200 guided bombs dropped “Since the start of the year”, according to Syniehubov.", background.Text);
    }

    [Fact]
    public async Task Figures_the_sides_give_differently_are_shown_as_contested_with_both_sides()
    {
        var (brief, _) = await WriteAndCheck(Night);
        var belgorod = brief.Sections.Single(s => s.Key == "attacks").Paragraphs.Single(p => p.Groups[0] == "Russia").Sentences;
        var contested = Assert.Single(belgorod, s => s.Kind == "contested");
        Assert.Contains("Contested between the sides: ", contested.Text, StringComparison.Ordinal);
        Assert.Contains(" says 30 drones destroyed; ", contested.Text, StringComparison.Ordinal);
        Assert.EndsWith("Ukraine's General Staff says 18.", contested.Text, StringComparison.Ordinal);
        Assert.Contains(belgorod, s => s.Text.Contains("destroyed (18–30, contested)", StringComparison.Ordinal));
        var key = brief.Sections.Single(s => s.Key == "key_figures").Paragraphs.Single(p => p.Heading == "Ukraine on Russia");
        Assert.Contains(key.Sentences, s => s.Text.Contains("(18–30, contested)", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Every_number_is_backed_and_every_citation_slices_its_report_on_every_window()
    {
        BriefWindow[] windows =
        [
            BriefWindow.Night(new DateOnly(2025, 3, 4)), Night, BriefWindow.Night(new DateOnly(2025, 3, 6)),
            BriefWindow.Days(new DateOnly(2025, 3, 5), new DateOnly(2025, 3, 5)), BriefWindow.Days(new DateOnly(2025, 3, 1), new DateOnly(2025, 3, 10)),
        ];
        var total = new BriefCheck();
        foreach (var language in BriefTemplates.Languages)
        {
            foreach (var w in windows)
            {
                total = total.Plus((await WriteAndCheck(w, BriefWriter.ForLanguage(language))).Check);
            }
        }

        Assert.True(total.Passed, string.Join("\n", total.Problems));
        Assert.True(total.Figures > 40, total.Summary());
        Assert.Equal(total.Figures, total.FiguresBacked);
        Assert.Equal(total.Claims, total.ClaimsFound);
        Assert.Equal(total.Citations, total.CitationsSliced);
        Assert.Equal(total.AttacksInWindow, total.AttacksShown);
        Assert.Equal(total.Sentences - total.TermsSentences, total.CitedSentences);
    }

    [Fact]
    public async Task Reading_only_what_the_brief_writes_gives_the_bytes_of_whole_reads()
    {
        BriefWindow[] windows =
        [
            BriefWindow.Night(new DateOnly(2025, 3, 4)), Night, BriefWindow.Days(new DateOnly(2025, 3, 1), new DateOnly(2025, 3, 10)),
        ];
        await using var snapshot = await fixture.Store.OpenSnapshotAsync();
        foreach (var window in windows)
        {
            var light = await BriefSource.ReadAsync(snapshot, window);
            var whole = await WholeAsync(snapshot, window);
            Assert.Equal(whole.Attacks.Select(a => a.Id), light.Attacks.Select(a => a.Id));

            // The light read leaves out what the brief does not write: words of claims it cannot cite, features.
            var wholeClaims = whole.Attacks.SelectMany(a => a.Figures).SelectMany(f => f.Claims).ToList();
            var lightClaims = light.Attacks.SelectMany(a => a.Figures).SelectMany(f => f.Claims).ToList();
            Assert.Equal(wholeClaims.Select(c => (c.EventId, c.Value, c.Evidence.Span)), lightClaims.Select(c => (c.EventId, c.Value, c.Evidence.Span)));
            Assert.True(window != Night || lightClaims.Count(c => c.Evidence.Text.Length > 0) < wholeClaims.Count(c => c.Evidence.Text.Length > 0));
            Assert.All(light.Attacks.SelectMany(a => a.Members), m => Assert.True(m.Features.IsEmpty && m.Report is null && m.Explain.Length == 0));
            Assert.All(whole.Attacks.SelectMany(a => a.Members), m => Assert.NotNull(m.Report));

            foreach (var language in BriefTemplates.Languages)
            {
                var writer = BriefWriter.ForLanguage(language, BriefClaimantNames.Options(Sitrep.Core.Claimants.ClaimantRegistry.Default, language));
                var (a, b) = (writer.Write(light), writer.Write(whole));
                foreach (var format in BriefFormats.All.Names)
                {
                    Assert.Equal(BriefFormats.Render(b, format), BriefFormats.Render(a, format));
                }
            }
        }
    }

    /// <summary>A brief's source read whole: every attack with each claim's words and each member's features, every member event whole.</summary>
    private static async Task<BriefSource> WholeAsync(IStoreSnapshot snapshot, BriefWindow window)
    {
        var heads = await snapshot.FindAttacksAsync(new EventQuery { Since = window.First, Until = window.Last, Limit = null });
        var attacks = await snapshot.GetAttacksAsync([.. heads.Where(a => window.Place(a.Date, a.Precision) != BriefPlacement.Outside).Select(a => a.Id)]);
        var events = await snapshot.GetEventsAsync([.. attacks.SelectMany(a => a.Members).Select(m => m.EventId).Distinct()]);
        var reportIds = attacks.SelectMany(a => a.Members).Select(m => m.ReportId).Distinct().ToList();
        var background = await snapshot.GetEventsOfReportsAsync(reportIds, Sitrep.Core.EventKind.Aggregate);
        var reports = await snapshot.GetReportsAsync([.. reportIds.Concat(background.Select(x => x.Report.Id)).Distinct()]);
        return new BriefSource(window, [.. attacks], System.Collections.Frozen.FrozenDictionary.ToFrozenDictionary(events, e => e.Id),
            System.Collections.Frozen.FrozenDictionary.ToFrozenDictionary(reports, r => r.Id), [.. background]);
    }

    [Fact]
    public async Task The_checker_fails_a_number_no_claim_backs()
    {
        var (brief, _) = await WriteAndCheck(Night);
        var section = brief.Sections.Single(s => s.Key == "key_figures");
        var paragraph = section.Paragraphs[0];
        var family = paragraph.Sentences.First(s => s.Kind == "family");
        var figure = family.Values.First(v => v.Kind == BriefValueKind.Figure);

        // The same sentence saying 49 drones where the claims say 48.
        var forged = family with { Text = family.Text[..figure.Start] + "49" + family.Text[figure.End..], Values = family.Values.Replace(figure, figure with { Number = 49 }) };
        var tampered = brief with { Sections = brief.Sections.Replace(section, section with { Paragraphs = section.Paragraphs.Replace(paragraph, paragraph with { Sentences = paragraph.Sentences.Replace(family, forged) }) }) };
        await using var snapshot = await fixture.Store.OpenSnapshotAsync();
        var check = await BriefChecker.CheckAsync(tampered, snapshot);
        Assert.False(check.Passed);
        Assert.Contains(check.Problems, p => p.Contains("49 is not the value of the claims it cites (48)", StringComparison.Ordinal));

        // A number written into a sentence without a value behind it.
        var bare = family with { Text = family.Text + " 7 more." };
        var loose = brief with { Sections = brief.Sections.Replace(section, section with { Paragraphs = section.Paragraphs.Replace(paragraph, paragraph with { Sentences = paragraph.Sentences.Replace(family, bare) }) }) };
        check = await BriefChecker.CheckAsync(loose, snapshot);
        Assert.Contains(check.Problems, p => p.Contains("the number 7 comes from no value of the brief", StringComparison.Ordinal));

        // A count of reports that holds one the attack does not have.
        var attacks = brief.Sections.Single(x => x.Key == "attacks");
        var odesa = attacks.Paragraphs[0];
        var told = odesa.Sentences.Single(x => x.Kind == "told");
        var count = told.Values.First(v => v.Kind == BriefValueKind.Count);
        var padded = told with { Text = told.Text[..count.Start] + "3" + told.Text[count.End..], Values = told.Values.Replace(count, count with { Number = 3, Items = count.Items.Add("R999") }) };
        var inflated = brief with { Sections = brief.Sections.Replace(attacks, attacks with { Paragraphs = attacks.Paragraphs.Replace(odesa, odesa with { Sentences = odesa.Sentences.Replace(told, padded) }) }) };
        check = await BriefChecker.CheckAsync(inflated, snapshot);
        Assert.Contains(check.Problems, p => p.Contains("counts report 999, which the sentence does not cite and the attack does not hold", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_same_store_and_window_give_the_same_bytes_in_every_format()
    {
        var (first, _) = await WriteAndCheck(Night);
        var (second, _) = await WriteAndCheck(Night);
        foreach (var format in BriefFormats.All.Names)
        {
            Assert.Equal(BriefFormats.Render(first, format), BriefFormats.Render(second, format));
        }
    }

    [Fact]
    public async Task Markdown_footnotes_give_outlet_url_and_the_quoted_words()
    {
        var (brief, _) = await WriteAndCheck(Night);
        var md = BriefFormats.Render(brief, "md");
        Assert.StartsWith("# Sitrep brief: the night of 4 to 5 March 2025\n", md, StringComparison.Ordinal);
        Assert.Contains("\n## Key figures\n", md, StringComparison.Ordinal);
        Assert.Contains("\n### Ukraine\n\n#### Odesa Oblast\n", md, StringComparison.Ordinal);
        var airForce = brief.Citations.First(c => c.Quote == "48 Shahed drones");
        Assert.Contains($"[^{airForce.Number}]: Harbour Desk, “Drones and missiles hit Odesa overnight; one killed, port warehouse on fire”, 2025-03-05, <https://harbour-desk.example/2025/03/05/odesa-drones>: “48 Shahed drones” (Ukraine's air force)\n", md, StringComparison.Ordinal);
        foreach (var c in brief.Citations)
        {
            Assert.Contains($"[^{c.Number}]: ", md, StringComparison.Ordinal);
        }

        // Report words are escaped: markup in a report shows as written, it does not format the brief.
        Assert.DoesNotContain("<script>", md, StringComparison.Ordinal);
        Assert.Contains(@"\<script\>", md, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Html_escapes_every_word_of_the_reports_and_links_citations_to_the_highlighted_span()
    {
        var (brief, _) = await WriteAndCheck(Night);
        var html = BriefFormats.Render(brief, "html");
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<b>", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", html, StringComparison.Ordinal);
        Assert.Contains("East Bulletin &lt;Kharkiv&gt;", html, StringComparison.Ordinal);
        Assert.Contains("&lt;b&gt;school&lt;/b&gt; &amp; two houses", html, StringComparison.Ordinal);
        Assert.Contains("href=\"https://east-bulletin.example/kharkiv?id=7&amp;lang=en&quot;x#:~:text=", html, StringComparison.Ordinal);
        Assert.DoesNotContain(" style=", html, StringComparison.Ordinal);

        var c = brief.Citations.First(x => x.Quote == "48 Shahed drones");
        Assert.Contains($"<sup class=\"cite\"><a href=\"#c{c.Number}\">{c.Number}</a></sup>", html, StringComparison.Ordinal);
        Assert.Contains($"<li id=\"c{c.Number}\">", html, StringComparison.Ordinal);
        Assert.Contains($"data-start=\"{c.Span.Start}\" data-end=\"{c.Span.End}\">Russia attacked Ukraine overnight with <mark>48 Shahed drones</mark> and three", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Json_gives_every_sentence_its_citations_and_every_figure_its_claims()
    {
        var (brief, _) = await WriteAndCheck(Night);
        using var doc = JsonDocument.Parse(BriefFormats.Render(brief, "json"));
        var root = doc.RootElement;
        Assert.Equal("2025-03-05", root.GetProperty("window").GetProperty("key").GetString());
        var citations = root.GetProperty("citations").GetArrayLength();
        Assert.Equal(brief.Citations.Length, citations);
        var sentences = root.GetProperty("sections").EnumerateArray().SelectMany(s => s.GetProperty("paragraphs").EnumerateArray()).SelectMany(p => p.GetProperty("sentences").EnumerateArray()).ToList();
        Assert.Equal(brief.Sentences.Count(), sentences.Count);
        var figures = sentences.SelectMany(s => s.GetProperty("values").EnumerateArray()).Where(v => v.GetProperty("kind").GetString() == "figure").ToList();
        Assert.NotEmpty(figures);
        Assert.All(figures, f => Assert.NotEqual(0, f.GetProperty("claims").GetArrayLength()));
        Assert.All(sentences.Where(s => s.GetProperty("kind").GetString() != "window"), s => Assert.NotEqual(0, s.GetProperty("citations").GetArrayLength()));

        // Reading it back gives the same document: a host that keeps the JSON renders the same pages.
        var back = BriefJson.Read(BriefFormats.Render(brief, "json"));
        foreach (var format in BriefFormats.All.Names)
        {
            Assert.Equal(BriefFormats.Render(brief, format), BriefFormats.Render(back, format));
        }
    }

    [Fact]
    public async Task An_empty_window_says_so_and_cites_nothing()
    {
        var (brief, check) = await WriteAndCheck(BriefWindow.Night(new DateOnly(2025, 1, 1)));
        Assert.True(check.Passed, string.Join("\n", check.Problems));
        Assert.Null(brief.Cutoff);
        Assert.Empty(brief.Citations);
        Assert.Equal(["header", "key_figures"], brief.Sections.Select(s => s.Key));
        Assert.Equal("The ledger holds no attack dated to this window.", brief.Sections[1].Paragraphs.Single().Sentences.Single().Text);
        Assert.Contains("The ledger holds no attack dated to this window.", BriefFormats.Render(brief, "md"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_brief_is_read_from_one_snapshot_while_reports_keep_arriving()
    {
        // A store of its own, so the later report does not reach the other tests.
        var dir = Path.Combine(Path.GetTempPath(), $"sitrep-brief-snap-{Guid.NewGuid():N}");
        Directory.CreateDirectory(dir);
        try
        {
            await using (var store = await EventStore.OpenAsync(StoreLocation.Sqlite(Path.Combine(dir, "s.db"))))
            {
                await BriefStore.AddAsync(store, BriefReports.Night);
                string before, during, after;
                await using (var snapshot = await store.OpenSnapshotAsync())
                {
                    before = BriefFormats.Render(await _writer.WriteAsync(snapshot, Night), "md");
                    await BriefStore.AddAsync(store, BriefReports.Later);
                    var brief = await _writer.WriteAsync(snapshot, Night);
                    during = BriefFormats.Render(brief, "md");
                    Assert.True((await BriefChecker.CheckAsync(brief, snapshot)).Passed);
                }

                after = BriefFormats.Render(await _writer.WriteAsync(store, Night), "md");
                Assert.Equal(before, during);
                Assert.NotEqual(before, after);
                Assert.Contains("4 killed (1–4)", after, StringComparison.Ordinal);
            }
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public async Task The_ukrainian_brief_says_the_same_in_ukrainian_with_cases_and_plural_forms()
    {
        var (brief, check) = await WriteAndCheck(Night, BriefWriter.ForLanguage("uk"));
        Assert.True(check.Passed, string.Join("\n", check.Problems));
        var (english, englishCheck) = await WriteAndCheck(Night);
        Assert.Equal(englishCheck.Figures, check.Figures);
        Assert.Equal(english.Citations.Length, brief.Citations.Length);
        Assert.Equal("uk", brief.Language);
        Assert.Equal("Зведення Sitrep: ніч з 4 на 5 березня 2025 р.", brief.Title);
        Assert.Equal("Період: з 18:00 4 березня до 09:00 5 березня 2025 р. за київським часом — атаки, які реєстр датує цією ніччю.", brief.Sections[0].Paragraphs[0].Sentences[0].Text);

        var key = brief.Sections.Single(s => s.Key == "key_figures").Paragraphs;
        Assert.Equal(["Росія проти України", "Україна проти Росії"], key.Select(p => p.Heading));
        var ru = key[0].Sentences.Select(s => s.Text).ToList();
        Assert.Equal("2 атаки Росії на Україну.", ru[0]);
        Assert.Contains("Дрони: запущено 48 і знищено 40, рівень перехоплення — 83%, за даними: Ukraine's air force.", ru);
        Assert.Contains("В Україні: 3 загиблі (1–3), за даними: governor Oleh Kiper; 9 поранених (6–9), за даними: governor Oleh Kiper і regional governor Oleh Syniehubov.", ru);
        Assert.Equal("1 атака України на Росію.", key[1].Sentences[0].Text);

        var attacks = brief.Sections.Single(s => s.Key == "attacks").Paragraphs;
        Assert.Equal(["Україна", "Odesa Oblast"], attacks[0].Groups.ToArray());
        var odesa = attacks[0].Sentences.Select(s => s.Text).ToList();
        Assert.StartsWith("Росія атакувала Україну у ніч з 4 на 5 березня 2025 р. (слова повідомлень: «overnight»).", odesa[0], StringComparison.Ordinal);
        Assert.Contains("Про атаку: 2 повідомлення від 2 видань: Harbour Desk і Southern Wire.", odesa);
        var contested = attacks.Single(p => p.Groups[0] == "Росія").Sentences.Single(s => s.Kind == "contested");
        Assert.Contains(" повідомляє: 30 дронів знищено; Ukraine's General Staff — 18.", contested.Text, StringComparison.Ordinal);

        // Thousands by a no-break space, and the noun in the form its number takes.
        var background = Assert.Single(brief.Sections.Single(s => s.Key == "background").Paragraphs.Single().Sentences);
        Assert.Equal("Понад 1\u00A0200 керованих авіабомб скинуто «Since the start of the year», за даними: Syniehubov.", background.Text);
        var html = BriefFormats.Render(brief, "html");
        Assert.Contains("<html lang=\"uk\">", html, StringComparison.Ordinal);
        Assert.Contains("<h2>Джерела</h2>", html, StringComparison.Ordinal);
        Assert.Contains("\n## Основні цифри\n", BriefFormats.Render(brief, "md"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_russian_brief_says_the_same_in_russian_with_cases_and_plural_forms()
    {
        var (brief, check) = await WriteAndCheck(Night, BriefWriter.ForLanguage("ru"));
        Assert.True(check.Passed, string.Join("\n", check.Problems));
        var (english, englishCheck) = await WriteAndCheck(Night);
        Assert.Equal(englishCheck.Figures, check.Figures);
        Assert.Equal(english.Citations.Length, brief.Citations.Length);
        Assert.Equal("ru", brief.Language);
        Assert.Equal("Сводка Sitrep: ночь с 4 на 5 марта 2025 г.", brief.Title);
        Assert.Equal("Период: с 18:00 4 марта до 09:00 5 марта 2025 г. по киевскому времени — атаки, которые реестр относит к этой ночи.", brief.Sections[0].Paragraphs[0].Sentences[0].Text);
        Assert.StartsWith("Данные по состоянию на ", brief.Sections[0].Paragraphs[0].Sentences[1].Text, StringComparison.Ordinal);

        var key = brief.Sections.Single(s => s.Key == "key_figures").Paragraphs;
        Assert.Equal(["Россия против Украины", "Украина против России"], key.Select(p => p.Heading));
        var ru = key[0].Sentences.Select(s => s.Text).ToList();
        Assert.Equal("2 атаки России на Украину.", ru[0]);
        Assert.Contains("Дроны: запущено 48 и уничтожено 40, доля перехвата — 83%, по данным: Ukraine's air force.", ru);
        Assert.Contains("Управляемые авиабомбы: сброшено 1, по данным: regional governor Oleh Syniehubov.", ru);
        Assert.Contains("В Украине: 3 погибших (1–3), по данным: governor Oleh Kiper; 9 раненых (6–9), по данным: governor Oleh Kiper и regional governor Oleh Syniehubov.", ru);
        Assert.Equal("1 атака Украины на Россию.", key[1].Sentences[0].Text);

        var attacks = brief.Sections.Single(s => s.Key == "attacks").Paragraphs;
        Assert.Equal(["Украина", "Odesa Oblast"], attacks[0].Groups.ToArray());
        Assert.Equal(["Россия", "Belgorod Oblast"], attacks[2].Groups.ToArray());
        var odesa = attacks[0].Sentences.Select(s => s.Text).ToList();
        Assert.StartsWith("Россия атаковала Украину в ночь с 4 на 5 марта 2025 г. (в сообщениях: «overnight»).", odesa[0], StringComparison.Ordinal);
        Assert.Contains("Об атаке: 2 сообщения от 2 изданий: Harbour Desk и Southern Wire.", odesa);
        var belgorod = attacks.Single(p => p.Groups[0] == "Россия").Sentences;
        Assert.StartsWith("Украина атаковала Россию в ночь с 4 на 5 марта 2025 г.", belgorod[0].Text, StringComparison.Ordinal);
        var contested = belgorod.Single(s => s.Kind == "contested");
        Assert.Equal("Данные сторон расходятся: Russia's defence ministry сообщает: 30 дронов уничтожено; Ukraine's General Staff — 18.", contested.Text);
        Assert.Contains(" сообщает: 30 дронов уничтожено; Ukraine's General Staff — 18.", contested.Text, StringComparison.Ordinal);
        Assert.Contains(belgorod, s => s.Text.Contains("(18–30, данные сторон расходятся)", StringComparison.Ordinal));

        // Thousands by a no-break space, and the noun with its participle in the form its number takes.
        var background = Assert.Single(brief.Sections.Single(s => s.Key == "background").Paragraphs.Single().Sentences);
        Assert.Equal("Более 1\u00A0200 управляемых авиабомб сброшено «Since the start of the year», по данным: Syniehubov.", background.Text);
        var html = BriefFormats.Render(brief, "html");
        Assert.Contains("<html lang=\"ru\">", html, StringComparison.Ordinal);
        Assert.Contains("<h2>Источники</h2>", html, StringComparison.Ordinal);
        Assert.Contains("\n## Основные цифры\n", BriefFormats.Render(brief, "md"), StringComparison.Ordinal);
        Assert.Contains("\"language\": \"ru\"", BriefFormats.Render(brief, "json"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_period_of_the_nights_hours_tells_the_same_attacks_and_passes_the_checker()
    {
        var period = BriefWindow.Period(new DateTimeOffset(2025, 3, 4, 16, 0, 0, TimeSpan.Zero), new DateTimeOffset(2025, 3, 5, 9, 0, 0, TimeSpan.FromHours(2)));
        var (brief, check) = await WriteAndCheck(period);
        Assert.True(check.Passed, string.Join("\n", check.Problems));
        var (night, _) = await WriteAndCheck(Night);
        Assert.Equal(night.Attacks.ToArray(), brief.Attacks.ToArray());
        Assert.Equal("Sitrep brief: 18:00 4 March to 09:00 5 March 2025", brief.Title);
        Assert.Equal("Covers 18:00 4 March to 09:00 5 March 2025, Kyiv time: the attacks the ledger dates to a night or day wholly within that time.", brief.Sections[0].Paragraphs[0].Sentences[0].Text);

        // An hour later start: the night is only partly within it, so its attacks are told apart and not counted.
        var (late, lateCheck) = await WriteAndCheck(BriefWindow.Period(new DateTimeOffset(2025, 3, 4, 19, 0, 0, TimeSpan.FromHours(2)), new DateTimeOffset(2025, 3, 5, 9, 0, 0, TimeSpan.FromHours(2))));
        Assert.True(lateCheck.Passed, string.Join("\n", lateCheck.Problems));
        Assert.Equal(["header", "key_figures", "untimed", "background"], late.Sections.Select(s => s.Key));
        Assert.Equal("3 more attacks dated to a night or day only partly within this time, or by their week or month, are told apart below; their figures are not counted here.",
            late.Sections[1].Paragraphs.Single(p => p.Sentences.Any(s => s.Kind == "untimed")).Sentences.Single().Text);

        // The JSON keeps the period, and reads back to the same pages.
        var json = BriefFormats.Render(brief, "json");
        Assert.Contains("\"starts\": \"2025-03-04T16:00+00:00\"", json, StringComparison.Ordinal);
        var back = BriefJson.Read(json);
        Assert.Equal(brief.Window, back.Window);
        Assert.Equal(BriefFormats.Render(brief, "md"), BriefFormats.Render(back, "md"));
    }

    [Fact]
    public async Task With_the_registry_claimants_are_named_by_it_and_the_footnotes_keep_their_words()
    {
        var writer = BriefWriter.ForLanguage("en", BriefClaimantNames.Options(Sitrep.Core.Claimants.ClaimantRegistry.Default, "en"));
        var (brief, check) = await WriteAndCheck(Night, writer);
        Assert.True(check.Passed, string.Join("\n", check.Problems));
        var ru = brief.Sections.Single(s => s.Key == "key_figures").Paragraphs[0].Sentences.Select(s => s.Text).ToList();
        Assert.Contains("Drones: 48 launched and 40 destroyed, an interception rate of 83%, according to the Ukrainian air force.", ru);
        var airForce = brief.Citations.First(c => c.Quote == "48 Shahed drones");
        Assert.Equal("ua.air_force", airForce.ClaimantId);
        Assert.Contains("air force", airForce.ClaimedBy, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Ukrainian air force", airForce.ClaimedBy, StringComparison.Ordinal);

        // A claimant the registry does not resolve or name keeps the report's words.
        var registry = Sitrep.Core.Claimants.ClaimantRegistry.Default;
        var english = BriefClaimantNames.English(registry);
        var partial = new BriefOptions
        {
            ClaimantName = id => id == "ua.oblast.kharkiv" ? null : english(id),
            ResolveClaimant = (words, side) => words.Contains("Syniehubov", StringComparison.Ordinal) ? null : registry.TryResolve(words, side, out var e) ? e.Id : null,
        };
        var (fallback, _) = await WriteAndCheck(Night, BriefWriter.ForLanguage("en", partial));
        var key = fallback.Sections.Single(s => s.Key == "key_figures").Paragraphs[0].Sentences.Select(s => s.Text).ToList();
        Assert.Contains("Guided bombs: 1 dropped, according to regional governor Oleh Syniehubov.", key);
        Assert.Contains("In Ukraine: 3 killed (1–3), according to the Odesa Regional Military Administration; 9 injured (6–9), according to the Odesa Regional Military Administration and regional governor Oleh Syniehubov.", key);
    }
}
