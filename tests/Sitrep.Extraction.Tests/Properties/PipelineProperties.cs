using FsCheck;
using FsCheck.Fluent;
using Sitrep.Core;

namespace Sitrep.Extraction.Tests.Properties;

/// <summary>
/// Properties of the whole pipeline over generated text: it never throws, no stage crashes, every span it reports
/// lies inside the text and slices to the evidence it claims, and extraction is repeatable.
/// </summary>
public sealed class PipelineProperties
{
    private static readonly ExtractionPipeline Pipeline = ExtractionPipeline.CreateDefault();

    private static Config Config(int tests, int endSize = 100) =>
        FsCheck.Config.QuickThrowOnFailure.WithMaxTest(tests).WithEndSize(endSize);

    private static Sitrep.Core.Extraction NeverThrows(Article article)
    {
        try
        {
            return Pipeline.Extract(article);
        }
        catch (Exception e)
        {
            throw new InvalidOperationException($"Extract threw on a {article.Text.Length}-char text (published {article.Published}): {e}");
        }
    }

    private static void Holds(Article article)
    {
        var x = NeverThrows(article);

        var problems = ExtractionInvariants.Violations(x);
        if (problems.Count > 0)
        {
            throw new InvalidOperationException(
                $"{problems.Count} broken invariant(s) on a {article.Text.Length}-char text (published {article.Published}):\n  "
                + string.Join("\n  ", problems.Take(10)));
        }
    }

    [Fact]
    public void Any_unicode_string_never_throws_and_spans_hold() =>
        Check.One(Config(500), Prop.ForAll(TextGenerators.Articles(TextGenerators.AnyString).ToArbitrary(), Holds));

    [Fact]
    public void Report_vocabulary_mixed_with_hostile_unicode_never_throws_and_spans_hold() =>
        Check.One(Config(400, 120), Prop.ForAll(TextGenerators.Articles(TextGenerators.ReportLike).ToArbitrary(), Holds));

    [Fact]
    public void Report_shaped_sentences_never_throw_and_spans_hold() =>
        Check.One(Config(400, 80), Prop.ForAll(TextGenerators.Articles(TextGenerators.Paragraphs).ToArbitrary(), Holds));

    [Fact]
    public void Very_long_numbers_and_number_runs_never_throw() =>
        Check.One(Config(200), Prop.ForAll(
            TextGenerators.Articles(Gen.ArrayOf(TextGenerators.Number.Select(n => n + " drones, ")).Select(a => "Russia launched " + string.Concat(a) + " and shot down all.")).ToArbitrary(),
            Holds));

    [Fact]
    public void Extraction_is_repeatable() =>
        Check.One(Config(150), Prop.ForAll(TextGenerators.Articles(TextGenerators.Paragraphs).ToArbitrary(), article =>
        {
            var a = ExtractionInvariants.Fingerprint(Pipeline.Extract(article));
            var b = ExtractionInvariants.Fingerprint(Pipeline.Extract(article));
            Assert.Equal(a, b);
        }));

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    [InlineData("\n\n\n")]
    [InlineData("\0\0\0")]
    [InlineData("\uD800")]
    [InlineData("\uDC00\uD800 \uFEFF\u202E")]
    [InlineData(".")]
    [InlineData("Russia launched")]
    [InlineData("Russia launched 99999999999999999999999999999999999999 drones.")]
    [InlineData("Air defences shot down all.")]
    [InlineData("a day earlier a day earlier a day earlier")]
    [InlineData("on the night of Sunday to")]
    [InlineData("killed killed killed 1 2 3")]
    [InlineData("“")]
    [InlineData("Kharkiv")]
    public void Edge_texts_hold(string text)
    {
        Holds(new Article("edge", text));
        Holds(new Article("edge", text, Published: new DateOnly(2024, 11, 13)));
        NeverThrows(new Article("edge", text, Published: DateOnly.MinValue));
        NeverThrows(new Article("edge", text, Published: DateOnly.MaxValue));
    }

    [Fact]
    public void Calendar_end_publication_dates_never_throw() =>
        Check.One(Config(200, 60), Prop.ForAll(
            TextGenerators.Articles(TextGenerators.Paragraphs, TextGenerators.CalendarEnds).ToArbitrary(), a => { NeverThrows(a); }));

    /// <summary>Publication dates at the ends of the calendar are set aside with a warning (SX200), never a stage crash.</summary>
    [Fact]
    public void Calendar_end_publication_dates_do_not_crash_a_stage() =>
        Check.One(Config(200, 60), Prop.ForAll(
            TextGenerators.Articles(TextGenerators.Paragraphs, TextGenerators.CalendarEnds).ToArbitrary(), Holds));

    /// <summary>About 22,000 characters.</summary>
    [Fact]
    public void A_long_report_holds()
    {
        var text = string.Concat(Enumerable.Repeat("Russia launched 120 Shahed drones and 8 Kh-101 missiles at Kharkiv overnight; 110 of them were shot down, the air force said. A woman was killed. ", 150));
        Holds(new Article("long", text, Published: new DateOnly(2024, 11, 13)));
    }
}
