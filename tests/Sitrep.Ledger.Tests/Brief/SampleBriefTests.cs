using Sitrep.Ledger.Brief;
using Sitrep.Storage;

namespace Sitrep.Ledger.Tests.Brief;

/// <summary>The checker over a brief for every night and day of a store filled from the project's own sample reports (samples/).</summary>
public sealed class SampleBriefTests
{
    private static string Samples()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "samples");
            if (Directory.Exists(candidate) && File.Exists(Path.Combine(dir.FullName, "Sitrep.slnx")))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException("samples/ was not found above the test's folder.");
    }

    [Fact]
    public async Task Every_brief_of_the_samples_is_backed_cited_and_whole()
    {
        var dir = Path.Combine(Path.GetTempPath(), $"sitrep-brief-samples-{Guid.NewGuid():N}");
        Directory.CreateDirectory(dir);
        try
        {
            await using var store = await EventStore.OpenAsync(StoreLocation.Sqlite(Path.Combine(dir, "s.db")));
            var reports = Directory.GetFiles(Samples(), "*.txt").Order(StringComparer.Ordinal).Select(p => (Path.GetFileName(p), File.ReadAllText(p))).ToArray();
            Assert.NotEmpty(reports);
            await BriefStore.AddAsync(store, reports);

            var attacks = await store.FindAttacksAsync(new EventQuery { Limit = null });
            var days = attacks.Select(a => a.Date).OfType<DateOnly>().SelectMany(d => new[] { d, d.AddDays(1) }).Distinct().Order().ToList();
            var windows = days.Select(BriefWindow.Night).Concat(days.Select(d => BriefWindow.Days(d, d))).Append(BriefWindow.Days(days[0], days[^1]));
            var writer = BriefWriter.ForLanguage();
            var total = new BriefCheck();
            await using var snapshot = await store.OpenSnapshotAsync();
            foreach (var window in windows)
            {
                total = total.Plus(await BriefChecker.CheckAsync(await writer.WriteAsync(snapshot, window), snapshot));
            }

            Assert.True(total.Passed, string.Join("\n", total.Problems));
            Assert.Equal(total.Figures, total.FiguresBacked);
            Assert.Equal(total.Citations, total.CitationsSliced);
            Assert.Equal(total.AttacksInWindow, total.AttacksShown);
            Assert.True(total.AttacksShown >= attacks.Count, total.Summary());
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(dir, recursive: true);
        }
    }
}
