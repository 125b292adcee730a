using System.Globalization;
using System.Text;

namespace Sitrep.Benchmarks.Corpus;

/// <summary>
/// The wire shape of a report (<see cref="WireCorpus"/>): the same attacks and gold as the generated corpus, laid out as
/// agency copy is — headline, byline, a dateline on the lead, paragraphs apart by blank lines, residents' and officials'
/// quotes, a damage list, background paragraphs naming many places that were not hit, a photo caption and a credit
/// line — and drawn to 120–1,500 words, most near 300.
/// </summary>
/// <remarks>
/// What the wire additions may say is limited by the gold: no figure of an attack, no date cue of an attack (a caption's
/// date is not one, per SCHEMA.md), and no place that is hit unless it is already a place of that attack.
/// </remarks>
internal sealed partial class ReportComposer
{
    private const int WireMinWords = 120;
    private const int WireMaxWords = 1500;

    // paragraph indexes where an attack (or the aggregate) begins, and the end: where background may go
    private readonly List<int> _wireBoundaries = [];

    private CorpusReport ComposeWire()
    {
        var target = WireMinWords + (int)(Math.Pow(_r.NextDouble(), 3) * (WireMaxWords - WireMinWords - 80));
        var attacks = target switch
        {
            < 250 => Weighted(55, 35, 10) + 1,
            < 600 => Weighted(25, 40, 25, 10) + 1,
            _ => Weighted(10, 25, 30, 20, 15) + 1,
        };

        for (var i = 0; i < attacks; i++)
        {
            _wireBoundaries.Add(_paragraphs.Count);
            var e = NextAttack(i);
            _events.Add(e);
            WireAfterEvent(e, words: target);
        }

        if (_r.NextDouble() < 0.3)
        {
            _wireBoundaries.Add(_paragraphs.Count);
            Aggregate();
        }

        _wireBoundaries.Add(_paragraphs.Count);

        // the dateline goes on the lead, the first sentence of the first attack
        var lead = _paragraphs.First(p => p.Count > 0);
        lead[0] = Dateline(_events[0]) + lead[0];
        WireBackground(target);

        var body = new StringBuilder();
        body.Append(_headline).Append('\n');
        if (_r.Next(3) != 0)
        {
            body.Append("By ").Append(Pick(WireLexicon.Reporters));
            if (_r.Next(2) == 0)
            {
                body.Append(" and ").Append(Pick(WireLexicon.Reporters));
            }

            body.Append("\n\n");
        }

        body.AppendJoin("\n\n", _paragraphs.Where(p => p.Count > 0).Select(p => string.Join(' ', p)));
        if (_r.Next(2) == 0)
        {
            body.Append("\n\n").Append(Caption(_events[0]));
        }

        body.Append("\n\n").Append(Pick(WireLexicon.Credits).Replace("{Reporter}", Pick(WireLexicon.Reporters), StringComparison.Ordinal)
            .Replace("{Editor}", Pick(WireLexicon.Reporters), StringComparison.Ordinal));

        var url = $"https://wire.sitrep.example/{_published.Year}/{_id}";
        return new CorpusReport(_id, url, _published, body.ToString(), new GoldReport(_id, _published, _events, _background));
    }

    /// <summary>"KYIV, Ukraine (Sitrep Wire) — ", "MOSCOW, Nov 17 (Sitrep Wire) - ": the city the story is filed from.</summary>
    private string Dateline(GoldEvent first)
    {
        var city = first.Attacker == "UA" ? Pick("MOSCOW", "LONDON", "KYIV") : Pick("KYIV", "KYIV", "KHARKIV", "ODESA", "LVIV", "DNIPRO");
        var month = CorpusLexicon.Months[_published.Month - 1][..3];
        return _r.Next(3) switch
        {
            0 => $"{city} (Sitrep Wire) — ",
            1 => $"{city}, {month} {_published.Day} (Sitrep Wire) - ",
            _ => city == "MOSCOW" ? "MOSCOW, Russia (Sitrep Wire) — " : city == "LONDON" ? "LONDON (Sitrep Wire) — " : $"{city}, Ukraine (Sitrep Wire) — ",
        };
    }

    /// <summary>After an attack's sentences: sometimes a resident's or official's quote, sometimes a list of damage at its places.</summary>
    private void WireAfterEvent(GoldEvent e, int words)
    {
        var town = e.Places.FirstOrDefault(p => !p.EndsWith(" region", StringComparison.Ordinal));
        if (_r.NextDouble() < (words > 400 ? 0.8 : 0.45))
        {
            NewParagraph();
            var quote = Pick(e.TargetCountry == "RU" ? WireLexicon.RuQuotes : WireLexicon.UaQuotes);
            var speaker = Pick(WireLexicon.Residents);
            var age = _r.Next(19, 86).ToString(CultureInfo.InvariantCulture);
            var where = town is null ? "" : $" in {town}";
            Say(_r.Next(3) switch
            {
                0 => $"\"{quote}\" said {speaker}, {age}, who lives nearby.",
                1 => $"\"{quote}\" {speaker}, a {age}-year-old {Pick(WireLexicon.Jobs)}, told Sitrep Wire{where}.",
                _ => $"\"{quote}\" said {speaker}, {age}, standing outside a damaged building{where}.",
            }, quote: false);
            if (_r.Next(2) == 0)
            {
                Say(Pick(WireLexicon.QuoteFollowUps), quote: false);
            }
        }

        if (e.Places.Count >= 2 && _r.NextDouble() < (words > 400 ? 0.5 : 0.2))
        {
            NewParagraph();
            var lines = new List<string> { Pick("Damage reported so far:", "Officials listed the damage:", "Where the strikes hit, according to local authorities:") };
            lines.AddRange(e.Places.Select(p => $"- {p}: {Pick(e.TargetCountry == "RU" ? CorpusLexicon.RuDamage : CorpusLexicon.Damage)}"));
            Say(string.Join('\n', lines), quote: false);
        }
    }

    /// <summary>Background paragraphs until the drawn length: context naming many places, politics, aid lists, officials' quotes.</summary>
    private void WireBackground(int target)
    {
        var words = CorpusReport.CountWords(_headline ?? "") + _paragraphs.Sum(p => p.Sum(CorpusReport.CountWords));
        var pools = new[] { WireLexicon.Context, CorpusLexicon.FillerTemplates, WireLexicon.Statements };
        var used = new HashSet<string>(StringComparer.Ordinal);
        var guard = 0;
        while (words < target && guard++ < 400)
        {
            string paragraph;
            if (_r.Next(9) == 0)
            {
                paragraph = AidList();
            }
            else
            {
                var sentences = new List<string>();
                var n = _r.Next(1, 4);
                for (var k = 0; k < n; k++)
                {
                    var pool = pools[Weighted(45, 35, 20)];
                    var template = Pick(pool);
                    if (!used.Add(template) && used.Count < 90)
                    {
                        continue;
                    }

                    sentences.Add(FillWire(template));
                }

                if (sentences.Count == 0)
                {
                    continue;
                }

                paragraph = string.Join(' ', sentences);
            }

            var w = CorpusReport.CountWords(paragraph);
            if (words + w > WireMaxWords)
            {
                break;
            }

            // after the lead attack: background sits between attacks (never inside one) and at the end, as agencies write it
            var b = _r.Next(2) == 0 ? _wireBoundaries.Count - 1 : _r.Next(1, _wireBoundaries.Count);
            _paragraphs.Insert(_wireBoundaries[b], [paragraph]);
            for (var k = b + 1; k < _wireBoundaries.Count; k++)
            {
                _wireBoundaries[k]++;
            }

            words += w;
        }
    }

    private string AidList()
    {
        var items = WireLexicon.AidItems.OrderBy(_ => _r.Next()).Take(_r.Next(3, 6)).Select(i => "- " + FillWire(i));
        return $"The {Pick("latest", "new", "announced")} package from {Pick(WireLexicon.Donors)} includes:\n" + string.Join('\n', items);
    }

    private string FillWire(string template)
    {
        var s = FillSlots(template);
        while (s.Contains("{Ua}", StringComparison.Ordinal))
        {
            s = ReplaceFirst(s, "{Ua}", PickTown(CorpusLexicon.UaTowns).Town);
        }

        while (s.Contains("{UaRegion}", StringComparison.Ordinal))
        {
            s = ReplaceFirst(s, "{UaRegion}", Pick(CorpusLexicon.UaRegionNames));
        }

        while (s.Contains("{Front}", StringComparison.Ordinal))
        {
            s = ReplaceFirst(s, "{Front}", PickTown(CorpusLexicon.UaFrontTowns).Town);
        }

        while (s.Contains("{RuRegion}", StringComparison.Ordinal))
        {
            s = ReplaceFirst(s, "{RuRegion}", Pick(CorpusLexicon.RuRegionNames));
        }

        return s.Replace("{Year}", (_published.Year - _r.Next(1, 3)).ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{Pct}", _r.Next(11, 40).ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{Bn}", (_r.Next(5, 95) / 10.0).ToString("0.0", CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }

    private static string ReplaceFirst(string s, string slot, string value)
    {
        var i = s.IndexOf(slot, StringComparison.Ordinal);
        return s[..i] + value + s[(i + slot.Length)..];
    }

    /// <summary>A photo caption: one of the attack's places, the day before publication (a caption's date is not a cue).</summary>
    private string Caption(GoldEvent e)
    {
        var place = e.Places.FirstOrDefault(p => !p.EndsWith(" region", StringComparison.Ordinal)) ?? (e.TargetCountry == "RU" ? "Belgorod" : "Kyiv");
        var country = e.TargetCountry == "RU" ? "Russia" : "Ukraine";
        var day = _published.AddDays(-_r.Next(0, 2));
        var date = $"{CorpusLexicon.Months[day.Month - 1]} {day.Day}, {day.Year}";
        return $"{Pick(WireLexicon.CaptionScenes)} in {place}, {country}, {date}. {Pick("Sitrep Wire", "Sitrep Wire/File Photo", "Handout via Sitrep Wire")}/{Pick(WireLexicon.Reporters)}";
    }
}
