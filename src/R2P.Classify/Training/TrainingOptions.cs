namespace R2P.Classify.Training;

/// <summary>How <see cref="ModelTrainer"/> trains a model. Immutable; validated once when training starts.</summary>
public sealed class TrainingOptions
{
    /// <summary>The default options, which trained the shipped model.</summary>
    public static TrainingOptions Default { get; } = new();

    /// <summary>The seed for fold assignment and the trainers: the same corpus and seed give a byte-identical model file.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>Cross-validation folds (grouped by document) used for calibration, thresholds and reported metrics.</summary>
    public int Folds { get; init; } = 5;

    /// <summary>
    /// How many times the cross-validation runs, each with a fresh grouped fold assignment. Calibration and
    /// thresholds are fitted on the pooled out-of-fold scores, which steadies them; training takes about
    /// this many times longer. The reported cross-validation figures are those of the first repetition.
    /// </summary>
    public int CrossValidationRepeats { get; init; } = 3;

    /// <summary>The ML.NET trainer used for every label.</summary>
    public LinearTrainer Trainer { get; init; } = LinearTrainer.LbfgsLogisticRegression;

    /// <summary>L2 regularization strength passed to the trainer.</summary>
    public float L2Regularization { get; init; } = 0.03f;

    /// <summary>Word n-grams up to this length (1 to 3).</summary>
    public int WordNgramLength { get; init; } = 2;

    /// <summary>
    /// Shortest character n-gram inside words; 0 (the default) turns character n-grams off: on real text
    /// they did not beat word n-grams with the lexicon (docs/model-selection.md) and cost most of the scoring time.
    /// </summary>
    public int CharNgramMinLength { get; init; }

    /// <summary>Longest character n-gram inside words (used when <see cref="CharNgramMinLength"/> is not 0).</summary>
    public int CharNgramMaxLength { get; init; }

    /// <summary>Add one feature per label from the curated six-language lexicon of key R2P terms (stored in the model).</summary>
    public bool UseLexicon { get; init; } = true;

    /// <summary>
    /// The factor on the lexicon features' IDF (1 leaves them as plain TF-IDF features). Above 1 the
    /// model leans more on the key terms, which all six languages share, and less on our own wording.
    /// </summary>
    public float LexiconWeight { get; init; } = 3f;

    /// <summary>How each paragraph's TF-IDF vector is scaled (square root of its length by default).</summary>
    public FeatureNormalization Normalization { get; init; } = FeatureNormalization.SquareRootLength;

    /// <summary>Add subword token features (o200k_base byte-pair encoding, Microsoft.ML.Tokenizers).</summary>
    public bool UseSubwordTokens { get; init; }

    /// <summary>An n-gram must occur in at least this many training paragraphs to become a feature.</summary>
    public int MinDocumentFrequency { get; init; } = 2;

    /// <summary>At most this many features are kept, the most frequent first.</summary>
    public int MaxFeatures { get; init; } = 80_000;

    /// <summary>
    /// When set, each label's threshold is the lowest that reaches this precision on the
    /// out-of-fold predictions (favouring precision); otherwise the threshold with the best F1.
    /// </summary>
    public double? MinPrecision { get; init; }

    /// <summary>Each label needs at least this many positive paragraphs to be trained.</summary>
    public int MinPositivesPerLabel { get; init; } = 10;

    internal void Validate()
    {
        static void Check(bool ok, string name, object value, string rule)
        {
            if (!ok)
            {
                throw new ArgumentOutOfRangeException(name, value, rule);
            }
        }

        Check(Folds is >= 2 and <= 20, nameof(Folds), Folds, "Folds must be from 2 to 20.");
        Check(CrossValidationRepeats is >= 1 and <= 10, nameof(CrossValidationRepeats), CrossValidationRepeats, "CrossValidationRepeats must be from 1 to 10.");
        Check(L2Regularization is >= 0 and < 1e6f, nameof(L2Regularization), L2Regularization, "L2Regularization must be from 0 to 1e6.");
        Check(LexiconWeight is > 0 and <= 100, nameof(LexiconWeight), LexiconWeight, "LexiconWeight must be above 0 and at most 100.");
        Check(MinDocumentFrequency >= 1, nameof(MinDocumentFrequency), MinDocumentFrequency, "MinDocumentFrequency must be at least 1.");
        Check(MaxFeatures is >= 1 and <= 4_000_000, nameof(MaxFeatures), MaxFeatures, "MaxFeatures must be from 1 to 4,000,000.");
        Check(MinPrecision is null or (> 0 and <= 1), nameof(MinPrecision), MinPrecision ?? 0, "MinPrecision must be in (0, 1].");
        Check(MinPositivesPerLabel >= 2, nameof(MinPositivesPerLabel), MinPositivesPerLabel, "MinPositivesPerLabel must be at least 2.");
        FeatureOptions().Validate();
    }

    internal Features.FeatureOptions FeatureOptions() => new()
    {
        WordNgramLength = WordNgramLength,
        CharNgramMinLength = CharNgramMinLength,
        CharNgramMaxLength = CharNgramMaxLength,
        Lexicon = UseLexicon ? Features.Lexicon.Default : null,
        Normalization = Normalization,
        SubwordTokens = UseSubwordTokens,
    };
}
