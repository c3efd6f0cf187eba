using System.Globalization;
using System.Text;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;

namespace R2P.Classify.Documents;

/// <summary>
/// Reads the paragraphs of a PDF's text layer: words are grouped into lines, lines into paragraphs
/// (by the space between lines, a change of font size, a short line that ends a sentence, or a new
/// numbered paragraph), running headers, footers and page numbers in the page margins are dropped,
/// and a paragraph that runs over a page break is rejoined.
/// </summary>
internal static class PdfTextReader
{
    /// <summary>The share of the page height, top and bottom, where running headers and footers live.</summary>
    private const double MarginZone = 0.09;

    public static List<TextBlock> Read(Stream stream, string source)
    {
        using PdfDocument pdf = PdfDocument.Open(stream);
        var pages = new List<PageLines>();
        foreach (Page page in pdf.GetPages())
        {
            pages.Add(new PageLines(page.Number, page.Height, Lines(page)));
        }

        if (pages.All(p => p.Lines.Count == 0))
        {
            throw new DocumentReadException(source, "the PDF has no text layer (a scan? run OCR on it first)");
        }

        HashSet<string> running = RunningLines(pages);
        double bodySize = BodyFontSize(pages);
        double lineGap = TypicalLineGap(pages);

        var blocks = new List<TextBlock>();
        Line? lastLineOfPreviousPage = null;
        (double Left, double Right) previousColumn = (0, 0);
        foreach (PageLines page in pages)
        {
            List<Line> body = page.Lines.Where(l => !IsFurniture(l, page, running)).ToList();
            if (body.Count == 0)
            {
                continue;
            }

            double left = body.Min(l => l.Left);
            double right = body.Max(l => l.Right);
            int firstBlockOfPage = blocks.Count;
            var text = new StringBuilder();
            Line? previous = null;
            bool heading = false;
            foreach (Line line in body)
            {
                bool lineIsHeading = line.FontSize > bodySize * 1.15;
                if (previous is not null && StartsNewParagraph(previous, line, left, right, lineGap))
                {
                    blocks.Add(new TextBlock(text.ToString(), page.Number, Heading: heading));
                    text.Clear();
                }

                if (text.Length == 0)
                {
                    heading = lineIsHeading;
                }

                AppendLine(text, line.Text);
                previous = line;
            }

            blocks.Add(new TextBlock(text.ToString(), page.Number, Heading: heading));

            // A paragraph cut by the page break: the page's last line ran to the right margin and the
            // next page opens without a heading, an indent or a paragraph number.
            if (lastLineOfPreviousPage is not null && firstBlockOfPage > 0)
            {
                TextBlock before = blocks[firstBlockOfPage - 1];
                TextBlock after = blocks[firstBlockOfPage];
                bool fullLine = lastLineOfPreviousPage.Shortfall(previousColumn.Left, previousColumn.Right) <= 8 * lastLineOfPreviousPage.FontSize;
                bool indented = body[0].Indent(left, right) > 1.5 * body[0].FontSize;
                bool openSentence = !ParagraphRepair.EndsSentence(before.Text) || char.IsLower(after.Text.TrimStart().FirstOrDefault());
                if (fullLine && openSentence && !indented && !before.Heading && !after.Heading && !ParagraphRepair.StartsListItem(after.Text))
                {
                    blocks[firstBlockOfPage - 1] = ParagraphRepair.Join(before, after);
                    blocks.RemoveAt(firstBlockOfPage);
                }
            }

            lastLineOfPreviousPage = body[^1];
            previousColumn = (left, right);
        }

        return blocks;
    }

    private static bool StartsNewParagraph(Line previous, Line line, double left, double right, double lineGap)
    {
        double gap = previous.Bottom - line.Bottom;
        if (gap > lineGap * 1.35)
        {
            return true;
        }

        if (Math.Abs(previous.FontSize - line.FontSize) > previous.FontSize * 0.15)
        {
            return true;
        }

        bool indented = line.Indent(left, right) > 1.5 * line.FontSize && previous.Indent(left, right) <= 1.5 * previous.FontSize;
        bool previousShort = previous.Shortfall(left, right) > (right - left) * 0.15;
        // A short line ends a paragraph when it ends a sentence or the next line opens a list item; after a
        // full line the text flowed on, even into "(b) ..." of an enumeration run into the sentence.
        return indented || (previousShort && (ParagraphRepair.EndsSentence(previous.Text) || ParagraphRepair.StartsListItem(line.Text)));
    }

    private static void AppendLine(StringBuilder text, string line)
    {
        if (text.Length == 0)
        {
            text.Append(line);
            return;
        }

        // "protec-" + "tion" is one word; "Secretary-" + "General" keeps its hyphen; anything else gets a space.
        bool hyphen = text.Length > 1 && text[^1] == '-' && char.IsLetter(text[^2]);
        if (hyphen && char.IsLower(line.FirstOrDefault()))
        {
            text.Length--;
            text.Append(line);
        }
        else if (hyphen)
        {
            text.Append(line);
        }
        else
        {
            text.Append(' ').Append(line);
        }
    }

    /// <summary>Lines in the top or bottom margin that are page furniture: page numbers, symbols, or repeated on other pages.</summary>
    private static bool IsFurniture(Line line, PageLines page, HashSet<string> running)
    {
        bool inMargin = line.Top > page.Height * (1 - MarginZone) || line.Bottom < page.Height * MarginZone;
        return inMargin && (ParagraphRepair.IsBoilerplate(line.Text) || running.Contains(Mask(line.Text)));
    }

    /// <summary>Margin lines whose text, digits masked, appears on more than one page: running headers and footers.</summary>
    private static HashSet<string> RunningLines(List<PageLines> pages)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (PageLines page in pages)
        {
            foreach (string masked in page.Lines
                .Where(l => l.Top > page.Height * (1 - MarginZone) || l.Bottom < page.Height * MarginZone)
                .Select(l => Mask(l.Text))
                .Distinct(StringComparer.Ordinal))
            {
                counts[masked] = counts.GetValueOrDefault(masked) + 1;
            }
        }

        return counts.Where(c => c.Value > 1).Select(c => c.Key).ToHashSet(StringComparer.Ordinal);
    }

    private static string Mask(string text)
    {
        var masked = new StringBuilder(text.Length);
        foreach (char c in text)
        {
            masked.Append(char.IsDigit(c) ? '#' : c);
        }

        return masked.ToString();
    }

    private static double BodyFontSize(List<PageLines> pages)
    {
        // The font size most characters are set in.
        return pages.SelectMany(p => p.Lines)
            .GroupBy(l => Math.Round(l.FontSize, 1))
            .OrderByDescending(g => g.Sum(l => l.Text.Length))
            .Select(g => g.Key)
            .FirstOrDefault(10);
    }

    private static double TypicalLineGap(List<PageLines> pages)
    {
        // Most consecutive lines belong to the same paragraph, so the median gap is the line spacing.
        var gaps = new List<double>();
        foreach (PageLines page in pages)
        {
            for (int i = 1; i < page.Lines.Count; i++)
            {
                double gap = page.Lines[i - 1].Bottom - page.Lines[i].Bottom;
                if (gap > 0)
                {
                    gaps.Add(gap);
                }
            }
        }

        if (gaps.Count == 0)
        {
            return double.MaxValue;
        }

        gaps.Sort();
        return gaps[gaps.Count / 2];
    }

    /// <summary>
    /// The page's letters grouped into lines (same baseline), top to bottom, each in reading order. Built from
    /// letters rather than PdfPig's words, whose extractor splits Arabic vowel marks (drawn above or below the
    /// baseline) into words of their own: here a mark joins the line, and then the letter, it is drawn on.
    /// </summary>
    private static List<Line> Lines(Page page)
    {
        var letters = page.Letters.Where(l => l.Value.Length > 0 && !IsMark(l.Value)).OrderByDescending(l => l.StartBaseLine.Y).ToList();
        var groups = new List<(double Baseline, List<Letter> Letters)>();
        int i = 0;
        while (i < letters.Count)
        {
            double baseline = letters[i].StartBaseLine.Y;
            double size = FontSize(letters[i]);
            int end = i;
            while (end < letters.Count && Math.Abs(letters[end].StartBaseLine.Y - baseline) <= size * 0.4)
            {
                end++;
            }

            groups.Add((baseline, letters.GetRange(i, end - i)));
            i = end;
        }

        foreach (Letter mark in page.Letters.Where(l => l.Value.Length > 0 && IsMark(l.Value)))
        {
            if (groups.Count > 0)
            {
                groups.MinBy(g => Math.Abs(g.Baseline - mark.StartBaseLine.Y)).Letters.Add(mark);
            }
        }

        int rightToLeft = letters.Count(l => VisualOrder.IsRightToLeft(l.Value[0]));
        bool rightToLeftPage = rightToLeft > letters.Count(l => char.IsLetter(l.Value[0])) - rightToLeft;
        return groups.Select(g => ReadLine(g.Letters, rightToLeftPage)).OfType<Line>().ToList();
    }

    /// <summary>One line's text from its letters; null when it has none but spaces.</summary>
    private static Line? ReadLine(List<Letter> letters, bool rightToLeftPage)
    {
        List<Letter> visible = letters.Where(l => !string.IsNullOrWhiteSpace(l.Value)).ToList();
        if (visible.Count == 0)
        {
            return null;
        }

        // Glyphs left to right as drawn; a mark (an Arabic vowel, a shadda) joins the letter it is drawn on.
        List<Letter> bases = visible.Where(l => !IsMark(l.Value)).OrderBy(l => l.StartBaseLine.X).ToList();
        if (bases.Count == 0)
        {
            return null;
        }

        var glyphs = bases.Select(b => new StringBuilder(b.Value)).ToList();
        foreach (Letter mark in visible.Where(l => IsMark(l.Value)))
        {
            double x = mark.BoundingBox.Centroid.X;
            int on = bases.FindIndex(b => b.StartBaseLine.X <= x && x < b.EndBaseLine.X);
            if (on < 0)
            {
                on = Enumerable.Range(0, bases.Count).MinBy(k => Math.Abs(bases[k].BoundingBox.Centroid.X - x));
            }

            glyphs[on].Append(mark.Value);
        }

        // A space between two glyphs: a space drawn there, or a gap wider than letters leave.
        double size = visible.Max(FontSize);
        double[] spaces = letters.Where(l => string.IsNullOrWhiteSpace(l.Value)).Select(l => l.StartBaseLine.X).ToArray();
        var drawn = new List<string>(glyphs.Count * 6 / 5);
        for (int k = 0; k < bases.Count; k++)
        {
            if (k > 0 && (bases[k].StartBaseLine.X - bases[k - 1].EndBaseLine.X > size * 0.15
                || spaces.Any(x => x >= bases[k - 1].StartBaseLine.X && x < bases[k].StartBaseLine.X)))
            {
                drawn.Add(" ");
            }

            drawn.Add(glyphs[k].ToString());
        }

        // A line of right-to-left script, or one with some in a right-to-left document, is read right to left.
        int rightToLeft = drawn.Count(g => VisualOrder.IsRightToLeft(g[0]));
        int leftToRight = drawn.Count(g => char.IsLetter(g[0])) - rightToLeft;
        bool readRightToLeft = rightToLeft > 0 && (rightToLeft > leftToRight || rightToLeftPage);
        string text = readRightToLeft ? VisualOrder.ToLogical(drawn) : string.Concat(drawn);
        return new Line(
            VisualOrder.FoldPresentationForms(text),
            visible.Min(l => l.BoundingBox.Left),
            visible.Max(l => l.BoundingBox.Right),
            visible.Max(l => l.BoundingBox.Top),
            visible.Min(l => l.BoundingBox.Bottom),
            size,
            readRightToLeft);
    }

    private static double FontSize(Letter letter) =>
        // Letters carry the size they are drawn at; one without (rare) counts by its height.
        letter.PointSize > 0 ? letter.PointSize : Math.Max(1, letter.BoundingBox.Height);

    private static bool IsMark(string value) => value.All(c => CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark);

    /// <summary>A line of text; <paramref name="RightToLeft"/> when set from the right margin, so its indent and short end are on the other side.</summary>
    private sealed record Line(string Text, double Left, double Right, double Top, double Bottom, double FontSize, bool RightToLeft)
    {
        /// <summary>How far the line starts in from the column's start edge.</summary>
        public double Indent(double left, double right) => RightToLeft ? right - Right : Left - left;

        /// <summary>How far the line stops short of the column's end edge.</summary>
        public double Shortfall(double left, double right) => RightToLeft ? Left - left : right - Right;
    }

    private sealed record PageLines(int Number, double Height, List<Line> Lines);
}
