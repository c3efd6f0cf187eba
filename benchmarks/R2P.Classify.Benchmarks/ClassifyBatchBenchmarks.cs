using BenchmarkDotNet.Attributes;

namespace R2P.Classify.Benchmarks;

/// <summary>A batch of real paragraphs: one thread in a loop (baseline) against ClassifyMany on every core.</summary>
[MemoryDiagnoser]
public class ClassifyBatchBenchmarks
{
    private R2PClassifier _classifier = null!;
    private string[] _paragraphs = [];

    [Params(2000)]
    public int Paragraphs { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _classifier = R2PClassifier.LoadDefault();
        _paragraphs = BenchmarkData.Paragraphs(Paragraphs);
    }

    [GlobalCleanup]
    public void Cleanup() => _classifier.Dispose();

    [Benchmark(Baseline = true)]
    public int SingleThread()
    {
        int labels = 0;
        foreach (string paragraph in _paragraphs)
        {
            labels += _classifier.Classify(paragraph).Labels.Count;
        }

        return labels;
    }

    [Benchmark]
    public int ClassifyMany() => _classifier.ClassifyMany(_paragraphs).Sum(r => r.Labels.Count);
}
