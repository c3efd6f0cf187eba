using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using R2P.Classify.Training;

namespace R2P.Classify.Benchmarks;

/// <summary>
/// Every paragraph of ../shared/corpora/ungdc-2005-2024.jsonl.gz (about 90,000 General Debate
/// paragraphs; the seed paragraphs when it is absent): ML.NET's PredictionEngine (baseline), the fast
/// path on one thread, and ClassifyMany on every core. Each operation is a whole pass over the corpus.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 3)]
public class RealTextBenchmarks
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
        _paragraphs = BenchmarkData.AllParagraphs();
        _scores = new float[_classifier.Labels.Count];
        Console.WriteLine($"// RealTextBenchmarks: {_paragraphs.Length} paragraphs from {(File.Exists(BenchmarkData.RealCorpusPath) ? BenchmarkData.RealCorpusPath : "the seed documents")}");
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
}
