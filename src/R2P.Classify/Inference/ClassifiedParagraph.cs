namespace R2P.Classify;

/// <summary>One paragraph of a document, where it lies in the document, and its classification.</summary>
/// <param name="Number">The paragraph's position in the document, from 1.</param>
/// <param name="Start">The offset of its first character in the document text.</param>
/// <param name="Length">Its length in characters.</param>
/// <param name="Text">The paragraph's text, trimmed.</param>
/// <param name="Classification">Its labels and scores.</param>
public sealed record ClassifiedParagraph(int Number, int Start, int Length, string Text, ParagraphClassification Classification);
