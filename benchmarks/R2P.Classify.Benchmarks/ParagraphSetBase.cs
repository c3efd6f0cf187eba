using BenchmarkDotNet.Attributes;
using R2P.Classify.Training;

namespace R2P.Classify.Benchmarks;

/// <summary>
/// A set of real paragraphs scored three ways: ML.NET's PredictionEngine in a loop (baseline), the fast
/// path on one thread, and ClassifyMany on every core. Subclasses choose the paragraphs.
/// </summary>
public abstract class ParagraphSetBase
{
    private R2PClassifier _classifier = null!;
    private ReferencePipeline _reference = null!;
    private string[] _paragraphs = [];
    private float[] _scores = [];

    [GlobalSetup]
    public void Setup()
    {
        _classifier = BenchmarkData.Trained.CreateClassifier();
        _reference = ReferencePipeline.Create(BenchmarkData.Trained);
        _paragraphs = LoadParagraphs();
        _scores = new float[_classifier.Labels.Count];
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _classifier.Dispose();
        _reference.Dispose();
    }

    [Benchmark(Baseline = true)]
    public float PredictionEngine()
    {
        float sum = 0;
        foreach (string paragraph in _paragraphs)
        {
            sum += _reference.Score(paragraph)[0];
        }

        return sum;
    }

    [Benchmark]
    public float SingleThread()
    {
        float sum = 0;
        foreach (string paragraph in _paragraphs)
        {
            _classifier.Classify(paragraph.AsSpan(), _scores);
            sum += _scores[0];
        }

        return sum;
    }

    [Benchmark]
    public int ClassifyMany() => _classifier.ClassifyMany(_paragraphs).Sum(r => r.Labels.Count);

    /// <summary>The paragraphs to score, read once in the global setup.</summary>
    protected abstract string[] LoadParagraphs();
}
