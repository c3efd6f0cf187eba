namespace R2P.Classify;

/// <summary>A label with the model's calibrated probability that the paragraph speaks to it.</summary>
/// <param name="Label">The label id from the codebook, e.g. <c>veto-restraint</c>.</param>
/// <param name="Score">The calibrated probability, from 0 to 1.</param>
/// <param name="Kind">Whether the label is a pillar or a theme.</param>
public readonly record struct LabelScore(string Label, float Score, LabelKind Kind);
