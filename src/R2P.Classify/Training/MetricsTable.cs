namespace R2P.Classify.Training;

/// <summary>Per-label metrics over one set of paragraphs, with their macro and micro averages.</summary>
public sealed class MetricsTable
{
    internal MetricsTable(int paragraphs, IReadOnlyList<LabelMetrics> labels, ConfidenceInterval macroF1Interval)
    {
        Paragraphs = paragraphs;
        Labels = labels;
        MacroF1Interval = macroF1Interval;
        LabelMetrics[] present = labels.Where(l => l.Support > 0).ToArray();
        MacroF1 = present.Length == 0 ? 0 : present.Average(l => l.F1);
        int truePositives = labels.Sum(l => l.TruePositives);
        int denominator = labels.Sum(l => l.Support + l.Predicted);
        MicroF1 = denominator == 0 ? 0 : 2.0 * truePositives / denominator;
    }

    /// <summary>How many paragraphs were scored.</summary>
    public int Paragraphs { get; }

    /// <summary>Metrics of every label, in the label set's order.</summary>
    public IReadOnlyList<LabelMetrics> Labels { get; }

    /// <summary>The mean F1 over the labels that occur in the gold data (support &gt; 0).</summary>
    public double MacroF1 { get; }

    /// <summary>
    /// Where <see cref="MacroF1"/> would fall on 95% of paragraph resamples (1,000 bootstrap draws with a
    /// fixed seed): differences between models inside this range are within the noise of the gold set.
    /// </summary>
    public ConfidenceInterval MacroF1Interval { get; }

    /// <summary>F1 over all label decisions pooled.</summary>
    public double MicroF1 { get; }
}
