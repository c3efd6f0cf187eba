using System.CommandLine;
using System.Text.Json;
using R2P.Classify.Training;

namespace R2P.Classify.Cli.Commands;

/// <summary><c>r2p evaluate</c>: compare a model's labels with gold labels.</summary>
internal static class EvaluateCommand
{
    public static Command Create(CliConsole console)
    {
        var data = new Option<string[]>("--data", "-d") { Description = "Gold-labeled .jsonl files or folders.", Required = true, AllowMultipleArgumentsPerToken = true };
        var model = CommonOptions.Model();
        var format = new Option<string>("--format", "-f") { Description = "Output format.", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "json");

        var command = new Command("evaluate", "Print per-label precision, recall, F1 and support, and macro- and micro-F1, overall and by language.") { data, model, format };
        command.SetAction((parse, cancellationToken) => Task.FromResult(console.Guard(token =>
        {
            IReadOnlyList<LabeledParagraph> gold = CorpusReader.Read(parse.GetValue(data)!);
            using R2PClassifier classifier = CommonOptions.LoadClassifier(parse.GetValue(model));
            EvaluationReport report = Evaluator.Evaluate(classifier, gold, token);
            if (parse.GetValue(format) == "json")
            {
                console.Out.WriteLine(ReportJson.Report(report).ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
            }
            else
            {
                MetricsPrinter.Print(console.Out, $"Evaluation on {string.Join(", ", parse.GetValue(data)!)}:", report);
            }

            return ExitCodes.Success;
        }, cancellationToken)));
        return command;
    }
}
