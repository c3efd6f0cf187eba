using System.Globalization;
using System.Text;

namespace R2P.Classify.Text;

/// <summary>
/// Folds text one UTF-16 code unit at a time: lower case, diacritics removed, Arabic letter variants
/// unified (alef forms, alef maqsura, teh marbuta, tatweel). Folding never changes the number of
/// code units except by dropping some, so every folded character maps back to one offset in the
/// original text, which evidence spans rely on.
/// </summary>
internal static class TextFolding
{
    private static readonly char[] Folded = new char[char.MaxValue + 1];
    private static readonly CharacterClass[] Classes = new CharacterClass[char.MaxValue + 1];

#pragma warning disable CA1810 // The tables are built once, eagerly: lookups on the hot path stay branch-free.
    static TextFolding()
#pragma warning restore CA1810
    {
        for (int c = 0; c <= char.MaxValue; c++)
        {
            (Folded[c], Classes[c]) = Compute((char)c);
        }
    }

    /// <summary>The folded form of <paramref name="c"/> (meaningful for word and ideograph characters).</summary>
    public static char Fold(char c) => Folded[c];

    /// <summary>How <paramref name="c"/> takes part in tokenization.</summary>
    public static CharacterClass Classify(char c) => Classes[c];

    /// <summary>Whether <paramref name="c"/> is a Han or kana ideograph.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    public static bool IsIdeograph(char c) =>
        c >= '\u3040' && c is <= '\u30FF' or >= '\u3400' and <= '\u4DBF' or >= '\u4E00' and <= '\u9FFF' or >= '\uF900' and <= '\uFAFF';

    private static (char Folded, CharacterClass Class) Compute(char c)
    {
        if (c < 0x80)
        {
            return char.IsAsciiLetterOrDigit(c)
                ? (char.ToLowerInvariant(c), CharacterClass.Word)
                : (' ', CharacterClass.Separator);
        }

        if (char.IsSurrogate(c))
        {
            return (' ', CharacterClass.Separator);
        }

        if (IsIdeograph(c))
        {
            return (c, CharacterClass.Ideograph);
        }

        switch (c)
        {
            case '\u0640': return ('\0', CharacterClass.Drop);                 // tatweel
            case '\u0649': return ('\u064A', CharacterClass.Word);             // alef maqsura -> yeh
            case '\u06CC': return ('\u064A', CharacterClass.Word);             // Farsi yeh -> yeh
            case '\u0629': return ('\u0647', CharacterClass.Word);             // teh marbuta -> heh
            case '\u06A9': return ('\u0643', CharacterClass.Word);             // keheh -> kaf
            case '\u0671': return ('\u0627', CharacterClass.Word);             // alef wasla -> alef
        }

        UnicodeCategory category = CharUnicodeInfo.GetUnicodeCategory(c);
        if (category is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark
            or UnicodeCategory.EnclosingMark or UnicodeCategory.Format)
        {
            return ('\0', CharacterClass.Drop);
        }

        if (!char.IsLetterOrDigit(c))
        {
            return (' ', CharacterClass.Separator);
        }

        // Strip diacritics through compatibility decomposition; keep the base letter when it is one.
        string decomposed = c.ToString().Normalize(NormalizationForm.FormKD);
        char folded = c;
        int letters = 0;
        foreach (char d in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(d) is not (UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark))
            {
                folded = d;
                letters++;
            }
        }

        if (letters != 1 || !char.IsLetterOrDigit(folded))
        {
            folded = c;
        }

        folded = char.ToLowerInvariant(folded);
        return IsIdeograph(folded) ? (folded, CharacterClass.Ideograph) : (folded, CharacterClass.Word);
    }
}
