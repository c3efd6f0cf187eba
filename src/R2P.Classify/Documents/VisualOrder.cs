using System.Text;

namespace R2P.Classify.Documents;

/// <summary>
/// Turns a line of right-to-left text as PDFs store it back into the order it is written and read. Browsers and
/// office suites shape Arabic before they write the PDF: the glyphs of a line are drawn left to right across the
/// page (the reverse of reading order) and many map to Arabic presentation forms rather than plain letters.
/// </summary>
internal static class VisualOrder
{
    private enum Kind
    {
        Neutral,
        RightToLeft,
        LeftToRight,
        Digit,
    }

    /// <summary>Hebrew, Arabic, Syriac, Thaana, N'Ko and their presentation forms.</summary>
    public static bool IsRightToLeft(char c) => c is >= '\u0590' and <= '\u08FF' or >= '\uFB1D' and <= '\uFDFF' or >= '\uFE70' and <= '\uFEFC';

    /// <summary>
    /// The reading order of a right-to-left line, given its glyphs from left to right as drawn (a glyph: a letter
    /// with its marks, or a space). The line reads right to left except for runs of Latin text and numbers,
    /// which read left to right where they stand; brackets, drawn mirrored in right-to-left text, are turned back.
    /// </summary>
    public static string ToLogical(IReadOnlyList<string> glyphs)
    {
        int[] runStart = LeftToRightRuns(glyphs);
        var text = new StringBuilder();
        int i = glyphs.Count - 1;
        while (i >= 0)
        {
            if (runStart[i] < 0)
            {
                text.Append(Mirror(glyphs[i]));
                i--;
                continue;
            }

            for (int k = runStart[i]; k <= i; k++)
            {
                text.Append(glyphs[k]);
            }

            i = runStart[i] - 1;
        }

        return text.ToString();
    }

    /// <summary>Arabic presentation forms (contextual shapes and ligatures, U+FB50–U+FDFF, U+FE70–U+FEFF) folded to the letters they show (NFKC).</summary>
    public static string FoldPresentationForms(string text)
    {
        if (!text.Any(IsPresentationForm))
        {
            return text;
        }

        var folded = new StringBuilder(text.Length);
        foreach (char c in text)
        {
            if (IsPresentationForm(c))
            {
                folded.Append(c.ToString().Normalize(NormalizationForm.FormKC));
            }
            else
            {
                folded.Append(c);
            }
        }

        return folded.ToString();
    }

    /// <summary>
    /// For each glyph in a left-to-right run, the index where its run starts; -1 for the others. A run is Latin
    /// text with the punctuation and numbers inside it ("A/RES/63/308", "facebook.com/icrtop"), or a number with
    /// single separators ("63/308", "1.5"): two numbers with anything else between them ("2012 – 2005") are two
    /// runs that follow the right-to-left order of the line, as the Unicode bidirectional algorithm lays them out.
    /// </summary>
    private static int[] LeftToRightRuns(IReadOnlyList<string> glyphs)
    {
        var start = new int[glyphs.Count];
        Array.Fill(start, -1);
        int i = 0;
        while (i < glyphs.Count)
        {
            Kind kind = KindOf(glyphs[i]);
            if (kind is not (Kind.LeftToRight or Kind.Digit))
            {
                i++;
                continue;
            }

            bool latin = kind == Kind.LeftToRight;
            int last = i;
            for (int j = i + 1; j < glyphs.Count; j++)
            {
                Kind next = KindOf(glyphs[j]);
                if (next is Kind.LeftToRight or Kind.Digit)
                {
                    latin |= next == Kind.LeftToRight;
                    last = j;
                }
                else if (next == Kind.RightToLeft || (!latin && !JoinsDigits(glyphs, j)))
                {
                    break;
                }
            }

            Array.Fill(start, i, i, last - i + 1);
            i = last + 1;
        }

        return start;
    }

    private static bool JoinsDigits(IReadOnlyList<string> glyphs, int i) =>
        glyphs[i] is "." or "," or "/" or ":" or "-" && i + 1 < glyphs.Count && KindOf(glyphs[i - 1]) == Kind.Digit && KindOf(glyphs[i + 1]) == Kind.Digit;

    private static Kind KindOf(string glyph)
    {
        char c = glyph.Length > 0 ? glyph[0] : ' ';
        if (char.IsDigit(c))
        {
            return Kind.Digit;
        }

        if (IsRightToLeft(c))
        {
            return Kind.RightToLeft;
        }

        return char.IsLetter(c) ? Kind.LeftToRight : Kind.Neutral;
    }

    private static string Mirror(string glyph) => glyph switch
    {
        "(" => ")",
        ")" => "(",
        "[" => "]",
        "]" => "[",
        "{" => "}",
        "}" => "{",
        "<" => ">",
        ">" => "<",
        "«" => "»",
        "»" => "«",
        _ => glyph,
    };

    private static bool IsPresentationForm(char c) => c is >= '\uFB50' and <= '\uFDFF' or >= '\uFE70' and <= '\uFEFF';
}
