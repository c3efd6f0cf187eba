using System.CommandLine;
using R2P.Classify.Training;

namespace R2P.Classify.Cli.Commands;

/// <summary><c>r2p train</c>: train a model on labeled JSON Lines, write it with its model card.</summary>
internal static class TrainCommand
{
    public static Command Create(CliConsole console)
    {
        var data = new Option<string[]>("--data", "-d") { Description = "Labeled .jsonl files or folders (the codebook's format).", Required = true, AllowMultipleArgumentsPerToken = true };
        var output = new Option<string>("--out", "-o") { Description = "The model file to write (.zip); the model card is written beside it (.json).", Required = true };
        var seed = new Option<int>("--seed") { Description = "Seed for folds and trainers.", DefaultValueFactory = _ => TrainingOptions.Default.Seed };
        var folds = new Option<int>("--folds") { Description = "Cross-validation folds, grouped by document.", DefaultValueFactory = _ => TrainingOptions.Default.Folds };
        var trainer = new Option<LinearTrainer>("--trainer") { Description = "The ML.NET trainer for each label.", DefaultValueFactory = _ => TrainingOptions.Default.Trainer };
        var l2 = new Option<float>("--l2") { Description = "L2 regularization.", DefaultValueFactory = _ => TrainingOptions.Default.L2Regularization };
        var minPrecision = new Option<double?>("--min-precision") { Description = "Choose each label's threshold to reach this out-of-fold precision (default: best F1)." };
        var evaluate = new Option<string[]>("--eval") { Description = "Gold .jsonl files (never trained on) to evaluate the model on and record in the card; missing files are skipped with a notice.", AllowMultipleArgumentsPerToken = true };

        var command = new Command("train", "Train a model on labeled paragraphs and print its cross-validated metrics.") { data, output, seed, folds, trainer, l2, minPrecision, evaluate };
        command.SetAction((parse, cancellationToken) => Task.FromResult(console.Guard(token =>
        {
            IReadOnlyList<LabeledParagraph> corpus = CorpusReader.Read(parse.GetValue(data)!);
            var options = new TrainingOptions
            {
                Seed = parse.GetValue(seed),
                Folds = parse.GetValue(folds),
                Trainer = parse.GetValue(trainer),
                L2Regularization = parse.GetValue(l2),
                MinPrecision = parse.GetValue(minPrecision),
            };
            try
            {
                options.Validate();
            }
            catch (ArgumentOutOfRangeException e)
            {
                throw new CliException(e.Message.Split(Environment.NewLine)[0], ExitCodes.Usage);
            }

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
            var progress = new Progress<string>(line => console.Error.WriteLine($"r2p: {line}"));
            TrainedModel model = ModelTrainer.Train(corpus, options, new SynchronousProgress(console.Error), token);

            string outPath = parse.GetValue(output)!;
            model.Save(outPath);
            MetricsPrinter.Print(console.Out, $"Cross-validated ({options.Folds} folds grouped by document), {corpus.Count} paragraphs:", model.CrossValidation);

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

    /// <summary>Reports progress on the calling thread, in order (Progress&lt;T&gt; would post to the thread pool).</summary>
    private sealed class SynchronousProgress(TextWriter writer) : IProgress<string>
    {
        public void Report(string value) => writer.WriteLine($"r2p: {value}");
    }
}
