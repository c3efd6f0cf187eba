using System.Text;
using System.Text.RegularExpressions;

namespace R2P.Classify.Documents;

/// <summary>
/// Turns the blocks a format reader found into the paragraphs a reader sees: drops page furniture
/// (page numbers, UN document symbols and job numbers standing alone) and rejoins a paragraph that a
/// page break or a stray blank line cut in two.
/// </summary>
internal static partial class ParagraphRepair
{
    private static readonly System.Buffers.SearchValues<char> ClausePunctuation = System.Buffers.SearchValues.Create(".,;،؛。，；");

    /// <summary>Repairs <paramref name="blocks"/>, in order, lazily: one block is held back until the next shows whether it continues.</summary>
    public static IEnumerable<TextBlock> Repair(IEnumerable<TextBlock> blocks)
    {
        TextBlock? pending = null;
        foreach (TextBlock block in blocks)
        {
            if (IsBoilerplate(block.Text))
            {
                continue;
            }

            if (pending is { } previous && Continues(previous, block))
            {
                pending = Join(previous, block);
                continue;
            }

            if (pending is { } done)
            {
                yield return done;
            }

            pending = block;
        }

        if (pending is { } last)
        {
            yield return last;
        }
    }

    /// <summary>Two blocks read as one paragraph: the first part, a space, the second part.</summary>
    public static TextBlock Join(TextBlock first, TextBlock second) => first with
    {
        Text = first.Text.TrimEnd() + " " + second.Text.TrimStart(),
        Length = second.Start + second.Length - first.Start,
    };

    /// <summary>
    /// Whether <paramref name="next"/> carries on the sentence <paramref name="previous"/> left open.
    /// Only two signs are trusted, because joining a heading or a list item to prose is worse than
    /// leaving a split: an open sentence followed by a lower-case word (cased scripts), or, in scripts
    /// without case (Arabic, Chinese), an open sentence of prose followed by more prose.
    /// </summary>
    public static bool Continues(TextBlock previous, TextBlock next)
    {
        if (previous.Heading || next.Heading)
        {
            return false;
        }

        string before = previous.Text.TrimEnd();
        string after = next.Text.TrimStart();
        if (before.Length == 0 || after.Length == 0 || EndsSentence(before) || StartsListItem(after))
        {
            return false;
        }

        char first = FirstLetter(after);
        if (char.IsLower(first))
        {
            return true;
        }

        if (char.IsUpper(first) || first == '\0')
        {
            return false;
        }

        return LooksLikeProse(before) && LooksLikeProse(after);
    }

    /// <summary>Whether the text ends a sentence (or a clause that introduces a list), closing quotes and brackets aside.</summary>
    public static bool EndsSentence(string text)
    {
        int i = text.Length - 1;
        while (i >= 0 && (char.IsWhiteSpace(text[i]) || "\"'”’»)]}*_".Contains(text[i], StringComparison.Ordinal)))
        {
            i--;
        }

        return i >= 0 && ".!?…:;؟؛。！？；：".Contains(text[i], StringComparison.Ordinal);
    }

    /// <summary>Whether the text opens a numbered paragraph, a lettered sub-paragraph or a bullet.</summary>
    public static bool StartsListItem(string text) => ListItem().IsMatch(text);

    /// <summary>Page numbers, UN document symbols and job numbers standing alone: page furniture, not text.</summary>
    public static bool IsBoilerplate(string text)
    {
        string trimmed = text.Trim();
        return trimmed.Length == 0 || PageNumber().IsMatch(trimmed) || DocumentSymbol().IsMatch(trimmed) || JobNumber().IsMatch(trimmed);
    }

    /// <summary>Collapses runs of white space to one space: how paragraphs from different formats are compared.</summary>
    public static string NormalizeSpace(string text)
    {
        var builder = new StringBuilder(text.Length);
        bool space = false;
        foreach (char c in text.Trim())
        {
            if (char.IsWhiteSpace(c))
            {
                space = true;
                continue;
            }

            if (space)
            {
                builder.Append(' ');
                space = false;
            }

            builder.Append(c);
        }

        return builder.ToString();
    }

    /// <summary>
    /// Prose runs on and has clauses; a heading is short and unpunctuated. Long (200 characters, about
    /// thirty Arabic words) or punctuated inside and at least 60 characters long.
    /// </summary>
    private static bool LooksLikeProse(string text)
    {
        if (text.Length >= 200)
        {
            return true;
        }

        return text.Length >= 60 && text.AsSpan(0, text.Length - 1).IndexOfAny(ClausePunctuation) >= 0;
    }

    private static char FirstLetter(string text)
    {
        foreach (char c in text)
        {
            if (char.IsLetter(c))
            {
                return c;
            }

            if (char.IsDigit(c))
            {
                return '\0';
            }
        }

        return '\0';
    }

    [GeneratedRegex(@"^(?:\d{1,3}[.)]\s|\([a-zA-Z]\)\s|\([ivx]{1,5}\)\s|[•▪◦·●■–—*-]\s)")]
    private static partial Regex ListItem();

    // "12", "- 12 -", "Page 3 of 10", "3/10", "iv", "第 3 页", "стр. 3", "página 3".
    [GeneratedRegex(@"^(?:[-–—]?\s*\d{1,4}\s*[-–—]?|(?:page|p\.|pág\.?|página|стр\.?|страница|صفحة)\s*\d{1,4}(?:\s*(?:of|de|sur|из|/|من)\s*\d{1,4})?|\d{1,4}\s*/\s*\d{1,4}|(?=[ivxlc])c{0,3}(?:xc|xl|l?x{0,3})(?:ix|iv|v?i{0,3})|第\s*\d{1,4}\s*页(?:\s*共\s*\d{1,4}\s*页)?)$", RegexOptions.IgnoreCase)]
    private static partial Regex PageNumber();

    // A/66/874, S/2011/1, A/RES/60/1, E/CN.4/2005/L.10, S/PV.6650, A/66/874–S/2012/578, with an optional "*".
    [GeneratedRegex(@"^[A-Z]{1,4}(?:/[A-Z0-9][A-Za-z0-9.\-]*)+(?:\s*[–—-]\s*[A-Z]{1,4}(?:/[A-Z0-9][A-Za-z0-9.\-]*)+)*\s*\*?$")]
    private static partial Regex DocumentSymbol();

    // The UN's job numbers and their barcodes: "12-45678 (E)", "12-45678 (E)  170912", "*1245678*".
    [GeneratedRegex(@"^(?:\d{2}-\d{5}\s*(?:\([A-Z]\))?(?:\s+\d{6})?|\*\d{7}\*)$")]
    private static partial Regex JobNumber();
}
