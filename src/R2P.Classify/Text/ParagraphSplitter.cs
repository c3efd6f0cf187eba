using System.Text;

namespace R2P.Classify.Text;

/// <summary>Splits a document into paragraphs: blocks of text separated by one or more blank lines.</summary>
internal static class ParagraphSplitter
{
    /// <summary>
    /// The paragraphs of <paramref name="text"/> as (start, length) ranges into it, trimmed of
    /// surrounding white space, in document order. Lines inside a paragraph stay as they are.
    /// </summary>
    public static List<Range> Split(string text) =>
        Read(new StringReader(text)).Select(p => new Range(p.Start, p.Start + p.Length)).ToList();

    /// <summary>
    /// The paragraphs of a text read lazily from <paramref name="reader"/> one line at a time, so a text of
    /// any size is read in the memory of its longest paragraph: blocks of non-blank lines, trimmed of
    /// surrounding white space, with their offsets in the characters read.
    /// </summary>
    /// <exception cref="InvalidDataException">The text is longer than <see cref="int.MaxValue"/> characters, so its offsets cannot be counted.</exception>
    /// <param name="reader">The text.</param>
    /// <param name="bufferSize">Characters read at a time.</param>
    public static IEnumerable<(string Text, int Start, int Length)> Read(TextReader reader, int bufferSize = 64 * 1024)
    {
        var paragraph = new StringBuilder();
        var line = new StringBuilder();
        long paragraphStart = -1;  // offset of the current paragraph's first line
        long lineStart = 0;
        char[] buffer = new char[bufferSize];
        int position = 0, filled = 0;
        bool atEnd = false;
        while (!atEnd)
        {
            // One line, without its '\n', as Split sees it.
            line.Clear();
            bool newline = false;
            while (true)
            {
                if (position == filled)
                {
                    filled = reader.Read(buffer, 0, buffer.Length);
                    position = 0;
                    if (filled == 0)
                    {
                        atEnd = true;
                        break;
                    }
                }

                int found = buffer.AsSpan(position, filled - position).IndexOf('\n');
                int take = found < 0 ? filled - position : found;
                line.Append(buffer, position, take);
                position += take;
                if (found >= 0)
                {
                    position++;
                    newline = true;
                    break;
                }
            }

            if (IsWhiteSpace(line))
            {
                if (paragraphStart >= 0)
                {
                    yield return Trimmed(paragraph, paragraphStart);
                    paragraph.Clear();
                    paragraphStart = -1;
                }
            }
            else
            {
                if (paragraphStart < 0)
                {
                    paragraphStart = lineStart;
                }
                else
                {
                    paragraph.Append('\n');
                }

                paragraph.Append(line);
            }

            lineStart += line.Length + (newline ? 1 : 0);
            if (lineStart > int.MaxValue)
            {
                throw new InvalidDataException($"the text is longer than {int.MaxValue:N0} characters");
            }
        }

        if (paragraphStart >= 0)
        {
            yield return Trimmed(paragraph, paragraphStart);
        }
    }

    private static bool IsWhiteSpace(StringBuilder text)
    {
        foreach (ReadOnlyMemory<char> chunk in text.GetChunks())
        {
            if (!chunk.Span.IsWhiteSpace())
            {
                return false;
            }
        }

        return true;
    }

    private static (string Text, int Start, int Length) Trimmed(StringBuilder paragraph, long offset)
    {
        int start = 0, end = paragraph.Length;
        while (start < end && char.IsWhiteSpace(paragraph[start]))
        {
            start++;
        }

        while (end > start && char.IsWhiteSpace(paragraph[end - 1]))
        {
            end--;
        }

        return (paragraph.ToString(start, end - start), (int)offset + start, end - start);
    }
}
