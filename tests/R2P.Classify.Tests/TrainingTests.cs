using R2P.Classify.Training;

namespace R2P.Classify.Tests;

public class TrainingTests
{
    [Fact]
    public void Folds_never_split_a_document()
    {
        var corpus = TestModels.Corpus;
        int[] folds = GroupedFolds.Assign(corpus, 5, seed: 1);
        foreach (var document in corpus.Select((p, i) => (p.Document, Fold: folds[i])).GroupBy(x => x.Document))
        {
            Assert.Single(document.Select(x => x.Fold).Distinct());
        }

        var sizes = folds.GroupBy(f => f).Select(g => g.Count()).ToArray();
        Assert.Equal(5, sizes.Length);
        Assert.True(sizes.Max() - sizes.Min() < corpus.Count / 20, string.Join(",", sizes));
    }

    [Fact]
    public void The_same_corpus_and_seed_give_byte_identical_models()
    {
        var corpus = TestModels.SmallCorpus;
        static byte[] Bytes(TrainedModel model)
        {
            using var stream = new MemoryStream();
            model.Save(stream);
            return stream.ToArray();
        }

        Assert.Equal(Bytes(TestModels.Small), Bytes(ModelTrainer.Train(corpus, TestModels.SmallOptions)));
    }

    [Fact]
    public void A_small_model_learns_something_real()
    {
        // Cross-validated on held-out documents: far above chance for a multi-label task.
        Assert.True(TestModels.Small.CrossValidation.Overall.MacroF1 > 0.4, $"macro-F1 {TestModels.Small.CrossValidation.Overall.MacroF1:F3}");
    }

    [Fact]
    public void Thresholds_maximise_F1_on_out_of_fold_scores()
    {
        float[] scores = [0.9f, 0.8f, 0.7f, 0.4f, 0.3f, 0.1f];
        bool[] truth = [true, true, false, true, false, false];
        float threshold = ThresholdSelector.Choose(scores, truth, minPrecision: null);
        Assert.InRange(threshold, 0.3f, 0.4f); // predicting the top four gives F1 = 6/7, the best
        float precise = ThresholdSelector.Choose(scores, truth, minPrecision: 1.0);
        Assert.InRange(precise, 0.7f, 0.8f);   // only the top two are all correct
    }

    [Fact]
    public void Repeated_cross_validation_runs_every_fold_of_every_repetition_on_fresh_folds()
    {
        var lines = new List<string>();
        TrainedModel model = ModelTrainer.Train(TestModels.SmallCorpus, new TrainingOptions { Folds = 2, CharNgramMinLength = 0, MaxFeatures = 20_000, CrossValidationRepeats = 2 }, new ListProgress(lines));
        Assert.Equal(["repeat 1/2, fold 1/2", "repeat 1/2, fold 2/2", "repeat 2/2, fold 1/2", "repeat 2/2, fold 2/2"], lines.Where(l => l.StartsWith("repeat", StringComparison.Ordinal)).Select(l => l[..l.IndexOf(':')]));
        Assert.Equal(2, model.Model.Manifest.Training.CrossValidationRepeats);

        // The first repetition folds as a single run does; the second deals the documents afresh.
        int[] first = GroupedFolds.Assign(TestModels.SmallCorpus, 2, ModelTrainer.RepeatSeed(TestModels.SmallOptions.Seed, 0));
        int[] second = GroupedFolds.Assign(TestModels.SmallCorpus, 2, ModelTrainer.RepeatSeed(TestModels.SmallOptions.Seed, 1));
        Assert.Equal(GroupedFolds.Assign(TestModels.SmallCorpus, 2, TestModels.SmallOptions.Seed), first);
        double moved = first.Zip(second).Count(p => p.First != p.Second) / (double)first.Length;
        Assert.InRange(moved, 0.3, 0.7);   // about half the paragraphs change side, as with an independent shuffle
    }

    private sealed class ListProgress(List<string> lines) : IProgress<string>
    {
        public void Report(string value) => lines.Add(value);
    }

    [Fact]
    public void Platt_calibration_orders_probabilities_like_margins()
    {
        float[] margins = Enumerable.Range(-50, 101).Select(i => i / 10f).ToArray();
        bool[] truth = margins.Select((m, i) => m > 0 ^ i % 7 == 0).ToArray();
        (double slope, double offset) = Calibration.FitPlatt(margins, truth);
        Assert.True(slope < 0, $"slope {slope}");
        double p(float m) => 1 / (1 + Math.Exp((slope * m) + offset));
        Assert.True(p(3) > 0.8 && p(-3) < 0.2);
    }

    [Fact]
    public void A_label_with_too_few_examples_is_named_before_training()
    {
        var corpus = TestModels.Corpus.Where(p => !p.Labels.Contains("veto-restraint")).Take(300)
            .Concat(TestModels.Corpus.Where(p => p.Labels.Contains("veto-restraint")).Take(3)).ToArray();
        var e = Assert.Throws<CorpusFormatException>(() => ModelTrainer.Train(corpus));
        Assert.Contains("'veto-restraint' has 3", e.Message);
        Assert.Contains("at least 10", e.Message);
    }

    [Fact]
    public void Training_stops_when_cancelled()
    {
        using var cancel = new CancellationTokenSource();
        cancel.Cancel();
        Assert.ThrowsAny<OperationCanceledException>(() => ModelTrainer.Train(TestModels.SmallCorpus, TestModels.SmallOptions, cancellationToken: cancel.Token));
    }

    [Fact]
    public void Retraining_from_the_corpus_reproduces_the_shipped_model()
    {
        // The shipped model is what the committed corpus and the default options produce. Bytes are
        // identical on the machine that trained it; across processors, floating-point sums in the
        // trainer may differ in the last bits, so scores are compared with a tolerance.
        TrainedModel retrained = TestModels.Retrained;
        using var shipped = R2PClassifier.Load(RepoPaths.DefaultModel);
        Assert.True(retrained.CorpusHash == shipped.Model.CorpusHash,
            "seeds/corpus changed since models/r2p-default.zip was trained: retrain with the README's command and commit the model.");
        using R2PClassifier fresh = retrained.CreateClassifier();
        var gold = CorpusReader.Read([RepoPaths.SeedGold]);
        foreach (var paragraph in gold)
        {
            float[] expected = shipped.Classify(paragraph.Text).Scores.Select(s => s.Score).ToArray();
            float[] actual = fresh.Classify(paragraph.Text).Scores.Select(s => s.Score).ToArray();
            for (int l = 0; l < expected.Length; l++)
            {
                Assert.True(Math.Abs(expected[l] - actual[l]) < 1e-3, $"{paragraph.Id} {shipped.Labels[l].Id}: shipped {expected[l]}, retrained {actual[l]}");
            }
        }

        foreach ((string label, float threshold) in shipped.Model.Thresholds)
        {
            Assert.Equal(threshold, retrained.Thresholds[label], 3);
        }
    }
}
