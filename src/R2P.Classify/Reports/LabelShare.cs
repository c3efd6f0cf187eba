namespace R2P.Classify;

/// <summary>One label's place in a document's profile.</summary>
/// <param name="Label">The label id, e.g. <c>timely-response</c>.</param>
/// <param name="Kind">Pillar or theme.</param>
/// <param name="Paragraphs">How many paragraphs were given the label.</param>
/// <param name="Share">That count as a share of the document's paragraphs, from 0 to 1.</param>
/// <param name="MeanScore">The label's mean score over all the document's paragraphs, from 0 to 1: a profile weighted by confidence, which counts the near misses too.</param>
public readonly record struct LabelShare(string Label, LabelKind Kind, int Paragraphs, float Share, float MeanScore);
