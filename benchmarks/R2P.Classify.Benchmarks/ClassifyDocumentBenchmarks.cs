using BenchmarkDotNet.Attributes;

namespace R2P.Classify.Benchmarks;

/// <summary>
/// A whole document (a long General Debate speech, or the seed documents joined): split at blank lines
/// and classified, with ML.NET's PredictionEngine per paragraph as the baseline.
/// </summary>
[MemoryDiagnoser]
public class ClassifyDocumentBenchmarks : ReferenceComparisonBase
{
    private string _document = "";

    [Benchmark(Baseline = true)]
    public float PredictionEngine()
    {
        float sum = 0;
        foreach (string paragraph in _document.Split("\n\n"))
        {
            sum += Reference.Score(paragraph)[0];
        }

        return sum;
    }

    [Benchmark]
    public int ClassifyDocument() => Classifier.ClassifyDocument(_document).Paragraphs.Count;

    protected override void LoadInput() => _document = string.Join("\n\n", BenchmarkData.Paragraphs(120));
}
