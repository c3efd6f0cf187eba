namespace R2P.Classify;

/// <summary>A span of the paragraph whose features pushed a label's score up.</summary>
/// <param name="Text">The span's text (a word, a word pair, or a lexicon term as it appears in the paragraph).</param>
/// <param name="Start">The offset of the span's first character in the paragraph.</param>
/// <param name="Length">The span's length in characters.</param>
/// <param name="Weight">How much the span's features added to the label's raw linear score (before calibration).</param>
public readonly record struct Evidence(string Text, int Start, int Length, float Weight);

/// <summary>The evidence for one label, strongest first.</summary>
/// <param name="Label">The label id.</param>
/// <param name="Spans">The spans that contributed most to the label's score, strongest first.</param>
public sealed record LabelEvidence(string Label, IReadOnlyList<Evidence> Spans);
