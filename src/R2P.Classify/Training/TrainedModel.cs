using Microsoft.ML;
using R2P.Classify.Model;

namespace R2P.Classify.Training;

/// <summary>A model fresh from <see cref="ModelTrainer.Train"/>, with its cross-validated metrics.</summary>
public sealed class TrainedModel
{
    private readonly R2PModel _model;

    internal TrainedModel(R2PModel model, EvaluationReport crossValidation, IReadOnlyList<ITransformer> scorers)
    {
        _model = model;
        CrossValidation = crossValidation;
        Scorers = scorers;
    }

    /// <summary>Metrics of the out-of-fold predictions (grouped by document) at the chosen thresholds.</summary>
    public EvaluationReport CrossValidation { get; }

    /// <summary>The decision threshold chosen for each label.</summary>
    public IReadOnlyDictionary<string, float> Thresholds =>
        _model.Manifest.Labels.ToDictionary(l => l.Id, l => l.Threshold, StringComparer.Ordinal);

    /// <summary>Expected calibration error of each label's out-of-fold probabilities (10 equal-width bins).</summary>
    public IReadOnlyDictionary<string, double> CalibrationErrors =>
        _model.Manifest.Metrics.ToDictionary(m => m.Key, m => m.Value.CalibrationError, StringComparer.Ordinal);

    /// <summary>The SHA-256 hash of the training corpus recorded in the model.</summary>
    public string CorpusHash => _model.Manifest.Training.CorpusHash;

    internal R2PModel Model => _model;

    /// <summary>
    /// The ML.NET binary prediction transformers the final weights were read from, one per label. Kept
    /// in memory only (the model file stores plain weights): they are the reference the fast scorer is
    /// checked against, since ML.NET's public API cannot rebuild a linear predictor from given weights.
    /// </summary>
    internal IReadOnlyList<ITransformer> Scorers { get; }

    /// <summary>Writes the model file. Deterministic: the same model gives the same bytes.</summary>
    /// <param name="destination">A writable stream; left open.</param>
    public void Save(Stream destination)
    {
        ArgumentNullException.ThrowIfNull(destination);
        ModelFile.Write(_model, destination);
    }

    /// <summary>
    /// Writes the model file to <paramref name="path"/> atomically: to a temporary file in the same
    /// folder, renamed into place only when complete, so a failure never leaves a half-written model.
    /// </summary>
    /// <param name="path">The destination path, usually ending in <c>.zip</c>.</param>
    public void Save(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        AtomicFile.Write(path, Save);
    }

    /// <summary>
    /// Writes the model card: a JSON file with the training settings, thresholds, cross-validated
    /// metrics and the given evaluations on real text. Written atomically.
    /// </summary>
    /// <param name="path">The card's path, by convention the model's path with <c>.json</c>.</param>
    /// <param name="modelFileName">The model file's name, recorded in the card.</param>
    /// <param name="evaluations">Evaluations on gold sets never trained on.</param>
    public void SaveCard(string path, string modelFileName, IReadOnlyList<ModelEvaluation> evaluations)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(evaluations);
        System.Text.Json.Nodes.JsonObject card = ReportJson.Card(this, modelFileName, evaluations);
        AtomicFile.Write(path, stream =>
        {
            using var writer = new System.Text.Json.Utf8JsonWriter(stream, new System.Text.Json.JsonWriterOptions { Indented = true });
            card.WriteTo(writer);
            writer.Flush();
            stream.WriteByte((byte)'\n');
        });
    }

    /// <summary>A classifier over this model, without a round trip through a file.</summary>
    /// <param name="options">Options, or <see langword="null"/> for the defaults.</param>
    public R2PClassifier CreateClassifier(ClassifierOptions? options = null) => R2PClassifier.FromModel(_model, options);
}
