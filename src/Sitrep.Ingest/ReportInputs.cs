namespace Sitrep.Ingest;

/// <summary>What one command-line input turned out to be.</summary>
public enum InputKind
{
    File,
    Url,
    /// <summary>A file in a folder whose extension is not a report's; counted, not read.</summary>
    Skipped,
    /// <summary>Missing, unreadable, or neither a path nor an http(s) address: <see cref="InputItem.Error"/> says why.</summary>
    Invalid,
}

/// <summary>One thing to read: a file, a URL, or an input that cannot be read (with its error).</summary>
public sealed record InputItem(string Source, InputKind Kind, ReadError? Error = null);

/// <summary>
/// Expands command-line inputs into items: files as given, folders walked recursively in ordinal name order
/// (hidden files and folders skipped, only report extensions read), http(s) URLs as given. Lazy: a folder of
/// a million files is walked as it is read. The one walker of <c>extract</c> and <c>ingest</c>: links are followed
/// (a file reached twice, directly or by links, is read once; a folder that leads back into the walk is not walked
/// again, so a loop of links ends); what cannot be read (a folder that cannot be listed, a link to nothing, a loop of
/// links) is an <see cref="InputKind.Invalid"/> item with its error, and the walk goes on.
/// </summary>
public static class ReportInputs
{
    /// <summary>The most links followed to resolve one path before it counts as a loop (Linux's own limit).</summary>
    private const int MaxLinkHops = 40;

    /// <summary>The input that names standard input: <c>-</c>, read once however often it is named.</summary>
    public const string StandardInput = "-";

    public static bool IsUrl(string input) =>
        input.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || input.StartsWith("https://", StringComparison.OrdinalIgnoreCase);

    public static IEnumerable<InputItem> Expand(IEnumerable<string> inputs)
    {
        var walk = new WalkState();
        var stdinRead = false;
        foreach (var input in inputs)
        {
            if (input == StandardInput)
            {
                if (!stdinRead)
                {
                    stdinRead = true;
                    yield return new InputItem(input, InputKind.File);
                }

                continue;
            }

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
                foreach (var item in Walk(input, walk))
                {
                    yield return item;
                }

                continue;
            }

            if (File.Exists(input))
            {
                // File.Exists is true of a link to nothing too: the link is what is checked.
                var real = RealPath(input);
                if (real is null || !Path.Exists(real))
                {
                    yield return new InputItem(input, InputKind.Invalid, Missing(input));
                }
                else if (walk.Files.Add(real))
                {
                    yield return new InputItem(input, InputKind.File);
                }

                continue;
            }

            yield return new InputItem(input, InputKind.Invalid, Missing(input));
        }
    }

    /// <summary>The files and folders one expansion has taken, by their real paths.</summary>
    private sealed class WalkState
    {
        public HashSet<string> Files { get; } = new(StringComparer.Ordinal);

        public HashSet<string> Folders { get; } = new(StringComparer.Ordinal);
    }

    private static IEnumerable<InputItem> Walk(string root, WalkState walk)
    {
        var options = new EnumerationOptions
        {
            RecurseSubdirectories = false,
            IgnoreInaccessible = false,
            AttributesToSkip = 0,
            ReturnSpecialDirectories = false,
        };
        var rootReal = RealPath(root) ?? Path.GetFullPath(root);
        if (!walk.Folders.Add(rootReal))
        {
            yield break;
        }

        var pending = new Stack<(string Path, string Real)>();
        pending.Push((root, rootReal));
        while (pending.Count > 0)
        {
            var (dir, real) = pending.Pop();
            FileSystemInfo[] entries;
            ReadError? error = null;
            try
            {
                entries = new DirectoryInfo(dir).GetFileSystemInfos("*", options);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.Security.SecurityException)
            {
                entries = [];
                error = ErrorCatalogue.FolderUnreadable(dir, e.Message);
            }

            if (error is not null)
            {
                yield return new InputItem(dir, InputKind.Invalid, error);
                continue;
            }

            Array.Sort(entries, (a, b) => string.CompareOrdinal(a.Name, b.Name));
            var folders = new List<(string Path, string Real)>();
            foreach (var entry in entries)
            {
                if (entry.Name.StartsWith('.'))
                {
                    continue;
                }

                var path = entry.FullName;
                var entryReal = real.TrimEnd('/') + "/" + entry.Name;
                var isDirectory = entry is DirectoryInfo;
                if ((entry.Attributes & FileAttributes.ReparsePoint) != 0 && entry.LinkTarget is { } target)
                {
                    var resolved = RealPath(path);
                    if (resolved is null)
                    {
                        yield return new InputItem(path, InputKind.Invalid, ErrorCatalogue.LinkLoop(path));
                        continue;
                    }

                    if (!Path.Exists(resolved))
                    {
                        yield return new InputItem(path, InputKind.Invalid, ErrorCatalogue.DanglingLink(path, target));
                        continue;
                    }

                    entryReal = resolved;
                    isDirectory = Directory.Exists(resolved);
                }

                if (isDirectory)
                {
                    if (walk.Folders.Add(entryReal))
                    {
                        folders.Add((path, entryReal));
                    }

                    continue;
                }

                if (!ReportReader.ReportExtensions.Contains(Path.GetExtension(entry.Name)))
                {
                    yield return new InputItem(path, InputKind.Skipped);
                }
                else if (walk.Files.Add(entryReal))
                {
                    yield return new InputItem(path, InputKind.File);
                }
            }

            for (var i = folders.Count - 1; i >= 0; i--)
            {
                pending.Push(folders[i]);
            }
        }
    }

    private static ReadError Missing(string input)
    {
        try
        {
            if (new FileInfo(input).LinkTarget is { } target)
            {
                return RealPath(input) is null ? ErrorCatalogue.LinkLoop(input) : ErrorCatalogue.DanglingLink(input, target);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
        }

        return ErrorCatalogue.NotFound(input);
    }

    /// <summary>
    /// The path with every link in it resolved and no '.' or '..' left (what realpath(3) gives), so that two ways to one
    /// file compare equal; null when resolving it meets a loop of links. A path that does not exist is resolved as far as
    /// it goes. On Windows, the full path.
    /// </summary>
    public static string? RealPath(string path)
    {
        var full = Path.GetFullPath(path);
        if (OperatingSystem.IsWindows())
        {
            return full;
        }

        var pending = new Stack<string>();
        Push(pending, full);
        var done = new List<string>();
        var hops = 0;
        while (pending.TryPop(out var part))
        {
            if (part is "" or ".")
            {
                continue;
            }

            if (part == "..")
            {
                if (done.Count > 0)
                {
                    done.RemoveAt(done.Count - 1);
                }

                continue;
            }

            var here = "/" + string.Join('/', done.Append(part));
            string? target;
            try
            {
                target = new FileInfo(here).LinkTarget;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                target = null;
            }

            if (target is null)
            {
                done.Add(part);
                continue;
            }

            if (++hops > MaxLinkHops)
            {
                return null;
            }

            if (target.StartsWith('/'))
            {
                done.Clear();
            }

            Push(pending, target);
        }

        return "/" + string.Join('/', done);

        static void Push(Stack<string> stack, string p)
        {
            var parts = p.Split('/');
            for (var i = parts.Length - 1; i >= 0; i--)
            {
                stack.Push(parts[i]);
            }
        }
    }
}
