using BenchmarkDotNet.Attributes;
using R2P.Classify.Training;

namespace R2P.Classify.Benchmarks;

/// <summary>
/// Start-up cost: building ML.NET's PredictionEngine over the model's pipeline (baseline; the trained
/// transformers are already in memory, so this is a lower bound of the ML.NET path) against reading the
/// default model file from its bytes, which is all the fast path needs.
/// </summary>
[MemoryDiagnoser]
public class LoadModelBenchmarks
{
    private byte[] _model = [];

    [GlobalSetup]
    public void Setup()
    {
        _model = File.ReadAllBytes(Path.Combine(BenchmarkData.Root, "models", "r2p-default.zip"));
        _ = BenchmarkData.Trained;
    }

    [Benchmark(Baseline = true)]
    public int PredictionEngine()
    {
        using ReferencePipeline reference = ReferencePipeline.Create(BenchmarkData.Trained);
        return reference.Score("").Length;
    }

    [Benchmark]
    public int Load()
    {
        using R2PClassifier classifier = R2PClassifier.Load(new MemoryStream(_model));
        return classifier.Labels.Count;
    }
}
