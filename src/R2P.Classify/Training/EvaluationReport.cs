namespace R2P.Classify.Training;

/// <summary>How well predictions match gold labels: overall and for each language.</summary>
public sealed class EvaluationReport
{
    internal EvaluationReport(MetricsTable overall, IReadOnlyDictionary<string, MetricsTable> byLanguage)
    {
        Overall = overall;
        ByLanguage = byLanguage;
    }

    /// <summary>Metrics over every paragraph.</summary>
    public MetricsTable Overall { get; }

    /// <summary>Metrics per language code, in ordinal order of the code.</summary>
    public IReadOnlyDictionary<string, MetricsTable> ByLanguage { get; }
}
