namespace R2P.Classify.Features;

/// <summary>
/// Which n-grams the extractor emits. Stored in the model manifest so that training and inference
/// always extract the same features.
/// </summary>
internal sealed record FeatureOptions
{
    /// <summary>Word n-grams up to this length (1 = words only, 2 = words and word pairs). Ideographs count as words.</summary>
    public int WordNgramLength { get; init; } = 2;

    /// <summary>Shortest character n-gram taken inside a word padded with boundary marks; 0 turns character n-grams off.</summary>
    public int CharNgramMinLength { get; init; } = 3;

    /// <summary>Longest character n-gram taken inside a word.</summary>
    public int CharNgramMaxLength { get; init; } = 5;

    /// <summary>Key terms per label that add one cross-language feature per label; <see langword="null"/> for none.</summary>
    public Lexicon? Lexicon { get; init; }

    /// <summary>Add o200k_base subword token unigrams and bigrams (Microsoft.ML.Tokenizers).</summary>
    public bool SubwordTokens { get; init; }

    /// <summary>How the TF-IDF vector is scaled; model files written before this option existed use unit length.</summary>
    public Training.FeatureNormalization Normalization { get; init; } = Training.FeatureNormalization.UnitLength;

    /// <summary>The manifest's name for the weighting: <c>log-tf-idf-l2</c> or <c>log-tf-idf-sqrt-l2</c>.</summary>
    public string WeightingName => Normalization == Training.FeatureNormalization.SquareRootLength ? SquareRootWeighting : UnitWeighting;

    /// <summary>Sublinear TF-IDF divided by its L2 norm.</summary>
    public const string UnitWeighting = "log-tf-idf-l2";

    /// <summary>Sublinear TF-IDF divided by the square root of its L2 norm.</summary>
    public const string SquareRootWeighting = "log-tf-idf-sqrt-l2";

    /// <summary>The default featurization of the shipped model.</summary>
    public static FeatureOptions Default { get; } = new();

    /// <summary>Throws when the values cannot work together.</summary>
    public void Validate()
    {
        if (WordNgramLength is < 1 or > 3)
        {
            throw new ArgumentOutOfRangeException(nameof(WordNgramLength), WordNgramLength, "Word n-gram length must be 1, 2 or 3.");
        }

        if (CharNgramMinLength != 0 && (CharNgramMinLength < 1 || CharNgramMaxLength < CharNgramMinLength || CharNgramMaxLength > 8))
        {
            throw new ArgumentOutOfRangeException(nameof(CharNgramMinLength), CharNgramMinLength, "Character n-grams need 1 <= min <= max <= 8, or min = 0 to turn them off.");
        }
    }
}
