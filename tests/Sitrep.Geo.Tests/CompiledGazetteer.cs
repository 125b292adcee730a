namespace Sitrep.Geo.Tests;

/// <summary>
/// The compiled gazetteer (data/gazetteer.bin), loaded once for the tests that need real data. ./setup.sh
/// builds it; ./test.sh runs after ./setup.sh.
/// </summary>
public sealed class CompiledGazetteer
{
    private static readonly Lazy<Gazetteer> Loaded = new(Gazetteer.LoadDefault);

    public static Gazetteer Instance => Loaded.Value;
}
