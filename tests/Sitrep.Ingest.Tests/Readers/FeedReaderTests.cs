using Sitrep.Ingest.Readers;

namespace Sitrep.Ingest.Tests.Readers;

public class FeedReaderTests
{
    private const string Rss = """
        <?xml version="1.0" encoding="UTF-8"?>
        <rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
          <channel>
            <title>Example Front Line</title>
            <language>en</language>
            <item>
              <title>Drones over Kyiv</title>
              <link>https://example.org/kyiv-drones</link>
              <guid isPermaLink="false">item-1</guid>
              <pubDate>Sun, 02 Jun 2024 23:40:00 +0300</pubDate>
              <description>Short summary.</description>
              <content:encoded><![CDATA[<p>Russia launched 30 drones at Kyiv overnight.</p><p>Air defences shot down 28, the city administration said.</p>]]></content:encoded>
            </item>
            <item>
              <title>Shelling in Kherson</title>
              <link>https://example.org/kherson</link>
              <pubDate>Mon, 3 Jun 2024 08:00:00 GMT</pubDate>
              <description>&lt;p&gt;Russian artillery shelled Kherson, injuring an elderly woman.&lt;/p&gt;</description>
            </item>
            <item>
              <title>Headline only: missiles hit Odesa</title>
              <link>https://example.org/odesa</link>
            </item>
          </channel>
        </rss>
        """;

    [Fact]
    public void Rss_items_become_articles()
    {
        var r = FeedReader.Parse("f.rss", "f", Rss);
        Assert.True(r.Ok, r.Error?.ToString());
        Assert.Equal(3, r.Articles.Length);
        var first = r.Articles[0];
        Assert.Equal("Drones over Kyiv\n\nRussia launched 30 drones at Kyiv overnight.\n\nAir defences shot down 28, the city administration said.", first.Text);
        Assert.Equal("https://example.org/kyiv-drones", first.Url);
        Assert.Equal(new DateOnly(2024, 6, 2), first.Published);
        Assert.Equal("Example Front Line", first.Source);
        Assert.Equal("item-1", first.Id);
        Assert.Equal("Shelling in Kherson\n\nRussian artillery shelled Kherson, injuring an elderly woman.", r.Articles[1].Text);
        Assert.Equal(new DateOnly(2024, 6, 3), r.Articles[1].Published);
        Assert.Equal("Headline only: missiles hit Odesa", r.Articles[2].Text);
    }

    [Fact]
    public void Atom_entries_become_articles()
    {
        const string atom = """
            <?xml version="1.0" encoding="utf-8"?>
            <feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en">
              <title>Example Atom Desk</title>
              <entry>
                <title>Strike on Dnipro</title>
                <id>tag:example.org,2024:1</id>
                <link rel="alternate" href="https://example.org/dnipro"/>
                <published>2024-04-19T09:00:00+03:00</published>
                <summary>Summary only.</summary>
                <content type="html">&lt;p&gt;A missile hit a railway station in Dnipro, killing eight.&lt;/p&gt;</content>
              </entry>
              <entry>
                <title type="text">Drones over Belgorod</title>
                <id>tag:example.org,2024:2</id>
                <link href="https://example.org/belgorod"/>
                <updated>2024-04-20T02:00:00Z</updated>
                <summary type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>The governor said 12 drones were downed over the region.</p></div></summary>
              </entry>
            </feed>
            """;
        var r = FeedReader.Parse("a.atom", "a", atom);
        Assert.True(r.Ok, r.Error?.ToString());
        Assert.Equal(2, r.Articles.Length);
        Assert.Equal("Strike on Dnipro\n\nA missile hit a railway station in Dnipro, killing eight.", r.Articles[0].Text);
        Assert.Equal("https://example.org/dnipro", r.Articles[0].Url);
        Assert.Equal(new DateOnly(2024, 4, 19), r.Articles[0].Published);
        Assert.Equal("Drones over Belgorod\n\nThe governor said 12 drones were downed over the region.", r.Articles[1].Text);
        Assert.Equal("en", r.Articles[1].Language);
    }

    [Fact]
    public void Rss1_rdf_items_are_read()
    {
        const string rdf = """
            <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
              <channel rdf:about="https://example.org/"><title>RDF desk</title></channel>
              <item rdf:about="https://example.org/a"><title>Rockets hit Kharkiv</title><description>Two rockets hit Kharkiv.</description><dc:date>2024-01-05</dc:date></item>
            </rdf:RDF>
            """;
        var a = Assert.Single(FeedReader.Parse("r.xml", "r", rdf).Articles);
        Assert.Equal("https://example.org/a", a.Url);
        Assert.Equal(new DateOnly(2024, 1, 5), a.Published);
    }

    [Theory]
    [InlineData("<rss><channel><item><title>x</title></channel></rss>", "SR009")]
    [InlineData("<html><body>not a feed</body></html>", "SR016")]
    [InlineData("<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><rss><channel><item><title>&x;</title></item></channel></rss>", "SR009")]
    public void Bad_feeds_give_coded_errors(string xml, string code)
    {
        var r = FeedReader.Parse("f.xml", "f", xml);
        Assert.False(r.Ok);
        Assert.Equal(code, r.Error!.Code);
    }

    [Fact]
    public void A_bad_item_date_loses_that_item_only()
    {
        const string rss = """
            <rss><channel><title>t</title>
            <item><title>Drones hit Sumy</title><description>Drones hit Sumy overnight.</description><pubDate>someday</pubDate></item>
            <item><title>Shells hit Nikopol</title><description>Shells hit Nikopol.</description></item>
            </channel></rss>
            """;
        var r = FeedReader.Parse("f.rss", "f", rss);
        Assert.Equal("SR015", r.Error!.Code);
        Assert.Single(r.Articles);
    }

    [Theory]
    [InlineData("Tue, 04 Jun 2024 01:30:00 +0300", 2024, 6, 4)]
    [InlineData("Tue, 4 Jun 2024 01:30:00 EEST", 2024, 6, 4)]
    [InlineData("4 Jun 2024 22:00 GMT", 2024, 6, 4)]
    [InlineData("2024-06-04T23:59:00-05:00", 2024, 6, 4)]
    public void Feed_dates_are_the_day_in_their_own_zone(string s, int y, int m, int d)
    {
        Assert.True(FeedReader.TryParseFeedDate(s, out var date));
        Assert.Equal(new DateOnly(y, m, d), date);
    }
}
