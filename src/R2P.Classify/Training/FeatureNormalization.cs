namespace R2P.Classify.Training;

/// <summary>How a paragraph's TF-IDF vector is scaled before the linear models read it.</summary>
public enum FeatureNormalization
{
    /// <summary>
    /// Divide by the square root of the vector's L2 norm (the default): a long paragraph that speaks to
    /// several topics keeps more of each topic's weight than under unit length, where every added topic
    /// dilutes the others. On real General Debate paragraphs this beat unit length (docs/model-selection.md).
    /// </summary>
    SquareRootLength,

    /// <summary>Divide by the vector's L2 norm (unit length), as classic TF-IDF does.</summary>
    UnitLength,
}
