namespace R2P.Classify.Training;

/// <summary>One labeled paragraph of a training or evaluation file (the JSONL format of the codebook).</summary>
/// <param name="Id">The paragraph's unique id.</param>
/// <param name="Text">The paragraph's text.</param>
/// <param name="Labels">The codebook label ids it carries; empty for no label.</param>
/// <param name="Language">Its ISO 639-1 language code (detected when the file gives none).</param>
/// <param name="Document">The document it belongs to; paragraphs of one document are never split across training and evaluation folds. Defaults to the id.</param>
public sealed record LabeledParagraph(string Id, string Text, IReadOnlyList<string> Labels, string Language, string Document);
