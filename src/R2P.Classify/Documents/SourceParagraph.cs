namespace R2P.Classify;

/// <summary>A paragraph read from an input, with where it came from.</summary>
/// <param name="Id">Its id: the <c>id</c> of a JSON Lines row, or <c>&lt;file&gt;#p&lt;N&gt;</c> for a document's paragraph.</param>
/// <param name="Source">The file it was read from (<c>-</c> for standard input).</param>
/// <param name="Number">Its position in the source, from 1 (paragraph of a document, or row of a JSON Lines file).</param>
/// <param name="Text">Its text.</param>
/// <param name="Start">The offset of its first character in the document's text (0 for a JSON Lines row).</param>
public sealed record SourceParagraph(string Id, string Source, int Number, string Text, int Start);
