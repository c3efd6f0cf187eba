using BenchmarkDotNet.Attributes;
using R2P.Classify.Training;

namespace R2P.Classify.Benchmarks;

/// <summary>
/// The pair every comparison needs: the fast classifier and ML.NET's PredictionEngine pipeline over the
/// same trained model, created once per benchmark class. Subclasses load their input in <see cref="LoadInput"/>.
/// </summary>
public abstract class ReferenceComparisonBase
{
    private protected R2PClassifier Classifier { get; private set; } = null!;

    private protected ReferencePipeline Reference { get; private set; } = null!;

    [GlobalSetup]
    public void Setup()
    {
        Classifier = BenchmarkData.Trained.CreateClassifier();
        Reference = ReferencePipeline.Create(BenchmarkData.Trained);
        LoadInput();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        Classifier.Dispose();
        Reference.Dispose();
    }

    /// <summary>Reads the benchmark's input, once, after the classifier and the reference exist.</summary>
    protected abstract void LoadInput();
}
