using BenchmarkDotNet.Attributes;
using R2P.Classify.Training;

namespace R2P.Classify.Benchmarks;

/// <summary>
/// One paragraph, single thread: ML.NET's PredictionEngine over the same model (baseline), the
/// result-object API, and the allocation-free span API.
/// </summary>
[MemoryDiagnoser]
public class ClassifyParagraphBenchmarks
{
    private R2PClassifier _classifier = null!;
    private ReferencePipeline _reference = null!;
    private string _text = "";
    private float[] _scores = [];

    /// <summary>Paragraph length in words: short, median, long General Debate paragraphs.</summary>
    [Params(20, 70, 250)]
    public int Words { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _classifier = BenchmarkData.Trained.CreateClassifier();
        _reference = ReferencePipeline.Create(BenchmarkData.Trained);
        _text = BenchmarkData.ParagraphOfLength(Words);
        _scores = new float[_classifier.Labels.Count];
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _classifier.Dispose();
        _reference.Dispose();
    }

    [Benchmark(Baseline = true)]
    public float[] PredictionEngine() => _reference.Score(_text);

    [Benchmark]
    public ParagraphClassification Classify() => _classifier.Classify(_text);

    [Benchmark]
    public float ClassifyIntoBuffer()
    {
        _classifier.Classify(_text.AsSpan(), _scores);
        return _scores[0];
    }
}
