using Sitrep.Geo;

namespace Sitrep.Benchmarks.Extraction;

/// <summary>
/// The place lookup the benchmarks give the pipeline: the default gazetteer (data/gazetteer.bin, built by ./setup.sh)
/// when it exists, otherwise none, so the benchmark still runs on a machine that has not built it.
/// </summary>
internal static class BenchPlaces
{
    public static IPlaceLookup? Load(TextWriter? log = null)
    {
        if (Gazetteer.FindDefaultPath() is not { } path)
        {
            log?.WriteLine("gazetteer: none found (run ./setup.sh to build data/gazetteer.bin); places are not looked up");
            return null;
        }

        var gazetteer = Gazetteer.Load(path);
        log?.WriteLine($"gazetteer: {path} ({gazetteer.Entries.Length} entries)");
        return gazetteer;
    }
}
