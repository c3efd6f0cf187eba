using System.Text.Json.Serialization;

namespace R2P.Classify.Model;

/// <summary>The <c>manifest.json</c> entry of a model file: everything about the model except its arrays.</summary>
internal sealed record ModelManifest
{
    public const string FormatName = "r2p-classify-model";
    public const int CurrentFormatVersion = 1;

    [JsonPropertyName("format")]
    public string Format { get; init; } = FormatName;

    [JsonPropertyName("formatVersion")]
    public int FormatVersion { get; init; } = CurrentFormatVersion;

    [JsonPropertyName("libraryVersion")]
    public string LibraryVersion { get; init; } = "";

    [JsonPropertyName("codebookVersion")]
    public string CodebookVersion { get; init; } = "";

    [JsonPropertyName("labels")]
    public IReadOnlyList<ManifestLabel> Labels { get; init; } = [];

    [JsonPropertyName("features")]
    public ManifestFeatures Features { get; init; } = new();

    [JsonPropertyName("training")]
    public ManifestTraining Training { get; init; } = new();

    /// <summary>Cross-validated metrics from training, as reported by the trainer.</summary>
    [JsonPropertyName("metrics")]
    public IReadOnlyDictionary<string, ManifestLabelMetrics> Metrics { get; init; } = new Dictionary<string, ManifestLabelMetrics>();
}

/// <summary>One label's id, kind, decision threshold and calibration.</summary>
internal sealed record ManifestLabel
{
    [JsonPropertyName("id")]
    public string Id { get; init; } = "";

    [JsonPropertyName("kind")]
    public string Kind { get; init; } = "";

    /// <summary>A calibrated probability at or above this gives the label.</summary>
    [JsonPropertyName("threshold")]
    public float Threshold { get; init; }

    [JsonPropertyName("bias")]
    public float Bias { get; init; }

    /// <summary>Platt scaling: p = 1 / (1 + exp(slope · margin + offset)).</summary>
    [JsonPropertyName("calibrationSlope")]
    public double CalibrationSlope { get; init; }

    [JsonPropertyName("calibrationOffset")]
    public double CalibrationOffset { get; init; }
}

internal sealed record ManifestFeatures
{
    [JsonPropertyName("wordNgramLength")]
    public int WordNgramLength { get; init; }

    [JsonPropertyName("charNgramMinLength")]
    public int CharNgramMinLength { get; init; }

    [JsonPropertyName("charNgramMaxLength")]
    public int CharNgramMaxLength { get; init; }

    /// <summary>SHA-256 of the lexicon stored in the model, or empty when the model uses none.</summary>
    [JsonPropertyName("lexicon")]
    public string Lexicon { get; init; } = "";

    /// <summary>The subword encoding whose tokens are features (<c>o200k_base</c>), or empty for none.</summary>
    [JsonPropertyName("subwordTokens")]
    public string SubwordTokens { get; init; } = "";

    [JsonPropertyName("dimension")]
    public int Dimension { get; init; }

    [JsonPropertyName("weighting")]
    public string Weighting { get; init; } = "log-tf-idf-l2";
}

internal sealed record ManifestTraining
{
    [JsonPropertyName("trainer")]
    public string Trainer { get; init; } = "";

    [JsonPropertyName("l2Regularization")]
    public float L2Regularization { get; init; }

    /// <summary>The factor on the lexicon features' IDF; 1 in files written before the option existed.</summary>
    [JsonPropertyName("lexiconWeight")]
    public float LexiconWeight { get; init; } = 1f;

    [JsonPropertyName("seed")]
    public int Seed { get; init; }

    [JsonPropertyName("folds")]
    public int Folds { get; init; }

    /// <summary>How many times the cross-validation ran with fresh folds; 1 in files written before the option existed.</summary>
    [JsonPropertyName("crossValidationRepeats")]
    public int CrossValidationRepeats { get; init; } = 1;

    [JsonPropertyName("thresholdObjective")]
    public string ThresholdObjective { get; init; } = "";

    [JsonPropertyName("corpusHash")]
    public string CorpusHash { get; init; } = "";

    [JsonPropertyName("corpusParagraphs")]
    public int CorpusParagraphs { get; init; }

    [JsonPropertyName("corpusDocuments")]
    public int CorpusDocuments { get; init; }
}

internal sealed record ManifestLabelMetrics
{
    [JsonPropertyName("precision")]
    public double Precision { get; init; }

    [JsonPropertyName("recall")]
    public double Recall { get; init; }

    [JsonPropertyName("f1")]
    public double F1 { get; init; }

    [JsonPropertyName("support")]
    public int Support { get; init; }

    /// <summary>Expected calibration error of the out-of-fold probabilities (10 bins).</summary>
    [JsonPropertyName("expectedCalibrationError")]
    public double CalibrationError { get; init; }
}

/// <summary>
/// Source-generated JSON for the manifest: a model loads without building serialization metadata by
/// reflection, which was a fifth of a cold start.
/// </summary>
[JsonSourceGenerationOptions(WriteIndented = true)]
[JsonSerializable(typeof(ModelManifest))]
internal sealed partial class ManifestJsonContext : JsonSerializerContext;
