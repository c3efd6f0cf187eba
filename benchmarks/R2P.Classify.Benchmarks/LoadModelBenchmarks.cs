using BenchmarkDotNet.Attributes;

namespace R2P.Classify.Benchmarks;

/// <summary>Reading the default model from its bytes: the cost every process pays once at start.</summary>
[MemoryDiagnoser]
public class LoadModelBenchmarks
{
    private byte[] _model = [];

    [GlobalSetup]
    public void Setup() => _model = File.ReadAllBytes(Path.Combine(BenchmarkData.Root, "models", "r2p-default.zip"));

    [Benchmark(Baseline = true)]
    public int Load()
    {
        using R2PClassifier classifier = R2PClassifier.Load(new MemoryStream(_model));
        return classifier.Labels.Count;
    }
}
