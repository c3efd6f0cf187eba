namespace R2P.Classify.Text;

/// <summary>Splits a document into paragraphs: blocks of text separated by one or more blank lines.</summary>
internal static class ParagraphSplitter
{
    /// <summary>
    /// The paragraphs of <paramref name="text"/> as (start, length) ranges into it, trimmed of
    /// surrounding white space, in document order. Lines inside a paragraph stay as they are.
    /// </summary>
    public static List<Range> Split(ReadOnlySpan<char> text)
    {
        var paragraphs = new List<Range>();
        int paragraphStart = -1;   // first non-blank line of the current paragraph
        int paragraphEnd = -1;     // end of its last non-blank line
        int lineStart = 0;
        while (lineStart <= text.Length)
        {
            int newline = text[lineStart..].IndexOf('\n');
            int lineEnd = newline < 0 ? text.Length : lineStart + newline;
            bool blank = text[lineStart..lineEnd].IsWhiteSpace();
            if (blank)
            {
                Flush(text, paragraphs, ref paragraphStart, paragraphEnd);
            }
            else
            {
                if (paragraphStart < 0)
                {
                    paragraphStart = lineStart;
                }

                paragraphEnd = lineEnd;
            }

            if (newline < 0)
            {
                break;
            }

            lineStart = lineEnd + 1;
        }

        Flush(text, paragraphs, ref paragraphStart, paragraphEnd);
        return paragraphs;
    }

    private static void Flush(ReadOnlySpan<char> text, List<Range> paragraphs, ref int start, int end)
    {
        if (start < 0)
        {
            return;
        }

        while (start < end && char.IsWhiteSpace(text[start]))
        {
            start++;
        }

        while (end > start && char.IsWhiteSpace(text[end - 1]))
        {
            end--;
        }

        paragraphs.Add(new Range(start, end));
        start = -1;
    }
}
