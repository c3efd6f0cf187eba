namespace R2P.Classify;

/// <summary>One label of the codebook.</summary>
/// <param name="Id">The stable id used in data files and results, e.g. <c>veto-restraint</c>.</param>
/// <param name="Name">A short human-readable name.</param>
/// <param name="Kind">Whether the label is a pillar or a theme.</param>
public sealed record LabelDefinition(string Id, string Name, LabelKind Kind);
