namespace R2P.Classify.Training;

/// <summary>A range that holds a metric's value on 95% of resamples of the gold data.</summary>
/// <param name="Lower">The 2.5th percentile.</param>
/// <param name="Upper">The 97.5th percentile.</param>
public sealed record ConfidenceInterval(double Lower, double Upper);
