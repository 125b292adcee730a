namespace Sitrep.Cli.Tests.Ledger;

/// <summary>Stores made the way a user makes them: report files written to a folder, then <c>sitrep ingest</c>.</summary>
internal static class IngestedStores
{
    /// <summary>A new SQLite store in <paramref name="dir"/> holding <paramref name="texts"/> (one report file each), extracted and merged.</summary>
    public static string Of(TempDir dir, params string[] texts)
    {
        for (var i = 0; i < texts.Length; i++)
        {
            dir.Write($"reports/{i:D3}.txt", texts[i]);
        }

        var db = dir.Path("ledger.db");
        var ingest = Cli.Run("ingest", dir.Path("reports"), "--db", db);
        Assert.True(ingest.Code == 0, ingest.Err);
        return db;
    }
}
