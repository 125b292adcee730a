namespace Sitrep.Ingest;

/// <summary>What one command-line input turned out to be.</summary>
public enum InputKind
{
    File,
    Url,
    /// <summary>A file in a folder whose extension is not a report's; counted, not read.</summary>
    Skipped,
    /// <summary>Missing, or neither a path nor an http(s) address: <see cref="InputItem.Error"/> says why.</summary>
    Invalid,
}

/// <summary>One thing to read: a file, a URL, or an input that cannot be read (with its error).</summary>
public sealed record InputItem(string Source, InputKind Kind, ReadError? Error = null);

/// <summary>
/// Expands command-line inputs into items: files as given, folders walked recursively in ordinal name order
/// (hidden files and folders skipped, only report extensions read), http(s) URLs as given. Lazy: a folder of
/// a million files is walked as it is read.
/// </summary>
public static class ReportInputs
{
    public static bool IsUrl(string input) =>
        input.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || input.StartsWith("https://", StringComparison.OrdinalIgnoreCase);

    public static IEnumerable<InputItem> Expand(IEnumerable<string> inputs)
    {
        foreach (var input in inputs)
        {
            if (IsUrl(input))
            {
                yield return Uri.TryCreate(input, UriKind.Absolute, out _)
                    ? new InputItem(input, InputKind.Url)
                    : new InputItem(input, InputKind.Invalid, ErrorCatalogue.UnsupportedAddress(input));
                continue;
            }

            if (input.Contains("://", StringComparison.Ordinal))
            {
                yield return new InputItem(input, InputKind.Invalid, ErrorCatalogue.UnsupportedAddress(input));
                continue;
            }

            if (Directory.Exists(input))
            {
                foreach (var item in Walk(input))
                {
                    yield return item;
                }

                continue;
            }

            yield return File.Exists(input)
                ? new InputItem(input, InputKind.File)
                : new InputItem(input, InputKind.Invalid, ErrorCatalogue.NotFound(input));
        }
    }

    private static IEnumerable<InputItem> Walk(string root)
    {
        var options = new EnumerationOptions
        {
            RecurseSubdirectories = false,
            IgnoreInaccessible = true,
            AttributesToSkip = FileAttributes.Hidden | FileAttributes.System | FileAttributes.ReparsePoint,
        };
        var pending = new Stack<string>();
        pending.Push(root);
        while (pending.Count > 0)
        {
            var dir = pending.Pop();
            string[] files, dirs;
            try
            {
                files = Directory.GetFiles(dir, "*", options);
                dirs = Directory.GetDirectories(dir, "*", options);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                files = [];
                dirs = [];
            }

            Array.Sort(files, StringComparer.Ordinal);
            foreach (var f in files)
            {
                if (Path.GetFileName(f).StartsWith('.'))
                {
                    continue;
                }

                yield return ReportReader.ReportExtensions.Contains(Path.GetExtension(f))
                    ? new InputItem(f, InputKind.File)
                    : new InputItem(f, InputKind.Skipped);
            }

            Array.Sort(dirs, StringComparer.Ordinal);
            for (var i = dirs.Length - 1; i >= 0; i--)
            {
                if (!Path.GetFileName(dirs[i]).StartsWith('.'))
                {
                    pending.Push(dirs[i]);
                }
            }
        }
    }
}
