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
                bool fullLine = lastLineOfPreviousPage.Right >= previousColumn.Right - (8 * lastLineOfPreviousPage.FontSize);
                bool indented = body[0].Left > left + (1.5 * body[0].FontSize);
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

        bool indented = line.Left > left + (1.5 * line.FontSize) && previous.Left <= left + (1.5 * previous.FontSize);
        bool previousShort = previous.Right < right - ((right - left) * 0.15);
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

    /// <summary>The page's words grouped into lines (same baseline), top to bottom, each read left to right.</summary>
    private static List<Line> Lines(Page page)
    {
        var words = page.GetWords().Where(w => !string.IsNullOrWhiteSpace(w.Text)).OrderByDescending(w => w.BoundingBox.Bottom).ToList();
        var lines = new List<Line>();
        int i = 0;
        while (i < words.Count)
        {
            double baseline = words[i].BoundingBox.Bottom;
            double size = FontSize(words[i]);
            int end = i;
            while (end < words.Count && Math.Abs(words[end].BoundingBox.Bottom - baseline) <= size * 0.4)
            {
                end++;
            }

            List<Word> line = words.GetRange(i, end - i);
            line.Sort((a, b) => a.BoundingBox.Left.CompareTo(b.BoundingBox.Left));

            // Text set right to left (Arabic) is laid out from the right margin: read its words right to left.
            if (line.Count(w => IsRightToLeft(w.Text)) * 2 > line.Count)
            {
                line.Reverse();
            }

            lines.Add(new Line(
                string.Join(' ', line.Select(w => w.Text)),
                line.Min(w => w.BoundingBox.Left),
                line.Max(w => w.BoundingBox.Right),
                line.Max(w => w.BoundingBox.Top),
                line.Min(w => w.BoundingBox.Bottom),
                line.Select(FontSize).Max()));
            i = end;
        }

        return lines;
    }

    private static double FontSize(Word word)
    {
        // Letters carry the size they are drawn at; a word with none (rare) counts as body text.
        double size = word.Letters.Count > 0 ? word.Letters.Max(l => l.PointSize) : 0;
        return size > 0 ? size : Math.Max(1, word.BoundingBox.Height);
    }

    private static bool IsRightToLeft(string text) => text.Any(c => c is >= '\u0590' and <= '\u08FF' or >= '\uFB1D' and <= '\uFEFC');

    private sealed record Line(string Text, double Left, double Right, double Top, double Bottom, double FontSize);

    private sealed record PageLines(int Number, double Height, List<Line> Lines);
}
