using BenchmarkDotNet.Attributes;

namespace R2P.Classify.Benchmarks;

/// <summary>One paragraph: the result-object API (baseline) against the allocation-free span API.</summary>
[MemoryDiagnoser]
public class ClassifyParagraphBenchmarks
{
    private R2PClassifier _classifier = null!;
    private string _text = "";
    private float[] _scores = [];

    /// <summary>Paragraph length in words: short, median, long General Debate paragraphs.</summary>
    [Params(20, 70, 250)]
    public int Words { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _classifier = R2PClassifier.LoadDefault();
        _text = BenchmarkData.ParagraphOfLength(Words);
        _scores = new float[_classifier.Labels.Count];
    }

    [GlobalCleanup]
    public void Cleanup() => _classifier.Dispose();

    [Benchmark(Baseline = true)]
    public ParagraphClassification Classify() => _classifier.Classify(_text);

    [Benchmark]
    public float ClassifyIntoBuffer()
    {
        _classifier.Classify(_text.AsSpan(), _scores);
        return _scores[0];
    }
}
