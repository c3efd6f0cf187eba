using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using Microsoft.ML;
using Microsoft.ML.Data;
using R2P.Classify.Features;
using R2P.Classify.Model;

namespace R2P.Classify.Training;

/// <summary>
/// Trains a multi-label model: shared n-gram TF-IDF features, one ML.NET linear classifier per label,
/// Platt calibration and per-label thresholds chosen on out-of-fold predictions grouped by document.
/// </summary>
public static class ModelTrainer
{
    /// <summary>Trains a model on <paramref name="corpus"/>.</summary>
    /// <param name="corpus">Labeled paragraphs; paragraphs sharing a document id stay in the same fold.</param>
    /// <param name="options">Options, or <see langword="null"/> for <see cref="TrainingOptions.Default"/>.</param>
    /// <param name="progress">Receives one line per training stage, or <see langword="null"/>.</param>
    /// <param name="cancellationToken">Stops training between steps.</param>
    /// <exception cref="CorpusFormatException">The corpus is empty or a label has too few examples to train.</exception>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    public static TrainedModel Train(IReadOnlyList<LabeledParagraph> corpus, TrainingOptions? options = null, IProgress<string>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(corpus);
        options ??= TrainingOptions.Default;
        options.Validate();
        LabelSet labels = LabelSet.V1;
        CheckCorpus(corpus, labels, options);

        var clock = Stopwatch.StartNew();
        FeatureOptions featureOptions = options.FeatureOptions();
        string[] texts = corpus.Select(p => p.Text).ToArray();
        bool[][] truth = labels.Select(l => corpus.Select(p => p.Labels.Contains(l.Id, StringComparer.Ordinal)).ToArray()).ToArray();
        ulong[][] hashes = FeatureSpaceBuilder.DistinctHashes(texts, featureOptions);

        // Out-of-fold margins: every paragraph scored by models that never saw its document, once per
        // repetition of the cross-validation with a fresh fold assignment. A best-F1 threshold sits on a
        // flat curve, so one fold assignment moves it by several points; pooling repetitions steadies it.
        int n = corpus.Count, repeats = options.CrossValidationRepeats;
        var margins = new float[labels.Count][];
        for (int l = 0; l < labels.Count; l++)
        {
            margins[l] = new float[n * repeats];
        }

        for (int repeat = 0; repeat < repeats; repeat++)
        {
            int[] foldOf = GroupedFolds.Assign(corpus, options.Folds, RepeatSeed(options.Seed, repeat));
            for (int fold = 0; fold < options.Folds; fold++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                int[] train = Enumerable.Range(0, n).Where(i => foldOf[i] != fold).ToArray();
                int[] test = Enumerable.Range(0, n).Where(i => foldOf[i] == fold).ToArray();
                (FeatureSpace space, float[][] weights, float[] biases, _) = FitAll(texts, hashes, truth, train, featureOptions, options, cancellationToken);
                var scratch = new VectorScratch();
                foreach (int row in test)
                {
                    space.Vectorize(texts[row], scratch);
                    for (int l = 0; l < labels.Count; l++)
                    {
                        margins[l][(repeat * n) + row] = Margin(scratch, weights[l], biases[l]);
                    }
                }

                string round = repeats > 1 ? $"repeat {repeat + 1}/{repeats}, " : "";
                progress?.Report($"{round}fold {fold + 1}/{options.Folds}: trained on {train.Length} paragraphs, scored {test.Length} ({clock.Elapsed.TotalSeconds:F1} s)");
            }
        }

        // Calibration and thresholds from the pooled out-of-fold margins; the reported cross-validation
        // figures are those of the first repetition, so that each paragraph counts once.
        var calibration = new (double Slope, double Offset)[labels.Count];
        float[] thresholds = new float[labels.Count];
        double[] calibrationError = new double[labels.Count];
        var outOfFold = new List<string>[n];
        for (int i = 0; i < n; i++)
        {
            outOfFold[i] = [];
        }

        for (int l = 0; l < labels.Count; l++)
        {
            bool[] pooledTruth = Enumerable.Repeat(truth[l], repeats).SelectMany(t => t).ToArray();
            calibration[l] = Calibration.FitPlatt(margins[l], pooledTruth);
            float[] probabilities = margins[l].Select(m => (float)(1.0 / (1.0 + Math.Exp((calibration[l].Slope * m) + calibration[l].Offset)))).ToArray();
            thresholds[l] = ThresholdSelector.Choose(probabilities, pooledTruth, options.MinPrecision);
            calibrationError[l] = Calibration.ExpectedCalibrationError(probabilities, pooledTruth);
            for (int i = 0; i < n; i++)
            {
                if (probabilities[i] >= thresholds[l])
                {
                    outOfFold[i].Add(labels[l].Id);
                }
            }
        }

        EvaluationReport crossValidation = Evaluator.Compare(labels, corpus, outOfFold);

        // The final model sees the whole corpus.
        cancellationToken.ThrowIfCancellationRequested();
        int[] all = Enumerable.Range(0, corpus.Count).ToArray();
        (FeatureSpace finalSpace, float[][] finalWeights, float[] finalBiases, ITransformer[] finalScorers) = FitAll(texts, hashes, truth, all, featureOptions, options, cancellationToken);
        progress?.Report($"final model: {finalSpace.Dimension} features, {corpus.Count} paragraphs ({clock.Elapsed.TotalSeconds:F1} s)");

        float[] matrix = new float[finalSpace.Dimension * labels.Count];
        for (int l = 0; l < labels.Count; l++)
        {
            for (int f = 0; f < finalSpace.Dimension; f++)
            {
                matrix[(f * labels.Count) + l] = finalWeights[l][f];
            }
        }

        var manifest = new ModelManifest
        {
            LibraryVersion = R2PClassifier.LibraryVersion,
            CodebookVersion = labels.CodebookVersion,
            Labels = labels.Select((label, l) => new ManifestLabel
            {
                Id = label.Id,
                Kind = label.Kind == LabelKind.Pillar ? "pillar" : "theme",
                Threshold = thresholds[l],
                Bias = finalBiases[l],
                CalibrationSlope = calibration[l].Slope,
                CalibrationOffset = calibration[l].Offset,
            }).ToArray(),
            Features = new ManifestFeatures
            {
                WordNgramLength = featureOptions.WordNgramLength,
                CharNgramMinLength = featureOptions.CharNgramMinLength,
                CharNgramMaxLength = featureOptions.CharNgramMaxLength,
                Lexicon = featureOptions.Lexicon?.Hash ?? "",
                SubwordTokens = featureOptions.SubwordTokens ? SubwordTokens.Encoding : "",
                Dimension = finalSpace.Dimension,
                Weighting = featureOptions.WeightingName,
            },
            Training = new ManifestTraining
            {
                Trainer = options.Trainer.ToString(),
                L2Regularization = options.L2Regularization,
                LexiconWeight = options.UseLexicon ? options.LexiconWeight : 1f,
                Seed = options.Seed,
                Folds = options.Folds,
                CrossValidationRepeats = options.CrossValidationRepeats,
                ThresholdObjective = options.MinPrecision is double p ? $"min-precision:{p.ToString(System.Globalization.CultureInfo.InvariantCulture)}" : "max-f1",
                CorpusHash = CorpusHash(corpus),
                CorpusParagraphs = corpus.Count,
                CorpusDocuments = corpus.Select(c => c.Document).Distinct(StringComparer.Ordinal).Count(),
            },
            Metrics = crossValidation.Overall.Labels.ToDictionary(
                m => m.Label,
                m => new ManifestLabelMetrics
                {
                    Precision = Math.Round(m.Precision, 4),
                    Recall = Math.Round(m.Recall, 4),
                    F1 = Math.Round(m.F1, 4),
                    Support = m.Support,
                    CalibrationError = Math.Round(calibrationError[labels.IndexOf(m.Label)], 4),
                },
                StringComparer.Ordinal),
        };

        return new TrainedModel(new R2PModel(manifest, labels, finalSpace, matrix), crossValidation, finalScorers);
    }

    /// <summary>The fold seed of a repetition: the first uses the seed itself, so one repetition folds as before.</summary>
    internal static int RepeatSeed(int seed, int repeat) => repeat == 0 ? seed : unchecked(seed + (repeat * 1_000_003));

    /// <summary>The SHA-256 of the corpus in a canonical form (sorted by id), so the same data always hashes the same.</summary>
    internal static string CorpusHash(IReadOnlyList<LabeledParagraph> corpus)
    {
        var builder = new StringBuilder();
        foreach (LabeledParagraph p in corpus.OrderBy(p => p.Id, StringComparer.Ordinal))
        {
            builder.Append(p.Id).Append('\t').Append(p.Document).Append('\t').Append(p.Language).Append('\t')
                .Append(string.Join(',', p.Labels.Order(StringComparer.Ordinal))).Append('\t').Append(p.Text).Append('\n');
        }

        return "sha256:" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(builder.ToString()))).ToLowerInvariant();
    }

    private static void CheckCorpus(IReadOnlyList<LabeledParagraph> corpus, LabelSet labels, TrainingOptions options)
    {
        if (corpus.Count == 0)
        {
            throw new CorpusFormatException("The corpus is empty: training needs labeled paragraphs.");
        }

        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (LabeledParagraph p in corpus)
        {
            if (!ids.Add(p.Id))
            {
                throw new CorpusFormatException($"Duplicate paragraph id '{p.Id}'.");
            }

            if (string.IsNullOrWhiteSpace(p.Text))
            {
                throw new CorpusFormatException($"Paragraph '{p.Id}' has empty text.");
            }

            foreach (string label in p.Labels)
            {
                if (labels.IndexOf(label) < 0)
                {
                    throw new CorpusFormatException($"Paragraph '{p.Id}' has unknown label '{label}'; valid ids: {string.Join(", ", labels.Select(l => l.Id))}.");
                }
            }
        }

        int documents = corpus.Select(p => p.Document).Distinct(StringComparer.Ordinal).Count();
        if (documents < options.Folds)
        {
            throw new CorpusFormatException($"The corpus has {documents} documents; {options.Folds}-fold cross-validation by document needs at least {options.Folds}.");
        }

        var shortLabels = labels
            .Select(l => (l.Id, Count: corpus.Count(p => p.Labels.Contains(l.Id, StringComparer.Ordinal))))
            .Where(x => x.Count < options.MinPositivesPerLabel)
            .ToArray();
        if (shortLabels.Length > 0)
        {
            throw new CorpusFormatException(
                $"Too few examples to train: {string.Join(", ", shortLabels.Select(s => $"'{s.Id}' has {s.Count}"))}; each label needs at least {options.MinPositivesPerLabel} positive paragraphs.");
        }
    }

    private static (FeatureSpace Space, float[][] Weights, float[] Biases, ITransformer[] Scorers) FitAll(
        string[] texts, ulong[][] hashes, bool[][] truth, int[] rows, FeatureOptions featureOptions, TrainingOptions options, CancellationToken cancellationToken)
    {
        FeatureSpace space = FeatureSpaceBuilder.Build(hashes, rows, featureOptions, options.MinDocumentFrequency, options.MaxFeatures, options.LexiconWeight);
        var vectors = new VBuffer<float>[rows.Length];
        Parallel.For(0, rows.Length, () => new VectorScratch(), (i, _, scratch) =>
        {
            vectors[i] = LabelFitter.Vectorize(space, texts[rows[i]], scratch);
            return scratch;
        }, _ => { });

        int labelCount = truth.Length;
        var weights = new float[labelCount][];
        float[] biases = new float[labelCount];
        var scorers = new ITransformer[labelCount];
        var parallel = new ParallelOptions { CancellationToken = cancellationToken };
        Parallel.For(0, labelCount, parallel, l =>
        {
            bool[] y = rows.Select(r => truth[l][r]).ToArray();
            (weights[l], biases[l], scorers[l]) = LabelFitter.Fit(vectors, y, space.Dimension, options);
        });
        return (space, weights, biases, scorers);
    }

    private static float Margin(VectorScratch scratch, float[] weights, float bias)
    {
        float margin = bias;
        for (int i = 0; i < scratch.Count; i++)
        {
            margin += scratch.Values[i] * weights[scratch.Indices[i]];
        }

        return margin;
    }
}
