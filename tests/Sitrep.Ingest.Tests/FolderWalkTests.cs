using System.Diagnostics;
using Sitrep.Ingest;

namespace Sitrep.Ingest.Tests;

/// <summary>The one folder walker of extract and ingest: links followed once, loops ended, what it cannot read named.</summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class FolderWalkTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("sitrep-walk-").FullName;

    private readonly List<string> _locked = [];

    public void Dispose()
    {
        // Not a recursive walk: the folders here hold loops of links.
        foreach (var d in _locked)
        {
            File.SetUnixFileMode(d, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        Directory.Delete(_dir, recursive: true);
    }

    private string Write(string relative, string text = "Drones hit Sumy overnight, the air force said.")
    {
        var p = Path.Combine(_dir, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(p)!);
        File.WriteAllText(p, text);
        return p;
    }

    private static List<InputItem> Expand(params string[] inputs) =>
        Task.Run(() => ReportInputs.Expand(inputs).ToList()).WaitAsync(TimeSpan.FromSeconds(20)).GetAwaiter().GetResult(); // throws when it loops

    [Fact]
    public void Loops_of_folder_links_end_and_every_file_is_taken_once()
    {
        var a = Write("root/a.txt");
        Write("root/sub/b.txt");
        Directory.CreateSymbolicLink(Path.Combine(_dir, "root/sub/up"), "..");
        Directory.CreateSymbolicLink(Path.Combine(_dir, "root/sub/again"), Path.Combine(_dir, "root"));
        Directory.CreateSymbolicLink(Path.Combine(_dir, "root/sub/self"), ".");
        File.CreateSymbolicLink(Path.Combine(_dir, "root/z-link.txt"), a);

        var items = Expand(Path.Combine(_dir, "root"));
        var files = items.Where(i => i.Kind == InputKind.File).Select(i => Path.GetFileName(i.Source)).ToList();
        Assert.Equal(["a.txt", "b.txt"], files);
        Assert.DoesNotContain(items, i => i.Kind == InputKind.Invalid);

        // Named twice, or by a link and by its own name: read once.
        Assert.Single(Expand(a, a, Path.Combine(_dir, "root/z-link.txt")), i => i.Kind == InputKind.File);
    }

    [Fact]
    public void A_link_to_nothing_and_a_loop_of_file_links_are_named_and_the_walk_goes_on()
    {
        Write("root/a.txt");
        File.CreateSymbolicLink(Path.Combine(_dir, "root/gone.txt"), Path.Combine(_dir, "nowhere.txt"));
        File.CreateSymbolicLink(Path.Combine(_dir, "root/loop1.txt"), Path.Combine(_dir, "root/loop2.txt"));
        File.CreateSymbolicLink(Path.Combine(_dir, "root/loop2.txt"), Path.Combine(_dir, "root/loop1.txt"));
        Write("root/z.txt");

        var items = Expand(Path.Combine(_dir, "root"));
        Assert.Equal(["a.txt", "z.txt"], items.Where(i => i.Kind == InputKind.File).Select(i => Path.GetFileName(i.Source)));
        var gone = Assert.Single(items, i => i.Source.EndsWith("gone.txt", StringComparison.Ordinal));
        Assert.Equal(InputKind.Invalid, gone.Kind);
        Assert.Equal("SR001", gone.Error?.Code);
        Assert.Contains("is a link to", gone.Error?.Message, StringComparison.Ordinal);
        Assert.All(items.Where(i => i.Source.Contains("loop", StringComparison.Ordinal)), i => Assert.Equal("SR006", i.Error?.Code));

        // Named directly, the same answers, from the reader too.
        Assert.Equal("SR001", Expand(Path.Combine(_dir, "root/gone.txt")).Single().Error?.Code);
        Assert.False(ReportReader.ReadFile(Path.Combine(_dir, "root/loop1.txt")).Ok);
    }

    [Fact]
    public async Task A_fifo_in_a_folder_or_behind_a_link_is_refused_without_waiting()
    {
        Write("root/a.txt");
        var fifo = Path.Combine(_dir, "root/pipe.txt");
        using (var mk = Process.Start(new ProcessStartInfo("mkfifo", fifo) { UseShellExecute = false }))
        {
            if (mk is null)
            {
                return;
            }

            await mk.WaitForExitAsync();
        }

        File.CreateSymbolicLink(Path.Combine(_dir, "root/to-pipe.txt"), fifo);
        var items = Expand(Path.Combine(_dir, "root"));
        var reads = await Task.Run(() => items.Where(i => i.Kind == InputKind.File).Select(i => ReportReader.ReadFile(i.Source)).ToList())
            .WaitAsync(TimeSpan.FromSeconds(20));
        Assert.Single(reads, r => r.Ok);
        Assert.Equal(1, reads.Count(r => r.Error?.Code == "SR002")); // the link leads to the FIFO already taken: once
        var direct = await Task.Run(() => ReportReader.ReadFile(Path.Combine(_dir, "root/to-pipe.txt"))).WaitAsync(TimeSpan.FromSeconds(20));
        Assert.Equal("SR002", direct.Error?.Code);
    }

    [Fact]
    public void A_folder_that_cannot_be_listed_is_named_and_the_rest_is_read()
    {
        Write("root/a.txt");
        Write("root/locked/b.txt");
        var locked = Path.Combine(_dir, "root/locked");
        File.SetUnixFileMode(locked, UnixFileMode.None);
        _locked.Add(locked);
        try
        {
            Directory.GetFiles(locked);
            return; // root lists any folder: nothing to test here
        }
        catch (UnauthorizedAccessException)
        {
        }

        var items = Expand(Path.Combine(_dir, "root"));
        Assert.Single(items, i => i.Kind == InputKind.File);
        var bad = Assert.Single(items, i => i.Kind == InputKind.Invalid);
        Assert.Equal("SR006", bad.Error?.Code);
        Assert.Contains("folder that could not be listed", bad.Error?.Message, StringComparison.Ordinal);
    }
}
