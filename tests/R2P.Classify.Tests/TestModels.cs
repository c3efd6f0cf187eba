using R2P.Classify.Training;

namespace R2P.Classify.Tests;

/// <summary>Small models trained once per test run, for tests that need a model other than the default.</summary>
internal static class TestModels
{
    private static readonly Lazy<IReadOnlyList<LabeledParagraph>> FullCorpus = new(() => CorpusReader.Read([RepoPaths.Corpus]));

    /// <summary>A quick model: every third document of the corpus, two folds, words only.</summary>
    private static readonly Lazy<TrainedModel> SmallModel = new(() => ModelTrainer.Train(SmallCorpus, SmallOptions));

    /// <summary>The default model retrained from the committed corpus with the default options (what the shipped model is).</summary>
    private static readonly Lazy<TrainedModel> RetrainedModel = new(() => ModelTrainer.Train(Corpus));

    public static IReadOnlyList<LabeledParagraph> Corpus => FullCorpus.Value;

    public static TrainedModel Retrained => RetrainedModel.Value;

    public static IReadOnlyList<LabeledParagraph> SmallCorpus =>
        Corpus.Where(p => EveryThirdDocument(p.Document)).ToArray();

    public static TrainingOptions SmallOptions { get; } = new() { Folds = 2, CharNgramMinLength = 0, MaxFeatures = 20_000 };

    public static TrainedModel Small => SmallModel.Value;

    private static bool EveryThirdDocument(string document)
    {
        // Stable across runs (string.GetHashCode is randomised per process).
        int sum = 0;
        foreach (char c in document)
        {
            sum = (sum * 31) + c;
        }

        return (sum & 0x7fffffff) % 3 == 0;
    }
}
