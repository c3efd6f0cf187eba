namespace R2P.Classify;

/// <summary>Options for loading a classifier. Immutable; validated once when the classifier is loaded.</summary>
public sealed class ClassifierOptions
{
    /// <summary>The default options.</summary>
    public static ClassifierOptions Default { get; } = new();

    /// <summary>
    /// How many threads <see cref="R2PClassifier.ClassifyMany"/> and <see cref="R2PClassifier.ClassifyStream{T}"/> may use; <see langword="null"/> (the default)
    /// uses every processor.
    /// </summary>
    public int? MaxDegreeOfParallelism { get; init; }

    internal void Validate()
    {
        if (MaxDegreeOfParallelism is < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxDegreeOfParallelism), MaxDegreeOfParallelism, "MaxDegreeOfParallelism must be at least 1, or null for all processors.");
        }
    }
}
