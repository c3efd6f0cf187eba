using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using R2P.Classify.Training;

namespace R2P.Classify.Benchmarks;

/// <summary>
/// Training on a fifth of the corpus's documents with two folds (all of it takes tens of seconds; the
/// cost grows about linearly): the ML.NET trainers do the work, so the whole of training is the baseline.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 3)]
public class TrainBenchmarks
{
    private IReadOnlyList<LabeledParagraph> _corpus = [];

    [GlobalSetup]
    public void Setup()
    {
        IReadOnlyList<LabeledParagraph> all = CorpusReader.Read([Path.Combine(BenchmarkData.Root, "seeds", "corpus")]);
        string[] documents = all.Select(p => p.Document).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        var kept = documents.Where((_, i) => i % 5 == 0).ToHashSet(StringComparer.Ordinal);
        _corpus = all.Where(p => kept.Contains(p.Document)).ToArray();
    }

    [Benchmark(Baseline = true)]
    public int Train() => ModelTrainer.Train(_corpus, new TrainingOptions { Folds = 2, MinPositivesPerLabel = 5 }).CrossValidation.Overall.Labels.Count;
}
