using System.Net;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Fonts.Standard14Fonts;
using UglyToad.PdfPig.Writer;
using WordText = DocumentFormat.OpenXml.Wordprocessing.Text;

namespace R2P.Classify.Tests;

/// <summary>Builds PDF, Word and HTML documents from paragraphs, the way such documents come: with furniture around the text.</summary>
internal static class DocumentFixtures
{
    public const string RunningHeader = "A/77/123";

    /// <summary>
    /// An A4 PDF in Helvetica 10 pt: paragraphs wrapped at the text width, a gap between paragraphs, a new page when
    /// the page is full (so paragraphs run over page breaks), and on every page a running header (the document
    /// symbol), a page number and a UN job number. Standard fonts cover Latin text only (WinAnsi): for Arabic, see <see cref="BrowserPdf"/>.
    /// </summary>
    public static byte[] Pdf(IEnumerable<string> paragraphs, double pageBottom = 72)
    {
        const double FontSize = 10, Left = 72, Width = 451, Top = 770, Leading = 12, ParagraphGap = 9;
        using var builder = new PdfDocumentBuilder();
        PdfDocumentBuilder.AddedFont font = builder.AddStandard14Font(Standard14Font.Helvetica);
        int pageNumber = 0;
        PdfPageBuilder page = null!;
        double y = 0;

        void NewPage()
        {
            page = builder.AddPage(UglyToad.PdfPig.Content.PageSize.A4);
            pageNumber++;
            page.AddText(RunningHeader, 9, new PdfPoint(Left, 800), font);
            page.AddText(pageNumber.ToString(System.Globalization.CultureInfo.InvariantCulture), 9, new PdfPoint(295, 40), font);
            page.AddText("22-12345 (E)", 8, new PdfPoint(Left, 26), font);
            y = Top;
        }

        double WidthOf(string text) => text.Length == 0 ? 0 : page.MeasureText(text, FontSize, new PdfPoint(0, 0), font).Max(l => l.EndBaseLine.X);

        NewPage();
        double space = WidthOf("a a") - (2 * WidthOf("a"));
        foreach (string paragraph in paragraphs)
        {
            var line = new StringBuilder();
            double lineWidth = 0;
            foreach (string word in paragraph.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
            {
                double wordWidth = WidthOf(word);
                if (line.Length > 0 && lineWidth + space + wordWidth > Width)
                {
                    WriteLine(line.ToString());
                    line.Clear();
                    lineWidth = 0;
                }

                lineWidth += (line.Length > 0 ? space : 0) + wordWidth;
                line.Append(line.Length > 0 ? " " : "").Append(word);
            }

            WriteLine(line.ToString());
            y -= ParagraphGap;
        }

        void WriteLine(string text)
        {
            if (y < pageBottom)
            {
                NewPage();
            }

            page.AddText(text, FontSize, new PdfPoint(Left, y), font);
            y -= Leading;
        }

        return builder.Build();
    }

    /// <summary>
    /// A PDF as a browser prints it: the paragraphs on A4 pages printed by headless Chromium, with a running header
    /// (the document symbol), a page number and a UN job number in the page margins. Chromium shapes Arabic as
    /// office suites do: a line's glyphs are stored left to right as drawn, mostly as presentation forms.
    /// </summary>
    public static byte[] BrowserPdf(IEnumerable<string> paragraphs, string language)
    {
        // Lines of 1.5 (as Arabic is usually set): in tighter lines the tall letters of a page's next line ink into
        // its bottom margin, and Chromium prints those slivers as text that a reader cannot tell from the rest.
        var html = new StringBuilder();
        html.Append($"<!DOCTYPE html>\n<html lang=\"{language}\"{(language == "ar" ? " dir=\"rtl\"" : "")}>\n<head><meta charset=\"utf-8\"><title>{RunningHeader}</title><style>\n")
            .Append($"@page {{ size: A4; margin: 72pt; @top-left {{ content: \"{RunningHeader}\"; font-size: 9pt }} @bottom-center {{ content: counter(page); font-size: 9pt }} @bottom-left {{ content: \"22-12345 (E)\"; font-size: 8pt }} }}\n")
            .Append("body { margin: 0; font: 10pt/15pt \"DejaVu Sans\", sans-serif } p { margin: 0 0 9pt }\n</style></head>\n<body>\n");
        foreach (string paragraph in paragraphs)
        {
            html.Append("<p>").Append(WebUtility.HtmlEncode(paragraph).Replace("\n", "<br>\n", StringComparison.Ordinal)).Append("</p>\n");
        }

        html.Append("</body>\n</html>\n");
        using var dir = new TempDir();
        string page = dir.File("document.html"), pdf = dir.File("document.pdf");
        File.WriteAllText(page, html.ToString());
        var (exit, _, log) = Chromium.Run(new Uri(page).AbsoluteUri, "--no-pdf-header-footer", "--print-to-pdf=" + pdf);
        return exit == 0 && File.Exists(pdf) ? File.ReadAllBytes(pdf) : throw new InvalidOperationException($"chromium did not print the PDF (exit code {exit}): {log}");
    }

    /// <summary>A Word document: one paragraph each (line breaks kept), a header and a footer that are not body text.</summary>
    /// <param name="paragraphs">The body paragraphs.</param>
    /// <param name="numbered">Paragraphs to number automatically (decimal list "1."), by index.</param>
    public static byte[] Docx(IEnumerable<string> paragraphs, ISet<int>? numbered = null)
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            MainDocumentPart main = document.AddMainDocumentPart();
            var body = new Body();
            int index = 0;
            foreach (string paragraph in paragraphs)
            {
                var run = new Run();
                string[] lines = paragraph.Split('\n');
                for (int i = 0; i < lines.Length; i++)
                {
                    if (i > 0)
                    {
                        run.Append(new Break());
                    }

                    run.Append(new WordText(lines[i]) { Space = SpaceProcessingModeValues.Preserve });
                }

                var p = new Paragraph(run);
                if (numbered?.Contains(index) == true)
                {
                    p.PrependChild(new ParagraphProperties(new NumberingProperties(new NumberingLevelReference { Val = 0 }, new NumberingId { Val = 1 })));
                }

                body.Append(p);
                index++;
            }

            main.Document = new Document(body);
            if (numbered is { Count: > 0 })
            {
                NumberingDefinitionsPart numbering = main.AddNewPart<NumberingDefinitionsPart>();
                numbering.Numbering = new Numbering(
                    new AbstractNum(new Level(
                        new StartNumberingValue { Val = 1 },
                        new NumberingFormat { Val = NumberFormatValues.Decimal },
                        new LevelText { Val = "%1." }) { LevelIndex = 0 }) { AbstractNumberId = 1 },
                    new NumberingInstance(new AbstractNumId { Val = 1 }) { NumberID = 1 });
            }

            HeaderPart header = main.AddNewPart<HeaderPart>();
            header.Header = new Header(new Paragraph(new Run(new WordText(RunningHeader))));
            FooterPart footer = main.AddNewPart<FooterPart>();
            footer.Footer = new Footer(new Paragraph(new Run(new WordText("Page 1 of 3 — Permanent Mission footer"))));
            string headerId = main.GetIdOfPart(header), footerId = main.GetIdOfPart(footer);
            body.Append(new SectionProperties(new HeaderReference { Id = headerId, Type = HeaderFooterValues.Default }, new FooterReference { Id = footerId, Type = HeaderFooterValues.Default }));
            main.Document.Save();
        }

        return stream.ToArray();
    }

    /// <summary>A web page: the paragraphs inside an article, around them navigation, a cookie banner, scripts, a sidebar and a footer.</summary>
    public static string Html(IEnumerable<string> paragraphs, string language = "en")
    {
        var html = new StringBuilder();
        html.Append($"<!DOCTYPE html>\n<html lang=\"{language}\"{(language == "ar" ? " dir=\"rtl\"" : "")}>\n<head><meta charset=\"utf-8\"><title>Statement | Ministry of Foreign Affairs</title>\n")
            .Append("<script>window.dataLayer = [{ event: 'not text' }];</script><style>p { margin: 0 }</style></head>\n<body>\n")
            .Append("<header class=\"site-header\"><a class=\"logo\" href=\"/\">Ministry</a><nav><ul><li><a href=\"/\">Home</a></li><li><a href=\"/news\">News and press releases</a></li><li><a href=\"/contact\">Contact us</a></li></ul></nav></header>\n")
            .Append("<div id=\"cookie-banner\" class=\"cookie-consent\"><p>We use cookies to give you the best experience on our website. By continuing you agree to our cookie policy.</p><button>Accept all</button></div>\n")
            .Append("<main><article>\n");
        foreach (string paragraph in paragraphs)
        {
            html.Append("<p>").Append(WebUtility.HtmlEncode(paragraph).Replace("\n", "<br>\n", StringComparison.Ordinal)).Append("</p>\n");
        }

        html.Append("</article></main>\n<aside class=\"sidebar\"><h3>Related stories</h3><ul><li>Minister receives credentials of new ambassadors</li></ul></aside>\n")
            .Append("<footer><p>© 2024 Ministry of Foreign Affairs. All rights reserved.</p><p>Privacy policy · Terms of use</p></footer>\n")
            .Append("<script>document.querySelectorAll('a').forEach(function (a) { a.dataset.track = '1'; });</script>\n</body>\n</html>\n");
        return html.ToString();
    }
}
