using System.CommandLine;
using R2P.Classify.Training;

namespace R2P.Classify.Cli.Commands;

/// <summary><c>r2p train</c>: train a model on labeled JSON Lines, write it with its model card.</summary>
internal static class TrainCommand
{
    public static Command Create(CliConsole console)
    {
        var data = new Option<string[]>("--data", "-d") { Description = "Labeled .jsonl files or folders (the codebook's format).", Required = true, AllowMultipleArgumentsPerToken = true };
        var output = new Option<string>("--out", "-o") { Description = "The model file to write (.zip); the model card is written beside it (.json).", Required = true }.MustBeWritableFilePath();
        var seed = new Option<int>("--seed") { Description = "Seed for folds and trainers.", DefaultValueFactory = _ => TrainingOptions.Default.Seed };
        var folds = new Option<int>("--folds") { Description = "Cross-validation folds, grouped by document.", DefaultValueFactory = _ => TrainingOptions.Default.Folds };
        var repeats = new Option<int>("--repeats") { Description = "Run the cross-validation this many times with fresh folds; calibration and thresholds use all of them.", DefaultValueFactory = _ => TrainingOptions.Default.CrossValidationRepeats };
        var trainer = new Option<LinearTrainer>("--trainer") { Description = "The ML.NET trainer for each label.", DefaultValueFactory = _ => TrainingOptions.Default.Trainer };
        var l2 = new Option<float>("--l2") { Description = "L2 regularization.", DefaultValueFactory = _ => TrainingOptions.Default.L2Regularization };
        var minPrecision = new Option<double?>("--min-precision") { Description = "Choose each label's threshold to reach this out-of-fold precision (default: best F1)." };
        var wordNgrams = new Option<int>("--word-ngrams") { Description = "Word n-grams up to this length (1 to 3).", DefaultValueFactory = _ => TrainingOptions.Default.WordNgramLength };
        var charNgrams = new Option<string>("--char-ngrams") { Description = "Character n-gram lengths inside words, as MIN-MAX, or 0 for none.", DefaultValueFactory = _ => TrainingOptions.Default.CharNgramMinLength == 0 ? "0" : $"{TrainingOptions.Default.CharNgramMinLength}-{TrainingOptions.Default.CharNgramMaxLength}" };
        var maxFeatures = new Option<int>("--max-features") { Description = "Keep at most this many n-grams, the most frequent first.", DefaultValueFactory = _ => TrainingOptions.Default.MaxFeatures };
        var minDf = new Option<int>("--min-df") { Description = "Keep n-grams found in at least this many paragraphs.", DefaultValueFactory = _ => TrainingOptions.Default.MinDocumentFrequency };
        var lexicon = new Option<bool>("--lexicon") { Description = "Add lexicon features (key R2P terms per label in six languages).", DefaultValueFactory = _ => TrainingOptions.Default.UseLexicon };
        var lexiconWeight = new Option<float>("--lexicon-weight") { Description = "Factor on the lexicon features' IDF (1: plain TF-IDF).", DefaultValueFactory = _ => TrainingOptions.Default.LexiconWeight };
        var subwords = new Option<bool>("--subwords") { Description = "Add subword token features (o200k_base, Microsoft.ML.Tokenizers).", DefaultValueFactory = _ => TrainingOptions.Default.UseSubwordTokens };
        var normalization = new Option<string>("--normalization")
        {
            Description = "Scale each paragraph's TF-IDF vector by the square root of its length (sqrt) or to unit length (l2).",
            DefaultValueFactory = _ => TrainingOptions.Default.Normalization == FeatureNormalization.SquareRootLength ? "sqrt" : "l2",
        };
        normalization.AcceptOnlyFromAmong("sqrt", "l2");
        var evaluate = new Option<string[]>("--eval") { Description = "Gold .jsonl files (never trained on) to evaluate the model on and record in the card; missing files are skipped with a notice.", AllowMultipleArgumentsPerToken = true };

        var command = new Command("train", "Train a model on labeled paragraphs and print its cross-validated metrics.") { data, output, seed, folds, repeats, trainer, l2, minPrecision, wordNgrams, charNgrams, maxFeatures, minDf, lexicon, lexiconWeight, subwords, normalization, evaluate };
        command.SetAction((parse, cancellationToken) => Task.FromResult(console.Guard(token =>
        {
            var options = new TrainingOptions
            {
                Seed = parse.GetValue(seed),
                Folds = parse.GetValue(folds),
                CrossValidationRepeats = parse.GetValue(repeats),
                Trainer = parse.GetValue(trainer),
                L2Regularization = parse.GetValue(l2),
                MinPrecision = parse.GetValue(minPrecision),
                WordNgramLength = parse.GetValue(wordNgrams),
                CharNgramMinLength = ParseRange(parse.GetValue(charNgrams)!).Min,
                CharNgramMaxLength = ParseRange(parse.GetValue(charNgrams)!).Max,
                MaxFeatures = parse.GetValue(maxFeatures),
                MinDocumentFrequency = parse.GetValue(minDf),
                UseLexicon = parse.GetValue(lexicon),
                LexiconWeight = parse.GetValue(lexiconWeight),
                UseSubwordTokens = parse.GetValue(subwords),
                Normalization = parse.GetValue(normalization) == "l2" ? FeatureNormalization.UnitLength : FeatureNormalization.SquareRootLength,
            };
            try
            {
                options.Validate();
            }
            catch (ArgumentOutOfRangeException e)
            {
                throw new CliException(OptionMessage(e), ExitCodes.Usage);
            }

            IReadOnlyList<LabeledParagraph> corpus = CorpusReader.Read(parse.GetValue(data)!);

            // Read every gold file before spending time on training, so a typo fails fast.
            var gold = new List<(string Name, IReadOnlyList<LabeledParagraph> Rows)>();
            foreach (string path in parse.GetValue(evaluate) ?? [])
            {
                if (!File.Exists(path))
                {
                    console.Warn($"notice: evaluation set '{path}' not found; skipped.");
                    continue;
                }

                gold.Add((path, CorpusReader.Read([path])));
            }

            console.Error.WriteLine($"r2p: training on {corpus.Count} paragraphs from {corpus.Select(p => p.Document).Distinct(StringComparer.Ordinal).Count()} documents");
            TrainedModel model = ModelTrainer.Train(corpus, options, new SynchronousProgress(console.Error), token);

            string outPath = parse.GetValue(output)!;
            model.Save(outPath);
            string repetitions = options.CrossValidationRepeats > 1 ? $", the first of {options.CrossValidationRepeats} repetitions" : "";
            MetricsPrinter.Print(console.Out, $"Cross-validated ({options.Folds} folds grouped by document{repetitions}), {corpus.Count} paragraphs:", model.CrossValidation);

            var evaluations = new List<ModelEvaluation>();
            using (R2PClassifier classifier = model.CreateClassifier())
            {
                foreach ((string name, IReadOnlyList<LabeledParagraph> rows) in gold)
                {
                    EvaluationReport report = Evaluator.Evaluate(classifier, rows, token);
                    evaluations.Add(new ModelEvaluation(name, report));
                    MetricsPrinter.Print(console.Out, $"Evaluation on {name} (never trained on):", report);
                }
            }

            string cardPath = Path.ChangeExtension(outPath, ".json");
            model.SaveCard(cardPath, Path.GetFileName(outPath), evaluations);
            console.Error.WriteLine($"r2p: wrote {outPath} and {cardPath}");
            return ExitCodes.Success;
        }, cancellationToken)));
        return command;
    }

    // The library names its properties; the person at the command line typed options.
    private static readonly Dictionary<string, string> OptionNames = new(StringComparer.Ordinal)
    {
        [nameof(TrainingOptions.Folds)] = "--folds",
        [nameof(TrainingOptions.CrossValidationRepeats)] = "--repeats",
        [nameof(TrainingOptions.L2Regularization)] = "--l2",
        [nameof(TrainingOptions.LexiconWeight)] = "--lexicon-weight",
        [nameof(TrainingOptions.MinDocumentFrequency)] = "--min-df",
        [nameof(TrainingOptions.MaxFeatures)] = "--max-features",
        [nameof(TrainingOptions.MinPrecision)] = "--min-precision",
        [nameof(TrainingOptions.WordNgramLength)] = "--word-ngrams",
        [nameof(TrainingOptions.CharNgramMinLength)] = "--char-ngrams",
    };

    /// <summary>"--lexicon-weight 0: must be above 0 and at most 100." from the library's range error.</summary>
    private static string OptionMessage(ArgumentOutOfRangeException e)
    {
        string rule = e.Message.Split(" (Parameter '", 2)[0].Split(Environment.NewLine)[0];
        if (e.ParamName is not { } name || !OptionNames.TryGetValue(name, out string? option))
        {
            return rule;
        }

        // --char-ngrams is typed as a range; the library reports one end of it, so name the option alone.
        string what = e.ActualValue is null || name == nameof(TrainingOptions.CharNgramMinLength)
            ? option
            : $"{option} {Convert.ToString(e.ActualValue, System.Globalization.CultureInfo.InvariantCulture)}";
        return rule.StartsWith(name + " ", StringComparison.Ordinal) ? $"{what}: {rule[(name.Length + 1)..]}" : $"{what}: {rule}";
    }

    private static (int Min, int Max) ParseRange(string value)
    {
        if (value == "0")
        {
            return (0, 0);
        }

        string[] parts = value.Split('-');
        if (parts.Length == 2 && int.TryParse(parts[0], out int min) && int.TryParse(parts[1], out int max))
        {
            return (min, max);
        }

        throw new CliException($"--char-ngrams takes MIN-MAX (e.g. 3-5) or 0, not '{value}'.", ExitCodes.Usage);
    }

    /// <summary>Reports progress on the calling thread, in order (Progress&lt;T&gt; would post to the thread pool).</summary>
    private sealed class SynchronousProgress(TextWriter writer) : IProgress<string>
    {
        public void Report(string value) => writer.WriteLine($"r2p: {value}");
    }
}
