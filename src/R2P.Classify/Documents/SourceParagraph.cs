namespace R2P.Classify;

/// <summary>A paragraph read from an input, with where it came from.</summary>
/// <param name="Id">Its id: the <c>id</c> of a JSON Lines row, or <c>&lt;file&gt;#p&lt;N&gt;</c> for a document's paragraph.</param>
/// <param name="Source">The file it was read from (<c>-</c> for standard input).</param>
/// <param name="Number">Its position in the source, from 1 (paragraph of a document, or row of a JSON Lines file).</param>
/// <param name="Text">Its text.</param>
/// <param name="Start">
/// The offset of its first character in the document's text: the file itself for text and Markdown, the
/// extracted text (paragraphs joined by a blank line) for PDF, Word and HTML; 0 for a JSON Lines row.
/// </param>
public sealed record SourceParagraph(string Id, string Source, int Number, string Text, int Start)
{
    /// <summary>
    /// How many characters of the document's text it spans from <see cref="Start"/>. For a paragraph
    /// rejoined across a page break or a stray blank line this covers both parts and what lay between.
    /// </summary>
    public int Length { get; init; } = Text.Length;

    /// <summary>The PDF page it starts on, from 1; <see langword="null"/> for other formats.</summary>
    public int? Page { get; init; }
}
