using Sitrep.Benchmarks.Corpus;
using Sitrep.Core;
using Sitrep.Geo;

namespace Sitrep.Extraction.Tests.Corpus;

/// <summary>
/// Per-fact recall of an extraction against generated gold, pooled per article (the "bag" view of
/// <c>../shared/eval/score.py</c>): counts by weapon family, casualties, places, dates and attackers.
/// The corpus test asserts floors on it as a regression guard.
/// </summary>
internal sealed class FactRecall
{
    public static readonly string[] Kinds = ["count", "casualty", "place", "date", "attacker"];

    private readonly Dictionary<string, (int Gold, int Hit, int Predicted)> _tally = Kinds.ToDictionary(k => k, _ => (0, 0, 0));

    public void Add(GoldReport gold, Sitrep.Core.Extraction extraction)
    {
        var goldFacts = gold.Events.SelectMany(GoldFacts).ToList();
        var predicted = extraction.Events.Where(e => e.Kind == EventKind.Strike).SelectMany(PredictedFacts).ToList();
        foreach (var kind in Kinds)
        {
            var g = goldFacts.Where(f => f.Kind == kind).ToList();
            var p = predicted.Where(f => f.Kind == kind).ToList();
            var used = new bool[p.Count];
            var hit = 0;
            foreach (var fact in g)
            {
                for (var i = 0; i < p.Count; i++)
                {
                    if (!used[i] && p[i].Key == fact.Key)
                    {
                        used[i] = true;
                        hit++;
                        break;
                    }
                }
            }

            var t = _tally[kind];
            _tally[kind] = (t.Gold + g.Count, t.Hit + hit, t.Predicted + p.Count);
        }
    }

    public IEnumerable<string> Lines()
    {
        yield return $"{"fact",-10}{"gold",7}{"found",7}{"pred",7}{"recall",8}{"prec",8}";
        var total = (Gold: 0, Hit: 0, Predicted: 0);
        foreach (var kind in Kinds)
        {
            var t = _tally[kind];
            total = (total.Gold + t.Gold, total.Hit + t.Hit, total.Predicted + t.Predicted);
            yield return Line(kind, t);
        }

        yield return Line("all", total);
    }

    public double Recall(string kind) => _tally[kind].Gold == 0 ? 1 : (double)_tally[kind].Hit / _tally[kind].Gold;

    private static string Line(string kind, (int Gold, int Hit, int Predicted) t) =>
        FormattableString.Invariant($"{kind,-10}{t.Gold,7}{t.Hit,7}{t.Predicted,7}{(t.Gold == 0 ? 1 : (double)t.Hit / t.Gold),8:F3}{(t.Predicted == 0 ? 0 : (double)t.Hit / t.Predicted),8:F3}");

    private readonly record struct Fact(string Kind, string Key);

    private static IEnumerable<Fact> GoldFacts(GoldEvent e)
    {
        foreach (var w in e.Weapons)
        {
            var family = Family(w.Category);
            if (w.Launched is { } l)
            {
                yield return new("count", $"{family}/launched/{l}");
            }

            if (w.Destroyed is { } d)
            {
                yield return new("count", $"{family}/destroyed/{d}");
            }
        }

        if (e.Killed is { } k)
        {
            yield return new("casualty", $"killed/{k}");
        }

        if (e.Injured is { } j)
        {
            yield return new("casualty", $"injured/{j}");
        }

        foreach (var p in e.Places)
        {
            yield return new("place", FoldPlace(p));
        }

        if (e.Date is { } date)
        {
            yield return new("date", date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        }

        yield return new("attacker", e.Attacker);
    }

    private static IEnumerable<Fact> PredictedFacts(ExtractedEvent e)
    {
        foreach (var w in e.Weapons)
        {
            var family = w.Weapon.Category.Family().ToContract();
            if (w.Current(FigureKind.Launched) is { } l)
            {
                yield return new("count", $"{family}/launched/{l.Value}");
            }

            if (w.Current(FigureKind.Destroyed) is { } d)
            {
                yield return new("count", $"{family}/destroyed/{d.Value}");
            }
        }

        if (e.Killed is { } k)
        {
            yield return new("casualty", $"killed/{k.Value}");
        }

        if (e.Injured is { } j)
        {
            yield return new("casualty", $"injured/{j.Value}");
        }

        foreach (var p in e.Places)
        {
            yield return new("place", FoldPlace(p.Text));
        }

        if (e.Date.Date is { } date)
        {
            yield return new("date", date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        }

        if (e.Attacker is Side.Russia or Side.Ukraine)
        {
            yield return new("attacker", e.Attacker.ToContract());
        }
    }

    private static string Family(string category) => category switch
    {
        "drone" => "drone",
        "cruise_missile" or "ballistic_missile" or "missile" => "missile",
        "guided_bomb" => "bomb",
        "artillery" or "rocket" => "artillery",
        _ => "other",
    };

    /// <summary>Roughly the scorer's place folding: case, accents, "the/region/oblast/city of" dropped.</summary>
    private static string FoldPlace(string text)
    {
        var folded = PlaceNames.Fold(text);
        var words = folded.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Where(w => w is not ("the" or "city" or "town" or "village" or "of" or "region" or "oblast" or "province" or "krai" or "republic" or "district" or "raion" or "regions"));
        return string.Join(' ', words);
    }
}
