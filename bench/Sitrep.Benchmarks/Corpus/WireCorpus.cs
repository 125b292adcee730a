namespace Sitrep.Benchmarks.Corpus;

/// <summary>
/// The realistic benchmark corpus: reports of wire length and shape (120–1,500 words, most near 300; headline, byline,
/// dateline, quotes, lists, background paragraphs naming many places, captions, one to five attacks), nine in ten in
/// English and the rest in Ukrainian and Russian, each with its gold. Deterministic for a seed; the project's own
/// sentences (<see cref="WireLexicon"/>, <see cref="CorpusLexicon"/>), beside the older <see cref="CorpusWriter"/> corpus.
/// </summary>
internal static class WireCorpus
{
    public const int DefaultSeed = 20261201;
    public const int DefaultCount = 1000;

    private static readonly DateOnly FirstPublished = new(2022, 3, 1);

    public static IReadOnlyList<CorpusReport> Generate(int count = DefaultCount, int seed = DefaultSeed) => CorpusWriter.Generate(count, seed, GenerateOne);

    public static CorpusReport GenerateOne(int index, int seed = DefaultSeed)
    {
        var reportSeed = CorpusWriter.ReportSeed(seed, index);
        var r = new Random(reportSeed);
        var roll = r.Next(100);
        if (roll < 90)
        {
            return new ReportComposer(r, index, wire: true).Compose();
        }

        var published = FirstPublished.AddDays(r.Next(1250));
        return new SlavicReportComposer(r, index, published, roll < 96 ? "uk" : "ru").Compose();
    }
}
