using BenchmarkDotNet.Attributes;
using R2P.Classify.Training;

namespace R2P.Classify.Benchmarks;

/// <summary>
/// A whole document (a long General Debate speech, or the seed documents joined): split at blank lines
/// and classified, with ML.NET's PredictionEngine per paragraph as the baseline.
/// </summary>
[MemoryDiagnoser]
public class ClassifyDocumentBenchmarks
{
    private R2PClassifier _classifier = null!;
    private ReferencePipeline _reference = null!;
    private string _document = "";

    [GlobalSetup]
    public void Setup()
    {
        _classifier = BenchmarkData.Trained.CreateClassifier();
        _reference = ReferencePipeline.Create(BenchmarkData.Trained);
        _document = string.Join("\n\n", BenchmarkData.Paragraphs(120));
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
        foreach (string paragraph in _document.Split("\n\n"))
        {
            sum += _reference.Score(paragraph)[0];
        }

        return sum;
    }

    [Benchmark]
    public int ClassifyDocument() => _classifier.ClassifyDocument(_document).Paragraphs.Count;
}
