namespace R2P.Classify.Documents;

/// <summary>A candidate paragraph as a format reader found it, before repair.</summary>
/// <param name="Text">Its text, lines of a wrapped PDF paragraph already joined.</param>
/// <param name="Page">The PDF page it starts on, or null.</param>
/// <param name="Start">Its offset in the file's text (text formats only; 0 otherwise).</param>
/// <param name="Length">Its length in the file's text (text formats only; 0 otherwise).</param>
/// <param name="Heading">Marked as a heading by the format (larger font, heading style or element): never joined.</param>
internal readonly record struct TextBlock(string Text, int? Page = null, int Start = 0, int Length = 0, bool Heading = false);
