using BenchmarkDotNet.Attributes;

namespace R2P.Classify.Benchmarks;

/// <summary>
/// One paragraph, single thread: ML.NET's PredictionEngine over the same model (baseline), the
/// result-object API, and the allocation-free span API.
/// </summary>
[MemoryDiagnoser]
public class ClassifyParagraphBenchmarks : ReferenceComparisonBase
{
    private string _text = "";
    private float[] _scores = [];

    /// <summary>Paragraph length in words: short, median, long General Debate paragraphs.</summary>
    [Params(20, 70, 250)]
    public int Words { get; set; }

    [Benchmark(Baseline = true)]
    public float[] PredictionEngine() => Reference.Score(_text);

    [Benchmark]
    public ParagraphClassification Classify() => Classifier.Classify(_text);

    [Benchmark]
    public float ClassifyIntoBuffer()
    {
        Classifier.Classify(_text.AsSpan(), _scores);
        return _scores[0];
    }

    protected override void LoadInput()
    {
        _text = BenchmarkData.ParagraphOfLength(Words);
        _scores = new float[Classifier.Labels.Count];
    }
}
