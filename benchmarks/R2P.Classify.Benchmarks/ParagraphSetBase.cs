using BenchmarkDotNet.Attributes;

namespace R2P.Classify.Benchmarks;

/// <summary>
/// A set of real paragraphs scored four ways: ML.NET's PredictionEngine in a loop (baseline), the fast
/// path on one thread, the same fast path on every core (its ratio to one thread is the scaling), and
/// ClassifyMany on every core (language detection and result objects included). Subclasses choose the paragraphs.
/// </summary>
public abstract class ParagraphSetBase : ReferenceComparisonBase
{
    private string[] _paragraphs = [];
    private float[] _scores = [];

    [Benchmark(Baseline = true)]
    public float PredictionEngine()
    {
        float sum = 0;
        foreach (string paragraph in _paragraphs)
        {
            sum += Reference.Score(paragraph)[0];
        }

        return sum;
    }

    [Benchmark]
    public float SingleThread()
    {
        float sum = 0;
        foreach (string paragraph in _paragraphs)
        {
            Classifier.Classify(paragraph.AsSpan(), _scores);
            sum += _scores[0];
        }

        return sum;
    }

    [Benchmark]
    public float AllCores()
    {
        // Each worker scores into its own buffer; the classifier's per-thread scratch does the rest.
        float[] sums = new float[_paragraphs.Length];
        Parallel.For(
            0,
            _paragraphs.Length,
            new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount },
            () => new float[Classifier.Labels.Count],
            (i, _, scores) =>
            {
                Classifier.Classify(_paragraphs[i].AsSpan(), scores);
                sums[i] = scores[0];
                return scores;
            },
            _ => { });
        return sums.Sum();
    }

    [Benchmark]
    public int ClassifyMany() => Classifier.ClassifyMany(_paragraphs).Sum(r => r.Labels.Count);

    protected sealed override void LoadInput()
    {
        _paragraphs = LoadParagraphs();
        _scores = new float[Classifier.Labels.Count];
    }

    /// <summary>The paragraphs to score, read once in the global setup.</summary>
    protected abstract string[] LoadParagraphs();
}
