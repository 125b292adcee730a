namespace Sitrep.Ingest.Tests;

public class ContentHashTests
{
    [Fact]
    public void Layout_differences_hash_the_same()
    {
        var a = ContentHash.Of("Drones hit Sumy.\nTwo were hurt.");
        Assert.Equal(a, ContentHash.Of("\uFEFFDrones hit Sumy.  \r\nTwo were hurt.\r\n\r\n"));
        Assert.Equal(a, ContentHash.Of("Drones  hit\tSumy.\nTwo were hurt.   "));
        Assert.Equal(64, a.Length);
    }

    [Fact]
    public void Changed_words_hash_differently()
    {
        Assert.NotEqual(ContentHash.Of("Two were hurt."), ContentHash.Of("Three were hurt."));
        Assert.Equal("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", ContentHash.Of("  \n "));
    }

    [Fact]
    public void Normalize_collapses_blank_line_runs_and_inner_spaces()
    {
        Assert.Equal("a b\n\nc", ContentHash.Normalize("  a   b \n\n\n\n c  \n"));
    }
}
