using R2P.Classify.Features;

namespace R2P.Classify.Model;

/// <summary>
/// A trained model in memory: the feature space, one linear scorer per label (weights stored
/// feature-major, so one feature's weights for all labels are adjacent), Platt calibration and
/// decision thresholds. Immutable once built, so any number of threads may score with it.
/// </summary>
internal sealed class R2PModel
{
    public R2PModel(ModelManifest manifest, LabelSet labels, FeatureSpace features, float[] weights)
    {
        if (weights.Length != features.Dimension * labels.Count)
        {
            throw new ArgumentException($"Expected {features.Dimension * labels.Count} weights, got {weights.Length}.", nameof(weights));
        }

        Manifest = manifest;
        Labels = labels;
        Features = features;
        Weights = weights;
        Biases = manifest.Labels.Select(l => l.Bias).ToArray();
        Slopes = manifest.Labels.Select(l => l.CalibrationSlope).ToArray();
        Offsets = manifest.Labels.Select(l => l.CalibrationOffset).ToArray();
        Thresholds = manifest.Labels.Select(l => l.Threshold).ToArray();
    }

    public ModelManifest Manifest { get; }

    public LabelSet Labels { get; }

    public FeatureSpace Features { get; }

    /// <summary>Weight of feature f for label l at [f * Labels.Count + l].</summary>
    public float[] Weights { get; }

    public float[] Biases { get; }

    public double[] Slopes { get; }

    public double[] Offsets { get; }

    public float[] Thresholds { get; }

    /// <summary>Platt-calibrated probability of label <paramref name="label"/> for a raw linear margin.</summary>
    public float Calibrate(int label, float margin) =>
        (float)(1.0 / (1.0 + Math.Exp((Slopes[label] * margin) + Offsets[label])));
}
