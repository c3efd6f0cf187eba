using System.Text.RegularExpressions;

namespace R2P.Classify.Tests;

public class ReportTests
{
    private static readonly Lazy<R2PClassifier> Classifier = new(() => R2PClassifier.LoadDefault());

    private static readonly string[] Seeds =
        ["000_c70990869e76fe68.txt", "002_37c46ec779c76167.txt", "003_1c78345fd241136f.txt", "004_20056a2cff290050.txt"];

    private static ClassifiedDocument[] SeedDocuments() =>
        Seeds.Select(s => ClassifiedDocument.Read(Classifier.Value, RepoPaths.SeedDocument(s))).ToArray();

    private static string Render(IReadOnlyList<ClassifiedDocument> documents)
    {
        var writer = new StringWriter();
        HtmlReport.Write(writer, documents, "Seed documents");
        return writer.ToString();
    }

    [Fact]
    public void The_profile_is_the_share_of_paragraphs_and_the_mean_score_per_label()
    {
        ClassifiedDocument document = ClassifiedDocument.Read(Classifier.Value, RepoPaths.SeedDocument("000_c70990869e76fe68.txt"));
        ParagraphClassification[] results = document.Paragraphs.Select(p => p.Classification).ToArray();
        DocumentProfile profile = document.Profile;

        Assert.Equal(results.Length, profile.ParagraphCount);
        Assert.Equal(Classifier.Value.Labels.Select(l => l.Id), profile.Labels.Select(l => l.Label));
        foreach (LabelShare share in profile.Labels)
        {
            int given = results.Count(r => r.HasLabel(share.Label));
            Assert.Equal(given, share.Paragraphs);
            Assert.Equal((float)given / results.Length, share.Share, 5);
            Assert.Equal(results.Average(r => r.ScoreOf(share.Label)), share.MeanScore, 4);
        }

        Assert.Contains(profile.Labels, l => l.Paragraphs > 0);
        Assert.Equal("en", profile.MainLanguage);
        Assert.Equal(profile["veto-restraint"], profile.Labels.Single(l => l.Label == "veto-restraint"));
    }

    [Fact]
    public void An_empty_document_has_an_all_zero_profile()
    {
        DocumentProfile profile = DocumentProfile.Create([], LabelSet.V1);
        Assert.Equal(0, profile.ParagraphCount);
        Assert.All(profile.Labels, l => Assert.Equal((0, 0f, 0f), (l.Paragraphs, l.Share, l.MeanScore)));
        Assert.Equal("other", profile.MainLanguage);
    }

    [Fact]
    public void The_report_has_a_chart_per_document_a_comparison_and_every_paragraph()
    {
        ClassifiedDocument[] documents = SeedDocuments();
        string html = Render(documents);

        Assert.Equal(documents.Length, Regex.Count(html, "<svg class=\"chart profile-chart\""));
        Assert.Single(Regex.Matches(html, "<svg class=\"chart heatmap\""));
        Assert.Contains("<table class=\"compare\">", html);
        Assert.Equal(documents.Sum(d => d.Paragraphs.Count), Regex.Count(html, "<li class=\"paragraph"));

        // Arabic paragraphs are set right to left; a paragraph given a pillar is coloured by it.
        Assert.Contains("<p dir=\"rtl\" lang=\"ar\">", html);
        Assert.Contains("<p dir=\"auto\" lang=\"en\">", html);
        Assert.Contains("class=\"paragraph has-pillar\"", html);

        // Self-contained: nothing is fetched (the only URL is the SVG namespace).
        Assert.DoesNotMatch("(src|href)=\"(https?:)?//", html);
        Assert.DoesNotContain(Regex.Matches(html, "https?://"), m => !html.AsSpan(m.Index).StartsWith("http://www.w3.org/2000/svg"));
        Assert.Contains("Content-Security-Policy", html);
    }

    [Fact]
    public void The_report_escapes_the_documents_text()
    {
        using var dir = new TempDir();
        string path = dir.File("hostile.txt");
        File.WriteAllText(path, "We condemn <script>alert('x')</script> & \"quotes\" in statements.\n");
        string html = Render([ClassifiedDocument.Read(Classifier.Value, path)]);

        Assert.Contains("We condemn &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;quotes&quot;", html);
        Assert.Equal(1, Regex.Count(html, "<script>"));
        Assert.DoesNotContain("<svg class=\"chart heatmap\"", html);
    }

    [Fact]
    public void The_report_file_is_written_whole()
    {
        using var dir = new TempDir();
        string path = dir.File("report.html");
        HtmlReport.WriteFile(path, SeedDocuments());
        Assert.EndsWith("</html>\n", File.ReadAllText(path));
        Assert.Single(Directory.GetFiles(dir.Path));
    }

    [ChromiumFact]
    public void The_report_renders_in_chromium_with_its_charts_and_no_script_error()
    {
        ClassifiedDocument[] documents = SeedDocuments();
        string artifacts = Path.Combine(RepoPaths.Root, "artifacts");
        Directory.CreateDirectory(artifacts);
        string report = Path.Combine(artifacts, "report.html");
        HtmlReport.WriteFile(report, documents, "Seed documents");
        string url = new Uri(report).AbsoluteUri;

        var (exit, dom, log) = Chromium.Run(url, "--dump-dom");
        Assert.True(exit == 0, log);

        // The page's script writes how many charts it found as its last act: present only if it ran without error.
        int charts = documents.Length + 1;
        Assert.Contains($"data-report-ready=\"{charts}\"", dom);
        Assert.Equal(charts, Regex.Count(dom, "<svg class=\"chart"));
        Assert.Contains("<rect", dom);
        Assert.DoesNotContain("Uncaught", log);
        Assert.DoesNotMatch("CONSOLE\\(\\d+\\)|Refused to|ERR_", log);

        string screenshot = Path.Combine(artifacts, "report-screenshot.png");
        File.Delete(screenshot);
        var (shotExit, _, shotLog) = Chromium.Run(url, "--screenshot=" + screenshot, "--window-size=1200,1600", "--hide-scrollbars");
        Assert.True(shotExit == 0, shotLog);
        byte[] png = File.ReadAllBytes(screenshot);
        Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }, png[..4]);
        Assert.True(png.Length > 20_000, $"the screenshot is {png.Length} bytes: nothing rendered?");
    }
}
