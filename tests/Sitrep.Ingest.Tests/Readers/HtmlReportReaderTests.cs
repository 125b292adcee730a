using Sitrep.Ingest.Readers;

namespace Sitrep.Ingest.Tests.Readers;

public class HtmlReportReaderTests
{
    private const string Page = """
        <!DOCTYPE html>
        <html lang="en">
        <head>
          <title>Drones strike Odesa port | Example News</title>
          <link rel="canonical" href="https://news.example.org/2024/05/odesa-port">
          <meta property="og:title" content="Drones strike Odesa port overnight">
          <meta property="og:site_name" content="Example News">
          <meta property="article:published_time" content="2024-05-14T06:30:00+03:00">
          <script>var tracking = "Russia launched 999 drones";</script>
        </head>
        <body>
          <header class="site-header"><a href="/">Home</a> <a href="/world">World</a></header>
          <nav><ul><li>Politics</li><li>Sport</li></ul></nav>
          <div class="cookie-banner">We use cookies to improve your experience.</div>
          <main>
            <article>
              <h1>Drones strike Odesa port overnight</h1>
              <div class="share-bar">Share on Facebook | Share on X</div>
              <p>Russia launched 40 drones at Odesa overnight; air defences shot down 35, the air force said.</p>
              <p>Two dock workers were injured, the regional governor wrote on Telegram.</p>
              <aside>Read more: Kharkiv under fire again</aside>
              <div class="related-stories"><p>Earlier: missiles hit Dnipro</p></div>
            </article>
          </main>
          <footer>© Example News. All rights reserved.</footer>
        </body>
        </html>
        """;

    [Fact]
    public void Reads_title_canonical_url_published_date_and_body()
    {
        var r = HtmlReportReader.Parse("p.html", "p", Page);
        Assert.True(r.Ok, r.Error?.ToString());
        var a = Assert.Single(r.Articles);
        Assert.Equal("Drones strike Odesa port overnight", a.Title);
        Assert.Equal("https://news.example.org/2024/05/odesa-port", a.Url);
        Assert.Equal(new DateOnly(2024, 5, 14), a.Published);
        Assert.Equal("Example News", a.Source);
        Assert.Equal("en", a.Language);
        Assert.StartsWith("Drones strike Odesa port overnight\n\nRussia launched 40 drones at Odesa overnight;", a.Text, StringComparison.Ordinal);
        Assert.Contains("Two dock workers were injured", a.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Share on Facebook")]
    [InlineData("Politics")]
    [InlineData("cookies")]
    [InlineData("Read more")]
    [InlineData("Earlier: missiles hit Dnipro")]
    [InlineData("All rights reserved")]
    [InlineData("999 drones")]
    public void Leaves_out_boilerplate(string furniture)
    {
        var a = HtmlReportReader.Parse("p.html", "p", Page).Articles[0];
        Assert.DoesNotContain(furniture, a.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Published_date_from_json_ld_and_time_tag()
    {
        const string ld = """
            <html><head><script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2023-10-02T08:00:00Z"}</script></head>
            <body><p>Shelling of Kherson killed one man on Sunday, the regional administration said.</p></body></html>
            """;
        Assert.Equal(new DateOnly(2023, 10, 2), HtmlReportReader.Parse("a.html", "a", ld).Articles[0].Published);

        const string time = """
            <html><body><article><time datetime="2022-12-29">29 December</time>
            <p>Air defences destroyed 54 of 69 missiles, the commander-in-chief said.</p></article></body></html>
            """;
        Assert.Equal(new DateOnly(2022, 12, 29), HtmlReportReader.Parse("b.html", "b", time).Articles[0].Published);
    }

    [Fact]
    public void Without_article_or_main_takes_the_densest_paragraphs()
    {
        const string html = """
            <html><body>
            <div class="menu"><p>Home</p><p>About</p></div>
            <div id="story">
              <p>A ballistic missile struck an industrial site in Dnipro in the afternoon, the governor said.</p>
              <p>Rescuers pulled three people from the rubble; one of them later died in hospital.</p>
              <p>The strike was the third on the city this week, officials said.</p>
            </div>
            </body></html>
            """;
        var a = HtmlReportReader.Parse("c.html", "c", html).Articles[0];
        Assert.Contains("ballistic missile struck", a.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("About", a.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_page_with_no_text_is_a_coded_error()
    {
        var r = HtmlReportReader.Parse("d.html", "d", "<html><head><script>x()</script></head><body><nav>Home</nav></body></html>");
        Assert.False(r.Ok);
        Assert.Equal("SR011", r.Error!.Code);
    }
}
