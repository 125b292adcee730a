using System.Text;
using System.Text.RegularExpressions;

namespace Sitrep.Cli;

/// <summary>
/// Help texts fitted to a terminal. The texts are written as paragraphs and option entries; each is reflowed to the
/// width: a paragraph of prose as one block, an option ("  --db DB      the store: …") with its continuation lines
/// hanging under its description, an item inside an option ("csv      one row per …") under its own text, a usage
/// line under the command after "Usage: ". Lines that fit and stand alone (examples) are kept as written.
/// </summary>
internal static partial class HelpText
{
    public static string Fit(string text, int width)
    {
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var blocks = new List<(string Prefix, int Hang, StringBuilder Text, bool Prose)>();
        var optionHang = -1;
        foreach (var line in lines)
        {
            var indent = line.Length - line.TrimStart().Length;
            var last = blocks.Count > 0 ? blocks[^1] : default;
            if (line.Trim().Length == 0)
            {
                blocks.Add(("", 0, new StringBuilder(), false));
                optionHang = -1;
                continue;
            }

            if (indent == optionHang && Item().Match(line[indent..]) is { Success: true } next && indent + next.Length <= width / 2)
            {
                blocks.Add((line[..(indent + next.Length)], indent + next.Length, new StringBuilder(line[(indent + next.Length)..].Trim()), false));
                continue;
            }

            if (Option().Match(line) is { Success: true } option && option.Length <= width / 2)
            {
                // The option's first item may stand on its line ("--format FORMAT    csv      one row per …").
                var head = option.Length;
                optionHang = head;
                if (Item().Match(line[head..]) is { Success: true } first && head + first.Length <= width / 2)
                {
                    blocks.Add((line[..head], head, new StringBuilder(), false));
                    blocks.Add((line[..(head + first.Length)], head + first.Length, new StringBuilder(line[(head + first.Length)..].Trim()), false));
                    continue;
                }

                blocks.Add((line[..head], head, new StringBuilder(line[head..].Trim()), false));
                continue;
            }

            if (last.Prefix is "Usage: " or "       " && last.Hang == 7 && indent == 7 && line.AsSpan(7).StartsWith("sitrep ", StringComparison.Ordinal))
            {
                // Another form of the command under "Usage: " ("       sitrep merge --join …"): a line of its own.
                blocks.Add((new string(' ', 7), 7, new StringBuilder(line.Trim()), false));
                continue;
            }

            if (last.Text is not null && last.Hang > 0 && indent >= last.Hang && last.Text.Length > 0)
            {
                last.Text.Append(' ').Append(line.Trim());
                continue;
            }

            if (line.StartsWith("Usage: ", StringComparison.Ordinal))
            {
                blocks.Add(("Usage: ", 7, new StringBuilder(line[7..].Trim()), false));
                continue;
            }

            if (indent == 0 && last.Prose && last.Text is { Length: > 0 })
            {
                last.Text.Append(' ').Append(line.Trim());
                continue;
            }

            if (indent > 0 && Term().Match(line) is { Success: true } term && term.Length <= width / 2)
            {
                // A term and its text ("  within 10%   each differs by …"): the text hangs under itself.
                blocks.Add((line[..term.Length], term.Length, new StringBuilder(line[term.Length..].Trim()), false));
                continue;
            }

            // Prose (joined with the prose lines after it), or an indented line that stands alone (an example): the
            // hang is past its indent, so a next line at the same indent starts its own block.
            blocks.Add((line[..indent], indent == 0 ? 0 : indent + 2, new StringBuilder(line.Trim()), indent == 0));
        }

        var sb = new StringBuilder();
        for (var i = 0; i < blocks.Count; i++)
        {
            var (prefix, hang, body, _) = blocks[i];
            if (body.Length == 0 && prefix.Trim().Length > 0 && i + 1 < blocks.Count && blocks[i + 1].Prefix.StartsWith(prefix, StringComparison.Ordinal))
            {
                continue; // an option whose first item stands on its line: the item's line prints the option
            }

            Wrap(sb, prefix, hang, body.ToString(), width);
        }

        return sb.ToString().TrimEnd('\n');
    }

    private static void Wrap(StringBuilder sb, string prefix, int hang, string text, int width)
    {
        var line = new StringBuilder(prefix);
        var empty = true;
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (!empty && line.Length + 1 + word.Length > width)
            {
                sb.Append(line.ToString().TrimEnd()).Append('\n');
                line.Clear().Append(' ', hang);
                empty = true;
            }

            line.Append(empty ? "" : " ").Append(word);
            empty = false;
        }

        sb.Append(line.ToString().TrimEnd()).Append('\n');
    }

    /// <summary>An option line up to its description: "  --name VALUE      ".</summary>
    [GeneratedRegex(@"^\s+--?[a-z][\w-]*(?: [A-Z][\w.|-]*(?: [A-Z][\w.|-]*)?)?\s{2,}(?=\S)", RegexOptions.None, matchTimeoutMilliseconds: 100)]
    private static partial Regex Option();

    /// <summary>An indented term up to its text: "  within 10%      ".</summary>
    [GeneratedRegex(@"^\s+\S+(?: \S+)*\s{2,}(?=\S)", RegexOptions.None, matchTimeoutMilliseconds: 100)]
    private static partial Regex Term();

    /// <summary>An item inside an option's description: "csv      ".</summary>
    [GeneratedRegex(@"^[a-z][\w-]*\s{2,}(?=\S)", RegexOptions.None, matchTimeoutMilliseconds: 100)]
    private static partial Regex Item();
}
