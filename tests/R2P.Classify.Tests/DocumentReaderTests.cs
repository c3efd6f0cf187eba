using R2P.Classify.Documents;
using R2P.Classify.Text;

namespace R2P.Classify.Tests;

public class DocumentReaderTests
{
    private const string ArabicSeed = "002_37c46ec779c76167.txt";

    /// <summary>The two halves of the Arabic seed's paragraph that a stray blank line cut in two (its blocks 26 and 27).</summary>
    private const string ArabicSplitEnd = "وصدرت بيانات من 43 من";
    private const string ArabicSplitStart = "الدول الأعضاء و3 منظمات اقليمية";

    private static readonly string[] LatinSeeds =
        ["000_c70990869e76fe68.txt", "001_1d78c931a1c408e6.txt", "003_1c78345fd241136f.txt", "004_20056a2cff290050.txt"];

    public static TheoryData<string> AllSeeds => new(LatinSeeds.Append(ArabicSeed));

    public static TheoryData<string> LatinSeedNames => new(LatinSeeds);

    private static string[] Texts(IEnumerable<SourceParagraph> paragraphs) =>
        paragraphs.Select(p => ParagraphRepair.NormalizeSpace(p.Text)).ToArray();

    private static List<SourceParagraph> ReadAs(TempDir dir, string name, byte[] content)
    {
        string path = dir.File(name);
        File.WriteAllBytes(path, content);
        return DocumentReader.ReadParagraphs(path).ToList();
    }

    private static List<SourceParagraph> ReadAs(TempDir dir, string name, string content) =>
        ReadAs(dir, name, System.Text.Encoding.UTF8.GetBytes(content));

    [Fact]
    public void Pdf_lines_are_joined_a_paragraph_split_by_a_page_break_is_rejoined_and_page_furniture_is_dropped()
    {
        string[] paragraphs =
        [
            "1. The Security Council recalls that each individual State has the responsibility to protect its populations from genocide, war crimes, ethnic cleansing and crimes against humanity, and that this responsibility entails the prevention of such crimes.",
            "2. The international community should, as appropriate, encourage and help States to exercise this responsibility and support the United Nations in establishing an early warning capability. " +
                string.Join(' ', Enumerable.Repeat("The Council stresses the importance of timely and decisive action when national authorities manifestly fail to protect their populations.", 24)),
            "3. The Council decides to remain actively seized of the matter.",
        ];
        using var dir = new TempDir();
        List<SourceParagraph> read = ReadAs(dir, "resolution.pdf", DocumentFixtures.Pdf(paragraphs, pageBottom: 420));

        Assert.Equal(paragraphs, Texts(read));
        Assert.Equal([1, 1, 2], read.Select(p => p.Page));
        Assert.Equal([1, 2, 3], read.Select(p => p.Number));
        Assert.All(read, p => Assert.DoesNotContain(DocumentFixtures.RunningHeader, p.Text));
        Assert.All(read, p => Assert.DoesNotContain("22-12345", p.Text));

        // Offsets point into the extracted text: the paragraphs joined by a blank line.
        Assert.Equal(0, read[0].Start);
        Assert.Equal(read[0].Start + read[0].Length + 2, read[1].Start);
        Assert.Equal(read[1].Start + read[1].Length + 2, read[2].Start);
    }

    [Fact]
    public void A_pdf_without_a_text_layer_is_a_clear_error()
    {
        using var builder = new UglyToad.PdfPig.Writer.PdfDocumentBuilder();
        builder.AddPage(UglyToad.PdfPig.Content.PageSize.A4).DrawLine(new(10, 10), new(100, 100));
        using var dir = new TempDir();
        var error = Assert.Throws<DocumentReadException>(() => ReadAs(dir, "scan.pdf", builder.Build()));
        Assert.Contains("no text layer", error.Message);
        Assert.EndsWith("scan.pdf", error.Input);
    }

    [Theory]
    [InlineData("broken.pdf", "is not a readable PDF")]
    [InlineData("broken.docx", "is not a readable Word (.docx) document")]
    public void A_damaged_file_is_one_clear_error_naming_the_file(string name, string reason)
    {
        using var dir = new TempDir();
        var error = Assert.Throws<DocumentReadException>(() => ReadAs(dir, name, "this is not what the extension says"u8.ToArray()));
        Assert.StartsWith(dir.File(name) + ": " + reason, error.Message);
    }

    [Fact]
    public void Word_paragraphs_keep_their_automatic_numbers_and_headers_and_footers_are_not_read()
    {
        string[] paragraphs =
        [
            "Statement by the Permanent Representative",
            "Reaffirms that each State has the responsibility to protect its populations.",
            "Encourages Member States to support early warning.\nLine two of the same paragraph.",
        ];
        using var dir = new TempDir();
        List<SourceParagraph> read = ReadAs(dir, "statement.docx", DocumentFixtures.Docx(paragraphs, numbered: new HashSet<int> { 1, 2 }));

        Assert.Equal(
            ["Statement by the Permanent Representative", "1. Reaffirms that each State has the responsibility to protect its populations.", "2. Encourages Member States to support early warning.\nLine two of the same paragraph."],
            read.Select(p => p.Text));
        Assert.All(read, p => Assert.Null(p.Page));
    }

    [Fact]
    public void Html_navigation_cookie_banner_scripts_sidebar_and_footer_are_dropped()
    {
        string[] paragraphs = ["Vietnam represents ASEAN in committing to protect civilians", "Ambassador Quy said <ASEAN> nations & partners affirmed the commitments.\nA second line."];
        using var dir = new TempDir();
        List<SourceParagraph> read = ReadAs(dir, "page.html", DocumentFixtures.Html(paragraphs));

        Assert.Equal(paragraphs, read.Select(p => p.Text));
    }

    /// <remarks>
    /// Latin seeds are written with PdfPig in a standard font, which has no Arabic; the Arabic seed is printed by
    /// Chromium, which stores it as real Arabic PDFs do (visual order, presentation forms), so it needs the browser.
    /// </remarks>
    [Theory]
    [MemberData(nameof(LatinSeedNames))]
    [ChromiumInlineData(ArabicSeed)]
    public void A_seed_document_as_pdf_gives_the_paragraphs_of_its_text_version(string seed)
    {
        string[] expected = Texts(DocumentReader.ReadParagraphs(RepoPaths.SeedDocument(seed)));
        IEnumerable<string> paragraphs = DocumentReader.ReadParagraphs(RepoPaths.SeedDocument(seed)).Select(p => p.Text);
        using var dir = new TempDir();
        List<SourceParagraph> read = ReadAs(dir, "seed.pdf", seed == ArabicSeed ? DocumentFixtures.BrowserPdf(paragraphs, "ar") : DocumentFixtures.Pdf(paragraphs, pageBottom: 400));

        Assert.True(read.Max(p => p.Page) > 1, "the fixture should span pages");
        Assert.Equal(expected, Texts(read));
    }

    [Theory]
    [MemberData(nameof(AllSeeds))]
    public void A_seed_document_as_docx_and_html_gives_the_paragraphs_of_its_text_version(string seed)
    {
        // The converted documents are built from the text's blocks as they are on disk (split paragraph included).
        string text = File.ReadAllText(RepoPaths.SeedDocument(seed));
        string[] blocks = ParagraphSplitter.Split(text).Select(r => text[r]).ToArray();
        string[] expected = Texts(DocumentReader.ReadParagraphs(RepoPaths.SeedDocument(seed)));
        using var dir = new TempDir();

        Assert.Equal(expected, Texts(ReadAs(dir, "seed.docx", DocumentFixtures.Docx(blocks))));
        Assert.Equal(expected, Texts(ReadAs(dir, "seed.html", DocumentFixtures.Html(blocks, seed == ArabicSeed ? "ar" : "en"))));
    }

    [Theory]
    [InlineData(".txt")]
    [InlineData(".docx")]
    [InlineData(".html")]
    [ChromiumInlineData(".pdf")]
    public void The_arabic_seeds_split_paragraph_is_rejoined_and_detected_as_arabic_in_every_format(string format)
    {
        string path = RepoPaths.SeedDocument(ArabicSeed);
        string text = File.ReadAllText(path);
        string[] blocks = ParagraphSplitter.Split(text).Select(r => text[r]).ToArray();
        Assert.EndsWith(ArabicSplitEnd, blocks[25]);
        Assert.StartsWith(ArabicSplitStart, blocks[26]);

        using var dir = new TempDir();
        List<SourceParagraph> paragraphs = format switch
        {
            ".txt" => DocumentReader.ReadParagraphs(path).ToList(),
            ".docx" => ReadAs(dir, "seed.docx", DocumentFixtures.Docx(blocks)),
            ".html" => ReadAs(dir, "seed.html", DocumentFixtures.Html(blocks, "ar")),
            _ => ReadAs(dir, "seed.pdf", DocumentFixtures.BrowserPdf(blocks, "ar")),
        };
        SourceParagraph joined = Assert.Single(paragraphs, p => p.Text.Contains(ArabicSplitEnd, StringComparison.Ordinal));
        Assert.Contains(ArabicSplitStart, joined.Text);
        Assert.Equal(26, joined.Number);
        Assert.Equal("ar", LanguageDetector.Detect(joined.Text));
        Assert.DoesNotContain(paragraphs, p => p.Text.StartsWith(ArabicSplitStart, StringComparison.Ordinal));

        // The headings around it stay paragraphs of their own.
        Assert.Equal(blocks[24], paragraphs[24].Text);
        Assert.Equal(blocks[27], paragraphs[26].Text);

        // In the text file the joined paragraph's offsets span both halves.
        if (format == ".txt")
        {
            Assert.Equal(blocks[25] + "\n\n" + blocks[26], text.Substring(joined.Start, joined.Length));
        }
    }

    /// <summary>A right-to-left line as a PDF draws it (left to right across the page) read back in writing order.</summary>
    [Theory]
    [InlineData("لوأل 63/308 رارقلا", "القرار 63/308 لأول")]
    [InlineData("2005 – 2012 ةرتفلا", "الفترة 2012 – 2005")]
    [InlineData("لوأل (A/RES/63/308) رارقلا", "القرار (A/RES/63/308) لأول")]
    [InlineData("responsibilitytoprotect.org/subscribe :اومضنا", "انضموا: responsibilitytoprotect.org/subscribe")]
    public void A_right_to_left_line_reads_right_to_left_but_its_numbers_and_latin_text_left_to_right(string drawn, string written) =>
        Assert.Equal(written, VisualOrder.ToLogical(drawn.Select(c => c.ToString()).ToArray()));

    [Fact]
    public void Arabic_presentation_forms_are_folded_to_letters() =>
        Assert.Equal("الأمم المتحدة", VisualOrder.FoldPresentationForms("ﺍﻷﻣﻢ ﺍﻟﻤﺘﺤﺪﺓ"));

    [Fact]
    public void Text_paragraph_offsets_point_into_the_file()
    {
        string path = RepoPaths.SeedDocument("003_1c78345fd241136f.txt");
        string text = File.ReadAllText(path);
        Assert.All(DocumentReader.ReadParagraphs(path), p => Assert.Equal(p.Text, text.Substring(p.Start, p.Length)));
    }

    [Theory]
    [InlineData("12")]
    [InlineData("- 3 -")]
    [InlineData("Page 3 of 10")]
    [InlineData("iv")]
    [InlineData("A/66/874")]
    [InlineData("A/66/874–S/2012/578")]
    [InlineData("S/PV.6650")]
    [InlineData("E/CN.4/2005/L.10*")]
    [InlineData("12-45678 (E)")]
    [InlineData("*1245678*")]
    public void Page_furniture_is_boilerplate(string text) => Assert.True(ParagraphRepair.IsBoilerplate(text));

    [Theory]
    [InlineData("12. The Council decides to remain seized of the matter.")]
    [InlineData("civil")]
    [InlineData("Civil")]
    [InlineData("Mr. President,")]
    [InlineData("2005 World Summit Outcome")]
    public void Text_is_not_boilerplate(string text) => Assert.False(ParagraphRepair.IsBoilerplate(text));

    [Theory]
    [InlineData("The Council must act when civilians are", "shelled and starved.", true)]
    [InlineData("The Council must act when civilians are", "Shelled and starved.", false)]
    [InlineData("The Council must act when civilians are shelled.", "and then", false)]
    [InlineData("The Council underlines the following:", "(a) early warning;", false)]
    [InlineData("Early warning", "and assessment are the first steps towards prevention of atrocity crimes.", true)]
    [InlineData("مسؤولية الحماية: الاستجابة الفورية والحاسمة", "أصدر الأمين العام بان كي مون تقريره الرابع في 20 آب / أغسطس 2012 تحت عنوان مسؤولية الحماية.", false)]
    [InlineData("سلط التقرير الضوء على أنّ مجلس الأمن والمنظمات الإقليمية ودون الإقليمية تفرض الشرعية، وصدرت بيانات من 43 من", "الدول الأعضاء و3 منظمات اقليمية و4 ممثلين عن المجتمع المدني، وأقرت الدول الأعضاء بالميزة الفريدة.", true)]
    public void Blocks_are_joined_only_when_the_sentence_carries_on(string previous, string next, bool joined) =>
        Assert.Equal(joined, ParagraphRepair.Continues(new TextBlock(previous), new TextBlock(next)));

    [Fact]
    public void Headings_are_never_joined() =>
        Assert.False(ParagraphRepair.Continues(new TextBlock("Early warning", Heading: true), new TextBlock("and assessment")));

    [Fact]
    public void An_unsupported_file_type_names_the_supported_ones()
    {
        using var dir = new TempDir();
        string path = dir.File("notes.rtf");
        File.WriteAllText(path, "{\\rtf1}");
        var error = Assert.Throws<DocumentReadException>(() => DocumentReader.ReadParagraphs(path).ToList());
        Assert.Contains("unsupported file type '.rtf'", error.Message);
        Assert.Contains(".pdf, .docx, .html", error.Message);
    }

    [Fact]
    public void Folders_include_pdf_docx_and_html_files()
    {
        using var dir = new TempDir();
        foreach (string name in new[] { "a.pdf", "b.docx", "c.html", "d.htm", "e.png" })
        {
            File.WriteAllText(dir.File(name), "");
        }

        Assert.Equal(["a.pdf", "b.docx", "c.html", "d.htm"], DocumentReader.ExpandInput(dir.Path).Select(Path.GetFileName));
    }

    [Fact]
    public void A_json_lines_row_gives_its_own_id_and_text_whatever_else_it_holds()
    {
        using var dir = new TempDir();
        string path = dir.File("rows.jsonl");
        File.WriteAllLines(path, ["""{"id": "a", "meta": {"x": [1, {"text": "inner"}]}, "text": "outer \u00e9\n2"}""", """{"text": "no id", "id": 7.50}"""]);
        SourceParagraph[] rows = DocumentReader.ReadParagraphs(path).ToArray();
        Assert.Equal(("a", "outer é\n2"), (rows[0].Id, rows[0].Text));
        Assert.Equal(("7.50", "no id", 2), (rows[1].Id, rows[1].Text, rows[1].Number));
    }

    [Theory]
    [InlineData("[1, 2]", ":1", "expected a JSON object")]
    [InlineData("{\"text\": \"a\"} {\"text\": \"b\"}", ":1:", "invalid JSON")]
    [InlineData("{\"id\": 1, \"text\": 5}", ":1", "expected a string \"text\"")]
    [InlineData("{\"id\": 1, \"text\": \"unterminated}", ":1:", "invalid JSON")]
    public void A_bad_json_lines_row_is_one_clear_error_with_its_line(string row, string where, string reason)
    {
        using var dir = new TempDir();
        string path = dir.File("bad.jsonl");
        File.WriteAllText(path, row + "\n");
        var e = Assert.Throws<DocumentReadException>(() => DocumentReader.ReadParagraphs(path).ToList());
        Assert.StartsWith(path + where, e.Input);
        Assert.Contains(reason, e.Message);
    }
}
